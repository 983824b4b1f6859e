"""Autosave of the lesson in progress, Qt-free: the app passes its data folder (``QStandardPaths``'
AppDataLocation), writes every minute, offers :func:`find_autosave` at the next start and discards it on a
clean exit or once the user has answered.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from pycarrot.serialization import TEMP_PREFIX as WRITE_PREFIX
from pycarrot.serialization import TEMP_SUFFIX as WRITE_SUFFIX

from .format import SUFFIX, TEMP_PREFIX, Lesson, save_lesson

AUTOSAVE_NAME = "autosave" + SUFFIX
STALE_SECONDS = 600  # a save's temporary folder this old was left by a crash (a save takes well under that)


def autosave_path(data_dir: str | os.PathLike) -> Path:
    """Where the autosave lives in ``data_dir``."""
    return Path(data_dir) / AUTOSAVE_NAME


def write_autosave(lesson: Lesson, data_dir: str | os.PathLike) -> Path:
    """Save ``lesson`` as the autosave (creating ``data_dir`` if needed; atomic, as every lesson save)."""
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    path = autosave_path(data_dir)
    save_lesson(lesson, path)
    return path


def find_autosave(data_dir: str | os.PathLike) -> Path | None:
    """The autosave left by a session that did not end cleanly, or None. Open it with ``open_lesson``
    (a damaged one raises LessonError like any other file)."""
    _sweep(Path(data_dir))
    path = autosave_path(data_dir)
    return path if path.is_file() else None


def _sweep(data_dir: Path) -> None:
    """Remove temporary folders and files that saves killed midway left in ``data_dir`` (never a recent one:
    another window may be saving right now)."""
    try:
        leftovers = [p for p in data_dir.glob(TEMP_PREFIX + "*") if p.is_dir()]
        leftovers += [p for p in data_dir.glob(f"{WRITE_PREFIX}*{WRITE_SUFFIX}") if p.is_file()]
        for p in leftovers:
            if time.time() - p.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
    except OSError:
        pass


def discard_autosave(data_dir: str | os.PathLike) -> None:
    """Remove the autosave (a clean exit, or the user declined to restore it)."""
    autosave_path(data_dir).unlink(missing_ok=True)
