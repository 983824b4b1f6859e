"""carrot_gui: a PySide6 desktop app that teaches backpropagation on top of the pycarrot engine.

``carrot_gui.MainWindow()`` builds exactly the window the app shows. It is imported lazily, so the Qt-free
parts (``carrot_gui.expression``, ``carrot_gui.theme``) can be used and tested without loading Qt.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MainWindow", "main"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from .main_window import MainWindow

        return MainWindow
    if name == "main":
        from .app import main

        return main
    raise AttributeError(f"module 'carrot_gui' has no attribute {name!r}")
