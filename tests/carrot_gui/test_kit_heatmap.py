"""The shared heat map (carrot_gui/kit/heatmap.py): colours by sign and kind, levels centred on 0, numbers in
small arrays' cells, the hover readout of row, column and value."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from carrot_gui import theme
from carrot_gui.kit.heatmap import HeatMapView, as_matrix, levels_for


@pytest.fixture
def view(shown):
    return shown(HeatMapView(), (420, 360))


def cell_pixel(w: HeatMapView, row: int, col: int) -> QColor:
    """The colour drawn in a cell, away from its centre (where a number may be written)."""
    scene = w.plot.vb.mapViewToScene(QPointF(col + 0.15, row + 0.15))
    p = w.mapFromScene(scene)
    return w.grab().toImage().pixelColor(p.x(), p.y())


def hue_close(c: QColor, hex_colour: str, tol: int = 40) -> bool:
    ref = QColor(hex_colour)
    return max(abs(c.red() - ref.red()), abs(c.green() - ref.green()), abs(c.blue() - ref.blue())) <= tol


def test_signed_values_blue_positive_grey_negative_white_zero(view):
    t = theme.current()
    view.set_array(np.array([[2.0, -2.0], [0.0, 1.0]]), "w")
    assert view.bar.levels() == (-2.0, 2.0)  # centred on 0
    assert hue_close(cell_pixel(view, 0, 0), t.value)
    assert hue_close(cell_pixel(view, 0, 1), t.muted)
    assert hue_close(cell_pixel(view, 1, 0), t.panel, tol=12)


def test_gradients_are_orange_not_blue(view):
    t = theme.current()
    view.set_array(np.array([[3.0, -1.0]]), "grad", kind="gradient")
    assert hue_close(cell_pixel(view, 0, 0), t.gradient)
    view.set_array(np.array([[3.0, -1.0]]), "value", kind="value")
    assert hue_close(cell_pixel(view, 0, 0), t.value)


def test_unsigned_data_starts_at_zero_and_a_bad_kind_changes_nothing(view):
    view.set_array(np.array([[1.0, 3.0]]))
    assert view.bar.levels() == (0.0, 3.0)
    with pytest.raises(ValueError, match="unknown kind"):
        view.set_array(np.ones((2, 2)), kind="loss")
    assert view.array.shape == (1, 2) and view.kind == "value"


def test_numbers_in_small_arrays_only(view):
    view.set_array(np.array([[0.5, -1.25], [3.0, 0.0]]))
    assert sorted(view.numbers_shown()) == sorted(["0.5", "-1.25", "3.0", "0.0"])
    view.set_array(np.arange(81.0).reshape(9, 9))
    assert view.numbers_shown() == []
    view.set_array(np.arange(100).reshape(10, 10), numbers=True)  # counts: forced, written as integers
    assert "99" in view.numbers_shown() and len(view.numbers_shown()) == 100


def test_hover_reads_row_column_and_value(view, qtbot):
    view.set_array(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 0.125]]), "x")
    scene = view.plot.vb.mapViewToScene(QPointF(2.5, 1.5))
    qtbot.mouseMove(view.viewport(), view.mapFromScene(scene))
    qtbot.waitUntil(lambda: "row 1, col 2: 0.125" in view.readout.text)
    for x in (150, 60, 3):  # the mouse moves off the image (a path: one dropped move event must not matter)
        qtbot.mouseMove(view.viewport(), QPoint(x, x))
        qtbot.wait(20)
    qtbot.waitUntil(lambda: "min 0.125" in view.readout.text)


def test_cells_are_named_by_the_axes_when_they_have_names(view):
    assert view.cell_name(1, 2) == "row 1, col 2"
    view.set_axes("predicted", "true")
    view.set_labels(cols=["zero", "one", "two"])
    assert view.cell_name(4, 2) == "true 4, predicted two"


def test_shapes_scalars_vectors_and_more_dimensions(view):
    assert as_matrix(np.float64(2.0)).shape == (1, 1)
    assert as_matrix(np.arange(3)).shape == (1, 3)
    assert as_matrix(np.zeros((2, 3, 4))).shape == (2, 12)
    view.set_array(np.zeros((2, 3, 4)), "batch")
    assert view.plot.titleLabel.text.startswith("batch (2×3×4)")
    assert levels_for(np.array([np.nan, np.inf]), True) == (-1.0, 1.0)


def test_projector_theme_repaints(view, qtbot):
    view.set_array(np.array([[1.0, -1.0]]))
    old = theme.current()
    try:
        theme.set_current("projector")
        view.apply_theme()
        assert hue_close(cell_pixel(view, 0, 0), theme.PROJECTOR.value)
    finally:
        theme.set_current(old)
        view.apply_theme()
    assert view.readout.text.startswith("min -1.0")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)  # a click does nothing harmful
