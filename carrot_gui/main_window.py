"""The main window: the labs as tabs ("Expression", then "Training"), menus File/View/Help, a status bar.

``MainWindow()`` takes no arguments and opens on the Expression lab's demo, so tests build exactly what
users see.
"""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from . import paths, theme
from .errors import guarded
from .expression.qt import ExpressionLab

LABS = ("expression", "training")

SHORTCUTS = [
    ("Ctrl+Enter", "Build the expression"),
    ("→ / PageDown", "One step forward"),
    ("← / PageUp", "One step back"),
    ("Space", "Play / pause"),
    ("Home / End", "Start / end of the playback"),
    ("F", "Fit the graph in the view"),
    ("Mouse wheel / Ctrl+= / Ctrl+-", "Zoom"),
    ("Drag", "Pan the graph"),
    ("Ctrl+G", "Graph only (hide the editor and the log)"),
    ("Ctrl+Shift+P", "Projector mode (bigger text, stronger colours)"),
    ("Ctrl+E", "Export the graph as PNG"),
    ("Ctrl+Q", "Quit"),
    ("Training tab: Space", "Train / pause"),
    ("Training tab: →", "One optimiser step"),
    ("Training tab: Ctrl+R", "Reset: the same initial weights again (init seed), the last run stays faded"),
    (
        "Training tab: Ctrl+Shift+R",
        "New weights: the next init seed's initial weights, the last run stays faded",
    ),
]


def _training_lab_available() -> bool:
    """Whether the Training lab's module exists (checked without importing it: it pulls in pyqtgraph)."""
    try:
        return importlib.util.find_spec("carrot_gui.training.qt.lab") is not None
    except ModuleNotFoundError:
        return False


