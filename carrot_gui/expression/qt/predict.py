"""Predict, then reveal in the Expression lab: the kit's predict row under the graph, wired to the lab's timeline.

In predict mode playback stops before every edge that carries a gradient (the play timer, Step, End, the
slider and the log all stop there) until the student's guess is judged or Reveal is pressed; then the edge
fires and shows the true value. Nothing shows a gradient before backward() reaches it: boxes, tooltips and the
inspector read ``∇ ?``, the log's "whole script" and Check wait for the end of the pass.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ...i18n import translate
from ...kit.predict_row import PredictRow
from ...quiz import Outcome
from ..playback import Timeline
from ..predict import EdgeQuestions
from ..wording import format_value


class ExpressionPredict(QObject):
    """Owns the lab's :class:`PredictRow` (``row``) and the questions of the timeline shown."""

    def __init__(self, lab) -> None:
        super().__init__(lab)
        self.lab = lab
        self.row = PredictRow(format_value)
        self.questions: EdgeQuestions | None = None
        self.row.modeToggled.connect(self._mode)
        self.row.answered.connect(self._answered)
        lab.controls.blocked.connect(self._blocked)

    @property
    def on(self) -> bool:
        return self.row.on

    def set_timeline(self, timeline: Timeline) -> None:
        """A new build or another backward order: new questions, the score starts again."""
        self.questions = EdgeQuestions(timeline)
        self.row.at_end = timeline.at_end
        self.row.set_source(self.questions)

    def on_position(self, position: int, old: int) -> None:
        """Follow playback: back at the start resets the score; the row shows the question now due."""
        tl = self.lab.timeline
        if tl is None:
            return
        if position == 0 and old > 0 and self.row.quiz.outcomes:
            self.row.set_source(self.questions)  # the pass was reset (Home): a new round
        self.row.at_end = tl.at_end
        self.row.refresh()
        self._sync_check()

    def _mode(self, on: bool) -> None:
        lab = self.lab
        lab.controls.limit = self._limit if on else None
        lab.graphView.question_at = self._question_at if on else None
        lab.inspector.set_predicting(on)
        whole = lab.showWholeScriptCheck
        if on:
            whole.setChecked(False)  # the steps to come would show every answer
            lab.checkPanel.clear()
            lab.graphView.clear_checks()
        whole.setEnabled(not on)
        lab.graphView.set_predicting(on)
        self._sync_check()

    def _sync_check(self) -> None:
        """Check (finite differences of every gradient) only once the pass is over in predict mode."""
        tl = self.lab.timeline
        self.lab.checkButton.setEnabled(not self.on or (tl is not None and tl.at_end))

    def _limit(self, start: int, target: int) -> int:
        return target if self.questions is None else self.questions.limit(self.row.quiz, start, target)

    def _question_at(self, position: int) -> tuple[int, str] | None:
        """The edge asked about before the step from ``position`` and its words (for the graph's label)."""
        q = None if self.questions is None else self.questions.pending(self.row.quiz, position)
        if q is None:
            return None
        step = self.questions.timeline.steps[position]
        nodes = self.questions.timeline.graph.nodes
        return step.edge, f"{nodes[step.node].label} → {nodes[step.input].label}"

    def _answered(self, outcome: Outcome) -> None:
        """The guess is judged: the edge fires (its true gradient appears) and the keys step the graph again."""
        self.lab.controls.stop()
        self.lab.controls.step_forward()
        self.lab.graphView.setFocus()

    def _blocked(self) -> None:
        """A move stopped at a question: the guess field takes the keys."""
        self.lab.statusMessage.emit(
            translate(
                "ExpressionLab", "Predict first: type the gradient this edge sends and press Enter, or Reveal"
            )
        )
        self.row.guessEdit.setFocus()
