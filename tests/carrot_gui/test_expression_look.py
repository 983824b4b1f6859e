"""How nodes look and how playback is evented: node_look decides once, the pixels show it (pytest-qt)."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from carrot_gui import theme
from carrot_gui.expression import session
from carrot_gui.expression.graph import NodeKind
from carrot_gui.expression.look import node_look
from carrot_gui.expression.playback import EDGE, Mode, NodeState, Phase, StepKind
from carrot_gui.expression.qt.items import OverviewItem
from carrot_gui.expression.qt.node_item import HEAD, PAD, NodeItem

ORIGINAL = "a = 1.0\nz = a * 2 + a * 3"


def state(**kw):
    base = dict(value_shown=True, grad=None, visited=False, active=False, accumulation="", queued=False)
    base.update(kw)
    return NodeState(**base)


def render(item, scale=2.0, margin=30.0):
    """The item alone, drawn at ``scale`` without text antialiasing (so glyphs are in their exact colour);
    returns the image and a function mapping item coordinates to pixels."""
    scene = QGraphicsScene()
    scene.addItem(item)
    r = item.mapRectToScene(item.boundingRect()).adjusted(-margin, -margin, margin, margin)
    img = QImage(int(r.width() * scale), int(r.height() * scale), QImage.Format.Format_ARGB32)
    img.fill(QColor("#fbfaf7"))
    painter = QPainter(img)
    scene.render(painter, QRectF(0, 0, img.width(), img.height()), r)
    painter.end()
    origin = item.mapToScene(0, 0)
    scene.removeItem(item)  # the item outlives this scene

    def px(x, y):
        return int((origin.x() + x - r.left()) * scale), int((origin.y() + y - r.top()) * scale)

    return img, px


def colours_in(img, x0, y0, x1, y1):
    seen = {}
    for x in range(max(0, x0), min(img.width(), x1)):
        for y in range(max(0, y0), min(img.height(), y1)):
            c = img.pixel(x, y)
            seen[c] = seen.get(c, 0) + 1
    return seen


@pytest.fixture
def original_graph(qapp):
    return session.load_source(ORIGINAL).graph


def test_the_accumulation_badge_is_really_painted_above_the_box(original_graph):
    t = theme.current()
    a = original_graph.find("a")
    item = NodeItem(a, (0, 0, 128, 62))
    item.set_state(state(grad=np.array(5.0), accumulation="3.0 + 2.0 = 5.0"))
    img, px = render(item)
    x0, y0 = px(0, -24)
    x1, y1 = px(128, -1)
    above = colours_in(img, x0, y0, x1, y1)
    assert above.get(QColor(t.gradient).rgb(), 0) > 60  # the badge's border and words, in the gradient colour
    item.set_state(state(grad=np.array(5.0)))  # no second contribution: no badge
    img, px = render(item)
    above = colours_in(img, *px(0, -24), *px(128, -1))
    assert above.get(QColor(t.gradient).rgb(), 0) == 0


def test_the_gradient_row_is_painted_in_the_gradient_colour_and_the_value_row_in_the_value_colour(
    original_graph,
):
    t = theme.current()
    value, gradient = QColor(t.value).rgb(), QColor(t.gradient).rgb()
    item = NodeItem(original_graph.find("a"), (0, 0, 128, 62))
    item.set_state(state(grad=np.array(5.0)))
    img, px = render(item)
    top = 3 + HEAD
    value_row = colours_in(img, *px(PAD, top), *px(120, top + 16))
    grad_row = colours_in(img, *px(PAD, top + 17), *px(120, top + 33))
    assert value_row.get(value, 0) > 20 and value_row.get(gradient, 0) == 0
    assert grad_row.get(gradient, 0) > 20 and grad_row.get(value, 0) == 0


def test_node_look_decides_fill_border_tab_and_badge_once(original_graph):
    t = theme.current()
    out = original_graph.output_node
    look = node_look(out, state(grad=np.array(1.0)), t)
    assert look.fill == t.op_fill  # a gradient alone does not mean visited
    assert look.border == t.output_border and look.border_width > 2
    assert node_look(out, state(visited=True), t).fill == t.visited_fill
    assert node_look(out, state(active=True), t).border == t.active
    const = next(n for n in original_graph.nodes if n.kind == NodeKind.CONSTANT)
    assert (
        node_look(const, state(visited=True), t).fill == t.constant_fill
        and node_look(const, state(), t).dashed
    )
    assert node_look(out, state(queued=True), t).queued == t.queued
    assert node_look(out, state(accumulation="1.0 + 2.0 = 3.0"), t).badge == "∇ 1.0 + 2.0 = 3.0"


def test_the_overview_paints_what_node_look_says(original_graph):
    """It used to fill nodes that had a gradient but were not visited, and dropped the output border."""
    t = theme.current()
    g = original_graph
    items = [NodeItem(n, (i * 200.0, 0, 128, 62)) for i, n in enumerate(g.nodes)]
    for item in items:
        item.set_state(state(grad=np.array(1.0)))  # gradients, nothing visited yet
    bounds = QRectF(-10, -10, 200.0 * len(items) + 20, 90)
    overview = OverviewItem(items, [], bounds)
    img, px = render(overview, scale=1.0, margin=0)
    for i, item in enumerate(items):
        look = node_look(item.node, item.state, t)
        assert img.pixel(*px(i * 200 + 64, 40)) == QColor(look.fill).rgb()
    left, top = px(g.output * 200, 0)
    border = colours_in(img, left - 1, top + 20, left + 2, top + 40)
    assert border.get(QColor(t.output_border).rgb(), 0) > 0


def test_names_are_enums_that_still_read_as_strings():
    assert StepKind.EDGE == "edge" and EDGE is StepKind.EDGE
    assert Mode.PER_PATH == "per-path" and {Mode.TOPOLOGICAL: 1}["topological"] == 1
    assert NodeKind.VARIABLE == "variable"
    tl = session.load_source(ORIGINAL).timeline()
    assert tl.phase(0) is Phase.START and tl.phase(len(tl)) is Phase.BACKWARD


def test_the_timeline_says_when_its_position_moves(qapp):
    tl = session.load_source(ORIGINAL).timeline()
    moves = []
    tl.position_changed.connect(lambda new, old: moves.append((new, old)))
    tl.step_forward()
    tl.seek(5)
    tl.seek(5)  # no move, no signal
    tl.step_back()
    tl.to_end()
    tl.reset()
    assert moves == [(1, 0), (5, 1), (4, 5), (len(tl), 4), (0, len(tl))]


def test_every_view_follows_the_timeline_moved_from_anywhere(qtbot, window):
    """No hand-called sync: moving the timeline itself updates slider, log, queue, words and graph."""
    lab = window.expressionLab
    lab.build_source(ORIGINAL)
    tl = lab.timeline
    tl.seek(tl.backward_start + 2)
    p = tl.position
    assert lab.timelineSlider.value() == p and lab.positionLabel.text().startswith(f"{p} / {len(tl)}")
    assert lab.stepLabel.text() == tl.steps[p - 1].text
    assert lab.eventLog.current_row() == p - 1 and lab.eventLog.shown_count() == p
    assert [lab.queueList.item(k).text() for k in range(lab.queueList.count())][
        0
    ] != "(backward has not started)"
    assert [item.state for item in lab.graphView.nodes] == tl.states()
    assert lab.stepBackButton.isEnabled() and lab.stepForwardButton.isEnabled()
    tl.to_end()
    assert not lab.stepForwardButton.isEnabled() and lab.hint.startswith("Done")
