"""Handouts from the window: every backward step of the Expression lab's graph as numbered PNG or SVG frames,
and the PDF handout of the graph on screen or of every scene of the open lesson.
"""

from __future__ import annotations

import os

from ...i18n import translate
from ..format import Lesson
from ..handout import handout_of
from .pdf import write_handout_pdf, write_lesson_pdf
from .pictures import graph_pictures

FRAME_NAME = "step-{:03d}.{}"
FRAME_FORMATS = ("png", "svg")


def backward_positions(timeline) -> range:
    """The playback positions right after each backward step (as the handout's table numbers them)."""
    return range(timeline.backward_start + 1, len(timeline) + 1)


def export_frames(lab, directory: str, fmt: str = "png") -> list[str]:
    """One picture per backward step of ``lab``'s graph in ``directory`` (``step-001.png``… or, with ``fmt``
    "svg", vector drawings whose labels stay text), drawn by seeking the lab's own timeline there; the playback
    position is put back afterwards. OSError if one cannot be written."""
    if fmt not in FRAME_FORMATS:
        raise ValueError(f"frames are {' or '.join(FRAME_FORMATS)}, not {fmt!r}")
    tl = lab.timeline
    if tl is None:
        return []
    os.makedirs(directory, exist_ok=True)
    lab.controls.stop()
    was, animation = tl.position, lab.graphView.animation_ms
    lab.graphView.animation_ms = 0  # every frame at rest, not halfway through a move
    out = []
    try:
        for k, position in enumerate(backward_positions(tl), start=1):
            lab.seek(position)
            name = os.path.join(directory, FRAME_NAME.format(k, fmt))
            view = lab.graphView
            out.append(view.export_svg(name) if fmt == "svg" else view.export_png(name))
    finally:
        lab.seek(was)
        lab.graphView.animation_ms = animation
    return out


def export_pdf(lab, path: str, lesson: Lesson | None) -> str:
    """The PDF handout: every scene of ``lesson`` with an expression, or (no lesson) the lab's graph as it is
    built. LessonError / OSError if it cannot be written."""
    if lesson is not None and any(s.expression is not None for s in lesson.scenes):
        write_lesson_pdf(lesson, path)
    else:
        tl = lab.timeline
        if tl is None:
            raise OSError(translate("LessonController", "nothing is built in the Expression lab"))
        source = lab.loaded.source or ""
        loaded = lab.loaded
        pictures = [graph_pictures(loaded.named, tl.mode, loaded.title, loaded.source)]
        write_handout_pdf([handout_of(tl, lab.loaded.title, source)], path, lab.loaded.title, pictures)
    return path
