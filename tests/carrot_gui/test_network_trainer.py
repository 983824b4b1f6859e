"""The Network lab's training session, headless: it trains as the lab does and answers the views."""

from dataclasses import replace

import numpy as np
import pytest

import pycarrot as pc
from carrot_gui.network import (
    DataConfig,
    Layer,
    NetworkSession,
    NetworkSpec,
    SpecError,
    generate,
    load_digits,
)
from carrot_gui.network.spec import expand_features


@pytest.fixture(scope="module")
def xor():
    return generate(DataConfig("xor", samples=200, noise=0.2, seed=0))


def small(**changes) -> NetworkSpec:
    return replace(NetworkSpec(hidden=(Layer(8, "tanh"), Layer(8, "tanh"))), **changes)


def test_same_run_however_it_is_sliced(xor):
    a = NetworkSession(small(), xor).run_steps(123)
    b = NetworkSession(small(), xor)
    while b.steps_done < 123:
        b.run_for(0.0005, max_steps=123 - b.steps_done)
    for (wa, ba), (wb, bb) in zip(a.weights(), b.weights()):
        assert np.array_equal(wa, wb) and np.array_equal(ba, bb)
    assert np.array_equal(a.losses.view(), b.losses.view())


def test_records_losses_gradient_norms_and_evaluations(xor):
    s = NetworkSession(small(batch_size=20), xor, eval_every=5)
    steps, stopped = [], []
    s.step_done.connect(steps.append)
    s.run_stopped.connect(stopped.append)
    s.run_steps(12)
    assert steps == list(range(1, 13)) and stopped == []
    assert len(s.losses) == 12 and s.grad_norms.view().shape == (12, 3)
    assert np.all(s.grad_norms.view() > 0)
    assert s.eval_steps.view().tolist() == [0, 5, 10]
    h = s.history()
    assert set(h) == {"step", "train loss", "test loss", "train accuracy", "test accuracy"}
    assert 0 <= h["test accuracy"][-1] <= 1
    assert s.steps_per_epoch == 7  # 140 training samples in batches of 20
    assert s.message().startswith("Step 12 (epoch 1.7): BCE with logits ")


def test_the_gradient_norm_is_the_models_own(xor):
    s = NetworkSession(small(batch_size=0), xor)
    s.step()
    g = s.layers[0].weight.grad.data
    b = s.layers[0].bias.grad.data
    assert s.grad_norms.view()[0, 0] == pytest.approx(np.sqrt((g**2).sum() + (b**2).sum()))
    assert s.gradients()[0] is g and s.bias_gradients()[0] is b


def test_finishes_after_max_steps_and_says_so(xor):
    s = NetworkSession(small(), xor, max_steps=30)
    stopped = []
    s.run_stopped.connect(stopped.append)
    assert s.run_for(10.0) == 30
    assert s.finished and stopped == ["finished"] and s.step() is None
    assert s.message().startswith("Finished 30 steps.")
    s.extend(5)
    assert not s.finished and s.run_for(10.0) == 5


def test_stops_at_a_nan_loss_with_a_clear_message():
    data = generate(DataConfig("sine", samples=100, noise=0.1))
    spec = NetworkSpec(inputs=1, classes=0, features=("x1",), hidden=(Layer(32, "relu"),) * 3, loss="mse",
                       learning_rate=10.0, init="original", batch_size=0)  # fmt: skip
    s = NetworkSession(spec, data)
    diverged = []
    s.diverged.connect(diverged.append)
    with np.errstate(all="raise"):  # no NumPy warning escapes (warnings are errors in this suite)
        s.run_for(5.0, max_steps=200)
    assert s.finished and s.state == "diverged" and diverged == [s.diverged_step]
    assert not np.isfinite(s.losses.view()[-1])
    assert "too high" in s.message() and "try 1" in s.message()


def test_spec_must_fit_the_data(xor):
    with pytest.raises(SpecError, match="the data has 2 inputs and 2 classes"):
        NetworkSession(NetworkSpec(classes=3, loss="cross_entropy"), xor)


