"""Network lab views: the cost of one redraw of the neuron view (2-8-8-1 with per-neuron heat maps) and of the
decision boundary (100×100), each from new arrays to pixels in the widget's backing store (setters, then a
synchronous repaint), at the sizes the lab gives them.

    python benchmarks/bench_network_views.py      # prints a machine-speed line and a markdown table

Targets (issue 9): neuron view redraw ≤ 16 ms; decision boundary refresh ≤ 20 ms for 100×100 while training.
Every frame gets fresh random weights (worst case: every line changes width and sign), fresh maps and
gradients. Times are the median of 40 frames, after a warm-up.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the worktree's carrot_gui

import statistics  # noqa: E402
import time  # noqa: E402

import _common  # noqa: E402, F401  (one BLAS thread, before NumPy)
import numpy as np  # noqa: E402
from _common import print_table  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from carrot_gui import theme  # noqa: E402
from carrot_gui.kit.heatmap import HeatMapView  # noqa: E402
from carrot_gui.network.presets import preset  # noqa: E402
from carrot_gui.network.qt.boundary_plot import BoundaryPlot  # noqa: E402
from carrot_gui.network.qt.digits_view import DigitsView  # noqa: E402
from carrot_gui.network.qt.neuron_view import NeuronView  # noqa: E402
from carrot_gui.network.trainer import NetworkSession  # noqa: E402

FRAMES = 40
RNG = np.random.default_rng(0)


def machine_line() -> str:
    """How fast this machine is right now: a fixed NumPy and pure-Python workload, and the load."""
    a = RNG.normal(size=(256, 256))
    t0 = time.perf_counter()
    for _ in range(20):
        a @ a
    mm = (time.perf_counter() - t0) / 20 * 1e3
    t0 = time.perf_counter()
    sum(i * i for i in range(1_000_000))
    py = (time.perf_counter() - t0) * 1e3
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"machine: {os.cpu_count()} cores, load {load:.1f}; 256×256 matmul {mm:.2f} ms; "
        f"1e6-term Python sum {py:.0f} ms"
    )


def frames(fn, n: int = FRAMES) -> tuple[float, float, float]:
    """Median, best and worst of ``n`` timed calls (ms), after two warm-up calls. On a shared machine the
    best is the closest to the cost without other processes; the median is what the lab sees now."""
    fn()
    fn()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times), min(times), max(times)


def network_frame(view: NeuronView, sizes: list[int], grid: int | None, highlight: int | None):
    """One training frame for the neuron view: new weights, gradients, maps, then paint."""
    shapes = list(zip(sizes, sizes[1:]))
    xs = np.linspace(-1, 1, grid or 2)
    plane = np.stack(np.meshgrid(xs, xs), -1).reshape(-1, 2)

    def frame() -> None:
        weights = [RNG.normal(size=s) for s in shapes]
        biases = [RNG.normal(size=s[1]) for s in shapes]
        view.set_weights(weights, biases)
        view.set_gradients([RNG.normal(size=s) * 0.1 for s in shapes])
        if grid is not None:
            h = plane @ RNG.normal(size=(2, sizes[0]))  # the features over the plane
            maps = [h.T.reshape(-1, grid, grid)]
            for w, b in zip(weights, biases):
                h = np.tanh(h @ w + b)
                maps.append(h.T.reshape(-1, grid, grid))
            view.set_neuron_maps(maps)
        view.viewport().repaint()

    view.highlight_layer(highlight)
    return frame


def neuron_rows(app: QApplication) -> list[tuple[str, ...]]:
    view = NeuronView()
    view.resize(760, 460)
    view.show()
    app.processEvents()
    rows = []
    cases = [
        ("2-8-8-1, maps 24×24", [2, 8, 8, 1], 24, None),
        ("2-8-8-1, maps 40×40", [2, 8, 8, 1], 40, None),
        ("2-8-8-1, maps 24×24, layer 2 lit", [2, 8, 8, 1], 24, 1),
        ("7-8-8-8-1 (all features), maps 24×24", [7, 8, 8, 8, 1], 24, None),
        ("64-32-10 digits, no maps", [64, 32, 10], None, None),
    ]
    for name, sizes, grid, hi in cases:
        t0 = time.perf_counter()
        view.set_network(sizes, [f"x{i + 1}" for i in range(sizes[0])])
        build = (time.perf_counter() - t0) * 1e3
        med, best, worst = frames(network_frame(view, sizes, grid, hi))
        ok = "✓" if med <= 16 else "✗"
        rows.append(
            (
                f"neuron view {name}",
                f"{med:.1f}",
                f"{best:.1f}",
                f"{worst:.1f}",
                f"≤ 16 {ok}",
                f"build {build:.0f} ms",
            )
        )
    view.close()
    return rows


def boundary_rows(app: QApplication) -> list[tuple[str, ...]]:
    plot = BoundaryPlot()
    plot.resize(480, 460)
    plot.show()
    X = RNG.uniform(-1, 1, size=(400, 2))
    rows = []
    for k in (2, 3):
        plot.set_points(X[:300], RNG.integers(0, k, 300), k, X[300:], RNG.integers(0, k, 100))
        app.processEvents()

        def frame(k=k) -> None:
            logits = RNG.normal(size=(100, 100, k))
            p = np.exp(logits)
            plot.set_surface(p / p.sum(-1, keepdims=True), (-1, 1, -1, 1))
            plot.viewport().repaint()

        med, best, worst = frames(frame)
        ok = "✓" if med <= 20 else "✗"
        rows.append(
            (
                f"boundary 100×100, {k} classes, 400 points",
                f"{med:.1f}",
                f"{best:.1f}",
                f"{worst:.1f}",
                f"≤ 20 {ok}",
                "",
            )
        )
    plot.set_points(X, RNG.normal(size=400), 0)

    def regression() -> None:
        plot.set_surface(RNG.normal(size=(100, 100)), (-1, 1, -1, 1))
        plot.viewport().repaint()

    med, best, worst = frames(regression)
    rows.append(
        (
            "regression surface 100×100",
            f"{med:.1f}",
            f"{best:.1f}",
            f"{worst:.1f}",
            f"≤ 20 {'✓' if med <= 20 else '✗'}",
            "",
        )
    )
    rows += session_rows(plot)
    plot.close()
    return rows


def session_rows(plot: BoundaryPlot) -> list[tuple[str, ...]]:
    """The refresh the lab does while training: the network over the 100×100 plane, then the image."""
    rows = []
    for name in ("XOR", "Spiral"):
        p = preset(name)
        data = p.load_data()
        session = NetworkSession(p.spec, data)
        session.run_steps(50)
        plot.set_points(data.x_train, data.y_train, data.classes, data.x_test, data.y_test)

        def frame(session=session, data=data) -> None:
            session.step()
            plot.set_surface(session.boundary(100), data.extent)
            plot.viewport().repaint()

        med, best, worst = frames(frame)
        sizes = "-".join(str(n) for n in p.spec.widths)
        ok = "✓" if med <= 20 else "✗"
        what = f"boundary while training {name} ({sizes}): step + network on 100×100 + image"
        rows.append(
            (what, f"{med:.1f}", f"{best:.1f}", f"{worst:.1f}", f"≤ 20 {ok}", "one training step included")
        )
    return rows


def other_rows(app: QApplication) -> list[tuple[str, ...]]:
    rows = []
    heat = HeatMapView()
    heat.resize(420, 360)
    heat.show()
    app.processEvents()
    for shape in ((8, 8), (64, 32)):

        def frame(shape=shape) -> None:
            heat.set_array(RNG.normal(size=shape), "w")
            heat.repaint()

        med, best, worst = frames(frame, 20)
        rows.append(
            (
                f"heat map {shape[0]}×{shape[1]}",
                f"{med:.1f}",
                f"{best:.1f}",
                f"{worst:.1f}",
                "",
                "numbers in cells" if shape == (8, 8) else "",
            )
        )
    heat.close()
    digits = DigitsView()
    digits.resize(1000, 460)
    digits.show()
    app.processEvents()
    images = RNG.uniform(0, 16, size=(360, 8, 8))
    truth = RNG.integers(0, 10, 360)

    def results() -> None:
        digits.set_results(images, (truth + (RNG.random(360) < 0.05)) % 10, truth)
        digits.repaint()

    med, best, worst = frames(results, 10)
    rows.append(
        (
            "digits view, 360 test images + confusion",
            f"{med:.1f}",
            f"{best:.1f}",
            f"{worst:.1f}",
            "",
            "per evaluation",
        )
    )
    digits.close()
    return rows


def main() -> None:
    app = QApplication.instance() or QApplication([])
    print(machine_line())
    print(f"theme: {theme.current().name}; {FRAMES} frames each (median, best, worst)\n")
    rows = neuron_rows(app) + boundary_rows(app) + other_rows(app)
    print_table(["view, one frame", "median ms", "best ms", "worst ms", "target ms", "note"], rows)


if __name__ == "__main__":
    main()
