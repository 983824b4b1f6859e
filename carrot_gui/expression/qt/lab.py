"""The Expression lab: type an expression, Build, then step through backward() node by node.

Thin Qt layer: the state lives in :mod:`carrot_gui.expression.session` (what is built) and in a
:class:`~carrot_gui.expression.playback.Timeline` (where playback stands); the widgets only show it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carrot_gui.kit.widgets import tip
from pycarrot.expression import ExpressionError
from pycarrot.messages import elide_words

from ... import theme
from ...errors import guarded
from ..playback import PER_PATH, TOPOLOGICAL, Timeline
from ..presets import DEMO, PRESETS, Preset
from ..session import Loaded, check, load_named, load_source, paused_gc
from ..wording import format_value, hint_text
from .editor import ExpressionEditor
from .graph_view import GraphView
from .log_view import EventLog

START_TEXT = "At the start: press Step ▶ (→) to compute the values, then follow the gradient back."
QUEUE_SHOWN = 40  # entries of the queue list (the rest is summarised)
ORDER_TITLES = {
    TOPOLOGICAL: "Topological (backward())",
    PER_PATH: "Per path (original recursion)",
}


def _legend_html() -> str:
    """The title and colour key above the graph. Each key entry is one unbreakable phrase (&nbsp; inside),
    so a narrow window wraps between entries, never between a colour mark and its words."""
    t = theme.current()

    def entry(colour: str, text: str) -> str:
        return f"<span style='color:{colour}'>{text.replace(' ', '&nbsp;')}</span>"

    return " &nbsp; ".join(
        [
            "<b>2 · Step through backward()</b>",
            entry(t.value, "= value"),
            entry(t.gradient, "∇ gradient"),
            entry(t.constant_border, "┄ constant"),
            entry(t.queued, "▌ still to visit"),
            f"<span style='color:{t.muted}'>→ / Space to step or play · wheel zooms · F fits</span>",
        ]
    )


class ExpressionLab(QWidget):
    """The "Expression" tab. Public: :meth:`build_source`, :meth:`show_graph`, playback methods."""

    statusMessage = Signal(str)  # a passing message (built, an error, a check result)
    hintChanged = Signal(str)  # what to do next; always matches the current state
    built = Signal()

    def __init__(self, parent: QWidget | None = None, demo: Preset | None = DEMO) -> None:
        super().__init__(parent)
        self.setObjectName("expressionLab")
        self.loaded: Loaded | None = None
        self.timeline: Timeline | None = None
        self.mode = TOPOLOGICAL
        self._syncing = False
        self._next_note = ""
        self.hint = ""
        self.error_position: tuple[int, int] | None = None  # of the last failed Build, until a good one
        self.error_message = ""  # what was wrong with it, in words
        self._play_timer = QTimer(self)
        self._play_timer.timeout.connect(self._tick)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.leftPanel = self._build_left()
        self.rightPanel = self._build_right()
        splitter.addWidget(self.leftPanel)
        splitter.addWidget(self._build_center())
        splitter.addWidget(self.rightPanel)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([260, 770, 330])  # most of the width for the graph
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._shortcuts()
        self.set_speed(self.speedSlider.value())
        if demo is not None:
            self.expressionEditor.setPlainText(demo.source)
            self._next_note = demo.note
            self.build()

    # -- widgets -----------------------------------------------------------------------------------------

    def _build_left(self) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(4, 4, 4, 4)
        head = QLabel("<b>1 · Write an expression</b>")
        v.addWidget(head)
        row = QHBoxLayout()
        self.presetButton = tip(QToolButton(), "presetButton", "Ready-made expressions to try")
        self.presetButton.setText("Presets ▾")
        self.presetButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.presetButton)
        menu.setObjectName("presetMenu")
        for p in PRESETS:
            action = menu.addAction(p.title)
            action.setToolTip(p.note)
            action.triggered.connect(lambda _=False, p=p: self.load_preset(p))
        self.presetMenu = menu
        self.presetButton.setMenu(menu)
        row.addWidget(self.presetButton)
        self.editButton = tip(QToolButton(), "editButton", "Type your own expression again")
        self.editButton.setText("Edit")
        self.editButton.setVisible(False)
        self.editButton.clicked.connect(self._unlock_editor)
        row.addWidget(self.editButton)
        row.addStretch(1)
        self.buildButton = tip(
            QPushButton("Build"), "buildButton", "Build the graph of the expression (Ctrl+Enter)"
        )
        self.buildButton.setDefault(True)
        self.buildButton.clicked.connect(self.build)
        row.addWidget(self.buildButton)
        v.addLayout(row)
        self.expressionEditor = tip(
            ExpressionEditor(),
            "expressionEditor",
            "One statement per line: x = 2.0 makes a variable; z = x * y + sin(x) builds on it.\n"
            "Operators + - * / ** @, functions like sin, exp, tanh, sigmoid, sum, softmax, mse.\n"
            "Ctrl+Enter builds.",
        )
        self.expressionEditor.setFont(theme.qfont(mono=True))
        self.expressionEditor.setTabChangesFocus(True)
        self.expressionEditor.textChanged.connect(self._clear_error_marks)
        self.expressionEditor.textChanged.connect(self._update_hint)
        v.addWidget(self.expressionEditor, 3)
        self.errorLabel = tip(QLabel(), "errorLabel", "What is wrong with the expression, and where")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(f"color: {theme.current().error};")
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errorLabel.setVisible(False)
        v.addWidget(self.errorLabel)
        self.noteLabel = QLabel()
        self.noteLabel.setObjectName("noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setStyleSheet(f"color: {theme.current().muted};")
        v.addWidget(self.noteLabel)

        order = QGroupBox("3 · Compare the order")
        ov = QVBoxLayout(order)
        self.orderSwitch = tip(
            QComboBox(),
            "orderSwitch",
            "Which walk to replay: the engine's sorted one (each grad_fn once) or the original per-path\n"
            "recursion (each grad_fn once per path — exponential on shared sub-graphs).",
        )
        for mode in (TOPOLOGICAL, PER_PATH):
            self.orderSwitch.addItem(ORDER_TITLES[mode], mode)
        # may narrow (eliding its text) on a small screen instead of widening the window past it
        self.orderSwitch.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.orderSwitch.setMinimumContentsLength(14)
        self.orderSwitch.currentIndexChanged.connect(lambda _: self.set_mode(self.orderSwitch.currentData()))
        ov.addWidget(self.orderSwitch)
        self.callCountLabel = tip(QLabel(), "callCountLabel", "How many times a grad_fn runs in one backward")
        self.callCountLabel.setWordWrap(True)
        ov.addWidget(self.callCountLabel)
        v.addWidget(order)

        checks = QGroupBox("4 · Check the gradients")
        cv = QVBoxLayout(checks)
        self.checkButton = tip(
            QPushButton("Check with finite differences"),
            "checkButton",
            "Run pc.gradcheck: compare every variable's gradient with (f(x+ε) − f(x−ε)) / 2ε",
        )
        self.checkButton.clicked.connect(self.run_check)
        cv.addWidget(self.checkButton)
        self.checkResults = tip(QLabel(), "checkResults", "✓: backward() agrees with finite differences")
        self.checkResults.setWordWrap(True)
        self.checkResults.setTextFormat(Qt.TextFormat.RichText)
        self.checkResults.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # many inputs (or projector-sized text) scroll here instead of pushing the editor off the panel
        self.checkScroll = QScrollArea()
        self.checkScroll.setObjectName("checkScroll")
        self.checkScroll.setWidget(self.checkResults)
        self.checkScroll.setWidgetResizable(True)
        self.checkScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.checkScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checkScroll.setVisible(False)
        cv.addWidget(self.checkScroll, 1)
        v.addWidget(checks)
        return box

    def _build_center(self) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(4, 4, 4, 4)
        self.legendLabel = QLabel(_legend_html())
        self.legendLabel.setObjectName("legendLabel")
        self.legendLabel.setWordWrap(True)  # never force the window wider than the screen
        v.addWidget(self.legendLabel)
        self.stepLabel = tip(QLabel(START_TEXT), "stepLabel", "The latest step, in words")
        self.stepLabel.setWordWrap(True)
        self.stepLabel.setFont(theme.qfont(theme.current().font_size * 1.15))
        v.addWidget(self.stepLabel)
        self.graphView = GraphView()
        self.graphView.setToolTip("")
        v.addWidget(self.graphView, 1)

        # two rows so the window fits a 1280-pixel projector even with large text: the timeline slider
        # with its position on top, the buttons and the speed below
        scrub = QHBoxLayout()
        bar = QHBoxLayout()
        self.resetButton = tip(QPushButton("|◀ Start"), "resetButton", "Back to the start (Home)")
        self.stepBackButton = tip(QPushButton("◀ Back"), "stepBackButton", "One step back (←, PageUp)")
        self.playButton = tip(QPushButton("▶ Play"), "playButton", "Play / pause (Space)")
        self.stepForwardButton = tip(
            QPushButton("Step ▶"), "stepForwardButton", "One step forward (→, PageDown)"
        )
        self.endButton = tip(QPushButton("End ▶|"), "endButton", "Jump to the end (End)")
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
        self.timelineSlider = tip(QSlider(Qt.Orientation.Horizontal), "timelineSlider", "Drag to any step")
        self.timelineSlider.setMinimumWidth(100)
        self.timelineSlider.valueChanged.connect(self._slider_moved)
        scrub.addWidget(self.timelineSlider, 1)
        self.positionLabel = QLabel()
        self.positionLabel.setObjectName("positionLabel")
        self._size_position_label()
        scrub.addWidget(self.positionLabel)
        bar.addStretch(1)
        scrub.addWidget(QLabel("speed"))
        self.speedSlider = tip(
            QSlider(Qt.Orientation.Horizontal), "speedSlider", "Steps per second when playing"
        )
        self.speedSlider.setRange(1, 60)
        self.speedSlider.setValue(3)
        self.speedSlider.setMinimumWidth(80)
        self.speedSlider.setMaximumWidth(120)
        self.speedSlider.valueChanged.connect(self.set_speed)
        scrub.addWidget(self.speedSlider)
        self.followCheck = tip(
            QCheckBox("follow"),
            "followCheck",
            "Zoom to a readable size and keep the active node in view while stepping (F shows it all)",
        )
        self.followCheck.toggled.connect(self.graphView.set_follow)
        scrub.addWidget(self.followCheck)
        v.addLayout(scrub)
        v.addLayout(bar)
        return box

    def _build_right(self) -> QWidget:
        box = QWidget()
        box.setMinimumWidth(240)  # the log (its lines wrap) stays readable when the text grows
        v = QVBoxLayout(box)
        v.setContentsMargins(4, 4, 4, 4)
        title = QLabel("<b>What happened</b> (click a line to go there)")
        title.setWordWrap(True)
        v.addWidget(title)
        self.eventLog = tip(EventLog(), "eventLog", "Every step in words; click one to jump there")
        self.eventLog.clicked.connect(self._log_clicked)
        v.addWidget(self.eventLog, 3)
        self.queueTitle = QLabel("<b>Still to visit</b> (backward()'s order)")
        self.queueTitle.setWordWrap(True)
        v.addWidget(self.queueTitle)
        self.queueList = tip(QListWidget(), "queueList", "The nodes backward() will visit next, in order")
        self.queueList.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        v.addWidget(self.queueList, 1)
        return box

    def _shortcuts(self) -> None:
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        pairs = [
            ("Ctrl+Return", self.build),
            ("Ctrl+Enter", self.build),
            ("Space", self.toggle_play),
            ("Right", self.step_forward),
            ("PgDown", self.step_forward),
            ("Left", self.step_back),
            ("PgUp", self.step_back),
            ("Home", self.reset),
            ("End", self.to_end),
            ("F", self.fit),
        ]
        self._shortcut_objects = [QShortcut(QKeySequence(k), self, fn, context=ctx) for k, fn in pairs]

    def set_graph_only(self, on: bool) -> None:
        """Hide the editor and log panels so the graph gets the whole width (a projector), or show them."""
        self.leftPanel.setVisible(not on)
        self.rightPanel.setVisible(not on)
        if on:
            self.graphView.setFocus()

    def _size_position_label(self) -> None:
        metrics = self.positionLabel.fontMetrics()
        self.positionLabel.setMinimumWidth(metrics.horizontalAdvance("00000 / 00000 · backward") + 6)

    def refresh_theme(self) -> None:
        """Re-read colours and text sizes from :mod:`carrot_gui.theme` (View ▸ Projector mode, text size)."""
        t = theme.current()
        self.legendLabel.setText(_legend_html())
        self.errorLabel.setStyleSheet(f"color: {t.error};")
        self.noteLabel.setStyleSheet(f"color: {t.muted};")
        self.stepLabel.setFont(theme.qfont(t.font_size * 1.15))
        self.expressionEditor.setFont(theme.qfont(mono=True))
        self.graphView.refresh_theme()
        self.eventLog.viewport().update()
        self._size_position_label()

    # -- building ----------------------------------------------------------------------------------------

    @guarded("building the expression")
    def build(self) -> bool:
        """Build the editor's expression. A mistake is marked in the editor; the previous graph stays."""
        source = self.expressionEditor.toPlainText()
        if self.expressionEditor.isReadOnly():
            self.statusMessage.emit("This graph came from the Training lab; pick a preset or press Edit")
            return False
        with paused_gc():
            try:
                loaded = load_source(source, "expression")
            except ExpressionError as exc:
                self._show_error(str(exc), exc.line, exc.col)
                return False
            except (ValueError, TypeError, ArithmeticError, IndexError) as exc:
                self._show_error(f"{exc}", None, None)
                return False
            self._install(loaded)
        self.noteLabel.setText(self._next_note)  # a preset's hint, or nothing for a typed expression
        self._next_note = ""
        if self.expressionEditor.hasFocus():  # built with Ctrl+Enter: → and Space now step and play
            self.graphView.setFocus()
        return True

    def build_source(self, source: str) -> bool:
        """Put ``source`` in the editor and build it (used by the CLI's --expr)."""
        self._unlock_editor()
        self.expressionEditor.setPlainText(source)
        return bool(self.build())

    def load_preset(self, p: Preset) -> None:
        self._unlock_editor()
        self.expressionEditor.setPlainText(p.source)
        self._next_note = p.note
        self.build()

    @guarded("showing a graph from the Training lab")
    def show_graph(self, named: dict, title: str) -> None:
        """Load a graph built elsewhere (the Training lab) as if built here, and switch to this tab."""
        with paused_gc():
            loaded = load_named(named, title)
        self._stop()
        self.expressionEditor.setPlainText(
            f"# {title}\n# This graph was sent from the Training lab (read-only here).\n"
            "# Step through its backward pass, or press Edit / pick a preset to type your own."
        )
        self.expressionEditor.setReadOnly(True)
        self.editButton.setVisible(True)
        self.noteLabel.setText(f"From the Training lab: {title}")
        self._install(loaded)
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is not None:
            parent.setCurrentWidget(self)

    def _unlock_editor(self) -> None:
        self.expressionEditor.setReadOnly(False)
        self.editButton.setVisible(False)

    def _install(self, loaded: Loaded) -> None:
        """Show a freshly built expression (only called once everything about it has succeeded)."""
        self._stop()
        self.loaded = loaded
        self.mode = self.orderSwitch.currentData() or TOPOLOGICAL
        tl = loaded.timeline(self.mode)
        tl.reset()
        self.timeline = tl
        self._clear_error()
        self.checkResults.setText("")
        self.checkScroll.setVisible(False)
        self.graphView.set_graph(loaded, tl)
        self.graphView.fit_when_shown()
        self._fill_log()
        self._update_counts()
        self._sync_controls()
        g = loaded.graph
        self.statusMessage.emit(
            f"Built {len(g.nodes)} nodes, {len(g.edges)} edges; {len(tl)} steps "
            f"({tl.backward_start} forward, {len(tl) - tl.backward_start} backward)"
        )
        self.built.emit()

    # -- errors ------------------------------------------------------------------------------------------

    def _show_error(self, message: str, line: int | None, col: int | None) -> None:
        message = elide_words(message)  # a 200,000-character word in a wrapped label froze the window
        self.error_message = message
        self.errorLabel.setText(f"⚠ {message}\nThe previous graph is still shown.")
        self.errorLabel.setVisible(True)
        self.statusMessage.emit(message)
        self.error_position = (line, col) if line is not None else (0, 0)
        self._update_hint()
        if line is None:
            return
        doc = self.expressionEditor.document()
        block = doc.findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        # the parser counts characters; Qt counts UTF-16 units (an emoji is two)
        units = len(block.text()[: max(0, col - 1)].encode("utf-16-le")) // 2
        cursor.setPosition(block.position() + min(units, max(0, block.length() - 1)))
        self.expressionEditor.setTextCursor(cursor)
        mark = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(QColor(theme.current().error).lighter(185)))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(theme.current().error))
        mark.format = fmt
        sel = QTextCursor(cursor)
        if sel.atBlockEnd():
            sel.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)
        else:
            sel.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = sel
        self.expressionEditor.setExtraSelections([mark])

    def _clear_error_marks(self) -> None:
        if self.expressionEditor.extraSelections():
            self.expressionEditor.setExtraSelections([])

    def _clear_error(self) -> None:
        self.errorLabel.setVisible(False)
        self.errorLabel.setText("")
        self.expressionEditor.setExtraSelections([])
        self.error_position = None

    # -- playback ----------------------------------------------------------------------------------------

    def step_forward(self) -> bool:
        if self.timeline is None or not self.timeline.step_forward():
            return False
        self._sync_controls()
        return True

    def step_back(self) -> bool:
        self._stop()
        if self.timeline is None or not self.timeline.step_back():
            return False
        self._sync_controls(animate=False)
        return True

    def seek(self, position: int) -> None:
        if self.timeline is None:
            return
        self.timeline.seek(position)
        self._sync_controls(animate=False)

    def step(self, n: int) -> None:
        """Advance ``n`` steps at once (the CLI's --steps)."""
        if self.timeline is not None:
            self.seek(self.timeline.position + n)

    def reset(self) -> None:
        self._stop()
        self.seek(0)

    def to_end(self) -> None:
        self._stop()
        if self.timeline is not None:
            self.seek(len(self.timeline))

    def toggle_play(self) -> None:
        if self._play_timer.isActive():
            self._stop()
            return
        if self.timeline is None:
            return
        if self.timeline.at_end:
            self.seek(0)
        self._play_timer.start()
        self.playButton.setText("❚❚ Pause")  # ❚ is in DejaVu Sans; ⏸ shows as a box

    @property
    def playing(self) -> bool:
        return self._play_timer.isActive()

    def set_speed(self, steps_per_second: int) -> None:
        interval = int(1000 / max(1, steps_per_second))
        self._play_timer.setInterval(interval)
        self.graphView.animation_ms = 0 if interval < 60 else min(450, int(interval * 0.8))

    def _tick(self) -> None:
        if not self.step_forward():
            self._stop()

    def _stop(self) -> None:
        if self._play_timer.isActive():
            self._play_timer.stop()
        self.playButton.setText("▶ Play")

    def fit(self) -> None:
        self.graphView.fit_when_shown()

    @guarded("switching the backward order")
    def set_mode(self, mode: str) -> None:
        """Replay the engine's topological walk or the original per-path recursion."""
        if self.loaded is None or mode == self.mode and self.timeline is self.loaded.timeline(mode):
            return
        tl = self.loaded.timeline(mode)
        position = self.timeline.position if self.timeline is not None else 0
        tl.seek(position)  # clamped to the other walk's length
        self.mode = mode
        self.timeline = tl
        index = self.orderSwitch.findData(mode)
        if self.orderSwitch.currentIndex() != index:
            self.orderSwitch.setCurrentIndex(index)
        self.graphView.set_timeline(tl)
        self._fill_log()
        self._update_counts()
        self._sync_controls(animate=False)

    def _update_counts(self) -> None:
        if self.loaded is None:
            return
        order = "backward()'s order" if self.mode == TOPOLOGICAL else "the per-path recursion's order"
        self.queueTitle.setText(f"<b>Still to visit</b> ({order})")
        counts = self.loaded.call_counts()
        topo, path = counts[TOPOLOGICAL], counts[PER_PATH]
        edges = sum(1 for e in self.loaded.graph.edges if self.loaded.graph.nodes[e.src].requires_grad)
        text = f"grad_fn calls in one backward:\n  topological: {topo:,}  (one per edge: {edges:,})\n  per path: {path:,}"
        if path > topo:
            text += f"  — {path / max(topo, 1):,.1f}× as many"
        if self.timeline is not None and self.timeline.note:
            text += f"\n{self.timeline.note}"
        self.callCountLabel.setText(text)

    def _sync_controls(self, animate: bool = True) -> None:
        """Bring slider, labels, log, queue and the graph to the timeline's position."""
        tl = self.timeline
        if tl is None:
            return
        p = tl.position
        self._syncing = True
        try:
            if self.timelineSlider.maximum() != len(tl):
                self.timelineSlider.setRange(0, len(tl))
            self.timelineSlider.setValue(p)
        finally:
            self._syncing = False
        phase = "forward" if p <= tl.backward_start else "backward"
        if p == 0:
            phase = "start"
        self.positionLabel.setText(f"{p} / {len(tl)} · {phase}")
        self.graphView.show_position(animate=animate)
        self.eventLog.show_position(p)
        current = tl.current(p)
        self.stepLabel.setText(current.text if current is not None else START_TEXT)
        self._fill_queue(p)
        self.stepBackButton.setEnabled(p > 0)
        self.stepForwardButton.setEnabled(p < len(tl))
        self.resetButton.setEnabled(p > 0)
        self.endButton.setEnabled(p < len(tl))
        self._update_hint()

    def edited(self) -> bool:
        """True when the editor holds text that differs from what the graph shows (not built yet)."""
        if self.loaded is None or self.expressionEditor.isReadOnly() or self.loaded.source is None:
            return False
        return self.expressionEditor.toPlainText() != self.loaded.source

    def _update_hint(self) -> None:
        tl = self.timeline
        if tl is None:
            hint = hint_text(0, 0, 0, edited=False)
        else:
            hint = hint_text(
                tl.position, len(tl), tl.backward_start, self.edited(), self.error_position is not None
            )
        if hint != self.hint:
            self.hint = hint
            self.hintChanged.emit(hint)

    def _slider_moved(self, value: int) -> None:
        if not self._syncing:
            self._stop()
            self.seek(value)

    # -- log and queue -----------------------------------------------------------------------------------

    def _fill_log(self) -> None:
        self.eventLog.set_timeline(self.timeline)
        if self.timeline is not None:
            self.eventLog.show_position(self.timeline.position)

    def _log_clicked(self, index) -> None:
        self._stop()
        self.seek(index.row() + 1)

    def _fill_queue(self, p: int) -> None:
        tl = self.timeline
        assert tl is not None
        queue = tl.queue(p)
        labels = [tl.graph.nodes[i].label for i in queue[:QUEUE_SHOWN]]
        if len(queue) > QUEUE_SHOWN:
            labels.append(f"… and {len(queue) - QUEUE_SHOWN:,} more")
        if p < tl.backward_start:
            labels = ["(backward has not started)"]
        elif not labels:
            labels = ["(empty: backward() has visited every node)"]
        current = [self.queueList.item(k).text() for k in range(self.queueList.count())]
        if current != labels:
            self.queueList.clear()
            self.queueList.addItems(labels)

    # -- check -------------------------------------------------------------------------------------------

    @guarded("checking the gradients")
    def run_check(self) -> None:
        if self.loaded is None:
            return
        try:
            rows = check(self.loaded)
        except ValueError as exc:
            self.checkResults.setText(f"<span style='color:{theme.current().error}'>{exc}</span>")
            self.checkScroll.setVisible(True)
            return
        t = theme.current()
        self.graphView.clear_checks()
        lines = []
        for r in rows:
            mark = "✓" if r.ok else "✗" if r.trusted else "?"  # ?: the finite differences are the problem
            colour = t.ok if r.ok else t.error if r.trusted else t.muted
            detail = f"backward {format_value(r.analytic)} · finite differences {format_value(r.numeric)}"
            if not r.ok and not r.trusted:
                detail += f" — {r.reason}"
            lines.append(f"<span style='color:{colour}'><b>{mark} {r.label}</b></span>: {detail}")
            self.graphView.nodes[self.loaded.graph.find(r.label).index].set_check(mark, detail)
        self.checkResults.setText("<br>".join(lines))
        self.checkScroll.setVisible(True)
        if all(r.ok for r in rows):
            self.statusMessage.emit("Check: every gradient agrees")
        elif any(not r.ok and r.trusted for r in rows):
            self.statusMessage.emit("Check: some gradients disagree")
        else:
            self.statusMessage.emit("Check: finite differences cannot be trusted at these magnitudes")
