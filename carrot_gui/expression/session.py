"""The Expression lab's state without widgets: source → graph → layout → timelines, plus Check (Qt-free).

A :class:`Loaded` value bundles one built expression; :func:`load_source` and :func:`load_named` make a
new one or raise, so a failed Build never touches what is on screen. :func:`check` runs ``pc.gradcheck``
by re-building the expression from its leaves.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

import pycarrot as pc
from pycarrot import paused_gc  # noqa: F401 - where the lab's modules find it
from pycarrot.expression import parse

from .. import theme
from ..i18n import format_text, translate
from .graph import ExpressionGraph, NodeKind, build_graph
from .layout import Layout, layered_layout
from .playback import MODES, PER_PATH, TOPOLOGICAL, Timeline, record_timeline
from .wording import format_value

MAX_NODES = 10_000  # built in ~0.5 s here; 48,000 nodes (a 150,000-character sum) took 3 s, frozen
PER_PATH_MAX_CALLS = 20_000  # the per-path walk is replayed up to this many grad_fn calls
CHECK_SEED = 0
CHECK_EPS = 1e-6  # gradcheck's step
CHECK_BUDGET = 4_000_000  # (leaf elements × graph nodes) above which Check refuses: it would block the GUI


@dataclass
class Loaded:
    """One built expression: its graph, layout and (lazily) a timeline per backward order."""

    graph: ExpressionGraph
    layout: Layout
    named: dict[str, Any]
    source: str | None  # None when the graph came from elsewhere (the Training lab)
    title: str
    _timelines: dict[str, Timeline] = field(default_factory=dict, repr=False)

    def timeline(self, mode: str = TOPOLOGICAL) -> Timeline:
        if mode not in MODES:
            raise ValueError(f"unknown backward order {mode!r}; choose one of {', '.join(MODES)}")
        if mode not in self._timelines:
            self._timelines[mode] = record_timeline(self.graph, mode, PER_PATH_MAX_CALLS)
        return self._timelines[mode]

    @property
    def note(self) -> str:
        """Where a NaN or infinity first appears (``log(-1)``, ``0/0``): the node whose inputs are all finite
        but whose value is not; "" when every value is finite."""
        nodes = self.graph.nodes
        with np.errstate(all="ignore"):
            for n in nodes:
                if n.op is None or np.isfinite(n.value).all():
                    continue
                if all(np.isfinite(nodes[j].value).all() for j in n.operands):
                    what = "nan" if np.isnan(n.value).any() else "inf"
                    args = ", ".join(f"{nodes[j].label} = {format_value(nodes[j].value)}" for j in n.operands)
                    return format_text(
                        "ExpressionLab",
                        "{what} first appears at {label} ({op} of {args})",
                        what=what,
                        label=n.label,
                        op=n.op,
                        args=args,
                    )
        return ""

    def call_counts(self) -> dict[str, int]:
        """grad_fn calls of one backward in each order (the per-path count is exact, however large)."""
        root = self.graph.output_node.carrot
        if root is None or not root.requires_grad:
            return {TOPOLOGICAL: 0, PER_PATH: 0}
        return {TOPOLOGICAL: self.timeline(TOPOLOGICAL).grad_fn_calls, PER_PATH: pc.per_path_call_count(root)}


def load_source(source: str, title: str = "") -> Loaded:
    """Parse and lay out ``source``; raises ``pc.ExpressionError`` (with line/col) on a mistake."""
    named = parse(source)
    return load_named(named, title, source)


class GraphTooBig(ValueError):
    """The expression parsed, but drawing and recording it would freeze the window for seconds."""


def load_named(named: dict[str, Any], title: str = "", source: str | None = None) -> Loaded:
    """Graph, layout and the topological timeline of ``named``; ``GraphTooBig`` past ``MAX_NODES``."""
    graph = build_graph(named, title)
    if len(graph.nodes) > MAX_NODES:
        raise GraphTooBig(
            format_text(
                "ExpressionLab",
                "this expression makes {nodes} nodes; the lab draws at most {limit} (laying out and recording more "
                "would freeze the window for seconds). A smaller expression shows the same idea.",
                nodes=f"{len(graph.nodes):,}",
                limit=f"{MAX_NODES:,}",
            )
        )
    loaded = Loaded(graph, layered_layout(graph, theme.graph_magnify()), dict(named), source, title)
    loaded.timeline(TOPOLOGICAL)
    return loaded


# ---------------------------------------------------------------------------------------------------------
# Check: gradcheck on the current expression
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckRow:
    """One input: does backward()'s gradient match central finite differences?

    ``trusted`` is False when the finite differences themselves cannot be believed at these magnitudes
    (``reason`` says why): then a mismatch says nothing about backward().
    """

    label: str
    ok: bool
    analytic: np.ndarray
    numeric: np.ndarray
    trusted: bool = True
    reason: str = ""


def check(loaded: Loaded) -> list[CheckRow]:
    """Run ``pc.gradcheck`` on every leaf that requires grad; raises ``ValueError`` saying why it cannot."""
    graph = loaded.graph
    root = graph.output_node.carrot
    if root is None or not root.requires_grad:
        raise ValueError(
            translate("ExpressionLab", "nothing to check: the output does not depend on any variable")
        )
    leaves = [n for n in graph.nodes if n.kind == NodeKind.VARIABLE and n.carrot is not None]
    cost = sum(n.value.size for n in leaves) * len(graph.nodes)
    if cost > CHECK_BUDGET:
        raise ValueError(
            format_text(
                "ExpressionLab",
                "Check would rebuild this {nodes}-node graph {times} times and freeze the window; try it on a "
                "smaller expression",
                nodes=f"{len(graph.nodes):,}",
                times=f"{2 * sum(n.value.size for n in leaves):,}",
            )
        )
    if loaded.source is not None:
        fn, args = _rebuild_from_source(loaded, [n.label for n in leaves])
    else:
        fn, args = _rebuild_by_replay(graph, leaves)
    # gradcheck weights the output by uniform(0.5, 1.5) numbers drawn with its seed; dividing them out
    # again makes both columns the gradient of sum(output): the numbers the playback shows.
    weights = np.random.default_rng(CHECK_SEED).uniform(0.5, 1.5, size=graph.output_node.value.shape)

    def unweighted(*xs):
        return fn(*xs) * (1.0 / weights)

    with np.errstate(all="ignore"):
        result = pc.gradcheck(unweighted, *args, seed=CHECK_SEED, eps=CHECK_EPS)
    scale = max((float(np.max(np.abs(n.value), initial=0.0)) for n in graph.nodes), default=0.0)
    rows = []
    for n, c in zip(leaves, result.inputs):
        reason = _untrusted(n.value, c.analytic, c.numeric, scale, result.atol, result.rtol)
        rows.append(CheckRow(n.label, c.ok, c.analytic, c.numeric, not reason, reason))
    return rows


def _untrusted(
    x: np.ndarray, analytic: np.ndarray, numeric: np.ndarray, scale: float, atol: float, rtol: float
):
    """Why central differences with step ``CHECK_EPS`` cannot be believed for input ``x`` ("" if they can).

    They divide a difference of two outputs by 2ε: when x ± ε rounds back to x, or when the rounding of
    values as large as ``scale`` (the largest in the graph), divided by 2ε, exceeds what Check allows, the
    estimate is noise (after a diverged step: "finite differences 0.0" against −2e154, a false ✗).
    """
    with np.errstate(all="ignore"):
        x = np.asarray(x, dtype=np.float64)
        if not np.all(np.isfinite(x)) or not math.isfinite(scale):
            return translate(
                "ExpressionLab",
                "the graph holds values that are not finite (inf or nan), so finite differences mean nothing here",
            )
        if np.any(x + CHECK_EPS == x):
            big = float(np.max(np.abs(x)))
            return format_text(
                "ExpressionLab",
                "at {value} a step of ε = {eps} is lost in rounding, so finite differences cannot be trusted",
                value=f"{big:.3g}",
                eps=f"{CHECK_EPS:g}",
            )
        noise = 4 * np.finfo(np.float64).eps * scale / (2 * CHECK_EPS)
        allowed = atol + rtol * np.minimum(np.abs(analytic), np.abs(numeric))
        if np.any(~np.isfinite(numeric) & np.isfinite(analytic)) or np.any(noise > allowed):
            return format_text(
                "ExpressionLab",
                "values reach {scale}, so rounding alone moves the finite differences by about {noise}; they "
                "cannot be trusted at this magnitude",
                scale=f"{scale:.3g}",
                noise=f"{noise:.2g}",
            )
    return ""


def _statements(source: str) -> list[tuple[int, int]]:
    """Spans of the statements of ``source`` (split at new lines and ';', comments skipped)."""
    spans, start, i, n = [], 0, 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "#":
            end = source.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch in "\n;":
            spans.append((start, i))
            start = i + 1
        i += 1
    spans.append((start, n))
    return spans


_ASSIGN = re.compile(r"\s*([^\W\d]\w*)\s*=")


def _rebuild_from_source(loaded: Loaded, labels: list[str]):
    """The source with each leaf's ``name = literal`` blanked out; the leaves come back as keyword values."""
    wanted = set(labels)
    text = list(loaded.source or "")
    for a, b in _statements(loaded.source or ""):
        m = _ASSIGN.match(loaded.source or "", a, b)
        if m and m.group(1) in wanted:
            text[a:b] = " " * (b - a)
    stripped = "".join(text)

    def fn(*xs):
        named = parse(stripped, **dict(zip(labels, xs)))
        return list(named.values())[-1]

    return fn, [loaded.named[label] for label in labels]


