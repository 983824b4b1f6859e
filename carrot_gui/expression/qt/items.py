"""Graphics items of the Expression lab: one item per node and per edge, each painting its own state.

Speed (see benchmarks/bench_expression_lab.py): plain ``QGraphicsItem``s with a custom ``paint()`` and a
fixed ``boundingRect()``, text drawn with ``drawText`` (never HTML text items), open chevrons instead of a
filled arrowhead in the edge's path, and no text at all below a zoom threshold.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ... import theme
from .node_item import ACCUMULATION_HEIGHT, TEXT_LOD, Z_NODE, NodeItem, fonts

Z_EDGE, Z_ACTIVE_EDGE, Z_LABEL, Z_DOT = 0.0, 1.0, 4.0, 5.0

__all__ = ["ACCUMULATION_HEIGHT", "DotItem", "EdgeItem", "EdgeLabelItem", "NodeItem", "OverviewItem", "fonts"]


class EdgeItem(QGraphicsItem):
    """An operand → result edge: a smooth curve ending in an open chevron (cheap to repaint)."""

    def __init__(self, index: int, start: QPointF, end: QPointF, wrap_y: float | None = None) -> None:
        super().__init__()
        self.index = index
        self.start, self.end = start, end
        self.wrap_y = wrap_y  # an edge into the next band runs back left through the gap at this height
        self._dx = max(30.0, (end.x() - start.x()) * 0.5)
        self._path: QPainterPath | None = None  # made on first paint: most edges of a big graph never are
        self._end_angle: float | None = None
        # the curve's control points lie level with its ends, so it stays inside this box
        left = min(start.x(), end.x() - self._dx)
        right = max(end.x(), start.x() + self._dx)
        top, bottom = min(start.y(), end.y()), max(start.y(), end.y())
        self._bounds = QRectF(left - 8, top - 8, right - left + 16, bottom - top + 16)
        if wrap_y is not None:
            self._bounds = self.path.boundingRect().adjusted(-8, -8, 8, 8)
        self.active = False
        self.smooth = True  # antialiased; the view turns it off on big graphs (see SMOOTH_EDGES_MAX)
        self.setZValue(Z_EDGE)

    @property
    def path(self) -> QPainterPath:
        if self._path is None:
            start, end, dx = self.start, self.end, self._dx
            path = QPainterPath(start)
            if self.wrap_y is None:
                path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
            else:  # out to the right, back along the gap between the bands, into the result from the left
                y, r = self.wrap_y, 24.0
                path.cubicTo(
                    QPointF(start.x() + r, start.y()), QPointF(start.x() + r, y), QPointF(start.x(), y)
                )
                path.lineTo(QPointF(end.x() - r, y))
                path.cubicTo(QPointF(end.x() - 2 * r, y), QPointF(end.x() - 2 * r, end.y()), end)
            self._path = path
        return self._path

    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self.setZValue(Z_ACTIVE_EDGE if active else Z_EDGE)
            self.update()

    def point_at(self, fraction: float) -> QPointF:
        return self.path.pointAtPercent(min(1.0, max(0.0, fraction)))

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = theme.current()
        if self.active:
            pen = QPen(QColor(t.active), t.edge_width * 2.2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        else:
            # a cosmetic pen (width in pixels, not scene units) takes Qt's fast stroker: several times faster
            pen = QPen(QColor(t.edge), t.edge_width)
            pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if (
            lod < TEXT_LOD and not self.active and self.wrap_y is None
        ):  # far out: a straight line reads the same
            painter.drawLine(QLineF(self.start, self.end))
            return
        rough = not (self.smooth or self.active)
        if rough:  # antialiasing long curves is most of a repaint's cost on a big graph
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawPath(self.path)
        if self.active:
            # an active edge carries a gradient backwards: the chevron sits at the operand's end and
            # points into it, so the picture agrees with the step's words ("z → x·y")
            self._chevron(painter, self.start, self.path.angleAtPercent(0.0) + 180.0)
        else:  # the forward direction: into the result
            if self._end_angle is None:
                self._end_angle = self.path.angleAtPercent(1.0)
            self._chevron(painter, self.end, self._end_angle)
        if rough:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    @staticmethod
    def _chevron(painter: QPainter, tip: QPointF, angle: float) -> None:
        """An open arrowhead at ``tip`` pointing along ``angle`` (degrees, Qt's: counter-clockwise)."""
        for side in (-150.0, 150.0):
            back = QLineF.fromPolar(9.5, angle + side)
            painter.drawLine(QLineF(tip, tip + back.p2()))


class EdgeLabelItem(QGraphicsItem):
    """The active edge's words: the local rule with its number, and the gradient it carries."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[str, str]] = []  # (text, colour role)
        self._rect = QRectF()
        self.setZValue(Z_LABEL)
        self.setVisible(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)  # readable at any zoom

    def set_lines(self, lines: list[tuple[str, str]]) -> tuple[float, float]:
        """Take new text; returns the label's size in pixels (it is drawn at the same size at any zoom)."""
        self.prepareGeometryChange()
        self.lines = lines
        f = fonts()
        width = max((f.edge_metrics.horizontalAdvance(text) for text, _ in lines), default=0) + 14
        height = len(lines) * (f.edge_metrics.height() + 2) + 8
        self._rect = QRectF(-width / 2, 0, width, height)  # pos() is the middle of the top edge
        self.update()
        return width, height

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = theme.current()
        f = fonts()
        painter.setPen(QPen(QColor(t.active), 1.2))
        fill = QColor(t.panel)
        fill.setAlpha(235)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, 5, 5)
        painter.setFont(f.edge)
        y = self._rect.top() + 4
        step = f.edge_metrics.height() + 2
        for text, role in self.lines:
            painter.setPen(QColor(getattr(t, role)))
            painter.drawText(
                QRectF(self._rect.left() + 7, y, self._rect.width() - 14, step),
                Qt.AlignmentFlag.AlignLeft,
                text,
            )
            y += step


