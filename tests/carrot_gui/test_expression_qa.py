"""The Expression lab seen by a teacher on a projector and by a newcomer typing anything (pytest-qt).

Each test here stood for something found wrong in a QA pass: a small graph drawn small, log lines cut
with "…", a window wider than a projector, an edge label hiding the numbers it talks about, a status bar
that went stale, and hostile input in the editor.
"""

import numpy as np
import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QStyle
from user import paste_and_build, type_and_build

from carrot_gui import MainWindow, errors, theme
from carrot_gui.expression.presets import PRESETS, preset
from carrot_gui.expression.qt.graph_view import MAX_FIT_ZOOM

ORIGINAL = "a = 1.0\nz = a * 2 + a * 3"


@pytest.fixture
def lab(window):
    return window.expressionLab


def on_screen(view, item):
    """A node box's rectangle in the view's pixels."""
    return QRectF(view.mapFromScene(item.mapRectToScene(item._rect)).boundingRect())


# -- projector --------------------------------------------------------------------------------------------


def test_fit_fills_the_view_with_a_small_graph_but_magnifies_at_most_2x(qtbot, lab):
    type_and_build(qtbot, lab, ORIGINAL)
    view = lab.graphView
    boxes = QRectF()
    for item in view.nodes:
        boxes = boxes.united(on_screen(view, item))
    port = view.viewport().rect()
    assert boxes.width() > 0.75 * port.width() or boxes.height() > 0.75 * port.height()
    assert view.zoom() <= MAX_FIT_ZOOM
    view.zoom_by(0.5)
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert boxes == QRectF().united(on_screen(view, view.nodes[0])).united(boxes)  # F brings it back
    type_and_build(qtbot, lab, "x = 3.0")  # one box: capped, not a poster
    assert view.zoom() == pytest.approx(MAX_FIT_ZOOM)


@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
def test_event_log_lines_are_shown_whole_at_the_default_width(qtbot, window, lab, projector):
    log = lab.eventLog
    try:
        window.set_projector(projector)
        lab.load_preset(preset("z = a·2"))
        lab.to_end()  # the log shows the steps taken (no spoilers): every line, once all are taken
        qtbot.wait(300)
        assert log.wrapping
        metrics = log.fontMetrics()
        width = log.viewport().width()
        margin = log.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, log) + 1
        for row in range(log.count()):
            rect = log.visualRect(log.model().index(row, 0))
            text = log.line(row)
            # the style keeps a few pixels of margin on each side of the text
            wrap = QRect(0, 0, rect.width() - 2 * margin, 10**6)
            needed = metrics.boundingRect(wrap, Qt.TextFlag.TextWordWrap, text)
            assert rect.right() <= width and needed.height() <= rect.height() - 2, text
            assert rect.height() < needed.height() + 2 * metrics.lineSpacing(), text  # one spare line at most
        assert any(
            log.visualRect(log.model().index(r, 0)).height() > metrics.height() * 1.5 for r in range(5)
        )
    finally:
        window.set_projector(False)


def test_a_long_log_stays_one_line_per_step(qtbot, lab):
    lines = ["x = 0.5"] + [f"t{k} = sin({'x' if k == 0 else f't{k - 1}'}) * 0.9 + x" for k in range(120)]
    assert lab.build_source("\n".join(lines))
    assert lab.eventLog.count() > 1500 and not lab.eventLog.wrapping
    lab.load_preset(preset("z = x·y"))
    assert lab.eventLog.wrapping


def test_the_window_fits_a_1024_screen_and_a_1280_projector(qtbot, window):
    assert window.minimumSizeHint().width() <= 1024
    try:
        window.set_projector(True)
        assert window.minimumSizeHint().width() <= 1280
    finally:
        window.set_projector(False)


