"""The Network lab's data plot: the decision boundary (class colours blended by probability) or regression
surface as a heat map under the train points (filled) and test points (hollow). Draw your own data: a left
click asks for a point of the chosen class, a right click asks to remove the nearest one; the plot emits
the request and never owns the data. The surface image is updated in place (≤ 20 ms for 100×100).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics

from ... import theme
from ...errors import guarded
from ...i18n import QT_TRANSLATE_NOOP
from ...kit.heatmap import colour_map, levels_for
from ...kit.plots import LabPlot, theme_plot
from .. import look

REMOVE_RADIUS = 14  # px: a right click this close to a point removes it
POINT_SIZE = 9
TEST_SIZE = 10


class BoundaryPlot(LabPlot):
    """Surface, points and draw-your-own clicks. Feed with ``set_points`` (when the data changes) and
    ``set_surface`` (every frame while training)."""

    point_added = Signal(float, float, int)  # x, y in data coordinates, class (0 for regression)
    point_removed = Signal(int)  # index: train points first, then test points (len(X) + k)

    def __init__(self, title: str = "", bottom: str = "x₁", left: str = "x₂") -> None:
        super().__init__(
            title,
            bottom,
            left,
            name="boundaryPlot",
            min_size=(220, 200),
        )
        self.bind_texts(
            "BoundaryPlot",
            tooltip="The model's answer over the plane under the data (filled: train, hollow: test).\n"
            "Left click adds a point of the chosen class, right click removes the nearest point.",
        )
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.draw_class = 0
        self.n_classes = 2
        self.extent: tuple[float, float, float, float] | None = None
        self._points = np.zeros((0, 2))  # train then test, as drawn (for right-click removal)
        self._last_points: tuple | None = None
        self._target_levels: tuple[float, float] | None = None  # regression: colours span ± max |y|
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.addItem(self.image)
        self.curve = self.plot([], [])
        self.curve.setZValue(15)  # the model over the data
        self.train = pg.ScatterPlotItem(size=POINT_SIZE)
        self.test = pg.ScatterPlotItem(size=TEST_SIZE)
        for item in (self.train, self.test):
            item.setZValue(10)
            self.addItem(item)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.apply_theme()

    # -- public API ---------------------------------------------------------------------------------------
    def set_draw_class(self, cls: int) -> None:
        """The class a left click adds."""
        self.draw_class = int(cls)

    def set_surface(self, values: np.ndarray | None, extent: tuple[float, float, float, float]) -> None:
        """``values`` (H, W, k) class probabilities, or (H, W): P(class 1) when the points have classes
        (``set_points`` with n_classes ≥ 2), else a regression surface; over ``extent`` = (x0, x1, y0, y1);
        row 0 is y0 (bottom), column 0 is x0. None clears it. A regression surface is coloured on the
        targets' scale (± max |y| of the points): its colours mean what the points' mean and do not
        flicker while training."""
        if values is None:
            self.image.clear()
            return
        v = np.asarray(values)
        t = theme.current()
        if v.ndim == 2 and self.n_classes >= 2:  # a two-class model's P(class 1)
            v = v[..., None]
        if v.ndim == 3:
            k = max(v.shape[2], 2)
            self.image.setImage(
                look.blend_classes(v, look.class_colours(k), t.panel), autoLevels=False, levels=None, lut=None
            )
        elif v.ndim == 2:
            lut = colour_map(t, "value", signed=True).getLookupTable(nPts=256, alpha=False)
            levels = self._target_levels or levels_for(v, signed=True)  # the targets' scale: steady colours
            self.image.setImage(v, autoLevels=False, levels=levels, lut=lut)
        else:
            raise ValueError(f"a surface is (H, W) or (H, W, k), got shape {v.shape}")
        x0, x1, y0, y1 = (float(e) for e in extent)
        if (x0, x1, y0, y1) != self.extent:  # a new extent re-ranges the view; the same one touches nothing
            self.extent = (x0, x1, y0, y1)
            self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
            self.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)  # points on the edge stay whole

    def set_points(self, X, y, n_classes: int, test_X=None, test_y=None) -> None:
        """Train points (filled) and test points (hollow). ``n_classes`` ≥ 2: ``y`` holds class indices;
        0 or 1: regression (2 features: points coloured by y; 1 feature: points at (x, y))."""
        self._last_points = (X, y, n_classes, test_X, test_y)
        self.n_classes = int(n_classes)
        targets = [np.ravel(a) for a in (y, test_y) if a is not None and len(a)]
        self._target_levels = None
        if self.n_classes < 2 and targets:
            self._target_levels = levels_for(np.concatenate(targets).astype(float), signed=True)
        sets = [(X, y, self.train, False), (test_X, test_y, self.test, True)]
        drawn = []
        for data, target, item, hollow in sets:
            xy, style = self._spots(data, target, hollow)
            item.setData(**style) if style else item.setData([], [])
            drawn.append(xy)
        self._points = np.concatenate(drawn)
        two_d = X is not None and np.ndim(X) == 2 and np.shape(X)[1] >= 2
        self.getPlotItem().setAspectLocked(two_d)
        left = self.getAxis("left")
        if left.labelText in ("x₂", "y"):  # the default names follow the data (the lab may set its own)
            self.set_axes("", "x₂" if two_d else "y")
            theme_plot(self)  # the new axis title in the theme's size
        if self.extent is None and len(self._points):  # no surface yet: show the data
            self.autoRange()

    def set_curve(self, xs, ys) -> None:
        """The model's curve for 1-feature regression (empty arrays hide it)."""
        self.curve.setData(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))

    def surface_image(self) -> np.ndarray | None:
        """The image drawn now (RGBA for classes, values for regression): tests compare it."""
        return None if self.image.image is None else np.array(self.image.image)

    def apply_theme(self) -> None:
        t = theme.current()
        theme_plot(self)
        tick_font = theme.qfont(max(7.0, t.font_size - 1))  # as theme_plot sets it
        self.getAxis("left").setWidth(QFontMetrics(tick_font).horizontalAdvance("-0.00") + 12)
        self.curve.setPen(pg.mkPen(t.value, width=t.edge_width * 1.5))
        if self._last_points is not None:
            self.set_points(*self._last_points)

    # -- drawing ------------------------------------------------------------------------------------------
    def _spots(self, X, y, hollow: bool) -> tuple[np.ndarray, dict]:
        if X is None or len(X) == 0:
            return np.zeros((0, 2)), {}
        X = np.asarray(X, dtype=float).reshape(len(X), -1)
        y = np.asarray(y, dtype=float).reshape(-1)
        xy = X[:, :2] if X.shape[1] >= 2 else np.column_stack([X[:, 0], y])
        colours = self._colours(y, X.shape[1])
        t = theme.current()
        if hollow:  # cosmetic pens (pg.mkPen): a QPen's width would be in symbol units
            pens = {c: pg.mkPen(c, width=2.2) for c in set(colours)}
            pen, brush = [pens[c] for c in colours], pg.mkBrush(None)
        else:
            brushes = {c: pg.mkBrush(c) for c in set(colours)}
            on_surface = self.n_classes < 2 and X.shape[1] >= 2  # a value-coloured point on a value surface
            ring = t.text if on_surface else t.panel
            pen, brush = pg.mkPen(ring, width=1.2), [brushes[c] for c in colours]
        style = {
            "x": xy[:, 0],
            "y": xy[:, 1],
            "pen": pen,
            "brush": brush,
            "size": TEST_SIZE if hollow else POINT_SIZE,
        }
        return xy, style

    def _colours(self, y: np.ndarray, n_features: int) -> list[str]:
        t = theme.current()
        if self.n_classes >= 2:
            palette = look.class_colours(self.n_classes)
            return [palette[int(c) % len(palette)] if np.isfinite(c) else t.muted for c in y.tolist()]
        if n_features < 2:  # data grey and the model's curve blue, as in the Training lab
            return [t.muted] * len(y)
        cmap = colour_map(t, "value", signed=True)
        lo, hi = self._target_levels or levels_for(y, signed=True)
        return [cmap.map((v - lo) / (hi - lo), mode="qcolor").name() for v in y.tolist()]

    # -- clicks -------------------------------------------------------------------------------------------
    def data_pos(self, x: float, y: float) -> QPointF:
        """Where data point (x, y) is in widget pixels (tests and tours click there)."""
        scene = self.getPlotItem().vb.mapViewToScene(QPointF(x, y))
        return self.mapFromScene(scene).toPointF()

    @guarded(QT_TRANSLATE_NOOP("Errors", "drawing a point"))
    def _clicked(self, ev) -> None:
        vb = self.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(ev.scenePos()):
            return
        p = vb.mapSceneToView(ev.scenePos())
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.point_added.emit(float(p.x()), float(p.y()), self.draw_class if self.n_classes >= 2 else 0)
        elif ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            index = self.nearest(p.x(), p.y())
            if index is not None:
                self.point_removed.emit(index)

    def nearest(self, x: float, y: float) -> int | None:
        """The index of the drawn point nearest to (x, y) if it is within REMOVE_RADIUS pixels."""
        if len(self._points) == 0:
            return None
        px, py = self.getPlotItem().vb.viewPixelSize()  # data units per pixel
        d = np.hypot((self._points[:, 0] - x) / px, (self._points[:, 1] - y) / py)
        i = int(np.argmin(d))
        return i if d[i] <= REMOVE_RADIUS else None
