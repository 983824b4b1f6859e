"""Fixtures for the app's tests: the whole window as users see it, with error dialogs kept off screen."""

import pytest

from carrot_gui import MainWindow, errors


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(errors, "show_dialogs", False)
    monkeypatch.setattr(errors, "last_error", None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