@pytest.mark.parametrize("p", PRESETS, ids=[p.title for p in PRESETS])
def test_the_edge_label_never_hides_a_node_and_stays_in_view(qtbot, lab, p):
    lab.load_preset(p)
    view = lab.graphView
    port = QRectF(view.viewport().rect())
    shown = 0
    for k in range(1, len(lab.timeline) + 1):
        qtbot.keyClick(view, Qt.Key.Key_Right)
        if not view._label.isVisible():
            continue
        shown += 1
        label = view._label.deviceTransform(view.viewportTransform()).mapRect(view._label._rect)
        assert port.contains(label), (k, lab.stepLabel.text())
        hidden = [item.node.label for item in view.nodes if label.intersects(on_screen(view, item))]
        assert not hidden, (k, lab.stepLabel.text())
    assert shown == sum(1 for s in lab.timeline.steps if s.kind == "edge")


def test_tensor_nodes_draw_value_and_gradient_heat_maps_and_name_the_shape(qtbot, lab):
    lab.load_preset(preset("MSE"))
    view = lab.graphView
    item = next(i for i in view.nodes if i.node.label == "y")  # its gradient is positive: drawn in orange
    gradient = QColor(theme.current().gradient).rgb()

    def count(colour):
        img = view.viewport().grab(on_screen(view, item).toAlignedRect()).toImage()
        return sum(1 for x in range(img.width()) for y in range(img.height()) if img.pixel(x, y) == colour)

    before = count(gradient)  # border and caption only: no gradient yet
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert count(gradient) > before + 100  # the gradient's heat map has its strongest cell in that colour
    assert count(QColor(theme.current().value).rgb()) > 100  # and so has the value's
    tip = item.toolTip()
    assert "shape: (4)" in tip and "gradient: [0.55, 0.7, 1.1, 1.15]" in tip


def test_the_status_bar_always_says_what_to_do_next(qtbot, window, lab):
    hint = window.findChild(QLabel, "statusHint")
    type_and_build(qtbot, lab, ORIGINAL)
    window.statusBar().clearMessage()  # the "Built …" message has passed
    assert hint.isVisible() and hint.text().startswith("At the start")
    qtbot.mouseClick(lab.stepForwardButton, Qt.MouseButton.LeftButton)
    assert hint.text().startswith("Forward pass")
    qtbot.keyClick(lab.graphView, Qt.Key.Key_End)
    assert hint.text().startswith("Done") and "Check" in hint.text()
    qtbot.keyClick(lab.graphView, Qt.Key.Key_Left)
    assert hint.text().startswith("Backward pass")
    lab.expressionEditor.setFocus()
    qtbot.keyClicks(lab.expressionEditor, " +")
    assert hint.text().startswith("Edited: press Build")
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    assert hint.text().startswith("Fix the mistake shown under the editor") and lab.errorLabel.isVisible()
    qtbot.keyClicks(lab.expressionEditor, " 1")
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    assert hint.text().startswith("At the start") and not lab.errorLabel.isVisible()
    window.select_lab("training")
    assert hint.text() == ""  # not the other lab's hint
    window.select_lab("expression")
    assert hint.text().startswith("At the start")


# -- hostile input ----------------------------------------------------------------------------------------

DEEP = "x = 1.0\nz = " + "(" * 500 + "x" + ")" * 500
LONG_LINE = "x = 1.0\nz = " + "x+" * 100_000 + "x"  # 200,013 characters, one line


