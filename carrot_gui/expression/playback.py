"""The playback timeline: forward steps, then exactly the events backward() recorded (Qt-free).

A :class:`Timeline` owns "which step are we at" (``position`` = how many steps have happened, 0…len)
and answers the full state of every node at any position — value shown?, gradient so far, visited?,
active?, accumulation text, place in the queue — by looking up precomputed per-node step indices.
Stepping back is moving the index: nothing is undone, so any position looks the same whichever way
it was reached.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from psygnal import Signal

import pycarrot as pc

from .. import engine_text, i18n
from ..checks import is_whole
from ..i18n import format_text
from . import wording
from .graph import ExpressionGraph


class StepKind(StrEnum):
    """What a step is about (a ``str`` too: ``StepKind.EDGE == "edge"``)."""

    FORWARD = "forward"  # a node's value is computed
    VISIT = "visit"  # backward() visits a node: its gradient is complete
    EDGE = "edge"  # a grad_fn sends a gradient along one edge
    ACCUMULATE = "accumulate"  # a contribution is added into an input's .grad


class Mode(StrEnum):
    """Which backward walk a timeline replays."""

    TOPOLOGICAL = "topological"  # the engine's backward(): each grad_fn once
    PER_PATH = "per-path"  # the original recursion: each grad_fn once per path


class Phase(StrEnum):
    """Where a position lies: before the first step, in the forward pass, in backward()."""

    START = "start"
    FORWARD = "forward"
    BACKWARD = "backward"


FORWARD, VISIT, EDGE, ACCUMULATE = StepKind
TOPOLOGICAL, PER_PATH = Mode
MODES = tuple(Mode)


@dataclass(slots=True, eq=False, repr=False)
class Step:
    """One thing that happened. ``node`` is the node it is about (for an edge: where the gradient comes
    from); ``input``/``edge`` are set for edges (the operand receiving, the graph edge used).

    ``text`` and ``rule`` are worded on first use (a 5,000-node graph has ~10,000 steps; the log only
    ever shows a screenful of them).
    """

    kind: StepKind
    node: int
    input: int = -1
    edge: int = -1
    grad: np.ndarray | None = None  # visit: the node's gradient; edge: what it sends; accumulate: after
    grad_in: np.ndarray | None = None  # edge: the gradient arriving from the output side
    before: np.ndarray | None = None  # accumulate: .grad before (None if it had none)
    contribution: np.ndarray | None = None  # accumulate
    local: float | None = None  # edge between scalars: the local derivative's value
    grad_fn: object = None  # edge: the engine's grad_fn (for its rule text)
    is_seed: bool = False  # accumulate: backward()'s starting gradient on the output
    graph: ExpressionGraph | None = None
    _text: str | None = field(default=None, init=False)
    _rule: str | None = field(default=None, init=False)
    _lang: str = field(default="", init=False)  # the language text and rule were worded in

    def __repr__(self) -> str:
        return f"Step({self.kind!r}, node={self.node}, text={self.text!r})"

    def _reword(self) -> None:
        """Forget the worded text and rule when the language changed since they were worded."""
        language = i18n.language()
        if self._lang != language:
            self._text = self._rule = None
            self._lang = language

    @property
    def rule(self) -> str:
        """An edge's local rule with its number, e.g. ``∂z/∂x = y = 4.0`` (empty for other steps)."""
        self._reword()
        if self._rule is None:
            self._rule = ""
            if self.kind == EDGE and self.graph is not None:
                node = self.graph.nodes[self.node].carrot
                labels = self.graph.rule_labels()
                template = pc.local_rule(node, self.graph.edges[self.edge].slot, labels, engine_text.rule)
                for j in self.graph.nodes[self.node].operands:  # tanh((x+y)) → tanh(x+y)
                    operand = self.graph.nodes[j].carrot
                    bracketed = labels.get(id(operand), "") if operand is not None else ""
                    if bracketed.startswith("("):
                        template = template.replace(f"({bracketed})", bracketed)
                self._rule = wording.rule_with_value(template, self.local)
        return self._rule

    @property
    def text(self) -> str:
        """The step in words, as the event log shows it (in the current language)."""
        self._reword()
        if self._text is None:
            g = self.graph
            assert g is not None
            label = g.nodes[self.node].label
            if self.kind == ACCUMULATE:
                if self.is_seed:
                    self._text = wording.seed_text(label, self.grad)
                else:
                    self._text = wording.accumulate_text(label, self.before, self.contribution, self.grad)
            elif self.kind == VISIT:
                n = g.nodes[self.node]
                leaf = not (n.carrot is not None and n.carrot.child_nodes)
                self._text = wording.visit_text(label, self.grad, leaf)
            elif self.kind == EDGE:
                target = g.nodes[self.input].label
                self._text = wording.edge_text(label, target, self.rule, self.grad_in, self.grad)
            else:
                n = g.nodes[self.node]
                args = [g.nodes[j].label for j in n.operands]
                self._text = wording.forward_text(n.label, n.op, args, n.value)
        return self._text


