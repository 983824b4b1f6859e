"""A small expression language that builds a Carrot graph: ``pc.parse("z = x*y + sin(x)", x=2.0, y=4.0)``.

The source is read by a hand-written tokenizer and an operator-precedence parser that calls the engine's
ops as it reduces, so the result is a graph of ordinary Carrot nodes. Nothing is ever evaluated as Python
(no ``eval``/``exec``/``ast``), input size and nesting are bounded, and every mistake is an
:class:`ExpressionError` naming the line and column where it happened.

The language::

    # a comment                       statements are separated by new lines or ';'
    x = 2.0                           # a literal assigned to a name is a leaf that requires grad
    v = [1, 2, 3]; m = [[1, 2], [3, 4]]   # vector and matrix literals too
    z = x * v + sin(x) ** 2 / 3       # + - * / ** @ and unary -, precedence and associativity as in Python
    s = sum(m @ v, 0)                 # functions from a fixed list; sum/mean/softmax/log_softmax take an axis
    mean(z)                           # a final bare expression is the output, named "out"

Numbers inside expressions are constants: they reach the ops as Python floats (or float64 arrays) and stay
in the result node's operands, so the app can draw them. A final bare *name* (``z``) selects that node as
the output instead (it is moved to the end of the returned dict).
"""

from __future__ import annotations

import difflib
import keyword
from typing import Any

import numpy as np

from . import ops as _ops
from .carrot import Carrot, paused_gc
from .messages import MAX_QUOTED, Phrase, elide_name, phrase
from .nn import functional as _functional  # noqa: F401 - declares the losses the language calls (mse)
from .tokenizer import END, EOF, ERR, NAME, NUM, OP
from .tokenizer import Token as _Token
from .tokenizer import tokenize as _tokenize

MAX_SOURCE_LENGTH = 200_000
MAX_DEPTH = 200  # nested parentheses, brackets and function calls

__all__ = ["parse", "ExpressionError", "FUNCTIONS", "MAX_SOURCE_LENGTH", "MAX_DEPTH"]


