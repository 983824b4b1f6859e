"""Issue 11: exact gradients at the edges (as PyTorch defines them), PyTorch's spellings beside the original's,
in-place updates under no_grad(), and integer dtypes as NumPy keeps them."""

from __future__ import annotations

import numpy as np
import pytest

import pycarrot as pc
from pycarrot import Carrot


def leaf(value, name="x"):
    return Carrot(value, requires_grad=True, name=name)


# ---------------------------------------------------------------------------------------------------------
# Edges
# ---------------------------------------------------------------------------------------------------------


# PyTorch 2.13's gradients of a**b (its pow backward: b·a^(b-1), 0 where b = 0; a^b·ln a, 0 where a = 0 and
# b >= 0), derived by hand and checked against torch when this table was written
POW_EDGES = [
    ((0.0, 0.0), 0.0, 0.0),
    ((0.0, 2.0), 0.0, 0.0),
    ((0.0, 0.5), np.inf, 0.0),
    ((-2.0, 2.0), -4.0, np.nan),  # ln of a negative base: undefined, never a silent 0
    ((-2.0, 0.0), 0.0, np.nan),
    ((3.0, 0.0), 0.0, np.log(3.0)),
    ((-1.5, 3.0), 6.75, np.nan),
]


@pytest.mark.parametrize(("point", "want_a", "want_b"), POW_EDGES)
def test_pow_gradients_at_the_edges_are_pytorchs(point, want_a, want_b):
    base, exponent = point
    a, b = leaf(base, "a"), leaf(exponent, "b")
    with np.errstate(all="ignore"):
        (a**b).backward()
    np.testing.assert_array_equal(a.grad.data, want_a)
    np.testing.assert_array_equal(b.grad.data, want_b)


def test_x_to_the_zero_has_gradient_zero_at_zero():
    x = leaf(0.0)
    (x**0).backward()
    assert x.grad.item() == 0.0


def test_relu_of_minus_infinity_is_zero():
    x = leaf(np.array([-np.inf, -1.0, 2.0, np.inf]))
    y = pc.relu(x)
    y.sum().backward()
    np.testing.assert_array_equal(y.data, [0.0, 0.0, 2.0, np.inf])
    np.testing.assert_array_equal(x.grad.data, [0.0, 0.0, 1.0, 1.0])


@pytest.mark.parametrize("fn", [pc.sum, pc.mean])
@pytest.mark.parametrize("axis", [0, -1])
def test_sum_and_mean_of_a_0d_value_along_axis_0_or_minus_1(fn, axis):
    x = leaf(3.0)
    y = fn(x, axis=axis)
    y.backward()
    assert y.item() == 3.0 and y.shape == () and x.grad.item() == 1.0
    with pytest.raises(ValueError, match="does not fit a 0-d value"):
        fn(x, axis=1)


@pytest.mark.parametrize("fn", [pc.softmax, pc.log_softmax])
def test_softmax_of_an_empty_axis_says_so(fn):
    with pytest.raises(ValueError, match=r"axis -1 of shape \(3, 0\) is empty"):
        fn(Carrot(np.zeros((3, 0))))


def test_batched_matmul_names_the_batch_dimensions():
    with pytest.raises(ValueError, match=r"batch dimensions \(2,\) of \(2, 3, 4\) and \(5,\) of \(5, 4, 2\)"):
        Carrot(np.ones((2, 3, 4))) @ Carrot(np.ones((5, 4, 2)))


def test_a_read_only_array_given_as_a_parameter_is_copied_so_sgd_can_step():
    frozen = np.ones(3)
    frozen.flags.writeable = False
    p = pc.Parameter(frozen)
    p.backward(np.ones(3))
    pc.SGD([p], lr=0.5).step()
    np.testing.assert_array_equal(p.data, [0.5, 0.5, 0.5])
    assert not frozen.flags.writeable and frozen[0] == 1.0  # the caller's array is untouched
    c = Carrot(np.broadcast_to(np.ones(1), (2,)), requires_grad=True)  # a read-only view, not a Parameter
    c.backward(np.ones(2))
    pc.SGD([c], learning_rate=1.0).step()
    np.testing.assert_array_equal(c.data, [0.0, 0.0])


# ---------------------------------------------------------------------------------------------------------
# PyTorch habits
# ---------------------------------------------------------------------------------------------------------


def test_in_place_update_under_no_grad_trains_the_model():
    model = pc.Linear(1, 1)
    w_before = model.weight.data.copy()
    loss = pc.mse_loss(model(Carrot([[1.0]])), Carrot([[5.0]]))
    loss.backward()
    weight = model.weight
    with pc.no_grad():
        for p in model.parameters():
            p -= 0.1 * p.grad
    assert model.weight is weight  # updated in place, not rebound
    np.testing.assert_allclose(model.weight.data, w_before - 0.1 * model.weight.grad.data)


def test_in_place_on_a_carrot_that_requires_grad_outside_no_grad_is_refused():
    p = leaf(np.ones(2))
    with pytest.raises(RuntimeError, match=r"'-=' on x of shape \(2,\), which requires grad.*no_grad"):
        p -= 1.0
    p.data -= 0.5 * np.ones(2)  # the original's way works too
    np.testing.assert_array_equal(p.data, [0.5, 0.5])
    c = Carrot(np.ones(2))  # no grad: in-place arithmetic just works
    c *= 3
    c += Carrot([1.0, 2.0])
    c /= 2
    np.testing.assert_array_equal(c.data, [2.0, 2.5])


def test_pytorch_spellings_beside_the_originals():
    x = leaf(np.arange(6.0).reshape(2, 3))
    assert x.sum(dim=1, keepdim=True).shape == (2, 1) and pc.mean(x, dim=0).shape == (3,)
    y = (x * 2).sum(dim=0)
    y.backward(gradient=np.ones(3))
    np.testing.assert_array_equal(x.grad.data, np.full((2, 3), 2.0))
    opt = pc.SGD([x], lr=0.25)
    assert opt.learning_rate == 0.25 and pc.Adam([x], lr=0.01).learning_rate == 0.01
    with pytest.raises(TypeError, match="not both"):
        pc.SGD([x], learning_rate=0.2, lr=0.3)
    c = Carrot([1.0, 2.0]).requires_grad_()
    assert c.requires_grad
    assert Carrot(2.5).item() == 2.5 and isinstance(Carrot([1.0]).numpy(), np.ndarray)
    with pytest.raises(TypeError, match="only floats"):
        Carrot(np.array([1, 2])).requires_grad_()


# ---------------------------------------------------------------------------------------------------------
# Integers
# ---------------------------------------------------------------------------------------------------------


def test_integer_data_without_grad_keeps_numpys_integer_results():
    i = Carrot(np.array([1, 2, 3]))
    assert (i**2).dtype == np.int64 and (i * 2).dtype == np.int64 and (2 + i).dtype == np.int64
    np.testing.assert_array_equal((i**2).data, [1, 4, 9])
    assert (i / 2).dtype == np.float64 and (i + 0.5).dtype == np.float64
    with pytest.raises(ValueError, match="Integers to negative integer powers are not allowed"):
        i**-1
    f32 = Carrot(np.float32([1.0, 2.0]), requires_grad=True)
    assert (f32 * 2).dtype == np.float32 and (f32**2).dtype == np.float32  # a Python int never widens it
