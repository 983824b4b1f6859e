"""What the Network lab's views draw, decided without Qt: where the neurons sit, how wide a weight's line is,
the words of a line's tooltip, the colours of classes and how a decision boundary blends them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .. import theme
from ..i18n import format_text, translate

MAX_LINE_WIDTH = 8.0  # px, the widest weight
MIN_LINE_WIDTH = 0.5  # px, a weight near 0 stays visible
WIDTH_STEP = 0.5  # widths are rounded to this, so a tiny change repaints nothing
BOUNDARY_STRENGTH = 0.55  # how much of a class colour a fully confident region gets (points stay visible)


def class_colours(k: int, t: theme.Theme | None = None) -> list[str]:
    """``k`` distinct colours for classes 0 … k-1 (they repeat after nine): the theme's value blue first, then
    hues that stay apart for a red–green colour-blind eye; none is the gradient orange or the error red."""
    palette = (t or theme.current()).classes
    return [palette[i % len(palette)] for i in range(k)]


def hex_rgb(colour: str) -> np.ndarray:
    """``#rrggbb`` as three floats 0–255."""
    c = colour.lstrip("#")
    return np.array([int(c[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.float64)


def blend_classes(probs: np.ndarray, colours: list[str], background: str) -> np.ndarray:
    """RGBA (H, W, 4) uint8 of class probabilities (H, W, k): each class's colour weighted by its
    probability, faded towards ``background`` where the model is unsure, so the boundary shows as a pale
    band and confident regions are tinted (never so dark that the points disappear)."""
    probs = np.nan_to_num(np.asarray(probs, dtype=np.float64), nan=0.0)
    k = probs.shape[-1]
    if k == 1:  # one probability of class 1
        probs = np.concatenate([1.0 - probs, probs], axis=-1)
        k = 2
    probs = np.clip(probs, 0.0, 1.0)
    rgb = probs @ np.stack([hex_rgb(c) for c in colours[:k]])
    sure = (probs.max(axis=-1, keepdims=True) - 1.0 / k) * (k / (k - 1.0))  # 0 at a tie, 1 when certain
    bg = hex_rgb(background)
    out = np.empty(probs.shape[:-1] + (4,), dtype=np.uint8)
    out[..., :3] = np.clip(bg + (rgb - bg) * (BOUNDARY_STRENGTH * sure + 0.1), 0, 255)
    out[..., 3] = 255
    return out


mix = theme.mix  # the name the Network lab's views use


@dataclass(frozen=True)
class Layout:
    """Neuron centres per layer (arrays (n, 2) of x, y in pixels, y down) and each layer's circle radius."""

    centres: list[np.ndarray]
    radii: list[float]

    @property
    def radius(self) -> float:
        """The largest circle's radius (margins are kept for it)."""
        return max(self.radii)

    def line_ends(self, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """Start and end points (in*out, 2) of weight layer ``layer``'s lines, in (i, j) row-major order."""
        a, b = self.centres[layer], self.centres[layer + 1]
        n_in, n_out = len(a), len(b)
        return np.repeat(a, n_out, axis=0), np.tile(b, (n_in, 1))


def neuron_layout(
    layer_sizes: list[int],
    width: float,
    height: float,
    left: float = 70.0,
    margin: float = 16.0,
    top: float = 0.0,
) -> Layout:
    """Layers as evenly spaced columns (inputs on the left, room for feature names), each column's neurons
    centred vertically below ``top``; the radii are the largest that keep circles apart (up to 30 px; one
    radius for all layers unless a dense layer forces small circles, then the narrower layers get up to 12)."""
    n_layers = len(layer_sizes)
    usable_w = max(width - left - margin, 1.0)
    usable_h = max(height - 2 * margin, 1.0)
    biggest = max(max(layer_sizes, default=1), 1)
    by_width = 0.3 * usable_w / max(n_layers, 2)
    common = min(30.0, by_width, 0.4 * usable_h / biggest)  # every layer's circle when the network is small
    cap = max(common, 12.0)  # a narrow layer beside 64 inputs still gets circles one can see and point at
    radii = [max(2.0, min(cap, by_width, 0.4 * usable_h / max(n, 1))) for n in layer_sizes]
    r_max = max(radii)
    dx = max(usable_w - 2 * r_max, 0.0) / max(n_layers - 1, 1)  # whole circles stay inside the width
    centres = []
    for k, (n, r) in enumerate(zip(layer_sizes, radii)):
        x = left + r_max + k * dx if n_layers > 1 else left + usable_w / 2
        gap = min(usable_h / max(n, 1), 3.0 * r)
        ys = top + height / 2 + (np.arange(n) - (n - 1) / 2) * gap
        centres.append(np.column_stack([np.full(n, x), ys]))
    return Layout(centres, radii)


def nearest_segment(p: tuple[float, float], starts: np.ndarray, ends: np.ndarray) -> tuple[int | None, float]:
    """The index of the segment (starts[i] → ends[i]) nearest to point ``p`` and its distance."""
    if len(starts) == 0:
        return None, float("inf")
    pt = np.asarray(p, dtype=np.float64)
    d = ends - starts
    length2 = np.maximum((d * d).sum(axis=1), 1e-12)
    t = np.clip(((pt - starts) * d).sum(axis=1) / length2, 0.0, 1.0)
    dist = np.hypot(*(starts + t[:, None] * d - pt).T)
    i = int(np.argmin(dist))
    return i, float(dist[i])


def widest_line(n_lines: int) -> float:
    """The widest line of a layer of ``n_lines`` weights: 8 px up to 100 lines, thinner in denser layers
    (64×32 lines at 8 px are one solid mass; at under 2 px the pattern shows)."""
    return MAX_LINE_WIDTH if n_lines <= 100 else max(1.0, MAX_LINE_WIDTH * math.sqrt(100 / n_lines))


def line_widths(w: np.ndarray, scale: float, widest: float = MAX_LINE_WIDTH) -> np.ndarray:
    """Line widths for weights ``w``: |w| / scale of ``widest``, rounded to WIDTH_STEP px."""
    a = np.nan_to_num(np.abs(np.asarray(w, dtype=np.float64)), nan=0.0, posinf=scale, neginf=scale)
    frac = np.clip(a / scale, 0.0, 1.0) if scale > 0 else np.zeros_like(a)
    raw = MIN_LINE_WIDTH + frac * (widest - MIN_LINE_WIDTH)
    return np.round(raw / WIDTH_STEP) * WIDTH_STEP


def width_scale(arrays: list[np.ndarray]) -> float:
    """The magnitude drawn at full width: the largest |entry| over all layers (so layers compare)."""
    finite = [np.abs(a[np.isfinite(a)]).max() for a in arrays if np.size(a) and np.isfinite(a).any()]
    return float(max(finite, default=0.0)) or 1.0


def line_tip(
    layer: int, i: int, j: int, weight: float, grad: float | None, names: list[str], missing: str = ""
) -> str:
    """A weight line's tooltip: which neurons it joins, its weight and its current gradient (``missing`` says
    what stands for a gradient not computed yet)."""
    src = (
        names[i]
        if layer == 0 and i < len(names)
        else format_text("NetworkView", "neuron {value} of layer {layer}", value=i + 1, layer=layer)
    )
    missing = missing or translate("NetworkView", "not computed yet (run a backward pass)")
    grad_text = missing if grad is None else theme.format_number(grad)
    return format_text(
        "NetworkView",
        "w[{i}, {j}] of layer {value}: {src} → neuron {value2} of layer {value}\nweight  {value3}\n∂L/∂w  {grad_text}\nClick to type a new weight.",
        i=i,
        j=j,
        value=layer + 1,
        src=src,
        value2=j + 1,
        value3=theme.format_number(weight),
        grad_text=grad_text,
    )


def key_text(highlighted: int | None) -> str:
    """The colour key above the network: what a line's colour and width mean now."""
    if highlighted is None:
        return translate(
            "NetworkView",
            "weights: blue +, grey −, width |w| · point at a line to read it, click to change it",
        )
    return format_text(
        "NetworkView",
        "layer {value} lit: its lines show ∂L/∂w — orange +, grey −, width |∂L/∂w|",
        value=highlighted + 1,
    )


def parse_weight(text: str) -> float:
    """A typed weight as a float; a clear ValueError for anything that is not one finite number."""
    cleaned = text.strip().replace("−", "-").replace(",", ".")
    if not cleaned:
        raise ValueError(
            translate("NetworkView", "Type a number, e.g. 0.5 or -1.2 (Escape keeps the weight).")
        )
    try:
        v = float(cleaned)
    except ValueError:
        raise ValueError(
            format_text(
                "NetworkView", "“{value}” is not a number: type e.g. 0.5 or -1.2.", value=text.strip()
            )
        ) from None
    if not math.isfinite(v):
        raise ValueError(translate("NetworkView", "A weight must be a finite number."))
    if abs(v) > 1e6:
        raise ValueError(
            format_text(
                "NetworkView", "{value} is too large for a weight (at most 1e6 in size).", value=text.strip()
            )
        )
    return v


def map_indices(maps: np.ndarray, levels: int = 256) -> np.ndarray:
    """Activation maps (n, H, W) as indices 0 … levels-1 into a diverging colour table, each map scaled by
    its own largest |value| (so every neuron's pattern shows) with 0 in the middle; row 0 becomes the last
    image row (the lowest y is drawn at the bottom)."""
    m = np.nan_to_num(np.asarray(maps, dtype=np.float32), nan=0.0, posinf=0.0, neginf=0.0)
    scale = np.abs(m).reshape(len(m), -1).max(axis=1)
    scale[scale == 0] = 1.0
    idx = (m / scale[:, None, None] + 1.0) * ((levels - 1) / 2.0)
    return np.ascontiguousarray(np.clip(idx + 0.5, 0, levels - 1).astype(np.uint8)[:, ::-1, :])


def _resample(m: np.ndarray, d: int, axis: int) -> np.ndarray:
    """Bilinear resampling of ``m`` to ``d`` samples along ``axis`` (pixel centres aligned)."""
    n = m.shape[axis]
    pos = np.clip((np.arange(d) + 0.5) * n / d - 0.5, 0, n - 1)
    i0 = np.floor(pos).astype(int)
    i1 = np.minimum(i0 + 1, n - 1)
    f = (pos - i0).astype(m.dtype)
    shape = [1] * m.ndim
    shape[axis] = d
    f = f.reshape(shape)
    return np.take(m, i0, axis=axis) * (1 - f) + np.take(m, i1, axis=axis) * f


def round_maps(maps: np.ndarray, d: int, lut: np.ndarray) -> np.ndarray:
    """Activation maps (n, H, W) as round RGBA images (n, d, d, 4) uint8, ready to draw inside circles of
    diameter ``d`` px: resampled smoothly, coloured through ``lut`` (256, 3) as :func:`map_indices` scales
    them, transparent outside the circle (antialiased edge). One vectorised pass for a whole layer."""
    idx = map_indices(maps).astype(np.float32)
    big = _resample(_resample(idx, d, 1), d, 2)
    out = np.empty(big.shape + (4,), dtype=np.uint8)
    out[..., :3] = lut[np.clip(big + 0.5, 0, 255).astype(np.uint8)]
    c = (np.arange(d) + 0.5) - d / 2
    dist = np.hypot(c[:, None], c[None, :])
    out[..., 3] = (np.clip(d / 2 - dist + 0.5, 0, 1) * 255).astype(np.uint8)
    return out


def confusion_matrix(truth: np.ndarray, predicted: np.ndarray, k: int) -> np.ndarray:
    """Counts (k, k): row = the true class, column = the predicted one (labels outside 0…k-1 are left out)."""
    t = np.asarray(truth).astype(int).reshape(-1)
    p = np.asarray(predicted).astype(int).reshape(-1)
    ok = (t >= 0) & (t < k) & (p >= 0) & (p < k)
    counts = np.zeros((k, k), dtype=np.int64)
    np.add.at(counts, (t[ok], p[ok]), 1)
    return counts