class ExpressionError(ValueError):
    """Bad expression source: ``.line`` and ``.col`` (both from 1) say where, ``.message`` says what.

    ``.template`` and ``.params`` say the message again for an app that translates it: the English template
    (``"unknown name {name} ({hint})"``) and its parameters, whose values may be
    :class:`~pycarrot.messages.Phrase` objects with a template of their own."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(f"line {line}, column {col}: {message}")
        self.message = message
        self.line = line
        self.col = col
        self.template = message.template if isinstance(message, Phrase) else message
        self.params = dict(message.params) if isinstance(message, Phrase) else {}

    def __reduce__(self) -> tuple:  # keep pickling (e.g. across a process boundary) working
        return (type(self), (self.message, self.line, self.col))


# name -> how to call it; the functions, their arguments and operators all come from the op table.
FUNCTIONS: dict[str, str] = {name: _ops.signature(name) for name in _ops.OPS}

# ---------------------------------------------------------------------------------------------------------
# Parser: one statement at a time; binary and unary operators by precedence on an explicit stack, so only
# brackets and calls recurse (bounded by MAX_DEPTH) and a 100,000-term sum needs no deep recursion.
# ---------------------------------------------------------------------------------------------------------

# operator -> (precedence, engine op), from the op table; ** is right-associative; unary minus sits
# between * and ** as in Python (-x**2 is -(x**2), 2**-x is 2**(-x)).
_BINARY = {op.symbol: (op.precedence, op.fn) for op in _ops.TABLE.values() if op.symbol and op.arity == 2}
_UNARY_PRECEDENCE = _ops.TABLE["neg"].precedence
_NEG = "neg"

_KEYWORDS = frozenset(keyword.kwlist)


def _is_constant(x: Any) -> bool:
    return not isinstance(x, Carrot)


class _Parser:
    def __init__(self, source: str, values: dict[str, Any]) -> None:
        self.tokens = _tokenize(source)
        self.pos = 0
        self.nodes: dict[str, Carrot] = {}
        self.defined_at: dict[str, int | None] = {}  # name -> line (None: a keyword value)
        self.name_of: dict[int, str] = {}  # id(node) -> its name, to refuse a second name for one node
        self.open_brackets: list[_Token] = []
        for name, value in values.items():
            self._check_value_name(name)
            self.define(name, value if isinstance(value, Carrot) else _leaf(value, name), None)

    def define(self, name: str, node: Carrot, line: int | None) -> None:
        self.nodes[name] = node
        self.defined_at[name] = line
        self.name_of[id(node)] = name

    # -- token helpers --------------------------------------------------------------------------------------

    def peek(self) -> _Token:
        tok = self.tokens[self.pos]
        if tok.kind == ERR:
            raise self.error(tok.text, tok)
        return tok

    def advance(self) -> _Token:
        tok = self.peek()
        self.pos += 1
        return tok

    @staticmethod
    def error(message: str, tok: _Token) -> ExpressionError:
        return ExpressionError(message, tok.line, tok.col)

    # -- statements -----------------------------------------------------------------------------------------

    def parse(self) -> dict[str, Carrot]:
        statements = 0
        bare: tuple[_Token, Any] | None = None
        while True:
            tok = self.peek()
            if tok.kind == EOF:
                break
            if tok.kind == END:
                self.advance()
                continue
            if bare is not None:
                raise self.error(
                    phrase(
                        "only the last statement may be a bare expression: give this one a name (name = ...)"
                    ),
                    bare[0],
                )
            statements += 1
            if tok.kind == NAME and tok.text in _KEYWORDS:
                raise self._keyword_error(tok)
            if tok.kind == NAME and self.tokens[self.pos + 1].text == "=":
                self.assignment()
            else:
                bare = (tok, self.expression(0))
                self.end_of_statement()
        if statements == 0:
            raise ExpressionError(
                phrase("the expression is empty: write at least one statement, e.g. z = x * y"), 1, 1
            )
        if bare is not None:
            self.final_expression(*bare)
        return self.nodes

    def assignment(self) -> None:
        target = self.advance()
        self.advance()  # '='
        name = target.text
        if name in FUNCTIONS:
            raise self.error(phrase("cannot assign to '{name}': it is a function name", name=name), target)
        self._check_free(name, target)
        value = self.expression(0)
        self.end_of_statement()
        if _is_constant(value):  # a literal: a leaf that requires grad
            value = _leaf(value, name)
        elif id(value) in self.name_of:
            other = self.name_of[id(value)]
            raise self.error(
                phrase(
                    "'{name} = {other}' would only give '{other}' a second name: use '{other}' itself "
                    "(each name is one node)",
                    name=name,
                    other=other,
                ),
                target,
            )
        self.define(name, value, target.line)

    def final_expression(self, start: _Token, value: Any) -> None:
        alias = self.name_of.get(id(value))
        if alias is not None:  # `z` on the last line: z is the output
            self.nodes[alias] = self.nodes.pop(alias)
            return
        self._check_free("out", start, final=True)
        self.define("out", _leaf(value, "out") if _is_constant(value) else value, start.line)

    def _check_free(self, name: str, tok: _Token, final: bool = False) -> None:
        if name in self.defined_at:
            where = self.defined_at[name]
            how = phrase("as a keyword value") if where is None else phrase("on line {line}", line=where)
            extra = phrase(": give the final expression a name (name = ...)") if final else ""
            raise self.error(
                phrase("'{name}' is already defined {how}{extra}", name=name, how=how, extra=extra), tok
            )

    @staticmethod
    def _check_value_name(name: str) -> None:
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"parse(): value name {name!r} is not a valid name")
        if name in FUNCTIONS:
            raise ValueError(f"parse(): value name {name!r} is a function name")

    def end_of_statement(self) -> None:
        tok = self.peek()
        if tok.kind in (END, EOF):
            return
        prev = self.tokens[self.pos - 1]
        if tok.text == "=":
            raise self.error(
                phrase("unexpected '=': only a name can be assigned to (name = expression)"), tok
            )
        if tok.text in (")", "]"):
            raise self.error(phrase("unmatched '{token}'", token=tok.text), tok)
        if tok.kind == NAME and tok.text in _KEYWORDS:
            raise self._keyword_error(tok)
        if tok.kind in (NAME, NUM) or tok.text in ("(", "["):
            hint = ""
            if prev.kind == NUM and tok.kind == NAME:
                hint = phrase(" (write {number} * {name})", number=prev.text, name=tok.text)
            message = "expected an operator, ';' or a new line after {before}, found {found}{hint}"
            raise self.error(phrase(message, before=prev.describe(), found=tok.describe(), hint=hint), tok)
        raise self.error(phrase("unexpected {found}", found=tok.describe()), tok)

    def _keyword_error(self, tok: _Token) -> ExpressionError:
        word = tok.text
        if word in ("import", "from"):
            return self.error(
                phrase("'{word}' statements are not allowed: only assignments and expressions", word=word),
                tok,
            )
        if word in ("True", "False", "None"):
            return self.error(phrase("'{word}' is not a number", word=word), tok)
        return self.error(
            phrase("'{word}' is a Python keyword: only assignments and expressions are allowed", word=word),
            tok,
        )

    # -- expressions ----------------------------------------------------------------------------------------

    def expression(self, depth: int) -> Any:
        """An expression up to the first token that cannot continue it; reduces operators by precedence."""
        operands: list[Any] = []
        ops: list[tuple[int, str, _Token]] = []  # (precedence, operator text or _NEG, its token)
        while True:
            while self.peek().text == "-" and self.peek().kind == OP:
                ops.append((_UNARY_PRECEDENCE, _NEG, self.advance()))
            operands.append(self.operand(depth))
            tok = self.peek()
            entry = _BINARY.get(tok.text) if tok.kind == OP else None
            if entry is None:
                break
            precedence = entry[0]
            while ops and (ops[-1][0] > precedence or (ops[-1][0] == precedence and tok.text != "**")):
                self.reduce(operands, ops.pop())
            ops.append((precedence, tok.text, self.advance()))
        while ops:
            self.reduce(operands, ops.pop())
        return operands[0]

    def reduce(self, operands: list[Any], op: tuple[int, str, _Token]) -> None:
        _, text, tok = op
        if text is _NEG:
            x = operands.pop()
            if isinstance(x, float):
                operands.append(-x)  # a negative literal stays a constant
            elif isinstance(x, np.ndarray):
                operands.append(-x)
            else:
                operands.append(self.apply(_ops.neg, (x,), tok, "-"))
            return
        b = operands.pop()
        a = operands.pop()
        if _is_constant(a) and _is_constant(b):
            a = np.asarray(
                a, dtype=np.float64
            )  # numpy semantics for constant pairs: inf/nan, never an exception
        operands.append(self.apply(_BINARY[text][1], (a, b), tok, text))

    def apply(self, fn: Any, args: tuple, tok: _Token, what: str, **kwargs: Any) -> Carrot:
        try:
            return fn(*args, **kwargs)
        except ValueError as exc:
            reason = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Phrase) else str(exc)
            raise self.error(phrase("cannot apply '{op}': {reason}", op=what, reason=reason), tok) from None

    def operand(self, depth: int) -> Any:
        tok = self.advance()
        kind = tok.kind
        if kind == NUM:
            value: Any = float(tok.text)
        elif kind == NAME:
            if tok.text in _KEYWORDS:
                raise self._keyword_error(tok)
            if self.peek().text == "(":
                value = self.call(tok, depth)
            else:
                value = self.name(tok)
        elif tok.text == "(":
            self.enter(tok, depth)
            value = self.expression(depth + 1)
            self.close(tok, ")")
        elif tok.text == "[":
            self.enter(tok, depth)
            value = self.array_literal(tok, depth + 1)
        else:
            raise self.missing_operand(tok)
        nxt = self.peek()
        if nxt.text == "(" and kind != NAME:
            raise self.error(
                phrase("expected an operator before '(' (write {token} * (...))", token=tok.text), nxt
            )
        if nxt.text == "[":
            raise self.error(phrase("indexing with [...] is not supported"), nxt)
        return value

    def missing_operand(self, tok: _Token) -> ExpressionError:
        if tok.kind in (END, EOF) and self.open_brackets:
            return self.never_closed(self.open_brackets[-1])
        if tok.kind in (END, EOF):
            return self.error(
                phrase("expected a number, name or '(' before {found}", found=tok.describe()), tok
            )
        if tok.text in (")", "]") and not self.open_brackets:
            return self.error(phrase("unmatched '{token}'", token=tok.text), tok)
        if tok.text == "=":
            return self.error(
                phrase("unexpected '=': only a name can be assigned to (name = expression)"), tok
            )
        return self.error(phrase("expected a number, name or '(', found {found}", found=tok.describe()), tok)

    def never_closed(self, opener: _Token) -> ExpressionError:
        return self.error(phrase("'{token}' is never closed", token=opener.text), opener)

    def enter(self, tok: _Token, depth: int) -> None:
        if depth >= MAX_DEPTH:
            raise self.error(
                phrase("the expression is nested too deeply (more than {levels} levels)", levels=MAX_DEPTH),
                tok,
            )
        self.open_brackets.append(tok)

    def close(self, opener: _Token, closer: str) -> None:
        tok = self.advance()
        if tok.text == closer:
            self.open_brackets.pop()
            return
        if tok.kind in (END, EOF):
            raise self.never_closed(opener)
        message = "expected an operator or '{closer}' to close the '{opener}' of line {line}, column {col}, found {found}"
        found = tok.describe()
        raise self.error(
            phrase(message, closer=closer, opener=opener.text, line=opener.line, col=opener.col, found=found),
            tok,
        )

    def name(self, tok: _Token) -> Carrot:
        name = tok.text
        if name in self.nodes:
            return self.nodes[name]
        if name in FUNCTIONS:
            raise self.error(
                phrase("'{name}' is a function: call it as {call}", name=name, call=FUNCTIONS[name]), tok
            )
        # difflib's cost grows with the product of the lengths (a 100,000-character CJK near-miss took 14 s):
        # suggest only between names of typo length; a long name gets the list of defined names instead
        close, typo_length = [], 64
        if len(name) <= typo_length:
            known = [n for n in (*self.nodes, *FUNCTIONS) if len(n) <= typo_length]
            close = difflib.get_close_matches(name, known, n=3)
        if close:
            quoted = {key: elide_name(c) for key, c in zip("abc", close)}
            hint = phrase(
                ("did you mean {a}?", "did you mean {a} or {b}?", "did you mean {a} or {b} or {c}?")[
                    len(close) - 1
                ],
                **quoted,
            )
        elif self.nodes:
            names = [n if len(n) <= MAX_QUOTED else elide_name(n) for n in list(self.nodes)[:8]]
            more = (
                phrase(" and {count} more", count=f"{len(self.nodes) - 8:,}") if len(self.nodes) > 8 else ""
            )
            hint = phrase("defined so far: {names}{more}", names=", ".join(names), more=more)
        else:
            hint = phrase("defined so far: none yet")
        raise self.error(phrase("unknown name {name} ({hint})", name=elide_name(name), hint=hint), tok)

    def call(self, tok: _Token, depth: int) -> Carrot:
        name = tok.text
        if name not in FUNCTIONS:
            if name in self.nodes:
                raise self.error(phrase("'{name}' is a value, not a function", name=name), tok)
            known = ", ".join(sorted(FUNCTIONS))
            raise self.error(
                phrase("unknown function '{name}'; known functions: {known}", name=name, known=known), tok
            )
        opener = self.advance()
        self.enter(opener, depth)
        args: list[tuple[_Token, Any]] = []
        if self.peek().text != ")":
            while True:
                args.append((self.peek(), self.expression(depth + 1)))
                if self.peek().text != ",":
                    break
                self.advance()
        self.close(opener, ")")
        return self.apply_function(tok, args)

    def apply_function(self, tok: _Token, args: list[tuple[_Token, Any]]) -> Carrot:
        name = tok.text
        op = _ops.TABLE[name]
        params = op.args or ()
        if op.variadic:  # concatenate(a, b, ...): every argument an operand, passed as one sequence
            return self.apply(_ops.OPS[name], ([value for _, value in args],), tok, name)
        least = sum(1 for p in params if not p.endswith("?"))
        most = len(params)
        if not least <= len(args) <= most:
            if least == most:
                takes = (
                    "{name}() takes {least} argument" if least == 1 else "{name}() takes {least} arguments"
                )
            else:
                takes = (
                    "{name}() takes {least} or {most} arguments"
                    if most == least + 1
                    else "{name}() takes {least} to {most} arguments"
                )
            message = takes + " ({call}), got {got}"
            raise self.error(
                phrase(message, name=name, least=least, most=most, call=FUNCTIONS[name], got=len(args)), tok
            )
        values = [self.argument(name, param, arg) for param, arg in zip(params, args)]
        return self.apply(_ops.OPS[name], tuple(values), tok, name)

    def argument(self, name: str, param: str, arg: tuple[_Token, Any]) -> Any:
        """An argument as the op takes it: an expression, or for an optional parameter a constant number
        (an ``axis`` a whole number)."""
        arg_tok, value = arg
        if param.rstrip("?") != "axis" and not param.endswith("?"):
            return value
        if param.rstrip("?") == "axis":
            if not isinstance(value, float) or not value.is_integer() or abs(value) > 64:
                raise self.error(
                    phrase("the axis of {name}() must be a whole number such as 0 or -1", name=name), arg_tok
                )
            return int(value)
        if not isinstance(value, float):
            raise self.error(
                phrase("the {param} of {name}() must be a number such as 0.1", param=param[:-1], name=name),
                arg_tok,
            )
        return value

    def array_literal(self, opener: _Token, depth: int) -> np.ndarray:
        """``[1, 2, 3]`` or ``[[1, 2], [3, 4]]`` (numbers, optionally negative, in rectangular nested lists)."""
        items: list[Any] = []
        shapes: set[tuple] = set()
        while True:
            tok = self.peek()
            if tok.text == "]" and not items:
                raise self.error(phrase("an empty list [] has no value"), tok)
            sign = 1.0
            while tok.text == "-" and tok.kind == OP:
                self.advance()
                sign = -sign
                tok = self.peek()
            if tok.kind == NUM:
                self.advance()
                items.append(sign * float(tok.text))
                shapes.add(())
            elif tok.text == "[":
                self.advance()
                self.enter(tok, depth)
                item = sign * self.array_literal(tok, depth + 1)
                items.append(item)
                shapes.add(item.shape)
            elif tok.kind in (END, EOF):
                raise self.never_closed(opener)
            else:
                raise self.error(
                    phrase(
                        "list elements must be numbers or lists of numbers, found {found}",
                        found=tok.describe(),
                    ),
                    tok,
                )
            if len(shapes) > 1:
                raise self.error(phrase("the rows of this list have different lengths"), tok)
            sep = self.advance()
            if sep.text == "]":
                self.open_brackets.pop()
                try:
                    return np.array(items, dtype=np.float64)
                except ValueError as exc:  # more than NumPy's 64 dimensions
                    raise self.error(
                        phrase("this list cannot be an array: {reason}", reason=str(exc)), opener
                    ) from None
            if sep.text != ",":
                if sep.kind in (END, EOF):
                    raise self.never_closed(opener)
                raise self.error(
                    phrase("expected ',' or ']' in the list, found {found}", found=sep.describe()), sep
                )


def _leaf(value: Any, name: str) -> Carrot:
    try:
        return Carrot(value, requires_grad=True, name=name)
    except TypeError as exc:
        raise TypeError(
            f"parse(): the value of '{name}' must be a number or an array of numbers: {exc}"
        ) from None


def parse(source: str, /, **values: Any) -> dict[str, Carrot]:
    """Build the graph ``source`` describes and return its named nodes in order (the last is the output).

    Keyword ``values`` are leaves that require grad (a Carrot is used as it is), listed first; then every
    ``name = ...`` in order; a final bare expression is added as ``"out"``. Raises :class:`ExpressionError`
    (a ``ValueError`` with ``.line`` and ``.col``) for any mistake in the source.
    """
    if not isinstance(source, str):
        raise TypeError(f"parse() needs the source as a str, got {type(source).__name__}")
    if len(source) > MAX_SOURCE_LENGTH:
        line = source.count("\n", 0, MAX_SOURCE_LENGTH) + 1
        col = MAX_SOURCE_LENGTH - (source.rfind("\n", 0, MAX_SOURCE_LENGTH) + 1) + 1
        message = phrase(
            "the source is too long ({length} characters; at most {limit})",
            length=f"{len(source):,}",
            limit=f"{MAX_SOURCE_LENGTH:,}",
        )
        raise ExpressionError(message, line, col)
    # Building a graph makes no reference cycles (no closure holds its own node), so the cycle collector has
    # nothing to find; left on, it re-traverses the growing graph again and again (a third of the time).
    parser = None
    try:
        with paused_gc(), np.errstate(over="ignore", divide="ignore", invalid="ignore", under="ignore"):
            parser = _Parser(source, values)
            return parser.parse()
    except RecursionError:  # a safety net: MAX_DEPTH keeps the parser far below the interpreter's limit
        tok = parser.tokens[min(parser.pos, len(parser.tokens) - 1)] if parser is not None else None
        line, col = (tok.line, tok.col) if tok is not None else (1, 1)
        raise ExpressionError(
            phrase("the expression is nested too deeply for the space left"), line, col
        ) from None
