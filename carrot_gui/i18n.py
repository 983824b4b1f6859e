"""Every visible string's way to the user's language, Qt-free: ``translate(context, text)``.

The app installs Qt's translator as the hook (:func:`install`); before that, and in Qt-free tests, a string is
its English source. ``pyside6-lupdate`` finds ``translate("Context", "text")`` and
``QT_TRANSLATE_NOOP("Context", "text")`` calls by name, so keep the first two arguments string literals.
Placeholders are named (``"{n} steps"``, then ``.format(n=...)``) so a translation may reorder them.
"""

from __future__ import annotations

from collections.abc import Callable

from psygnal import Signal

Translate = Callable[[str, str, int], str]


def _english(context: str, text: str, n: int = -1) -> str:
    return text


_hook: Translate = _english
_language = "en"


def translate(context: str, text: str, n: int = -1) -> str:
    """``text`` in the current language (``n`` picks a plural form where the translation has them)."""
    return _hook(context, text, n)


def format_text(context: str, text: str, /, **fmt: object) -> str:
    """``translate(context, text).format(**fmt)``; a translation whose placeholders do not fit falls back to the
    English text, so a slip in a translation file never breaks a view."""
    value = translate(context, text)
    if not fmt:
        return value
    try:
        return value.format(**fmt)
    except (KeyError, IndexError, ValueError):
        return text.format(**fmt)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation where it is defined (a table of names); translate it where it is shown."""
    return text


class _Events:
    """What the views subscribe to: the language changed (re-set every translated text)."""

    language_changed = Signal(str)


events = _Events()


def install(hook: Translate | None, language: str = "en") -> None:
    """Use ``hook`` for every later :func:`translate` (``None``: English), then tell the views."""
    global _hook, _language
    _hook = hook or _english
    _language = language if hook else "en"
    events.language_changed.emit(language)


def language() -> str:
    """The language :func:`translate` speaks now (``"en"`` when no hook is installed)."""
    return _language
