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
        if rec is None:
            _walk(self, seed)
        else:
            _walk_recorded(self, seed, rec)


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
