"""The Network lab's views on plain arrays: the neuron view (lines by sign and size, tooltips with the live
gradient, typing a new weight, the lit layer), the boundary plot (clicks ask for points, the surface image
follows the model) and the digits view (wrong predictions marked). Plus the Qt-free look decisions."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from carrot_gui import errors, theme
from carrot_gui.network import look
from carrot_gui.network.qt.boundary_plot import BoundaryPlot
from carrot_gui.network.qt.digits_view import IMAGE, DigitsView
from carrot_gui.network.qt.neuron_view import DIM, NeuronView


def close(c: QColor, hex_colour: str, tol: int = 40) -> bool:
    ref = QColor(hex_colour)
    return max(abs(c.red() - ref.red()), abs(c.green() - ref.green()), abs(c.blue() - ref.blue())) <= tol


def pixel(widget, pos) -> QColor:
    return widget.grab().toImage().pixelColor(int(pos.x()), int(pos.y()))


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch):
    monkeypatch.setattr(errors, "show_dialogs", False)
    monkeypatch.setattr(errors, "last_error", None)


# -- neuron view --------------------------------------------------------------------------------------------
W0 = np.array([[2.0], [0.05]])  # x₁ → h strongly positive, x₂ → h tiny
W1 = np.array([[-1.5]])  # h → output negative


@pytest.fixture
def neurons(shown):
    v = shown(NeuronView(), (700, 420))
    v.set_network([2, 1, 1], ["x₁", "x₂"])
    v.set_weights([W0, W1], [np.array([0.1]), np.array([-0.2])])
    v.set_gradients([np.array([[0.25], [-0.5]]), np.array([[0.75]])])
    return v


def test_line_colour_is_the_sign_and_width_the_size(neurons):
    t = theme.current()
    strong, tiny, negative = (
        neurons.line_style(0, 0, 0),
        neurons.line_style(0, 1, 0),
        neurons.line_style(1, 0, 0),
    )
    assert strong[0] == t.value and negative[0] == t.muted
    assert strong[1] > 4 * tiny[1]
    assert close(pixel(neurons.viewport(), neurons.line_pos(0, 0, 0, 0.5)), t.value)  # what is on screen
    assert close(pixel(neurons.viewport(), neurons.line_pos(1, 0, 0, 0.5)), t.muted)


def show_tip(qtbot, view, pos: QPointF) -> str:
    p = pos.toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, p, view.viewport().mapToGlobal(p))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_hover_shows_weight_and_gradient_live(neurons, qtbot):
    text = show_tip(qtbot, neurons, neurons.line_pos(0, 1, 0))
    assert "x₂" in text and "weight  0.05" in text and "∂L/∂w  -0.5" in text
    neurons.set_gradients([np.array([[0.25], [-0.125]]), np.array([[0.75]])])  # a training step later
    assert "∂L/∂w  -0.125" in QToolTip.text()
    neurons.set_weights([np.array([[2.0], [0.375]]), W1])
    assert "weight  0.375" in QToolTip.text()
    QToolTip.hideText()


def test_gradients_of_some_layers_only(neurons):
    neurons.set_gradients([None, None])  # before the first step (the session's gradients() says so)
    assert neurons.grads is None and "not computed yet" in neurons.line_tooltip(0, 0, 0)
    neurons.set_gradients([None, np.array([[0.5]])], [None, np.array([0.25])])
    assert "not computed yet" in neurons.line_tooltip(0, 0, 0) and "∂L/∂w  0.5" in neurons.line_tooltip(
        1, 0, 0
    )
    assert "∂L/∂b  0.25" in neurons.neuron_tooltip(2, 0)
    neurons.highlight_layer(0)  # no gradient there yet: the lit layer shows its weights
    assert neurons.line_style(0, 0, 0)[0] == theme.current().value
    with pytest.raises(ValueError, match="needs"):
        neurons.set_gradients([np.zeros((2, 2)), None])


def test_the_line_under_the_mouse_is_outlined(neurons, qtbot):
    at = neurons.line_pos(1, 0, 0, 0.5)
    qtbot.mouseMove(neurons.viewport(), at.toPoint())
    qtbot.waitUntil(lambda: neurons._pointer.isVisible())
    assert close(pixel(neurons.viewport(), at), theme.current().active, 20)
    assert neurons.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseMove(neurons.viewport(), QPoint(5, neurons.viewport().height() - 40))
    qtbot.waitUntil(lambda: not neurons._pointer.isVisible())


def test_hover_on_a_neuron_shows_its_bias(neurons, qtbot):
    centre = neurons.mapFromScene(QPointF(*neurons.placement.centres[1][0])).toPointF()
    assert "bias  0.1" in show_tip(qtbot, neurons, centre)
    QToolTip.hideText()


def test_click_a_line_and_type_a_weight(neurons, qtbot):
    qtbot.mouseClick(neurons.viewport(), Qt.MouseButton.LeftButton, pos=neurons.line_pos(1, 0, 0).toPoint())
    assert neurons.editor.isVisible() and neurons.editor.text() == "-1.5"
    neurons.editor.selectAll()
    qtbot.keyClicks(neurons.editor, "0.5")
    with qtbot.waitSignal(neurons.weight_edited) as sig:
        qtbot.keyClick(neurons.editor, Qt.Key.Key_Return)
    assert sig.args == [1, 0, 0, 0.5]
    assert not neurons.editor.isVisible()


def test_a_bad_weight_is_refused_with_a_message(neurons, qtbot):
    qtbot.mouseClick(neurons.viewport(), Qt.MouseButton.LeftButton, pos=neurons.line_pos(0, 0, 0).toPoint())
    neurons.editor.selectAll()
    qtbot.keyClicks(neurons.editor, "two")
    with qtbot.assertNotEmitted(neurons.weight_edited):
        qtbot.keyClick(neurons.editor, Qt.Key.Key_Return)
    assert neurons.edit_message.isVisible() and "not a number" in neurons.edit_message.text()
    assert neurons.editor.isVisible() and neurons.editor.text() == "two"  # nothing typed is lost
    qtbot.keyClick(neurons.editor, Qt.Key.Key_Escape)
    assert not neurons.editor.isVisible() and not neurons.edit_message.isVisible()
    assert errors.last_error is None


def test_backward_playback_lights_the_layer_and_draws_its_gradient(neurons):
    t = theme.current()
    neurons.highlight_layer(1)
    assert neurons.line_style(1, 0, 0)[0] == t.gradient  # ∂L/∂w = +0.75: orange
    assert neurons.line_style(0, 0, 0)[0] == look.mix(t.value, t.panel, DIM)  # faded towards the panel
    assert "∂L/∂w" in neurons.key.text()
    assert close(pixel(neurons.viewport(), neurons.line_pos(1, 0, 0, 0.5)), t.gradient)
    neurons.highlight_layer(None)
    assert neurons.line_style(1, 0, 0)[0] == t.muted and neurons.line_style(0, 0, 0)[0] == t.value
    with pytest.raises(ValueError, match="no weight layer 2"):
        neurons.highlight_layer(2)


def test_neuron_maps_are_drawn_inside_the_circles(neurons):
    centre = neurons.mapFromScene(QPointF(*neurons.placement.centres[1][0])).toPointF()
    before = pixel(neurons.viewport(), centre + QPointF(0, -5))
    plane = np.linspace(-1, 1, 16)
    maps = [
        None,
        np.tile(plane, (16, 1))[None] * 3.0,
        None,
    ]  # the hidden neuron: negative left, positive right
    neurons.set_neuron_maps(maps)
    r = neurons.placement.radius
    left = pixel(neurons.viewport(), centre + QPointF(-0.6 * r, 0))
    right = pixel(neurons.viewport(), centre + QPointF(0.6 * r, 0))
    assert close(before, theme.current().panel, 10)
    assert right.blue() > right.red() + 60  # positive activation: value blue
    assert abs(left.red() - left.blue()) < 30 and left.red() < 200  # negative: grey
    neurons.set_neuron_maps(
        [None, np.moveaxis(maps[1], 0, -1), None], channels_last=True
    )  # the session's order
    assert pixel(neurons.viewport(), centre + QPointF(0.6 * r, 0)) == right
    with pytest.raises(ValueError, match="for a layer of 1 units"):
        neurons.set_neuron_maps([None, np.zeros((2, 4, 4)), None])


def test_a_new_network_replaces_the_old_one(neurons):
    neurons.highlight_layer(1)
    neurons.set_network([3, 4, 5, 2, 1], ["a", "b", "c"])
    assert len(neurons.placement.centres) == 5 and neurons.highlighted is None
    assert not neurons._band.isVisible()
    layers = [i for i in neurons.scene().items() if type(i).__name__ == "LayerLines"]
    assert sorted(len(i.starts) for i in layers) == sorted([3 * 4, 4 * 5, 5 * 2, 2 * 1])  # none of the old
    with pytest.raises(ValueError, match="width ≥ 1"):
        neurons.set_network([2, 0, 1])
    assert len(neurons.placement.centres) == 5


def test_neuron_values_fill_the_circles(neurons):
    """Without maps (the digits), a value per neuron shows e.g. saturated sigmoids as solid circles."""
    t = theme.current()
    neurons.set_neuron_values([None, np.array([0.99]), np.array([-0.5])], scale=1.0)
    hidden = neurons.mapFromScene(QPointF(*neurons.placement.centres[1][0])).toPointF()
    output = neurons.mapFromScene(QPointF(*neurons.placement.centres[2][0])).toPointF()
    assert close(pixel(neurons.viewport(), hidden + QPointF(0, -4)), t.value, 12)
    half_grey = look.mix(t.muted, t.panel, 0.5)
    assert close(pixel(neurons.viewport(), output + QPointF(0, -4)), half_grey, 12)
    assert "value  0.99" in neurons.neuron_tooltip(1, 0)
    neurons.set_neuron_values(None)
    assert close(pixel(neurons.viewport(), hidden + QPointF(0, -4)), t.panel, 6)
    with pytest.raises(ValueError, match="2 values for a layer of 1 units"):
        neurons.set_neuron_values([None, np.zeros(2), None])


def test_wrong_shapes_are_refused_and_resizing_keeps_lines_on_neurons(neurons):
    with pytest.raises(ValueError, match="needs"):
        neurons.set_weights([np.zeros((3, 1)), W1])
    neurons.resize(400, 300)
    start = neurons.mapToScene(neurons.line_pos(0, 0, 0, 0.0).toPoint())
    assert (
        abs(start.x() - neurons.placement.centres[0][0][0]) <= 1
        and abs(start.y() - neurons.placement.centres[0][0][1]) <= 1
    )
    assert neurons.placement.centres[-1][0][0] + neurons.placement.radius <= neurons.viewport().width()


def test_projector_theme_repaints_lines_and_texts(neurons):
    old = theme.current()
    try:
        theme.set_current("projector")
        neurons.apply_theme()
        assert neurons.line_style(0, 0, 0)[0] == theme.PROJECTOR.value
        assert close(pixel(neurons.viewport(), neurons.line_pos(0, 0, 0, 0.5)), theme.PROJECTOR.value)
        assert neurons.key.font().pointSizeF() == theme.PROJECTOR.node_font_size
    finally:
        theme.set_current(old)
        neurons.apply_theme()
    assert neurons.line_style(0, 0, 0)[0] == old.value


# -- boundary plot ------------------------------------------------------------------------------------------
@pytest.fixture
def boundary(shown):
    p = shown(BoundaryPlot(), (420, 400))
    X = np.array([[-0.5, -0.5], [0.5, 0.5]])
    p.set_points(X, np.array([0, 1]), 2, test_X=np.array([[0.5, -0.5]]), test_y=np.array([1]))
    xs = np.linspace(-1, 1, 100)
    p.set_surface(np.broadcast_to((xs > 0)[None, :, None] * 1.0, (100, 100, 1)).copy(), (-1, 1, -1, 1))
    return p


def test_left_click_asks_for_a_point_of_the_chosen_class(boundary, qtbot):
    boundary.set_draw_class(1)
    with qtbot.waitSignal(boundary.point_added) as sig:
        qtbot.mouseClick(
            boundary.viewport(), Qt.MouseButton.LeftButton, pos=boundary.data_pos(0.25, -0.75).toPoint()
        )
    x, y, cls = sig.args
    assert abs(x - 0.25) < 0.02 and abs(y + 0.75) < 0.02 and cls == 1


def test_right_click_asks_to_remove_the_nearest_point(boundary, qtbot):
    near_test = boundary.data_pos(0.5, -0.5).toPoint() + QPoint(3, 2)
    with qtbot.waitSignal(boundary.point_removed) as sig:
        qtbot.mouseClick(boundary.viewport(), Qt.MouseButton.RightButton, pos=near_test)
    assert sig.args == [2]  # the test point comes after the two train points
    with qtbot.assertNotEmitted(boundary.point_removed):
        qtbot.mouseClick(
            boundary.viewport(), Qt.MouseButton.RightButton, pos=boundary.data_pos(-0.9, 0.9).toPoint()
        )


def test_the_surface_follows_the_model_and_row_zero_is_the_bottom(boundary):
    assert close(pixel(boundary, boundary.data_pos(-0.8, -0.3)), look.class_colours(2)[0], 140)
    before = boundary.surface_image()
    left = pixel(boundary, boundary.data_pos(-0.8, 0.3))
    ys = np.linspace(-1, 1, 100)
    boundary.set_surface(np.broadcast_to((ys > 0)[:, None, None] * 1.0, (100, 100, 1)).copy(), (-1, 1, -1, 1))
    assert not np.array_equal(before, boundary.surface_image())
    two_d = np.broadcast_to((ys > 0)[:, None] * 1.0, (100, 100)).copy()  # P(class 1) as (H, W)
    boundary.set_surface(two_d, (-1, 1, -1, 1))
    assert boundary.surface_image().shape == (100, 100, 4)  # drawn as classes, not as a regression
    top, bottom = (
        pixel(boundary, boundary.data_pos(-0.8, 0.8)),
        pixel(boundary, boundary.data_pos(-0.8, -0.8)),
    )
    assert bottom == left  # class 0 below y = 0 as before: row 0 is drawn at the bottom
    assert top != left and top.red() > top.blue()  # class 1 (amber) above y = 0 now


def test_regression_points_and_curve(boundary):
    boundary.set_points(np.array([[0.0], [1.0]]), np.array([0.0, 2.0]), 0)
    boundary.set_curve([0.0, 1.0], [0.0, 2.0])
    assert boundary.train.data["x"].tolist() == [0.0, 1.0] and boundary.train.data["y"].tolist() == [0.0, 2.0]
    assert boundary.getAxis("left").labelText == "y"  # one feature: the plot is x against y
    boundary.set_surface(np.full((4, 4), 8.0), (0, 1, 0, 2))  # beyond the targets: saturated, scale kept
    assert tuple(boundary.image.levels) == (-2.0, 2.0)
    with pytest.raises(ValueError, match="surface is"):
        boundary.set_surface(np.zeros(5), (0, 1, 0, 1))


# -- digits -------------------------------------------------------------------------------------------------
def test_digits_view_marks_a_wrong_prediction(qtbot):
    view = DigitsView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    images = np.zeros((6, 8, 8))
    images[:, 2:6, 3:5] = 16.0
    truth = np.array([0, 1, 2, 3, 4, 5])
    predicted = truth.copy()
    predicted[4] = 7
    view.set_results(images, predicted, truth)
    assert "5 of 6 test images right" in view.summary.text()
    assert view.confusion.array[4, 7] == 1 and view.confusion.array[3, 3] == 1
    grid = view.grid
    image = grid.grab().toImage()
    tile_w = grid.tile_rect(4).width()
    frame_x = grid.tile_rect(4).x() + (tile_w - IMAGE) // 2 - 2  # the red frame just outside the image
    y = grid.tile_rect(4).y() + 20
    assert close(image.pixelColor(frame_x, y), theme.current().error, 60)
    ok_x = grid.tile_rect(3).x() + (tile_w - IMAGE) // 2 - 2
    assert close(image.pixelColor(ok_x, y), theme.current().panel, 10)
    view.wrong_first.setChecked(True)
    assert grid.order[0] == 4 and grid.tile_at(QPoint(5, 5)) == 4
    small = grid.tile_size()
    old = theme.current()
    try:
        theme.set_current("projector")
        view.apply_theme()
        assert grid.tile_size()[0] > small[0]  # room for "true 4" in the larger font
    finally:
        theme.set_current(old)
        view.apply_theme()


# -- Qt-free decisions --------------------------------------------------------------------------------------
def test_layout_keeps_circles_apart_and_inside():
    lay = look.neuron_layout([64, 32, 10], 800, 500, left=20)
    for centres, r in zip(lay.centres, lay.radii):
        assert centres[:, 1].min() - r >= 0 and centres[:, 1].max() + r <= 500
        if len(centres) > 1:
            assert np.diff(centres[:, 1]).min() >= 2 * r
    assert lay.centres[-1][0, 0] + lay.radii[-1] <= 800
    assert lay.radii[2] >= 3 * lay.radii[0]  # 10 outputs beside 64 inputs: circles one can point at
    small = look.neuron_layout([2, 8, 8, 1], 760, 400)
    assert len(set(small.radii)) == 1  # a small network: one size for every neuron
    starts, ends = lay.line_ends(0)
    assert starts.shape == ends.shape == (64 * 32, 2)


def test_widths_weights_and_blending():
    w = look.line_widths(np.array([0.0, 0.5, 1.0, -1.0, np.nan]), 1.0)
    assert w[0] == look.MIN_LINE_WIDTH and w[2] == w[3] == look.MAX_LINE_WIDTH and w[0] < w[1] < w[2]
    assert look.parse_weight(" −0,5 ") == -0.5
    for bad in ("", "abc", "inf", "1e9"):
        with pytest.raises(ValueError):
            look.parse_weight(bad)
    tie = look.blend_classes(np.full((1, 1, 2), 0.5), ["#0000ff", "#ff0000"], "#ffffff")[0, 0]
    sure = look.blend_classes(np.array([[[1.0, 0.0]]]), ["#0000ff", "#ff0000"], "#ffffff")[0, 0]
    assert tie[:3].min() > 200 and sure[2] > sure[0] + 100  # the boundary pale, a sure region tinted
    assert look.confusion_matrix([0, 1, 1, 9], [0, 1, 0, 2], 3).tolist() == [[1, 0, 0], [1, 1, 0], [0, 0, 0]]
    idx = look.map_indices(np.array([[[-1.0], [1.0]]]))  # row 0 (y low) ends at the bottom of the image
    assert idx[0, 0, 0] == 255 and idx[0, 1, 0] == 0
