"""Languages: the translations are up to date, the app speaks the remembered or the system's language, View ▸
Language switches live and back, and no text a user reads in the Chinese UI is left in English."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from i18n_walk import needs_translation, untranslated_texts
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from carrot_gui import MainWindow, app, i18n, settings
from carrot_gui.kit import language

ROOT = Path(__file__).resolve().parents[2]
# the translation files (tools/translations.py's areas) checked against the sources: an area joins when its
# translator has brought it up to date ("pycarrot_labs": the Network and Training labs and the lessons)
CHECKED_AREAS: tuple[str, ...] = ("pycarrot", "pycarrot_labs")
# the labs whose every text is translated (checked below); a lab joins when its strings are done
CHECKED_LABS: tuple[str, ...] = ("expression", "network", "training")
# whether the window's own parts that come from the lessons package (File menu's lesson actions, the scene
# dock) are translated: until then their English sources (in pycarrot_labs_zh_CN.ts) are not reported
LESSONS_CHECKED = True


def _zh_window(qtbot) -> MainWindow:
    settings.set_language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    return window


def test_the_translations_are_up_to_date_with_the_sources():
    """``tools/translations.py --check``: every string of the sources is in its area's .ts, and each .qm holds
    what its .ts says (run ``python tools/translations.py`` after changing a visible string)."""
    areas = [arg for area in CHECKED_AREAS for arg in ("--area", area)]
    proc = subprocess.run(
        [sys.executable, "tools/translations.py", "--check", *areas], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_a_chinese_system_locale_gives_chinese_menus_when_none_is_remembered(tmp_path):
    code = (
        "import json; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from carrot_gui import MainWindow; w = MainWindow();"
        "print(json.dumps([a.text() for a in w.menuBar().actions()]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG="zh_CN.UTF-8", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["CARROT_GUI_SETTINGS"] = str(tmp_path / "fresh.ini")  # nothing remembered
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == ["文件(&F)", "视图(&V)", "帮助(&H)"]


def test_the_system_locale_decides_only_when_nothing_is_remembered(qtbot, monkeypatch):
    monkeypatch.setattr(language, "system_language", lambda: "zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.windowTitle() == "PyCarrot — 观察反向传播"
    settings.set_language("en")
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.menuBar().actions()[0].text() == "&File"


def test_language_codes_are_normalized():
    assert [language.normalize(c) for c in ("zh", "zh_CN", "zh-Hans", "zh_TW", "en_US", "de", "C")] == [
        "zh_CN",
        "zh_CN",
        "zh_CN",
        "zh_CN",
        "en",
        "en",
        "en",
    ]


def test_view_language_switches_live_is_remembered_and_switches_back(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.languageActions["en"].isChecked()
    window.languageActions["zh_CN"].trigger()
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert [window.labs.tabText(i) for i in range(3)] == ["表达式", "神经网络", "训练"]
    assert window.findChild(QWidget, "quitAction") is None  # actions are not widgets: find them on the window
    quit_action = next(
        a
        for a in window.actions() + window.menuBar().actions()[0].menu().actions()
        if a.objectName() == "quitAction"
    )
    assert quit_action.text() == "退出(&Q)"
    assert settings.language() == "zh_CN" and window.languageActions["zh_CN"].isChecked()
    window.languageActions["en"].trigger()
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Help"]
    assert window.labs.tabText(0) == "Expression" and quit_action.text() == "&Quit"
    assert settings.language() == "en"


def test_switching_changes_buttons_step_sentences_and_an_error_and_back(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    lab = window.expressionLab
    lab.step(4)  # the 3 forward steps, then backward's start
    lab.run_check()
    assert "finite differences" in lab.checkResults.text()
    english = (lab.buildButton.text(), lab.stepLabel.text(), lab.eventLog.line(0), lab.positionLabel.text())
    assert english[0] == "Build" and english[1].startswith("start backward:")
    window.set_language("zh_CN")
    assert lab.buildButton.text() == "构建" and lab.playButton.text() == "▶ 播放"
    assert lab.stepLabel.text().startswith("开始反向传播：")
    assert lab.eventLog.line(0).startswith("1. 前向：")
    assert lab.positionLabel.text().endswith("反向") and "反向传播" in window.statusHint.text()
    assert "有限差分" in lab.checkResults.text() and "finite" not in lab.checkResults.text()
    assert not lab.build_source("x = 1\nz = x2 * 3")
    assert lab.errorLabel.text().startswith("⚠ 第 2 行，第 5 列：未知的名字 'x2'（你是不是想写 'x'")
    assert "Build" not in lab.errorLabel.text() and "line 2" in lab.error_message  # the CLI's stays English
    window.set_language("en")
    assert lab.errorLabel.text().startswith("⚠ line 2, column 5: unknown name 'x2' (did you mean 'x'")
    assert lab.build_source("x = 2.0; y = 4.0; z = x*y") and lab.buildButton.text() == "Build"
    lab.step(2)  # z = x*y: one forward step, then backward's start
    assert lab.stepLabel.text().startswith("start backward:") and lab.eventLog.line(0).startswith(
        "1. forward:"
    )


def test_every_engine_message_and_rule_is_in_the_translations():
    """Bad sources of every kind: each template of the error (and of its parts) is a translated message, so a new
    engine message cannot slip past the .ts; and the rules' templates are all there."""
    import pycarrot as pc
    from pycarrot.messages import Phrase

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    known = {text for context, text, _ in translations.area_messages("pycarrot") if context == "Engine"}
    bad = [
        "z = x2 * 3",
        "x = 1\nz = y",
        "z = 2 x",
        "z = (1",
        "z = sin(1, 2)",
        "z = 1 %",
        "z = [1,2] * [1,2,3]",
        "z = ",
        "z = sum([1, 2], 0.5)",
        "z = 1 < 2",
        "z = a.b",
        "import os",
        "z = True",
        "sin = 1",
        "x = 1\ny = x",
        "x = 1\nx = 2",
        "z = [1, [2]]",
        "z = []",
        "z = [1 2]",
        "z = 2 (3)",
        "z = sin",
        "z = 1)",
        "z = foo(1)",
        "x = 1\nz = x(2)",
        "z = [1, 2] @ [[1, 2, 3]]",
        "z = 1\n2 + 3\nw = 1",
        "z = (1 2)",
        "z = [1, 2][0]",
        "z = 1 = 2",
        "z = 1 // 2",
        "z = 2 ^ 3",
        "z = {1}",
        "z = 'a'",
    ]
    seen = set()

    def templates(message):
        if isinstance(message, Phrase):
            yield message.template
            for value in message.params.values():
                yield from templates(value)

    for source in bad:
        with pytest.raises(pc.ExpressionError) as info:
            pc.parse(source)
        found = set(templates(Phrase(info.value.message, info.value.template, info.value.params)))
        assert found <= known, (source, found - known)
        seen |= found
    assert len(seen) >= 30
    rules = {text for context, text, _ in translations.area_messages("pycarrot") if context == "Rules"}
    assert "∂{out}/∂{x} = 1 (for every element)" in rules and len(rules) >= 50


