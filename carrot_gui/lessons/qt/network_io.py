"""The Network lab's part of a lesson: read from the lab and put back through its public ``lesson_state`` and
``apply_lesson_state`` (spec, data, weights, curves, the backward stop)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...i18n import translate
from ..fields import LessonError

if TYPE_CHECKING:  # the lab builds the state itself; the Network core is imported only with the lab
    from ..network_state import NetworkState


def network_state(lab) -> NetworkState | None:
    """What the Network lab holds, or None when there is no lab (not built yet)."""
    return None if lab is None else lab.lesson_state()


def apply_network_state(lab, state: NetworkState) -> None:
    """Show ``state`` in the lab; LessonError (the lab unchanged) if a part of it does not fit."""
    try:
        lab.apply_lesson_state(state)
    except ValueError as exc:
        reason = translate("LessonController", "the Network lab cannot take this lesson: {reason}")
        raise LessonError(reason.format(reason=exc)) from None
