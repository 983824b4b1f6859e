"""Lessons: a lecture as a file of scenes (each a state of the labs) and handouts of every backward step.

Qt-free at this level (format, states, autosave, handout rows); widgets and the PDF writer live in ``qt/``.
The names below are imported when first asked for (``from carrot_gui.lessons import Lesson``), so the window's
lesson menu, built at start, does not load the format and the labs' cores behind it before they are used.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "autosave": ("autosave_path", "discard_autosave", "find_autosave", "write_autosave"),
    "fields": ("LessonError",),
    "format": ("LABS", "SUFFIX", "VERSION", "Lesson", "Scene", "open_lesson", "save_lesson"),
    "network_state": (
        "DigitsData",
        "DrawnData",
        "GeneratedSettings",
        "NetCsv",
        "NetSettings",
        "NetworkState",
    ),
    "state": (
        "CsvRows",
        "EarlierRun",
        "ExpressionState",
        "SyntheticSettings",
        "TrainingState",
        "TrainSettings",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}
__all__ = list(_HOME_OF)


def __getattr__(name: str):
    if name not in _HOME_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOME_OF[name]}", __name__), name)
    globals()[name] = value
    return value
