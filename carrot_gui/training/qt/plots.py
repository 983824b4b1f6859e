"""The Training lab's live plots (pyqtgraph): loss per step (:class:`LossPlot`), the data with the fitted
line (:class:`DataPlot`) and the parameters over time (:class:`ParamPlot`); the MSE surface is in
:mod:`.surface_plot`. The step plots are :class:`~carrot_gui.kit.plots.StepSeriesPlot` subclasses; all are thin
views painted from the session's buffers on the lab's refresh timer, never once per training step.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts
from ...kit.plots import SUBPIXEL, LabPlot, StepSeriesPlot, pen, theme_plot
from ..history import GrowBuffer, RunningRange, far_range, robust_range
from ..surface import clip_line

MAX_SCATTER = 2000  # points drawn of the data (a random but fixed subset beyond this)
EARLIER_RUNS = 6  # faded curves kept for comparison
# Colours are indices into the theme's colour-blind-safe series (Okabe–Ito: 0 blue, 1 orange, 2 bluish green,
# 3 grey, 4 reddish purple, 5 sky blue, 6 vermillion). Earlier runs: not the live run's blue, not orange.
EARLIER_COLOURS = (2, 4, 3, 5, 6)
# weights; the bias is reddish purple. None of them is orange (the gradients' hue): parameters are values.
PARAM_COLOURS = (0, 2, 3, 5, 6)
BIAS_COLOUR = 4


def series_colour(k: int) -> str:
    """The current theme's ``k``-th curve colour."""
    palette = theme.current().series
    return palette[k % len(palette)]


LEGEND_WEIGHTS = 5  # weights named in the parameter legend (more would crowd it; the colours repeat)
TR = "TrainingPlots"  # the translation context of the plots' texts
# the loss plot's two live series (their keys; their legend entries are these translated)
RAW, SMOOTH = QT_TRANSLATE_NOOP(TR, "raw loss"), QT_TRANSLATE_NOOP(TR, "smoothed")


