"""Expression lab speed: build (parse → graph → layout → items → first paint), playback steps, first frame.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_expression_lab.py`` — prints Markdown tables
(medians over repeats) and the targets from issue 4 beside the measurements.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine import print_machine_speed  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from carrot_gui import errors  # noqa: E402
from carrot_gui.expression import session  # noqa: E402
from carrot_gui.expression.graph import build_graph  # noqa: E402
from carrot_gui.expression.layout import layered_layout  # noqa: E402
from carrot_gui.expression.playback import record_timeline  # noqa: E402
from carrot_gui.expression.qt import ExpressionLab  # noqa: E402
from pycarrot.expression import parse  # noqa: E402


def make_source(nodes: int, seed: int = 0) -> str:
    """A random expression of about ``nodes`` nodes: 40 variables, shared sub-results, a few constants."""
    rng = random.Random(seed)
    lines = [f"v{k} = {rng.uniform(-1, 1):.3f}" for k in range(40)]
    names = [f"v{k}" for k in range(40)]
    count = 40
    k = 0
    while count < nodes - 2:
        a = rng.choice(names[-12:])
        b = rng.choice(names)
        kind = rng.random()
        if kind < 0.45:
            expr = f"{a} * {b}"
            count += 1
        elif kind < 0.75:
            expr = f"{a} + {b}"
            count += 1
        elif kind < 0.9:
            expr = f"tanh({a}) * 0.5"
            count += 3
        else:
            expr = f"sin({a} - {b})"
            count += 2
        lines.append(f"t{k} = {expr}")
        names.append(f"t{k}")
        k += 1
    lines.append("out = " + " + ".join(names[-3:]))
    return "\n".join(lines)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p90_ms(samples: list[float]) -> float:
    s = sorted(samples)
    return s[int(0.9 * (len(s) - 1))] * 1000


def bench_build(app: QApplication, lab: ExpressionLab, nodes: int, repeats: int) -> dict[str, float]:
    source = make_source(nodes)
    parts: dict[str, list[float]] = {k: [] for k in ("parse", "graph", "layout", "record", "lab", "total")}
    actual = 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        named = parse(source)
        t1 = time.perf_counter()
        g = build_graph(named)
        t2 = time.perf_counter()
        layered_layout(g)
        t3 = time.perf_counter()
        record_timeline(g)
        t4 = time.perf_counter()
        parts["parse"].append(t1 - t0)
        parts["graph"].append(t2 - t1)
        parts["layout"].append(t3 - t2)
        parts["record"].append(t4 - t3)
        # the real thing, end to end: what Build does, then one synchronous paint of the view
        t5 = time.perf_counter()
        assert lab.build_source(source)
        lab.graphView.viewport().repaint()
        t6 = time.perf_counter()
        parts["total"].append(t6 - t5)
        parts["lab"].append((t6 - t5) - (t4 - t0))
        actual = len(lab.loaded.graph.nodes)
        app.processEvents()
    out = {k: median_ms(v) for k, v in parts.items()}
    out["nodes"] = actual
    return out


def bench_playback(
    app: QApplication, lab: ExpressionLab, nodes: int, how: str, steps: int = 300
) -> tuple[float, float]:
    """Seconds per step (the step + one full repaint of the view), from the start of the backward pass."""
    source = make_source(nodes)
    lab.build_source(source)
    view = lab.graphView
    lab.followCheck.setChecked(how == "follow")
    if how == "fit":
        view.fit_when_shown()
    else:
        # through zoom_by, as the wheel does: it also swaps the zoomed-out overview for the real items
        # (resetTransform() alone left the overview drawn at zoom 1 and measured that instead)
        view.zoom_by(1.0 / view.zoom())
        assert not view.overview and abs(view.zoom() - 1.0) < 1e-9
        # where the stepped nodes are (a dense part of the graph), not the sparse output end
        middle = lab.timeline.steps[
            min(len(lab.timeline.steps) - 1, lab.timeline.backward_start + steps // 2)
        ]
        view.centerOn(view.nodes[middle.node])
    view.animation_ms = 0  # the dot animation runs on its own timer; measure the step itself
    lab.seek(lab.timeline.backward_start)
    app.processEvents()
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        if not lab.step_forward():
            break
        view.viewport().update()  # a full repaint of the view, as one real frame
        app.processEvents()
        times.append(time.perf_counter() - t0)
    lab.followCheck.setChecked(False)
    return median_ms(times), p90_ms(times)


def bench_first_frame(repeats: int = 5) -> tuple[float, float, float]:
    """``python main.py --screenshot``: launch → first frame painted (the app reports it, given the launch
    time), the same from the import of carrot_gui.app, and the wall time until the process has exited."""
    walls, inner, launch = [], [], []
    for _ in range(repeats):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CARROT_GUI_LAUNCHED_AT=repr(time.time()))
        t0 = time.perf_counter()
        r = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--screenshot", "/tmp/bench_first_frame.png"],
            capture_output=True,
            text=True,
            env=env,
        )
        walls.append(time.perf_counter() - t0)
        if r.returncode != 0:
            raise RuntimeError(r.stderr)
        inner.append(float(r.stdout.split("first frame ")[1].split(" ms")[0]) / 1000)
        launch.append(float(r.stdout.split(", ")[1].split(" ms")[0]) / 1000)
    return median_ms(launch), median_ms(inner), median_ms(walls)


def main() -> None:
    print_machine_speed()
    errors.show_dialogs = False
    app = QApplication.instance() or QApplication([])
    lab = ExpressionLab(demo=None)
    lab.resize(1360, 780)
    lab.show()
    app.processEvents()

    print("## Build: parse → graph → layout → record backward → items → first paint (median ms)\n")
    print("| nodes | parse | graph | layout | record | widgets + paint | **total** | target |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, repeats, target in ((100, 7, ""), (1000, 7, "≤ 150"), (5000, 3, "≤ 600")):
        r = bench_build(app, lab, n, repeats)
        print(
            f"| {r['nodes']:,} | {r['parse']:.1f} | {r['graph']:.1f} | {r['layout']:.1f} | {r['record']:.1f} "
            f"| {r['lab']:.1f} | **{r['total']:.1f}** | {target} |"
        )

    print(
        "\n## Playback on ~1,000 nodes: one step + a full repaint of the view (ms; target ≥ 60 steps/s, p90 ≤ 16)\n"
    )
    print("| view | median | p90 | steps/s (median) |")
    print("|---|---:|---:|---:|")
    for how, title in (
        ("fit", "zoomed to fit (whole graph repainted)"),
        ("normal", "zoom 1.0"),
        ("follow", "following the active node"),
    ):
        med, p90 = bench_playback(app, lab, 1000, how)
        print(f"| {title} | {med:.2f} | {p90:.2f} | {1000 / med:,.0f} |")

    launch, inner, wall = bench_first_frame()
    print("\n## First frame (median of 5 launches; target ≤ 700 ms)\n")
    print("| measured | ms |")
    print("|---|---:|")
    print(f"| **launch → first frame painted** (`python main.py --screenshot`) | **{launch:.0f}** |")
    print(f"| import of carrot_gui.app → first frame painted | {inner:.0f} |")
    print(f"| launch → PNG saved → process exited (wall) | {wall:.0f} |")
    print(
        f"\n(session per-path limit {session.PER_PATH_MAX_CALLS:,} grad_fn calls; Python {sys.version.split()[0]})"
    )


if __name__ == "__main__":
    main()