@dataclass(frozen=True, slots=True, eq=False)
class NodeState:
    """Everything a view needs to draw one node at one position."""

    value_shown: bool
    grad: np.ndarray | None  # gradient accumulated so far (None: none yet)
    visited: bool  # backward() has visited it (its gradient was passed on)
    active: bool  # the latest step is about this node
    accumulation: str  # "2.0 + 3.0 = 5.0" while the latest step adds a second contribution, else ""
    queued: bool  # still waiting to be visited

    def __eq__(self, other: object) -> bool:
        """Equal when everything drawn is equal; gradients compare by identity (the timeline's own arrays)."""
        if not isinstance(other, NodeState):
            return NotImplemented
        return (
            self.grad is other.grad
            and self.value_shown == other.value_shown
            and self.visited == other.visited
            and self.active == other.active
            and self.accumulation == other.accumulation
            and self.queued == other.queued
        )

    __hash__ = None  # type: ignore[assignment]


class Timeline:
    """Steps plus a position; every query takes an optional position (default: the current one).

    ``position_changed(new, old)`` is emitted (psygnal, no Qt) whenever the position moves, so every view
    that shows the timeline subscribes once instead of being told by hand after each change.
    """

    position_changed = Signal(int, int)

    def __init__(
        self,
        graph: ExpressionGraph,
        steps: list[Step],
        mode: str = Mode.TOPOLOGICAL,
        grad_fn_calls: int = 0,
        truncated: bool = False,
        note: str = "",
    ) -> None:
        self.graph = graph
        self.steps = steps
        self.mode = Mode(mode)
        self.grad_fn_calls = grad_fn_calls  # exact count for the whole walk (even when truncated)
        self.truncated = truncated
        self.note = note
        self._position = 0
        n = len(graph.nodes)
        self._forward_at = [-1] * n  # step index that computes the node (-1: shown from the start)
        self._acc_at: list[list[int]] = [[] for _ in range(n)]
        self._visit_at: list[list[int]] = [[] for _ in range(n)]
        self._visits: list[int] = []  # step indices of visits, in order
        self.backward_start = len(steps)
        for k, s in enumerate(steps):
            if s.kind == FORWARD:
                self._forward_at[s.node] = k
            else:
                self.backward_start = min(self.backward_start, k)
                if s.kind == ACCUMULATE:
                    self._acc_at[s.node].append(k)
                elif s.kind == VISIT:
                    self._visit_at[s.node].append(k)
                    self._visits.append(k)

    # -- position --------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def position(self) -> int:
        return self._position

    def _move(self, position: int) -> None:
        old = self._position
        if position != old:
            self._position = position
            self.position_changed.emit(position, old)

    def seek(self, position: int) -> int:
        """Go to ``position`` (clamped to 0…len); returns the new position."""
        if not is_whole(position):
            raise TypeError(f"a timeline position is a whole number, got {position!r}")
        self._move(max(0, min(len(self.steps), int(position))))
        return self._position

    def step_forward(self) -> bool:
        """One step on; False at the end."""
        if self._position >= len(self.steps):
            return False
        self._move(self._position + 1)
        return True

    def step_back(self) -> bool:
        """One step back; False at the start."""
        if self._position <= 0:
            return False
        self._move(self._position - 1)
        return True

    def reset(self) -> None:
        self._move(0)

    def to_end(self) -> None:
        self._move(len(self.steps))

    def phase(self, position: int | None = None) -> Phase:
        """Start, forward pass or backward pass at ``position``."""
        p = self._position if position is None else position
        if p == 0:
            return Phase.START
        return Phase.FORWARD if p <= self.backward_start else Phase.BACKWARD

    @property
    def at_end(self) -> bool:
        return self._position >= len(self.steps)

    def current(self, position: int | None = None) -> Step | None:
        """The latest step that happened (None at the start)."""
        p = self._position if position is None else position
        return self.steps[p - 1] if p > 0 else None

    # -- state -----------------------------------------------------------------------------------------

    def node_state(self, i: int, position: int | None = None) -> NodeState:
        p = self._position if position is None else position
        acc = self._acc_at[i]
        k = bisect_left(acc, p)  # accumulations with index < p have happened
        grad = self.steps[acc[k - 1]].grad if k else None
        visits = self._visit_at[i]
        v = bisect_left(visits, p)
        cur = self.steps[p - 1] if p > 0 else None
        active = cur is not None and (cur.node == i or cur.input == i)
        accumulation = ""
        if cur is not None and cur.kind == ACCUMULATE and cur.node == i and cur.before is not None:
            accumulation = wording.accumulation_text(cur.before, cur.contribution, cur.grad)
        return NodeState(
            value_shown=self._forward_at[i] < p,
            grad=grad,
            visited=v > 0,
            active=active,
            accumulation=accumulation,
            queued=v < len(visits) and p >= self.backward_start,
        )

    def states(self, position: int | None = None) -> list[NodeState]:
        return [self.node_state(i, position) for i in range(len(self.graph.nodes))]

    def gradient(self, label: str, position: int | None = None) -> np.ndarray | None:
        """The gradient of the node labelled ``label`` so far (handy in tests and tooltips)."""
        return self.node_state(self.graph.find(label).index, position).grad

    def active_edge(self, position: int | None = None) -> int | None:
        """The graph edge the latest step sent a gradient along (None if the latest step was no edge)."""
        cur = self.current(position)
        return cur.edge if cur is not None and cur.kind == EDGE else None

    def queue(self, position: int | None = None) -> list[int]:
        """Nodes still to be visited, in the order backward() will take them (empty before it starts)."""
        p = self._position if position is None else position
        if p < self.backward_start:
            return []
        k = bisect_left(self._visits, p)
        return [self.steps[j].node for j in self._visits[k:]]

    def touched(self, a: int, b: int) -> set[int]:
        """Nodes whose state may differ between positions ``a`` and ``b`` (what a view must repaint)."""
        lo, hi = min(a, b), max(a, b)
        out: set[int] = set()
        for s in self.steps[max(0, lo - 1) : hi]:
            out.add(s.node)
            if s.input >= 0:
                out.add(s.input)
        if (lo < self.backward_start <= hi) or lo == 0:
            # the queue appears or disappears for every node
            out.update(self.steps[j].node for j in self._visits)
        return out

    def log(self) -> list[str]:
        """Every step in words, in order."""
        return [s.text for s in self.steps]


