"""Unary elementwise ops: each op's forward, its grad_fn and its table entry side by side."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..carrot import Carrot, _unary, _value
from .table import declare


@declare("neg", ("∂{out}/∂{x} = −1",), symbol="-", label="−", precedence=3, methods=("__neg__",))
def neg(x: Any) -> Carrot:
    def grad_x(g):
        return -g

    return _unary(x, -_value(x), "neg", grad_x)


@declare("abs", ("∂{out}/∂{x} = sign({x})",), args=("x",), methods=("__abs__", "abs"))
def absolute(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return g * np.sign(xd)

    return _unary(x, np.abs(xd), "abs", grad_x)


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


@declare("sin", ("∂{out}/∂{x} = cos({x})",), args=("x",), methods=("sin",))
def sin(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return g * np.cos(xd)

    return _unary(x, np.sin(xd), "sin", grad_x)


@declare("cos", ("∂{out}/∂{x} = −sin({x})",), args=("x",), methods=("cos",))
def cos(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return -g * np.sin(xd)

    return _unary(x, np.cos(xd), "cos", grad_x)


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

    return _unary(x, xd * positive, "relu", grad_x)
