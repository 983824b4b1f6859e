"""Qt-free checks of values the labs' settings, files and lessons hand in, shared so each says the same."""

from __future__ import annotations

import numpy as np


def is_whole(value: object) -> bool:
    """Whether ``value`` is a whole number as code, a file or a lesson gives it: a Python or NumPy int, but not
    a bool (``True`` is an int to Python, never a count, index or seed to us)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)
