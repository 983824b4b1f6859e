"""A network for the Network lab as plain values (:class:`NetworkSpec`), checked field by field, and
:func:`build_model`, which turns it into a ``pycarrot.nn.Sequential`` — the only place a spec becomes a model.

Qt-free: the lab's build panel edits a spec, the trainer and the exported script build from it.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field, replace

import numpy as np

import pycarrot as pc
from pycarrot import nn

from ..i18n import QT_TRANSLATE_NOOP, format_text, translate

# Playground's input features for 1-/2-D data: key → label (the key is also the expression it computes)
FEATURES: dict[str, str] = {
    "x1": "x₁",
    "x2": "x₂",
    "x1^2": "x₁²",
    "x2^2": "x₂²",
    "x1*x2": "x₁x₂",
    "sin(x1)": "sin x₁",
    "sin(x2)": "sin x₂",
}
ACTIVATIONS: dict[str, str] = {
    "relu": "ReLU",
    "tanh": "Tanh",
    "sigmoid": "Sigmoid",
    "leaky_relu": "LeakyReLU",
    "none": QT_TRANSLATE_NOOP("NetworkSpec", "none"),
}
LOSSES: dict[str, str] = {
    "mse": "MSE",
    "bce_logits": QT_TRANSLATE_NOOP("NetworkSpec", "BCE with logits"),
    "cross_entropy": QT_TRANSLATE_NOOP("NetworkSpec", "Cross-entropy"),
}
OPTIMIZERS: dict[str, str] = {"sgd": "SGD", "adam": "Adam"}
INITS: dict[str, str] = {
    "uniform": QT_TRANSLATE_NOOP("NetworkSpec", "PyTorch-style uniform"),
    "zeros": QT_TRANSLATE_NOOP("NetworkSpec", "zeros"),
    "original": QT_TRANSLATE_NOOP("NetworkSpec", "the original's N(0, 1)"),
    "scaled": QT_TRANSLATE_NOOP("NetworkSpec", "scaled normal"),
}
OUTPUT_ACTIVATIONS = ("none", "sigmoid")
MIN_WIDTH, MAX_WIDTH = 1, 32
MAX_HIDDEN = 8
MAX_INPUTS = 64  # the digits' 8×8 pixels; a CSV's feature columns (the Training lab allows 64 too)
MAX_CLASSES = 10
MAX_BATCH = 100_000


class SpecError(ValueError):
    """An impossible setting; ``field`` names the spec field (``hidden[0].width``, ``loss``, ...)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def spec_error(field: str, reason: str, /, **fmt: object) -> SpecError:
    """The :class:`SpecError` for ``field`` whose ``reason`` is an English source of the "NetworkSpec" context,
    translated and filled with ``fmt`` (``tools/translations.py`` reads a literal ``reason`` as a message)."""
    return SpecError(field, format_text("NetworkSpec", reason, **fmt))


def check_choice(field: str, value: object, choices: Collection[str], reason: str) -> None:
    """:func:`spec_error` for ``field`` unless ``value`` is one of ``choices`` (``reason`` names it ``{name}`` and
    the choices ``{choices}``)."""
    if value not in choices:
        raise spec_error(field, reason, name=value, choices=", ".join(choices))


@dataclass(frozen=True)
class Layer:
    """One hidden layer: its number of neurons and the activation after it."""

    width: int = 4
    activation: str = "tanh"


@dataclass(frozen=True)
class NetworkSpec:
    """Everything that decides a network and how it trains.

    ``inputs`` is the number of raw input columns of the data and ``classes`` its task (0 = regression,
    2 = two classes, k ≥ 3 = k classes); the output layer follows from the task. ``features`` are
    Playground's derived inputs for 1-/2-D data (empty: the raw inputs as they are). ``batch_size`` 0 means
    the whole training set per step.
    """

    inputs: int = 2
    classes: int = 2
    features: tuple[str, ...] = ("x1", "x2")
    hidden: tuple[Layer, ...] = (Layer(4, "tanh"), Layer(2, "tanh"))
    output_activation: str = "none"
    loss: str = "bce_logits"
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    momentum: float = 0.0
    weight_decay: float = 0.0
    batch_size: int = 10
    init: str = "uniform"
    seed: int = 0
    title: str = field(default="", compare=False)

    @property
    def n_in(self) -> int:
        """Width of the first layer's input: the features, or the raw inputs when there are none."""
        return len(self.features) if self.features else self.inputs

    @property
    def n_out(self) -> int:
        """1 for regression or two classes, k for k classes."""
        return 1 if self.classes in (0, 2) else self.classes

    @property
    def widths(self) -> list[int]:
        """Every layer's width, inputs first: ``[2, 4, 2, 1]`` for the default."""
        return [self.n_in, *(layer.width for layer in self.hidden), self.n_out]

    def describe(self) -> str:
        """``2-4-2-1 tanh · BCE with logits · SGD 0.03`` for status lines and titles."""
        acts = sorted({layer.activation for layer in self.hidden})
        act = "/".join(shown(ACTIVATIONS[a]) for a in acts) if acts else translate("NetworkSpec", "linear")
        opt = f"{OPTIMIZERS.get(self.optimizer, self.optimizer)} {self.learning_rate:g}"
        return f"{'-'.join(map(str, self.widths))} {act} · {shown(LOSSES.get(self.loss, self.loss))} · {opt}"

    def validate(self) -> NetworkSpec:
        """This spec if every setting is possible, else :class:`SpecError` naming the field and the reason."""
        _check_task(self)
        _check_layers(self)
        _check_loss(self)
        _check_training(self)
        return self

    def for_task(self, inputs: int, classes: int) -> NetworkSpec:
        """The nearest spec that fits data with ``inputs`` columns and ``classes`` (the dataset changed):
        features kept where they still make sense, the loss switched where it no longer fits."""
        feats = tuple(f for f in self.features if inputs <= 2 and _feature_ok(f, inputs))
        if inputs <= 2 and not feats:
            feats = ("x1", "x2")[:inputs]
        loss = self.loss
        if classes == 0:
            loss = "mse"
        elif classes == 2 and loss == "cross_entropy":
            loss = "bce_logits"
        elif classes >= 3 and loss == "bce_logits":
            loss = "cross_entropy"
        out_act = self.output_activation if loss == "mse" else "none"
        return replace(
            self, inputs=inputs, classes=classes, features=feats, loss=loss, output_activation=out_act
        )