@pytest.mark.parametrize(
    "source, message, mark",
    [
        ("", "line 1, column 1: the expression is empty", None),
        ("  \n# only a comment", "the expression is empty", None),
        (DEEP, "line 2, column 205: the expression is nested too deeply", "("),
        (
            "__import__('os')",
            "line 1, column 1: unknown function '__import__'",
            "__import__",
        ),  # the whole name (issue 10)
        ("x = 1.0\nz = x.__class__", "line 2, column 6: attribute access is not allowed", "."),
        ("x = 2.0\nz = x × 3", "line 2, column 7: unexpected character '×'", "×"),
        (
            "𝑥 = 1.0\nz = 𝑥 * * 2",
            "line 2, column 9: expected a number, name or '('",
            "*",
        ),  # 𝑥: 2 UTF-16 units
        ("x = 'text'", "strings are not allowed", "'"),
    ],
    ids=[
        "empty",
        "comment only",
        "deep nesting",
        "__import__",
        "attribute",
        "unicode operator",
        "astral",
        "string",
    ],
)
def test_hostile_input_gets_a_clear_message_and_keeps_the_graph(qtbot, lab, source, message, mark):
    type_and_build(qtbot, lab, ORIGINAL)
    before = lab.loaded
    paste_and_build(qtbot, lab, source)
    assert lab.errorLabel.isVisible() and message in lab.errorLabel.text()
    assert "previous graph is still shown" in lab.errorLabel.text()
    assert lab.loaded is before and errors.last_error is None  # a message, not an exception
    marks = lab.expressionEditor.extraSelections()
    if mark is None:
        assert len(marks) <= 1
    else:
        assert len(marks) == 1 and marks[0].cursor.selectedText() == mark
    qtbot.keyClick(lab.graphView, Qt.Key.Key_Right)  # the app goes on with the previous graph
    assert lab.timeline.position == 1


