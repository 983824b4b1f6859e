"""The graph the Expression lab draws, built from named Carrot nodes (Qt-free).

Every Carrot the output depends on becomes one node (shared sub-expressions stay shared); every raw
number or array operand becomes a small constant node of its own. Labels come from the names the user
gave (the dict keys); unnamed results are labelled by their short formula (``x·y``, ``sin(x)``) or, when
that gets long, by op name and a counter (``mul₃``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np

from pycarrot import TABLE, Carrot


class NodeKind(StrEnum):
    """What a box stands for (a ``str`` too: ``NodeKind.OP == "op"``)."""

    VARIABLE = "variable"  # a leaf that requires grad
    CONSTANT = "constant"  # a number or array inside the expression, or a leaf without grad
    OP = "op"  # an op's result


VARIABLE, CONSTANT, OP = NodeKind  # plain module names: NodeKind.X costs ~0.3 µs a lookup in hot loops

# op -> how the graph writes it between its operands, and how tightly it binds (from the engine's op table)
_INFIX = {op.name: op.label for op in TABLE.values() if op.label and op.arity == 2}
_PRECEDENCE = {op.name: op.precedence for op in TABLE.values() if op.label and op.arity == 2}
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
MAX_FORMULA_LABEL = 14


@dataclass
class GraphNode:
    """One box in the picture: a variable, a constant or an op's result."""

    index: int
    label: str  # what the box and the rules call it
    kind: NodeKind
    op: str | None  # the op's name for results ("mul", "tanh", ...), else None
    value: np.ndarray
    carrot: Carrot | None  # None for a raw number/array operand
    named: bool = False  # the user gave this node its label
    is_output: bool = False
    operands: list[int] = field(default_factory=list)  # node indices, in the op's argument order
    consumers: list[int] = field(default_factory=list)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.value.shape)

    @property
    def is_scalar(self) -> bool:
        return self.value.size == 1

    @property
    def requires_grad(self) -> bool:
        return self.carrot is not None and self.carrot.requires_grad

    @property
    def rule_label(self) -> str:
        """The label as it appears inside a rule: bracketed when it is an unnamed formula like ``x·y``."""
        if _is_formula(self):
            return f"({self.label})"
        return self.label


@dataclass(frozen=True)
class GraphEdge:
    """Forward direction: ``src`` (an operand) feeds ``dst`` (a result) as its argument number ``slot``."""

    index: int
    src: int
    dst: int
    slot: int


