"""Menu actions made from one row each (text, slot, shortcut, objectName, tip) that follow the language: the main
window's menus and the lesson menu build theirs with it; and each lab's own keys (:func:`lab_keys`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QWidget

from . import texts


def add_action(
    owner: QObject,
    menu: QMenu,
    context: str,
    text: str,
    slot: Callable,
    shortcut: str | None = None,
    name: str = "",
    tip: str = "",
) -> QAction:
    """An action of ``owner`` at the end of ``menu`` that calls ``slot``; ``text`` and ``tip`` (shown as the
    tooltip and in the status bar) are English sources of ``context``, marked where they are written and shown
    translated, again after every language switch."""
    action = QAction(owner)
    texts.bind(action.setText, context, text)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setObjectName(name)
    if tip:
        texts.bind(action.setStatusTip, context, tip)
        texts.bind(action.setToolTip, context, tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def add_actions(owner: QObject, menu: QMenu, context: str, rows: Iterable[tuple]) -> list[QAction]:
    """One :func:`add_action` per row ``(text, slot, shortcut, name, tip)`` (a row may stop before the tip)."""
    return [add_action(owner, menu, context, *row) for row in rows]


def lab_keys(lab: QWidget, keys: Iterable[tuple[str | Qt.Key, Callable]]) -> list[QShortcut]:
    """A shortcut per ``(key, slot)`` that works only while ``lab`` (its tab) or a widget in it has the focus, so
    the same key can mean each lab's own step, play or reset."""
    context = Qt.ShortcutContext.WidgetWithChildrenShortcut
    return [QShortcut(QKeySequence(key), lab, slot, context=context) for key, slot in keys]
