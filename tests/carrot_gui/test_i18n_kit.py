"""The translation hook, bound texts that follow a language switch, and the remembered settings."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from carrot_gui import i18n, settings
from carrot_gui.kit import texts


@pytest.fixture
def shouting():
    """A 'language' that shouts the context's words; English again afterwards."""
    i18n.install(lambda context, text, n=-1: text.replace("Hello", "HALLO"), "xx")
    yield
    i18n.install(None)


def test_translate_is_english_without_a_hook():
    assert i18n.translate("Ctx", "Hello") == "Hello"
    assert i18n.QT_TRANSLATE_NOOP("Ctx", "Hello") == "Hello"


def test_bound_texts_follow_a_language_switch_and_back(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    label, button = QLabel(w), QPushButton(w)
    texts.bind(label.setText, "Ctx", "Hello {name}", name="Ada")
    texts.bind(button.setToolTip, "Ctx", "Hello tip")
    assert label.text() == "Hello Ada"
    i18n.install(lambda c, t, n=-1: t.replace("Hello", "HALLO"), "xx")
    try:
        assert (label.text(), button.toolTip()) == ("HALLO Ada", "HALLO tip")
    finally:
        i18n.install(None)
    assert (label.text(), button.toolTip()) == ("Hello Ada", "Hello tip")


def test_a_translation_with_wrong_placeholders_falls_back_to_english(qtbot, shouting):
    i18n.install(lambda c, t, n=-1: "Hallo {nmae}", "xx")
    label = QLabel()
    qtbot.addWidget(label)
    texts.bind(label.setText, "Ctx", "Hello {name}", name="Ada")
    assert label.text() == "Hello Ada"


def test_bindings_of_deleted_widgets_are_dropped(qtbot):
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # earlier tests' windows go first
    gc.collect()
    w = QWidget()
    label = QLabel(w)
    texts.bind(label.setText, "Ctx", "Hello")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # earlier tests' windows (their
    gc.collect()  # bound actions) go first: only this label is counted
    before = len(texts._bindings)
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del w, label
    gc.collect()
    assert len(texts._bindings) == before - 1
    texts.retranslate_all()  # nothing raises


def test_unbound_setter_keeps_its_own_text(qtbot, shouting):
    label = QLabel()
    qtbot.addWidget(label)
    texts.bind(label.setText, "Ctx", "Hello")
    texts.unbind(label.setText)
    label.setText("step 3 of 9")
    texts.retranslate_all()
    assert label.text() == "step 3 of 9"


def test_settings_live_in_the_test_s_own_file(tmp_path):
    assert settings.language() == "" and settings.theme() == "system" and settings.font_scale() == 1.0
    settings.set_language("zh_CN")
    settings.set_theme("dark")
    settings.set_font_scale(1.5)
    assert (settings.language(), settings.theme(), settings.font_scale()) == ("zh_CN", "dark", 1.5)
    assert (tmp_path / "carrot-gui-settings.ini").is_file()


def test_recent_files_newest_first_once_and_only_existing(tmp_path):
    a, b = tmp_path / "a.carrot", tmp_path / "b.carrot"
    a.write_text("x")
    b.write_text("y")
    settings.add_recent_file(a)
    settings.add_recent_file(b)
    settings.add_recent_file(a)
    assert settings.recent_files() == [str(a.resolve()), str(b.resolve())]
    b.unlink()
    assert settings.recent_files() == [str(a.resolve())]
    for i in range(settings.MAX_RECENT + 3):
        p = tmp_path / f"{i}.carrot"
        p.write_text("z")
        settings.add_recent_file(p)
    assert len(settings.recent_files()) == settings.MAX_RECENT


def test_a_nonsense_font_scale_in_the_file_reads_as_normal():
    settings.store().setValue("font_scale", "huge")
    assert settings.font_scale() == 1.0
    settings.store().setValue("font_scale", 100)
    assert settings.font_scale() == 1.0
