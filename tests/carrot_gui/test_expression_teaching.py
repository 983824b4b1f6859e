"""Teaching polish in the Expression lab (issue 10): tensors you can read, no spoilers, arrows that agree
with the words, undoable presets, a graph big enough to read at fit (pytest-qt)."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainterPathStroker
from PySide6.QtWidgets import QToolTip
from test_expression_look import colours_in, render
from user import type_expression

from carrot_gui import theme
from carrot_gui.expression.playback import EDGE
from carrot_gui.expression.presets import PRESETS
from carrot_gui.expression.qt.items import EdgeItem, fonts

MATRIX = "W = [[1, 2], [3, 4]]\nx = [1, -1]\nz = sum(tanh(W @ x))"
ORIGINAL = "a = 1.0\nz = a * 2 + a * 3"
NEURON = "x1 = 2.0\nx2 = 0.0\nw1 = -3.0\nw2 = 1.0\nb = 6.88\nh = tanh(x1*w1 + x2*w2 + b)\nz = (h - 1)**2"
W_GRAD = "[[0.42, -0.42], [0.42, -0.42]]"


@pytest.fixture
def lab(window):
    return window.expressionLab


def node_item(lab, label):
    return next(item for item in lab.graphView.nodes if item.node.label == label)


def centre_on_screen(view, item):
    return view.mapFromScene(item.mapToScene(item.boundingRect().center()))


# -- (1) tensors you can read -----------------------------------------------------------------------------


def test_a_small_matrix_shows_its_numbers_and_every_text_prints_the_array(qtbot, lab):
    assert lab.build_source(MATRIX)
    w = node_item(lab, "W")
    assert w.numbers and [[c for c, _ in row] for row in w._value_cells] == [["1.0", "2.0"], ["3.0", "4.0"]]
    lab.to_end()
    assert [[c for c, _ in row] for row in w._grad_cells] == [["0.42", "-0.42"], ["0.42", "-0.42"]]
    assert W_GRAD in w.toolTip() and "mean" not in w.toolTip()
    assert any(
        line == f"{len(lab.timeline) - 4}. W.grad = 2×2 tensor {W_GRAD}" for line in lab.eventLog.lines()
    )
    assert not any("mean" in line for line in lab.eventLog.lines())
    k = next(i for i, s in enumerate(lab.timeline.steps) if s.kind == EDGE and s.input == w.node.index)
    lab.seek(k + 1)
    assert W_GRAD in lab.graphView._label.lines[1][0]  # the edge label carries the numbers too
    qtbot.mouseClick(lab.checkButton, Qt.MouseButton.LeftButton)
    assert W_GRAD in lab.checkResults.text() and "mean" not in lab.checkResults.text()


def test_the_gradient_grid_of_a_small_tensor_is_painted_in_the_gradient_colour(qtbot, lab):
    assert lab.build_source(MATRIX)
    w = node_item(lab, "W")
    gradient = QColor(theme.current().gradient).rgb()
    img, px = render(w)
    before = colours_in(img, *px(0, 0), *px(w._rect.width(), w._rect.height())).get(gradient, 0)
    lab.to_end()
    img, px = render(w)
    after = colours_in(img, *px(0, 0), *px(w._rect.width(), w._rect.height())).get(gradient, 0)
    assert after > before + 200  # the strongest cells of the gradient's heat map, behind its numbers


def test_clicking_a_node_opens_the_inspector_which_follows_the_playback(qtbot, lab):
    assert lab.build_source(MATRIX)
    view = lab.graphView
    w = node_item(lab, "W")
    assert not lab.inspector.isVisible()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre_on_screen(view, w))
    inspector = lab.findChild(type(lab.inspector), "nodeInspector")
    assert inspector is lab.inspector and inspector.isVisible() and "W" in inspector.titleLabel.text()
    table = inspector.gradTable
    assert table.item(0, 0).text() == "none yet"
    assert [inspector.valueTable.item(r, c).text() for r in range(2) for c in range(2)] == [
        "1.0",
        "2.0",
        "3.0",
        "4.0",
    ]
    assert inspector.valueMap.isVisible() and not inspector.gradMap.isVisible()  # no gradient to map yet
    lab.to_end()
    assert [table.item(r, c).text() for r in range(2) for c in range(2)] == ["0.42", "-0.42", "0.42", "-0.42"]
    heat = inspector.gradMap  # the kit's heat map with its colour bar, in the gradient's colours
    assert heat.isVisible() and heat.kind == "gradient" and heat.bar.isVisible()
    np.testing.assert_allclose(heat.array, lab.timeline.gradient("W"))
    lab.reset()
    assert table.item(0, 0).text() == "none yet" and not heat.isVisible()


def test_the_check_panel_scrolls_instead_of_cutting_rows(qtbot, lab):
    source = (
        "\n".join(f"v{k} = {k + 1}.0" for k in range(14))
        + "\nz = "
        + " + ".join(f"v{k}*v{k}" for k in range(14))
    )
    assert lab.build_source(source)
    qtbot.mouseClick(lab.checkButton, Qt.MouseButton.LeftButton)
    scroll = lab.checkScroll
    assert scroll.isVisible() and lab.checkResults.text().count("✓") == 14
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # more rows than room: they scroll
    bar.setValue(bar.maximum())
    assert bar.value() == bar.maximum()


# -- (4) no spoilers ----------------------------------------------------------------------------------------


def test_the_log_shows_only_the_steps_taken_and_the_toggle_shows_the_whole_script(qtbot, lab):
    assert lab.build_source(ORIGINAL)
    log = lab.eventLog
    assert log.shown_count() == 0 and log.count() == len(lab.timeline)  # at step 0 no answer on screen
    for _ in range(3):
        qtbot.keyClick(lab.graphView, Qt.Key.Key_Right)
    assert log.shown_count() == 3 and log.model().rowCount() == 3
    assert not log.visualRect(log.model().index(2, 0)).isEmpty()
    toggle = lab.showWholeScriptCheck
    assert toggle.toolTip()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert log.shown_count() == len(lab.timeline)
    future = log.model().index(5, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert future.name() == QColor(theme.current().muted).name()  # the steps to come are greyed
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert log.shown_count() == 3
    qtbot.keyClick(lab.graphView, Qt.Key.Key_Left)
    assert log.shown_count() == 2


# -- (3) arrows that agree with the words ----------------------------------------------------------------------


def test_during_backward_the_active_edge_points_toward_the_input(qtbot, lab):
    active = QColor(theme.current().active).rgb()
    item = EdgeItem(0, QRectF(0, 0, 1, 1).center(), QRectF(200, 40, 1, 1).center())
    item.set_active(True)
    img, px = render(item, margin=20)
    near_input = colours_in(img, *px(3, -6), *px(9, -2))  # a chevron arm above the operand's end
    near_result = colours_in(img, *px(191, 34), *px(197, 38))
    assert near_input.get(active, 0) > 0 and near_result.get(active, 0) == 0
    item.set_active(False)
    edge = QColor(theme.current().edge).rgb()
    img, px = render(item, margin=20)
    assert colours_in(img, *px(3, -6), *px(9, -2)).get(edge, 0) == 0  # forward: no arrowhead at the input
    assert colours_in(img, *px(192, 34), *px(198, 38)).get(edge, 0) > 0  # but one into the result


# -- (5) presets never destroy work ---------------------------------------------------------------------------


def test_a_preset_can_be_taken_back_with_ctrl_z_and_the_status_bar_says_so(qtbot, window, lab):
    mine = "q = 3.0\nz = q * q * q"
    type_expression(qtbot, lab, mine)
    action = next(a for a in lab.presetMenu.actions() if a.text().startswith("z = x·y"))
    action.trigger()
    assert lab.expressionEditor.toPlainText() == PRESETS[0].source
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    lab.expressionEditor.setFocus()
    qtbot.keyClick(lab.expressionEditor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert lab.expressionEditor.toPlainText() == mine


# -- (2) a graph big where it matters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source", [NEURON] + [p.source for p in PRESETS], ids=["14-node neuron"] + [p.title for p in PRESETS]
)
def test_fitted_node_text_is_at_least_11_pixels_at_1360_by_820(qtbot, window, lab, source):
    window.resize(1360, 820)
    qtbot.wait(50)
    assert lab.build_source(source) and len(lab.loaded.graph.nodes) <= 20
    view = lab.graphView
    view.fit()
    smallest = min(fonts().label.pointSizeF(), fonts().body.pointSizeF())
    pixels = smallest * view.logicalDpiY() / 72 * view.zoom()
    assert pixels >= 11, pixels
    port = QRectF(view.viewport().rect())
    for item in view.nodes:  # and the whole graph is in view
        assert port.contains(QRectF(view.mapFromScene(item.mapRectToScene(item._rect)).boundingRect()))


def test_a_long_name_is_elided_in_its_box_and_whole_in_the_tooltip(qtbot, lab):
    name = "a_very_long_variable_name"
    assert lab.build_source(f"{name} = 2.0\nz = {name} * 3")
    item = node_item(lab, name)
    assert name in item.toolTip()
    assert fonts().label_metrics.horizontalAdvance(name) > item._rect.width()  # it cannot fit whole
    img, px = render(item)
    right = colours_in(img, *px(item._rect.width() + 3, 2), *px(item._rect.width() + 30, 20))
    assert set(right) == {QColor("#fbfaf7").rgb()}  # nothing painted past the box


# -- (10) smaller things --------------------------------------------------------------------------------------


def test_an_open_hover_box_follows_the_playback(qtbot, lab):
    assert lab.build_source(ORIGINAL)
    view = lab.graphView
    a = node_item(lab, "a")
    where = view.viewport().mapToGlobal(centre_on_screen(view, a))
    QToolTip.showText(where, a.toolTip(), view.viewport())
    if not QToolTip.isVisible():
        pytest.skip("this platform shows no tooltips")
    assert "gradient: none yet" in QToolTip.text()
    from PySide6.QtGui import QCursor

    QCursor.setPos(where)
    if QCursor.pos() != where:
        pytest.skip("this platform cannot move the pointer")
    lab.to_end()
    assert "gradient: 5.0" in QToolTip.text()
    QToolTip.hideText()


def test_nan_says_where_it_first_appeared(qtbot, window, lab):
    assert lab.build_source("x = -1.0\ny = 2.0\nz = log(x) * y")
    assert "nan first appears at log(x) (log of x = -1.0)" in lab.noteLabel.text()
    assert "nan first appears at log(x)" in window.statusBar().currentMessage()
    assert lab.build_source(ORIGINAL) and "nan" not in lab.noteLabel.text()


def test_export_adds_the_extension_to_a_name_without_one(qtbot, lab, tmp_path):
    written = lab.graphView.export_png(str(tmp_path / "graph"))
    assert written == str(tmp_path / "graph.png") and (tmp_path / "graph.png").stat().st_size > 0
    assert lab.graphView.export_svg(str(tmp_path / "slide")) == str(tmp_path / "slide.svg")
    assert lab.graphView.export_png(str(tmp_path / "keep.PNG")).endswith("keep.PNG")


def fitted_text_pixels(view):
    """Node text height on screen: the items paint at the design size, magnified by their scale."""
    return fonts().label.pointSizeF() * view.nodes[0].scale() * view.logicalDpiY() / 72 * view.zoom()


def test_projector_mode_magnifies_the_boxes_with_their_text_and_folds_the_log_on_a_narrow_window(
    qtbot, window, lab
):
    window.resize(1280, 800)
    assert lab.build_source(NEURON)
    qtbot.wait(50)
    view = lab.graphView
    normal_text, normal_width = fitted_text_pixels(view), view.viewport().width()
    normal_box = on_screen_width(view, "x1·w1+x2·w2")
    try:
        window.set_projector(True)
        qtbot.wait(50)
        # the boxes grow with their text (items paint at the design size, magnified), so a projector cuts
        # no more of a name than a laptop; it used to shrink the boxes and cut x1·w1+x2·w2 to "x1·w…"
        magnify = theme.PROJECTOR.node_font_size / theme.LIGHT.node_font_size
        assert fonts().label.pointSizeF() == theme.LIGHT.node_font_size
        assert all(item.scale() == pytest.approx(magnify) for item in view.nodes)
        # the log folds away for the graph: a wider canvas, and the boxes and their text get bigger
        assert not lab.panel_shown(lab.rightPanel) and not lab.logPanelButton.isChecked()
        assert lab.logPanelButton.isVisible() and view.viewport().width() > normal_width + 200
        # (12.2 px against 12.0-12.1 px at this size: the projector's larger menus and buttons take height)
        assert fitted_text_pixels(view) > normal_text and on_screen_width(view, "x1·w1+x2·w2") >= normal_box
        qtbot.mouseClick(lab.logPanelButton, Qt.MouseButton.LeftButton)  # and comes back with one click
        assert lab.panel_shown(lab.rightPanel) and lab.eventLog.isVisible()
    finally:
        window.set_projector(False)
    assert lab.panel_shown(lab.rightPanel)


def on_screen_width(view, label):
    item = next(i for i in view.nodes if i.node.label == label)
    return view.mapFromScene(item.mapRectToScene(item.box())).boundingRect().width()


def test_projector_mode_magnifies_a_small_graph_further_on_a_large_window(qtbot, window, lab):
    window.resize(1920, 1080)
    assert lab.build_source(ORIGINAL)
    qtbot.wait(50)
    normal = fitted_text_pixels(lab.graphView)
    try:
        window.set_projector(True)
        qtbot.wait(50)
        assert fitted_text_pixels(lab.graphView) > 1.2 * normal
    finally:
        window.set_projector(False)


def test_the_side_panels_fold_away_with_their_buttons_or_their_dividers(qtbot, window, lab):
    window.resize(1360, 820)
    qtbot.wait(50)
    view = lab.graphView
    width = view.viewport().width()
    assert lab.editorPanelButton.isVisible() and lab.editorPanelButton.isChecked()
    qtbot.mouseClick(lab.editorPanelButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(lab.logPanelButton, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert not lab.editorPanel.isVisible() and not lab.eventLog.isVisible()
    assert view.viewport().width() > width + 400
    qtbot.mouseClick(lab.editorPanelButton, Qt.MouseButton.LeftButton)
    assert lab.expressionEditor.isVisible() and lab.editorPanelButton.isChecked()
    # dragging a divider to the edge folds a panel too, and its button says so
    sizes = lab.splitter.sizes()
    lab.splitter.moveSplitter(0, 1)
    assert lab.splitter.sizes()[0] == 0 and not lab.editorPanelButton.isChecked(), sizes
    qtbot.mouseClick(lab.editorPanelButton, Qt.MouseButton.LeftButton)
    assert lab.splitter.sizes()[0] > 100 and lab.editorPanelButton.isChecked()


@pytest.mark.parametrize(
    "source", [ORIGINAL, PRESETS[-1].source, "a = 1.0\nb = a * 2\nc = b + a\nz = c * a + b"]
)
def test_the_accumulation_badge_crosses_no_edge_and_covers_no_box(qtbot, lab, source):
    assert lab.build_source(source)
    assert badge_faults(lab) == []


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