def refollow(old: Timeline | None, new: Timeline | None, slot) -> None:
    """Move ``slot`` from ``old``'s ``position_changed`` to ``new``'s (a view switching timelines)."""
    if old is new:
        return
    if old is not None:
        old.position_changed.disconnect(slot)
    if new is not None:
        new.position_changed.connect(slot)


# ---------------------------------------------------------------------------------------------------------
# Recording: run the engine, turn its events into steps
# ---------------------------------------------------------------------------------------------------------


def forward_steps(graph: ExpressionGraph) -> list[Step]:
    """One step per computed node, inputs first (leaves and constants are shown from the start)."""
    steps = []
    for n in graph.nodes:
        if n.op is not None:
            steps.append(Step(FORWARD, n.index, graph=graph))
    return steps


def record_timeline(
    graph: ExpressionGraph, mode: str = Mode.TOPOLOGICAL, max_calls: int = 20_000
) -> Timeline:
    """Run backward from the graph's output in ``mode`` and return forward + backward steps.

    The graph's ``.grad`` arrays are saved before and restored after, so recording never changes a
    model the graph came from (the Training lab's parameters keep their gradients).
    """
    if mode not in MODES:
        raise ValueError(f"unknown backward order {mode!r}; choose one of {', '.join(MODES)}")
    mode = Mode(mode)
    steps = forward_steps(graph)
    root = graph.output_node.carrot
    assert root is not None
    if not root.requires_grad:
        note = format_text(
            "ExpressionLab",
            "{label} does not depend on any variable (a name assigned a number), so there is no gradient to follow",
            label=graph.output_node.label,
        )
        return Timeline(graph, steps, mode, 0, False, note)
    seed = np.ones(root.data.shape, dtype=root.data.dtype)
    carrots = [n.carrot for n in graph.nodes if n.carrot is not None]
    saved = [c._grad for c in carrots]
    truncated = False
    # log(0), sqrt(−1), overflow: the boxes show inf/nan; numpy need not also warn about them
    with np.errstate(all="ignore"):
        try:
            for c in carrots:
                c._grad = None
            if mode == TOPOLOGICAL:
                with pc.record_backward() as trace:
                    root.backward(seed)
                events = trace.events
                calls = trace.grad_fn_calls
            else:
                trace = pc.per_path_backward(root, seed, max_calls=max_calls, accumulate=False)
                events = trace.events
                truncated = trace.truncated
                calls = pc.per_path_call_count(root)
        finally:
            for c, g in zip(carrots, saved):
                c._grad = g
    seeded = False
    for ev in events:
        steps.append(_step_of(graph, ev, seeded))
        seeded = True
    note = ""
    if truncated:
        note = format_text(
            "ExpressionLab",
            "showing the first {shown} of {calls} grad_fn calls of the per-path walk",
            shown=f"{max_calls:,}",
            calls=f"{calls:,}",
        )
    return Timeline(graph, steps, mode, calls, truncated, note)


