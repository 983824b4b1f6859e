"""What the app remembers between runs (``QSettings``): language, theme, font size, window geometry, recent files.

One small typed front so every part reads and writes the same keys. ``CARROT_GUI_SETTINGS=/path/file.ini`` keeps
them in that file instead of the user's (the tests give each test its own, so nothing leaks between them).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ENV = "CARROT_GUI_SETTINGS"
MAX_RECENT = 8


def store() -> QSettings:
    """The settings store: the file named by ``CARROT_GUI_SETTINGS``, else the user's PyCarrot settings."""
    path = os.environ.get(ENV)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("PyCarrot", "PyCarrot")


def _text(key: str, default: str) -> str:
    value = store().value(key, default)
    return value if isinstance(value, str) else default


def _set(key: str, value: object) -> None:
    s = store()
    s.setValue(key, value)
    s.sync()


def language() -> str:
    """The remembered language (``"en"``, ``"zh_CN"``), or ``""`` when none is: then the system locale's."""
    return _text("language", "")


def set_language(code: str) -> None:
    _set("language", code)


def theme() -> str:
    """The remembered theme: ``"light"``, ``"dark"`` or ``"system"`` (the default: follow the system)."""
    return _text("theme", "system")


def set_theme(name: str) -> None:
    _set("theme", name)


def font_scale() -> float:
    """The remembered text size as a factor of the normal size (1.0 when none is remembered)."""
    try:
        value = float(store().value("font_scale", 1.0))
    except (TypeError, ValueError):
        return 1.0
    return value if 0.25 <= value <= 4.0 else 1.0


def set_font_scale(value: float) -> None:
    _set("font_scale", float(value))


def geometry() -> QByteArray | None:
    """The main window's saved geometry (``QWidget.saveGeometry``), or None."""
    value = store().value("window/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_geometry(data: QByteArray) -> None:
    _set("window/geometry", data)


def recent_files() -> list[str]:
    """Recently opened or saved lesson files, newest first, only those that still exist."""
    value = store().value("recent_files", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    if not isinstance(value, list):
        return []
    return [p for p in value if isinstance(p, str) and Path(p).is_file()][:MAX_RECENT]


def add_recent_file(path: str | os.PathLike[str]) -> list[str]:
    """Put ``path`` first in the recent files (once; at most :data:`MAX_RECENT`); returns the new list."""
    full = str(Path(path).resolve())
    files = [full] + [p for p in recent_files() if p != full]
    _set("recent_files", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def clear_recent_files() -> None:
    _set("recent_files", [])
