"""Data for the Network lab, Qt-free: Playground's 2-D sets and a 1-D regression generated from a seed,
points the user draws, a CSV file through the Training lab's reader, and the UCI handwritten digits.

Every set ends as a :class:`NetData` (train and test arrays, the task, names). Generators and
:func:`split_arrays` use NumPy only and nothing else from this module, so the exported script can carry
their source and rebuild the same data bit for bit.
"""

from __future__ import annotations

import gzip
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from psygnal import Signal

from .. import paths
from ..checks import is_whole
from ..i18n import QT_TRANSLATE_NOOP, format_text, translate
from ..training.data import CsvTable, DataError

MIN_SAMPLES, MAX_SAMPLES = 10, 5000
MAX_NOISE = 2.0
PLANE = 4.0  # generated 2-D sets live in [-PLANE, PLANE]²; the boundary plot shows that square
MAX_DRAWN = 2000
DRAW_CLASSES = 3
DIGITS_MAX_BYTES = 1_000_000  # the shipped file is 57 kB compressed, ~560 kB of text


# ---------------------------------------------------------------------------------------------------------
# generators: (n, noise, rng) -> (x (n, 2) or (n, 1), y); NumPy only (their source goes into exports)
# ---------------------------------------------------------------------------------------------------------


def make_blobs(n, noise, rng):
    """Two round clusters around (−1.5, −1.5) and (1.5, 1.5); noise widens them."""
    y = np.arange(n) % 2
    centre = np.where(y[:, None] == 1, 1.5, -1.5)
    x = centre + rng.normal(0.0, 0.4 + noise, size=(n, 2))
    return x, y


def make_xor(n, noise, rng):
    """Quadrants: class 1 where x₁·x₂ > 0. Points keep 0.3 away from the axes, then noise jitters them."""
    x = rng.uniform(-3.5, 3.5, size=(n, 2))
    x = x + np.where(x > 0, 0.3, -0.3)
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    return x + rng.normal(0.0, noise, size=(n, 2)), y


def make_circles(n, noise, rng):
    """Class 1 inside radius 1.5, class 0 on a ring from 2.2 to 3.5."""
    y = np.arange(n) % 2
    r = np.where(y == 1, rng.uniform(0.0, 1.5, n), rng.uniform(2.2, 3.5, n))
    t = rng.uniform(0.0, 2 * np.pi, n)
    x = np.stack([r * np.cos(t), r * np.sin(t)], axis=1)
    return x + rng.normal(0.0, noise, size=(n, 2)), y


def make_moons(n, noise, rng):
    """Two interleaved half circles (scikit-learn's moons, scaled by 2 and centred)."""
    y = np.arange(n) % 2
    t = rng.uniform(0.0, np.pi, n)
    upper = np.stack([np.cos(t), np.sin(t)], axis=1)
    lower = np.stack([1.0 - np.cos(t), 0.5 - np.sin(t)], axis=1)
    x = np.where(y[:, None] == 0, upper, lower) * 2.0 - np.array([1.0, 0.5])
    return x + rng.normal(0.0, noise, size=(n, 2)), y


def make_spiral(n, noise, rng):
    """Three spiral arms, one per class (3 classes), each turning once and a bit."""
    y = np.arange(n) % 3
    t = rng.uniform(0.05, 1.0, n)
    angle = 5.0 * t + y * (2 * np.pi / 3)
    r = 3.5 * t
    x = np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)
    return x + rng.normal(0.0, noise * 0.5, size=(n, 2)), y


def make_curve(n, noise, rng, curve="sin"):
    """Class 1 above the curve x₂ = f(x₁) (sin, cubic or |x|), class 0 below; noise jitters the points."""
    x = rng.uniform(-3.5, 3.5, size=(n, 2))
    f = {
        "sin": lambda u: 1.5 * np.sin(1.5 * u),
        "cubic": lambda u: 0.12 * u**3 - 0.8 * u,
        "abs": lambda u: np.abs(u) - 1.5,
    }[curve]
    y = (x[:, 1] > f(x[:, 0])).astype(np.int64)
    return x + rng.normal(0.0, noise, size=(n, 2)), y


def make_sine(n, noise, rng):
    """Regression: y = sin x + noise for x uniform in [−π, π] (one input, one output)."""
    x = rng.uniform(-np.pi, np.pi, size=(n, 1))
    return x, np.sin(x) + rng.normal(0.0, noise, size=(n, 1))


