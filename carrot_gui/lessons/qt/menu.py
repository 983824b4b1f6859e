"""The lesson's part of the main window: File ▸ Save / Open lesson, the handout exports, Help ▸ Example lesson,
the scene dock with Ctrl+PageDown / Ctrl+PageUp, and the question before unsaved changes are lost.

:func:`install` builds all of it into a window; the window keeps only thin ``save_lesson``/``open_lesson``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ... import settings
from ...errors import guarded
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts
from ...kit.actions import add_action
from .expression_io import expression_view
from .scene_list import SceneDock

TR = "LessonMenu"  # the translation context of the lesson menu's texts
Button = QMessageBox.StandardButton


def _filter() -> str:
    """The file dialogs' filter for lesson files (the format is loaded when a dialog first opens)."""
    from ..format import SUFFIX

    return format_text(TR, "PyCarrot lesson (*{suffix})", suffix=SUFFIX)


def _add(window, menu, text: str, slot, shortcut: str = "", name: str = "", tip: str = "") -> QAction:
    """A lesson-menu action (:func:`~carrot_gui.kit.actions.add_action` in context ``LessonMenu``): ``text`` and
    ``tip`` are English sources marked with ``QT_TRANSLATE_NOOP`` where they are written."""
    return add_action(window, menu, TR, text, slot, shortcut, name, tip)


def _add_rows(window, menu, rows: tuple[tuple, ...]) -> list[QAction]:
    """One :func:`_add` per row ``(text, slot, shortcut, name, tip)``."""
    return [_add(window, menu, *row) for row in rows]


