"""Movement ops (reshape, transpose, indexing): the gradient goes back to where each element came from."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..carrot import Carrot, _unary, _value
from .table import declare


@declare("reshape", ("∂L/∂{x} = ∂L/∂{out} reshaped back to {x}'s shape",))
def reshape(x: Any, shape: Any) -> Carrot:
    xd = np.asarray(_value(x))
    try:
        data = xd.reshape(shape)
    except ValueError:
        raise ValueError(f"reshape: cannot reshape {xd.shape} ({xd.size} elements) into {shape}") from None
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
        raise ValueError(f"transpose: axes {axes} do not fit shape {xd.shape}") from None
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
        raise IndexError(f"index {index!r} does not fit shape {xd.shape}: {exc}") from None
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
