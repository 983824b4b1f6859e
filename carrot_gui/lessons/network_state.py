"""What a lesson remembers of the Network lab: the network's settings, its data, weights and histories.

Plain dataclasses with to/from dict like :mod:`carrot_gui.lessons.state`; the settings are checked by the
lab's own :meth:`NetworkSpec.validate` and :meth:`DataConfig.validate`, the arrays against the spec's widths.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

import numpy as np

from ..i18n import format_text
from ..network import datasets as nd
from ..network.spec import Layer, NetworkSpec
from .fields import ArraysIn, ArraysOut, Fields, LessonError, SameByValue, as_float, checked, mirror
from .state import MAX_NAME, MAX_POSITION, CsvRows, data_from_fields

SPEC_FIELDS = tuple(f.name for f in fields(NetworkSpec))


@dataclass(frozen=True)
class NetSettings(mirror(NetworkSpec, hidden=tuple((h.width, h.activation) for h in NetworkSpec().hidden))):
    """The fields of :class:`carrot_gui.network.spec.NetworkSpec`; ``hidden`` as (width, activation) pairs."""

    def to_spec(self) -> NetworkSpec:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["hidden"] = tuple(Layer(w, a) for w, a in self.hidden)
        return NetworkSpec(**values).validate()

    @classmethod
    def from_spec(cls, spec: NetworkSpec) -> NetSettings:
        values = {f.name: getattr(spec, f.name) for f in fields(cls)}
        values["hidden"] = tuple((layer.width, layer.activation) for layer in spec.hidden)
        return cls(**values)

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        return {**d, "features": list(self.features), "hidden": [list(h) for h in self.hidden]}

    @classmethod
    def from_fields(cls, f: Fields) -> NetSettings:
        hidden = []
        for i, h in enumerate(f.items("hidden", 100)):
            if not (isinstance(h, list) and len(h) == 2 and type(h[0]) is int and isinstance(h[1], str)):
                raise f.bad(f"hidden[{i}]", 'expected [width, activation], e.g. [4, "tanh"]')
            hidden.append((h[0], h[1]))
        values = {"hidden": tuple(hidden), "features": f.texts("features", 100, MAX_NAME)}
        for name in ("inputs", "classes", "batch_size", "seed"):
            values[name] = f.integer(name, 0, 2**32)
        for name in ("learning_rate", "momentum", "weight_decay"):
            values[name] = f.number(name)
        for name in ("output_activation", "loss", "optimizer", "init"):
            values[name] = f.text(name, MAX_NAME)
        values["title"] = f.text("title", MAX_NAME)
        f.done()
        out = cls(**values)
        checked(f.where, out.to_spec)
        return out


# ---------------------------------------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedSettings(mirror(nd.DataConfig, rename={"kind": "kind_name"})):
    """:class:`carrot_gui.network.datasets.DataConfig`'s fields (``kind`` as ``kind_name``): a generated set."""

    kind = "generated"

    def to_config(self) -> nd.DataConfig:
        return nd.DataConfig(
            self.kind_name, self.samples, self.noise, self.test_fraction, self.seed
        ).validate()

    def task(self) -> tuple[int, int]:
        """(inputs, classes) of the set."""
        return (1 if self.kind_name == "sine" else 2), nd.GENERATED[self.kind_name][3]

    def to_dict(self) -> dict:
        return {"kind": self.kind, **{f.name: getattr(self, f.name) for f in fields(self)}}

    @classmethod
    def from_fields(cls, f: Fields) -> GeneratedSettings:
        out = cls(
            f.choice("kind_name", tuple(nd.GENERATED)),
            f.integer("samples", nd.MIN_SAMPLES, nd.MAX_SAMPLES),
            f.number("noise", 0.0, nd.MAX_NOISE),
            f.number("test_fraction", 0.0, 0.9),
            f.integer("seed", 0, 2**32 - 1),
        )
        checked(f.where, out.to_config)
        return out

    def make(self) -> nd.NetData:
        """The set these settings generate (the same arrays, bit for bit)."""
        return nd.generate(self.to_config())


