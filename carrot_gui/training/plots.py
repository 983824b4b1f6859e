"""The Training lab's four live plots (pyqtgraph): loss per step, data + fitted line, MSE surface with the
SGD path, parameters over time. Thin views: each ``show_*`` method paints arrays it is given; the lab's
refresh timer calls them at screen rate with buffer views (``buf[:n]``), never once per training step.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QGraphicsItem, QLabel

from .. import theme
from .history import GrowBuffer, PeakEnvelope, robust_range
from .surface import Surface, clip_line, clip_polyline

MAX_SCATTER = 2000  # points drawn of the data (a random but fixed subset beyond this)
MAX_PATH = (
    1000  # points drawn of the SGD path on the surface (evenly strided beyond this; a thick line is slow)
)
EARLIER_RUNS = 6  # faded curves kept for comparison
# earlier runs: muted hues (not the live run's blue, not the gradient orange, not the error red)
EARLIER_COLOURS = ("#7c3aed", "#0f766e", "#a16207", "#be185d", "#4d7c0f", "#64748b")
ENVELOPE_FROM = 8192  # live curves longer than this are drawn from an incremental min/max envelope
ENVELOPE_BINS = (
    1024  # min/max bins of such an envelope: 1-2 per pixel of a wide loss plot (fewer points to draw)
)
# weights; the bias is magenta. None of them is the theme's gradient orange: parameters are values.
PARAM_COLOURS = ("#1f5fbf", "#7c3aed", "#a16207", "#0f766e", "#4d7c0f", "#334155")
BIAS_COLOUR = "#be185d"
SUBPIXEL = 2000  # a change smaller than 1/SUBPIXEL of a view's span is not redrawn (under a pixel)
LEGEND_WEIGHTS = 5  # weights named in the parameter legend (more would crowd it; the colours repeat)


def _pen(colour: str, width: float = 1.5, alpha: int | None = None, style=None):
    """A pen; long curves use width 1 (cosmetic): Qt draws thicker lines several times slower."""
    c = QColor(colour)
    if alpha is not None:
        c.setAlpha(alpha)
    pen = pg.mkPen(c, width=width)
    if style is not None:
        pen.setStyle(style)
    return pen


def theme_plot(w: pg.PlotWidget) -> None:
    """Re-apply the current theme's text colours and sizes to a plot's title, axis labels and ticks."""
    t = theme.current()
    item = w.getPlotItem()
    title = item.titleLabel.text
    if title:
        w.setTitle(title, color=t.text, size=f"{t.font_size:.0f}pt")
    tick_font = theme.qfont(max(7.0, t.font_size - 1))
    for name in ("left", "bottom"):
        ax = w.getAxis(name)
        ax.setTextPen(t.text)
        ax.setStyle(tickFont=tick_font)
        if ax.labelText:
            ax.setLabel(ax.labelText, color=t.muted, **{"font-size": f"{t.font_size:.0f}pt"})
    if item.legend is not None:
        item.legend.setLabelTextColor(t.text)
        item.legend.setLabelTextSize(f"{max(7.0, t.font_size - 1):.0f}pt")
        for _sample, label in item.legend.items:  # pyqtgraph stores the size but does not re-render
            label.setText(label.text)
    w.setBackground(t.panel)


def _plain_axes(w: pg.PlotWidget) -> None:
    """Numbers as they are on the axes (no "×1e+27" unit prefix), in the theme's colours."""
    t = theme.current()
    for axis in ("left", "bottom"):
        ax = w.getAxis(axis)
        ax.enableAutoSIPrefix(False)
        ax.setTextPen(t.text)


