"""The main window: the labs as tabs (Expression, Network, Training), menus File/View/Help, a status bar.

``MainWindow()`` takes no arguments and opens on the Expression lab's demo, so tests build exactly what
users see.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

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

LABS = ("expression", "network", "training")


@dataclass(frozen=True)
class LazyLab:
    """A lab built the first time its tab is shown or asked for: the Network and Training labs import
    pyqtgraph (~300 ms), which would more than halve the time to the window's first frame."""

    name: str  # as select_lab and --lab spell it
    title: str  # the tab's text
    tip: str  # the tab's tooltip
    module: str
    cls: str


LAZY_LABS = (
    LazyLab(
        "network",
        "Network",
        "Build a small network, step its backward pass, train it on 2-D data and digits",
        "carrot_gui.network.qt.lab",
        "NetworkLab",
    ),
    LazyLab(
        "training",
        "Training",
        "Fit a line with SGD and watch the loss fall",
        "carrot_gui.training.qt.lab",
        "TrainingLab",
    ),
)

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
    ("Ctrl+S / Ctrl+O", "Save / open a lesson"),
    ("Ctrl+PageDown / Ctrl+PageUp", "Next / previous scene of the lesson"),
    ("Ctrl+Q", "Quit"),
    ("Network tab: Space", "Train / pause"),
    ("Network tab: →", "One optimiser step"),
    ("Network tab: Shift+→ / Shift+←", "Step the next step's backward pass one layer on / back"),
    ("Training tab: Space", "Train / pause"),
    ("Training tab: →", "One optimiser step"),
    ("Training tab: Ctrl+R", "Reset: the same initial weights again (init seed), the last run stays faded"),
    (
        "Training tab: Ctrl+Shift+R",
        "New weights: the next init seed's initial weights, the last run stays faded",
    ),
]


def _available(module: str) -> bool:
    """Whether a lab's module is there, checked on disk: importing it pulls in pyqtgraph, and even
    ``importlib.util.find_spec`` imports its parent packages (the Network lab's Qt-free core: ~45 ms at start)."""
    parts = module.split(".")
    return Path(__file__).resolve().parent.joinpath(*parts[1:-1], parts[-1] + ".py").is_file()


