"""kit.widgets: a form row labelled by ``tip(..., label=)`` and made by ``add_rows``."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from carrot_gui import i18n
from carrot_gui.kit.widgets import add_rows, seed_spin, tip


@pytest.fixture
def shouting():
    """A 'language' that shouts the word Samples; English again afterwards."""
    yield lambda: i18n.install(lambda context, text, n=-1: text.replace("Samples", "SAMPLES"), "xx")
    i18n.install(None)


def _page(qtbot, rows, context="Ctx") -> QWidget:
    """A widget whose form layout holds ``rows`` (keep the widget: the layout lives as long as it)."""
    page = QWidget()
    qtbot.addWidget(page)
    add_rows(QFormLayout(page), rows, context)
    return page


def _label(form: QFormLayout, row: int) -> QLabel:
    return form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()


def test_a_labelled_widget_gets_its_label_buddy_and_accessible_name(qtbot, shouting):
    spin = tip(QSpinBox(), "samplesSpin", "How many", "Ctx", label="Samples")
    page = _page(qtbot, [spin])
    form = page.layout()
    label = _label(form, 0)
    assert form.itemAt(0, QFormLayout.ItemRole.FieldRole).widget() is spin
    assert (label.text(), label.buddy(), spin.accessibleName()) == ("Samples", spin, "Samples")
    shouting()  # a language switch: the label and the accessible name follow it
    assert (label.text(), spin.accessibleName()) == ("SAMPLES", "SAMPLES")
    i18n.install(None)
    assert (label.text(), spin.accessibleName()) == ("Samples", "Samples")


def test_rows_keep_their_order_tuples_and_spanning_widgets_still_work(qtbot):
    seed = seed_spin("seedSpin", "Seed", "Ctx", label="Seed")
    loose = tip(QSpinBox(), "looseSpin", "no label", "Ctx")
    button = tip(QPushButton(), "goButton", "Go", "Ctx", text="Go")
    page = _page(qtbot, [("Noise", loose), seed, button])
    form = page.layout()
    assert form.rowCount() == 3
    assert (_label(form, 0).text(), _label(form, 0).buddy()) == ("Noise", loose)
    assert (_label(form, 1).text(), seed.accessibleName()) == ("Seed", "Seed")
    assert form.itemAt(2, QFormLayout.ItemRole.SpanningRole).widget() is button
    assert loose.accessibleName() == ""  # a widget given no label says nothing new


def test_a_label_without_a_context_is_shown_as_written(qtbot, shouting):
    spin = tip(QSpinBox(), "plainSpin", "", label="Samples")
    page = _page(qtbot, [spin], context=None)
    shouting()
    assert _label(page.layout(), 0).text() == "Samples"
