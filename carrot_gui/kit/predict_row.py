"""The "Predict, then reveal" row both labs put under their graph: the mode's check box, the question, the
guess field, Reveal, the verdict with its rule, the score and the teacher's tolerance.

It asks a lab's Qt-free question source (``pending(quiz)``, ``finished(quiz)``) what to ask and judges the
typed guess with the shared :class:`~carrot_gui.quiz.Quiz`; after each verdict it emits ``answered`` and the
lab moves its playback one step on (which reveals the gradient). It sits in the graph column, so it stays on
screen when presenter mode hides the side panels.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Protocol

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n, theme
from ..errors import guarded
from ..quiz import DEFAULT_ABS, DEFAULT_REL, GuessError, Outcome, Question, Quiz, Verdict, verdict_text
from . import texts
from .widgets import tip


class QuestionSource(Protocol):
    """What a lab's Qt-free question model answers (Expression: edges; Network: layers)."""

    def pending(self, quiz: Quiz) -> Question | None: ...

    def finished(self, quiz: Quiz) -> bool: ...


class GuessEdit(QLineEdit):
    """The guess field: Enter is its own (QLineEdit passes it on to the parents after ``returnPressed``, where a
    presenter's Enter would also step on)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class PredictRow(QWidget):
    """``modeToggled(bool)``; ``answered(Outcome)`` after Enter or Reveal; ``refresh()`` after every move."""

    modeToggled = Signal(bool)
    answered = Signal(object)

    def __init__(
        self,
        format_value: Callable[[object], str],
        relative: float = DEFAULT_REL,
        absolute: float = DEFAULT_ABS,
        parent: QWidget | None = None,
    ) -> None:
        """``format_value`` writes a true value or a guess as the lab writes numbers (a tensor's elided
        brackets); ``relative`` (a fraction) and ``absolute`` are the tolerance the row starts with."""
        super().__init__(parent)
        self.format_value = format_value
        self.setObjectName("predictRow")
        self.quiz = Quiz()
        self.quiz.set_tolerance(relative, absolute)
        self.source: QuestionSource | None = None
        self.question: Question | None = None  # the one on screen
        self.last: Outcome | None = None
        self.at_end = False  # the lab says whether its pass is at its end (the summary shows then)
        # what to do when nothing is asked now (a lab's own keys); called at each refresh, so it is translated
        self.next_hint: Callable[[], str] = lambda: i18n.translate(
            "PredictRow", "No question at this step: step on (→) — the next gradient asks."
        )
        self._make_check()
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 2, 0, 2)
        v.setSpacing(2)
        v.addLayout(self._head_row())
        v.addLayout(self._guess_row())
        self.verdictLabel = tip(
            QLabel(), "predictVerdictLabel", "Your last guess, the true value and the rule", "PredictRow"
        )
        self.verdictLabel.setWordWrap(True)
        self.verdictLabel.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.verdictLabel)
        self.setVisible(False)  # until the mode is on: the graph keeps its height
        self.quiz.changed.connect(self._show_score)
        i18n.events.language_changed.connect(self._retranslate)

    def _make_check(self) -> None:
        """The mode's check box: the lab puts it among its playback controls (it shows while the row hides)."""
        self.predictModeCheck = tip(
            QCheckBox(),
            "predictModeCheck",
            "Predict, then reveal: hide every gradient backward() has not reached (∇ ?) and ask for each one "
            "before it is shown",
            "PredictRow",
            text="Predict",
        )
        self.predictModeCheck.toggled.connect(self._toggled)

    def _head_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.toleranceLabel = QLabel()
        texts.bind(self.toleranceLabel.setText, "PredictRow", "right within ±")
        self.toleranceRelSpin = self._spin("toleranceRelSpin", 0.0, 100.0, self.quiz.tolerance.relative * 100)
        self.toleranceRelSpin.setSuffix(" %")
        texts.bind(
            self.toleranceRelSpin.setToolTip, "PredictRow", "Relative tolerance: this share of the true value"
        )
        self.toleranceAbsSpin = self._spin("toleranceAbsSpin", 0.0, 1000.0, self.quiz.tolerance.absolute)
        self.toleranceAbsSpin.setPrefix("+ ")
        texts.bind(
            self.toleranceAbsSpin.setToolTip, "PredictRow", "Absolute tolerance: added to the relative one"
        )
        self.scoreLabel = tip(QLabel(), "scoreLabel", "Your score in this backward pass", "PredictRow")
        for w in (self.toleranceLabel, self.toleranceRelSpin, self.toleranceAbsSpin):
            row.addWidget(w)
        row.addWidget(self.scoreLabel, 1, Qt.AlignmentFlag.AlignRight)
        return row

    def _spin(self, name: str, lo: float, hi: float, value: float) -> QDoubleSpinBox:
        spin = tip(QDoubleSpinBox(), name, "")
        spin.setDecimals(2 if name == "toleranceRelSpin" else 4)
        spin.setRange(lo, hi)
        spin.setValue(value)
        spin.setSingleStep(0.5 if name == "toleranceRelSpin" else 0.001)
        spin.valueChanged.connect(self._tolerance_changed)
        return spin

    def _guess_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.questionLabel = tip(QLabel(), "predictQuestionLabel", "")
        self.questionLabel.setWordWrap(True)
        self.questionLabel.setFont(theme.qfont(theme.current().font_size * 1.1, bold=True))
        self.guessEdit = tip(
            GuessEdit(),
            "guessEdit",
            "Type the gradient: 2, -0.5, 1e-3, or a small tensor as [0.42, -0.42] / [[1, 2], [3, 4]]; Enter reveals",
            "PredictRow",
        )
        texts.bind(self.guessEdit.setPlaceholderText, "PredictRow", "your guess, e.g. 2 or [0.5, -1]")
        self.guessEdit.setMinimumWidth(
            self.guessEdit.fontMetrics().horizontalAdvance("your guess, e.g. 2 or [0.5]") + 16
        )
        self.guessEdit.returnPressed.connect(lambda: self.submit(reveal_if_empty=False))
        self.revealButton = tip(
            QPushButton(),
            "revealButton",
            "Show the true gradient: judges what is typed, or just shows it when nothing is (not answered)",
            "PredictRow",
            text="Reveal",
        )
        self.revealButton.clicked.connect(lambda: self.submit(reveal_if_empty=True))
        row.addWidget(self.questionLabel, 1)
        row.addWidget(self.guessEdit)
        row.addWidget(self.revealButton)
        return row

    # -- state -------------------------------------------------------------------------------------------
    @property
    def on(self) -> bool:
        return self.predictModeCheck.isChecked()

    def set_source(self, source: QuestionSource | None) -> None:
        """A new pass (a new build, a new recording, a reset): nothing answered yet."""
        self.source = source
        self.last = None
        self.verdictLabel.setText("")
        self.guessEdit.clear()
        self.quiz.reset()
        self.refresh()

    def _toggled(self, on: bool) -> None:
        self.setVisible(on)
        self.refresh()
        self.modeToggled.emit(on)

    def _tolerance_changed(self, _value: float = 0.0) -> None:
        self.quiz.set_tolerance(self.toleranceRelSpin.value() / 100.0, self.toleranceAbsSpin.value())

    def refresh(self) -> None:
        """Show the question that stands before the next step (or why there is none) and the score."""
        q = None if self.source is None or not self.on else self.source.pending(self.quiz)
        self.question = q
        self.guessEdit.setEnabled(q is not None)
        self.revealButton.setEnabled(q is not None)
        font = self.questionLabel.font()
        font.setBold(q is not None)  # a question stands out; "no question now" does not
        self.questionLabel.setFont(font)
        if q is not None:
            self.questionLabel.setText(q.prompt)
            self.questionLabel.setToolTip(q.hint)
        else:
            self.questionLabel.setText(self._idle_text())
            self.questionLabel.setToolTip("")
        self._show_score()

    def caption(self) -> str:
        """The question now due, for presenter mode's caption (the class answers aloud); "" when none."""
        return self.question.prompt if self.on and self.question is not None else ""

    def _idle_text(self) -> str:
        if self._done():
            return self.quiz.end_text()
        if self.at_end:
            return i18n.translate("PredictRow", "The pass is done: every gradient is shown.")
        return self.next_hint()

    def _done(self) -> bool:
        """The pass is at its end and every question of it was met."""
        finished = self.at_end and self.source is not None and self.source.finished(self.quiz)
        return finished and bool(self.quiz.outcomes)

    def _show_score(self) -> None:
        self.scoreLabel.setText(self.quiz.summary_text() if self._done() else self.quiz.score_text())

    def _retranslate(self, _language: str = "") -> None:
        if not shiboken6.isValid(self):  # Qt deleted the row (a closed window): stop following
            i18n.events.language_changed.disconnect(self._retranslate)
            return
        self.refresh()
        if self.last is not None:
            self._show_outcome(self.last)

    # -- answering ---------------------------------------------------------------------------------------
    @guarded("judging a guess")
    def submit(self, reveal_if_empty: bool = True) -> Outcome | None:
        """Enter (``reveal_if_empty`` False) or Reveal: judge what is typed; Reveal with an empty field shows
        the answer unjudged (counted as revealed without a guess)."""
        q = self.question
        if q is None:
            return None
        text = self.guessEdit.text()
        try:
            if not text.strip() and reveal_if_empty:
                outcome = self.quiz.reveal(q)
            else:
                outcome = self.quiz.answer(q, text)
        except GuessError as exc:
            self.show_message(str(exc))
            return None
        self.guessEdit.clear()
        self.last = outcome
        self._show_outcome(outcome)
        self.answered.emit(outcome)
        self.refresh()
        return outcome

    def show_message(self, message: str) -> None:
        """A bad entry: say what to type; the field keeps the text so it can be corrected."""
        colour = theme.current().error
        self.verdictLabel.setText(f"<span style='color:{colour}'>⚠ {escape(message)}</span>")
        self.guessEdit.setFocus()

    def _show_outcome(self, outcome: Outcome) -> None:
        t = theme.current()
        colour = {Verdict.RIGHT: t.ok, Verdict.WRONG: t.error}.get(outcome.verdict, t.text)
        head, _, rule = verdict_text(outcome, self.format_value).partition(" — ")
        html = f"<b style='color:{colour}'>{escape(head)}</b>"
        if rule:
            html += f" — <span style='color:{t.gradient}'>{escape(rule)}</span>"
        self.verdictLabel.setText(html)
