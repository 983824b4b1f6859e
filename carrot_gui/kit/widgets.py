"""Small widget helpers every lab uses: tooltips with object names, form rows, a spin box for values spanning decades."""

from __future__ import annotations

import math

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLayout,
    QSpinBox,
    QWidget,
)

from . import texts


def tip(widget: QWidget, name: str, tip: str, context: str | None = None, text: str | None = None) -> QWidget:
    """Give ``widget`` its stable objectName (tests and accessibility tools find it by that), a tooltip and,
    when given, its ``text`` (a button's or a check box's: ``setText``).

    With a translation ``context`` the tooltip and text are English sources shown translated, and again after
    every language switch (``tools/translations.py`` reads a literal ``tip(w, name, "tooltip", CONTEXT,
    text="text")`` as messages)."""
    widget.setObjectName(name)
    _show(widget.setToolTip, tip, context)
    if text is not None:
        _show(widget.setText, text, context)
    return widget


def _show(setter, text: str, context: str | None) -> None:
    """``setter(text)``; with a translation ``context``, translated now and after every language switch."""
    if context is None:
        setter(text)
    else:
        texts.bind(setter, context, text)


def add_rows(
    form: QFormLayout,
    rows: list[tuple[str, QWidget | QLayout] | QWidget | QLayout],
    context: str | None = None,
) -> None:
    """Add ``(label, field)`` rows to a form; a bare widget or layout spans the whole row. With a translation
    ``context`` the labels are English sources (marked with ``QT_TRANSLATE_NOOP``) that follow the language."""
    for row in rows:
        if isinstance(row, tuple) and context is not None:
            label = QLabel()
            texts.bind(label.setText, context, row[0])
            form.addRow(label, row[1])
        elif isinstance(row, tuple):
            form.addRow(*row)
        else:
            form.addRow(row)


def seed_spin(name: str, tooltip: str, context: str | None = None) -> QSpinBox:
    """A random seed field: any non-negative 32-bit int."""
    return tip(QSpinBox(minimum=0, maximum=2**31 - 1), name, tooltip, context)


def momentum_spin(name: str, tooltip: str, context: str | None = None) -> QDoubleSpinBox:
    """SGD momentum in [0, 0.999], three decimals, steps of 0.1 (the labs that train share it)."""
    spin = QDoubleSpinBox(decimals=3, minimum=0.0, maximum=0.999, singleStep=0.1)
    return tip(spin, name, tooltip, context)


def weight_decay_spin(name: str, tooltip: str, maximum: float, context: str | None = None) -> QDoubleSpinBox:
    """L2 weight decay from 0 to ``maximum``, four decimals, steps of 0.001."""
    spin = QDoubleSpinBox(decimals=4, minimum=0.0, maximum=maximum, singleStep=0.001)
    return tip(spin, name, tooltip, context)


def batch_size_spin(
    name: str, tooltip: str, maximum: int, context: str | None = None, full: str = "full batch"
) -> QSpinBox:
    """Samples per step, 0 shown as ``full`` (every sample; an English source translated in ``context`` when
    given: mark it with ``QT_TRANSLATE_NOOP(context, "full batch")``)."""
    spin = tip(QSpinBox(minimum=0, maximum=maximum, specialValueText=full), name, tooltip, context)
    if context is not None:
        texts.bind(spin.setSpecialValueText, context, full)
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