def _step_of(graph: ExpressionGraph, ev, seeded: bool) -> Step:
    t = type(ev)
    if t is pc.GradAccumulate:
        i = graph.index_of(ev.node)
        return Step(
            ACCUMULATE,
            i,
            grad=ev.after,
            before=ev.before,
            contribution=ev.contribution,
            is_seed=not seeded,
            graph=graph,
        )
    if t is pc.NodeVisit:
        return Step(VISIT, graph.index_of(ev.node), grad=ev.grad, graph=graph)
    if t is pc.EdgeCall:
        i = graph.index_of(ev.node)
        j = graph.index_of(ev.input)
        return Step(
            EDGE,
            i,
            input=j,
            edge=graph.edge_between(j, i, ev.position),  # the edge is the op's operand at that position
            grad=ev.grad_out,
            grad_in=ev.grad_in,
            local=_local_derivative(ev),
            grad_fn=ev.grad_fn,
            graph=graph,
        )
    raise TypeError(f"unknown backward event {ev!r}")


def _local_derivative(ev) -> float | None:
    """For an edge between scalars, the local derivative: grad_out / grad_in (or grad_fn(1) when grad_in is 0)."""
    if ev.grad_in.size != 1 or ev.grad_out.size != 1:
        return None
    g_in = float(ev.grad_in.reshape(-1)[0])
    if g_in != 0.0:
        return float(ev.grad_out.reshape(-1)[0]) / g_in
    with np.errstate(all="ignore"):
        return float(np.asarray(ev.grad_fn(np.ones_like(ev.grad_in))).reshape(-1)[0])
