"""How engine messages are made: a :class:`Phrase` keeps its English template and parameters beside its text (so
an app can say it in another language), and a name the user gave is quoted short (long ones elided, so a message
stays readable and cheap to lay out: a 199,990-character name froze a word-wrapped label for 31 s)."""

from __future__ import annotations

import re


class Phrase(str):
    """English text that remembers how it was made: ``.template`` (``"unknown name {name} ({hint})"``) and
    ``.params`` (whose values may be phrases themselves). It *is* the English string, so code that prints or
    compares messages never notices; an app that translates templates re-says it in its language."""

    template: str
    params: dict[str, object]

    def __new__(
        cls, text: str, template: str | None = None, params: dict[str, object] | None = None
    ) -> Phrase:
        self = super().__new__(cls, text)
        self.template = text if template is None else template
        self.params = dict(params or {})
        return self


def phrase(template: str, **params: object) -> Phrase:
    """``template.format(**params)`` as a :class:`Phrase` that keeps both (a template without parameters is
    the text as it is: ``"'{' is not allowed"``)."""
    return Phrase(template.format(**params) if params else template, template, params)


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


__all__ = ["MAX_QUOTED", "Phrase", "elide_name", "elide_words", "phrase"]
