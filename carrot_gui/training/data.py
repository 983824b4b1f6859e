"""Data for the Training lab: a synthetic linear-regression generator and CSV import, both Qt-free.

A :class:`Dataset` holds features ``x`` (n, d) and a target ``y`` (n, 1) as float64, plus the column names
and, when standardised, the mean and standard deviation used (so the app can say what it did). Every bad
input raises :class:`DataError` with a message fit to show a student; nothing is half-applied.
"""

from __future__ import annotations

import csv
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import paths

MAX_CSV_BYTES = 50 * 1024 * 1024  # a lab dataset, not a data warehouse
MAX_SAMPLES = 1_000_000
MAX_FEATURES = 64


class DataError(ValueError):
    """Bad data or a bad choice of columns; the message says which and why."""


@dataclass(frozen=True)
class Dataset:
    """Features ``x`` (n, d) and target ``y`` (n, 1), float64, with names for the axes and legends."""

    x: np.ndarray
    y: np.ndarray
    feature_names: tuple[str, ...]
    target_name: str
    source: str = "synthetic"
    feature_mean: np.ndarray | None = None  # set when the features were standardised
    feature_std: np.ndarray | None = None
    true_weight: np.ndarray | None = None  # known for synthetic data (in the original feature units)
    true_bias: float | None = None

    def __post_init__(self) -> None:
        if self.x.ndim != 2 or self.y.ndim != 2 or self.y.shape[1] != 1:
            raise DataError(f"x must be (n, d) and y (n, 1); got {self.x.shape} and {self.y.shape}")
        if self.x.shape[0] != self.y.shape[0]:
            raise DataError(f"x has {self.x.shape[0]} rows but y has {self.y.shape[0]}")
        if self.x.shape[0] < 2:
            raise DataError("a dataset needs at least 2 samples")
        if len(self.feature_names) != self.x.shape[1]:
            raise DataError("one name per feature column is needed")

    @property
    def n_samples(self) -> int:
        return int(self.x.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.x.shape[1])

    @property
    def standardised(self) -> bool:
        return self.feature_mean is not None

    def describe(self) -> str:
        """One line for the lab: how many samples and features, and where they came from."""
        feats = ", ".join(self.feature_names)
        text = f"{self.n_samples} samples · features: {feats} · target: {self.target_name} · {self.source}"
        if self.standardised:
            text += " · features standardised"
        return text


def make_synthetic(
    n_samples: int = 100,
    weights: float | list[float] | tuple[float, ...] = 2.0,
    bias: float = 1.0,
    noise: float = 0.5,
    n_features: int | None = None,
    seed: int = 0,
) -> Dataset:
    """y = x @ weights + bias + N(0, noise²), x ~ U(-3, 3): a line (or plane) to fit, reproducible by seed.

    ``weights`` may be one number (repeated for every feature) or one per feature.
    """
    w = np.atleast_1d(np.asarray(weights, dtype=np.float64))
    if n_features is None:
        n_features = w.size
    if not isinstance(n_samples, (int, np.integer)) or not 2 <= n_samples <= MAX_SAMPLES:
        raise DataError(f"number of samples must be a whole number from 2 to {MAX_SAMPLES}, got {n_samples}")
    if not 1 <= n_features <= MAX_FEATURES:
        raise DataError(f"number of features must be from 1 to {MAX_FEATURES}, got {n_features}")
    if w.size == 1 and n_features > 1:
        w = np.repeat(w, n_features)
    if w.size != n_features:
        raise DataError(f"{w.size} true slopes given for {n_features} features; give one or one per feature")
    if not (np.all(np.isfinite(w)) and math.isfinite(bias) and math.isfinite(noise)):
        raise DataError("true slopes, intercept and noise must be finite numbers")
    if noise < 0:
        raise DataError(f"noise σ must be ≥ 0, got {noise}")
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3.0, 3.0, size=(n_samples, n_features))
    y = x @ w.reshape(-1, 1) + bias + noise * rng.standard_normal((n_samples, 1))
    names = ("x",) if n_features == 1 else tuple(f"x{i + 1}" for i in range(n_features))
    return Dataset(
        x=x,
        y=y,
        feature_names=names,
        target_name="y",
        source=f"synthetic (seed {seed}, σ = {noise:g})",
        true_weight=w.copy(),
        true_bias=float(bias),
    )


