"""Stepping one training step's backward pass in the Network tab, as a user clicks it: the layer the gradient
is in lights up, its lines show ∂L/∂w, layers not reached show none, and the end shows pycarrot's gradients."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from carrot_gui import theme
from carrot_gui.kit.heatmap import signed_colours
from carrot_gui.network import look


@pytest.fixture
def lab(stepped_network_lab):
    return stepped_network_lab


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_stepping_back_through_the_layers_and_forward_again(qtbot, lab):
    c, view = lab.backwardControls, lab.neuronView
    assert "Forward state" in c.plain_text and view.highlighted is None
    assert not c.backButton.isEnabled() and c.stepButton.isEnabled()
    click(qtbot, c.stepButton)  # the last layer first (XOR: 2-4-4-1, weight layers 0, 1, 2)
    assert view.highlighted == 2 and "Backward 1 of 3: layer 3 of 3 — ∂L/∂W₃" in c.plain_text
    assert c.slider.value() == 1 and c.backButton.isEnabled()
    assert "not computed yet" in view.line_tooltip(0, 0, 0)  # backward() has not reached layer 1
    assert "not computed yet" not in view.line_tooltip(2, 0, 0)
    # the lit layer's lines are drawn in the gradient's colours, the others in the value's (dimmed)
    neg, _zero, pos = signed_colours(theme.current(), "gradient")
    g = lab.backward.gradients()[2]
    colour, _width = view.line_style(2, 0, 0)
    assert colour == (pos if g[0, 0] >= 0 else neg)
    click(qtbot, c.stepButton)
    assert view.highlighted == 1 and view.grads[0] is None and view.grads[1] is not None
    click(qtbot, c.backButton)
    assert view.highlighted == 2 and view.grads[1] is None
    click(qtbot, c.backButton)
    assert view.highlighted is None and view.grads is None and "Forward state" in c.plain_text
    assert "not computed yet" in view.line_tooltip(2, 0, 0)  # the forward state: no gradient yet


def test_the_end_shows_the_gradients_the_training_step_then_applies(qtbot, lab):
    c, view = lab.backwardControls, lab.neuronView
    for _ in range(3):
        click(qtbot, c.stepButton)
    assert view.highlighted == 0 and "all layers done" in c.plain_text and not c.stepButton.isEnabled()
    shown = [g.copy() for g in view.grads]
    shown_b = [g.copy() for g in view.bias_grads]
    click(qtbot, lab.runControls.step_button)  # the real step: zero_grad → forward → backward → SGD
    for got, want in zip(shown, lab.session.gradients()):
        np.testing.assert_allclose(got, want, rtol=1e-12)
    for got, want in zip(shown_b, lab.session.bias_gradients()):
        np.testing.assert_allclose(got, want, rtol=1e-12)
    # the run moved on: the playback is dropped, the view shows the step's gradients with no layer lit
    assert lab.backward is None and view.highlighted is None and "Forward state" in c.plain_text


def test_the_slider_and_the_keys_move_too(qtbot, lab):
    c, view = lab.backwardControls, lab.neuronView
    c.slider.setValue(3)
    assert view.highlighted == 0 and lab.backward.at_end
    lab.neuronView.setFocus()
    qtbot.keyClick(lab.neuronView, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.highlighted == 1 and c.slider.value() == 2
    qtbot.keyClick(lab.neuronView, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.highlighted == 0 and lab.session.steps_done == 3  # Shift+→ steps backward, not training


def test_editing_a_weight_or_a_new_run_drops_the_playback(qtbot, lab):
    c, view = lab.backwardControls, lab.neuronView
    click(qtbot, c.stepButton)
    recorded = lab.backward
    view.weight_edited.emit(0, 0, 0, 1.5)
    assert lab.backward is None and view.highlighted is None
    click(qtbot, c.stepButton)  # a new recording, of the edited weights
    assert lab.backward is not recorded and lab.backward.position == 1
    click(qtbot, lab.runControls.reset_button)
    assert lab.backward is None and view.highlighted is None and not c.backButton.isEnabled()
    assert c.slider.maximum() == len(lab.session.layers) == 3


def test_the_colour_key_fits_the_1280_px_window_above_the_neurons(qtbot, lab):
    view = lab.neuronView
    for layer in (None, 0):
        view.highlight_layer(layer)
        key = view.key.mapRectToScene(view.key.boundingRect())
        assert key.right() <= view.viewport().width(), view.key.text()
        words = [w for w in look.key_text(layer).split() if w not in ("·", "—")]
        assert [
            w for w in view.key.text().split() if w not in ("·", "—")
        ] == words  # all of it, maybe on two lines
        tops = [float(c[:, 1].min()) - r for c, r in zip(view.placement.centres, view.placement.radii)]
        assert key.bottom() <= min(tops), (key, tops)
