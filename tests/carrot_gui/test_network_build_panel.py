"""The Network lab's build panel, clicked and typed into as a user would: it emits valid specs only and
refuses impossible settings where they are typed, saying why."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from carrot_gui.network.presets import FIXES, preset
from carrot_gui.network.qt.build_panel import BuildPanel
from carrot_gui.network.spec import Layer, NetworkSpec


@pytest.fixture
def panel(shown, quiet_errors):
    return shown(BuildPanel(), record="spec_changed")


def type_width(qtbot, panel, row: int, text: str) -> None:
    table = panel.layerTable
    table.setCurrentCell(row, 0)
    table.editItem(table.item(row, 0))
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the edit from the event loop
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_opens_on_the_first_preset(panel):
    assert panel.presetCombo.currentText() == "XOR"
    assert panel.layerTable.rowCount() == 2
    assert panel.architectureLabel.text().startswith("2 → 4 → 4 → 1")
    assert not panel.fixesBox.isVisible()


def test_typing_a_width_changes_the_network(qtbot, panel):
    type_width(qtbot, panel, 0, "7")
    assert panel.spec().hidden[0].width == 7
    assert panel.emitted[-1].widths == [2, 7, 4, 1]
    assert panel.architectureLabel.text().startswith("2 → 7 → 4 → 1")


@pytest.mark.parametrize(
    ("typed", "words"), [("0", "1 to 32 neurons, got 0"), ("33", "got 33"), ("abc", "whole number")]
)
def test_impossible_widths_are_refused_with_the_reason(qtbot, panel, typed, words):
    type_width(qtbot, panel, 1, typed)
    assert words in panel.buildMessageLabel.text()
    assert panel.buildMessageLabel.property("tone") == "error"
    assert panel.layerTable.item(1, 0).text() == "4"  # the old width is back
    assert panel.spec().hidden[1].width == 4 and panel.emitted == []


def test_cross_entropy_with_one_output_is_refused(qtbot, panel):
    panel.lossCombo.setCurrentIndex(panel.lossCombo.findData("cross_entropy"))
    assert "cross-entropy with 1 output is impossible" in panel.buildMessageLabel.text()
    assert panel.lossCombo.currentData() == "bce_logits" and panel.spec().loss == "bce_logits"
    panel.lossCombo.setCurrentIndex(panel.lossCombo.findData("mse"))
    assert panel.spec().loss == "mse" and panel.buildMessageLabel.text() == ""


def test_add_remove_and_reorder_layers(qtbot, panel):
    qtbot.mouseClick(panel.addLayerButton, Qt.MouseButton.LeftButton)
    assert len(panel.spec().hidden) == 3
    type_width(qtbot, panel, 2, "9")
    box = panel.layerTable.cellWidget(2, 1)
    box.setCurrentIndex(box.findData("relu"))
    assert [(l.width, l.activation) for l in panel.spec().hidden] == [(4, "tanh"), (4, "tanh"), (9, "relu")]
    panel.layerTable.setCurrentCell(2, 0)
    qtbot.mouseClick(panel.moveLayerUpButton, Qt.MouseButton.LeftButton)
    assert [l.width for l in panel.spec().hidden] == [4, 9, 4]
    assert panel.layerTable.currentRow() == 1
    qtbot.mouseClick(panel.moveLayerUpButton, Qt.MouseButton.LeftButton)
    assert [l.width for l in panel.spec().hidden] == [9, 4, 4]
    qtbot.mouseClick(panel.removeLayerButton, Qt.MouseButton.LeftButton)
    assert [l.width for l in panel.spec().hidden] == [4, 4]
    for _ in range(2):
        qtbot.mouseClick(panel.removeLayerButton, Qt.MouseButton.LeftButton)
    assert panel.spec().hidden == () and panel.spec().widths == [2, 1]
    assert not panel.removeLayerButton.isEnabled()
    for _ in range(8):
        qtbot.mouseClick(panel.addLayerButton, Qt.MouseButton.LeftButton)
    assert len(panel.spec().hidden) == 8 and not panel.addLayerButton.isEnabled()
    assert all(s.validate() is s for s in panel.emitted)


def test_training_settings(qtbot, panel):
    panel.learningRateSpin.setValue(0.5)
    panel.batchSizeSpin.setValue(0)
    panel.seedSpin.setValue(12)
    panel.initCombo.setCurrentIndex(panel.initCombo.findData("scaled"))
    panel.momentumSpin.setValue(0.9)
    s = panel.spec()
    assert (s.learning_rate, s.batch_size, s.seed, s.init, s.momentum) == (0.5, 0, 12, "scaled", 0.9)
    assert panel.batchSizeSpin.text() == "full batch"
    panel.optimizerCombo.setCurrentIndex(panel.optimizerCombo.findData("adam"))
    assert panel.spec().optimizer == "adam" and panel.spec().momentum == 0.0
    assert not panel.momentumSpin.isEnabled()


def test_task_change_follows_the_data(panel):
    panel.set_task(64, 10)
    s = panel.spec()
    assert s.widths[0] == 64 and s.widths[-1] == 10 and s.loss == "cross_entropy" and s.features == ()
    assert panel.set_features(("x1", "x2")) is not None  # derived features make no sense for 64 inputs
    panel.set_task(2, 2)
    assert panel.set_features(("x1", "x1*x2")) is None
    assert panel.spec().widths[0] == 2 and panel.spec().features == ("x1", "x1*x2")


def test_the_original_network_offers_its_three_fixes(qtbot, panel):
    chosen = []
    panel.preset_chosen.connect(chosen.append)
    panel.presetCombo.setCurrentIndex(panel.presetCombo.findText("The original's network"))
    panel.presetCombo.activated.emit(panel.presetCombo.currentIndex())
    assert chosen and chosen[0].name == "The original's network"
    assert panel.fixesBox.isVisible() and "0.90" in panel.fixesLabel.text()
    for fix in FIXES:
        button = panel.fixButtons[fix.key]
        assert button.isEnabled()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not button.isEnabled()
    assert panel.spec() == preset("Digits").spec
    assert "All three fixes applied" in panel.fixesLabel.text()


def test_set_spec_refuses_impossible_specs(panel):
    with pytest.raises(ValueError, match="width"):
        panel.set_spec(NetworkSpec(hidden=(Layer(0),)))
    assert panel.spec().hidden[0].width == 4
