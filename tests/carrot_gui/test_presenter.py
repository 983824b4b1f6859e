"""Presenter mode (issue 14, item 1): F5 enters, full screen with the side panels away, the step as a large
caption under the graph, a clicker's keys drive each lab, Esc puts everything back as it was (pytest-qt)."""

import pytest
from PySide6.QtCore import Qt
from test_expression_teaching import fitted_text_pixels

from carrot_gui.expression.presets import PRESETS

XY_SIN = "x = 2.0\ny = 4.0\nz = x*y + sin(x)"
MATRIX = "W = [[1, 2], [3, 4]]\nx = [1, -1]\nz = sum(tanh(W @ x))"
SHARED = "a = 3.0\nz = a*2 + a*3"


def press(qtbot, window, key):
    qtbot.keyClick(window.focusWidget() or window, key)


def enter(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.presenter.active)
    qtbot.wait(20)


def present(qtbot, window, name):
    """Open the ``name`` lab and enter presenter mode there: its lab, with the first clicker key pressed."""
    window.select_lab(name)
    qtbot.wait(20)
    enter(qtbot, window)
    lab = getattr(window, f"{name}Lab")
    assert lab.presenterCaption.isVisible()
    press(qtbot, window, Qt.Key.Key_PageDown)
    return lab


def test_f5_enters_full_screen_with_the_panels_hidden_and_esc_puts_back_their_state(qtbot, window):
    lab = window.expressionLab
    window.resize(1400, 860)
    qtbot.wait(20)
    qtbot.mouseClick(lab.logPanelButton, Qt.MouseButton.LeftButton)  # the teacher had folded the log
    qtbot.wait(20)
    sizes, geometry = lab.splitter.sizes(), window.geometry()
    assert lab.panel_shown(lab.leftPanel) and not lab.panel_shown(lab.rightPanel)
    enter(qtbot, window)
    assert window.presenterAction.isChecked() and window.windowState() & Qt.WindowState.WindowFullScreen
    assert not lab.editorPanel.isVisible() and not lab.eventLog.isVisible()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert lab.presenterCaption.isVisible() and lab.graphView.isVisible()
    assert lab.presenterCaption.font().pointSizeF() > 1.5 * lab.controls.font().pointSizeF()
    assert window.projectorAction.isChecked()  # the projector's sizes
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presenter.active)
    qtbot.wait(20)
    assert not window.presenterAction.isChecked() and not window.projectorAction.isChecked()
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert lab.editorPanel.isVisible() and not lab.panel_shown(lab.rightPanel)  # exactly as before
    assert lab.editorPanelButton.isChecked() and not lab.logPanelButton.isChecked()
    assert lab.legendLabel.isVisible() and lab.stepLabel.isVisible() and not lab.presenterCaption.isVisible()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert window.geometry() == geometry and lab.splitter.sizes() == sizes


def test_the_view_menu_action_enters_and_leaves_too(qtbot, window):
    window.presenterAction.trigger()
    assert window.presenter.active and window.expressionLab.presenterCaption.isVisible()
    window.presenterAction.trigger()
    assert not window.presenter.active and window.expressionLab.leftPanel.isVisible()


def test_clicker_keys_step_the_expression_lab_and_the_caption_says_the_step(qtbot, window):
    lab = window.expressionLab
    assert lab.build_source(SHARED)
    enter(qtbot, window)
    caption = lab.presenterCaption
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_PageDown)
    assert lab.timeline.position == 3
    assert caption.text() == lab.timeline.current().text and caption.text()
    press(qtbot, window, Qt.Key.Key_Space)  # a clicker's Space: the next step, as in a slide show
    assert lab.timeline.position == 4 and not lab.playing
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert lab.timeline.position == 3 and caption.text() == lab.timeline.current().text
    press(qtbot, window, Qt.Key.Key_B)  # black screen: the graph is hidden, no step is taken
    assert window.presenter.blank.isVisible()
    press(qtbot, window, Qt.Key.Key_PageDown)  # any key lifts it first (as PowerPoint does)
    assert not window.presenter.blank.isVisible() and lab.timeline.position == 3
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert lab.timeline.position == 4
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.presenter.active


