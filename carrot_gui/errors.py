"""Exceptions in slots never kill the app: they are logged to a file and shown in a (non-blocking) dialog.

Two layers: :func:`guarded` wraps a slot so its exception is reported and the slot simply returns (the
slot is written to change state only after everything that can fail has succeeded, so the state before
the action is kept); :func:`install` puts a ``sys.excepthook`` in place as the backstop for anything else
Qt hands to Python.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from . import engine_text
from .i18n import QT_TRANSLATE_NOOP, format_text, translate

F = TypeVar("F", bound=Callable[..., Any])

LOG_ENV = "CARROT_GUI_LOG"
_parent: Any = None  # the main window, for dialogs
last_error: BaseException | None = None  # the most recent reported exception (tests look at it)
show_dialogs = True


def log_path() -> Path:
    """Where errors are written: $CARROT_GUI_LOG, else ~/.cache/carrot-gui/errors.log."""
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env)
    return Path.home() / ".cache" / "carrot-gui" / "errors.log"


def write_log(exc: BaseException, context: str = "") -> Path | None:
    """Append the traceback to the log file; returns its path (None if the file could not be written)."""
    path = log_path()
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    stamp = _dt.datetime.now().isoformat(timespec="seconds")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} {context}\n{text}\n")
    except OSError:
        return None
    return path


def report(exc: BaseException, context: str = "") -> None:
    """Log ``exc`` and show it in a dialog that does not block (the app keeps running)."""
    global last_error
    last_error = exc
    path = write_log(exc, context)
    print(f"carrot-gui: {context or 'error'}: {type(exc).__name__}: {exc}", file=sys.stderr)
    if not show_dialogs:
        return
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QMessageBox
    except ImportError:  # pragma: no cover
        return
    if QApplication.instance() is None:
        return
    parent = _parent
    if parent is not None:
        import shiboken6

        if not shiboken6.isValid(parent):  # the window it was installed for is gone
            parent = None
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Errors", "Something went wrong"))
    if (
        context
    ):  # a guarded slot's context is marked with QT_TRANSLATE_NOOP("Errors", ...) where it is written
        what = format_text(
            "Errors",
            "{error} while {context}",
            error=type(exc).__name__,
            context=translate("Errors", context),
        )
    else:
        what = type(exc).__name__
    box.setText(f"{what}: {engine_text.error_text(exc)}")
    if path:
        where = format_text("Errors", "The details were written to {path}.", path=path)
    else:
        where = translate("Errors", "The log file could not be written.")
    box.setInformativeText(
        f"{where}\n{translate('Errors', 'The app keeps running with its previous state.')}"
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def guarded(context: str) -> Callable[[F], F]:
    """Decorate a slot: an exception inside is reported (dialog + log) instead of escaping into Qt."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def slot(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - reporting is the point
                report(exc, context)
                return None

        return slot  # type: ignore[return-value]

    return wrap


def install(parent: Any = None) -> None:
    """Report every uncaught exception (Qt passes slot exceptions to ``sys.excepthook``)."""
    global _parent
    _parent = parent

    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        report(exc.with_traceback(tb), QT_TRANSLATE_NOOP("Errors", "handling an event"))

    sys.excepthook = hook
