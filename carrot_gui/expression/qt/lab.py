"""The Expression lab: type an expression, Build, then step through backward() node by node.

A thin coordinator of panels: the editor panel (step 1), the graph with its playback controls (step 2),
the order and check boxes (steps 3 and 4), the log panel and the node inspector. The state lives in
:mod:`carrot_gui.expression.session` (what is built) and in a
:class:`~carrot_gui.expression.playback.Timeline` (where playback stands); every view follows the
timeline's ``position_changed`` signal, so nobody is told by hand to catch up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pycarrot.expression import ExpressionError
from pycarrot.messages import elide_words

from ... import engine_text, theme
from ...errors import guarded
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import presenter, texts
from ...kit.actions import lab_keys
from ...kit.widgets import tip
from ..playback import Mode, Timeline, refollow
from ..presets import DEMO, Preset
from ..session import Loaded, check, load_named, load_source, paused_gc
from ..wording import hint_text
from .check_panel import ORDER_TITLES, CheckPanel, OrderPanel
from .editor_panel import EditorPanel
from .graph_view import GraphView, legend_html
from .inspector import NodeInspector
from .log_panel import QUEUE_SHOWN, LogPanel
from .playback_controls import PlaybackControls
from .predict import ExpressionPredict

PROJECTOR_LOG_WIDTH = 1500  # in projector mode a lab narrower than this folds the log away for the graph
START_TEXT = QT_TRANSLATE_NOOP(
    "ExpressionLab", "At the start: press Step ▶ (→) to compute the values, then follow the gradient back."
)  # English; shown translated
__all__ = ["ORDER_TITLES", "QUEUE_SHOWN", "START_TEXT", "ExpressionLab"]


class ExpressionLab(QWidget, presenter.Presentable):
    """The "Expression" tab. Public: :meth:`build_source`, :meth:`show_graph`, playback methods."""

    statusMessage = Signal(str)  # a passing message (built, an error, a check result)
    hintChanged = Signal(str)  # what to do next; always matches the current state
    built = Signal()

    def __init__(self, parent: QWidget | None = None, demo: Preset | None = DEMO) -> None:
        super().__init__(parent)
        self.setObjectName("expressionLab")
        self.loaded: Loaded | None = None
        self.timeline: Timeline | None = None
        self.mode = Mode.TOPOLOGICAL
        self._next_note = ""
        self.hint = ""
        self.error_position: tuple[int, int] | None = None  # of the last failed Build, until a good one
        self.error_message = ""  # what was wrong with it, in words
        self._error: Exception | None = None  # the last Build's mistake, said again after a language switch
        self._preset_note = ""  # the English note of the preset shown
        self._check_rows = None  # Check's rows for the graph shown
        self._auto_fold = True  # projector mode may fold the log away until the user shows or hides a panel
        self._syncing_buttons = False
        self._build_panels()
        self._shortcuts()
        texts.follow(self._retranslate)
        if demo is not None:
            self.expressionEditor.setPlainText(demo.source)
            self._next_note = demo.note
            self.build()

    def _retranslate(self) -> None:
        """Re-make the texts the lab makes itself in the new language (the bound ones re-set themselves)."""
        self.legendLabel.setText(legend_html())
        if self.timeline is not None:
            self._on_position(self.timeline.position, self.timeline.position)
            self.graphView.show_position(animate=False)  # the active edge's label
        else:
            self.stepLabel.setText(translate("ExpressionLab", START_TEXT))
        if self._error is not None and self.error_position is not None:
            self.editorPanel.set_error_text(elide_words(engine_text.error_text(self._error)))
        if self.loaded is not None and not self.editorPanel.read_only:
            self._show_note(self._preset_note)
        if self._check_rows:
            self._show_check(self._check_rows)
        self._update_hint()

    # -- widgets -----------------------------------------------------------------------------------------

    def _build_panels(self) -> None:
        self.editorPanel = EditorPanel()
        self.orderPanel = OrderPanel()
        self.checkPanel = CheckPanel()
        self.logPanel = LogPanel()
        self.controls = PlaybackControls()
        self.graphView = GraphView()
        self.graphView.setToolTip("")
        self.inspector = NodeInspector()
        self.inspector.setVisible(False)
        self.predict = ExpressionPredict(self)  # predict, then reveal: its row goes under the controls
        self._alias_widgets()
        self.editorPanel.buildRequested.connect(self.build)
        self.editorPanel.presetChosen.connect(self.load_preset)
        self.expressionEditor.textChanged.connect(self._update_hint)
        self.orderPanel.modeChosen.connect(self.set_mode)
        self.checkButton.clicked.connect(self.run_check)
        self.logPanel.positionChosen.connect(self._log_clicked)
        self.controls.speedChanged.connect(self._speed_changed)
        self.followCheck.toggled.connect(self.graphView.set_follow)
        self.graphView.nodeClicked.connect(self.inspector.show_node)

        self.leftPanel = QWidget()
        left = QVBoxLayout(self.leftPanel)
        left.setContentsMargins(4, 4, 4, 4)
        left.addWidget(self.editorPanel, 3)
        left.addWidget(self.orderPanel)
        left.addWidget(self.checkPanel)
        self.rightPanel = self.logPanel
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("labSplitter")
        splitter.addWidget(self.leftPanel)
        splitter.addWidget(self._build_center())
        splitter.addWidget(self.rightPanel)
        for k, stretch in enumerate((0, 1, 0)):
            splitter.setStretchFactor(k, stretch)
        splitter.setSizes([250, 800, 310])  # most of the width for the graph
        # the side panels fold away (drag a divider to the edge, or the Editor / Log buttons); never the graph
        splitter.setCollapsible(1, False)
        splitter.splitterMoved.connect(lambda *_: self._sync_panel_buttons())
        # an inner main window only to hold the inspector dock beside the panels
        self._dock_host = QMainWindow()
        self._dock_host.setWindowFlags(Qt.WindowType.Widget)
        self._dock_host.setCentralWidget(splitter)
        self._dock_host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._dock_host)

    def _alias_widgets(self) -> None:
        """The panels' widgets under the lab's names (tests, the main window and the CLI use them)."""
        for panel, names in (
            (
                self.editorPanel,
                "presetButton presetMenu editButton buildButton expressionEditor errorLabel noteLabel",
            ),
            (self.orderPanel, "orderSwitch callCountLabel"),
            (self.checkPanel, "checkButton checkResults checkScroll"),
            (self.logPanel, "eventLog queueTitle queueList showWholeScriptCheck"),
            (
                self.controls,
                "resetButton stepBackButton playButton stepForwardButton endButton timelineSlider "
                "positionLabel speedSlider speedLabel followCheck",
            ),
            (self.predict.row, "predictModeCheck guessEdit revealButton scoreLabel"),
        ):
            for name in names.split():
                setattr(self, name, getattr(panel, name))
        self._play_timer = self.controls.play_timer

    def _build_center(self) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(4, 4, 4, 4)
        self.legendLabel = QLabel(legend_html())
        self.legendLabel.setObjectName("legendLabel")
        self.legendLabel.setWordWrap(True)  # never force the window wider than the screen
        v.addWidget(self.legendLabel)
        self.stepLabel = tip(
            QLabel(translate("ExpressionLab", START_TEXT)),
            "stepLabel",
            "The latest step, in words",
            "ExpressionLab",
        )
        self.stepLabel.setWordWrap(True)
        self.stepLabel.setFont(theme.qfont(theme.current().font_size * 1.15))
        row = QHBoxLayout()  # the step in words, and the buttons that fold the side panels away
        row.addWidget(self.stepLabel, 1)
        # predict mode's switch: here it widens nothing (the step wraps) and presenter mode keeps it
        row.addWidget(self.predictModeCheck, 0, Qt.AlignmentFlag.AlignTop)
        self.editorPanelButton = self._panel_button(
            self.leftPanel,
            "editorPanelButton",
            "Show or hide the editor panel (steps 1, 3, 4) on the left",
            "◧ Editor",
        )
        self.logPanelButton = self._panel_button(
            self.rightPanel, "logPanelButton", "Show or hide the “What happened” log on the right", "Log ◨"
        )
        for button in (self.editorPanelButton, self.logPanelButton):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        v.addLayout(row)
        v.addWidget(self.graphView, 1)
        self.presenterCaption = presenter.caption_label()  # the step in large words, in presenter mode
        v.addWidget(self.presenterCaption)
        v.addWidget(self.controls)
        v.addWidget(self.predict.row)  # in the graph column: presenter mode keeps it on screen
        return box

    def _panel_button(self, panel: QWidget, name: str, tooltip: str, text: str) -> QToolButton:
        """A checked tool button named ``name`` that shows or hides ``panel`` (the user's choice from then on);
        its tooltip and text are English sources in the ExpressionLab context."""
        button = tip(QToolButton(), name, tooltip, "ExpressionLab", text=text)
        button.setCheckable(True)
        button.setChecked(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.toggled.connect(lambda on: self._user_panel(panel, on))
        return button

    def _shortcuts(self) -> None:
        self._shortcut_objects = lab_keys(
            self,
            [
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
            ],
        )

    def set_graph_only(self, on: bool) -> None:
        """Hide the editor and log panels so the graph gets the whole width (a projector), or show them."""
        self._auto_fold = False
        self.show_panel(self.leftPanel, not on)
        self.show_panel(self.rightPanel, not on)
        if on:
            self.graphView.setFocus()

    def panel_shown(self, panel: QWidget) -> bool:
        """Whether a side panel takes room now (not hidden, not folded to nothing by its divider)."""
        return not panel.isHidden() and self.splitter.sizes()[self.splitter.indexOf(panel)] > 0

    def show_panel(self, panel: QWidget, on: bool) -> None:
        """Show or fold away a side panel (``leftPanel`` or ``rightPanel``); the graph takes the room."""
        panel.setVisible(on)
        k = self.splitter.indexOf(panel)
        sizes = self.splitter.sizes()
        if on and sizes[k] == 0:  # folded by dragging its divider: open it at its natural width
            sizes[k] = panel.sizeHint().width()
            sizes[1] = max(0, sizes[1] - sizes[k])
            self.splitter.setSizes(sizes)
        self._sync_panel_buttons()

    def _user_panel(self, panel: QWidget, on: bool) -> None:
        if self._syncing_buttons or on == self.panel_shown(panel):
            return
        self._auto_fold = False  # the user decides from now on
        self.show_panel(panel, on)

    def _sync_panel_buttons(self) -> None:
        self._syncing_buttons = True
        try:
            self.editorPanelButton.setChecked(self.panel_shown(self.leftPanel))
            self.logPanelButton.setChecked(self.panel_shown(self.rightPanel))
        finally:
            self._syncing_buttons = False

    def _fold_for_projector(self) -> None:
        """In projector mode a narrow window gives the log's room to the graph (the Log button brings it
        back); until the user shows or hides a panel himself."""
        if not self._auto_fold or not self.presenterCaption.isHidden():  # presenter mode folds its own way
            return
        narrow = theme.current().projector and self.width() < PROJECTOR_LOG_WIDTH
        if narrow == self.panel_shown(self.rightPanel):
            self.show_panel(self.rightPanel, not narrow)

    def _arrange_controls(self) -> None:
        """In projector (and presenter) mode the playback controls take one row when the graph's column is
        wide enough: the graph gets the second row's height (at 1280×800 it is height-bound)."""
        big = theme.current().name == "projector"
        room = self.graphView.width()
        self.controls.set_one_row(big and room >= self.controls.one_row_width())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fold_for_projector()
        self._arrange_controls()

    def refresh_theme(self) -> None:
        """Re-read colours and text sizes from :mod:`carrot_gui.theme` (View ▸ Projector mode, text size)."""
        t = theme.current()
        self.legendLabel.setText(legend_html())
        self.stepLabel.setFont(theme.qfont(t.font_size * 1.15))
        self.editorPanel.refresh_theme()
        self.graphView.refresh_theme()
        self.eventLog.viewport().update()
        self.controls.size_labels()
        self.inspector.refresh()
        self._fold_for_projector()
        self._arrange_controls()

    # -- presenter mode (the protocol of carrot_gui/kit/presenter.py) -------------------------------------

    def presenter_panels(self) -> list[presenter.Fold]:
        """The editor and the log, and the lines above the graph (the caption says the step in their place)."""
        sides = [
            presenter.Fold(lambda p=p: self.panel_shown(p), lambda on, p=p: self.show_panel(p, on))
            for p in (self.leftPanel, self.rightPanel)
        ]
        above = (self.legendLabel, self.stepLabel, self.editorPanelButton, self.logPanelButton)
        return sides + [presenter.widget_fold(w) for w in above]

    def presenter_caption(self) -> str:
        """The question being asked, else the step in words."""
        return self.predict.row.caption() or self.stepLabel.text()

    def presenter_next(self) -> None:
        """One step of the playback (stopping it if it plays)."""
        self.controls.stop()
        self.step_forward()

    def presenter_previous(self) -> None:
        """One step back (stopping the playback if it plays)."""
        self.controls.stop()
        self.step_back()

    def set_presenting(self, on: bool) -> None:
        """Entering: the panels' widths are kept (the projector's larger text widens them), the graph fitted.
        Leaving (the panels are back): the same widths again, the graph fitted to its old room."""
        self.controls.stop()
        if on:
            self._widths_before_presenting = self.splitter.sizes()
            self.graphView.setFocus()
        elif getattr(self, "_widths_before_presenting", None):
            self.splitter.setSizes(self._widths_before_presenting)
            self._sync_panel_buttons()
        self.fit()

    # -- building ----------------------------------------------------------------------------------------

    @guarded(QT_TRANSLATE_NOOP("Errors", "building the expression"))
    def build(self) -> bool:
        """Build the editor's expression. A mistake is marked in the editor; the previous graph stays."""
        if self.editorPanel.read_only:
            self.statusMessage.emit(
                translate(
                    "ExpressionLab", "This graph came from the Training lab; pick a preset or press Edit"
                )
            )
            return False
        with paused_gc():
            try:
                loaded = load_source(self.editorPanel.source(), "expression")
            except ExpressionError as exc:
                self._show_error(str(exc), exc.line, exc.col, exc)
                return False
            except (ValueError, TypeError, ArithmeticError, IndexError) as exc:
                self._show_error(f"{exc}", None, None, exc)
                return False
            self._install(loaded)
        # a preset's hint, or where a NaN first appeared, or nothing for a typed expression
        self._preset_note, self._next_note = self._next_note, ""
        self._show_note(self._preset_note)
        if self.expressionEditor.hasFocus():  # built with Ctrl+Enter: → and Space now step and play
            self.graphView.setFocus()
        return True

    def _show_note(self, preset_note: str) -> None:
        """A preset's hint (translated), or where a NaN first appeared, or nothing for a typed expression."""
        loaded_note = self.loaded.note if self.loaded is not None else ""
        parts = (preset_note and translate("Presets", preset_note), loaded_note and f"⚠ {loaded_note}")
        self.noteLabel.setText("\n".join(x for x in parts if x))
        theme.set_tone(self.noteLabel, "error" if loaded_note else "muted")

    def build_source(self, source: str) -> bool:
        """Put ``source`` in the editor and build it (used by the CLI's --expr)."""
        self.editorPanel.unlock()
        self.expressionEditor.setPlainText(source)
        return bool(self.build())

    def load_preset(self, p: Preset) -> None:
        """Replace the text with a preset's as one undoable edit, and build it."""
        self.editorPanel.unlock()
        typed = self.expressionEditor.toPlainText()
        self.expressionEditor.replace_all(p.source)
        self._next_note = p.note
        if self.build() and typed.strip() and typed != p.source:
            self.statusMessage.emit(
                format_text(
                    "ExpressionLab",
                    "Loaded the preset “{title}” — Ctrl+Z in the editor brings your text back",
                    title=translate("Presets", p.title),
                )
            )

    @guarded(QT_TRANSLATE_NOOP("Errors", "showing a graph from the Training lab"))
    def show_graph(self, named: dict, title: str, origin: str = "training") -> None:
        """Load a graph built elsewhere (the ``origin`` lab: Training, Network) as if built here (the main
        window shows this tab)."""
        if origin == "network":
            lab = translate("ExpressionLab", "the Network lab")
        else:
            lab = translate("ExpressionLab", "the Training lab")
        with paused_gc():
            loaded = load_named(named, title)
        self.editorPanel.lock_with(
            format_text(
                "ExpressionLab",
                "# {title}\n# This graph was sent from {lab} (read-only here).\n"
                "# Step through its backward pass, or press Edit / pick a preset to type your own.",
                title=title,
                lab=lab,
            )
        )
        self.noteLabel.setText(format_text("ExpressionLab", "From {lab}: {title}", lab=lab, title=title))
        theme.set_tone(self.noteLabel, "muted")
        self._install(loaded)

    def _install(self, loaded: Loaded) -> None:
        """Show a freshly built expression (only called once everything about it has succeeded)."""
        self.controls.stop()
        self.loaded = loaded
        self.mode = self.orderPanel.mode()
        tl = loaded.timeline(self.mode)
        tl.reset()
        self._clear_error()
        self.checkPanel.clear()
        self._check_rows = None
        self.graphView.set_graph(loaded, tl)
        self.graphView.fit_when_shown()
        self._show_timeline(tl)
        g = loaded.graph
        built = format_text(
            "ExpressionLab",
            "Built {nodes} nodes, {edges} edges; {steps} steps ({forward} forward, {backward} backward)",
            nodes=len(g.nodes),
            edges=len(g.edges),
            steps=len(tl),
            forward=tl.backward_start,
            backward=len(tl) - tl.backward_start,
        )
        self.statusMessage.emit(built + (f" — {loaded.note}" if loaded.note else ""))
        self.built.emit()

    def _show_timeline(self, tl: Timeline) -> None:
        """Every view follows ``tl`` from now on (a new build or another backward order)."""
        refollow(self.timeline, tl, self._on_position)
        self.timeline = tl
        self.graphView.set_timeline(tl)
        self.controls.set_timeline(tl)
        self.logPanel.set_timeline(tl)
        self.inspector.set_timeline(tl)
        self.orderPanel.show_counts(self.loaded, tl)
        self.predict.set_timeline(tl)
        self._on_position(tl.position, tl.position)

    def _on_position(self, position: int, old: int) -> None:
        current = self.timeline.current(position) if self.timeline is not None else None
        self.stepLabel.setText(
            current.text if current is not None else translate("ExpressionLab", START_TEXT)
        )
        self.predict.on_position(position, old)
        self._update_hint()

    # -- errors ------------------------------------------------------------------------------------------

    def _show_error(
        self, message: str, line: int | None, col: int | None, error: Exception | None = None
    ) -> None:
        """``message`` (English) is kept in ``error_message``; the user reads it in the current language."""
        message = elide_words(message)  # a 200,000-character word in a wrapped label froze the window
        self.error_message = message
        self._error = error
        shown = elide_words(engine_text.error_text(error)) if error is not None else message
        self.statusMessage.emit(shown)
        self.error_position = (line, col) if line is not None else (0, 0)
        self.editorPanel.show_error(shown, line, col)
        self._update_hint()

    def _clear_error(self) -> None:
        self.editorPanel.clear_error()
        self.error_position = None

    # -- playback ----------------------------------------------------------------------------------------

    def step_forward(self) -> bool:
        return self.controls.step_forward()

    def step_back(self) -> bool:
        return self.controls.step_back()

    def seek(self, position: int) -> None:
        self.controls.seek(position)

    def step(self, n: int) -> None:
        """Advance ``n`` steps at once (the CLI's --steps)."""
        if self.timeline is not None:
            self.seek(self.timeline.position + n)

    def reset(self) -> None:
        self.controls.reset()

    def to_end(self) -> None:
        self.controls.to_end()

    def toggle_play(self) -> None:
        self.controls.toggle_play()

    @property
    def playing(self) -> bool:
        return self.controls.playing

    def set_speed(self, steps_per_second: int) -> None:
        self.speedSlider.setValue(steps_per_second)

    def _speed_changed(self, interval: int) -> None:
        self.graphView.animation_ms = 0 if interval < 60 else min(450, int(interval * 0.8))

    def fit(self) -> None:
        self.graphView.fit_when_shown()

    def _log_clicked(self, position: int) -> None:
        self.controls.stop()
        self.seek(position)

    @guarded(QT_TRANSLATE_NOOP("Errors", "switching the backward order"))
    def set_mode(self, mode: str) -> None:
        """Replay the engine's topological walk or the original per-path recursion."""
        mode = Mode(mode)
        if self.loaded is None or mode == self.mode and self.timeline is self.loaded.timeline(mode):
            return
        tl = self.loaded.timeline(mode)
        tl.seek(self.timeline.position if self.timeline is not None else 0)  # clamped to the other walk
        self.mode = mode
        self.orderPanel.show_mode(mode)
        self._show_timeline(tl)

    def edited(self) -> bool:
        """True when the editor holds text that differs from what the graph shows (not built yet)."""
        if self.loaded is None or self.editorPanel.read_only or self.loaded.source is None:
            return False
        return self.editorPanel.source() != self.loaded.source

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

    # -- check -------------------------------------------------------------------------------------------

    def _show_check(self, rows) -> None:
        """Check's verdicts in the panel and on the graph's boxes (again after a language switch)."""
        self._check_rows = rows
        self.graphView.clear_checks()
        for label, mark, detail in self.checkPanel.show_rows(rows):
            self.graphView.nodes[self.loaded.graph.find(label).index].set_check(mark, detail)

    @guarded(QT_TRANSLATE_NOOP("Errors", "checking the gradients"))
    def run_check(self) -> None:
        if self.loaded is None:
            return
        try:
            rows = check(self.loaded)
        except ValueError as exc:
            self.checkPanel.show_error(str(exc))
            return
        self._show_check(rows)
        if all(r.ok for r in rows):
            self.statusMessage.emit(translate("ExpressionLab", "Check: every gradient agrees"))
        elif any(not r.ok and r.trusted for r in rows):
            self.statusMessage.emit(translate("ExpressionLab", "Check: some gradients disagree"))
        else:
            self.statusMessage.emit(
                translate("ExpressionLab", "Check: finite differences cannot be trusted at these magnitudes")
            )
