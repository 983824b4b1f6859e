"""Predict, then reveal (Qt-free): a typed guess read as a number or a small tensor, checked against the true
gradient within a teacher's tolerance, and the score of one backward pass.

Both labs ask their questions through this one model: the Expression lab one per edge of the recorded
backward(), the Network lab one per layer of its neuron-level playback. A lab turns a playback step into a
:class:`Question` (its prompt, the true value, the rule that gives it with the numbers); :class:`Quiz` keeps
what was answered (keyed by the question's ``key``) and says the score. A bad entry raises
:class:`GuessError` with a message for the student and changes nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from psygnal import Signal

from .i18n import format_text

MAX_GUESS_ITEMS = 16  # a gradient with more numbers than this is not asked for (nobody types 64 numbers)
DEFAULT_REL = 0.01  # 1 %
DEFAULT_ABS = 0.01
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:inf|nan)", re.IGNORECASE)
_TOKEN = re.compile(r"\s*(\[|\]|,|[^\s\[\],]+)")


class GuessError(ValueError):
    """A typed guess that is not a number (or not the answer's shape); the message says what to type."""


class Verdict(StrEnum):
    """How a question ended."""

    RIGHT = "right"
    WRONG = "wrong"
    REVEALED = "revealed"  # Reveal pressed without a guess


@dataclass(frozen=True, eq=False)
class Question:
    """One gradient to predict. ``prompt`` names it (``a·2 → a``), ``rule`` explains the answer with its
    numbers (``∂(a·2)/∂a = 2, so 1.0 × 2 = 2.0``), ``hint`` is said with the prompt (the rule's form, never its
    number); ``key`` identifies it within one pass (a timeline step, a layer's stop)."""

    key: object
    prompt: str
    answer: np.ndarray
    rule: str
    hint: str = ""


@dataclass(frozen=True, eq=False)
class Outcome:
    """What became of a question: the verdict and the guess (None when revealed without one)."""

    question: Question
    verdict: Verdict
    guess: np.ndarray | None = None


@dataclass(frozen=True)
class Tolerance:
    """A guess counts as right when every number is within ``absolute + relative × |true value|``."""

    relative: float = DEFAULT_REL
    absolute: float = DEFAULT_ABS

    def accepts(self, guess: np.ndarray, answer: np.ndarray) -> bool:
        g = np.asarray(guess, dtype=np.float64)
        a = np.asarray(answer, dtype=np.float64)
        if g.size != a.size:
            return False
        g, a = g.reshape(-1), a.reshape(-1)
        with np.errstate(all="ignore"):
            same = (g == a) | (np.isnan(g) & np.isnan(a))  # inf == inf is right too
            near = np.abs(g - a) <= self.absolute + self.relative * np.abs(a)
        return bool(np.all(same | near))


# ---------------------------------------------------------------------------------------------------------
# Reading a typed guess
# ---------------------------------------------------------------------------------------------------------


def _example(shape: tuple[int, ...]) -> str:
    if len(shape) <= 1:
        n = shape[0] if shape else 1
        return "[" + ", ".join(["0.5"] * min(n, 3)) + (", …" if n > 3 else "") + "]"
    return "[[0.5, 0.5, …], [0.5, 0.5, …]]"


def _parse_nested(text: str) -> object:
    """``[[1, 2], [3 4]]`` or ``1 2 3`` as nested lists of floats (commas or spaces between numbers)."""
    tokens = _TOKEN.findall(text)
    stack: list[list] = [[]]
    for tok in tokens:
        if tok == "[":
            stack.append([])
        elif tok == "]":
            if len(stack) == 1:
                raise GuessError(format_text("Quiz", "A “]” without its “[”: check the brackets."))
            inner = stack.pop()
            stack[-1].append(inner)
        elif tok == ",":
            continue
        elif _NUMBER.fullmatch(tok):
            stack[-1].append(float(tok))
        else:
            raise GuessError(
                format_text("Quiz", "“{tok}” is not a number: type e.g. 2, -0.5 or 1e-3.", tok=tok[:20])
            )
    if len(stack) != 1:
        raise GuessError(format_text("Quiz", "A “[” is not closed: check the brackets."))
    items = stack[0]
    return items[0] if len(items) == 1 else items


def parse_guess(text: str, shape: tuple[int, ...] = ()) -> np.ndarray:
    """A typed guess as an array of ``shape``: ``2``, ``-0.5``, ``1e-3``; a tensor as ``[0.42, -0.42]``, as
    NumPy prints it (``[[0.42 -0.42] [0.1 0.2]]``), or its numbers in order. Raises :class:`GuessError`."""
    cleaned = text.strip().replace("−", "-").replace("×10^", "e")
    if not cleaned:
        raise GuessError(format_text("Quiz", "Type your guess first (e.g. 2 or -0.5), or press Reveal."))
    nested = _parse_nested(cleaned)
    try:
        arr = np.array(nested, dtype=np.float64)
    except ValueError:
        raise GuessError(
            format_text("Quiz", "The rows have different lengths: every row needs as many numbers.")
        ) from None
    if not np.all(np.isfinite(arr)):
        raise GuessError(format_text("Quiz", "Type finite numbers (no inf or nan)."))
    size = math.prod(shape)
    if arr.size != size:
        if size == 1:
            raise GuessError(format_text("Quiz", "The answer is one number: type just that number."))
        raise GuessError(
            format_text(
                "Quiz",
                "The answer has {n} numbers (shape {shape}): type {n}, e.g. {example}.",
                n=size,
                shape="×".join(map(str, shape)),
                example=_example(shape),
            )
        )
    return arr.reshape(shape)


# ---------------------------------------------------------------------------------------------------------
# The score of one pass
# ---------------------------------------------------------------------------------------------------------


class Quiz:
    """The outcomes of one backward pass and the tolerance guesses are judged with.

    ``changed`` (psygnal) is emitted after every answer, reveal, reset and tolerance change.
    """

    changed = Signal()

    def __init__(self, tolerance: Tolerance | None = None) -> None:
        self.tolerance = tolerance or Tolerance()
        self.outcomes: dict[object, Outcome] = {}

    def answered(self, key: object) -> bool:
        return key in self.outcomes

    def outcome(self, key: object) -> Outcome | None:
        return self.outcomes.get(key)

    def answer(self, question: Question, text: str) -> Outcome:
        """Judge the typed ``text`` (raises :class:`GuessError`, recording nothing, when it cannot be read)."""
        guess = parse_guess(text, tuple(np.shape(question.answer)))
        right = self.tolerance.accepts(guess, question.answer)
        return self._record(Outcome(question, Verdict.RIGHT if right else Verdict.WRONG, guess))

    def reveal(self, question: Question) -> Outcome:
        """Show the answer without a guess (counts as not answered)."""
        return self._record(Outcome(question, Verdict.REVEALED))

    def _record(self, outcome: Outcome) -> Outcome:
        self.outcomes[outcome.question.key] = outcome
        self.changed.emit()
        return outcome

    def reset(self) -> None:
        """A new pass: nothing answered."""
        if self.outcomes:
            self.outcomes.clear()
        self.changed.emit()

    def set_tolerance(self, relative: float, absolute: float) -> None:
        """Judge later guesses with this tolerance (``relative`` as a fraction: 0.01 is 1 %)."""
        self.tolerance = Tolerance(max(0.0, float(relative)), max(0.0, float(absolute)))
        self.changed.emit()

    def count(self, verdict: Verdict) -> int:
        return sum(1 for o in self.outcomes.values() if o.verdict == verdict)

    def score_text(self) -> str:
        """``3 of 4 right`` (questions met so far, revealed ones included)."""
        if not self.outcomes:
            return format_text("Quiz", "No answers yet")
        return format_text(
            "Quiz", "{right} of {total} right", right=self.count(Verdict.RIGHT), total=len(self.outcomes)
        )

    def summary_text(self) -> str:
        """The score at the end of the pass, short enough for the score's place: right, wrong, revealed."""
        return format_text(
            "Quiz",
            "Done: ✓ {right} right · ✗ {wrong} wrong · ◇ {revealed} revealed",
            right=self.count(Verdict.RIGHT),
            wrong=self.count(Verdict.WRONG),
            revealed=self.count(Verdict.REVEALED),
        )

    def end_text(self) -> str:
        """The end of the pass in a sentence: the score, then right, wrong and revealed without a guess."""
        return format_text(
            "Quiz",
            "Pass done: {right} of {total} right — ✓ {right} right, ✗ {wrong} wrong, "
            "◇ {revealed} revealed without a guess",
            right=self.count(Verdict.RIGHT),
            wrong=self.count(Verdict.WRONG),
            revealed=self.count(Verdict.REVEALED),
            total=len(self.outcomes),
        )


def verdict_text(outcome: Outcome, format_value) -> str:
    """The verdict line: ``✓ Right: 2.0`` / ``✗ Wrong: you said 3.0, it is 2.0`` / ``◇ It is 2.0``, then the rule.
    ``format_value`` writes an array as the lab does (its numbers, rounded)."""
    q = outcome.question
    true = format_value(q.answer)
    if outcome.verdict == Verdict.RIGHT:
        head = format_text("Quiz", "✓ Right: {true}", true=true)
    elif outcome.verdict == Verdict.WRONG:
        head = format_text(
            "Quiz", "✗ Wrong: you said {guess}, it is {true}", guess=format_value(outcome.guess), true=true
        )
    else:
        head = format_text("Quiz", "◇ Revealed: it is {true}", true=true)
    return f"{head} — {q.rule}" if q.rule else head
