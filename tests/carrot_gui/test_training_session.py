"""Qt-free tests of the training session: it trains through pycarrot, stops, diverges cleanly, and is
bit-for-bit reproducible however its steps are sliced."""

import numpy as np
import pytest

import pycarrot as pc
from carrot_gui.training.data import make_synthetic
from carrot_gui.training.session import (
    CONVERGED,
    DIVERGED,
    FINISHED,
    TrainConfig,
    TrainingSession,
    train_headless,
)


@pytest.fixture
def data():
    return make_synthetic(120, 2.0, 1.0, 0.5, seed=0)


def test_loss_decreases_and_the_line_is_found(data):
    s = train_headless(data, TrainConfig(learning_rate=0.05, budget=400))
    losses = s.losses.view()
    assert s.state == FINISHED and losses.size == 400
    assert losses[-1] < 0.1 * losses[0]
    assert s.weight[0, 0] == pytest.approx(2.0, abs=0.1) and s.bias[0] == pytest.approx(1.0, abs=0.15)


def test_session_is_exactly_a_pycarrot_training_loop(data):
    """An independent loop written with pycarrot only gives the same weights, bit for bit."""
    cfg = TrainConfig(learning_rate=0.03, momentum=0.5, weight_decay=0.01, budget=50, seed=7)
    s = train_headless(data, cfg)
    pc.manual_seed(7)
    model = pc.Linear(1, 1)
    opt = pc.SGD(model.parameters(), learning_rate=0.03, weight_decay=0.01, momentum=0.5)
    x, y = pc.Carrot(data.x), pc.Carrot(data.y)
    for _ in range(50):
        opt.zero_grad()
        loss = pc.mse_loss(model(x), y)
        loss.backward()
        opt.step()
    assert np.array_equal(s.weight, model.weight.data) and np.array_equal(s.bias, model.bias.data)


@pytest.mark.parametrize(
    "cfg",
    [
        TrainConfig(budget=200),
        TrainConfig(optimizer="Adam", learning_rate=0.1, budget=200),
        TrainConfig(batch_size=16, unit="epochs", budget=6, seed=3),
    ],
)
def test_slicing_does_not_change_the_result(data, cfg):
    whole = train_headless(data, cfg)
    sliced = TrainingSession(data, cfg)
    chunks = 0
    while not sliced.finished:
        sliced.run_for(1.0, max_steps=7)
        chunks += 1
    assert chunks > 1
    stepped = TrainingSession(data, cfg)
    results = list(stepped.run())
    for other in (sliced, stepped):
        assert np.array_equal(other.weight, whole.weight) and np.array_equal(other.bias, whole.bias)
        assert np.array_equal(other.losses.view(), whole.losses.view())
    assert [r.step for r in results] == list(range(whole.steps_done))


def test_mini_batches_and_epochs(data):
    s = train_headless(data, TrainConfig(batch_size=50, unit="epochs", budget=4))
    assert s.steps_per_epoch == 3 and s.steps_done == 12 and s.epoch == 4
    other = train_headless(data, TrainConfig(batch_size=50, unit="epochs", budget=4, seed=1))
    assert not np.array_equal(s.losses.view(), other.losses.view())  # another order and init


def test_history_records_the_parameters_that_produced_each_loss(data):
    s = TrainingSession(data, TrainConfig(budget=5))
    s.run_to_end()
    for k in range(5):
        w, b = s.params_at(k)
        pred = data.x @ w + b
        assert s.losses.view()[k] == pytest.approx(np.mean((pred - data.y) ** 2), rel=1e-12)
    with pytest.raises(IndexError):
        s.params_at(5)


def test_a_huge_learning_rate_diverges_cleanly(data):
    """lr=100: stops at the first NaN/inf loss with a message; no exception, no NumPy warning (warnings are
    errors in these tests), the earlier history kept."""
    s = train_headless(data, TrainConfig(learning_rate=100.0, budget=1000))
    assert s.state == DIVERGED
    losses = s.losses.view()
    assert s.diverged_step == losses.size - 1 and not np.isfinite(losses[-1])
    assert np.all(np.isfinite(losses[:-1])) and losses.size > 2
    msg = s.message()
    assert "diverged" in msg and f"step {s.diverged_step}" in msg and "smaller" in msg
    assert "press Train" in msg and "Standardis" not in msg  # x in [-3, 3]: scale is not the problem
    assert s.step() is None and s.steps_done == losses.size


def test_divergence_on_large_unstandardised_features_suggests_standardising(data):
    from carrot_gui.training.data import Dataset, standardise

    big = Dataset(x=data.x * 100, y=data.y, feature_names=("x",), target_name="y")
    s = train_headless(big, TrainConfig(learning_rate=0.05, budget=100))
    assert s.state == DIVERGED and "Standardising the features" in s.message()
    s = train_headless(standardise(big), TrainConfig(learning_rate=0.05, budget=100))
    assert s.state != DIVERGED


def test_threshold_stops_early_and_extend_continues(data):
    s = train_headless(data, TrainConfig(learning_rate=0.1, budget=10_000, loss_threshold=1.0))
    assert s.state == CONVERGED and s.losses.view()[-1] < 1.0 and s.steps_done < 10_000
    f = train_headless(data, TrainConfig(budget=10))
    f.extend(5)
    f.run_to_end()
    assert f.steps_done == 15 and f.state == FINISHED


@pytest.mark.parametrize(
    "bad, words",
    [
        ({"learning_rate": 0.0}, "learning rate"),
        ({"optimizer": "RMSprop"}, "optimizer"),
        ({"momentum": 1.0}, "momentum"),
        ({"budget": 0}, "at least 1"),
        ({"batch_size": -1}, "batch size"),
    ],
)
def test_bad_config_is_refused(data, bad, words):
    with pytest.raises(ValueError, match=words):
        TrainingSession(data, TrainConfig(**bad))


def test_step_graph_is_a_real_pycarrot_graph_of_the_loss(data):
    s = TrainingSession(data, TrainConfig(budget=3))
    s.run_to_end()
    before = s.model.weight.grad.data.copy()
    nodes = s.step_graph(4)
    assert list(nodes)[-1] == "loss" and {"x", "y", "weight", "bias", "pred"} <= set(nodes)
    loss = nodes["loss"]
    loss.backward()
    x, y = data.x[:4], data.y[:4]
    resid = x @ s.weight + s.bias - y
    np.testing.assert_allclose(float(loss.data), np.mean(resid**2))
    np.testing.assert_allclose(nodes["weight"].grad.data, 2 * x.T @ resid / 4)
    assert np.array_equal(s.model.weight.grad.data, before)  # the model's own gradients are untouched


def test_the_training_model_imports_no_qt():
    """data, session, history and surface are the Qt-free layer: importing them loads no Qt module."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import carrot_gui.training.data, carrot_gui.training.session\n"
        "import carrot_gui.training.history, carrot_gui.training.surface\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
