"""A lesson with one scene per lab and data kind, weights, histories and earlier runs filled in (shared by the
lesson tests and the autosave crash test's child process)."""

from __future__ import annotations

import numpy as np

from carrot_gui.lessons import (
    CsvRows,
    DigitsData,
    DrawnData,
    EarlierRun,
    ExpressionState,
    GeneratedSettings,
    Lesson,
    NetCsv,
    NetSettings,
    NetworkState,
    Scene,
    TrainingState,
    TrainSettings,
)

CSV = CsvRows(
    name="study_hours.csv",
    columns=("hours", "sleep", "score"),
    rows=(("1", "7", "52"), ("2", "6.5", "60"), ("3", "8", "71"), ("4", "5", "70")),
    has_header=True,
    target="score",
    features=("hours", "sleep"),
)


def every_kind() -> Lesson:
    """One scene per lab and data kind, with weights, histories and earlier runs filled in."""
    rng = np.random.default_rng(1)
    training = TrainingState(
        CSV,
        standardise=True,
        settings=TrainSettings("Adam", 0.01, 0.001, 0.0, 2, 40, "epochs", 1e-3, 7),
        weights=np.array([0.5, -1.0, 2.0]),
        losses=np.array([3.0, 2.0, np.inf, np.nan]),
        params=rng.normal(size=(4, 3)),
        runs=(
            EarlierRun("SGD lr=0.05", np.array([1.0, 0.5])),
            EarlierRun("SGD lr=100 (diverged)", np.zeros(0)),
        ),
    )
    spec = NetSettings(hidden=((3, "relu"),), learning_rate=0.1)
    drawn = DrawnData(np.array([[0.0, 1.0], [1.5, -2.0], [3.0, 3.0]]), np.array([0, 1, 1]), 0.0, 3)
    network = NetworkState(
        spec,
        drawn,
        weights=((rng.normal(size=(2, 3)), np.zeros(3)), (rng.normal(size=(3, 1)), np.ones(1))),
        steps_done=2,
        losses=np.array([0.7, 0.6]),
        grad_norms=np.array([[1.0, 2.0], [0.5, 0.25]]),
        eval_steps=np.array([0.0]),
        evals=np.array([[0.7, np.nan, 0.5, np.nan]]),
        backward=2,
    )
    csv_net = NetworkState(
        NetSettings(inputs=2, classes=0, features=(), loss="mse"), NetCsv(CSV, classify=False)
    )
    digits = NetSettings(inputs=64, classes=10, features=(), hidden=(), loss="cross_entropy")
    scenes = (
        Scene("expr", "a note\non two lines", "expression", expression=ExpressionState(
            "z = x * y\n", {"x": np.array(2.0), "y": np.array([[1.0, 2.0]])}, 5, "per-path")),
        Scene("train", "", "training", training=training, expression=ExpressionState("q = 1.0\nr = q * q")),
        Scene("drawn", "", "network", network=network),
        Scene("csv net", "", "network", network=csv_net),
        Scene("digits", "", "network", network=NetworkState(digits, DigitsData(0.25, 4))),
        Scene("generated", "", "network", network=NetworkState(data=GeneratedSettings("moons", 50, 0.1, 0.2, 9))),
    )  # fmt: skip
    return Lesson("Every kind — ünïcode ✓", scenes, current=2)