def split_arrays(x, y, test_fraction, rng):
    """Shuffle, then the first ``round(n · test_fraction)`` samples are the test set: (xtr, ytr, xte, yte)."""
    order = rng.permutation(len(x))
    k = int(round(len(x) * test_fraction))
    test, train = order[:k], order[k:]
    return x[train], y[train], x[test], y[test]


# key → (title, generator, keyword arguments, classes)
GENERATED: dict[str, tuple[str, object, dict, int]] = {
    "blobs": (QT_TRANSLATE_NOOP("Datasets", "Two blobs"), make_blobs, {}, 2),
    "xor": (QT_TRANSLATE_NOOP("Datasets", "XOR"), make_xor, {}, 2),
    "circles": (QT_TRANSLATE_NOOP("Datasets", "Circles"), make_circles, {}, 2),
    "moons": (QT_TRANSLATE_NOOP("Datasets", "Two moons"), make_moons, {}, 2),
    "spiral": (QT_TRANSLATE_NOOP("Datasets", "Spiral (3 classes)"), make_spiral, {}, 3),
    "curve_sin": (QT_TRANSLATE_NOOP("Datasets", "Above or below sin"), make_curve, {"curve": "sin"}, 2),
    "curve_cubic": (
        QT_TRANSLATE_NOOP("Datasets", "Above or below a cubic"),
        make_curve,
        {"curve": "cubic"},
        2,
    ),
    "curve_abs": (QT_TRANSLATE_NOOP("Datasets", "Above or below |x|"), make_curve, {"curve": "abs"}, 2),
    "sine": (QT_TRANSLATE_NOOP("Datasets", "Regression: fit sin x"), make_sine, {}, 0),
}


@dataclass(frozen=True)
class DataConfig:
    """How to generate a set: which one, how many samples, how noisy, the test share and the seed."""

    kind: str = "xor"
    samples: int = 200
    noise: float = 0.2
    test_fraction: float = 0.3
    seed: int = 0

    def validate(self) -> DataConfig:
        """This config, or :class:`DataError` naming the bad field."""
        if self.kind not in GENERATED:
            raise DataError(
                format_text(
                    "Datasets",
                    "dataset: unknown kind {kind!r} (choose from {names})",
                    kind=self.kind,
                    names=", ".join(GENERATED),
                )
            )
        _check_split(self.test_fraction, self.seed)
        if not is_whole(self.samples):
            raise DataError(
                format_text("Datasets", "samples: a whole number, got {samples!r}", samples=self.samples)
            )
        if not MIN_SAMPLES <= self.samples <= MAX_SAMPLES:
            raise DataError(
                format_text(
                    "Datasets",
                    "samples: {MIN_SAMPLES} to {MAX_SAMPLES}, got {samples}",
                    MIN_SAMPLES=MIN_SAMPLES,
                    MAX_SAMPLES=MAX_SAMPLES,
                    samples=self.samples,
                )
            )
        if not isinstance(self.noise, (int, float)) or not 0 <= self.noise <= MAX_NOISE:
            raise DataError(
                format_text(
                    "Datasets",
                    "noise: 0 to {MAX_NOISE:g}, got {noise!r}",
                    MAX_NOISE=MAX_NOISE,
                    noise=self.noise,
                )
            )
        return self


def _check_split(test_fraction: float, seed: int) -> None:
    if not isinstance(test_fraction, (int, float)) or not 0 <= test_fraction <= 0.9:
        raise DataError(
            format_text(
                "Datasets",
                "test share: 0 to 0.9 (0 % to 90 %), got {test_fraction!r}",
                test_fraction=test_fraction,
            )
        )
    if not is_whole(seed) or not 0 <= seed < 2**32:
        raise DataError(
            format_text(
                "Datasets", "seed: a whole number from 0 to {value}, got {seed!r}", value=2**32 - 1, seed=seed
            )
        )


@dataclass(frozen=True)
class CsvChoice:
    """What a CSV-made set came from: the file's table (its text cells, so a lesson can keep them) and the
    columns and options chosen — :func:`from_csv_table` with these and the set's ``split`` remakes it."""

    table: CsvTable
    target: str | int
    features: tuple[str | int, ...]
    classify: bool = True
    standardise: bool = True


