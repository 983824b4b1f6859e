"""Every op's gradient against central finite differences (pc.gradcheck), on hypothesis-generated shapes,
broadcasting included, with numbers and NumPy arrays on either side of each operator."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import pycarrot as pc
from pycarrot import Carrot

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_gradcheck(fn, *inputs):
    result = pc.gradcheck(fn, *inputs)
    assert result.ok, str(result)
    assert len(result.inputs) == sum(isinstance(x, Carrot) and x.requires_grad for x in inputs)
    return result


def _arrays(shape, low=-2.0, high=2.0, away_from_zero=0.0):
    """Float64 arrays of ``shape`` (a shape or a strategy), elements in [low, high], |x| >= away_from_zero."""
    elements = st.floats(low, high, allow_nan=False, allow_infinity=False)
    if away_from_zero:
        elements = elements.filter(lambda v: abs(v) >= away_from_zero)
    return hnp.arrays(np.float64, shape, elements=elements)


def _leaf(array, name):
    return Carrot(array, requires_grad=True, name=name)


SHAPES = hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4)
PAIRS = hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, min_side=1, max_side=4)

# op -> (function, (low, high, away-from-zero) for a, for b)
BINARY = {
    "add": (lambda a, b: a + b, (-2, 2, 0), (-2, 2, 0)),
    "sub": (lambda a, b: a - b, (-2, 2, 0), (-2, 2, 0)),
    "mul": (lambda a, b: a * b, (-2, 2, 0), (-2, 2, 0)),
    "div": (lambda a, b: a / b, (-2, 2, 0), (-2, 2, 0.5)),
    "pow": (lambda a, b: a**b, (0.5, 2, 0), (-2, 2, 0)),
}

UNARY = {
    "neg": (lambda x: -x, (-2, 2, 0)),
    "abs": (lambda x: abs(x), (-2, 2, 0.05)),
    "exp": (pc.exp, (-2, 2, 0)),
    "log": (pc.log, (0.2, 3, 0)),
    "sqrt": (pc.sqrt, (0.2, 3, 0)),
    "sin": (pc.sin, (-3, 3, 0)),
    "cos": (pc.cos, (-3, 3, 0)),
    "tanh": (pc.tanh, (-3, 3, 0)),
    "sigmoid": (pc.sigmoid, (-5, 5, 0)),
    "relu": (pc.relu, (-2, 2, 0.05)),
    "abs method": (lambda x: x.abs(), (-2, 2, 0.05)),
    "exp method": (lambda x: x.exp(), (-2, 2, 0)),
}


def _draw_operands(data, name: str, shapes: tuple | None = None) -> tuple:
    """The op ``BINARY[name]`` and two operands drawn in its ranges, of two broadcastable shapes (or ``shapes``)."""
    fn, a_range, b_range = BINARY[name]
    shapes = shapes or data.draw(PAIRS).input_shapes
    return fn, data.draw(_arrays(shapes[0], *a_range)), data.draw(_arrays(shapes[1], *b_range))


@pytest.mark.parametrize("name", sorted(BINARY))
@SETTINGS
@given(data=st.data())
def test_binary_ops_with_broadcasting(name, data):
    fn, a, b = _draw_operands(data, name)
    out = fn(_leaf(a, "a"), _leaf(b, "b"))
    np.testing.assert_allclose(out.data, fn(a, b), rtol=1e-15)
    _assert_gradcheck(fn, _leaf(a, "a"), _leaf(b, "b"))


@pytest.mark.parametrize("name", sorted(BINARY))
@SETTINGS
@given(data=st.data())
def test_binary_ops_with_numbers_and_arrays_on_either_side(name, data):
    fn, a, b = _draw_operands(data, name)
    number_a, number_b = (float(v) for v in _draw_operands(data, name, ((), ()))[1:])
    cases = [
        (lambda x: fn(x, number_b), a, fn(a, number_b)),  # carrot op number
        (lambda x: fn(number_a, x), b, fn(number_a, b)),  # number op carrot (reflected)
        (lambda x: fn(x, b), a, fn(a, b)),  # carrot op array
        (lambda x: fn(a, x), b, fn(a, b)),  # array op carrot (reflected, through __array_ufunc__ = None)
    ]
    for f, leaf, expected in cases:
        out = f(_leaf(leaf, "x"))
        assert isinstance(out, Carrot)
        np.testing.assert_allclose(out.data, expected, rtol=1e-15)
        _assert_gradcheck(f, _leaf(leaf, "x"))


@pytest.mark.parametrize("name", sorted(UNARY))
@SETTINGS
@given(data=st.data())
def test_unary_ops(name, data):
    fn, (lo, hi, away) = UNARY[name]
    x = data.draw(_arrays(SHAPES, lo, hi, away))
    _assert_gradcheck(fn, _leaf(x, "x"))


@pytest.mark.parametrize(
    "shape_a, shape_b",
    [((3,), (5, 3)), ((5, 3), (3,)), ((4, 1), (1, 6)), ((1, 6), (4, 1)), ((2, 1, 3), (4, 1)), ((), (2, 3))],
)
def test_named_broadcasting_cases_reduce_gradients_to_each_input_shape(shape_a, shape_b):
    rng = np.random.default_rng(1)
    a = _leaf(rng.uniform(-1, 1, shape_a), "a")
    b = _leaf(rng.uniform(0.5, 1.5, shape_b), "b")
    for fn in (lambda p, q: p + q, lambda p, q: p * q, lambda p, q: p / q - q, lambda p, q: (p * q) ** 2.0):
        out = fn(a, b)
        out.backward(np.ones(out.shape))
        assert a.grad.shape == shape_a and b.grad.shape == shape_b
        a.grad = b.grad = None
        _assert_gradcheck(fn, a, b)


@SETTINGS
@given(base=_arrays(SHAPES, 0.5, 2), exponent=st.floats(-3, 3))
def test_pow_with_number_and_carrot_exponents(base, exponent):
    _assert_gradcheck(lambda x: x**exponent, _leaf(base, "x"))
    _assert_gradcheck(lambda e: 2.5**e, _leaf(np.full(base.shape, exponent), "e"))  # __rpow__
    _assert_gradcheck(lambda x, e: x**e, _leaf(base, "x"), _leaf(np.full(base.shape, exponent), "e"))
    _assert_gradcheck(lambda x: x**2 + x**-1, _leaf(base, "x"))  # integer exponents


def test_pow_of_negative_base_with_integer_exponent():
    x = _leaf(np.array([-1.5, -0.5, 0.5, 2.0]), "x")
    _assert_gradcheck(lambda v: v**3.0, x)
    _assert_gradcheck(lambda v: v**2, x)


MATMUL_SHAPES = [
    ((3,), (3,)),
    ((3,), (3, 4)),
    ((2, 3), (3,)),
    ((2, 3), (3, 4)),
    ((5, 2, 3), (3, 4)),
    ((5, 2, 3), (5, 3, 4)),
    ((1, 2, 3), (5, 3, 4)),
    ((3,), (5, 3, 4)),
    ((5, 2, 3), (3,)),
    ((2, 1, 2, 3), (4, 3, 2)),
]


@pytest.mark.parametrize("shape_a, shape_b", MATMUL_SHAPES)
def test_matmul_1d_2d_and_batched(shape_a, shape_b):
    rng = np.random.default_rng(sum(shape_a) + 7 * sum(shape_b))
    a, b = rng.normal(size=shape_a), rng.normal(size=shape_b)
    out = _leaf(a, "a") @ _leaf(b, "b")
    np.testing.assert_allclose(out.data, a @ b, rtol=1e-14)
    _assert_gradcheck(lambda p, q: p @ q, _leaf(a, "a"), _leaf(b, "b"))
    _assert_gradcheck(lambda q: a @ q, _leaf(b, "b"))  # array @ carrot
    _assert_gradcheck(lambda p: p @ b, _leaf(a, "a"))  # carrot @ array


@SETTINGS
@given(data=st.data())
def test_matmul_hypothesis_shapes(data):
    n, k, m = (data.draw(st.integers(1, 4)) for _ in range(3))
    batch = data.draw(hnp.array_shapes(min_dims=0, max_dims=2, max_side=3))
    a = data.draw(_arrays(batch + (n, k)))
    b = data.draw(_arrays((k, m) if data.draw(st.booleans()) else batch + (k, m)))
    _assert_gradcheck(lambda p, q: p @ q, _leaf(a, "a"), _leaf(b, "b"))


@st.composite
def _array_and_axis(draw, min_dims=0):
    shape = draw(hnp.array_shapes(min_dims=min_dims, max_dims=3, min_side=1, max_side=4))
    x = draw(_arrays(shape))
    ndim = len(shape)
    if ndim == 0:
        return x, None
    axis = draw(
        st.one_of(
            st.none(),
            st.integers(-ndim, ndim - 1),
            st.lists(st.integers(0, ndim - 1), min_size=1, max_size=ndim, unique=True).map(tuple),
        )
    )
    return x, axis


@SETTINGS
@given(case=_array_and_axis(), keepdims=st.booleans())
def test_sum_and_mean_with_axis_and_keepdims(case, keepdims):
    x, axis = case
    for fn, ref in ((pc.sum, np.sum), (pc.mean, np.mean)):
        out = fn(_leaf(x, "x"), axis=axis, keepdims=keepdims)
        np.testing.assert_allclose(out.data, ref(x, axis=axis, keepdims=keepdims), rtol=1e-14)
        _assert_gradcheck(lambda v, fn=fn: fn(v, axis=axis, keepdims=keepdims), _leaf(x, "x"))
    _assert_gradcheck(lambda v: v.sum(axis, keepdims) * v.mean(axis=axis, keepdims=keepdims), _leaf(x, "x"))


@SETTINGS
@given(case=_array_and_axis(min_dims=1))
def test_softmax_and_log_softmax_along_any_axis(case):
    x, axis = case
    axis = -1 if axis is None or isinstance(axis, tuple) else axis
    s = pc.softmax(_leaf(x, "x"), axis=axis)
    np.testing.assert_allclose(s.data.sum(axis=axis), 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.exp(pc.log_softmax(_leaf(x, "x"), axis).data), s.data, rtol=1e-12)
    _assert_gradcheck(lambda v: pc.softmax(v, axis=axis), _leaf(x, "x"))
    _assert_gradcheck(lambda v: pc.log_softmax(v, axis=axis), _leaf(x, "x"))
    _assert_gradcheck(lambda v: v.softmax(axis) * v.log_softmax(axis), _leaf(x, "x"))


@SETTINGS
@given(x=_arrays(hnp.array_shapes(min_dims=1, max_dims=4, max_side=4)), data=st.data())
def test_reshape_and_transpose(x, data):
    flat = (x.size,)
    _assert_gradcheck(lambda v: v.reshape(flat) * np.arange(x.size), _leaf(x, "x"))
    _assert_gradcheck(lambda v: v.reshape(-1, 1).reshape(x.shape) ** 2, _leaf(x, "x"))
    _assert_gradcheck(lambda v: pc.reshape(v, (1,) + x.shape) * 3.0, _leaf(x, "x"))
    axes = tuple(data.draw(st.permutations(range(x.ndim))))
    axes = tuple(ax - x.ndim if data.draw(st.booleans()) else ax for ax in axes)  # negative axes too
    weights = np.arange(x.size, dtype=np.float64).reshape(np.transpose(x, axes).shape)
    out = _leaf(x, "x").transpose(axes)
    np.testing.assert_array_equal(out.data, np.transpose(x, axes))
    _assert_gradcheck(lambda v: v.transpose(axes) * weights, _leaf(x, "x"))
    _assert_gradcheck(lambda v: v.transpose(*axes) * weights, _leaf(x, "x"))
    _assert_gradcheck(lambda v: v.T * np.arange(x.size).reshape(x.T.shape), _leaf(x, "x"))


GETITEM_INDICES = [
    (0,),
    (-1,),
    (slice(1, None),),
    (slice(None, None, -2),),
    ((slice(None), 1),),
    ((1, slice(0, 2)),),
    ((Ellipsis, 0),),
    ((None, slice(None)),),
    (np.array([0, 2, 2, 1, 0, 0]),),  # repeated integer-array indices accumulate
    ((np.array([1, 1, 0]), np.array([2, 2, 0])),),
    ((slice(None), np.array([3, 3, 3])),),
    (np.array([[0, 0], [2, 2]]),),
    (np.array([True, False, True]),),
]


@pytest.mark.parametrize("index", [i[0] for i in GETITEM_INDICES], ids=[repr(i[0]) for i in GETITEM_INDICES])
def test_getitem_slices_ints_and_repeated_integer_arrays(index):
    x = np.arange(12.0).reshape(3, 4) / 7 - 0.5
    out = _leaf(x, "x")[index]
    np.testing.assert_array_equal(out.data, x[index])
    _assert_gradcheck(
        lambda v: v[index] * (1.0 + np.arange(np.size(x[index])).reshape(np.shape(x[index]))), _leaf(x, "x")
    )


def test_getitem_repeated_indices_sum_into_the_gradient():
    x = _leaf(np.array([1.0, 2.0, 3.0]), "x")
    x[np.array([0, 0, 2, 0])].sum().backward()
    np.testing.assert_array_equal(x.grad.data, [3.0, 0.0, 1.0])


def test_getitem_result_does_not_alias_the_input_data():
    x = _leaf(np.arange(6.0).reshape(2, 3), "x")
    row = x[0]
    assert not np.shares_memory(row.data, x.data)


@SETTINGS
@given(x=_arrays((3, 4), -2, 2, 0.05), w=_arrays((4, 2)), b=_arrays((2,)))
def test_a_composite_network_layer(x, w, b):
    def layer(xv, wv, bv):
        h = pc.tanh(xv @ wv + bv)
        return (pc.log_softmax(h * 2.0, axis=1) * pc.relu(xv[:, :2])).mean() + pc.sigmoid(h).sum(axis=0)

    _assert_gradcheck(layer, _leaf(x, "x"), _leaf(w, "w"), _leaf(b, "b"))


def test_gradcheck_reports_a_wrong_gradient():
    def wrong(v):
        out = pc.sin(v)
        out.child_nodes[0] = (v, lambda g: g * 2.0)  # not cos(v)
        return out

    result = pc.gradcheck(wrong, _leaf(np.array([0.3, 1.2]), "v"))
    assert not result.ok
    assert "gradcheck FAILED; worst mismatch at v[" in str(result)


@pytest.mark.parametrize("axes", [(-1, 0), (1, -2), (0, -1, 1), (-3, -1, -2)])
def test_transpose_with_negative_axes(axes):
    shape = (2, 3, 4)[: len(axes)]
    x = np.arange(float(np.prod(shape))).reshape(shape)
    out = _leaf(x, "x").transpose(axes)
    np.testing.assert_array_equal(out.data, np.transpose(x, axes))
    out.backward(np.ones(out.shape))
    _assert_gradcheck(lambda v: v.transpose(axes) * np.arange(x.size).reshape(out.shape), _leaf(x, "x"))
