"""Graphics items of the Expression lab: one item per node and per edge, each painting its own state.

Speed (see benchmarks/bench_expression_lab.py): plain ``QGraphicsItem``s with a custom ``paint()`` and a
fixed ``boundingRect()``, text drawn with ``drawText`` (never HTML text items), open chevrons instead of a
filled arrowhead in the edge's path, and no text at all below a zoom threshold.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ... import theme
from ..graph import GraphNode
from ..playback import NodeState
from ..wording import format_value, shape_text

ACCUMULATION_HEIGHT = 19.0  # the accumulation badge drawn just above a node's box
TEXT_LOD = 0.45  # below this zoom a node paints only its box (text is unreadable and slow)
Z_EDGE, Z_ACTIVE_EDGE, Z_NODE, Z_ACTIVE_NODE, Z_LABEL, Z_DOT = 0.0, 1.0, 2.0, 3.0, 4.0, 5.0

_BLANK = NodeState(True, None, False, False, "", False)


class Fonts:
    """Fonts and metrics shared by all items (rebuilt when the theme or text size changes)."""

    def __init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        t = theme.current()
        self.label = QFont(t.font_family)
        self.label.setPointSizeF(t.node_font_size)
        self.label.setBold(True)
        self.body = QFont(t.font_family)
        self.body.setPointSizeF(t.node_font_size * 0.92)
        self.small = QFont(t.font_family)
        self.small.setPointSizeF(t.node_font_size * 0.8)
        self.label_metrics = QFontMetricsF(self.label)
        self.body_metrics = QFontMetricsF(self.body)
        self.small_metrics = QFontMetricsF(self.small)


FONTS: Fonts | None = None


def fonts() -> Fonts:
    global FONTS
    if FONTS is None:
        FONTS = Fonts()
    return FONTS


def heat_image(arr: np.ndarray, colour: str) -> QImage:
    """A small heat map of a tensor: white at 0, ``colour`` at the largest magnitude (sign by shade)."""
    a = np.asarray(arr, dtype=np.float64)
    if a.ndim == 0:
        a = a.reshape(1, 1)
    elif a.ndim == 1:
        a = a.reshape(1, -1)
    elif a.ndim > 2:
        a = a.reshape(a.shape[0], -1)
    a = a[:32, :32]
    finite = np.where(np.isfinite(a), a, 0.0)
    scale = float(np.abs(finite).max()) or 1.0
    t = np.clip(finite / scale, -1.0, 1.0)
    base = QColor(colour)
    rgb = np.array([base.red(), base.green(), base.blue()], dtype=np.float64)
    neg = np.array([75.0, 85.0, 99.0])  # negative values: slate grey (never the other quantity's hue)
    mag = np.abs(t)[..., None]
    target = np.where(t[..., None] >= 0, rgb, neg)
    pixels = (255.0 * (1 - mag) + target * mag).astype(np.uint8)
    pixels[~np.isfinite(a)] = (0, 0, 0)
    h, w = pixels.shape[:2]
    rgba = np.empty((h, w, 4), dtype=np.uint8)
    rgba[..., :3] = pixels
    rgba[..., 3] = 255
    img = QImage(rgba.tobytes(), w, h, 4 * w, QImage.Format.Format_RGBA8888)
    return img.copy()  # own the pixels (the bytes object goes away)


class NodeItem(QGraphicsItem):
    """One node's box: label and op, value (blue) and gradient (orange), tensors as small heat maps."""

    def __init__(self, node: GraphNode, rect: tuple[float, float, float, float]) -> None:
        super().__init__()
        self.node = node
        x, y, w, h = rect
        self.setPos(x, y)
        self._rect = QRectF(0, 0, w, h)
        self._bounds = self._rect.adjusted(-4, -ACCUMULATION_HEIGHT - 4, 4, 4)  # room for the "+" badge
        self.state: NodeState | None = None  # set by the view before the first paint
        self.check_mark = ""  # "✓" / "✗" / "?" (finite differences untrustworthy) after Check
        self.check_text = ""
        self._value_img: QImage | None = None
        self._grad_img: QImage | None = None
        self._grad_img_of: int = 0
        self.setZValue(Z_NODE)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self._value_text = format_value(node.value)
        if not node.is_scalar:
            self._value_img = heat_image(node.value, theme.current().value)

    # -- state -----------------------------------------------------------------------------------------

    def set_state(self, state: NodeState) -> None:
        if state == self.state:
            return
        had_badge = bool(self.state is not None and self.state.accumulation)
        self.state = state
        self.setZValue(Z_ACTIVE_NODE if (state.active or state.accumulation) else Z_NODE)  # badge on top
        if state.accumulation or had_badge:  # the badge above the box may be wider than the box
            self.prepareGeometryChange()
            self._bounds = self._rect.adjusted(-4, -ACCUMULATION_HEIGHT - 4, 4, 4)
            if state.accumulation:
                self._bounds = self._bounds.united(
                    self._badge_rect(state.accumulation).adjusted(-2, -2, 2, 2)
                )
        if state.grad is not None and not self.node.is_scalar and id(state.grad) != self._grad_img_of:
            self._grad_img = heat_image(state.grad, theme.current().gradient)
            self._grad_img_of = id(state.grad)
        self.setToolTip(self.tooltip_text())
        self.update()

    def set_check(self, mark: str, text: str) -> None:
        self.check_mark, self.check_text = mark, text
        self.setToolTip(self.tooltip_text())
        self.update()

    def tooltip_text(self) -> str:
        """Full name, op, shape, value and gradient as of the current playback position."""
        n, s = self.node, self.state or _BLANK
        kind = {"variable": "variable (a leaf that requires grad)", "constant": "constant", "op": "result"}[
            n.kind
        ]
        lines = [f"{n.label} — {kind}"]
        if n.op is not None:
            lines.append(f"op: {n.op}")
        lines.append(f"shape: {shape_text(n.shape).removeprefix('shape ')}")  # "shape: (4)", "shape: scalar"
        lines.append(f"value: {format_value(n.value, 12) if s.value_shown else 'not computed yet'}")
        if n.kind == "constant" and not n.requires_grad:
            lines.append("gradient: none (constants get no gradient)")
        elif s.grad is None:
            lines.append("gradient: none yet")
        else:
            lines.append(f"gradient: {format_value(s.grad, 12)}")
        if s.accumulation:
            lines.append(f"accumulated: {s.accumulation}")
        if self.check_text:
            lines.append(f"check: {self.check_mark} {self.check_text}")
        return "\n".join(lines)

    # -- painting --------------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = theme.current()
        n, s = self.node, self.state or _BLANK
        r = self._rect
        constant = n.kind == "constant"
        if constant:
            fill, border = t.constant_fill, t.constant_border
        elif n.kind == "variable":
            fill, border = t.variable_fill, t.variable_border
        else:
            fill, border = t.op_fill, (t.output_border if n.is_output else t.op_border)
        if s.visited and not constant:
            fill = t.visited_fill
        width = 1.2
        if s.active:
            border, width = t.active, 3.0
        elif n.is_output:
            width = 2.2
        pen = QPen(QColor(border), width)
        if constant:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(fill))
        radius = 4.0 if constant else 8.0
        painter.drawRoundedRect(r, radius, radius)
        if s.queued:  # a purple tab on the left edge: still waiting in backward()'s queue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.queued))
            painter.drawRect(QRectF(r.left() + 1.5, r.top() + 8, 3.5, r.height() - 16))

        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < TEXT_LOD:
            return
        f = fonts()
        pad = 7.0
        if constant and n.carrot is None:
            painter.setFont(f.body)
            painter.setPen(QColor(t.muted))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, n.label)
            return
        inner = r.adjusted(pad, 3, -pad, -3)
        # line 1: label (bold) and op
        painter.setFont(f.label)
        painter.setPen(QColor(t.text))
        head = f.label_metrics.elidedText(n.label, Qt.TextElideMode.ElideRight, inner.width() - 36)
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), 18), Qt.AlignmentFlag.AlignLeft, head
        )
        painter.setFont(f.small)
        painter.setPen(QColor(t.muted))
        tag = n.op or ("var" if n.kind == "variable" else "const")
        if self.check_mark:
            tag = self.check_mark
            painter.setPen(QColor({"✓": t.ok, "?": t.muted}.get(self.check_mark, t.error)))
            painter.setFont(f.label)
        painter.drawText(
            QRectF(inner.left(), inner.top() + 1, inner.width(), 18), Qt.AlignmentFlag.AlignRight, tag
        )

        painter.setFont(f.body)
        row = inner.top() + 20
        if n.is_scalar:
            value = self._value_text if s.value_shown else "?"
            painter.setPen(QColor(t.value))
            painter.drawText(
                QRectF(inner.left(), row, inner.width(), 16), Qt.AlignmentFlag.AlignLeft, f"= {value}"
            )
            if s.grad is not None:
                grad = format_value(s.grad)
            else:
                grad = "—"
            painter.setPen(QColor(t.gradient))
            text = f.body_metrics.elidedText(f"∇ {grad}", Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(
                QRectF(inner.left(), row + 17, inner.width(), 16), Qt.AlignmentFlag.AlignLeft, text
            )
            self._paint_accumulation(painter, s.accumulation)
            return
        # tensors: value and gradient heat maps side by side, each captioned in its colour (with the shape)
        box_w = (inner.width() - 6) / 2
        top = row + 18
        box_h = inner.bottom() - top
        shape = "×".join(map(str, n.shape))
        painter.setFont(f.small)
        for k, (img, colour, shown, name) in enumerate(
            (
                (self._value_img, t.value, s.value_shown, "value"),
                (self._grad_img if s.grad is not None else None, t.gradient, s.grad is not None, "∇"),
            )
        ):
            caption = f"= ({shape})" if name == "value" else f"∇ ({shape})"
            painter.setPen(QColor(colour))
            painter.drawText(
                QRectF(inner.left() + k * (box_w + 6), row, box_w, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                f.small_metrics.elidedText(caption, Qt.TextElideMode.ElideRight, box_w),
            )
            box = QRectF(inner.left() + k * (box_w + 6), top, box_w, box_h)
            painter.setPen(QPen(QColor(colour), 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if shown and img is not None:
                painter.drawImage(box, img)
            else:
                painter.setFont(f.small)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "?" if name == "value" else "—")
            painter.drawRect(box)
        self._paint_accumulation(painter, s.accumulation)

    def _badge_rect(self, text: str) -> QRectF:
        f = fonts()
        width = f.label_metrics.horizontalAdvance(f"∇ {text}") + 14
        height = max(ACCUMULATION_HEIGHT, f.label_metrics.height() + 4)
        return QRectF(0, -height - 2, width, height)

    def _paint_accumulation(self, painter: QPainter, text: str) -> None:
        """``∇ 2.0 + 3.0 = 5.0`` in a badge above the box while a second contribution arrives."""
        if not text:
            return
        t = theme.current()
        f = fonts()
        badge = self._badge_rect(text)
        text = f"∇ {text}"
        painter.setPen(QPen(QColor(t.gradient), 1.2))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(f.label)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)


class EdgeItem(QGraphicsItem):
    """An operand → result edge: a smooth curve ending in an open chevron (cheap to repaint)."""

    def __init__(self, index: int, start: QPointF, end: QPointF) -> None:
        super().__init__()
        self.index = index
        self.start, self.end = start, end
        self._dx = max(30.0, (end.x() - start.x()) * 0.5)
        self._path: QPainterPath | None = None  # made on first paint: most edges of a big graph never are
        # the curve's control points lie level with its ends, so it stays inside this box
        left = min(start.x(), end.x() - self._dx)
        right = max(end.x(), start.x() + self._dx)
        top, bottom = min(start.y(), end.y()), max(start.y(), end.y())
        self._bounds = QRectF(left - 8, top - 8, right - left + 16, bottom - top + 16)
        self.active = False
        self.smooth = True  # antialiased; the view turns it off on big graphs (see SMOOTH_EDGES_MAX)
        self.setZValue(Z_EDGE)

    @property
    def path(self) -> QPainterPath:
        if self._path is None:
            start, end, dx = self.start, self.end, self._dx
            path = QPainterPath(start)
            path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
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
        if lod < TEXT_LOD and not self.active:  # zoomed far out: a straight line reads the same
            painter.drawLine(QLineF(self.start, self.end))
            return
        rough = not (self.smooth or self.active)
        if rough:  # antialiasing long curves is most of a repaint's cost on a big graph
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawPath(self.path)
        # open chevron at the result's end (the forward direction)
        e = self.end
        painter.drawLine(QLineF(e, QPointF(e.x() - 8, e.y() - 5)))
        painter.drawLine(QLineF(e, QPointF(e.x() - 8, e.y() + 5)))
        if rough:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)


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
        width = max((f.body_metrics.horizontalAdvance(text) for text, _ in lines), default=0) + 14
        height = len(lines) * (f.body_metrics.height() + 2) + 8
        self._rect = QRectF(-width / 2, 0, width, height)  # pos() is the middle of the top edge
        self.update()
        return width, height

    def show_text(self, top_centre: QPointF, lines: list[tuple[str, str]]) -> None:
        self.set_lines(lines)
        self.setPos(top_centre)
        self.setVisible(True)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = theme.current()
        f = fonts()
        painter.setPen(QPen(QColor(t.active), 1.2))
        painter.setBrush(QBrush(QColor(255, 255, 255, 235)))
        painter.drawRoundedRect(self._rect, 5, 5)
        painter.setFont(f.body)
        y = self._rect.top() + 4
        step = f.body_metrics.height() + 2
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
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
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
        self._rects = [item.mapRectToScene(item._rect) for item in nodes]
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
        groups: dict[tuple[str, str], list[QRectF]] = {}
        for item, rect in zip(self.nodes, self._rects):
            n, s = item.node, item.state
            if s.active:
                border = t.active
            elif s.queued:
                border = t.queued
            elif n.kind == "variable":
                border = t.variable_border
            elif n.kind == "constant":
                border = t.constant_border
            else:
                border = t.op_border
            if s.visited and n.kind != "constant":
                fill = t.visited_fill
            elif s.grad is not None:
                fill = t.visited_fill
            else:
                fill = {"variable": t.variable_fill, "constant": t.constant_fill}.get(n.kind, t.op_fill)
            groups.setdefault((fill, border), []).append(rect)
        for (fill, border), rects in groups.items():
            pen = QPen(QColor(border), 1.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(QColor(fill))
            painter.drawRects(rects)
        if self.active_edge is not None:
            pen = QPen(QColor(t.active), 3.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(self._lines[self.active_edge])
