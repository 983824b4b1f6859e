"""Simplified Chinese for the Network and Training labs and lessons: the translation file is complete, and
switching language changes refusals, captions and status lines, then back to English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from carrot_gui import i18n
from carrot_gui.lessons import LessonError, open_lesson
from carrot_gui.network.spec import Layer, NetworkSpec, SpecError
from carrot_gui.training.session import TrainConfig

TS = Path(__file__).parents[2] / "resources" / "translations" / "pycarrot_labs_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def chinese(qapp):
    """The labs' Chinese translation installed as the app will (Qt's translator as the hook); English after."""
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    QCoreApplication.installTranslator(translator)
    i18n.install(lambda context, text, n=-1: QCoreApplication.translate(context, text, None, n), "zh_CN")
    yield
    QCoreApplication.removeTranslator(translator)
    i18n.install(None)


def test_every_message_is_translated_and_keeps_its_placeholders():
    messages = ET.parse(TS).getroot().iter("message")
    count = 0
    for m in messages:
        source, translation = m.findtext("source"), m.find("translation")
        assert translation.get("type") is None, f"unfinished: {source!r}"
        assert translation.text, f"empty: {source!r}"
        assert set(PLACEHOLDER.findall(translation.text)) == set(PLACEHOLDER.findall(source)), source
        count += 1
    assert count > 600  # the .qm's agreement with the .ts: tools/translations.py --check (test_languages)


def test_a_corrupt_lesson_is_refused_in_chinese_then_english(tmp_path, chinese):
    bad = tmp_path / "bad.carrot"
    bad.write_bytes(b"this is no zip file")
    with pytest.raises(LessonError) as refused:
        open_lesson(bad)
    assert "无法打开" in str(refused.value) and "不是 PyCarrot 课件" in str(refused.value)
    i18n.install(None)
    with pytest.raises(LessonError, match="cannot open .*not a PyCarrot lesson"):
        open_lesson(bad)


def test_an_impossible_layer_width_is_refused_with_its_reason_in_chinese(chinese):
    with pytest.raises(SpecError) as refused:
        NetworkSpec(hidden=(Layer(99, "tanh"),)).validate()
    assert refused.value.reason == "第 1 层需要 1 到 32 个神经元，实际为 99"
    i18n.install(None)
    with pytest.raises(SpecError, match="layer 1 needs 1 to 32 neurons, got 99"):
        NetworkSpec(hidden=(Layer(99, "tanh"),)).validate()


def test_network_description_and_status_follow_the_language(chinese):
    spec = NetworkSpec()
    assert spec.describe() == "2-4-2-1 Tanh · 带 logits 的 BCE · SGD 0.03"
    with pytest.raises(ValueError, match="学习率必须是正数"):
        TrainConfig(learning_rate=-1.0).validated()
    i18n.install(None)
    assert spec.describe() == "2-4-2-1 Tanh · BCE with logits · SGD 0.03"


def test_training_lab_speaks_chinese_after_a_switch_and_english_again(qtbot, chinese):
    from carrot_gui.training.qt.lab import TrainingLab

    i18n.install(None)
    lab = TrainingLab()
    qtbot.addWidget(lab)
    lab.step_once()
    assert (lab.newWeightsButton.text(), lab.modelPanel.title()) == ("New weights", "2 · Model and optimiser")
    assert lab.trainingStatusLabel.text() == "Stepped to step 1."
    i18n.install(lambda context, text, n=-1: QCoreApplication.translate(context, text, None, n), "zh_CN")
    assert (lab.newWeightsButton.text(), lab.modelPanel.title()) == ("新权重", "2 · 模型与优化器")
    assert lab.trainingStatusLabel.text() == "已单步到第 1 步。"
    assert lab.unitCombo.currentText() == "步" and lab.unitCombo.currentData() == "steps"
    lab.trueSlopesEdit.setText("2, x")
    assert not lab.dataPanel.generate_data()
    assert "不是数" in lab.dataMessageLabel.text()
    i18n.install(None)
    assert lab.trainingStatusLabel.text() == "Stepped to step 1."
    assert lab.newWeightsButton.text() == "New weights" and lab.unitCombo.currentText() == "steps"


def test_network_lab_refuses_an_impossible_width_in_chinese_then_english(qtbot, chinese):
    from carrot_gui.network.qt.lab import NetworkLab

    i18n.install(None)
    lab = NetworkLab()
    qtbot.addWidget(lab)
    assert lab.buildPanel.addLayerButton.text() == "+ Layer"
    i18n.install(lambda context, text, n=-1: QCoreApplication.translate(context, text, None, n), "zh_CN")
    assert lab.buildPanel.addLayerButton.text() == "+ 层"
    assert lab.viewTabs.tabText(0) == "网络与数据"
    assert (
        lab.buildPanel.lossCombo.currentText() == "带 logits 的 BCE"
        and lab.buildPanel.lossCombo.currentData() == "bce_logits"
    )
    lab.buildPanel.layerTable.item(0, 0).setText("99")
    assert lab.buildPanel.buildMessageLabel.text() == "第 1 层需要 1 到 32 个神经元，实际为 99"
    lab.step_once()
    assert lab.statusLabel.text().startswith("第 1 步（第 ")
    i18n.install(None)
    assert lab.buildPanel.addLayerButton.text() == "+ Layer" and lab.viewTabs.tabText(0) == "Network and data"
    assert lab.statusLabel.text().startswith("Step 1 (epoch ")
    lab.buildPanel.layerTable.item(0, 0).setText("0")
    assert lab.buildPanel.buildMessageLabel.text() == "layer 1 needs 1 to 32 neurons, got 0"


def test_no_english_is_left_in_the_chinese_labs_and_lesson_ui(qtbot):
    """The Network and Training labs (after some training and a backward step), the digits view, the scene
    dock and the lesson actions, walked widget by widget in a window that starts in Chinese."""
    from i18n_walk import needs_translation, untranslated_texts

    from carrot_gui import MainWindow, settings
    from carrot_gui.network.presets import preset

    settings.set_language("zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.select_lab("training")
    window.trainingLab.step_once()
    window.select_lab("network")
    lab = window.networkLab
    lab.step_once()
    lab.backward_step()
    left = untranslated_texts(window.trainingLab) + untranslated_texts(lab)
    lab.buildPanel.apply_preset(preset("Digits"))
    lab.step_once()
    lab.viewTabs.setCurrentIndex(1)
    window.lessonUi.open_example()  # fills the scene dock (its scenes' titles and notes are the lesson's words)
    left += untranslated_texts(lab.digitsView) + untranslated_texts(
        window.lessonUi.dock, skip=[window.lessonUi.dock.sceneList, window.lessonUi.dock.sceneNote]
    )
    actions = [
        window.saveLessonAction,
        window.openLessonAction,
        window.exportHandoutAction,
        window.exampleLessonAction,
    ]
    left += [a.objectName() for a in actions if needs_translation(a.text()) or needs_translation(a.toolTip())]
    assert not left, "\n".join(left)
    assert window.lessonUi.dock.windowTitle().startswith("课件：")
