"""Data for the Training lab: a synthetic linear-regression generator and CSV import, both Qt-free.

A :class:`Dataset` holds features ``x`` (n, d) and a target ``y`` (n, 1) as float64, plus the column names
and, when standardised, the mean and standard deviation used (so the app can say what it did). Every bad
input raises :class:`DataError` with a message fit to show a student; nothing is half-applied.
"""

from __future__ import annotations

import csv
import io
import math
import os
import stat
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from pycarrot.messages import elide_name

from ..i18n import format_text, translate
from .advice import Curvature
from .csv_cells import SNIFF_BYTES, comma_hint, detect_delimiter, is_number, looks_numeric
from .examples import EXAMPLES_ENV, KNOWN_EXAMPLES, Example, example_dirs, find_examples  # noqa: F401 (re-exported)

MAX_CSV_BYTES = 50 * 1024 * 1024  # a lab dataset, not a data warehouse
MAX_SAMPLES = 1_000_000
MAX_FEATURES = 64
NUMERIC_SAMPLE_CELLS = 100_000  # numeric_columns looks at fewer rows of a very wide file


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
            raise DataError(f"x has {self.x.shape[0]} rows but y has {self.y.shape[0]}")  # a caller's bug
        if self.x.shape[0] < 2:
            raise DataError(translate("TrainingData", "a dataset needs at least 2 samples"))
        if len(self.feature_names) != self.x.shape[1]:
            raise DataError(translate("TrainingData", "one name per feature column is needed"))

    @property
    def n_samples(self) -> int:
        return int(self.x.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.x.shape[1])

    @property
    def standardised(self) -> bool:
        return self.feature_mean is not None

    @property
    def raw_x(self) -> np.ndarray:
        """The features in the file's units (undoing the standardisation, if any)."""
        return self.x if self.feature_mean is None else self.x * self.feature_std + self.feature_mean

    @cached_property
    def curvature(self) -> Curvature:
        """How sharply the MSE loss curves on this data (the learning-rate advice's input; computed once)."""
        return Curvature.of(self.x)

    def describe(self) -> str:
        """One line for the lab: how many samples and features, and where they came from."""
        feats = ", ".join(self.feature_names)
        text = format_text(
            "TrainingData",
            "{n_samples} samples · features: {feats} · target: {target_name} · {source}",
            n_samples=self.n_samples,
            feats=feats,
            target_name=self.target_name,
            source=self.source,
        )
        if self.standardised:
            text += translate("TrainingData", " · features standardised")
        return text


def _true_slopes(weights, n_samples: int, n_features: int | None, bias: float, noise: float) -> np.ndarray:
    """make_synthetic's arguments checked: the true slopes, one per feature, else DataError naming the field."""
    w = np.atleast_1d(np.asarray(weights, dtype=np.float64))
    if n_features is None:
        n_features = w.size
    if not isinstance(n_samples, (int, np.integer)) or not 2 <= n_samples <= MAX_SAMPLES:
        raise DataError(
            format_text(
                "TrainingData",
                "number of samples must be a whole number from 2 to {max_samples}, got {n_samples}",
                max_samples=MAX_SAMPLES,
                n_samples=n_samples,
            )
        )
    if not 1 <= n_features <= MAX_FEATURES:
        raise DataError(
            format_text(
                "TrainingData",
                "number of features must be from 1 to {max_features}, got {n_features}",
                max_features=MAX_FEATURES,
                n_features=n_features,
            )
        )
    if w.size == 1 and n_features > 1:
        w = np.repeat(w, n_features)
    if w.size != n_features:
        raise DataError(
            format_text(
                "TrainingData",
                "{size} true slopes given for {n_features} features; give one or one per feature",
                size=w.size,
                n_features=n_features,
            )
        )
    if not (np.all(np.isfinite(w)) and math.isfinite(bias) and math.isfinite(noise)):
        raise DataError(translate("TrainingData", "true slopes, intercept and noise must be finite numbers"))
    if noise < 0:
        raise DataError(f"noise σ must be ≥ 0, got {noise}")
    return w


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
    w = _true_slopes(weights, n_samples, n_features, bias, noise)
    n_features = w.size
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3.0, 3.0, size=(n_samples, n_features))
    with np.errstate(over="ignore", invalid="ignore"):
        y = x @ w.reshape(-1, 1) + bias + noise * rng.standard_normal((n_samples, 1))
    if not np.all(np.isfinite(y)):  # slope 1e308 × x up to 3: every loss and plot would be infinite
        raise DataError(
            format_text(
                "TrainingData",
                "these true slopes, intercept and noise make targets too large for a float (they overflow to infinity; the largest is about {max:.1e}): use smaller numbers",
                max=np.finfo(np.float64).max,
            )
        )
    _check_squares(y, translate("TrainingData", "these true slopes, intercept and noise make targets"))
    names = ("x",) if n_features == 1 else tuple(f"x{i + 1}" for i in range(n_features))
    return Dataset(
        x=x,
        y=y,
        feature_names=names,
        target_name="y",
        source=format_text("TrainingData", "synthetic (seed {seed}, σ = {noise:g})", seed=seed, noise=noise),
        true_weight=w.copy(),
        true_bias=float(bias),
    )


