"""The handout's pictures: an expression's graph drawn as the lab draws it, at the start of the backward pass
(values, no gradient yet) and at its end (every gradient), on an off-screen graph view with its own timeline —
the lab's playback never moves."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage

from ...expression.playback import record_timeline
from ...expression.qt.graph_view import GraphView
from ...expression.session import Loaded

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


def graph_pictures(loaded: Loaded, mode: str) -> GraphPictures:
    """The start and the end of the backward pass in ``mode`` of ``loaded``'s graph, as images for paper."""
    timeline = record_timeline(loaded.graph, mode)  # a fresh recording: the graph's grads are put back
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
