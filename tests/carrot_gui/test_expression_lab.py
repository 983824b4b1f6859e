"""The Expression lab as a user meets it: type, build, step, scrub, compare, check, export (pytest-qt)."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QWidget,
)
from user import type_expression

import pycarrot as pc
from carrot_gui import errors
from carrot_gui.expression.presets import PRESETS, preset
from carrot_gui.expression.qt import GraphView
from carrot_gui.expression.qt.log_view import EventLog

ORIGINAL = "a = 1.0\nz = a * 2 + a * 3"


@pytest.fixture
def lab(window):
    return window.expressionLab


def node_item(lab, label):
    return lab.graphView.nodes[lab.loaded.graph.find(label).index]


def test_window_has_the_labs_and_every_named_control(window, lab):
    tabs = window.labs
    assert tabs.objectName() == "labs"
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Expression", "Network", "Training"]
    assert [m.title().replace("&", "") for m in (a.menu() for a in window.menuBar().actions())] == [
        "File",
        "View",
        "Help",
    ]
    for name, cls in [
        ("expressionEditor", QPlainTextEdit),
        ("buildButton", QPushButton),
        ("graphView", GraphView),
        ("stepForwardButton", QPushButton),
        ("stepBackButton", QPushButton),
        ("playButton", QPushButton),
        ("resetButton", QPushButton),
        ("speedSlider", QSlider),
        ("timelineSlider", QSlider),
        ("eventLog", EventLog),
        ("queueList", QListWidget),
        ("orderSwitch", QComboBox),
        ("checkButton", QPushButton),
        ("followCheck", QCheckBox),
    ]:
        widget = window.findChild(cls, name)
        assert widget is not None, name
        if name != "graphView":  # the graph's own items carry the tooltips
            assert widget.toolTip(), f"{name} has no tooltip"
    hint = window.findChild(QLabel, "statusHint")  # the status bar says what to do next
    assert hint is not None and hint.isVisible() and hint.text().startswith("At the start")


def test_opens_on_a_working_demo_at_the_start(lab):
    assert lab.loaded is not None and len(lab.graphView.nodes) >= 5
    assert lab.timeline.position == 0
    for item in lab.graphView.nodes:  # no gradient before the backward pass is stepped
        assert "gradient: none" in item.toolTip()
    assert lab.eventLog.count() == len(lab.timeline)


@pytest.mark.parametrize("p", PRESETS, ids=[p.title for p in PRESETS])
def test_typing_and_building_each_preset(qtbot, lab, p):
    type_expression(qtbot, lab, p.source)
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    assert not lab.errorLabel.isVisible()
    assert lab.loaded.source.strip() == p.source.strip()
    assert len(lab.graphView.nodes) == len(lab.loaded.graph.nodes)
    assert lab.eventLog.count() == len(lab.timeline) > 0
    qtbot.mouseClick(lab.endButton, Qt.MouseButton.LeftButton)
    out = node_item(lab, lab.loaded.graph.output_node.label)
    assert "gradient: 1.0" in out.toolTip() or "gradient: [" in out.toolTip() or "tensor" in out.toolTip()


def test_original_example_stepped_to_the_end_shows_a_gradient_of_5(qtbot, lab):
    type_expression(qtbot, lab, ORIGINAL)
    qtbot.keyClick(lab.expressionEditor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter
    assert lab.loaded.source == ORIGINAL
    assert "gradient: none" in node_item(lab, "a").toolTip()
    clicks = 0
    while lab.stepForwardButton.isEnabled():
        qtbot.mouseClick(lab.stepForwardButton, Qt.MouseButton.LeftButton)
        clicks += 1
    assert clicks == len(lab.timeline)
    tip = node_item(lab, "a").toolTip()
    assert "gradient: 5.0" in tip and "value: 1.0" in tip and "shape: scalar" in tip
    log = lab.eventLog.lines()
    assert any("a.grad accumulates: 3.0 + 2.0 = 5.0" in line for line in log)
    assert any("∂(a·3)/∂a = 3" in line for line in log)


def test_accumulation_and_rule_are_shown_on_the_graph(qtbot, lab):
    type_expression(qtbot, lab, ORIGINAL)
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    tl = lab.timeline
    k = next(i for i, s in enumerate(tl.steps) if s.kind == "accumulate" and s.before is not None)
    lab.seek(k)  # the edge bringing the second contribution is active
    view = lab.graphView
    assert view._label.isVisible() and view._label.lines[0][0] == "∂(a·2)/∂a = 2"
    assert view.edges[tl.active_edge()].active
    lab.step_forward()
    a = node_item(lab, "a")
    assert a.state.accumulation == "3.0 + 2.0 = 5.0" and "accumulated: 3.0 + 2.0 = 5.0" in a.toolTip()


def test_stepping_back_to_the_start_restores_the_initial_picture(qtbot, lab):
    type_expression(qtbot, lab, ORIGINAL)
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    view = lab.graphView

    def picture():
        return (
            [item.toolTip() for item in view.nodes],
            [(item.state.value_shown, item.state.grad is None, item.state.active) for item in view.nodes],
            [e.active for e in view.edges],
            view._label.isVisible(),
            lab.eventLog.current_row(),
            lab.stepLabel.text(),
            [lab.queueList.item(k).text() for k in range(lab.queueList.count())],
            lab.timelineSlider.value(),
        )

    start = picture()
    middle_pictures = {}
    for _ in range(len(lab.timeline)):
        qtbot.keyClick(view, Qt.Key.Key_Right)
        middle_pictures[lab.timeline.position] = picture()
    assert lab.timeline.at_end and picture() != start
    while lab.stepBackButton.isEnabled():
        qtbot.mouseClick(lab.stepBackButton, Qt.MouseButton.LeftButton)
        p = lab.timeline.position
        if p:
            assert picture() == middle_pictures[p]
    assert picture() == start


def test_a_bad_expression_shows_where_and_keeps_the_previous_graph(qtbot, lab):
    type_expression(qtbot, lab, ORIGINAL)
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    before = lab.loaded
    items_before = list(lab.graphView.nodes)
    type_expression(qtbot, lab, "x = 1.0\nz = x * * 2")
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    assert lab.errorLabel.isVisible()
    text = lab.errorLabel.text()
    assert "line 2, column 9" in text and "previous graph" in text
    assert QApplication.activeModalWidget() is None  # shown in the lab, not in a modal dialog
    marks = lab.expressionEditor.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.blockNumber() == 1 and marks[0].cursor.selectedText() == "*"
    assert lab.expressionEditor.textCursor().blockNumber() == 1
    assert lab.loaded is before and lab.graphView.nodes == items_before
    # fixing it clears the error
    type_expression(qtbot, lab, "x = 1.0\nz = x * 2")
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    assert not lab.errorLabel.isVisible() and lab.loaded is not before
    assert lab.noteLabel.text() == ""  # the demo preset's hint does not stick to a typed expression


def test_preset_menu_builds_and_shows_its_hint(qtbot, lab):
    actions = lab.presetMenu.actions()
    assert len(actions) == len(PRESETS) >= 7
    actions[1].trigger()  # "z = a·2 + a·3"
    assert lab.loaded.source == PRESETS[1].source and lab.noteLabel.text() == PRESETS[1].note


def test_keyboard_controls(qtbot, lab):
    view = lab.graphView
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert lab.timeline.position == 2
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert lab.timeline.position == 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert lab.timeline.at_end
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert lab.timeline.position == 0
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert lab.playing and lab.playButton.text().endswith("Pause")
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not lab.playing


def test_play_runs_to_the_end_and_stops(qtbot, lab):
    lab.speedSlider.setValue(60)
    qtbot.mouseClick(lab.playButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not lab.playing, timeout=5000)
    assert lab.timeline.at_end and lab.playButton.text().endswith("Play")


def test_timeline_slider_and_event_log_seek(qtbot, lab):
    lab.timelineSlider.setValue(7)
    assert lab.timeline.position == 7 and lab.eventLog.current_row() == 6
    assert lab.stepLabel.text() == lab.timeline.steps[6].text
    rect = lab.eventLog.visualRect(lab.eventLog.model().index(2, 0))
    qtbot.mouseClick(lab.eventLog.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert lab.timeline.position == 3 and lab.timelineSlider.value() == 3


def test_queue_lists_nodes_in_visit_order(qtbot, lab):
    lab.seek(lab.timeline.backward_start + 1)
    queue = [lab.queueList.item(k).text() for k in range(lab.queueList.count())]
    visits = [lab.loaded.graph.nodes[s.node].label for s in lab.timeline.steps if s.kind == "visit"]
    assert queue == visits


def test_order_switch_shows_call_counts(qtbot, lab):
    lab.load_preset(preset("one variable"))
    counts = lab.loaded.call_counts()
    label = lab.callCountLabel.text()
    assert f"topological: {counts['topological']}" in label and f"per path: {counts['per-path']}" in label
    assert "backward()'s order" in lab.queueTitle.text()
    lab.orderSwitch.setCurrentIndex(1)
    assert lab.mode == "per-path" and lab.timeline.mode == "per-path"
    assert "per-path recursion's order" in lab.queueTitle.text()
    assert lab.eventLog.count() == len(lab.timeline)
    edges = sum(1 for s in lab.timeline.steps if s.kind == "edge")
    assert edges == counts["per-path"] > counts["topological"]
    lab.to_end()
    topo = lab.loaded.timeline("topological")
    topo.to_end()
    np.testing.assert_allclose(lab.timeline.gradient("x"), topo.gradient("x"))
    lab.orderSwitch.setCurrentIndex(0)
    assert lab.timeline is lab.loaded.timeline("topological")


def test_check_marks_every_input(qtbot, lab):
    qtbot.mouseClick(lab.checkButton, Qt.MouseButton.LeftButton)
    text = lab.checkResults.text()
    assert text.count("✓") == 2 and "✗" not in text  # x and y of the demo
    assert "finite differences 3.5839" in text
    assert "check: ✓" in node_item(lab, "x").toolTip()


def test_export_png_and_svg(qtbot, window, lab, tmp_path):
    png, svg = tmp_path / "g.png", tmp_path / "g.svg"
    lab.graphView.export_png(str(png))
    lab.graphView.export_svg(str(svg))
    img = QImage(str(png))
    assert not img.isNull() and img.width() > 200
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert len(colours) > 5
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "sin(x)" in text
    with pytest.raises(OSError, match="could not write"):
        lab.graphView.export_png(str(tmp_path / "missing-dir" / "g.png"))


def test_zoom_and_fit(qtbot, lab):
    view = lab.graphView
    fitted = view.zoom()
    view.zoom_by(2.0)
    assert view.zoom() == pytest.approx(min(fitted * 2, 6.0))
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.zoom() == pytest.approx(fitted)


def test_show_graph_from_the_training_lab(qtbot, window, lab):
    window.select_lab("training")
    assert window.labs.currentWidget().findChild(QWidget, "trainingLab") is window.trainingLab
    w = pc.Parameter(np.array([[0.5]]), name="weight")
    b = pc.Parameter(np.array([0.0]), name="bias")
    x = pc.Carrot(np.array([[1.0], [2.0]]), name="x")
    y = pc.Carrot(np.array([[1.0], [3.0]]), name="y")
    from pycarrot.nn.functional import mse_loss

    loss = mse_loss(x @ w + b, y)
    window.trainingLab.sendToExpression.emit({"x": x, "y": y, "weight": w, "bias": b, "loss": loss}, "step 3")
    assert window.labs.currentWidget() is lab
    assert lab.expressionEditor.isReadOnly() and "step 3" in lab.expressionEditor.toPlainText()
    assert lab.loaded.graph.output_node.label == "loss" and lab.timeline.position == 0
    assert w.grad is None  # showing it did not touch the model
    lab.to_end()
    assert (
        "gradient: [" in node_item(lab, "bias").toolTip() or "gradient:" in node_item(lab, "bias").toolTip()
    )
    qtbot.mouseClick(lab.editButton, Qt.MouseButton.LeftButton)
    assert not lab.expressionEditor.isReadOnly()


def test_the_training_lab_button_sends_its_graph(qtbot, window, lab):
    button = window.trainingLab.findChild(QPushButton, "sendToExpressionButton")
    assert button is not None
    window.select_lab("training")
    if not button.isEnabled():
        pytest.skip("the Training lab's send button is disabled before training")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.labs.currentWidget() is lab and lab.expressionEditor.isReadOnly()


def test_an_exception_in_a_slot_is_reported_and_the_state_kept(qtbot, lab, monkeypatch, tmp_path):
    monkeypatch.setenv(errors.LOG_ENV, str(tmp_path / "errors.log"))
    before = lab.loaded
    import carrot_gui.expression.qt.lab as lab_module

    def broken(loaded):
        raise RuntimeError("boom in check")

    monkeypatch.setattr(lab_module, "check", broken)
    qtbot.mouseClick(lab.checkButton, Qt.MouseButton.LeftButton)
    assert isinstance(errors.last_error, RuntimeError)
    assert "boom in check" in (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert lab.loaded is before
    qtbot.mouseClick(lab.stepForwardButton, Qt.MouseButton.LeftButton)
    assert lab.timeline.position == 1  # the app keeps working


def test_projector_mode_and_text_size(qtbot, window, lab):
    from carrot_gui import theme

    try:
        window.select_lab("training")  # built, so it follows the theme too
        window.set_projector(True)
        assert theme.current().name == "projector" and window.projectorAction.isChecked()
        assert theme.PROJECTOR.gradient in lab.legendLabel.text()
        assert lab.stepLabel.font().pointSizeF() == pytest.approx(theme.current().font_size * 1.15)
        size = theme.current().font_size
        window.scale_text(1.15)
        assert theme.current().font_size == pytest.approx(size * 1.15)
    finally:
        window.scale_text(1 / 1.15)
        window.set_projector(False)
    assert theme.current().name == "light"


def test_ctrl_enter_moves_focus_to_the_graph_so_arrows_step(qtbot, window, lab):
    window.activateWindow()
    type_expression(qtbot, lab, ORIGINAL)
    qtbot.keyClick(lab.expressionEditor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lab.graphView.hasFocus(), timeout=2000)
    qtbot.keyClick(lab.graphView, Qt.Key.Key_Right)
    assert lab.timeline.position == 1


def test_wheel_zooms_and_drag_pans(qtbot, lab):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    view = lab.graphView
    before = view.zoom()
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(before * 1.15**2)
    assert view.dragMode() == view.DragMode.ScrollHandDrag  # dragging the background pans


def test_hovering_a_node_shows_its_tooltip(qtbot, lab):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    lab.to_end()
    item = node_item(lab, "x")
    view = lab.graphView
    pos = view.mapFromScene(item.sceneBoundingRect().center())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "gradient: 3.5839" in QToolTip.text() and QToolTip.text() == item.toolTip()
    QToolTip.hideText()
    assert isinstance(pos, QPoint)


def test_the_gradient_dot_travels_from_the_output_side_to_the_input_side(qtbot, lab):
    lab.speedSlider.setValue(1)  # slow: the animation is long enough to watch
    tl = lab.timeline
    k = next(i for i, s in enumerate(tl.steps) if s.kind == "edge")
    lab.seek(k)
    lab.step_forward()
    view = lab.graphView
    edge = view.edges[tl.active_edge()]
    assert view._dot.isVisible()
    first = view._dot.pos()
    qtbot.waitUntil(lambda: not view._dot.isVisible(), timeout=3000)
    # it started at the result's end of the edge (the output side) ...
    assert (first - edge.end).manhattanLength() < (first - edge.start).manhattanLength()
    # ... and finished at the operand's end
    last = view._dot.pos()
    assert (last - edge.start).manhattanLength() < 1.0


def test_menus_export_fit_and_help(qtbot, window, lab, tmp_path, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    def action(name):
        found = window.findChild(QAction, name)
        assert found is not None, name
        return found

    target = tmp_path / "menu.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "SVG drawing (*.svg)"))
    action("exportSvgAction").trigger()
    assert target.exists() and "<svg" in target.read_text(encoding="utf-8")
    target = tmp_path / "menu.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))
    action("exportPngAction").trigger()
    assert not QImage(str(target)).isNull()
    assert "Saved" in window.statusBar().currentMessage()

    fitted = lab.graphView.zoom()
    action("zoomInAction").trigger()
    assert lab.graphView.zoom() == pytest.approx(fitted * 1.25)
    action("fitAction").trigger()
    assert lab.graphView.zoom() == pytest.approx(fitted)

    action("shortcutsAction").trigger()
    box = window.findChild(QMessageBox, "shortcutsDialog")
    assert box is not None and "Space" in box.text() and "PageDown" in box.text()
    box.close()
    action("aboutAction").trigger()
    about = window.findChild(QMessageBox, "aboutDialog")
    assert about is not None and "PyCarrot" in about.text()
    about.close()
    assert QApplication.activeModalWidget() is None or not QApplication.activeModalWidget().isModal()


def test_a_big_graph_is_drawn_as_an_overview_when_zoomed_out_and_exports_at_a_sane_size(qtbot, lab, tmp_path):
    lines = ["x = 0.5"] + [f"t{k} = sin({'x' if k == 0 else f't{k - 1}'}) * 0.9 + x" for k in range(120)]
    assert lab.build_source("\n".join(lines))
    view = lab.graphView
    assert len(view.nodes) > 400 and view.zoom() < 0.3
    assert view.overview and not view.nodes[0].isVisible()
    lab.seek(lab.timeline.backward_start + 3)
    assert view._overview.active_edge == lab.timeline.active_edge()
    view.zoom_by(30)  # close up: the real items again
    assert not view.overview and view.nodes[0].isVisible()
    png = tmp_path / "big.png"
    view.export_png(str(png))
    img = QImage(str(png))
    assert max(img.width(), img.height()) <= 12_001


def test_check_at_huge_magnitudes_says_the_finite_differences_cannot_be_trusted(qtbot, window, lab):
    type_expression(qtbot, lab, "x = 1e154\nz = x * x")
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(lab.checkButton, Qt.MouseButton.LeftButton)
    text = lab.checkResults.text()
    assert "✗" not in text and "? x" in text and "cannot be trusted" in text, text
    assert "check: ?" in node_item(lab, "x").toolTip()
    assert (
        window.statusBar().currentMessage()
        == "Check: finite differences cannot be trusted at these magnitudes"
    )


@pytest.mark.parametrize(
    "source, shown",
    [
        (
            "y = " + "a" * 199_990,
            "unknown name '" + "a" * 23 + "…' (199,990 characters)",
        ),
        (
            "y = 2 " + "1" * 199_990,
            "found number " + "1" * 23 + "… (199,990 characters)",
        ),
    ],
)
def test_a_huge_unknown_word_is_shown_elided_without_freezing(qtbot, window, lab, source, shown):
    # laying out the 199,990-character name in the word-wrapped error label froze the window for 31 s
    import time

    lab.expressionEditor.setPlainText(source)  # pasted
    start = time.process_time()
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    qtbot.wait(1)
    seconds = time.process_time() - start
    assert lab.errorLabel.isVisible() and shown in lab.errorLabel.text(), lab.errorLabel.text()[:300]
    assert len(lab.errorLabel.text()) < 400 and len(window.statusBar().currentMessage()) < 400
    assert seconds < 3.0
