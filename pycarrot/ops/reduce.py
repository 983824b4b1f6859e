"""Reductions (sum, mean, softmax, ...): each op's forward, its grad_fn and its table entry side by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..carrot import Carrot, _unary, _value, make_node
from ..messages import phrase
from .table import declare


def _axis_args(axis: Any, keepdims: bool, dim: Any, keepdim: Any) -> tuple[Any, bool]:
    """NumPy's ``axis``/``keepdims``, or PyTorch's ``dim``/``keepdim``."""
    if dim is not None:
        axis = dim
    return axis, bool(keepdims if keepdim is None else keepdim)


def _axes(axis: Any, ndim: int) -> tuple[int, ...]:
    if axis is None:
        return tuple(range(ndim))
    axes = (axis,) if isinstance(axis, (int, np.integer)) else tuple(axis)
    return tuple(int(ax) % ndim if ndim else 0 for ax in axes)


def _scalar_axis(op: str, xd: np.ndarray, axis: Any) -> Any:
    """``axis`` as NumPy takes it; on a 0-d value PyTorch's ``dim=0``/``dim=-1`` mean the value itself."""
    if xd.ndim or axis is None:
        return axis
    axes = (axis,) if isinstance(axis, (int, np.integer)) else tuple(axis)
    if any(int(ax) not in (0, -1) for ax in axes):
        raise ValueError(
            phrase("{op}: axis {axis} does not fit a 0-d value (only 0 or -1)", op=op, axis=axis)
        )
    return None


def _softmax_input(op: str, x: Any, axis: int) -> tuple[np.ndarray, Any]:
    xd = np.asarray(_value(x))
    axis = _scalar_axis(op, xd, axis)
    try:
        empty = axis is not None and xd.shape[axis] == 0
    except (IndexError, TypeError):
        raise ValueError(
            phrase("{op}: axis {axis} does not fit shape {shape}", op=op, axis=axis, shape=xd.shape)
        ) from None
    if empty:
        raise ValueError(
            phrase(
                "{op}: axis {axis} of shape {shape} is empty: there is nothing to normalise over",
                op=op,
                axis=axis,
                shape=xd.shape,
            )
        )
    return xd, axis


def _axis_error(op: str, axis: Any, xd: np.ndarray, exc: Exception) -> ValueError:
    """The error for an ``axis`` that does not fit ``xd``, naming the op and NumPy's reason."""
    return ValueError(
        phrase(
            "{op}: axis {axis} does not fit shape {shape}: {reason}",
            op=op,
            axis=axis,
            shape=xd.shape,
            reason=exc,
        )
    )


def _reduced_along(op: str, x: Any, axis: Any, compute: Any) -> tuple[np.ndarray, Any, Any]:
    """The input array, the axis as NumPy takes it, and ``compute(xd, axis)``, with an error that names the op
    when the axis does not fit."""
    xd = np.asarray(_value(x))
    axis = _scalar_axis(op, xd, axis)
    try:
        return xd, axis, compute(xd, axis)
    except (ValueError, np.exceptions.AxisError) as exc:
        raise _axis_error(op, axis, xd, exc) from None


def _dropped(kept: np.ndarray, axis: Any, keepdims: bool) -> np.ndarray:
    """A reduction computed with ``keepdims=True``, without the reduced axes unless ``keepdims``."""
    if keepdims:
        return kept
    return kept.reshape(()) if axis is None else np.squeeze(kept, axis=_axes(axis, kept.ndim))


def _expand_back(g: np.ndarray, shape: tuple, axis: Any, keepdims: bool) -> np.ndarray:
    """Undo a reduction's lost axes so ``g`` broadcasts against the input's ``shape``."""
    if not keepdims and axis is not None:
        g = np.expand_dims(g, _axes(axis, len(shape)))
    return np.broadcast_to(g, shape)


def _total(name: str, average: bool) -> Callable[..., Carrot]:
    """``sum``, or with ``average`` ``mean``, with NumPy's and PyTorch's ways of naming the axis: one node whose
    gradient spreads ``g`` (divided by the count for ``mean``) back over the elements it summed."""
    reduce = np.ndarray.mean if average else np.ndarray.sum

    def op(
        x: Any, axis: Any = None, keepdims: bool = False, *, dim: Any = None, keepdim: bool | None = None
    ) -> Carrot:
        axis, keepdims = _axis_args(axis, keepdims, dim, keepdim)
        xd, axis, data = _reduced_along(name, x, axis, lambda v, ax: reduce(v, axis=ax, keepdims=keepdims))
        shape = xd.shape
        if not average:

            def grad_x(g):
                return _expand_back(g, shape, axis, keepdims)

        else:
            count = int(np.prod([shape[ax] for ax in _axes(axis, xd.ndim)], dtype=np.int64)) if xd.ndim else 1

            def grad_x(g):
                return _expand_back(g / count, shape, axis, keepdims)

        return _unary(x, data, name, grad_x)

    op.__name__ = op.__qualname__ = name
    return op