def standardise(data: Dataset) -> Dataset:
    """The same data with each feature shifted to mean 0 and scaled to standard deviation 1.

    A constant feature is only centred (its spread is 0; dividing would give NaN).
    """
    if data.standardised:
        return data
    mean = data.x.mean(axis=0)
    std = data.x.std(axis=0)
    safe = np.where(std > 0, std, 1.0)
    return Dataset(
        x=(data.x - mean) / safe,
        y=data.y,
        feature_names=data.feature_names,
        target_name=data.target_name,
        source=data.source,
        feature_mean=mean,
        feature_std=safe,
        true_weight=None if data.true_weight is None else data.true_weight * safe,
        true_bias=None if data.true_bias is None else float(data.true_bias + mean @ data.true_weight),
    )


def parse_slopes(text: str) -> list[float]:
    """'2, -1.5' -> [2.0, -1.5]: the true slopes typed in the lab (commas or spaces between numbers)."""
    parts = [p for p in text.replace(",", " ").replace(";", " ").split() if p]
    if not parts:
        raise DataError("type at least one true slope, e.g. 2 or 2, -1")
    out = []
    for p in parts:
        try:
            v = float(p)
        except ValueError:
            raise DataError(f"true slope {p!r} is not a number") from None
        if not math.isfinite(v):
            raise DataError(f"true slope {p!r} must be finite")
        out.append(v)
    return out


