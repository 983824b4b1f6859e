"""Where the app's files are (example datasets, the icon): the one place that knows, for a source checkout,
an editable install and an installed wheel alike. Qt-free.

The files live in the repository's top-level ``resources/``; an install ships them inside the package as
``carrot_gui/resources`` (setup.py maps the folder, pyproject's package-data takes every file in it).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent  # carrot_gui/
ICON_NAME = "pycarrot.svg"


def resources_dir() -> Path:
    """The resources folder: the checkout's top-level ``resources/`` when the package runs from a source tree
    (tests from the repo root, ``pip install -e .``), else the copy installed with the package."""
    checkout = PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout / "resources"
    return PACKAGE_DIR / "resources"


def datasets_dir() -> Path:
    """The shipped example datasets (``*.csv`` at the top, bigger ones in subfolders such as ``digits/``)."""
    return resources_dir() / "datasets"


def dataset_files(folder: Path | None = None) -> list[Path]:
    """Every data file under ``folder`` (the shipped datasets by default), subfolders included, sorted;
    notes (``README.md``, licences) are not data."""
    root = datasets_dir() if folder is None else folder
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name.endswith((".csv", ".csv.gz")))


def icon_path() -> Path:
    """The app icon (an SVG carrot with a gradient arrow), used as the window icon."""
    return resources_dir() / "icons" / ICON_NAME
