"""Network lab speed, headless: the digits 64-32-10 to 95 % test accuracy, the decision boundary on a
100×100 grid, per-neuron activation maps, and training steps per second.

    python benchmarks/bench_network.py            # prints a machine-speed line and a markdown table
    python benchmarks/bench_network.py --quick    # fewer repeats

Targets (issue 9): digits 64-32-10 to 95 % test accuracy in ≤ 30 s headless; the boundary of a 2-8-8-1
network on a 100×100 grid ≤ 20 ms. The machine-speed line (a fixed pure-Python loop) lets runs on different
or differently loaded machines be compared.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import _common  # noqa: F401  (first: pins BLAS to one thread before NumPy loads)
from _common import median_time, print_table
from machine import machine_speed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from carrot_gui.network import DataConfig, Layer, NetworkSession, NetworkSpec, generate  # noqa: E402
from carrot_gui.network.presets import preset  # noqa: E402

REPEATS = 3 if "--quick" in sys.argv else 7


def digits_to_95(check_every: int = 50, limit: int = 20_000) -> tuple[float, int, float]:
    """(seconds, steps, test accuracy) for the fixed Digits preset to reach 95 % test accuracy; the test set
    is evaluated every ``check_every`` steps (inside the timing, as the lab does)."""
    p = preset("Digits")
    data = p.load_data()
    t0 = time.perf_counter()
    s = NetworkSession(p.spec, data, eval_every=check_every)
    while s.accuracy[1] < 0.95 and s.steps_done < limit:
        s.run_steps(check_every)
    return time.perf_counter() - t0, s.steps_done, s.accuracy[1]


def two_d_session() -> NetworkSession:
    spec = NetworkSpec(hidden=(Layer(8, "tanh"), Layer(8, "tanh")))  # 2-8-8-1
    return NetworkSession(spec, generate(DataConfig("xor", samples=200))).run_steps(50)


def steps_per_second(session: NetworkSession, steps: int = 500) -> float:
    t0 = time.perf_counter()
    session.run_steps(steps)
    return steps / (time.perf_counter() - t0)


def main() -> None:
    print(f"machine speed: 10⁶-iteration pure-Python loop takes {machine_speed() * 1000:.1f} ms")
    rows = []
    seconds, steps, acc = digits_to_95()
    rows.append(
        (
            "digits 64-32-10 (Digits preset) to 95 % test",
            f"{seconds:.2f} s",
            f"{steps} steps, {100 * acc:.1f} %",
            "≤ 30 s",
        )
    )
    s = two_d_session()
    t = median_time(lambda: s.boundary(100), repeats=REPEATS * 5)
    rows.append(("boundary 100×100, 2-8-8-1", f"{t * 1000:.2f} ms", "", "≤ 20 ms"))
    t = median_time(lambda: s.activation_maps(24), repeats=REPEATS * 5)
    rows.append(("activation maps 24×24, every neuron of 2-8-8-1", f"{t * 1000:.2f} ms", "", ""))
    rows.append(("training steps/s, 2-8-8-1, batch 10", f"{steps_per_second(s):,.0f}", "", ""))
    d = preset("Digits")
    rows.append(
        (
            "training steps/s, 64-32-10, batch 32",
            f"{steps_per_second(NetworkSession(d.spec, d.load_data())):,.0f}",
            "",
            "",
        )
    )
    print_table(["what", "time / rate", "detail", "target"], rows)


if __name__ == "__main__":
    main()
