"""Find the texts a user would read in English while the app speaks Chinese: ``untranslated_texts(widget)``.

Walks a widget and everything under it (labels, buttons, actions and menus, group titles, tabs, tooltips,
placeholders, window and dock titles, combo box items, table headers and cells, spin box prefixes and
suffixes, text items in a graphics scene) and returns each visible text that is neither Chinese nor made only
of what needs no translation: numbers, symbols, single letters, and the words of :data:`ALLOWED_WORDS`
(function names, key names, file types, proper names). Run it on one lab at a time or on the whole window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
TAG = re.compile(r"<[A-Za-z/!][^>]*>")
WORD = re.compile(r"[A-Za-z]{2,}")
# words that stay as they are in a Chinese UI: names, the engine's functions, keys, file types, units
ALLOWED_WORDS = frozenset(
    """
    PyCarrot NumPy PyTorch Python Qt English Linux Windows macOS
    sin cos tan tanh exp log sqrt relu sigmoid sum mean max min abs matmul softmax pow neg sub add mul div
    transpose reshape dot grad nan inf out
    Ctrl Shift Alt Esc Tab Enter Return Space Home End PageUp PageDown Del Backspace
    PNG SVG CSV PDF HTML npz py csv png svg pdf json carrot
    SGD Adam MSE ReLU LeakyReLU Tanh Sigmoid BCE
    ms px pt
    """.split()
)


def _plain(text: str) -> str:
    """What a label shows: rich text without its tags, without the mnemonic '&'s and the shortcut after a tab."""
    if TAG.search(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = text.split("\t")[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def needs_translation(text: str, allowed: Iterable[str] = ()) -> bool:
    """Whether ``text`` reads as English: it has no Chinese and a word not in the allowed words."""
    text = _plain(text)
    if not text or CJK.search(text):
        return False
    words = ALLOWED_WORDS | set(allowed)
    return any(word not in words for word in WORD.findall(text))


def _action_texts(actions, seen: set[int]) -> Iterator[tuple[str, str]]:
    """The texts of ``actions`` and of their submenus; ``seen`` holds the ids of actions (and menus) to pass
    over."""
    for action in actions:
        if action.isSeparator() or id(action) in seen or id(action.menu()) in seen:
            continue
        seen.add(id(action))
        where = action.objectName() or "action"
        yield f"{where}.text", action.text()
        if action.toolTip() != action.text().replace("&", ""):
            yield f"{where}.toolTip", action.toolTip()
        yield f"{where}.statusTip", action.statusTip()
        if action.menu() is not None:
            yield f"{where}.menu.title", action.menu().title()
            yield from _action_texts(action.menu().actions(), seen)


def _widget_texts(w: QWidget) -> Iterator[tuple[str, str]]:  # noqa: C901 - one branch per kind of widget
    name = w.objectName() or type(w).__name__
    yield f"{name}.toolTip", w.toolTip()
    if w.isWindow() or isinstance(w, QDockWidget):
        yield f"{name}.windowTitle", w.windowTitle()
    if isinstance(w, (QLabel, QAbstractButton)):
        yield f"{name}.text", w.text()
    if isinstance(w, QGroupBox):
        yield f"{name}.title", w.title()
    if isinstance(w, QMenu):
        yield f"{name}.title", w.title()
    if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield f"{name}.placeholder", w.placeholderText()
    if isinstance(w, (QSpinBox, QDoubleSpinBox)):
        yield f"{name}.prefix", w.prefix()
        yield f"{name}.suffix", w.suffix()
    if isinstance(w, QAbstractSpinBox):
        yield f"{name}.specialValueText", w.specialValueText()
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield f"{name}[{i}]", w.itemText(i)
            yield f"{name}[{i}].toolTip", w.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""
    if isinstance(w, QTabBar):
        for i in range(w.count()):
            yield f"{name}.tab[{i}]", w.tabText(i)
            yield f"{name}.tab[{i}].toolTip", w.tabToolTip(i)
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield f"{name}.tab[{i}]", w.tabText(i)
            yield f"{name}.tab[{i}].toolTip", w.tabToolTip(i)
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        yield from _model_texts(name, w.model())
    if isinstance(w, QGraphicsView) and w.scene() is not None:
        for item in w.scene().items():
            if isinstance(item, QGraphicsTextItem):
                yield f"{name}.scene", item.toPlainText()
            elif isinstance(item, QGraphicsSimpleTextItem):
                yield f"{name}.scene", item.text()
            yield f"{name}.scene.toolTip", item.toolTip()


def _model_texts(name: str, model, limit: int = 200) -> Iterator[tuple[str, str]]:
    """Header labels and the first ``limit`` cells' texts and tooltips of an item view's model."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex

    display, tip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
    root = QModelIndex()
    columns = (
        1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    )  # private in list models
    rows = model.rowCount(root)
    for orientation, count in (
        (Qt.Orientation.Horizontal, columns),
        (Qt.Orientation.Vertical, 0),
    ):
        for section in range(count):
            yield f"{name}.header[{section}]", str(model.headerData(section, orientation, display) or "")
    cells = 0
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column)
            for role in (display, tip):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"{name}[{row},{column}]", value
            cells += 1
            if cells >= limit:
                return


def _inside(w, ancestors: list) -> bool:
    """Whether ``w`` is one of ``ancestors`` or under one, popups included (Qt's ``isAncestorOf`` stops at a
    window: a combo box's list and a button's menu are windows of their own)."""
    node = w
    while node is not None:
        if any(node is a for a in ancestors):
            return True
        node = node.parent() if shiboken6.isValid(node) else None
    return False


def visible_texts(widget: QWidget, skip: Iterable = ()) -> list[tuple[str, str]]:
    """``(where, text)`` for every non-empty text of ``widget`` and its children; the widgets and actions in
    ``skip`` (and everything under those widgets) left out."""
    skipped = list(skip)
    seen: set[int] = {id(a) for a in skipped if isinstance(a, (QAction, QMenu))}
    found: list[tuple[str, str]] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not shiboken6.isValid(w):
            continue  # deleted while the walk ran (PySide6 6.9 still lists a menu Qt is deleting)
        if _inside(w, skipped):
            continue
        if isinstance(w, QAbstractItemView) and _inside(w, list(widget.findChildren(QComboBox))):
            continue  # a combo box's popup list: its items are read from the combo box
        found += _widget_texts(w)
        found += _action_texts(w.actions(), seen)
    if hasattr(widget, "menuBar"):
        found += _action_texts(widget.menuBar().actions(), seen)
    return [(where, text) for where, text in found if text and text.strip()]


def untranslated_texts(widget: QWidget, allowed: Iterable[str] = (), skip: Iterable = ()) -> list[str]:
    """``"where: text"`` for each text of ``widget`` (children included, ``skip`` left out) that is still in
    English; ``allowed`` adds words that need no translation (a lab's variable names)."""
    allowed = set(allowed)
    return sorted(
        {
            f"{where}: {text!r}"
            for where, text in visible_texts(widget, skip)
            if needs_translation(text, allowed)
        }
    )
