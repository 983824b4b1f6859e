"""The Expression lab's right panel: what happened so far (the event log) and what backward() visits next.

It follows a :class:`~carrot_gui.expression.playback.Timeline` through its ``position_changed`` signal and
asks for a position through ``positionChosen`` when a line is clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QListWidget, QSizePolicy, QVBoxLayout, QWidget

from ...i18n import format_text, translate
from ...kit import texts
from ...kit.widgets import tip
from ..playback import Mode, Timeline, refollow
from .log_view import EventLog

QUEUE_SHOWN = 40  # entries of the queue list (the rest is summarised)


class LogPanel(QWidget):
    """ "What happened" (the steps taken; a toggle shows the whole script) and "Still to visit"."""

    positionChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.setMinimumWidth(240)  # the log (its lines wrap) stays readable when the text grows
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        head = QHBoxLayout()
        title = QLabel()
        texts.bind(title.setText, "ExpressionLab", "<b>What happened</b> (click a line to go there)")
        title.setWordWrap(True)
        head.addWidget(title, 1)
        self.showWholeScriptCheck = tip(
            QCheckBox(),
            "showWholeScriptCheck",
            "Show every step, the ones to come greyed (to prepare a lesson); off: only the steps taken",
            "ExpressionLab",
            text="whole script",
        )
        self.showWholeScriptCheck.toggled.connect(self._whole_script)
        head.addWidget(self.showWholeScriptCheck)
        v.addLayout(head)
        self.eventLog = tip(
            EventLog(), "eventLog", "The steps taken, in words; click one to go back there", "ExpressionLab"
        )
        self.eventLog.clicked.connect(lambda index: self.positionChosen.emit(index.row() + 1))
        v.addWidget(self.eventLog, 3)
        self.queueTitle = QLabel()
        texts.bind(self.queueTitle.setText, "ExpressionLab", "<b>Still to visit</b> (backward()'s order)")
        self.queueTitle.setWordWrap(True)
        v.addWidget(self.queueTitle)
        self.queueList = tip(
            QListWidget(), "queueList", "The nodes backward() will visit next, in order", "ExpressionLab"
        )
        texts.follow(self._retranslate)
        self.queueList.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        v.addWidget(self.queueList, 1)

    def set_timeline(self, timeline: Timeline) -> None:
        """Show ``timeline``'s steps and follow its position from now on."""
        refollow(self.timeline, timeline, self._on_position)
        self.timeline = timeline
        if timeline.mode == Mode.TOPOLOGICAL:
            texts.bind(self.queueTitle.setText, "ExpressionLab", "<b>Still to visit</b> (backward()'s order)")
        else:
            texts.bind(
                self.queueTitle.setText,
                "ExpressionLab",
                "<b>Still to visit</b> (the per-path recursion's order)",
            )
        self.eventLog.set_timeline(timeline)
        self.show_position()

    def _retranslate(self) -> None:
        """The steps are worded again in the new language: show them again."""
        if self.timeline is not None:
            self.eventLog.set_timeline(self.timeline)
            self.queueList.clear()
            self.show_position()

    def _on_position(self, position: int, old: int) -> None:
        self.show_position()

    def _whole_script(self, on: bool) -> None:
        self.eventLog.set_whole_script(on)

    def show_position(self) -> None:
        tl = self.timeline
        if tl is None:
            return
        p = tl.position
        self.eventLog.show_position(p)
        queue = tl.queue(p)
        labels = [tl.graph.nodes[i].label for i in queue[:QUEUE_SHOWN]]
        if len(queue) > QUEUE_SHOWN:
            labels.append(
                format_text("ExpressionLab", "… and {count} more", count=f"{len(queue) - QUEUE_SHOWN:,}")
            )
        if p < tl.backward_start:
            labels = [translate("ExpressionLab", "(backward has not started)")]
        elif not labels:
            labels = [translate("ExpressionLab", "(empty: backward() has visited every node)")]
        current = [self.queueList.item(k).text() for k in range(self.queueList.count())]
        if current != labels:
            self.queueList.clear()
            self.queueList.addItems(labels)
