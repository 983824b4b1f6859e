"""Qt-free checks of values the labs' settings, files and lessons hand in, shared so each says the same."""

from __future__ import annotations

import numpy as np

from .i18n import format_text


def is_whole(value: object) -> bool:
    """Whether ``value`` is a whole number as code, a file or a lesson gives it: a Python or NumPy int, but not
    a bool (``True`` is an int to Python, never a count, index or seed to us)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def check_index(
    index: int, count: int, error: type[Exception], context: str, template: str, **fmt: object
) -> None:
    """Raise ``error`` with ``template`` (an English source of ``context``, shown translated; ``{value}`` is the
    last index, ``fmt`` fills the rest) unless ``0 <= index < count``."""
    if not 0 <= index < count:
        raise error(format_text(context, template, value=count - 1, **fmt))
