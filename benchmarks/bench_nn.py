"""Training speed and memory of pycarrot.nn against PyTorch CPU eager (if installed): float64, one thread,
ratios measured in one run.

    python benchmarks/bench_nn.py            # prints a markdown table for the README
    python benchmarks/bench_nn.py --quick    # fewer repeats

Targets (issue 3): full-batch linear regression 1000×10 → 1, 1000 steps of Linear + mse_loss + SGD ≤ 0.5×
PyTorch's; a 784→128→10 tanh MLP on a batch of 256, 200 steps ≤ 1.15× PyTorch's, with the engine's own work
(everything but the NumPy arithmetic a hand-written step does) ≤ 15 % of a step; memory flat over 10,000
training steps with gc.disable(). Issue 11: the same MLP with mse_loss ≤ 1.15× the step written by hand in
NumPy, per step, interleaved.
"""

from __future__ import annotations

import functools
import gc
import sys
import time
import tracemalloc
from typing import Any

import _common  # noqa: F401  (first: pins BLAS to one thread before NumPy loads)
import numpy as np
from _common import best_times, print_table, torch
from machine import print_machine_speed

import pycarrot as pc
import pycarrot.nn as nn
import pycarrot.nn.functional as F
import pycarrot.optim as optim

REPEATS = 3 if "--quick" in sys.argv else 7


# ---------------------------------------------------------------------------------------------------------
# Full-batch linear regression: 1000×10 → 1, 1000 steps
# ---------------------------------------------------------------------------------------------------------

LR_STEPS = 1000
_r = np.random.default_rng(0)
LR_X = _r.normal(size=(1000, 10))
LR_Y = LR_X @ _r.normal(size=(10, 1)) + 0.5 + 0.1 * _r.normal(size=(1000, 1))


def training_loop(model: Any, opt: Any, x: Any, y: Any, loss_fn: Any, steps: int) -> float:
    """The plain loop both engines run: the loss, zero_grad(), backward(), step(); the last loss."""
    for _ in range(steps):
        loss = loss_fn(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return loss.item()


def carrot_training(
    model: nn.Module, x: np.ndarray, y: Any, lr: float, steps: int, loss_fn=F.mse_loss
) -> float:
    """pycarrot's SGD training with the loss (mse_loss unless told)."""
    opt = optim.SGD(model.parameters(), learning_rate=lr)
    target = pc.Carrot(y) if loss_fn is F.mse_loss else y
    return training_loop(model, opt, pc.Carrot(x), target, loss_fn, steps)


def carrot_linreg(steps: int = LR_STEPS) -> float:
    pc.manual_seed(0)
    return carrot_training(nn.Linear(10, 1), LR_X, LR_Y, 0.05, steps)


def torch_linreg(steps: int = LR_STEPS) -> float:
    torch.manual_seed(0)
    model = torch.nn.Linear(10, 1, dtype=torch.float64)
    return torch_training(model, LR_X, LR_Y, 0.05, steps, torch.nn.functional.mse_loss)


def torch_training(model: Any, x: np.ndarray, y: np.ndarray, lr: float, steps: int, loss_fn: Any) -> float:
    """PyTorch's SGD training with the loss."""
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    return training_loop(model, opt, torch.from_numpy(x), torch.from_numpy(y), loss_fn, steps)


def numpy_linreg(steps: int = LR_STEPS) -> float:
    """The same training written by hand in NumPy: the floor any engine pays."""
    w = np.zeros((10, 1))
    b = np.zeros(1)
    n = LR_Y.size
    for _ in range(steps):
        diff = LR_X @ w + b - LR_Y
        loss = np.vdot(diff, diff) / n
        g = diff * (2.0 / n)
        w -= 0.05 * (LR_X.T @ g)
        b -= 0.05 * g.sum(axis=0)
    return float(loss)


# ---------------------------------------------------------------------------------------------------------
# MLP 784 → 128 → 10 (tanh), batch 256, 200 steps, softmax cross-entropy
# ---------------------------------------------------------------------------------------------------------

MLP_STEPS = 200
MLP_X = _r.normal(size=(256, 784))
MLP_T = _r.integers(0, 10, size=256)


def carrot_mlp(steps: int = MLP_STEPS) -> float:
    pc.manual_seed(0)
    model = nn.Sequential(nn.Linear(784, 128), nn.Tanh(), nn.Linear(128, 10))
    return carrot_training(model, MLP_X, MLP_T, 0.01, steps, loss_fn=F.cross_entropy)


def torch_mlp(steps: int = MLP_STEPS) -> float:
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 128, dtype=torch.float64),
        torch.nn.Tanh(),
        torch.nn.Linear(128, 10, dtype=torch.float64),
    )
    return torch_training(model, MLP_X, MLP_T, 0.01, steps, torch.nn.functional.cross_entropy)


