"""The command line: --help, --screenshot (a non-blank PNG, exit 0), --expr, --steps, --lab, bad input."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from carrot_gui import app, errors

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args, timeout=60, env=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen") if env is None else env
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def non_blank(path):
    img = QImage(str(path))
    assert not img.isNull(), f"{path} is not an image"
    colours = {img.pixel(x, y) for x in range(0, img.width(), 5) for y in range(0, img.height(), 5)}
    return img, len(colours)


def test_screenshot_from_the_command_line_writes_a_non_blank_png(tmp_path):
    shot = tmp_path / "window.png"
    result = run_cli("--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    img, colours = non_blank(shot)
    assert img.width() >= 800 and img.height() >= 500
    assert colours > 20  # text, boxes, edges in several colours — not a blank window
    assert "propagateSizeHints" not in result.stderr  # the offscreen plugin's noise is silenced
    assert "first frame" in result.stdout


def test_a_screenshot_needs_no_display(tmp_path):
    """On a machine with no screen, --screenshot picks Qt's offscreen platform by itself."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    shot = tmp_path / "headless.png"
    result = run_cli("--screenshot", str(shot), env=env)
    assert result.returncode == 0, result.stderr
    assert non_blank(shot)[1] > 20


def test_help_lists_every_option():
    result = run_cli("--help")
    assert result.returncode == 0
    for option in ("--lab", "--expr", "--steps", "--screenshot"):
        assert option in result.stdout