@dataclass(frozen=True, eq=False)
class DrawnData(SameByValue):
    """Points drawn into the plane: ``points`` (n, 2) and their classes ``labels`` (n,) int64."""

    points: np.ndarray
    labels: np.ndarray
    test_fraction: float = 0.0
    seed: int = 0

    kind = "drawn"
    needs_arrays = True  # its from_fields reads arrays too

    def task(self) -> tuple[int, int]:
        return 2, max(2, int(self.labels.max(initial=0)) + 1)

    def to_dict(self, out: ArraysOut, prefix: str) -> dict:
        return {
            "kind": self.kind,
            "points": out.put(f"{prefix}.points", self.points),
            "labels": out.put(f"{prefix}.labels", self.labels),
            "test_fraction": self.test_fraction,
            "seed": self.seed,
        }

    @classmethod
    def from_fields(cls, f: Fields, arrays: ArraysIn) -> DrawnData:
        points = arrays.get(f, "points", "f", (None, 2))
        labels = arrays.get(f, "labels", "i", (len(points),))
        if len(points) > nd.MAX_DRAWN or not np.all(np.abs(points) <= nd.PLANE):
            raise f.bad(
                "points",
                format_text(
                    "LessonFile",
                    "at most {max_drawn} points inside ±{plane:g}",
                    max_drawn=nd.MAX_DRAWN,
                    plane=nd.PLANE,
                ),
            )
        if not np.all((labels >= 0) & (labels < nd.DRAW_CLASSES)):
            raise f.bad(
                "labels",
                format_text("LessonFile", "classes are 0 to {value}", value=nd.DRAW_CLASSES - 1),
            )
        out = cls(points, labels, f.number("test_fraction", 0.0, 0.9), f.integer("seed", 0, 2**32 - 1))
        checked(f.where, out.make)  # two classes at least, a training point left after the split
        return out

    def make(self) -> nd.NetData:
        """The points as the lab makes them into a set (split by ``test_fraction`` and ``seed``)."""
        drawn = nd.DrawnPoints()
        drawn.set_points(self.points, self.labels)
        return drawn.to_data(self.test_fraction, self.seed)


@dataclass(frozen=True)
class NetCsv:
    """A CSV file's rows and chosen columns, and how the lab turned them into a set."""

    rows: CsvRows
    classify: bool = True
    standardise: bool = True
    test_fraction: float = 0.3
    seed: int = 0

    kind = "csv"

    def task(self) -> tuple[int, int]:
        if not self.classify:
            return self.rows.n_features, 0
        data = nd.from_csv_table(self.rows.table(), self.rows.target, list(self.rows.features), True, False)
        return self.rows.n_features, data.classes

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "rows"}
        return {**self.rows.to_dict(), **d}

    @classmethod
    def from_fields(cls, f: Fields) -> NetCsv:
        args = (f.flag("classify"), f.flag("standardise"), f.number("test_fraction", 0.0, 0.9))
        out = cls(CsvRows.from_fields(f), *args, f.integer("seed", 0, 2**32 - 1))
        checked(f.where, out.make)
        return out

    def make(self) -> nd.NetData:
        """The chosen columns as the lab's set (the same split, the same standardising)."""
        r = self.rows
        return nd.from_csv_table(r.table(), r.target, list(r.features), self.classify, self.standardise,
                                 self.test_fraction, self.seed)  # fmt: skip


@dataclass(frozen=True)
class DigitsData:
    """The shipped 8×8 digits, split by ``test_fraction`` and ``seed``."""

    test_fraction: float = 0.2
    seed: int = 0

    kind = "digits"

    def task(self) -> tuple[int, int]:
        return 64, 10

    def to_dict(self) -> dict:
        return {"kind": self.kind, "test_fraction": self.test_fraction, "seed": self.seed}

    @classmethod
    def from_fields(cls, f: Fields) -> DigitsData:
        return cls(f.number("test_fraction", 0.0, 0.9), f.integer("seed", 0, 2**32 - 1))

    def make(self) -> nd.NetData:
        return nd.load_digits(self.test_fraction, self.seed)


NetDataSettings = GeneratedSettings | DrawnData | NetCsv | DigitsData


def data_settings(data: nd.NetData) -> NetDataSettings:
    """How to remake the lab's ``data`` (its generator's settings, the drawn points, the CSV's rows and
    columns, or the digits' split); LessonError for a set that says none of these."""
    share, seed = data.split
    if data.config is not None:
        c = data.config
        return GeneratedSettings(c.kind, c.samples, float(c.noise), float(c.test_fraction), c.seed)
    if data.drawn is not None:
        return DrawnData(data.drawn[0].copy(), data.drawn[1].copy(), float(share), seed)
    if data.csv is not None:
        c, t = data.csv, data.csv.table
        name = lambda col: t.columns[col] if isinstance(col, int) else col  # noqa: E731
        rows = CsvRows(os.path.basename(t.path), tuple(t.columns), tuple(map(tuple, t.rows)), t.has_header,
                       name(c.target), tuple(name(col) for col in c.features))  # fmt: skip
        return NetCsv(rows, c.classify, c.standardise, float(share), seed)
    if data.source == "digits":
        return DigitsData(float(share), seed)
    raise LessonError(
        format_text(
            "LessonFile",
            "the data {title!r} cannot be kept in a lesson (not generated, drawn, CSV or digits)",
            title=data.title,
        )
    )


# ---------------------------------------------------------------------------------------------------------
# the lab's state
# ---------------------------------------------------------------------------------------------------------

HISTORIES = ("losses", "grad_norms", "eval_steps", "evals")


