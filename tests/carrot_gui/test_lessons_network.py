"""The Network lab in lessons, through the window as a teacher uses it: save → open brings back the network, its
data (generated, drawn, digits, a CSV's rows), the weights bit for bit, the curves, the backward stop and the lab
showing; a lesson whose Network part does not fit is refused by name and the lab keeps what it had."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest
from PySide6.QtCore import Qt

from carrot_gui.lessons import open_lesson
from carrot_gui.lessons.format import JSON_NAME


def choose(lab, key):
    lab.dataPanel.datasetCombo.setCurrentIndex(lab.dataPanel.datasetCombo.findData(key))


def snapshot(lab) -> dict:
    """What the lab shows that a lesson must bring back, as arrays and texts."""
    s = lab.session
    h = s.history()
    return {
        "spec": s.spec,
        "x_train": s.data.x_train.copy(),
        "y_test": s.data.y_test.copy(),
        "weights": [(w.copy(), b.copy()) for w, b in s.weights()],
        "steps": s.steps_done,
        "losses": s.losses.view().copy(),
        "norms": s.grad_norms.view().copy(),
        "loss curve": (h["step"].copy(), h["train loss"].copy(), h["test accuracy"].copy()),
        "plotted": lab.lossPlot.curves["train"].getData()[1].copy(),
        "backward": None if lab.backward is None else lab.backward.position,
        "accuracy": lab.accuracyLabel.text(),
        "combo": lab.dataPanel.kind(),
    }


def assert_same(a: dict, b: dict) -> None:
    for key in a:
        x, y = a[key], b[key]
        if key == "weights":
            for (w1, b1), (w2, b2) in zip(x, y, strict=True):
                assert w1.tobytes() == w2.tobytes() and b1.tobytes() == b2.tobytes(), key
        elif isinstance(x, tuple) and x and isinstance(x[0], np.ndarray):
            for u, v in zip(x, y, strict=True):
                np.testing.assert_array_equal(u, v, err_msg=key)
        elif isinstance(x, np.ndarray):
            np.testing.assert_array_equal(x, y, err_msg=key)
        else:
            assert x == y, key


def train_and_step_backward(lab, steps: int, stops: int) -> None:
    for _ in range(steps):
        lab.step_once()
    for _ in range(stops):
        lab.backward_step()


def round_trip(window, lab, tmp_path, change) -> dict:
    """Save, change the lab with ``change()``, open: returns what the lab showed when it was saved."""
    before = snapshot(lab)
    path = tmp_path / "net.carrot"
    assert window.save_lesson(str(path)), window.lessons.last_error
    assert open_lesson(path).scenes[0].lab == "network"
    change()
    window.select_lab("expression")
    assert window.open_lesson(str(path)), window.lessons.last_error
    assert window.current_lab() == "network"
    assert_same(before, snapshot(lab))
    assert not window.lessons.modified()
    return before


def test_a_generated_set_comes_back_with_weights_curves_and_backward_stop(window, tmp_path):
    lab = window.networkLab
    window.select_lab("network")
    choose(lab, "moons")
    lab.dataPanel.samplesSpin.setValue(120)
    lab.buildPanel.learningRateSpin.setValue(0.3)
    train_and_step_backward(lab, 25, 2)
    saved = round_trip(window, lab, tmp_path, lambda: (choose(lab, "circles"), lab.step_once()))
    assert saved["steps"] == 25 and saved["backward"] == 2
    assert lab.dataPanel.samplesSpin.value() == 120 and lab.buildPanel.learningRateSpin.value() == 0.3
    assert lab.backwardControls.isEnabled()
    # training goes on exactly as an unbroken run: the next step's loss as the saved one would have had
    lab.step_once()
    assert lab.session.steps_done == 26 and window.lessons.modified()


def test_drawn_points_come_back(window, tmp_path):
    lab = window.networkLab
    window.select_lab("network")
    rng = np.random.default_rng(1)
    for x1, x2 in rng.uniform(-3, 3, size=(12, 2)):
        lab.dataPanel.add_point(float(x1), float(x2), int(x1 > 0))
    lab.dataPanel.add_point(0.5, 0.5, 2)
    assert lab.session.data.source == "drawn" and lab.session.spec.classes == 3
    train_and_step_backward(lab, 7, 0)
    points = list(lab.dataPanel.drawn.points)
    saved = round_trip(window, lab, tmp_path, lambda: lab.dataPanel.drawn.clear())
    assert saved["combo"] == "drawn" and lab.dataPanel.drawn.points == points
    lab.dataPanel.add_point(-1.0, -1.0, 0)  # drawing goes on from the restored points
    assert len(lab.session.data.x_train) + len(lab.session.data.x_test) == len(points) + 1


def test_the_digits_come_back(window, tmp_path):
    lab = window.networkLab
    window.select_lab("network")
    choose(lab, "digits")
    assert lab.session.data.image_shape == (8, 8)
    train_and_step_backward(lab, 3, 1)
    round_trip(window, lab, tmp_path, lambda: choose(lab, "xor"))
    assert lab.viewTabs.isTabEnabled(1)


def test_a_csv_comes_back_from_the_lesson_without_the_file(window, tmp_path):
    lab = window.networkLab
    window.select_lab("network")
    path = tmp_path / "points.csv"
    rng = np.random.default_rng(0)
    rows = [(a, b, c, int(a + c > 0)) for a, b, c in rng.normal(size=(60, 3))]
    path.write_text("a,b,c,label\n" + "".join(f"{a},{b},{c},{t}\n" for a, b, c, t in rows))
    assert lab.dataPanel.open_csv(str(path))
    lab.dataPanel.csvFeatureList.item(1).setCheckState(Qt.CheckState.Unchecked)  # inputs a and c
    assert lab.dataPanel.use_csv_columns()
    assert lab.session.spec.inputs == 2
    train_and_step_backward(lab, 9, 3)
    lesson = tmp_path / "net.carrot"
    path.unlink()  # the lesson holds the rows, not the path
    round_trip(window, lab, tmp_path, lambda: choose(lab, "xor"))
    assert lesson.exists()
    panel = lab.dataPanel
    ticked = [panel.csvFeatureList.item(i).checkState() == Qt.CheckState.Checked for i in range(3)]
    assert panel.csvTargetCombo.currentText() == "label" and ticked == [True, False, True]
    assert "points.csv: 60 rows" in panel.csvFileLabel.text()
    assert panel.use_csv_columns()  # the restored table can be chosen from again


def _broken(path, damage):
    with zipfile.ZipFile(path) as zf:
        doc = json.loads(zf.read(JSON_NAME))
        npz = zf.read("arrays.npz")
    damage(doc["scenes"][0]["network"])
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(JSON_NAME, json.dumps(doc))
        zf.writestr("arrays.npz", npz)


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda n: n["settings"]["hidden"].__setitem__(0, [0, "tanh"]), "hidden"),
        (lambda n: n["settings"].update(inputs=5), "inputs"),
        (lambda n: n["weights"].pop(), "layer"),
        (lambda n: n["weights"][0].update(weight=n["weights"][1]["weight"]), "weight"),
        (lambda n: n.update(backward=9), "backward"),
    ],
)
def test_a_bad_network_part_is_refused_by_name_and_the_lab_keeps_its_state(window, tmp_path, damage, words):
    lab = window.networkLab
    window.select_lab("network")
    train_and_step_backward(lab, 4, 0)
    path = tmp_path / "bad.carrot"
    assert window.save_lesson(str(path))
    _broken(path, damage)
    lab.step_once()
    before = snapshot(lab)
    assert not window.open_lesson(str(path))
    message = window.lessons.last_error
    assert "bad.carrot" in message and "network" in message and words in message, message
    assert_same(before, snapshot(lab))


def test_a_network_state_the_lab_cannot_take_keeps_the_lab(window, tmp_path, monkeypatch):
    """Past the file's checks (a digits file gone missing, say): refused with the reason, the lab unchanged."""
    from carrot_gui.lessons import network_state
    from carrot_gui.network.datasets import DataError

    lab = window.networkLab
    window.select_lab("network")
    train_and_step_backward(lab, 4, 1)
    path = tmp_path / "net.carrot"
    assert window.save_lesson(str(path))
    lab.step_once()
    window.select_lab("expression")
    before = snapshot(lab)

    def refuse(self):
        raise DataError("cannot read the digits file digits.csv.gz")

    monkeypatch.setattr(network_state.GeneratedSettings, "make", refuse)
    assert not window.open_lesson(str(path))
    assert "Network lab cannot take this lesson" in window.lessons.last_error
    assert_same(before, snapshot(lab))
    assert window.current_lab() == "expression"