def test_clicker_keys_step_the_network_lab_backward_pass_and_the_caption_says_the_stop(qtbot, window):
    lab = present(qtbot, window, "network")
    assert not lab.panelsScroll.isVisible()
    assert lab.backward is not None and lab.backward.position == 1
    assert lab.presenterCaption.text().startswith("Backward 1 of")
    press(qtbot, window, Qt.Key.Key_Space)
    assert lab.backward.position == 2
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert lab.backward.position == 1 and lab.presenterCaption.text().startswith("Backward 1 of")
    steps = lab.session.steps_done
    for _ in range(len(lab.backward) - lab.backward.position + 1):  # past the last layer: the step itself
        press(qtbot, window, Qt.Key.Key_PageDown)
    assert lab.session.steps_done == steps + 1
    assert lab.presenterCaption.text().startswith("Forward state")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert lab.panelsScroll.isVisible() and not lab.presenterCaption.isVisible()


def test_clicker_keys_train_and_step_the_training_lab_and_the_caption_is_the_run(qtbot, window):
    lab = present(qtbot, window, "training")
    assert not lab._controls_scroll.isVisible()
    assert lab.session.steps_done == 1 and "1 step" in lab.presenterCaption.text()
    assert "loss" in lab.presenterCaption.text()
    press(qtbot, window, Qt.Key.Key_Space)
    assert lab.is_training
    qtbot.waitUntil(lambda: lab.session.steps_done > 2, timeout=5000)
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not lab.is_training)
    qtbot.wait(200)  # the caption follows on its timer
    done = lab.session.steps_done
    assert f"{done} steps" in lab.presenterCaption.text()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert lab._controls_scroll.isVisible() and not lab.toggleSettingsButton.isChecked()


def test_switching_tabs_while_presenting_gives_the_old_lab_its_panels_back(qtbot, window):
    lab = window.expressionLab
    enter(qtbot, window)
    window.select_lab("training")
    qtbot.wait(20)
    assert window.presenter.active and window.trainingLab.presenterCaption.isVisible()
    assert not lab.presenterCaption.isVisible() and not lab.leftPanel.isHidden()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.trainingLab._controls_scroll.isHidden()


@pytest.mark.parametrize(
    "source",
    [XY_SIN, MATRIX] + [p.source for p in PRESETS],
    ids=["x·y + sin(x)", "tensor"] + [p.title for p in PRESETS],
)
def test_node_text_is_at_least_24_pixels_on_a_1920_by_1080_screen(qtbot, window, source):
    lab = window.expressionLab
    assert lab.build_source(source) and len(lab.loaded.graph.nodes) <= 12
    enter(qtbot, window)
    window.resize(1920, 1080)  # the offscreen screen is smaller than a projector's
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.wait(50)
    pixels = fitted_text_pixels(lab.graphView)
    assert round(pixels, 1) >= 24, pixels  # to a tenth of a pixel (PySide6 6.9's fonts: 23.996 for one graph)
    press(qtbot, window, Qt.Key.Key_Escape)


def test_f1_lists_the_presenter_keys(qtbot, window):
    window.show_shortcuts()
    box = window.findChild(object, "shortcutsDialog")
    assert "PageDown" in box.text() and "Black screen" in box.text() and "F5" in box.text()
    box.close()


@pytest.mark.parametrize("name", ["expression", "network"])
def test_presenter_mode_keeps_the_predict_row_on_screen(qtbot, window, name):
    """In a lecture the class answers aloud and the teacher presses Reveal: the row stays."""
    window.select_lab(name)
    lab = window.expressionLab if name == "expression" else window.networkLab
    qtbot.wait(20)
    lab.predictModeCheck.setChecked(True)
    qtbot.wait(20)
    shown = lab.predict.row.isVisible()
    enter(qtbot, window)
    assert lab.predictModeCheck.isVisible() and lab.predict.row.isVisible() == shown
    press(qtbot, window, Qt.Key.Key_Escape)
