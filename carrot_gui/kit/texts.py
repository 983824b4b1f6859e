"""Translated texts that follow a language switch: ``bind(widget.setText, "Context", "text")``.

A bound setter is called at once with the translated text and again whenever :mod:`carrot_gui.i18n` says the
language changed, so widgets need no ``retranslateUi`` of their own. Bindings hold their widget weakly and
drop themselves when Qt has deleted it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from .. import i18n

_bindings: weakref.WeakKeyDictionary[Any, dict[str, tuple[str, str, dict[str, Any]]]] = (
    weakref.WeakKeyDictionary()
)


def bind(setter: Callable[[str], Any], context: str, text: str, **fmt: Any) -> str:
    """Call ``setter`` (a bound method such as ``label.setText``) with ``translate(context, text).format(**fmt)``
    now and after every language change; a later ``bind`` of the same setter replaces this one. Returns the text
    set."""
    owner, name = setter.__self__, setter.__name__
    _bindings.setdefault(owner, {})[name] = (context, text, fmt)
    return _apply(owner, name, context, text, fmt)


def unbind(setter: Callable[[str], Any]) -> None:
    """Stop re-setting this setter (the text is now made by the code, e.g. a status line)."""
    _bindings.get(setter.__self__, {}).pop(setter.__name__, None)


def _apply(owner: Any, name: str, context: str, text: str, fmt: dict[str, Any]) -> str:
    value = i18n.format_text(context, text, **fmt)
    getattr(owner, name)(value)
    return value


def retranslate_all(_language: str = "") -> int:
    """Re-set every bound text in the current language; returns how many were set."""
    count = 0
    for owner, setters in list(_bindings.items()):
        for name, (context, text, fmt) in list(setters.items()):
            try:
                _apply(owner, name, context, text, fmt)
            except RuntimeError:  # Qt deleted the widget under its Python wrapper
                _bindings.pop(owner, None)
                break
            count += 1
    return count


i18n.events.language_changed.connect(retranslate_all)
