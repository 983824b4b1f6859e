"""Playback controls for a :class:`~carrot_gui.expression.playback.Timeline`: the scrub slider with its
position, Start/Back/Play/Step/End, the speed (with its value) and "follow".

The controls move the timeline and show what its ``position_changed`` signal says; they hold no copy of
the position, so any other view that moves the same timeline is followed too. Usable by any lab that
plays a timeline (the Network lab's tensor graph).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ...i18n import QT_TRANSLATE_NOOP, translate
from ...kit import texts
from ...kit.widgets import tip
from ..playback import Timeline, refollow

PHASES = (  # how the position label names the timeline's phase
    QT_TRANSLATE_NOOP("ExpressionLab", "start"),
    QT_TRANSLATE_NOOP("ExpressionLab", "forward"),
    QT_TRANSLATE_NOOP("ExpressionLab", "backward"),
)
DEFAULT_SPEED = 3  # steps per second when playing


class PlaybackControls(QWidget):
    """Two rows, so the window fits a 1280-pixel projector with large text: the slider with its position
    and the speed on top, the buttons below."""

    speedChanged = Signal(int)  # the play timer's interval in ms
    blocked = Signal()  # a move forward stopped short: a question waits (predict, then reveal)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        # (from, to) -> how far a move forward may go; None: anywhere (predict mode stops at a question)
        self.limit: Callable[[int, int], int] | None = None
        self.play_timer = QTimer(self)
        self.play_timer.timeout.connect(self._tick)
        self._syncing = False
        self._rows = v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addLayout(self._scrub_row())
        v.addLayout(self._button_row())
        v.setStretch(0, 1)  # in one row, the slider takes the room left, not the buttons' end
        self.set_speed(self.speedSlider.value())
        texts.follow(self.show_position)  # now, and again in a new language (the phase's name)

    def _button_row(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.resetButton = tip(QPushButton(), "resetButton", "Back to the start (Home)", "ExpressionLab")
        self.stepBackButton = tip(
            QPushButton(), "stepBackButton", "One step back (←, PageUp)", "ExpressionLab"
        )
        self.playButton = tip(QPushButton(), "playButton", "Play / pause (Space)", "ExpressionLab")
        self.stepForwardButton = tip(
            QPushButton(), "stepForwardButton", "One step forward (→, PageDown)", "ExpressionLab"
        )
        self.endButton = tip(QPushButton(), "endButton", "Jump to the end (End)", "ExpressionLab")
        texts.bind(self.resetButton.setText, "ExpressionLab", "|◀ Start")
        texts.bind(self.stepBackButton.setText, "ExpressionLab", "◀ Back")
        texts.bind(self.playButton.setText, "ExpressionLab", "▶ Play")
        texts.bind(self.stepForwardButton.setText, "ExpressionLab", "Step ▶")
        texts.bind(self.endButton.setText, "ExpressionLab", "End ▶|")
        self.resetButton.clicked.connect(self.reset)
        self.stepBackButton.clicked.connect(self.step_back)
        self.playButton.clicked.connect(self.toggle_play)
        self.stepForwardButton.clicked.connect(self.step_forward)
        self.endButton.clicked.connect(self.to_end)
        for b in (
            self.resetButton,
            self.stepBackButton,
            self.playButton,
            self.stepForwardButton,
            self.endButton,
        ):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            bar.addWidget(b)
        bar.addStretch(1)
        return bar

    def _scrub_row(self) -> QHBoxLayout:
        scrub = QHBoxLayout()
        self.timelineSlider = tip(
            QSlider(Qt.Orientation.Horizontal), "timelineSlider", "Drag to any step", "ExpressionLab"
        )
        self.timelineSlider.setMinimumWidth(100)
        self.timelineSlider.valueChanged.connect(self._slider_moved)
        scrub.addWidget(self.timelineSlider, 1)
        self.positionLabel = QLabel()
        self.positionLabel.setObjectName("positionLabel")
        self.size_labels()
        scrub.addWidget(self.positionLabel)
        speed = QLabel()
        texts.bind(speed.setText, "ExpressionLab", "speed")
        scrub.addWidget(speed)
        self.speedSlider = tip(
            QSlider(Qt.Orientation.Horizontal),
            "speedSlider",
            "Steps per second when playing",
            "ExpressionLab",
        )
        self.speedSlider.setRange(1, 60)
        self.speedSlider.setValue(DEFAULT_SPEED)
        self.speedSlider.setMinimumWidth(80)
        self.speedSlider.setMaximumWidth(120)
        self.speedSlider.valueChanged.connect(self.set_speed)
        scrub.addWidget(self.speedSlider)
        self.speedLabel = tip(QLabel(), "speedLabel", "Steps per second when playing", "ExpressionLab")
        scrub.addWidget(self.speedLabel)
        self.followCheck = tip(
            QCheckBox(),
            "followCheck",
            "Zoom to a readable size and keep the active node in view while stepping (F shows it all)",
            "ExpressionLab",
            text="follow",
        )
        scrub.addWidget(self.followCheck)
        return scrub

    def set_one_row(self, on: bool) -> None:
        """The buttons beside the slider (a wide window in projector or presenter mode: the graph gets the
        second row's height), or under it."""
        self._rows.setDirection(QBoxLayout.Direction.LeftToRight if on else QBoxLayout.Direction.TopToBottom)
        # one row only where there is room (the lab checks on every resize): it never widens the window
        wide = QSizePolicy.Policy.Ignored if on else QSizePolicy.Policy.Preferred
        self.setSizePolicy(wide, QSizePolicy.Policy.Preferred)

    def one_row_width(self) -> int:
        """The width the controls need in one row."""
        rows = [self._rows.itemAt(k).layout() for k in range(self._rows.count())]
        return sum(r.sizeHint().width() for r in rows) + self._rows.spacing()

    def size_labels(self) -> None:
        """Room for the longest position text, so the row does not jump while playing (and after a theme
        change)."""
        metrics = self.positionLabel.fontMetrics()
        self.positionLabel.setMinimumWidth(metrics.horizontalAdvance("00000 / 00000 · backward") + 6)

    # -- the timeline ------------------------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Play ``timeline`` (None: nothing to play); follows its position from now on."""
        refollow(self.timeline, timeline, self._on_position)
        self.timeline = timeline
        self.show_position()

    def _on_position(self, position: int, old: int) -> None:
        self.show_position()

    def show_position(self) -> None:
        """Slider, position text and buttons as the timeline's position says."""
        tl = self.timeline
        p, n = (tl.position, len(tl)) if tl is not None else (0, 0)
        self._syncing = True
        try:
            if self.timelineSlider.maximum() != n:
                self.timelineSlider.setRange(0, n)
            self.timelineSlider.setValue(p)
        finally:
            self._syncing = False
        phase = translate("ExpressionLab", str(tl.phase())) if tl is not None else ""
        self.positionLabel.setText(f"{p} / {n} · {phase}" if tl is not None else "")
        self.stepBackButton.setEnabled(p > 0)
        self.resetButton.setEnabled(p > 0)
        self.stepForwardButton.setEnabled(p < n)
        self.endButton.setEnabled(p < n)

    def _slider_moved(self, value: int) -> None:
        if not self._syncing:
            self.stop()
            self.seek(value)
            self.show_position()  # a move the limit cut short puts the slider back where playback is

    # -- moving ------------------------------------------------------------------------------------------

    def step_forward(self) -> bool:
        if self.timeline is None:
            return False
        if self._allowed(self.timeline.position + 1) == self.timeline.position:
            return False
        return self.timeline.step_forward()

    def _allowed(self, target: int) -> int:
        """``target``, or where the limit stops a move towards it (then ``blocked`` is emitted)."""
        if self.limit is None or self.timeline is None:
            return target
        target = min(target, len(self.timeline))
        allowed = self.limit(self.timeline.position, target)
        if allowed < target:
            self.stop()
            self.blocked.emit()
        return allowed

    def step_back(self) -> bool:
        self.stop()
        return self.timeline is not None and self.timeline.step_back()

    def seek(self, position: int) -> None:
        if self.timeline is not None:
            self.timeline.seek(self._allowed(position))

    def reset(self) -> None:
        self.stop()
        self.seek(0)

    def to_end(self) -> None:
        self.stop()
        if self.timeline is not None:
            self.seek(len(self.timeline))

    # -- playing -----------------------------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self.play_timer.isActive()

    def toggle_play(self) -> None:
        if self.play_timer.isActive():
            self.stop()
            return
        if self.timeline is None:
            return
        if self.timeline.at_end:
            self.seek(0)
        self.play_timer.start()
        texts.bind(self.playButton.setText, "ExpressionLab", "❚❚ Pause")  # ❚ is in DejaVu Sans; ⏸ is a box

    def stop(self) -> None:
        if self.play_timer.isActive():
            self.play_timer.stop()
        texts.bind(self.playButton.setText, "ExpressionLab", "▶ Play")

    def set_speed(self, steps_per_second: int) -> None:
        interval = int(1000 / max(1, steps_per_second))
        self.play_timer.setInterval(interval)
        self.speedLabel.setText(f"{steps_per_second}/s")
        self.speedChanged.emit(interval)

    def _tick(self) -> None:
        if not self.step_forward():
            self.stop()
