"""Small widget helpers every lab uses."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLayout, QWidget


def tip(widget: QWidget, name: str, tip: str) -> QWidget:
    """Give ``widget`` its stable objectName (tests and accessibility tools find it by that) and a tooltip."""
    widget.setObjectName(name)
    widget.setToolTip(tip)
    return widget


def add_rows(form: QFormLayout, rows: list[tuple[str, QWidget | QLayout] | QWidget | QLayout]) -> None:
    """Add ``(label, field)`` rows to a form; a bare widget or layout spans the whole row."""
    for row in rows:
        if isinstance(row, tuple):
            form.addRow(*row)
        else:
            form.addRow(row)
