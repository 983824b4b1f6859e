"""The example CSV files the Training lab offers (the shipped ones, or a folder named by
``$CARROT_GUI_DATASETS``), each with a title and a line saying what to try with it. Qt-free.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..i18n import QT_TRANSLATE_NOOP

EXAMPLES_ENV = "CARROT_GUI_DATASETS"  # a folder of CSV files to offer instead of the shipped ones


@dataclass(frozen=True)
class Example:
    """A CSV file offered in the lab's "Example datasets" list, with a line saying what to try with it."""

    path: str
    title: str
    hint: str = ""


# what the shipped files are and what to try with each (resources/datasets/README.md tells how they were made)
KNOWN_EXAMPLES: dict[str, tuple[str, str]] = {
    "study_hours.csv": (
        QT_TRANSLATE_NOOP("TrainingData", "Study hours → exam score"),
        QT_TRANSLATE_NOOP(
            "TrainingData",
            "One feature: watch the line swing into place. The first losses are huge; try Log y.",
        ),
    ),
    "houses.csv": (
        QT_TRANSLATE_NOOP("TrainingData", "Houses → price (3 features)"),
        QT_TRANSLATE_NOOP(
            "TrainingData",
            "Features on very different scales: train as is (the loss diverges), then tick Standardise features.",
        ),
    ),
    "spring_no_header.csv": (
        QT_TRANSLATE_NOOP("TrainingData", "Spring: mass → stretch (no header)"),
        QT_TRANSLATE_NOOP(
            "TrainingData",
            "No header row: the columns are called 'column 1' and 'column 2'. Hooke's law is a straight line.",
        ),
    ),
}


def example_dirs() -> list[Path]:
    """Where example CSV files may be, best first: ``$CARROT_GUI_DATASETS``, then the shipped datasets
    (``resources/datasets``; :mod:`carrot_gui.paths` finds them in a checkout and in an install)."""
    dirs = []
    if os.environ.get(EXAMPLES_ENV):
        dirs.append(Path(os.environ[EXAMPLES_ENV]))
    dirs.append(paths.datasets_dir())
    return dirs


def find_examples(dirs: list[Path] | None = None) -> list[Example]:
    """The example datasets of the first folder that has any CSV files: known ones first, with titles and
    hints, then any other ``*.csv`` by file name. Empty when no folder has any (an install without them)."""
    for d in example_dirs() if dirs is None else dirs:
        try:
            files = sorted(p for p in d.glob("*.csv") if p.is_file())
        except OSError:
            continue
        if not files:
            continue
        by_name = {p.name: p for p in files}
        out = [Example(str(by_name[n]), *KNOWN_EXAMPLES[n]) for n in KNOWN_EXAMPLES if n in by_name]
        out += [Example(str(p), p.stem.replace("_", " ")) for p in files if p.name not in KNOWN_EXAMPLES]
        return out
    return []
