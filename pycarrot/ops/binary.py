"""Binary ops: each op's forward, its grad_fns and its table entry side by side.

The grad_fns return gradients in the result's shape; the builder (``carrot._binary``) sums them back to an
operand's shape where broadcasting stretched it — the one place broadcasting is undone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..carrot import Carrot, GradFn, _binary, _keep_a, _keep_b, _value, make_node, unbroadcast
from ..messages import phrase
from .table import declare


def _shape_of(x: Any) -> tuple:
    return x.data.shape if isinstance(x, Carrot) else np.shape(x)


def _broadcast_check(op: str, a: Any, b: Any) -> None:
    sa, sb = _shape_of(a), _shape_of(b)
    try:
        np.broadcast_shapes(sa, sb)
    except ValueError:
        raise ValueError(
            phrase("{op}: shapes {a} and {b} cannot be broadcast together", op=op, a=sa, b=sb)
        ) from None


def _elementwise(
    name: str, rules: tuple[str, str], ufunc: Any, grads: Any, **entry: Any
) -> Callable[[Any, Any], Carrot]:
    """The op ``name``: ``ufunc(a, b)`` elementwise, broadcast as NumPy does (an error naming both shapes
    where they do not fit), declared in the op table with its local ``rules`` and ``entry``'s other fields.
    ``grads`` is the op's pair of grad_fns, or a function of (a's array, b's array, the result) that makes the
    pair where the rule needs those values. One template for the elementwise ops; each op is its own closure
    over ``name``/``ufunc``/``grads``, as fast as a hand-written one."""
    fixed = not callable(grads)

    def op(a: Any, b: Any) -> Carrot:
        # A Carrot's array is read inline (the common case); _value() converts numbers and arrays.
        ad = a.data if type(a) is Carrot else _value(a)
        bd = b.data if type(b) is Carrot else _value(b)
        try:
            data = ufunc(ad, bd, out=...)
        except ValueError:
            _broadcast_check(name, a, b)
            raise
        grad_a, grad_b = grads if fixed else grads(ad, bd, data)
        return _binary(data, name, a, grad_a, b, grad_b)

    op.__name__ = op.__qualname__ = name
    return declare(name, rules, **entry)(op)


def _negated(g: np.ndarray) -> np.ndarray:
    return np.negative(g, out=...)


def _mul_grads(ad: Any, bd: Any, data: Any) -> tuple[GradFn, GradFn]:
    def grad_a(g):
        return np.multiply(g, bd, out=...)

    def grad_b(g):
        return np.multiply(g, ad, out=...)

    return grad_a, grad_b


def _div_grads(ad: Any, bd: Any, data: Any) -> tuple[GradFn, GradFn]:
    def grad_a(g):
        return np.divide(g, bd, out=...)

    def grad_b(g):
        return -g * data / bd

    return grad_a, grad_b


_negated.__name__ = "grad_b"
# the infix ops: name, local rules, the NumPy function, the grad_fns, then the parser's symbol and precedence,
# the graph's label and the Carrot operator that *is* the op
add = _elementwise(
    "add", ("∂{out}/∂{a} = 1", "∂{out}/∂{b} = 1"), np.add, (_keep_a, _keep_b),
    symbol="+", precedence=1, label="+", methods=("__add__",),
)  # fmt: skip
sub = _elementwise(
    "sub", ("∂{out}/∂{a} = 1", "∂{out}/∂{b} = −1"), np.subtract, (_keep_a, _negated),
    symbol="-", precedence=1, label="−", methods=("__sub__",),
)  # fmt: skip
mul = _elementwise(
    "mul", ("∂{out}/∂{a} = {b}", "∂{out}/∂{b} = {a}"), np.multiply, _mul_grads,
    symbol="*", precedence=2, label="·", methods=("__mul__",),
)  # fmt: skip
div = _elementwise(
    "div", ("∂{out}/∂{a} = 1/{b}", "∂{out}/∂{b} = −{a}/{b}²"), np.divide, _div_grads,
    symbol="/", precedence=2, label="/", methods=("__truediv__",),
)  # fmt: skip


@declare(
    "pow",
    ("∂{out}/∂{a} = {b}·{a}^({b}−1)", "∂{out}/∂{b} = {a}^{b}·ln {a}"),
    symbol="**",
    label="^",
    precedence=4,
    methods=("__pow__", "pow"),
)
def power(a: Any, b: Any) -> Carrot:
    ad, bd = _value(a), _value(b)
    try:
        data = ad**bd
    except ValueError:
        _broadcast_check("pow", a, b)
        raise

    def grad_a(g):  # b·a^(b−1), and 0 where b = 0 (x**0 is constant, even at x = 0), as PyTorch
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(bd == 0, 0.0, g * bd * ad ** (bd - 1))

    def grad_b(g):  # a^b·ln a: nan for a < 0 (undefined), 0 at a = 0 with b ≥ 0, as PyTorch
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where((ad == 0) & (bd >= 0), 0.0, g * data * np.log(ad))

    return _binary(data, "pow", a, grad_a, b, grad_b)


def _batch_check(sa: tuple, sb: tuple) -> None:
    """A batched matmul's batch axes (all but the last two) must broadcast: say so, naming them."""
    ba, bb = sa[:-2], sb[:-2]
    try:
        np.broadcast_shapes(ba, bb)
    except ValueError:
        raise ValueError(
            phrase(
                "matmul: the batch dimensions {ba} of {sa} and {bb} of {sb} cannot be broadcast together "
                "(the last two axes are the matrices)",
                ba=ba,
                sa=sa,
                bb=bb,
                sb=sb,
            )
        ) from None


