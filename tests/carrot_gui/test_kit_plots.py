"""The shared plots: StepSeriesPlot draws named series over steps, follows the newest step until the user moves
the view, switches to a min/max envelope for long live runs, and marks an inspected step."""

import numpy as np
import pytest
from PySide6.QtGui import QFontMetrics

from carrot_gui.kit.plots import ENVELOPE_FROM, LabPlot, StepAxis, StepSeriesPlot
from carrot_gui.training.history import GrowBuffer


@pytest.fixture
def plot(qtbot):
    p = StepSeriesPlot("Loss", "loss", [("train", "#1f5fbf"), ("test", "#be185d")], name="kitPlot")
    qtbot.addWidget(p)
    p.resize(500, 300)
    p.show()
    return p


def test_series_are_drawn_over_steps_and_followed(plot):
    train, test = GrowBuffer(), GrowBuffer()
    train.extend(np.linspace(5, 1, 40))
    test.extend(np.linspace(6, 2, 40))
    plot.show_values({"train": train.view(), "test": test.view()}, live=True)
    xs, ys = plot.curves["train"].getData()
    assert xs.tolist() == list(range(40)) and ys[0] == 5
    (x0, x1), (y0, y1) = plot.getViewBox().viewRange()
    assert x0 == 0 and x1 >= 40 and y0 < 1 and y1 > 6  # every value in view
    assert isinstance(plot.getAxis("bottom"), StepAxis) and plot.objectName() == "kitPlot"
    plot.getViewBox().setXRange(10, 20)  # the user zooms: no longer followed ...
    plot.follow.following = False  # (as a manual range change sets it)
    train.extend(np.full(100, 0.5))
    plot.show_values({"train": train.view()}, live=True)
    assert plot.getViewBox().viewRange()[0][1] < 40
    plot.follow.resume()  # ... until asked
    plot.show_values({"train": train.view()}, live=True)
    assert plot.getViewBox().viewRange()[0][1] >= 140


def test_long_live_runs_draw_an_envelope_and_the_whole_curve_when_paused(plot):
    n = ENVELOPE_FROM * 4
    values = np.sin(np.arange(n) / 50.0)
    plot.show_values({"train": values}, live=True, finite=True)
    curve = plot.curves["train"]
    assert curve.yData.size < n // 4  # min/max per bin, not every point
    assert curve.yData.max() == pytest.approx(values.max()) and curve.yData.min() == pytest.approx(
        values.min()
    )
    plot.show_values({"train": values}, live=False, finite=True)
    assert curve.yData.size == n  # paused: all points (pyqtgraph reduces them to the view)


def test_xs_log_y_and_the_inspect_line(plot):
    xs = np.array([0.0, 10.0, 20.0])
    plot.show_values({"test": np.array([10.0, 1.0, 0.1])}, live=False, xs=xs)
    assert plot.curves["test"].getData()[0].tolist() == [0.0, 10.0, 20.0]
    plot.set_log_y(True)
    plot.show_values({"test": np.array([10.0, 1.0, 0.1])}, live=False, xs=xs)
    lo, hi = plot.getViewBox().viewRange()[1]
    assert lo <= -1 and hi >= 1  # log10 of the values
    assert plot.getAxis("left").labelText == "loss (log scale)"
    plot.show_inspected(10)
    assert plot.inspectLine.isVisible() and plot.inspectLine.value() == 10
    plot.show_inspected(None)
    assert not plot.inspectLine.isVisible()
    plot.set_series([("acc", "#15803d")])
    assert list(plot.curves) == ["acc"]


def test_lab_plot_titles_and_axes(qtbot):
    p = LabPlot("Title", "x", "y", name="p", tooltip="tip")
    qtbot.addWidget(p)
    assert p.getPlotItem().titleLabel.text == "Title" and p.toolTip() == "tip"
    assert p.getAxis("bottom").labelText == "x" and not isinstance(p.getAxis("bottom"), StepAxis)


def _log_ticks(qtbot, height: int, lo: float = 0.015, hi: float = 0.35):
    p = StepSeriesPlot("Gradient health", "‖∂L/∂W‖", [("layer 1", "#1f5fbf")], log_y=True)
    qtbot.addWidget(p)
    p.resize(300, height)
    p.show()
    qtbot.waitExposed(p)
    p.show_values({"layer 1": np.geomspace(lo, hi, 30)}, live=False)
    axis = p.getAxis("left")
    lo, hi = p.getViewBox().viewRange()[1]
    values = sorted(v for _spacing, vs in axis.tickValues(lo, hi, axis.height()) for v in vs)
    gaps_px = np.diff(values) * axis.height() / (hi - lo)
    return values, axis.tickStrings(values, 1.0, 1.0), gaps_px, QFontMetrics(axis.font()).height()


def test_a_short_log_axis_labels_only_ticks_that_do_not_overlap(qtbot):
    """The gradient-health plot's case: norms 0.015 … 0.35 on a short plot crowded 0.09, 0.08, 0.07."""
    values, labels, gaps_px, line = _log_ticks(qtbot, 180)
    assert gaps_px.min() >= line, (labels, gaps_px)
    assert {"0.02", "0.05", "0.1", "0.2"} <= set(labels) and "0.09" not in labels


def test_a_tall_log_axis_labels_more(qtbot):
    short = _log_ticks(qtbot, 180)[1]
    values, labels, gaps_px, line = _log_ticks(qtbot, 1200)
    assert len(labels) > len(short) and gaps_px.min() >= line and "0.09" in labels


def test_a_log_axis_within_one_decade_still_labels_two_ticks(qtbot):
    """The digits' gradient norms (0.35 … 0.9): the 1-2-5 ticks would leave only 0.5."""
    values, labels, gaps_px, line = _log_ticks(qtbot, 180, 0.35, 0.9)
    assert len(labels) >= 2 and gaps_px.min() >= line, labels
