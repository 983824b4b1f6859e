"""Predict, then reveal in the Expression lab (Qt-free): one question per edge of the recorded backward() — the
gradient that edge will carry — and how far playback may move before a question is answered.

The questions are made from the timeline's own steps (grad in, grad out, the engine's local rule), so the
answer is exactly what ``backward()`` sent; the score lives in a :class:`~carrot_gui.quiz.Quiz`.
"""

from __future__ import annotations

from bisect import bisect_left

from ..i18n import QT_TRANSLATE_NOOP, format_text
from ..quiz import MAX_GUESS_ITEMS, Question, Quiz
from ..theme import format_number
from .playback import EDGE, Step, Timeline
from .wording import format_value


def rule_with_numbers(step: Step) -> str:
    """The edge's local rule and the chain rule with its numbers: ``∂(a·2)/∂a = 2, so 1.0 × 2.0 = 2.0``."""
    scalar = step.local is not None and step.grad_in.size == 1 and step.grad.size == 1
    return format_text(
        "Quiz",
        QT_TRANSLATE_NOOP("Quiz", "{rule}, so {grad_in} × {local} = {grad_out}")
        if scalar
        else QT_TRANSLATE_NOOP("Quiz", "{rule}, so ∇ {grad_in} through it gives {grad_out}"),
        rule=step.rule,
        grad_in=format_value(step.grad_in),
        local=format_number(step.local) if scalar else "",
        grad_out=format_value(step.grad),
    )


class EdgeQuestions:
    """The questions of one timeline: step k is asked when it is an edge whose gradient has at most
    ``MAX_GUESS_ITEMS`` numbers (a bigger one plays without a question: nobody types 64 numbers)."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.indices = [
            k for k, s in enumerate(timeline.steps) if s.kind == EDGE and s.grad.size <= MAX_GUESS_ITEMS
        ]
        self._asked = set(self.indices)
        self._made: dict[int, Question] = {}

    def __len__(self) -> int:
        return len(self.indices)

    def question(self, k: int) -> Question | None:
        """The question guarding step ``k`` (None when step k asks nothing)."""
        if k not in self._asked:
            return None
        if k not in self._made:
            self._made[k] = self._make(k)
        return self._made[k]

    def _make(self, k: int) -> Question:
        step = self.timeline.steps[k]
        nodes = self.timeline.graph.nodes
        src, dst = nodes[step.node].label, nodes[step.input].label
        prompt = format_text(
            "Quiz",
            "{src} → {dst}: which gradient will this edge send to {dst}? ({src} has ∇ {grad_in})",
            src=src,
            dst=dst,
            grad_in=format_value(step.grad_in),
        )
        hint = format_text(
            "Quiz", "Chain rule: ∇ {src} × the local derivative ∂{src}/∂{dst}", src=src, dst=dst
        )
        return Question(k, prompt, step.grad, rule_with_numbers(step), hint)

    def pending(self, quiz: Quiz, position: int | None = None) -> Question | None:
        """The unanswered question that stands before the next step from ``position`` (None: free to move)."""
        p = self.timeline.position if position is None else position
        if p >= len(self.timeline.steps) or quiz.answered(p):
            return None
        return self.question(p)

    def limit(self, quiz: Quiz, start: int, target: int) -> int:
        """How far playback may go from ``start`` towards ``target``: up to the first unanswered question
        (stepping back is always free)."""
        if target <= start:
            return target
        k = bisect_left(self.indices, start)
        while k < len(self.indices) and self.indices[k] < target:
            if not quiz.answered(self.indices[k]):
                return self.indices[k]
            k += 1
        return target

    def finished(self, quiz: Quiz) -> bool:
        """Every question of the pass met (right, wrong or revealed)."""
        return all(quiz.answered(k) for k in self.indices)
