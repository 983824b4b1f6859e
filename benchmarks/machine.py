"""The machine-speed yardstick every benchmark prints above its table: a fixed pure-Python loop. Its own module,
importing nothing heavy, so the app benchmarks do not load PyTorch with it (PyTorch's objects would slow their
cycle collections)."""

from __future__ import annotations

import statistics
import time


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop (10⁶ additions), the median of 5 after a warm-up."""

    def loop() -> int:
        total = 0
        for i in range(1_000_000):
            total += i
        return total

    loop()
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        loop()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def print_machine_speed() -> None:
    """The line above every table, so runs on machines of other speeds (up to 3× apart) are compared by ratio."""
    print(f"machine speed: 10⁶-iteration pure-Python loop takes {machine_speed() * 1000:.1f} ms\n")