def test_boundary_and_activation_maps(xor):
    s = NetworkSession(small(optimizer="adam", learning_rate=0.03), xor).run_steps(300)
    assert s.accuracy[1] > 0.95
    b = s.boundary(100)
    assert b.shape == (100, 100) and np.all((b >= 0) & (b <= 1))
    # rows go up in x₂, columns right in x₁: bottom-left and top-right quadrants are class 1 (x₁x₂ > 0)
    assert b[10, 10] > 0.5 and b[90, 90] > 0.5 and b[10, 90] < 0.5 and b[90, 10] < 0.5
    maps = s.activation_maps(grid=24)
    assert [m.shape for m in maps] == [(24, 24, 2), (24, 24, 8), (24, 24, 8), (24, 24, 1)]
    assert np.all(np.abs(maps[1]) <= 1)  # tanh outputs
    out = s.outputs(expand_features(s.plane(24), s.spec.features)).reshape(24, 24, 1)
    np.testing.assert_allclose(maps[-1], out)


def test_multiclass_boundary_is_probabilities():
    spiral = generate(DataConfig("spiral", samples=150))
    s = NetworkSession(NetworkSpec(classes=3, loss="cross_entropy"), spiral)
    b = s.boundary(30)
    assert b.shape == (30, 30, 3)
    np.testing.assert_allclose(b.sum(axis=2), 1.0)


def test_editing_a_weight_changes_the_boundary(xor):
    s = NetworkSession(small(), xor).run_steps(50)
    changed = []
    s.weights_changed.connect(lambda: changed.append(1))
    before = s.boundary(40)
    s.set_weight(0, 1, 3, 5.0)
    assert s.layers[0].weight.data[1, 3] == 5.0 and changed == [1]
    assert not np.allclose(before, s.boundary(40))
    for bad in [(3, 0, 0, 1.0), (0, 2, 0, 1.0), (0, 0, 8, 1.0), (0, 0, 0, float("inf"))]:
        with pytest.raises(ValueError):
            s.set_weight(*bad)


def test_confusion_matrix_and_predictions_for_digits():
    d = load_digits()
    spec = NetworkSpec(inputs=64, classes=10, features=(), hidden=(Layer(16, "tanh"),), loss="cross_entropy",
                       optimizer="adam", learning_rate=0.01, batch_size=32, init="scaled")  # fmt: skip
    s = NetworkSession(spec, d).run_steps(200)
    m = s.confusion("test")
    pred, true = s.predictions("test")
    assert m.shape == (10, 10) and m.sum() == d.n_test
    assert np.trace(m) / d.n_test == pytest.approx(s.accuracy[1])
    assert np.array_equal(m.sum(axis=1), np.bincount(true, minlength=10))
    assert np.mean(pred == true) == pytest.approx(s.accuracy[1])
    assert s.accuracy_text() == f"train {100 * s.accuracy[0]:.1f} % · test {100 * s.accuracy[1]:.1f} %"


def test_tensor_graph_names_shapes_and_gradients(xor):
    s = NetworkSession(NetworkSpec(hidden=(Layer(4, "tanh"),)), xor).run_steps(3)
    nodes = s.tensor_graph(batch=4)
    assert list(nodes) == ["x", "W1", "b1", "x@W1", "z1", "h1", "W2", "b2", "h1@W2", "z2", "y", "loss"]
    shapes = {k: v.shape for k, v in nodes.items()}
    assert shapes["x"] == (4, 2) and shapes["W1"] == (2, 4) and shapes["b1"] == (4,)
    assert shapes["x@W1"] == shapes["z1"] == shapes["h1"] == (4, 4)
    assert shapes["W2"] == (4, 1) and shapes["z2"] == (4, 1) and shapes["loss"] == ()
    nodes["loss"].backward()
    # the same forward/backward on the model itself gives the same gradients
    s.optimizer.zero_grad()
    s.loss_of(s.model(pc.Carrot(s.x_train[:4])), s.t_train[:4]).backward()
    np.testing.assert_allclose(nodes["W1"].grad.data, s.layers[0].weight.grad.data)
    np.testing.assert_allclose(nodes["b2"].grad.data, s.layers[1].bias.grad.data)
    assert nodes["W1"] is not s.layers[0].weight


