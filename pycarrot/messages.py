"""How engine and app messages quote a name the user gave: short names as they are, long ones elided, so a
message stays readable and cheap to lay out (a 199,990-character name froze a word-wrapped label for 31 s)."""

from __future__ import annotations

MAX_QUOTED = 40  # characters of a name shown before it is elided


def elide_name(name: str, limit: int = MAX_QUOTED) -> str:
    """``'x'`` for a short name; ``'aaaa…' (199,990 characters)`` for one longer than ``limit``."""
    if len(name) <= limit:
        return f"'{name}'"
    return f"'{name[: max(1, limit - 1)]}…' ({len(name):,} characters)"


__all__ = ["MAX_QUOTED", "elide_name"]