@dataclass(frozen=True, eq=False)
class NetData:
    """A dataset for the lab: ``x`` (n, d) float64; ``y`` class indices (n,) int64, or (n, 1) float64 for
    regression (``classes`` 0). ``extent`` (x₁ min, x₁ max, x₂ min, x₂ max) is set for 1-/2-D data."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    classes: int
    title: str
    input_names: tuple[str, ...]
    class_names: tuple[str, ...] = ()
    extent: tuple[float, float, float, float] | None = None
    source: str = "generated"
    config: DataConfig | None = None
    image_shape: tuple[int, int] | None = None  # (8, 8) for the digits
    split: tuple[float, int] = (
        0.0,
        0,
    )  # (test share, seed) the split used, for the exported script and lessons
    drawn: tuple[np.ndarray, np.ndarray] | None = None  # drawn sets: (points (n, 2), labels (n,)) as drawn
    csv: CsvChoice | None = None  # CSV sets: the table and the columns chosen

    def __post_init__(self) -> None:
        """DataError for arrays no network can learn from: no training sample, or a test set of other width."""
        if self.x_train.ndim != 2 or len(self.x_train) < 1:
            raise DataError(
                format_text(
                    "Datasets",
                    "the training set needs at least one sample, got shape {shape}",
                    shape=self.x_train.shape,
                )
            )
        if self.x_test.shape[1:] != self.x_train.shape[1:]:
            raise DataError(translate("Datasets", "train and test sets have different numbers of inputs"))

    @property
    def inputs(self) -> int:
        """How many numbers one sample has: the columns of ``x`` (2 on the plane, 64 for the 8×8 digits)."""
        return int(self.x_train.shape[1])

    @property
    def n_train(self) -> int:
        """How many samples the network trains on."""
        return len(self.x_train)

    @property
    def n_test(self) -> int:
        """How many samples are held out to test on (0 with a test share of 0)."""
        return len(self.x_test)

    def describe(self) -> str:
        """One line for the lab in the current language: the set's title, train and test sizes, inputs, task."""
        if self.classes == 0:
            task = translate("Datasets", "regression")
        else:
            task = format_text("Datasets", "{n} classes", n=self.classes)
        return format_text(
            "Datasets",
            "{title}: {train} train + {test} test samples · {inputs} inputs · {task}",
            title=translate("Datasets", self.title),
            train=self.n_train,
            test=self.n_test,
            inputs=self.inputs,
            task=task,
        )


def generate(config: DataConfig) -> NetData:
    """The generated set ``config`` describes; the same config gives the same arrays, bit for bit."""
    config.validate()
    title, fn, kwargs, classes = GENERATED[config.kind]
    rng = np.random.default_rng(config.seed)
    x, y = fn(config.samples, float(config.noise), rng, **kwargs)
    xtr, ytr, xte, yte = split_arrays(x, y, config.test_fraction, rng)
    one_d = x.shape[1] == 1
    return NetData(
        xtr,
        ytr,
        xte,
        yte,
        classes=classes,
        title=title,
        input_names=("x",) if one_d else ("x₁", "x₂"),
        class_names=tuple(str(c) for c in range(classes)),
        extent=(-np.pi, np.pi, -1.5, 1.5) if one_d else (-PLANE, PLANE, -PLANE, PLANE),
        config=config,
    )


# ---------------------------------------------------------------------------------------------------------
# drawn points
# ---------------------------------------------------------------------------------------------------------


