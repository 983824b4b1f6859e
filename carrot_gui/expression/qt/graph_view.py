"""The graph view: builds the node and edge items for a loaded expression and paints a timeline position.

It only draws what the Qt-free :class:`~carrot_gui.expression.playback.Timeline` says; moving to another
position repaints just the nodes whose state changed (``Timeline.touched``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QCursor, QImage, QMouseEvent, QPainter, QPainterPathStroker, QWheelEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QToolTip

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ..layout import BAND_GAP, BAND_MAX_NODES, Layout, layered_layout
from ..playback import Timeline, refollow
from ..session import Loaded
from ..wording import format_value
from .items import ACCUMULATION_HEIGHT, DotItem, EdgeItem, EdgeLabelItem, NodeItem, OverviewItem, fonts

MIN_ZOOM, MAX_ZOOM = 0.02, 6.0
MAX_FIT_ZOOM = 2.0  # "fit" fills the view but never magnifies more than this
SMOOTH_EDGES_MAX = 600  # bigger graphs draw their edges without antialiasing: 2x faster steps when following
FOLLOW_ZOOM = 1.0  # "follow" shows the active node at least this big (node text at its design size)
OVERVIEW_ZOOM = 0.3  # below this zoom a big graph is drawn by one OverviewItem instead of its items
OVERVIEW_MIN_NODES = 150
MAX_EXPORT_PIXELS = 12_000  # longest side of an exported PNG
MARGIN = 24.0


def with_suffix(path: str, suffix: str) -> str:
    """``path`` with ``suffix`` added when its file name has no extension ("graph" → "graph.png")."""
    return path if Path(path).suffix else path + suffix


def legend_html() -> str:
    """The title and colour key above the graph. Each key entry is one unbreakable phrase (&nbsp; inside),
    so a narrow window wraps between entries, never between a colour mark and its words."""
    t = theme.current()
    hint = translate("ExpressionLab", "→ / Space to step or play · wheel zooms · F fits · click a node")
    MOUSE_HINT = f"<span style='color:{t.muted}'>{hint}</span>"

    def entry(colour: str, text: str) -> str:
        return (
            f"<span style='color:{colour}'>{translate('ExpressionLab', text).replace(' ', '&nbsp;')}</span>"
        )

    return " &nbsp; ".join(
        [
            f"<b>{translate('ExpressionLab', '2 · Step through backward()')}</b>",
            entry(t.value, QT_TRANSLATE_NOOP("ExpressionLab", "= value")),
            entry(t.gradient, QT_TRANSLATE_NOOP("ExpressionLab", "∇ gradient")),
            entry(t.constant_border, QT_TRANSLATE_NOOP("ExpressionLab", "┄ constant")),
            entry(t.queued, QT_TRANSLATE_NOOP("ExpressionLab", "▌ still to visit")),
        ]
        # the mouse and key hints are for the one at the keyboard; a projector keeps the line for the graph
        + ([] if t.projector else [MOUSE_HINT])
    )


class GraphView(QGraphicsView):
    """Zoom with the wheel, pan by dragging, ``fit()`` to see it all; nodes show tooltips on hover."""

    zoomChanged = Signal(float)
    nodeClicked = Signal(int)  # a node's index, when a node is clicked (not dragged)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("graphView")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setBackgroundBrush(QColor(theme.current().background))
        self.setToolTip("")
        self.nodes: list[NodeItem] = []
        self.edges: list[EdgeItem] = []
        self.loaded: Loaded | None = None
        self.timeline: Timeline | None = None
        self.follow = False  # keep the active node in view while playing
        self._overview: OverviewItem | None = None
        self._overview_on = False
        self._shown_position = -1
        self._active_edge: int | None = None
        self._label = EdgeLabelItem()
        self._dot = DotItem()
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._anim.valueChanged.connect(self._move_dot)
        self._anim.finished.connect(lambda: self._dot.setVisible(False))
        self.animation_ms = 450
        self._auto_fit = True  # keep the whole graph in view until the user zooms
        self.predicting = False  # predict mode: unreached gradients read "∇ ?"
        # predict mode: position -> (edge, words) of the edge whose gradient is asked for next, or None
        self.question_at: Callable[[int], tuple[int, str] | None] | None = None

    # -- building ----------------------------------------------------------------------------------------

    def set_graph(self, loaded: Loaded, timeline: Timeline) -> None:
        """Replace the drawing with ``loaded``'s graph, shown at ``timeline``'s position."""
        self._anim.stop()
        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        graph, lay = loaded.graph, loaded.layout
        nodes = [NodeItem(n, lay.rect(n.index), lay.box_scale) for n in graph.nodes]
        for item in nodes:
            item.predicting = self.predicting
        edges = []
        for e in graph.edges:
            sx, sy, sw, sh = lay.rect(e.src)
            dx, dy, dw, dh = lay.rect(e.dst)
            k = len(graph.nodes[e.dst].operands)
            # operands enter the result's left side spread top to bottom in argument order
            frac = (e.slot + 1) / (k + 1)
            start, end = QPointF(sx + sw, sy + sh / 2), QPointF(dx, dy + dh * (0.25 + 0.5 * frac))
            edges.append(EdgeItem(e.index, start, end, lay.wrap_y(e.src, e.dst)))
        smooth = len(edges) <= SMOOTH_EDGES_MAX
        for item in edges:
            item.smooth = smooth
            scene.addItem(item)
        for item in nodes:
            scene.addItem(item)
        self._label = EdgeLabelItem()
        self._dot = DotItem()
        scene.addItem(self._label)
        scene.addItem(self._dot)
        left, top, width, height = lay.bounds()
        rect = QRectF(left - MARGIN, top - MARGIN - 26, width + 2 * MARGIN, height + 2 * MARGIN + 26)
        scene.setSceneRect(rect)
        self._overview = OverviewItem(nodes, edges, rect) if len(nodes) >= OVERVIEW_MIN_NODES else None
        self._overview_on = False
        if self._overview is not None:
            self._overview.setVisible(False)
            scene.addItem(self._overview)
        old = self._scene
        self._scene = scene
        self.setScene(scene)
        old.deleteLater()
        self.nodes, self.edges = nodes, edges
        self.loaded = loaded
        self._active_edge = None
        self._update_overview()
        self._show_timeline(timeline)

    def set_timeline(self, timeline: Timeline) -> None:
        """Show another timeline of the same graph (e.g. the per-path order) from its position, and follow
        it from now on: every move of its position repaints what changed (animated when one step on)."""
        if timeline is not self.timeline:  # the one shown is already followed
            self._show_timeline(timeline)

    def _show_timeline(self, timeline: Timeline) -> None:
        refollow(self.timeline, timeline, self._on_position)
        self.timeline = timeline
        self._shown_position = -1
        self.show_position(animate=False)

    def _on_position(self, position: int, old: int) -> None:
        self.show_position(animate=position == old + 1)

    def clear_checks(self) -> None:
        for item in self.nodes:
            if item.check_mark:
                item.set_check("", "")

    # -- playback ----------------------------------------------------------------------------------------

    def show_position(self, animate: bool = True) -> None:
        """Repaint what changed since the last shown position; animate the active edge."""
        tl = self.timeline
        if tl is None:
            return
        p = tl.position
        if self._shown_position < 0:
            changed = range(len(self.nodes))
        else:
            changed = tl.touched(self._shown_position, p)
        for i in changed:
            self.nodes[i].set_state(tl.node_state(i, p))
            if self.nodes[i].state.accumulation:
                self._place_badge(self.nodes[i])
        self._shown_position = p

        edge = tl.active_edge(p)
        step = tl.current(p)
        ask = self.question_at(p) if self.question_at is not None else None
        lines: list[tuple[str, str]] = []
        if ask is not None:  # predict mode: the edge whose gradient is asked for, its number hidden
            edge, lines, animate = ask[0], [(ask[1], "text"), ("∇ ?", "gradient")], False
        elif edge is not None:
            lines = [
                (step.rule, "text"),
                (format_text("ExpressionLab", "sends ∇ {grad}", grad=format_value(step.grad)), "gradient"),
            ]
        self._show_edge(edge, lines, animate)
        if self.follow and step is not None:
            self.ensureVisible(self.nodes[step.input if step.input >= 0 else step.node], 60, 60)
        if (
            QToolTip.isVisible()
        ):  # a hover box left open while stepping shows the new state, never a stale one
            item = self.itemAt(self.viewport().mapFromGlobal(QCursor.pos()))
            if isinstance(item, NodeItem):
                QToolTip.showText(QCursor.pos(), item.toolTip(), self.viewport())

    def _show_edge(self, edge: int | None, lines: list[tuple[str, str]], animate: bool) -> None:
        """Light ``edge`` with its label ``lines`` (None: no edge lit); a dot runs along it when animated."""
        if self._active_edge is not None and self._active_edge != edge:
            self.edges[self._active_edge].set_active(False)
        self._active_edge = edge
        if self._overview_on:
            self._overview.active_edge = edge
            self._overview.update()
        if edge is None:
            self._label.setVisible(False)
            self._dot.setVisible(False)
            self._anim.stop()
            return
        item = self.edges[edge]
        item.set_active(True)
        size = self._label.set_lines(lines)
        # readable at any zoom, and as big as the node text when zoomed in (a projector)
        self._label.setScale(min(MAX_FIT_ZOOM, max(1.0, self.zoom())))
        self._label.setPos(self._label_place(edge, size))
        self._label.setVisible(True)
        if animate and self.animation_ms > 0:
            self._anim.stop()
            self._anim.setDuration(self.animation_ms)
            self._dot.setPos(item.point_at(1.0))  # start at the result's end, before the first frame
            self._dot.setVisible(True)
            self._anim.start()
        else:
            self._dot.setVisible(False)

    def set_predicting(self, on: bool) -> None:
        """Predict mode: gradients not reached yet read ``∇ ?`` in the boxes and their tooltips."""
        self.predicting = on
        for item in self.nodes:
            item.set_predicting(on)
        self._shown_position = -1
        self.show_position(animate=False)

    def _place_badge(self, item: NodeItem) -> None:
        """Put a node's accumulation badge where it crosses no edge and covers no other box: above the box
        from the left, from the right, centred, then below. Inside the scene first (a fitted view shows no
        more; a place that sticks out is also tried slid in); else the first free place out of it, and the
        scene grows to hold it (a wide badge over the first column); above from the left if none is free."""
        places = item.badge_places(item.look.badge or f"∇ {item.state.accumulation}")
        scene = self.sceneRect()
        inside, outside = [], []
        for place in places:
            rect = item.mapRectToScene(place)
            shift = max(0.0, scene.left() - rect.left()) - max(0.0, rect.right() - scene.right())
            if not shift:
                inside.append(place)
                continue
            outside.append(place)
            inside.append(place.translated(shift / max(item.scale(), 1e-9), 0.0))
        free = next((p for p in inside + outside if self._badge_fits(item, p)), None)
        item.place_badge(free)
        if free is not None and not scene.contains(rect := item.mapRectToScene(free)):
            self.scene().setSceneRect(scene.united(rect.adjusted(-4, -4, 4, 4)))
            if self._auto_fit:
                self.fit()

    def _badge_fits(self, item: NodeItem, place: QRectF) -> bool:
        """Whether a badge at ``place`` (item coordinates) crosses no edge and covers no other node's box."""
        rect = item.mapRectToScene(place)
        stroke = QPainterPathStroker()
        stroke.setWidth(4.0)
        if any(
            e.boundingRect().intersects(rect) and stroke.createStroke(e.path).intersects(rect)
            for e in self.edges
        ):
            return False
        return not any(
            other is not item and other.mapRectToScene(other.box()).intersects(rect) for other in self.nodes
        )

    def _label_place(self, edge: int, size: tuple[float, float]) -> QPointF:
        """Where the active edge's label goes (the middle of its top edge). The first place, in this order,
        that covers no node box and lies in view: beside the edge's middle, above or below both of its
        nodes, above or below every box of the columns under it (a label over a box hides the very numbers
        it talks about)."""
        item = self.edges[edge]
        mid = item.point_at(0.5)
        z = max(self.zoom(), 1e-6)
        k = self._label.scale() / z  # the label ignores the view's zoom: its size in scene units
        w, h = size[0] * k, size[1] * k
        gap = 6.0 / z
        e = self.loaded.graph.edges[edge]
        lay = self.loaded.layout
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        x = mid.x()
        if seen.width() > w + 2 * gap:  # never past the view's left or right edge
            x = min(max(x, seen.left() + w / 2 + gap), seen.right() - w / 2 - gap)
        left, right = x - w / 2, x + w / 2
        # the boxes that can be in the way: every box of the columns the label spans
        near = [
            i
            for column in lay.layers
            if column and lay.x[column[0]] < right and lay.x[column[0]] + lay.w[column[0]] > left
            for i in column
        ]
        badge = ACCUMULATION_HEIGHT * lay.box_scale  # room for an accumulation badge above a box
        ends_top = min(lay.y[e.src], lay.y[e.dst]) - badge
        ends_bottom = max(lay.y[e.src] + lay.h[e.src], lay.y[e.dst] + lay.h[e.dst])
        ys = [mid.y() - h - gap, mid.y() + gap, ends_top - h - gap, ends_bottom + gap]
        if item.wrap_y is not None:  # an edge into the next band: its middle runs along the gap between them
            ys.insert(0, item.wrap_y - h / 2)
        if near:
            ys.append(min(lay.y[i] for i in near) - badge - h - gap)
            ys.append(max(lay.y[i] + lay.h[i] for i in near) + gap)
        if lay.band_top:  # in the gap above or below each band
            ys.extend(top - BAND_GAP / 2 - h / 2 for top in lay.band_top[1:])
        in_view = [y for y in ys if y >= seen.top() and y + h <= seen.bottom()] or ys
        for y in in_view:
            y1 = y + h
            if not any(
                lay.x[i] < right
                and lay.x[i] + lay.w[i] > left
                and lay.y[i] - badge < y1
                and lay.y[i] + lay.h[i] > y
                for i in near
            ):
                return QPointF(x, y)
        return QPointF(x, in_view[0])

    def set_follow(self, on: bool) -> None:
        """Keep the active node in view while stepping; turning it on also zooms a graph that was fitted
        too small to read (a deep chain) to ``FOLLOW_ZOOM`` around the node where playback stands."""
        self.follow = on
        if not on or self.timeline is None or not self.nodes:
            return
        if self.zoom() < FOLLOW_ZOOM:
            self.zoom_by(FOLLOW_ZOOM / self.zoom())
        step = self.timeline.current()
        index = self.loaded.graph.output if step is None else (step.input if step.input >= 0 else step.node)
        self.centerOn(self.nodes[index])

    def _move_dot(self, value: float) -> None:
        if self._active_edge is None:
            return
        # the gradient travels backwards: from the result's end of the edge to the operand's
        self._dot.setPos(self.edges[self._active_edge].point_at(1.0 - float(value)))

    # -- zoom, pan, fit ------------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    @property
    def overview(self) -> bool:
        """True while the graph is drawn by the one overview item (zoomed far out on a big graph)."""
        return self._overview_on

    def _update_overview(self) -> None:
        want = self._overview is not None and self.zoom() < OVERVIEW_ZOOM
        if want == self._overview_on:
            return
        self._overview_on = want
        for item in self.nodes:
            item.setVisible(not want)
        for item in self.edges:
            item.setVisible(not want)
        if self._overview is not None:
            self._overview.active_edge = self._active_edge
            self._overview.setVisible(want)

    def zoom_by(self, factor: float) -> None:
        current = self.zoom()
        target = max(MIN_ZOOM, min(MAX_ZOOM, current * factor))
        self._auto_fit = False
        if target != current:
            self.scale(target / current, target / current)
            self._update_overview()
            self.zoomChanged.emit(self.zoom())

    def fit(self) -> None:
        """Fill the view with the whole graph, so a class at the back can read a small one (magnified at
        most ``MAX_FIT_ZOOM``: beyond that a two-node graph would look like a poster)."""
        self._wrap_for_view()
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > MAX_FIT_ZOOM:
            self.resetTransform()
            self.scale(MAX_FIT_ZOOM, MAX_FIT_ZOOM)
            self.centerOn(rect.center())
        self._update_overview()
        self.zoomChanged.emit(self.zoom())

    def _wrap_for_view(self) -> None:
        """With magnified boxes (projector and presenter mode) a small graph is wrapped into bands for this
        view's shape, not for a laptop's canvas: a wide, low view gets one long band, a tall one more bands
        (at 1280×800 in projector mode the 14-node neuron in two bands was bound by the height)."""
        loaded = self.loaded
        if loaded is None or loaded.layout.box_scale <= 1.0 or len(loaded.graph.nodes) > BAND_MAX_NODES:
            return
        port = self.viewport().size()
        canvas = (max(port.width() - 2 * MARGIN, 1.0), max(port.height() - 2 * MARGIN - 26, 1.0))
        lay = layered_layout(loaded.graph, loaded.layout.box_scale, canvas, MAX_FIT_ZOOM)
        if lay.band_of_layer != loaded.layout.band_of_layer:
            self._use_layout(lay)

    def _use_layout(self, lay: Layout) -> None:
        """Draw the graph with another layout, at the same playback position, Check marks kept."""
        marks = [(item.check_mark, item.check_text) for item in self.nodes]
        self.loaded.layout = lay
        self.set_graph(self.loaded, self.timeline)
        for item, (mark, text) in zip(self.nodes, marks):
            if mark:
                item.set_check(mark, text)

    def fit_when_shown(self) -> None:
        """Fit now and again whenever the view is resized, until the user zooms."""
        self._auto_fit = True
        self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = getattr(self, "_press", None), None
        if press is None or (event.position() - press).manhattanLength() > 4:  # a drag pans
            return
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, NodeItem):
            self.nodeClicked.emit(item.node.index)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.15**steps)
        event.accept()

    def refresh_theme(self) -> None:
        """Repaint in the current theme; a larger node text (projector mode) lays the graph out again with
        boxes that much bigger (Check marks kept), and a fitted graph is fitted again."""
        fonts().refresh()
        if self.loaded is not None and self.loaded.layout.box_scale != fonts().magnify:
            self._use_layout(layered_layout(self.loaded.graph, fonts().magnify))
        if self._auto_fit:
            self.fit()
        for item in self.nodes:
            item.refresh_images()
            item.refresh_look()
        self.setBackgroundBrush(QColor(theme.current().background))
        self.viewport().update()

    # -- export ------------------------------------------------------------------------------------------

    def export_png(self, path: str, scale: float = 2.0) -> str:
        """The whole graph as a PNG at ``scale`` pixels per scene unit; returns the path written (``.png``
        added to a name without one); OSError if it cannot be written."""
        path = with_suffix(path, ".png")
        if not self.to_image(scale).save(path, "PNG"):
            raise OSError(format_text("ExpressionLab", "could not write the PNG file {path}", path=path))
        return path

    def to_image(self, scale: float = 2.0) -> QImage:
        """The whole graph as an image at ``scale`` pixels per scene unit (smaller for a huge graph), on the
        theme's background: what the PNG export and the PDF handout's pictures show."""
        rect = self.scene().sceneRect()
        scale = min(scale, MAX_EXPORT_PIXELS / max(rect.width(), rect.height(), 1.0))  # a huge graph: smaller
        img = QImage(
            int(rect.width() * scale) + 1, int(rect.height() * scale) + 1, QImage.Format.Format_ARGB32
        )
        img.fill(QColor(theme.current().background))
        painter = QPainter(img)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(0, 0, img.width(), img.height()), rect)
        painter.end()
        return img

    def export_svg(self, path: str) -> str:
        """The whole graph as an SVG (vector: sharp at any size on slides); returns the path written
        (``.svg`` added to a name without one)."""
        path = with_suffix(path, ".svg")
        rect = self.scene().sceneRect()
        gen = QSvgGenerator()
        gen.setFileName(path)
        gen.setSize(rect.size().toSize())
        gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        gen.setTitle(self.loaded.title if self.loaded else translate("ExpressionLab", "PyCarrot graph"))
        painter = QPainter()
        if not painter.begin(gen):
            raise OSError(format_text("ExpressionLab", "could not write the SVG file {path}", path=path))
        painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), QColor(theme.current().background))
        self.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()
        return path
