"""The Carrot tensor (``data``, ``grad``, ``child_nodes``), the builders every op makes its result with, and the
backward walk. The ops themselves, each declared once with its forward, backward and rule text, are in
:mod:`pycarrot.ops`.

As in the original design, a result node keeps ``child_nodes``: a list of ``(input_node, grad_fn)`` pairs,
one per input that requires grad, where ``grad_fn(upstream) -> contribution for input_node``. A grad_fn
never changes its argument and returns a new array, a view, or the upstream array itself (the walk copies
the last two before storing them, so no two ``.grad`` arrays share memory). An edge is named by its op
(the node's ``name``) and the operand position it feeds (:func:`edge_positions`), never by the grad_fn.

Unlike the original, ``backward()`` sorts the graph once and calls each ``grad_fn`` once (linear, not
exponential, on shared sub-graphs) and walks it with a loop, not recursion. The sort is by creation number:
a node's inputs always exist before it does, so newest-first is a reverse topological order.

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

from . import trace as _trace

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
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x)
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
    return np.asarray(grad).reshape(shape)


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


def _binary(
    data: Any, op: str, a: Any, grad_a: GradFn, b: Any, grad_b: GradFn, exact: bool = False
) -> Carrot:
    """A binary op's result, with edges to the operands that require grad.

    ``grad_a``/``grad_b`` return gradients in the result's shape; for an operand broadcasting stretched, the
    edge sums them back to the operand's shape (:func:`_reduced`). ``exact``: the grad_fns already return
    each operand's own shape (matmul). Node building is inlined: this runs once per op.
    """
    out = Carrot.__new__(Carrot)
    out.data = data if type(data) is np.ndarray else np.asarray(data)
    out.name = op
    out._grad = None
    out._pending = None
    out._seq = _next_seq()
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
    """A unary op's result, with an edge to ``x`` if it requires grad (inlined: this runs once per op)."""
    out = Carrot.__new__(Carrot)
    out.data = data if type(data) is np.ndarray else np.asarray(data)
    out.name = op
    out._grad = None
    out._pending = None
    out._seq = _next_seq()
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
    edges = []
    if _grad_enabled:
        for x, fn in zip(operands, grad_fns):
            if fn is not None and isinstance(x, Carrot) and x.requires_grad:
                edges.append((x, fn))
    out = Carrot.__new__(Carrot)
    out.data = data if type(data) is np.ndarray else np.asarray(data)
    out.name = op
    out.child_nodes = edges
    out.requires_grad = bool(edges)
    out._grad = None
    out._pending = None
    out._seq = _next_seq()
    out._operands = operands
    return out


def edge_positions(node: Carrot) -> list[int]:
    """For each pair of ``node.child_nodes``, the position of its input among the op's operands.

    The inputs in child_nodes are the operands that required grad, in operand order, so they are matched in
    order; a node that stores no operands tuple has every operand in child_nodes.
    """
    children = node.child_nodes
    ops = node._operands
    if ops is None or len(ops) == len(children):
        return list(range(len(children)))
    positions: list[int] = []
    for pos, operand in enumerate(ops):
        if len(positions) < len(children) and operand is children[len(positions)][0]:
            positions.append(pos)
    if len(positions) < len(children):  # child_nodes edited by hand: fall back to the pair's index
        return list(range(len(children)))
    return positions


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
        return None if g is None else Carrot(g)

    @grad.setter
    def grad(self, value: Any) -> None:
        if value is None:
            self._grad = None
            return
        g = np.array(_value(value), dtype=self.data.dtype)
        if g.shape != self.data.shape:
            raise ValueError(f"grad of shape {g.shape} does not match {self._describe()}")
        self._grad = g

    @property
    def operands(self) -> tuple:
        """Every operand of the op that made this node, constants included (numbers, arrays or Carrots)."""
        ops = self._operands
        # None when every operand is an input in child_nodes: such ops store no tuple of their own, one object
        # less per op for the cycle collector to track (collections were ~12 % of a graph's build+backward)
        return tuple(inp for inp, _ in self.child_nodes) if ops is None else ops

    def backward(self, grad: Any = None) -> None:
        """Send gradients from this node to every node it depends on, accumulating into their ``.grad``.

        Walks the graph once in reverse topological order (each ``grad_fn`` called once, a node's gradient
        complete before it is passed on). ``grad=None`` means 1.0 and needs a one-element output.
        """
        seed = _seed_gradient(self, grad)
        with paused_gc():  # the walk makes no reference cycles: nothing for the collector to find
            rec = _trace._recorder
            if rec is None:
                _walk(self, seed)
            else:
                _walk_recorded(self, seed, rec)

    def zero_grad(self) -> None:
        """Clear ``.grad`` on every node of this node's graph."""
        for node in topological_order(self):
            node._grad = None

    def detach(self) -> Carrot:
        """The same data, cut from the graph."""
        return Carrot(self.data, name=self.name)

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

    def __repr__(self) -> str:
        return "Parameter" + super().__repr__()[len("Carrot") :]


def as_carrot(x: Any) -> Carrot:
    """``x`` if it is a Carrot already, else a constant Carrot of it."""
    return x if isinstance(x, Carrot) else Carrot(x)


# ---------------------------------------------------------------------------------------------------------
# The backward walk's pieces
# ---------------------------------------------------------------------------------------------------------


