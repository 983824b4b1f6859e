"""The MSE over (weight, bias) for one feature: the landscape the SGD path walks on (Qt-free).

This evaluates the loss, it does not differentiate it: MSE(w, b) = mean((x·w + b − y)²) expands into five
sums over the data, so a 200×200 grid costs a few array operations whatever the number of samples.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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
        raise ValueError("the MSE surface is drawn for one feature only")
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
