"""Translated texts that follow a language switch: ``bind(widget.setText, "Context", "text")``.

A bound setter is called at once with the translated text and again whenever :mod:`carrot_gui.i18n` says the
language changed, so widgets need no ``retranslateUi`` of their own; :func:`follow` re-runs a method that makes
texts by code (a tab's text, a status line). Bindings hold their widget weakly and
drop themselves when Qt has deleted it.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Any

from .. import i18n

_bindings: weakref.WeakKeyDictionary[Any, dict[str, tuple[str, str, dict[str, Any]]]] = (
    weakref.WeakKeyDictionary()
)


def bind(setter: Callable[[str], Any], context: str, text: str, /, **fmt: Any) -> str:
    """Call ``setter`` (a bound method such as ``label.setText``) with ``translate(context, text).format(**fmt)``
    now and after every language change; a later ``bind`` of the same setter replaces this one. Returns the text
    set."""
    owner, name = setter.__self__, setter.__name__
    if owner not in _bindings and hasattr(owner, "destroyed"):  # a QObject: forget it when Qt deletes it
        owner.destroyed.connect(functools.partial(_forget, weakref.ref(owner)))
    _bindings.setdefault(owner, {})[name] = (context, text, fmt)
    return _apply(owner, name, context, text, fmt)


def _forget(ref: weakref.ref, *_args: Any) -> None:
    owner = ref()
    if owner is not None:
        _bindings.pop(owner, None)


def unbind(setter: Callable[[str], Any]) -> None:
    """Stop re-setting this setter (the text is now made by the code, e.g. a status line)."""
    _bindings.get(setter.__self__, {}).pop(setter.__name__, None)


_followers: list[weakref.WeakMethod] = []


def follow(method: Callable[[], Any]) -> None:
    """Call ``method`` (a bound method such as a view's ``retranslate``, for texts made by code: tab texts, a
    status line, the current step's sentence) now and after every language change, while its object lives."""
    _followers.append(weakref.WeakMethod(method))
    method()


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
    for ref in list(_followers):
        method = ref()
        try:
            if method is None:
                raise RuntimeError
            method()
        except RuntimeError:  # the object is gone (or only its Python wrapper is left)
            _followers.remove(ref)
            continue
        count += 1
    return count


i18n.events.language_changed.connect(retranslate_all)
