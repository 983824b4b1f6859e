"""Predict, then reveal in the Network lab: the kit's predict row under the backward row, wired to the neuron-
level backward playback.

In predict mode each stop (one layer, last first) waits until the student has guessed ∂L/∂w of the dashed
line and the guess is judged (or Reveal is pressed); then the layer's gradients appear. No gradient shows
before the pass reaches its layer: the lines' and neurons' tooltips read ``∇ ?``, and without a playback the
last training step's gradients are hidden too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ...i18n import translate
from ...kit.predict_row import PredictRow
from ...quiz import Outcome
from ...theme import format_number
from ..backward import BackwardPlayback
from ..predict import LayerQuestions

ABSOLUTE_TOLERANCE = 0.001  # a layer's gradients are small: 0.01 would let "0" pass for most of them


def _number(value) -> str:
    return format_number(float(value))


class NetworkPredict(QObject):
    """Owns the lab's :class:`PredictRow` (``row``) and the questions of the playback being stepped."""

    def __init__(self, lab) -> None:
        super().__init__(lab)
        self.lab = lab
        self.row = PredictRow(_number, absolute=ABSOLUTE_TOLERANCE)
        self.row.next_hint = lambda: translate(
            "NetworkLab", "No question now: press ▸ (Shift+→) to step the next training step's backward pass"
        )
        self.questions: LayerQuestions | None = None
        self._position = 0
        self.row.modeToggled.connect(self._mode)
        self.row.answered.connect(self._answered)

    @property
    def on(self) -> bool:
        return self.row.on

    def follow(self, playback: BackwardPlayback | None) -> None:
        """The playback shown (None: none, or the run moved on): new questions for a new one, the question
        due and its line marked."""
        back_to_start = playback is not None and playback.position == 0 and self._position > 0
        self._position = 0 if playback is None else playback.position
        if (self.questions.playback if self.questions else None) is not playback:
            self.questions = None if playback is None else LayerQuestions(playback)
            self.row.set_source(self.questions)
        elif back_to_start and self.row.quiz.outcomes:
            self.row.set_source(self.questions)  # the pass was stepped back to its start: a new round
        self.row.at_end = playback is not None and playback.at_end
        self.row.refresh()
        self._mark()

    def limit(self, playback: BackwardPlayback, target: int) -> int:
        """How far ``playback`` may move towards stop ``target`` (the first unanswered layer stops it)."""
        if not self.on:
            return target
        self.follow(playback)
        allowed = self.questions.limit(self.row.quiz, playback.position, target)
        if allowed < target:
            self.lab.show_status(
                translate(
                    "NetworkLab", "Predict first: type ∂L/∂w of the dashed line and press Enter, or Reveal"
                )
            )
            self.row.guessEdit.setFocus()
        return allowed

    def _mark(self) -> None:
        q = self.row.question
        view = self.lab.neuronView
        view.mark_line(self.questions.weight(q.key) if q is not None and self.questions else None)

    def _mode(self, on: bool) -> None:
        lab = self.lab
        lab.neuronView.set_predicting(on)
        # the tensor graph would replay a whole backward pass in the Expression lab: after the quiz
        lab.tensorGraphButton.setEnabled(not on)
        if on:
            lab.pause()
            lab._ensure_backward()  # the next step's backward pass, at its forward state: the first question
            lab._backward_moved()
        else:
            lab.neuronView.mark_line(None)
            lab._paint_backward(lab.session)

    def _answered(self, outcome: Outcome) -> None:
        """The guess is judged: the layer's gradients appear."""
        self.lab.backward_step()
        self.lab.show_status(self.lab.session.message())
