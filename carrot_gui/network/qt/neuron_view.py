"""The neuron view (TensorFlow Playground's picture, and more): neurons as circles with a small heat map of
their activation over the input plane, weights as lines (colour = sign, width = |w|), tooltips with each
weight's gradient, click a line to type a new weight, and during backward playback the layer the gradient
is in lights up with ∂L/∂w on its lines. Takes plain NumPy arrays; the items are built once per network
and updated in place (a 2-8-8-1 network with maps redraws in a few ms, see benchmarks/bench_network_views.py).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QToolTip,
)

from ... import theme
from ...errors import guarded
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts
from ...kit.heatmap import signed_colours
from ...kit.widgets import show_tip, tooltip_event
from .. import look
from .neuron_items import Z_LINE, LayerLines, Neuron

Z_BAND, Z_TEXT = -10, 20
HOVER_PX = 5.0  # px from a line's middle that still points at it (a thin line is easy to hit)
DIM = 0.78  # lines of the other layers while one layer is lit: this much of the way to the panel colour


class _Editor(QLineEdit):
    """The inline weight editor: Enter commits, Escape cancels."""

    cancelled = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class NeuronView(QGraphicsView):
    """The network as neurons and weight lines. Feed it with ``set_network``, then ``set_weights``,
    ``set_gradients``, ``set_neuron_maps`` and ``highlight_layer`` as often as the lab likes."""

    weight_edited = Signal(int, int, int, float)  # layer, i, j, new value (the lab changes the model)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("neuronView")
        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items move on resize
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMouseTracking(True)
        self.layer_sizes: list[int] = []
        self.feature_names: list[str] = []
        self.weights: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        self.grads: list[np.ndarray] | None = None
        self.bias_grads: list[np.ndarray] | None = None
        self.highlighted: int | None = None
        self.placement: look.Layout | None = None  # where the neurons are (not "layout": a QWidget method)
        self._neurons: list[list[Neuron]] = []
        self._lines: list[LayerLines] = []
        self._texts: list[QGraphicsSimpleTextItem] = []
        self._pens: dict[tuple, QPen] = {}
        self._lut = np.zeros((256, 3), dtype=np.uint8)  # the activation maps' colours
        self._maps: list[np.ndarray | None] = []
        self._values: list[np.ndarray | None] = []
        self._tip_key: tuple | None = None  # the item whose tooltip is showing (updated live)
        self._tip_pos = QPointF()
        self._band = QGraphicsRectItem()
        self._band.setZValue(Z_BAND)
        self._band.setPen(QPen(Qt.PenStyle.NoPen))
        self._band.setVisible(False)
        self.scene().addItem(self._band)
        self._pointer = self._overlay()  # the line under the mouse
        self._mark = self._overlay()  # the line a question is about (dashed)
        self.predicting = False  # predict mode: a gradient not reached yet reads "∇ ?" in the tooltips
        self.marked: tuple[int, int, int] | None = None
        self.key = QGraphicsSimpleTextItem(look.key_text(None))
        self.key_line = look.key_text(None)  # the key as one line; shown on two when the view is narrow
        self.key.setPos(8, 4)
        self.scene().addItem(self.key)
        self._editing: tuple[int, int, int] | None = None
        self.editor = _Editor(self.viewport())
        self.editor.setObjectName("weightEditor")
        texts.bind(
            self.editor.setToolTip,
            "NeuronView",
            "Type a new weight and press Enter (Escape keeps the old one).",
        )
        self.editor.returnPressed.connect(self._commit_edit)
        self.editor.cancelled.connect(self.close_editor)
        self.editor.hide()
        self.edit_message = QLabel(self.viewport())
        self.edit_message.setObjectName("weightEditMessage")
        theme.set_tone(self.edit_message, "error")
        self.edit_message.setAutoFillBackground(True)  # readable over the lines
        self.edit_message.setContentsMargins(4, 2, 4, 2)
        self.edit_message.hide()
        self.apply_theme()

    def _overlay(self) -> QGraphicsLineItem:
        """A hidden line item just above the weight lines, to outline one of them."""
        item = QGraphicsLineItem()
        item.setZValue(Z_LINE + 1)
        item.setVisible(False)
        self.scene().addItem(item)
        return item

    # -- public API ---------------------------------------------------------------------------------------
    def set_network(self, layer_sizes: list[int], feature_names: list[str] | None = None) -> None:
        """Build the items for a network of ``layer_sizes`` (inputs first). The only call that rebuilds."""
        sizes = [int(n) for n in layer_sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"a network needs an input and an output layer of width ≥ 1, got {sizes}")
        self.close_editor()
        self.point_at(None)
        for item in [*sum(self._neurons, []), *self._texts]:
            self.scene().removeItem(item)
        for lines in self._lines:
            self.scene().removeItem(lines)
        self.layer_sizes, self.feature_names = sizes, list(feature_names or [])
        self.weights = [np.zeros((a, b)) for a, b in zip(sizes, sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.grads = self.bias_grads = None
        self._maps = [None] * len(sizes)
        self._values = [None] * len(sizes)
        self.highlighted = None
        self.marked = None
        self._mark.setVisible(False)
        self.placement = None  # the old one is for the old network
        self._set_key(look.key_text(None))
        self._band.setVisible(False)
        self._neurons = [[Neuron(k, u) for u in range(n)] for k, n in enumerate(sizes)]
        self._lines = [LayerLines() for _ in sizes[1:]]
        self._texts = [QGraphicsSimpleTextItem() for _ in range(sizes[0] + len(sizes))]
        for item in [*sum(self._neurons, []), *self._lines, *self._texts]:
            self.scene().addItem(item)
        self._style_texts()
        self._relayout()
        self._restyle_lines()

    def set_weights(self, weights: list[np.ndarray], biases: list[np.ndarray] | None = None) -> None:
        """Weights (in, out) and biases (out,) of every layer; lines restyle only where a width or sign
        changed by a drawn amount."""
        self.weights = self._checked(weights, "weights")
        if biases is not None:
            self.biases = [np.asarray(b, dtype=np.float64).reshape(-1) for b in biases]
        self._restyle_lines()
        self._refresh_tip()

    def set_gradients(
        self, grads: list[np.ndarray] | None, bias_grads: list[np.ndarray] | None = None
    ) -> None:
        """∂L/∂W of every layer (None, or None for a layer: not computed yet); shown in tooltips and on a
        highlighted layer."""
        known = grads is not None and any(g is not None for g in grads)
        self.grads = self._checked(grads, "gradients", allow_none=True) if known else None
        known_b = bias_grads is not None and any(g is not None for g in bias_grads)
        self.bias_grads = (
            [None if g is None else np.asarray(g, dtype=np.float64).reshape(-1) for g in bias_grads]
            if known_b
            else None
        )
        if self.highlighted is not None:
            self._restyle_lines()
        self._refresh_tip()

    def set_neuron_maps(self, maps: list[np.ndarray | None] | None, channels_last: bool = False) -> None:
        """Per layer (inputs first) an array (n_units, H, W) of each neuron's activation over the input
        plane, row 0 the lowest y (as BoundaryPlot.set_surface); None for a layer or all: no maps.
        ``channels_last``: the arrays are (H, W, n_units), as NetworkSession.activation_maps gives them."""
        maps = list(maps) if maps is not None else [None] * len(self.layer_sizes)
        if len(maps) != len(self.layer_sizes):
            raise ValueError(f"{len(maps)} neuron maps for {len(self.layer_sizes)} layers")
        if channels_last:
            maps = [None if m is None or np.ndim(m) != 3 else np.moveaxis(m, -1, 0) for m in maps]
        for neurons, m in zip(self._neurons, maps):
            if m is not None and (np.ndim(m) != 3 or np.shape(m)[0] != len(neurons)):
                raise ValueError(f"neuron maps of shape {np.shape(m)} for a layer of {len(neurons)} units")
        self._maps = maps
        self._draw_maps()

    def _draw_maps(self) -> None:
        if self.placement is None:
            return
        for neurons, m, r in zip(self._neurons, self._maps, self.placement.radii):
            d = max(1, int(round(2 * r)))
            images = [None] * len(neurons) if m is None else look.round_maps(m, d, self._lut)
            for n, rgba in zip(neurons, images):
                n.set_map(rgba)

    def set_neuron_values(self, values: list[np.ndarray | None] | None, scale: float | None = None) -> None:
        """Per layer (inputs first) one number per neuron, e.g. its mean activation over the test set, filling
        circles that have no map: blue +, grey −, white 0 on ±``scale`` (None: each layer's largest |value|;
        1.0 shows saturated sigmoids as solid blue). Read in the neuron's tooltip. None clears them."""
        values = list(values) if values is not None else [None] * len(self.layer_sizes)
        if len(values) != len(self.layer_sizes):
            raise ValueError(f"{len(values)} value lists for {len(self.layer_sizes)} layers")
        checked = []
        for neurons, v in zip(self._neurons, values):
            v = None if v is None else np.asarray(v, dtype=np.float64).reshape(-1)
            if v is not None and len(v) != len(neurons):
                raise ValueError(f"{len(v)} values for a layer of {len(neurons)} units")
            checked.append(v)
        self._values = checked
        for neurons, v in zip(self._neurons, checked):
            if v is None:
                for n in neurons:
                    n.value_colour = None
                    n.fill()
                continue
            m = scale or float(np.nanmax(np.abs(v), initial=0.0)) or 1.0
            idx = np.clip(np.nan_to_num((v / m + 1.0) * 127.5 + 0.5, nan=127.0), 0, 255).astype(int)
            for n, i in zip(neurons, idx.tolist()):
                n.fill("#{:02x}{:02x}{:02x}".format(*self._lut[i]))

    def highlight_layer(self, layer: int | None) -> None:
        """Light up weight layer ``layer`` (0: inputs → first hidden) and draw ∂L/∂w on its lines; None: off."""
        if layer is not None and not 0 <= layer < len(self._lines):
            raise ValueError(f"no weight layer {layer}: the network has {len(self._lines)}")
        self.highlighted = layer
        self._set_key(look.key_text(layer))
        self._place_band()
        self._restyle_lines()

    def line_tooltip(self, layer: int, i: int, j: int) -> str:
        grad = None if self.grads is None else self.grads[layer]
        g = None if grad is None else float(grad[i, j])
        w = float(self.weights[layer][i, j])
        return look.line_tip(layer, i, j, w, g, self.feature_names, self._missing())

    def _missing(self) -> str:
        """What a gradient not computed yet reads as ("" : the usual words)."""
        if not self.predicting:
            return ""
        return translate("NeuronView", "∇ ? — predict it: the backward pass has not reached this layer")

    def set_predicting(self, on: bool) -> None:
        self.predicting = on
        self._refresh_tip()

    def mark_line(self, key: tuple[int, int, int] | None) -> None:
        """Outline the weight line ``key`` (layer, i, j) a question is about, dashed; None: no mark."""
        self.marked = key
        self._place_mark()

    def _place_mark(self) -> None:
        key = self.marked
        if key is None or self.placement is None or key[0] >= len(self._lines):
            self._mark.setVisible(False)
            return
        self._outline(self._mark, key, 4.0, Qt.PenStyle.DashLine)

    def _outline(self, item: QGraphicsLineItem, key: tuple[int, int, int], wider: float, style) -> None:
        """Lay ``item`` over the weight line ``key`` in the active colour, ``wider`` px wider than it."""
        layer, i, j = key
        lines, n = self._lines[layer], i * self.layer_sizes[layer + 1] + j
        (x0, y0), (x1, y1) = lines.starts[n], lines.ends[n]
        item.setLine(float(x0), float(y0), float(x1), float(y1))
        pen = QPen(QColor(theme.current().active), float(lines.widths[n]) + wider)
        pen.setStyle(style)
        item.setPen(pen)
        item.setVisible(True)

    def neuron_tooltip(self, layer: int, unit: int) -> str:
        values = self._values[layer] if layer < len(self._values) else None
        value = (
            ""
            if values is None
            else format_text("NeuronView", "\nvalue  {value}", value=theme.format_number(values[unit]))
        )
        if layer == 0:
            name = (
                self.feature_names[unit]
                if unit < len(self.feature_names)
                else format_text("NeuronView", "input {value}", value=unit + 1)
            )
            return format_text("NeuronView", "input {name}{value}", name=name, value=value)
        b = theme.format_number(self.biases[layer - 1][unit])
        grad = None if self.bias_grads is None else self.bias_grads[layer - 1]
        missing = self._missing() or translate("NeuronView", "not computed yet")
        g = missing if grad is None else theme.format_number(grad[unit])
        return format_text(
            "NeuronView",
            "neuron {value} of layer {layer}{value2}\nbias  {b}\n∂L/∂b  {g}",
            value=unit + 1,
            layer=layer,
            value2=value,
            b=b,
            g=g,
        )

    def line_style(self, layer: int, i: int, j: int) -> tuple[str, float]:
        """The colour (#rrggbb) and width (px) a weight's line is drawn with now."""
        lines, n = self._lines[layer], i * self.layer_sizes[layer + 1] + j
        pen = lines.pens[int(lines.keys[n])]
        return pen.color().name(), pen.widthF()

    def line_pos(self, layer: int, i: int, j: int, t: float = 0.4) -> QPointF:
        """Where a line is in viewport pixels (a fraction ``t`` along it): tests and tours click there."""
        lines, n = self._lines[layer], i * self.layer_sizes[layer + 1] + j
        x, y = lines.starts[n] + t * (lines.ends[n] - lines.starts[n])
        return self.mapFromScene(QPointF(float(x), float(y))).toPointF()

    def open_editor(self, layer: int, i: int, j: int, at: QPointF | None = None) -> None:
        self._editing = (layer, i, j)
        self.editor.setText(theme.format_number(self.weights[layer][i, j]))
        self.editor.selectAll()
        self.editor.adjustSize()
        self.editor.setFixedWidth(self.editor.fontMetrics().horizontalAdvance("-0.00000000") + 16)
        pos = at if at is not None else self.line_pos(layer, i, j)
        x = min(
            max(0, int(pos.x()) - self.editor.width() // 2),
            max(0, self.viewport().width() - self.editor.width()),
        )
        y = min(
            max(0, int(pos.y()) - self.editor.height() // 2),
            max(0, self.viewport().height() - self.editor.height()),
        )
        self.editor.move(x, y)
        self.edit_message.move(x, y + self.editor.height() + 2)
        self.edit_message.hide()
        self.editor.show()
        self.editor.raise_()
        self.editor.setFocus()

    def close_editor(self) -> None:
        self._editing = None
        self.editor.hide()
        self.edit_message.hide()

    def apply_theme(self) -> None:
        """Repaint in the current theme and language (the key says what the lines show)."""
        self.key_line = look.key_text(self.highlighted)
        t = theme.current()
        self.setBackgroundBrush(QBrush(QColor(t.panel)))
        neg, zero, pos = signed_colours(t, "value")
        cmap = pg.ColorMap([0.0, 0.5, 1.0], [neg, zero, pos])
        self._lut = cmap.getLookupTable(nPts=256, alpha=False).astype(np.uint8)
        self._pens.clear()
        for lines in self._lines:
            lines.drawn = None
        self._band.setBrush(QBrush(QColor(t.visited_fill)))
        self.key.setBrush(QBrush(QColor(t.muted)))
        self.key.setFont(theme.qfont(t.node_font_size))
        self._set_key(self.key_line)
        self._style_texts()
        self._style_neurons()
        self._restyle_lines()
        self._draw_maps()

    # -- drawing ------------------------------------------------------------------------------------------
    def _checked(self, arrays: list, what: str, allow_none: bool = False) -> list:
        shapes = [(a, b) for a, b in zip(self.layer_sizes, self.layer_sizes[1:])]
        out = [None if a is None and allow_none else np.asarray(a, dtype=np.float64) for a in arrays]
        got = [None if a is None else a.shape for a in out]
        if len(got) != len(shapes) or any(g is not None and g != s for g, s in zip(got, shapes)):
            raise ValueError(f"{what} of shapes {got} for a network that needs {shapes}")
        return out

    def _pen(self, style: tuple) -> QPen:
        pen = self._pens.get(style)
        if pen is None:
            mode, sign, width, dim, fade = style
            neg, _zero, pos = signed_colours(theme.current(), mode)
            c = QColor(
                look.mix(pos if sign >= 0 else neg, theme.current().panel, max(DIM if dim else 0.0, fade))
            )
            pen = QPen(c, width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            self._pens[style] = pen
        return pen

    def _restyle_lines(self) -> None:
        hi = self.highlighted
        scale = look.width_scale(self.weights)
        for k, lines in enumerate(self._lines):
            shown_grad = k == hi and self.grads is not None and self.grads[k] is not None
            values = (self.grads[k] if shown_grad else self.weights[k]).reshape(-1)
            layer_scale = look.width_scale([values]) if shown_grad else scale
            mode, dim = ("gradient" if shown_grad else "value"), hi is not None and k != hi
            lines.restyle(values, layer_scale, mode, dim, self._pen)
        self._place_mark()  # its width follows the line's

    def _set_key(self, text: str) -> None:
        """Show the colour key on one line, or broken after its first " · " / " — " when that line would be
        cut off by a narrow view (the 1280-px window)."""
        self.key_line = text
        self.key.setText(text)
        room = self.viewport().width() - 12
        if self.key.boundingRect().width() > room:
            for sep in (" · ", " — "):
                if sep in text:
                    self.key.setText(text.replace(sep, "\n", 1))
                    break

    def _relayout(self) -> None:
        self._set_key(self.key_line)
        if not self.layer_sizes:
            return
        vp = self.viewport()
        self.scene().setSceneRect(QRectF(0, 0, vp.width(), vp.height()))
        name_room = (
            14 + max((len(n) for n in self.feature_names), default=2) * theme.current().font_size * 0.7
        )
        top = self.key.boundingRect().height() + 6  # below the key (one line or two)
        self.placement = look.neuron_layout(
            self.layer_sizes, vp.width(), vp.height() - top - 24, left=name_room, top=top
        )
        for neurons, centres, r in zip(self._neurons, self.placement.centres, self.placement.radii):
            for n, (x, y) in zip(neurons, centres.tolist()):
                n.setPos(x, y)
                n.set_radius(r)
        for k, lines in enumerate(self._lines):
            lines.place(*self.placement.line_ends(k))
        self._restyle_lines()
        self._place_texts()
        self._place_band()
        self._draw_maps()
        self._place_mark()

    def _place_texts(self) -> None:
        n_in, r = self.layer_sizes[0], self.placement.radii[0]
        small = r < 7  # names beside 64 pixel inputs would overlap: hover tells which one
        for item, (x, y) in zip(self._texts[:n_in], self.placement.centres[0].tolist()):
            item.setVisible(not small)
            br = item.boundingRect()
            item.setPos(x - r - 6 - br.width(), y - br.height() / 2)
        bottom = self.viewport().height() - 22
        right = self.viewport().width() - 4
        for k, item in enumerate(self._texts[n_in:]):
            x, w = float(self.placement.centres[k][0, 0]), item.boundingRect().width()
            item.setPos(min(max(4.0, x - w / 2), right - w), bottom)

    def _style_texts(self) -> None:
        if not self.layer_sizes:
            return
        t = theme.current()
        n_in, last = self.layer_sizes[0], len(self.layer_sizes) - 1
        names = [self.feature_names[u] if u < len(self.feature_names) else f"x{u + 1}" for u in range(n_in)]
        captions = [translate("NeuronView", "inputs")] + [
            format_text("NeuronView", "hidden {k} ({n})", k=k, n=n)
            for k, n in enumerate(self.layer_sizes[1:-1], 1)
        ]
        captions.append(
            format_text("NeuronView", "output ({value})", value=self.layer_sizes[-1]) if last else ""
        )
        for item, text in zip(self._texts, names + captions):
            item.setText(text)
            item.setBrush(QBrush(QColor(t.text)))
            item.setFont(theme.qfont(t.node_font_size))
            item.setZValue(Z_TEXT)
        for item in self._texts[n_in:]:
            item.setBrush(QBrush(QColor(t.muted)))
        if self.placement is not None:
            self._place_texts()

    def _style_neurons(self) -> None:
        t = theme.current()
        last = len(self._neurons) - 1
        for k, neurons in enumerate(self._neurons):
            pen = QPen(QColor(t.output_border if k == last else t.op_border), t.edge_width)
            for n in neurons:
                n.setPen(pen)
                n.fill()

    def _place_band(self) -> None:
        k = self.highlighted
        if k is None or self.placement is None:
            self._band.setVisible(False)
            return
        r = max(self.placement.radii[k : k + 2])
        cols = (self.placement.centres[k], self.placement.centres[k + 1])
        x0, x1 = float(cols[0][0, 0]) - r - 6, float(cols[1][0, 0]) + r + 6
        y0 = min(float(c[:, 1].min()) for c in cols) - r - 6
        y1 = max(float(c[:, 1].max()) for c in cols) + r + 6
        self._band.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self._band.setVisible(True)

    # -- interaction --------------------------------------------------------------------------------------
    def _key_at(self, pos) -> tuple | None:
        """What is under viewport point ``pos``: (layer, unit) of a neuron, (layer, i, j) of a weight line."""
        for item in self.items(pos):
            owner = item if isinstance(item, Neuron) else item.parentItem()
            if isinstance(owner, Neuron):
                return owner.key
        p = self.mapToScene(pos)
        best: tuple[float, tuple] | None = None
        for k, lines in enumerate(self._lines):
            n, dist = look.nearest_segment((p.x(), p.y()), lines.starts, lines.ends)
            reach = max(HOVER_PX, float(lines.widths[n]) / 2 + 2) if n is not None else 0.0
            if n is not None and dist <= reach and (best is None or dist < best[0]):
                best = (dist, (k, *divmod(n, self.layer_sizes[k + 1])))
        return None if best is None else best[1]

    def _tip_text(self, key: tuple) -> str:
        return self.line_tooltip(*key) if len(key) == 3 else self.neuron_tooltip(*key)

    def _refresh_tip(self) -> None:
        """A tooltip that is showing follows the numbers live (training changes them under the mouse)."""
        if self._tip_key is not None and QToolTip.isVisible():
            QToolTip.showText(
                self.viewport().mapToGlobal(self._tip_pos.toPoint()),
                self._tip_text(self._tip_key),
                self.viewport(),
            )

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        return tooltip_event(event, self._show_tip) or super().viewportEvent(event)

    @guarded(QT_TRANSLATE_NOOP("Errors", "showing a tooltip in the neuron view"))
    def _show_tip(self, event) -> None:
        self._tip_key, self._tip_pos = self._key_at(event.pos()), QPointF(event.pos())
        show_tip(event, self.viewport(), None if self._tip_key is None else self._tip_text(self._tip_key))

    @guarded(QT_TRANSLATE_NOOP("Errors", "editing a weight in the neuron view"))
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = self._key_at(event.position().toPoint())
        if key is not None and len(key) == 3 and event.button() == Qt.MouseButton.LeftButton:
            self.open_editor(*key, at=event.position())
            return
        self.close_editor()
        super().mousePressEvent(event)

    @guarded(QT_TRANSLATE_NOOP("Errors", "setting a weight"))
    def _commit_edit(self) -> None:
        if self._editing is None:
            return
        try:
            value = look.parse_weight(self.editor.text())
        except ValueError as exc:
            self.edit_message.setText(str(exc))
            self.edit_message.adjustSize()
            x = min(self.editor.x(), max(0, self.viewport().width() - self.edit_message.width()))
            self.edit_message.move(x, self.editor.y() + self.editor.height() + 2)
            self.edit_message.show()
            self.edit_message.raise_()
            return
        layer, i, j = self._editing
        self.close_editor()
        self.weight_edited.emit(layer, i, j, value)

    @guarded(QT_TRANSLATE_NOOP("Errors", "pointing in the neuron view"))
    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = self._key_at(event.position().toPoint())
        pointing = key is not None and len(key) == 3
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.ArrowCursor
        )
        self.point_at(key if pointing else None)
        super().mouseMoveEvent(event)

    def point_at(self, key: tuple[int, int, int] | None) -> None:
        """Outline the line under the mouse in the active colour (which of 64 crossing lines the tooltip
        means); None hides it."""
        if key is None:
            self._pointer.setVisible(False)
            return
        self._outline(self._pointer, key, 3.0, Qt.PenStyle.SolidLine)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.point_at(None)
        super().leaveEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._relayout()