def numpy_mlp(steps: int = MLP_STEPS, matmuls_only: bool = False) -> float:
    """The MLP step by hand in NumPy (5 matrix products); with ``matmuls_only`` just those products."""
    r = np.random.default_rng(0)
    w1, b1 = r.uniform(-0.035, 0.035, (784, 128)), np.zeros(128)
    w2, b2 = r.uniform(-0.088, 0.088, (128, 10)), np.zeros(10)
    n = MLP_T.size
    rows = np.arange(n)
    if matmuls_only:
        h = np.tanh(MLP_X @ w1)
        g = np.ones((n, 10))
        gh = np.ones((n, 128))
        for _ in range(steps):
            MLP_X @ w1
            h @ w2
            h.T @ g
            g @ w2.T
            MLP_X.T @ gh
        return 0.0
    for _ in range(steps):
        h = np.tanh(MLP_X @ w1 + b1)
        z = h @ w2 + b2
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[rows, MLP_T].mean()
        g = np.exp(logp)
        g[rows, MLP_T] -= 1.0
        g /= n
        _numpy_mlp_backward(g, h, w1, b1, w2, b2)
    return float(loss)


def _numpy_mlp_backward(g: np.ndarray, h: np.ndarray, w1, b1, w2, b2) -> None:
    """The hand-written backward pass from the logits' gradient ``g``, and the SGD update (lr 0.01)."""
    gw2, gb2 = h.T @ g, g.sum(axis=0)
    gh = (g @ w2.T) * (1.0 - h * h)
    gw1, gb1 = MLP_X.T @ gh, gh.sum(axis=0)
    w1 -= 0.01 * gw1
    b1 -= 0.01 * gb1
    w2 -= 0.01 * gw2
    b2 -= 0.01 * gb2


# Issue 11: the same MLP with mse_loss against one-hot targets, per step, against the step written by hand in
# NumPy (the matrix products are the same, so the difference is the engine's).
MLP_ONEHOT = np.eye(10)[MLP_T]


def carrot_mlp_mse(steps: int = MLP_STEPS) -> float:
    pc.manual_seed(0)
    model = nn.Sequential(nn.Linear(784, 128), nn.Tanh(), nn.Linear(128, 10))
    return carrot_training(model, MLP_X, MLP_ONEHOT, 0.01, steps)


def numpy_mlp_mse(steps: int = MLP_STEPS) -> float:
    r = np.random.default_rng(0)
    w1, b1 = r.uniform(-0.035, 0.035, (784, 128)), np.zeros(128)
    w2, b2 = r.uniform(-0.088, 0.088, (128, 10)), np.zeros(10)
    n = MLP_ONEHOT.size
    for _ in range(steps):
        h = np.tanh(MLP_X @ w1 + b1)
        d = h @ w2 + b2 - MLP_ONEHOT
        loss = np.vdot(d, d) / n
        _numpy_mlp_backward(d * (2.0 / n), h, w1, b1, w2, b2)
    return float(loss)


# ---------------------------------------------------------------------------------------------------------
# Memory over 10,000 training steps with the garbage collector off
# ---------------------------------------------------------------------------------------------------------


def memory_growth(make, steps: int = 10_000, checkpoint: int = 1_000) -> tuple[int, int, float]:
    """Bytes held (tracemalloc) after ``checkpoint`` and after ``steps`` training steps, gc disabled."""
    step = make()
    gc.collect()
    gc.disable()
    try:
        tracemalloc.start()
        t0 = time.perf_counter()
        for i in range(1, steps + 1):
            step()
            if i == checkpoint:
                early = tracemalloc.get_traced_memory()[0]
        late = tracemalloc.get_traced_memory()[0]
        elapsed = time.perf_counter() - t0
        tracemalloc.stop()
    finally:
        gc.enable()
    return early, late, elapsed


