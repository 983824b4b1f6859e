"""Movement ops (reshape, transpose, indexing): the gradient goes back to where each element came from."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..carrot import Carrot, _unary, _value, make_node
from ..messages import phrase
from .table import declare


@declare("reshape", ("∂L/∂{x} = ∂L/∂{out} reshaped back to {x}'s shape",))
def reshape(x: Any, shape: Any) -> Carrot:
    xd = np.asarray(_value(x))
    try:
        data = xd.reshape(shape)
    except ValueError:
        raise ValueError(
            phrase(
                "reshape: cannot reshape {shape} ({size} elements) into {target}",
                shape=xd.shape,
                size=xd.size,
                target=shape,
            )
        ) from None
    original = xd.shape

    def grad_x(g):
        return g.reshape(original)

    return _unary(x, data, "reshape", grad_x)


@declare("transpose", ("∂L/∂{x} = (∂L/∂{out})ᵀ",))
def transpose(x: Any, axes: Any = None) -> Carrot:
    xd = np.asarray(_value(x))
    try:
        data = np.transpose(xd, axes)
    except ValueError:
        raise ValueError(
            phrase("transpose: axes {axes} do not fit shape {shape}", axes=axes, shape=xd.shape)
        ) from None
    # the inverse permutation, of axes counted from 0 (argsort of (-1, 0) would not invert (1, 0))
    inverse = None if axes is None else np.argsort([int(ax) % xd.ndim for ax in axes])

    def grad_x(g):
        return np.transpose(g, inverse)

    return _unary(x, data, "transpose", grad_x)


def _is_basic_index(index: Any) -> bool:
    """Slices, integers, None and Ellipsis only: each element is picked at most once."""
    parts = index if isinstance(index, tuple) else (index,)
    return all(p is None or p is Ellipsis or isinstance(p, (slice, int, np.integer)) for p in parts)


@declare("getitem", ("∂L/∂{x} = ∂L/∂{out} put back at the picked positions (zeros elsewhere)",))
def getitem(x: Any, index: Any) -> Carrot:
    if isinstance(index, Carrot):
        index = index.data
    elif isinstance(index, tuple):
        index = tuple(i.data if isinstance(i, Carrot) else i for i in index)
    xd = np.asarray(_value(x))
    try:
        data = xd[index]
    except IndexError as exc:
        raise IndexError(
            phrase(
                "index {index} does not fit shape {shape}: {reason}",
                index=repr(index),
                shape=xd.shape,
                reason=exc,
            )
        ) from None
    basic = _is_basic_index(index)
    if basic:
        data = data.copy() if isinstance(data, np.ndarray) else data  # a view would alias x.data

    def grad_x(g):
        out = np.zeros(xd.shape, dtype=xd.dtype)
        if basic:
            out[index] = g
        else:
            np.add.at(out, index, g)  # repeated indices accumulate
        return out

    return _unary(x, data, "getitem", grad_x)


def _reshaped(x: Any, op: str, shape_of: Any) -> Carrot:
    """``x`` with the shape ``shape_of(x.shape)`` gives (squeeze, unsqueeze, flatten): reshape's gradient."""
    xd = np.asarray(_value(x))
    try:
        shape = shape_of(xd.shape)
        data = xd.reshape(shape)
    except (ValueError, IndexError, np.exceptions.AxisError) as exc:
        raise ValueError(
            phrase("{op}: {reason} (input of shape {shape})", op=op, reason=exc, shape=xd.shape)
        ) from None
    original = xd.shape

    def grad_x(g):
        return g.reshape(original)

    return _unary(x, data, op, grad_x)


@declare(
    "squeeze",
    ("∂L/∂{x} = ∂L/∂{out} with the length-1 axes put back",),
    args=("x", "axis?"),
    methods=("squeeze",),
)
def squeeze(x: Any, axis: Any = None, *, dim: Any = None) -> Carrot:
    """``x`` without its length-1 axes (or only ``axis``, which must have length 1)."""
    axis = dim if dim is not None else axis
    return _reshaped(x, "squeeze", lambda shape: np.empty(shape, dtype=np.int8).squeeze(axis).shape)


