"""The expression editor: a plain-text editor that stays responsive when a huge single line is pasted.

Qt re-lays out a wrapped line in time that grows with the square of its length: one 200,000-character
line takes ~3 s to wrap (measured here), so a paste would freeze the app. Lines longer than
``WRAP_MAX_LINE`` are therefore shown unwrapped (scroll sideways); wrapping comes back once the text is
short again.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

WRAP_MAX_LINE = 5_000  # characters in one line; wrapping that many takes ~6 ms


def longest_line(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)


class ExpressionEditor(QPlainTextEdit):
    """``QPlainTextEdit`` that turns line wrapping off before a very long line arrives."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.textChanged.connect(self._maybe_wrap_again)

    @property
    def wrapping(self) -> bool:
        return self.lineWrapMode() != QPlainTextEdit.LineWrapMode.NoWrap

    def _prepare_for(self, incoming: str, replacing_all: bool) -> None:
        longest = longest_line(incoming)
        if not replacing_all:  # pasted into the current line: it grows by the first pasted line
            longest = max(longest, self.textCursor().block().length() + len(incoming.split("\n", 1)[0]))
        if longest > WRAP_MAX_LINE and self.wrapping:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._prepare_for(text, replacing_all=True)
        super().setPlainText(text)

    def replace_all(self, text: str) -> None:
        """Replace the whole text as one edit that Ctrl+Z takes back (``setPlainText`` forgets the undo
        history: a preset picked by mistake would destroy what was typed)."""
        self._prepare_for(text, replacing_all=True)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        if source.hasText():
            self._prepare_for(source.text(), replacing_all=False)
        super().insertFromMimeData(source)

    def _maybe_wrap_again(self) -> None:
        # characterCount() is O(1): only a short text is scanned for its longest line
        if not self.wrapping and self.document().characterCount() <= WRAP_MAX_LINE:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