def make_linreg_step():
    model = nn.Linear(10, 1)
    opt = optim.SGD(model.parameters(), learning_rate=0.05, momentum=0.9)
    return functools.partial(training_loop, model, opt, pc.Carrot(LR_X), pc.Carrot(LR_Y), F.mse_loss, 1)


def make_mlp_step():
    model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
    opt = optim.Adam(model.parameters(), learning_rate=0.01)
    x = pc.Carrot(np.random.default_rng(1).normal(size=(64, 2)))
    y = (x.data[:, :1] * x.data[:, 1:] > 0).astype(float)
    return functools.partial(training_loop, model, opt, x, y, F.binary_cross_entropy_with_logits, 1)


# ---------------------------------------------------------------------------------------------------------


def main() -> None:
    print_machine_speed()
    print(
        f"PyCarrot {pc.__version__}, NumPy {np.__version__}"
        + (f", PyTorch {torch.__version__}" if torch else "")
    )
    print(f"float64, one thread; times are the best of {REPEATS} interleaved runs\n")
    rows = []

    lin = {"carrot": carrot_linreg, "numpy": numpy_linreg}
    mlp = {"carrot": carrot_mlp, "numpy": numpy_mlp, "matmuls": lambda: numpy_mlp(matmuls_only=True)}
    if torch:
        lin["torch"], mlp["torch"] = torch_linreg, torch_mlp
    t = best_times(lin, REPEATS)
    rows.append(
        (
            "linear regression 1000×10→1, 1000 steps",
            f"{t['carrot'] * 1e3:.1f} ms",
            f"{t['torch'] * 1e3:.1f} ms" if torch else "—",
            f"{t['carrot'] / t['torch']:.2f}×" if torch else "—",
            "≤ 0.5×",
            f"hand-written NumPy {t['numpy'] * 1e3:.1f} ms",
        )
    )
    m = best_times(mlp, REPEATS)
    rows.append(
        (
            "MLP 784→128→10 tanh, batch 256, 200 steps",
            f"{m['carrot'] * 1e3:.0f} ms",
            f"{m['torch'] * 1e3:.0f} ms" if torch else "—",
            f"{m['carrot'] / m['torch']:.2f}×" if torch else "—",
            "≤ 1.15×",
            f"matmuls {m['matmuls'] / m['carrot']:.0%} of a step; hand-written NumPy {m['numpy'] * 1e3:.0f} ms; "
            f"engine's own work {(m['carrot'] - m['numpy']) / m['carrot']:.1%} of a step (≤ 15 %)",
        )
    )

    steps = 20
    e = best_times(
        {"carrot": lambda: carrot_mlp_mse(steps), "numpy": lambda: numpy_mlp_mse(steps)}, REPEATS * 2
    )
    rows.append(
        (
            "MLP 784→128→10 tanh + mse_loss, batch 256: one step",
            f"{e['carrot'] / steps * 1e3:.2f} ms",
            "",
            f"{e['carrot'] / e['numpy']:.2f}× hand-written NumPy",
            "≤ 1.15×",
            f"hand-written NumPy {e['numpy'] / steps * 1e3:.2f} ms (same 5 matrix products), interleaved",
        )
    )

    for label, make in [
        ("linreg + SGD(momentum)", make_linreg_step),
        ("2→16→16→1 MLP + BCE + Adam", make_mlp_step),
    ]:
        early, late, elapsed = memory_growth(make)
        rows.append(
            (
                f"memory, 10,000 steps of {label}, gc disabled",
                f"{early / 1024:.1f} KiB after 1,000 → {late / 1024:.1f} KiB after 10,000",
                "",
                "",
                "flat",
                f"growth {late - early:+d} B ({elapsed:.1f} s under tracemalloc)",
            )
        )

    print_table(["benchmark", "PyCarrot", "PyTorch", "ratio", "target", "notes"], rows)


if __name__ == "__main__":
    main()
