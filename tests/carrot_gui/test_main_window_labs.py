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


def _trigger(window, name):
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def test_network_file_actions_follow_the_tab(window):
    from PySide6.QtGui import QAction

    names = ("exportNetworkAction", "saveNetworkAction", "loadNetworkAction")
    assert not any(window.findChild(QAction, n).isEnabled() for n in names)  # Expression tab shown
    window.select_lab("network")
    assert all(window.findChild(QAction, n).isEnabled() for n in names)
    window.select_lab("training")
    assert not any(window.findChild(QAction, n).isEnabled() for n in names)


def test_export_network_as_python_runs_to_the_labs_weights(qtbot, window, tmp_path, monkeypatch):
    import subprocess
    import sys

    import numpy as np
    from PySide6.QtWidgets import QFileDialog

    window.select_lab("network")
    lab = window.networkLab
    for _ in range(25):
        lab.step_once()
    target = tmp_path / "xor_net"  # no suffix: .py is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _trigger(window, "exportNetworkAction")
    script = tmp_path / "xor_net.py"
    assert script.is_file() and "Exported the network as Python" in lab.statusLabel.text()
    out = tmp_path / "weights.npz"
    code = (
        "import runpy, sys, pycarrot as pc; ns = runpy.run_path(sys.argv[1]);"
        "pc.save(ns['model'], sys.argv[2])"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(script), str(out)],
        check=True,
        cwd=tmp_path,
        timeout=120,
        env={**__import__("os").environ, "PYTHONPATH": str(__import__("pathlib").Path.cwd())},
    )
    import pycarrot as pc

    theirs = pc.load(out)
    ours = {k: v.data for k, v in lab.session.model.state_dict().items()}
    assert theirs.keys() == ours.keys()
    for key in ours:
        np.testing.assert_array_equal(theirs[key], ours[key])


def test_save_and_load_network_weights_and_refuse_a_bad_file(qtbot, window, tmp_path, monkeypatch):
    import numpy as np
    from PySide6.QtWidgets import QFileDialog

    window.select_lab("network")
    lab = window.networkLab
    lab.step_once()
    saved = [w.copy() for w, _ in lab.session.weights()]
    path = tmp_path / "w.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    _trigger(window, "saveNetworkAction")
    assert path.is_file() and "Saved the weights" in lab.statusLabel.text()
    for _ in range(5):
        lab.step_once()
    assert not np.array_equal(lab.session.weights()[0][0], saved[0])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    _trigger(window, "loadNetworkAction")
    assert "Loaded the weights" in lab.statusLabel.text()
    for (w, _), want in zip(lab.session.weights(), saved):
        np.testing.assert_array_equal(w, want)
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip at all")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    _trigger(window, "loadNetworkAction")
    assert "Could not load junk.npz" in lab.statusLabel.text()
    for (w, _), want in zip(lab.session.weights(), saved):
        np.testing.assert_array_equal(w, want)  # nothing changed


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


def test_the_network_lab_fits_a_1280_screen_in_projector_mode(qtbot, window):
    # its run row once held the tensor-graph button too: 1,365 px minimum with projector text, cut at 1280
    window.select_lab("network")
    window.set_projector(True)
    try:
        assert window.minimumSizeHint().width() <= 1280, window.minimumSizeHint()
        qtbot.waitUntil(lambda: window.networkLab.tensorGraphButton.isVisibleTo(window))
    finally:
        window.set_projector(False)
