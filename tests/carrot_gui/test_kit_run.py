"""The shared run kit: the time-sliced runner (any Steppable, at a chosen speed or flat out) and the run-control
row, driven as the labs drive them."""

import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from carrot_gui.kit.run import SPEEDS, RunControls, Steppable, TimeSlicedRunner
from carrot_gui.training.data import make_synthetic
from carrot_gui.training.session import TrainConfig, TrainingSession, train_headless

NAMES = {"train": "trainX", "step": "stepX", "reset": "resetX", "speed": "speedX"}


class Counter:
    """A Steppable that counts to ``budget``."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.done = 0

    def step(self):
        if self.finished:
            return None
        self.done += 1
        return self.done

    def run_for(self, seconds: float, max_steps: int | None = None) -> int:
        deadline = time.perf_counter() + seconds
        n = 0
        while not self.finished and (max_steps is None or n < max_steps):
            self.step()
            n += 1
            if time.perf_counter() >= deadline:
                break
        return n

    @property
    def finished(self) -> bool:
        return self.done >= self.budget

    def message(self) -> str:
        return f"{self.done} of {self.budget}"


def test_a_session_is_steppable_and_runs_bit_identical_to_headless(qtbot):
    data = make_synthetic(50, 2.0, 1.0, 0.5, seed=1)
    cfg = TrainConfig(budget=500, batch_size=7)
    session = TrainingSession(data, cfg)
    assert isinstance(session, Steppable)
    runner = TimeSlicedRunner(slice_ms=1.0)
    runner.set_target(session)
    progressed = []
    runner.progressed.connect(progressed.append)
    with qtbot.waitSignal(runner.stopped, timeout=10_000):
        runner.start()
    assert session.finished and not runner.is_running() and sum(progressed) == 500
    ref = train_headless(data, cfg)
    assert np.array_equal(session.weight, ref.weight) and np.array_equal(session.bias, ref.bias)


def test_a_chosen_speed_runs_about_that_many_steps_per_second(qtbot):
    target = Counter(10_000)
    runner = TimeSlicedRunner()
    runner.set_target(target)
    runner.set_steps_per_second(20.0)
    runner.start()
    assert runner.is_running()
    qtbot.wait(1000)
    runner.pause()
    assert 8 <= target.done <= 30, target.done  # ~20, with room for a loaded machine
    runner.set_steps_per_second(None)  # as fast as possible
    runner.start()
    qtbot.wait(300)
    runner.pause()
    assert target.done > 200
    with pytest.raises(ValueError, match="positive"):
        runner.set_steps_per_second(0)


def test_pause_stops_at_once_and_says_so_frames_tick_while_running(qtbot):
    target = Counter(10**9)
    runner = TimeSlicedRunner()
    runner.set_target(target)
    frames = []
    runner.frame.connect(lambda: frames.append(1))
    runner.start()
    qtbot.waitUntil(lambda: len(frames) >= 2, timeout=2000)
    with qtbot.waitSignal(runner.stopped, timeout=1000):
        runner.pause()
    done = target.done
    qtbot.wait(100)
    assert target.done == done and not runner.is_running()
    runner.set_target(None)
    runner.start()  # nothing to run: nothing happens
    assert not runner.is_running()


def test_run_controls_name_their_parts_and_emit_what_was_asked(qtbot):
    controls = RunControls(NAMES, {"train": "Go (Space)."})
    qtbot.addWidget(controls)
    controls.show()
    for key, name in NAMES.items():
        part = controls.findChild(object, name)
        assert part is not None and part.toolTip(), key
    assert controls.train_button.toolTip() == "Go (Space)."
    assert [controls.speed_combo.itemData(i) for i in range(controls.speed_combo.count())] == [
        rate for rate, _text in SPEEDS
    ]
    assert [1.0, 2.0, 5.0, 10.0, 30.0, 100.0, None] == [r for r, _t in SPEEDS if r != 20.0]
    with qtbot.waitSignal(controls.train_toggled) as toggled:
        qtbot.mouseClick(controls.train_button, Qt.MouseButton.LeftButton)
    assert toggled.args == [True]
    controls.set_running(True)
    assert controls.train_button.isChecked() and "Pause" in controls.train_button.text()
    controls.set_running(False)
    assert not controls.train_button.isChecked() and "Train" in controls.train_button.text()
    with qtbot.waitSignal(controls.step_requested):
        qtbot.mouseClick(controls.step_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(controls.reset_requested):
        qtbot.mouseClick(controls.reset_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(controls.speed_changed) as speed:
        controls.set_speed(5.0)
    assert speed.args == [5.0] and controls.speed() == 5.0
    with pytest.raises(ValueError, match="no speed"):
        controls.set_speed(7.0)


def test_attached_controls_set_the_runners_speed_and_release_train_when_it_stops(qtbot):
    controls = RunControls(NAMES, speed=20.0)
    qtbot.addWidget(controls)
    runner = TimeSlicedRunner()
    controls.attach(runner)
    target = Counter(3)
    runner.set_target(target)
    controls.set_speed(None)  # as fast as possible: the 3 steps run at once
    controls.set_running(True)
    with qtbot.waitSignal(runner.stopped, timeout=2000):
        runner.start()
    assert target.finished and not controls.train_button.isChecked()
    assert "Train" in controls.train_button.text()
    slow = Counter(100)
    runner.set_target(slow)
    controls.set_speed(2.0)
    runner.start()
    qtbot.wait(700)
    runner.pause()
    assert 1 <= slow.done <= 4, slow.done  # 2 steps/s (the first at once)
