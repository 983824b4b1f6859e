"""The open lesson in the main window: save and open it, step through its scenes, tell unsaved changes, autosave.

The window's labs are the truth; the controller reads them into a :class:`Scene` (``*_io`` modules) when it
saves or leaves a scene, and puts a scene's states back when one is opened or chosen. A lab whose state it
cannot read (one not wired yet, or not built) keeps that lab's state from the scene as it was.
"""

from __future__ import annotations

import dataclasses
import os

import numpy as np
from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import errors, settings
from ...i18n import format_text, translate
from ..autosave import discard_autosave, find_autosave, write_autosave
from ..fields import LessonError
from ..format import LABS, Lesson, Scene, open_lesson, save_lesson
from .expression_io import apply_expression_state, expression_state, state_of_view
from .network_io import apply_network_state, network_state
from .training_io import apply_training_state, training_state

AUTOSAVE_MS = 60_000
UNTITLED = "Untitled lesson"


def data_dir() -> str:
    """Where the autosave goes: the user's data folder for the app (tests point it elsewhere)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)


def _worked_on(state) -> bool:
    """Whether a lab's state holds work (a run's losses) rather than the lab as it opened."""
    return bool(np.size(getattr(state, "losses", ()))) or bool(getattr(state, "runs", ()))


def _same_scene(saved: Scene, now: Scene) -> bool:
    """Whether ``now`` has nothing new against ``saved``: a lab the saved scene did not hold counts only once
    it has been worked on (building the Training tab alone changes nothing)."""
    if (saved.title, saved.note, saved.lab) != (now.title, now.note, now.lab):
        return False
    for lab in LABS:
        old, new = saved.state(lab), now.state(lab)
        if old is None and new is not None and not _worked_on(new):
            continue
        if old != new:
            return False
    return True


class LessonController(QObject):
    """``changed()`` when the lesson, its scene or its file changes (the window's title and scene list
    follow). ``last_error`` is the latest refusal in words (tests read it)."""

    changed = Signal()

    def __init__(self, window, opening: tuple | None = None) -> None:
        """``opening``: (the Expression lab's view, the lab shown) as the window opened, when the controller is
        made later (:attr:`LessonUi.controller`); what the labs showed then is not an unsaved change."""
        super().__init__(window)
        self.window = window
        self.lesson: Lesson | None = None  # None until a lesson is opened or saved (the demo is scene 1)
        self.path: str | None = None
        self.last_error = ""
        self._saved: Lesson | None = None
        try:
            self._saved = self.lesson_now(opening)  # what opening the app shows is not an unsaved change
        except LessonError:
            pass
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()

    # -- reading and applying the labs --------------------------------------------------------------------

    def _read_labs(self, base: Scene | None, opening: tuple | None = None) -> Scene:
        """The labs as they are now (or as the window opened: ``opening``, see ``__init__``), merged into
        ``base`` (the scene being shown)."""
        w = self.window
        if opening is not None:  # the other labs are built on first use: none was built then
            states, lab = {"expression": state_of_view(opening[0])}, opening[1]
        else:
            states = {
                "expression": expression_state(w.expressionLab),
                "training": training_state(w.findChild(QWidget, "trainingLab")),  # None until built
                "network": network_state(w.findChild(QWidget, "networkLab")),
            }
            lab = self.window.current_lab()
        if base is None:
            return Scene(
                format_text("LessonController", "Scene {n}", n=1),
                "",
                lab if states.get(lab) else "expression",
                **states,
            )
        merged = {k: v for k, v in states.items() if v is not None}
        if merged.get(lab) is None and base.state(lab) is None:
            lab = base.lab
        return dataclasses.replace(base, lab=lab, **merged)

    def lesson_now(self, opening: tuple | None = None) -> Lesson:
        """The lesson with its current scene read from the labs (LessonError if nothing can be saved)."""
        if self.lesson is None:
            return Lesson(UNTITLED, (self._read_labs(None, opening),))
        scenes = list(self.lesson.scenes)
        scenes[self.lesson.current] = self._read_labs(scenes[self.lesson.current])
        return dataclasses.replace(self.lesson, scenes=tuple(scenes))

    def apply_scene(self, scene: Scene) -> bool:
        """Put ``scene``'s states into the labs and show its lab; False if a lab refused part of its state.
        LessonError, before any lab changed, if the Network lab cannot take its state at all."""
        ok = True
        if scene.network is not None and self.window.networkLab is not None:
            apply_network_state(self.window.networkLab, scene.network)  # first: it may refuse the whole
        if scene.expression is not None:
            ok = apply_expression_state(self.window.expressionLab, scene.expression) and ok
        if scene.training is not None and self.window.trainingLab is not None:
            ok = apply_training_state(self.window.trainingLab, scene.training) and ok
        try:
            self.window.select_lab(scene.lab)
        except ValueError as exc:
            self.refuse(str(exc), translate("LessonController", "Cannot show the scene"))
            return False
        return ok

    # -- files ---------------------------------------------------------------------------------------------

    def save(self, path: str) -> bool:
        try:
            lesson = self.lesson_now()
            if lesson.title == UNTITLED:
                lesson = dataclasses.replace(lesson, title=os.path.splitext(os.path.basename(path))[0])
            save_lesson(lesson, path)
        except LessonError as exc:
            return self.refuse(str(exc), translate("LessonController", "Cannot save the lesson"))
        self.lesson, self.path, self._saved = lesson, os.fspath(path), lesson
        settings.add_recent_file(path)
        self.window.statusBar().showMessage(
            format_text("LessonController", "Saved the lesson to {path}", path=path), 8000
        )
        self.changed.emit()
        return True

    def open(self, path: str, remember: bool = True) -> bool:
        """Open ``path`` and show its current scene (and, with ``remember``, put it first in File ▸ Open
        recent); a bad file is refused (the message shown) and the lesson on screen stays as it was."""
        try:
            lesson = open_lesson(path)
        except LessonError as exc:
            return self.refuse(str(exc), translate("LessonController", "Cannot open the lesson"))
        shown = self.show_lesson(lesson, os.fspath(path))
        if shown and remember:
            settings.add_recent_file(path)
        return shown

    def show_lesson(self, lesson: Lesson, path: str | None) -> bool:
        """Show ``lesson``'s current scene; refused (False, the labs as they were) if a lab cannot take it."""
        try:
            ok = self.apply_scene(lesson.scenes[lesson.current])
        except LessonError as exc:
            return self.refuse(str(exc), translate("LessonController", "Cannot open the lesson"))
        self.lesson, self.path = lesson, path
        self._saved = self.lesson_now() if ok else lesson
        self.window.statusBar().showMessage(
            format_text("LessonController", "Opened the lesson “{title}”", title=lesson.title), 8000
        )
        self.changed.emit()
        return True

    def refuse(self, message: str, title: str) -> bool:
        """Show a refusal (a warning box that does not block; kept off screen when dialogs are off)."""
        self.last_error = message
        self.window.statusBar().showMessage(message, 10000)
        if errors.show_dialogs:
            box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.window)
            box.setObjectName("lessonErrorDialog")
            box.setInformativeText(translate("LessonController", "The lesson on screen is unchanged."))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        return False

    # -- scenes --------------------------------------------------------------------------------------------

    def go_to(self, index: int) -> bool:
        """Leave the current scene (its state kept in the lesson) and show scene ``index``."""
        if self.lesson is None or not 0 <= index < len(self.lesson.scenes) or index == self.lesson.current:
            return False
        try:
            left = self.lesson_now()
        except LessonError:
            left = self.lesson
        try:
            self.apply_scene(left.scenes[index])
        except LessonError as exc:
            return self.refuse(str(exc), translate("LessonController", "Cannot show the scene"))
        self.lesson = dataclasses.replace(left, current=index)
        self.changed.emit()
        return True

    def step(self, delta: int) -> bool:
        return self.lesson is not None and self.go_to(self.lesson.current + delta)

    def add_current(self, title: str = "") -> bool:
        """Add what the labs show now as a new scene after the current one (and show it)."""
        try:
            now = self.lesson_now()
            n = len(now.scenes) + 1
            scene = dataclasses.replace(
                self._read_labs(None), title=title or format_text("LessonController", "Scene {n}", n=n)
            )
            if self.lesson is None:
                now = dataclasses.replace(
                    now,
                    scenes=(
                        dataclasses.replace(
                            now.scenes[0], title=format_text("LessonController", "Scene {n}", n=1)
                        ),
                    ),
                )
            at = now.current + 1
            scenes = (*now.scenes[:at], scene, *now.scenes[at:])
            self.lesson = dataclasses.replace(now, scenes=scenes, current=at)
        except LessonError as exc:
            return self.refuse(str(exc), translate("LessonController", "Cannot add a scene"))
        self.changed.emit()
        return True

    # -- unsaved changes and autosave ----------------------------------------------------------------------

    def modified(self) -> bool:
        """Whether the labs or the scenes differ from what was last opened or saved."""
        try:
            now = self.lesson_now()
        except LessonError:
            return False  # nothing the labs show can be saved, so nothing would be lost
        saved = self._saved
        if saved is None or len(now.scenes) != len(saved.scenes) or now.title != saved.title:
            return True
        return not all(_same_scene(a, b) for a, b in zip(saved.scenes, now.scenes))

    def autosave(self) -> bool:
        """Write the lesson to the data folder if it has unsaved changes (else remove an old autosave)."""
        try:
            if self.modified():
                write_autosave(self.lesson_now(), data_dir())
            else:
                discard_autosave(data_dir())
        except (LessonError, OSError) as exc:
            self.window.statusBar().showMessage(
                format_text("LessonController", "Autosave failed: {exc}", exc=exc), 8000
            )
            return False
        return True

    def offer_autosave(self) -> bool:
        """After a crash: ask whether to restore the autosave left behind; True if it was restored."""
        path = find_autosave(data_dir())
        if path is None:
            return False
        answer = QMessageBox.question(
            self.window,
            translate("LessonController", "Restore your work?"),
            translate(
                "LessonController",
                "PyCarrot did not close cleanly last time. Restore the lesson it saved automatically?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        restored = answer == QMessageBox.StandardButton.Yes and self.open(str(path), remember=False)
        if restored:
            self.path, self._saved = None, None  # restored work is unsaved until saved somewhere
            self.changed.emit()
        discard_autosave(data_dir())
        return bool(restored)

    def clean_exit(self) -> None:
        self.timer.stop()
        discard_autosave(data_dir())
