"""The node inspector: a dock with one node's full value and gradient, each as a heat map with a colour bar
(the kit's ``HeatMapView``) and as a table of numbers, following the playback.

Opened by clicking a node. It reads the node's state from the timeline at every ``position_changed``, so
the gradient fills in as backward() reaches the node and empties again when stepping back. The heat maps
(pyqtgraph) are made on the first click, so the app's first frame does not wait for pyqtgraph.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import theme
from ...i18n import format_text, translate
from ...kit import texts
from ...theme import format_number
from ..playback import Timeline, refollow
from ..wording import shape_text
from .node_item import _KIND_WORDS

TABLE_MAX = 64  # rows and columns shown; bigger tensors are cut (the tooltip says so)


class NodeInspector(QDockWidget):
    """Value and gradient of the node last clicked, as of the timeline's position."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        texts.bind(self.setWindowTitle, "ExpressionLab", "Node inspector")
        self.setObjectName("nodeInspector")
        texts.bind(
            self.setToolTip,
            "ExpressionLab",
            "The clicked node's whole value and gradient; follows the playback",
        )
        self.timeline: Timeline | None = None
        self.node: int | None = None
        self.predicting = False  # predict mode: a gradient not reached yet reads "∇ ?"
        body = QWidget()
        v = QVBoxLayout(body)
        self.titleLabel = QLabel()
        self.titleLabel.setObjectName("inspectorTitle")
        self.titleLabel.setWordWrap(True)
        v.addWidget(self.titleLabel)
        self._layout = v
        self.valueTitle = QLabel()
        v.addWidget(self.valueTitle)
        self.valueTable = self._table("inspectorValueTable")
        v.addWidget(self.valueTable, 1)
        self.gradTitle = QLabel()
        v.addWidget(self.gradTitle)
        self.gradTable = self._table("inspectorGradTable")
        v.addWidget(self.gradTable, 1)
        self.valueMap = self.gradMap = None  # HeatMapViews, made on the first node shown
        self.setWidget(body)
        texts.follow(self.refresh)

    def _make_maps(self) -> None:
        from ...kit.heatmap import HeatMapView  # pyqtgraph: only once the inspector is used

        for name, kind, above in (
            ("valueMap", "value", self.valueTable),
            ("gradMap", "gradient", self.gradTable),
        ):
            view = HeatMapView(kind=kind)
            view.setObjectName(f"inspector{name[0].upper()}{name[1:]}")
            view.setMinimumHeight(150)
            self._layout.insertWidget(self._layout.indexOf(above), view, 2)
            setattr(self, name, view)

    @staticmethod
    def _table(name: str) -> QTableWidget:
        table = QTableWidget()
        table.setObjectName(name)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Follow ``timeline`` (a new build: the inspected node is forgotten unless the graph is the same)."""
        if self.timeline is not None and (timeline is None or timeline.graph is not self.timeline.graph):
            self.node = None
        refollow(self.timeline, timeline, self._on_position)
        self.timeline = timeline
        self.refresh()

    def set_predicting(self, on: bool) -> None:
        self.predicting = on
        self.refresh()

    def show_node(self, index: int) -> None:
        self.node = index
        if self.valueMap is None:
            self._make_maps()
        self.refresh()
        self.show()
        self.raise_()

    def _on_position(self, position: int, old: int) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        tl, i = self.timeline, self.node
        if tl is None or i is None:
            self.titleLabel.setText(
                translate("ExpressionLab", "Click a node to see its whole value and gradient.")
            )
            self._fill(self.valueTable, None, "")
            self._fill(self.gradTable, None, "")
            return
        t = theme.current()
        node = tl.graph.nodes[i]
        state = tl.node_state(i)
        what = node.op or translate("ExpressionLab", _KIND_WORDS[node.kind]).split(" (")[0].split("（")[0]
        self.titleLabel.setText(f"<b>{node.label}</b> — {what}, {shape_text(node.shape)}")
        self.valueTitle.setText(
            f"<span style='color:{t.value}'><b>{translate('ExpressionLab', '= value')}</b></span>"
        )
        self.gradTitle.setText(
            f"<span style='color:{t.gradient}'><b>{translate('ExpressionLab', '∇ gradient')}</b></span>"
        )
        value = node.value if state.value_shown else None
        self._fill(self.valueTable, value, t.value, translate("ExpressionLab", "not computed yet"))
        if node.requires_grad:
            missing = translate("ExpressionLab", "none yet")
        else:
            missing = translate("ExpressionLab", "none (constants get no gradient)")
        if self.predicting and node.requires_grad:
            missing = translate("NodeInspector", "∇ ? — predict it: backward() has not reached it yet")
        self._fill(self.gradTable, state.grad, t.gradient, missing)
        for view, arr, title in (
            (self.valueMap, value, f"{node.label}"),
            (self.gradMap, state.grad, f"∇ {node.label}"),
        ):
            if view is not None:
                view.setVisible(arr is not None)
                if arr is not None:
                    view.set_array(arr, title)

    def _fill(self, table: QTableWidget, arr: np.ndarray | None, colour: str, missing: str = "") -> None:
        """The numbers, each cell tinted by its size relative to the largest (a heat map you can read)."""
        if arr is None:
            table.setRowCount(1)
            table.setColumnCount(1)
            table.setItem(0, 0, QTableWidgetItem(missing))
            return
        from ...kit.heatmap import as_matrix  # pyqtgraph: loaded once a node is shown, as for the maps

        a = as_matrix(arr)
        shown = a[:TABLE_MAX, :TABLE_MAX]
        table.setRowCount(shown.shape[0])
        table.setColumnCount(shown.shape[1])
        finite = np.where(np.isfinite(shown), shown, 0.0)
        scale = float(np.abs(finite).max()) or 1.0
        base = QColor(colour)
        for r in range(shown.shape[0]):
            for c in range(shown.shape[1]):
                item = QTableWidgetItem(format_number(shown[r, c]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                tint = QColor(base if shown[r, c] >= 0 else QColor(theme.current().op_border))
                tint.setAlpha(int(110 * abs(finite[r, c]) / scale))
                item.setBackground(tint)
                table.setItem(r, c, item)
        cut = a.shape != shown.shape
        tip = format_text(
            "ExpressionLab",
            "first {shown} of {size}",
            shown=f"{TABLE_MAX}×{TABLE_MAX}",
            size=f"{a.shape[0]}×{a.shape[1]}",
        )
        table.setToolTip(tip if cut else "")
