"""Projector mode at a laptop's 1280×800 and at 1920×1080 (issue 10's leftovers): the accumulation badge finds
a free spot in both looks, the projector's graph is clearly bigger than the normal one, the Training header is
never cut (pytest-qt)."""

import pytest
from PySide6.QtGui import QPainterPathStroker
from test_expression_teaching import NEURON

from carrot_gui.expression.layout import ROW_GAP, layered_layout, path_counts
from carrot_gui.expression.presets import PRESETS
from carrot_gui.expression.session import load_source

SHARED = "a = 3.0\nz = a*2 + a*3"
SOURCES = [
    SHARED,
    PRESETS[-1].source,
    "a = 1.0\nb = a * 2\nc = b + a\nz = c * a + b",
    "a = [1.0, 2.0]\nz = sum(a*a)",
]


@pytest.fixture
def lab(window):
    return window.expressionLab


def badge_faults(lab) -> list[str]:
    """Every badge shown along the whole playback that crosses an edge, covers another box, is cut by its own
    item's bounds or lies outside the scene (cut off at fit)."""
    view = lab.graphView
    stroke = QPainterPathStroker()
    stroke.setWidth(3.0)
    edges = [stroke.createStroke(e.path) for e in view.edges]
    faults, seen = [], 0
    for k in range(len(lab.timeline) + 1):
        lab.seek(k)
        for item in view.nodes:
            if not item.state.accumulation:
                continue
            seen += 1
            local = item._badge_rect(item.look.badge)
            badge = item.mapRectToScene(local)
            where = f"step {k}, {item.node.label}"
            if any(path.intersects(badge) for path in edges):
                faults.append(f"{where}: crosses an edge")
            if any(o is not item and o.mapRectToScene(o.box()).intersects(badge) for o in view.nodes):
                faults.append(f"{where}: covers a box")
            if not item.boundingRect().contains(local) or not view.sceneRect().contains(badge):
                faults.append(f"{where}: cut off")
    assert seen, "no accumulation badge was shown"
    return faults


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
@pytest.mark.parametrize("source", SOURCES, ids=["a2+a3", "many paths", "shared chain", "a*a tensor"])
def test_no_accumulation_badge_crosses_an_edge_or_a_box(qtbot, window, lab, source, projector, size):
    window.resize(*size)
    window.set_projector(projector)
    try:
        qtbot.wait(20)
        assert lab.build_source(source)
        assert badge_faults(lab) == []
    finally:
        window.set_projector(False)


def test_only_nodes_reached_by_two_paths_get_the_badge_room_above_them():
    loaded = load_source(SHARED, "t")
    graph = loaded.graph
    counts = dict(zip((n.label for n in graph.nodes), path_counts(graph)))
    assert counts["a"] == 2 and counts["z"] == 1 and counts["a·2"] == 1
    for scale in (1.0, 4 / 3, 2.0):
        lay = layered_layout(graph, scale)
        a = graph.find("a").index
        above = [i for i in lay.layers[lay.layer[a]] if lay.y[i] < lay.y[a]]
        gap = lay.y[a] - max(lay.y[i] + lay.h[i] for i in above)
        assert gap >= max(ROW_GAP, 21 * scale) - 1e-9  # the badge (19 high, 2 above its box) fits
        single = [n.index for n in graph.nodes if counts[n.label] == 1]
        column_gaps = [  # the others keep the plain row gap: the layout stays as dense as it was
            lay.y[j] - lay.y[i] - lay.h[i]
            for column in lay.layers
            for i, j in zip(column, column[1:])
            if j in single
        ]
        assert all(g >= ROW_GAP - 1e-9 for g in column_gaps)


def test_the_neuron_layout_at_normal_size_is_unchanged_by_the_badge_room():
    """No node of the 14-node neuron has two paths: its drawing is exactly as dense as before."""
    graph = load_source(NEURON, "t").graph
    assert max(path_counts(graph)) == 1
