"""History buffers and the curve maths for the live plots (Qt-free).

:class:`GrowBuffer` is the preallocated array that doubles when full (as in pyqtgraph's scrolling-plot
example), so appending is cheap and ``view()`` hands a plot ``buf[:n]`` without copying.
:func:`ema` is TensorBoard-style smoothing with bias correction, :func:`robust_range` the y range that
ignores outliers; :class:`RunningRange`, :class:`PeakEnvelope` and :func:`nice_ceiling` keep a live plot's
view and curve up to date from the new points only; :func:`far_range` bounds what may be drawn near a view.
"""

from __future__ import annotations

import numpy as np


class GrowBuffer:
    """Rows appended one or many at a time into a preallocated array that doubles its capacity when full."""

    def __init__(self, width: int | None = None, capacity: int = 1024, dtype: type = np.float64) -> None:
        self.width = width
        shape = (capacity,) if width is None else (capacity, width)
        self._buf = np.empty(shape, dtype=dtype)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        return self._buf.shape[0]

    def _reserve(self, extra: int) -> None:
        need = self._n + extra
        if need <= self._buf.shape[0]:
            return
        cap = self._buf.shape[0]
        while cap < need:
            cap *= 2
        new = np.empty((cap, *self._buf.shape[1:]), dtype=self._buf.dtype)
        new[: self._n] = self._buf[: self._n]
        self._buf = new

    def append(self, row) -> None:
        self._reserve(1)
        self._buf[self._n] = row
        self._n += 1

    def extend(self, rows) -> None:
        rows = np.asarray(rows, dtype=self._buf.dtype)
        k = rows.shape[0]
        self._reserve(k)
        self._buf[self._n : self._n + k] = rows
        self._n += k

    def view(self) -> np.ndarray:
        """The filled part, a view (valid until the next append that grows the buffer)."""
        return self._buf[: self._n]

    def clear(self) -> None:
        self._n = 0

    def truncate(self, n: int) -> None:
        """Keep only the first ``n`` rows."""
        self._n = max(0, min(n, self._n))


def _ema_block(x: np.ndarray, weight: float, s: float, norm: float) -> tuple[np.ndarray, float, float]:
    """Continue the EMA over ``x`` from running state (s, norm); returns (debiased values, s, norm).

    With a "time" that advances only on finite samples, s_k = w·s_{k-1} + (1-w)·x_k has the closed form
    s_k = w^k (s_0 + Σ (1-w) x_j w^-j), so a block is a couple of cumsums; blocks keep w^-k in range.
    """
    out = np.empty(x.size, dtype=np.float64)
    block = max(1, min(4096, int(200.0 / max(-np.log10(weight), 1e-12))))
    for start in range(0, x.size, block):
        xb = x[start : start + block]
        fb = np.isfinite(xb)
        xb = np.where(fb, xb, 0.0)
        fb = fb.astype(np.float64)
        steps = np.cumsum(fb)
        with np.errstate(all="ignore"):  # a diverging loss near 1e308 overflows: it shows as a gap
            wpow = weight**steps
            inv = weight ** (-steps)
            sb = wpow * (s + np.cumsum((1.0 - weight) * xb * fb * inv))
            nb = wpow * (norm + np.cumsum((1.0 - weight) * fb * inv))
            out[start : start + block] = np.where(nb > 0, sb / np.where(nb > 0, nb, 1.0), np.nan)
        s, norm = float(sb[-1]), float(nb[-1])
    return out, s, norm


def ema(values: np.ndarray, weight: float) -> np.ndarray:
    """Bias-corrected exponential moving average: s_t = w·s_{t-1} + (1-w)·v_t, divided by 1 - w^t.

    ``weight`` in [0, 1): 0 returns the values themselves. Non-finite values are skipped so one NaN does
    not wipe out the curve (the smoothed value there repeats the previous one). Vectorised: 100,000
    points take about a millisecond.
    """
    v = np.asarray(values, dtype=np.float64)
    if not 0.0 <= weight < 1.0:
        raise ValueError(f"smoothing weight must be in [0, 1), got {weight}")
    if weight == 0.0 or v.size == 0:
        return v.copy()
    return _ema_block(v, weight, 0.0, 0.0)[0]


class IncrementalEma:
    """:func:`ema` kept up to date as the history grows: each ``update`` smooths only the new points."""

    def __init__(self, weight: float) -> None:
        self.reset(weight)

    def reset(self, weight: float) -> None:
        if not 0.0 <= weight < 1.0:
            raise ValueError(f"smoothing weight must be in [0, 1), got {weight}")
        self.weight = weight
        self._out = GrowBuffer()
        self._s = 0.0
        self._norm = 0.0
        self.all_finite = True  # False once a smoothed value overflowed (a diverging loss)

    def update(self, values: np.ndarray) -> np.ndarray:
        """Smooth ``values`` (the whole history so far; only the part not yet seen is computed)."""
        n = len(self._out)
        if values.size < n:  # history was replaced: start over
            self.reset(self.weight)
            n = 0
        new = np.asarray(values[n:], dtype=np.float64)
        if new.size:
            if self.weight == 0.0:
                self._out.extend(new)
                self.all_finite = self.all_finite and bool(np.all(np.isfinite(new)))
            else:
                out, self._s, self._norm = _ema_block(new, self.weight, self._s, self._norm)
                self._out.extend(out)
                if self.all_finite and not (np.isfinite(self._s) and np.isfinite(out[-1])):
                    self.all_finite = bool(np.all(np.isfinite(self._out.view())))
        return self._out.view()

    def view(self) -> np.ndarray:
        return self._out.view()


