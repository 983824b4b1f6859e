"""Presenter mode (View ▸ Presenter mode, F5; Esc leaves), shared by the three labs: the window full screen,
menus, status bar and the lab's side panels away, the projector's large sizes, the current step as a large
caption under the graph, and the keys a presentation clicker sends driving the lab.

A lab takes part by offering a small protocol (nothing here knows a lab):

- ``presenterCaption``: a label made by :func:`caption_label`, placed under its graph, hidden until presenting;
- ``presenter_panels()``: the :class:`Fold` of each panel presenter mode hides (each one's state is recorded
  on entering and put back exactly on leaving);
- ``presenter_caption()``: the sentence for the caption now;
- ``presenter_next()``, ``presenter_previous()``, ``presenter_play()``: what the clicker's keys do;
- ``set_presenting(on)``: anything else the lab does (fit the graph, hold its own automatic folding).

:class:`Presentable` gives the protocol's usual defaults, so a lab writes only what differs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QSizePolicy, QWidget

from .. import theme
from ..i18n import QT_TRANSLATE_NOOP, translate

CAPTION_SCALE = 1.8  # the caption's text: this many times the theme's body text (projector: 25 pt)
CAPTION_POLL_MS = 150  # the caption follows the lab (playing, training) this often
# the keys (what clickers send: PageDown / PageUp, some → / ←, "B" or "." for a black screen; PowerPoint's)
NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
PLAY_KEYS = {Qt.Key.Key_Space}
BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
LEAVE_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F5}
# keys a text field needs while it has the focus (predict mode's guess: "-0.5", Enter reveals); a clicker's
# PageDown/PageUp, Space and B keep their presenter meaning there too
TYPING_KEYS = {
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Period,
}
KEYS_HELP = [  # for F1's table: (keys, what they do)
    (QT_TRANSLATE_NOOP("MainWindow", "F5 / Esc"), QT_TRANSLATE_NOOP("MainWindow", "Presenter mode on / off")),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Presenter: PageDown / → / Enter"),
        QT_TRANSLATE_NOOP(
            "MainWindow", "Next step (Network lab: one layer on in the backward pass; Training: one step)"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Presenter: PageUp / ← / Backspace"),
        QT_TRANSLATE_NOOP("MainWindow", "Previous step (Training: pause)"),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Presenter: Space"),
        QT_TRANSLATE_NOOP("MainWindow", "Expression and Network labs: next step; Training: train / pause"),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Presenter: B / ."),
        QT_TRANSLATE_NOOP("MainWindow", "Black screen on / off (as in PowerPoint)"),
    ),
]


@dataclass(frozen=True)
class Fold:
    """One panel presenter mode hides: whether it shows now, and how to show or hide it."""

    shown: Callable[[], bool]
    show: Callable[[bool], None]


class Presentable:
    """The presenter protocol with its usual defaults, for a lab to inherit after its Qt class
    (``class Lab(QWidget, presenter.Presentable)``) and override what differs: it must give ``presenterCaption``,
    :meth:`presenter_next` and :meth:`presenter_previous`."""

    def presenter_panels(self) -> list[Fold]:
        """The panels presenter mode hides: none."""
        return []

    def presenter_caption(self) -> str:
        """The caption's sentence now: none."""
        return ""

    def presenter_next(self) -> None:
        """PageDown / → / Enter: the lab's next step."""
        raise NotImplementedError

    def presenter_previous(self) -> None:
        """PageUp / ← / Backspace: the lab's step back."""
        raise NotImplementedError

    def presenter_play(self) -> None:
        """Space on a clicker means "next", as in a slide show."""
        self.presenter_next()

    def set_presenting(self, on: bool) -> None:
        """Presenting starts (``on``) or ends: nothing more to do."""


def widget_fold(widget: QWidget) -> Fold:
    """A plain widget as a :class:`Fold` (shown unless hidden)."""
    return Fold(lambda: not widget.isHidden(), widget.setVisible)


def caption_label() -> QLabel:
    """The lab's ``presenterCaption``: large, centred, wrapped, hidden until presenter mode shows it."""
    label = QLabel()
    label.setObjectName("presenterCaption")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
    label.setVisible(False)
    return label


@dataclass
class _Saved:
    """What presenter mode changed, to put back on leaving."""

    lab: QWidget
    folds: list[tuple[Fold, bool]]
    geometry: object
    maximized: bool
    full_screen: bool
    menu_bar: bool
    status_bar: bool
    projector: bool


