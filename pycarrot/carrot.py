"""The Carrot tensor: ``data``, ``grad`` and ``child_nodes``, with each op's forward beside its backward.

As in the original design, a result node keeps ``child_nodes``: a list of ``(input_node, grad_fn)`` pairs,
one per input that requires grad, where ``grad_fn(upstream) -> contribution for input_node``. A grad_fn
never changes its argument and returns a new array, a view, or the upstream array itself (the walk copies
the last two before storing them, so no two ``.grad`` arrays share memory).

Unlike the original, ``backward()`` sorts the graph once and calls each ``grad_fn`` once (linear, not
exponential, on shared sub-graphs) and walks it with a loop, not recursion. The sort is by creation number:
a node's inputs always exist before it does, so newest-first is a reverse topological order.

Every ``grad_fn`` is named ``grad_a``/``grad_b`` (binary ops) or ``grad_x`` (unary ops); :data:`RULES`
holds, per op and operand, the one-line local derivative the app shows beside the numbers.
No closure holds its own output node, so a graph is freed by reference counting alone.
Hot-path ufuncs are called with ``out=...``: a 0-d result then stays an ndarray instead of becoming a NumPy
scalar that would need a second conversion (scalar graphs are where per-op overhead matters).
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import attrgetter
from typing import Any

import numpy as np

from . import trace as _trace

GradFn = Callable[[np.ndarray], np.ndarray]

# op -> operand ("a", "b" or "x") -> the local rule, with {out}, {a}, {b}, {x} standing for the nodes' labels.
RULES: dict[str, dict[str, str]] = {}

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


# ---------------------------------------------------------------------------------------------------------
# Construction helpers
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


def _result(data: Any, op: str, operands: tuple, child_nodes: list) -> Carrot:
    """A new result node (internal fast path: no validation)."""
    out = Carrot.__new__(Carrot)
    out.data = data if type(data) is np.ndarray else np.asarray(data)
    out.name = op
    out.child_nodes = child_nodes
    out.requires_grad = bool(child_nodes)
    out._grad = None
    out._pending = None
    out._seq = _next_seq()
    out._operands = operands
    return out


def _binary(data: Any, op: str, a: Any, grad_a: GradFn, b: Any, grad_b: GradFn) -> Carrot:
    """A binary op's result, with edges to the operands that require grad: ``_result`` and ``_edges`` fused
    into one call, as this runs once per op."""
    out = Carrot.__new__(Carrot)
    out.data = data if type(data) is np.ndarray else np.asarray(data)
    out.name = op
    out._grad = None
    out._pending = None
    out._seq = _next_seq()
    need_a = _grad_enabled and isinstance(a, Carrot) and a.requires_grad
    if _grad_enabled and isinstance(b, Carrot) and b.requires_grad:
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


def _value(x: Any) -> Any:
    """The raw value used in arithmetic: a Carrot's array, a Python number as is (so it never changes a
    float32 result's dtype), anything else as an array."""
    if type(x) is Carrot or isinstance(x, Carrot):
        return x.data
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x)
    return _as_array(x, False)


def _shape(v: Any) -> tuple:
    """The shape of a value from _value(): an array's shape, or () for a Python number."""
    return v.shape if type(v) is np.ndarray else ()


def _edges(a: Any, grad_a: GradFn, b: Any = None, grad_b: GradFn | None = None) -> list:
    """child_nodes for the operands that require grad (none inside no_grad)."""
    if not _grad_enabled:
        return []
    need_a = isinstance(a, Carrot) and a.requires_grad
    if grad_b is not None and isinstance(b, Carrot) and b.requires_grad:
        return [(a, grad_a), (b, grad_b)] if need_a else [(b, grad_b)]
    return [(a, grad_a)] if need_a else []


def _shape_of(x: Any) -> tuple:
    return x.data.shape if isinstance(x, Carrot) else np.shape(x)


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


def _grad_for(grad: np.ndarray, value: Any) -> np.ndarray:
    """``grad`` reduced to the shape of the operand ``value`` (an array, or a Python number of shape ())."""
    shape = value.shape if type(value) is np.ndarray else ()  # _shape(), inlined: this runs once per edge
    return grad if grad.shape == shape else unbroadcast(grad, shape)


