"""Reading a lesson's JSON strictly (every field typed, ranged and named in the error) and the arrays beside it.

:class:`Fields` wraps one JSON object: each getter checks one field and the object refuses keys nobody read,
so a typo or a field from a newer PyCarrot is an error, never silently dropped. :class:`ArraysOut` collects the
arrays a lesson writes (the JSON holds their keys), :class:`ArraysIn` hands them back checked for dtype and
shape. :func:`same` compares values holding arrays bit for bit (dataclass ``==`` cannot).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, format_text, translate

MAX_TEXT = 200_000  # one string field (an expression's source is at most 200,000 characters)
MAX_ITEMS = 1_000_000  # one list (a CSV's rows: the Training lab reads at most 1,000,000)


class LessonError(ValueError):
    """A lesson that cannot be opened or written; the message names the file (when there is one) and why."""


_KINDS = {
    dict: QT_TRANSLATE_NOOP("LessonFile", "an object"),
    list: QT_TRANSLATE_NOOP("LessonFile", "a list"),
    str: QT_TRANSLATE_NOOP("LessonFile", "text"),
    bool: QT_TRANSLATE_NOOP("LessonFile", "true/false"),
    type(None): QT_TRANSLATE_NOOP("LessonFile", "null"),
}


def _kind(value: Any) -> str:
    return translate("LessonFile", _KINDS.get(type(value), QT_TRANSLATE_NOOP("LessonFile", "a number")))


_EXPECTED = {  # the type(s) a field must have -> how a lesson error says so
    str: QT_TRANSLATE_NOOP("LessonFile", "expected text, found {kind}"),
    int: QT_TRANSLATE_NOOP("LessonFile", "expected a whole number, found {kind}"),
    (int, float): QT_TRANSLATE_NOOP("LessonFile", "expected a number, found {kind}"),
    bool: QT_TRANSLATE_NOOP("LessonFile", "expected true or false, found {kind}"),
    list: QT_TRANSLATE_NOOP("LessonFile", "expected a list, found {kind}"),
}
_TOO_LONG = {  # a text's or a list's length over its limit
    str: QT_TRANSLATE_NOOP("LessonFile", "{n:,} characters, more than the {limit:,} allowed"),
    list: QT_TRANSLATE_NOOP("LessonFile", "{n:,} entries, more than the {limit:,} allowed"),
}


class Fields:
    """One JSON object at ``where`` (``scene 2 › training › settings``); call :meth:`done` after reading."""

    def __init__(self, obj: Any, where: str) -> None:
        if not isinstance(obj, dict):
            raise LessonError(
                f"{where}: " + format_text("LessonFile", "expected an object, found {kind}", kind=_kind(obj))
            )
        self.obj, self.where, self._read = obj, where, set()

    def at(self, key: str) -> str:
        return f"{self.where} › {key}"

    def bad(self, key: str, reason: str) -> LessonError:
        return LessonError(f"{self.at(key)}: {reason}")

    def raw(self, key: str, default: Any = ..., /) -> Any:
        self._read.add(key)
        if key not in self.obj:
            if default is ...:
                raise LessonError(
                    f"{self.where}: " + format_text("LessonFile", "the field {key!r} is missing", key=key)
                )
            return default
        return self.obj[key]

    def _typed(self, key: str, default: Any, types: type | tuple[type, ...], limit: int | None = None) -> Any:
        """The field (``default`` when missing), refused unless it is of ``types`` (true/false is no number) or
        when a text or list is longer than ``limit``."""
        v = self.raw(key, default)
        if not isinstance(v, types) or (isinstance(v, bool) and types is not bool):
            raise self.bad(key, format_text("LessonFile", _EXPECTED[types], kind=_kind(v)))
        if limit is not None and len(v) > limit:
            raise self.bad(key, format_text("LessonFile", _TOO_LONG[types], n=len(v), limit=limit))
        return v

    def text(self, key: str, max_len: int = MAX_TEXT, empty: bool = True, default: Any = ...) -> str:
        v = self._typed(key, default, str, max_len)
        if not empty and not v.strip():
            raise self.bad(key, format_text("LessonFile", "must not be empty"))
        return v

    def integer(self, key: str, lo: int, hi: int, default: Any = ...) -> int:
        v = self._typed(key, default, int)
        if not lo <= v <= hi:
            raise self.bad(
                key, format_text("LessonFile", "{value} is outside {lo} to {hi}", value=v, lo=lo, hi=hi)
            )
        return v

    def number(self, key: str, lo: float = -math.inf, hi: float = math.inf, default: Any = ...) -> float:
        v = float(self._typed(key, default, (int, float)))
        if not (math.isfinite(v) and lo <= v <= hi):
            raise self.bad(
                key,
                format_text(
                    "LessonFile",
                    "{value!r} is not a finite number from {lo:g} to {hi:g}",
                    value=v,
                    lo=lo,
                    hi=hi,
                ),
            )
        return v

    def optional_number(self, key: str, lo: float = -math.inf, hi: float = math.inf) -> float | None:
        return None if self.raw(key, None) is None else self.number(key, lo, hi)

    def flag(self, key: str, default: Any = ...) -> bool:
        return self._typed(key, default, bool)

    def choice(self, key: str, choices: Sequence[str], default: Any = ...) -> str:
        v = self.raw(key, default)
        if v not in choices or not isinstance(v, str):
            raise self.bad(
                key,
                format_text(
                    "LessonFile",
                    "{value!r} is not one of {choices}",
                    value=v,
                    choices=", ".join(map(str, choices)),
                ),
            )
        return v

    def items(self, key: str, max_items: int = MAX_ITEMS, default: Any = ...) -> list:
        return self._typed(key, default, list, max_items)

    def texts(self, key: str, max_items: int = MAX_ITEMS, max_len: int = MAX_TEXT) -> tuple[str, ...]:
        out = self.items(key, max_items)
        for i, v in enumerate(out):
            if not isinstance(v, str) or len(v) > max_len:
                raise self.bad(
                    f"{key}[{i}]",
                    format_text("LessonFile", "expected text of at most {limit:,} characters", limit=max_len),
                )
        return tuple(out)

    def numbers(self, key: str, max_items: int = MAX_ITEMS) -> tuple[float, ...]:
        sub = Fields({str(i): v for i, v in enumerate(self.items(key, max_items))}, self.at(key))
        return tuple(sub.number(str(i)) for i in range(len(sub.obj)))

    def sub(self, key: str) -> Fields:
        return Fields(self.raw(key), self.at(key))

    def done(self) -> None:
        """Refuse keys that were not read: a typo, or a field this version does not know."""
        extra = sorted(k for k in self.obj if k not in self._read)
        if extra:
            names = ", ".join(repr(k)[:60] for k in extra[:5])
            if len(extra) > 1:
                reason = format_text("LessonFile", "unknown fields {names}", names=names)
            else:
                reason = format_text("LessonFile", "unknown field {names}", names=names)
            raise LessonError(f"{self.where}: {reason}")


def rows_of(f: Fields, key: str, width: int, max_items: int = MAX_ITEMS) -> tuple[tuple[str, ...], ...]:
    """A list of rows of ``width`` text cells each (a CSV's body)."""
    rows = f.items(key, max_items)
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != width or not all(isinstance(c, str) for c in row):
            raise f.bad(
                f"{key}[{i}]", format_text("LessonFile", "expected a row of {width} text cells", width=width)
            )
    return tuple(tuple(r) for r in rows)


# ---------------------------------------------------------------------------------------------------------
# arrays
# ---------------------------------------------------------------------------------------------------------


class ArraysOut:
    """The arrays a lesson writes: :meth:`put` stores one under a unique key and returns the key."""

    def __init__(self) -> None:
        self.arrays: dict[str, np.ndarray] = {}

    def put(self, key: str, array: np.ndarray) -> str:
        if key in self.arrays:
            raise LessonError(format_text("LessonFile", "two arrays would be stored under {key!r}", key=key))
        self.arrays[key] = np.asarray(array)
        return key


Shape = tuple[int | None, ...]  # None: any length on that axis


class ArraysIn:
    """The arrays a lesson read; :meth:`get` checks one referenced from the JSON and marks it used."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.arrays, self.used = arrays, set()

    def get(self, f: Fields, key: str, kind: str, shape: Shape | None) -> np.ndarray:
        """The array whose key is ``f``'s field ``key``: dtype kind ``"f"`` (float64) or ``"i"`` (int64)
        and ``shape`` (None on an axis: any length; ``shape`` None: any shape)."""
        ref = f.text(key, max_len=1000)
        if ref not in self.arrays:
            raise f.bad(key, format_text("LessonFile", "the array {ref!r} is not in the file", ref=ref))
        if ref in self.used:
            raise f.bad(key, format_text("LessonFile", "the array {ref!r} is used twice", ref=ref))
        a = self.arrays[ref]
        want = np.dtype(np.float64 if kind == "f" else np.int64)
        if a.dtype != want:
            raise f.bad(
                key,
                format_text(
                    "LessonFile",
                    "the array {ref!r} holds {dtype}, expected {want}",
                    ref=ref,
                    dtype=a.dtype,
                    want=want,
                ),
            )
        if not fits(a.shape, shape):
            raise f.bad(
                key,
                format_text(
                    "LessonFile",
                    "the array {ref!r} has shape {shape}, expected {want}",
                    ref=ref,
                    shape=a.shape,
                    want=shape_text(shape),
                ),
            )
        self.used.add(ref)
        return a

    def check_all_used(self) -> None:
        extra = sorted(set(self.arrays) - self.used)
        if extra:
            raise LessonError(
                format_text(
                    "LessonFile",
                    "arrays.npz holds arrays no scene uses: {names}",
                    names=", ".join(map(repr, extra[:5])),
                )
            )


def as_float(a: Any, shape: Shape | None = None) -> np.ndarray:
    """A float64 array (a copy, so a state never shares memory with a lab's live buffers)."""
    out = np.array(a, dtype=np.float64)
    if not fits(out.shape, shape):
        raise LessonError(
            format_text(
                "LessonFile",
                "expected an array of shape {want}, got {shape}",
                want=shape_text(shape),
                shape=out.shape,
            )
        )
    return out


def fits(actual: tuple[int, ...], shape: Shape | None) -> bool:
    """Whether ``actual`` matches ``shape`` (None on an axis: any length; ``shape`` None: any shape)."""
    if shape is None:
        return True
    return len(actual) == len(shape) and all(s is None or s == n for s, n in zip(shape, actual))


def shape_text(shape: Shape | None) -> str:
    if shape is None:
        return translate("LessonFile", "any shape")
    parts = [translate("LessonFile", "any") if s is None else str(s) for s in shape]
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


# ---------------------------------------------------------------------------------------------------------
# equality
# ---------------------------------------------------------------------------------------------------------


def same(a: Any, b: Any) -> bool:
    """Equal as saved: arrays by dtype, shape and bytes (NaN equals NaN), dataclasses field by field."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (
            isinstance(a, np.ndarray)
            and isinstance(b, np.ndarray)
            and a.dtype == b.dtype
            and a.shape == b.shape
            and np.ascontiguousarray(a).tobytes() == np.ascontiguousarray(b).tobytes()
        )
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return type(a) is type(b) and all(
            same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a) if f.compare
        )
    if isinstance(a, (tuple, list)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


class SameByValue:
    """Mixin for dataclasses holding arrays: ``==`` is :func:`same` (declare them with ``eq=False``)."""

    def __eq__(self, other: object) -> bool:
        return same(self, other)

    __hash__ = None  # type: ignore[assignment]


def checked(where: str, fn: Callable[[], Any]) -> Any:
    """Run a lab's own validator (or a constructor); its ValueError becomes a LessonError at ``where``."""
    try:
        return fn()
    except ValueError as exc:
        raise LessonError(f"{where}: {exc}") from None


def mirror(source: type, rename: dict[str, str] | None = None, **defaults: Any) -> type:
    """A frozen dataclass with the fields of the dataclass ``source`` — names (``rename`` changes some), types
    and defaults (``defaults`` replaces some, for a field the lesson keeps in another form). A lesson's copy of
    a lab's settings derives from it, so the two cannot drift apart."""
    rename = rename or {}
    specs = []
    for f in dataclasses.fields(source):
        name = rename.get(f.name, f.name)
        if name in defaults:
            spec = dataclasses.field(default=defaults[name])
        elif f.default_factory is not dataclasses.MISSING:
            spec = dataclasses.field(default_factory=f.default_factory)
        else:
            spec = dataclasses.field(default=f.default)
        specs.append((name, f.type, spec))
    return dataclasses.make_dataclass(f"{source.__name__}Fields", specs, frozen=True)
