"""The ``.carrot`` lesson file: scenes of lab states, saved as one zip of ``lesson.json`` and ``arrays.npz``.

``lesson.json`` holds everything textual (``"format": "pycarrot-lesson"``, ``"version": 1``, the scenes);
``arrays.npz`` every array, written by ``pycarrot.save`` and read by ``pycarrot.load``'s bounded loader (no
pickle, bounded memory). :func:`open_lesson` checks the whole file before returning anything — zip members by
name, method and size (no zip bomb, no paths), the JSON by size and field by field, every array by key, dtype
and shape — and raises one :class:`LessonError` naming the file and the reason. :func:`save_lesson` writes a
temporary file beside the target and renames it over it, so a failed save leaves the old lesson intact.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
import zlib
from dataclasses import dataclass

import numpy as np

import pycarrot as pc
from pycarrot.serialization import atomic_write, open_regular  # the engine's own file handling, reused

from ..i18n import format_text, translate
from .fields import ArraysIn, ArraysOut, Fields, LessonError, SameByValue, checked
from .network_state import NetworkState
from .state import ExpressionState, TrainingState

FORMAT = "pycarrot-lesson"
VERSION = 1
SUFFIX = ".carrot"
LABS = ("expression", "training", "network")
JSON_NAME, ARRAYS_NAME = "lesson.json", "arrays.npz"
MAX_JSON_BYTES = 64 << 20  # a CSV of 50 MiB (the Training lab's limit) as JSON text, and the rest
MAX_ARRAY_BYTES = 512 << 20  # what the arrays may take in memory, and arrays.npz on disk
MAX_SCENES = 500
MAX_TITLE, MAX_NOTE = 200, 20_000
TEMP_PREFIX = ".pycarrot-lesson-"  # a save's temporary folder beside the file
_DEFLATE_MAX_RATIO = 1100  # deflate never expands data more than ~1032 times


def lesson_error(reason: str, /, **fmt: object) -> LessonError:
    """The :class:`LessonError` whose ``reason`` is an English source of the "LessonFile" context, translated
    and filled with ``fmt`` (``tools/translations.py`` reads a literal ``reason`` as a message)."""
    return LessonError(format_text("LessonFile", reason, **fmt))


@dataclass(frozen=True, eq=False)
class Scene(SameByValue):
    """One step of a lecture: a title, a note for the teacher, the lab showing, and a state per lab in use
    (None: that lab is not part of the scene and stays as it is)."""

    title: str
    note: str = ""
    lab: str = "expression"
    expression: ExpressionState | None = None
    training: TrainingState | None = None
    network: NetworkState | None = None

    def __post_init__(self) -> None:
        if self.lab not in LABS:
            raise lesson_error(
                "scene {title!r}: unknown lab {lab!r} (one of {labs})",
                title=self.title,
                lab=self.lab,
                labs=", ".join(LABS),
            )
        if getattr(self, self.lab) is None:
            raise lesson_error(
                "scene {title!r} shows the {lab} lab but holds no state for it",
                title=self.title,
                lab=self.lab,
            )

    def state(self, lab: str) -> ExpressionState | TrainingState | NetworkState | None:
        return getattr(self, lab)


@dataclass(frozen=True, eq=False)
class Lesson(SameByValue):
    """An ordered list of scenes (at least one) and which is showing."""

    title: str
    scenes: tuple[Scene, ...]
    current: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "scenes", tuple(self.scenes))
        if not self.scenes:
            raise LessonError(translate("LessonFile", "a lesson needs at least one scene"))
        if not 0 <= self.current < len(self.scenes):
            raise lesson_error(
                "current scene {current} does not exist ({n} scenes)",
                current=self.current,
                n=len(self.scenes),
            )


# ---------------------------------------------------------------------------------------------------------
# to and from JSON + arrays
# ---------------------------------------------------------------------------------------------------------


def lesson_to_json(lesson: Lesson) -> tuple[dict, dict[str, np.ndarray]]:
    """The lesson as its JSON object and the arrays it refers to by key."""
    out = ArraysOut()
    scenes = []
    for i, s in enumerate(lesson.scenes):
        d = {"title": s.title, "note": s.note, "lab": s.lab}
        for lab in LABS:
            state = s.state(lab)
            d[lab] = None if state is None else state.to_dict(out, f"s{i}.{lab}")
        scenes.append(d)
    doc = {"format": FORMAT, "version": VERSION, "title": lesson.title, "current": lesson.current}
    return {**doc, "scenes": scenes}, out.arrays


_READERS = {"expression": ExpressionState, "training": TrainingState, "network": NetworkState}


def lesson_from_json(doc: object, arrays: dict[str, np.ndarray]) -> Lesson:
    """Check ``doc`` (the parsed JSON) and ``arrays`` completely and build the lesson; LessonError if bad."""
    f = Fields(doc, "lesson.json")
    if f.raw("format", None) != FORMAT:
        raise lesson_error(
            "not a PyCarrot lesson (its format is {format!r})", format=str(f.obj.get("format"))[:60]
        )
    version = f.integer("version", 1, 2**31)
    if version > VERSION:
        raise LessonError(_newer(version))
    into = ArraysIn(arrays)
    scenes = [
        _scene_from_json(Fields(s, format_text("LessonFile", "scene {n}", n=i + 1)), into)
        for i, s in enumerate(f.items("scenes", MAX_SCENES))
    ]
    lesson = checked(
        "lesson.json",
        lambda: Lesson(f.text("title", MAX_TITLE), tuple(scenes), f.integer("current", 0, MAX_SCENES)),
    )
    f.done()
    into.check_all_used()
    return lesson


def _scene_from_json(f: Fields, arrays: ArraysIn) -> Scene:
    title = f.text("title", MAX_TITLE)
    f.where = format_text("LessonFile", "{scene} ({title!r})", scene=f.where, title=title[:40])
    states = {}
    for lab, cls in _READERS.items():
        states[lab] = None if f.raw(lab, None) is None else cls.from_dict(f.sub(lab), arrays)
    scene_lab = f.choice("lab", LABS)
    note = f.text("note", MAX_NOTE)
    f.done()
    return checked(f.where, lambda: Scene(title, note, scene_lab, **states))


# ---------------------------------------------------------------------------------------------------------
# the file
# ---------------------------------------------------------------------------------------------------------


def save_lesson(lesson: Lesson, path: str | os.PathLike) -> None:
    """Write ``lesson`` to ``path`` (a temporary file renamed over it at the end; a symlink's target is
    written). LessonError if it cannot be written, naming the file; the old file is then unchanged."""
    path = os.path.realpath(os.fspath(path))
    try:
        doc, arrays = lesson_to_json(lesson)
        text = json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=1).encode("utf-8")
        if len(text) > MAX_JSON_BYTES:
            raise lesson_error(
                "its text would take {n:,} bytes, more than the {limit:,} allowed",
                n=len(text),
                limit=MAX_JSON_BYTES,
            )
        _write_zip(path, text, arrays)
    except (LessonError, OSError, ValueError, TypeError) as exc:
        raise lesson_error("cannot save {path!r}: {reason}", path=path, reason=exc) from None


def _write_zip(path: str, text: bytes, arrays: dict[str, np.ndarray]) -> None:
    """The zip of ``text`` and the arrays (written by ``pc.save`` into a temporary folder beside ``path``),
    put in place by the engine's :func:`~pycarrot.serialization.atomic_write`."""
    with tempfile.TemporaryDirectory(dir=os.path.dirname(path), prefix=TEMP_PREFIX) as tmp:
        npz = os.path.join(tmp, ARRAYS_NAME)
        pc.save(arrays, npz)  # the engine's writer: plain .npy members, never a pickle

        def write(fh) -> None:
            with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
                info = zipfile.ZipInfo(JSON_NAME, date_time=(1980, 1, 1, 0, 0, 0))
                zf.writestr(info, text, compress_type=zipfile.ZIP_DEFLATED)
                info = zipfile.ZipInfo(ARRAYS_NAME, date_time=(1980, 1, 1, 0, 0, 0))
                with open(npz, "rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)

        atomic_write(path, write)


def open_lesson(path: str | os.PathLike) -> Lesson:
    """Read and check a lesson file completely; LessonError (naming the file and the reason) if it is missing,
    not a lesson, truncated, hostile, inconsistent or from a newer PyCarrot."""
    path = os.fspath(path)
    try:
        with _open_regular(path) as fh:
            doc, arrays = _read_zip(fh, os.fstat(fh.fileno()).st_size)
        return lesson_from_json(doc, arrays)
    except LessonError as exc:
        reason = str(exc)
    except FileNotFoundError:
        reason = translate("LessonFile", "there is no such file")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        reason = format_text("LessonFile", "corrupt or truncated file ({error})", error=exc)
    except (RuntimeError, NotImplementedError) as exc:  # zipfile's words for what it cannot read
        reason = format_text("LessonFile", "unreadable file ({error})", error=exc)
    raise lesson_error("cannot open {path!r}: {reason}", path=path, reason=reason)


def _check_members(zf: zipfile.ZipFile, size: int) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    names = [i.filename for i in infos]
    if sorted(names) != sorted((JSON_NAME, ARRAYS_NAME)):
        shown = ", ".join(repr(n)[:60] for n in names[:6])
        raise lesson_error(
            "a lesson holds exactly {json} and {arrays}; this file holds {shown}",
            json=JSON_NAME,
            arrays=ARRAYS_NAME,
            shown=shown or translate("LessonFile", "nothing"),
        )
    limits = {JSON_NAME: MAX_JSON_BYTES, ARRAYS_NAME: MAX_ARRAY_BYTES}
    for info in infos:
        name = info.filename
        if info.flag_bits & 0x1:
            raise lesson_error("{name} is encrypted; lessons never are", name=name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise lesson_error(
                "{name} uses compression method {method}; only stored and deflate",
                name=name,
                method=info.compress_type,
            )
        if info.file_size > limits[name]:
            raise lesson_error(
                "{name} would unpack to {n:,} bytes, more than the {limit:,} allowed",
                name=name,
                n=info.file_size,
                limit=limits[name],
            )
        if info.compress_size > size or info.file_size > _DEFLATE_MAX_RATIO * max(info.compress_size, 1):
            raise lesson_error(
                "{name} claims {n:,} bytes from {packed:,} (a zip bomb?)",
                name=name,
                n=info.file_size,
                packed=info.compress_size,
            )
    return {i.filename: i for i in infos}


def _read_zip(fh, size: int) -> tuple[object, dict[str, np.ndarray]]:
    magic = fh.read(4)
    fh.seek(0)
    if magic[:1] == b"\x80":
        raise LessonError(
            translate(
                "LessonFile",
                "it is a Python pickle; pickles can run code when loaded, so PyCarrot never opens them",
            )
        )
    if magic not in (b"PK\x03\x04", b"PK\x05\x06"):
        raise LessonError(translate("LessonFile", "not a PyCarrot lesson (no zip signature)"))
    with zipfile.ZipFile(fh) as zf:
        infos = _check_members(zf, size)
        with zf.open(infos[JSON_NAME]) as member:
            raw = member.read(MAX_JSON_BYTES + 1)
        if len(raw) != infos[JSON_NAME].file_size:
            raise lesson_error(
                "{name} holds {n:,} bytes but declares {declared:,}",
                name=JSON_NAME,
                n=len(raw),
                declared=infos[JSON_NAME].file_size,
            )
        doc = _parse_json(raw)
        _check_version_early(doc)
        arrays = _read_arrays(zf, infos[ARRAYS_NAME])
    return doc, arrays


def _parse_json(raw: bytes) -> object:
    def refuse(name: str) -> None:
        raise lesson_error("{file} holds {name}, which is not JSON", file=JSON_NAME, name=name)

    try:
        return json.loads(raw.decode("utf-8"), parse_constant=refuse)
    except UnicodeDecodeError:
        raise lesson_error("{file} is not UTF-8 text", file=JSON_NAME) from None
    except json.JSONDecodeError as exc:
        raise lesson_error(
            "{file} is not valid JSON (line {line}, column {column}: {error})",
            file=JSON_NAME,
            line=exc.lineno,
            column=exc.colno,
            error=exc.msg,
        ) from None
    except RecursionError:
        raise lesson_error("{file} is nested too deeply", file=JSON_NAME) from None


def _check_version_early(doc: object) -> None:
    """A newer version is refused before its arrays are read (they may be laid out differently)."""
    if isinstance(doc, dict) and doc.get("format") == FORMAT:
        v = doc.get("version")
        if type(v) is int and v > VERSION:
            raise LessonError(_newer(v))


def _read_arrays(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> dict[str, np.ndarray]:
    """arrays.npz copied out (never more than it declares) and read by ``pc.load``'s bounded loader."""
    with tempfile.TemporaryDirectory(prefix="pycarrot-lesson-") as tmp:
        npz = os.path.join(tmp, ARRAYS_NAME)
        left = info.file_size
        with zf.open(info) as src, open(npz, "wb") as dst:
            while left and (chunk := src.read(min(1 << 20, left))):
                dst.write(chunk)
                left -= len(chunk)
            src.read(1)  # at the end: zipfile checks the CRC
        if left:
            raise lesson_error("{file} ends early", file=ARRAYS_NAME)
        try:
            return pc.load(npz, max_bytes=MAX_ARRAY_BYTES)
        except ValueError as exc:
            raise LessonError(str(exc).replace(repr(npz), ARRAYS_NAME)) from None


def _open_regular(path: str):
    """The file opened for reading; a folder, pipe or device is refused without blocking on it."""
    try:
        return open_regular(path)
    except IsADirectoryError:
        raise LessonError(translate("LessonFile", "it is a folder, not a lesson file")) from None
    except ValueError:
        raise LessonError(translate("LessonFile", "not a regular file (a pipe, device or socket)")) from None


def _newer(version: int) -> str:
    return format_text(
        "LessonFile",
        "made by a newer PyCarrot (version {version}); this one reads lessons up to version {supported}",
        version=version,
        supported=VERSION,
    )