def shown(name: str) -> str:
    """A name from the tables above as the user reads it (translated where it is a word)."""
    return translate("NetworkSpec", name)


def _is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def _feature_ok(name: str, inputs: int) -> bool:
    return name in FEATURES and (inputs == 2 or "x2" not in name)


def _check_task(s: NetworkSpec) -> None:
    if not _is_int(s.inputs) or not 1 <= s.inputs <= MAX_INPUTS:
        raise spec_error(
            "inputs", "the data needs 1 to {max} input columns, got {value!r}", max=MAX_INPUTS, value=s.inputs
        )
    if not _is_int(s.classes) or s.classes == 1 or not 0 <= s.classes <= MAX_CLASSES:
        raise spec_error(
            "classes",
            "0 (regression) or 2 to {max} classes, got {value!r} (1 class is no task)",
            max=MAX_CLASSES,
            value=s.classes,
        )
    if s.features and s.inputs > 2:
        raise spec_error(
            "features",
            "derived features (x₁², sin x₁, …) are for 1-D or 2-D data; this has {n} inputs",
            n=s.inputs,
        )
    for f in s.features:
        check_choice("features", f, FEATURES, "unknown feature {name!r} (choose from {choices})")
        if not _feature_ok(f, s.inputs):
            raise spec_error(
                "features", "{name} needs a second input; this data has one (x₁)", name=FEATURES[f]
            )
    if len(set(s.features)) != len(s.features):
        raise spec_error("features", "a feature is chosen twice")


def _check_layers(s: NetworkSpec) -> None:
    if len(s.hidden) > MAX_HIDDEN:
        raise spec_error("hidden", "at most {max} hidden layers, got {n}", max=MAX_HIDDEN, n=len(s.hidden))
    for i, layer in enumerate(s.hidden):
        if not _is_int(layer.width) or not MIN_WIDTH <= layer.width <= MAX_WIDTH:
            raise spec_error(
                f"hidden[{i}].width",
                "layer {layer} needs {lo} to {hi} neurons, got {value!r}",
                layer=i + 1,
                lo=MIN_WIDTH,
                hi=MAX_WIDTH,
                value=layer.width,
            )
        check_choice(
            f"hidden[{i}].activation",
            layer.activation,
            ACTIVATIONS,
            "unknown activation {name!r} (choose from {choices})",
        )
    if s.output_activation not in OUTPUT_ACTIVATIONS:
        raise spec_error("output_activation", "'none' or 'sigmoid', got {value!r}", value=s.output_activation)


def _check_loss(s: NetworkSpec) -> None:
    check_choice("loss", s.loss, LOSSES, "unknown loss {name!r} (choose from {choices})")
    if s.classes == 0 and s.loss != "mse":
        raise spec_error(
            "loss", "{loss} needs class labels; a regression target uses MSE", loss=shown(LOSSES[s.loss])
        )
    if s.loss == "cross_entropy" and s.n_out < 3:
        raise spec_error(
            "loss",
            "cross-entropy with {n} output is impossible (softmax over one number is always 1); "
            "two classes use 1 output with BCE with logits",
            n=s.n_out,
        )
    if s.loss == "bce_logits" and s.classes != 2:
        raise spec_error(
            "loss", "BCE with logits is for two classes; {n} classes use cross-entropy", n=s.classes
        )
    if s.loss != "mse" and s.output_activation != "none":
        raise spec_error(
            "output_activation",
            "{loss} applies the sigmoid/softmax itself: no output activation",
            loss=shown(LOSSES[s.loss]),
        )


