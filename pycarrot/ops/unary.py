"""Unary elementwise ops: each op's forward, its grad_fn and its table entry side by side."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..carrot import Carrot, _unary, _value
from ..messages import phrase
from .table import declare


@declare("neg", ("∂{out}/∂{x} = −1",), symbol="-", label="−", precedence=3, methods=("__neg__",))
def neg(x: Any) -> Carrot:
    def grad_x(g):
        return -g

    return _unary(x, -_value(x), "neg", grad_x)


def _pointwise(name: str, forward: Any, derivative: Any) -> Any:
    """The op ``name``: ``forward(x)`` elementwise, with gradient ``g · derivative(x)`` (NumPy ufuncs both).
    Each op is its own closure, as fast as a hand-written one."""

    def op(x: Any) -> Carrot:
        xd = _value(x)

        def grad_x(g):
            return g * derivative(xd)

        return _unary(x, forward(xd), name, grad_x)

    op.__name__ = op.__qualname__ = name
    return op


absolute = declare("abs", ("∂{out}/∂{x} = sign({x})",), args=("x",), methods=("__abs__", "abs"))(
    _pointwise("abs", np.abs, np.sign)
)


@declare("exp", ("∂{out}/∂{x} = exp({x})",), args=("x",), methods=("exp",))
def exp(x: Any) -> Carrot:
    data = np.exp(x.data if type(x) is Carrot else _value(x), out=...)

    def grad_x(g):
        return np.multiply(g, data, out=...)

    return _unary(x, data, "exp", grad_x)


@declare("log", ("∂{out}/∂{x} = 1/{x}",), args=("x",), methods=("log",))
def log(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return g / xd

    return _unary(x, np.log(xd), "log", grad_x)


@declare("sqrt", ("∂{out}/∂{x} = 1/(2·√{x})",), args=("x",), methods=("sqrt",))
def sqrt(x: Any) -> Carrot:
    data = np.sqrt(x.data if type(x) is Carrot else _value(x), out=...)

    def grad_x(g):
        return g / (2.0 * data)

    return _unary(x, data, "sqrt", grad_x)


sin = declare("sin", ("∂{out}/∂{x} = cos({x})",), args=("x",), methods=("sin",))(
    _pointwise("sin", np.sin, np.cos)
)
cos = declare("cos", ("∂{out}/∂{x} = −sin({x})",), args=("x",), methods=("cos",))(
    _pointwise("cos", np.cos, lambda v: np.negative(np.sin(v)))
)


@declare("tanh", ("∂{out}/∂{x} = 1 − tanh²({x})",), args=("x",), methods=("tanh",))
def tanh(x: Any) -> Carrot:
    data = np.tanh(x.data if type(x) is Carrot else _value(x), out=...)

    if data.ndim:

        def grad_x(g):
            return g - g * data * data  # g·(1 − tanh²), without a Python float meeting an array (slow)

    else:

        def grad_x(g):
            return np.multiply(g, 1.0 - data * data, out=...)  # 0-d: NumPy scalar arithmetic is fastest

    return _unary(x, data, "tanh", grad_x)


@declare("sigmoid", ("∂{out}/∂{x} = σ({x})·(1 − σ({x}))",), args=("x",), methods=("sigmoid",))
def sigmoid(x: Any) -> Carrot:
    # exp(-log(1 + exp(-x))) through logaddexp: no overflow at ±1000, exact in both tails.
    data = np.exp(-np.logaddexp(0.0, -_value(x)))

    def grad_x(g):
        return g * data * (1.0 - data)

    return _unary(x, data, "sigmoid", grad_x)


@declare("relu", ("∂{out}/∂{x} = 1 if {x} > 0 else 0",), args=("x",), methods=("relu",))
def relu(x: Any) -> Carrot:
    xd = _value(x)
    positive = xd > 0

    def grad_x(g):
        return g * positive

    return _unary(x, np.maximum(xd, 0), "relu", grad_x)  # relu(−inf) = 0 (x·[x > 0] would give nan)


# ---------------------------------------------------------------------------------------------------------
# Activations people teach beyond relu/tanh/sigmoid
# ---------------------------------------------------------------------------------------------------------


@declare(
    "leaky_relu",
    ("∂{out}/∂{x} = 1 if {x} > 0 else the negative slope",),
    args=("x", "negative_slope?"),
    methods=("leaky_relu",),
)
def leaky_relu(x: Any, negative_slope: float = 0.01) -> Carrot:
    """``x`` where positive, ``negative_slope · x`` elsewhere (PyTorch's default slope 0.01)."""
    xd = np.asarray(_value(x))
    positive = xd > 0
    slope = np.where(positive, 1.0, negative_slope).astype(xd.dtype, copy=False)

    def grad_x(g):
        return g * slope

    return _unary(x, xd * slope, "leaky_relu", grad_x)


@declare("elu", ("∂{out}/∂{x} = 1 if {x} > 0 else α·exp({x})",), args=("x", "alpha?"), methods=("elu",))
def elu(x: Any, alpha: float = 1.0) -> Carrot:
    """``x`` where positive, ``alpha · (exp(x) − 1)`` elsewhere."""
    xd = np.asarray(_value(x))
    positive = xd > 0
    negative = alpha * np.expm1(np.minimum(xd, 0.0))  # no overflow from exp of a large positive x
    data = np.where(positive, xd, negative).astype(xd.dtype, copy=False)
    local = np.where(positive, 1.0, negative + alpha).astype(xd.dtype, copy=False)

    def grad_x(g):
        return g * local

    return _unary(x, data, "elu", grad_x)


def _sigmoid_of(xd: Any) -> np.ndarray:
    return np.exp(-np.logaddexp(0.0, -xd))  # no overflow at ±1000, exact in both tails


@declare("softplus", ("∂{out}/∂{x} = σ({x})",), args=("x",), methods=("softplus",))
def softplus(x: Any) -> Carrot:
    """``log(1 + exp(x))``, a smooth relu (computed as ``logaddexp(0, x)``: no overflow)."""
    xd = _value(x)

    def grad_x(g):
        return g * _sigmoid_of(xd)

    return _unary(x, np.logaddexp(0.0, xd), "softplus", grad_x)


@declare("log_sigmoid", ("∂{out}/∂{x} = 1 − σ({x})",), args=("x",), methods=("log_sigmoid",))
def log_sigmoid(x: Any) -> Carrot:
    """``log(σ(x)) = −softplus(−x)``, finite for any x."""
    xd = _value(x)

    def grad_x(g):
        return g * _sigmoid_of(-xd)

    return _unary(x, -np.logaddexp(0.0, -xd), "log_sigmoid", grad_x)


@declare("silu", ("∂{out}/∂{x} = σ({x})·(1 + {x}·(1 − σ({x})))",), args=("x",), methods=("silu",))
def silu(x: Any) -> Carrot:
    """``x · σ(x)`` (also called swish)."""
    xd = _value(x)
    s = _sigmoid_of(xd)

    def grad_x(g):
        return g * (s * (1.0 + xd * (1.0 - s)))

    return _unary(x, xd * s, "silu", grad_x)


_erf = np.vectorize(math.erf, otypes=[np.float64])
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


@declare("gelu", ("∂{out}/∂{x} = Φ({x}) + {x}·φ({x})",), args=("x",), methods=("gelu",))
def gelu(x: Any, approximate: str = "none") -> Carrot:
    """``x · Φ(x)`` with Φ the normal distribution's CDF; ``approximate="tanh"`` uses PyTorch's tanh formula."""
    xd = np.asarray(_value(x))
    if approximate == "none":
        cdf = 0.5 * (1.0 + _erf(xd / math.sqrt(2.0)))
        local = cdf + xd * np.exp(-0.5 * xd * xd) / math.sqrt(2.0 * math.pi)
    elif approximate == "tanh":
        inner = _SQRT_2_OVER_PI * (xd + 0.044715 * xd**3)
        t = np.tanh(inner)
        cdf = 0.5 * (1.0 + t)
        local = cdf + 0.5 * xd * (1.0 - t * t) * _SQRT_2_OVER_PI * (1.0 + 3 * 0.044715 * xd * xd)
    else:
        raise ValueError(
            phrase("gelu: approximate must be 'none' or 'tanh', got {got}", got=repr(approximate))
        )
    local = local.astype(xd.dtype, copy=False)

    def grad_x(g):
        return g * local

    return _unary(x, (xd * cdf).astype(xd.dtype, copy=False), "gelu", grad_x)


# ---------------------------------------------------------------------------------------------------------
# More elementwise functions
# ---------------------------------------------------------------------------------------------------------


@declare("log2", ("∂{out}/∂{x} = 1/({x}·ln 2)",), args=("x",), methods=("log2",))
def log2(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return g / (xd * math.log(2.0))

    return _unary(x, np.log2(xd), "log2", grad_x)


@declare("exp2", ("∂{out}/∂{x} = 2^{x}·ln 2",), args=("x",), methods=("exp2",))
def exp2(x: Any) -> Carrot:
    data = np.exp2(_value(x))

    def grad_x(g):
        return g * (data * math.log(2.0))

    return _unary(x, data, "exp2", grad_x)


@declare("tan", ("∂{out}/∂{x} = 1 + tan²({x})",), args=("x",), methods=("tan",))
def tan(x: Any) -> Carrot:
    data = np.tan(_value(x))

    def grad_x(g):
        return g * (1.0 + data * data)

    return _unary(x, data, "tan", grad_x)


@declare(
    "clamp",
    ("∂{out}/∂{x} = 1 where {x} was not clipped, else 0",),
    args=("x", "min", "max?"),
    methods=("clamp", "clip"),
)
def clamp(x: Any, min: float | None = None, max: float | None = None) -> Carrot:  # noqa: A002 - PyTorch's names
    """``x`` limited to ``[min, max]`` (either may be None); the gradient passes where ``min ≤ x ≤ max``."""
    xd = np.asarray(_value(x))
    lo = _value(min) if min is not None else None
    hi = _value(max) if max is not None else None
    if lo is None and hi is None:
        raise ValueError(phrase("clamp: give min, max or both"))
    data = np.clip(xd, lo, hi)
    inside = np.ones(xd.shape, dtype=bool)
    if lo is not None:
        inside &= xd >= lo
    if hi is not None:
        inside &= xd <= hi

    def grad_x(g):
        return g * inside

    return _unary(x, data, "clamp", grad_x)


clip = clamp  # NumPy's name
