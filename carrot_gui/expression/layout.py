"""Layered left-to-right layout of an expression graph (Qt-free): inputs left, output right.

Each result sits one layer right of its rightmost operand; a leaf sits just before its first consumer
(not all leaves in column 0 — a thousand leaves in one column is unreadable). Within a layer the order
comes from a few barycenter sweeps (Sugiyama-style) to keep edge crossings few; then each node moves
towards the mean height of its neighbours without overlapping the one above it.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from dataclasses import dataclass

from .graph import CONSTANT, ExpressionGraph, GraphNode

# Box sizes in scene units (the views draw exactly these).
OP_SIZE = (112.0, 62.0)
TENSOR_SIZE = (128.0, 86.0)
CONSTANT_SIZE = (64.0, 30.0)
LAYER_GAP = 44.0  # horizontal space between two columns (edge labels float above, at screen size)
ROW_GAP = 22.0
# The accumulation badge ("∇ 2.0 + 3.0 = 5.0") is drawn this high, 2 units above its box; a node that can
# receive more than one gradient gets at least this much room above it, at any box scale (projector mode
# magnifies the badge with the box: with the plain ROW_GAP it found no free spot and crossed an edge).
ACCUMULATION_HEIGHT = 19.0
BADGE_ROOM = ACCUMULATION_HEIGHT + 3.0
SWEEPS = 4
# A small graph too wide for a canvas of about this size (scene units at zoom 1: the graph area of a
# 1360×820 window) is wrapped into bands, one under the other, so that fitted its text stays readable.
CANVAS = (740.0, 520.0)
BAND_MAX_NODES = 20
BAND_GAP = 56.0  # vertical space between two bands (the wrapped edges run through it)
READABLE_ZOOM = 0.95  # wrap when fitting one band would zoom out further than this


CELL_ROW = 14.0  # one row of a small tensor's numbers
CELL_WIDTH = 36.0  # one number of a small tensor
NUMBERS_MAX = 4  # tensors up to 4×4 show their numbers; bigger ones a heat map


def shows_numbers(node: GraphNode) -> bool:
    """A small tensor (a vector of ≤ 4, a matrix up to 4×4) is drawn as its numbers, not a heat map."""
    shape = node.shape
    if node.is_scalar or len(shape) > 2 or (node.kind == CONSTANT and node.carrot is None):
        return False
    return all(d <= NUMBERS_MAX for d in shape)


def node_size(node: GraphNode) -> tuple[float, float]:
    """Width and height of a node's box: constants small, tensors taller (room for numbers or a heat map)."""
    if node.kind == CONSTANT and node.carrot is None:
        return CONSTANT_SIZE
    if node.is_scalar:
        return OP_SIZE
    if shows_numbers(node):
        rows = node.shape[0] if len(node.shape) == 2 else 1
        cols = node.shape[-1]
        # head line, then the value's rows and the gradient's rows; 27 = padding + the "=" / "∇" column
        return max(OP_SIZE[0], 27.0 + cols * CELL_WIDTH), 30.0 + 2 * (rows * CELL_ROW + 4) + 4
    return TENSOR_SIZE


