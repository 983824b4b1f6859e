"""Fixtures for the app's tests: the whole window as users see it, with error dialogs kept off screen."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from carrot_gui import MainWindow, errors, i18n
from carrot_gui.kit import language


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """Every test starts in English whatever the machine's locale (the existing tests read English texts), and a
    test that switched the language leaves English behind."""
    monkeypatch.setattr(language, "system_language", lambda: language.ENGLISH)
    # the widgets of earlier tests are closed and deleteLater()'d: delete them now, so their bound texts are
    # forgotten and no language switch of this test re-sets them
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield
    if i18n.language() != language.ENGLISH:
        language.apply(language.ENGLISH)


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


@pytest.fixture
def stepped_network_lab(qtbot, shown, quiet_errors):
    """The Network tab on its XOR preset at 1280×800, after three clicks of Step (gradients to look at)."""
    from PySide6.QtCore import Qt

    from carrot_gui.network.qt.lab import NetworkLab

    w = shown(NetworkLab(), (1280, 800))
    for _ in range(3):
        qtbot.mouseClick(w.runControls.step_button, Qt.MouseButton.LeftButton)
    return w


@pytest.fixture
def shown(qtbot):
    """``shown(widget, size=(w, h), record="signal_name")``: the widget added to qtbot, resized, shown and
    exposed as a user sees it; with ``record``, what that signal emits is collected in ``widget.emitted``."""

    def show(widget, size=None, record=None):
        qtbot.addWidget(widget)
        if size is not None:
            widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        if record is not None:
            widget.emitted = []
            getattr(widget, record).connect(widget.emitted.append)
        return widget

    return show