class DrawnPoints:
    """Points the user clicks into the plane, each with a class; ``changed`` fires after every edit."""

    changed = Signal()

    def __init__(self) -> None:
        self.points: list[tuple[float, float]] = []
        self.labels: list[int] = []

    def __len__(self) -> int:
        return len(self.points)

    def add(self, x1: float, x2: float, label: int) -> None:
        """Add a point of class ``label`` (0 to 2) inside the plane; DataError when full or off the plane."""
        if not (math.isfinite(x1) and math.isfinite(x2)) or max(abs(x1), abs(x2)) > PLANE:
            raise DataError(
                format_text(
                    "Datasets",
                    "points go inside the plane (−{PLANE:g} to {PLANE:g}), got ({x1:g}, {x2:g})",
                    PLANE=PLANE,
                    x1=x1,
                    x2=x2,
                )
            )
        if label not in range(DRAW_CLASSES):
            raise DataError(
                format_text(
                    "Datasets",
                    "class to draw: 0 to {value}, got {label!r}",
                    value=DRAW_CLASSES - 1,
                    label=label,
                )
            )
        if len(self.points) >= MAX_DRAWN:
            raise DataError(format_text("Datasets", "at most {MAX_DRAWN} drawn points", MAX_DRAWN=MAX_DRAWN))
        self.points.append((float(x1), float(x2)))
        self.labels.append(int(label))
        self.changed.emit()

    def remove_nearest(self, x1: float, x2: float, within: float = 0.5) -> int | None:
        """Remove the point nearest (x1, x2) if it is within ``within``; its index, or None."""
        if not self.points:
            return None
        d = np.hypot(*(np.asarray(self.points) - (x1, x2)).T)
        i = int(np.argmin(d))
        if d[i] > within:
            return None
        del self.points[i], self.labels[i]
        self.changed.emit()
        return i

    def clear(self) -> None:
        self.points.clear()
        self.labels.clear()
        self.changed.emit()

    def to_data(self, test_fraction: float = 0.0, seed: int = 0) -> NetData:
        """The points as a dataset (two classes, or three when class 2 is drawn)."""
        _check_split(test_fraction, seed)
        labels = np.asarray(self.labels, dtype=np.int64)
        if len(self.points) < 2 or len(set(self.labels)) < 2:
            raise DataError(
                translate(
                    "Datasets",
                    "draw at least one point of two different classes (click; pick the class first)",
                )
            )
        x = np.asarray(self.points, dtype=np.float64)
        xtr, ytr, xte, yte = split_arrays(x, labels, test_fraction, np.random.default_rng(seed))
        if len(xtr) == 0:
            raise DataError(
                translate(
                    "Datasets", "the test share leaves no training points; draw more or lower the test share"
                )
            )
        classes = max(2, int(labels.max()) + 1)
        return NetData(
            xtr, ytr, xte, yte, classes=classes, title=QT_TRANSLATE_NOOP("Datasets", "Drawn points"), input_names=("x₁", "x₂"),
            class_names=tuple(str(c) for c in range(classes)), extent=(-PLANE, PLANE, -PLANE, PLANE),
            source="drawn", split=(test_fraction, seed), drawn=(x, labels),
        )  # fmt: skip

    def set_points(self, points: np.ndarray, labels: np.ndarray) -> None:
        """Replace every point (a lesson's): (n, 2) coordinates and (n,) classes, checked as :meth:`add`
        checks one; DataError (nothing changed) if one does not fit. ``changed`` fires once."""
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        labels = np.asarray(labels).reshape(-1)
        if len(labels) != len(points):
            raise DataError(f"{len(points)} points but {len(labels)} classes")
        if len(points) > MAX_DRAWN:
            raise DataError(f"at most {MAX_DRAWN} drawn points, got {len(points)}")
        if not (np.all(np.isfinite(points)) and np.all(np.abs(points) <= PLANE)):
            raise DataError(f"points go inside the plane (−{PLANE:g} to {PLANE:g})")
        if not np.all(np.isin(labels, np.arange(DRAW_CLASSES))):
            raise DataError(f"classes are 0 to {DRAW_CLASSES - 1}")
        self.points = [(float(a), float(b)) for a, b in points]
        self.labels = [int(v) for v in labels]
        self.changed.emit()


# ---------------------------------------------------------------------------------------------------------
# CSV (the Training lab's reader) and the digits
# ---------------------------------------------------------------------------------------------------------