def _check_training(s: NetworkSpec) -> None:
    if s.optimizer not in OPTIMIZERS:
        raise spec_error("optimizer", "unknown optimiser {name!r} (choose SGD or Adam)", name=s.optimizer)
    lr = s.learning_rate
    if not isinstance(lr, (int, float)) or not (math.isfinite(lr) and 0 < lr <= 10):
        raise spec_error("learning_rate", "a number above 0 and at most 10, got {value!r}", value=lr)
    if not isinstance(s.momentum, (int, float)) or not 0 <= s.momentum < 1:
        raise spec_error("momentum", "at least 0 and below 1, got {value!r}", value=s.momentum)
    if s.optimizer == "adam" and s.momentum:
        raise spec_error("momentum", "Adam keeps its own moments; momentum is for SGD (set it to 0)")
    if not isinstance(s.weight_decay, (int, float)) or not (
        math.isfinite(s.weight_decay) and s.weight_decay >= 0
    ):
        raise spec_error("weight_decay", "0 or more, got {value!r}", value=s.weight_decay)
    if not _is_int(s.batch_size) or not 0 <= s.batch_size <= MAX_BATCH:
        raise spec_error(
            "batch_size",
            "0 (the whole set) to {max} samples, got {value!r}",
            max=MAX_BATCH,
            value=s.batch_size,
        )
    check_choice("init", s.init, INITS, "unknown initialisation {name!r} (choose from {choices})")
    if not _is_int(s.seed) or not 0 <= s.seed < 2**32:
        raise spec_error("seed", "a whole number from 0 to {max}, got {value!r}", max=2**32 - 1, value=s.seed)


# ---------------------------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------------------------


def activation_module(name: str) -> nn.Module | None:
    """The module for an activation name; None for "none" (the layer stays linear)."""
    table = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "leaky_relu": nn.LeakyReLU}
    return table[name]() if name in table else None


def init_std(init: str, fan_in: int, activation: str) -> float | None:
    """The normal distribution's standard deviation for ``init`` (None: keep Linear's uniform draw).

    "scaled": He (√(2/fan_in)) before ReLU-like activations, LeCun/Xavier (√(1/fan_in)) otherwise, so a
    layer's outputs start with about the spread of its inputs instead of saturating."""
    if init == "original":
        return 1.0
    if init == "scaled":
        gain = 2.0 if activation in ("relu", "leaky_relu") else 1.0
        return math.sqrt(gain / fan_in)
    return None


def build_model(spec: NetworkSpec) -> nn.Sequential:
    """The spec as ``Sequential(Linear, activation, …, Linear[, Sigmoid])``, initialised from ``spec.seed``.

    Order of draws (the exported script repeats it): ``pc.manual_seed(seed)``; per layer, ``Linear`` draws
    its uniform weights, then "original"/"scaled" draw a normal of the same shape from the same generator
    and replace them; "zeros" sets them to 0. Biases start at 0 (pycarrot's ``Linear``)."""
    spec.validate()
    gen = pc.manual_seed(spec.seed)
    acts = [layer.activation for layer in spec.hidden] + [spec.output_activation]
    widths = spec.widths
    modules: list[nn.Module] = []
    for fan_in, fan_out, act in zip(widths[:-1], widths[1:], acts):
        lin = nn.Linear(fan_in, fan_out)
        std = init_std(spec.init, fan_in, act)
        if std is not None:
            lin.weight.data = gen.normal(0.0, std, size=(fan_in, fan_out))
        elif spec.init == "zeros":
            lin.weight.data = np.zeros((fan_in, fan_out))
        modules.append(lin)
        module = activation_module(act)
        if module is not None:
            modules.append(module)
    return nn.Sequential(*modules)


def linear_layers(model: nn.Sequential) -> list[nn.Linear]:
    """The model's ``Linear`` layers in order (layer k of the lab is ``linear_layers(model)[k]``)."""
    return [m for m in model if isinstance(m, nn.Linear)]


def make_optimizer(spec: NetworkSpec, parameters) -> pc.Optim:
    """SGD (momentum, weight decay) or Adam (weight decay) over ``parameters`` as the spec says."""
    if spec.optimizer == "adam":
        return pc.Adam(parameters, learning_rate=spec.learning_rate, weight_decay=spec.weight_decay)
    return pc.SGD(
        parameters, learning_rate=spec.learning_rate, weight_decay=spec.weight_decay, momentum=spec.momentum
    )


def expand_features(x: np.ndarray, features: tuple[str, ...]) -> np.ndarray:
    """Raw inputs (n, 1) or (n, 2) → the chosen derived features (n, len(features)); no features: ``x``.

    Self-contained (NumPy only): the exported script carries this function's source."""
    if not features:
        return x
    x1 = x[:, 0]
    x2 = x[:, 1] if x.shape[1] > 1 else x1
    table = {
        "x1": lambda: x1,
        "x2": lambda: x2,
        "x1^2": lambda: x1 * x1,
        "x2^2": lambda: x2 * x2,
        "x1*x2": lambda: x1 * x2,
        "sin(x1)": lambda: np.sin(x1),
        "sin(x2)": lambda: np.sin(x2),
    }
    return np.stack([table[f]() for f in features], axis=1)
