"""The Expression lab's "compare the order" and "check the gradients" boxes.

:class:`OrderPanel` switches between the engine's topological walk and the original per-path recursion
and counts their grad_fn calls; :class:`CheckPanel` shows ``pc.gradcheck``'s verdict per variable, with the
arrays themselves, in a scrolling list.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts
from ...kit.widgets import tip
from ..playback import Mode, Timeline
from ..session import CheckRow, Loaded
from ..wording import format_value

ORDER_TITLES = {  # English sources, shown translated
    Mode.TOPOLOGICAL: QT_TRANSLATE_NOOP("ExpressionLab", "Topological (backward())"),
    Mode.PER_PATH: QT_TRANSLATE_NOOP("ExpressionLab", "Per path (original recursion)"),
}


class OrderPanel(QGroupBox):
    """Step 3: which walk to replay, and how many grad_fn calls each makes."""

    modeChosen = Signal(str)  # a Mode

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        texts.bind(self.setTitle, "ExpressionLab", "3 · Compare the order")
        ov = QVBoxLayout(self)
        self.orderSwitch = tip(
            QComboBox(),
            "orderSwitch",
            "Which walk to replay: the engine's sorted one (each grad_fn once) or the original per-path\n"
            "recursion (each grad_fn once per path — exponential on shared sub-graphs).",
            "ExpressionLab",
        )
        for mode in Mode:
            self.orderSwitch.addItem(ORDER_TITLES[mode], mode)
        # may narrow (eliding its text) on a small screen instead of widening the window past it
        self.orderSwitch.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.orderSwitch.setMinimumContentsLength(14)
        self.orderSwitch.currentIndexChanged.connect(lambda _: self.modeChosen.emit(self.mode()))
        ov.addWidget(self.orderSwitch)
        self.callCountLabel = tip(
            QLabel(), "callCountLabel", "How many times a grad_fn runs in one backward", "ExpressionLab"
        )
        self._shown: tuple[Loaded, Timeline] | None = None
        texts.follow(self._retranslate)
        self.callCountLabel.setWordWrap(True)
        ov.addWidget(self.callCountLabel)

    def _retranslate(self) -> None:
        for index in range(self.orderSwitch.count()):
            self.orderSwitch.setItemText(
                index, translate("ExpressionLab", ORDER_TITLES[self.orderSwitch.itemData(index)])
            )
        if self._shown is not None:
            self.show_counts(*self._shown)

    def mode(self) -> Mode:
        return Mode(self.orderSwitch.currentData() or Mode.TOPOLOGICAL)

    def show_mode(self, mode: Mode) -> None:
        index = self.orderSwitch.findData(mode)
        if self.orderSwitch.currentIndex() != index:
            self.orderSwitch.setCurrentIndex(index)

    def show_counts(self, loaded: Loaded, timeline: Timeline) -> None:
        self._shown = (loaded, timeline)
        counts = loaded.call_counts()
        topo, path = counts[Mode.TOPOLOGICAL], counts[Mode.PER_PATH]
        edges = sum(1 for e in loaded.graph.edges if loaded.graph.nodes[e.src].requires_grad)
        text = format_text(
            "ExpressionLab",
            "grad_fn calls in one backward:\n  topological: {topo}  (one per edge: {edges})\n  per path: {path}",
            topo=f"{topo:,}",
            edges=f"{edges:,}",
            path=f"{path:,}",
        )
        if path > topo:
            text += format_text("ExpressionLab", "  — {ratio}× as many", ratio=f"{path / max(topo, 1):,.1f}")
        if timeline.note:
            text += f"\n{timeline.note}"
        self.callCountLabel.setText(text)


class CheckPanel(QGroupBox):
    """Step 4: compare every variable's gradient with finite differences; the rows scroll."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        texts.bind(self.setTitle, "ExpressionLab", "4 · Check the gradients")
        cv = QVBoxLayout(self)
        self.checkButton = tip(
            QPushButton(),
            "checkButton",
            "Run pc.gradcheck: compare every variable's gradient with (f(x+ε) − f(x−ε)) / 2ε",
            "ExpressionLab",
            text="Check with finite differences",
        )
        cv.addWidget(self.checkButton)
        self.checkResults = tip(
            QLabel(), "checkResults", "✓: backward() agrees with finite differences", "ExpressionLab"
        )
        self.checkResults.setWordWrap(True)
        self.checkResults.setTextFormat(Qt.TextFormat.RichText)
        self.checkResults.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checkResults.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # many inputs (or projector-sized text) scroll here instead of pushing the editor off the panel
        self.checkScroll = QScrollArea()
        self.checkScroll.setObjectName("checkScroll")
        self.checkScroll.setWidget(self.checkResults)
        self.checkScroll.setWidgetResizable(True)
        self.checkScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.checkScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checkScroll.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.checkScroll.setVisible(False)
        cv.addWidget(self.checkScroll, 1)

    def clear(self) -> None:
        self.checkResults.setText("")
        self.checkScroll.setVisible(False)

    def show_error(self, message: str) -> None:
        self.checkResults.setText(f"<span style='color:{theme.current().error}'>{escape(message)}</span>")
        self.checkScroll.setVisible(True)

    def show_rows(self, rows: list[CheckRow]) -> list[tuple[str, str, str]]:
        """One line per variable; returns (label, mark, detail) for each, for the graph's boxes."""
        t = theme.current()
        lines, marks = [], []
        for r in rows:
            mark = "✓" if r.ok else "✗" if r.trusted else "?"  # ?: the finite differences are the problem
            colour = t.ok if r.ok else t.error if r.trusted else t.muted
            detail = format_text(
                "ExpressionLab",
                "backward {analytic} · finite differences {numeric}",
                analytic=format_value(r.analytic),
                numeric=format_value(r.numeric),
            )
            if not r.ok and not r.trusted:
                detail += f" — {r.reason}"
            lines.append(
                f"<span style='color:{colour}'><b>{mark} {escape(r.label)}</b></span>: {escape(detail)}"
            )
            marks.append((r.label, mark, detail))
        self.checkResults.setText("<br>".join(lines))
        self.checkScroll.setVisible(True)
        return marks