def _broadcast_check(op: str, a: Any, b: Any) -> None:
    sa, sb = _shape_of(a), _shape_of(b)
    try:
        np.broadcast_shapes(sa, sb)
    except ValueError:
        raise ValueError(f"{op}: shapes {sa} and {sb} cannot be broadcast together") from None


def _label(node: Any) -> str:
    if isinstance(node, Carrot):
        return node.name or "carrot"
    return np.array2string(np.asarray(node), precision=4) if np.ndim(node) else f"{float(node):g}"


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
        # The walk makes no reference cycles, so the cycle collector has nothing to find in it; left on, it
        # would re-traverse the whole graph many times on a large one (measured: half the backward time).
        collecting = gc.isenabled()
        if collecting:
            gc.disable()
        try:
            rec = _trace._recorder
            if rec is None:
                _walk(self, seed)
            else:
                _walk_recorded(self, seed, rec)
        finally:
            if collecting:
                gc.enable()

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

    # ======================================================================================================
    # Reflected operators (a number or an array on the left)
    # ======================================================================================================

    def __radd__(self, other: Any) -> Carrot:
        return add(other, self)

    def __rsub__(self, other: Any) -> Carrot:
        return sub(other, self)

    def __rmul__(self, other: Any) -> Carrot:
        return mul(other, self)

    def __rtruediv__(self, other: Any) -> Carrot:
        return div(other, self)

    def __rpow__(self, other: Any) -> Carrot:
        return power(other, self)

    def __rmatmul__(self, other: Any) -> Carrot:
        return matmul(other, self)

    # ======================================================================================================
    # Reductions and movement (methods; the functions below do the work). The plain operators and
    # elementwise methods are the op functions themselves, attached at the end of this module.
    # ======================================================================================================

    def sum(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Carrot:
        return sum(self, axis=axis, keepdims=keepdims)

    def mean(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Carrot:
        return mean(self, axis=axis, keepdims=keepdims)

    def reshape(self, *shape: Any) -> Carrot:
        return reshape(self, shape[0] if len(shape) == 1 and not isinstance(shape[0], int) else shape)

    def transpose(self, *axes: Any) -> Carrot:
        if len(axes) == 1 and not isinstance(axes[0], int):
            axes = axes[0]
        return transpose(self, axes or None)

    @property
    def T(self) -> Carrot:
        return transpose(self, None)

    def __getitem__(self, index: Any) -> Carrot:
        return getitem(self, index)

    def softmax(self, axis: int = -1) -> Carrot:
        return softmax(self, axis)

    def log_softmax(self, axis: int = -1) -> Carrot:
        return log_softmax(self, axis)


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
        for inp, grad_fn in node.child_nodes:
            data = inp.data
            c = np.asarray(grad_fn(g), dtype=data.dtype)
            if c.shape != data.shape:
                _bad_shape(node, c, data)
            rec.append(_trace.EdgeCall(node, inp, grad_fn, g, c))
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


def local_rule(node: Carrot, grad_fn: GradFn, labels: dict[int, str] | None = None) -> str:
    """The local derivative rule of one edge, e.g. ``∂z/∂x = y``, with operands named by ``labels``
    (``id(node) -> label``; default: each node's ``name``, constants by value)."""
    rules = RULES.get(node.name or "", {})
    slot = grad_fn.__name__.removeprefix("grad_")
    template = rules.get(slot)
    if template is None:
        return f"∂{_lab(node, labels)}/∂{slot}"
    names = {"out": _lab(node, labels)}
    operands = node.operands
    for key, operand in zip("ab" if len(operands) > 1 else "x", operands):
        names[key] = _lab(operand, labels)
    return template.format_map(_Missing(names))


def _lab(node: Any, labels: dict[int, str] | None) -> str:
    if labels is not None and id(node) in labels:
        return labels[id(node)]
    return _label(node)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return key


# ---------------------------------------------------------------------------------------------------------
# Binary ops: forward, grad_fns and rule side by side. Broadcasting is undone by unbroadcast().
# ---------------------------------------------------------------------------------------------------------


def add(a: Any, b: Any) -> Carrot:
    # A Carrot's array is read inline (the common case); _value() converts numbers and arrays.
    ad = a.data if type(a) is Carrot else _value(a)
    bd = b.data if type(b) is Carrot else _value(b)
    try:
        data = np.add(ad, bd, out=...)
    except ValueError:
        _broadcast_check("add", a, b)
        raise

    if type(ad) is type(bd) is np.ndarray and ad.shape == bd.shape:  # one shape: nothing was broadcast
        return _binary(data, "add", a, _keep_a, b, _keep_b)
    return _binary(data, "add", a, _sum_back(ad, data, _keep_a), b, _sum_back(bd, data, _keep_b))


# add's grad_fns for an operand of the result's shape pass the gradient on unchanged. They are shared by every
# add node: no closure or cell to make per op (and fewer objects for the cycle collector to track).
def _keep_a(g):
    return g


def _keep_b(g):
    return g


_keep_a.__name__, _keep_b.__name__ = "grad_a", "grad_b"


def _sum_back(value: Any, data: np.ndarray, keep: GradFn) -> GradFn:
    """``keep`` if the operand ``value`` has the result's shape; else a grad_fn of the same name that sums the
    gradient over the axes broadcasting added or stretched, back to ``value``'s shape."""
    shape = value.shape if type(value) is np.ndarray else ()
    if shape == data.shape:
        return keep

    def grad_fn(g):
        return unbroadcast(g, shape)

    grad_fn.__name__ = keep.__name__
    return grad_fn


RULES["add"] = {"a": "∂{out}/∂{a} = 1", "b": "∂{out}/∂{b} = 1"}


def sub(a: Any, b: Any) -> Carrot:
    ad = a.data if type(a) is Carrot else _value(a)
    bd = b.data if type(b) is Carrot else _value(b)
    try:
        data = np.subtract(ad, bd, out=...)
    except ValueError:
        _broadcast_check("sub", a, b)
        raise

    def grad_a(g):
        return _grad_for(g, ad)

    def grad_b(g):
        return _grad_for(np.negative(g, out=...), bd)

    return _binary(data, "sub", a, grad_a, b, grad_b)


RULES["sub"] = {"a": "∂{out}/∂{a} = 1", "b": "∂{out}/∂{b} = −1"}


def mul(a: Any, b: Any) -> Carrot:
    ad = a.data if type(a) is Carrot else _value(a)
    bd = b.data if type(b) is Carrot else _value(b)
    try:
        data = np.multiply(ad, bd, out=...)
    except ValueError:
        _broadcast_check("mul", a, b)
        raise

    if type(ad) is type(bd) is np.ndarray and ad.shape == bd.shape:  # one shape: no _grad_for call per edge

        def grad_a(g):
            return np.multiply(g, bd, out=...)

        def grad_b(g):
            return np.multiply(g, ad, out=...)

    else:

        def grad_a(g):
            return _grad_for(np.multiply(g, bd, out=...), ad)

        def grad_b(g):
            return _grad_for(np.multiply(g, ad, out=...), bd)

    return _binary(data, "mul", a, grad_a, b, grad_b)


RULES["mul"] = {"a": "∂{out}/∂{a} = {b}", "b": "∂{out}/∂{b} = {a}"}


def div(a: Any, b: Any) -> Carrot:
    ad = a.data if type(a) is Carrot else _value(a)
    bd = b.data if type(b) is Carrot else _value(b)
    try:
        data = np.divide(ad, bd, out=...)
    except ValueError:
        _broadcast_check("div", a, b)
        raise
    sa, sb = _shape(ad), _shape(bd)

    def grad_a(g):
        return unbroadcast(np.divide(g, bd, out=...), sa)

    def grad_b(g):
        return unbroadcast(-g * data / bd, sb)

    return _binary(data, "div", a, grad_a, b, grad_b)


RULES["div"] = {"a": "∂{out}/∂{a} = 1/{b}", "b": "∂{out}/∂{b} = −{a}/{b}²"}


def power(a: Any, b: Any) -> Carrot:
    ad, bd = _value(a), _value(b)
    try:
        data = ad**bd
    except ValueError:
        _broadcast_check("pow", a, b)
        raise
    sa, sb = _shape(ad), _shape(bd)

    def grad_a(g):
        return unbroadcast(g * bd * ad ** (bd - 1), sa)

    def grad_b(g):
        positive = np.asarray(ad) > 0
        return unbroadcast(g * data * np.log(np.where(positive, ad, 1.0)), sb)

    return _binary(data, "pow", a, grad_a, b, grad_b)


RULES["pow"] = {"a": "∂{out}/∂{a} = {b}·{a}^({b}−1)", "b": "∂{out}/∂{b} = {a}^{b}·ln {a}"}


def matmul(a: Any, b: Any) -> Carrot:
    ad, bd = _value(a), _value(b)
    ad, bd = np.asarray(ad), np.asarray(bd)
    if ad.ndim == 0 or bd.ndim == 0:
        raise ValueError(
            f"matmul: operands must have at least one dimension, got shapes {ad.shape} and {bd.shape}"
        )
    try:
        data = ad @ bd
    except ValueError:
        raise ValueError(
            f"matmul: shapes {ad.shape} and {bd.shape} do not fit: the last axis of the first "
            f"({ad.shape[-1]}) must equal the {'only' if bd.ndim == 1 else 'second-to-last'} axis of the second "
            f"({bd.shape[0] if bd.ndim == 1 else bd.shape[-2]})"
        ) from None
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

    def grad_a(g):
        return unbroadcast(as_matrix(g) @ np.swapaxes(b2, -1, -2), a2.shape).reshape(ad.shape)

    def grad_b(g):
        return unbroadcast(np.swapaxes(a2, -1, -2) @ as_matrix(g), b2.shape).reshape(bd.shape)

    return _binary(data, "matmul", a, grad_a, b, grad_b)


RULES["matmul"] = {"a": "∂L/∂{a} = ∂L/∂{out} · {b}ᵀ", "b": "∂L/∂{b} = {a}ᵀ · ∂L/∂{out}"}


# ---------------------------------------------------------------------------------------------------------
# Unary elementwise ops
# ---------------------------------------------------------------------------------------------------------


def _unary(x: Any, data: Any, op: str, grad_x: GradFn) -> Carrot:
    """A unary op's result, with an edge to ``x`` if it requires grad (``_result`` and ``_edges`` fused)."""
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


def neg(x: Any) -> Carrot:
    def grad_x(g):
        return -g

    return _unary(x, -_value(x), "neg", grad_x)


RULES["neg"] = {"x": "∂{out}/∂{x} = −1"}


def absolute(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return g * np.sign(xd)

    return _unary(x, np.abs(xd), "abs", grad_x)


RULES["abs"] = {"x": "∂{out}/∂{x} = sign({x})"}


def exp(x: Any) -> Carrot:
    data = np.exp(x.data if type(x) is Carrot else _value(x), out=...)

    def grad_x(g):
        return np.multiply(g, data, out=...)

    return _unary(x, data, "exp", grad_x)


RULES["exp"] = {"x": "∂{out}/∂{x} = exp({x})"}


def log(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return g / xd

    return _unary(x, np.log(xd), "log", grad_x)


RULES["log"] = {"x": "∂{out}/∂{x} = 1/{x}"}


def sqrt(x: Any) -> Carrot:
    data = np.sqrt(x.data if type(x) is Carrot else _value(x), out=...)

    def grad_x(g):
        return g / (2.0 * data)

    return _unary(x, data, "sqrt", grad_x)


RULES["sqrt"] = {"x": "∂{out}/∂{x} = 1/(2·√{x})"}


def sin(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return g * np.cos(xd)

    return _unary(x, np.sin(xd), "sin", grad_x)


RULES["sin"] = {"x": "∂{out}/∂{x} = cos({x})"}


def cos(x: Any) -> Carrot:
    xd = _value(x)

    def grad_x(g):
        return -g * np.sin(xd)

    return _unary(x, np.cos(xd), "cos", grad_x)


RULES["cos"] = {"x": "∂{out}/∂{x} = −sin({x})"}


def tanh(x: Any) -> Carrot:
    data = np.tanh(x.data if type(x) is Carrot else _value(x), out=...)

    if data.ndim:

        def grad_x(g):
            return g - g * data * data  # g·(1 − tanh²), without a Python float meeting an array (slow)

    else:

        def grad_x(g):
            return np.multiply(g, 1.0 - data * data, out=...)  # 0-d: NumPy scalar arithmetic is fastest

    return _unary(x, data, "tanh", grad_x)


RULES["tanh"] = {"x": "∂{out}/∂{x} = 1 − tanh²({x})"}


def sigmoid(x: Any) -> Carrot:
    # exp(-log(1 + exp(-x))) through logaddexp: no overflow at ±1000, exact in both tails.
    data = np.exp(-np.logaddexp(0.0, -_value(x)))

    def grad_x(g):
        return g * data * (1.0 - data)

    return _unary(x, data, "sigmoid", grad_x)


RULES["sigmoid"] = {"x": "∂{out}/∂{x} = σ({x})·(1 − σ({x}))"}


def relu(x: Any) -> Carrot:
    xd = _value(x)
    positive = xd > 0

    def grad_x(g):
        return g * positive

    return _unary(x, xd * positive, "relu", grad_x)


RULES["relu"] = {"x": "∂{out}/∂{x} = 1 if {x} > 0 else 0"}


# ---------------------------------------------------------------------------------------------------------
# Reductions
# ---------------------------------------------------------------------------------------------------------


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


RULES["sum"] = {"x": "∂{out}/∂{x} = 1 (for every element)"}


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


RULES["mean"] = {"x": "∂{out}/∂{x} = 1/n (for every element)"}


def softmax(x: Any, axis: int = -1) -> Carrot:
    xd = np.asarray(_value(x))
    shifted = np.exp(xd - xd.max(axis=axis, keepdims=True))
    data = shifted / shifted.sum(axis=axis, keepdims=True)

    def grad_x(g):
        return data * (g - (g * data).sum(axis=axis, keepdims=True))

    return _unary(x, data, "softmax", grad_x)


RULES["softmax"] = {"x": "∂L/∂{x} = s·(g − Σ g·s),  s = softmax({x})"}


def log_softmax(x: Any, axis: int = -1) -> Carrot:
    xd = np.asarray(_value(x))
    shifted = xd - xd.max(axis=axis, keepdims=True)
    data = shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))

    def grad_x(g):
        return g - np.exp(data) * g.sum(axis=axis, keepdims=True)

    return _unary(x, data, "log_softmax", grad_x)


RULES["log_softmax"] = {"x": "∂L/∂{x} = g − softmax({x})·Σ g"}


# ---------------------------------------------------------------------------------------------------------
# Movement: the gradient goes back to where each element came from
# ---------------------------------------------------------------------------------------------------------


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


RULES["reshape"] = {"x": "∂L/∂{x} = ∂L/∂{out} reshaped back to {x}'s shape"}


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


RULES["transpose"] = {"x": "∂L/∂{x} = (∂L/∂{out})ᵀ"}


def _is_basic_index(index: Any) -> bool:
    """Slices, integers, None and Ellipsis only: each element is picked at most once."""
    parts = index if isinstance(index, tuple) else (index,)
    return all(p is None or p is Ellipsis or isinstance(p, (slice, int, np.integer)) for p in parts)


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


RULES["getitem"] = {"x": "∂L/∂{x} = ∂L/∂{out} put back at the picked positions (zeros elsewhere)"}


# The operators and elementwise methods *are* the op functions: one Python call less per op.
Carrot.__add__ = add
Carrot.__sub__ = sub
Carrot.__mul__ = mul
Carrot.__truediv__ = div
Carrot.__pow__ = power
Carrot.__matmul__ = matmul
Carrot.__neg__ = neg
Carrot.__abs__ = Carrot.abs = absolute
Carrot.exp = exp
Carrot.log = log
Carrot.sqrt = sqrt
Carrot.sin = sin
Carrot.cos = cos
Carrot.tanh = tanh
Carrot.sigmoid = sigmoid
Carrot.relu = relu

# Names the app and users refer to ops by.
OPS: dict[str, Callable[..., Carrot]] = {
    "exp": exp,
    "log": log,
    "sqrt": sqrt,
    "sin": sin,
    "cos": cos,
    "tanh": tanh,
    "sigmoid": sigmoid,
    "relu": relu,
    "abs": absolute,
    "sum": sum,
    "mean": mean,
    "softmax": softmax,
    "log_softmax": log_softmax,
}

__all__ = [
    "Carrot",
    "Parameter",
    "RULES",
    "OPS",
    "no_grad",
    "is_grad_enabled",
    "as_carrot",
    "topological_order",
    "local_rule",
    "unbroadcast",
]