def robust_range(
    values: np.ndarray, log: bool = False, ignore_outliers: bool = False
) -> tuple[float, float] | None:
    """The y range to show for ``values``: all finite values, or the 0.5..99.5 percentile band plus a
    margin when ``ignore_outliers`` (so one huge early loss does not flatten the rest). In log mode the
    range is of log10 of the positive values. None when nothing finite is left."""
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v)]
    if log:
        v = v[v > 0]
        v = np.log10(v)
    if v.size == 0:
        return None
    if ignore_outliers and v.size >= 10:
        lo, hi = np.percentile(v, [0.5, 99.5])
    else:
        lo, hi = float(v.min()), float(v.max())
    span = hi - lo
    if span <= 0:
        span = abs(hi) * 0.1 or 1.0
    return float(lo - 0.05 * span), float(hi + 0.05 * span)


class PeakEnvelope:
    """Min/max per bin of an append-only series, kept up to date from the new points only.

    What pyqtgraph's 'peak' downsampling computes from scratch every frame (a pass over all 100,000 points
    per curve), this keeps incrementally: at most ``max_bins`` bins, whose size doubles (by merging pairs)
    when they get too many. :meth:`xy` gives the curve to draw: each bin's start with its min then its max.
    """

    def __init__(self, max_bins: int = 2048) -> None:
        self.max_bins = max_bins
        self.reset()

    def reset(self) -> None:
        self.bin = 1
        self.n = 0
        self._min = GrowBuffer()
        self._max = GrowBuffer()

    def update(self, values: np.ndarray) -> None:
        """``values`` is the whole series so far (earlier values unchanged since the last call)."""
        if values.size < self.n:
            self.reset()
        first = self.n // self.bin  # the last, partly filled bin is recomputed
        self._min.truncate(first)
        self._max.truncate(first)
        seg = values[first * self.bin :]
        full = (seg.size // self.bin) * self.bin
        if full:
            blocks = seg[:full].reshape(-1, self.bin)
            self._min.extend(blocks.min(axis=1))
            self._max.extend(blocks.max(axis=1))
        if seg.size > full:
            self._min.append(seg[full:].min())
            self._max.append(seg[full:].max())
        self.n = values.size
        while len(self._min) > self.max_bins:
            self._merge()

    def _merge(self) -> None:
        lo, hi = self._min.view(), self._max.view()
        if lo.size % 2:
            lo = np.append(lo, np.inf)
            hi = np.append(hi, -np.inf)
        new_lo = np.minimum(lo[0::2], lo[1::2])
        new_hi = np.maximum(hi[0::2], hi[1::2])
        self._min.clear()
        self._max.clear()
        self._min.extend(new_lo)
        self._max.extend(new_hi)
        self.bin *= 2

    def xy(self) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) to draw: with bins of one point the series itself, else min and max at each bin start."""
        lo, hi = self._min.view(), self._max.view()
        if self.bin == 1:
            return np.arange(lo.size, dtype=np.float64), lo.copy()
        x = np.repeat(np.arange(lo.size, dtype=np.float64) * self.bin, 2)
        y = np.empty(2 * lo.size)
        y[0::2] = lo
        y[1::2] = hi
        return x, y


def nice_ceiling(v: float) -> float:
    """The next round number ≥ v (10, 12.5, 15, 20, 25, 30, 40, 50, ...): x ranges grow in jumps, so axes are
    re-laid out a handful of times per run instead of every frame."""
    if v <= 10:
        return 10.0
    k = 10 ** np.floor(np.log10(v))
    for m in (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if m * k >= v:
            return float(m * k)
    return float(10 * k)


class RunningRange:
    """Min and max of an append-only history, updated from the new part only."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.seen = 0
        self.lo = np.inf
        self.hi = -np.inf
        self.lo_pos = np.inf  # smallest positive value (for a log axis)

    def update(self, values: np.ndarray) -> None:
        if values.shape[0] < self.seen:
            self.reset()
        new = values[self.seen :]
        if new.size:
            self.lo = min(self.lo, float(np.min(new)))
            self.hi = max(self.hi, float(np.max(new)))
            pos = new[new > 0]
            if pos.size:
                self.lo_pos = min(self.lo_pos, float(np.min(pos)))
        self.seen = values.shape[0]


def far_range(values: np.ndarray, reach: float = 100.0) -> tuple[float, float]:
    """A range ``reach`` times wider than ``values`` on each side: what may be drawn around a view of them
    (Qt's painter must never be handed a diverged model's 1e150)."""
    lo, hi = float(np.min(values)), float(np.max(values))
    span = hi - lo or abs(hi) or 1.0
    return lo - reach * span, hi + reach * span


def far_box(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float, float]:
    """:func:`far_range` of both axes: (x0, x1, y0, y1)."""
    return (*far_range(xs), *far_range(ys))