def test_regression_reports_losses_not_accuracy():
    data = generate(DataConfig("sine", samples=100))
    spec = NetworkSpec(inputs=1, classes=0, features=("x1",), loss="mse")
    s = NetworkSession(spec, data).run_steps(20)
    assert s.accuracy_text().startswith("train loss ")
    assert s.boundary(50).shape == (50,)
    assert np.isnan(s.accuracy[0])


def test_every_training_sample_once_per_epoch(xor):
    s = NetworkSession(small(batch_size=32), xor)
    seen = [s._batches.indices(k) for k in range(s.steps_per_epoch)]
    assert [len(i) for i in seen] == [32, 32, 32, 32, 12]
    assert sorted(np.concatenate(seen).tolist()) == list(range(140))


def test_save_and_load_weights(tmp_path, xor):
    a = NetworkSession(small(), xor).run_steps(30)
    path = tmp_path / "w.npz"
    a.save_weights(path)
    b = NetworkSession(small(), xor)
    changed = []
    b.weights_changed.connect(lambda: changed.append(1))
    b.load_weights(path)
    assert changed == [1] and all(np.array_equal(x[0], y[0]) for x, y in zip(a.weights(), b.weights()))
    other = NetworkSession(small(hidden=(Layer(3, "tanh"),)), xor)
    before = other.weights()
    with pytest.raises(ValueError, match="w.npz does not fit this 2-3-1 network"):
        other.load_weights(path)
    assert all(np.array_equal(x[0], y[0]) for x, y in zip(before, other.weights()))
    bad = tmp_path / "nan.npz"
    state = {k: v.data.copy() for k, v in a.model.state_dict().items()}
    state["0.weight"][0, 0] = np.nan
    pc.save(state, bad)
    with pytest.raises(ValueError, match="NaN"):
        b.load_weights(bad)
    with pytest.raises(FileNotFoundError):
        b.load_weights(tmp_path / "missing.npz")


def test_the_network_model_imports_no_qt():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import carrot_gui.network, carrot_gui.network.presets, carrot_gui.network.export\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_stepping_the_recorded_backward_gives_pycarrots_gradients(xor):
    """What the tensor view plays back (the engine's recorded backward) ends with the gradients pycarrot
    computed: the last accumulation into each parameter equals its .grad."""
    s = NetworkSession(small(), xor).run_steps(5)
    nodes = s.tensor_graph(4)
    trace = pc.traced_backward(nodes["loss"])
    last = {}
    for event in trace.events:
        if isinstance(event, pc.GradAccumulate):
            last[id(event.node)] = event.after
    for name in ("W1", "b1", "W2", "b3"):
        np.testing.assert_array_equal(last[id(nodes[name])], nodes[name].grad.data)


def test_mean_activations_show_the_originals_saturated_sigmoids():
    from carrot_gui.network.presets import preset

    p = preset("The original's network")
    s = NetworkSession(p.spec, p.load_data())
    means = s.mean_activations()
    assert [m.shape for m in means] == [(64,), (32,), (10,)]
    hidden = means[1]
    assert np.all((hidden >= 0) & (hidden <= 1))
    fixed = NetworkSession(preset("Digits").spec, p.load_data())
    # N(0, 1) weights push most sigmoids to 0 or 1 for every image: their mean activation sits near an end
    outs = s.layer_outputs(s.x_test[:200])[1]
    assert np.mean((outs < 0.05) | (outs > 0.95)) > 0.4
    assert np.mean(np.abs(fixed.layer_outputs(fixed.x_test[:200])[1]) > 0.95) < 0.1