sum = declare("sum", ("∂{out}/∂{x} = 1 (for every element)",), args=("x", "axis?"))(  # noqa: A001 - numpy's name
    _total("sum", average=False)
)
mean = declare("mean", ("∂{out}/∂{x} = 1/n (for every element)",), args=("x", "axis?"))(
    _total("mean", average=True)
)


@declare("softmax", ("∂L/∂{x} = s·(g − Σ g·s),  s = softmax({x})",), args=("x", "axis?"))
def softmax(x: Any, axis: int = -1) -> Carrot:
    xd, axis = _softmax_input("softmax", x, axis)
    shifted = np.exp(xd - xd.max(axis=axis, keepdims=True))
    data = shifted / shifted.sum(axis=axis, keepdims=True)

    def grad_x(g):
        return data * (g - (g * data).sum(axis=axis, keepdims=True))

    return _unary(x, data, "softmax", grad_x)


@declare("log_softmax", ("∂L/∂{x} = g − softmax({x})·Σ g",), args=("x", "axis?"))
def log_softmax(x: Any, axis: int = -1) -> Carrot:
    xd, axis = _softmax_input("log_softmax", x, axis)
    shifted = xd - xd.max(axis=axis, keepdims=True)
    data = shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))

    def grad_x(g):
        return g - np.exp(data) * g.sum(axis=axis, keepdims=True)

    return _unary(x, data, "log_softmax", grad_x)


# ---------------------------------------------------------------------------------------------------------
# Max and min, argmax, logsumexp, variance
# ---------------------------------------------------------------------------------------------------------


def _extreme(op: str, x: Any, axis: Any, keepdims: bool) -> Carrot:
    if np.size(_value(x)) == 0:
        raise ValueError(
            phrase(
                "{op}: the input is empty (shape {shape}); it has no {op}imum",
                op=op,
                shape=np.shape(_value(x)),
            )
        )
    pick = np.max if op == "max" else np.min
    xd, axis, kept = _reduced_along(op, x, axis, lambda v, ax: pick(v, axis=ax, keepdims=True))
    data = _dropped(kept, axis, keepdims)
    hit = xd == kept
    share = hit / hit.sum(axis=axis, keepdims=True)  # ties share the gradient equally, as PyTorch's amax

    def grad_x(g):
        return _expand_back(g, xd.shape, axis, keepdims) * share

    return _unary(x, data, op, grad_x)


def _extreme_op(op: str) -> Any:
    """``max`` or ``min`` with NumPy's and PyTorch's ways of naming the axis."""

    def extreme(
        x: Any, axis: Any = None, keepdims: bool = False, *, dim: Any = None, keepdim: bool | None = None
    ) -> Carrot:
        axis, keepdims = _axis_args(axis, keepdims, dim, keepdim)
        return _extreme(op, x, axis, keepdims)

    extreme.__name__ = extreme.__qualname__ = op
    return extreme


max = declare(  # noqa: A001 - mirrors numpy's name
    "max", ("∂{out}/∂{x} = 1 at the largest element (shared at ties), else 0",), args=("x", "axis?")
)(_extreme_op("max"))
min = declare(  # noqa: A001 - mirrors numpy's name
    "min", ("∂{out}/∂{x} = 1 at the smallest element (shared at ties), else 0",), args=("x", "axis?")
)(_extreme_op("min"))


@declare("argmax", ("indices: no gradient",), args=("x", "axis?"))
def argmax(x: Any, axis: int | None = None, keepdims: bool = False, *, dim: Any = None) -> Carrot:
    """The index of the largest element (of the flattened input, or along ``axis``): integers, no gradient."""
    xd = np.asarray(_value(x))
    axis = dim if dim is not None else axis
    try:
        data = np.argmax(xd, axis=axis, keepdims=keepdims)
    except (ValueError, np.exceptions.AxisError) as exc:
        raise ValueError(
            phrase("argmax: {reason} (input of shape {shape})", reason=exc, shape=xd.shape)
        ) from None
    return make_node(np.asarray(data), "argmax", (x,), (None,))


