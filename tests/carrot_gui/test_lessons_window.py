"""Lessons in the window: save and open through MainWindow, refusals keep the lesson on screen, scenes, the
unsaved-changes question, the CLI, the handout exports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from carrot_gui import app
from carrot_gui.lessons import ExpressionState, Lesson, Scene, open_lesson, save_lesson
from carrot_gui.lessons.examples import build_example_lesson, example_path
from carrot_gui.lessons.format import JSON_NAME

NEURON = "x1 = 2.0\nw1 = -3.0\nb = 6.88\nh = tanh(x1*w1 + b)\n"


def _shown(window) -> tuple[str, int, str, str]:
    lab = window.expressionLab
    return lab.loaded.source, lab.timeline.position, str(lab.mode), window.current_lab()


def test_save_then_open_restores_graph_position_and_order(window, tmp_path):
    lab = window.expressionLab
    assert lab.build_source(NEURON)
    lab.set_mode("per-path")
    lab.seek(7)
    path = tmp_path / "neuron.carrot"
    assert window.save_lesson(str(path))
    saved = _shown(window)
    assert saved == (NEURON, 7, "per-path", "expression")
    assert open_lesson(path).scenes[0].expression == ExpressionState(NEURON, {}, 7, "per-path")

    assert lab.build_source("a = 1.0\nb = a * 3\n")
    lab.set_mode("topological")
    assert window.open_lesson(str(path))
    assert _shown(window) == saved
    assert lab.expressionEditor.toPlainText() == NEURON
    assert lab.orderSwitch.currentData() == "per-path"
    assert lab.positionLabel.text().startswith("7 /")


def test_a_scene_with_leaf_values_puts_them_in_the_editor(window, tmp_path):
    import numpy as np

    state = ExpressionState("z = x * y", {"x": np.array(2.0), "y": np.array([1.0, 3.0])}, 2)
    path = tmp_path / "values.carrot"
    save_lesson(Lesson("v", (Scene("values", expression=state),)), path)
    assert window.open_lesson(str(path))
    z = window.expressionLab.loaded.graph.output_node
    np.testing.assert_array_equal(z.value, [2.0, 6.0])
    assert window.expressionLab.timeline.position == 2


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda p: p.write_bytes(p.read_bytes()[:200]), "corrupt or truncated"),
        (lambda p: p.write_bytes(b"\x80\x04K\x01."), "pickle"),
        (lambda p: p.write_text("hello"), "not a PyCarrot lesson"),
        (None, "newer PyCarrot"),
    ],
)
def test_a_bad_file_is_refused_with_its_reason_and_the_lesson_kept(window, tmp_path, damage, words):
    path = tmp_path / "bad.carrot"
    save_lesson(build_example_lesson(), path)
    if damage is None:  # the same lesson, but from a future version
        with zipfile.ZipFile(path) as zf:
            text = zf.read(JSON_NAME).decode().replace('"version": 1', '"version": 7')
            arrays = zf.read("arrays.npz")
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr(JSON_NAME, text)
            zf.writestr("arrays.npz", arrays)
    else:
        damage(path)
    window.expressionLab.seek(3)
    before = _shown(window)
    assert not window.open_lesson(str(path))
    assert words in window.lessons.last_error and "bad.carrot" in window.lessons.last_error
    assert words in window.statusBar().currentMessage()
    assert _shown(window) == before and window.lessons.lesson is None


def test_a_refusal_is_a_warning_box_when_dialogs_are_on(window, tmp_path, monkeypatch):
    from carrot_gui import errors

    monkeypatch.setattr(errors, "show_dialogs", True)
    assert not window.open_lesson(str(tmp_path / "missing.carrot"))
    box = window.findChild(QMessageBox, "lessonErrorDialog")
    assert box is not None and box.isVisible() and "there is no such file" in box.text()
    box.close()


def test_the_actions_are_in_the_file_menu_with_their_shortcuts(window):
    file_actions = window.findChild(type(window.menuBar().actions()[0].menu()), "fileMenu").actions()
    assert window.saveLessonAction in file_actions and window.openLessonAction in file_actions
    assert window.saveLessonAction.shortcut().toString() == "Ctrl+S"
    assert window.openLessonAction.shortcut().toString() == "Ctrl+O"
    assert window.exampleLessonAction.text() == "&Example lesson"


def test_ctrl_s_saves_to_the_chosen_file(window, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "class"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.expressionLab.seek(2)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    lesson = open_lesson(tmp_path / "class.carrot")
    assert lesson.title == "class" and lesson.scenes[0].expression.position == 2
    assert "class.carrot" in window.windowTitle()


def test_the_example_lesson_steps_through_its_scenes(window, qtbot):
    window.exampleLessonAction.trigger()
    scenes = window.findChild(type(window.lessonUi.dock.sceneList), "sceneList")
    assert scenes.count() == 6 and scenes.currentRow() == 0
    assert scenes.item(1).toolTip().startswith("The original's second example")
    assert window.expressionLab.loaded.source == "x = 2.0\ny = 4.0\nz = x * y\n"
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert scenes.currentRow() == 1 and "a * 3" in window.expressionLab.loaded.source
    assert window.lessonUi.dock.sceneNote.text().startswith("The original's second example")
    window.expressionLab.seek(5)  # the teacher stepped on; coming back shows where they left it
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert "tanh" in window.expressionLab.loaded.source
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert "a * 3" in window.expressionLab.loaded.source and window.expressionLab.timeline.position == 5
    scenes.setCurrentRow(0)  # a click on a scene
    assert window.expressionLab.loaded.source.startswith("x = 2.0")
    assert window.lessons.path is None  # Ctrl+S never overwrites the shipped file


def test_add_current_as_scene_builds_a_lesson_in_class(window, tmp_path, qtbot):
    """The scene on screen follows the labs; Add keeps it and starts the next scene from the same state."""
    lab = window.expressionLab
    assert lab.build_source("x = 3.0\nz = x * x\n")
    qtbot.mouseClick(window.lessonUi.dock.addSceneButton, Qt.MouseButton.LeftButton)
    assert lab.build_source("a = 2.0\nz = sin(a)\n")
    window.addSceneAction.trigger()
    lab.seek(2)
    path = tmp_path / "three.carrot"
    assert window.save_lesson(str(path))
    lesson = open_lesson(path)
    assert [s.title for s in lesson.scenes] == ["Scene 1", "Scene 2", "Scene 3"]
    sources = [s.expression.source for s in lesson.scenes]
    assert sources == ["x = 3.0\nz = x * x\n", "a = 2.0\nz = sin(a)\n", "a = 2.0\nz = sin(a)\n"]
    assert [s.expression.position for s in lesson.scenes] == [0, 0, 2]
    assert lesson.current == 2 and window.lessonUi.dock.sceneList.count() == 3
    assert window.lessonUi.dock.isVisible()


def _answer(monkeypatch, button):
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, monkeypatch):
    window.lessonUi.ask = True
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert window.close()  # nothing changed yet: no question
    assert asked == []
    window.show()
    window.expressionLab.build_source("q = 5.0\nr = q * 2\n")
    assert not window.close() and window.isVisible()
    assert asked and "not saved" in asked[0]
    _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.close()


def test_opening_another_lesson_asks_and_save_saves_first(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    window.lessonUi.ask = True
    path = tmp_path / "mine.carrot"
    assert window.save_lesson(str(path))
    window.expressionLab.seek(4)
    assert window.lessons.modified()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(example_path()), ""))
    window.openLessonAction.trigger()
    assert asked and open_lesson(path).scenes[0].expression.position == 4
    assert window.lessons.lesson.title.startswith("Backpropagation")
    assert not window.lessons.modified()


def test_the_command_line_opens_a_lesson(tmp_path, capsys, monkeypatch):
    path = tmp_path / "cli.carrot"
    save_lesson(
        Lesson("cli", (Scene("one", expression=ExpressionState("u = 3.0\nv = u * u\n", position=4)),)), path
    )
    shot = tmp_path / "shot.png"
    assert app.main([str(path), "--screenshot", str(shot)]) == 0
    assert shot.stat().st_size > 1000
    assert app.main([str(tmp_path / "nope.carrot"), "--screenshot", str(shot)]) == 2
    assert "there is no such file" in capsys.readouterr().err


def test_every_backward_step_as_a_numbered_frame(window, tmp_path):
    lab = window.expressionLab
    assert lab.build_source("a = 2.0\nx = a * 2\ny = a * 3\nz = x + y\n")
    lab.seek(3)
    tl = lab.timeline
    frames = window.lessonUi.export_frames(str(tmp_path / "frames"))
    assert len(frames) == len(tl) - tl.backward_start > 0
    assert sorted(p.name for p in (tmp_path / "frames").iterdir()) == [
        f"step-{k:03d}.png" for k in range(1, len(frames) + 1)
    ]
    assert tl.position == 3  # put back
    first, last = (Path(frames[i]).read_bytes() for i in (0, -1))
    assert first != last  # the gradients differ between the first and the last step


def test_the_pdf_handout_of_the_lesson_holds_every_scene_as_on_screen(window, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    window.lessonUi.open_example()
    assert window.expressionLab.build_source("q = 7.0\nr = q * q\n")  # scene 1 as the teacher changed it
    path = tmp_path / "handout.pdf"
    assert window.lessonUi.export_pdf(str(path))
    flat = "".join("".join(page.extract_text() for page in pypdf.PdfReader(path).pages).split())
    for title in ("a·2+a·3(accumulation)", "aneuron", "r=q*q", "14.0"):
        assert title in flat
    assert "z=x*y" not in flat


def test_without_a_lesson_the_pdf_is_the_graph_on_screen(window, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    assert window.expressionLab.build_source("k = 3.0\nm = k * k * k\n")
    path = tmp_path / "one.pdf"
    assert window.lessonUi.export_pdf(str(path))
    flat = "".join("".join(page.extract_text() for page in pypdf.PdfReader(path).pages).split())
    assert "m=k*k*k" in flat and "27.0" in flat
