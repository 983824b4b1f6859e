"""The window's three labs: the Network tab sits between Expression and Training, is built on first use,
follows the theme, and hands its tensor graph to the Expression lab through the window."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from carrot_gui import app, theme


def test_the_network_tab_is_second_and_built_when_first_shown(qtbot, window):
    tabs = window.labs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Expression", "Network", "Training"]
    assert window.findChild(QWidget, "networkLab") is None  # not built until asked for
    tabs.setCurrentIndex(1)
    lab = window.findChild(QWidget, "networkLab")
    assert lab is not None and lab is window.networkLab
    qtbot.waitUntil(lambda: window.findChild(QWidget, "trainNetworkButton").isVisible())
    assert "Build a small network" in tabs.tabToolTip(1)


def test_select_lab_knows_the_network_lab_and_refuses_an_unknown_one(window):
    window.select_lab("network")
    assert window.labs.currentWidget() is window.networkLab.parentWidget()
    with pytest.raises(ValueError, match="unknown lab 'nets'"):
        window.select_lab("nets")


def test_the_tensor_graph_opens_in_the_expression_lab(qtbot, window):
    window.select_lab("network")
    lab = window.networkLab
    qtbot.mouseClick(lab.tensorGraphButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.labs.currentWidget() is window.expressionLab)
    labels = [n.label for n in window.expressionLab.loaded.graph.nodes]
    assert "loss" in labels and any(label.startswith("W") for label in labels), labels


def test_a_built_network_lab_follows_projector_mode(qtbot, window, monkeypatch):
    window.select_lab("network")
    lab = window.networkLab
    refreshed = []
    monkeypatch.setattr(lab, "refresh_theme", lambda: refreshed.append(theme.current().name))
    window.set_projector(True)
    try:
        assert refreshed == [theme.PROJECTOR.name]
    finally:
        window.set_projector(False)
    assert refreshed[-1] == theme.LIGHT.name


def test_command_line_opens_on_the_network_lab(qtbot, tmp_path, monkeypatch):
    shot = tmp_path / "n.png"
    assert app.main(["--lab", "network", "--screenshot", str(shot)]) == 0
    assert shot.stat().st_size > 10_000


def test_building_2_4_1_shows_the_right_shape_on_every_tensor_node(qtbot, window):
    """Remove a hidden layer of the XOR network (2-4-4-1 → 2-4-1), send its tensor graph, read the boxes."""
    window.select_lab("network")
    lab = window.networkLab
    panel = lab.buildPanel
    panel.layerTable.setCurrentCell(1, 0)
    qtbot.mouseClick(panel.removeLayerButton, Qt.MouseButton.LeftButton)
    assert lab.session.spec.widths == [2, 4, 1]
    qtbot.mouseClick(lab.tensorGraphButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.labs.currentWidget() is window.expressionLab)
    expected = {
        "x": "(4×2)", "W1": "(2×4)", "b1": "(4)", "x@W1": "(4×4)", "z1": "(4×4)", "h1": "(4×4)",
        "W2": "(4×1)", "b2": "(1)", "h1@W2": "(4×1)", "z2": "(4×1)", "y": "(4×1)", "loss": "",
    }  # fmt: skip
    items = {item.node.label: item for item in window.expressionLab.graphView.nodes}
    assert set(items) == set(expected)
    for label, shape in expected.items():
        item = items[label]
        assert item.shape_caption() == shape, label
        if shape:  # every tensor (all ≤ 4×4 here) shows its numbers and its shape in the head line
            assert item.numbers or item.node.is_scalar, label
            assert item.head_tag(item.box().width() - 14).endswith(shape), label
    w1 = items["W1"]
    weights = lab.session.layers[0].weight.data
    assert [[text for text, _ in row] for row in w1._value_cells] == [
        [theme.format_number(v, 2) for v in row] for row in weights
    ]
    assert "From the Network lab" in window.expressionLab.noteLabel.text()