@pytest.fixture
def in_process(monkeypatch, qapp):
    """Run main() in this process (the QApplication already exists); close its windows afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own; restore it after
    monkeypatch.setattr(errors, "show_dialogs", False)
    _delete_windows()
    yield
    _delete_windows()


def _delete_windows():
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "mainWindow":
            w.close()
            w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_expr_and_steps_are_applied(in_process, tmp_path):
    shot = tmp_path / "shot.png"
    code = app.main(["--expr", "a = 1.0\nz = a * 2 + a * 3", "--steps", "100", "--screenshot", str(shot)])
    assert code == 0
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    lab = window.expressionLab
    assert lab.loaded.source == "a = 1.0\nz = a * 2 + a * 3"
    assert lab.timeline.at_end  # 100 steps is past the end: clamped
    assert "gradient: 5.0" in lab.graphView.nodes[lab.loaded.graph.find("a").index].toolTip()
    assert non_blank(shot)[1] > 20


def test_lab_option_selects_the_training_tab(in_process, tmp_path):
    assert app.main(["--lab", "training", "--screenshot", str(tmp_path / "t.png")]) == 0
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    assert window.labs.tabText(window.labs.currentIndex()) == "Training"


def test_a_bad_expr_is_refused_with_its_position(in_process, capsys):
    assert app.main(["--expr", "z = x * * 2", "--screenshot", "unused.png"]) == 2
    err = capsys.readouterr().err
    assert "carrot-gui: --expr: line 1, column 5: unknown name 'x'" in err
    assert "previous graph" not in err  # that sentence is for the lab, not the terminal


@pytest.mark.parametrize("bad", [["--steps", "-1"], ["--steps", "two"], ["--lab", "chemistry"]])
def test_bad_arguments_exit_2(bad, capsys):
    with pytest.raises(SystemExit) as info:
        app.main(bad)
    assert info.value.code == 2
    assert "carrot-gui" in capsys.readouterr().err


def test_errors_hook_reports_and_logs(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(errors, "show_dialogs", False)
    monkeypatch.setenv(errors.LOG_ENV, str(tmp_path / "log.txt"))
    errors.install()
    try:
        raise ValueError("an unexpected problem")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert errors.last_error is not None and "an unexpected problem" in str(errors.last_error)
    assert "ValueError: an unexpected problem" in (tmp_path / "log.txt").read_text(encoding="utf-8")
    assert "an unexpected problem" in capsys.readouterr().err


def test_an_exception_in_any_slot_is_logged_and_the_app_keeps_running(tmp_path):
    """A real event loop: a slot raises (not one of ours, so nothing guards it); the excepthook that
    main() installs logs it, and the app goes on to its next event and exits normally."""
    log = tmp_path / "errors.log"
    code = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from carrot_gui import errors
from carrot_gui.main_window import MainWindow

app = QApplication([])
errors.show_dialogs = False
window = MainWindow()
errors.install(window)

def broken():
    raise ZeroDivisionError("a slot that fails")

def afterwards():
    window.expressionLab.step_forward()
    print("still running at step", window.expressionLab.timeline.position)
    app.quit()

QTimer.singleShot(0, broken)
QTimer.singleShot(50, afterwards)
app.exec()
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CARROT_GUI_LOG=str(log))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert "still running at step 1" in result.stdout
    assert "ZeroDivisionError: a slot that fails" in log.read_text(encoding="utf-8")


def test_a_failing_action_shows_a_dialog_naming_it_and_the_log(qtbot, monkeypatch, tmp_path):
    """The user clicks Check, something inside fails: a dialog says what and where the log is; the
    graph and playback position are those from before the click."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    import carrot_gui.expression.qt.lab as lab_module
    from carrot_gui import MainWindow

    monkeypatch.setattr(errors, "show_dialogs", True)
    monkeypatch.setenv(errors.LOG_ENV, str(tmp_path / "errors.log"))
    window = MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(errors, "_parent", window)
    window.show()
    lab = window.expressionLab
    lab.step(3)
    before = lab.loaded

    def broken(loaded):
        raise RuntimeError("gradcheck blew up")

    monkeypatch.setattr(lab_module, "check", broken)
    qtbot.mouseClick(lab.checkButton, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.isVisible()
    assert "RuntimeError while checking the gradients: gradcheck blew up" in box.text()
    assert str(tmp_path / "errors.log") in box.informativeText()
    assert "gradcheck blew up" in (tmp_path / "errors.log").read_text(encoding="utf-8")
    box.close()
    assert lab.loaded is before and lab.timeline.position == 3
    qtbot.mouseClick(lab.stepForwardButton, Qt.MouseButton.LeftButton)
    assert lab.timeline.position == 4


def test_set_tone_colours_a_label_through_the_style_sheet(qtbot):
    from PySide6.QtWidgets import QApplication, QLabel

    from carrot_gui import theme

    QApplication.instance().setStyleSheet(theme.style_sheet())
    label = QLabel("x")
    qtbot.addWidget(label)
    theme.set_tone(label, "error")
    label.ensurePolished()
    assert label.palette().color(label.foregroundRole()).name() == theme.current().error
    theme.set_tone(label, "muted")
    assert label.palette().color(label.foregroundRole()).name() == theme.current().muted
    with pytest.raises(ValueError, match="unknown tone"):
        theme.set_tone(label, "purple")


def test_the_window_opens_on_85_percent_of_a_large_screen_and_never_past_a_small_one():
    assert app.opening_size(1360, 820, 1920, 1040) == (1632, 884)  # 1920x1080 with a 40 px panel
    assert app.opening_size(1360, 820, 2560, 1400) == (2176, 1190)
    assert app.opening_size(1360, 820, 1366, 900) == (1360, 820)  # never smaller than the default
    w, h = app.opening_size(1360, 820, 1280, 770)  # a small screen: show_fitted maximizes instead
    assert w <= 1280 and h <= 770


def test_a_projector_screenshot_prints_no_offscreen_size_hint_warning(tmp_path):
    """The offscreen plugin's "does not support propagateSizeHints()" is dropped, however many windows
    show (the handler must stay alive: projector mode collects garbage before the windows show)."""
    result = run_cli("--projector", "--screenshot", str(tmp_path / "p.png"))
    assert result.returncode == 0, result.stderr
    assert "propagateSizeHints" not in result.stderr
