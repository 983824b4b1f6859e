"""The example lesson shipped in ``resources/lessons/``, built from the original design's examples.

:func:`build_example_lesson` is the one source of the file: ``python -m carrot_gui.lessons.examples``
rewrites it, and a test checks that the shipped file opens to exactly what a fresh build gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from .format import Lesson, Scene, save_lesson
from .network_state import GeneratedSettings, NetSettings, NetworkState
from .state import ExpressionState, SyntheticSettings, TrainingState, TrainSettings

EXAMPLE_NAME = "original-examples.carrot"

NEURON = "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.8813735870195432\nh = tanh(x1*w1 + x2*w2 + b)\n"


def example_path() -> Path:
    """Where the shipped example lesson is (in a checkout and in an install alike)."""
    return paths.resources_dir() / "lessons" / EXAMPLE_NAME


def _expression(title: str, source: str, note: str) -> Scene:
    return Scene(title, note, "expression", expression=ExpressionState(source))


def _training(title: str, learning_rate: float, note: str) -> Scene:
    data = SyntheticSettings(n_samples=100, weights=(2.0,), bias=1.0, noise=0.5, seed=0)
    settings = TrainSettings(optimizer="SGD", learning_rate=learning_rate, budget=300)
    return Scene(title, note, "training", training=TrainingState(data, settings=settings))


def build_example_lesson() -> Lesson:
    """Six scenes: the original design's two examples, a neuron, training that works and training that
    diverges, and XOR in the Network lab."""
    scenes = (
        _expression(
            "x·y",
            "x = 2.0\ny = 4.0\nz = x * y\n",
            "The original design's first example. Step to the end: z.grad = 1, then x.grad = y = 4 and "
            "y.grad = x = 2 — the gradient of a product swaps the factors.",
        ),
        _expression(
            "a·2 + a·3 (accumulation)",
            "a = 2.0\nx = a * 2\ny = a * 3\nz = x + y\n",
            "The original's second example: a reaches z on two paths. Watch a.grad become 2, then "
            "2 + 3 = 5 — gradients from every path add up (+=), which is why zero_grad exists.",
        ),
        _expression(
            "a neuron",
            NEURON,
            "h = tanh(x1·w1 + x2·w2 + b). tanh′ = 1 − h² = 0.5 here; the sum hands that 0.5 to every term, "
            "and each product swaps its factors: w1.grad = x1 · 0.5 = 1.",
        ),
        _training(
            "training with lr 0.05",
            0.05,
            "Linear regression on y = 2x + 1 + noise with SGD, learning rate 0.05. Press Train: the loss "
            "falls fast, then flattens; the fitted line swings into place.",
        ),
        _training(
            "lr 100 diverges",
            100.0,
            "The same data with learning rate 100: every step overshoots further, the loss explodes and the "
            "run stops at the first inf/NaN. Ask: what happens at 0.1? at 0.2?",
        ),
        Scene(
            "XOR",
            "A line cannot split XOR; a hidden layer can. Train the 2-4-2-1 tanh network and watch the "
            "boundary bend into four quadrants.",
            "network",
            network=NetworkState(NetSettings(), GeneratedSettings("xor", 200, 0.2, 0.3, 0)),
        ),
    )
    return Lesson("Backpropagation, from the original design", scenes)


def write_example_lesson(path: str | Path | None = None) -> Path:
    """Build the example lesson and save it (to the shipped location by default)."""
    target = Path(path) if path is not None else example_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    save_lesson(build_example_lesson(), target)
    return target


if __name__ == "__main__":
    print(write_example_lesson(sys.argv[1] if len(sys.argv) > 1 else None))