def from_csv_table(
    table: CsvTable,
    target: str | int,
    features: list[str | int],
    classify: bool = True,
    standardise: bool = True,
    test_fraction: float = 0.3,
    seed: int = 0,
) -> NetData:
    """Columns of a CSV read with the Training lab's :func:`~carrot_gui.training.data.read_csv`. With
    ``classify`` the target's distinct values (at most 10) become the classes, in sorted order."""
    _check_split(test_fraction, seed)
    data = table.to_dataset(target, features, standardise_features=standardise)
    y = data.y[:, 0]
    classes, names = 0, ()
    if classify:
        values = np.unique(y)
        if not 2 <= len(values) <= 10:
            raise DataError(
                format_text(
                    "Datasets",
                    "target {target_name!r} has {n} different values; classes need 2 to 10 (untick 'classes' to fit the numbers instead)",
                    target_name=data.target_name,
                    n=len(values),
                )
            )
        y = np.searchsorted(values, y).astype(np.int64)
        classes, names = len(values), tuple(f"{v:g}" for v in values)
    else:
        y = data.y
    xtr, ytr, xte, yte = split_arrays(data.x, y, test_fraction, np.random.default_rng(seed))
    if len(xtr) == 0:
        raise DataError(translate("Datasets", "the test share leaves no training rows; lower it"))
    extent = None
    if data.n_features <= 2:
        lo, hi = data.x.min(axis=0), data.x.max(axis=0)
        pad = np.maximum((hi - lo) * 0.1, 0.5)
        lo, hi = lo - pad, hi + pad
        extent = (lo[0], hi[0], *((lo[1], hi[1]) if data.n_features == 2 else (y.min() - 1.0, y.max() + 1.0)))
        extent = tuple(float(v) for v in extent)
    return NetData(
        xtr, ytr, xte, yte, classes=classes, title=data.source, input_names=data.feature_names,
        class_names=names, extent=extent, source=table.path, split=(test_fraction, seed),
        csv=CsvChoice(table, target, tuple(features), classify, standardise),
    )  # fmt: skip


def digits_path() -> Path:
    """Where the shipped digits file is (the one place that knows the resources folder's layout)."""
    return paths.datasets_dir() / "digits" / "digits.csv.gz"


@lru_cache(maxsize=2)
def _digits_arrays(path: str) -> tuple[np.ndarray, np.ndarray]:
    """(pixels (n, 64) float64 in 0–16, labels (n,) int64) from the gzip CSV, checked and size-bounded."""
    name = os.path.basename(path)
    try:
        if os.path.getsize(path) > DIGITS_MAX_BYTES:
            raise DataError(
                format_text(
                    "Datasets",
                    "{name} is larger than {value} kB; it is not the digits file",
                    name=name,
                    value=DIGITS_MAX_BYTES // 1000,
                )
            )
        with gzip.open(path, "rb") as fh:
            raw = fh.read(20 * DIGITS_MAX_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise DataError(
            format_text("Datasets", "cannot read the digits file {name}: {exc}", name=name, exc=exc)
        ) from None
    if len(raw) > 20 * DIGITS_MAX_BYTES:
        raise DataError(
            format_text(
                "Datasets",
                "{name} unpacks to more than {value} MB; refused",
                name=name,
                value=20 * DIGITS_MAX_BYTES // 10**6,
            )
        )
    try:
        table = np.loadtxt(raw.decode("ascii").splitlines(), delimiter=",", ndmin=2)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError(
            format_text("Datasets", "{name} is not a table of numbers: {exc}", name=name, exc=exc)
        ) from None
    if table.shape[1] != 65 or len(table) < 10:
        raise DataError(
            format_text(
                "Datasets",
                "{name} should have 65 columns (64 pixels and the label); it has {value}",
                name=name,
                value=table.shape[1],
            )
        )
    pixels, labels = table[:, :64], table[:, 64]
    if not (np.all((pixels >= 0) & (pixels <= 16)) and np.all(np.isin(labels, np.arange(10)))):
        raise DataError(format_text("Datasets", "{name}: pixels must be 0–16 and labels 0–9", name=name))
    return pixels, labels.astype(np.int64)


def load_digits(test_fraction: float = 0.2, seed: int = 0, path: str | os.PathLike | None = None) -> NetData:
    """The 1,797 UCI 8×8 digits, pixels scaled to [0, 1], split at random by ``seed``."""
    _check_split(test_fraction, seed)
    pixels, labels = _digits_arrays(os.fspath(path or digits_path()))
    xtr, ytr, xte, yte = split_arrays(pixels / 16.0, labels, test_fraction, np.random.default_rng(seed))
    return NetData(
        xtr, ytr, xte, yte, classes=10, title=QT_TRANSLATE_NOOP("Datasets", "Handwritten digits (8×8)"),
        input_names=tuple(f"pixel {r},{c}" for r in range(8) for c in range(8)),
        class_names=tuple(str(d) for d in range(10)), source="digits", image_shape=(8, 8),
        split=(test_fraction, seed),
    )  # fmt: skip
