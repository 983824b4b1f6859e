"""Running a training loop in the GUI: the time-sliced runner and the run-control row every training lab shows.

:class:`TimeSlicedRunner` steps anything :class:`Steppable` on the GUI thread in short slices from a
zero-interval ``QTimer`` (or at a chosen number of steps per second). A pure-Python loop in a worker
thread holds the interpreter lock (100–200 ms GUI latency measured); a 5 ms slice keeps every event within a
few milliseconds, needs no thread to shut down, and is deterministic: the weights equal a headless run's bit
for bit. :class:`RunControls` is the row of Train/Pause, Step, Reset and the speed choice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ..i18n import QT_TRANSLATE_NOOP, translate
from . import texts
from .widgets import tip

FRAME_MS = 30  # repaint period while running (33 Hz: smooth to the eye, leaves ~80 % of the time to training)
RATE_TICK_MS = 20  # with a chosen speed the loop wakes this often and runs the steps that are due
# (steps per second or None, the name shown); None runs as fast as the slices allow
SPEEDS: tuple[tuple[float | None, str], ...] = (  # the names in English, shown translated
    (1.0, QT_TRANSLATE_NOOP("RunControls", "1 step/s")),
    (2.0, QT_TRANSLATE_NOOP("RunControls", "2 steps/s")),
    (5.0, QT_TRANSLATE_NOOP("RunControls", "5 steps/s")),
    (10.0, QT_TRANSLATE_NOOP("RunControls", "10 steps/s")),
    (20.0, QT_TRANSLATE_NOOP("RunControls", "20 steps/s")),
    (30.0, QT_TRANSLATE_NOOP("RunControls", "30 steps/s")),
    (100.0, QT_TRANSLATE_NOOP("RunControls", "100 steps/s")),
    (None, QT_TRANSLATE_NOOP("RunControls", "as fast as possible")),
)
# ❚ is in DejaVu Sans; ⏸ shows as a box
TRAIN_TEXT, PAUSE_TEXT = (
    QT_TRANSLATE_NOOP("RunControls", "▶ Train"),
    QT_TRANSLATE_NOOP("RunControls", "❚❚ Pause"),
)
TIPS = {
    "train": QT_TRANSLATE_NOOP("RunControls", "Start or pause training (Space)."),
    "step": QT_TRANSLATE_NOOP("RunControls", "Run exactly one optimiser step (→)."),
    "reset": QT_TRANSLATE_NOOP(
        "RunControls",
        "Start again from the same initial weights (the seed's) with an empty history (Ctrl+R).",
    ),
    "speed": QT_TRANSLATE_NOOP(
        "RunControls", "Steps per second while training: slow enough to watch, or as fast as possible."
    ),
}


@runtime_checkable
class Steppable(Protocol):
    """Anything that trains step by step (a training session); typing only, no base class needed."""

    def step(self) -> object | None: ...  # one optimiser step; None when stopped

    def run_for(self, seconds: float, max_steps: int | None = None) -> int: ...  # steps run

    @property
    def finished(self) -> bool: ...  # no more steps will run (done, diverged, ...)

    def message(self) -> str: ...  # the run's state in one sentence


class TimeSlicedRunner(QObject):
    """Runs a Steppable on the GUI thread in short slices from a zero-interval QTimer (keeps the event loop
    responsive; deterministic, bit-identical to a headless run). ``frame`` ticks every FRAME_MS while it
    runs: repaint on it, never once per step. ``last_slice_seconds`` is how long the last slice took."""

    progressed = Signal(int)  # steps run in the last slice
    stopped = Signal()  # the target finished, or pause() was called
    frame = Signal()  # time to repaint (every FRAME_MS while running)

    def __init__(self, slice_ms: float = 5.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.slice_seconds = slice_ms / 1000.0
        self.last_slice_seconds = 0.0
        self._target: Steppable | None = None
        self._rate: float | None = None
        self._owed = 0.0  # steps due at a chosen speed but not run yet
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self._frames = QTimer(self)
        self._frames.setInterval(FRAME_MS)
        self._frames.setTimerType(Qt.TimerType.PreciseTimer)
        self._frames.timeout.connect(self.frame)

    def set_target(self, target: Steppable | None) -> None:
        """Run ``target`` from now on (pauses the one running)."""
        self.pause()
        self._target = target

    def is_running(self) -> bool:
        return self._timer.isActive()

    def set_steps_per_second(self, rate: float | None) -> None:
        """Run ``rate`` steps per second, or as fast as possible (None)."""
        if rate is not None and not rate > 0:
            raise ValueError(f"steps per second must be positive, got {rate}")
        self._rate = rate
        self._timer.setInterval(0 if rate is None else min(RATE_TICK_MS, int(1000 / rate)))
        self._owed = 1.0 if rate is not None else 0.0  # a new speed shows at once
        self._last = time.perf_counter()

    def start(self) -> None:
        """Start stepping the target (nothing happens without one, or when it has finished)."""
        if self.is_running() or self._target is None or self._target.finished:
            return
        self._owed = 1.0  # the first step comes at once, whatever the speed
        self._last = time.perf_counter()
        self._timer.start()
        self._frames.start()

    def pause(self) -> None:
        """Stop after the current slice; emits ``stopped`` if it was running."""
        if self.is_running():
            self._stop()

    def _stop(self) -> None:
        self._timer.stop()
        self._frames.stop()
        self.stopped.emit()

    def _due(self) -> int | None:
        """Steps to run in this slice at the chosen speed (None: as many as fit in the slice)."""
        if self._rate is None:
            return None
        now = time.perf_counter()
        self._owed = min(self._owed + self._rate * (now - self._last), max(1.0, self._rate / 10))
        self._last = now
        due = int(self._owed)
        self._owed -= due
        return due

    def _slice(self) -> None:
        target = self._target
        if target is None or target.finished:
            self._stop()
            return
        due = self._due()
        if due == 0:
            return
        t0 = time.perf_counter()
        done = target.run_for(self.slice_seconds, max_steps=due)
        self.last_slice_seconds = time.perf_counter() - t0
        if done:
            self.progressed.emit(done)
        if target.finished:
            self._stop()


def run_keys(train_pause: Callable, step: Callable, reset: Callable) -> list[tuple[str, Callable]]:
    """The keys every lab that trains gives its run row (for :func:`kit.actions.lab_keys`): Space trains or
    pauses, → takes one step, Ctrl+R resets."""
    return [("Space", train_pause), ("Right", step), ("Ctrl+R", reset)]


class RunControls(QWidget):
    """The run row every training lab shows: Train/Pause (checkable), Step, Reset, and a speed choice.

    ``names`` gives the parts' objectNames (keys "train", "step", "reset", "speed"); ``tips`` their
    tooltips and ``label`` the row's title, in English: both are shown translated in the lab's ``context``
    (mark them with ``QT_TRANSLATE_NOOP(context, ...)`` where written). The parts are public (``train_button``, ``step_button``, ``reset_button``, ``speed_combo``)
    for tests and shortcuts."""

    train_toggled = Signal(bool)
    step_requested = Signal()
    reset_requested = Signal()
    speed_changed = Signal(object)  # steps per second (float) or None for as fast as possible

    def __init__(
        self,
        names: dict[str, str],
        tips: dict[str, str] | None = None,
        parent: QWidget | None = None,
        label: str = "",
        speed: float | None = None,
        context: str = "RunControls",
    ) -> None:
        super().__init__(parent)
        contexts = {key: "RunControls" for key in TIPS} | {key: context for key in tips or {}}
        tips = {**TIPS, **(tips or {})}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        if label:
            title = QLabel()
            texts.bind(title.setText, context, label)
            row.addWidget(title)
        self.train_button = tip(QPushButton(), names["train"], tips["train"], contexts["train"])
        self.train_button.setCheckable(True)
        self.train_button.clicked.connect(self.train_toggled)
        self.step_button = tip(QPushButton(), names["step"], tips["step"], contexts["step"])
        self.step_button.clicked.connect(lambda: self.step_requested.emit())
        self.reset_button = tip(QPushButton(), names["reset"], tips["reset"], contexts["reset"])
        self.reset_button.clicked.connect(lambda: self.reset_requested.emit())
        texts.bind(self.train_button.setText, "RunControls", TRAIN_TEXT)
        texts.bind(self.step_button.setText, "RunControls", "Step ▸")
        texts.bind(self.reset_button.setText, "RunControls", "⟲ Reset")
        self.speed_combo = tip(QComboBox(), names["speed"], tips["speed"], contexts["speed"])
        for rate, _text in SPEEDS:
            self.speed_combo.addItem("", rate)
        texts.follow(self._retranslate)
        self.set_speed(speed)
        self.speed_combo.currentIndexChanged.connect(lambda _i: self.speed_changed.emit(self.speed()))
        for b in (self.train_button, self.step_button, self.reset_button):
            b.setMinimumHeight(32)
            row.addWidget(b)
        row.addWidget(self.speed_combo)

    def _retranslate(self) -> None:
        for i, (_rate, text) in enumerate(SPEEDS):
            self.speed_combo.setItemText(i, translate("RunControls", text))

    def attach(self, runner: TimeSlicedRunner) -> None:
        """Drive ``runner``'s speed from the speed choice (the current one at once) and show the Train button
        released whenever the runner stops (finished, or paused)."""
        runner.set_steps_per_second(self.speed())
        self.speed_changed.connect(runner.set_steps_per_second)
        runner.stopped.connect(lambda: self.set_running(False))

    def speed(self) -> float | None:
        """The chosen steps per second (None: as fast as possible)."""
        return self.speed_combo.currentData()

    def set_speed(self, rate: float | None) -> None:
        """Choose ``rate`` steps per second (one of :data:`SPEEDS`; None = as fast as possible)."""
        for i, (r, _text) in enumerate(SPEEDS):
            if r == rate:
                self.speed_combo.setCurrentIndex(i)
                return
        raise ValueError(f"no speed {rate!r}; one of {', '.join(text for _r, text in SPEEDS)}")

    def set_running(self, running: bool) -> None:
        """Show the Train button as running ("❚❚ Pause", pressed) or not ("▶ Train")."""
        self.train_button.setChecked(running)
        texts.bind(self.train_button.setText, "RunControls", PAUSE_TEXT if running else TRAIN_TEXT)
