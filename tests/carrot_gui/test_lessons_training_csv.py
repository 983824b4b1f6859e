"""The Training lab's CSV data in lessons: the rows (not the path) are kept, and opening brings back the same
columns, curve and weights even after the file is gone; a restored run trains on the same batches."""

from __future__ import annotations

import numpy as np

from carrot_gui.lessons import open_lesson
from carrot_gui.training.data import make_synthetic
from carrot_gui.training.session import TrainConfig, TrainingSession


def test_a_csv_comes_back_from_the_lesson_after_the_file_is_gone(window, tmp_path):
    lab = window.trainingLab
    window.select_lab("training")
    csv = tmp_path / "rooms.csv"
    rng = np.random.default_rng(2)
    rows = [(a, b, c, 3 * a - b + 0.1 * c) for a, b, c in rng.normal(size=(40, 3))]
    csv.write_text("size,age,noise,price\n" + "".join(f"{a},{b},{c},{t}\n" for a, b, c, t in rows))
    assert lab.dataPanel.load_csv(str(csv), "price", ["size", "age"])
    lab.standardiseCheck.setChecked(True)
    for _ in range(9):
        lab.step_once()
    losses, weight = lab.session.losses.view().copy(), lab.session.weight.copy()
    path = tmp_path / "csv.carrot"
    assert window.save_lesson(str(path)), window.lessons.last_error
    data = open_lesson(path).scenes[0].training.data
    assert data.kind == "csv" and data.name == "rooms.csv" and str(tmp_path) not in repr(data.to_dict())
    assert (data.target, data.features, len(data.rows)) == ("price", ("size", "age"), 40)

    csv.unlink()
    assert lab.generate_data()  # the synthetic tab's data instead
    window.select_lab("expression")
    assert window.open_lesson(str(path)), window.lessons.last_error
    assert window.current_lab() == "training"
    assert lab.data.n_features == 2 and lab.standardiseCheck.isChecked()
    np.testing.assert_array_equal(lab.session.losses.view(), losses)
    np.testing.assert_array_equal(lab.session.weight, weight)
    panel = lab.dataPanel
    assert panel.dataSourceTabs.currentIndex() == 1 and panel.csvTargetCombo.currentText() == "price"
    assert "rooms.csv: 40 rows" in panel.csvFileLabel.text()
    assert not window.lessons.modified()


def test_a_restored_run_trains_on_the_same_batches_as_an_unbroken_one():
    data = make_synthetic(50, [2.0], 1.0, 0.5, seed=0)
    config = TrainConfig(batch_size=8)  # 7 steps an epoch: stop in the middle of the second
    unbroken = TrainingSession(data, config)
    for _ in range(10):
        unbroken.step()
    w = np.concatenate([unbroken.weight.reshape(-1), unbroken.bias.reshape(-1)])
    restored = TrainingSession(data, config)
    restored.restore(unbroken.losses.view(), unbroken.params.view(), w)
    for _ in range(12):
        assert restored.step() == unbroken.step()
