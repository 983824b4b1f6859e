"""Small widget helpers every lab uses."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def tip(widget: QWidget, name: str, tip: str) -> QWidget:
    """Give ``widget`` its stable objectName (tests and accessibility tools find it by that) and a tooltip."""
    widget.setObjectName(name)
    widget.setToolTip(tip)
    return widget
