"""The Carrot tensor (``data``, ``grad``, ``child_nodes``) and the builders every op makes its result with. The
ops, each declared once with its forward, backward and rule text, are in :mod:`pycarrot.ops`; ``backward()``
and its walk in :mod:`pycarrot.walk`.

As in the original design, a result node keeps ``child_nodes``: a list of ``(input_node, grad_fn)`` pairs,
one per input that requires grad, where ``grad_fn(upstream) -> contribution for input_node``. A grad_fn
never changes its argument and returns a new array, a view, or the upstream array itself (the walk copies
the last two before storing them, so no two ``.grad`` arrays share memory). An edge is named by its op
(the node's ``name``) and the operand position it feeds (``walk.edge_positions``), never by the grad_fn.

No closure holds its own output node, so a graph is freed by reference counting alone.
Hot-path ufuncs are called with ``out=...``: a 0-d result then stays an ndarray instead of becoming a NumPy
scalar that would need a second conversion (scalar graphs are where per-op overhead matters).
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from typing import Any

import numpy as np

GradFn = Callable[[np.ndarray], np.ndarray]

_grad_enabled = True

# Every node gets the next number when it is made. A node's inputs exist before it does, so they have smaller
# numbers: sorting a graph's nodes by this number, newest first, is a reverse topological order.
_next_seq = itertools.count().__next__
_seq_of = attrgetter("_seq")


@contextmanager
def no_grad() -> Iterator[None]:
    """Inside this block results carry no ``child_nodes``: nothing is recorded for backward."""
    global _grad_enabled
    previous = _grad_enabled
    _grad_enabled = False
    try:
        yield
    finally:
        _grad_enabled = previous


def is_grad_enabled() -> bool:
    return _grad_enabled


class paused_gc:  # noqa: N801 - used like a function: ``with paused_gc(): ...``
    """Pause the cyclic garbage collector inside the block (restored as it was on the way out).

    Building or walking a graph makes no reference cycles (no closure holds its own node), so the collector
    has nothing to find; left on, it re-traverses the growing graph again and again (measured: half of a large
    backward, a third of a parse, +80 ms laying out 5,000 nodes). A class, not a generator: ``backward()``
    enters it on every call.
    """

    __slots__ = ("_was",)

    def __enter__(self) -> None:
        self._was = was = gc.isenabled()
        if was:
            gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was:
            gc.enable()


# ---------------------------------------------------------------------------------------------------------
# Values and the builders every op makes its result with
# ---------------------------------------------------------------------------------------------------------


def _as_array(data: Any, requires_grad: bool) -> np.ndarray:
    """Data as a NumPy array: Python numbers become float64, float arrays keep their dtype.

    Integer and bool data is promoted to float64 when it requires grad (a gradient needs a float);
    otherwise it keeps its dtype (class labels, indices). Strings, objects and complex numbers are refused.
    """
    if isinstance(data, Carrot):
        return data.data
    if isinstance(data, (bool, int, float)) and not isinstance(data, np.generic):
        return np.array(data, dtype=np.float64)
    if isinstance(data, np.ndarray):
        arr = data
    else:
        try:
            arr = np.asarray(data)
        except (ValueError, TypeError) as exc:
            raise TypeError(f"Carrot data must be numbers or arrays of numbers: {exc}") from None
        if not isinstance(data, np.generic) and arr.dtype.kind in "biu":
            arr = arr.astype(np.float64)  # nested lists of Python numbers are float64 too
    kind = arr.dtype.kind
    if kind == "f":
        return arr
    if kind in "biu":
        return arr.astype(np.float64) if requires_grad else arr
    raise TypeError(
        f"Carrot data must be real numbers, got dtype {arr.dtype} "
        f"(from {type(data).__name__}); strings, objects and complex numbers are not supported"
    )


def _value(x: Any) -> Any:
    """The raw value used in arithmetic: a Carrot's array, a Python number as is (so it never changes a
    float32 result's dtype), anything else as an array."""
    if type(x) is Carrot or isinstance(x, Carrot):
        return x.data
    if isinstance(x, float) or (isinstance(x, int) and not isinstance(x, bool)):
        return x  # a Python number stays one: NumPy keeps the array's dtype (int ** int stays int)
    return _as_array(x, False)


