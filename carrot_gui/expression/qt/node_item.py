"""One node's box on the graph: label and op, value (blue) and gradient (orange), painted from its look.

Colours, borders and badges come from :func:`carrot_gui.expression.look.node_look` (decided once, Qt-free);
``paint()`` only draws the parts: the box, the head line, then a scalar's two rows, a small tensor's numbers
(up to 4×4) or a bigger tensor's two heat maps, and the accumulation badge. Each part saves and restores
the painter, so no part leaks a pen or font into the next.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...theme import format_number
from ..graph import CONSTANT, VARIABLE, GraphNode, NodeKind
from ..layout import CELL_ROW, shows_numbers
from ..look import NodeLook, node_look
from ..playback import NodeState
from ..wording import format_value, shape_text

ACCUMULATION_HEIGHT = 19.0  # the accumulation badge drawn just above a node's box
TEXT_LOD = 0.45  # below this zoom a node paints only its box (text is unreadable and slow)
Z_NODE, Z_ACTIVE_NODE = 2.0, 3.0
PAD = 7.0  # inner padding of a box
HEAD = 20.0  # height of the head line (label and op)

_BLANK = NodeState(True, None, False, False, "", False)
_KIND_WORDS = {  # English sources, shown translated
    NodeKind.VARIABLE: QT_TRANSLATE_NOOP("ExpressionLab", "variable (a leaf that requires grad)"),
    NodeKind.CONSTANT: QT_TRANSLATE_NOOP("ExpressionLab", "constant"),
    NodeKind.OP: QT_TRANSLATE_NOOP("ExpressionLab", "result"),
}


class Fonts:
    """Fonts and metrics shared by all items (rebuilt when the theme or text size changes).

    Node items paint at the light theme's node text size, the size their boxes are designed for; a larger
    theme (projector mode, View ▸ Larger text) magnifies each item by ``magnify`` (the layout makes its
    boxes that much bigger), so boxes grow with their text and no name is cut shorter."""

    def __init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        t = theme.current()
        design = theme.LIGHT.node_font_size
        self.magnify = theme.graph_magnify(t)
        self.label = QFont(t.font_family)
        self.label.setPointSizeF(design)
        self.label.setBold(True)
        self.body = QFont(t.font_family)
        self.body.setPointSizeF(design)  # values and gradients: as big as the label
        self.edge = QFont(t.font_family)  # the active edge's label (drawn at screen size, any zoom)
        self.edge.setPointSizeF(t.node_font_size * 0.92)
        self.small = QFont(t.font_family)
        self.small.setPointSizeF(design * 0.8)
        self.label_metrics = QFontMetricsF(self.label)
        self.body_metrics = QFontMetricsF(self.body)
        self.small_metrics = QFontMetricsF(self.small)
        self.edge_metrics = QFontMetricsF(self.edge)
        self.generation = getattr(self, "generation", 0) + 1


FONTS: Fonts | None = None


def fonts() -> Fonts:
    global FONTS
    if FONTS is None:
        FONTS = Fonts()
    return FONTS


def _rgb(colour: str) -> np.ndarray:
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


def heat_image(arr: np.ndarray, colour: str) -> QImage:
    """A small heat map of a tensor: the node's fill at 0 (white, or dark in the dark theme), ``colour`` at
    the largest magnitude, the theme's neutral grey for negative numbers (sign by shade)."""
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
    th = theme.current()
    rgb, paper = _rgb(colour), _rgb(th.op_fill)
    neg = _rgb(th.op_border)  # negative values: slate grey (never the other quantity's hue)
    mag = np.abs(t)[..., None]
    target = np.where(t[..., None] >= 0, rgb, neg)
    pixels = (paper * (1 - mag) + target * mag).astype(np.uint8)
    pixels[~np.isfinite(a)] = (0, 0, 0)
    h, w = pixels.shape[:2]
    rgba = np.empty((h, w, 4), dtype=np.uint8)
    rgba[..., :3] = pixels
    rgba[..., 3] = 255
    img = QImage(rgba.tobytes(), w, h, 4 * w, QImage.Format.Format_RGBA8888)
    return img.copy()  # own the pixels (the bytes object goes away)


