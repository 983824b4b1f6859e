"""The ops added for teaching (issue 11): each through pc.gradcheck on hypothesis shapes, its value against
PyTorch's, its rule text, its place in the expression language; the activation modules and Dropout."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import pycarrot as pc
from pycarrot import Carrot

try:  # PyTorch is the reference for the values where it is installed; the gradchecks run without it
    import torch
except ImportError:
    torch = None

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SHAPES = hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4)
PAIRS = hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, min_side=1, max_side=4)


def _arrays(shape, low=-2.0, high=2.0, away_from=None):
    elements = st.floats(low, high, allow_nan=False, allow_infinity=False)
    if away_from is not None:  # keep finite differences off a kink
        elements = elements.filter(lambda v: all(abs(v - k) >= 0.05 for k in away_from))
    return hnp.arrays(np.float64, shape, elements=elements)


def _leaf(array, name="x"):
    return Carrot(array, requires_grad=True, name=name)


def _check(fn, *inputs):
    result = pc.gradcheck(fn, *inputs)
    assert result.ok, str(result)


# op -> (ours, PyTorch's, (low, high, kinks))
UNARY = {
    "leaky_relu": (pc.leaky_relu, lambda t: torch.nn.functional.leaky_relu(t), (-2, 2, (0,))),
    "leaky_relu 0.2": (
        lambda x: pc.leaky_relu(x, 0.2),
        lambda t: torch.nn.functional.leaky_relu(t, 0.2),
        (-2, 2, (0,)),
    ),
    "elu": (pc.elu, lambda t: torch.nn.functional.elu(t), (-3, 3, (0,))),
    "elu 0.5": (lambda x: pc.elu(x, alpha=0.5), lambda t: torch.nn.functional.elu(t, 0.5), (-3, 3, (0,))),
    "softplus": (pc.softplus, lambda t: torch.nn.functional.softplus(t), (-5, 5, ())),
    "gelu": (pc.gelu, lambda t: torch.nn.functional.gelu(t), (-3, 3, ())),
    "gelu tanh": (
        lambda x: pc.gelu(x, approximate="tanh"),
        lambda t: torch.nn.functional.gelu(t, approximate="tanh"),
        (-3, 3, ()),
    ),
    "silu": (pc.silu, lambda t: torch.nn.functional.silu(t), (-4, 4, ())),
    "log_sigmoid": (pc.log_sigmoid, lambda t: torch.nn.functional.logsigmoid(t), (-5, 5, ())),
    "log2": (pc.log2, lambda t: torch.log2(t), (0.2, 3, ())),
    "exp2": (pc.exp2, lambda t: torch.exp2(t), (-3, 3, ())),
    "tan": (pc.tan, lambda t: torch.tan(t), (-1.2, 1.2, ())),
    "clamp": (lambda x: pc.clamp(x, -0.5, 1.0), lambda t: torch.clamp(t, -0.5, 1.0), (-2, 2, (-0.5, 1.0))),
    "clip max only": (lambda x: x.clip(max=0.3), lambda t: torch.clamp(t, max=0.3), (-2, 2, (0.3,))),
    "max": (pc.max, lambda t: torch.amax(t), (-2, 2, ())),
    "min": (lambda x: x.min(), lambda t: torch.amin(t), (-2, 2, ())),
    "logsumexp": (pc.logsumexp, lambda t: torch.logsumexp(t, dim=tuple(range(t.ndim))), (-3, 3, ())),
    "var": (pc.var, lambda t: torch.var(t), (-2, 2, ())),
    "std": (lambda x: x.std(), lambda t: torch.std(t), (-2, 2, ())),
    "squeeze": (pc.squeeze, lambda t: torch.squeeze(t), (-2, 2, ())),
    "unsqueeze": (lambda x: pc.unsqueeze(x, 0), lambda t: torch.unsqueeze(t, 0), (-2, 2, ())),
    "flatten": (pc.flatten, lambda t: torch.flatten(t) if t.ndim else t.reshape(1), (-2, 2, ())),
}
NEED_TWO = {"var", "std"}  # the sample variance of one element divides by zero


@pytest.mark.parametrize("name", sorted(UNARY))
@SETTINGS
@given(data=st.data())
def test_unary_ops_gradcheck_and_agree_with_torch(name, data):
    ours, theirs, (low, high, kinks) = UNARY[name]
    shape = data.draw(SHAPES)
    if name in NEED_TWO and int(np.prod(shape)) < 2:
        shape = (2,)
    x = data.draw(_arrays(shape, low, high, kinks))
    if name in ("max", "min", "std"):  # distinct elements: no tie to follow, no zero spread
        x = x + np.arange(x.size).reshape(shape) * 1e-3
    _check(ours, _leaf(x))
    got = ours(Carrot(x)).data
    if torch is not None:
        want = theirs(torch.tensor(x)).numpy()
        np.testing.assert_allclose(got, want, rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize("fn", [pc.max, pc.min, pc.logsumexp, pc.var, pc.std, pc.sum])
@SETTINGS
@given(data=st.data())
def test_reductions_along_an_axis(fn, data):
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=2, max_side=4))
    x = data.draw(_arrays(shape)) + np.arange(int(np.prod(shape))).reshape(shape) * 1e-3
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    keepdims = data.draw(st.booleans())
    _check(lambda v: fn(v, axis=axis, keepdims=keepdims), _leaf(x))
    assert (
        fn(Carrot(x), dim=axis, keepdim=keepdims).shape == fn(Carrot(x), axis=axis, keepdims=keepdims).shape
    )


@pytest.mark.parametrize("name", ["maximum", "minimum"])
@SETTINGS
@given(shapes=PAIRS, data=st.data())
def test_maximum_and_minimum_with_broadcasting(name, shapes, data):
    sa, sb = shapes.input_shapes
    a = data.draw(_arrays(sa))
    b = data.draw(_arrays(sb, away_from=tuple(np.ravel(a))))  # no ties
    fn = getattr(pc, name)
    _check(fn, _leaf(a, "a"), _leaf(b, "b"))
    np.testing.assert_array_equal(fn(Carrot(a), Carrot(b)).data, getattr(np, name)(a, b))


@SETTINGS
@given(shapes=PAIRS, data=st.data())
def test_where_sends_each_gradient_to_the_side_it_picked(shapes, data):
    sa, sb = shapes.input_shapes
    a, b = data.draw(_arrays(sa)), data.draw(_arrays(sb))
    cond = data.draw(hnp.arrays(np.bool_, np.broadcast_shapes(sa, sb)))
    _check(lambda x, y: pc.where(cond, x, y), _leaf(a, "a"), _leaf(b, "b"))
    np.testing.assert_array_equal(pc.where(cond, Carrot(a), Carrot(b)).data, np.where(cond, a, b))


@pytest.mark.parametrize("join", ["concatenate", "stack"])
@SETTINGS
@given(data=st.data())
def test_concatenate_and_stack(join, data):
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=3))
    parts = [data.draw(_arrays(shape)) for _ in range(data.draw(st.integers(1, 3)))]
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    fn = getattr(pc, join)
    _check(lambda *xs: fn(list(xs), axis=axis), *[_leaf(p, f"p{i}") for i, p in enumerate(parts)])
    np.testing.assert_array_equal(fn(parts, axis=axis).data, getattr(np, join)(parts, axis=axis))


def test_ties_share_the_gradient_as_pytorch_does():
    x = _leaf(np.array([1.0, 3.0, 3.0, 2.0]))
    pc.max(x).backward()
    np.testing.assert_array_equal(x.grad.data, [0.0, 0.5, 0.5, 0.0])
    a, b = _leaf(2.0, "a"), _leaf(2.0, "b")
    pc.maximum(a, b).backward()
    assert float(a.grad.data) == float(b.grad.data) == 0.5  # torch.maximum splits a tie equally


def test_argmax_gives_integer_indices_without_gradient():
    x = _leaf(np.array([[1.0, 5.0, 2.0], [7.0, 0.0, 1.0]]))
    assert pc.argmax(x).item() == 3 and pc.argmax(x).data.dtype.kind == "i"
    np.testing.assert_array_equal(x.argmax(axis=1).data, [1, 0])
    assert not pc.argmax(x).requires_grad


def test_clamp_passes_the_gradient_where_the_value_was_not_clipped():
    x = _leaf(np.array([-2.0, -1.0, 0.0, 1.0, 2.0]))
    y = x.clamp(-1.0, 1.0)
    y.sum().backward()
    np.testing.assert_array_equal(y.data, [-1.0, -1.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(
        x.grad.data, [0.0, 1.0, 1.0, 1.0, 0.0]
    )  # the bounds themselves pass, as torch
    with pytest.raises(ValueError, match="give min, max or both"):
        pc.clamp(x)


def test_var_takes_numpys_ddof_and_pytorchs_correction():
    x = np.array([1.0, 2.0, 4.0])
    assert pc.var(x).item() == pytest.approx(np.var(x, ddof=1))
    assert pc.var(x, ddof=0).item() == pc.var(x, correction=0).item() == pytest.approx(np.var(x))
    assert pc.std(x, ddof=0).item() == pytest.approx(np.std(x))


def test_logsumexp_is_stable_for_large_values():
    x = _leaf(np.array([1000.0, 1000.0]))
    y = pc.logsumexp(x)
    assert y.item() == pytest.approx(1000.0 + np.log(2.0))
    y.backward()
    np.testing.assert_allclose(x.grad.data, [0.5, 0.5])


def test_squeeze_unsqueeze_flatten_shapes_and_errors():
    x = Carrot(np.zeros((2, 1, 3)))
    assert pc.squeeze(x).shape == (2, 3) and x.squeeze(axis=1).shape == (2, 3)
    assert x.unsqueeze(0).shape == (1, 2, 1, 3) and pc.unsqueeze(x, dim=-1).shape == (2, 1, 3, 1)
    assert x.flatten().shape == (6,) and pc.flatten(x, start_dim=1).shape == (2, 3)
    with pytest.raises(ValueError, match="squeeze"):
        pc.squeeze(x, axis=0)
    with pytest.raises(ValueError, match="concatenate: shapes"):
        pc.concatenate([np.zeros((2, 2)), np.zeros((3, 3))], axis=0)


def test_new_ops_have_rules_and_a_place_in_the_expression_language():
    named = pc.parse(
        "x = [-1.5, 0.5, 2.0]\n"
        "a = leaky_relu(x, 0.1) + elu(x) + softplus(x) + gelu(x) + silu(x) + log_sigmoid(x)\n"
        "b = maximum(x, 0.2) * minimum(x, 1) + clamp(x, -1, 1) + where(x, x, 2 * x)\n"
        "c = max(x) + min(x, 0) + logsumexp(x) + var(x) + std(x) + tan(x) + exp2(x) + log2(x * x)\n"
        "d = sum(concatenate(x, x)) + sum(stack(x, x), 0) + flatten(x) + squeeze(unsqueeze(x, 0))\n"
        "out = sum(a + b + c + d) + argmax(x)"
    )
    out = named["out"]
    out.backward()
    assert named["x"].grad.shape == (3,)
    for node in pc.topological_order(out):
        for k, _ in enumerate(node.child_nodes):
            text = pc.local_rule(node, pc.edge_positions(node)[k])
            assert text.startswith("∂") and "{" not in text, (node.name, text)
    with pytest.raises(pc.ExpressionError, match="the negative_slope of leaky_relu"):
        pc.parse("x = 1.0\ny = leaky_relu(x, x)")


def test_activation_modules_and_dropout():
    x = Carrot(np.linspace(-2, 2, 5))
    for module, fn in [
        (pc.nn.LeakyReLU(0.2), lambda v: pc.leaky_relu(v, 0.2)),
        (pc.nn.ELU(), pc.elu),
        (pc.nn.GELU(approximate="tanh"), lambda v: pc.gelu(v, approximate="tanh")),
        (pc.nn.SiLU(), pc.silu),
        (pc.nn.Softplus(), pc.softplus),
    ]:
        np.testing.assert_array_equal(module(x).data, fn(x).data)
    pc.manual_seed(3)
    drop = pc.nn.Dropout(0.25)
    h = _leaf(np.ones((200, 50)))
    y = drop(h)
    kept = y.data != 0
    assert 0.7 < kept.mean() < 0.8 and np.allclose(y.data[kept], 1 / 0.75)
    y.sum().backward()
    np.testing.assert_array_equal(h.grad.data, y.data)  # the gradient flows only through the kept elements
    assert drop.eval()(h) is h
    with pytest.raises(ValueError, match="probability"):
        pc.nn.Dropout(1.5)