def _check_squares(values: np.ndarray, what: str) -> None:
    """Refuse values whose squares overflow: the loss (a mean of squares) and the surface would be infinite
    from the first step, and every plot would fail (slope 1e200 made finite targets of 3e200)."""
    with np.errstate(over="ignore", invalid="ignore"):
        if np.isfinite(np.mean(np.square(values, dtype=np.float64))):
            return
    biggest = float(np.max(np.abs(values)))
    raise DataError(
        format_text(
            "TrainingData",
            "{what} as large as {biggest:.3g}: their squares, which the loss adds up, overflow; use smaller numbers",
            what=what,
            biggest=biggest,
        )
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


def same_samples(a: Dataset, b: Dataset) -> bool:
    """Whether ``a`` and ``b`` hold the same samples, perhaps in other units (one standardised): runs on one
    compare with runs on the other, since the target, and so the loss, is the same."""
    if (a.source, a.feature_names, a.target_name) != (b.source, b.feature_names, b.target_name):
        return False
    if a.x.shape != b.x.shape or not np.array_equal(a.y, b.y):
        return False
    return bool(np.allclose(a.raw_x, b.raw_x, rtol=1e-9, atol=0))


def parse_slopes(text: str) -> list[float]:
    """'2, -1.5' -> [2.0, -1.5]: the true slopes typed in the lab (commas or spaces between numbers)."""
    parts = [p for p in text.replace(",", " ").replace(";", " ").split() if p]
    if not parts:
        raise DataError(translate("TrainingData", "type at least one true slope, e.g. 2 or 2, -1"))
    out = []
    for p in parts:
        try:
            v = float(p)
        except ValueError:
            raise DataError(format_text("TrainingData", "true slope {p!r} is not a number", p=p)) from None
        if not math.isfinite(v):
            raise DataError(format_text("TrainingData", "true slope {p!r} must be finite", p=p))
        out.append(v)
    return out


@dataclass(frozen=True)
class CsvTable:
    """A CSV file read as text cells: column names and rows, before any column is chosen.

    ``line_numbers`` holds each row's first line in the file (blank lines and quoted new lines make them
    differ from the row count), so a bad cell is reported where the user can find it.
    """

    path: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = field(repr=False)
    has_header: bool
    line_numbers: Sequence[int] = field(default=(), repr=False, compare=False)

    def to_dataset(
        self, target: str | int, features: list[str | int], standardise_features: bool = False
    ) -> Dataset:
        """The chosen target and feature columns as a :class:`Dataset`; every cell must be a finite number."""
        t = self._index(target, "target")
        if not features:
            raise DataError(translate("TrainingData", "choose at least one feature column"))
        if len(features) > MAX_FEATURES:  # before looking any up: 200,000 lookups took minutes
            raise DataError(
                format_text(
                    "TrainingData",
                    "at most {max_features} feature columns ({n:,} chosen)",
                    max_features=MAX_FEATURES,
                    n=len(features),
                )
            )
        f = [self._index(c, "feature") for c in features]
        if t in f:
            raise DataError(
                format_text(
                    "TrainingData",
                    "column {value!r} cannot be both the target and a feature",
                    value=self.columns[t],
                )
            )
        if len(set(f)) != len(f):
            raise DataError(translate("TrainingData", "a feature column is chosen twice"))
        cols = [t, *f]
        values = self._numbers(cols)
        _check_squares(values, translate("TrainingData", "the chosen columns hold values"))
        data = Dataset(
            x=values[:, 1:].copy(),
            y=values[:, :1].copy(),
            feature_names=tuple(self.columns[c] for c in f),
            target_name=self.columns[t],
            source=os.path.basename(self.path),
        )
        return standardise(data) if standardise_features else data

    def _numbers(self, cols: list[int]) -> np.ndarray:
        """The cells of columns ``cols`` as floats, one row per data row; DataError at the first bad cell."""
        values = np.empty((len(self.rows), len(cols)), dtype=np.float64)
        for r, row in enumerate(self.rows):
            for k, c in enumerate(cols):
                cell = row[c].strip()
                try:
                    v = float(cell)
                except ValueError:
                    raise self._cell_error(
                        r,
                        c,
                        format_text(
                            "TrainingData",
                            "{value} is not a number{value2}",
                            value=elide_name(cell),
                            value2=comma_hint(cell),
                        ),
                    ) from None
                if not math.isfinite(v):
                    raise self._cell_error(
                        r,
                        c,
                        format_text("TrainingData", "{value} is not a finite number", value=elide_name(cell)),
                    )
                values[r, k] = v
        return values

    def line_of(self, row: int) -> int:
        """The file line where data row ``row`` (from 0) starts."""
        if len(self.line_numbers) == len(self.rows):
            return int(self.line_numbers[row])
        return row + (2 if self.has_header else 1)  # a table made without line numbers: no blank lines

    def _cell_error(self, row: int, column: int, what: str) -> DataError:
        return DataError(
            format_text(
                "TrainingData",
                "{value}, line {value2}, column {value3}: {what}",
                value=os.path.basename(self.path),
                value2=self.line_of(row),
                value3=elide_name(self.columns[column]),
                what=what,
            )
        )

    def numeric_columns(self, sample: int = 200) -> tuple[bool, ...]:
        """Per column: whether most of its first ``sample`` cells are numbers (a name or date column is not;
        a column of numbers with a typo or decimal commas is, so the mistake is reported where it is), for the
        lab to preselect sensible columns; :meth:`to_dataset` still checks every cell it uses. A very wide
        file is judged on fewer rows (at most ``NUMERIC_SAMPLE_CELLS`` cells in all); the answer is cached."""
        cache = self.__dict__.setdefault("_numeric_cache", {})  # frozen: no attributes, but __dict__ is ours
        if sample not in cache:
            rows = self.rows[: max(1, min(sample, NUMERIC_SAMPLE_CELLS // max(1, len(self.columns))))]
            cache[sample] = tuple(
                2 * sum(looks_numeric(r[c].strip()) for r in rows) >= len(rows)
                for c in range(len(self.columns))
            )
        return cache[sample]

    def default_target(self) -> int:
        """The last column whose cells are numbers (the last column when none is): the target offered first."""
        numeric = self.numeric_columns()
        return max((i for i, ok in enumerate(numeric) if ok), default=len(self.columns) - 1)

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.columns)}

    def column_index(self, column: str | int, role: str = "column") -> int:
        """The index of ``column`` (a name or a number); DataError naming its ``role`` when there is none."""
        return self._index(column, role)

    def _index(self, column: str | int, role: str) -> int:
        if isinstance(column, (int, np.integer)) and not isinstance(column, bool):
            if 0 <= column < len(self.columns):
                return int(column)
            raise DataError(
                format_text(
                    "TrainingData",
                    "{role} column number {column} does not exist (the file has {n})",
                    role=role,
                    column=column,
                    n=len(self.columns),
                )
            )
        if isinstance(column, str) and column in self._positions:
            return self._positions[column]
        names = ", ".join(elide_name(c) for c in self.columns[:20])
        more = (
            format_text("TrainingData", " and {value:,} more", value=len(self.columns) - 20)
            if len(self.columns) > 20
            else ""
        )
        raise DataError(
            format_text(
                "TrainingData",
                "{role} column {value} is not in the file (columns: {names}{more})",
                role=role,
                value=elide_name(str(column)),
                names=names,
                more=more,
            )
        )


def _open_csv(path: str, name: str) -> io.TextIOWrapper:
    """The file opened as UTF-8 text (BOM dropped). A FIFO or device is refused without blocking on it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise DataError(
            format_text("TrainingData", "cannot open {name}: {value}", name=name, value=exc.strerror or exc)
        ) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise DataError(
            format_text(
                "TrainingData",
                "{name} is not a regular file (a folder, pipe or device); choose a CSV file",
                name=name,
            )
        )
    if st.st_size > MAX_CSV_BYTES:
        os.close(fd)
        raise DataError(
            format_text(
                "TrainingData",
                "{name} is {value:.1f} MiB; the lab reads CSV files up to {value2} MiB",
                name=name,
                value=st.st_size / 2**20,
                value2=MAX_CSV_BYTES // 2**20,
            )
        )
    return open(fd, encoding="utf-8-sig", newline="")


def _text_lines(fh: io.TextIOWrapper, name: str) -> Iterator[str]:
    """The file's lines, read as the CSV reader asks for them (never all at once)."""
    for line in fh:
        if "\x00" in line:
            raise DataError(
                format_text("TrainingData", "{name} contains binary data; it is not a CSV file", name=name)
            )
        yield line


def read_csv(path: str | os.PathLike, has_header: bool | None = None) -> CsvTable:
    """Read a CSV file into a :class:`CsvTable` (header detected when ``has_header`` is None).

    The header is detected as "the first row has a cell that is not a number". Rows must all have the same
    number of cells; blank lines are skipped, and messages give the file's own line numbers. The delimiter
    (comma, semicolon, tab) is detected from the first lines. Reading stops as soon as a limit is passed.
    """
    path = os.fspath(path)
    name = os.path.basename(path)
    with _open_csv(path, name) as fh:
        try:
            delimiter = detect_delimiter(fh.read(SNIFF_BYTES + 1))
            fh.seek(0)
            first, body, lines, has_header = _parse_rows(_text_lines(fh, name), delimiter, name, has_header)
        except UnicodeDecodeError:
            raise DataError(
                format_text(
                    "TrainingData", "{name} is not a UTF-8 text file (is it really a CSV?)", name=name
                )
            ) from None
        except OSError as exc:
            raise DataError(
                format_text(
                    "TrainingData", "cannot read {name}: {value}", name=name, value=exc.strerror or exc
                )
            ) from None
    if first is None:
        raise DataError(format_text("TrainingData", "{name} is empty", name=name))
    columns = _column_names(name, first, has_header)
    if len(body) < 2:
        raise DataError(
            format_text(
                "TrainingData", "{name} has {n} data rows; at least 2 are needed", name=name, n=len(body)
            )
        )
    return CsvTable(path=path, columns=columns, rows=tuple(body), has_header=has_header, line_numbers=lines)


def _first_row_is_header(row: tuple[str, ...], name: str, has_header: bool | None) -> bool:
    """Whether the first row is a header (guessed when ``has_header`` is None); DataError if it has one column."""
    if has_header is None:
        has_header = not all(is_number(c.strip()) for c in row)
    if len(row) < 2:
        raise DataError(
            format_text(
                "TrainingData",
                "{name} has only one column; a target and at least one feature are needed",
                name=name,
            )
        )
    return has_header


def _parse_rows(lines: Iterator[str], delimiter: str, name: str, has_header: bool | None):
    """(first row, data rows, the line each data row starts on, has_header), stopping at the first problem."""
    reader = csv.reader(lines, delimiter=delimiter)
    first: tuple[str, ...] | None = None
    body: list[tuple[str, ...]] = []
    starts = array("q")
    line = first_line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1  # the row's first line; the next row starts after it
            if not any(c.strip() for c in cells):
                continue
            row = tuple(cells)
            if first is None:
                first, first_line = row, start
                has_header = _first_row_is_header(row, name, has_header)
                if has_header:
                    continue
            elif len(row) != len(first):
                raise DataError(
                    format_text(
                        "TrainingData",
                        "{name}, line {start}: row {value} has {n} cells but the first row (line {first_line}) has {n2}",
                        name=name,
                        start=start,
                        value=len(body) + 1 + has_header,
                        n=len(row),
                        first_line=first_line,
                        n2=len(first),
                    )
                )
            if len(body) == MAX_SAMPLES:
                raise DataError(
                    format_text(
                        "TrainingData",
                        "{name} has more than {max_samples:,} data rows; the lab takes at most that many",
                        name=name,
                        max_samples=MAX_SAMPLES,
                    )
                )
            body.append(row)
            starts.append(start)
    except csv.Error as exc:
        raise DataError(
            format_text(
                "TrainingData",
                "{name} is not valid CSV (line {line_num}): {exc}",
                name=name,
                line_num=reader.line_num,
                exc=exc,
            )
        ) from None
    return first, body, starts, bool(has_header)


def _column_names(name: str, first: tuple[str, ...], has_header: bool) -> tuple[str, ...]:
    """The header's names (a blank one becomes 'column N'), or 'column 1', 'column 2', … without a header."""
    if not has_header:
        return tuple(format_text("TrainingData", "column {value}", value=i + 1) for i in range(len(first)))
    columns = tuple(
        c.strip() or format_text("TrainingData", "column {value}", value=i + 1) for i, c in enumerate(first)
    )
    seen: dict[str, int] = {}
    for i, c in enumerate(columns):
        if c in seen:
            raise DataError(
                format_text(
                    "TrainingData",
                    "{name} has two columns with the same name: {value} is column {value2} and column {value3}; rename one",
                    name=name,
                    value=elide_name(c),
                    value2=seen[c] + 1,
                    value3=i + 1,
                )
            )
        seen[c] = i
    return columns


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
