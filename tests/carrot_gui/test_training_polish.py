"""The Training lab's teaching polish (issue 10): an honest Reset beside New weights, standardisation saved
with the model, a default speed you can watch, and the smaller things seen on screen."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_training_lab import lab  # noqa: F401 - the lab fixture

from carrot_gui.training.session import TrainConfig, TrainingSession


def first_weights(lab):  # noqa: F811
    w, b = lab.session.params_at(0)
    return np.concatenate([w.reshape(-1), b])


def test_reset_restarts_from_the_same_weights_and_new_weights_draws_others(qtbot, lab):  # noqa: F811
    assert "same initial weights" in lab.resetTrainingButton.toolTip()
    assert "new initial weights" in lab.newWeightsButton.toolTip().lower()
    for _ in range(5):
        qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
    seed0 = first_weights(lab)
    qtbot.mouseClick(lab.resetTrainingButton, Qt.MouseButton.LeftButton)
    assert "same initial weights" in lab.trainingStatusLabel.text()
    qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
    assert np.array_equal(first_weights(lab), seed0) and lab.initSeedSpin.value() == 0
    assert len(lab.lossPlot.earlier) == 1
    qtbot.mouseClick(lab.newWeightsButton, Qt.MouseButton.LeftButton)
    assert lab.initSeedSpin.value() == 1 and len(lab.lossPlot.earlier) == 2
    assert "New initial weights (init seed 1)" in lab.trainingStatusLabel.text()
    qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
    seed1 = first_weights(lab)
    headless = TrainingSession(lab.data, TrainConfig(seed=1))
    assert not np.array_equal(seed1, seed0)
    assert np.array_equal(seed1, np.concatenate([headless.weight.reshape(-1), headless.bias]))
    qtbot.keyClick(lab, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert lab.initSeedSpin.value() == 2 and lab.session.steps_done == 0


def test_the_keyboard_help_names_what_reset_and_new_weights_do(window, qtbot):
    window.show_shortcuts()
    box = window.findChild(QMessageBox, "shortcutsDialog")
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    assert "Reset: the same initial weights" in text and "new initial weights" not in text
    assert "Training tab: Ctrl+Shift+R<" in text and "New weights: the next init seed" in text
    box.close()