@dataclass
class ExpressionGraph:
    """Nodes in forward order (inputs first), edges operand → result, and the output's index."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    output: int
    title: str = ""
    _by_id: dict[int, int] = field(default_factory=dict, repr=False)
    _edge_at: dict[tuple[int, int, int], int] = field(default_factory=dict, repr=False)
    _rule_labels: dict[int, str] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.nodes)

    def index_of(self, carrot: Carrot) -> int:
        """The node index of a Carrot in this graph (KeyError if it is not drawn)."""
        return self._by_id[id(carrot)]

    def edge_between(self, src: int, dst: int, slot: int) -> int:
        """The index of the edge feeding ``src`` into ``dst`` as argument ``slot``."""
        return self._edge_at[(src, dst, slot)]

    def rule_labels(self) -> dict[int, str]:
        """:meth:`labels`, computed once and kept (the graph does not change once built)."""
        if self._rule_labels is None:
            self._rule_labels = self.labels()
        return self._rule_labels

    def labels(self) -> dict[int, str]:
        """``id(carrot) -> label`` for :func:`pycarrot.local_rule`; a formula label is bracketed, so the
        rule reads ``∂z/∂(x·y) = 1``."""
        return {id(n.carrot): n.rule_label for n in self.nodes if n.carrot is not None}

    def find(self, label: str) -> GraphNode:
        """The node with this label (KeyError naming the labels there are)."""
        for n in self.nodes:
            if n.label == label:
                return n
        raise KeyError(f"no node labelled {label!r}; labels: {', '.join(n.label for n in self.nodes)}")

    @property
    def output_node(self) -> GraphNode:
        return self.nodes[self.output]


def _constant_label(value: np.ndarray) -> str:
    """A constant is named by what it holds: ``2``, ``[0, 1, 0]``; a bigger one by its shape."""
    if value.size == 1:
        return f"{float(value.reshape(-1)[0]):.6g}"
    if value.ndim == 1 and value.size <= 4:
        return "[" + ", ".join(f"{float(v):.4g}" for v in value) + "]"
    return "const " + "×".join(map(str, value.shape))


def build_graph(named: dict[str, Any], title: str = "") -> ExpressionGraph:
    """The drawable graph of ``named`` (``{label: Carrot}``, the last one being the output).

    Raises ``ValueError`` with a clear message for an empty dict or values that are not Carrots.
    """
    if not named:
        raise ValueError("nothing to draw: the expression defines no names")
    for key, value in named.items():
        if not isinstance(value, Carrot):
            raise ValueError(f"{key!r} is a {type(value).__name__}, not a Carrot: cannot draw it")
    label_of: dict[int, str] = {}
    for key, value in named.items():
        label_of.setdefault(id(value), key)
    root = list(named.values())[-1]

    nodes: list[GraphNode] = []
    by_id: dict[int, int] = {}
    used_labels: set[str] = set(label_of.values())
    counters: dict[str, int] = {}

    def add_node(
        carrot: Carrot | None, value: np.ndarray, op: str | None, kind: NodeKind, operands: list[int]
    ) -> int:
        i = len(nodes)
        if carrot is not None and id(carrot) in label_of:
            label, is_named = label_of[id(carrot)], True
        elif kind == CONSTANT and (carrot is None or not carrot.name):
            label, is_named = _constant_label(value), False
        elif op is None:
            label, is_named = (carrot.name if carrot is not None and carrot.name else f"leaf{i}"), False
        else:
            label, is_named = _result_label(op, [nodes[j] for j in operands], counters, used_labels), False
        nodes.append(GraphNode(i, label, kind, op, value, carrot, named=is_named, operands=operands))
        if carrot is not None:
            by_id[id(carrot)] = i
        return i

    starts = [v for v in named.values() if v is not root] + [root]
    for node in _post_order(starts, by_id):
        operand_idx = []
        for operand in node.operands:
            if isinstance(operand, Carrot):
                operand_idx.append(by_id[id(operand)])
            else:
                operand_idx.append(add_node(None, np.asarray(operand), None, CONSTANT, []))
        if node.operands:
            kind, op = OP, node.name or "op"
        else:
            kind, op = (VARIABLE if node.requires_grad else CONSTANT), None
        add_node(node, node.data, op, kind, operand_idx)
    edges, edge_at = _connect(nodes)
    out = by_id[id(root)]
    nodes[out].is_output = True
    return ExpressionGraph(nodes, edges, out, title, by_id, edge_at)


def _post_order(starts: list[Carrot], done: dict[int, int]) -> Iterator[Carrot]:
    """Every Carrot reachable from ``starts`` through its operands, each after its inputs (iterative: no
    recursion limit). ``done`` holds the ids already placed; the caller adds each node it is given."""
    for start in starts:
        if id(start) in done:
            continue
        stack: list[tuple[Carrot, int]] = [(start, 0)]
        pending: set[int] = {id(start)}
        while stack:
            node, k = stack[-1]
            ops = node.operands
            while k < len(ops):
                operand = ops[k]
                if isinstance(operand, Carrot) and id(operand) not in done and id(operand) not in pending:
                    break
                k += 1
            if k < len(ops):
                stack[-1] = (node, k + 1)
                pending.add(id(ops[k]))
                stack.append((ops[k], 0))
                continue
            stack.pop()
            pending.discard(id(node))
            yield node


def _connect(nodes: list[GraphNode]) -> tuple[list[GraphEdge], dict[tuple[int, int, int], int]]:
    """Edges operand → result for every argument slot, and each node's consumers (once each)."""
    edges: list[GraphEdge] = []
    edge_at: dict[tuple[int, int, int], int] = {}
    for n in nodes:
        for slot, src in enumerate(n.operands):
            e = GraphEdge(len(edges), src, n.index, slot)
            edges.append(e)
            edge_at[(src, n.index, slot)] = e.index
            consumers = nodes[src].consumers
            if not consumers or consumers[-1] != n.index:  # x*x: one consumer, two edges
                consumers.append(n.index)
    return edges, edge_at


def _is_formula(node: GraphNode) -> bool:
    """An unnamed infix result whose label is its formula (``x·y``), not a name or a counter (``mul₂``)."""
    return not node.named and node.op in _INFIX and any(ch in node.label for ch in "+−·/^@")


def _result_label(op: str, operands: list[GraphNode], counters: dict[str, int], used: set[str]) -> str:
    """A short formula like ``x·y`` or ``sin(x)`` when it stays short, else ``mul₂``; always unique."""
    args = [o.label for o in operands]
    if op in _INFIX and len(args) == 2:
        mine = _PRECEDENCE[op]
        parts = []
        for side, (a, o) in enumerate(zip(args, operands)):
            theirs = _PRECEDENCE.get(o.op or "", 9) if _is_formula(o) else 9
            # brackets only where the formula needs them: x·y+z, (x+y)·z, x−(y+z)
            needs = theirs < mine or (theirs == mine and side == 1 and op in ("sub", "div", "pow"))
            parts.append(f"({a})" if needs else a)
        formula = f"{parts[0]}{_INFIX[op]}{parts[1]}"
    elif op == "neg" and len(args) == 1:
        formula = f"−{args[0]}"
    else:
        formula = f"{op}({', '.join(args)})"
    if len(formula) <= MAX_FORMULA_LABEL and formula not in used:
        used.add(formula)
        return formula
    while True:
        counters[op] = counters.get(op, 0) + 1
        label = f"{op}{str(counters[op]).translate(_SUBSCRIPT)}"
        if label not in used:
            used.add(label)
            return label