@declare(
    "matmul",
    ("∂L/∂{a} = ∂L/∂{out} · {b}ᵀ", "∂L/∂{b} = {a}ᵀ · ∂L/∂{out}"),
    symbol="@",
    label="@",
    precedence=2,
    methods=("__matmul__",),
)
def matmul(a: Any, b: Any) -> Carrot:
    ad, bd = np.asarray(_value(a)), np.asarray(_value(b))
    if ad.ndim == 0 or bd.ndim == 0:
        raise ValueError(
            phrase(
                "matmul: operands must have at least one dimension, got shapes {a} and {b}",
                a=ad.shape,
                b=bd.shape,
            )
        )
    try:
        data = ad @ bd
    except ValueError:
        _batch_check(ad.shape, bd.shape)
        if bd.ndim == 1:
            message = "matmul: shapes {a} and {b} do not fit: the last axis of the first ({m}) must equal the only axis of the second ({n})"
        else:
            message = "matmul: shapes {a} and {b} do not fit: the last axis of the first ({m}) must equal the second-to-last axis of the second ({n})"
        n = bd.shape[0] if bd.ndim == 1 else bd.shape[-2]
        raise ValueError(phrase(message, a=ad.shape, b=bd.shape, m=ad.shape[-1], n=n)) from None
    # Promote 1-D operands to matrices, as matmul does, so one pair of rules covers every case.
    a2 = ad[None, :] if ad.ndim == 1 else ad
    b2 = bd[:, None] if bd.ndim == 1 else bd

    def as_matrix(g):
        if ad.ndim == 1 and bd.ndim == 1:
            return np.reshape(g, (1, 1))
        if ad.ndim == 1:
            return np.expand_dims(g, -2)
        if bd.ndim == 1:
            return np.expand_dims(g, -1)
        return g

    # (a reshape only where an operand was 1-D: a view would make the walk copy the gradient)
    def grad_a(g):
        r = unbroadcast(as_matrix(g) @ np.swapaxes(b2, -1, -2), a2.shape)
        return r if ad.ndim > 1 else r.reshape(ad.shape)

    def grad_b(g):
        r = unbroadcast(np.swapaxes(a2, -1, -2) @ as_matrix(g), b2.shape)
        return r if bd.ndim > 1 else r.reshape(bd.shape)

    # matmul's grad_fns return each operand's own shape (batch axes summed above): no reduction by the builder
    return _binary(data, "matmul", a, grad_a, b, grad_b, True)


def _reflected(fn):
    """The operator with a number or an array on the left: ``2 * x`` is ``mul(2, x)``."""

    def method(self: Carrot, other: Any) -> Carrot:
        return fn(other, self)

    method.__name__ = f"__r{fn.__name__}__"
    return method


Carrot.__radd__ = _reflected(add)
Carrot.__rsub__ = _reflected(sub)
Carrot.__rmul__ = _reflected(mul)
Carrot.__rtruediv__ = _reflected(div)
Carrot.__rpow__ = _reflected(power)
Carrot.__rmatmul__ = _reflected(matmul)


# ---------------------------------------------------------------------------------------------------------
# Choosing between operands
# ---------------------------------------------------------------------------------------------------------


def _share_grads(picked_a: Callable[[Any, Any], Any]) -> Callable[..., tuple[GradFn, GradFn]]:
    """The grad_fns of an op that picks one operand elementwise (np.maximum, np.minimum): ``picked_a(a, b)`` is
    1 where ``a`` was picked, 0 where ``b`` was, ½ at a tie (the gradient is shared at ties, as PyTorch
    shares it)."""

    def grads(ad: Any, bd: Any, data: Any) -> tuple[GradFn, GradFn]:
        share = picked_a(ad, bd)

        def grad_a(g):
            return g * share

        def grad_b(g):
            return g * (1.0 - share)

        return grad_a, grad_b

    return grads


maximum = _elementwise(
    "maximum",
    ("∂{out}/∂{a} = 1 where {a} > {b} (½ at a tie)", "∂{out}/∂{b} = 1 where {b} > {a} (½ at a tie)"),
    np.maximum,
    _share_grads(lambda x, y: (x > y) + 0.5 * (x == y)),
    args=("a", "b"),
    methods=("maximum",),
)
minimum = _elementwise(
    "minimum",
    ("∂{out}/∂{a} = 1 where {a} < {b} (½ at a tie)", "∂{out}/∂{b} = 1 where {b} < {a} (½ at a tie)"),
    np.minimum,
    _share_grads(lambda x, y: (x < y) + 0.5 * (x == y)),
    args=("a", "b"),
    methods=("minimum",),
)


@declare(
    "where",
    (
        "a condition: no gradient",
        "∂{out}/∂{a} = 1 where {cond}, else 0",
        "∂{out}/∂{b} = 0 where {cond}, else 1",
    ),
    slots=("cond", "a", "b"),
    args=("cond", "a", "b"),
)
def where(cond: Any, a: Any, b: Any) -> Carrot:
    """``a`` where ``cond`` is true (non-zero), else ``b``, broadcast as NumPy's ``where``; ``cond`` gets no
    gradient."""
    c = np.asarray(_value(cond)).astype(bool)
    ad, bd = _value(a), _value(b)
    try:
        data = np.where(c, ad, bd)
    except ValueError:
        raise ValueError(
            phrase(
                "where: shapes {c}, {a} and {b} cannot be broadcast together",
                c=c.shape,
                a=np.shape(ad),
                b=np.shape(bd),
            )
        ) from None
    zero = np.zeros((), dtype=data.dtype)

    def grad_a(g):
        return unbroadcast(np.where(c, g, zero), np.shape(ad))

    def grad_b(g):
        return unbroadcast(np.where(c, zero, g), np.shape(bd))

    return make_node(data, "where", (cond, a, b), (None, grad_a, grad_b))
