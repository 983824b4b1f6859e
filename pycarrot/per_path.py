"""The original design's backward walk, kept for teaching: depth-first, once per *path* — correct, but
exponential on shared sub-graphs. It records the same events as the engine's walk (:mod:`pycarrot.trace`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .carrot import Carrot
from .trace import BackwardTrace, EdgeCall, GradAccumulate, NodeVisit
from .walk import _seed_gradient, edge_positions, topological_order

# ---------------------------------------------------------------------------------------------------------
# The original design's walk: depth-first, once per *path*. Correct, but exponential on shared sub-graphs.
# ---------------------------------------------------------------------------------------------------------


def per_path_call_count(root: Carrot) -> int:
    """How many grad_fn calls the original per-path walk makes from ``root`` (exact, computed in linear time)."""
    calls: dict[int, int] = {}
    for node in topological_order(root):  # inputs first
        calls[id(node)] = sum(1 + calls[id(inp)] for inp, _ in node.child_nodes)
    return calls[id(root)]


def per_path_backward(
    root: Carrot, grad: Any = None, *, max_calls: int = 10_000, accumulate: bool = True
) -> BackwardTrace:
    """Replay the original recursive backward (one visit per path) iteratively, recording its events.

    Each edge's grad_fn is called once for every path through it, as in the original design. With
    ``accumulate`` the gradients go into ``.grad`` like the original; the walk stops after ``max_calls``
    grad_fn calls and marks the trace ``truncated`` (the full count is :func:`per_path_call_count`).
    """
    trace = BackwardTrace()
    pending: dict[int, np.ndarray] = {}  # what this walk alone put into each node (when not accumulating)
    calls = 0

    def arrive(node: Carrot, g: np.ndarray) -> None:
        before = node._grad if accumulate else pending.get(id(node))
        after = g.copy() if before is None else before + g
        if accumulate:
            node._grad = after
        else:
            pending[id(node)] = after
        trace.append(GradAccumulate(node, before, g, after))
        trace.append(NodeVisit(node, g))

    seed = _seed_gradient(root, grad)
    arrive(root, seed)
    stack: list[list[Any]] = [[root, seed, 0]]  # node, the gradient this path brought, next edge to follow
    while stack:
        frame = stack[-1]
        node, g, k = frame
        if k == len(node.child_nodes):
            stack.pop()
            continue
        if calls >= max_calls:
            trace.truncated = True
            break
        frame[2] = k + 1
        inp, grad_fn = node.child_nodes[k]
        out = np.asarray(grad_fn(g), dtype=inp.data.dtype)
        calls += 1
        trace.append(EdgeCall(node, inp, grad_fn, g, out, edge_positions(node)[k]))
        arrive(inp, out)
        stack.append([inp, out, 0])
    return trace
