"""The lesson's part of the main window: File ▸ Save / Open lesson, the handout exports, Help ▸ Example lesson,
the scene dock with Ctrl+PageDown / Ctrl+PageUp, and the question before unsaved changes are lost.

:func:`install` builds all of it into a window; the window keeps only thin ``save_lesson``/``open_lesson``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...errors import guarded
from .expression_io import expression_view
from .scene_list import SceneDock

Button = QMessageBox.StandardButton


def _filter() -> str:
    """The file dialogs' filter for lesson files (the format is loaded when a dialog first opens)."""
    from ..format import SUFFIX

    return f"PyCarrot lesson (*{SUFFIX})"


def _add(window, menu, text: str, slot, shortcut: str = "", name: str = "", tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setObjectName(name)
    action.setStatusTip(tip)
    action.setToolTip(tip or text)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


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
        then, not while the window opens. What the labs show when it is made is the unchanged state."""
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
        w.saveLessonAction = _add(w, menu, "&Save lesson…", self.save_dialog, "Ctrl+S", "saveLessonAction",
                                  "Save the labs and the lesson's scenes as a .carrot file")  # fmt: skip
        w.openLessonAction = _add(w, menu, "&Open lesson…", self.open_dialog, "Ctrl+O", "openLessonAction",
                                  "Open a .carrot lesson")  # fmt: skip
        w.addSceneAction = _add(w, menu, "&Add current as scene", self.add_scene, "", "addSceneAction",
                                "Add what the labs show now as a new scene of the lesson")  # fmt: skip
        w.nextSceneAction = _add(w, menu, "&Next scene", lambda: self.controller.step(1), "Ctrl+PgDown",
                                 "nextSceneAction", "Show the lesson's next scene")  # fmt: skip
        w.previousSceneAction = _add(w, menu, "&Previous scene", lambda: self.controller.step(-1), "Ctrl+PgUp",
                                     "previousSceneAction", "Show the lesson's previous scene")  # fmt: skip
        menu.addSeparator()
        w.exportHandoutAction = _add(w, menu, "Export &handout (PDF)…", self.pdf_dialog, "", "exportHandoutAction",
                                     "Every backward step as a table, with the final gradients")  # fmt: skip
        w.exportFramesAction = _add(w, menu, "Export every step as PNG &frames…", self.frames_dialog, "",
                                    "exportFramesAction", "One numbered picture per backward step")  # fmt: skip
        menu.addSeparator()

    def build_help_action(self, menu) -> None:
        w = self.window
        w.exampleLessonAction = _add(w, menu, "&Example lesson", self.open_example, "", "exampleLessonAction",
                                     "Open the lesson built from the original design's examples")  # fmt: skip

    def refresh(self) -> None:
        c = self.controller
        self.dock.show_lesson(c.lesson, c.lesson.current if c.lesson else 0)
        if c.lesson is not None and len(c.lesson.scenes) > 1:
            self.dock.show()
        name = os.path.basename(c.path) if c.path else (c.lesson.title if c.lesson else "")
        self.window.setWindowTitle(f"{name} — PyCarrot" if name else "PyCarrot — watch backpropagation")

    # -- slots ---------------------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Before unsaved changes would be lost: Save, Discard or Cancel; True when it is fine to go on."""
        if not self.ask or not self.controller.modified():
            return True
        answer = QMessageBox.question(
            self.window,
            "Unsaved changes",
            "The lesson has changes that are not saved. Save them first?",
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        if answer == Button.Save:
            return self.save_dialog()
        return answer == Button.Discard

    @guarded("saving the lesson")
    def save_dialog(self) -> bool:
        from ..format import SUFFIX

        path = self.controller.path
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, "Save lesson", "lesson" + SUFFIX, _filter())
            if not path:
                return False
            if not path.endswith(SUFFIX):
                path += SUFFIX
        return self.controller.save(path)

    @guarded("opening a lesson")
    def open_dialog(self) -> bool:
        if not self.confirm_discard():
            return False
        path, _ = QFileDialog.getOpenFileName(self.window, "Open lesson", "", _filter())
        return bool(path) and self.controller.open(path)

    @guarded("opening the example lesson")
    def open_example(self) -> bool:
        from ..examples import example_path

        if not self.confirm_discard():
            return False
        if not self.controller.open(str(example_path())):
            return False
        self.controller.path = None  # the shipped file is not overwritten by Ctrl+S
        self.refresh()
        return True

    @guarded("adding a scene")
    def add_scene(self) -> bool:
        return self.controller.add_current()

    @guarded("exporting the handout")
    def pdf_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, "Export handout", "handout.pdf", "PDF (*.pdf)")
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
            return c.refuse(str(exc), "Cannot export the handout")
        self.window.statusBar().showMessage(f"Saved the handout {path}", 8000)
        return True

    @guarded("exporting the steps as PNG frames")
    def frames_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Export every step into a folder")
        if folder:
            self.export_frames(folder)

    def export_frames(self, folder: str) -> list[str]:
        from .exports import export_frames

        try:
            paths = export_frames(self.window.expressionLab, folder)
        except OSError as exc:
            self.controller.refuse(str(exc), "Cannot export the frames")
            return []
        self.window.statusBar().showMessage(f"Saved {len(paths)} frames in {folder}", 8000)
        return paths
