"""What a user does in the Expression lab, for the pytest-qt tests: type or paste a source, then Build."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def clear_editor(qtbot, lab):
    editor = lab.expressionEditor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)


def type_expression(qtbot, lab, source):
    """Select all, then type the source line by line as a user would."""
    clear_editor(qtbot, lab)
    editor = lab.expressionEditor
    for k, line in enumerate(source.strip("\n").split("\n")):
        if k:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)
    assert editor.toPlainText() == source.strip("\n")


def type_and_build(qtbot, lab, source):
    """Type the source as a user would, then click Build."""
    type_expression(qtbot, lab, source)
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)


def paste_and_build(qtbot, lab, source):
    """Select all and paste (Ctrl+V) the source, then click Build."""
    clear_editor(qtbot, lab)
    editor = lab.expressionEditor
    QApplication.clipboard().setText(source)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == source
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
