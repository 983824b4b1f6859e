"""PyCarrot's own random generator: what ``Linear`` and other initialisers draw from.

``pc.manual_seed(n)`` replaces it with a freshly seeded one, so a model built after the call is the same every
run (NumPy's global ``np.random`` state is left alone, as PyTorch leaves it alone).
"""

from __future__ import annotations

import numbers

import numpy as np

_generator: np.random.Generator = np.random.default_rng()
_seed: int | None = None


def manual_seed(seed: int) -> np.random.Generator:
    """Seed the generator initialisation uses; returns it. ``seed`` is a non-negative integer."""
    global _generator, _seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"manual_seed needs a non-negative integer, got {seed!r} ({type(seed).__name__})")
    if seed < 0:
        raise ValueError(f"manual_seed needs a non-negative integer, got {seed}")
    _seed = int(seed)
    _generator = np.random.default_rng(_seed)
    return _generator


def initial_seed() -> int | None:
    """The seed given to the last ``manual_seed`` call (None if it was never called)."""
    return _seed


def generator() -> np.random.Generator:
    """The generator in use now (always fetch it through this function: ``manual_seed`` replaces it)."""
    return _generator


__all__ = ["manual_seed", "initial_seed", "generator"]
