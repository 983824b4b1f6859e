"""The event log: the playback steps taken, in words, as a list view over the timeline (no per-line widgets).

A model rather than list items: a 1,000-node graph has ~5,000 steps, and building or restyling that
many ``QListWidgetItem``s would cost tens of milliseconds per Build and per step.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, QStringListModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ... import theme
from ..playback import Timeline


class StepLogModel(QStringListModel):
    """Row k is step k+1's words. Only the steps taken are rows (no spoilers: at step 0 the answers are
    not on screen); with ``whole_script`` every step is, the ones to come greyed (a teacher preparing).

    A string-list model holding empty strings, with the words made in :meth:`data` when a row is painted:
    its row count stays in C++. The view lays out every row each time one is added, asking the row count
    once per row — from Python that cost ~2 ms a step on 4,000 steps."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.position = 0
        self.whole_script = False
        self._rows = 0

    def _wanted_rows(self) -> int:
        if self.timeline is None:
            return 0
        return len(self.timeline.steps) if self.whole_script else self.position

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.position = timeline.position if timeline is not None else 0
        self._rows = self._wanted_rows()
        self.setStringList([""] * self._rows)  # one reset

    def set_whole_script(self, on: bool) -> None:
        self.whole_script = on
        self._resize()

    def set_position(self, position: int) -> None:
        """Rows come and go with the position; the ones already there are coloured by ``position`` when
        painted (no ``dataChanged``: it would re-lay out every row, ~4 ms per step on 5,000 steps)."""
        self.position = position
        self._resize()

    def _resize(self) -> None:
        want, rows = self._wanted_rows(), self._rows
        self._rows = want
        if want > rows:
            self.insertRows(rows, want - rows)
        elif want < rows:
            self.removeRows(want, rows - want)

    def text(self, row: int) -> str:
        """Step ``row + 1`` in words, shown or not."""
        assert self.timeline is not None
        return f"{row + 1}. {self.timeline.steps[row].text}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.timeline is None:
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            t = theme.current()
            return QColor(t.text if row < self.position else t.muted)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )


class _WrapDelegate(QStyledItemDelegate):
    """Row heights that hold the whole wrapped sentence: Qt's own size hint (under a style sheet) leaves
    out the text margins, and the last line is then cut with "…" (seen in projector mode).

    Heights are kept per row (for one width and font): the log gains a row at each step, and the view then
    lays out every row again — measured anew, 1,500 wrapped rows cost ~50 ms a step."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self._sizes: dict[int, QSize] = {}
        self._sizes_for: tuple = ()

    def forget(self) -> None:
        """Measure every row again (new steps)."""
        self._sizes.clear()

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        view = self.parent()
        if not getattr(view, "wrapping", False):
            return super().sizeHint(option, index)
        key = (
            view.viewport().width(),
            option.font.family(),
            option.font.pointSizeF(),
            option.font.pixelSize(),
        )
        if key != self._sizes_for:
            self._sizes.clear()
            self._sizes_for = key
        known = self._sizes.get(index.row())
        if known is None:
            known = self._sizes[index.row()] = self._measure(view, option, index)
        return known

    def _measure(self, view, option, index) -> QSize:
        size = super().sizeHint(option, index)
        # the text's own width, as the style will paint it: a row as wide as the viewport, less the
        # style's margins (which differ under a style sheet)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(0, 0, view.viewport().width(), 100_000)
        inner = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
        # under a style sheet that rect leaves out the text margins the painting keeps: take them off
        # (and a few pixels more: a blank line now and then is better than a sentence cut with "…")
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        width = max(40, inner.width() - 2 * margin - 6)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        needed = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        padding = opt.rect.height() - inner.height()  # above and below the text
        return QSize(size.width(), max(size.height(), needed.height() + padding + 2))


WRAP_MAX_ROWS = 1_500  # up to this many steps every line wraps to show its whole sentence


class EventLog(QListView):
    """The list of steps; ``line(k)`` is row k's text (tests and screen readers use it).

    A log of up to ``WRAP_MAX_ROWS`` steps wraps its lines so the whole sentence is read; a longer one
    (a graph of hundreds of nodes) keeps one line per step, elided, so that layout stays constant-time.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("eventLog")
        self.log_model = StepLogModel(self)
        self.setModel(self.log_model)
        self._delegate = _WrapDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrapped or elided
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap when the panel is resized
        self.wrapping = False
        self._set_wrapping(True)

    def _set_wrapping(self, on: bool) -> None:
        if on == self.wrapping:
            return
        self.wrapping = on
        self.setUniformItemSizes(not on)
        self.setWordWrap(on)
        self.setSpacing(1 if on else 0)
        # a scroll bar that comes and goes changes the width after the lines were wrapped: keep it
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.setTextElideMode(Qt.TextElideMode.ElideNone if on else Qt.TextElideMode.ElideRight)

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Show ``timeline``'s steps (wrapped when there are few enough)."""
        self._set_wrapping(timeline is None or len(timeline.steps) <= WRAP_MAX_ROWS)
        self._delegate.forget()
        self.log_model.set_timeline(timeline)

    def count(self) -> int:
        """Lines of the whole script (the ones not taken yet included)."""
        tl = self.log_model.timeline
        return len(tl.steps) if tl is not None else 0

    def shown_count(self) -> int:
        """Lines on screen: the steps taken (every step with the whole script shown)."""
        return self.log_model.rowCount()

    def line(self, row: int) -> str:
        return self.log_model.text(row)

    def set_whole_script(self, on: bool) -> None:
        """Show the steps to come too (greyed), or only the steps taken."""
        self.log_model.set_whole_script(on)
        self.show_position(self.log_model.position)

    def lines(self) -> list[str]:
        return [self.line(k) for k in range(self.count())]

    def show_position(self, position: int) -> None:
        """Show the steps taken (grey the ones to come), select and reveal the latest step."""
        self.log_model.set_position(position)
        self.viewport().update()
        if position > 0:
            index = self.log_model.index(position - 1)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        else:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
            self.scrollToTop()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1
