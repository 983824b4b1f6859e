"""Small widget helpers every lab uses: tooltips with object names, form rows, a spin box for values spanning decades."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QHelpEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QToolTip,
    QWidget,
)

from ..i18n import translate
from . import texts

W = TypeVar("W", bound=QWidget)
# the dynamic properties holding the English label of a widget's form row and its translation context (tip)
LABEL, LABEL_CONTEXT = "formLabel", "formLabelContext"


def tip(widget: W, name: str, tip: str, context: str | None = None, text: str = "", label: str = "") -> W:
    """Give ``widget`` its stable objectName (tests and accessibility tools find it by that) and a tooltip, and
    with ``text`` its text (a group box: its title), with ``label`` the label of its row in a form (see
    :func:`add_rows`), so a widget is made in one call.

    With a translation ``context`` the tooltip, the text and the label are English sources shown translated, and
    again after every language switch (``tools/translations.py`` reads a literal ``tip(w, name, "tooltip",
    CONTEXT, text="text", label="label")`` as messages); an empty ``tip`` is no tooltip."""
    widget.setObjectName(name)
    if label:
        set_form_label(widget, label, context)
    _bind_text(widget.setToolTip, context if tip else None, tip)
    if text:
        _bind_text(widget.setTitle if isinstance(widget, QGroupBox) else widget.setText, context, text)
    return widget


def set_form_label(widget: QWidget, label: str, context: str | None) -> None:
    """Give ``widget`` the label of its form row (an English source of ``context``), which :func:`add_rows`
    shows beside it."""
    widget.setProperty(LABEL, label)
    widget.setProperty(LABEL_CONTEXT, context)


def ask_path(
    parent: QWidget, context: str, title: str, kinds: str, save_as: str | None = None, folder: str = ""
) -> str:
    """A file the user picks in a dialog: one to save to (``save_as``: the name suggested) or, with ``save_as``
    None, one to open (starting in ``folder``); "" when cancelled. ``title`` and ``kinds`` (the file-type filter)
    are English sources of ``context``, shown translated."""
    if save_as is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, translate(context, title), folder, translate(context, kinds)
        )
    else:
        path, _ = QFileDialog.getSaveFileName(
            parent, translate(context, title), save_as, translate(context, kinds)
        )
    return path


def tooltip_event(event: QEvent, show: Callable[[QHelpEvent], None]) -> bool:
    """For a widget whose tooltip depends on what is under the mouse: a ToolTip event goes to ``show`` (True:
    handled); any other event is left to the widget (False)."""
    if event.type() != QEvent.Type.ToolTip:
        return False
    show(event)
    return True


def show_tip(event: QHelpEvent, widget: QWidget, text: str | None) -> None:
    """Show ``text`` as the tooltip at the mouse over ``widget``; hide the tooltip when there is none (None)."""
    if text is None:
        QToolTip.hideText()
    else:
        QToolTip.showText(event.globalPos(), text, widget)


def set_items(combo: QComboBox, items: Sequence[str], current: int) -> None:
    """Fill ``combo`` with ``items`` and select ``current`` without emitting its signals."""
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItems(list(items))
        combo.setCurrentIndex(current)


def check_item(text: str, checked: bool) -> QListWidgetItem:
    """A list item the user can tick, ticked or not."""
    item = QListWidgetItem(text)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def checked_texts(items: QListWidget) -> list[str]:
    """The texts of the ticked items of a list, in its order."""
    rows = (items.item(i) for i in range(items.count()))
    return [item.text() for item in rows if item.checkState() == Qt.CheckState.Checked]


def add_rows(
    form: QFormLayout,
    rows: list[tuple[str, QWidget | QLayout] | QWidget | QLayout],
    context: str | None = None,
) -> None:
    """Add rows to a form: a widget given a ``label`` by :func:`tip` under that label; a ``(label, field)``
    tuple (its field may be a layout) under its label; any other widget or layout across the whole row.

    With a translation ``context`` a tuple's label is an English source (marked with ``QT_TRANSLATE_NOOP``);
    every label follows the language. A label is its field's buddy, and a widget's label is also its
    accessible name (what a screen reader says for it)."""
    for row in rows:
        if isinstance(row, QWidget) and row.property(LABEL):
            label = _bound_label(row.property(LABEL_CONTEXT), row.property(LABEL))
            _bind_text(row.setAccessibleName, row.property(LABEL_CONTEXT), row.property(LABEL))
            label.setBuddy(row)
            form.addRow(label, row)
        elif isinstance(row, tuple):
            label = _bound_label(context, row[0])
            if isinstance(row[1], QWidget):
                label.setBuddy(row[1])
            form.addRow(label, row[1])
        else:
            form.addRow(row)


def _bind_text(setter: Callable[[str], object], context: str | None, text: str) -> None:
    """Set ``text``: an English source translated in ``context`` (and after every language switch), if given."""
    if context is None:
        setter(text)
    else:
        texts.bind(setter, context, text)


def _bound_label(context: str | None, text: str) -> QLabel:
    """A form row's label showing ``text`` (translated in ``context`` when given)."""
    label = QLabel()
    _bind_text(label.setText, context, text)
    return label


