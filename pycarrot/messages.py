"""How engine and app messages quote a name the user gave: short names as they are, long ones elided, so a
message stays readable and cheap to lay out (a 199,990-character name froze a word-wrapped label for 31 s)."""

from __future__ import annotations

import re

MAX_QUOTED = 24  # characters of a name shown before it is elided (narrow enough for the lab's side panel)


def elide_name(name: str, limit: int = MAX_QUOTED) -> str:
    """``'x'`` for a short name; ``'aaaa…' (199,990 characters)`` for one longer than ``limit``."""
    if len(name) <= limit:
        return f"'{name}'"
    return f"'{name[: max(1, limit - 1)]}…' ({len(name):,} characters)"


def elide_words(text: str, limit: int = MAX_QUOTED) -> str:
    """``text`` with every run of non-space characters longer than an elided name elided the same way, for a
    message that quotes raw input (``found number 1111…``): a 200,000-digit word took 15 s to wrap."""

    def elide(m: re.Match) -> str:
        word = m.group()
        tail = word[-1] if word[-1] in "'\")]},;:?" else ""  # keep the closing mark
        return f"{word[: limit - 1]}…{tail} ({len(word):,} characters)"

    return re.sub(rf"\S{{{limit + 3},}}", elide, text)  # longer than 'quoted…' of elide_name


__all__ = ["MAX_QUOTED", "elide_name", "elide_words"]
