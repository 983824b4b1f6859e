"""How a node looks at one playback position — fill, border, queue tab, badge — decided once (Qt-free).

Every item that draws a node (the node's own box, the zoomed-out overview of a big graph, the Network
lab's tensor graph) paints from :func:`node_look`, so they cannot disagree about what a colour means.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..theme import Theme
from .graph import CONSTANT, VARIABLE, GraphNode
from .playback import NodeState

BORDER_WIDTH = 1.2
OUTPUT_BORDER_WIDTH = 2.2
ACTIVE_BORDER_WIDTH = 3.0


@dataclass(frozen=True, slots=True)
class NodeLook:
    """Colours are ``#rrggbb`` strings of the theme; widths in scene units."""

    fill: str
    border: str
    border_width: float
    dashed: bool  # constants: a dashed border
    radius: float  # corner radius
    queued: str  # colour of the "still to visit" tab on the left edge ("" when not queued)
    badge: str  # accumulation badge text, e.g. "∇ 2.0 + 3.0 = 5.0" ("" when none)
    badge_colour: str  # the badge's text and border (the gradient's colour)


def node_look(node: GraphNode, state: NodeState, theme: Theme) -> NodeLook:
    """The look of ``node`` in ``state``: visited nodes take the visited fill (constants never do), the
    active node the active border, the output a thicker border, queued nodes a tab."""
    t = theme
    constant = node.kind == CONSTANT
    if constant:
        fill, border = t.constant_fill, t.constant_border
    elif node.kind == VARIABLE:
        fill, border = t.variable_fill, t.variable_border
    else:
        fill, border = t.op_fill, (t.output_border if node.is_output else t.op_border)
    if state.visited and not constant:
        fill = t.visited_fill
    width = OUTPUT_BORDER_WIDTH if node.is_output else BORDER_WIDTH
    if state.active:
        border, width = t.active, ACTIVE_BORDER_WIDTH
    return NodeLook(
        fill=fill,
        border=border,
        border_width=width,
        dashed=constant,
        radius=4.0 if constant else 8.0,
        queued=t.queued if state.queued else "",
        badge=f"∇ {state.accumulation}" if state.accumulation else "",
        badge_colour=t.gradient,
    )
