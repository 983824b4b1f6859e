"""One Network-lab run, Qt-free: a :class:`NetworkSession` builds the model from a spec and trains it on a
dataset exactly as the lab does (same batches, same order, same seeds), records what the plots show and
answers the views' questions (boundary, activation maps, confusion matrix, the tensor graph).

Each step is ``zero_grad`` → forward → loss → ``backward()`` → ``optimizer.step()`` on pycarrot objects;
the session never computes a gradient itself. It implements the kit's Steppable protocol (``step``,
``run_for``, ``finished``, ``message``) and emits psygnal signals ``step_done``, ``run_stopped``, ``diverged``.
"""

from __future__ import annotations

import math
import os
import time

import numpy as np
from psygnal import Signal

import pycarrot as pc

from ..checks import check_index
from ..i18n import format_text, translate
from ..training.batches import EpochBatches, RunProgress
from ..training.history import GrowBuffer
from .datasets import NetData
from .spec import (
    LOSSES,
    NetworkSpec,
    SpecError,
    build_model,
    expand_features,
    linear_layers,
    make_optimizer,
    shown,
)

RUNNING, FINISHED, DIVERGED = "running", "finished", "diverged"
EVAL_ROWS = 5000
CHUNK = 2048  # rows per forward pass when evaluating many points (see outputs)  # accuracy and loss over at most this many rows per evaluation (keeps evaluation cheap)


def check_fit(spec: NetworkSpec, data: NetData) -> None:
    """SpecError unless ``spec`` is valid and made for ``data``'s inputs and classes."""
    spec.validate()
    if spec.inputs != data.inputs or spec.classes != data.classes:
        raise SpecError(
            "inputs",
            format_text(
                "NetworkSession",
                "the network expects {inputs} inputs and {classes} classes; the data has {data_inputs} inputs and {data_classes} classes",
                inputs=spec.inputs,
                classes=spec.classes or translate("NetworkSession", "no"),
                data_inputs=data.inputs,
                data_classes=data.classes or translate("NetworkSession", "no"),
            ),
        )


