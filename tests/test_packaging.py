"""Packaging: what pyproject.toml declares holds — the dependency floors give right gradients, the resources
are found from a checkout and from installs, and the import contracts really catch a broken house rule."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import numpy as np
import pytest
from packaging.version import Version

import pycarrot as pc
from carrot_gui import paths

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
AT_FLOORS_ENV = (
    "PYCARROT_AT_FLOORS"  # .ci/run sets it to 1 in the venv where every dependency is at its floor
)
SHIPPED_EXAMPLES = {"study_hours.csv", "houses.csv", "spring_no_header.csv"}


def declared_floors() -> dict[str, Version]:
    """``{distribution: floor}`` of the runtime dependencies, read from pyproject.toml (``name>=X``)."""
    floors = {}
    for requirement in PYPROJECT["project"]["dependencies"]:
        m = re.match(r"\s*([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)", requirement)
        assert m, f"a dependency without a floor: {requirement!r}"
        floors[m[1]] = Version(m[2])
    return floors


def test_every_runtime_dependency_has_a_floor_and_the_ci_venv_has_exactly_it():
    floors = declared_floors()
    assert {"numpy", "PySide6-Essentials", "pyqtgraph", "psygnal"} <= set(floors)
    if os.environ.get(AT_FLOORS_ENV) != "1":
        pytest.skip(f"{AT_FLOORS_ENV}=1 is set only where .ci/run installs every dependency at its floor")
    installed = {name: Version(metadata.version(name)) for name in floors}
    assert installed == floors
    assert Version(np.__version__) == floors["numpy"]


# 0-d (scalars) and small arrays: NumPy before 2.3 fails on the engine's `out=...` in exactly these
CASES = {
    "tanh": (pc.tanh, 0.7),
    "exp": (pc.exp, [[0.3, -1.2], [0.5, 2.0]]),
    "sigmoid": (pc.sigmoid, -0.4),
    "mul + sin": (lambda a, b: a * pc.sin(b), 1.5, [0.2, -0.8, 1.1]),
    "div - sqrt": (lambda a, b: a / b - pc.sqrt(b), [2.0, -3.0], 1.7),
    "matmul + mean": (lambda a, b: pc.mean(a @ b), [[1.0, 2.0], [3.0, -1.0]], [[0.5], [-2.0]]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_gradients_are_right_with_the_installed_numpy(name):
    fn, *values = CASES[name]
    inputs = [pc.Carrot(np.array(v, dtype=np.float64), requires_grad=True) for v in values]
    result = pc.gradcheck(fn, *inputs)
    assert result, f"{name} with NumPy {np.__version__}: {result}"


def test_the_resources_are_found_from_the_checkout():
    assert paths.resources_dir() == ROOT / "resources"
    assert {p.name for p in paths.dataset_files()} >= SHIPPED_EXAMPLES
    assert paths.icon_path().is_file() and paths.icon_path().suffix == ".svg"
    # they live at the top level only: the package's copy is made by installing (a merge that brings files
    # back to carrot_gui/resources/ would leave them out of a checkout's app)
    assert not (paths.PACKAGE_DIR / "resources").exists(), "move carrot_gui/resources/* to resources/"


def test_datasets_in_subfolders_are_found(tmp_path):
    (tmp_path / "digits").mkdir()
    for name in ("a.csv", "digits/digits.csv.gz", "digits/LICENSE.txt", "README.md"):
        (tmp_path / name).write_text("x\n")
    assert [p.relative_to(tmp_path).as_posix() for p in paths.dataset_files(tmp_path)] == [
        "a.csv",
        "digits/digits.csv.gz",
    ]


def test_the_window_shows_the_carrot_icon(qtbot):
    from carrot_gui import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    colours = [image.pixelColor(x, y) for x in range(64) for y in range(64)]
    opaque = [c for c in colours if c.alpha() > 200]
    # drawn, not blank: a carrot (orange: red well above blue) and the arrow's blue end
    assert sum(c.red() > 200 and c.blue() < 120 for c in opaque) > 200
    assert sum(c.blue() > 150 and c.red() < 90 for c in opaque) > 10


def _source_copy(dest: Path) -> Path:
    """The files a build reads, copied away from the checkout so building leaves no build/ or egg-info in it."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    dest.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("pycarrot", "carrot_gui", "resources"):
        shutil.copytree(ROOT / name, dest / name, ignore=skip)
    return dest


CHECK_INSTALL = """
import json, sys
from pathlib import Path
import carrot_gui
from carrot_gui import MainWindow, paths
from carrot_gui.training.data import find_examples
from PySide6.QtWidgets import QApplication

app = QApplication([])
res = paths.resources_dir()
print(json.dumps({
    "package": carrot_gui.__file__,
    "resources": str(res),
    "files": sorted(p.relative_to(res).as_posix() for p in res.rglob("*") if p.is_file()),
    "examples": [Path(e.path).name for e in find_examples()],
    "icon": not MainWindow().windowIcon().isNull(),
}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("editable", [False, True], ids=["pip install .", "pip install -e ."])
def test_an_install_finds_every_dataset_and_the_icon(tmp_path, editable):
    src = _source_copy(tmp_path / "src")
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", env_dir], check=True)
    python = env_dir / "bin" / "python"
    # the dependencies come from the running environment (its site-packages after the venv's own, without
    # running its .pth files, so an editable install there stays out); the package only from this install,
    # built with the running environment's setuptools (the test extra's, at least the build-system floor)
    inner = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    )
    outer = [p for p in sys.path if p.endswith("site-packages")]
    (Path(inner.stdout.strip()) / "running_env.pth").write_text("\n".join(outer) + "\n")
    pip = [
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        "--no-build-isolation",
    ]
    done = subprocess.run(
        [*pip, *(["-e"] if editable else []), src], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([python, "-c", CHECK_INSTALL], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout.strip().splitlines()[-1])
    package_home = src if editable else env_dir
    assert Path(found["package"]).is_relative_to(package_home), found["package"]
    assert Path(found["resources"]).is_relative_to(package_home), found["resources"]
    shipped = sorted(
        p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()
    )
    assert found["files"] == shipped
    assert set(found["examples"]) >= SHIPPED_EXAMPLES
    assert found["icon"]


def test_the_import_contracts_catch_qt_in_the_engine_and_in_qt_free_modules(tmp_path):
    """A copy of the packages with one broken rule per contract path: lint-imports must name each."""
    if shutil.which("lint-imports") is None:
        pytest.fail("lint-imports is missing: pip install -e '.[test]' installs import-linter")
    src = _source_copy(tmp_path / "src")
    breaks = {
        "pycarrot/random.py": "import carrot_gui.theme",  # the engine reaching into the app
        "carrot_gui/expression/graph.py": "import PySide6",  # a Qt-free module importing Qt
        "carrot_gui/expression/layout.py": "from carrot_gui.expression.qt import ExpressionLab",  # or the widgets
        "carrot_gui/training/session.py": "from carrot_gui.kit import widgets",  # or Qt through a Qt module
    }
    for path, line in breaks.items():
        with open(src / path, "a", encoding="utf-8") as f:
            f.write(f"\n{line}\n")
    out = subprocess.run(["lint-imports", "--no-cache"], cwd=src, capture_output=True, text=True)
    assert out.returncode == 1, out.stdout + out.stderr
    for module in ("pycarrot", "carrot_gui.expression.graph", "carrot_gui.expression.layout"):
        assert f"{module} is not allowed to import" in out.stdout, out.stdout
    assert "carrot_gui.training.session is not allowed to import PySide6" in out.stdout
    assert "Contracts: 0 kept, 2 broken." in out.stdout
