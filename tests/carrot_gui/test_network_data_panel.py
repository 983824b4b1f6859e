"""The Network lab's data panel as a user drives it: choosing sets, settings, features, drawing, CSV, digits."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from carrot_gui.network.presets import preset
from carrot_gui.network.qt.data_panel import DataPanel


@pytest.fixture
def panel(shown, quiet_errors):
    return shown(DataPanel(), record="data_changed")


def choose(panel, key):
    panel.datasetCombo.setCurrentIndex(panel.datasetCombo.findData(key))


def test_opens_with_data_and_regenerates_on_each_setting(panel):
    first = panel.data()
    assert first is not None and first.title == "Two blobs" and first.n_train == 140
    choose(panel, "spiral")
    assert panel.emitted[-1].classes == 3 and panel.emitted[-1].title.startswith("Spiral")
    panel.samplesSpin.setValue(300)
    assert panel.data().n_train + panel.data().n_test == 300
    panel.testShareSpin.setValue(50)
    assert panel.data().n_test == 150
    before = panel.data().x_train.copy()
    panel.dataSeedSpin.setValue(5)
    assert not np.array_equal(before, panel.data().x_train)
    assert "Spiral (3 classes): 150 train + 150 test samples" in panel.dataMessageLabel.text()


def test_features_follow_the_ticks_and_one_stays(qtbot, panel):
    feats = []
    panel.features_changed.connect(feats.append)
    qtbot.mouseClick(panel.featureChecks["x1*x2"], Qt.MouseButton.LeftButton)
    assert feats[-1] == ("x1", "x2", "x1*x2")
    qtbot.mouseClick(panel.featureChecks["x1"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.featureChecks["x2"], Qt.MouseButton.LeftButton)
    assert feats[-1] == ("x1*x2",)
    qtbot.mouseClick(panel.featureChecks["x1*x2"], Qt.MouseButton.LeftButton)  # the last one: refused
    assert panel.featureChecks["x1*x2"].isChecked() and panel.features() == ("x1*x2",)
    assert "at least one input feature" in panel.dataMessageLabel.text()
    choose(panel, "sine")  # 1-D data: only x₁ features can be used
    assert not panel.featureChecks["x2"].isEnabled() and panel.featureChecks["sin(x1)"].isEnabled()


def test_drawing_and_removing_points_changes_the_dataset(panel):
    choose(panel, "drawn")
    assert "two different classes" in panel.dataMessageLabel.text()
    assert panel.drawClassCombo.isVisible()
    n = len(panel.emitted)
    panel.drawn.add(-1.0, -1.0, panel.drawClassCombo.currentData())
    panel.drawClassCombo.setCurrentIndex(1)
    panel.drawn.add(1.0, 1.0, panel.drawClassCombo.currentData())
    panel.drawn.add(1.5, 1.0, 1)
    panel.testShareSpin.setValue(0)
    d = panel.data()
    assert d.source == "drawn" and d.n_train == 3 and len(panel.emitted) > n
    panel.drawn.remove_nearest(1.4, 1.0)
    assert panel.data().n_train == 2
    panel.clearPointsButton.click()
    assert panel.data().n_train == 2 and "two different classes" in panel.dataMessageLabel.text()


def test_digits(panel):
    choose(panel, "digits")
    d = panel.data()
    assert d.inputs == 64 and d.classes == 10 and not panel.featuresBox.isVisible()
    assert panel.features() == ()
    assert not panel.samplesSpin.isVisible() and not panel.noiseSpin.isVisible()  # a fixed set
    choose(panel, "moons")
    assert panel.samplesSpin.isVisible() and panel.featuresBox.isVisible()


def test_csv_with_the_training_labs_reader(tmp_path, panel):
    path = tmp_path / "points.csv"
    rng = np.random.default_rng(0)
    rows = [(a, b, c, int(a + c > 0)) for a, b, c in rng.normal(size=(50, 3))]
    path.write_text("a,b,c,label\n" + "".join(f"{a},{b},{c},{t}\n" for a, b, c, t in rows))
    assert panel.open_csv(str(path))
    assert panel.csvBox.isVisible() and panel.csvTargetCombo.currentText() == "label"
    assert [panel.csvFeatureList.item(i).text() for i in range(3)] == ["a", "b", "c"]
    panel.useCsvButton.click()
    d = panel.data()
    assert d.inputs == 3 and d.classes == 2 and d.n_train == 35
    panel.csvTargetCombo.setCurrentIndex(0)  # target "a": real numbers, not classes
    panel.useCsvButton.click()
    assert "different values" in panel.dataMessageLabel.text() and panel.data() is d  # refused, data kept
    panel.csvClassesCheck.setChecked(False)
    panel.useCsvButton.click()
    assert panel.data().classes == 0


def test_a_bad_csv_keeps_the_data(tmp_path, panel):
    before = panel.data()
    bad = tmp_path / "bad.csv"
    bad.write_text("only one column\n1\n2\n")
    assert not panel.open_csv(str(bad))
    assert "CSV not loaded" in panel.dataMessageLabel.text() and panel.data() is before


def test_presets_set_their_data(panel):
    assert panel.apply_preset(preset("Circles"))
    assert panel.data().title == "Circles" and panel.features() == ("x1", "x2", "x1^2", "x2^2")
    assert panel.apply_preset(preset("Digits"))
    assert panel.data().classes == 10 and panel.data().n_test == 359
    assert not panel.samplesSpin.isVisible() and not panel.featuresBox.isVisible()


def test_clicks_from_the_plot_add_and_remove_points(panel):
    classes = []
    panel.draw_class_changed.connect(classes.append)
    assert panel.add_point(-2.0, 1.0)  # switches to "Draw your own", class 0
    assert panel.kind() == "drawn"
    panel.drawClassCombo.setCurrentIndex(2)
    assert classes == [2]
    assert panel.add_point(2.0, 1.0)
    assert panel.data().classes == 3 and panel.data().n_train + panel.data().n_test == 2
    assert not panel.add_point(50.0, 0.0)
    assert "inside the plane" in panel.dataMessageLabel.text()
    assert panel.remove_point(2.1, 1.0) and not panel.remove_point(0.0, -3.0)
    assert len(panel.drawn) == 1