class NetworkSession(RunProgress):
    """A training run of ``spec`` on ``data``; ``max_steps`` None trains until paused (as Playground does).

    Histories (GrowBuffers, x = step): ``losses`` (the batch loss of each step) and ``grad_norms`` (one
    column per layer: the norm of that layer's weight and bias gradients). Every ``eval_every`` steps, and
    at step 0, the whole train and test sets are evaluated into ``eval_steps``, ``train_loss``,
    ``test_loss``, ``train_acc``, ``test_acc`` (accuracy NaN for regression, test NaN without a test set).
    """

    step_done = Signal(int)  # steps done so far
    run_stopped = Signal(str)  # the state the run stopped in ("finished", "diverged")
    diverged = Signal(int)  # the step whose loss was NaN or infinite
    weights_changed = Signal()  # a weight was edited by hand

    def __init__(
        self, spec: NetworkSpec, data: NetData, max_steps: int | None = None, eval_every: int = 10
    ) -> None:
        check_fit(spec, data)
        self.spec, self.data = spec, data
        self.max_steps, self.eval_every = max_steps, max(1, int(eval_every))
        self.model = build_model(spec)
        self.layers = linear_layers(self.model)
        self.optimizer = make_optimizer(spec, self.model.parameters())
        self.x_train = expand_features(data.x_train, spec.features)
        self.x_test = expand_features(data.x_test, spec.features)
        self.t_train = self.targets(data.y_train)
        self.t_test = self.targets(data.y_test)
        self._batches = EpochBatches(len(self.x_train), spec.batch_size, spec.seed)
        self.batch_size = self._batches.batch_size
        self.steps_per_epoch = self._batches.steps_per_epoch
        self._full = (pc.Carrot(self.x_train, name="x"), pc.Carrot(self.t_train, name="y"))
        self.losses = GrowBuffer()
        self.grad_norms = GrowBuffer(width=len(self.layers))
        self.eval_steps = GrowBuffer()
        self.evals = GrowBuffer(width=4)  # train loss, test loss, train accuracy, test accuracy
        self.steps_done = 0
        self.state = RUNNING
        self.diverged_step: int | None = None
        self.edits: list[tuple[int, int, int, int, float]] = []  # (before step, layer, i, j, value)
        self.loads: list[tuple[int, str]] = []  # (before step, weights file) for the exported script
        self.evaluate()

    # -- targets and outputs ----------------------------------------------------------------------------
    def targets(self, y: np.ndarray) -> np.ndarray:
        """Class indices / values as the loss wants them: indices for cross-entropy, (n, 1) 0/1 for two
        classes, one-hot (n, k) for MSE on k classes, (n, 1) values for regression."""
        if self.spec.classes == 0:
            return np.asarray(y, dtype=np.float64).reshape(-1, 1)
        if self.spec.loss == "cross_entropy":
            return np.asarray(y, dtype=np.int64)
        if self.spec.classes == 2:
            return np.asarray(y, dtype=np.float64).reshape(-1, 1)
        return np.eye(self.spec.classes)[y]

    def loss_of(self, out: pc.Carrot, target) -> pc.Carrot:
        if self.spec.loss == "cross_entropy":
            return pc.cross_entropy(out, target)
        if self.spec.loss == "bce_logits":
            return pc.binary_cross_entropy_with_logits(out, target)
        return pc.mse_loss(out, target)

    def outputs(self, features: np.ndarray) -> np.ndarray:
        """The network's raw outputs (n, n_out) for already expanded features, without recording a graph.

        Evaluated in chunks of ``CHUNK`` rows: a 100×100 grid through a 2-8-8-1 net took 8 ms in one piece and
        2 ms in chunks (the intermediate arrays stay small enough to be reused instead of freshly mapped)."""
        with pc.no_grad(), np.errstate(all="ignore"):
            if len(features) <= CHUNK:
                return self.model(pc.Carrot(features)).data
            parts = [
                self.model(pc.Carrot(features[i : i + CHUNK])).data for i in range(0, len(features), CHUNK)
            ]
            return np.concatenate(parts)

    def scores(self, out: np.ndarray) -> np.ndarray:
        """Outputs as what the boundary shows: P(class 1) (n,) for two classes, class probabilities (n, k)
        for k classes (softmax for cross-entropy, the raw outputs for MSE), the value (n,) for regression."""
        with np.errstate(all="ignore"):
            if self.spec.loss == "bce_logits":
                return 1.0 / (1.0 + np.exp(-out[:, 0]))
            if self.spec.loss == "cross_entropy":
                e = np.exp(out - out.max(axis=1, keepdims=True))
                return e / e.sum(axis=1, keepdims=True)
            return out[:, 0] if out.shape[1] == 1 else out

    def classify(self, out: np.ndarray) -> np.ndarray:
        """Predicted class indices (n,) from raw outputs."""
        if out.shape[1] > 1:
            return np.argmax(out, axis=1)
        threshold = 0.0 if self.spec.loss == "bce_logits" else 0.5
        return (out[:, 0] > threshold).astype(np.int64)

    def predict(self, x_raw: np.ndarray) -> np.ndarray:
        """Predicted classes (or values for regression) for raw inputs, e.g. the test images."""
        out = self.outputs(expand_features(np.asarray(x_raw, dtype=np.float64), self.spec.features))
        return out[:, 0] if self.spec.classes == 0 else self.classify(out)

    # -- stepping ---------------------------------------------------------------------------------------
    def _batch(self) -> tuple[pc.Carrot, pc.Carrot]:
        """The next mini-batch (a fresh seeded permutation at each epoch's start, as the Training lab)."""
        if self._batches.full:
            return self._full
        idx = self._batches.indices(self.steps_done)
        return pc.Carrot(self.x_train[idx], name="x"), pc.Carrot(self.t_train[idx], name="y")

    def step(self) -> float | None:
        """One optimiser step; its batch loss, or None when the run has stopped."""
        if self.state != RUNNING:
            return None
        xb, yb = self._batch()
        with np.errstate(all="ignore"):
            self.optimizer.zero_grad()
            loss = self.loss_of(self.model(xb), yb)
            value = float(loss.data)
            ok = math.isfinite(value)
            if ok:
                loss.backward()
                self.grad_norms.append([self._grad_norm(layer) for layer in self.layers])
                self.optimizer.step()
            else:
                self.grad_norms.append(np.full(len(self.layers), np.nan))
        self.losses.append(value)
        self.steps_done += 1
        if not ok:
            self.state, self.diverged_step = DIVERGED, self.steps_done - 1
        elif self.max_steps is not None and self.steps_done >= self.max_steps:
            self.state = FINISHED
        if self.steps_done % self.eval_every == 0 or self.state != RUNNING:
            self.evaluate()
        if len(self.step_done):  # 10 µs an emit even unheard: only when someone listens
            self.step_done.emit(self.steps_done)
        if not ok:
            self.diverged.emit(self.diverged_step)
        if self.state != RUNNING:
            self.run_stopped.emit(self.state)
        return value

    @staticmethod
    def _grad_norm(layer: pc.Linear) -> float:
        total = 0.0
        for p in (layer.weight, layer.bias):
            if p is not None and p.grad is not None:
                g = p.grad.data
                total += float(np.vdot(g, g))
        return math.sqrt(total)

    def run_for(self, seconds: float, max_steps: int | None = None) -> int:
        """Run steps for about ``seconds`` (at least one while running); returns how many ran."""
        deadline = time.perf_counter() + seconds
        done = 0
        while self.state == RUNNING:
            self.step()
            done += 1
            if (max_steps is not None and done >= max_steps) or time.perf_counter() >= deadline:
                break
        return done

    def run_steps(self, n: int) -> NetworkSession:
        """Run ``n`` steps (fewer if the run stops): headless use in tests, benchmarks and scripts."""
        for _ in range(n):
            if self.step() is None:
                break
        return self

    def extend(self, extra: int) -> None:
        """Allow ``extra`` more steps after ``max_steps`` ran out."""
        if self.max_steps is not None:
            self.max_steps = max(self.max_steps, self.steps_done) + extra
            if self.state == FINISHED:
                self.state = RUNNING

    # -- evaluation ------------------------------------------------------------------------------------
    def _metrics(self, x: np.ndarray, t: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        if len(x) == 0:
            return math.nan, math.nan
        x, t, y = x[:EVAL_ROWS], t[:EVAL_ROWS], y[:EVAL_ROWS]
        out = self.outputs(x)
        with pc.no_grad(), np.errstate(all="ignore"):
            loss = float(self.loss_of(pc.Carrot(out), t).data)
        acc = math.nan if self.spec.classes == 0 else float(np.mean(self.classify(out) == y))
        return loss, acc

    def evaluate(self) -> tuple[float, float, float, float]:
        """Loss and accuracy on the whole train and test sets now; recorded at the current step."""
        tr_loss, tr_acc = self._metrics(self.x_train, self.t_train, self.data.y_train)
        te_loss, te_acc = self._metrics(self.x_test, self.t_test, self.data.y_test)
        row = (tr_loss, te_loss, tr_acc, te_acc)
        if len(self.eval_steps) and self.eval_steps.view()[-1] == self.steps_done:
            self.evals.view()[-1] = row
        else:
            self.eval_steps.append(self.steps_done)
            self.evals.append(row)
        return row

    def history(self) -> dict[str, np.ndarray]:
        """The evaluation history by name (x = ``eval_steps``) for the loss and accuracy plots."""
        e = self.evals.view()
        names = ("train loss", "test loss", "train accuracy", "test accuracy")
        return {"step": self.eval_steps.view(), **{n: e[:, i] for i, n in enumerate(names)}}

    @property
    def accuracy(self) -> tuple[float, float]:
        """(train, test) accuracy at the last evaluation."""
        row = self.evals.view()[-1]
        return float(row[2]), float(row[3])

    def accuracy_text(self) -> str:
        """``train 98.5 % · test 97.0 %`` (the lab's accuracyLabel); losses for regression."""
        tr_loss, te_loss, tr, te = (float(v) for v in self.evals.view()[-1])
        if self.spec.classes == 0:
            return format_text(
                "NetworkSession",
                "train loss {tr_loss:.4g} · test loss {te_loss:.4g}",
                tr_loss=tr_loss,
                te_loss=te_loss,
            )
        test = (
            translate("NetworkSession", "no test set")
            if math.isnan(te)
            else format_text("NetworkSession", "test {value:.1f} %", value=100 * te)
        )
        return format_text("NetworkSession", "train {value:.1f} % · {test}", value=100 * tr, test=test)

    def confusion(self, split: str = "test") -> np.ndarray:
        """(k, k) counts: row = true class, column = predicted class."""
        x, y = (
            (self.data.x_test, self.data.y_test)
            if split == "test"
            else (self.data.x_train, self.data.y_train)
        )
        k = self.spec.classes
        m = np.zeros((k, k), dtype=np.int64)
        if len(x):
            np.add.at(m, (y, self.predict(x)), 1)
        return m

    def predictions(self, split: str = "test") -> tuple[np.ndarray, np.ndarray]:
        """(predicted, true) classes per sample of ``split``, e.g. for the digits grid."""
        x, y = (
            (self.data.x_test, self.data.y_test)
            if split == "test"
            else (self.data.x_train, self.data.y_train)
        )
        return self.predict(x), y

    # -- the input plane --------------------------------------------------------------------------------
    def plane(self, grid: int = 100) -> np.ndarray:
        """(grid², d) raw points covering the data's extent, row by row from the bottom (x₂ min) up."""
        if self.data.extent is None:
            raise ValueError(
                translate("NetworkSession", "this data has no input plane (more than two inputs)")
            )
        if not 2 <= grid <= 400:
            raise ValueError(
                format_text("NetworkSession", "grid: 2 to 400 points per side, got {grid}", grid=grid)
            )
        x0, x1, y0, y1 = self.data.extent
        u = np.linspace(x0, x1, grid)
        if self.data.inputs == 1:
            return u.reshape(-1, 1)
        gx, gy = np.meshgrid(u, np.linspace(y0, y1, grid))
        return np.stack([gx.ravel(), gy.ravel()], axis=1)

    def boundary(self, grid: int = 100) -> np.ndarray:
        """The network over the plane: (grid, grid) P(class 1) or values, or (grid, grid, k) class
        probabilities; rows are x₂ from bottom to top, columns x₁ from left to right. For 1-D data: the
        output along x, shape (grid,)."""
        s = self.scores(self.outputs(expand_features(self.plane(grid), self.spec.features)))
        if self.data.inputs == 1:
            return s
        return s.reshape(grid, grid, *s.shape[1:])

    def layer_outputs(self, features: np.ndarray) -> list[np.ndarray]:
        """Every layer's output for already expanded ``features`` (n, d): the features first, then each
        hidden layer after its activation, then the output layer's raw outputs — (n, width) each."""
        h = pc.Carrot(features)
        outs = [features]
        with pc.no_grad(), np.errstate(all="ignore"):
            for module in self.model:
                h = module(h)
                if isinstance(module, pc.Linear):
                    outs.append(h.data)
                else:
                    outs[-1] = h.data
        return outs

    def activation_maps(self, grid: int = 24) -> list[np.ndarray]:
        """Each neuron's output over the plane: one (grid, grid, width) array per layer, as
        :meth:`layer_outputs` orders them."""
        if self.data.inputs != 2:
            raise ValueError(translate("NetworkSession", "activation maps need 2-D inputs"))
        outs = self.layer_outputs(expand_features(self.plane(grid), self.spec.features))
        return [m.reshape(grid, grid, -1) for m in outs]

    def mean_activations(self, rows: int = 500) -> list[np.ndarray]:
        """Each neuron's mean output over (at most ``rows`` of) the test set — the training set without one —
        one (width,) array per layer as :meth:`layer_outputs` orders them: saturated sigmoids show as ≈ 0 or 1."""
        x = self.x_test if len(self.x_test) else self.x_train
        return [o.mean(axis=0) for o in self.layer_outputs(x[:rows])]

    # -- editing and inspecting --------------------------------------------------------------------------
    def set_weight(self, layer: int, i: int, j: int, value: float) -> None:
        """Set weight ``[i, j]`` (input i → neuron j) of layer ``layer`` (0 = first Linear)."""
        check_index(
            layer,
            len(self.layers),
            ValueError,
            "NetworkSession",
            "layer {layer} does not exist (0 to {value})",
            layer=layer,
        )
        w = self.layers[layer].weight.data
        if not (0 <= i < w.shape[0] and 0 <= j < w.shape[1]):
            raise ValueError(
                format_text(
                    "NetworkSession",
                    "layer {layer} has weights [0..{value}, 0..{value2}]; got [{i}, {j}]",
                    layer=layer,
                    value=w.shape[0] - 1,
                    value2=w.shape[1] - 1,
                    i=i,
                    j=j,
                )
            )
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(
                format_text("NetworkSession", "a weight must be a finite number, got {value}", value=value)
            )
        w[i, j] = value
        self.edits.append((self.steps_done, layer, i, j, value))
        self.evaluate()
        self.weights_changed.emit()

    def save_weights(self, path: str | os.PathLike) -> None:
        """Save the model's weights with ``pc.save`` (a .npz; OSError/ValueError say why it failed)."""
        pc.save(self.model, path)

    def load_weights(self, path: str | os.PathLike) -> None:
        """Load weights saved by :meth:`save_weights` (or ``pc.save``) into this network. A file that does not
        fit (other layer sizes, NaN values, not a weights file) raises ValueError naming it; nothing changes."""
        name = os.path.basename(os.fspath(path))
        state = pc.load(path)
        for key, value in state.items():
            if np.asarray(value).dtype.kind == "f" and not np.all(np.isfinite(value)):
                raise ValueError(
                    format_text(
                        "NetworkSession",
                        "{name}: {key} holds NaN or infinite values; nothing was loaded",
                        name=name,
                        key=key,
                    )
                )
        try:
            self.model.load_state_dict(state)
        except ValueError as exc:
            widths = "-".join(map(str, self.spec.widths))
            raise ValueError(
                format_text(
                    "NetworkSession",
                    "{name} does not fit this {widths} network: {exc}",
                    name=name,
                    widths=widths,
                    exc=exc,
                )
            ) from None
        self.edits = [e for e in self.edits if e[0] != self.steps_done]  # the load replaced them
        self.loads.append((self.steps_done, os.path.abspath(os.fspath(path))))
        self.evaluate()
        self.weights_changed.emit()

    def restore(self, weights, steps_done: int, losses, grad_norms, eval_steps, evals) -> None:
        """Take up a saved run (a lesson): every layer's (weight, bias) (None: keep the seed's), the steps
        done and the histories. ValueError (nothing changed) if a shape does not fit this network. Batches
        continue in the same order (they follow ``steps_done``); an optimiser's momentum or Adam moments
        start again from zero, and the last step's gradients are not kept."""
        layers = len(self.layers)
        hist = [np.asarray(a, dtype=np.float64) for a in (losses, grad_norms, eval_steps, evals)]
        if hist[1].shape != (len(hist[0]), layers) or hist[3].shape != (len(hist[2]), 4):
            raise ValueError(f"the histories do not fit a network of {layers} layers")
        if weights is not None:
            weights = [(np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64)) for w, b in weights]
            want = [(lay.weight.data.shape, lay.bias.data.shape) for lay in self.layers]
            if [(w.shape, b.shape) for w, b in weights] != want:
                widths = "-".join(map(str, self.spec.widths))
                raise ValueError(f"the weights do not fit this {widths} network")
            for lay, (w, b) in zip(self.layers, weights):
                lay.weight.data[...] = w
                lay.bias.data[...] = b
        for buf, values in zip((self.losses, self.grad_norms, self.eval_steps, self.evals), hist):
            buf.clear()
            buf.extend(values)
        self.steps_done = int(steps_done)
        self._batches.skip_to(self.steps_done)
        self.edits, self.loads = [], []
        last = self.losses.view()[-1] if len(self.losses) else 0.0
        if not math.isfinite(last):
            self.state, self.diverged_step = DIVERGED, len(self.losses) - 1
        elif self.max_steps is not None and self.steps_done >= self.max_steps:
            self.state = FINISHED
        else:
            self.state, self.diverged_step = RUNNING, None
        if not len(self.eval_steps):
            self.evaluate()

    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of (weight, bias) of every layer."""
        return [(lay.weight.data.copy(), lay.bias.data.copy()) for lay in self.layers]

    def gradients(self) -> list[np.ndarray | None]:
        """Each layer's weight gradient ∂L/∂W from the last step (None before the first)."""
        return [None if lay.weight.grad is None else lay.weight.grad.data for lay in self.layers]

    def bias_gradients(self) -> list[np.ndarray | None]:
        """Each layer's bias gradient ∂L/∂b from the last step (None before the first)."""
        return [None if lay.bias.grad is None else lay.bias.grad.data for lay in self.layers]

    def next_batch_rows(self) -> np.ndarray:
        """The training rows the next :meth:`step` will train on (all of them, in order, for full batches)."""
        return self._batches.peek(self.steps_done)

    def tensor_graph(self, batch: int = 4, rows: np.ndarray | None = None) -> dict[str, pc.Carrot]:
        """One forward pass on the first ``batch`` training samples (or on the training ``rows`` given, e.g.
        :meth:`next_batch_rows`), built from copies of the parameters (the model's own gradients are
        untouched), named for the Expression lab's graph: ``x``, ``W1``, ``b1``, ``x@W1``, ``z1`` (+ b1),
        ``h1`` (activation), …, ``y``, ``loss`` — the loss last."""
        if rows is None:
            rows = np.arange(max(1, min(batch, len(self.x_train))))
        nodes: dict[str, pc.Carrot] = {"x": pc.Carrot(self.x_train[rows], name="x")}
        h, prev = nodes["x"], "x"
        n = 0
        for module in self.model:
            if isinstance(module, pc.Linear):
                n += 1
                w = nodes[f"W{n}"] = pc.Parameter(module.weight.data.copy(), name=f"W{n}")
                b = nodes[f"b{n}"] = pc.Parameter(module.bias.data.copy(), name=f"b{n}")
                xw = nodes[f"{prev}@W{n}"] = h @ w
                h = nodes[f"z{n}"] = xw + b
                prev = f"z{n}"
            else:
                h = nodes[f"h{n}"] = module(h)
                prev = f"h{n}"
        target = self.t_train[rows]
        nodes["y"] = pc.Carrot(target, name="y")
        nodes["loss"] = self.loss_of(h, nodes["y"])
        return nodes

    def message(self) -> str:
        """The run's state in a sentence for the lab's status line."""
        last = self.losses.view()[-1] if len(self.losses) else None
        if self.state == DIVERGED:
            return format_text(
                "NetworkSession",
                "The loss became {last} at step {diverged_step}: training stopped. The learning rate {learning_rate:g} is too high for this network; try {value:g} and press Reset.",
                last=last,
                diverged_step=self.diverged_step,
                learning_rate=self.spec.learning_rate,
                value=self.spec.learning_rate / 10,
            )
        if last is None:
            return format_text(
                "NetworkSession",
                "Ready: {network}. Press Train (Space) or Step.",
                network=self.spec.describe(),
            )
        text = format_text(
            "NetworkSession",
            "Step {steps_done} (epoch {epoch:.1f}): {loss} {last:.4g} · ",
            steps_done=self.steps_done,
            epoch=self.epoch,
            loss=shown(LOSSES[self.spec.loss]),
            last=last,
        )
        text += self.accuracy_text()
        if self.state == FINISHED:
            text = (
                format_text("NetworkSession", "Finished {steps_done} steps. ", steps_done=self.steps_done)
                + text
            )
        return text
