"""Themed pyqtgraph plots every lab uses: :class:`LabPlot` (title, axes, plain numbers), :class:`StepAxis`,
:class:`LogAxis`, :class:`LegendBar` (a legend under a small plot) and :class:`StepSeriesPlot`, named series over training
steps drawn live from growing buffers (min/max envelope when long, follows the newest step, inspect line).

Thin views: they paint the arrays they are given, on the lab's refresh timer, never once per training step.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from .. import theme
from ..i18n import format_text
from ..training.history import PeakEnvelope, RunningRange, nice_ceiling
from . import texts

ENVELOPE_FROM = 8192  # live curves longer than this are drawn from an incremental min/max envelope
ENVELOPE_BINS = 1024  # min/max bins of such an envelope: 1-2 per pixel of a wide plot (fewer points to draw)
SUBPIXEL = 2000  # a change smaller than 1/SUBPIXEL of a view's span is not redrawn (under a pixel)


def pen(colour: str, width: float = 1.5, alpha: int | None = None, style=None):
    """A pen; long curves use width 1 (cosmetic): Qt draws thicker lines several times slower."""
    c = QColor(colour)
    if alpha is not None:
        c.setAlpha(alpha)
    p = pg.mkPen(c, width=width)
    if style is not None:
        p.setStyle(style)
    return p


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


class StepAxis(pg.AxisItem):
    """An x axis of training steps: steps are whole, so no tick at 0.5 while only a few steps are shown."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph calls it by this name
        levels = [
            (spacing, values) for spacing, values in super().tickValues(minVal, maxVal, size) if spacing >= 1
        ]
        if levels:
            return levels
        return [(1.0, [float(k) for k in range(int(np.ceil(minVal)), int(np.floor(maxVal)) + 1)])]


class LogAxis(pg.AxisItem):
    """A y axis whose log mode labels only ticks that fit: all of 1…9 × 10ⁿ when a decade is tall, fewer
    mantissas (1, 2, 3, 5, 7 · 1, 2, 5 · 1, 3) as it gets shorter, the decades alone on a short plot — and
    at least two labels when the range allows. pyqtgraph labels all nine minor ticks of every decade, and on
    a 180-px plot 0.09, 0.08 and 0.07 overlapped. In linear mode it is pyqtgraph's axis."""

    MANTISSAS = ((1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 5, 7), (1, 2, 3, 5, 7), (1, 2, 5), (1, 3), (1,))

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802, N803 - pyqtgraph's names
        ticks = super().logTickValues(minVal, maxVal, size, stdTicks)
        if not ticks or ticks[-1][0] is not None:  # no minor level: the decades already fit
            return ticks
        text = QFontMetrics(self.style["tickFont"] or self.font()).height()
        px = size / max(maxVal - minVal, 1e-12)  # pixels per decade
        lo, hi = int(np.floor(minVal)), int(np.ceil(maxVal))
        levels = []
        for mantissas in self.MANTISSAS:
            minor = [v + np.log10(m) for v in range(lo, hi + 1) for m in mantissas]
            minor = [x for x in minor if minVal < x < maxVal]
            gap = float(np.diff(minor).min()) * px if len(minor) > 1 else float("inf")
            levels.append((minor, gap))
        for room in (1.5 * text, text):  # roomy if possible, else just not overlapping
            for minor, gap in levels:
                if gap >= room and len(minor) >= 2:
                    return [*ticks[:-1], (None, minor)]
        return [*ticks[:-1], (None, levels[-1][0])]


