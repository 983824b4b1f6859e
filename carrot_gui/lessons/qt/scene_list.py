"""The scene list: a dock beside the labs listing the open lesson's scenes (title; the teacher's note as the
tooltip and under the list), with buttons to step through them and to add the current labs as a scene.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import format_text, translate
from ...kit import texts
from ...kit.widgets import tip

if TYPE_CHECKING:
    from ..format import Lesson

TR = "SceneDock"  # the translation context of the scene list's texts

MAX_WIDTH = 240  # px: the labs' own panels start at about 250 each


class SceneDock(QDockWidget):
    """``sceneChosen(index)`` when the teacher clicks a scene; ``addRequested`` for "Add current as scene"."""

    sceneChosen = Signal(int)
    addRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate(TR, "Lesson"))
        self.setObjectName("sceneDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        body = QWidget()
        v = QVBoxLayout(body)
        v.setContentsMargins(4, 4, 4, 4)
        self.sceneList = tip(
            QListWidget(), "sceneList", "The lesson's scenes: click one, or Ctrl+PageDown / Ctrl+PageUp", TR
        )
        self.sceneList.currentRowChanged.connect(self._row_changed)
        v.addWidget(self.sceneList, 1)
        self.sceneNote = tip(QLabel(""), "sceneNote", "The teacher's note for this scene", TR)
        self.sceneNote.setWordWrap(True)
        self.sceneNote.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        v.addWidget(self.sceneNote)
        row = QHBoxLayout()
        self.addSceneButton = tip(
            QPushButton(),
            "addSceneButton",
            "Keep this scene and start a new one after it from what the labs show now",
            TR,
        )
        texts.bind(self.addSceneButton.setText, TR, "Add current as scene")
        self.addSceneButton.clicked.connect(self.addRequested)
        row.addWidget(self.addSceneButton)
        v.addLayout(row)
        self.setWidget(body)
        self.setMaximumWidth(MAX_WIDTH)  # the graph keeps most of the width; long titles are elided
        self._filling = False

    def show_lesson(self, lesson: Lesson | None, current: int) -> None:
        """List ``lesson``'s scenes with ``current`` selected (an empty list without a lesson)."""
        self._filling = True
        try:
            self.sceneList.clear()
            scenes = lesson.scenes if lesson is not None else ()
            for i, scene in enumerate(scenes):
                item = QListWidgetItem(f"{i + 1}. {scene.title}")
                item.setToolTip(scene.note or scene.title)
                self.sceneList.addItem(item)
            if scenes:
                self.sceneList.setCurrentRow(current)
            self.sceneNote.setText(scenes[current].note if scenes else "")
            self.setWindowTitle(
                format_text(TR, "Lesson: {title}", title=lesson.title)
                if lesson is not None
                else translate(TR, "Lesson")
            )
        finally:
            self._filling = False

    def _row_changed(self, row: int) -> None:
        if not self._filling and row >= 0:
            self.sceneChosen.emit(row)
