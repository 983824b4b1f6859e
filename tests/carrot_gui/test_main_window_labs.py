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