@dataclass
class Layout:
    """Top-left corner, size and layer of every node (by node index), and each layer's node order."""

    x: list[float]
    y: list[float]
    w: list[float]
    h: list[float]
    layer: list[int]
    layers: list[list[int]]
    band_of_layer: list[int] | None = None  # which band each layer is drawn in (None: one band)
    band_top: list[float] | None = None  # the top of each band
    box_scale: float = 1.0  # boxes are node_size() times this (projector mode: bigger boxes, same gaps)

    def band(self, i: int) -> int:
        return self.band_of_layer[self.layer[i]] if self.band_of_layer else 0

    def wrap_y(self, src: int, dst: int) -> float | None:
        """For an edge from a band into the next one: the height of the gap it runs through, else None."""
        if not self.band_of_layer or self.band(src) == self.band(dst):
            return None
        assert self.band_top is not None
        return self.band_top[self.band(dst)] - BAND_GAP / 2

    def rect(self, i: int) -> tuple[float, float, float, float]:
        return self.x[i], self.y[i], self.w[i], self.h[i]

    def center(self, i: int) -> tuple[float, float]:
        return self.x[i] + self.w[i] / 2, self.y[i] + self.h[i] / 2

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, width, height) of the whole drawing."""
        if not self.x:
            return 0.0, 0.0, 0.0, 0.0
        left = min(self.x)
        top = min(self.y)
        right = max(x + w for x, w in zip(self.x, self.w))
        bottom = max(y + h for y, h in zip(self.y, self.h))
        return left, top, right - left, bottom - top


def assign_layers(graph: ExpressionGraph) -> list[int]:
    """Layer of each node: results right of their operands, leaves just before their first consumer."""
    nodes = graph.nodes
    layer = [0] * len(nodes)
    for n in nodes:  # forward order: operands first
        if n.operands:
            layer[n.index] = 1 + max((layer[j] for j in n.operands if nodes[j].operands), default=0)
    for n in nodes:
        if not n.operands and n.consumers:
            layer[n.index] = max(0, min(layer[c] for c in n.consumers) - 1)
    return layer


def _reduce_crossings(
    layers: list[list[int]], layer: list[int], pos: list[float], preds: list, succs: list
) -> list[list[int]]:
    """Reorders each column by its neighbours' mean position (barycentre sweeps, alternating direction);
    returns the order with the fewest edge crossings seen. ``pos`` is updated in place as it goes."""
    depth = len(layers)
    best = _order_crossings(layers, layer, pos, preds)
    best_layers = [list(c) for c in layers]
    for sweep in range(SWEEPS):
        order = range(1, depth) if sweep % 2 == 0 else range(depth - 2, -1, -1)
        neighbours = preds if sweep % 2 == 0 else succs
        for li in order:
            column = layers[li]
            keyed = []
            for k, i in enumerate(column):
                nb = neighbours[i]
                keyed.append((sum(pos[j] for j in nb) / len(nb) if nb else pos[i], k, i))
            keyed.sort()
            column[:] = [i for _, _, i in keyed]
            for k, i in enumerate(column):
                pos[i] = float(k)
        crossings = _order_crossings(layers, layer, pos, preds)
        if crossings < best:  # sweeps can make things worse again: keep the best order seen
            best, best_layers = crossings, [list(c) for c in layers]
    return best_layers


def layered_layout(
    graph: ExpressionGraph,
    box_scale: float = 1.0,
    canvas: tuple[float, float] = CANVAS,
    max_zoom: float | None = None,
) -> Layout:
    """Positions for every node of ``graph``; linear in the number of edges per sweep. ``box_scale``
    magnifies every box (with its text) but not the gaps between them: a denser, bigger-text drawing.
    ``canvas``: the size (scene units at zoom 1) a small graph is wrapped into bands for; with ``max_zoom``
    (a view's largest fit zoom) the bands are chosen to show it biggest up to that zoom, else a graph that
    fits at ``READABLE_ZOOM`` stays in one band."""
    nodes = graph.nodes
    count = len(nodes)
    layer = assign_layers(graph)
    depth = max(layer, default=0) + 1
    layers: list[list[int]] = [[] for _ in range(depth)]
    for i in range(count):  # forward (DFS) order is already a good start: subtrees stay together
        layers[layer[i]].append(i)
    pos = [0.0] * count
    for column in layers:
        for k, i in enumerate(column):
            pos[i] = float(k)

    preds = [n.operands for n in nodes]
    succs = [n.consumers for n in nodes]
    layers = _reduce_crossings(layers, layer, pos, preds, succs)

    w = [0.0] * count
    h = [0.0] * count
    for n in nodes:
        width, height = node_size(n)
        w[n.index], h[n.index] = width * box_scale, height * box_scale
    gap = [max(ROW_GAP, BADGE_ROOM * box_scale) if k > 1 else ROW_GAP for k in path_counts(graph)]
    x, y = _stack(layers, w, h, gap)
    # pull nodes towards their operands' centres, then towards all neighbours (keeping the order)
    toward = [preds[i] or succs[i] for i in range(count)]  # leaves follow their consumer
    both = [preds[i] + succs[i] for i in range(count)]
    for li in range(depth):
        _settle(layers[li], y, h, gap, toward)
    for li in range(depth - 1, -1, -1):
        _settle(layers[li], y, h, gap, both)
    lay = Layout(x, y, w, h, layer, layers, box_scale=box_scale)
    if count <= BAND_MAX_NODES and depth >= 4:
        _wrap_into_bands(lay, canvas, max_zoom)
    return lay


def path_counts(graph: ExpressionGraph) -> list[int]:
    """How many paths lead from each node to the output, counted up to 2 (an edge per argument slot: ``a*a``
    is two). A node with 2 can receive more than one gradient, in either backward order: it may show the
    accumulation badge."""
    paths = [0] * len(graph.nodes)
    if not graph.nodes:
        return paths
    paths[graph.output] = 1
    out: list[list[int]] = [[] for _ in graph.nodes]
    for e in graph.edges:
        out[e.src].append(e.dst)
    for n in reversed(graph.nodes):  # results after their operands: reversed, every consumer comes first
        if n.index != graph.output:
            paths[n.index] = min(2, sum(paths[d] for d in out[n.index]))
    return paths


def _stack(
    layers: list[list[int]], w: list[float], h: list[float], gap: list[float]
) -> tuple[list[float], list[float]]:
    """Columns side by side (each node centred in its column), each column's boxes stacked top down, with
    ``gap[i]`` free above node ``i``."""
    x, y = [0.0] * len(w), [0.0] * len(w)
    left = 0.0
    for column in layers:
        width = max((w[i] for i in column), default=0.0)
        cursor = float("-inf")  # the bottom of the box above
        for i in column:
            x[i] = left + (width - w[i]) / 2
            y[i] = max(0.0, cursor + gap[i])
            cursor = y[i] + h[i]
        left += width + LAYER_GAP
    return x, y


def _fit_zoom(
    width: float, height: float, canvas: tuple[float, float] = CANVAS, cap: float = float("inf")
) -> float:
    return min(cap, canvas[0] / max(width, 1.0), canvas[1] / max(height, 1.0))


def _wrap_into_bands(
    lay: Layout, canvas: tuple[float, float] = CANVAS, max_zoom: float | None = None
) -> None:
    """Cut the columns of a small, wide graph into 2 or 3 bands stacked top to bottom (each band still
    reads left to right) when that lets a fitted view show it bigger; nothing changes otherwise."""
    left, top, width, height = lay.bounds()
    cap = float("inf") if max_zoom is None else max_zoom
    if _fit_zoom(width, height, canvas) >= (READABLE_ZOOM if max_zoom is None else max_zoom):
        return
    depth = len(lay.layers)
    col_left = [min(lay.x[i] for i in c) if c else 0.0 for c in lay.layers]
    col_right = [max(lay.x[i] + lay.w[i] for i in c) if c else 0.0 for c in lay.layers]
    col_top = [min(lay.y[i] for i in c) if c else 0.0 for c in lay.layers]
    col_bottom = [max(lay.y[i] + lay.h[i] for i in c) if c else 0.0 for c in lay.layers]
    best = (_fit_zoom(width, height, canvas, cap), None)
    for bands in (2, 3):
        if depth <= 2 * bands:  # a band of one or two columns is no wrap worth its long edges
            continue
        cuts = [round(depth * k / bands) for k in range(bands + 1)]
        spans = [range(cuts[k], cuts[k + 1]) for k in range(bands)]
        w = max(col_right[s[-1]] - col_left[s[0]] for s in spans)
        h = sum(max(col_bottom[c] for c in s) - min(col_top[c] for c in s) for s in spans)
        zoom = _fit_zoom(w, h + BAND_GAP * (bands - 1), canvas, cap)
        if zoom > best[0] * 1.05:
            best = (zoom, spans)
    spans = best[1]
    if spans is None:
        return
    lay.band_of_layer = [0] * depth
    lay.band_top = []
    cursor = top
    for b, span in enumerate(spans):
        dx = col_left[span[0]] - left
        dy = cursor - min(col_top[c] for c in span)
        lay.band_top.append(cursor)
        for c in span:
            lay.band_of_layer[c] = b
            for i in lay.layers[c]:
                lay.x[i] -= dx
                lay.y[i] += dy
        cursor += max(col_bottom[c] for c in span) - min(col_top[c] for c in span) + BAND_GAP


def _order_crossings(
    layers: list[list[int]], layer: list[int], pos: list[float], preds: list[list[int]]
) -> int:
    """Crossings between neighbouring layers for the current order (inversion count, O(E log E))."""
    total = 0
    for li in range(1, len(layers)):
        pairs = sorted((pos[d], pos[s]) for d in layers[li] for s in preds[d] if layer[s] == li - 1)
        seen: list[float] = []
        for _, sp in pairs:
            k = bisect_right(seen, sp)
            total += len(seen) - k
            insort(seen, sp)
    return total


def _settle(
    column: list[int], y: list[float], h: list[float], gap: list[float], neighbours: list[list[int]]
) -> None:
    """Move each node of a column towards its neighbours' mean centre, never closer than ``gap[i]`` below the
    one above it, order kept."""
    if not column:
        return
    wanted = []
    for i in column:
        nb = neighbours[i]
        wanted.append(sum(y[j] + h[j] / 2 for j in nb) / len(nb) - h[i] / 2 if nb else y[i])
    floor = float("-inf")
    for k, i in enumerate(column):
        y[i] = max(wanted[k], floor + gap[i])
        floor = y[i] + h[i]
    # Pushing down only drifts the column; shift it back so it is centred on what it wanted.
    shift = (sum(wanted) - sum(y[i] for i in column)) / len(column)
    for i in column:
        y[i] += shift


def count_crossings(graph: ExpressionGraph, layout: Layout) -> int:
    """Edge crossings between neighbouring layers (edges spanning more layers are not counted)."""
    by_pair: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for e in graph.edges:
        ls, ld = layout.layer[e.src], layout.layer[e.dst]
        if ld == ls + 1:
            by_pair.setdefault((ls, ld), []).append((layout.center(e.src)[1], layout.center(e.dst)[1]))
    crossings = 0
    for segs in by_pair.values():
        segs.sort()
        for a in range(len(segs)):
            for b in range(a + 1, len(segs)):
                if segs[a][0] < segs[b][0] and segs[a][1] > segs[b][1]:
                    crossings += 1
    return crossings