def test_a_200001_character_paste_is_refused_without_freezing_the_editor(qtbot, lab):
    before = lab.loaded
    paste_and_build(qtbot, lab, LONG_LINE)
    # a 200,000-character line is not wrapped: wrapping it took Qt ~3 s (twice: paste and error mark)
    assert not lab.expressionEditor.wrapping
    text = lab.errorLabel.text()
    assert "the source is too long (200,013 characters; at most 200,000)" in text and lab.loaded is before
    lab.expressionEditor.setFocus()
    qtbot.keyClick(lab.expressionEditor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(lab.expressionEditor, "x = 2.0")
    assert lab.expressionEditor.wrapping  # short text wraps again
    qtbot.mouseClick(lab.buildButton, Qt.MouseButton.LeftButton)
    assert lab.loaded is not before and not lab.errorLabel.isVisible()


def test_unicode_names_build(qtbot, lab):
    paste_and_build(qtbot, lab, "α = 2.0\nβ = α * α")  # pasted: QTest cannot type non-Latin keys
    assert not lab.errorLabel.isVisible()
    qtbot.keyClick(lab.graphView, Qt.Key.Key_End)
    tip = lab.graphView.nodes[lab.loaded.graph.find("α").index].toolTip()
    assert tip.startswith("α — variable") and "gradient: 4.0" in tip


def test_a_5000_node_expression_builds_and_plays(qtbot, lab):
    source = "x = 0.5\nz = " + " + ".join(f"x*{k}" for k in range(1, 1251))
    paste_and_build(qtbot, lab, source)
    assert not lab.errorLabel.isVisible() and len(lab.graphView.nodes) >= 3700
    view = lab.graphView
    assert view.overview  # zoomed out: drawn by one item
    qtbot.keyClick(view, Qt.Key.Key_End)
    x = lab.loaded.graph.find("x")
    np.testing.assert_allclose(lab.timeline.gradient("x"), sum(range(1, 1251)))
    assert "gradient: 781875.0" in view.nodes[x.index].toolTip()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert lab.timeline.position == 0 and errors.last_error is None


def test_the_hint_and_a_passing_message_never_overlap(qtbot, monkeypatch):
    monkeypatch.setattr(errors, "show_dialogs", False)
    w = MainWindow()
    qtbot.addWidget(w)
    w.expressionLab.build_source(ORIGINAL)  # as --expr does: the message comes before the window shows
    w.show()
    qtbot.waitExposed(w)
    hint = w.findChild(QLabel, "statusHint")
    assert w.statusBar().currentMessage().startswith("Built") and not hint.isVisible()
    w.statusBar().clearMessage()
    assert hint.isVisible() and hint.text().startswith("At the start")


def test_constants_are_drawn_differently_from_variables(qtbot, lab):
    type_and_build(qtbot, lab, ORIGINAL)
    view = lab.graphView
    t = theme.current()

    def colours(label):
        item = next(i for i in view.nodes if i.node.label == label)
        img = view.viewport().grab(on_screen(view, item).toAlignedRect()).toImage()
        return {img.pixel(x, y) for x in range(img.width()) for y in range(img.height())}, item

    const, const_item = colours("2")
    var, var_item = colours("a")
    assert QColor(t.constant_fill).rgb() in const and QColor(t.constant_fill).rgb() not in var
    assert QColor(t.variable_fill).rgb() in var and QColor(t.variable_fill).rgb() not in const
    assert const_item._rect.height() < var_item._rect.height()  # smaller, dashed, grey: not a variable
    assert "constant" in const_item.toolTip() and "constants get no gradient" in const_item.toolTip()


def test_dragging_the_background_pans_the_graph(qtbot, lab):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    view = lab.graphView
    view.zoom_by(3.0)
    bars = view.horizontalScrollBar(), view.verticalScrollBar()
    before = [b.value() for b in bars]
    start = QPointF(view.viewport().rect().center())
    end = start + QPointF(-120, -80)

    def send(kind, pos, buttons):
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
        event = QMouseEvent(
            kind, pos, view.viewport().mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(view.viewport(), event)

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseMove, (start + end) / 2, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    after = [b.value() for b in bars]
    assert after[0] > before[0] and after[1] > before[1]  # dragged up-left: the view moved right and down


def test_follow_zooms_a_deep_graph_to_a_readable_size_and_keeps_the_step_in_view(qtbot, lab):
    # deeper than any preset (a small preset now wraps into bands and is fitted big): fitted, its text is small
    lab.build_source("x = 0.5\nz = " + "sin(" * 24 + "x" + ")" * 24 + " * x")
    view = lab.graphView
    assert view.zoom() < 1.0
    qtbot.mouseClick(lab.followCheck, Qt.MouseButton.LeftButton)
    assert lab.followCheck.isChecked() and view.zoom() == pytest.approx(1.0)
    port = QRectF(view.viewport().rect())
    for _ in range(len(lab.timeline)):
        qtbot.keyClick(view, Qt.Key.Key_Right)
        step = lab.timeline.current()
        node = view.nodes[step.input if step.input >= 0 else step.node]
        assert port.intersects(on_screen(view, node)), lab.stepLabel.text()
    assert lab.queueList.item(0).text().startswith("(empty")  # at the end nothing is left to visit
    qtbot.keyClick(view, Qt.Key.Key_F)  # F still shows it all
    assert view.zoom() < 1.0


def test_edges_are_smooth_on_teaching_graphs_and_fast_on_big_ones(qtbot, lab):
    from carrot_gui.expression.qt.graph_view import SMOOTH_EDGES_MAX

    assert all(e.smooth for e in lab.graphView.edges)  # the demo
    source = "x = 0.5\nz = " + " + ".join(f"x*{k}" for k in range(1, SMOOTH_EDGES_MAX))
    assert lab.build_source(source)
    assert len(lab.graphView.edges) > SMOOTH_EDGES_MAX and not any(e.smooth for e in lab.graphView.edges)


def test_an_expression_too_big_to_draw_is_refused_with_its_size(qtbot, lab):
    """150,000 characters make 48,000 nodes: building them froze the window for 3 s; now a message."""
    from carrot_gui.expression.session import MAX_NODES

    before = lab.loaded
    paste_and_build(qtbot, lab, "x = 0.5\nz = " + " + ".join(f"x*{k}" for k in range(1, 16_000)))
    text = lab.errorLabel.text()
    assert f"this expression makes 47,997 nodes; the lab draws at most {MAX_NODES:,}" in text
    assert lab.loaded is before and errors.last_error is None
    assert lab.hint.startswith("Fix the mistake shown under the editor")


def test_check_marks_a_wrong_gradient_with_a_cross_and_both_numbers(qtbot, lab, monkeypatch):
    """A broken op (its backward is cos's, its value sin's): Check shows ✗ beside the input, with the
    finite-difference number next to backward()'s, in the panel and on the node."""
    import pycarrot.carrot as carrot_module

    def bad_sin(x):
        out = carrot_module.cos(x)
        out.data = np.sin(carrot_module._value(x))
        return out

    monkeypatch.setattr(carrot_module, "sin", bad_sin)
    monkeypatch.setitem(carrot_module.OPS, "sin", bad_sin)
    type_and_build(qtbot, lab, "x = 0.3\nz = sin(x)")
    qtbot.mouseClick(lab.checkButton, Qt.MouseButton.LeftButton)
    text = lab.checkResults.text()
    assert "✗ x" in text and "✓" not in text
    assert f"backward {-np.sin(0.3):.4f}" in text and f"finite differences {np.cos(0.3):.4f}" in text
    tip = lab.graphView.nodes[lab.loaded.graph.find("x").index].toolTip()
    assert "check: ✗" in tip
    assert lab.window().statusBar().currentMessage() == "Check: some gradients disagree"


def test_the_speed_slider_sets_the_playing_rate(qtbot, lab):
    # (keys on the slider step the playback instead: → / Home / End mean the same everywhere in the lab)
    lab.speedSlider.triggerAction(lab.speedSlider.SliderAction.SliderToMaximum)  # dragged to the right
    assert lab.speedSlider.value() == 60 and lab._play_timer.interval() == 1000 // 60
    qtbot.mouseClick(lab.playButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.timeline.at_end, timeout=3000)  # 19 steps at 60 a second
    lab.speedSlider.triggerAction(lab.speedSlider.SliderAction.SliderToMinimum)
    assert lab.speedSlider.value() == 1 and lab._play_timer.interval() == 1000


def test_graph_only_gives_the_graph_the_whole_window(qtbot, window, lab):
    from PySide6.QtGui import QAction

    view = lab.graphView
    fitted, width = view.zoom(), view.width()
    action = window.findChild(QAction, "graphOnlyAction")
    action.trigger()  # View ▸ Graph only (Ctrl+G)
    qtbot.waitUntil(lambda: view.width() > width)
    assert not lab.expressionEditor.isVisible() and not lab.eventLog.isVisible()
    assert view.zoom() >= fitted  # refitted to the wider view
    qtbot.keyClick(view, Qt.Key.Key_Right)  # still steps
    assert lab.timeline.position == 1
    action.trigger()
    assert lab.expressionEditor.isVisible() and lab.eventLog.isVisible()


def test_check_results_scroll_instead_of_squeezing_the_editor(qtbot, window, lab):
    try:
        window.set_projector(True)
        window.resize(1280, 800)
        lab.load_preset(preset("tanh"))
        qtbot.mouseClick(lab.checkButton, Qt.MouseButton.LeftButton)
        qtbot.wait(20)
        assert lab.checkScroll.isVisible() and lab.checkResults.text().count("✓") == 5
        line = lab.expressionEditor.fontMetrics().lineSpacing()
        assert lab.expressionEditor.height() >= 4 * line  # the expression stays readable
        bottom = lab.checkScroll.mapTo(lab, lab.checkScroll.rect().bottomLeft()).y()
        assert bottom <= lab.height()  # nothing drawn past the panel
    finally:
        window.set_projector(False)


def test_the_colour_key_wraps_between_entries_not_inside_one(lab):
    """On a projector the key wrapped between '▌' and 'still to visit', leaving the colour mark alone."""
    html = lab.legendLabel.text()
    for phrase in ("= value", "∇ gradient", "┄ constant", "▌ still to visit"):
        assert phrase.replace(" ", "&nbsp;") in html