def test_lang_on_the_command_line_is_used_and_remembered(tmp_path, monkeypatch, qapp):
    monkeypatch.setattr("carrot_gui.errors.show_dialogs", False)
    picture = tmp_path / "zh.png"
    assert app.main(["--lang", "zh_CN", "--screenshot", str(picture)]) == 0
    assert picture.is_file() and settings.language() == "zh_CN"
    with pytest.raises(SystemExit):
        app.build_parser().parse_args(["--lang", "fr"])


def test_chinese_text_has_a_cjk_font_behind_the_theme_s_font(qtbot):
    from PySide6.QtGui import QTextLayout

    from carrot_gui import theme

    family = language.installed_cjk_family()
    if family is None:
        pytest.skip("this system has no Simplified Chinese font (install fonts-noto-cjk)")
    language.use_cjk_fonts()
    font = theme.qfont()
    layout = QTextLayout("梯度 gradient", font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    used = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert family in used and theme.current().font_family in used


def test_the_walker_reports_english_and_passes_chinese_numbers_and_names(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    QLabel("Hello world", box).setObjectName("english")
    QLabel("梯度 ∇x", box)
    QLabel("x = 2.0, ∂z/∂x = 4.0", box)
    QLabel("<b>PyCarrot</b> 0.3", box)
    button = QPushButton("&Build", box)
    button.setToolTip("sin(x) · w1")
    assert untranslated_texts(box) == ["QPushButton.text: '&Build'", "english.text: 'Hello world'"]
    assert not needs_translation("loss", allowed={"loss"}) and needs_translation("loss")


def test_no_english_is_left_in_the_chinese_window(qtbot, monkeypatch):
    from carrot_gui.lessons.qt import menu

    lesson_actions = []  # the actions the lessons package adds to the window's menus
    add = menu._add
    monkeypatch.setattr(
        menu, "_add", lambda *a, **k: lesson_actions.append(add(*a, **k)) or lesson_actions[-1]
    )
    window = _zh_window(qtbot)
    window.show()
    lesson_parts = [window.lessonUi.dock, *lesson_actions, getattr(window, "openRecentMenu", None)]
    skip = [] if LESSONS_CHECKED else [part for part in lesson_parts if part is not None]
    for name in ("expression", "network", "training"):
        if name in CHECKED_LABS:
            window.select_lab(name)  # builds a lazy lab
            qtbot.wait(10)
        elif name == "expression":
            skip += [window.expressionLab, window.statusHint]  # the hint in the status bar is the lab's
        elif name in window._hosts:
            skip.append(window._hosts[name])
    left = untranslated_texts(window, skip=skip)
    assert not left, "\n".join(left)
    assert i18n.language() == "zh_CN"


def test_the_dialogs_speak_chinese(qtbot, tmp_path, monkeypatch):
    """The error dialog (its title, what was being done, the log line, Qt's own OK button), the shortcuts and
    the about boxes."""
    from PySide6.QtWidgets import QMessageBox

    from carrot_gui import errors
    from carrot_gui.expression.qt import lab as lab_module

    monkeypatch.setattr(errors, "show_dialogs", True)
    monkeypatch.setenv(errors.LOG_ENV, str(tmp_path / "errors.log"))
    window = _zh_window(qtbot)
    monkeypatch.setattr(errors, "_parent", window)
    window.show()

    def broken(loaded):
        raise RuntimeError("gradcheck blew up")

    monkeypatch.setattr(lab_module, "check", broken)
    window.expressionLab.checkButton.click()
    box = window.findChild(QMessageBox, "errorDialog")
    assert box.windowTitle() == "出错了" and box.text().startswith(
        "检验梯度时发生 RuntimeError: gradcheck blew up"
    )
    assert "应用会继续运行" in box.informativeText()
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None and ok.text() != "OK"  # Qt's own translation (qtbase_zh_CN.qm)
    box.close()
    for show, name in ((window.show_shortcuts, "shortcutsDialog"), (window.show_about, "aboutDialog")):
        show()
        dialog = window.findChild(QMessageBox, name)
        assert not untranslated_texts(dialog), untranslated_texts(dialog)
        dialog.close()


ENGINE_OP_ERRORS = {  # a bad call of each op, and the start of its template
    "reshape": lambda pc, x: x.reshape(4, 4),
    "transpose": lambda pc, x: x.transpose(0, 5),
    "sum": lambda pc, x: x.sum(axis=5),
    "max": lambda pc, x: pc.Carrot(np.ones(0)).max(),
    "where": lambda pc, x: pc.where(np.ones(4) > 0, x, x),
    "concatenate": lambda pc, x: pc.concatenate([x, pc.Carrot(np.ones((3, 3)))], axis=1),
    "stack": lambda pc, x: pc.stack([]),
    "softmax": lambda pc, x: pc.Carrot(np.ones((2, 0))).softmax(axis=1),
    "argmax": lambda pc, x: x.argmax(axis=4),
    "index": lambda pc, x: x[5],
    "clamp": lambda pc, x: x.clamp(),
    "unsqueeze": lambda pc, x: x.unsqueeze(),
    "matmul": lambda pc, x: pc.Carrot(np.ones((2, 2, 3, 3))) @ pc.Carrot(np.ones((3, 3, 3))),
}


@pytest.mark.parametrize("op", sorted(ENGINE_OP_ERRORS))
def test_an_op_s_error_is_a_phrase_with_a_translated_template(op):
    """Shape and argument errors of the ops (they reach the Expression lab as the reason of a build error) keep
    their template, and the template is in the Chinese translations."""
    import pycarrot as pc
    from pycarrot.messages import Phrase

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    known = {text for context, text, _ in translations.area_messages("pycarrot") if context == "Engine"}
    x = pc.Carrot(np.ones((2, 3)), requires_grad=True)
    with pytest.raises((ValueError, TypeError, IndexError)) as info:
        ENGINE_OP_ERRORS[op](pc, x)
    message = info.value.args[0]
    assert isinstance(message, Phrase) and message.template in known, message


def test_a_shape_error_in_the_expression_lab_is_said_in_chinese(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    lab = window.expressionLab
    window.set_language("zh_CN")
    try:
        assert not lab.build_source("x = [1.0, 2.0]; z = sum(where([1, 0, 1], x, x))")
        assert "无法一起广播" in lab.errorLabel.text() and "broadcast" not in lab.errorLabel.text()
    finally:
        window.set_language("en")
    assert "cannot be broadcast together" in lab.errorLabel.text()