# Every op of the engine's table, by the name its nodes carry (losses included).
_REPLAY = {name: op.call for name, op in pc.TABLE.items()}


def _rebuild_by_replay(graph: ExpressionGraph, leaves: list):
    """Re-run the graph's ops on new leaf values (for graphs without source, e.g. from the Training lab).

    Ops are called with their default arguments; the first replay must reproduce every recorded value,
    otherwise the graph uses an op (or an axis) this replay cannot know and Check says so.
    """
    replay = _REPLAY
    for n in graph.nodes:
        if n.op is not None and n.op not in replay:
            raise ValueError(
                format_text(
                    "ExpressionLab",
                    "Check cannot re-run op '{op}' of node {label}: build it as an expression instead",
                    op=n.op,
                    label=n.label,
                )
            )
    leaf_index = [n.index for n in leaves]

    def fn(*xs):
        vals: list[Any] = [None] * len(graph.nodes)
        for i, x in zip(leaf_index, xs):
            vals[i] = x
        for n in graph.nodes:
            if vals[n.index] is not None:
                continue
            if n.op is None:
                vals[n.index] = n.carrot if n.carrot is not None else n.value
            else:
                vals[n.index] = replay[n.op](*[vals[j] for j in n.operands])
        return vals[graph.output]

    with np.errstate(all="ignore"):
        out = fn(*[n.carrot for n in leaves])
    if out.shape != graph.output_node.value.shape or not np.allclose(
        out.data, graph.output_node.value, equal_nan=True
    ):
        raise ValueError(
            translate(
                "ExpressionLab", "Check cannot re-run this graph (an op used arguments it cannot recover)"
            )
        )
    return fn, [n.carrot for n in leaves]