value_of = _value  # the public name, for ops declared outside the engine (losses)


def unbroadcast(grad: np.ndarray, shape: tuple) -> np.ndarray:
    """Sum ``grad`` over the axes that broadcasting added or stretched, so it has exactly ``shape``."""
    if grad.shape == shape:
        return grad
    extra = grad.ndim - len(shape)
    if extra > 0:
        grad = grad.sum(axis=tuple(range(extra)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if stretched:
        grad = grad.sum(axis=stretched, keepdims=True)
    grad = np.asarray(grad)
    return grad if grad.shape == shape else grad.reshape(shape)  # no needless view (the walk would copy it)


# The pass-through grad_fns (add's, sub's first operand): shared by every node, no closure to make per op.
def _keep_a(g):
    return g


def _keep_b(g):
    return g


_keep_a.__name__, _keep_b.__name__ = "grad_a", "grad_b"


def _reduced(grad_fn: GradFn, shape: tuple) -> GradFn:
    """``grad_fn`` for an operand that broadcasting stretched: its result summed back to ``shape``. The one
    place broadcasting is undone for every elementwise binary op (the ops' own grad_fns never reduce)."""
    if grad_fn is _keep_a or grad_fn is _keep_b:  # a pass-through: reduce the upstream gradient directly

        def reduced(g):
            return unbroadcast(g, shape)

    else:

        def reduced(g):
            return unbroadcast(grad_fn(g), shape)

    reduced.__name__ = grad_fn.__name__
    return reduced


def _node(data: Any, op: str) -> Carrot:
    """A new result of op ``op`` holding ``data``, without gradient yet; the caller sets its edges
    (``child_nodes``, ``requires_grad``, ``_operands``). Every op's node starts here."""
    out = Carrot.__new__(Carrot)
    out.data = data if type(data) is np.ndarray else np.asarray(data)
    out.name = op
    out._grad = None
    out._pending = None
    out._seq = _next_seq()
    return out


def _binary(
    data: Any, op: str, a: Any, grad_a: GradFn, b: Any, grad_b: GradFn, exact: bool = False
) -> Carrot:
    """A binary op's result, with edges to the operands that require grad.

    ``grad_a``/``grad_b`` return gradients in the result's shape; for an operand broadcasting stretched, the
    edge sums them back to the operand's shape (:func:`_reduced`). ``exact``: the grad_fns already return
    each operand's own shape (matmul).
    """
    out = _node(data, op)
    need_a = _grad_enabled and isinstance(a, Carrot) and a.requires_grad
    if need_a and not exact and a.data.shape != out.data.shape:
        grad_a = _reduced(grad_a, a.data.shape)
    if _grad_enabled and isinstance(b, Carrot) and b.requires_grad:
        if not exact and b.data.shape != out.data.shape:
            grad_b = _reduced(grad_b, b.data.shape)
        if need_a:
            out.child_nodes = [(a, grad_a), (b, grad_b)]
            out._operands = None  # the inputs in child_nodes are all the operands (see Carrot.operands)
        else:
            out.child_nodes = [(b, grad_b)]
            out._operands = (a, b)
        out.requires_grad = True
    else:
        out.child_nodes = [(a, grad_a)] if need_a else []
        out._operands = (a, b)
        out.requires_grad = need_a
    return out


def _unary(x: Any, data: Any, op: str, grad_x: GradFn) -> Carrot:
    """A unary op's result, with an edge to ``x`` if it requires grad."""
    out = _node(data, op)
    if _grad_enabled and isinstance(x, Carrot) and x.requires_grad:
        out.child_nodes = [(x, grad_x)]
        out._operands = None  # the input in child_nodes is the operand (see Carrot.operands)
        out.requires_grad = True
    else:
        out.child_nodes = []
        out._operands = (x,)
        out.requires_grad = False
    return out


def make_node(data: Any, op: str, operands: Sequence[Any], grad_fns: Sequence[GradFn | None]) -> Carrot:
    """The result of op ``op`` on ``operands`` (Carrots, numbers or arrays), for ops of any arity.

    ``grad_fns[i]`` sends the upstream gradient to ``operands[i]`` in that operand's own shape (``None``: no
    gradient flows there, e.g. class indices). An edge is made for each operand that is a Carrot requiring
    grad (none inside :func:`no_grad`). The losses in :mod:`pycarrot.nn.functional` build their fused node here.
    """
    operands = tuple(operands)
    if len(grad_fns) != len(operands):
        raise ValueError(f"make_node({op!r}): {len(operands)} operands but {len(grad_fns)} grad_fns")
    edges, positions = [], []
    if _grad_enabled:
        for position, (x, fn) in enumerate(zip(operands, grad_fns)):
            if fn is not None and isinstance(x, Carrot) and x.requires_grad:
                edges.append((x, fn))
                positions.append(position)
    out = _node(data, op)
    out.child_nodes = edges
    out.requires_grad = bool(edges)
    out._operands = operands
    out._positions = positions  # where(x, x, y): x is an operand twice, one edge; no guessing which
    return out


# ---------------------------------------------------------------------------------------------------------
# The tensor
# ---------------------------------------------------------------------------------------------------------


class Carrot:
    """An array that remembers how it was computed, so gradients can flow back to its inputs."""

    # _pending: this node's gradient from the backward pass in progress, summed over its consumers (a slot on
    # the node is cheaper than a dict keyed by nodes); _seq: creation number (see _next_seq).
    __slots__ = (
        "data",
        "child_nodes",
        "name",
        "requires_grad",
        "_grad",
        "_pending",
        "_seq",
        "_operands",
        "_positions",
        "_shares",
        "__weakref__",
    )
    __array_ufunc__ = None  # make NumPy arrays defer to our reflected operators (array * carrot -> Carrot)

    def __init__(
        self,
        data: Any,
        requires_grad: bool = False,
        child_nodes: list[tuple[Carrot, GradFn]] | None = None,
        name: str | None = None,
    ) -> None:
        self.data = _as_array(data, requires_grad)
        self.requires_grad = bool(requires_grad)
        self.child_nodes = list(child_nodes) if child_nodes else []
        self.name = name
        self._grad: np.ndarray | None = None
        self._pending: np.ndarray | None = None
        self._seq = _next_seq()
        self._operands: tuple | None = None  # the inputs in child_nodes (see operands)

    # -- gradient -------------------------------------------------------------------------------------------

    @property
    def grad(self) -> Carrot | None:
        """None until backward reaches this node, then a Carrot (no grad) of this node's shape."""
        g = self._grad
        if g is None:
            return None
        if getattr(self, "_shares", False):  # backward() left it shared with another node's: own it now
            g = self._grad = g.copy()
            self._shares = False
        return Carrot(g)

    @grad.setter
    def grad(self, value: Any) -> None:
        if value is None:
            self._grad = None
            return
        g = np.array(_value(value), dtype=self.data.dtype)
        if g.shape != self.data.shape:
            raise ValueError(f"grad of shape {g.shape} does not match {self._describe()}")
        self._grad = g
        self._shares = False

    @property
    def operands(self) -> tuple:
        """Every operand of the op that made this node, constants included (numbers, arrays or Carrots)."""
        ops = self._operands
        # None when every operand is an input in child_nodes: such ops store no tuple of their own, one object
        # less per op for the cycle collector to track (collections were ~12 % of a graph's build+backward)
        return tuple(inp for inp, _ in self.child_nodes) if ops is None else ops

    def detach(self) -> Carrot:
        """The same data, cut from the graph."""
        return Carrot(self.data, name=self.name)

    def requires_grad_(self, requires_grad: bool = True) -> Carrot:
        """Set ``requires_grad`` in place (PyTorch's spelling); returns this Carrot."""
        if requires_grad and self.data.dtype.kind != "f":
            raise TypeError(
                f"requires_grad_(): {self._describe()} holds {self.data.dtype}; only floats have gradients"
            )
        self.requires_grad = bool(requires_grad)
        return self

    # In-place operators change ``data`` itself, as PyTorch's do: ``with pc.no_grad(): p -= lr * p.grad``. They
    # are refused where they would silently break a gradient: on a Carrot that requires grad, outside no_grad().
    def _in_place(self, ufunc: Any, other: Any, symbol: str) -> Carrot:
        if self.requires_grad and _grad_enabled:
            raise RuntimeError(
                f"'{symbol}' on {self._describe()}, which requires grad, would change a value backward() needs: "
                f"update parameters inside 'with pc.no_grad():' (or write p.data {symbol} ...)"
            )
        ufunc(self.data, _value(other), out=self.data)
        return self

    def __iadd__(self, other: Any) -> Carrot:
        return self._in_place(np.add, other, "+=")

    def __isub__(self, other: Any) -> Carrot:
        return self._in_place(np.subtract, other, "-=")

    def __imul__(self, other: Any) -> Carrot:
        return self._in_place(np.multiply, other, "*=")

    def __itruediv__(self, other: Any) -> Carrot:
        return self._in_place(np.divide, other, "/=")

    # -- array protocol ------------------------------------------------------------------------------------

    @property
    def shape(self) -> tuple:
        return self.data.shape

    @property
    def ndim(self) -> int:
        return self.data.ndim

    @property
    def size(self) -> int:
        return self.data.size

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    def __len__(self) -> int:
        if self.data.ndim == 0:
            raise TypeError("len() of a 0-d Carrot")
        return len(self.data)

    def numpy(self) -> np.ndarray:
        return self.data

    def item(self) -> float:
        return self.data.item()

    def tolist(self) -> Any:
        return self.data.tolist()

    def __float__(self) -> float:
        return float(self.data)

    def __str__(self) -> str:
        return str(self.data)

    def __repr__(self) -> str:
        extra = ", requires_grad=True" if self.requires_grad else ""
        if self.name is not None:
            extra += f", name={self.name!r}"
        d = self.data
        body = repr(d.item()) if d.ndim == 0 else np.array2string(d, separator=", ", threshold=20)
        return f"Carrot({body}{extra})"

    def _describe(self) -> str:
        return f"{self.name or 'carrot'} of shape {self.data.shape}"

    # Comparisons give plain boolean arrays (no gradient); == keeps identity so nodes stay hashable.
    def __lt__(self, other: Any) -> np.ndarray:
        return self.data < _value(other)

    def __le__(self, other: Any) -> np.ndarray:
        return self.data <= _value(other)

    def __gt__(self, other: Any) -> np.ndarray:
        return self.data > _value(other)

    def __ge__(self, other: Any) -> np.ndarray:
        return self.data >= _value(other)


class Parameter(Carrot):
    """A Carrot that a model learns: requires grad unless told otherwise."""

    __slots__ = ()

    def __init__(self, data: Any, requires_grad: bool = True, name: str | None = None) -> None:
        super().__init__(data, requires_grad=requires_grad, name=name)
        if not self.data.flags.writeable:  # a read-only array: optimizers update parameters in place
            self.data = self.data.copy()

    def __repr__(self) -> str:
        return "Parameter" + super().__repr__()[len("Carrot") :]


def as_carrot(x: Any) -> Carrot:
    """``x`` if it is a Carrot already, else a constant Carrot of it."""
    return x if isinstance(x, Carrot) else Carrot(x)


def __getattr__(name: str) -> Any:
    """The op functions (``add``, ``sin``, ...), ``RULES``, ``OPS`` and ``local_rule`` lived in this module
    before the op table; ``from pycarrot.carrot import sin`` keeps working (PEP 562, looked up on first use)."""
    from . import ops, walk

    try:
        return getattr(ops, name) if hasattr(ops, name) else getattr(walk, name)
    except AttributeError:
        raise AttributeError(f"module 'pycarrot.carrot' has no attribute {name!r}") from None


__all__ = [
    "Carrot",
    "Parameter",
    "no_grad",
    "is_grad_enabled",
    "paused_gc",
    "as_carrot",
    "make_node",
    "value_of",
    "unbroadcast",
]