def nice_ceiling(v: float) -> float:
    """The next round number ≥ v (10, 12.5, 15, 20, 25, 30, 40, 50, ...): x ranges grow in jumps, so axes are re-laid out
    a handful of times per run instead of every frame."""
    if v <= 10:
        return 10.0
    k = 10 ** np.floor(np.log10(v))
    for m in (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if m * k >= v:
            return float(m * k)
    return float(10 * k)


class Follow:
    """Keeps a live plot's view on the data without pyqtgraph's per-frame auto-range (which repaints twice
    and re-lays out the axes every frame). The x range jumps to :func:`nice_ceiling`; the y range changes only
    when the data leaves it or fills less than half of it. A user's pan/zoom stops following until
    :meth:`resume`."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.plot = plot
        self.vb = plot.getPlotItem().getViewBox()
        self.vb.disableAutoRange()
        self.following = True
        self._x: tuple[float, float] | None = None
        self._y: tuple[float, float] | None = None
        self.vb.sigRangeChangedManually.connect(self._user_moved)

    def _user_moved(self, *_args) -> None:
        self.following = False

    def resume(self) -> None:
        self.following = True
        self._x = self._y = None

    def apply(self, n: int, lo: float | None, hi: float | None, live: bool = True) -> None:
        """Show steps 0..n and values lo..hi (None: no finite values yet); when not ``live`` (paused or
        finished) the x range fits the steps exactly."""
        if not self.following:
            return
        x = (0.0, nice_ceiling(n * 1.02)) if live else (0.0, float(max(n - 1, 1)))
        if x != self._x:
            self._x = x
            self.plot.setXRange(*x, padding=0)
        if lo is None or hi is None or not (np.isfinite(lo) and np.isfinite(hi)):
            return
        span = hi - lo if hi > lo else (abs(hi) * 0.1 or 1.0)
        want = (lo - 0.06 * span, hi + 0.06 * span)
        cur = self._y
        if (
            cur is None
            or want[0] < cur[0]
            or want[1] > cur[1]
            or (want[1] - want[0]) < 0.5 * (cur[1] - cur[0])
        ):
            self._y = want
            self.plot.setYRange(*want, padding=0)


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


def _far_range(values: np.ndarray, reach: float = 100.0) -> tuple[float, float]:
    """A range ``reach`` times wider than ``values`` on each side: what may be drawn around a view of them."""
    lo, hi = float(np.min(values)), float(np.max(values))
    span = hi - lo or abs(hi) or 1.0
    return lo - reach * span, hi + reach * span


def _far_box(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float, float]:
    return (*_far_range(xs), *_far_range(ys))


class LegendBar(QLabel):
    """A legend under a small plot, not over it (curves settle anywhere in a small view, and a legend there
    hides them): coloured marks and names in lines broken to fit the plot's width. Lines are broken by hand
    because a word-wrapped label asks for height-for-width layout, and the lab's grid then starves the
    loss plot."""

    def __init__(self, name: str, tip: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setToolTip(tip)
        self.setMinimumWidth(10)  # never widens the plot: lines are broken instead
        self.entries: list[tuple[str, str, str]] = []  # (mark, colour, name)
        self._width = -1

    def set_entries(self, entries: list[tuple[str, str, str]]) -> None:
        self.entries = list(entries)
        self.apply_theme()

    def apply_theme(self) -> None:
        t = theme.current()
        self.setStyleSheet(f"color: {t.text}; font-size: {max(7.0, t.font_size - 1):.0f}pt;")
        self._width = -1
        self.fit(max(self.width(), 50))

    def fit(self, width: int) -> None:
        """Break the entries into lines no wider than ``width`` pixels."""
        width = max(width, 50)
        if width == self._width:
            return
        self._width = width
        self.ensurePolished()
        fm = QFontMetrics(self.font())
        gap = fm.horizontalAdvance("   ")
        lines: list[list[str]] = [[]]
        used = 0
        for mark, colour, name in self.entries:
            w = fm.horizontalAdvance(f"{mark} {name}")
            if lines[-1] and used + gap + w > width - 8:
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + w
            text = html.escape(name).replace(" ", "&nbsp;")
            lines[-1].append(f'<b style="color: {colour}">{mark}</b>&nbsp;{text}')
        self.setText("<br>".join(" &nbsp; ".join(line) for line in lines))

    def plain_text(self) -> str:
        """What the legend says, without its marks' markup."""
        return "  ".join(name for _mark, _colour, name in self.entries)


class StepAxis(pg.AxisItem):
    """An x axis of training steps: steps are whole, so no tick at 0.5 while only a few steps are shown."""

    def tickValues(self, minVal, maxVal, size):  # pyqtgraph calls it by this name
        levels = [
            (spacing, values) for spacing, values in super().tickValues(minVal, maxVal, size) if spacing >= 1
        ]
        if levels:
            return levels
        return [(1.0, [float(k) for k in range(int(np.ceil(minVal)), int(np.floor(maxVal)) + 1)])]


class LabPlot(pg.PlotWidget):
    """A plot of the lab: a themed title and axis labels, numbers as they are, no context menu."""

    def __init__(
        self,
        name: str,
        title: str,
        tooltip: str,
        axes: tuple[str, str] = ("", ""),
        min_size: tuple[int, int] = (240, 180),
    ) -> None:
        t = theme.current()
        steps = axes[0] == "step"
        super().__init__(background=t.panel, axisItems={"bottom": StepAxis("bottom")} if steps else None)
        self.setObjectName(name)
        self.setToolTip(tooltip)
        self.set_title(title)
        self.set_axes(*axes)
        self.setMenuEnabled(False)
        self.setMinimumSize(*min_size)
        _plain_axes(self)

    def set_title(self, title: str) -> None:
        t = theme.current()
        self.setTitle(title, color=t.text, size=f"{t.font_size:.0f}pt")

    def set_axes(self, bottom: str, left: str) -> None:
        """Axis titles (an empty one is left out), in the theme's muted colour."""
        t = theme.current()
        for side, text in (("bottom", bottom), ("left", left)):
            if text:
                self.setLabel(side, text, color=t.muted)


class LossPlot(LabPlot):
    """MSE per step: faint raw curve (the FIRST curve), bias-corrected EMA over it, earlier runs faded,
    a marker where the loss diverged, a crosshair under the mouse and a line at the step being inspected.
    Emits ``stepClicked(int)`` when the user clicks a step and ``hovered(float)`` with the x under the mouse
    (NaN when the mouse leaves the plot area)."""

    stepClicked = Signal(int)
    hovered = Signal(float)

    def __init__(self) -> None:
        super().__init__(
            "lossPlot",
            "Loss (MSE) per step",
            "Mean squared error of each training step. Faint: the raw loss; solid: smoothed.\n"
            "Hover to read values, click a step to see the model as it was then.",
            axes=("step", "MSE"),
            min_size=(320, 200),
        )
        t = theme.current()
        item = self.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self.legend = item.addLegend(
            offset=(-10, 10), labelTextColor=t.text, brush=QColor(255, 255, 255, 200)
        )
        self.legend_corner = "top-right"  # moved top-left while a divergence marker sits top-right
        self.raw = self.plot([], [], pen=_pen(t.value, 1, alpha=80), name="raw loss")  # first curve
        self.smooth = self.plot([], [], pen=_pen(t.value, 1), name="smoothed")
        self.raw.setZValue(5)
        self.smooth.setZValue(6)
        self.earlier: list[pg.PlotDataItem] = []
        self.diverged = pg.ScatterPlotItem(size=14, symbol="x", pen=_pen(t.error, 2), brush=QColor(t.error))
        self.diverged.setZValue(10)
        self.addItem(self.diverged)
        self.divergedLine = pg.InfiniteLine(angle=90, pen=_pen(t.error, 1.2, style=Qt.PenStyle.DashLine))
        self.divergedLine.setVisible(False)
        self.addItem(self.divergedLine, ignoreBounds=True)
        self.inspectLine = pg.InfiniteLine(angle=90, pen=_pen(t.text, 1.5, alpha=170))
        self.inspectLine.setVisible(False)
        self.addItem(self.inspectLine, ignoreBounds=True)
        self.vLine = pg.InfiniteLine(angle=90, pen=_pen(t.muted, 1, style=Qt.PenStyle.DotLine))
        self.hLine = pg.InfiniteLine(angle=0, pen=_pen(t.muted, 1, style=Qt.PenStyle.DotLine))
        for line in (self.vLine, self.hLine):
            line.setVisible(False)
            self.addItem(line, ignoreBounds=True)
        self.hint = pg.TextItem(
            "No steps yet: press ▶ Train (Space) or Step ▸ (→)", color=t.muted, anchor=(0.5, 0.5)
        )
        self.hint.setFont(theme.qfont(t.font_size + 2))
        self.addItem(self.hint, ignoreBounds=True)
        self._steps = np.arange(1024, dtype=np.float64)
        self.log_y = False
        self.ignore_outliers = False
        self.follow = Follow(self)
        self.loss_range = RunningRange()
        self._raw_env = PeakEnvelope(ENVELOPE_BINS)
        self._smooth_env = PeakEnvelope(ENVELOPE_BINS)
        self._earlier_ranges: list[tuple[float, float, float]] = []
        self._earlier_count = 0
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.scene().sigMouseClicked.connect(self._mouse_clicked)

    def _xs(self, n: int) -> np.ndarray:
        if n > self._steps.size:
            size = self._steps.size
            while size < n:
                size *= 2
            self._steps = np.arange(size, dtype=np.float64)
        return self._steps[:n]

    def show_loss(
        self,
        raw: np.ndarray,
        smooth: np.ndarray,
        diverged_at: int | None,
        smooth_finite: bool = False,
        live: bool = False,
    ) -> None:
        """Paint the run so far: ``raw`` and ``smooth`` are views of the history. ``raw`` holds finite values
        only, so pyqtgraph may skip its per-refresh scan for NaN (not in log mode: log10(0) is -inf)."""
        n = raw.size
        if live and self.follow.following and n > ENVELOPE_FROM:
            # following a long live run: draw the incrementally kept min/max envelope (a few thousand
            # points) instead of letting pyqtgraph re-reduce the whole history every frame
            self._raw_env.update(raw)
            self._smooth_env.update(smooth)
            self.raw.setData(*self._raw_env.xy(), skipFiniteCheck=not self.log_y)
            self.smooth.setData(*self._smooth_env.xy(), skipFiniteCheck=smooth_finite and not self.log_y)
        else:  # all points; pyqtgraph clips to the view and downsamples (zoom in for detail)
            xs = self._xs(n)
            self.raw.setData(xs, raw, skipFiniteCheck=not self.log_y)
            self.smooth.setData(xs, smooth, skipFiniteCheck=smooth_finite and not self.log_y)
        corner = "top-right" if diverged_at is None else "top-left"
        if corner != self.legend_corner:  # a diverging loss ends top-right: keep the legend off its marker
            self.legend_corner = corner
            if corner == "top-right":
                self.legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-10, 10))
            else:
                self.legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(10, 10))
        if diverged_at is None:
            self.diverged.setData([], [])
            self.divergedLine.setVisible(False)
        else:
            y = raw[-1] if n else 1.0
            self.diverged.setData([diverged_at], [np.log10(y) if self.log_y and y > 0 else y])
            self.divergedLine.setPos(diverged_at)
            self.divergedLine.setVisible(True)
        self._fit(raw, live, 0 if diverged_at is None else diverged_at + 2)  # the marker in view, with room
        empty = n == 0 and not self.earlier
        if empty:
            (x0, x1), (y0, y1) = self.getPlotItem().getViewBox().viewRange()
            self.hint.setPos((x0 + x1) / 2, (y0 + y1) / 2)
        if self.hint.isVisible() != empty:
            self.hint.setVisible(empty)

    def _fit(self, raw: np.ndarray, live: bool, steps: int = 0) -> None:
        """Follow the run (and the faded earlier runs): all values, or the bulk when ignoring outliers."""
        self.loss_range.update(raw)
        n = max([raw.size, steps, *(int(r[2]) for r in self._earlier_ranges)])  # steps: the diverged one too
        if self.ignore_outliers:
            sample = raw[:: max(1, raw.size // 20000)]
            rng = robust_range(sample, log=self.log_y, ignore_outliers=True)
            self.follow.apply(n, *(rng if rng is not None else (None, None)), live=live)
            return
        lo = min([self.loss_range.lo, *(r[0] for r in self._earlier_ranges)])
        hi = max([self.loss_range.hi, *(r[1] for r in self._earlier_ranges)])
        if self.log_y:
            lo_pos = min([self.loss_range.lo_pos, *(r[0] for r in self._earlier_ranges if r[0] > 0)])
            if not (np.isfinite(lo_pos) and hi > 0):
                self.follow.apply(n, None, None, live)
                return
            lo, hi = np.log10(lo_pos), np.log10(hi)
        self.follow.apply(n, lo if np.isfinite(lo) else None, hi if np.isfinite(hi) else None, live)

    def apply_theme(self) -> None:
        t = theme.current()
        theme_plot(self)
        self.raw.setPen(_pen(t.value, 1, alpha=80))
        self.smooth.setPen(_pen(t.value, 1))
        self.inspectLine.setPen(_pen(t.text, 1.5, alpha=170))
        self.hint.setColor(t.muted)
        self.hint.setFont(theme.qfont(t.font_size + 2))

    def reset_run(self) -> None:
        """A new run starts: forget the incremental state kept for the old one."""
        self.loss_range.reset()
        self._raw_env.reset()
        self._smooth_env.reset()
        self.follow.resume()

    def set_log_y(self, on: bool) -> None:
        self.log_y = on
        self.getPlotItem().setLogMode(y=on)
        self.follow.resume()
        self.setLabel("left", "MSE (log scale)" if on else "MSE")

    def add_earlier(self, raw: np.ndarray, label: str) -> None:
        """Keep a finished run as a faded curve (at most EARLIER_RUNS; the oldest goes first)."""
        if raw.size == 0:
            return
        for old in self.earlier:  # fade older ones further
            pen = old.opts["pen"]
            c = QColor(pen.color())
            c.setAlpha(max(60, c.alpha() - 25))
            old.setPen(pg.mkPen(c, width=1))
        colour = EARLIER_COLOURS[self._earlier_count % len(EARLIER_COLOURS)]  # tell runs apart
        self._earlier_count += 1
        curve = pg.PlotDataItem(
            np.arange(raw.size, dtype=np.float64),
            np.array(raw),
            pen=_pen(colour, 1, alpha=170),
            name=label,
        )
        curve.setZValue(1)
        self.addItem(curve)
        self.earlier.append(curve)
        self._earlier_ranges.append((float(raw.min()), float(raw.max()), float(raw.size)))
        while len(self.earlier) > EARLIER_RUNS:
            self.removeItem(self.earlier.pop(0))
            self._earlier_ranges.pop(0)

    def clear_earlier(self) -> None:
        for c in self.earlier:
            self.removeItem(c)
        self.earlier.clear()
        self._earlier_count = 0
        self._earlier_ranges.clear()
        self.follow.resume()

    def show_inspected(self, step: int | None) -> None:
        self.inspectLine.setVisible(step is not None)
        if step is not None:
            self.inspectLine.setPos(step)

    def _mouse_moved(self, pos: QPointF) -> None:
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(pos):
            self._hide_crosshair()
            return
        p = vb.mapSceneToView(pos)
        self.vLine.setPos(p.x())
        self.hLine.setPos(p.y())
        self.vLine.setVisible(True)
        self.hLine.setVisible(True)
        self.hovered.emit(p.x())

    def _hide_crosshair(self) -> None:
        if self.vLine.isVisible():
            self.vLine.setVisible(False)
            self.hLine.setVisible(False)
            self.hovered.emit(float("nan"))  # nothing under the mouse: the readout goes away

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().leaveEvent(event)
        self._hide_crosshair()

    def _mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        vb = self.getPlotItem().getViewBox()
        pos = event.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        step = int(round(vb.mapSceneToView(pos).x()))
        self.stepClicked.emit(step)


class DataPlot(LabPlot):
    """The data with the model's line (one feature) or predicted against true values (several)."""

    def __init__(self) -> None:
        super().__init__(
            "dataPlot",
            "Data and fitted line",
            "The data and the line the model draws through it now (or at the step you clicked).",
        )
        t = theme.current()
        self.legendLabel = LegendBar("dataLegend", "What the dots and lines are.")  # the lab places it
        self.points = pg.ScatterPlotItem(size=6, pen=None, brush=QColor(t.muted))
        self.points.setOpacity(0.6)
        self.points.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # static for one feature
        self.addItem(self.points)
        self.truth = self.plot([], [], pen=_pen(t.ok, 1.5, style=Qt.PenStyle.DashLine))
        self.fit = self.plot([], [], pen=_pen(t.value, 2.5))
        self.diagonal = self.plot([], [], pen=_pen(t.muted, 1.2, style=Qt.PenStyle.DashLine))
        self._x: np.ndarray | None = None
        self._y: np.ndarray | None = None
        self._one_feature = True
        self._drawn: np.ndarray | None = None  # the line's ends (or the predictions) last drawn

    def apply_theme(self) -> None:
        theme_plot(self)
        self.fit.setPen(_pen(theme.current().value, 2.5))
        self.legendLabel.apply_theme()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if "legendLabel" in self.__dict__:  # pyqtgraph resizes the view while it is being built
            self.legendLabel.fit(self.width())

    def set_data(
        self, x: np.ndarray, y: np.ndarray, names: tuple[str, ...], target: str, true_line=None
    ) -> None:
        """New dataset: remember a subset of at most MAX_SCATTER points to draw."""
        n = x.shape[0]
        if n > MAX_SCATTER:
            idx = np.sort(np.random.default_rng(0).choice(n, MAX_SCATTER, replace=False))
            x, y = x[idx], y[idx]
        self._x, self._y = x, y.reshape(-1)
        self._drawn = None
        self._one_feature = x.shape[1] == 1
        t = theme.current()
        entries = [("●", t.muted, "data")]
        if self._one_feature:
            if true_line is not None:
                entries.append(("╌╌", t.ok, "true line"))
            entries.append(("━━", t.value, "model"))
            self.set_title("Data and fitted line")
            self.set_axes(names[0], target)
            self.points.setData(x[:, 0], self._y)
            self.diagonal.setData([], [])
            lo, hi = float(x[:, 0].min()), float(x[:, 0].max())
            self._line_x = np.array([lo, hi])
            if true_line is not None:
                w, b = true_line
                self.truth.setData(self._line_x, self._line_x * float(np.ravel(w)[0]) + b)
            else:
                self.truth.setData([], [])
        else:
            entries.append(("╌╌", t.muted, "perfect fit"))
            self.fit.setData([], [])
            self.set_title("Predicted vs true")
            self.set_axes(f"true {target}", f"predicted {target}")
            self.truth.setData([], [])
            lo, hi = float(self._y.min()), float(self._y.max())
            self.diagonal.setData([lo, hi], [lo, hi])
        self.legendLabel.set_entries(entries)
        theme_plot(self)  # the new axis labels in the theme's size (projector mode)
        self.enableAutoRange()

    def _unchanged(self, values: np.ndarray) -> bool:
        """Whether ``values`` would be drawn within a fraction of a pixel of what is drawn now (then the
        plot is not touched: no repaint for a model that has settled)."""
        drawn = self._drawn
        if drawn is None or drawn.shape != values.shape:
            return False
        (_x0, _x1), (y0, y1) = self.getPlotItem().getViewBox().viewRange()
        with np.errstate(all="ignore"):
            return bool(np.all(np.abs(values - drawn) <= (y1 - y0) / SUBPIXEL))

    def show_model(self, weight: np.ndarray, bias: np.ndarray) -> None:
        if self._x is None:
            return
        with np.errstate(all="ignore"):
            if self._one_feature:
                ys = self._line_x * float(weight.reshape(-1)[0]) + float(bias.reshape(-1)[0])
                if self._unchanged(ys):
                    return
                w, b = float(weight.reshape(-1)[0]), float(bias.reshape(-1)[0])
                line = clip_line(w, b, tuple(self._line_x), _far_range(self._y))  # a diverged line is steep
                self.fit.setData(line[:, 0], line[:, 1])
                if self.getPlotItem().getViewBox().autoRangeEnabled()[1]:
                    self.disableAutoRange(axis="y")  # keep the data in view while the line swings
                self._drawn = ys
            else:
                pred = (self._x @ weight.reshape(-1, 1) + bias.reshape(-1)).reshape(-1)
                if self._unchanged(pred):
                    return
                ok = np.isfinite(pred)
                self.points.setData(self._y[ok], pred[ok])
                self._drawn = pred


class SurfacePlot(LabPlot):
    """MSE over (weight, bias) as a coloured map with contour lines, the optimum, and the SGD path."""

    def __init__(self) -> None:
        super().__init__(
            "surfacePlot",
            "MSE surface",
            "The loss for every (weight, bias) of a one-feature line: darker is lower.\n"
            "The orange path is where gradient descent has taken the parameters; ★ is the best fit.",
            axes=("weight", "bias"),
        )
        t = theme.current()
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setZValue(-10)
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # static while training
        self.addItem(self.image)
        self.contours = self.plot([], [], pen=_pen("#ffffff", 1, alpha=130), connect="pairs")
        self.contours.setZValue(-5)
        self.contours.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # static per run
        self.path = self.plot([], [], pen=_pen(t.gradient, 2))
        self.path.setZValue(5)
        self.head = pg.ScatterPlotItem(size=10, pen=_pen("#ffffff", 1.5), brush=QColor(t.gradient))
        self.head.setZValue(6)
        self.addItem(self.head)
        self.best = pg.ScatterPlotItem(
            size=16, symbol="star", pen=_pen("#ffffff", 1), brush=QColor("#facc15")
        )
        self.best.setZValue(6)
        self.addItem(self.best)
        self.note = pg.TextItem("", color=t.text, anchor=(0.5, 0.5))
        self.note.setFont(theme.qfont(t.font_size))
        self.addItem(self.note)
        self.surface: Surface | None = None
        self._live_head: np.ndarray | None = None  # the head last drawn live (None: redraw next time)
        self._checked = 0  # steps already compared with it

    def apply_theme(self) -> None:
        t = theme.current()
        theme_plot(self)
        self.path.setPen(_pen(t.gradient, 2))
        self.head.setBrush(QColor(t.gradient))
        self.note.setColor(t.text)
        self.note.setFont(theme.qfont(t.font_size))

    def set_surface(self, surface: Surface | None, reason: str = "") -> None:
        self._live_head = None
        self.contours.setData([], [])
        if surface is None:
            self.image.clear()
            self.path.setData([], [])
            self.head.setData([], [])
            self.best.setData([], [])
            self.note.setText(reason)
            self.note.setPos(0, 0)
            self.setXRange(-1, 1)
            self.setYRange(-1, 1)
            self.surface = None
            for axis in ("left", "bottom"):  # axes of nothing would suggest a landscape that is not there
                self.showAxis(axis, not reason)
            return
        self.note.setText("")
        for axis in ("left", "bottom"):
            self.showAxis(axis, True)
        self.surface = surface
        w, b = surface.weights, surface.biases
        shade = np.log10(surface.loss + max(surface.best_loss, 1e-12) * 0.1 + 1e-12)
        self.image.setImage(shade, autoLevels=True)
        dw, db = w[1] - w[0], b[1] - b[0]  # pixel i is centred on weights[i]
        self.image.setRect(QRectF(w[0] - dw / 2, b[0] - db / 2, dw * w.size, db * b.size))
        xs, ys = [], []
        for level in surface.levels(9):  # all contour segments in one static item (cheap to repaint)
            for (i0, j0), (i1, j1) in pg.functions.isocurve(surface.loss, float(level)):
                xs += [w[0] + (i0 - 0.5) * dw, w[0] + (i1 - 0.5) * dw]
                ys += [b[0] + (j0 - 0.5) * db, b[0] + (j1 - 0.5) * db]
        self.contours.setData(np.array(xs), np.array(ys), connect="pairs")
        self.best.setData([surface.best[0]], [surface.best[1]])
        self.setXRange(w[0], w[-1], padding=0)
        self.setYRange(b[0], b[-1], padding=0)

    def show_path(self, wb: np.ndarray, current: tuple[float, float] | None) -> None:
        """``wb`` is (k, 2): the (weight, bias) of every step so far; drawn strided to MAX_PATH points.
        ``current`` is the live head (None when inspecting a past step). A live path whose new points all
        lie within a fraction of a pixel of the drawn head is left as it is (no repaint once settled)."""
        if self.surface is None:
            return
        if current is not None and self._settled(wb, current):
            return
        self._live_head = None
        n_steps = wb.shape[0]
        if wb.shape[0] > MAX_PATH:
            stride = -(-wb.shape[0] // MAX_PATH)
            wb = np.concatenate([wb[::stride], wb[-1:]])
        ok = np.all(np.isfinite(wb), axis=1)
        wb = wb[ok]
        if current is not None and np.all(np.isfinite(current)):
            wb = np.concatenate([wb, np.asarray(current, dtype=np.float64).reshape(1, 2)])
        box = _far_box(self.surface.weights, self.surface.biases)
        drawn = clip_polyline(wb, box)  # a diverging path leaves for 1e150: Qt must not be given that
        self.path.setData(drawn[:, 0], drawn[:, 1], connect="finite")
        head_inside = len(wb) and box[0] <= wb[-1, 0] <= box[1] and box[2] <= wb[-1, 1] <= box[3]
        self.head.setData(wb[-1:, 0], wb[-1:, 1]) if head_inside else self.head.setData([], [])
        if current is not None and len(wb):
            self._live_head = wb[-1].copy()
            self._checked = n_steps

    def _settled(self, wb: np.ndarray, current: tuple[float, float]) -> bool:
        """True when every step since the last drawing (and the current head) is within a fraction of a
        pixel of the drawn head; checks only the steps not seen before."""
        head = self._live_head
        if head is None or wb.shape[0] < self._checked:
            return False
        (x0, x1), (y0, y1) = self.getPlotItem().getViewBox().viewRange()
        tol = np.array([(x1 - x0) / SUBPIXEL, (y1 - y0) / SUBPIXEL])
        new = np.concatenate([wb[self._checked :], np.asarray(current, dtype=np.float64).reshape(1, 2)])
        self._checked = wb.shape[0]
        with np.errstate(all="ignore"):
            return bool(np.all(np.abs(new - head) <= tol))


class ParamPlot(LabPlot):
    """Each weight and the bias over the steps."""

    def __init__(self) -> None:
        super().__init__(
            "paramPlot",
            "Parameters",
            "How each parameter moved, step by step.",
            axes=("step", "value"),
        )
        t = theme.current()
        item = self.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self.legendLabel = LegendBar("paramLegend", "Which curve is which parameter.")  # the lab places it
        self.curves: list[pg.PlotDataItem] = []
        self._columns: list[GrowBuffer] = []  # contiguous copy of each parameter's history (fast to draw)
        self._steps = np.arange(1024, dtype=np.float64)
        self.follow = Follow(self)
        self._ranges: list[RunningRange] = []
        self._envs: list[PeakEnvelope] = []
        self.inspectLine = pg.InfiniteLine(angle=90, pen=_pen(t.text, 1.5, alpha=170))
        self.inspectLine.setVisible(False)
        self.addItem(self.inspectLine, ignoreBounds=True)

    def apply_theme(self) -> None:
        theme_plot(self)
        self.legendLabel.apply_theme()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if "legendLabel" in self.__dict__:  # pyqtgraph resizes the view while it is being built
            self.legendLabel.fit(self.width())

    def show_inspected(self, step: int | None) -> None:
        """Mark the step whose model is being inspected (None: hide the mark)."""
        self.inspectLine.setVisible(step is not None)
        if step is not None:
            self.inspectLine.setPos(step)

    def set_names(self, names: list[str]) -> None:
        for c in self.curves:
            self.removeItem(c)
        self.curves = []
        self._columns = [GrowBuffer() for _ in names]
        self._ranges = [RunningRange() for _ in names]
        self.follow.resume()
        entries = []
        for i, name in enumerate(names):
            colour = BIAS_COLOUR if name == "bias" else PARAM_COLOURS[i % len(PARAM_COLOURS)]
            self.curves.append(self.plot([], [], pen=_pen(colour, 1), name=name))
            if name == "bias" or i < LEGEND_WEIGHTS:
                entries.append(("━━", colour, name))
            elif i == LEGEND_WEIGHTS:
                entries.append(("━━", "#9ca3af", f"… {len(names) - 1 - LEGEND_WEIGHTS} more weights"))
        self.legendLabel.set_entries(entries)

    def reset_run(self) -> None:
        """A new run starts: forget the incremental state kept for the old one."""
        for col in self._columns:
            col.clear()
        for r in self._ranges:
            r.reset()
        for e in self._envs:
            e.reset()
        self.follow.resume()

    def show_params(self, params: np.ndarray, live: bool = False) -> None:
        """``params`` (k, d+1) is the whole history so far; only rows not seen yet are copied. Only the last
        row can be non-finite (training stops at the first NaN/inf loss), and it is left out."""
        n = params.shape[0]
        if n and not np.all(np.isfinite(params[-1])):
            n -= 1
        seen = len(self._columns[0]) if self._columns else 0
        if n < seen:  # a new run
            for col in self._columns:
                col.clear()
            seen = 0
        for i, col in enumerate(self._columns):
            col.extend(params[seen:n, i])
        if n > self._steps.size:
            size = self._steps.size
            while size < n:
                size *= 2
            self._steps = np.arange(size, dtype=np.float64)
        xs = self._steps[:n]
        envelope = live and self.follow.following and n > ENVELOPE_FROM
        if len(self._envs) != len(self._columns):
            self._envs = [PeakEnvelope(ENVELOPE_BINS) for _ in self._columns]
        for c, col, rng, env in zip(self.curves, self._columns, self._ranges, self._envs):
            if envelope:
                env.update(col.view())
                c.setData(*env.xy(), skipFiniteCheck=True)
            else:
                c.setData(xs, col.view(), skipFiniteCheck=True)
            rng.update(col.view())
        if n:
            lo = min(r.lo for r in self._ranges)
            hi = max(r.hi for r in self._ranges)
            self.follow.apply(n, lo, hi, live)
        else:
            self.follow.apply(0, None, None, live)