class MainWindow(QMainWindow):
    """PyCarrot's window. ``labs`` is the tab widget; ``expressionLab``/``trainingLab`` the tabs."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("PyCarrot — watch backpropagation")
        self.setWindowIcon(QIcon(str(paths.icon_path())))
        self.resize(1360, 820)
        self._base_theme = theme.current()
        self._font_scale = 1.0

        self.labs = QTabWidget(self)
        self.labs.setObjectName("labs")
        self.labs.setDocumentMode(True)
        self.expressionLab = ExpressionLab()
        self.labs.addTab(self.expressionLab, "Expression")
        self.labs.setTabToolTip(0, "Type an expression and step through its backward pass")
        # The Training lab is built the first time it is shown or asked for: importing pyqtgraph takes
        # ~300 ms, which would more than halve the time to the first frame.
        self._training_lab: QWidget | None = None
        self._training_host: QWidget | None = None
        if _training_lab_available():
            self._training_host = QWidget()
            self._training_host.setObjectName("trainingHost")
            host_layout = QVBoxLayout(self._training_host)
            host_layout.setContentsMargins(0, 0, 0, 0)
            self.labs.addTab(self._training_host, "Training")
            self.labs.setTabToolTip(1, "Fit a line with SGD and watch the loss fall")
        self.setCentralWidget(self.labs)

        self.statusBar().setObjectName("statusBar")
        # the lab's "what to do next" hint sits in the status bar; a passing message covers it for a few
        # seconds and then it shows again (Qt hides normal status widgets under a temporary message)
        self.statusHint = QLabel(self.expressionLab.hint)
        self.statusHint.setObjectName("statusHint")
        self.statusBar().addWidget(self.statusHint, 1)
        self.expressionLab.hintChanged.connect(self._show_hint)
        # Qt hides normal status widgets under a message only if they were visible when it came (not
        # before the window is shown): do it ourselves so the two texts never overlap
        self.statusBar().messageChanged.connect(lambda message: self.statusHint.setVisible(not message))
        self.expressionLab.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._build_menus()
        self.labs.currentChanged.connect(self._tab_changed)  # after the menus: it enables their graph actions
        self.expressionLab.graphView.setFocus()

    # -- menus -------------------------------------------------------------------------------------------

    def _action(
        self, menu, text: str, slot, shortcut: str | None = None, name: str = "", tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.setObjectName("fileMenu")
        # actions on the Expression lab's graph: enabled only while that lab is shown (_tab_changed), so Ctrl+E on
        # the Training tab never exports a picture the user is not looking at
        self._graph_actions = [
            self._action(
                file_menu, "Export graph as &PNG…", self.export_png_dialog, "Ctrl+E", "exportPngAction"
            ),
            self._action(file_menu, "Export graph as &SVG…", self.export_svg_dialog, None, "exportSvgAction"),
        ]
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, "Ctrl+Q", "quitAction")

        view = bar.addMenu("&View")
        view.setObjectName("viewMenu")
        self._graph_actions += [
            self._action(
                view, "&Fit graph\tF", self.expressionLab.fit, None, "fitAction", "Show the whole graph"
            ),
            self._action(
                view, "Zoom &in", lambda: self.expressionLab.graphView.zoom_by(1.25), "Ctrl+=", "zoomInAction"
            ),
            self._action(
                view,
                "Zoom &out",
                lambda: self.expressionLab.graphView.zoom_by(0.8),
                "Ctrl+-",
                "zoomOutAction",
            ),
        ]
        self.graphOnlyAction = self._action(
            view,
            "&Graph only",
            self.expressionLab.set_graph_only,
            "Ctrl+G",
            "graphOnlyAction",
            "Hide the editor and the log so the graph fills the window",
        )
        self.graphOnlyAction.setCheckable(True)
        self._graph_actions.append(self.graphOnlyAction)
        view.addSeparator()
        self.projectorAction = self._action(
            view,
            "&Projector mode",
            self.set_projector,
            "Ctrl+Shift+P",
            "projectorAction",
            "Larger text and stronger colours for a lecture hall",
        )
        self.projectorAction.setCheckable(True)
        self._action(view, "&Larger text", lambda: self.scale_text(1.15), "Ctrl+Shift+=", "largerTextAction")
        self._action(
            view, "&Smaller text", lambda: self.scale_text(1 / 1.15), "Ctrl+Shift+-", "smallerTextAction"
        )
        self._build_help_menu()

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, "F1", "shortcutsAction")
        self._action(help_menu, "&About PyCarrot", self.show_about, None, "aboutAction")

    # -- labs --------------------------------------------------------------------------------------------

    @property
    def trainingLab(self) -> QWidget | None:
        """The Training lab (built on first use), or None when this build has none."""
        if self._training_lab is None and self._training_host is not None:
            from .training.qt.lab import TrainingLab

            lab = TrainingLab()
            self._training_host.layout().addWidget(lab)
            lab.sendToExpression.connect(self._show_in_expression_lab)
            self._training_lab = lab
        return self._training_lab

    def _show_in_expression_lab(self, nodes: dict, title: str) -> None:
        """A lab asked to show a graph in the Expression lab (one training step's backward pass): show it
        there and switch to that tab. The window switches tabs; labs never look for their tab widget."""
        self.expressionLab.show_graph(nodes, title)
        self.select_lab("expression")

    def select_lab(self, name: str) -> None:
        """Show the lab called ``name`` ("expression" or "training")."""
        if name not in LABS:
            raise ValueError(f"unknown lab {name!r}; choose one of {', '.join(LABS)}")
        if name == "expression":
            self.labs.setCurrentWidget(self.expressionLab)
            return
        if self._training_host is None:
            raise ValueError("the Training lab is not available in this build")
        self.labs.setCurrentWidget(self._training_host)

    def _show_hint(self, text: str) -> None:
        if self.labs.currentWidget() is self.expressionLab:
            self.statusHint.setText(text)

    def _tab_changed(self, index: int) -> None:
        widget = self.labs.widget(index)
        self.statusBar().showMessage(self.labs.tabToolTip(index), 6000)  # not the other lab's last message
        # the Expression lab's hint only while it is shown
        self.statusHint.setText(self.expressionLab.hint if widget is self.expressionLab else "")
        for action in self._graph_actions:
            action.setEnabled(widget is self.expressionLab)
        if widget is self.expressionLab:
            self.expressionLab.graphView.setFocus()
        elif widget is self._training_host and self.trainingLab is not None:
            self.trainingLab.setFocus()

    # -- export ------------------------------------------------------------------------------------------

    @guarded("exporting the graph as PNG")
    def export_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export graph as PNG", "graph.png", "PNG image (*.png)")
        if path:
            path = self.expressionLab.graphView.export_png(path)  # ".png" added to a name without one
            self.statusBar().showMessage(f"Saved {path}", 8000)

    @guarded("exporting the graph as SVG")
    def export_svg_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export graph as SVG", "graph.svg", "SVG drawing (*.svg)")
        if path:
            path = self.expressionLab.graphView.export_svg(path)
            self.statusBar().showMessage(f"Saved {path}", 8000)

    # -- look --------------------------------------------------------------------------------------------

    def set_projector(self, on: bool) -> None:
        self._base_theme = theme.PROJECTOR if on else theme.LIGHT
        if self.projectorAction.isChecked() != on:
            self.projectorAction.setChecked(on)
        self._apply_theme()

    def scale_text(self, factor: float) -> None:
        self._font_scale = min(2.5, max(0.6, self._font_scale * factor))
        self._apply_theme()

    def _apply_theme(self) -> None:
        current = theme.set_current(theme.scaled(self._base_theme, self._font_scale))
        app = QApplication.instance()
        if app is not None:
            app.setStyleSheet(theme.style_sheet(current))
        self.expressionLab.refresh_theme()
        refresh = getattr(self._training_lab, "refresh_theme", None)  # only if the Training lab is built
        if callable(refresh):
            refresh()
        self.statusBar().showMessage(f"Theme: {current.name}, text {current.font_size:.0f} pt", 4000)

    # -- help --------------------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;{what}</td></tr>" for k, what in SHORTCUTS)
        box = QMessageBox(self)
        box.setObjectName("shortcutsDialog")
        box.setWindowTitle("Keyboard shortcuts")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{rows}</table>")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        import pycarrot

        box = QMessageBox(self)
        box.setObjectName("aboutDialog")
        box.setWindowTitle("About PyCarrot")
        box.setText(
            f"<b>PyCarrot {pycarrot.__version__}</b><br>A small NumPy autograd engine and an app that shows "
            "backpropagation step by step: every value, every gradient, every local rule."
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
