"""The engine's words in the app's language (Qt-free): its error messages and its local derivative rules.

pycarrot never imports the app, so it gives its messages as :class:`~pycarrot.messages.Phrase` objects (English
text plus template and parameters) and its rules as templates; here they are translated in the contexts
``"Engine"`` and ``"Rules"``, whose sources ``tools/translations.py`` reads from pycarrot's own files.
"""

from __future__ import annotations

from string import Formatter

from pycarrot.messages import Phrase

from .i18n import QT_TRANSLATE_NOOP, format_text, translate

# the engine's templates that its sources do not spell as one literal (tools/translations.py reads those)
CHOSEN_TEMPLATES = (
    QT_TRANSLATE_NOOP("Engine", "did you mean {a}?"),
    QT_TRANSLATE_NOOP("Engine", "did you mean {a} or {b}?"),
    QT_TRANSLATE_NOOP("Engine", "did you mean {a} or {b} or {c}?"),
    QT_TRANSLATE_NOOP("Engine", "{name}() takes {least} argument ({call}), got {got}"),
    QT_TRANSLATE_NOOP("Engine", "{name}() takes {least} arguments ({call}), got {got}"),
    QT_TRANSLATE_NOOP("Engine", "{name}() takes {least} or {most} arguments ({call}), got {got}"),
    QT_TRANSLATE_NOOP("Engine", "{name}() takes {least} to {most} arguments ({call}), got {got}"),
    QT_TRANSLATE_NOOP(
        "Engine", "expected an operator, ';' or a new line after {before}, found {found}{hint}"
    ),
    QT_TRANSLATE_NOOP(
        "Engine",
        "expected an operator or '{closer}' to close the '{opener}' of line {line}, column {col}, found {found}",
    ),
    QT_TRANSLATE_NOOP(
        "Engine",
        "matmul: shapes {a} and {b} do not fit: the last axis of the first ({m}) must equal the only axis of the "
        "second ({n})",
    ),
    QT_TRANSLATE_NOOP(
        "Engine",
        "matmul: shapes {a} and {b} do not fit: the last axis of the first ({m}) must equal the second-to-last axis "
        "of the second ({n})",
    ),
)


def _fields(template: str) -> set[str] | None:
    """The placeholders of a template, or None when it is not a valid one."""
    try:
        return {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    except ValueError:
        return None


def say(message: object) -> str:
    """An engine message in the current language: a :class:`Phrase`'s template translated and filled with its
    parameters, each said the same way; any other value as its text."""
    if not isinstance(message, Phrase):
        return str(message)
    if not message.params:
        return translate("Engine", message.template)
    params = {key: say(value) for key, value in message.params.items()}
    return format_text("Engine", message.template, **params)


def error_text(error: Exception) -> str:
    """What an :class:`~pycarrot.expression.ExpressionError` (``str(err)`` is ``"line 1, column 5: ..."``) says,
    in the current language; any other exception as its text."""
    template = getattr(error, "template", None)
    if template is None or not hasattr(error, "line"):
        return str(error)
    message = say(Phrase(error.message, template, getattr(error, "params", {})))
    return format_text(
        "Engine", "line {line}, column {col}: {message}", line=error.line, col=error.col, message=message
    )


def rule(template: str) -> str:
    """A local derivative rule's template (``"∂{out}/∂{x} = 1 (for every element)"``) in the current language;
    a translation that does not keep exactly the template's placeholders is not used."""
    translated = translate("Rules", template)
    if translated != template and _fields(translated) != _fields(template):
        return template
    return translated
