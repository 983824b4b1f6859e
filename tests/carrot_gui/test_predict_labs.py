"""Predict, then reveal as a student uses it: tick the mode, step until a gradient is asked, type a guess into
guessEdit and press Enter (or click Reveal), read the verdict, the rule and the score; nothing shows a gradient
before backward() reaches it (boxes, tooltips, inspector, log, Check, the network's lines)."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from user import type_and_build

from carrot_gui.expression.qt.lab import ExpressionLab


def click(qtbot, widget):
    """A click where a user clicks: a check box on its box, anything else in its middle."""
    if isinstance(widget, QCheckBox):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
        return
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def guess(qtbot, lab, text):
    """Type ``text`` into the guess field and press Enter, as a student does."""
    lab.guessEdit.clear()
    qtbot.keyClicks(lab.guessEdit, text)
    qtbot.keyClick(lab.guessEdit, Qt.Key.Key_Return)


def verdict(lab) -> str:
    return lab.predict.row.verdictLabel.text()


@pytest.fixture
def lab(qtbot, quiet_errors):
    w = ExpressionLab()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def step_until_asked(qtbot, lab):
    """Click Step until it stops moving (a question waits); returns the position."""
    while True:
        before = lab.timeline.position
        click(qtbot, lab.stepForwardButton)
        if lab.timeline.position == before:
            return before


def test_expression_scores_a_right_and_a_wrong_guess_and_shows_the_rule(qtbot, lab):
    type_and_build(qtbot, lab, "a = 3.0; z = a*2 + a*3")
    click(qtbot, lab.predictModeCheck)
    assert lab.guessEdit.isVisible() and lab.revealButton.isVisible() and lab.scoreLabel.isVisible()
    p = step_until_asked(qtbot, lab)
    assert lab.timeline.steps[p].kind == "edge"  # stopped just before the edge fires
    assert "z → a·2" in lab.predict.row.questionLabel.text() and lab.guessEdit.hasFocus()
    guess(qtbot, lab, "1")
    assert lab.timeline.position == p + 1  # the edge fired: its gradient is on screen now
    assert "✓ Right: 1.0" in verdict(lab) and "∂z/∂(a·2) = 1, so 1.0 × 1.0 = 1.0" in verdict(lab)
    assert lab.scoreLabel.text() == "1 of 1 right"
    step_until_asked(qtbot, lab)
    guess(qtbot, lab, "2")  # z → a·3 carries 1.0
    assert "✗ Wrong: you said 2.0, it is 1.0" in verdict(lab)
    assert lab.scoreLabel.text() == "1 of 2 right"
    step_until_asked(qtbot, lab)
    guess(qtbot, lab, "3")  # a·3 → a
    step_until_asked(qtbot, lab)
    guess(qtbot, lab, "[2.0]")  # a·2 → a: the rule of the example
    assert "∂(a·2)/∂a = 2, so 1.0 × 2.0 = 2.0" in verdict(lab)
    click(qtbot, lab.endButton)
    assert lab.timeline.at_end
    assert lab.scoreLabel.text() == "Done: ✓ 3 right · ✗ 1 wrong · ◇ 0 revealed"
    assert lab.predict.row.questionLabel.text().startswith("Pass done: 3 of 4 right — ✓ 3 right, ✗ 1 wrong")


def test_expression_the_rule_of_a_product_and_reveal_without_a_guess(qtbot, lab):
    type_and_build(qtbot, lab, "x = 2.0; y = 4.0; z = x*y")
    click(qtbot, lab.predictModeCheck)
    click(qtbot, lab.endButton)  # End stops at the first question too
    assert lab.timeline.steps[lab.timeline.position].kind == "edge"
    guess(qtbot, lab, "4")
    assert "✓ Right: 4.0" in verdict(lab) and "∂z/∂x = y = 4.0, so 1.0 × 4.0 = 4.0" in verdict(lab)
    step_until_asked(qtbot, lab)
    click(qtbot, lab.revealButton)  # nothing typed: shown, counted as not answered
    assert "◇ Revealed: it is 2.0" in verdict(lab) and "∂z/∂y = x = 2.0, so 1.0 × 2.0 = 2.0" in verdict(lab)
    click(qtbot, lab.endButton)
    assert lab.scoreLabel.text() == "Done: ✓ 1 right · ✗ 0 wrong · ◇ 1 revealed"
    assert lab.predict.row.questionLabel.text() == (
        "Pass done: 1 of 2 right — ✓ 1 right, ✗ 0 wrong, ◇ 1 revealed without a guess"
    )


def test_a_bad_entry_gets_a_message_and_loses_nothing(qtbot, lab):
    type_and_build(qtbot, lab, "x = 2.0; y = 4.0; z = x*y")
    click(qtbot, lab.predictModeCheck)
    p = step_until_asked(qtbot, lab)
    guess(qtbot, lab, "four")
    assert "“four” is not a number" in verdict(lab)
    assert lab.guessEdit.text() == "four" and lab.timeline.position == p  # kept, to be corrected
    assert lab.scoreLabel.text() == "No answers yet"
    guess(qtbot, lab, "[[1, 2]")
    assert "not closed" in verdict(lab)


def test_the_tolerance_changes_the_verdict(qtbot, lab):
    type_and_build(qtbot, lab, "x = 2.0; y = 4.0; z = x*y")
    click(qtbot, lab.predictModeCheck)
    step_until_asked(qtbot, lab)
    guess(qtbot, lab, "4.3")  # 0.3 off: wrong within 1 % + 0.01
    assert "✗ Wrong" in verdict(lab)
    lab.predict.row.toleranceRelSpin.setValue(10.0)  # 10 %: 0.2 of 2.0 allowed, plus 0.01
    step_until_asked(qtbot, lab)
    guess(qtbot, lab, "2.2")
    assert "✓ Right" in verdict(lab)


def test_hidden_gradients_read_as_question_marks_everywhere_until_reached(qtbot, lab):
    type_and_build(qtbot, lab, "a = 3.0; z = a*2 + a*3")
    lab.showWholeScriptCheck.setChecked(True)
    lab.run_check()
    a_item = lab.graphView.nodes[lab.loaded.graph.find("a").index]
    assert a_item.check_mark == "✓"
    click(qtbot, lab.predictModeCheck)
    # Check's gradients and the whole script would tell every answer: gone until the pass is over
    assert a_item.check_mark == "" and not lab.checkButton.isEnabled()
    assert not lab.showWholeScriptCheck.isChecked() and not lab.showWholeScriptCheck.isEnabled()
    step_until_asked(qtbot, lab)
    assert "gradient: ∇ ? — predict it" in a_item.toolTip()
    assert a_item.missing_grad == "?"
    lab.graphView.nodeClicked.emit(a_item.node.index)  # the inspector dock
    assert lab.inspector.gradTable.item(0, 0).text().startswith("∇ ?")
    log = [lab.eventLog.line(k) for k in range(lab.eventLog.shown_count())]
    assert not any("a.grad" in line or "→ a:" in line for line in log)
    # the graph's label names the edge asked about, without its number
    assert lab.graphView._label.isVisible() and "∇ ?" in str(lab.graphView._label.lines)
    for _ in range(3):  # answer every question, then the whole pass is there
        click(qtbot, lab.revealButton)
        step_until_asked(qtbot, lab)
    click(qtbot, lab.revealButton)
    click(qtbot, lab.endButton)
    assert "gradient: 5.0" in a_item.toolTip() and lab.checkButton.isEnabled()


def test_turning_the_mode_off_shows_everything_again(qtbot, lab):
    type_and_build(qtbot, lab, "x = 2.0; y = 4.0; z = x*y")
    click(qtbot, lab.predictModeCheck)
    p = step_until_asked(qtbot, lab)
    click(qtbot, lab.playButton)  # playing stops at the question as well
    qtbot.waitUntil(lambda: not lab.playing, timeout=3000)
    assert lab.timeline.position == p
    click(qtbot, lab.predictModeCheck)
    assert not lab.guessEdit.isVisible()
    assert lab.showWholeScriptCheck.isEnabled() and lab.checkButton.isEnabled()
    x_item = lab.graphView.nodes[lab.loaded.graph.find("x").index]
    assert "gradient: none yet" in x_item.toolTip()
    click(qtbot, lab.endButton)
    assert lab.timeline.at_end  # nothing stops playback now


def test_rebuilding_or_going_back_to_the_start_resets_the_score(qtbot, lab):
    type_and_build(qtbot, lab, "x = 2.0; y = 4.0; z = x*y")
    click(qtbot, lab.predictModeCheck)
    step_until_asked(qtbot, lab)
    guess(qtbot, lab, "4")
    assert lab.scoreLabel.text() == "1 of 1 right"
    click(qtbot, lab.resetButton)
    assert lab.scoreLabel.text() == "No answers yet"
    step_until_asked(qtbot, lab)
    guess(qtbot, lab, "4")
    type_and_build(qtbot, lab, "x = 2.0; y = 4.0; z = x*y + x")
    assert lab.scoreLabel.text() == "No answers yet"


# -- the Network lab -----------------------------------------------------------------------------------------


@pytest.fixture
def net(stepped_network_lab):
    return stepped_network_lab  # the XOR preset after three training steps


def test_network_asks_each_layer_and_scores_right_and_wrong_with_the_rule(qtbot, net):
    view, step = net.neuronView, net.backwardControls.stepButton
    assert "∂L/∂w  " in view.line_tooltip(2, 0, 0) and "∇ ?" not in view.line_tooltip(2, 0, 0)
    click(qtbot, net.predictModeCheck)
    # the last training step's gradients are hidden too: hovering a line tells nothing
    for layer in range(3):
        assert "∂L/∂w  ∇ ? — predict it" in view.line_tooltip(layer, 0, 0)
    assert "∂L/∂b  ∇ ?" in view.neuron_tooltip(1, 0)
    layer, i, j = view.marked  # the dashed line the question is about
    assert layer == 2 and f"neuron {j + 1} of layer 3" in net.predict.row.questionLabel.text()
    click(qtbot, step)  # the pass waits for a guess
    assert net.backward.position == 0 and net.guessEdit.hasFocus()
    true = net.backward.gradients(3)[2][i, j]
    guess(qtbot, net, f"{true:.6g}")
    assert net.backward.position == 1 and view.highlighted == 2
    assert "✓ Right" in verdict(net) and "over the 10 samples, so" in verdict(net)
    assert "∇ ?" not in view.line_tooltip(2, i, j) and "∇ ?" in view.line_tooltip(1, 0, 0)
    guess(qtbot, net, f"{-true + 1:.6g}")
    assert "✗ Wrong" in verdict(net) and net.scoreLabel.text() == "1 of 2 right"
    click(qtbot, net.revealButton)
    assert net.backward.at_end
    assert net.scoreLabel.text() == "Done: ✓ 1 right · ✗ 1 wrong · ◇ 1 revealed"
    assert "1 of 3 right" in net.predict.row.questionLabel.text()


def test_network_tolerance_bad_input_and_mode_off(qtbot, net):
    click(qtbot, net.predictModeCheck)
    assert not net.tensorGraphButton.isEnabled()  # a whole backward pass in the other tab: after the quiz
    layer, i, j = net.neuronView.marked
    true = float(net.backward.gradients(3)[layer][i, j])
    guess(qtbot, net, "w")
    assert "“w” is not a number" in verdict(net) and net.backward.position == 0
    net.predict.row.toleranceAbsSpin.setValue(abs(true) * 2 + 0.01)  # generous: 0 is now close enough
    guess(qtbot, net, "0")
    assert "✓ Right" in verdict(net)
    click(qtbot, net.predictModeCheck)  # off: every gradient reached shows, hovering tells again
    assert not net.guessEdit.isVisible() and net.neuronView.marked is None
    assert net.tensorGraphButton.isEnabled()
    click(qtbot, net.backwardControls.stepButton)
    click(qtbot, net.backwardControls.stepButton)
    assert net.backward.at_end
    assert all("∇ ?" not in net.neuronView.line_tooltip(k, 0, 0) for k in range(3))
    assert np.allclose(net.neuronView.grads[0], net.backward.gradients()[0])


def test_in_presenter_mode_the_row_stays_the_caption_asks_and_enter_in_the_guess_reveals(qtbot, window):
    lab = window.expressionLab
    assert lab.build_source("x = 2.0; y = 4.0; z = x*y")
    click(qtbot, lab.predictModeCheck)
    window.presenterAction.trigger()
    qtbot.waitUntil(lambda: window.presenter.active)
    assert not lab.editorPanel.isVisible() and not lab.eventLog.isVisible()  # the side panels went away
    assert lab.guessEdit.isVisible() and lab.revealButton.isVisible() and lab.predictModeCheck.isVisible()
    for _ in range(5):  # the clicker steps up to the first question, then waits
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown)
    window.presenter.update_caption()
    p = lab.timeline.position
    assert lab.timeline.steps[p].kind == "edge"
    assert lab.presenterCaption.text() == lab.predict.row.questionLabel.text()  # the class reads the question
    lab.guessEdit.setFocus()
    qtbot.keyClicks(lab.guessEdit, "3.5")  # "." is the clicker's black screen elsewhere, a decimal point here
    assert lab.guessEdit.text() == "3.5" and not window.presenter.blank.isVisible()
    qtbot.keyClick(lab.guessEdit, Qt.Key.Key_Return)  # Enter in the guess reveals (not "next")
    assert "✗ Wrong: you said 3.5, it is 4.0" in verdict(lab) and lab.timeline.position == p + 1
    click(qtbot, lab.revealButton)  # no guess pending now: nothing happens
    window.presenterAction.trigger()
    assert not window.presenter.active
