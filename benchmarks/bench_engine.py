"""Engine speed and memory against PyTorch CPU eager (if installed): float64, one thread, ratios in one run.

    python benchmarks/bench_engine.py            # prints a markdown table for the README

Targets (issue 2): per-op chain ≤ 0.75× PyTorch's; 100,000-op backward ≤ 1 s and ≤ 1.0× PyTorch's,
forward+backward+free ≤ 2 s; x = x + x to depth 25 ≤ 1 ms with 50 grad_fn calls; memory flat over
10,000 build+backward cycles with gc.disable().
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time

import _common  # noqa: F401  (first: pins BLAS to one thread before NumPy loads)
import numpy as np
from _common import best_times, median_time, print_table, torch
from machine import print_machine_speed

import pycarrot as pc

# -- the chain: x <- x + a, x <- x * b, x <- tanh(x), repeated -------------------------------------------


def carrot_chain(n_ops: int, shape: tuple) -> None:
    x = pc.Carrot(np.full(shape, 0.5), requires_grad=True)
    a = pc.Carrot(np.full(shape, 0.01), requires_grad=True)
    b = pc.Carrot(np.full(shape, 0.99), requires_grad=True)
    h = x
    for k in range(n_ops):
        r = k % 3
        h = h + a if r == 0 else (h * b if r == 1 else h.tanh())
    h.sum().backward() if shape else h.backward()
    del h  # freeing the graph is part of the cost


def torch_chain(n_ops: int, shape: tuple) -> None:
    x = torch.full(shape, 0.5, dtype=torch.float64, requires_grad=True)
    a = torch.full(shape, 0.01, dtype=torch.float64, requires_grad=True)
    b = torch.full(shape, 0.99, dtype=torch.float64, requires_grad=True)
    h = x
    for k in range(n_ops):
        r = k % 3
        h = h + a if r == 0 else (h * b if r == 1 else torch.tanh(h))
    h.sum().backward()
    del h


def long_chain(x) -> dict[str, float]:
    """100,000 multiplications from the scalar leaf ``x`` (a Carrot or a torch tensor): build, backward, free."""
    t0 = time.perf_counter()
    h = x
    for _ in range(100_000):
        h = h * 0.999999
    t1 = time.perf_counter()
    h.backward()
    t2 = time.perf_counter()
    del h
    t3 = time.perf_counter()
    return {"forward": t1 - t0, "backward": t2 - t1, "free": t3 - t2}


def long_scalar_chain() -> dict[str, float]:
    return long_chain(pc.Carrot(0.5, requires_grad=True))


def long_torch_chain() -> dict[str, float]:
    return long_chain(torch.tensor(0.5, dtype=torch.float64, requires_grad=True))


def doubling(depth: int = 25) -> tuple[float, int, float]:
    """x = x + x to ``depth``: (seconds for build+backward, grad_fn calls, gradient)."""
    x = pc.Carrot(1.0, requires_grad=True)

    def run():
        x.zero_grad()
        h = x
        for _ in range(depth):
            h = h + h
        h.backward()

    seconds = median_time(run, 21)
    h = x
    for _ in range(depth):
        h = h + h
    x.grad = None
    with pc.record_backward() as trace:
        h.backward()
    return seconds, trace.grad_fn_calls, float(x.grad.data)


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory_growth(cycles: int = 10_000) -> float:
    """Resident-memory growth in MB over ``cycles`` build+backward cycles, with the cycle collector off."""
    w = pc.Carrot(np.ones((4, 4)), requires_grad=True)

    def cycle():
        h = (w * 2.0 + 1.0).tanh() @ w
        h = (h - w).sigmoid().sum()
        h.backward()

    for _ in range(500):  # warm up allocator pools
        cycle()
    gc.collect()
    gc.disable()
    try:
        before = rss_bytes()
        for _ in range(cycles):
            cycle()
        after = rss_bytes()
    finally:
        gc.enable()
    return (after - before) / 1e6


def main() -> None:
    print_machine_speed()
    rows: list[tuple[str, str, str, str]] = []

    def add(name: str, ours: str, theirs: str, verdict: str) -> None:
        rows.append((name, ours, theirs, verdict))
        print(f"  {name}: {ours} vs {theirs} {verdict}", file=sys.stderr)

    n = 1000
    for shape, label in (((), "scalars"), ((4, 4), "(4,4)")):
        contenders = {"ours": lambda s=shape: carrot_chain(n, s)}
        if torch is not None:
            contenders["torch"] = lambda s=shape: torch_chain(n, s)
        # interleaved best-of: load from other processes on a shared machine hits both alike
        best = {k: t / n for k, t in best_times(contenders, repeats=15).items()}
        name = f"1,000-op add/mul/tanh chain on {label}, per op (fwd+bwd+free)"
        if torch is not None:
            ratio = best["ours"] / best["torch"]
            verdict = f"{ratio:.2f}× {'✓' if ratio <= 0.75 else '✗'} (≤ 0.75×)"
            add(name, f"{best['ours'] * 1e6:.2f} µs", f"{best['torch'] * 1e6:.2f} µs", verdict)
        else:
            add(name, f"{best['ours'] * 1e6:.2f} µs", "—", "torch not installed")

    runs = [long_scalar_chain() for _ in range(3)]
    ours = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    total = sum(ours.values())
    if torch is not None:
        truns = [long_torch_chain() for _ in range(3)]
        theirs = {k: statistics.median(r[k] for r in truns) for k in truns[0]}
        ratio = ours["backward"] / theirs["backward"]
        add(
            "100,000-op scalar chain: backward",
            f"{ours['backward'] * 1e3:.0f} ms",
            f"{theirs['backward'] * 1e3:.0f} ms",
            f"{ratio:.2f}× {'✓' if ratio <= 1.0 and ours['backward'] <= 1.0 else '✗'} (≤ 1 s, ≤ 1.0×)",
        )
        add(
            "100,000-op scalar chain: forward+backward+free",
            f"{total * 1e3:.0f} ms",
            f"{sum(theirs.values()) * 1e3:.0f} ms",
            f"{'✓' if total <= 2.0 else '✗'} (≤ 2 s)",
        )
    else:
        add("100,000-op scalar chain: backward", f"{ours['backward'] * 1e3:.0f} ms", "—", "")
        add("100,000-op chain: forward+backward+free", f"{total * 1e3:.0f} ms", "—", "")

    seconds, calls, grad = doubling(25)
    ok = seconds <= 1e-3 and calls == 50 and grad == 2.0**25
    add(
        "x = x + x to depth 25 (build+backward)",
        f"{seconds * 1e3:.3f} ms, {calls} grad_fn calls, grad {grad:.0f}",
        "—",
        f"{'✓' if ok else '✗'} (≤ 1 ms, 50 calls, 2**25)",
    )

    growth = memory_growth()
    add(
        "memory growth over 10,000 cycles, gc disabled",
        f"{growth:.2f} MB",
        "—",
        f"{'✓' if growth <= 2 else '✗'} (≤ 2 MB)",
    )

    torch_version = torch.__version__ if torch is not None else "not installed"
    print(
        f"\nPyCarrot engine vs PyTorch {torch_version} CPU eager, float64, 1 thread, NumPy {np.__version__}\n"
    )
    print_table(["benchmark", "PyCarrot", "PyTorch", "ratio / target"], rows)


if __name__ == "__main__":
    main()