def cells(arr: np.ndarray) -> list[list[tuple[str, bool]]]:
    """A small tensor's numbers as rows of (short text, strong) — strong where the heat map behind the
    number is dark enough to want white text. A vector is one row."""
    a = np.asarray(arr, dtype=np.float64)
    a = a.reshape(1, -1) if a.ndim <= 1 else a
    finite = np.where(np.isfinite(a), a, 0.0)
    scale = float(np.abs(finite).max()) or 1.0
    strong = (np.abs(finite) / scale > 0.55) | ~np.isfinite(a)
    return [[(format_number(v, 2), bool(k)) for v, k in zip(row, ks)] for row, ks in zip(a, strong)]


class NodeItem(QGraphicsItem):
    """One node's box; :meth:`set_state` gives it the state to show at the current playback position."""

    def __init__(self, node: GraphNode, rect: tuple[float, float, float, float], scale: float = 1.0) -> None:
        """``rect`` is the box in the scene; ``scale`` the layout's box scale: the item paints at the design
        size and is magnified by that much (projector mode), text and all."""
        super().__init__()
        self.node = node
        x, y, w, h = rect
        self.setPos(x, y)
        self.setScale(scale)
        self._rect = QRectF(0, 0, w / scale, h / scale)
        self._bounds = self._rect.adjusted(-4, -ACCUMULATION_HEIGHT - 4, 4, 4)  # room for the "+" badge
        self.state: NodeState | None = None  # set by the view before the first paint
        self._badge_corner: QPointF | None = None  # where the view put the accumulation badge (None: above)
        self._elided_cache: dict[tuple[str, float, int], str] = {}
        self._elided_for = 0
        self.check_mark = ""  # "✓" / "✗" / "?" (finite differences untrustworthy) after Check
        self.predicting = False  # predict mode: a gradient not reached yet reads "∇ ?", not "∇ —"
        self.check_text = ""
        self.numbers = shows_numbers(node)  # a small tensor shows its numbers, a bigger one heat maps
        self._value_img: QImage | None = None
        self._grad_img: QImage | None = None
        self._grad_img_of: int = 0
        self._value_cells = cells(node.value) if self.numbers else []
        self._grad_cells: list[list[tuple[str, bool]]] = []
        self.setZValue(Z_NODE)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self._value_text = format_value(node.value)
        self.look: NodeLook | None = None  # decided by set_state (the view sets a state before any paint)
        self.look_key: tuple = ()
        self.refresh_images()

    def refresh_images(self) -> None:
        """Make the heat maps again in the current theme's colours (a theme switch)."""
        if self.node.is_scalar:
            return
        self._value_img = heat_image(self.node.value, theme.current().value)
        if self.state is not None and self.state.grad is not None:
            self._grad_img = heat_image(self.state.grad, theme.current().gradient)

    # -- state -----------------------------------------------------------------------------------------

    def set_state(self, state: NodeState) -> None:
        if state == self.state:
            return
        had_badge = bool(self.state is not None and self.state.accumulation)
        self.state = state
        self.setZValue(Z_ACTIVE_NODE if (state.active or state.accumulation) else Z_NODE)  # badge on top
        if state.accumulation or had_badge:  # the badge above the box may be wider than the box
            self.prepareGeometryChange()
            self._update_bounds()
        if state.grad is not None and not self.node.is_scalar and id(state.grad) != self._grad_img_of:
            self._grad_img = heat_image(state.grad, theme.current().gradient)
            self._grad_img_of = id(state.grad)
            if self.numbers:
                self._grad_cells = cells(state.grad)
        self.refresh_look()
        self.setToolTip(self.tooltip_text())
        self.update()

    def set_predicting(self, on: bool) -> None:
        if on != self.predicting:
            self.predicting = on
            self.setToolTip(self.tooltip_text())
            self.update()

    @property
    def missing_grad(self) -> str:
        """What the box shows for a gradient not there yet: ``?`` in predict mode (for a node that will get
        one), else ``—``."""
        return "?" if self.predicting and self.node.requires_grad else "—"

    def set_check(self, mark: str, text: str) -> None:
        self.check_mark, self.check_text = mark, text
        self.setToolTip(self.tooltip_text())
        self.update()

    def tooltip_text(self) -> str:
        """Full name, op, shape, value and gradient as of the current playback position."""
        n, s = self.node, self.state or _BLANK
        lines = [f"{n.label} — {translate('ExpressionLab', _KIND_WORDS[n.kind])}"]
        if n.op is not None:
            lines.append(format_text("ExpressionLab", "op: {op}", op=n.op))
        dims = "(" + ", ".join(map(str, n.shape)) + ")" if n.shape else shape_text(n.shape)
        lines.append(
            format_text("ExpressionLab", "shape: {dims}", dims=dims)
        )  # "shape: (4)", "shape: scalar"
        value = format_value(n.value, 16) if s.value_shown else translate("ExpressionLab", "not computed yet")
        lines.append(format_text("ExpressionLab", "value: {value}", value=value))
        if n.kind == CONSTANT and not n.requires_grad:
            lines.append(translate("ExpressionLab", "gradient: none (constants get no gradient)"))
        elif s.grad is None and self.missing_grad == "?":
            lines.append(
                translate("NodeItem", "gradient: ∇ ? — predict it: backward() has not reached it yet")
            )
        elif s.grad is None:
            lines.append(translate("ExpressionLab", "gradient: none yet"))
        else:
            lines.append(format_text("ExpressionLab", "gradient: {grad}", grad=format_value(s.grad, 16)))
        if s.accumulation:
            lines.append(format_text("ExpressionLab", "accumulated: {sum}", sum=s.accumulation))
        if self.check_text:
            lines.append(
                format_text(
                    "ExpressionLab", "check: {mark} {text}", mark=self.check_mark, text=self.check_text
                )
            )
        return "\n".join(lines)

    # -- painting --------------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def box(self) -> QRectF:
        """The node's box in item coordinates (the bounding rect also holds the badge above it)."""
        return QRectF(self._rect)

    def refresh_look(self) -> None:
        """Decide the look for the current state and theme (once per change: the overview of a big graph
        reads every item's look on every frame). ``look_key`` is what the overview groups boxes by."""
        look = node_look(self.node, self.state or _BLANK, theme.current())
        self.look = look
        self.look_key = (look.fill, look.border, look.border_width)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self.look is None:
            self.refresh_look()
        look = self.look
        self._paint_box(painter, look)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < TEXT_LOD:
            return
        n, s = self.node, self.state or _BLANK
        if n.kind == CONSTANT and n.carrot is None:  # a number inside the expression
            painter.save()
            painter.setFont(fonts().body)
            painter.setPen(QColor(theme.current().muted))
            painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, n.label)
            painter.restore()
            return
        inner = self._rect.adjusted(PAD, 3, -PAD, -3)
        self._paint_head(painter, inner)
        if n.is_scalar:
            self._paint_scalar(painter, inner, s)
        elif self.numbers:
            self._paint_numbers(painter, inner, s)
        else:
            self._paint_heat_maps(painter, inner, s)
        self._paint_badge(painter, look)

    def _elided(self, metrics: QFontMetricsF, text: str, width: float) -> str:
        """``text`` cut with "…" to ``width``; kept per item (eliding costs ~25 µs, a frame paints dozens)."""
        generation = fonts().generation
        if self._elided_for != generation:
            self._elided_cache.clear()
            self._elided_for = generation
        key = (text, width, id(metrics))
        out = self._elided_cache.get(key)
        if out is None:
            if len(self._elided_cache) > 16:  # a gradient that keeps changing: never grows without bound
                self._elided_cache.clear()
            out = self._elided_cache[key] = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return out

    def _paint_box(self, painter: QPainter, look: NodeLook) -> None:
        painter.save()
        pen = QPen(QColor(look.border), look.border_width)
        if look.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(look.fill))
        r = self._rect
        painter.drawRoundedRect(r, look.radius, look.radius)
        if look.queued:  # a tab on the left edge: still waiting in backward()'s queue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(look.queued))
            painter.drawRect(QRectF(r.left() + 1.5, r.top() + 8, 3.5, r.height() - 16))
        painter.restore()

    def shape_caption(self) -> str:
        """A tensor's shape as its box shows it, ``(2×4)``, ``(1)`` (empty for a 0-d scalar or a number in the
        expression)."""
        n = self.node
        if n.value.ndim == 0 or (n.kind == CONSTANT and n.carrot is None):
            return ""
        return "(" + "×".join(map(str, n.shape)) + ")"

    def head_tag(self, width: float) -> str:
        """The head line's right part in a box ``width`` wide: the op (var, const) and, for a tensor shown as
        numbers, its shape — ``matmul (4×4)``; only the shape when the label would not fit beside both (the
        tooltip names the op). A heat-map tensor has its shape in the maps' captions."""
        n, f = self.node, fonts()
        if n.op is not None:
            op = n.op
        elif n.kind == VARIABLE:
            op = translate("ExpressionLab", "var")  # a node's tag: short
        else:
            op = translate("ExpressionLab", "const")
        shape = self.shape_caption()
        if not shape or not (self.numbers or n.is_scalar):
            return op
        both = f"{op} {shape}"
        label = f.label_metrics.horizontalAdvance(n.label)
        return both if label + f.small_metrics.horizontalAdvance(both) + 6 <= width else shape

    def _paint_head(self, painter: QPainter, inner: QRectF) -> None:
        """Line 1: the label (bold, elided: the tooltip has it whole) and the op, or the check mark."""
        t, f, n = theme.current(), fonts(), self.node
        painter.save()
        tag = self.head_tag(inner.width())
        tag_font, tag_colour, tag_metrics = f.small, t.muted, f.small_metrics
        if self.check_mark:
            tag, tag_font, tag_metrics = self.check_mark, f.label, f.label_metrics
            tag_colour = {"✓": t.ok, "?": t.muted}.get(self.check_mark, t.error)
        room = inner.width() - tag_metrics.horizontalAdvance(tag) - 6
        painter.setFont(f.label)
        painter.setPen(QColor(t.text))
        head = self._elided(f.label_metrics, n.label, room)
        painter.drawText(QRectF(inner.left(), inner.top(), room, HEAD - 2), Qt.AlignmentFlag.AlignLeft, head)
        painter.setFont(tag_font)
        painter.setPen(QColor(tag_colour))
        painter.drawText(
            QRectF(inner.left(), inner.top() + 1, inner.width(), HEAD - 2), Qt.AlignmentFlag.AlignRight, tag
        )
        painter.restore()

    def _paint_scalar(self, painter: QPainter, inner: QRectF, s: NodeState) -> None:
        """``= value`` in the value colour, ``∇ gradient`` below it in the gradient colour."""
        t, f = theme.current(), fonts()
        painter.save()
        painter.setFont(f.body)
        row = inner.top() + HEAD
        value = self._value_text if s.value_shown else "?"
        painter.setPen(QColor(t.value))
        text = self._elided(f.body_metrics, f"= {value}", inner.width())
        painter.drawText(QRectF(inner.left(), row, inner.width(), 16), Qt.AlignmentFlag.AlignLeft, text)
        grad = format_value(s.grad) if s.grad is not None else self.missing_grad
        painter.setPen(QColor(t.gradient))
        text = self._elided(f.body_metrics, f"∇ {grad}", inner.width())
        painter.drawText(QRectF(inner.left(), row + 17, inner.width(), 16), Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()

    def _paint_numbers(self, painter: QPainter, inner: QRectF, s: NodeState) -> None:
        """A small tensor's value and gradient as two grids of numbers over their heat maps (a heat map
        you can read), each marked = or ∇ in its colour."""
        t, f = theme.current(), fonts()
        painter.save()
        top = inner.top() + HEAD
        rows = len(self._value_cells)
        block = rows * CELL_ROW + 4
        parts = (
            (self._value_cells if s.value_shown else None, self._value_img, t.value, "=", "?"),
            (
                self._grad_cells if s.grad is not None else None,
                self._grad_img,
                t.gradient,
                "∇",
                self.missing_grad,
            ),
        )
        for k, (grid, img, colour, mark, missing) in enumerate(parts):
            y = top + k * block
            painter.setPen(QColor(colour))
            painter.setFont(f.body)
            painter.drawText(QRectF(inner.left(), y, 12, CELL_ROW), Qt.AlignmentFlag.AlignLeft, mark)
            area = QRectF(inner.left() + 13, y, inner.width() - 13, rows * CELL_ROW)
            if grid is None or img is None:
                painter.drawText(area, Qt.AlignmentFlag.AlignLeft, missing)
                continue
            painter.drawImage(area, img)
            self._paint_grid(painter, area, grid, colour)
        painter.restore()

    def _paint_grid(
        self, painter: QPainter, area: QRectF, grid: list[list[tuple[str, bool]]], colour: str
    ) -> None:
        f = fonts()
        cols = max(len(r) for r in grid)
        width = area.width() / cols
        widest = max(f.body_metrics.horizontalAdvance(c) for r in grid for c, _ in r)
        font = f.body
        if widest > width - 3:  # a long number (1.2e-07): a smaller font rather than a cut one
            font = QFont(f.body)
            font.setPointSizeF(max(4.0, f.body.pointSizeF() * (width - 3) / widest))
        painter.setFont(font)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        light, dark = QColor(theme.current().on_strong), QColor(theme.current().text)
        for r, row in enumerate(grid):
            for c, (text, strong) in enumerate(row):
                cell = QRectF(area.left() + c * width, area.top() + r * CELL_ROW, width - 3, CELL_ROW)
                painter.setPen(light if strong else dark)
                painter.drawText(cell, right, text)
        painter.setPen(QPen(QColor(colour), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area)

    def _paint_heat_maps(self, painter: QPainter, inner: QRectF, s: NodeState) -> None:
        """Value and gradient heat maps side by side, each captioned in its colour with the shape."""
        t, f = theme.current(), fonts()
        painter.save()
        row = inner.top() + HEAD
        box_w = (inner.width() - 6) / 2
        top = row + 18
        box_h = inner.bottom() - top
        shape = self.shape_caption()
        painter.setFont(f.small)
        parts = (
            (self._value_img, t.value, s.value_shown, "=", "?"),
            (
                self._grad_img if s.grad is not None else None,
                t.gradient,
                s.grad is not None,
                "∇",
                self.missing_grad,
            ),
        )
        for k, (img, colour, shown, mark, missing) in enumerate(parts):
            left = inner.left() + k * (box_w + 6)
            painter.setPen(QColor(colour))
            painter.drawText(
                QRectF(left, row, box_w, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                f.small_metrics.elidedText(f"{mark} {shape}", Qt.TextElideMode.ElideRight, box_w),
            )
            box = QRectF(left, top, box_w, box_h)
            painter.setPen(QPen(QColor(colour), 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if shown and img is not None:
                painter.drawImage(box, img)
            else:
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, missing)
            painter.drawRect(box)
        painter.restore()

    def _update_bounds(self) -> None:
        self._bounds = self._rect.adjusted(-4, -ACCUMULATION_HEIGHT - 4, 4, 4)
        if self.state is not None and self.state.accumulation:
            self._bounds = self._bounds.united(
                self._badge_rect(f"∇ {self.state.accumulation}").adjusted(-2, -2, 2, 2)
            )

    def badge_places(self, text: str) -> list[QRectF]:
        """Where the accumulation badge may go, best first: above the box from its left or its right
        end, centred, then below (the view picks the first that crosses no edge)."""
        f = fonts()
        width = f.label_metrics.horizontalAdvance(text) + 14
        height = max(ACCUMULATION_HEIGHT, f.label_metrics.height() + 4)
        box = self._rect
        above, below = -height - 2, box.height() + 2
        lefts = (0.0, box.width() - width, (box.width() - width) / 2)
        return [QRectF(x, y, width, height) for y in (above, below) for x in lefts]

    def place_badge(self, place: QRectF | None) -> None:
        """Put the accumulation badge's top-left corner where ``place`` says (None: above, from the left)."""
        corner = None if place is None else place.topLeft()
        if corner != self._badge_corner:
            self.prepareGeometryChange()
            self._badge_corner = corner
            self._update_bounds()
            self.update()

    def _badge_rect(self, text: str) -> QRectF:
        first = self.badge_places(text)[0]
        if self._badge_corner is not None:
            first.moveTopLeft(self._badge_corner)
        return first

    def _paint_badge(self, painter: QPainter, look: NodeLook) -> None:
        """``∇ 2.0 + 3.0 = 5.0`` in a badge above the box while a second contribution arrives."""
        if not look.badge:
            return
        painter.save()
        badge = self._badge_rect(look.badge)
        painter.setPen(QPen(QColor(look.badge_colour), 1.2))
        painter.setBrush(QColor(theme.current().op_fill))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(fonts().label)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, look.badge)
        painter.restore()
