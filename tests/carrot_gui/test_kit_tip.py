"""kit.widgets' one-call widget helpers (tip with a text, combo filling, tickable lists) and the translation
extractor that finds the literal texts written in those calls."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QGroupBox, QListWidget, QPushButton

from carrot_gui import i18n
from carrot_gui.kit.widgets import check_item, checked_texts, set_items, tip

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shouting():
    """A 'language' that shouts: every translated text in capitals; English again afterwards."""
    i18n.install(lambda context, text, n=-1: text.upper(), "xx")
    yield
    i18n.install(None)


def test_tip_names_the_widget_and_sets_its_tooltip_and_text_in_one_call(qtbot):
    button = tip(QPushButton(), "goButton", "Start the run.", "Ctx", text="Go")
    qtbot.addWidget(button)
    assert (button.objectName(), button.toolTip(), button.text()) == ("goButton", "Start the run.", "Go")


def test_a_group_box_gets_its_title_and_an_empty_tooltip_is_none(qtbot):
    box = tip(QGroupBox(), "dataBox", "", "Ctx", text="1 · Data")
    qtbot.addWidget(box)
    assert (box.title(), box.toolTip()) == ("1 · Data", "")


def test_tip_texts_follow_a_language_switch_and_come_back(qtbot):
    button = tip(QPushButton(), "goButton", "Start the run.", "Ctx", text="Go")
    box = tip(QGroupBox(), "dataBox", "", "Ctx", text="Data")
    qtbot.addWidget(button)
    qtbot.addWidget(box)
    i18n.install(lambda context, text, n=-1: text.upper(), "xx")
    try:
        assert (button.text(), button.toolTip(), box.title(), box.toolTip()) == (
            "GO",
            "START THE RUN.",
            "DATA",
            "",
        )
    finally:
        i18n.install(None)
    assert (button.text(), button.toolTip(), box.title()) == ("Go", "Start the run.", "Data")


def test_without_a_context_the_texts_are_shown_as_given(qtbot, shouting):
    button = tip(QPushButton(), "plainButton", "As written.", text="Plain")
    qtbot.addWidget(button)
    assert (button.text(), button.toolTip()) == ("Plain", "As written.")


def test_set_items_fills_and_selects_without_emitting(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    seen = []
    combo.currentIndexChanged.connect(seen.append)
    set_items(combo, ["a", "b", "c"], 2)
    assert [combo.itemText(i) for i in range(combo.count())] == ["a", "b", "c"]
    assert combo.currentIndex() == 2 and seen == []
    set_items(combo, ["x"], 0)  # refilled: the old items are gone
    assert combo.count() == 1 and combo.currentText() == "x" and seen == []


def test_checked_texts_reads_the_ticked_items_in_order(qtbot):
    items = QListWidget()
    qtbot.addWidget(items)
    for text, ticked in (("x1", True), ("x2", False), ("x3", True)):
        items.addItem(check_item(text, ticked))
    assert checked_texts(items) == ["x1", "x3"]
    items.item(1).setCheckState(items.item(0).checkState())  # the user ticks x2
    assert checked_texts(items) == ["x1", "x2", "x3"]


def _extracted(tmp_path, code: str) -> set[tuple[str, str]]:
    """The (context, text) messages tools/translations.py finds in a module holding ``code``."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import translations
    finally:
        sys.path.remove(str(ROOT / "tools"))
    source = tmp_path / "panel.py"
    source.write_text(code, encoding="utf-8")
    return {(context, text) for context, text, _plural in translations.messages_in(source)}


def test_the_extractor_reads_the_tooltip_and_the_text_of_a_tip_call(tmp_path):
    found = _extracted(
        tmp_path,
        'TR = "Panel"\n'
        'a = tip(QPushButton(), "goButton", "Start the run.", TR, text="Go")\n'
        'b = tip(QGroupBox(), "box", "", TR, text="Data")\n'
        'c = tip(QLabel(), "label", "Only a tooltip.", context=TR)\n',
    )
    assert found == {
        ("Panel", "Start the run."),
        ("Panel", "Go"),
        ("Panel", "Data"),
        ("Panel", "Only a tooltip."),
    }


def test_the_extractor_reads_a_form_label_of_tip_and_of_the_spin_box_helpers(tmp_path):
    found = _extracted(
        tmp_path,
        'TR = "Panel"\n'
        'a = tip(QSpinBox(), "samplesSpin", "How many.", TR, label="Samples")\n'
        'b = seed_spin("seedSpin", "The seed.", TR, label="Seed")\n'
        'c = weight_decay_spin("decaySpin", "L2.", 1.0, TR, label="Weight decay")\n',
    )
    assert found == {
        ("Panel", t) for t in ("How many.", "Samples", "The seed.", "Seed", "L2.", "Weight decay")
    }
