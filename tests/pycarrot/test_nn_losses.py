"""Fused losses: values against NumPy references, gradcheck for every loss and input, shape checks,
stability at huge logits, and the rule text the app shows."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pycarrot as pc
import pycarrot.nn as nn
import pycarrot.nn.functional as F
from pycarrot.carrot import RULES, Carrot, local_rule

rng = np.random.default_rng(0)


def leaf(a, name=None):
    return Carrot(np.array(a, dtype=np.float64), requires_grad=True, name=name)


# ---------------------------------------------------------------------------------------------------------
# mse_loss
# ---------------------------------------------------------------------------------------------------------


def test_mse_is_one_node_with_the_element_count_divisor():
    pred = leaf([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], "pred")
    target = np.array([[1.5, 2.0], [2.0, 4.0], [5.0, 8.0]])
    loss = F.mse_loss(pred, target)
    assert loss.name == "mse" and loss.shape == ()
    assert [n for n, _ in loss.child_nodes] == [pred]  # one fused node, straight to the prediction
    assert loss.item() == pytest.approx(np.mean((pred.data - target) ** 2))
    loss.backward()
    np.testing.assert_allclose(pred.grad.data, 2 * (pred.data - target) / 6)  # 6 elements, not len()=3
    assert F.mse_loss(pred, target, reduction="sum").item() == pytest.approx(
        np.sum((pred.data - target) ** 2)
    )


@settings(max_examples=25, deadline=None)
@given(
    shape=st.lists(st.integers(1, 3), min_size=0, max_size=3).map(tuple),
    reduction=st.sampled_from(["mean", "sum"]),
    seed=st.integers(0, 10_000),
)
def test_mse_gradcheck_any_shape_both_inputs(shape, reduction, seed):
    r = np.random.default_rng(seed)
    pred = leaf(r.normal(size=shape), "pred")
    target = leaf(r.normal(size=shape), "target")
    result = pc.gradcheck(lambda p, t: F.mse_loss(p, t, reduction=reduction), pred, target)
    assert result, str(result)


@pytest.mark.parametrize("tshape", [(), (1,), (3,), (1, 3)])
def test_mse_gradcheck_with_a_broadcast_target(tshape):
    pred = leaf(rng.normal(size=(4, 3)), "pred")
    target = leaf(rng.normal(size=tshape), "target")
    result = pc.gradcheck(F.mse_loss, pred, target)
    assert result, str(result)
    assert F.mse_loss(pred, 0.5).item() == pytest.approx(np.mean((pred.data - 0.5) ** 2))


def test_mse_refuses_the_silent_n_by_n_broadcast():
    pred = leaf(np.zeros((5, 1)))
    with pytest.raises(ValueError, match=r"\(5, 1\).*\(5,\).*\(5, 5\).*reshape the target to \(5, 1\)"):
        F.mse_loss(pred, np.zeros(5))
    with pytest.raises(ValueError, match=r"reshape the target to \(5,\)"):
        F.mse_loss(leaf(np.zeros(5)), np.zeros((5, 1)))
    with pytest.raises(ValueError, match="do not match"):
        F.mse_loss(pred, np.zeros((4, 1)))
    with pytest.raises(ValueError, match="do not match"):
        F.mse_loss(leaf(np.zeros(1)), np.zeros(3))  # a target may not stretch the prediction either


def test_loss_input_errors_are_clear():
    with pytest.raises(TypeError, match="must be a Carrot"):
        F.mse_loss(np.zeros(3), np.zeros(3))
    with pytest.raises(TypeError, match="real numbers"):
        F.mse_loss(leaf(np.zeros(2)), np.array(["a", "b"]))
    with pytest.raises(ValueError, match="empty"):
        F.mse_loss(leaf(np.zeros((0, 2))), np.zeros((0, 2)))
    with pytest.raises(ValueError, match="reduction must be 'mean' or 'sum'"):
        F.mse_loss(leaf(np.zeros(2)), np.zeros(2), reduction="none")
    with pytest.raises(ValueError, match="reduction"):
        nn.MSELoss(reduction="avg")


def test_mse_keeps_float32():
    pred = Carrot(np.ones(3, dtype=np.float32), requires_grad=True)
    loss = F.mse_loss(pred, np.zeros(3, dtype=np.float32))
    assert loss.dtype == np.float32
    loss.backward()
    assert pred.grad.dtype == np.float32


# ---------------------------------------------------------------------------------------------------------
# binary_cross_entropy_with_logits
# ---------------------------------------------------------------------------------------------------------


def _bce_reference(z, y):
    p = 1 / (1 + np.exp(-z))
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def test_bce_with_logits_matches_the_textbook_formula():
    z = rng.normal(size=(6, 2)) * 3
    y = rng.integers(0, 2, size=(6, 2)).astype(float)
    loss = F.binary_cross_entropy_with_logits(leaf(z), y)
    assert loss.name == "bce_logits"
    assert loss.item() == pytest.approx(_bce_reference(z, y).mean(), rel=1e-12)
    summed = nn.BCEWithLogitsLoss(reduction="sum")(leaf(z), y)
    assert summed.item() == pytest.approx(_bce_reference(z, y).sum(), rel=1e-12)


@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("shape", [(), (4,), (3, 2)])
def test_bce_with_logits_gradcheck_logits_and_soft_targets(shape, reduction):
    z = leaf(rng.normal(size=shape) * 2, "z")
    y = leaf(rng.uniform(size=shape), "y")
    result = pc.gradcheck(lambda a, b: F.binary_cross_entropy_with_logits(a, b, reduction), z, y)
    assert result, str(result)


def test_bce_with_logits_is_stable_at_huge_logits():
    z = leaf([1000.0, -1000.0, 1000.0, -1000.0, 0.0])
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
    loss = F.binary_cross_entropy_with_logits(z, y)  # warnings are errors in this test suite
    assert np.isfinite(loss.item())
    assert loss.item() == pytest.approx((0 + 0 + 1000 + 1000 + np.log(2)) / 5)
    loss.backward()
    np.testing.assert_allclose(z.grad.data, np.array([0.0, 0.0, 1.0, -1.0, -0.5]) / 5)


# ---------------------------------------------------------------------------------------------------------
# cross_entropy
# ---------------------------------------------------------------------------------------------------------


def _ce_reference(z, t):
    z = z - z.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    return -np.take_along_axis(logp, np.asarray(t)[..., None], axis=-1)[..., 0]


def test_cross_entropy_matches_log_softmax_reference():
    z = rng.normal(size=(5, 4))
    t = np.array([0, 3, 1, 1, 2])
    loss = F.cross_entropy(leaf(z), t)
    assert loss.name == "cross_entropy"
    assert loss.item() == pytest.approx(_ce_reference(z, t).mean(), rel=1e-12)
    assert nn.CrossEntropyLoss(reduction="sum")(leaf(z), t).item() == pytest.approx(_ce_reference(z, t).sum())
    # the same value as composing the engine's own ops
    composed = -(pc.log_softmax(Carrot(z))[np.arange(5), t]).mean()
    assert loss.item() == pytest.approx(composed.item(), rel=1e-12)


@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize(
    ("shape", "target"),
    [((5, 4), np.array([0, 3, 1, 1, 2])), ((3,), np.int64(2)), ((2, 3, 4), [[0, 1, 2], [3, 3, 0]])],
)
def test_cross_entropy_gradcheck(shape, target, reduction):
    z = leaf(rng.normal(size=shape) * 2, "logits")
    result = pc.gradcheck(lambda a: F.cross_entropy(a, target, reduction), z)
    assert result, str(result)


def test_cross_entropy_accepts_whole_float_targets_as_from_a_list():
    z = leaf(rng.normal(size=(3, 3)))
    t = Carrot([0, 2, 1])  # nested Python ints become float64 in a Carrot
    assert t.dtype == np.float64
    assert F.cross_entropy(z, t).item() == pytest.approx(_ce_reference(z.data, [0, 2, 1]).mean())


def test_cross_entropy_is_stable_at_huge_logits():
    z = leaf([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 1000.0]])
    loss = F.cross_entropy(z, [1, 2])
    assert loss.item() == pytest.approx((2000.0 + np.log(2)) / 2)
    loss.backward()
    np.testing.assert_allclose(z.grad.data, np.array([[1.0, -1.0, 0.0], [0.0, 0.5, -0.5]]) / 2, atol=1e-12)


def test_cross_entropy_refuses_bad_targets():
    z = leaf(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"target of shape \(2,\); got \(2, 1\)"):
        F.cross_entropy(z, np.array([[0], [1]]))
    with pytest.raises(ValueError, match="class index 3 is out of range for 3 classes"):
        F.cross_entropy(z, [0, 3])
    with pytest.raises(ValueError, match="class index -1"):
        F.cross_entropy(z, np.array([-1, 0]))
    with pytest.raises(ValueError, match="whole numbers"):
        F.cross_entropy(z, np.array([0.5, 1.0]))
    with pytest.raises(TypeError, match="real numbers"):
        F.cross_entropy(z, np.array(["a", "b"]))
    with pytest.raises(ValueError, match=r"shape \(N, C\)"):
        F.cross_entropy(leaf(1.0), 0)
    with pytest.raises(ValueError, match="no classes"):
        F.cross_entropy(leaf(np.zeros((2, 0))), [0, 0])


# ---------------------------------------------------------------------------------------------------------
# The app's rule text
# ---------------------------------------------------------------------------------------------------------


def test_every_loss_has_a_rule_for_the_app():
    pred, target = leaf([1.0, 2.0], "ŷ"), leaf([0.0, 1.0], "y")
    for fn, op in [(F.mse_loss, "mse"), (F.binary_cross_entropy_with_logits, "bce_logits")]:
        loss = fn(pred, target)
        (_, grad_a), (_, grad_b) = loss.child_nodes
        assert grad_a.__name__ == "grad_a" and grad_b.__name__ == "grad_b"
        assert set(RULES[op]) == {"a", "b"}
        assert "ŷ" in local_rule(loss, grad_a) and "y" in local_rule(loss, grad_b)
    mse = F.mse_loss(pred, target)
    assert local_rule(mse, mse.child_nodes[0][1]) == local_rule(mse, 0) == "∂mse/∂ŷ = 2·(ŷ − y) / n"
    ce = F.cross_entropy(leaf([[1.0, 2.0]], "z"), [1])
    assert local_rule(ce, ce.child_nodes[0][1]).startswith("∂cross_entropy/∂z = (softmax(z)")


def test_loss_closures_do_not_hold_their_output_node():
    """The graph is freed by reference counting alone (memory stays flat with gc disabled)."""
    import gc
    import weakref

    gc.disable()
    try:
        pred = leaf(np.ones((3, 2)))
        refs = []
        for fn, target in [
            (F.mse_loss, np.zeros((3, 2))),
            (F.binary_cross_entropy_with_logits, np.zeros((3, 2))),
            (F.cross_entropy, [0, 1, 1]),
        ]:
            loss = fn(pred, target)
            loss.backward()
            refs.append(weakref.ref(loss))
            del loss
        assert all(r() is None for r in refs)
    finally:
        gc.enable()
