"""A 2-D array as a heat map with a colour bar and a hover readout (the Expression lab's node inspector, the
Network lab's tensor view and confusion matrix). Values are blue, gradients orange, negatives grey, 0 white.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF

from .. import theme
from ..errors import guarded
from ..i18n import QT_TRANSLATE_NOOP, format_text, translate
from . import texts

MAX_NUMBERS = 8  # numbers are drawn in the cells of arrays up to this many rows and columns
MAX_TICKS = 10  # index ticks per axis (every k-th index beyond this)
KINDS = ("value", "gradient")


def signed_colours(t: theme.Theme, kind: str = "value") -> tuple[str, str, str]:
    """The colours of a negative number, of 0 and of a positive number for a quantity of ``kind``.

    Positive is the quantity's own hue (values blue, gradients orange: a student never confuses the two),
    negative the theme's neutral grey (not a third hue that could be read as a kind), 0 the panel.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    return t.muted, t.panel, t.value if kind == "value" else t.gradient


def colour_map(t: theme.Theme, kind: str = "value", signed: bool = True) -> pg.ColorMap:
    """The diverging map (negative, 0, positive) or, for data that is never negative, 0 to positive."""
    neg, zero, pos = signed_colours(t, kind)
    if signed:
        return pg.ColorMap([0.0, 0.5, 1.0], [neg, zero, pos])
    return pg.ColorMap([0.0, 1.0], [zero, pos])


def levels_for(a: np.ndarray, signed: bool) -> tuple[float, float]:
    """Colour levels: symmetric about 0 for signed data (0 is white), from 0 up for unsigned data."""
    finite = a[np.isfinite(a)]
    if finite.size == 0:
        return (-1.0, 1.0) if signed else (0.0, 1.0)
    if signed:
        m = float(np.max(np.abs(finite)))
        return (-m, m) if m > 0 else (-1.0, 1.0)
    lo, hi = min(float(finite.min()), 0.0), float(finite.max())
    return (lo, hi) if hi > lo else (lo, lo + 1.0)