# -- the Qt-free model ------------------------------------------------------------------------------------


def test_the_model_round_trips_through_its_lesson_state_and_trains_on_as_before():
    from carrot_gui.network.lab_model import NetworkLabModel

    model = NetworkLabModel()
    model.session.run_steps(23)  # mid-epoch: the restored run must draw the same batches
    state = model.lesson_state(backward=1)
    other = NetworkLabModel()
    emitted = []
    other.session_changed.connect(emitted.append)
    other.apply(state)
    assert emitted == [other.session] and other.preset is None
    for (w1, b1), (w2, b2) in zip(model.session.weights(), other.session.weights(), strict=True):
        assert w1.tobytes() == w2.tobytes() and b1.tobytes() == b2.tobytes()
    for _ in range(30):
        assert other.session.step() == model.session.step()


def test_restore_refuses_weights_of_the_wrong_shape_and_changes_nothing():
    from carrot_gui.network.lab_model import NetworkLabModel

    session = NetworkLabModel().session.run_steps(3)
    weights = session.weights()
    bad = [(w.T, b) for w, b in weights]
    with pytest.raises(ValueError, match="do not fit this 2-4-4-1 network"):
        session.restore(bad, 3, session.losses.view(), session.grad_norms.view(), session.eval_steps.view(),
                        session.evals.view())  # fmt: skip
    with pytest.raises(ValueError, match="histories do not fit"):
        session.restore(weights, 3, np.zeros(3), np.zeros((3, 2)), np.zeros(0), np.zeros((0, 4)))
    assert session.steps_done == 3 and len(session.losses) == 3
    for (w1, _), (w2, _) in zip(weights, session.weights(), strict=True):
        np.testing.assert_array_equal(w1, w2)
