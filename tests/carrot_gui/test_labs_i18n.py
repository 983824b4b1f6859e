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
    assert count > 200
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1, "the .qm is older than the .ts: run lrelease"


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