def _seed_gradient(root: Carrot, grad: Any) -> np.ndarray:
    """The gradient backward() starts from, checked against the root."""
    if not root.requires_grad:
        raise RuntimeError(
            f"backward() on {root._describe()}, which does not require grad: no input of it requires grad "
            "(create leaves with requires_grad=True, and do not call backward inside no_grad())"
        )
    if grad is None:
        if root.data.size != 1:
            raise ValueError(
                f"backward() without grad needs a one-element output, but {root._describe()} has "
                f"{root.data.size} elements: pass grad= an array of shape {root.data.shape}"
            )
        return np.ones(root.data.shape, dtype=root.data.dtype)
    seed = np.array(_value(grad), dtype=root.data.dtype)
    if seed.shape != root.data.shape:
        raise ValueError(f"backward(grad=...) got shape {seed.shape}, but the output is {root._describe()}")
    return seed


def _accumulate(node: Carrot, contribution: np.ndarray, rec: Any) -> None:
    """``node.grad += contribution`` without ever sharing or mutating an array another node holds."""
    before = node._grad
    after = contribution.copy() if before is None else np.add(before, contribution, out=...)
    node._grad = after
    if rec is not None:
        rec.append(_trace.GradAccumulate(node, before, contribution, after))


def _walk(root: Carrot, seed: np.ndarray) -> None:
    """backward()'s loop: reverse topological order, each grad_fn called once, ``.grad`` accumulated.

    Each inner node's ``_pending`` holds its gradient from this pass, summed over its consumers, until the
    node is reached; ``.grad`` gets every contribution as it arrives (it may hold earlier passes too).
    """
    _accumulate(root, seed, None)
    order = _inner_nodes(root)
    if order:
        root._pending = seed
    ndarray = np.ndarray
    try:
        for node in order:
            g = node._pending
            node._pending = None
            for inp, grad_fn in node.child_nodes:
                c = grad_fn(g)
                data = inp.data
                # `is not` first: equal dtypes are nearly always the same object, and that test is cheaper
                if type(c) is not ndarray or (c.dtype is not data.dtype and c.dtype != data.dtype):
                    c = np.asarray(c, dtype=data.dtype)
                if c.shape != data.shape:
                    _bad_shape(node, c, data)
                before = inp._grad
                if before is not None:
                    inp._grad = np.add(before, c, out=...)
                elif c is g or c.base is not None:
                    inp._grad = c.copy()  # the upstream array or a view: another node's, never to be shared
                else:
                    inp._grad = c  # a fresh array from grad_fn: this node can own it
                if inp.child_nodes:
                    p = inp._pending
                    inp._pending = c if p is None else np.add(p, c, out=...)
    except BaseException:
        for node in order:  # a failed walk leaves no half-summed gradient behind for the next one
            node._pending = None
        raise


def _inner_nodes(root: Carrot) -> list[Carrot]:
    """The nodes with inputs that ``root`` depends on (``root`` included), newest first: consumers before
    their inputs. Cheaper than :func:`topological_order` (no leaves, no per-node iterators), same guarantee."""
    if not root.child_nodes:
        return []
    order = [root]
    seen = {root}
    stack = [root]
    while stack:
        for inp, _ in stack.pop().child_nodes:
            if inp.child_nodes and inp not in seen:
                seen.add(inp)
                stack.append(inp)
                order.append(inp)
    order.sort(key=_seq_of, reverse=True)
    return order


def _walk_recorded(root: Carrot, seed: np.ndarray, rec: _trace.BackwardTrace) -> None:
    """The same walk as :func:`_walk` (inner nodes in the same order, each leaf visited once its gradient is
    complete), emitting every visit, grad_fn call and accumulation to ``rec``."""
    pending = {root: seed}
    _accumulate(root, seed, rec)
    for node in sorted(topological_order(root), key=_seq_of, reverse=True):
        g = pending.pop(node)
        rec.append(_trace.NodeVisit(node, g))
        children = node.child_nodes
        positions = range(len(children)) if node._operands is None else edge_positions(node)
        for (inp, grad_fn), position in zip(children, positions):
            data = inp.data
            c = np.asarray(grad_fn(g), dtype=data.dtype)
            if c.shape != data.shape:
                _bad_shape(node, c, data)
            rec.append(_trace.EdgeCall(node, inp, grad_fn, g, c, position))
            p = pending.get(inp)
            pending[inp] = c if p is None else np.add(p, c, out=...)
            _accumulate(inp, c, rec)


def _bad_shape(node: Carrot, c: np.ndarray, data: np.ndarray) -> None:
    raise RuntimeError(
        f"grad_fn of {node._describe()} returned shape {c.shape} for an input of shape {data.shape}"
    )


def topological_order(root: Carrot) -> list[Carrot]:
    """Every node ``root`` depends on through ``child_nodes``, inputs first, ``root`` last (iterative DFS)."""
    order: list[Carrot] = []
    seen = {root}
    stack = [(root, iter(root.child_nodes))]
    while stack:
        node, edges = stack[-1]
        for inp, _ in edges:
            if inp not in seen:
                seen.add(inp)
                if inp.child_nodes:
                    stack.append((inp, iter(inp.child_nodes)))
                    break
                order.append(inp)
        else:
            stack.pop()
            order.append(node)
    return order


def __getattr__(name: str) -> Any:
    """The op functions (``add``, ``sin``, ...), ``RULES``, ``OPS`` and ``local_rule`` lived in this module
    before the op table; ``from pycarrot.carrot import sin`` keeps working (PEP 562, looked up on first use)."""
    from . import ops

    try:
        return getattr(ops, name)
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
    "edge_positions",
    "value_of",
    "topological_order",
    "unbroadcast",
]
