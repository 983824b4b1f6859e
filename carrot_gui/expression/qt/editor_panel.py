"""The Expression lab's editor panel: presets, Build, the expression editor and where a mistake is.

It owns the text and its error marks; it says what the user asked for through signals (``buildRequested``,
``presetChosen``) and never builds anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ... import theme
from ...i18n import format_text
from ...kit import texts
from ...kit.widgets import tip
from ..presets import PRESETS
from .editor import ExpressionEditor


def name_length(text: str, start: int) -> int:
    """How many characters from ``start`` belong to one name (so a bad name is underlined whole); 1 when
    no name starts there (an operator, a bracket)."""
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return max(1, end - start)


MAX_UNDERLINE = 200  # characters of a bad name underlined in the editor


class EditorPanel(QWidget):
    """Step 1 of the lab: write an expression (or pick a preset) and build it."""

    buildRequested = Signal()
    presetChosen = Signal(object)  # a Preset

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        title = QLabel()
        texts.bind(title.setText, "ExpressionLab", "<b>1 · Write an expression</b>")
        v.addWidget(title)
        v.addLayout(self._build_row())
        self.expressionEditor = tip(
            ExpressionEditor(),
            "expressionEditor",
            "One statement per line: x = 2.0 makes a variable; z = x * y + sin(x) builds on it.\n"
            "Operators + - * / ** @, functions like sin, exp, tanh, sigmoid, sum, softmax, mse.\n"
            "Ctrl+Enter builds; Ctrl+Z takes back a preset.",
            "ExpressionLab",
        )
        self.expressionEditor.setFont(theme.qfont(mono=True))
        self.expressionEditor.setTabChangesFocus(True)
        self.expressionEditor.textChanged.connect(self.clear_error_marks)
        v.addWidget(self.expressionEditor, 3)
        self.errorLabel = tip(
            QLabel(), "errorLabel", "What is wrong with the expression, and where", "ExpressionLab"
        )
        self.errorLabel.setWordWrap(True)
        theme.set_tone(self.errorLabel, "error")
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errorLabel.setVisible(False)
        v.addWidget(self.errorLabel)
        self.noteLabel = QLabel()
        self.noteLabel.setObjectName("noteLabel")
        self.noteLabel.setWordWrap(True)
        theme.set_tone(self.noteLabel, "muted")
        v.addWidget(self.noteLabel)

    def _build_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.presetButton = tip(
            QToolButton(), "presetButton", "Ready-made expressions to try (Ctrl+Z undoes)", "ExpressionLab"
        )
        texts.bind(self.presetButton.setText, "ExpressionLab", "Presets ▾")
        self.presetButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.presetButton)
        menu.setObjectName("presetMenu")
        for p in PRESETS:
            action = menu.addAction("")
            texts.bind(action.setText, "Presets", p.title)
            texts.bind(action.setToolTip, "Presets", p.note)
            action.triggered.connect(lambda _=False, p=p: self.presetChosen.emit(p))
        self.presetMenu = menu
        self.presetButton.setMenu(menu)
        row.addWidget(self.presetButton)
        self.editButton = tip(QToolButton(), "editButton", "Type your own expression again", "ExpressionLab")
        texts.bind(self.editButton.setText, "ExpressionLab", "Edit")
        self.editButton.setVisible(False)
        self.editButton.clicked.connect(self.unlock)
        row.addWidget(self.editButton)
        row.addStretch(1)
        self.buildButton = tip(
            QPushButton(), "buildButton", "Build the graph of the expression (Ctrl+Enter)", "ExpressionLab"
        )
        texts.bind(self.buildButton.setText, "ExpressionLab", "Build")
        self.buildButton.setDefault(True)
        self.buildButton.clicked.connect(self.buildRequested)
        row.addWidget(self.buildButton)
        return row

    # -- text ------------------------------------------------------------------------------------------------

    def source(self) -> str:
        return self.expressionEditor.toPlainText()

    @property
    def read_only(self) -> bool:
        return self.expressionEditor.isReadOnly()

    def unlock(self) -> None:
        self.expressionEditor.setReadOnly(False)
        self.editButton.setVisible(False)

    def lock_with(self, text: str) -> None:
        """Show ``text`` read-only (a graph sent from elsewhere) with Edit to type again."""
        self.expressionEditor.setPlainText(text)
        self.expressionEditor.setReadOnly(True)
        self.editButton.setVisible(True)

    def refresh_theme(self) -> None:
        self.expressionEditor.setFont(theme.qfont(mono=True))

    # -- errors ------------------------------------------------------------------------------------------

    def show_error(self, message: str, line: int | None, col: int | None) -> None:
        """The message under the editor; the cursor at the mistake and the whole bad name underlined."""
        self.set_error_text(message)
        self.errorLabel.setVisible(True)
        if line is None or col is None:
            return
        doc = self.expressionEditor.document()
        block = doc.findBlockByNumber(max(0, line - 1))
        text = block.text()
        start = max(0, col - 1)
        cursor = QTextCursor(block)
        # the parser counts characters; Qt counts UTF-16 units (an emoji is two)
        units = len(text[:start].encode("utf-16-le")) // 2
        cursor.setPosition(block.position() + min(units, max(0, block.length() - 1)))
        self.expressionEditor.setTextCursor(cursor)
        mark = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        t = theme.current()  # the error's hue a quarter strong over the editor's paper (light or dark)
        fmt.setBackground(QBrush(QColor(theme.mix(t.error, t.base, 0.75))))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(theme.current().error))
        mark.format = fmt
        sel = QTextCursor(cursor)
        if sel.atBlockEnd():
            sel.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)
        else:
            # the whole bad name, but at most MAX_UNDERLINE characters: a wave under a pasted 200,000-character
            # word took 20 s to lay out and paint
            name = text[start : start + min(name_length(text, start), MAX_UNDERLINE)]
            length = len(name.encode("utf-16-le")) // 2
            sel.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, length)
        mark.cursor = sel
        self.expressionEditor.setExtraSelections([mark])

    def set_error_text(self, message: str) -> None:
        """The message under the editor (already in the current language)."""
        self.errorLabel.setText(
            format_text("ExpressionLab", "⚠ {message}\nThe previous graph is still shown.", message=message)
        )

    def clear_error_marks(self) -> None:
        if self.expressionEditor.extraSelections():
            self.expressionEditor.setExtraSelections([])

    def clear_error(self) -> None:
        self.errorLabel.setVisible(False)
        self.errorLabel.setText("")
        self.expressionEditor.setExtraSelections([])
