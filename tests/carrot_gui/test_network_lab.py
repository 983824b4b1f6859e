"""The Network tab as a user drives it: presets, panels, the run controls, the views wired to the session."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from carrot_gui.network import NetworkSession
from carrot_gui.network.presets import PRESETS, preset
from carrot_gui.network.qt.lab import NetworkLab

NAMES = [
    "networkPresetCombo", "datasetCombo", "layerTable", "addLayerButton", "removeLayerButton",
    "trainNetworkButton", "stepNetworkButton", "resetNetworkButton", "networkSpeedCombo", "neuronView",
    "boundaryPlot", "networkLossPlot", "accuracyPlot", "gradientHealthPlot", "accuracyLabel",
]  # fmt: skip


@pytest.fixture
def lab(shown, quiet_errors):
    return shown(NetworkLab(), (1280, 800))


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_opens_on_xor_with_every_named_part(lab):
    assert lab.objectName() == "networkLab"
    for name in NAMES:
        assert lab.findChild(object, name) is not None, name
    assert lab.buildPanel.presetCombo.currentText() == "XOR" and lab.dataPanel.kind() == "xor"
    assert lab.session.spec.widths == [2, 4, 4, 1]
    assert lab.accuracyLabel.text().startswith("train ") and " % · test " in lab.accuracyLabel.text()
    assert lab.boundaryPlot.surface_image() is not None and not lab.boundaryPlot.isHidden()


def test_step_and_reset(qtbot, lab):
    click(qtbot, lab.runControls.step_button)
    click(qtbot, lab.runControls.step_button)
    assert lab.session.steps_done == 2 and lab.statusLabel.text().startswith("Step 2 ")
    first = lab.session
    click(qtbot, lab.runControls.reset_button)
    assert lab.session is not first and lab.session.steps_done == 0


def test_training_in_the_lab_equals_a_headless_run(qtbot, lab):
    click(qtbot, lab.runControls.train_button)
    assert lab.is_training() and lab.runControls.train_button.text() == "❚❚ Pause"
    qtbot.waitUntil(lambda: lab.session.steps_done >= 60, timeout=20000)
    click(qtbot, lab.runControls.train_button)
    assert not lab.is_training()
    n = lab.session.steps_done
    p = preset("XOR")
    headless = NetworkSession(p.spec, p.load_data()).run_steps(n)
    for (w1, b1), (w2, b2) in zip(lab.session.weights(), headless.weights()):
        assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    assert len(lab.lossPlot.curves["train"].getData()[0]) == len(lab.session.eval_steps)


def test_xor_reaches_95_percent_in_the_lab(qtbot, lab):
    lab.toggle_training()
    qtbot.waitUntil(lambda: lab.session.accuracy[1] >= 0.95 or lab.session.steps_done > 3000, timeout=60000)
    lab.pause()
    assert lab.session.accuracy[1] >= 0.95 and lab.session.steps_done <= 1000
    test = float(lab.accuracyLabel.text().split("test ")[1].split(" %")[0])
    assert test >= 95.0


def test_the_originals_network_and_its_fixes(qtbot, lab):
    combo = lab.buildPanel.presetCombo
    combo.setCurrentIndex(combo.findText("The original's network"))
    combo.activated.emit(combo.currentIndex())
    assert lab.dataPanel.kind() == "digits" and lab.session.data.classes == 10
    assert lab.viewTabs.isTabEnabled(1) and lab.viewTabs.currentIndex() == 1
    assert lab.buildPanel.fixesBox.isVisible() and lab.boundaryPlot.isHidden()  # no input plane
    lab.session.run_steps(50)
    lab.refresh()
    assert "test images right" in lab.digitsView.summary.text()
    for key in ("init", "activation", "loss"):
        click(qtbot, lab.buildPanel.fixButtons[key])
    assert lab.session.spec == preset("Digits").spec and lab.session.steps_done == 0


def test_an_impossible_width_is_refused_and_the_run_kept(qtbot, lab):
    lab.session.run_steps(5)
    before = lab.session
    table = lab.buildPanel.layerTable
    table.item(0, 0).setText("0")  # as if typed into the cell
    assert "1 to 32 neurons, got 0" in lab.buildPanel.buildMessageLabel.text()
    assert lab.session is before and table.item(0, 0).text() == "4"


def test_adding_a_layer_rebuilds_the_network_and_its_views(qtbot, lab):
    click(qtbot, lab.buildPanel.addLayerButton)
    assert lab.session.spec.widths == [2, 4, 4, 4, 1]
    assert lab.neuronView.layer_sizes == [2, 4, 4, 4, 1]
    assert list(lab.gradientPlot.curves) == ["layer 1", "layer 2", "layer 3", "layer 4"]


def test_editing_a_weight_changes_the_boundary_image(lab):
    before = lab.boundaryPlot.surface_image().copy()
    lab.neuronView.weight_edited.emit(0, 0, 1, 4.0)
    assert lab.session.layers[0].weight.data[0, 1] == 4.0
    assert not np.array_equal(before, lab.boundaryPlot.surface_image())


def test_drawing_and_removing_points_in_the_plot(lab):
    lab.boundaryPlot.point_added.emit(-2.0, -2.0, 0)
    lab.boundaryPlot.point_added.emit(2.0, 2.0, 1)
    lab.boundaryPlot.point_added.emit(2.5, 1.5, 1)
    data = lab.session.data
    assert lab.dataPanel.kind() == "drawn" and data.source == "drawn"
    assert data.n_train + data.n_test == 3
    index = int(np.flatnonzero(np.concatenate([data.x_train, data.x_test])[:, 0] == 2.5)[0])
    lab.boundaryPlot.point_removed.emit(index)
    assert lab.session.data.n_train + lab.session.data.n_test == 2


def test_features_and_data_reach_the_network(qtbot, lab):
    click(qtbot, lab.dataPanel.featureChecks["x1*x2"])
    assert lab.session.spec.features == ("x1", "x2", "x1*x2") and lab.neuronView.layer_sizes[0] == 3
    lab.dataPanel.datasetCombo.setCurrentIndex(lab.dataPanel.datasetCombo.findData("spiral"))
    assert lab.session.data.classes == 3 and lab.session.spec.loss == "cross_entropy"
    assert lab.session.spec.widths[-1] == 3 and lab.boundaryPlot.surface_image() is not None


def test_tensor_graph_for_the_expression_lab(qtbot, lab):
    got = []
    lab.sendToExpression.connect(lambda nodes, title: got.append((nodes, title)))
    click(qtbot, lab.tensorGraphButton)
    nodes, title = got[0]
    assert list(nodes)[-1] == "loss" and nodes["W1"].shape == (2, 4) and "forward pass" in title


def test_keyboard_space_trains_and_pauses(qtbot, lab):
    lab.neuronView.setFocus()
    qtbot.keyClick(lab.neuronView, Qt.Key.Key_Space)
    assert lab.is_training()
    qtbot.waitUntil(lambda: lab.session.steps_done > 5, timeout=10000)
    qtbot.keyClick(lab.neuronView, Qt.Key.Key_Space)
    assert not lab.is_training() and lab.runControls.train_button.text() == "▶ Train"


@pytest.mark.parametrize("name", [p.name for p in PRESETS])
def test_every_preset_shows_without_error(qtbot, lab, name):
    combo = lab.buildPanel.presetCombo
    combo.setCurrentIndex(combo.findText(name))
    combo.activated.emit(combo.currentIndex())
    assert lab.session.spec == preset(name).spec
    click(qtbot, lab.runControls.step_button)
    assert lab.session.steps_done == 1 and lab.accuracyLabel.text()


def test_a_diverging_run_stops_with_the_reason(qtbot, lab):
    combo = lab.buildPanel.presetCombo
    combo.setCurrentIndex(combo.findText("Regression: sin x"))
    combo.activated.emit(combo.currentIndex())
    assert lab.boundaryPlot.curve.getData()[0] is not None  # the model's curve over x
    lab.buildPanel.initCombo.setCurrentIndex(lab.buildPanel.initCombo.findData("original"))
    lab.buildPanel.learningRateSpin.setValue(10.0)
    lab.buildPanel.optimizerCombo.setCurrentIndex(lab.buildPanel.optimizerCombo.findData("sgd"))
    lab.toggle_training()
    qtbot.waitUntil(lambda: lab.session.finished, timeout=20000)
    qtbot.waitUntil(lambda: not lab.is_training(), timeout=5000)
    assert lab.session.state == "diverged"
    assert "too high" in lab.statusLabel.text() and lab.statusLabel.property("tone") == "error"
    click(qtbot, lab.runControls.train_button)  # a diverged run does not start again
    assert not lab.is_training() and "Press Reset" in lab.statusLabel.text()


def test_projector_theme_repaints_every_part(lab):
    from carrot_gui import theme

    def tick_size():
        return lab.lossPlot.getAxis("bottom").style["tickFont"].pointSizeF()

    lab.refresh_theme()
    before = tick_size()
    old = theme.current()
    try:
        theme.set_current(theme.PROJECTOR)
        lab.refresh_theme()
        assert tick_size() > before
        assert lab.boundaryPlot.surface_image() is not None
    finally:
        theme.set_current(old)
        lab.refresh_theme()


def test_the_speed_choice_drives_the_runner(qtbot, lab):
    lab.runControls.set_speed(5.0)
    lab.toggle_training()
    qtbot.wait(600)
    lab.pause()
    assert 1 <= lab.session.steps_done <= 6  # about 5 steps per second, not as fast as possible


def test_right_steps_and_ctrl_r_resets_the_run(qtbot, lab):
    lab.neuronView.setFocus()
    qtbot.keyClick(lab.neuronView, Qt.Key.Key_Right)
    assert lab.session.steps_done == 1
    qtbot.keyClick(lab.neuronView, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert lab.session.steps_done == 0