@declare("logsumexp", ("∂{out}/∂{x} = softmax({x})",), args=("x", "axis?"))
def logsumexp(
    x: Any, axis: Any = None, keepdims: bool = False, *, dim: Any = None, keepdim: bool | None = None
) -> Carrot:
    """``log(Σ exp(x))``, computed stably (the largest element is taken out first)."""
    axis, keepdims = _axis_args(axis, keepdims, dim, keepdim)
    xd, axis, top = _reduced_along("logsumexp", x, axis, lambda v, ax: v.max(axis=ax, keepdims=True))
    top = np.where(np.isfinite(top), top, 0.0)
    kept = top + np.log(np.exp(xd - top).sum(axis=axis, keepdims=True))
    data = _dropped(kept, axis, keepdims)
    soft = np.exp(xd - kept)

    def grad_x(g):
        return _expand_back(g, xd.shape, axis, keepdims) * soft

    return _unary(x, data.astype(xd.dtype, copy=False), "logsumexp", grad_x)


def _spread(op: str, x: Any, axis: Any, keepdims: bool, ddof: int) -> tuple[np.ndarray, np.ndarray, int]:
    """The input, its deviations from the mean and the divisor ``n − ddof`` along ``axis``."""
    xd = np.asarray(_value(x))
    try:
        centred = xd - xd.mean(axis=axis, keepdims=True)
    except (ValueError, np.exceptions.AxisError) as exc:
        raise _axis_error(op, axis, xd, exc) from None
    count = int(np.prod([xd.shape[ax] for ax in _axes(axis, xd.ndim)], dtype=np.int64)) if xd.ndim else 1
    return xd, centred, count - ddof


def _ddof(ddof: int, correction: int | None) -> int:
    return int(ddof if correction is None else correction)


def _deviation(name: str, root: bool, doc: str) -> Callable[..., Carrot]:
    """``var`` (``root`` false) or ``std`` (``root`` true) as one node: the squared deviations from the mean
    along ``axis`` summed and divided by ``n − ddof`` (by default ``ddof=1``, PyTorch's ``correction=1``), and
    for ``std`` the square root of that."""

    def op(
        x: Any, axis: Any = None, keepdims: bool = False, ddof: int = 1, *,
        dim: Any = None, keepdim: bool | None = None, correction: int | None = None,
    ) -> Carrot:  # fmt: skip
        axis, keepdims = _axis_args(axis, keepdims, dim, keepdim)
        xd, centred, divisor = _spread(name, x, axis, keepdims, _ddof(ddof, correction))
        data = (centred * centred).sum(axis=axis, keepdims=keepdims) / divisor
        if root:  # ∂√v/∂x = (∂v/∂x) / (2√v)
            data = np.sqrt(data)
            kept = data if keepdims or axis is None else np.expand_dims(data, _axes(axis, xd.ndim))

            def grad_x(g):
                return _expand_back(g, xd.shape, axis, keepdims) * centred / (divisor * kept)

        else:

            def grad_x(g):
                return _expand_back(g, xd.shape, axis, keepdims) * (2.0 / divisor) * centred

        return _unary(x, np.asarray(data, dtype=xd.dtype), name, grad_x)

    op.__name__ = op.__qualname__ = name
    op.__doc__ = doc
    return op


var = declare("var", ("∂{out}/∂{x} = 2·({x} − mean)/(n − ddof)",), args=("x", "axis?"))(
    _deviation(
        "var", False, "The variance, by default the sample variance (``ddof=1``, PyTorch's ``correction=1``)."
    )
)
std = declare("std", ("∂{out}/∂{x} = ({x} − mean)/((n − ddof)·{out})",), args=("x", "axis?"))(
    _deviation("std", True, "The standard deviation, ``sqrt(var(x, ...))``, as one node.")
)


def _softmax_method(self: Carrot, axis: int = -1) -> Carrot:
    return softmax(self, axis)


def _log_softmax_method(self: Carrot, axis: int = -1) -> Carrot:
    return log_softmax(self, axis)


Carrot.sum = sum
Carrot.mean = mean
Carrot.softmax = _softmax_method
Carrot.log_softmax = _log_softmax_method
Carrot.max = max
Carrot.min = min
Carrot.argmax = argmax
Carrot.logsumexp = logsumexp
Carrot.var = var
Carrot.std = std
