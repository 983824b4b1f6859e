"""A handout's content, Qt-free: every step of a recorded backward pass as table rows, and the final gradients.

The rows come from the same :class:`~carrot_gui.expression.playback.Timeline` the Expression lab plays, so the
handout says exactly what the lab shows (and what ``backward()`` did). ``qt/pdf.py`` lays them out on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycarrot as pc

from ..expression import wording
from ..expression.graph import NodeKind, build_graph
from ..expression.playback import ACCUMULATE, EDGE, FORWARD, Mode, Timeline, record_timeline
from ..expression.session import MAX_NODES, GraphTooBig
from ..i18n import format_text
from .fields import LessonError
from .format import Lesson
from .state import ExpressionState


@dataclass(frozen=True)
class StepRow:
    """One step of backward(): ``step`` is the lab's position after it (seek there to see it)."""

    step: int
    kind: str  # "seed", "edge", "accumulate" or "visit"
    edge: str  # "z → x" for an edge, else the node
    rule: str  # the local rule with its number, "∂z/∂x = y = 4"
    grad_in: str  # the gradient arriving from the output side (edges)
    grad_out: str  # what the edge sends, or the node's gradient (visits)
    accumulation: str  # "x.grad = 2 + 3 = 5" when a contribution is added
    text: str  # the step in words, as the lab's log says it


@dataclass(frozen=True)
class NodeRow:
    """A node's label, kind, value and final gradient (text)."""

    label: str
    kind: str
    value: str
    grad: str


@dataclass(frozen=True)
class Handout:
    """One expression's handout: its title and source, the backward order, the forward values, every backward
    step, the final gradients (variables first) and the timeline's note ("" or why there is no gradient)."""

    title: str
    source: str
    mode: str
    values: tuple[NodeRow, ...]
    steps: tuple[StepRow, ...]
    gradients: tuple[NodeRow, ...]
    note: str = ""


def _row(timeline: Timeline, position: int) -> StepRow:
    step = timeline.steps[position - 1]
    labels = [n.label for n in timeline.graph.nodes]
    label = labels[step.node]
    bracketed = timeline.graph.nodes[step.node].rule_label  # "(x·y).grad", not "x·y.grad"
    if step.kind == EDGE:
        return StepRow(position, "edge", f"{label} → {labels[step.input]}", step.rule,
                       wording.format_value(step.grad_in), wording.format_value(step.grad), "", step.text)  # fmt: skip
    if step.kind == ACCUMULATE:
        acc = wording.accumulation_text(step.before, step.contribution, step.grad)
        kind = "seed" if step.is_seed else "accumulate"
        return StepRow(position, kind, label, "", "", wording.format_value(step.grad), f"{bracketed}.grad = {acc}",
                       step.text)  # fmt: skip
    return StepRow(position, "visit", label, "", "", wording.format_value(step.grad), "", step.text)


def handout_of(timeline: Timeline, title: str = "", source: str = "") -> Handout:
    """The handout of a recorded timeline (the one the lab is playing, or a fresh one)."""
    graph = timeline.graph
    end = len(timeline)
    first = next((i for i, s in enumerate(timeline.steps) if s.kind != FORWARD), end)
    nodes = graph.nodes
    values = tuple(NodeRow(n.label, n.kind.value, wording.format_value(n.value), "") for n in nodes)
    order = sorted(
        (n for n in nodes if n.requires_grad), key=lambda n: (n.kind != NodeKind.VARIABLE, n.index)
    )
    gradients = tuple(
        NodeRow(n.label, n.kind.value, wording.format_value(n.value),
                wording.format_value(timeline.node_state(n.index, end).grad))
        for n in order
    )  # fmt: skip
    steps = tuple(_row(timeline, p) for p in range(first + 1, end + 1))
    return Handout(title or graph.title, source, str(timeline.mode), values, steps, gradients, timeline.note)


def handout_for_source(
    source: str, title: str = "", mode: str = Mode.TOPOLOGICAL, values: dict | None = None
) -> Handout:
    """Parse ``source`` (with leaf ``values``), build its graph and record backward in ``mode``, as the
    Expression lab does; ``pc.ExpressionError`` for a mistake, ``GraphTooBig`` past the lab's limit."""
    graph = build_graph(pc.parse(source, **(values or {})), title)
    if len(graph.nodes) > MAX_NODES:
        raise GraphTooBig(
            format_text(
                "LessonFile",
                "this expression makes {n:,} nodes; a handout shows at most {max_nodes:,}",
                n=len(graph.nodes),
                max_nodes=MAX_NODES,
            )
        )
    return handout_of(record_timeline(graph, mode), title, source)


def handout_for_state(state: ExpressionState, title: str = "") -> Handout:
    return handout_for_source(state.source, title, state.mode, state.values)


def lesson_handouts(lesson: Lesson) -> list[Handout]:
    """One handout per scene that has an expression, titled by the scene; LessonError if one cannot be built."""
    out = []
    for i, scene in enumerate(lesson.scenes):
        if scene.expression is None:
            continue
        try:
            out.append(handout_for_state(scene.expression, scene.title))
        except ValueError as exc:  # ExpressionError, GraphTooBig
            raise LessonError(
                format_text(
                    "LessonFile", "scene {value} ({title!r}): {exc}", value=i + 1, title=scene.title, exc=exc
                )
            ) from None
    return out
