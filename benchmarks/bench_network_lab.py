"""Network lab speed in the GUI: training in the lab (time-sliced, every view live) against the same run
headless, the event loop's latency while it trains, and the cost of one full repaint.

    python benchmarks/bench_network_lab.py      # prints a machine-speed line and a markdown table

Targets (issue 9): the lab trains at ≥ 70 % of a headless run's steps/s with every plot live, event-loop
p99 latency ≤ 20 ms. Uses the Training lab benchmark's latency probe and event-loop wait.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import _common  # noqa: E402,F401  (pins BLAS to one thread before NumPy loads)
from _common import median_time, print_table  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_network import machine_speed  # noqa: E402
from bench_training_lab import LatencyProbe, wait  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from carrot_gui.network import NetworkSession  # noqa: E402
from carrot_gui.network.presets import preset  # noqa: E402
from carrot_gui.network.qt.lab import NetworkLab  # noqa: E402

SECONDS = 4.0


def headless_rate(name: str, seconds: float = SECONDS / 2) -> float:
    """Steps per second of the preset's run without any GUI, over ``seconds``."""
    p = preset(name)
    s = NetworkSession(p.spec, p.load_data())
    t0 = time.perf_counter()
    n = 0
    while time.perf_counter() - t0 < seconds:
        n += s.run_for(0.05)
    return n / (time.perf_counter() - t0)


def lab_rate(app: QApplication, lab: NetworkLab, name: str) -> tuple[float, float, float, float]:
    """(steps/s, latency median ms, latency p99 ms, one refresh in ms) training ``name`` in the lab."""
    lab.buildPanel.apply_preset(preset(name))
    wait(app, 0.3)
    refresh = median_time(lab.refresh, repeats=9)
    probe = LatencyProbe()
    probe.start()
    start = lab.session.steps_done
    t0 = time.perf_counter()
    lab.start()
    wait(app, SECONDS)
    lab.pause()
    elapsed = time.perf_counter() - t0
    probe.stop()
    median, p99 = probe.stats()
    return (lab.session.steps_done - start) / elapsed, median, p99, refresh * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    print(f"machine speed: 10⁶-iteration pure-Python loop takes {machine_speed() * 1000:.1f} ms")
    lab = NetworkLab()
    lab.resize(1280, 800)
    lab.show()
    rows = []
    for name in ("XOR", "Spiral", "Digits"):
        before = headless_rate(name)  # headless just before and just after the lab's run: on a shared
        rate, median, p99, refresh = lab_rate(app, lab, name)  # machine the load changes by the second
        head = (before + headless_rate(name)) / 2
        rows.append(
            (
                name,
                f"{head:,.0f}",
                f"{rate:,.0f} ({100 * rate / head:.0f} %)",
                f"{median:.1f} / {p99:.1f} ms",
                f"{refresh:.1f} ms",
            )
        )
    print_table(
        ["preset", "headless steps/s", "in the lab (share)", "latency median / p99", "one repaint"], rows
    )
    print("targets: ≥ 70 % of headless, p99 ≤ 20 ms")


if __name__ == "__main__":
    main()
