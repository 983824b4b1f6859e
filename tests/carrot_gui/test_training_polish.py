"""The Training lab's teaching polish (issue 10): an honest Reset beside New weights, standardisation saved
with the model, a default speed you can watch, and the smaller things seen on screen."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from test_training_lab import click_box, lab  # noqa: F401 - the lab fixture

import pycarrot as pc
from carrot_gui.training.model_file import MEAN_KEY, STD_KEY, raw_weights
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


def test_standardisation_travels_with_the_saved_model(qtbot, lab, tmp_path):  # noqa: F811
    lab.open_example([ex.path.endswith("houses.csv") for ex in lab.examples].index(True))
    raw = lab.data
    lab.standardiseCheck.setChecked(True)
    lab.budgetSpin.setValue(300)
    lab.learningRateSpin.setValue(0.1)
    lab.session.run_to_end()
    expected = lab.session.predict(lab.data.x)  # the trained model on its own (standardised) inputs
    path = str(tmp_path / "houses.npz")
    assert lab.save_model(path) and "means and deviations" in lab.fileMessageLabel.text()
    state = pc.load(path)
    assert np.array_equal(state[MEAN_KEY], raw.x.mean(axis=0)) and np.array_equal(
        state[STD_KEY], raw.x.std(axis=0)
    )
    w, b = raw_weights(state)  # what a script does with the file: raw prices from raw features
    assert np.allclose(raw.x @ w + b, expected, rtol=1e-10)

    lab.standardiseCheck.setChecked(False)  # raw features in the lab: loading converts the weights
    assert not lab.data.standardised and lab.load_model(path)
    assert np.allclose(lab.session.predict(raw.x), expected, rtol=1e-10)
    assert "converted to raw units" in lab.fileMessageLabel.text()
    lab.standardiseCheck.setChecked(True)  # standardised again: the same predictions
    assert lab.load_model(path)
    assert np.allclose(lab.session.predict(lab.data.x), expected, rtol=1e-10)


def test_a_model_file_without_standardisation_loads_as_it_is(qtbot, lab, tmp_path):  # noqa: F811
    path = str(tmp_path / "old.npz")
    pc.save({"weight": np.array([[1.5]]), "bias": np.array([0.25])}, path)  # as older versions wrote
    assert lab.load_model(path)
    assert lab.session.weight[0, 0] == 1.5 and lab.session.bias[0] == 0.25
    pc.save({"weight": np.array([[1.5]]), "bias": np.array([0.25]), MEAN_KEY: np.array([1.0])}, path)
    assert not lab.load_model(path) and "only one of" in lab.fileMessageLabel.text()
    assert lab.session.weight[0, 0] == 1.5  # nothing changed


def test_the_loaded_message_goes_when_the_model_is_no_longer_used(qtbot, lab, tmp_path):  # noqa: F811
    path = str(tmp_path / "m.npz")
    assert lab.save_model(path) and lab.load_model(path)
    assert lab.fileMessageLabel.text().startswith("Loaded the model from m.npz")
    lab.samplesSpin.setValue(50)
    qtbot.mouseClick(lab.generateButton, Qt.MouseButton.LeftButton)  # new data: another model trains now
    assert "Loaded the model" not in lab.fileMessageLabel.text()
    assert "No longer using the model loaded from m.npz" in lab.fileMessageLabel.text()


def test_training_starts_at_a_speed_you_can_watch(qtbot):
    from carrot_gui.training.qt.lab import TrainingLab

    fresh = TrainingLab()
    qtbot.addWidget(fresh)
    fresh.show()
    assert fresh.speedCombo.currentText() == "20 steps/s"
    qtbot.mouseClick(fresh.trainButton, Qt.MouseButton.LeftButton)
    qtbot.wait(500)
    done = fresh.session.steps_done
    fresh.pause()
    assert 1 <= done <= 12 and not fresh.session.finished  # ~10 steps: the line swings, no blink
    assert fresh.lossPlot.raw.getData()[1].size == done  # the curve draws itself step by step


def y_range(plot):
    return plot.getPlotItem().getViewBox().viewRange()[1]


def test_new_data_after_a_divergence_shows_sane_axes(qtbot, lab):  # noqa: F811
    lab.learningRateSpin.setValue(100)
    lab.session.run_to_end()
    lab.refresh()
    assert y_range(lab.lossPlot)[1] > 1e200 and abs(y_range(lab.paramPlot)[0]) > 1e100
    lab.open_example(0)  # other data: no step yet, so no 1e300 axes left over
    for plot in (lab.lossPlot, lab.paramPlot):
        lo, hi = y_range(plot)
        assert -1 <= lo and hi <= 10, (plot.objectName(), lo, hi)


def test_ticking_standardise_keeps_the_diverged_run_to_compare(qtbot, lab):  # noqa: F811
    lab.learningRateSpin.setValue(1)
    lab.session.run_to_end()
    assert lab.session.state.value == "diverged"
    click_box(qtbot, lab.standardiseCheck)
    assert lab.data.standardised
    assert [c.name() for c in lab.lossPlot.earlier] == ["SGD lr=1 · raw features (diverged)"]
    lab.session.run_to_end()  # standardised, the same rate converges (its limit is 1/λ_max·2 = 1 here)
    qtbot.mouseClick(lab.resetTrainingButton, Qt.MouseButton.LeftButton)
    names = [c.name() for c in lab.lossPlot.earlier]
    assert names == ["SGD lr=1 · raw features (diverged)", "SGD lr=1"]
    lab.samplesSpin.setValue(60)
    qtbot.mouseClick(lab.generateButton, Qt.MouseButton.LeftButton)  # other samples: nothing to compare
    assert lab.lossPlot.earlier == []


def test_runs_with_the_same_settings_are_told_apart_in_the_legend(qtbot, lab):  # noqa: F811
    lab.budgetSpin.setValue(20)
    for _ in range(3):
        lab.session.run_to_end()
        qtbot.mouseClick(lab.newWeightsButton, Qt.MouseButton.LeftButton)
    names = [c.name() for c in lab.lossPlot.earlier]
    assert names == ["SGD lr=0.05", "run 2 · SGD lr=0.05", "run 3 · SGD lr=0.05"]
    legend = [label.text for _item, label in lab.lossPlot.legend.items]
    assert len(set(legend)) == len(legend)


def test_the_small_plots_get_room_on_a_projector_at_1280x800(window, qtbot):
    window.set_projector(True)
    window.select_lab("training")
    window.resize(1280, 800)
    training = window.trainingLab
    small = (training.dataPlot, training.surfacePlot, training.paramPlot)
    qtbot.waitUntil(lambda: window.width() == 1280)  # the run row and its buttons fit the width
    qtbot.wait(50)
    assert all(p.height() >= 220 for p in small), [p.height() for p in small]  # were 180 px high
    assert training.toggleSettingsButton.text() == "◂ Settings"
    qtbot.mouseClick(
        training.toggleSettingsButton, Qt.MouseButton.LeftButton
    )  # the teacher hides the settings
    qtbot.waitUntil(lambda: not training.findChild(QWidget, "trainingControls").isVisible())
    qtbot.wait(50)
    assert all(p.width() >= 400 and p.height() >= 220 for p in small), [
        (p.width(), p.height()) for p in small
    ]
    assert training.toggleSettingsButton.text() == "▸ Settings"
    qtbot.mouseClick(training.toggleSettingsButton, Qt.MouseButton.LeftButton)
    assert training.findChild(QWidget, "trainingControls").isVisible()
