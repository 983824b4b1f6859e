"""Ready-made expressions for the Expression lab's preset menu (in the language of ``pc.parse``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Preset:
    """A title and a note in English (shown translated, context "Presets"); the source in the language."""

    title: str
    source: str
    note: str  # one line on what to watch for


PRESETS: list[Preset] = [
    Preset(
        QT_TRANSLATE_NOOP("Presets", "z = x·y (original design)"),
        "x = 2.0\ny = 4.0\nz = x * y\n",
        QT_TRANSLATE_NOOP(
            "Presets", "∂z/∂x is y and ∂z/∂y is x: the gradient of a product swaps the factors."
        ),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "z = a·2 + a·3 (original design)"),
        "a = 1.0\nz = a * 2 + a * 3\n",
        QT_TRANSLATE_NOOP("Presets", "a is used on two paths: its gradient accumulates 2 + 3 = 5."),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "z = x·y + sin(x)"),
        "x = 2.0\ny = 4.0\nz = x * y + sin(x)\n",
        QT_TRANSLATE_NOOP("Presets", "x reaches z twice, through the product and through sin."),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "tanh neuron"),
        "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\nn = tanh(w1*x1 + w2*x2 + b)\n",
        QT_TRANSLATE_NOOP(
            "Presets",
            "micrograd's neuron: tanh′ = 1 − tanh², then the sum hands the same gradient to every term.",
        ),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "sigmoid neuron"),
        "x = 1.5\nw = 0.8\nb = -0.5\np = sigmoid(w * x + b)\n",
        QT_TRANSLATE_NOOP("Presets", "σ′ = σ·(1 − σ): never bigger than 0.25."),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "softmax over a vector"),
        "logits = [2.0, 1.0, 0.1]\ntarget = [0.0, 0.0, 1.0]\nloss = -sum(target * log(softmax(logits)))\n",
        QT_TRANSLATE_NOOP(
            "Presets", "Cross-entropy through softmax: the gradient on the logits is softmax − target."
        ),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "MSE of a line fit"),
        "x = [1.0, 2.0, 3.0, 4.0]\ny = [3.1, 4.9, 7.2, 8.8]\nw = 1.5\nb = 0.5\nloss = mse(w * x + b, y)\n",
        QT_TRANSLATE_NOOP(
            "Presets", "One fused mse node; w and b receive the gradient SGD would step along."
        ),
    ),
    Preset(
        QT_TRANSLATE_NOOP("Presets", "one variable on many paths"),
        "x = 0.5\nu = x * x\nv = u * x + sin(x)\nw = v * u + x\nz = w * v + exp(x)\n",
        QT_TRANSLATE_NOOP(
            "Presets", "x feeds five ops; in per-path order grad_fn runs many more times than edges exist."
        ),
    ),
]


def preset(title_start: str) -> Preset:
    """The preset whose title starts with ``title_start`` (ValueError listing the titles if none does)."""
    for p in PRESETS:
        if p.title.startswith(title_start):
            return p
    raise ValueError(f"no preset starts with {title_start!r}; presets: {', '.join(p.title for p in PRESETS)}")


DEMO = PRESETS[2]  # what the lab opens on
