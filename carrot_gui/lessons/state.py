"""What a lesson remembers of the Expression and Training labs, as plain dataclasses with to/from dict.

Qt-free and independent of the labs' widgets: a lab turns its state into these (and back) when a lesson is
saved or opened. Each ``to_dict(put)`` stores arrays through ``put`` (the JSON keeps their keys) and each
``from_dict`` checks every field, using the labs' own validators for their settings, so a lesson file can
never hand a lab a value it would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np

import pycarrot as pc
from pycarrot.expression import MAX_SOURCE_LENGTH

from ..expression.playback import MODES
from ..i18n import format_text, translate
from ..training import data as tdata
from ..training.session import OPTIMIZERS, TrainConfig
from .fields import ArraysIn, ArraysOut, Fields, LessonError, SameByValue, as_float, checked, mirror, rows_of

MAX_POSITION = 10**9
MAX_NAME = 200  # a leaf's or a column's name, a run's label
MAX_RUNS = 100  # earlier runs kept per Training scene
MAX_SETTING = 1e100  # true slopes, intercept, noise: larger ones make targets whose squares overflow


# ---------------------------------------------------------------------------------------------------------
# Expression lab
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ExpressionState(SameByValue):
    """The expression's source, leaf values set apart from it (``pc.parse(source, **values)``), how far the
    playback has gone (the lab clamps it to its timeline) and the backward order replayed."""

    source: str
    values: dict[str, np.ndarray] = field(default_factory=dict)
    position: int = 0
    mode: str = "topological"

    def to_dict(self, out: ArraysOut, prefix: str) -> dict:
        values = {name: out.put(f"{prefix}.values.{name}", a) for name, a in self.values.items()}
        return {"source": self.source, "values": values, "position": self.position, "mode": self.mode}

    @classmethod
    def from_dict(cls, f: Fields, arrays: ArraysIn) -> ExpressionState:
        source = f.text("source", MAX_SOURCE_LENGTH, empty=False)
        vf = f.sub("values")
        values = {}
        for name in list(vf.obj):
            if not (isinstance(name, str) and name.isidentifier() and len(name) <= MAX_NAME):
                raise vf.bad(
                    repr(name)[:60],
                    translate("LessonFile", "a leaf value's name must be a name such as x or w1"),
                )
            values[name] = arrays.get(vf, name, "f", None)
        vf.done()
        position, mode = f.integer("position", 0, MAX_POSITION), f.choice("mode", MODES)
        f.done()
        return checked(f.where, lambda: cls(source, values, position, mode))

    def __post_init__(self) -> None:
        self.check("expression")

    def check(self, where: str) -> None:
        """The source must parse (with the values): a lesson never holds an expression the lab refuses, so
        the lab saves the source of the graph it built (not half-typed text in its editor)."""
        try:
            pc.parse(self.source, **self.values)
        except pc.ExpressionError as exc:
            raise LessonError(f"{where} › source: {exc}") from None
        except (ValueError, TypeError) as exc:
            raise LessonError(f"{where} › source: {exc}") from None


# ---------------------------------------------------------------------------------------------------------
# Training lab: data
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyntheticSettings:
    """:func:`carrot_gui.training.data.make_synthetic`'s arguments (one true slope per feature)."""

    n_samples: int = 100
    weights: tuple[float, ...] = (2.0,)
    bias: float = 1.0
    noise: float = 0.5
    seed: int = 0

    kind = "synthetic"

    @property
    def n_features(self) -> int:
        return len(self.weights)

    def dataset(self) -> tdata.Dataset:
        return tdata.make_synthetic(self.n_samples, list(self.weights), self.bias, self.noise, seed=self.seed)

    def to_dict(self) -> dict:
        return {"kind": self.kind, **{f.name: getattr(self, f.name) for f in fields(self)}}

    @classmethod
    def from_fields(cls, f: Fields) -> SyntheticSettings:
        out = cls(
            f.integer("n_samples", 2, tdata.MAX_SAMPLES),
            f.numbers("weights", tdata.MAX_FEATURES),
            f.number("bias", -MAX_SETTING, MAX_SETTING),
            f.number("noise", 0.0, MAX_SETTING),
            f.integer("seed", 0, 2**32 - 1),
        )
        if not out.weights or max(map(abs, out.weights)) > MAX_SETTING:
            raise f.bad(
                "weights",
                format_text(
                    "LessonFile",
                    "one to {max_features} true slopes, each within ±{max_setting:g}",
                    max_features=tdata.MAX_FEATURES,
                    max_setting=MAX_SETTING,
                ),
            )
        return out


