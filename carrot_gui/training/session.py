"""One training run, Qt-free: ``Linear(d, 1)`` + ``mse_loss`` + SGD/Adam from pycarrot, stepped on demand.

The app never computes a gradient itself: each step is ``zero_grad`` → forward → ``mse_loss`` →
``backward()`` → ``optimizer.step()`` on pycarrot objects. The session records every step's loss and the
parameters that produced it in growing buffers (the plots read them), stops after its budget of steps or
epochs, below an optional loss threshold, or at the first NaN/inf loss (divergence), and never lets a NumPy
floating-point warning escape. :meth:`TrainingSession.run` is the plain generator form; :meth:`run_for`
runs steps for a slice of time (what the lab's timer calls). Same data + same config = same weights, bit
for bit, however the steps are sliced.

Evented (psygnal, no Qt): ``step_done(steps so far)`` after :meth:`step` and once per :meth:`run_for` slice
(never per step inside a slice: an emit costs ~3 µs, 5 % of a step), ``run_stopped(state name)`` when the
run stops by itself, ``diverged(step)`` at the first non-finite loss. Views subscribe instead of asking.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from psygnal import Signal

import pycarrot as pc

from ..checks import check_index
from ..i18n import format_text, translate
from .advice import LrAdvice, advise, divergence_advice
from .batches import EpochBatches, RunProgress
from .data import Dataset
from .history import GrowBuffer

OPTIMIZERS = ("SGD", "Adam")


class RunState(enum.Enum):
    """Where a run is: still running, or why it stopped."""

    RUNNING = "running"
    FINISHED = "finished"  # its budget of steps or epochs is used up (Train again extends it)
    CONVERGED = "converged"  # the loss fell below the threshold
    DIVERGED = "diverged"  # the loss became NaN or inf


RUNNING, FINISHED, CONVERGED, DIVERGED = RunState


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a run. ``batch_size`` 0 means full batch; ``budget`` counts ``unit``s."""

    optimizer: str = "SGD"
    learning_rate: float = 0.05
    weight_decay: float = 0.0
    momentum: float = 0.0
    batch_size: int = 0
    budget: int = 300
    unit: str = "steps"  # or "epochs"
    loss_threshold: float | None = None  # stop when the loss falls below this
    seed: int = 0  # initial weights (pc.manual_seed) and mini-batch order

    def validated(self) -> TrainConfig:
        """This config if every field makes sense, else ValueError naming the field."""
        self._check_optimizer()
        self._check_budget()
        return self

    def _check_optimizer(self) -> None:
        """ValueError naming the first bad optimiser field (name, learning rate, weight decay, momentum)."""
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(
                format_text(
                    "TrainingSession",
                    "optimizer must be one of {names}, got {optimizer!r}",
                    names=", ".join(OPTIMIZERS),
                    optimizer=self.optimizer,
                )
            )
        if not (math.isfinite(self.learning_rate) and self.learning_rate > 0):
            raise ValueError(
                format_text(
                    "TrainingSession",
                    "learning rate must be a positive number, got {learning_rate}",
                    learning_rate=self.learning_rate,
                )
            )
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            raise ValueError(
                format_text(
                    "TrainingSession",
                    "weight decay must be ≥ 0, got {weight_decay}",
                    weight_decay=self.weight_decay,
                )
            )
        if not (math.isfinite(self.momentum) and 0 <= self.momentum < 1):
            raise ValueError(
                format_text(
                    "TrainingSession", "momentum must be in [0, 1), got {momentum}", momentum=self.momentum
                )
            )

    def _check_budget(self) -> None:
        """ValueError naming the first bad run-length field (batch size, budget, unit, loss threshold)."""
        if self.batch_size < 0:
            raise ValueError(
                format_text(
                    "TrainingSession",
                    "batch size must be ≥ 0 (0 = full batch), got {batch_size}",
                    batch_size=self.batch_size,
                )
            )
        if self.budget < 1:
            raise ValueError(
                format_text(
                    "TrainingSession",
                    "number of {unit} must be at least 1, got {budget}",
                    unit=self.unit,
                    budget=self.budget,
                )
            )
        if self.unit not in ("steps", "epochs"):
            raise ValueError(
                format_text(
                    "TrainingSession", "unit must be 'steps' or 'epochs', got {unit!r}", unit=self.unit
                )
            )
        if self.loss_threshold is not None and not (self.loss_threshold >= 0):
            raise ValueError(
                format_text(
                    "TrainingSession",
                    "loss threshold must be ≥ 0, got {loss_threshold}",
                    loss_threshold=self.loss_threshold,
                )
            )


