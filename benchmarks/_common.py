"""What the benchmarks share: one BLAS and one torch thread, timing helpers, PyTorch when it is installed.

Import it before NumPy (``import _common`` sorts first among the third-party imports): BLAS reads its thread
count when it loads.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

try:
    import torch

    torch.set_num_threads(1)
except ImportError:  # PyTorch is optional: only the ratios need it
    torch = None


def median_time(fn: Callable[[], object], repeats: int = 7) -> float:
    """The median of ``repeats`` timings of ``fn()`` in seconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def best_times(fns: dict[str, Callable[[], object]], repeats: int = 7) -> dict[str, float]:
    """The fastest of ``repeats`` timings of each function, in seconds. Runs are interleaved (one of each per
    round) after a warm-up, so load from other processes on a shared machine hits every contender alike."""
    for fn in fns.values():
        fn()
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeats):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def print_table(header: list[str], rows: list[tuple[str, ...]]) -> None:
    """Rows as a markdown table, ready to paste into the README."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
