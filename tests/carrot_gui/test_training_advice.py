"""Learning-rate advice from the loss's curvature (issue 10, item 7): the limit it states is the real edge
of divergence — just above it a run diverges, just below it converges — and the lab shows it beside the
learning rate and in the divergence message, with a rate to use instead."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from test_training_lab import lab, set_lr  # noqa: F401 - the lab fixture

from carrot_gui import paths
from carrot_gui.training.advice import Curvature, advise, nice_floor
from carrot_gui.training.data import make_synthetic, read_csv, standardise
from carrot_gui.training.session import DIVERGED, FINISHED, TrainConfig, TrainingSession, train_headless


@pytest.fixture(scope="module")
def line():
    return make_synthetic(100, 2.0, 1.0, 0.8, seed=0)


@pytest.fixture(scope="module")
def houses():
    path = paths.datasets_dir() / "houses.csv"
    return read_csv(str(path), None).to_dataset("price_k", ["size_m2", "rooms", "age_years"])


def limit(data, **config):
    return advise(data.curvature, TrainConfig(**config), data.n_samples).limit


def test_the_curvature_is_the_hessians_largest_eigenvalue(line, houses):
    for data in (line, houses):
        a = np.hstack([data.x, np.ones((data.n_samples, 1))])
        hessian = 2 * a.T @ a / data.n_samples
        assert data.curvature.largest == pytest.approx(np.linalg.eigvalsh(hessian).max(), rel=1e-12)
    assert Curvature.of(np.array([[1.0], [3.0]])).sample == pytest.approx(2 * (9 + 1))


@pytest.mark.parametrize(
    "which, config",
    [
        ("line", {}),
        ("line", {"momentum": 0.9}),  # 2(1 + β)/λ_max
        ("line", {"weight_decay": 0.5}),  # 2/(λ_max + decay)
        ("houses", {}),  # raw units: a limit near 7e-5
        ("standardised", {"momentum": 0.5, "weight_decay": 0.1}),
    ],
)
def test_just_above_the_limit_diverges_and_just_below_converges(line, houses, which, config):
    data = {"line": line, "houses": houses, "standardised": standardise(houses)}[which]
    edge = limit(data, **config)
    above = train_headless(data, TrainConfig(learning_rate=edge * 1.05, budget=10_000, **config))
    assert above.state == DIVERGED
    below = train_headless(data, TrainConfig(learning_rate=edge * 0.95, budget=above.steps_done, **config))
    losses = below.losses.view()
    assert below.state == FINISHED and np.all(np.isfinite(losses)) and losses[-1] < losses[0]


def test_the_suggested_rate_converges_to_the_least_squares_line(line):
    advice = advise(line.curvature, TrainConfig(), line.n_samples)
    assert advice.exact and advice.suggested == nice_floor(1 / line.curvature.largest) == 0.1
    s = train_headless(line, TrainConfig(learning_rate=advice.suggested, budget=300))
    a = np.hstack([line.x, np.ones((line.n_samples, 1))])
    best = np.mean((a @ np.linalg.lstsq(a, line.y, rcond=None)[0] - line.y) ** 2)
    assert s.state == FINISHED and s.losses.view()[-1] == pytest.approx(best, rel=1e-6)


def test_nice_floor():
    assert [nice_floor(v) for v in (0.62, 0.167, 3.8e-5, 1.0, 0.2, 99)] == [0.5, 0.1, 2e-5, 1.0, 0.2, 50]


def test_mini_batches_and_adam_say_what_is_known(line):
    mini = advise(line.curvature, TrainConfig(batch_size=10), line.n_samples)
    assert not mini.exact and mini.safe < mini.limit and "guide only" in mini.hint
    assert mini.safe == pytest.approx(2 / line.curvature.sample) and mini.suggested <= mini.safe
    # below the safe rate no batch's Hessian can make a step overshoot: each batch's λ_max is below it
    for start in range(0, 100, 10):
        batch = Curvature.of(line.x[start : start + 10]).largest
        assert 2 / batch >= mini.safe
    adam = advise(line.curvature, TrainConfig(optimizer="Adam"), line.n_samples)
    assert adam.limit is None and adam.suggested is None and "no limit" in adam.hint


def test_a_diverged_run_names_the_limit_and_a_rate_that_converges(line):
    s = train_headless(line, TrainConfig(learning_rate=100.0, budget=1000))
    msg = s.message()
    edge = limit(line)
    assert f"diverges above lr = {edge:.3g}" in msg and "e.g. 0.1," in msg
    assert "λ_max" in msg and "smaller" in msg
    s = TrainingSession(line, TrainConfig(learning_rate=0.1, budget=300)).run_to_end()
    assert s.state == FINISHED  # the rate it suggests converges


def test_the_lab_shows_the_limit_beside_the_learning_rate_and_offers_a_safe_rate(qtbot, lab):  # noqa: F811
    edge = limit(lab.data)
    hint = lab.lrAdviceLabel
    assert hint.isVisible() and f"diverges above lr = {edge:.3g}" in hint.text()
    assert hint.property("tone") == "muted" and not lab.useSuggestedLrButton.isVisible()
    set_lr(qtbot, lab, "1")  # above the limit: said in red before training, with a button to fix it
    assert hint.property("tone") == "error" and "lr 1 will diverge" in hint.text()
    button = lab.useSuggestedLrButton
    assert button.isVisible() and button.text() == "use 0.1"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert lab.learningRateSpin.value() == 0.1 and not button.isVisible()
    assert hint.property("tone") == "muted"
    lab.optimizerCombo.setCurrentText("Adam")
    assert "no limit" in hint.text()


def test_the_divergence_message_in_the_lab_names_the_limit(qtbot, lab):  # noqa: F811
    lab.runControls.set_speed(None)
    set_lr(qtbot, lab, "100")
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    text = lab.trainingStatusLabel.text()
    assert lab.session.state == DIVERGED
    assert f"diverges above lr = {limit(lab.data):.3g}" in text and "e.g. 0.1" in text
