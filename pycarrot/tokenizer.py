"""The expression language's tokenizer: the source as tokens up to the first bad character, which becomes an
error token carrying what to say about it (the parser in :mod:`pycarrot.expression` raises it in order)."""

from __future__ import annotations

import re

from .messages import Phrase, phrase

NUM, NAME, OP, END, EOF, ERR = "number", "name", "op", "end", "eof", "error"  # END: a new line or ';'

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t\r\f\v]+|\#[^\n]*)
    |(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
    |(?P<name>[^\W\d]\w*)
    |(?P<bad>//|==|!=|<=|>=|<|>|!)
    |(?P<op>\*\*|[-+*/@()\[\],=])
    |(?P<end>[\n;])
    """,
    re.VERBOSE,
)

# Characters people try, with what to say about them.
_HINTS = {
    "//": phrase("'//' (floor division) is not supported: use /"),
    ".": phrase("attribute access is not allowed"),
    "'": phrase("strings are not allowed"),
    '"': phrase("strings are not allowed"),
    "%": phrase("'%' is not supported"),
    "{": phrase("'{' is not allowed: vectors are written [1, 2, 3]"),
    "}": phrase("'}' is not allowed"),
    "\\": phrase("a statement must fit on one line"),
    "^": phrase("'^' is not a power: write x ** 2"),
}


class Token:
    __slots__ = ("kind", "text", "line", "col")

    def __init__(self, kind: str, text: str, line: int, col: int) -> None:
        self.kind = kind
        self.text = text
        self.line = line
        self.col = col

    def describe(self) -> Phrase:
        if self.kind == EOF:
            return phrase("the end of the input")
        if self.kind == END:
            return phrase("the end of the line") if self.text == "\n" else phrase("';'")
        if self.kind == NAME:
            return phrase("name '{name}'", name=self.text)
        if self.kind == NUM:
            return phrase("number {number}", number=self.text)
        return phrase("'{token}'", token=self.text)


def tokenize(source: str) -> list[Token]:
    """Tokens up to the end, or up to the first bad character, which becomes an ERR token carrying the
    message (the parser raises it when it gets there, so errors are reported in source order)."""
    tokens: list[Token] = []
    append = tokens.append
    match = _TOKEN.match
    pos, line, line_start, n = 0, 1, 0, len(source)
    while pos < n:
        m = match(source, pos)
        kind = m.lastgroup if m is not None else None
        if kind is None or kind == "bad":
            bad = m.group() if m is not None else source[pos]
            message = _HINTS.get(bad) or (
                phrase("comparisons are not supported")
                if kind == "bad"
                else phrase("unexpected character {char}", char=repr(bad))
            )
            append(Token(ERR, message, line, pos - line_start + 1))
            break
        if kind != "space":
            text = m.group()
            append(Token(kind, text, line, pos - line_start + 1))
            if text == "\n":
                line += 1
                line_start = m.end()
        pos = m.end()
    append(Token(EOF, "", line, n - line_start + 1))
    return tokens