class DotItem(QGraphicsItem):
    """The gradient travelling along the active edge (moved by the lab's animator)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_DOT)
        self.setVisible(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)

    def boundingRect(self) -> QRectF:
        return QRectF(-7, -7, 14, 14)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setPen(QPen(QColor(theme.current().background), 1.5))  # a ring in the canvas colour
        painter.setBrush(QColor(theme.current().gradient))
        painter.drawEllipse(QRectF(-5.5, -5.5, 11, 11))


class OverviewItem(QGraphicsItem):
    """The whole graph in one item, for zoomed-out views of big graphs.

    Thousands of tiny items cost one Python ``paint()`` call each (~8 µs) even when they draw a dot;
    this item draws every edge with one ``drawLines`` and the boxes with one ``drawRects`` per colour,
    reading each node item's current state.
    """

    def __init__(self, nodes: list[NodeItem], edges: list[EdgeItem], bounds: QRectF) -> None:
        super().__init__()
        self.nodes = nodes
        self.edges = edges
        self._bounds = bounds
        self._rects = [item.mapRectToScene(item.box()) for item in nodes]
        self._tabs = [QRectF(r.left(), r.top(), 4.0, r.height()) for r in self._rects]  # "still to visit"
        self._lines = [QLineF(e.start, e.end) for e in edges]
        self.active_edge: int | None = None
        self.setZValue(Z_NODE)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = theme.current()
        pen = QPen(QColor(t.edge), 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLines(self._lines)
        groups: dict[tuple[str, str, float], list[QRectF]] = {}
        tabs: list[QRectF] = []
        for item, rect, tab in zip(self.nodes, self._rects, self._tabs):
            key = item.look_key  # the node's own look (node_look), decided when its state changed
            group = groups.get(key)
            if group is None:
                group = groups[key] = []
            group.append(rect)
            if item.look.queued:
                tabs.append(tab)
        for (fill, border, width), rects in groups.items():
            pen = QPen(QColor(border), max(1.0, width - 0.2))
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(QColor(fill))
            painter.drawRects(rects)
        if tabs:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.queued))
            painter.drawRects(tabs)
        if self.active_edge is not None:
            pen = QPen(QColor(t.active), 3.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(self._lines[self.active_edge])