class LessonUi:
    """The actions and dock of one window, and their slots (each guarded: nothing escapes into Qt)."""

    def __init__(self, window) -> None:
        self.window = window
        # whether to ask before unsaved changes are lost: never in an offscreen run (tests, --screenshot),
        # where a modal question would wait for ever; a test of the question sets it
        self.ask = QGuiApplication.platformName() != "offscreen"
        self._controller = None
        # what the labs show as the window opens is not an unsaved change: noted now, cheaply, for the
        # controller made at first use (the labs built on first use are not built yet: the window is opening)
        self._opening = (expression_view(window.expressionLab), window.current_lab())
        self.dock = SceneDock(window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()  # shown once a lesson has scenes to step through
        self.dock.sceneChosen.connect(lambda index: self.controller.go_to(index))
        self.dock.addRequested.connect(self.add_scene)

    @property
    def controller(self):
        """The :class:`~carrot_gui.lessons.qt.controller.LessonController`, made at its first use (the app
        makes it right after the first frame): the lesson format and the labs' cores behind it are loaded
        then, not while the window opens."""
        if self._controller is None:
            from .controller import LessonController

            self._controller = LessonController(self.window, self._opening)
            self._controller.changed.connect(self.refresh)
        return self._controller

    def has_controller(self) -> bool:
        """Whether the lesson controller was made (nothing to clean up at exit otherwise)."""
        return self._controller is not None

    def build_file_actions(self, menu) -> None:
        w = self.window
        w.saveLessonAction, w.openLessonAction = _add_rows(
            w,
            menu,
            (
                (
                    QT_TRANSLATE_NOOP(TR, "&Save lesson…"),
                    self.save_dialog,
                    "Ctrl+S",
                    "saveLessonAction",
                    QT_TRANSLATE_NOOP(TR, "Save the labs and the lesson's scenes as a .carrot file"),
                ),
                (
                    QT_TRANSLATE_NOOP(TR, "&Open lesson…"),
                    self.open_dialog,
                    "Ctrl+O",
                    "openLessonAction",
                    QT_TRANSLATE_NOOP(TR, "Open a .carrot lesson"),
                ),
            ),
        )
        self.build_recent_menu(menu)
        w.addSceneAction, w.nextSceneAction, w.previousSceneAction = _add_rows(
            w,
            menu,
            (
                (
                    QT_TRANSLATE_NOOP(TR, "&Add current as scene"),
                    self.add_scene,
                    "",
                    "addSceneAction",
                    QT_TRANSLATE_NOOP(TR, "Add what the labs show now as a new scene of the lesson"),
                ),
                (
                    QT_TRANSLATE_NOOP(TR, "&Next scene"),
                    lambda: self.controller.step(1),
                    "Ctrl+PgDown",
                    "nextSceneAction",
                    QT_TRANSLATE_NOOP(TR, "Show the lesson's next scene"),
                ),
                (
                    QT_TRANSLATE_NOOP(TR, "&Previous scene"),
                    lambda: self.controller.step(-1),
                    "Ctrl+PgUp",
                    "previousSceneAction",
                    QT_TRANSLATE_NOOP(TR, "Show the lesson's previous scene"),
                ),
            ),
        )
        menu.addSeparator()
        self.build_export_actions(menu)
        menu.addSeparator()

    def build_export_actions(self, menu) -> None:
        """The handout exports: the PDF, and every backward step as PNG or SVG frames."""
        w = self.window
        w.exportHandoutAction, w.exportFramesAction, w.exportSvgFramesAction = _add_rows(
            w,
            menu,
            (
                (
                    QT_TRANSLATE_NOOP(TR, "Export &handout (PDF)…"),
                    self.pdf_dialog,
                    "",
                    "exportHandoutAction",
                    QT_TRANSLATE_NOOP(TR, "Every backward step as a table, with the final gradients"),
                ),
                (
                    QT_TRANSLATE_NOOP(TR, "Export every step as PNG &frames…"),
                    self.frames_dialog,
                    "",
                    "exportFramesAction",
                    QT_TRANSLATE_NOOP(TR, "One numbered picture per backward step"),
                ),
                (
                    QT_TRANSLATE_NOOP(TR, "Export every step as S&VG frames…"),
                    lambda: self.frames_dialog("svg"),
                    "",
                    "exportSvgFramesAction",
                    QT_TRANSLATE_NOOP(TR, "One numbered vector drawing per backward step (sharp on slides)"),
                ),
            ),
        )

    def build_recent_menu(self, menu) -> None:
        """File ▸ Open recent (``openRecentMenu``): the lessons saved or opened last, newest first; files
        that are gone are left out; "Clear list" forgets them. Filled each time it opens."""
        w = self.window
        w.openRecentMenu = QMenu(menu)  # parented (PySide6 6.9 collected addMenu("")'s menu)
        menu.addMenu(w.openRecentMenu)
        w.openRecentMenu.setObjectName("openRecentMenu")
        texts.bind(w.openRecentMenu.setTitle, TR, "Open &recent")
        texts.bind(w.openRecentMenu.setToolTip, TR, "The lessons saved or opened last")
        w.openRecentMenu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        """One entry per recent lesson (its name; the full path as its tip), then "Clear list"."""
        recent_menu = self.window.openRecentMenu
        recent_menu.clear()
        files = settings.recent_files()
        for k, path in enumerate(files, start=1):
            action = recent_menu.addAction(f"&{k} {os.path.basename(path)}")
            action.setObjectName("recentLessonAction")
            action.setData(path)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not files:
            empty = recent_menu.addAction(translate(TR, "No recent lessons"))
            empty.setEnabled(False)
        recent_menu.addSeparator()
        clear = recent_menu.addAction(translate(TR, "Clear list"))
        clear.setObjectName("clearRecentAction")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.clear_recent)
        recent_menu.setToolTipsVisible(True)

    @guarded(QT_TRANSLATE_NOOP("Errors", "opening a recent lesson"))
    def open_recent(self, path: str) -> bool:
        """Open a lesson from the recent list (asking first about unsaved changes)."""
        return self.confirm_discard() and self.controller.open(path)

    @guarded(QT_TRANSLATE_NOOP("Errors", "clearing the recent lessons"))
    def clear_recent(self, _checked: bool = False) -> None:
        settings.clear_recent_files()
        self.fill_recent_menu()

    def build_help_action(self, menu) -> None:
        w = self.window
        w.exampleLessonAction = _add(
            w,
            menu,
            QT_TRANSLATE_NOOP(TR, "&Example lesson"),
            self.open_example,
            "",
            "exampleLessonAction",
            QT_TRANSLATE_NOOP(TR, "Open the lesson built from the original design's examples"),
        )

    def refresh(self) -> None:
        c = self.controller
        self.dock.show_lesson(c.lesson, c.lesson.current if c.lesson else 0)
        if c.lesson is not None and len(c.lesson.scenes) > 1:
            self.dock.show()
        name = os.path.basename(c.path) if c.path else (c.lesson.title if c.lesson else "")
        if name:
            texts.bind(self.window.setWindowTitle, TR, "{name} — PyCarrot", name=name)
        else:
            texts.bind(self.window.setWindowTitle, "MainWindow", "PyCarrot — watch backpropagation")

    # -- slots ---------------------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Before unsaved changes would be lost: Save, Discard or Cancel; True when it is fine to go on."""
        if not self.ask or not self.controller.modified():
            return True
        answer = QMessageBox.question(
            self.window,
            translate(TR, "Unsaved changes"),
            translate(TR, "The lesson has changes that are not saved. Save them first?"),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        if answer == Button.Save:
            return self.save_dialog()
        return answer == Button.Discard

    @guarded(QT_TRANSLATE_NOOP("Errors", "saving the lesson"))
    def save_dialog(self) -> bool:
        from ..format import SUFFIX

        path = self.controller.path
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, translate(TR, "Save lesson"), "lesson" + SUFFIX, _filter()
            )
            if not path:
                return False
            if not path.endswith(SUFFIX):
                path += SUFFIX
        return self.controller.save(path)

    @guarded(QT_TRANSLATE_NOOP("Errors", "opening a lesson"))
    def open_dialog(self) -> bool:
        if not self.confirm_discard():
            return False
        path, _ = QFileDialog.getOpenFileName(self.window, translate(TR, "Open lesson"), "", _filter())
        return bool(path) and self.controller.open(path)

    @guarded(QT_TRANSLATE_NOOP("Errors", "opening the example lesson"))
    def open_example(self) -> bool:
        from ..examples import example_path

        if not self.confirm_discard():
            return False
        if not self.controller.open(str(example_path()), remember=False):
            return False
        self.controller.path = None  # the shipped file is not overwritten by Ctrl+S
        self.refresh()
        return True

    @guarded(QT_TRANSLATE_NOOP("Errors", "adding a scene"))
    def add_scene(self) -> bool:
        return self.controller.add_current()

    @guarded(QT_TRANSLATE_NOOP("Errors", "exporting the handout"))
    def pdf_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            translate(TR, "Export handout"),
            translate(TR, "handout.pdf"),
            translate(TR, "PDF (*.pdf)"),
        )
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str) -> bool:
        """The PDF handout of the lesson (every scene with an expression), else of the graph on screen."""
        from ..fields import LessonError
        from .exports import export_pdf

        c = self.controller
        try:
            lesson = c.lesson_now() if c.lesson is not None else None
            export_pdf(self.window.expressionLab, path, lesson)
        except (LessonError, OSError, ValueError) as exc:
            return c.refuse(str(exc), translate(TR, "Cannot export the handout"))
        self.window.statusBar().showMessage(format_text(TR, "Saved the handout {path}", path=path), 8000)
        return True

    @guarded(QT_TRANSLATE_NOOP("Errors", "exporting the steps as frames"))
    def frames_dialog(self, fmt: str = "png") -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, translate(TR, "Export every step into a folder")
        )
        if folder:
            self.export_frames(folder, fmt)

    def export_frames(self, folder: str, fmt: str = "png") -> list[str]:
        """Every backward step as a numbered PNG (``fmt`` "png") or SVG ("svg") in ``folder``."""
        from .exports import export_frames

        try:
            paths = export_frames(self.window.expressionLab, folder, fmt)
        except OSError as exc:
            self.controller.refuse(str(exc), translate(TR, "Cannot export the frames"))
            return []
        self.window.statusBar().showMessage(
            format_text(TR, "Saved {n} frames in {folder}", n=len(paths), folder=folder), 8000
        )
        return paths