@dataclass(frozen=True)
class StepResult:
    """What one step did: its index (from 0), the loss, and the parameters that produced that loss."""

    step: int
    loss: float
    weight: np.ndarray  # (d, 1)
    bias: np.ndarray  # (1,)
    state: RunState


class TrainingSession(RunProgress):
    """A training run on ``data`` with ``config``; call :meth:`step`, :meth:`run` or :meth:`run_for`."""

    running_state = RUNNING  # for RunProgress.finished
    step_done = Signal(int)  # steps done so far
    run_stopped = Signal(str)  # the RunState's value, when the run stops by itself
    diverged = Signal(int)  # the step whose loss was not finite

    def __init__(self, data: Dataset, config: TrainConfig | None = None) -> None:
        self.data = data
        self.config = (config or TrainConfig()).validated()
        n, d = data.x.shape
        self._batches = EpochBatches(n, self.config.batch_size, self.config.seed)
        self.batch_size = self._batches.batch_size
        self.steps_per_epoch = self._batches.steps_per_epoch
        self.max_steps = self.config.budget * (self.steps_per_epoch if self.config.unit == "epochs" else 1)
        pc.manual_seed(self.config.seed)
        self.model = pc.Linear(d, 1)
        self._weight = self.model.weight
        self._bias = self.model.bias
        params = self.model.parameters()
        if self.config.optimizer == "SGD":
            self.optimizer = pc.SGD(
                params,
                learning_rate=self.config.learning_rate,
                weight_decay=self.config.weight_decay,
                momentum=self.config.momentum,
            )
        else:
            self.optimizer = pc.Adam(
                params, learning_rate=self.config.learning_rate, weight_decay=self.config.weight_decay
            )
        self._x_full = pc.Carrot(data.x, name="x")
        self._y_full = pc.Carrot(data.y, name="y")
        self.losses = GrowBuffer()  # loss of step k
        self.params = GrowBuffer(width=d + 1)  # [w_1..w_d, b] that produced loss k
        self.steps_done = 0
        self.state = RUNNING
        self.diverged_step: int | None = None

    # -- parameters -----------------------------------------------------------------------------------
    @property
    def weight(self) -> np.ndarray:
        return np.asarray(self._weight.data).reshape(-1, 1)

    @property
    def bias(self) -> np.ndarray:
        return np.asarray(self._bias.data).reshape(-1)

    def predict(
        self, x: np.ndarray, weight: np.ndarray | None = None, bias: np.ndarray | None = None
    ) -> np.ndarray:
        """x @ weight + bias with the current (or given) parameters, as plain NumPy for the plots."""
        w = self.weight if weight is None else np.asarray(weight).reshape(-1, 1)
        b = self.bias if bias is None else np.asarray(bias).reshape(-1)
        with np.errstate(all="ignore"):
            return np.asarray(x) @ w + b

    def params_at(self, step: int) -> tuple[np.ndarray, np.ndarray]:
        """(weight (d, 1), bias (1,)) as they were when step ``step`` computed its loss."""
        check_index(
            step,
            len(self.params),
            IndexError,
            "TrainingSession",
            "step {step} is not in the history (0..{value})",
            step=step,
        )
        row = self.params.view()[step]
        return row[:-1].reshape(-1, 1).copy(), row[-1:].copy()

    # -- stepping -------------------------------------------------------------------------------------
    def _batch(self) -> tuple[pc.Carrot, pc.Carrot]:
        if self._batches.full:
            return self._x_full, self._y_full
        idx = self._batches.indices(self.steps_done)
        return pc.Carrot(self.data.x[idx], name="x"), pc.Carrot(self.data.y[idx], name="y")

    def _advance(self) -> StepResult | None:
        """One optimiser step without the ``step_done`` event (the loops emit once per call)."""
        if self.state != RUNNING:
            return None
        xb, yb = self._batch()
        w_before = self._weight.data.reshape(-1).copy()
        b_before = self._bias.data.reshape(-1).copy()
        with np.errstate(all="ignore"):
            self.optimizer.zero_grad()
            loss = pc.mse_loss(self.model(xb), yb)
            value = float(loss.data)
            k = self.steps_done
            if math.isfinite(value):
                loss.backward()
                self.optimizer.step()
        self.losses.append(value)
        self.params.append(np.concatenate([w_before, b_before]))
        self.steps_done += 1
        if not math.isfinite(value):
            self.state = DIVERGED
            self.diverged_step = k
        elif self.config.loss_threshold is not None and value < self.config.loss_threshold:
            self.state = CONVERGED
        elif self.steps_done >= self.max_steps:
            self.state = FINISHED
        if self.state != RUNNING:
            self._stopped()
        return StepResult(k, value, w_before.reshape(-1, 1), b_before, self.state)

    def _stopped(self) -> None:
        if self.state == DIVERGED:
            self.diverged.emit(self.diverged_step)
        self.run_stopped.emit(self.state.value)

    def step(self) -> StepResult | None:
        """One optimiser step; None when the run has already stopped."""
        result = self._advance()
        if result is not None:
            self.step_done.emit(self.steps_done)
        return result

    def run(self) -> Iterator[StepResult]:
        """The run as a plain generator: yields each step until it stops."""
        while self.state == RUNNING:
            result = self.step()
            if result is None:
                return
            yield result

    def run_for(self, seconds: float, max_steps: int | None = None) -> int:
        """Run steps for about ``seconds`` (at least one if still running); returns how many ran."""
        deadline = time.perf_counter() + seconds
        done = 0
        advance = self._advance
        while self.state == RUNNING:
            advance()
            done += 1
            if (max_steps is not None and done >= max_steps) or time.perf_counter() >= deadline:
                break
        if done:
            self.step_done.emit(self.steps_done)
        return done

    def run_to_end(self) -> TrainingSession:
        """Run until the session stops (headless use: tests, benchmarks, scripts)."""
        before = self.steps_done
        while self.state == RUNNING:
            self._advance()
        if self.steps_done > before:
            self.step_done.emit(self.steps_done)
        return self

    def extend(self, extra: int) -> None:
        """Allow ``extra`` more steps/epochs after the budget ran out (the Train button pressed again)."""
        if self.state == FINISHED:
            self.state = RUNNING
        self.max_steps = max(self.max_steps, self.steps_done) + extra * (
            self.steps_per_epoch if self.config.unit == "epochs" else 1
        )

    # -- explaining -----------------------------------------------------------------------------------
    @property
    def advice(self) -> LrAdvice:
        """What the mathematics says about this run's learning rate (see :mod:`.advice`)."""
        return advise(self.data.curvature, self.config, self.data.n_samples)

    def message(self) -> str:
        """The run's state in a sentence for the lab's status line."""
        last = self.losses.view()[-1] if len(self.losses) else None
        if self.state == DIVERGED:
            text = format_text(
                "TrainingSession",
                "The loss diverged at step {diverged_step} (it became {last}). {value}, and press Train for a new run.",
                diverged_step=self.diverged_step,
                last=last,
                value=divergence_advice(self.advice, self.config.learning_rate),
            )
            if not self.data.standardised and float(np.max(np.abs(self.data.x))) > 10:
                text += translate(
                    "TrainingSession", " Standardising the features (large values here) also helps."
                )
            return text
        if self.state == CONVERGED:
            return format_text(
                "TrainingSession",
                "Stopped at step {value}: loss {last:.6g} fell below {loss_threshold:g}.",
                value=self.steps_done - 1,
                last=last,
                loss_threshold=self.config.loss_threshold,
            )
        if self.state == FINISHED:
            unit = (
                format_text("TrainingSession", "{budget} epochs", budget=self.config.budget)
                if self.config.unit == "epochs"
                else format_text("TrainingSession", "{max_steps} steps", max_steps=self.max_steps)
            )
            return format_text(
                "TrainingSession", "Finished {unit}: final loss {last:.6g}.", unit=unit, last=last
            )
        if last is None:
            return translate("TrainingSession", "Ready: press Train (Space) or Step.")
        return format_text(
            "TrainingSession", "Step {steps_done}, loss {last:.6g}", steps_done=self.steps_done, last=last
        )

    def step_graph(self, batch: int = 4) -> dict[str, pc.Carrot]:
        """One training step's graph on the first ``batch`` samples, built with pycarrot ops from copies of
        the current parameters (the model's own gradients are untouched), for the Expression lab:
        ``{"x", "y", "weight", "bias", "x @ weight" as "xw", "pred", "loss"}`` — the loss last."""
        k = max(1, min(batch, self.data.n_samples))
        x = pc.Carrot(self.data.x[:k].copy(), name="x")
        y = pc.Carrot(self.data.y[:k].copy(), name="y")
        weight = pc.Parameter(self._weight.data.copy(), name="weight")
        bias = pc.Parameter(self._bias.data.copy(), name="bias")
        xw = x @ weight
        pred = xw + bias
        loss = pc.mse_loss(pred, y)
        return {"x": x, "y": y, "weight": weight, "bias": bias, "xw": xw, "pred": pred, "loss": loss}

    def history_table(self, smoothed: np.ndarray | None = None) -> tuple[list[str], Iterator[list]]:
        """The history as a table for a CSV file: a header and one row per step (step, loss, smoothed loss
        from ``smoothed``, NaN where it has none, and the parameters that produced that loss), with every
        float written in full (``repr``) so the file reads back bit for bit."""
        names = [f"weight_{n}" for n in self.data.feature_names] + ["bias"]
        losses, params = self.losses.view(), self.params.view()
        sm = np.full(losses.size, np.nan) if smoothed is None else smoothed

        def rows() -> Iterator[list]:
            for k in range(losses.size):
                s = sm[k] if k < sm.size else float("nan")
                yield [k, repr(float(losses[k])), repr(float(s)), *(repr(float(v)) for v in params[k])]

        return ["step", "loss", "smoothed_loss", *names], rows()

    def restore(self, losses: np.ndarray, params: np.ndarray, weights: np.ndarray | None) -> None:
        """Take up a saved run (a lesson): its losses, the parameters behind each, and the weights now
        (``[w_1..w_d, b]``). Mini-batches continue in the same order (they follow ``steps_done``); an
        optimiser's momentum or Adam moments start again from zero."""
        self.losses.clear()
        self.losses.extend(np.asarray(losses, dtype=np.float64))
        self.params.clear()
        self.params.extend(np.asarray(params, dtype=np.float64))
        self.steps_done = len(self.losses)
        self._batches.skip_to(self.steps_done)
        if weights is not None:
            w = np.asarray(weights, dtype=np.float64)
            self.model.load_state_dict({"weight": w[:-1].reshape(-1, 1), "bias": w[-1:]})
        last = self.losses.view()[-1] if self.steps_done else 0.0
        threshold = self.config.loss_threshold
        if not math.isfinite(last):
            self.state, self.diverged_step = DIVERGED, self.steps_done - 1
        elif threshold is not None and self.steps_done and last < threshold:
            self.state = CONVERGED
        elif self.steps_done >= self.max_steps:
            self.state = FINISHED
        else:
            self.state = RUNNING


def train_headless(data: Dataset, config: TrainConfig | None = None) -> TrainingSession:
    """A whole run without any GUI, for tests and benchmarks; returns the finished session."""
    return TrainingSession(data, config).run_to_end()
