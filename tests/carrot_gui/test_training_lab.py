"""The Training lab driven like a user with pytest-qt (offscreen): train, pause, step, reset, diverge,
bad CSV, save/load, exports, inspecting a past step, and the link to the Expression lab."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QSlider,
    QTabBar,
)

import pycarrot as pc
from carrot_gui.training.qt.lab import TrainingLab
from carrot_gui.training.session import DIVERGED, FINISHED, train_headless


@pytest.fixture
def lab(qtbot):
    from PySide6.QtWidgets import QApplication

    from carrot_gui import theme

    QApplication.instance().setStyleSheet(theme.style_sheet())  # as the main window does: tones by role
    w = TrainingLab()
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.runControls.set_speed(None)  # as fast as possible: these tests wait for whole runs
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.pause()


def shown(curve):
    """How many points a curve draws."""
    y = curve.getData()[1]
    return 0 if y is None else y.size


def looks(label):
    """(colour name, bold) of a label's text as it is drawn, after the app style sheet's tone rules."""
    label.ensurePolished()
    return label.palette().color(label.foregroundRole()).name(), label.font().bold()


def set_lr(qtbot, lab, text):
    spin = lab.learningRateSpin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def test_controls_have_names_tooltips_and_the_lr_range(lab):
    for name in (
        "learningRateSpin",
        "trainButton",
        "trainStepButton",
        "resetTrainingButton",
        "lossPlot",
        "dataPlot",
    ):
        assert lab.findChild(object, name) is not None, name
    spin = lab.findChild(QDoubleSpinBox, "learningRateSpin")
    assert spin.minimum() == pytest.approx(1e-6) and spin.maximum() == pytest.approx(100)
    controls = [
        w
        for kind in (QAbstractButton, QAbstractSpinBox, QComboBox, QSlider, QListWidget, QLineEdit)
        for w in lab.findChildren(kind)
        if not isinstance(w.parent(), (QAbstractSpinBox, QTabBar))  # Qt's own parts of a spin box or tab bar
    ]
    assert len(controls) > 25
    for w in controls:
        assert w.objectName() and w.toolTip(), (type(w).__name__, w.objectName())
    assert lab.objectName() == "trainingLab"
    assert lab.lossPlot.getPlotItem().listDataItems()[0] is lab.lossPlot.raw


def test_tiny_learning_rates_can_be_typed(qtbot, lab):
    set_lr(qtbot, lab, "1e-6")
    assert lab.learningRateSpin.value() == pytest.approx(1e-6, rel=1e-12)
    set_lr(qtbot, lab, "0.000002")
    assert lab.learningRateSpin.value() == pytest.approx(2e-6, rel=1e-12)
    set_lr(qtbot, lab, "0.05")
    qtbot.keyClick(lab.learningRateSpin, Qt.Key.Key_Up)
    assert lab.learningRateSpin.value() == pytest.approx(0.1)


def test_training_lowers_the_loss_and_matches_headless_bit_for_bit(qtbot, lab):
    lab.budgetSpin.setValue(400)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    assert lab.is_training and lab.trainButton.text().endswith("Pause")
    qtbot.waitUntil(lambda: lab.session.finished, timeout=10_000)
    s = lab.session
    assert s.state == FINISHED and s.steps_done == 400 and not lab.is_training
    raw = lab.lossPlot.raw.getData()[1]
    assert raw.size == 400 and raw[-1] < 0.2 * raw[0]  # the plot shows the whole run
    headless = train_headless(lab.data, lab.config())
    assert np.array_equal(s.weight, headless.weight) and np.array_equal(s.bias, headless.bias)
    assert "Finished" in lab.trainingStatusLabel.text()


def test_pause_step_and_reset(qtbot, lab):
    lab.budgetSpin.setValue(5_000_000)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.steps_done > 50, timeout=5000)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)  # pause
    paused_at = lab.session.steps_done
    assert not lab.is_training and "Paused" in lab.trainingStatusLabel.text()
    assert shown(lab.lossPlot.raw) == paused_at  # the picture is current at once
    qtbot.wait(100)
    assert lab.session.steps_done == paused_at
    qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
    assert lab.session.steps_done == paused_at + 1
    qtbot.keyClick(lab, Qt.Key.Key_Right)  # → also steps
    assert lab.session.steps_done == paused_at + 2
    qtbot.mouseClick(lab.resetTrainingButton, Qt.MouseButton.LeftButton)
    assert lab.session.steps_done == 0 and shown(lab.lossPlot.raw) == 0
    assert len(lab.lossPlot.earlier) == 1  # the old run stays as a faded curve
    qtbot.keyClick(lab, Qt.Key.Key_Space)  # Space starts ...
    assert lab.is_training
    qtbot.keyClick(lab, Qt.Key.Key_Space)  # ... and pauses
    assert not lab.is_training


def test_learning_rate_100_diverges_with_a_message_and_no_exception(qtbot, lab):
    set_lr(qtbot, lab, "100")
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    s = lab.session
    assert s.state == DIVERGED and not lab.is_training
    text = lab.trainingStatusLabel.text()
    assert "diverged" in text and "smaller" in text and f"step {s.diverged_step}" in text
    assert lab.trainingStatusLabel.isVisible()
    xs, _ = lab.lossPlot.diverged.getData()
    assert list(xs) == [s.diverged_step] and lab.lossPlot.divergedLine.isVisible()
    assert shown(lab.lossPlot.raw) == s.diverged_step  # earlier history kept (finite part)
    # the header counts steps done; it names no step number that could contradict the message
    assert lab.progressLabel.text().startswith(f"{s.steps_done} steps · loss ")
    assert s.steps_done == s.diverged_step + 1
    lab.logYCheck.setChecked(True)  # log view of a diverged run paints without trouble
    lab.outliersCheck.setChecked(True)
    lab.refresh()


def test_bad_csv_is_refused_and_the_previous_data_kept(qtbot, lab, tmp_path):
    before = lab.data
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\n2,three\n3,6\n")
    assert not lab.load_csv(str(bad))
    assert (
        "'three' is not a number" in lab.dataMessageLabel.text()
        and "previous data is kept" in lab.dataMessageLabel.text()
    )
    assert lab.data is before
    assert not lab.open_csv(str(tmp_path / "nope.csv"))
    assert "cannot open" in lab.dataMessageLabel.text() and lab.data is before
    good = tmp_path / "good.csv"
    good.write_text("size,noise,price\n1,0,2.1\n2,1,3.9\n3,0,6.2\n4,1,7.8\n")
    assert lab.open_csv(str(good))
    assert [lab.csvTargetCombo.itemText(i) for i in range(3)] == ["size", "noise", "price"]
    lab.csvFeatureList.item(1).setCheckState(Qt.CheckState.Unchecked)  # use only "size"
    qtbot.mouseClick(lab.useCsvButton, Qt.MouseButton.LeftButton)
    assert lab.data.feature_names == ("size",) and lab.data.target_name == "price"
    assert lab.dataMessageLabel.text() == "" and "price" in lab.dataInfoLabel.text()


def test_synthetic_controls_and_several_features(qtbot, lab):
    lab.featuresSpin.setValue(3)
    lab.trueSlopesEdit.setText("1, 2")
    qtbot.mouseClick(lab.generateButton, Qt.MouseButton.LeftButton)
    assert "2 slopes for 3 features" in lab.dataMessageLabel.text() and lab.data.n_features == 1
    lab.trueSlopesEdit.setText("1, 2, -1")
    qtbot.mouseClick(lab.generateButton, Qt.MouseButton.LeftButton)
    assert lab.data.n_features == 3 and lab.session.model.weight.shape == (3, 1)
    lab.standardiseCheck.setChecked(True)
    assert lab.data.standardised
    lab.step_once()
    assert "one feature" in lab.surfacePlot.note.toPlainText()


def test_save_load_gives_identical_predictions(qtbot, lab, tmp_path):
    lab.budgetSpin.setValue(30)
    lab.session.run_to_end()
    path = str(tmp_path / "model.npz")
    assert lab.save_model(path)
    other = TrainingLab()
    qtbot.addWidget(other)
    x = np.linspace(-3, 3, 11).reshape(-1, 1)
    assert not np.array_equal(other.session.predict(x), lab.session.predict(x))
    assert other.load_model(path)
    assert np.array_equal(other.session.predict(x), lab.session.predict(x))
    assert np.array_equal(other.session.model(pc.Carrot(x)).data, lab.session.model(pc.Carrot(x)).data)
    # a model for another number of features is refused, nothing changes
    other.featuresSpin.setValue(2)
    other.trueSlopesEdit.setText("1")
    other.generate_data()
    w = other.session.weight.copy()
    assert not other.load_model(path)
    assert "shape" in other.fileMessageLabel.text() and np.array_equal(other.session.weight, w)
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip")
    assert not other.load_model(str(junk)) and "Could not load" in other.fileMessageLabel.text()


def test_exports(qtbot, lab, tmp_path):
    lab.step_once()
    lab.step_once()
    csv_path = tmp_path / "loss.csv"
    assert lab.export_loss_csv(str(csv_path))
    lines = csv_path.read_text().splitlines()
    assert lines[0] == "step,loss,smoothed_loss,weight_x,bias" and len(lines) == 3
    assert float(lines[1].split(",")[1]) == lab.session.losses.view()[0]
    paths = lab.export_plots(str(tmp_path))
    assert len(paths) == 4
    for p in paths:
        with open(p, "rb") as fh:
            assert fh.read(8) == b"\x89PNG\r\n\x1a\n"


def test_clicking_a_step_shows_the_model_then_until_back_to_live(qtbot, lab):
    lab.budgetSpin.setValue(200)
    lab.session.run_to_end()
    lab.refresh()
    vb = lab.lossPlot.getPlotItem().getViewBox()
    lab.lossPlot.setXRange(0, 199, padding=0)
    qtbot.wait(50)
    scene_pt = vb.mapViewToScene(QPointF(3, 0))
    view_pt = lab.lossPlot.mapFromScene(scene_pt)
    view_pt.setY(lab.lossPlot.viewport().height() // 2)
    with qtbot.waitSignal(lab.lossPlot.stepClicked) as blocker:
        qtbot.mouseClick(
            lab.lossPlot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view_pt.x(), view_pt.y())
        )
    step = blocker.args[0]
    assert abs(step - 3) <= 2
    assert lab.inspected_step == step and lab.liveButton.isVisible()
    w, b = lab.session.params_at(step)
    xs, ys = lab.dataPlot.fit.getData()
    np.testing.assert_allclose(ys, xs * w[0, 0] + b[0])
    assert f"at step {step}" in lab.paramsLabel.text()
    qtbot.mouseClick(lab.liveButton, Qt.MouseButton.LeftButton)
    assert lab.inspected_step is None and not lab.liveButton.isVisible()
    xs, ys = lab.dataPlot.fit.getData()
    np.testing.assert_allclose(ys, xs * lab.session.weight[0, 0] + lab.session.bias[0])


def test_hover_readout_and_smoothing(qtbot, lab):
    lab.session.run_to_end()
    lab.refresh()
    lab._show_hover(10.2)
    assert lab.hoverLabel.text().startswith("step 10 · loss")
    lab.smoothingSlider.setValue(0)
    raw = lab.lossPlot.raw.getData()[1]
    assert np.array_equal(lab.lossPlot.smooth.getData()[1], raw)
    lab.smoothingSlider.setValue(990)
    assert lab.smoothingLabel.text() == "0.990"
    sm = lab.lossPlot.smooth.getData()[1]
    assert sm[0] == pytest.approx(raw[0]) and sm[-1] > raw[-1]  # smoothed lags behind a falling loss


def test_changed_settings_start_a_new_run_and_keep_the_old_faded(qtbot, lab):
    lab.budgetSpin.setValue(20)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    set_lr(qtbot, lab, "0.01")
    assert "new run" in lab.trainingStatusLabel.text()
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    assert lab.session.config.learning_rate == pytest.approx(0.01)
    assert [c.name() for c in lab.lossPlot.earlier] == ["SGD lr=0.05"]
    qtbot.mouseClick(lab.clearRunsButton, Qt.MouseButton.LeftButton)
    assert lab.lossPlot.earlier == []


def test_send_one_step_to_the_expression_lab(qtbot, lab):
    lab.step_once()
    with qtbot.waitSignal(lab.sendToExpression) as blocker:
        qtbot.mouseClick(lab.sendButton, Qt.MouseButton.LeftButton)
    nodes, title = blocker.args
    assert list(nodes)[-1] == "loss" and nodes["x"].shape == (4, 1)
    assert isinstance(nodes["loss"], pc.Carrot) and "step 1" in title


def test_training_yields_to_the_event_loop(qtbot, lab):
    """Training runs in short slices: other events (a zero-delay timer, a click) are served mid-run."""
    from PySide6.QtCore import QTimer

    lab.budgetSpin.setValue(5_000_000)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    served = []
    QTimer.singleShot(0, lambda: served.append(lab.session.steps_done))
    qtbot.waitUntil(lambda: bool(served), timeout=2000)
    qtbot.waitUntil(lambda: lab.session.steps_done > served[0], timeout=2000)
    assert lab.is_training and not lab.session.finished
    qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)  # a click mid-run pauses and steps
    assert not lab.is_training


def test_threshold_stops_and_train_again_starts_a_new_run(qtbot, lab):
    lab.thresholdCheck.setChecked(True)
    lab.thresholdSpin.setValue(1.0)
    lab.budgetSpin.setValue(100_000)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    assert lab.session.losses.view()[-1] < 1.0 and "fell below 1" in lab.trainingStatusLabel.text()
    first = lab.session
    lab.thresholdCheck.setChecked(False)
    lab.budgetSpin.setValue(10)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    assert lab.session is not first and lab.session.steps_done == 10
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)  # finished: Train continues for 10 more
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    assert lab.session.steps_done == 20


def test_projector_theme_enlarges_plot_text(qtbot, lab):
    from PySide6.QtWidgets import QApplication

    from carrot_gui import theme

    before = lab.lossPlot.getAxis("bottom").style["tickFont"].pointSizeF()
    texts = (lab.surfacePlot.note, lab.lossPlot.hint)
    sizes = [t.textItem.font().pointSizeF() for t in texts]
    list_height = lab.csvFeatureList.maximumHeight()
    previous = theme.current()
    app = QApplication.instance()
    sheet = app.styleSheet()
    try:
        theme.set_current("projector")
        app.setStyleSheet(theme.style_sheet())  # as the main window does when the theme changes
        lab.refresh_theme()
        after = lab.lossPlot.getAxis("bottom").style["tickFont"].pointSizeF()
        assert after > before
        assert lab.lossPlot.raw.opts["pen"].color().name() == theme.PROJECTOR.value
        assert all(t.textItem.font().pointSizeF() > s for t, s in zip(texts, sizes))
        assert lab.csvFeatureList.maximumHeight() > list_height  # still four rows in view
        assert f"{theme.PROJECTOR.font_size - 1:.0f}pt" in lab.paramPlot.legendLabel.styleSheet()
    finally:
        theme.set_current(previous)
        app.setStyleSheet(sheet)
        lab.refresh_theme()


def test_hovering_the_loss_curve_shows_a_crosshair_and_the_values(qtbot, lab):
    lab.budgetSpin.setValue(100)
    lab.session.run_to_end()
    lab.refresh()
    qtbot.wait(50)
    vb = lab.lossPlot.getPlotItem().getViewBox()
    y_mid = sum(vb.viewRange()[1]) / 2
    pos = lab.lossPlot.mapFromScene(vb.mapViewToScene(QPointF(40, y_mid)))
    qtbot.mouseMove(lab.lossPlot.viewport(), pos)
    qtbot.waitUntil(lambda: lab.hoverLabel.text() != "", timeout=2000)
    step = int(lab.hoverLabel.text().split()[1])
    assert abs(step - 40) <= 1
    assert "loss" in lab.hoverLabel.text() and "smoothed" in lab.hoverLabel.text()
    assert lab.lossPlot.vLine.isVisible() and abs(lab.lossPlot.vLine.value() - 40) < 1
    # the readout floats inside the loss plot, under its title, whole
    label = lab.hoverLabel
    assert label.isVisible() and label.parent() is lab.lossPlot
    assert 0 <= label.x() and label.geometry().right() < lab.lossPlot.width()
    assert label.width() >= label.sizeHint().width()
    qtbot.wait(100)
    qtbot.mouseMove(lab.lossPlot.viewport(), QPoint(3, 3))  # off the plot area: both go away
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=2000)
    assert not lab.lossPlot.vLine.isVisible()


def test_log_y_and_ignore_outliers_change_the_loss_axis(qtbot, lab):
    lab.trueInterceptSpin.setValue(60.0)  # the first losses are huge next to the rest
    qtbot.mouseClick(lab.generateButton, Qt.MouseButton.LeftButton)
    lab.budgetSpin.setValue(2000)
    lab.session.run_to_end()
    lab.refresh()
    losses = lab.session.losses.view()
    vb = lab.lossPlot.getPlotItem().getViewBox()
    assert vb.viewRange()[1][1] >= losses[0]  # everything in view
    qtbot.mouseClick(lab.outliersCheck, Qt.MouseButton.LeftButton)
    assert vb.viewRange()[1][1] < 0.5 * losses[0]  # the few huge early losses no longer set the scale
    qtbot.mouseClick(lab.outliersCheck, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(lab.logYCheck, Qt.MouseButton.LeftButton)
    assert lab.lossPlot.getAxis("left").logMode
    lo, hi = vb.viewRange()[1]
    assert lo <= np.log10(losses.min()) and hi >= np.log10(losses.max())


def test_file_buttons_go_through_their_dialogs(qtbot, lab, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    csv_in = tmp_path / "in.csv"
    csv_in.write_text("h,w\n1,2\n2,4.1\n3,5.9\n")
    answers = {
        "Open CSV": str(csv_in),
        "Save model": str(tmp_path / "m.npz"),
        "Load model": str(tmp_path / "m.npz"),
        "Export loss history": str(tmp_path / "loss.csv"),
    }
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda _p, title, *a: (answers[title], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, title, *a: (answers[title], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path))
    qtbot.mouseClick(lab.openCsvButton, Qt.MouseButton.LeftButton)
    assert lab.csvTargetCombo.currentText() == "w" and lab.dataSourceTabs.currentIndex() == 1
    qtbot.mouseClick(lab.useCsvButton, Qt.MouseButton.LeftButton)
    assert lab.data.target_name == "w" and lab.data.n_samples == 3
    qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(lab.saveModelButton, Qt.MouseButton.LeftButton)
    assert (tmp_path / "m.npz").exists() and "Saved" in lab.fileMessageLabel.text()
    qtbot.mouseClick(lab.loadModelButton, Qt.MouseButton.LeftButton)
    assert "Loaded" in lab.fileMessageLabel.text()
    qtbot.mouseClick(lab.exportLossButton, Qt.MouseButton.LeftButton)
    assert (tmp_path / "loss.csv").read_text().startswith("step,loss,smoothed_loss,weight_h,bias")
    qtbot.mouseClick(lab.exportPngButton, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in tmp_path.glob("training-*.png")) == [
        "training-data.png",
        "training-loss.png",
        "training-parameters.png",
        "training-surface.png",
    ]


# --- QA pass: what a student types and clicks -------------------------------------------------------


def pick(qtbot, combo, index):
    """Choose entry ``index`` of a combo box with the keyboard, as a user would (emits ``activated``)."""
    combo.setFocus()
    while combo.currentIndex() < index:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    while combo.currentIndex() > index:
        qtbot.keyClick(combo, Qt.Key.Key_Up)


def click_box(qtbot, box):
    """Click a check box on its square (a wide box only reacts to clicks on its square and text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def toggle_item(qtbot, lst, row):
    """Tick or untick a checkable list item by clicking its check square."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    item = lst.item(row)
    rect = lst.visualItemRect(item)
    opt = QStyleOptionViewItem()
    opt.initFrom(lst)
    opt.rect = rect
    opt.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = lst.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, lst)
    before = item.checkState()
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert item.checkState() != before, f"clicking {item.text()!r} did not toggle it"


@pytest.mark.parametrize(
    "typed, value",
    [("1000", 100.0), ("1e2", 100.0), ("1e-9", 1e-6), ("-1", 1e-6), ("5e-5", 5e-5)],
)
def test_learning_rate_typed_out_of_range_goes_to_the_nearest_bound(qtbot, lab, typed, value):
    set_lr(qtbot, lab, typed)
    assert lab.learningRateSpin.value() == pytest.approx(value, rel=1e-12)


def test_example_datasets_open_from_the_csv_tab(qtbot, lab):
    combo = lab.exampleCombo
    assert combo.isEnabled() and combo.count() >= 4
    qtbot.mouseClick(
        lab.dataSourceTabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=lab.dataSourceTabs.tabBar().tabRect(1).center(),
    )
    assert lab.dataSourceTabs.currentIndex() == 1 and combo.isVisible()
    pick(qtbot, combo, 1)  # study hours
    assert lab.data.feature_names == ("hours_studied",) and lab.data.target_name == "exam_score"
    assert "study_hours.csv: 40 rows" in lab.csvFileLabel.text() and "Log y" in lab.csvFileLabel.text()
    assert lab.dataPlot.getAxis("bottom").labelText == "hours_studied"
    pick(qtbot, combo, 3)  # the spring file has no header row
    assert not lab.csvHeaderCheck.isChecked() and lab.data.feature_names == ("column 1",)
    pick(qtbot, combo, 2)  # houses: three features on different scales
    assert lab.data.n_features == 3 and lab.csvHeaderCheck.isChecked()
    assert [lab.csvFeatureList.item(i).checkState() for i in range(4)] == [Qt.CheckState.Checked] * 3 + [
        Qt.CheckState.Unchecked
    ]
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)  # as is, the loss blows up ...
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    assert lab.session.state == DIVERGED and "Standardising" in lab.trainingStatusLabel.text()
    click_box(qtbot, lab.standardiseCheck)  # ... standardised it converges
    assert lab.data.standardised
    lab.budgetSpin.setValue(300)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=10_000)
    assert lab.session.state == FINISHED and lab.session.losses.view()[-1] < 400
    assert lab.exampleCombo.currentIndex() == 2


def test_opening_ones_own_csv_puts_the_example_list_back_on_its_prompt(qtbot, lab, tmp_path):
    lab.open_example(0)
    assert lab.exampleCombo.currentIndex() == 1
    own = tmp_path / "own.csv"
    own.write_text("a,b\n1,2\n2,4\n")
    assert lab.open_csv(str(own))
    assert lab.exampleCombo.currentIndex() == 0 and lab.csvFileLabel.text().startswith("own.csv")


def test_no_examples_installed_says_so(qtbot, monkeypatch):
    import carrot_gui.training.qt.data_panel as lab_module

    monkeypatch.setattr(lab_module, "find_examples", lambda: [])
    w = TrainingLab()
    qtbot.addWidget(w)
    assert not w.exampleCombo.isEnabled() and "No example" in w.exampleCombo.currentText()


def test_header_toggle_and_column_choice_by_clicking(qtbot, lab, tmp_path):
    before = lab.data
    path = tmp_path / "shop.csv"
    path.write_text("temp,ads,sales\n20,1,50\n25,3,71\n30,2,80\n15,0,31\n")
    lab.open_csv(str(path))
    assert lab.data is before  # opening only offers the columns
    assert lab.csvHeaderCheck.isChecked() and lab.csvTargetCombo.currentText() == "sales"
    click_box(qtbot, lab.csvHeaderCheck)  # "no, the first row is data"
    assert [lab.csvTargetCombo.itemText(i) for i in range(3)] == ["column 1", "column 2", "column 3"]
    qtbot.mouseClick(lab.useCsvButton, Qt.MouseButton.LeftButton)
    msg = lab.dataMessageLabel.text()
    assert "line 1" in msg and "'sales' is not a number" in msg and "previous data is kept" in msg
    assert lab.data is before
    click_box(qtbot, lab.csvHeaderCheck)  # header again
    pick(qtbot, lab.csvTargetCombo, 0)  # predict temp (arrowing up past ads) ...
    temp = lab.csvFeatureList.item(0)
    assert temp.checkState() == Qt.CheckState.Unchecked and not temp.flags() & Qt.ItemFlag.ItemIsEnabled
    states = [lab.csvFeatureList.item(i).checkState() for i in (1, 2)]
    assert states == [Qt.CheckState.Checked] * 2  # ads kept its tick; sales, no longer the target, gets one
    toggle_item(qtbot, lab.csvFeatureList, 1)  # ... from sales alone: untick ads
    qtbot.mouseClick(lab.useCsvButton, Qt.MouseButton.LeftButton)
    assert lab.data.target_name == "temp" and lab.data.feature_names == ("sales",)
    np.testing.assert_array_equal(lab.data.y[:, 0], [20, 25, 30, 15])
    used = lab.data
    toggle_item(qtbot, lab.csvFeatureList, 2)  # no feature ticked: refused, nothing changes
    qtbot.mouseClick(lab.useCsvButton, Qt.MouseButton.LeftButton)
    assert "at least one feature" in lab.dataMessageLabel.text() and lab.data is used


def test_mini_batches_counted_in_epochs_match_headless(qtbot, lab):
    spin = lab.batchSizeSpin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "10")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    pick(qtbot, lab.unitCombo, 1)  # epochs
    lab.budgetSpin.setValue(3)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    s = lab.session
    assert s.config.batch_size == 10 and s.config.unit == "epochs"
    assert s.steps_done == 30 and "epoch 3.00" in lab.progressLabel.text()
    assert "3 epochs" in lab.trainingStatusLabel.text()
    headless = train_headless(lab.data, lab.config())
    assert np.array_equal(s.weight, headless.weight) and np.array_equal(s.bias, headless.bias)
    # mini-batch losses are noisier than full-batch ones (each step sees other samples)
    full = train_headless(lab.data, lab.config().__class__(budget=30))
    assert np.any(np.diff(s.losses.view()) > 0) and not np.any(np.diff(full.losses.view()) > 0)


def test_stepping_into_divergence_shows_the_message_in_red(qtbot, lab):
    set_lr(qtbot, lab, "100")
    for _ in range(200):
        qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
        if lab.session.finished:
            break
    assert lab.session.state == DIVERGED
    assert "diverged" in lab.trainingStatusLabel.text()
    assert looks(lab.trainingStatusLabel) == (theme_error(), True)  # bold red
    assert lab.lossPlot.divergedLine.isVisible()
    set_lr(qtbot, lab, "0.05")  # a new setting is news, not an error
    assert "Settings changed" in lab.trainingStatusLabel.text()
    assert looks(lab.trainingStatusLabel) == (theme_text(), False)


def test_a_newcomer_sees_what_to_press_and_which_curve_is_which(qtbot, lab):
    from PySide6.QtGui import QTextDocument

    assert lab.lossPlot.hint.isVisible() and "Train" in lab.lossPlot.hint.toPlainText()
    qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
    assert not lab.lossPlot.hint.isVisible()
    legend = lab.paramPlot.legendLabel
    assert legend.isVisible() and "weight" in legend.text() and "bias" in legend.text()
    lab.featuresSpin.setValue(7)
    lab.trueSlopesEdit.setText("1")
    qtbot.mouseClick(lab.generateButton, Qt.MouseButton.LeftButton)
    doc = QTextDocument()
    doc.setHtml(legend.text())
    text = doc.toPlainText().replace("\xa0", " ")  # what the label shows
    assert text.replace("━━ ", "").split() == legend.plain_text().split()
    assert "w x1" in text and "w x5" in text and "w x6" not in text and "2 more weights" in text
    # the legend never widens the plot beyond its column, and sits below it (not over the curves)
    assert lab.paramBox.minimumSizeHint().width() <= lab.paramPlot.minimumWidth() + 1
    assert legend.geometry().top() >= lab.paramPlot.geometry().bottom()
    assert legend.geometry().right() <= lab.paramBox.width()
    # several features: no empty axes where the MSE surface would be
    assert not lab.surfacePlot.getPlotItem().getAxis("left").isVisible()


def test_the_data_legend_sits_under_the_points_and_says_what_is_drawn(qtbot, lab):
    legend = lab.dataPlot.legendLabel
    assert legend.plain_text() == "data  true line  model" and legend.isVisible()
    assert legend.geometry().top() >= lab.dataPlot.geometry().bottom()  # under the plot, not over the dots
    assert lab.dataPlot.getPlotItem().legend is None
    lab.open_example(0)  # real data: no true line to show
    assert legend.plain_text() == "data  model"
    lab.open_example(1)  # several features: predicted against true
    assert legend.plain_text() == "data  perfect fit"


def test_inspecting_a_step_marks_it_on_the_parameter_plot_too(qtbot, lab):
    lab.budgetSpin.setValue(50)
    lab.session.run_to_end()
    lab.inspect_step(12)
    assert lab.paramPlot.inspectLine.isVisible() and lab.paramPlot.inspectLine.value() == 12
    qtbot.mouseClick(lab.liveButton, Qt.MouseButton.LeftButton)
    assert not lab.paramPlot.inspectLine.isVisible()


def test_the_parameter_png_includes_its_legend(qtbot, lab, tmp_path):
    from PySide6.QtGui import QImage

    lab.step_once()
    paths = lab.export_plots(str(tmp_path))
    image = QImage([p for p in paths if p.endswith("parameters.png")][0])
    assert image.height() == lab.paramBox.height() > lab.paramPlot.height()


def test_a_settled_model_is_not_redrawn_but_any_visible_move_is(qtbot, lab, monkeypatch):
    """Speed: once the line has settled (changes under a pixel) the data and surface plots are left alone;
    a visible change is drawn at once."""
    lab.budgetSpin.setValue(3000)
    lab.session.run_to_end()
    lab.refresh()
    drawn = []
    for item in (lab.dataPlot.fit, lab.surfacePlot.path):
        original = item.setData
        monkeypatch.setattr(item, "setData", lambda *a, _o=original, **k: (drawn.append(1), _o(*a, **k)))
    lab.session.extend(200)
    lab.session.run_to_end()
    lab.refresh()
    assert drawn == []
    lab.session.model.weight.data[...] += 0.5  # a jump anyone would see
    lab.refresh()
    assert len(drawn) == 2
    xs, ys = lab.dataPlot.fit.getData()
    np.testing.assert_allclose(ys, xs * lab.session.weight[0, 0] + lab.session.bias[0])
    px, py = lab.surfacePlot.path.getData()
    assert (px[-1], py[-1]) == (lab.session.weight[0, 0], lab.session.bias[0])


def test_a_loaded_model_survives_a_changed_setting_until_reset(qtbot, lab, tmp_path):
    lab.budgetSpin.setValue(40)
    lab.session.run_to_end()
    path = str(tmp_path / "m.npz")
    assert lab.save_model(path)
    saved_w, saved_b = lab.session.weight.copy(), lab.session.bias.copy()
    qtbot.mouseClick(lab.resetTrainingButton, Qt.MouseButton.LeftButton)
    assert lab.load_model(path) and np.array_equal(lab.session.weight, saved_w)
    set_lr(qtbot, lab, "0.02")  # before any step a new setting restarts the run: from the loaded model
    assert lab.session.config.learning_rate == pytest.approx(0.02)
    assert np.array_equal(lab.session.weight, saved_w) and np.array_equal(lab.session.bias, saved_b)
    qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
    w0, b0 = lab.session.params_at(0)
    assert np.array_equal(w0, saved_w) and np.array_equal(b0, saved_b)
    qtbot.mouseClick(lab.resetTrainingButton, Qt.MouseButton.LeftButton)  # Reset: fresh weights again
    assert not np.array_equal(lab.session.weight, saved_w)
    assert "Reset forgets it" in lab.fileMessageLabel.text()


def test_earlier_runs_can_be_told_apart_to_compare_learning_rates(qtbot, lab):
    lab.budgetSpin.setValue(30)
    for lr in ("0.01", "0.03", "0.1"):
        set_lr(qtbot, lab, lr)
        qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    qtbot.mouseClick(lab.resetTrainingButton, Qt.MouseButton.LeftButton)
    earlier = lab.lossPlot.earlier
    assert [c.name() for c in earlier] == ["SGD lr=0.01", "SGD lr=0.03", "SGD lr=0.1"]
    hues = {c.opts["pen"].color().name() for c in earlier}
    assert len(hues) == 3 and theme_value() not in hues  # none looks like the live run
    alphas = [c.opts["pen"].color().alpha() for c in earlier]
    assert alphas == sorted(alphas) and alphas[0] < alphas[-1]  # older runs are fainter


def theme_value():
    from carrot_gui import theme

    return theme.current().value


def theme_error():
    from carrot_gui import theme

    return theme.current().error


def theme_text():
    from carrot_gui import theme

    return theme.current().text


def test_slow_steps_are_explained_with_what_helps(qtbot, lab, monkeypatch):
    """A huge full batch makes every step slower than the latency budget: the lab says so once, and why."""
    import time

    lab.budgetSpin.setValue(1000)
    session = lab.session

    def slow_run_for(seconds, max_steps=None):
        time.sleep(0.03)
        session.step()
        return 1

    monkeypatch.setattr(session, "run_for", slow_run_for)
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "reacts slowly" in lab.trainingStatusLabel.text(), timeout=3000)
    assert "Batch size" in lab.trainingStatusLabel.text() and "100 samples" in lab.trainingStatusLabel.text()
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    assert lab.samplesSpin.maximum() == 100_000


def test_text_columns_are_not_preselected(qtbot, lab, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(
        "name,age,height_m,weight_kg,city\n"
        "Ana,31,1.62,58,Lyon\nBo,45,1.80,84,Oslo\nCy,23,1.75,70,Rome\nDi,37,1.68,66,Kyiv\n"
    )
    assert lab.open_csv(str(path))
    assert lab.csvTargetCombo.currentText() == "weight_kg"  # the last column of numbers
    ticked = [
        lab.csvFeatureList.item(i).text()
        for i in range(lab.csvFeatureList.count())
        if lab.csvFeatureList.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["age", "height_m"]
    assert "not numbers" in lab.csvFeatureList.item(0).toolTip()
    qtbot.mouseClick(lab.useCsvButton, Qt.MouseButton.LeftButton)  # works without unticking anything
    assert lab.data.feature_names == ("age", "height_m") and lab.data.target_name == "weight_kg"
    toggle_item(qtbot, lab.csvFeatureList, 4)  # a student ticks "city" anyway: told why not
    qtbot.mouseClick(lab.useCsvButton, Qt.MouseButton.LeftButton)
    assert "'Lyon' is not a number" in lab.dataMessageLabel.text()
    assert lab.data.feature_names == ("age", "height_m")
    assert lab.load_csv(str(path)) and lab.data.feature_names == ("age", "height_m")


def test_a_first_run_that_diverges_shows_its_marker_and_how_to_see_the_curve(qtbot, lab):
    set_lr(qtbot, lab, "100")
    qtbot.mouseClick(lab.trainButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.session.finished, timeout=5000)
    k = lab.session.diverged_step
    (x0, x1), (y0, y1) = lab.lossPlot.getPlotItem().getViewBox().viewRange()
    assert lab.lossPlot.earlier == [] and x0 <= k < x1  # the marker is inside the view, not on its edge
    (mx,), (my,) = lab.lossPlot.diverged.getData()
    assert y0 <= my <= y1
    legend = lab.lossPlot.legend  # the marker ends top-right: the legend moves out of its way ...
    assert lab.lossPlot.legend_corner == "top-left"
    marker = lab.lossPlot.getPlotItem().getViewBox().mapViewToScene(QPointF(mx, my))
    assert not legend.sceneBoundingRect().contains(marker)
    assert "Tick Log y" in lab.trainingStatusLabel.text()
    click_box(qtbot, lab.logYCheck)
    text = lab.trainingStatusLabel.text()
    assert "diverged" in text and "Log y" not in text and looks(lab.trainingStatusLabel)[1]
    set_lr(qtbot, lab, "0.05")
    qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)  # ... and back for a healthy run
    assert lab.lossPlot.legend_corner == "top-right"


def test_file_errors_are_shown_in_red_and_change_nothing(qtbot, lab, tmp_path):
    from carrot_gui import theme

    assert not lab.save_model(str(tmp_path / "no such folder" / "m.npz"))
    label = lab.fileMessageLabel
    assert "Could not save" in label.text() and looks(label)[0] == theme.current().error
    assert not lab.export_loss_csv(str(tmp_path / "no such folder" / "loss.csv"))
    assert "Could not write loss.csv" in label.text() and looks(label)[0] == theme.current().error
    w = lab.session.weight.copy()
    assert not lab.load_model(str(tmp_path / "missing.npz"))
    assert "Could not load" in label.text() and np.array_equal(lab.session.weight, w)
    assert lab.save_model(str(tmp_path / "ok.npz"))
    assert "Saved" in label.text() and looks(label)[0] != theme.current().error


def test_a_model_far_off_the_chart_is_drawn_clipped_not_with_huge_coordinates(qtbot, lab):
    """lr 0.3 on noiseless data oscillates ever wider without overflowing: after 3,000 steps the weights
    are near 1e70 (finite, so no divergence stop). Qt's painter crashed drawing lines that far outside
    the view; what is drawn now stays within a box around the view."""
    lab.noiseSpin.setValue(0.0)
    qtbot.mouseClick(lab.generateButton, Qt.MouseButton.LeftButton)
    set_lr(qtbot, lab, "0.3")
    lab.budgetSpin.setValue(3000)
    lab.session.run_to_end()
    assert lab.session.state == FINISHED and abs(lab.session.weight[0, 0]) > 1e50
    lab.refresh()
    click_box(qtbot, lab.logYCheck)
    lab.grab()  # paints every plot
    xs, ys = lab.dataPlot.fit.getData()
    assert xs.size == 2 and np.all(np.abs(ys) < 1e6)  # the steep line, cut where it crosses the view
    px, py = lab.surfacePlot.path.getData()
    finite = np.isfinite(px)
    assert finite.any() and np.all(np.abs(px[finite]) < 1e6) and np.all(np.abs(py[finite]) < 1e6)


def test_step_axes_show_whole_steps_only(qtbot, lab):
    """After three steps the loss plot's x axis read 0.1 … 1.9: steps are whole numbers."""
    for _ in range(3):
        qtbot.mouseClick(lab.trainStepButton, Qt.MouseButton.LeftButton)
    for plot in (lab.lossPlot, lab.paramPlot):
        axis = plot.getAxis("bottom")
        lo, hi = plot.getViewBox().viewRange()[0]
        ticks = [v for _spacing, values in axis.tickValues(lo, hi, axis.width() or 300) for v in values]
        assert ticks and all(float(v).is_integer() for v in ticks), ticks


def test_decimal_commas_are_explained_after_open_csv_and_use_these_columns(qtbot, lab, tmp_path):
    # the columns written with decimal commas were left unticked, so the user read "choose at least one
    # feature column" instead of the hint about the commas (issue 12)
    before = lab.data
    path = tmp_path / "euro.csv"
    path.write_text("size;rooms;price\n50,5;2,5;100,5\n80,25;3,5;160\n120;4;240\n")
    assert lab.open_csv(str(path))
    qtbot.mouseClick(lab.useCsvButton, Qt.MouseButton.LeftButton)
    msg = lab.dataMessageLabel.text()
    assert "euro.csv, line 2" in msg and "(a decimal comma? write 1.5, not 1,5)" in msg, msg
    assert lab.data is before


def test_the_run_keys_step_reset_and_draw_new_weights(qtbot, lab):
    """→ steps, Ctrl+R resets to the same weights, Ctrl+Shift+R takes the next init seed (the lab's own keys)."""
    seed = lab.initSeedSpin.value()
    qtbot.keyClick(lab, Qt.Key.Key_Right)
    qtbot.keyClick(lab, Qt.Key.Key_Right)
    assert lab.session.steps_done == 2
    qtbot.keyClick(lab, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert lab.session.steps_done == 0 and lab.initSeedSpin.value() == seed
    assert "Reset to the same initial weights" in lab.trainingStatusLabel.text()
    qtbot.keyClick(lab, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert lab.initSeedSpin.value() == seed + 1 and lab.session.steps_done == 0
