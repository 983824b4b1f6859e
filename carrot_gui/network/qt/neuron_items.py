"""The neuron view's graphics items: all weight lines of a layer in one item (drawn per (sign, width) group)
and a neuron (a ring over a round pixmap of its activation map). They draw what NeuronView decides."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPixmapItem

from ... import theme
from .. import look

Z_LINE, Z_NEURON = 0, 10
ALIASED_FROM = 256  # a layer with more lines than this is drawn without antialiasing


class LayerLines(QGraphicsItem):
    """All weight lines of one layer in one item: ``paint`` draws each (sign, width) group with one
    ``drawLines`` call (a few dozen calls even for the digits' 2,048 weights; an item per line costs a
    setPen per changed line and per-item overhead in every paint). Hovering and clicking find the line
    geometrically (look.nearest_segment)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_LINE)
        self.starts = self.ends = np.zeros((0, 2))
        self.drawn: tuple | None = None  # (signs, widths, mode, dim) drawn now: the same → nothing to do
        self.signs = np.zeros(0, dtype=int)
        self.widths = np.zeros(0)
        self._qlines: list[QLineF] = []
        self._groups: list[tuple[QPen, list[QLineF]]] = []
        self.keys = np.zeros(0, dtype=int)  # per line: its (width, sign) group
        self.pens: dict[int, QPen] = {}  # per group: the pen it is drawn with
        self._rect = QRectF()

    def place(self, starts: np.ndarray, ends: np.ndarray) -> None:
        self.prepareGeometryChange()
        self.starts, self.ends = starts, ends
        self._qlines = [QLineF(x0, y0, x1, y1) for (x0, y0), (x1, y1) in zip(starts.tolist(), ends.tolist())]
        both = np.concatenate([starts, ends]) if len(starts) else np.zeros((1, 2))
        (x0, y0), (x1, y1) = both.min(axis=0), both.max(axis=0)
        pad = look.MAX_LINE_WIDTH
        self._rect = QRectF(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)
        self.drawn = None

    def restyle(self, values: np.ndarray, scale: float, mode: str, dim: bool, pen_for) -> None:
        widths = look.line_widths(values, scale, look.widest_line(len(values)))
        signs = np.where(values < 0, -1, 1)
        d = self.drawn
        if (
            d is not None
            and d[2:] == (mode, dim)
            and np.array_equal(d[0], signs)
            and np.array_equal(d[1], widths)
        ):
            return
        self.signs, self.widths, self.drawn = signs, widths, (signs, widths, mode, dim)
        keys = np.round(widths / look.WIDTH_STEP).astype(int) * 2 + (signs > 0)  # thin first: wide on top
        widest = look.widest_line(len(values))
        dense = len(values) > 100  # weak lines of a dense layer fade, so the strong ones show through
        groups, self.keys, self.pens = [], keys, {}
        for key in np.unique(keys).tolist():
            idx = np.flatnonzero(keys == key).tolist()
            width = (key // 2) * look.WIDTH_STEP
            fade = round(0.85 * (1 - width / widest), 1) if dense else 0.0
            pen = self.pens[key] = pen_for((mode, 1 if key % 2 else -1, width, dim, fade))
            groups.append((pen, [self._qlines[i] for i in idx]))
        self._groups = groups
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        if len(self._qlines) > ALIASED_FROM:  # hundreds of lines blur together anyway: draw them 3× faster
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in self._groups:
            painter.setPen(pen)
            painter.drawLines(lines)


class Neuron(QGraphicsEllipseItem):
    """One neuron: a ring over a round pixmap of its activation map (made in NumPy at the circle's size:
    a clip path per neuron per frame costs several times more)."""

    def __init__(self, layer: int, unit: int) -> None:
        super().__init__()
        self.key = (layer, unit)
        self.value_colour: str | None = None  # set_neuron_values: the fill without a map
        self.setZValue(Z_NEURON)
        self.map = QGraphicsPixmapItem(self)
        self.map.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, True)  # the ring on top
        self.map.setVisible(False)

    def set_radius(self, r: float) -> None:
        self.setRect(QRectF(-r, -r, 2 * r, 2 * r))

    def set_map(self, rgba: np.ndarray | None) -> None:
        """A round RGBA image (d, d, 4) uint8 (look.round_maps), or None for a plain circle."""
        if rgba is not None:
            d = rgba.shape[0]
            buf = rgba.tobytes()  # QImage does not own it: alive until fromImage has copied it
            img = QImage(buf, d, d, 4 * d, QImage.Format.Format_RGBA8888)
            self.map.setPixmap(QPixmap.fromImage(img))
            self.map.setPos(-d / 2, -d / 2)
        self.map.setVisible(rgba is not None)
        self.fill()

    def fill(self, colour: str | None = None) -> None:
        """Nothing over a map (the ring stays on top); else ``colour`` (a value's) or the panel colour."""
        if colour is not None:
            self.value_colour = colour
        visible = self.map.isVisible()
        inside = self.value_colour or theme.current().panel
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush) if visible else QBrush(QColor(inside)))