def as_matrix(a: np.ndarray) -> np.ndarray:
    """Any array as rows × columns: a scalar is 1×1, a vector one row, more dimensions flatten after the first."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return a.reshape(1, 1)
    if a.ndim == 1:
        return a.reshape(1, -1)
    return a.reshape(a.shape[0], -1)


def index_ticks(n: int, labels: list[str] | None = None) -> list[tuple[float, str]]:
    """Ticks at cell centres (index i sits at i + 0.5), at most MAX_TICKS of them."""
    step = max(1, math.ceil(n / MAX_TICKS))
    names = labels if labels is not None and len(labels) == n else [str(i) for i in range(n)]
    return [(i + 0.5, names[i]) for i in range(0, n, step)]


class HeatMapView(pg.GraphicsLayoutWidget):
    """A 2-D array as an image with a colour bar (diverging map centred on 0 for signed data), hover readout
    of row, column and value; optional numbers drawn in the cells when the array is small (≤ 8×8)."""

    def __init__(self, parent=None, kind: str = "value") -> None:
        super().__init__(parent)
        texts.bind(
            self.setToolTip, "HeatMapView", "Point at a cell to read its row, column and value under the map."
        )
        self.kind = kind
        self.array: np.ndarray | None = None  # what is shown, as rows × columns
        self.signed = True
        self._heading = ""
        self._numbers = False
        self._integer = False
        self._axes = ("", "")
        self._labels: tuple[list[str] | None, list[str] | None] = (None, None)
        self.plot = self.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.invertY(True)  # row 0 on top, as a matrix is written
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(interactive=False, width=14, colorMapMenu=False)
        self.bar.setImageItem(self.image)
        self.addItem(self.bar, row=0, col=1)
        self.readout = self.addLabel("", row=1, col=0, colspan=2)
        self._texts: list[pg.TextItem] = []  # a pool: reused, never rebuilt per call
        self.scene().sigMouseMoved.connect(self._hover)
        self.apply_theme()

    # -- public API ---------------------------------------------------------------------------------------
    def set_array(
        self,
        a: np.ndarray,
        title: str = "",
        signed: bool | None = None,
        kind: str | None = None,
        numbers: bool | None = None,
    ) -> None:
        """Show ``a`` (a scalar, vector or matrix; more dimensions are flattened after the first).

        ``signed`` None: signed when any entry is negative. ``kind`` "value" (blue) or "gradient" (orange).
        ``numbers`` None: numbers in the cells when the array is at most 8×8; True/False forces it.
        """
        m = as_matrix(a)
        if kind is not None:
            signed_colours(theme.current(), kind)  # refuses an unknown kind before anything changes
            self.kind = kind
        self.array = m
        self._integer = np.issubdtype(np.asarray(a).dtype, np.integer)  # counts read "4", not "4.0"
        self.signed = bool(np.nanmin(m) < 0) if signed is None and m.size else bool(signed)
        shape = "×".join(str(s) for s in np.shape(a)) or "scalar"
        self._heading = f"{title} ({shape})" if title else shape
        small = m.shape[0] <= MAX_NUMBERS and m.shape[1] <= MAX_NUMBERS
        self._numbers = small if numbers is None else bool(numbers)
        self._paint()

    def _paint(self) -> None:
        m, t = self.array, theme.current()
        self.bar.setColorMap(colour_map(t, self.kind, self.signed))
        self.image.setImage(m, autoLevels=False)
        self.bar.setLevels(levels_for(m, self.signed))
        self.plot.setTitle(self._heading, color=t.text, size=f"{t.font_size:.0f}pt")
        self._set_ticks()
        self._draw_numbers(self._numbers)
        self.plot.setRange(xRange=(0, m.shape[1]), yRange=(0, m.shape[0]), padding=0.02)
        self.readout.setText(self._summary())

    def set_axes(self, bottom: str = "", left: str = "") -> None:
        self._axes = (bottom, left)
        t = theme.current()
        size = {"font-size": f"{t.font_size:.0f}pt"}
        self.plot.setLabel("bottom", bottom, color=t.muted, **size)
        self.plot.setLabel("left", left, color=t.muted, **size)

    def set_labels(self, rows: list[str] | None = None, cols: list[str] | None = None) -> None:
        """Tick labels for the rows and columns (their indices when None)."""
        self._labels = (rows, cols)
        self._set_ticks()

    def cell_name(self, row: int, col: int) -> str:
        """How the readout names a cell: "row 1, col 2", or by the axes' titles and tick labels when set
        (a confusion matrix reads "true 4, predicted 7")."""
        bottom, left = self._axes
        rows, cols = self._labels
        r = rows[row] if rows is not None and row < len(rows) else str(row)
        c = cols[col] if cols is not None and col < len(cols) else str(col)
        return f"{left or 'row'} {r}, {bottom or 'col'} {c}"

    def value_at(self, row: int, col: int) -> float:
        return float(self.array[row, col])

    def numbers_shown(self) -> list[str]:
        """The texts drawn in the cells now (tests and the tensor view read them)."""
        return [t.toPlainText() for t in self._texts if t.isVisible()]

    def apply_theme(self) -> None:
        t = theme.current()
        self.setBackground(t.panel)
        for name in ("left", "bottom"):
            ax = self.plot.getAxis(name)
            ax.setTextPen(t.text)
            ax.setPen(t.muted)
            ax.setStyle(tickFont=theme.qfont(max(7.0, t.font_size - 1)))
        self.bar.axis.setTextPen(t.text)
        self.bar.axis.setStyle(tickFont=theme.qfont(max(7.0, t.font_size - 2)))
        self.readout.setAttr("color", t.text)
        self.readout.setAttr("size", f"{t.font_size:.0f}pt")
        if any(self._axes):
            self.set_axes(*self._axes)
        if self.array is not None:
            self._paint()

    # -- drawing ------------------------------------------------------------------------------------------
    def _set_ticks(self) -> None:
        if self.array is None:
            return
        rows, cols = self._labels
        self.plot.getAxis("left").setTicks([index_ticks(self.array.shape[0], rows)])
        self.plot.getAxis("bottom").setTicks([index_ticks(self.array.shape[1], cols)])

    def _draw_numbers(self, show: bool) -> None:
        """Numbers in the cells, white on dark cells; items are pooled and only what changed is set
        (pyqtgraph's TextItem re-lays itself out on every setText/setFont/setColor)."""
        m = self.array
        n = m.size if show else 0
        for item in self._texts[n:]:
            item.setVisible(False)
        if n == 0:  # a big array: no colours to work out, no texts to set
            return
        while len(self._texts) < n:
            item = pg.TextItem("", anchor=(0.5, 0.5))
            item.shown = ("", "", "")  # (text, colour, font) set now
            self.plot.addItem(item)
            self._texts.append(item)
        t = theme.current()
        lo, hi = self.bar.levels()
        with np.errstate(all="ignore"):
            frac = np.where(np.isfinite(m), (m - lo) / (hi - lo) if hi > lo else 0.5, 0.5).reshape(-1)
        rgb = colour_map(t, self.kind, self.signed).map(np.clip(frac, 0, 1), mode="byte")[:, :3] / 255.0
        dark = (rgb.max(axis=1) + rgb.min(axis=1)) / 2 < 0.55  # HSL lightness
        font, font_key = theme.qfont(t.node_font_size), (t.font_family, t.node_font_size)
        cols = m.shape[1]
        for k, (item, v) in enumerate(zip(self._texts, m.reshape(-1).tolist())):
            want = (self._cell_text(v, 2), "#ffffff" if dark[k] else theme.LIGHT.text, font_key)
            if want != item.shown:
                if want[0] != item.shown[0]:
                    item.setText(want[0])
                if want[2] != item.shown[2]:
                    item.setFont(font)
                if want[1] != item.shown[1]:
                    item.setColor(want[1])
                item.shown = want
            item.setPos(QPointF(k % cols + 0.5, k // cols + 0.5))
            item.setVisible(True)

    def _cell_text(self, v: float, digits: int) -> str:
        return str(int(v)) if self._integer else theme.format_number(v, digits)

    def _summary(self) -> str:
        m = self.array
        if m is None or m.size == 0:
            return ""
        finite = m[np.isfinite(m)]
        if finite.size == 0:
            return translate("HeatMapView", "no finite numbers")
        return format_text(
            "HeatMapView",
            "min {low} · max {high}",
            low=self._cell_text(finite.min(), 3),
            high=self._cell_text(finite.max(), 3),
        )

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().leaveEvent(event)
        self.readout.setText(self._summary())

    @guarded(QT_TRANSLATE_NOOP("Errors", "reading the heat map under the mouse"))
    def _hover(self, scene_pos: QPointF) -> None:
        m = self.array
        if m is None:
            return
        p = self.plot.vb.mapSceneToView(scene_pos)
        r, c = math.floor(p.y()), math.floor(p.x())
        inside = self.plot.vb.sceneBoundingRect().contains(scene_pos)
        if inside and 0 <= r < m.shape[0] and 0 <= c < m.shape[1]:
            self.readout.setText(f"{self.cell_name(r, c)}: {self._cell_text(m[r, c], 4)}")
        else:
            self.readout.setText(self._summary())
