"""Reductions (sum, mean, softmax, ...): each op's forward, its grad_fn and its table entry side by side."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..carrot import Carrot, _unary, _value
from .table import declare


def _axes(axis: Any, ndim: int) -> tuple[int, ...]:
    if axis is None:
        return tuple(range(ndim))
    axes = (axis,) if isinstance(axis, (int, np.integer)) else tuple(axis)
    return tuple(int(ax) % ndim if ndim else 0 for ax in axes)


def _expand_back(g: np.ndarray, shape: tuple, axis: Any, keepdims: bool) -> np.ndarray:
    """Undo a reduction's lost axes so ``g`` broadcasts against the input's ``shape``."""
    if not keepdims and axis is not None:
        g = np.expand_dims(g, _axes(axis, len(shape)))
    return np.broadcast_to(g, shape)


@declare("sum", ("∂{out}/∂{x} = 1 (for every element)",), args=("x", "axis?"))
def sum(x: Any, axis: Any = None, keepdims: bool = False) -> Carrot:  # noqa: A001 - mirrors numpy's name
    xd = np.asarray(_value(x))
    try:
        data = xd.sum(axis=axis, keepdims=keepdims)
    except (ValueError, np.exceptions.AxisError) as exc:
        raise ValueError(f"sum: axis {axis} does not fit shape {xd.shape}: {exc}") from None
    shape = xd.shape

    def grad_x(g):
        return _expand_back(g, shape, axis, keepdims)

    return _unary(x, data, "sum", grad_x)


@declare("mean", ("∂{out}/∂{x} = 1/n (for every element)",), args=("x", "axis?"))
def mean(x: Any, axis: Any = None, keepdims: bool = False) -> Carrot:
    xd = np.asarray(_value(x))
    try:
        data = xd.mean(axis=axis, keepdims=keepdims)
    except (ValueError, np.exceptions.AxisError) as exc:
        raise ValueError(f"mean: axis {axis} does not fit shape {xd.shape}: {exc}") from None
    shape = xd.shape
    count = int(np.prod([shape[ax] for ax in _axes(axis, xd.ndim)], dtype=np.int64)) if xd.ndim else 1

    def grad_x(g):
        return _expand_back(g / count, shape, axis, keepdims)

    return _unary(x, data, "mean", grad_x)


@declare("softmax", ("∂L/∂{x} = s·(g − Σ g·s),  s = softmax({x})",), args=("x", "axis?"))
def softmax(x: Any, axis: int = -1) -> Carrot:
    xd = np.asarray(_value(x))
    shifted = np.exp(xd - xd.max(axis=axis, keepdims=True))
    data = shifted / shifted.sum(axis=axis, keepdims=True)

    def grad_x(g):
        return data * (g - (g * data).sum(axis=axis, keepdims=True))

    return _unary(x, data, "softmax", grad_x)


@declare("log_softmax", ("∂L/∂{x} = g − softmax({x})·Σ g",), args=("x", "axis?"))
def log_softmax(x: Any, axis: int = -1) -> Carrot:
    xd = np.asarray(_value(x))
    shifted = xd - xd.max(axis=axis, keepdims=True)
    data = shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))

    def grad_x(g):
        return g - np.exp(data) * g.sum(axis=axis, keepdims=True)

    return _unary(x, data, "log_softmax", grad_x)


def _sum_method(self: Carrot, axis: Any = None, keepdims: bool = False) -> Carrot:
    return sum(self, axis=axis, keepdims=keepdims)


def _mean_method(self: Carrot, axis: Any = None, keepdims: bool = False) -> Carrot:
    return mean(self, axis=axis, keepdims=keepdims)


def _softmax_method(self: Carrot, axis: int = -1) -> Carrot:
    return softmax(self, axis)


def _log_softmax_method(self: Carrot, axis: int = -1) -> Carrot:
    return log_softmax(self, axis)


Carrot.sum = _sum_method
Carrot.mean = _mean_method
Carrot.softmax = _softmax_method
Carrot.log_softmax = _log_softmax_method