class Presenter(QObject):
    """Presenter mode for a main window with ``current_lab_widget()``, ``set_projector(on)``,
    ``projectorAction`` and ``presenterAction``. The keys are caught before any shortcut (an application event
    filter, installed only while presenting), so a lab's own Space or → never fires twice."""

    def __init__(self, window: QMainWindow, current_lab: Callable[[], QWidget | None]) -> None:
        super().__init__(window)
        self.window = window
        self._current_lab = current_lab
        self._saved: _Saved | None = None
        self.blank = QWidget(window)  # the black screen (B)
        self.blank.setObjectName("presenterBlank")
        self.blank.setStyleSheet("background: black;")
        self.blank.setAutoFillBackground(True)
        self.blank.setVisible(False)
        self._timer = QTimer(self)
        self._timer.setInterval(CAPTION_POLL_MS)
        self._timer.timeout.connect(self.update_caption)

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_active(self, on: bool) -> None:
        if on and not self.active:
            self.enter()
        elif not on and self.active:
            self.leave()

    def enter(self) -> None:
        lab = self._current_lab()
        if lab is None or not hasattr(lab, "presenter_panels"):
            self._sync_action(False)
            return
        w = self.window
        self._saved = _Saved(
            lab,
            [],
            w.normalGeometry() if w.isMaximized() else w.geometry(),
            w.isMaximized(),
            w.isFullScreen(),
            not w.menuBar().isHidden(),
            not w.statusBar().isHidden(),
            w.projectorAction.isChecked(),
        )
        self._attach(lab)
        w.menuBar().setVisible(False)
        w.statusBar().setVisible(False)
        if not self._saved.projector:
            w.set_projector(True)
        self._style_caption(lab)
        w.showFullScreen()
        QApplication.instance().installEventFilter(self)
        self._timer.start()
        self.update_caption()
        self._sync_action(True)

    def _attach(self, lab: QWidget) -> None:
        """Record the lab's panels, hide them, show its caption."""
        assert self._saved is not None
        self._saved.lab = lab
        self._saved.folds = [(f, f.shown()) for f in lab.presenter_panels()]
        lab.presenterCaption.setVisible(True)  # before anything resizes: the lab knows it is presenting
        lab.set_presenting(True)
        for fold, _ in self._saved.folds:
            fold.show(False)

    def _detach(self) -> None:
        """Put the lab's panels back exactly as they were; hide its caption."""
        assert self._saved is not None
        for fold, shown in self._saved.folds:
            fold.show(shown)
        self._saved.lab.set_presenting(False)
        self._saved.lab.presenterCaption.setVisible(False)

    def follow_tab(self) -> None:
        """Another lab was shown while presenting: the old one gets its panels back, the new one presents."""
        lab = self._current_lab()
        if self._saved is None or lab is self._saved.lab:
            return
        self._detach()
        if lab is None or not hasattr(lab, "presenter_panels"):
            self.leave()
            return
        self._attach(lab)
        self._style_caption(lab)
        self.update_caption()

    def leave(self) -> None:
        if self._saved is None:
            return
        QApplication.instance().removeEventFilter(self)
        self._timer.stop()
        self.blank.setVisible(False)
        saved, w = self._saved, self.window
        if not saved.full_screen:
            w.showNormal()
            w.setGeometry(saved.geometry)  # (restoreGeometry would shrink it to a smaller screen's size)
            if saved.maximized:
                w.showMaximized()
        if not saved.projector:
            w.set_projector(False)
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        self._detach()
        self._saved = None
        self._sync_action(False)

    def _sync_action(self, on: bool) -> None:
        action = self.window.presenterAction
        if action.isChecked() != on:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def _style_caption(self, lab: QWidget) -> None:
        t = theme.current()
        lab.presenterCaption.setFont(theme.qfont(t.font_size * CAPTION_SCALE))

    def update_caption(self) -> None:
        """Show the lab's sentence for now (called on a timer, and at once after each key)."""
        if self._saved is None:
            return
        lab = self._saved.lab
        text = lab.presenter_caption()
        if lab.presenterCaption.text() != text:
            lab.presenterCaption.setText(text)

    # -- keys ------------------------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or self._saved is None:
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Q, Ctrl+PageDown… keep their meaning
        key = event.key()
        if key not in NEXT_KEYS | PREVIOUS_KEYS | PLAY_KEYS | BLANK_KEYS | LEAVE_KEYS:
            return False
        if key in TYPING_KEYS and isinstance(QApplication.focusWidget(), QLineEdit):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut takes it: it comes back as a key press, to us
            return True
        if event.isAutoRepeat() and key in BLANK_KEYS | LEAVE_KEYS:
            return True
        self.press(key)
        return True

    def press(self, key: int) -> None:
        """What a key does while presenting (a black screen lifts on any key, as in PowerPoint)."""
        lab = self._saved.lab if self._saved is not None else None
        if lab is None:
            return
        if key in LEAVE_KEYS:
            self.leave()
            return
        if key in BLANK_KEYS or self.blank.isVisible():
            self.set_blank(not self.blank.isVisible())
            return
        if key in NEXT_KEYS:
            lab.presenter_next()
        elif key in PREVIOUS_KEYS:
            lab.presenter_previous()
        elif key in PLAY_KEYS:
            lab.presenter_play()
        self.update_caption()

    def set_blank(self, on: bool) -> None:
        """The black screen over the whole window (B), or the lab again."""
        if on:
            self.blank.setGeometry(self.window.rect())
            self.blank.raise_()
        self.blank.setVisible(on)
        self.blank.setToolTip(translate("MainWindow", "Black screen: press B to come back") if on else "")
