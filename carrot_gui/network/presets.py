"""The Network lab's presets (a network and its data in one choice) and the one-click fixes for the original
project's stalled MNIST network, with the explanation the lab shows. Qt-free.

Numbers quoted in the texts were measured with these exact presets (tests/carrot_gui/test_network_presets.py
checks them with a margin): after 1,000 steps the original's network is at 9 % test accuracy (chance), the
fixed one at 96 %; the first layer's gradient norm (median over the run) is 19× smaller in the original.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..i18n import QT_TRANSLATE_NOOP
from .datasets import DataConfig, NetData, generate, load_digits
from .spec import Layer, NetworkSpec

DIGITS = "digits"  # the data of a preset that uses the handwritten digits instead of a generated set


@dataclass(frozen=True)
class Preset:
    """A named network with the data it is meant for and a sentence on what to watch."""

    name: str
    spec: NetworkSpec
    data: DataConfig | str
    note: str = ""

    def __post_init__(self) -> None:
        """The network is named as the preset (its title is the preset's English name)."""
        object.__setattr__(self, "spec", replace(self.spec, title=self.name))

    def load_data(self) -> NetData:
        """The preset's dataset (generated from its config, or the digits)."""
        return load_digits(test_fraction=0.2, seed=0) if self.data == DIGITS else generate(self.data)


ORIGINAL = NetworkSpec(
    inputs=64,
    classes=10,
    features=(),
    hidden=(Layer(32, "sigmoid"),),
    output_activation="sigmoid",
    loss="mse",
    optimizer="sgd",
    learning_rate=0.1,
    batch_size=32,
    init="original",
    title="The original's network",
)


def fix_init(spec: NetworkSpec) -> NetworkSpec:
    return replace(spec, init="scaled")


def fix_activation(spec: NetworkSpec) -> NetworkSpec:
    return replace(spec, hidden=tuple(replace(layer, activation="tanh") for layer in spec.hidden))


def fix_loss(spec: NetworkSpec) -> NetworkSpec:
    return replace(spec, loss="cross_entropy", output_activation="none")


@dataclass(frozen=True)
class Fix:
    """One change that un-stalls the original's network: a button label, why it helps, the change."""

    key: str
    label: str
    why: str
    apply: Callable[[NetworkSpec], NetworkSpec]

    def applied(self, spec: NetworkSpec) -> bool:
        return self.apply(spec) == spec


FIXES: tuple[Fix, ...] = (
    Fix(
        "init",
        QT_TRANSLATE_NOOP("Presets", "Scaled initialisation"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "Weights drawn from N(0, 1) make each of the 32 hidden neurons sum 64 inputs into numbers spread about ±4 "
            "(half of them beyond ±3): the sigmoid sits flat at 0 or 1, where its slope is almost 0. Drawing them with standard deviation "
            "√(1/64) keeps the sums near 0, where the sigmoid still has a slope.",
        ),
        fix_init,
    ),
    Fix(
        "activation",
        QT_TRANSLATE_NOOP("Presets", "Tanh instead of sigmoid"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "σ′ is at most 0.25, so every sigmoid layer shrinks the gradient at least fourfold; tanh′ is 1 at 0 "
            "and tanh is centred on 0, so the next layer's inputs are not all positive.",
        ),
        fix_activation,
    ),
    Fix(
        "loss",
        QT_TRANSLATE_NOOP("Presets", "Cross-entropy loss"),
        QT_TRANSLATE_NOOP(
            "Presets",
            "MSE on a sigmoid output multiplies the error by σ′(z): a confidently wrong output gets almost no "
            "gradient. Softmax cross-entropy's gradient is softmax − one-hot: the more wrong, the larger.",
        ),
        fix_loss,
    ),
)

STALL_EXPLANATION = QT_TRANSLATE_NOOP(
    "Presets",
    "The original project trained 784-32-10 with sigmoids, MSE and weights from N(0, 1), and its loss sat "
    "at 0.90. Here the same recipe on the 8×8 digits (64-32-10) stays at chance — about 9 % of the test "
    "images right after 1,000 steps: the hidden sigmoids are saturated, and the gradient-health plot shows "
    "the first layer's gradient about 20 times smaller than the fixed network's. Apply all three fixes and the same network reaches about 96 % "
    "in the same 1,000 steps.",
)


def apply_fixes(spec: NetworkSpec, keys: tuple[str, ...] = ("init", "activation", "loss")) -> NetworkSpec:
    """``spec`` with the named fixes applied."""
    for fix in FIXES:
        if fix.key in keys:
            spec = fix.apply(spec)
    return spec


PRESETS: tuple[Preset, ...] = (
    Preset(
        QT_TRANSLATE_NOOP("Presets", "XOR"),
        NetworkSpec(hidden=(Layer(4, "tanh"), Layer(4, "tanh")), learning_rate=0.1),
        DataConfig("xor", samples=200, noise=0.2),
        QT_TRANSLATE_NOOP(
            "Presets",
            "No straight line separates the quadrants: watch the hidden neurons each draw one line and the "
            "next layer combine them.",
        ),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "Spiral"),
        NetworkSpec(
            classes=3,
            hidden=(Layer(16, "tanh"), Layer(16, "tanh")),
            loss="cross_entropy",
            optimizer="adam",
            learning_rate=0.01,
        ),
        DataConfig("spiral", samples=300, noise=0.3),
        QT_TRANSLATE_NOOP(
            "Presets",
            "Three classes, three arms: the output layer has 3 neurons and softmax cross-entropy picks one.",
        ),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "Digits"),
        apply_fixes(ORIGINAL),
        DIGITS,
        QT_TRANSLATE_NOOP(
            "Presets",
            "64 pixels in, 10 digits out. With scaled initialisation, tanh and cross-entropy it passes 95 % "
            "of the held-out images within a few hundred steps.",
        ),
    ),
    Preset(QT_TRANSLATE_NOOP("Presets", "The original's network"), ORIGINAL, DIGITS, STALL_EXPLANATION),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "Circles"),
        NetworkSpec(features=("x1", "x2", "x1^2", "x2^2"), hidden=(Layer(2, "tanh"),)),
        DataConfig("circles", samples=200, noise=0.1),
        QT_TRANSLATE_NOOP(
            "Presets", "With x₁² and x₂² as inputs a circle is a straight line: two neurons are enough."
        ),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "Regression: sin x"),
        NetworkSpec(
            inputs=1,
            classes=0,
            features=("x1",),
            hidden=(Layer(8, "tanh"), Layer(8, "tanh")),
            loss="mse",
            optimizer="adam",
            learning_rate=0.01,
        ),
        DataConfig("sine", samples=200, noise=0.1),
        QT_TRANSLATE_NOOP("Presets", "One input, one output: the curve is the network's output over x."),
    ),
)


def preset(name: str) -> Preset:
    """The preset called ``name`` (KeyError naming the choices otherwise)."""
    for p in PRESETS:
        if p.name == name:
            return p
    raise KeyError(f"no preset {name!r} (choose from {', '.join(p.name for p in PRESETS)})")
