"""The Training lab's MSE surface plot: the loss over (weight, bias) of a one-feature line as a coloured map
with contour lines, the best fit, and the path gradient descent takes across it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from ... import theme
from ...kit.plots import SUBPIXEL, LabPlot, pen
from ..history import far_box
from ..surface import Surface, clip_polyline

MAX_PATH = 1000  # points drawn of the SGD path (evenly strided beyond this; a thick line is slow)


class SurfacePlot(LabPlot):
    """MSE over (weight, bias) as a coloured map with contour lines, the optimum, and the SGD path."""

    def __init__(self) -> None:
        super().__init__(name="surfacePlot")
        self.bind_texts(
            "TrainingPlots",
            "MSE surface",
            "weight",
            "bias",
            "The loss for every (weight, bias) of a one-feature line: darker is lower.\n"
            "The orange path is where gradient descent has taken the parameters; ★ is the best fit.",
        )
        t = theme.current()
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setZValue(-10)
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # static while training
        self.addItem(self.image)
        self.contours = self.plot([], [], pen=pen("#ffffff", 1, alpha=130), connect="pairs")
        self.contours.setZValue(-5)
        self.contours.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # static per run
        self.path = self.plot([], [], pen=pen(t.gradient, 2))
        self.path.setZValue(5)
        self.head = pg.ScatterPlotItem(size=10, pen=pen("#ffffff", 1.5), brush=QColor(t.gradient))
        self.head.setZValue(6)
        self.addItem(self.head)
        self.best = pg.ScatterPlotItem(size=16, symbol="star", pen=pen("#ffffff", 1), brush=QColor(t.mark))
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
        super().apply_theme()
        self.path.setPen(pen(t.gradient, 2))
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
        box = far_box(self.surface.weights, self.surface.biases)
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
