"""The handout's pictures: an expression's graph drawn as the lab draws it, at the start of the backward pass
(values, no gradient yet) and at its end (every gradient), on an off-screen graph view with its own timeline —
the lab's playback never moves — and always in the light theme, whatever the window shows (paper is white)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QImage

from ... import theme
from ...expression.playback import record_timeline
from ...expression.qt.graph_view import GraphView
from ...expression.qt.node_item import fonts
from ...expression.session import load_named

PRINT_PIXELS = 1800  # a picture's width in pixels: ~270 dpi across the page's 17 cm (sharp when printed)
MAX_SCALE = 4.0
PAGE_WIDTH = 600  # the widest a picture is shown, in the handout document's units (its text is ~640 wide)
# document units per graph unit: a small graph's values print a little larger than the tables' text
PAGE_SCALE = 2.0


@dataclass(frozen=True)
class GraphPictures:
    """The graph at the start and at the end of the backward pass, and the width to show them at."""

    start: QImage
    end: QImage
    width: int


@contextmanager
def on_paper() -> Iterator[None]:
    """Draw in the light theme at normal size (a dark or projector picture on white paper clashes with the
    tables and wastes ink); the window's theme and the graph fonts are put back afterwards. Nothing on
    screen repaints in between: no event is processed while the pictures are made."""
    was = theme.current()
    theme.set_current(theme.LIGHT)
    fonts().refresh()
    try:
        yield
    finally:
        theme.set_current(was)
        fonts().refresh()


def graph_pictures(
    named: dict[str, Any], mode: str, title: str = "", source: str | None = None
) -> GraphPictures:
    """The start and the end of the backward pass in ``mode`` of the graph of ``named`` (an expression's
    named values, as ``pc.parse`` returns them or the lab holds them), as images for paper."""
    with on_paper():
        loaded = load_named(named, title, source)  # laid out for the light theme's boxes
        timeline = record_timeline(loaded.graph, mode)  # the graph's grads are put back afterwards
        view = GraphView()
        try:
            view.animation_ms = 0
            view.set_graph(loaded, timeline)
            rect = view.scene().sceneRect()
            scale = min(MAX_SCALE, PRINT_PIXELS / max(rect.width(), 1.0))
            timeline.seek(timeline.backward_start)
            start = view.to_image(scale)
            timeline.seek(len(timeline))
            end = view.to_image(scale)
        finally:
            view.deleteLater()
    return GraphPictures(start, end, min(PAGE_WIDTH, round(rect.width() * PAGE_SCALE)))
