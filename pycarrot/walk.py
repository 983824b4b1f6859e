"""``backward()``: the graph sorted once, newest node first, and each ``grad_fn`` called once, in a loop.

Unlike the original's recursion (one visit per *path*, exponential on shared sub-graphs, kept for teaching in
:mod:`pycarrot.per_path`), this walk is linear and has no recursion limit. The sort is by creation number: a
node's inputs always exist before it does, so newest-first is a reverse topological order. With a
:class:`~pycarrot.trace.BackwardTrace` active it records every visit, edge call and accumulation.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import trace as _trace
from .carrot import Carrot, _seq_of, _value, paused_gc

__all__ = ["topological_order", "edge_positions"]


def backward(self: Carrot, grad: Any = None, *, gradient: Any = None) -> None:
    """Send gradients from this node to every node it depends on, accumulating into their ``.grad``.

    Walks the graph once in reverse topological order (each ``grad_fn`` called once, a node's gradient
    complete before it is passed on). ``grad`` (PyTorch's ``gradient=``) is the output's gradient, of its
    shape; None seeds ones, as the original did: for a non-scalar output the same as ``.sum().backward()``
    (PyTorch refuses; the original's notebooks rely on it).
    """
    if gradient is not None:
        if grad is not None:
            raise TypeError("backward(): give grad= or PyTorch's gradient=, not both")
        grad = gradient
    seed = _seed_gradient(self, grad)
    with paused_gc():  # the walk makes no reference cycles: nothing for the collector to find
        rec = _trace._recorder
        _walk(self, seed, rec)


def zero_grad(self: Carrot) -> None:
    """Clear ``.grad`` on every node of this node's graph."""
    for node in topological_order(self):
        node._grad = None


Carrot.backward = backward
Carrot.zero_grad = zero_grad


def edge_positions(node: Carrot) -> list[int]:
    """For each pair of ``node.child_nodes``, the position of its input among the op's operands.

    The inputs in child_nodes are the operands that required grad, in operand order, so they are matched in
    order; a node that stores no operands tuple has every operand in child_nodes.
    """
    children = node.child_nodes
    ops = node._operands
    known = getattr(node, "_positions", None)  # set by make_node only
    if known is not None and len(known) == len(children):
        return list(known)
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


def _walk(root: Carrot, seed: np.ndarray, rec: _trace.BackwardTrace | None = None) -> None:
    """backward()'s loop: reverse topological order, each grad_fn called once, ``.grad`` accumulated.

    Each node's ``_pending`` holds its gradient from this pass, summed over its consumers, until the node is
    reached; ``.grad`` gets every contribution as it arrives (it may hold earlier passes too). A contribution
    to an inner node that is the upstream array itself is stored without a copy and both nodes are marked
    ``_shares``: the copy is made only if someone reads ``.grad`` (most inner nodes' gradients never are; 1.3 MB
    of copies per step of a 784-128-10 MLP), so no two ``.grad`` a user sees share memory. Nothing writes into
    a stored gradient (accumulation makes a new array); leaves, whose gradients optimizers use, always own
    theirs. With a trace ``rec`` (one walk for both: measured within noise of a separate unrecorded loop) it
    visits leaves too and records every visit, grad_fn call and accumulation, each array its own copy.
    """
    _accumulate(root, seed, rec)
    order = _inner_nodes(root) if rec is None else sorted(topological_order(root), key=_seq_of, reverse=True)
    if order:
        root._pending = seed
    ndarray = np.ndarray
    try:
        for node in order:
            g = node._pending
            node._pending = None
            if rec is not None:
                rec.append(_trace.NodeVisit(node, g))
                positions = None if node._operands is None else edge_positions(node)
                k = 0
            for inp, grad_fn in node.child_nodes:
                c = grad_fn(g)
                data = inp.data
                # `is not` first: equal dtypes are nearly always the same object, and that test is cheaper
                if type(c) is not ndarray or (c.dtype is not data.dtype and c.dtype != data.dtype):
                    c = np.asarray(c, dtype=data.dtype)
                if c.shape != data.shape:
                    _bad_shape(node, c, data)
                inner = inp.child_nodes
                if rec is not None:  # every node is visited when recording, leaves included
                    rec.append(
                        _trace.EdgeCall(node, inp, grad_fn, g, c, k if positions is None else positions[k])
                    )
                    k += 1
                    _accumulate(inp, c, rec)
                    inner = True
                else:
                    before = inp._grad
                    if before is not None:
                        inp._grad = np.add(before, c, out=...)
                    elif inner and (c is g or c.base is g):  # the upstream array: shared until read
                        inp._grad = c
                        inp._shares = node._shares = True
                    elif c is g or c.base is not None:  # a leaf's gradient, or a view of another array
                        inp._grad = c.copy()
                    else:  # a fresh array from grad_fn: this node can own it
                        inp._grad = c
                if inner:
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
