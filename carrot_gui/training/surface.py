"""The MSE over (weight, bias) for one feature: the landscape the SGD path walks on (Qt-free).

This evaluates the loss, it does not differentiate it: MSE(w, b) = mean((x·w + b − y)²) expands into five
sums over the data, so a 200×200 grid costs a few array operations whatever the number of samples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..i18n import translate


@dataclass(frozen=True)
class Surface:
    """MSE on a regular grid: ``loss[i, j]`` is at ``(weights[i], biases[j])``; the minimum is ``best``."""

    weights: np.ndarray
    biases: np.ndarray
    loss: np.ndarray
    best: tuple[float, float]
    best_loss: float

    def levels(self, count: int = 10) -> np.ndarray:
        """Contour levels spaced geometrically from just above the minimum to the grid's largest loss."""
        lo = max(self.best_loss, 1e-12)
        hi = float(np.nanmax(self.loss))
        if not np.isfinite(hi) or hi <= lo:
            return np.array([lo])
        span = hi - lo
        return lo + span * np.geomspace(1e-3, 0.8, count)


def least_squares(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The exact minimiser (w*, b*) of the MSE for one feature (b* = mean(y) if x is constant)."""
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    vx = x.var()
    if vx == 0:
        return 0.0, float(y.mean())
    w = float(((x - x.mean()) * (y - y.mean())).mean() / vx)
    return w, float(y.mean() - w * x.mean())


def mse_grid(x: np.ndarray, y: np.ndarray, weights: np.ndarray, biases: np.ndarray) -> np.ndarray:
    """MSE at every (w, b) of the grid, via the expanded quadratic (no pass over the data per point)."""
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    sxx, sx, sxy, sy, syy = (x * x).mean(), x.mean(), (x * y).mean(), y.mean(), (y * y).mean()
    w = np.asarray(weights, dtype=np.float64)[:, None]
    b = np.asarray(biases, dtype=np.float64)[None, :]
    loss = sxx * w * w + 2 * sx * w * b + b * b - 2 * sxy * w - 2 * sy * b + syy
    return np.maximum(loss, 0.0)  # rounding can dip a hair below 0 at the minimum


def surface_around(
    x: np.ndarray,
    y: np.ndarray,
    points: list[tuple[float, float]] | np.ndarray = (),
    resolution: int = 160,
    margin: float = 0.6,
) -> Surface:
    """A grid centred on the least-squares optimum, wide enough to hold ``points`` (e.g. the initial
    parameters) with a ``margin``, at least ±1 around the optimum."""
    if np.asarray(x).ndim == 2 and np.asarray(x).shape[1] != 1:
        raise ValueError(translate("TrainingSession", "the MSE surface is drawn for one feature only"))
    w0, b0 = least_squares(x, y)
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2) if len(points) else np.empty((0, 2))
    pts = pts[np.all(np.isfinite(pts), axis=1)]
    half_w = max(1.0, float(np.max(np.abs(pts[:, 0] - w0))) if len(pts) else 1.0) * (1 + margin)
    half_b = max(1.0, float(np.max(np.abs(pts[:, 1] - b0))) if len(pts) else 1.0) * (1 + margin)
    weights = np.linspace(w0 - half_w, w0 + half_w, resolution)
    biases = np.linspace(b0 - half_b, b0 + half_b, resolution)
    loss = mse_grid(x, y, weights, biases)
    best = float(mse_grid(x, y, np.array([w0]), np.array([b0]))[0, 0])
    return Surface(weights=weights, biases=biases, loss=loss, best=(w0, b0), best_loss=best)


def clip_polyline(points: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """The parts of a polyline (k, 2) inside ``box`` = (x0, x1, y0, y1), with NaN rows where it leaves and
    re-enters (draw with ``connect="finite"``). A diverging run sends points to 1e150 and beyond; Qt's
    painter overflows (and can crash) on such coordinates, so what lies outside a generous box around the
    view is cut off exactly at the box's edge (Liang–Barsky), which keeps every drawn direction true."""
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    x0, x1, y0, y1 = box
    inside = (pts[:, 0] >= x0) & (pts[:, 0] <= x1) & (pts[:, 1] >= y0) & (pts[:, 1] <= y1)
    if inside.all():
        return pts
    if len(pts) == 1:
        return pts[:0]
    out: list[tuple[float, float]] = []
    nan = (float("nan"), float("nan"))
    for p, q in zip(pts[:-1], pts[1:]):
        seg = _clip_segment(p, q, x0, x1, y0, y1)
        if seg is None:
            if out and out[-1] is not nan:
                out.append(nan)
            continue
        a, b = seg
        if out and out[-1] is not nan and out[-1] != a:
            out.append(nan)
        if not out or out[-1] != a:
            out.append(a)
        out.append(b)
    while out and out[-1] is nan:
        out.pop()
    return np.array(out, dtype=np.float64).reshape(-1, 2)


def _clip_segment(p, q, x0, x1, y0, y1):
    """The part of segment p→q inside the box, as two (x, y) tuples, or None (Liang–Barsky)."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    with np.errstate(all="ignore"):
        for den, num in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
            if den == 0:
                if num < 0:
                    return None
                continue
            t = num / den
            if den < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return None
    a = (float(p[0] + t0 * dx), float(p[1] + t0 * dy))
    b = (float(p[0] + t1 * dx), float(p[1] + t1 * dy))
    slack_x, slack_y = 1e-6 * (x1 - x0), 1e-6 * (y1 - y0)
    for x, y in (a, b):  # both ends far out (1e150): rounding can put the "cut" anywhere; draw nothing
        if not (x0 - slack_x <= x <= x1 + slack_x and y0 - slack_y <= y <= y1 + slack_y):
            return None
    return a, b


def clip_line(w: float, b: float, x_range: tuple[float, float], y_range: tuple[float, float]) -> np.ndarray:
    """The piece of the line y = w·x + b with x in ``x_range`` and y in ``y_range``, as (2, 2) points, or
    (0, 2) if none. Exact for steep lines (a diverged weight of 1e200): where the line is cut by a y bound,
    that bound is the point's y, never w·x + b recomputed from a rounded x."""
    (x0, x1), (y0, y1) = x_range, y_range
    if not (math.isfinite(w) and math.isfinite(b)):
        return np.empty((0, 2))
    if w == 0:
        return np.array([[x0, b], [x1, b]]) if y0 <= b <= y1 else np.empty((0, 2))
    with np.errstate(all="ignore"):
        ends = []
        for x in (x0, x1):
            y = w * x + b
            if y0 <= y <= y1:
                ends.append((x, y))
        for y in (y0, y1):
            x = (y - b) / w
            if x0 < x < x1:
                ends.append((x, y))
    if len(ends) < 2:
        return np.empty((0, 2))
    ends.sort()
    return np.array([ends[0], ends[-1]], dtype=np.float64)
