"""The Expression lab's part of a lesson: read its state (what is built, the playback position, the backward
order) and put a saved state back, through the lab's public methods only.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np

from ...i18n import format_text
from ..fields import LessonError

if TYPE_CHECKING:
    from ..state import ExpressionState

View = tuple[str, int, str]  # source, playback position, backward order


def expression_view(lab) -> View | None:
    """What the lab shows; None when nothing is built or the graph came from another lab (a Training step: it
    has no source to save). Cheap (no lesson classes): the window notes it as it opens."""
    loaded = getattr(lab, "loaded", None)
    if loaded is None or loaded.source is None or not loaded.source.strip():
        return None
    position = lab.timeline.position if lab.timeline is not None else 0
    return loaded.source, position, str(lab.mode)


def state_of_view(view: View | None) -> ExpressionState | None:
    """A view of :func:`expression_view` as a lesson state."""
    from ..state import ExpressionState

    return None if view is None else ExpressionState(view[0], {}, view[1], view[2])


def expression_state(lab) -> ExpressionState | None:
    """What the lab shows, as a lesson state (None: nothing to save, see :func:`expression_view`)."""
    return state_of_view(expression_view(lab))


def source_with_values(state: ExpressionState) -> str:
    """The state's source with its leaf values written first as literals (``x = 2.0``), which parses to the
    same graph as ``pc.parse(source, **values)``: the lab's editor then holds all of it. LessonError for a
    value no literal can spell (inf, nan)."""
    lines = []
    for name, value in state.values.items():
        a = np.asarray(value, dtype=np.float64)
        if not np.isfinite(a).all():
            raise LessonError(
                format_text(
                    "LessonFile", "the leaf value {name} is not finite; the editor cannot show it", name=name
                )
            )
        lines.append(f"{name} = {json.dumps(a.tolist())}")
    return "\n".join([*lines, state.source]) if lines else state.source


def apply_expression_state(lab, state: ExpressionState) -> bool:
    """Build the state's expression in ``lab``, switch to its backward order and seek its position (clamped
    to the timeline). False (the lab shows why, the previous graph stays) if the lab refuses the source."""
    try:
        source = source_with_values(state)
    except LessonError as exc:
        lab.statusMessage.emit(str(exc))
        return False
    lab.controls.stop()
    if not lab.build_source(source):
        return False
    lab.set_mode(state.mode)
    lab.seek(state.position)
    return True