class LossPlot(StepSeriesPlot):
    """MSE per step: faint raw curve (the FIRST curve), bias-corrected EMA over it, earlier runs faded,
    a marker where the loss diverged, a crosshair under the mouse and a line at the step being inspected.
    Emits ``stepClicked(int)`` when the user clicks a step and ``hovered(float)`` with the x under the mouse
    (NaN when the mouse leaves the plot area)."""

    stepClicked = Signal(int)
    hovered = Signal(float)

    def __init__(self) -> None:
        super().__init__("", "MSE", name="lossPlot", min_size=(320, 200))
        self.bind_texts(
            TR,
            "Loss (MSE) per step",
            "step",
            tooltip="Mean squared error of each training step. Faint: the raw loss; solid: smoothed.\n"
            "Hover to read values, click a step to see the model as it was then.",
        )
        t = theme.current()
        self.legend = self.getPlotItem().addLegend(
            offset=(-10, 10), labelTextColor=t.text, brush=self._legend_brush()
        )
        self.legend_corner = "top-right"  # moved top-left while a divergence marker sits top-right
        self.set_series([(RAW, t.value), (SMOOTH, t.value)])  # raw first
        self.raw, self.smooth = self.curves[RAW], self.curves[SMOOTH]
        self.raw.setPen(pen(t.value, 1, alpha=80))
        self.raw.setZValue(5)
        self.smooth.setZValue(6)
        self.ranged = {RAW}  # the smoothed curve lies within the raw one's range
        self.ignore_outliers = False
        self.earlier: list[pg.PlotDataItem] = []
        self._earlier_ranges: list[tuple[RunningRange, int]] = []
        self._earlier_count = 0
        self.diverged = pg.ScatterPlotItem(size=14, symbol="x", pen=pen(t.error, 2), brush=QColor(t.error))
        self.diverged.setZValue(10)
        self.addItem(self.diverged)
        self.divergedLine = pg.InfiniteLine(angle=90, pen=pen(t.error, 1.2, style=Qt.PenStyle.DashLine))
        self.divergedLine.setVisible(False)
        self.addItem(self.divergedLine, ignoreBounds=True)
        self.vLine = pg.InfiniteLine(angle=90, pen=pen(t.muted, 1, style=Qt.PenStyle.DotLine))
        self.hLine = pg.InfiniteLine(angle=0, pen=pen(t.muted, 1, style=Qt.PenStyle.DotLine))
        for line in (self.vLine, self.hLine):
            line.setVisible(False)
            self.addItem(line, ignoreBounds=True)
        self.hint = pg.TextItem("", color=t.muted, anchor=(0.5, 0.5))
        texts.bind(self.hint.setText, TR, "No steps yet: press ▶ Train (Space) or Step ▸ (→)")
        self.hint.setFont(theme.qfont(t.font_size + 2))
        self.addItem(self.hint, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.scene().sigMouseClicked.connect(self._mouse_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        """The live series' legend entries in the current language (earlier runs keep their names)."""
        for (_sample, label), key in zip(self.legend.items, (RAW, SMOOTH)):
            label.setText(translate(TR, key))

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
        n = self.draw_values(
            {RAW: raw, SMOOTH: smooth}, live, finite={RAW, SMOOTH} if smooth_finite else {RAW}
        )
        self._place_legend(diverged_at is None)
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

    def _place_legend(self, top_right: bool) -> None:
        """A diverging loss ends top-right: keep the legend off its marker."""
        corner = "top-right" if top_right else "top-left"
        if corner != self.legend_corner:
            self.legend_corner = corner
            if top_right:
                self.legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-10, 10))
            else:
                self.legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(10, 10))

    def _fit(self, raw: np.ndarray, live: bool, steps: int = 0) -> None:
        """Follow the run (and the faded earlier runs): all values, or the bulk when ignoring outliers."""
        n = max([raw.size, steps, *(size for _r, size in self._earlier_ranges)])  # steps: the diverged one
        if self.ignore_outliers:
            sample = raw[:: max(1, raw.size // 20000)]
            rng = robust_range(sample, log=self.log_y, ignore_outliers=True)
            self.follow.apply(n, *(rng if rng is not None else (None, None)), live=live)
            return
        self.follow.apply(n, *self.value_range([r for r, _size in self._earlier_ranges]), live)

    @staticmethod
    def _legend_brush() -> QColor:
        c = QColor(theme.current().panel)
        c.setAlpha(200)
        return c

    def apply_theme(self) -> None:
        t = theme.current()
        super().apply_theme()
        self.legend.setBrush(self._legend_brush())
        self.raw.setPen(pen(t.value, 1, alpha=80))
        self.smooth.setPen(pen(t.value, 1))
        self.hint.setColor(t.muted)
        self.hint.setFont(theme.qfont(t.font_size + 2))

    def add_earlier(self, raw: np.ndarray, label: str) -> None:
        """Keep a finished run as a faded curve (at most EARLIER_RUNS; the oldest goes first)."""
        if raw.size == 0:
            return
        for old in self.earlier:  # fade older ones further
            c = QColor(old.opts["pen"].color())
            c.setAlpha(max(60, c.alpha() - 25))
            old.setPen(pg.mkPen(c, width=1))
        colour = series_colour(EARLIER_COLOURS[self._earlier_count % len(EARLIER_COLOURS)])  # tell runs apart
        self._earlier_count += 1
        curve = pg.PlotDataItem(
            np.arange(raw.size, dtype=np.float64), np.array(raw), pen=pen(colour, 1, alpha=170), name=label
        )
        curve.setZValue(1)
        self.addItem(curve)
        self.earlier.append(curve)
        rng = RunningRange()
        rng.update(raw)
        self._earlier_ranges.append((rng, raw.size))
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
        self.stepClicked.emit(int(round(vb.mapSceneToView(pos).x())))


def _colours(names: list[str]) -> list[str]:
    """Each parameter's curve colour in the current theme: the bias its own, the weights in turn."""
    return [
        series_colour(BIAS_COLOUR if n == "bias" else PARAM_COLOURS[i % len(PARAM_COLOURS)])
        for i, n in enumerate(names)
    ]


class ParamPlot(StepSeriesPlot):
    """Each weight and the bias over the steps, with a legend bar underneath (the lab places it)."""

    def __init__(self) -> None:
        super().__init__("", "", name="paramPlot")
        self.bind_texts(
            TR,
            "Parameters",
            "step",
            left="value",
            tooltip="How each parameter moved, step by step.",
        )
        texts.bind(self.add_legend_bar("paramLegend", "").setToolTip, TR, "Which curve is which parameter.")
        self._columns: list[GrowBuffer] = []  # contiguous copy of each parameter's history (fast to draw)
        self._names: list[str] = []

    def set_names(self, names: list[str]) -> None:
        self.set_series(list(zip(names, _colours(names))))
        self._columns = [GrowBuffer() for _ in names]
        self._names = list(names)
        self.retranslate()

    def retranslate(self) -> None:
        """The legend in the current language ("weight" and "bias" are words; "w x1" stays as it is)."""
        names = self._names
        entries = []
        for i, (name, colour) in enumerate(zip(names, _colours(names))):
            shown = translate(TR, name) if name in ("weight", "bias") else name
            if name == "bias" or i < LEGEND_WEIGHTS:
                entries.append(("━━", colour, shown))
            elif i == LEGEND_WEIGHTS:
                more = format_text(TR, "… {n} more weights", n=len(names) - 1 - LEGEND_WEIGHTS)
                entries.append(("━━", theme.current().muted, more))
        assert self.legendLabel is not None
        self.legendLabel.set_entries(entries)

    def apply_theme(self) -> None:
        super().apply_theme()
        self.recolour(_colours(list(self.curves)))
        if self._names:
            self.retranslate()  # the legend's marks in the new colours, its words in the current language

    def reset_run(self) -> None:
        """A new run starts: forget the incremental state kept for the old one."""
        super().reset_run()
        for col in self._columns:
            col.clear()

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
        self.show_values(
            {name: col.view() for name, col in zip(self.curves, self._columns)}, live, finite=True
        )


class DataPlot(LabPlot):
    """The data with the model's line (one feature) or predicted against true values (several)."""

    def __init__(self) -> None:
        super().__init__(name="dataPlot")
        self.bind_texts(
            TR,
            tooltip="The data and the line the model draws through it now (or at the step you clicked).",
        )
        t = theme.current()
        legend = self.add_legend_bar("dataLegend", "")  # the lab places it
        texts.bind(legend.setToolTip, TR, "What the dots and lines are.")
        self._names: tuple[tuple[str, ...], str, bool] = ((), "", False)  # axes, target, has a true line
        self.points = pg.ScatterPlotItem(size=6, pen=None, brush=QColor(t.muted))
        self.points.setOpacity(0.6)
        self.points.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # static for one feature
        self.addItem(self.points)
        self.truth = self.plot([], [], pen=pen(t.ok, 1.5, style=Qt.PenStyle.DashLine))
        self.fit = self.plot([], [], pen=pen(t.value, 2.5))
        self.diagonal = self.plot([], [], pen=pen(t.muted, 1.2, style=Qt.PenStyle.DashLine))
        self._x: np.ndarray | None = None
        self._y: np.ndarray | None = None
        self._one_feature = True
        self._drawn: np.ndarray | None = None  # the line's ends (or the predictions) last drawn

    def apply_theme(self) -> None:
        super().apply_theme()
        self.fit.setPen(pen(theme.current().value, 2.5))

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
        self._names = (names, target, true_line is not None)
        self.retranslate()
        if self._one_feature:
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
            self.fit.setData([], [])
            self.truth.setData([], [])
            lo, hi = float(self._y.min()), float(self._y.max())
            self.diagonal.setData([lo, hi], [lo, hi])
        self.enableAutoRange()

    def retranslate(self) -> None:
        """Title, axis titles and legend in the current language."""
        names, target, true_line = self._names
        t = theme.current()
        entries = [("●", t.muted, translate(TR, "data"))]
        if self._one_feature:
            if true_line:
                entries.append(("╌╌", t.ok, translate(TR, "true line")))
            entries.append(("━━", t.value, translate(TR, "model")))
            self.set_title(translate(TR, "Data and fitted line"))
            self.set_axes(names[0] if names else "", target)
        else:
            entries.append(("╌╌", t.muted, translate(TR, "perfect fit")))
            self.set_title(translate(TR, "Predicted vs true"))
            self.set_axes(
                format_text(TR, "true {target}", target=target),
                format_text(TR, "predicted {target}", target=target),
            )
        assert self.legendLabel is not None
        self.legendLabel.set_entries(entries)
        theme_plot(self)  # the new axis labels in the theme's size (projector mode)

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
                line = clip_line(w, b, tuple(self._line_x), far_range(self._y))  # a diverged line is steep
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