def seed_spin(name: str, tooltip: str, context: str | None = None, label: str = "") -> QSpinBox:
    """A random seed field: any non-negative 32-bit int (``label``: its form row's, as for :func:`tip`)."""
    return tip(QSpinBox(minimum=0, maximum=2**31 - 1), name, tooltip, context, label=label)


def momentum_spin(name: str, tooltip: str, context: str | None = None, label: str = "") -> QDoubleSpinBox:
    """SGD momentum in [0, 0.999], three decimals, steps of 0.1 (the labs that train share it)."""
    spin = QDoubleSpinBox(decimals=3, minimum=0.0, maximum=0.999, singleStep=0.1)
    return tip(spin, name, tooltip, context, label=label)


def weight_decay_spin(
    name: str, tooltip: str, maximum: float, context: str | None = None, label: str = ""
) -> QDoubleSpinBox:
    """L2 weight decay from 0 to ``maximum``, four decimals, steps of 0.001."""
    spin = QDoubleSpinBox(decimals=4, minimum=0.0, maximum=maximum, singleStep=0.001)
    return tip(spin, name, tooltip, context, label=label)


def batch_size_spin(
    name: str, tooltip: str, maximum: int, context: str | None = None, full: str = "full batch"
) -> QSpinBox:
    """Samples per step, 0 shown as ``full`` (every sample; an English source translated in ``context`` when
    given: ``tools/translations.py`` reads a literal ``full``, like the literal tooltips of these spin boxes)."""
    spin = tip(QSpinBox(minimum=0, maximum=maximum), name, tooltip, context)
    _bind_text(spin.setSpecialValueText, context, full)
    return spin


class LogSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox for values spanning decades (a learning rate): shows ``0.05`` or ``1e-06``, accepts
    typed scientific notation, and the arrows walk 1-2-5 steps (0.01 → 0.02 → 0.05 → 0.1)."""

    def __init__(self, minimum: float, maximum: float, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(12)  # the stored value is not rounded to what is shown
        self.setRange(minimum, maximum)
        self.setValue(value)
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt override
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        s = text.strip()
        try:
            v = float(s)
        except ValueError:
            ok = s == "" or all(ch in "0123456789.eE+-" for ch in s)
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid, text, pos)
        if not math.isfinite(v):
            return (QValidator.State.Invalid, text, pos)
        if self.minimum() <= v <= self.maximum():
            return (QValidator.State.Acceptable, text, pos)
        return (QValidator.State.Intermediate, text, pos)

    def fixup(self, text: str) -> str:
        """A typed number out of range becomes the nearest bound (Qt's own correction jumps to the minimum:
        1000 would become 1e-06)."""
        try:
            v = float(text.strip())
        except ValueError:
            return text
        if not math.isfinite(v):
            return text
        return self.textFromValue(min(max(v, self.minimum()), self.maximum()))

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        v = self.value()
        for _ in range(abs(steps)):
            exp = math.floor(math.log10(v) + 1e-9)
            mant = v / 10**exp
            ladder = [1.0, 2.0, 5.0, 10.0]
            if steps > 0:
                nxt = next(m for m in ladder if m > mant + 1e-9)
                v = nxt * 10**exp
            else:
                lower = [m for m in (0.5, 1.0, 2.0, 5.0) if m < mant - 1e-9]
                v = lower[-1] * 10**exp
            v = float(f"{v:.6g}")
        self.setValue(min(max(v, self.minimum()), self.maximum()))
