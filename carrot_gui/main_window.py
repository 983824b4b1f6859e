"""The main window: the labs as tabs (Expression, Network, Training), menus File/View/Help, a status bar.

``MainWindow()`` takes no arguments and opens on the Expression lab's demo, so tests build exactly what
users see.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from . import paths, settings
from .errors import guarded
from .expression.qt import ExpressionLab
from .i18n import QT_TRANSLATE_NOOP, format_text, translate
from .kit import language, texts
from .kit.actions import add_actions
from .kit.presenter import KEYS_HELP, Presenter
from .kit.widgets import ask_path
from .looks import Looks

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


def N_(text: str) -> str:  # noqa: N802 - the usual name for "mark for translation"
    """Mark a "MainWindow" text for translation where it is written; it is translated where shown."""
    return text


# how the status line names a theme
THEME_NAMES = (
    QT_TRANSLATE_NOOP("Themes", "light"),
    QT_TRANSLATE_NOOP("Themes", "dark"),
    QT_TRANSLATE_NOOP("Themes", "projector"),
)
TR_CONTEXT = "MainWindow"  # the context of every N_ text here (tools/translations.py reads it)
TAB_EXPRESSION = N_("Expression")
TIP_EXPRESSION = N_("Type an expression and step through its backward pass")

LAZY_LABS = (
    LazyLab(
        "network",
        N_("Network"),
        N_("Build a small network, step its backward pass, train it on 2-D data and digits"),
        "carrot_gui.network.qt.lab",
        "NetworkLab",
    ),
    LazyLab(
        "training",
        N_("Training"),
        N_("Fit a line with SGD and watch the loss fall"),
        "carrot_gui.training.qt.lab",
        "TrainingLab",
    ),
)

# (keys, what they do); key names with words in them are translated too ("Network tab: Space")
SHORTCUTS = [
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "Build the expression")),
    ("→ / PageDown", QT_TRANSLATE_NOOP("Shortcuts", "One step forward")),
    ("← / PageUp", QT_TRANSLATE_NOOP("Shortcuts", "One step back")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Space"), QT_TRANSLATE_NOOP("Shortcuts", "Play / pause")),
    ("Home / End", QT_TRANSLATE_NOOP("Shortcuts", "Start / end of the playback")),
    ("F", QT_TRANSLATE_NOOP("Shortcuts", "Fit the graph in the view")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Mouse wheel / Ctrl+= / Ctrl+-"), QT_TRANSLATE_NOOP("Shortcuts", "Zoom")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Drag"), QT_TRANSLATE_NOOP("Shortcuts", "Pan the graph")),
    ("Ctrl+G", QT_TRANSLATE_NOOP("Shortcuts", "Graph only (hide the editor and the log)")),
    ("Ctrl+Shift+P", QT_TRANSLATE_NOOP("Shortcuts", "Projector mode (bigger text, stronger colours)")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("Shortcuts", "Export the graph as PNG")),
    ("Ctrl+S / Ctrl+O", QT_TRANSLATE_NOOP("Shortcuts", "Save / open a lesson")),
    ("Ctrl+PageDown / Ctrl+PageUp", QT_TRANSLATE_NOOP("Shortcuts", "Next / previous scene of the lesson")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Network tab: Space"), QT_TRANSLATE_NOOP("Shortcuts", "Train / pause")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Network tab: →"), QT_TRANSLATE_NOOP("Shortcuts", "One optimiser step")),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Network tab: Shift+→ / Shift+←"),
        QT_TRANSLATE_NOOP("Shortcuts", "Step the next step's backward pass one layer on / back"),
    ),
    (QT_TRANSLATE_NOOP("Shortcuts", "Training tab: Space"), QT_TRANSLATE_NOOP("Shortcuts", "Train / pause")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Training tab: →"), QT_TRANSLATE_NOOP("Shortcuts", "One optimiser step")),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Training tab: Ctrl+R"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Reset: the same initial weights again (init seed), the last run stays faded"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Training tab: Ctrl+Shift+R"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "New weights: the next init seed's initial weights, the last run stays faded"
        ),
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

    def __init__(self, remembered: bool = True) -> None:
        """``remembered``: start in the remembered theme and text size and remember the window's geometry at
        close (False for pictures: ``--screenshot`` never depends on, nor changes, the user's settings)."""
        super().__init__()
        language.apply(language.preferred())  # before any text is made: every widget starts in it
        self.setObjectName("mainWindow")
        texts.bind(self.setWindowTitle, "MainWindow", "PyCarrot — watch backpropagation")
        self.setWindowIcon(QIcon(str(paths.icon_path())))
        self.resize(1360, 820)
        self.looks = Looks(self, remembered)
        self.looks.apply()  # before the labs are built: they paint in the theme they start in

        self.labs = QTabWidget(self)
        self.labs.setObjectName("labs")
        self.labs.setDocumentMode(True)
        self.expressionLab = ExpressionLab()
        self.labs.addTab(self.expressionLab, "")
        self._hosts: dict[str, QWidget] = {}  # lazy lab name -> its tab page (the lab goes inside)
        self._built: dict[str, QWidget] = {}
        for lab in LAZY_LABS:
            if _available(lab.module):
                host = QWidget()
                host.setObjectName(f"{lab.name}Host")
                QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
                self.labs.addTab(host, "")
                self._hosts[lab.name] = host
        self.setCentralWidget(self.labs)
        texts.follow(self._retranslate_tabs)

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
        self.looks.changed.connect(self._apply_theme)
        self.labs.currentChanged.connect(self._tab_changed)  # after the menus: it enables their graph actions
        self.expressionLab.graphView.setFocus()

    def _retranslate_tabs(self) -> None:
        """The labs' tab texts and tooltips in the current language."""
        tabs = [(self.expressionLab, TAB_EXPRESSION, TIP_EXPRESSION)]
        tabs += [(self._hosts[lab.name], lab.title, lab.tip) for lab in LAZY_LABS if lab.name in self._hosts]
        for page, title, tip in tabs:
            index = self.labs.indexOf(page)
            self.labs.setTabText(index, translate("MainWindow", title))
            self.labs.setTabToolTip(index, translate("MainWindow", tip))

    # -- menus -------------------------------------------------------------------------------------------

    def _actions(self, menu: QMenu, *rows: tuple) -> list[QAction]:
        """Menu actions, one per row ``(text, slot, shortcut, name, tip)``: ``text`` and ``tip`` are English
        sources of the "MainWindow" context (marked with ``N_`` where written), shown translated."""
        return add_actions(self, menu, "MainWindow", rows)

    def _menu(self, parent, title: str, name: str):
        """A menu under ``parent`` (the menu bar or a menu) whose title follows the language."""
        menu = QMenu(parent)  # parented: PySide6 6.9 let addMenu("")'s menu be collected with its wrapper
        parent.addMenu(menu)
        menu.setObjectName(name)
        texts.bind(menu.setTitle, "MainWindow", title)
        return menu

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._build_file_menu(bar)
        self._build_view_menu(bar)
        self._build_help_menu()

    def _build_file_menu(self, bar) -> None:
        file_menu = self._menu(bar, N_("&File"), "fileMenu")
        self._build_lesson_actions(file_menu)
        # actions on the Expression lab's graph: enabled only while that lab is shown (_tab_changed), so Ctrl+E on
        # the Training tab never exports a picture the user is not looking at
        self._graph_actions = self._actions(
            file_menu,
            (N_("Export graph as &PNG…"), self.export_png_dialog, "Ctrl+E", "exportPngAction"),
            (N_("Export graph as &SVG…"), self.export_svg_dialog, None, "exportSvgAction"),
        )
        self._build_network_actions(file_menu)
        file_menu.addSeparator()
        self._actions(file_menu, (N_("&Quit"), self.close, "Ctrl+Q", "quitAction"))

    def _build_view_menu(self, bar) -> None:
        view = self._menu(bar, N_("&View"), "viewMenu")
        self._graph_actions += self._actions(
            view,
            (N_("&Fit graph\tF"), self.expressionLab.fit, None, "fitAction", N_("Show the whole graph")),
            (N_("Zoom &in"), lambda: self.expressionLab.graphView.zoom_by(1.25), "Ctrl+=", "zoomInAction"),
            (N_("Zoom &out"), lambda: self.expressionLab.graphView.zoom_by(0.8), "Ctrl+-", "zoomOutAction"),
            (
                N_("&Graph only"),
                self.expressionLab.set_graph_only,
                "Ctrl+G",
                "graphOnlyAction",
                N_("Hide the editor and the log so the graph fills the window"),
            ),
        )
        self.graphOnlyAction = self._graph_actions[-1]
        self.graphOnlyAction.setCheckable(True)
        view.addSeparator()
        (self.projectorAction,) = self._actions(
            view,
            (
                N_("&Projector mode"),
                self.set_projector,
                "Ctrl+Shift+P",
                "projectorAction",
                N_("Larger text and stronger colours for a lecture hall"),
            ),
        )
        self.projectorAction.setCheckable(True)
        self._build_presenter_action(view)
        self.looks.build_theme_menu(view)
        self.looks.build_text_menu(view, self)
        self._build_language_menu(view)

    def _build_presenter_action(self, view) -> None:
        """View ▸ Presenter mode (F5): ``presenterAction`` and the ``presenter`` that it switches."""
        (self.presenterAction,) = self._actions(
            view,
            (
                N_("P&resenter mode"),
                lambda on: self.presenter.set_active(on),
                "F5",
                "presenterAction",
                N_(
                    "Full screen, panels hidden, the step as a large caption; a clicker's PageDown / PageUp "
                    "step, B blacks the screen, Esc leaves"
                ),
            ),
        )
        self.presenterAction.setCheckable(True)
        self.addAction(self.presenterAction)  # F5 works with the menu bar hidden too
        self.presenter = Presenter(self, self.current_lab_widget)

    def _build_language_menu(self, view) -> None:
        """View ▸ Language: each language listed in itself (English, 简体中文); a choice applies at once and is
        remembered. ``languageActions`` maps a code (``"en"``, ``"zh_CN"``) to its action."""
        menu = self._menu(view, N_("&Language"), "languageMenu")
        group = QActionGroup(self)
        self.languageActions: dict[str, QAction] = {}
        for code, name in language.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code}_Action")
            action.setChecked(code == language.current())
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.languageActions[code] = action

    def set_language(self, code: str) -> None:
        """Speak ``code`` (``"en"`` or ``"zh_CN"``) from now on, and remember it."""
        spoken = language.apply(code, remember=True)
        self.languageActions[spoken].setChecked(True)

    def _build_network_actions(self, file_menu) -> None:
        """The Network lab's files, enabled only while that tab is shown (like the graph actions)."""
        file_menu.addSeparator()
        self._network_actions = self._actions(
            file_menu,
            (N_("Export network as P&ython…"), self.export_network_dialog, None, "exportNetworkAction"),
            (N_("Save network weights…"), self.save_network_dialog, None, "saveNetworkAction"),
            (N_("Load network weights…"), self.load_network_dialog, None, "loadNetworkAction"),
        )
        for action in self._network_actions:
            action.setEnabled(False)

    @guarded(QT_TRANSLATE_NOOP("Errors", "exporting the network as Python"))
    def export_network_dialog(self) -> None:
        self._network_file("export_python", N_("Export network as Python"), "network.py", N_("Python (*.py)"))

    @guarded(QT_TRANSLATE_NOOP("Errors", "saving the network's weights"))
    def save_network_dialog(self) -> None:
        self._network_file("save_weights", N_("Save network weights"), "network.npz", N_("Weights (*.npz)"))

    @guarded(QT_TRANSLATE_NOOP("Errors", "loading the network's weights"))
    def load_network_dialog(self) -> None:
        self._network_file(
            "load_weights", N_("Load network weights"), None, N_("Weights (*.npz);;All files (*)")
        )

    def _network_file(self, use: str, title: str, name: str | None, filter_: str) -> None:
        """Ask for a file (see :func:`kit.widgets.ask_path`), then ``network.qt.files.<use>(networkLab, path)``; nothing
        when the dialog is cancelled or the Network lab was never opened."""
        from .network.qt import files

        path = ask_path(self, "MainWindow", title, filter_, name)
        if path and self.networkLab is not None:
            getattr(files, use)(self.networkLab, path)

    def _build_help_menu(self) -> None:
        help_menu = self._menu(self.menuBar(), N_("&Help"), "helpMenu")
        self._actions(
            help_menu,
            (N_("&Keyboard shortcuts"), self.show_shortcuts, "F1", "shortcutsAction"),
            (N_("&About PyCarrot"), self.show_about, None, "aboutAction"),
        )
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

    def current_lab_widget(self) -> QWidget | None:
        """The lab showing (None for a lazy lab this build lacks)."""
        name = self.current_lab()
        return self.expressionLab if name == "expression" else self.lazy_lab(name)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.lessonUi.confirm_discard():
            event.ignore()
            return
        if self.lessonUi.has_controller():
            self.lessons.clean_exit()
        if self.looks.remember:
            settings.set_geometry(self.saveGeometry())
        self.looks.detach()
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
        self.presenter.follow_tab()
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

    @guarded(QT_TRANSLATE_NOOP("Errors", "exporting the graph as PNG"))
    def export_png_dialog(self) -> None:
        # ".png" is added to a name without one
        view = self.expressionLab.graphView
        self._export_graph(view.export_png, N_("Export graph as PNG"), "graph.png", N_("PNG image (*.png)"))

    @guarded(QT_TRANSLATE_NOOP("Errors", "exporting the graph as SVG"))
    def export_svg_dialog(self) -> None:
        view = self.expressionLab.graphView
        self._export_graph(view.export_svg, N_("Export graph as SVG"), "graph.svg", N_("SVG drawing (*.svg)"))

    def _export_graph(self, save: Callable[[str], str], title: str, name: str, filter_: str) -> None:
        """Ask where to save the Expression lab's graph, save it with ``save(path)`` (which returns the path it
        wrote) and say where."""
        path = ask_path(self, "MainWindow", title, filter_, name)
        if path:
            path = save(path)
            self.statusBar().showMessage(format_text("MainWindow", "Saved {path}", path=path), 8000)

    # -- look --------------------------------------------------------------------------------------------

    def set_projector(self, on: bool) -> None:
        """Projector mode: larger text and stronger contrast, in the light or the dark colours."""
        if self.projectorAction.isChecked() != on:
            self.projectorAction.setChecked(on)
        self.looks.set_projector(on)

    def set_theme(self, mode: str, remember: bool = True) -> None:
        """Light, dark or ``"system"`` colours (View ▸ Theme), repainted live; remembered unless told not to."""
        self.looks.set_mode(mode, remember)

    def scale_text(self, factor: float) -> None:
        """Text ``factor`` times larger (View ▸ Text size), remembered."""
        self.looks.set_scale(self.looks.scale * factor)

    def _apply_theme(self, _theme=None) -> None:
        """Repaint the labs in the current theme (the palette and style sheet are already the app's)."""
        self.expressionLab.refresh_theme()
        for lab in self._built.values():  # only the labs built so far; the others start in the new theme
            lab.refresh_theme()
        self.statusBar().showMessage(self.looks.status_text(), 4000)

    # -- help --------------------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{translate('Shortcuts', k)}</b></td><td>&nbsp;{translate('Shortcuts', what)}</td></tr>"
            for k, what in SHORTCUTS
        ) + "".join(
            f"<tr><td><b>{translate('MainWindow', k)}</b></td><td>&nbsp;{translate('MainWindow', what)}</td></tr>"
            for k, what in KEYS_HELP
        )
        box = QMessageBox(self)
        box.setObjectName("shortcutsDialog")
        box.setWindowTitle(translate("MainWindow", "Keyboard shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{rows}</table>")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        import pycarrot

        box = QMessageBox(self)
        box.setObjectName("aboutDialog")
        box.setWindowTitle(translate("MainWindow", "About PyCarrot"))
        about = translate(
            "MainWindow",
            "A small NumPy autograd engine and an app that shows backpropagation step by step: every value, "
            "every gradient, every local rule.",
        )
        box.setText(f"<b>PyCarrot {pycarrot.__version__}</b><br>{about}")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
