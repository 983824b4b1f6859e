"""The handwritten digits' results: a grid of test images (8×8 greyscale) with the predicted label under each,
wrong ones framed in red with the true label, and the confusion matrix (true rows × predicted columns) with
the counts in its cells. Takes plain arrays; the lab calls ``set_results`` after evaluating the test set.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ... import theme
from ...errors import guarded
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts
from ...kit.heatmap import HeatMapView
from ...kit.widgets import show_tip, tip, tooltip_event
from .. import look

TR = "DigitsView"  # the translation context of this module's texts

IMAGE = 40  # px: one 8×8 image (5 px per pixel)


class DigitsGrid(QWidget):
    """Painted tiles (one QPixmap per image, made once per ``set_digits``); wraps to the width it gets."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("digitsGrid")
        self.setMouseTracking(True)
        self.predicted = np.zeros(0, dtype=int)
        self.truth = np.zeros(0, dtype=int)
        self.order = np.zeros(0, dtype=int)  # which image each tile shows
        self._pixmaps: list[QPixmap] = []

    def set_digits(
        self, images: np.ndarray, predicted: np.ndarray, truth: np.ndarray, wrong_first: bool = False
    ) -> None:
        imgs = np.asarray(images, dtype=np.float64).reshape(len(images), 8, 8)
        self.predicted = np.asarray(predicted).astype(int).reshape(-1)
        self.truth = np.asarray(truth).astype(int).reshape(-1)
        if not len(imgs) == len(self.predicted) == len(self.truth):
            raise ValueError(
                f"{len(imgs)} images, {len(self.predicted)} predictions, {len(self.truth)} labels"
            )
        top = max(float(imgs.max(initial=0.0)), 1e-12)
        paper = (255 - np.clip(imgs / top, 0, 1) * 255).astype(np.uint8)  # ink dark on white, as written
        self._pixmaps = [
            QPixmap.fromImage(QImage(p.tobytes(), 8, 8, 8, QImage.Format.Format_Grayscale8).copy())
            for p in paper
        ]
        wrong = self.predicted != self.truth
        self.order = np.argsort(~wrong, kind="stable") if wrong_first else np.arange(len(imgs))
        self.updateGeometry()
        self.update()

    def tile_size(self) -> tuple[int, int]:
        """A tile: the image, then the predicted label and (when wrong) "true 4" under it, in the theme's font."""
        fm = QFontMetrics(theme.qfont(theme.current().node_font_size))
        return max(IMAGE + 16, fm.horizontalAdvance("true 88") + 12), IMAGE + 12 + 2 * fm.height()

    def columns(self) -> int:
        return max(1, self.width() // self.tile_size()[0])

    def tile_rect(self, k: int) -> QRect:
        """The k-th tile on screen (k counts tiles in reading order)."""
        c, (w, h) = self.columns(), self.tile_size()
        return QRect((k % c) * w, (k // c) * h, w, h)

    def tile_at(self, pos) -> int | None:
        """The image index under ``pos`` (None between tiles or past the last one)."""
        w, h = self.tile_size()
        k = (pos.y() // h) * self.columns() + pos.x() // w
        return int(self.order[k]) if 0 <= pos.x() < self.columns() * w and 0 <= k < len(self.order) else None

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        w, h = self.tile_size()
        return max(h, -(-len(self.order) // max(1, width // w)) * h)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        w = 8 * self.tile_size()[0]
        return QSize(w, self.heightForWidth(w))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        t = theme.current()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(t.panel))
        painter.setFont(theme.qfont(t.node_font_size))
        for k, i in enumerate(self.order.tolist()):
            cell = self.tile_rect(k)
            if not cell.intersects(event.rect()):
                continue
            self._paint_tile(painter, cell, i, t)
        painter.end()

    def _paint_tile(self, painter: QPainter, cell: QRect, i: int, t: theme.Theme) -> None:
        img = QRect(cell.x() + (cell.width() - IMAGE) // 2, cell.y() + 4, IMAGE, IMAGE)
        painter.drawPixmap(img, self._pixmaps[i])  # no smoothing: the 8×8 pixels stay visible
        wrong = self.predicted[i] != self.truth[i]
        if wrong:
            painter.setPen(QPen(QColor(t.error), 3))
            painter.drawRect(QRectF(img).adjusted(-2, -2, 2, 2))
        painter.setPen(QColor(t.error if wrong else t.text))
        text = (
            format_text(TR, "{value}\ntrue {value2}", value=self.predicted[i], value2=self.truth[i])
            if wrong
            else str(self.predicted[i])
        )
        label = QRect(cell.x(), img.bottom() + 4, cell.width(), cell.bottom() - img.bottom() - 4)
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

    def event(self, event) -> bool:
        return tooltip_event(event, self._tip) or super().event(event)

    @guarded(QT_TRANSLATE_NOOP("Errors", "showing a digit's tooltip"))
    def _tip(self, event) -> None:
        i = self.tile_at(event.pos())
        show_tip(event, self, None if i is None else self._tip_text(i))

    def _tip_text(self, i: int) -> str:
        verdict = translate(TR, "right") if self.predicted[i] == self.truth[i] else translate(TR, "wrong")
        return format_text(
            TR,
            "test image {i}: predicted {value}, true {value2} ({verdict})",
            i=i,
            value=self.predicted[i],
            value2=self.truth[i],
            verdict=verdict,
        )


class ConfusionMatrixView(HeatMapView):
    """Counts of (true, predicted) pairs with the numbers in the cells; the diagonal is the right answers."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        texts.bind(
            self.setToolTip, TR, "Row: the true digit; column: what the network said. The diagonal is right."
        )
        texts.bind(self.set_bottom, TR, "predicted")
        texts.bind(self.set_left, TR, "true")

    def set_bottom(self, text: str) -> None:
        self.set_axes(text, self._axes[1])

    def set_left(self, text: str) -> None:
        self.set_axes(self._axes[0], text)

    def set_counts(self, counts: np.ndarray) -> None:
        counts = np.asarray(counts, dtype=np.int64)
        self.set_array(counts, translate(TR, "confusion matrix"), signed=False, numbers=True)


class DigitsView(QWidget):
    """The test images with their predictions beside the confusion matrix, and a one-line summary."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("digitsView")
        self.summary = tip(QLabel(""), "digitsSummary", "How many test images the network got right.", TR)
        self.wrong_first = tip(QCheckBox(), "wrongFirstCheck", "Show the mistakes at the top.", TR)
        texts.bind(self.wrong_first.setText, TR, "wrong ones first")
        self.wrong_first.toggled.connect(self._reorder)
        self.grid = DigitsGrid()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid)
        self.confusion = ConfusionMatrixView()
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.wrong_first)
        body = QHBoxLayout()
        body.addWidget(self.scroll, 3)
        body.addWidget(self.confusion, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(body, 1)
        self._results: tuple | None = None

    def set_results(
        self, images: np.ndarray, predicted: np.ndarray, truth: np.ndarray, n_classes: int = 10
    ) -> None:
        """The test images (N, 8, 8) or (N, 64), the network's labels and the true ones."""
        self.grid.set_digits(images, predicted, truth, self.wrong_first.isChecked())
        self._results = (images, predicted, truth)
        counts = look.confusion_matrix(truth, predicted, n_classes)
        self.confusion.set_counts(counts)
        n, right = len(self.grid.truth), int(np.trace(counts))
        pct = format_text(TR, " ({value:.1f} %)", value=100.0 * right / n) if n else ""
        self.summary.setText(
            format_text(
                TR,
                "{right} of {n} test images right{pct} · {value} wrong, framed in red",
                right=right,
                n=n,
                pct=pct,
                value=n - right,
            )
        )

    def apply_theme(self) -> None:
        self.confusion.apply_theme()
        self.grid.updateGeometry()  # tiles are sized from the theme's font
        self.grid.setMinimumHeight(self.grid.heightForWidth(self.grid.width()))
        self.grid.update()

    @guarded(QT_TRANSLATE_NOOP("Errors", "reordering the digits"))
    def _reorder(self, wrong_first: bool) -> None:
        if self._results is not None:
            self.grid.set_digits(*self._results, wrong_first=wrong_first)