@dataclass(frozen=True, eq=False)
class NetworkState(SameByValue):
    """The Network lab: settings, data, weights per layer (``W`` (fan_in, fan_out), ``b`` (fan_out,); None:
    as the seed initialises them), steps done and the histories: ``losses`` (steps,), ``grad_norms``
    (steps, layers), ``eval_steps`` (m,), ``evals`` (m, 4: train loss, test loss, train acc, test acc), and
    ``backward``: the stop of the next step's backward pass being stepped (0 … layers; None: none)."""

    settings: NetSettings = field(default_factory=NetSettings)
    data: NetDataSettings = field(default_factory=GeneratedSettings)
    weights: tuple[tuple[np.ndarray, np.ndarray], ...] | None = None
    steps_done: int = 0
    losses: np.ndarray = field(default_factory=lambda: np.zeros(0))
    grad_norms: np.ndarray | None = None
    eval_steps: np.ndarray = field(default_factory=lambda: np.zeros(0))
    evals: np.ndarray | None = None
    backward: int | None = None

    def __post_init__(self) -> None:
        widths = self.settings.to_spec().widths
        layers = len(widths) - 1
        if self.backward is not None and not 0 <= self.backward <= layers:
            raise LessonError(
                format_text(
                    "LessonFile",
                    "backward stop {backward} does not exist (0 to {layers})",
                    backward=self.backward,
                    layers=layers,
                )
            )
        fix = {"losses": as_float(self.losses, (None,)), "eval_steps": as_float(self.eval_steps, (None,))}
        norms = np.zeros((0, layers)) if self.grad_norms is None else self.grad_norms
        fix["grad_norms"] = as_float(norms, (len(fix["losses"]), layers))
        evals = np.zeros((0, 4)) if self.evals is None else self.evals
        fix["evals"] = as_float(evals, (len(fix["eval_steps"]), 4))
        if self.weights is not None:
            if len(self.weights) != layers:
                raise LessonError(
                    format_text(
                        "LessonFile",
                        "{layers} layers of weights are needed, got {n}",
                        layers=layers,
                        n=len(self.weights),
                    )
                )
            fix["weights"] = tuple(
                (as_float(w, (a, b)), as_float(bias, (b,)))
                for (w, bias), a, b in zip(self.weights, widths[:-1], widths[1:])
            )
        for name, value in fix.items():
            object.__setattr__(self, name, value)
        if self.data.task() != (self.settings.inputs, self.settings.classes):
            inputs, classes = self.data.task()
            raise LessonError(
                format_text(
                    "LessonFile",
                    "the network expects {inputs} inputs and {classes} classes; its data has {inputs2} inputs and {classes2} classes",
                    inputs=self.settings.inputs,
                    classes=self.settings.classes,
                    inputs2=inputs,
                    classes2=classes,
                )
            )

    def to_dict(self, out: ArraysOut, prefix: str) -> dict:
        data = (
            self.data.to_dict(out, f"{prefix}.data")
            if isinstance(self.data, DrawnData)
            else self.data.to_dict()
        )
        weights = None
        if self.weights is not None:
            weights = [
                {
                    "weight": out.put(f"{prefix}.layer{k}.weight", w),
                    "bias": out.put(f"{prefix}.layer{k}.bias", b),
                }
                for k, (w, b) in enumerate(self.weights)
            ]
        hist = {name: out.put(f"{prefix}.{name}", getattr(self, name)) for name in HISTORIES}
        return {"settings": self.settings.to_dict(), "data": data, "weights": weights,
                "steps_done": self.steps_done, **hist, "backward": self.backward}  # fmt: skip

    @classmethod
    def from_dict(cls, f: Fields, arrays: ArraysIn) -> NetworkState:
        settings = NetSettings.from_fields(f.sub("settings"))
        widths = settings.to_spec().widths
        kinds = {"generated": GeneratedSettings, "drawn": DrawnData, "csv": NetCsv, "digits": DigitsData}
        data = data_from_fields(f.sub("data"), kinds, arrays)
        weights = None
        if f.raw("weights", None) is not None:
            layers = f.items("weights")
            if len(layers) != len(widths) - 1:
                raise f.bad(
                    "weights",
                    format_text(
                        "LessonFile",
                        "{value} layers of weights are needed, got {n}",
                        value=len(widths) - 1,
                        n=len(layers),
                    ),
                )
            weights = []
            for k, (a, b) in enumerate(zip(widths[:-1], widths[1:])):
                lf = Fields(layers[k], f.at(f"weights[{k}]"))
                weights.append((arrays.get(lf, "weight", "f", (a, b)), arrays.get(lf, "bias", "f", (b,))))
                lf.done()
        steps = f.integer("steps_done", 0, MAX_POSITION)
        losses = arrays.get(f, "losses", "f", (None,))
        norms = arrays.get(f, "grad_norms", "f", (len(losses), len(widths) - 1))
        eval_steps = arrays.get(f, "eval_steps", "f", (None,))
        evals = arrays.get(f, "evals", "f", (len(eval_steps), 4))
        backward = None if f.raw("backward", None) is None else f.integer("backward", 0, len(widths) - 1)
        f.done()
        weights = None if weights is None else tuple(weights)
        hist = (losses, norms, eval_steps, evals)
        return checked(f.where, lambda: cls(settings, data, weights, steps, *hist, backward))