class LegendBar(QLabel):
    """A legend under a small plot, not over it (curves settle anywhere in a small view, and a legend there
    hides them): coloured marks and names in lines broken to fit the plot's width. Lines are broken by hand
    because a word-wrapped label asks for height-for-width layout, and a lab's grid then starves its other
    plots. (pyqtgraph's own ``LegendItem(colCount=…)`` was tried: its columns are fixed, so with projector
    text a narrow plot cuts the names off, and it sits in the view box over the curves.)"""

    def __init__(self, name: str, tooltip: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setToolTip(tooltip)
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


class LabPlot(pg.PlotWidget):
    """A plot of a lab: a themed title and axis labels, numbers as they are (no "×1e+27" prefix), no context
    menu. An x axis called "step" shows whole steps only. :meth:`add_legend_bar` puts a :class:`LegendBar`
    under it (place :func:`with_legend_bar` in the layout)."""

    def __init__(
        self,
        title: str = "",
        bottom: str = "",
        left: str = "",
        *,
        name: str = "",
        tooltip: str = "",
        min_size: tuple[int, int] = (240, 180),
    ) -> None:
        t = theme.current()
        axes = {"left": LogAxis("left")}
        if bottom == "step":
            axes["bottom"] = StepAxis("bottom")
        super().__init__(background=t.panel, axisItems=axes)
        self.legendLabel: LegendBar | None = None
        if name:
            self.setObjectName(name)
        if tooltip:
            self.setToolTip(tooltip)
        self.set_title(title)
        self.set_axes(bottom, left)
        self.setMenuEnabled(False)
        self.setMinimumSize(*min_size)
        for axis in ("left", "bottom"):
            ax = self.getAxis(axis)
            ax.enableAutoSIPrefix(False)
            ax.setTextPen(t.text)

    def set_title(self, title: str) -> None:
        t = theme.current()
        self.setTitle(title, color=t.text, size=f"{t.font_size:.0f}pt")

    def set_axes(self, bottom: str, left: str) -> None:
        """Axis titles (an empty one is left out), in the theme's muted colour."""
        t = theme.current()
        for side, text in (("bottom", bottom), ("left", left)):
            if text:
                self.setLabel(side, text, color=t.muted)

    def bind_texts(
        self, context: str, title: str = "", bottom: str = "", left: str = "", tooltip: str = ""
    ) -> None:
        """Title, axis titles and tooltip as English sources of translation ``context`` (mark them with
        ``QT_TRANSLATE_NOOP`` where they are written): shown translated, and again after a language switch."""
        for setter, text in (
            (self.set_title, title),
            (self.set_bottom, bottom),
            (self.set_left, left),
            (self.setToolTip, tooltip),
        ):
            if text:
                texts.bind(setter, context, text)

    def set_bottom(self, text: str) -> None:
        self.set_axes(text, "")

    def set_left(self, text: str) -> None:
        self.set_axes("", text)

    def add_legend_bar(self, name: str, tooltip: str) -> LegendBar:
        self.legendLabel = LegendBar(name, tooltip)
        return self.legendLabel

    def apply_theme(self) -> None:
        theme_plot(self)
        if self.legendLabel is not None:
            self.legendLabel.apply_theme()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        bar = self.__dict__.get("legendLabel")  # pyqtgraph resizes the view while it is being built
        if bar is not None:
            bar.fit(self.width())


def with_legend_bar(plot: LabPlot, name: str) -> QWidget:
    """A small plot with its legend bar underneath, as one grid cell (and one exported PNG)."""
    box = QWidget()
    box.setObjectName(name)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(plot, 1)
    if plot.legendLabel is not None:
        layout.addWidget(plot.legendLabel)
        plot.legendLabel.setAutoFillBackground(True)
    return box


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


class StepSeriesPlot(LabPlot):
    """Named series over steps: one long-lived curve each, fed from GrowBuffers, min/max envelope when long,
    follows the newest step unless the user moved the view, a vertical inspect line, optional log-y.

    ``series`` is (name, colour) pairs; ``curves[name]`` is each one's curve. The view follows the range of
    the series named in ``ranged`` (None: all of them)."""

    def __init__(
        self,
        title: str,
        left: str,
        series: Sequence[tuple[str, str]] = (),
        log_y: bool = False,
        *,
        name: str = "",
        tooltip: str = "",
        min_size: tuple[int, int] = (240, 180),
    ) -> None:
        super().__init__(title, "step", left, name=name, tooltip=tooltip, min_size=min_size)
        item = self.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self._left = left
        self.log_y = False
        self.ranged: set[str] | None = None
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._ranges: dict[str, RunningRange] = {}
        self._envs: dict[str, PeakEnvelope] = {}
        self._steps = np.arange(1024, dtype=np.float64)
        self.follow = Follow(self)
        self.inspectLine = pg.InfiniteLine(angle=90, pen=pen(theme.current().text, 1.5, alpha=170))
        self.inspectLine.setVisible(False)
        self.addItem(self.inspectLine, ignoreBounds=True)
        self.set_series(series)
        if log_y:
            self.set_log_y(True)

    def set_series(self, series: Sequence[tuple[str, str]]) -> None:
        """Replace the series (their curves start empty)."""
        for curve in self.curves.values():
            self.removeItem(curve)
        self.curves, self._ranges, self._envs = {}, {}, {}
        self.add_series(series)
        self.follow.resume()

    def add_series(self, series: Sequence[tuple[str, str]]) -> None:
        for name, colour in series:
            self.curves[name] = self.plot([], [], pen=pen(colour, 1), name=name)
            self._ranges[name] = RunningRange()
            self._envs[name] = PeakEnvelope(ENVELOPE_BINS)

    def recolour(self, colours: Sequence[str]) -> None:
        """New colours for the series, in their order (a theme change); the legend bar's marks follow by name."""
        by_name = dict(zip(self.curves, colours))
        for name, colour in by_name.items():
            self.curves[name].setPen(pen(colour, 1))
        bar = self.legendLabel
        if bar is not None and bar.entries:
            bar.set_entries([(mark, by_name.get(name, c), name) for mark, c, name in bar.entries])

    def reset_run(self) -> None:
        """A new run starts: forget the incremental state kept for the old one."""
        for r in self._ranges.values():
            r.reset()
        for e in self._envs.values():
            e.reset()
        self.follow.resume()

    def set_left(self, text: str) -> None:
        """The left axis title (said to be logarithmic while it is)."""
        self._left = text
        super().set_left(
            format_text("LabPlot", "{axis} (log scale)", axis=text) if self.log_y and text else text
        )

    def set_log_y(self, on: bool) -> None:
        self.log_y = on
        self.getPlotItem().setLogMode(y=on)
        self.follow.resume()
        if self._left:
            self.setLabel(
                "left", format_text("LabPlot", "{axis} (log scale)", axis=self._left) if on else self._left
            )

    def show_inspected(self, step: int | None) -> None:
        """Mark the step being inspected (None: hide the mark)."""
        self.inspectLine.setVisible(step is not None)
        if step is not None:
            self.inspectLine.setPos(step)

    def apply_theme(self) -> None:
        super().apply_theme()
        self.inspectLine.setPen(pen(theme.current().text, 1.5, alpha=170))

    def steps(self, n: int) -> np.ndarray:
        """0, 1, …, n-1 as floats, from one array that doubles as runs grow (no new array per frame)."""
        if n > self._steps.size:
            size = self._steps.size
            while size < n:
                size *= 2
            self._steps = np.arange(size, dtype=np.float64)
        return self._steps[:n]

    def show_values(
        self,
        values: dict[str, np.ndarray],
        live: bool = True,
        xs: np.ndarray | None = None,
        finite: bool | Collection[str] = False,
    ) -> None:
        """Paint ``values[name]``, the whole history of each series so far (a GrowBuffer view); x is the step
        index unless ``xs`` gives it (e.g. a test accuracy measured every k steps). Series in ``finite``
        (or all, if True) hold finite values only, so pyqtgraph may skip its scan for NaN."""
        n = self.draw_values(values, live, xs, finite)
        self.follow_values(n, live)

    def draw_values(
        self,
        values: dict[str, np.ndarray],
        live: bool,
        xs: np.ndarray | None = None,
        finite: bool | Collection[str] = False,
    ) -> int:
        """Set the curves' data (no view change); returns the number of steps shown."""
        n = max((v.shape[0] for v in values.values()), default=0)
        if xs is not None:
            n = int(xs[-1]) + 1 if xs.size else 0
        envelope = xs is None and live and self.follow.following and n > ENVELOPE_FROM
        for name, v in values.items():
            curve = self.curves[name]
            skip = (finite is True or (finite is not False and name in finite)) and not self.log_y
            if envelope:  # following a long live run: a few thousand points instead of re-reducing all
                env = self._envs[name]
                env.update(v)
                curve.setData(*env.xy(), skipFiniteCheck=skip)
            else:  # all points; pyqtgraph clips to the view and downsamples (zoom in for detail)
                curve.setData(self.steps(v.shape[0]) if xs is None else xs, v, skipFiniteCheck=skip)
            if self.ranged is None or name in self.ranged:
                self._ranges[name].update(v)
        return n

    def value_range(self, extra: Iterable[RunningRange] = ()) -> tuple[float | None, float | None]:
        """The y range of the ranged series so far and of ``extra`` ranges (e.g. earlier runs); log10 of the
        positive values in log mode. (None, None) while nothing finite is known."""
        rs = [
            r for name, r in self._ranges.items() if (self.ranged is None or name in self.ranged) and r.seen
        ]
        rs += [r for r in extra if r.seen]
        if not rs:
            return None, None
        hi = max(r.hi for r in rs)
        if self.log_y:
            lo = min(r.lo_pos for r in rs)
            if not (np.isfinite(lo) and hi > 0):
                return None, None
            lo, hi = np.log10(lo), np.log10(hi)
        else:
            lo = min(r.lo for r in rs)
        return (lo if np.isfinite(lo) else None, hi if np.isfinite(hi) else None)

    def follow_values(self, n: int, live: bool) -> None:
        """Move the view to steps 0..n and the series' values (unless the user moved it)."""
        self.follow.apply(n, *self.value_range(), live)