@declare(
    "unsqueeze", ("∂L/∂{x} = ∂L/∂{out} without the new axis",), args=("x", "axis"), methods=("unsqueeze",)
)
def unsqueeze(x: Any, axis: int | None = None, *, dim: int | None = None) -> Carrot:
    """``x`` with a new length-1 axis at ``axis`` (NumPy's ``expand_dims``)."""
    axis = dim if dim is not None else axis
    if axis is None:
        raise TypeError(phrase("unsqueeze: give the position of the new axis (axis=0, or PyTorch's dim=0)"))
    return _reshaped(x, "unsqueeze", lambda shape: np.expand_dims(np.empty(shape, dtype=np.int8), axis).shape)


expand_dims = unsqueeze  # NumPy's name


@declare("flatten", ("∂L/∂{x} = ∂L/∂{out} reshaped back to {x}'s shape",), args=("x",), methods=("flatten",))
def flatten(x: Any, start_dim: int = 0, end_dim: int = -1) -> Carrot:
    """Axes ``start_dim`` … ``end_dim`` merged into one (all of them by default: a 1-D result)."""

    def shape_of(shape: tuple) -> tuple:
        if not shape:
            return (1,)
        start, end = start_dim % len(shape), end_dim % len(shape)
        if start > end:
            raise ValueError(
                phrase("start_dim {start} comes after end_dim {end}", start=start_dim, end=end_dim)
            )
        merged = int(np.prod(shape[start : end + 1], dtype=np.int64))
        return shape[:start] + (merged,) + shape[end + 1 :]

    return _reshaped(x, "flatten", shape_of)


def _joined(op: str, seq: Any, axis: int, join: Any) -> Carrot:
    """``join`` (np.concatenate or np.stack) of the sequence's values, one edge per part."""
    parts = tuple(seq)
    if not parts:
        raise ValueError(phrase("{op}: needs at least one array", op=op))
    values = [np.asarray(_value(p)) for p in parts]
    try:
        data = join(values, axis=axis)
    except (ValueError, np.exceptions.AxisError) as exc:
        shapes = ", ".join(str(v.shape) for v in values)
        raise ValueError(
            phrase(
                "{op}: shapes {shapes} along axis {axis}: {reason}",
                op=op,
                shapes=shapes,
                axis=axis,
                reason=exc,
            )
        ) from None
    if op == "stack":
        pieces = [(slice(None),) * (axis % data.ndim) + (i,) for i in range(len(values))]
    else:
        bounds = np.cumsum([0] + [v.shape[axis] for v in values])
        cut = axis % data.ndim
        pieces = [(slice(None),) * cut + (slice(int(lo), int(hi)),) for lo, hi in zip(bounds, bounds[1:])]

    def grad_for(piece: tuple) -> Any:
        def grad_x(g):
            return g[piece].copy()

        return grad_x

    return make_node(data, op, parts, [grad_for(p) for p in pieces])


@declare("concatenate", ("∂L/∂{x} = its slice of ∂L/∂{out}",), slots=("x",), args=("x", "more*"))
def concatenate(seq: Any, axis: int = 0, *, dim: int | None = None) -> Carrot:
    """The arrays of ``seq`` joined along an existing ``axis`` (PyTorch's ``cat``)."""
    return _joined("concatenate", seq, dim if dim is not None else axis, np.concatenate)


@declare("stack", ("∂L/∂{x} = its slice of ∂L/∂{out}",), slots=("x",), args=("x", "more*"))
def stack(seq: Any, axis: int = 0, *, dim: int | None = None) -> Carrot:
    """The arrays of ``seq`` (all of one shape) stacked along a new ``axis``."""
    return _joined("stack", seq, dim if dim is not None else axis, np.stack)


cat = concatenate  # PyTorch's name


def _reshape_method(self: Carrot, *shape: Any) -> Carrot:
    return reshape(self, shape[0] if len(shape) == 1 and not isinstance(shape[0], int) else shape)


def _transpose_method(self: Carrot, *axes: Any) -> Carrot:
    if len(axes) == 1 and not isinstance(axes[0], int):
        axes = axes[0]
    return transpose(self, axes or None)


Carrot.reshape = _reshape_method
Carrot.transpose = _transpose_method
Carrot.T = property(lambda self: transpose(self, None), doc="The transpose (all axes reversed).")
Carrot.__getitem__ = getitem