@dataclass(frozen=True)
class CsvRows:
    """A CSV file as the lab read it (text cells, so every column can still be chosen) and the columns chosen:
    ``target`` and ``features`` are column names. ``name`` is the file's name, shown as the data's source."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    has_header: bool
    target: str
    features: tuple[str, ...]

    kind = "csv"

    @property
    def n_features(self) -> int:
        return len(self.features)

    def table(self) -> tdata.CsvTable:
        return tdata.CsvTable(self.name, self.columns, self.rows, self.has_header)

    def dataset(self, standardise: bool = False) -> tdata.Dataset:
        return self.table().to_dataset(self.target, list(self.features), standardise)

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        return {"kind": self.kind, **d, "rows": [list(r) for r in self.rows]}

    @classmethod
    def from_fields(cls, f: Fields) -> CsvRows:
        columns = f.texts("columns", tdata.MAX_FEATURES * 100, MAX_NAME)
        if len(columns) < 2 or len(set(columns)) != len(columns):
            raise f.bad(
                "columns",
                translate("LessonFile", "at least two columns, each with its own name"),
            )
        out = cls(
            f.text("name", MAX_NAME),
            columns,
            rows_of(f, "rows", len(columns), tdata.MAX_SAMPLES),
            f.flag("has_header"),
            f.text("target", MAX_NAME),
            f.texts("features", tdata.MAX_FEATURES, MAX_NAME),
        )
        if len(out.rows) < 2:  # as read_csv: fewer rows are no data set (and to_dataset would warn)
            raise f.bad(
                "rows",
                format_text("LessonFile", "{n} data rows; at least 2 are needed", n=len(out.rows)),
            )
        checked(f.where, lambda: out.dataset())  # every chosen cell a finite number, columns that exist
        return out


def data_from_fields(f: Fields, kinds: dict[str, type], arrays: ArraysIn) -> object:
    """The data settings of whichever ``kind`` the object names (one of ``kinds``)."""
    cls = kinds[f.choice("kind", tuple(kinds))]
    out = cls.from_fields(f, arrays) if getattr(cls, "needs_arrays", False) else cls.from_fields(f)
    f.done()
    return out


# ---------------------------------------------------------------------------------------------------------
# Training lab: model, optimiser, history
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainSettings(mirror(TrainConfig)):
    """The fields of :class:`carrot_gui.training.session.TrainConfig` (checked by its own ``validated``)."""

    def to_config(self) -> TrainConfig:
        return TrainConfig(**{f.name: getattr(self, f.name) for f in fields(self)}).validated()

    @classmethod
    def from_config(cls, config: TrainConfig) -> TrainSettings:
        return cls(**{f.name: getattr(config, f.name) for f in fields(cls)})

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_fields(cls, f: Fields) -> TrainSettings:
        out = cls(
            f.choice("optimizer", OPTIMIZERS),
            f.number("learning_rate", 0.0),
            f.number("weight_decay", 0.0),
            f.number("momentum", 0.0),
            f.integer("batch_size", 0, tdata.MAX_SAMPLES),
            f.integer("budget", 1, 10**9),
            f.choice("unit", ("steps", "epochs")),
            f.optional_number("loss_threshold", 0.0),
            f.integer("seed", 0, 2**32 - 1),
        )
        f.done()
        checked(f.where, out.to_config)
        return out


@dataclass(frozen=True, eq=False)
class EarlierRun(SameByValue):
    """A run kept as a faded curve: its label (``SGD lr=0.05``) and its losses."""

    label: str
    losses: np.ndarray


@dataclass(frozen=True, eq=False)
class TrainingState(SameByValue):
    """The Training lab: its data, settings, the weights now (``[w_1..w_d, b]``; None before training), the
    loss of every step with the parameters that produced it (``params`` (steps, d + 1)), and earlier runs."""

    data: SyntheticSettings | CsvRows = field(default_factory=SyntheticSettings)
    standardise: bool = False
    settings: TrainSettings = field(default_factory=TrainSettings)
    weights: np.ndarray | None = None
    losses: np.ndarray = field(default_factory=lambda: np.zeros(0))
    params: np.ndarray | None = None
    runs: tuple[EarlierRun, ...] = ()

    def __post_init__(self) -> None:
        d = self.data.n_features + 1
        object.__setattr__(self, "losses", as_float(self.losses, (None,)))
        params = np.zeros((0, d)) if self.params is None else self.params
        object.__setattr__(self, "params", as_float(params, (len(self.losses), d)))
        if self.weights is not None:
            object.__setattr__(self, "weights", as_float(self.weights, (d,)))

    def to_dict(self, out: ArraysOut, prefix: str) -> dict:
        runs = [
            {"label": r.label, "losses": out.put(f"{prefix}.runs.{i}.losses", r.losses)}
            for i, r in enumerate(self.runs)
        ]
        return {
            "data": self.data.to_dict(),
            "standardise": self.standardise,
            "settings": self.settings.to_dict(),
            "weights": None if self.weights is None else out.put(f"{prefix}.weights", self.weights),
            "losses": out.put(f"{prefix}.losses", self.losses),
            "params": out.put(f"{prefix}.params", self.params),
            "runs": runs,
        }

    @classmethod
    def from_dict(cls, f: Fields, arrays: ArraysIn) -> TrainingState:
        data = data_from_fields(f.sub("data"), {"synthetic": SyntheticSettings, "csv": CsvRows}, arrays)
        d = data.n_features + 1
        weights = None if f.raw("weights", None) is None else arrays.get(f, "weights", "f", (d,))
        losses = arrays.get(f, "losses", "f", (None,))
        runs = []
        for i, _ in enumerate(f.items("runs", MAX_RUNS)):
            rf = Fields(f.obj["runs"][i], f.at(f"runs[{i}]"))
            runs.append(EarlierRun(rf.text("label", MAX_NAME), arrays.get(rf, "losses", "f", (None,))))
            rf.done()
        state = cls(
            data,
            f.flag("standardise"),
            TrainSettings.from_fields(f.sub("settings")),
            weights,
            losses,
            arrays.get(f, "params", "f", (len(losses), d)),
            tuple(runs),
        )
        f.done()
        return state
