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


@pytest.fixture
def quiet_errors(monkeypatch):
    """Error dialogs kept off screen, and the test fails if any slot reported an exception."""
    monkeypatch.setattr(errors, "show_dialogs", False)
    monkeypatch.setattr(errors, "last_error", None)
    yield
    assert errors.last_error is None, f"a slot reported {errors.last_error!r}"