@dataclass(frozen=True)
class CsvTable:
    """A CSV file read as text cells: column names and rows, before any column is chosen."""

    path: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = field(repr=False)
    has_header: bool

    def to_dataset(
        self, target: str | int, features: list[str | int], standardise_features: bool = False
    ) -> Dataset:
        """The chosen target and feature columns as a :class:`Dataset`; every cell must be a finite number."""
        t = self._index(target, "target")
        if not features:
            raise DataError("choose at least one feature column")
        f = [self._index(c, "feature") for c in features]
        if t in f:
            raise DataError(f"column {self.columns[t]!r} cannot be both the target and a feature")
        if len(set(f)) != len(f):
            raise DataError("a feature column is chosen twice")
        if len(f) > MAX_FEATURES:
            raise DataError(f"at most {MAX_FEATURES} feature columns")
        cols = [t, *f]
        values = np.empty((len(self.rows), len(cols)), dtype=np.float64)
        first_line = 2 if self.has_header else 1
        for r, row in enumerate(self.rows):
            for k, c in enumerate(cols):
                cell = row[c].strip()
                try:
                    v = float(cell)
                except ValueError:
                    hint = ""
                    if _is_number(cell.replace(",", ".", 1)):  # 1,5 written for 1.5 (a European spreadsheet)
                        hint = " (a decimal comma? write 1.5, not 1,5)"
                    raise DataError(
                        f"{os.path.basename(self.path)}, line {r + first_line}, column {self.columns[c]!r}: "
                        f"{cell!r} is not a number{hint}"
                    ) from None
                if not math.isfinite(v):
                    raise DataError(
                        f"{os.path.basename(self.path)}, line {r + first_line}, column {self.columns[c]!r}: "
                        f"{cell!r} is not a finite number"
                    )
                values[r, k] = v
        data = Dataset(
            x=values[:, 1:].copy(),
            y=values[:, :1].copy(),
            feature_names=tuple(self.columns[c] for c in f),
            target_name=self.columns[t],
            source=os.path.basename(self.path),
        )
        return standardise(data) if standardise_features else data

    def numeric_columns(self, sample: int = 200) -> tuple[bool, ...]:
        """Per column: whether most of its first ``sample`` cells are numbers (a name or date column is not;
        a column of numbers with a typo is, so the typo is reported where it is), for the lab to preselect
        sensible columns; :meth:`to_dataset` still checks every cell it uses."""
        rows = self.rows[:sample]
        return tuple(
            2 * sum(_is_number(r[c].strip()) for r in rows) >= len(rows) for c in range(len(self.columns))
        )

    def _index(self, column: str | int, role: str) -> int:
        if isinstance(column, (int, np.integer)) and not isinstance(column, bool):
            if 0 <= column < len(self.columns):
                return int(column)
            raise DataError(
                f"{role} column number {column} does not exist (the file has {len(self.columns)})"
            )
        if column in self.columns:
            return self.columns.index(column)
        raise DataError(f"{role} column {column!r} is not in the file (columns: {', '.join(self.columns)})")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def read_csv(path: str | os.PathLike, has_header: bool | None = None) -> CsvTable:
    """Read a CSV file into a :class:`CsvTable` (header detected when ``has_header`` is None).

    The header is detected as "the first row has a cell that is not a number". Rows must all have the same
    number of cells; blank lines are skipped. The delimiter (comma, semicolon, tab) is sniffed.
    """
    path = os.fspath(path)
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise DataError(f"cannot open {name}: {exc.strerror or exc}") from None
    if size > MAX_CSV_BYTES:
        raise DataError(
            f"{name} is {size / 1e6:.0f} MB; the lab reads CSV files up to {MAX_CSV_BYTES // 10**6} MB"
        )
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
    except UnicodeDecodeError:
        raise DataError(f"{name} is not a UTF-8 text file (is it really a CSV?)") from None
    except OSError as exc:
        raise DataError(f"cannot read {name}: {exc.strerror or exc}") from None
    if "\x00" in text:
        raise DataError(f"{name} contains binary data; it is not a CSV file")
    lines = text.splitlines()
    sample = "\n".join(lines[:20])
    delimiter = ","
    if sample.strip():
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    try:
        rows = [tuple(r) for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise DataError(f"{name} is not valid CSV: {exc}") from None
    if not rows:
        raise DataError(f"{name} is empty")
    width = len(rows[0])
    for i, r in enumerate(rows):
        if len(r) != width:
            raise DataError(f"{name}, row {i + 1} has {len(r)} cells but the first row has {width}")
    if width < 2:
        raise DataError(f"{name} has only one column; a target and at least one feature are needed")
    if has_header is None:
        has_header = not all(_is_number(c.strip()) for c in rows[0])
    if has_header:
        columns = tuple(c.strip() or f"column {i + 1}" for i, c in enumerate(rows[0]))
        body = rows[1:]
    else:
        columns = tuple(f"column {i + 1}" for i in range(width))
        body = rows
    if len(set(columns)) != len(columns):
        raise DataError(f"{name} has two columns with the same name")
    if len(body) < 2:
        raise DataError(f"{name} has {len(body)} data rows; at least 2 are needed")
    if len(body) > MAX_SAMPLES:
        raise DataError(f"{name} has {len(body)} rows; the lab takes at most {MAX_SAMPLES}")
    return CsvTable(path=path, columns=columns, rows=tuple(body), has_header=has_header)


def load_csv_dataset(
    path: str | os.PathLike,
    target: str | int | None = None,
    features: list[str | int] | None = None,
    has_header: bool | None = None,
    standardise_features: bool = False,
) -> Dataset:
    """Read and convert in one go; by default the last column is the target and the others are features."""
    table = read_csv(path, has_header)
    if target is None:
        target = len(table.columns) - 1
    t = table._index(target, "target")
    if features is None:
        features = [i for i in range(len(table.columns)) if i != t]
    return table.to_dataset(t, features, standardise_features)


# ----------------------------------------------------------------------------------------------------
# example datasets shipped with the app
# ----------------------------------------------------------------------------------------------------
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
        "Study hours → exam score",
        "One feature: watch the line swing into place. The first losses are huge; try Log y.",
    ),
    "houses.csv": (
        "Houses → price (3 features)",
        "Features on very different scales: train as is (the loss diverges), then tick Standardise features.",
    ),
    "spring_no_header.csv": (
        "Spring: mass → stretch (no header)",
        "No header row: the columns are called 'column 1' and 'column 2'. Hooke's law is a straight line.",
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