class MainWindow(QMainWindow):
    """PyCarrot's window. ``labs`` is the tab widget; ``expressionLab``, ``networkLab`` and ``trainingLab``
    the labs (the last two built on first use)."""

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
        self._hosts: dict[str, QWidget] = {}  # lazy lab name -> its tab page (the lab goes inside)
        self._built: dict[str, QWidget] = {}
        for lab in LAZY_LABS:
            if _available(lab.module):
                host = QWidget()
                host.setObjectName(f"{lab.name}Host")
                QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
                self.labs.setTabToolTip(self.labs.addTab(host, lab.title), lab.tip)
                self._hosts[lab.name] = host
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
        self._build_lesson_actions(file_menu)
        # actions on the Expression lab's graph: enabled only while that lab is shown (_tab_changed), so Ctrl+E on
        # the Training tab never exports a picture the user is not looking at
        self._graph_actions = [
            self._action(
                file_menu, "Export graph as &PNG…", self.export_png_dialog, "Ctrl+E", "exportPngAction"
            ),
            self._action(file_menu, "Export graph as &SVG…", self.export_svg_dialog, None, "exportSvgAction"),
        ]
        self._build_network_actions(file_menu)
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

    def _build_network_actions(self, file_menu) -> None:
        """The Network lab's files, enabled only while that tab is shown (like the graph actions)."""
        file_menu.addSeparator()
        self._network_actions = [
            self._action(
                file_menu,
                "Export network as P&ython…",
                self.export_network_dialog,
                None,
                "exportNetworkAction",
            ),
            self._action(
                file_menu, "Save network weights…", self.save_network_dialog, None, "saveNetworkAction"
            ),
            self._action(
                file_menu, "Load network weights…", self.load_network_dialog, None, "loadNetworkAction"
            ),
        ]
        for action in self._network_actions:
            action.setEnabled(False)

    @guarded("exporting the network as Python")
    def export_network_dialog(self) -> None:
        from .network.qt import files

        path, _ = QFileDialog.getSaveFileName(self, "Export network as Python", "network.py", "Python (*.py)")
        if path and self.networkLab is not None:
            files.export_python(self.networkLab, path)

    @guarded("saving the network's weights")
    def save_network_dialog(self) -> None:
        from .network.qt import files

        path, _ = QFileDialog.getSaveFileName(self, "Save network weights", "network.npz", "Weights (*.npz)")
        if path and self.networkLab is not None:
            files.save_weights(self.networkLab, path)

    @guarded("loading the network's weights")
    def load_network_dialog(self) -> None:
        from .network.qt import files

        path, _ = QFileDialog.getOpenFileName(
            self, "Load network weights", "", "Weights (*.npz);;All files (*)"
        )
        if path and self.networkLab is not None:
            files.load_weights(self.networkLab, path)

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, "F1", "shortcutsAction")
        self._action(help_menu, "&About PyCarrot", self.show_about, None, "aboutAction")
        self.lessonUi.build_help_action(help_menu)

    # -- lessons (the logic lives in carrot_gui/lessons/qt/) ---------------------------------------------

    def _build_lesson_actions(self, file_menu) -> None:
        """File ▸ Save / Open lesson, the handout exports, the scene dock (``lessonUi``, ``lessons``)."""
        from .lessons.qt.menu import LessonUi

        self.lessonUi = LessonUi(self)
        self.lessonUi.build_file_actions(file_menu)

    @property
    def lessons(self):
        """The open lesson's controller (made at its first use, see :attr:`LessonUi.controller`)."""
        return self.lessonUi.controller

    def save_lesson(self, path: str) -> bool:
        """Save the labs and the lesson's scenes to ``path``, as File ▸ Save lesson does; a failure is shown
        and False returned."""
        return bool(self.lessons.save(path))

    def open_lesson(self, path: str) -> bool:
        """Open the lesson at ``path`` (no question about unsaved changes: the action asks); a bad file is
        shown and refused, the lesson on screen kept."""
        return bool(self.lessons.open(path))

    def current_lab(self) -> str:
        """The name of the lab showing (one of :data:`LABS`)."""
        widget = self.labs.currentWidget()
        return next((n for n, host in self._hosts.items() if host is widget), "expression")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.lessonUi.confirm_discard():
            event.ignore()
            return
        if self.lessonUi.has_controller():
            self.lessons.clean_exit()
        super().closeEvent(event)

    # -- labs --------------------------------------------------------------------------------------------

    def lazy_lab(self, name: str) -> QWidget | None:
        """The lab called ``name`` among the lazily built ones (built now if needed), or None when this build
        has none."""
        if name not in self._built and name in self._hosts:
            spec = next(lab for lab in LAZY_LABS if lab.name == name)
            lab = getattr(importlib.import_module(spec.module), spec.cls)()
            self._hosts[name].layout().addWidget(lab)
            lab.sendToExpression.connect(
                lambda nodes, title, origin=name: self._show_in_expression_lab(nodes, title, origin)
            )
            self._built[name] = lab
        return self._built.get(name)

    @property
    def trainingLab(self) -> QWidget | None:
        """The Training lab (built on first use), or None when this build has none."""
        return self.lazy_lab("training")

    @property
    def networkLab(self) -> QWidget | None:
        """The Network lab (built on first use), or None when this build has none."""
        return self.lazy_lab("network")

    def _show_in_expression_lab(self, nodes: dict, title: str, origin: str = "training") -> None:
        """A lab asked to show a graph in the Expression lab (one training step's backward pass): show it
        there and switch to that tab. The window switches tabs; labs never look for their tab widget."""
        self.expressionLab.show_graph(nodes, title, origin)
        self.select_lab("expression")

    def select_lab(self, name: str) -> None:
        """Show the lab called ``name`` (one of :data:`LABS`)."""
        if name not in LABS:
            raise ValueError(f"unknown lab {name!r}; choose one of {', '.join(LABS)}")
        if name == "expression":
            self.labs.setCurrentWidget(self.expressionLab)
            return
        if name not in self._hosts:
            raise ValueError(f"the {name.capitalize()} lab is not available in this build")
        self.labs.setCurrentWidget(self._hosts[name])

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
        for action in self._network_actions:
            action.setEnabled(widget is self._hosts.get("network"))
        if widget is self.expressionLab:
            self.expressionLab.graphView.setFocus()
        else:
            name = next((n for n, host in self._hosts.items() if host is widget), None)
            lab = self.lazy_lab(name) if name else None
            if lab is not None:
                lab.setFocus()

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
        for lab in self._built.values():  # only the labs built so far; the others start in the new theme
            lab.refresh_theme()
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
