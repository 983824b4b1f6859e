"""The Network lab's backward row: ◂ / ▸ and a slider over the stops of one training step's backward pass
(a :class:`~carrot_gui.network.backward.BackwardPlayback`), and a label that says which state the neuron view
shows — the forward state (weights, in the value colour) or backward() at a layer (∂L/∂W, gradient colour).
It only shows positions and asks for moves; the lab owns the playback."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...kit import texts
from ...kit.widgets import tip
from ..backward import BackwardPlayback

TR = "BackwardControls"  # the translation context of this module's texts

IDLE_TEXT = QT_TRANSLATE_NOOP(
    TR, "Forward state: lines show the weights. Press ▸ (Shift+→) to step one training step's backward()."
)


class BackwardControls(QWidget):
    """``back_requested``, ``step_requested``, ``seek_requested(stop)``; :meth:`show_playback` shows a stop."""

    back_requested = Signal()
    step_requested = Signal()
    seek_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backwardControls")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        texts.bind(label.setText, TR, "Backward pass:")
        row.addWidget(label)
        self.backButton = tip(
            QPushButton("◂"), "backwardBackButton", "One layer back towards the forward state (Shift+←).", TR
        )
        self.stepButton = tip(
            QPushButton("▸"),
            "backwardStepButton",
            "Step the next training step's backward() one layer further, last layer first: that layer lights "
            "up and its lines show ∂L/∂w (Shift+→). Train, Step or an edited weight starts a new one.",
            TR,
        )
        self.slider = tip(
            QSlider(Qt.Orientation.Horizontal),
            "backwardSlider",
            "Where in the backward pass the neuron view is: left the forward state, right every layer done.",
            TR,
        )
        self.slider.setRange(0, 1)
        self.slider.setPageStep(1)
        self.slider.setFixedWidth(90)
        self.label = tip(
            QLabel(), "backwardLabel", "Which state the neuron view shows: forward or backward.", TR
        )
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        for button in (self.backButton, self.stepButton):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("◂") + 28)
        self.backButton.clicked.connect(self.back_requested)
        self.stepButton.clicked.connect(self.step_requested)
        self.slider.valueChanged.connect(self._slid)
        row.addWidget(self.backButton)
        row.addWidget(self.slider)
        row.addWidget(self.stepButton)
        row.addWidget(self.label, 1)
        self._row = row
        self._showing = False
        self.show_playback(None)

    def add_control(self, widget: QWidget) -> None:
        """Put another control right of ▸, before the label (the predict mode's check box)."""
        self._row.insertWidget(self._row.indexOf(self.label), widget)

    def _slid(self, value: int) -> None:
        if not self._showing:
            self.seek_requested.emit(value)

    def show_playback(self, playback: BackwardPlayback | None, layers: int = 1) -> None:
        """Show ``playback``'s stop (None: none recorded yet — the forward state of a network of ``layers``
        weight layers, so the slider can already be dragged to any of them)."""
        t = theme.current()
        self._showing = True
        try:
            if playback is None:
                self.slider.setRange(0, max(1, layers))
                self.slider.setValue(0)
                text, colour = translate(TR, IDLE_TEXT), t.value
            else:
                self.slider.setRange(0, len(playback))
                self.slider.setValue(playback.position)
                text = playback.text()
                colour = t.gradient if playback.is_backward() else t.value
        finally:
            self._showing = False
        self.backButton.setEnabled(playback is not None and playback.position > 0)
        self.stepButton.setEnabled(playback is None or not playback.at_end)
        cut = min(
            (i for i in (text.find(":"), text.find("：")) if i >= 0), default=len(text)
        )  # Chinese: "："
        head, rest = text[: cut + 1], text[cut + 1 :]
        self.label.setText(f'<b style="color:{colour}">{escape(head)}</b>{escape(rest)}')
        self.plain_text = text  # what the label says, without markup (tests and tours read it)
