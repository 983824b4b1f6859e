"""The neuron-level backward playback, headless: stops from the engine's recorded backward(), the layer the
gradient is in, the gradients accumulated so far, and at the end exactly what pycarrot's backward() gives."""

from dataclasses import replace

import numpy as np
import pytest

import pycarrot as pc
from carrot_gui.network import DataConfig, Layer, NetworkSession, NetworkSpec, generate
from carrot_gui.network.backward import BackwardPlayback


@pytest.fixture(scope="module")
def xor():
    return generate(DataConfig("xor", samples=200, noise=0.2, seed=0))


def spec(**changes) -> NetworkSpec:
    return replace(NetworkSpec(hidden=(Layer(4, "tanh"), Layer(3, "relu")), batch_size=16), **changes)


def test_stops_go_from_the_last_layer_to_the_first(xor):
    s = NetworkSession(spec(), xor).run_steps(7)
    b = BackwardPlayback(s)
    assert len(b) == 3 and b.position == 0
    assert [b.layer(p) for p in range(4)] == [None, 2, 1, 0]
    assert not b.is_backward(0) and b.is_backward(1)
    assert b.gradients(0) == [None, None, None] and b.bias_gradients(0) == [None, None, None]
    shapes = [[None if g is None else g.shape for g in b.gradients(p)] for p in range(1, 4)]
    assert shapes == [[None, None, (3, 1)], [None, (4, 3), (3, 1)], [(2, 4), (4, 3), (3, 1)]]
    # the stops are positions of the Expression lab's timeline of the same recorded backward
    positions = [b.timeline_position(p) for p in range(4)]
    assert positions[0] == b.timeline.backward_start and positions == sorted(positions)
    assert positions[-1] <= len(b.timeline)
    assert "Forward state" in b.text(0) and "layer 3 of 3 — ∂L/∂W₃" in b.text(1)
    assert "all layers done" in b.text(3)


def test_moving_emits_and_clamps(xor):
    b = BackwardPlayback(NetworkSession(spec(), xor))
    moves = []
    b.position_changed.connect(lambda new, old: moves.append((new, old)))
    assert b.step_back() is False
    assert b.step_forward() and b.step_forward() and b.step_forward()
    assert b.at_end and b.step_forward() is False
    assert b.seek(-5) == 0
    assert moves == [(1, 0), (2, 1), (3, 2), (0, 3)]


def test_the_end_holds_the_gradients_the_next_training_step_applies(xor):
    """Independently: the session's own next step (zero_grad → forward → backward on the model) computes the
    gradients; the playback's last stop must show exactly those."""
    s = NetworkSession(spec(), xor).run_steps(11)  # mid-epoch: a mini-batch, not the first rows
    b = BackwardPlayback(s)
    b.seek(len(b))
    shown_w, shown_b = b.gradients(), b.bias_gradients()
    assert s.layers[0].weight.grad is not None  # the model's gradients of step 11: recording leaves them
    s.step()
    for got, want in zip(shown_w, s.gradients()):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)
    for got, want in zip(shown_b, s.bias_gradients()):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)


def test_it_matches_a_plain_pycarrot_backward_on_the_same_batch(xor):
    s = NetworkSession(spec(hidden=(Layer(5, "sigmoid"),), loss="mse"), xor).run_steps(3)
    b = BackwardPlayback(s)
    model = s.model
    for p in model.parameters():
        p.grad = None
    loss = pc.mse_loss(model(pc.Carrot(s.x_train[b.rows])), s.t_train[b.rows])
    loss.backward()
    for got, layer in zip(b.gradients(len(b)), s.layers):
        np.testing.assert_allclose(got, layer.weight.grad.data, rtol=1e-12)


def test_peeking_at_the_next_batch_changes_no_run(xor):
    """Recording a playback before every step (across epoch boundaries) leaves the run bit-identical."""
    a = NetworkSession(spec(), xor)
    b = NetworkSession(spec(), xor)
    for _ in range(2 * a.steps_per_epoch + 3):
        BackwardPlayback(b)
        a.step()
        b.step()
    for (wa, ba), (wb, bb) in zip(a.weights(), b.weights()):
        assert np.array_equal(wa, wb) and np.array_equal(ba, bb)
