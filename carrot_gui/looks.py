"""The app's looks, applied live and remembered: light or dark colours (or the system's), projector sizes and
the text size — the ``QPalette`` and style sheet of the whole app, and the View ▸ Theme and View ▸ Text size menus.

The colours themselves are Qt-free in :mod:`carrot_gui.theme`; this module turns them into Qt objects. The
Fusion style is used in both schemes: it paints every widget from the palette, so a dark palette is reliable.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QHBoxLayout, QLabel, QMenu, QWidget, QWidgetAction

from . import settings, theme
from .i18n import QT_TRANSLATE_NOOP, format_text, translate
from .kit import texts

MODES = ("light", "dark", "system")
_newest: Callable[[], Looks | None] = lambda: None  # noqa: E731 - a weak reference to the newest Looks
MIN_SCALE, MAX_SCALE = 0.6, 2.5  # the text size's range, as a factor of the normal size
STEP = 1.15  # View ▸ Larger text / Smaller text

MODE_NAMES = (
    ("light", QT_TRANSLATE_NOOP("MainWindow", "&Light")),
    ("dark", QT_TRANSLATE_NOOP("MainWindow", "&Dark")),
    ("system", QT_TRANSLATE_NOOP("MainWindow", "Follow the &system")),
)


def system_scheme() -> str:
    """``"dark"`` when the system asks for dark colours (Qt 6.5+ style hints), else ``"light"``."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def qpalette(t: theme.Theme) -> QPalette:
    """The ``QPalette`` of theme ``t``: every role every widget paints with, and dimmed disabled text."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: t.window,
        QPalette.ColorRole.WindowText: t.text,
        QPalette.ColorRole.Base: t.base,
        QPalette.ColorRole.AlternateBase: t.alternate,
        QPalette.ColorRole.ToolTipBase: t.base,
        QPalette.ColorRole.ToolTipText: t.text,
        QPalette.ColorRole.PlaceholderText: t.muted,
        QPalette.ColorRole.Text: t.text,
        QPalette.ColorRole.Button: t.button,
        QPalette.ColorRole.ButtonText: t.text,
        QPalette.ColorRole.BrightText: t.error,
        QPalette.ColorRole.Highlight: t.highlight,
        QPalette.ColorRole.HighlightedText: t.highlight_text,
        QPalette.ColorRole.Link: t.link,
        QPalette.ColorRole.LinkVisited: t.queued,
        QPalette.ColorRole.Light: theme.mix(t.button, "#ffffff", 0.25),
        QPalette.ColorRole.Midlight: theme.mix(t.button, "#ffffff", 0.12),
        QPalette.ColorRole.Mid: theme.mix(t.button, t.text, 0.25),
        QPalette.ColorRole.Dark: theme.mix(t.button, "#000000", 0.35),
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    dim = theme.mix(t.muted, t.window, 0.35)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(dim))
    return p


def apply_to_app(t: theme.Theme) -> None:
    """Paint the whole application in ``t``: Fusion style, its palette, the style sheet (tones, fonts)."""
    app = QApplication.instance()
    if app is None:
        return
    if not app.property("carrotFusion"):  # once: setting a style re-polishes every widget (~40 ms)
        app.setStyle("Fusion")
        app.setProperty("carrotFusion", True)
    palette, sheet = qpalette(t), theme.style_sheet(t)
    if app.palette() != palette:
        app.setPalette(palette)
    if app.styleSheet() != sheet:  # a new sheet re-polishes every widget: only when it changed
        app.setStyleSheet(sheet)


class Looks(QObject):
    """Which colours (``mode``: light, dark or the system's), projector sizes and the text scale the app shows;
    :meth:`apply` makes them the current theme and emits ``changed`` (the window repaints its labs)."""

    changed = Signal(object)  # the new theme.Theme

    def __init__(self, parent: QObject | None = None, remembered: bool = True) -> None:
        super().__init__(parent)
        self.mode = settings.theme() if remembered else "light"
        if self.mode not in MODES:
            self.mode = "system"
        self.projector = False
        self.scale = settings.font_scale() if remembered else 1.0
        self.scale = min(MAX_SCALE, max(MIN_SCALE, self.scale))
        self.remember = (
            remembered  # False for pictures (--screenshot): the user's settings neither used nor changed
        )
        self.modeActions: dict[str, QAction] = {}
        self.scaleSpin: QDoubleSpinBox | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self._following = True
        global _newest
        _newest = weakref.ref(self)  # one app, one window: the newest window's looks follow the system

    def scheme(self) -> str:
        """The colours shown now: ``"light"`` or ``"dark"`` (the system's when the mode is ``"system"``)."""
        return system_scheme() if self.mode == "system" else self.mode

    def theme(self) -> theme.Theme:
        return theme.make(self.scheme(), self.projector, self.scale)

    def apply(self) -> theme.Theme:
        """Make the looks the app's theme, repaint the app and tell the window (``changed``)."""
        t = theme.set_current(self.theme())
        apply_to_app(t)
        for mode, action in self.modeActions.items():
            action.setChecked(mode == self.mode)
        if self.scaleSpin is not None and abs(self.scaleSpin.value() - self.scale * 100) > 0.5:
            self.scaleSpin.blockSignals(True)
            self.scaleSpin.setValue(self.scale * 100)
            self.scaleSpin.blockSignals(False)
        self.changed.emit(t)
        return t

    def set_mode(self, mode: str, remember: bool = True) -> None:
        """Light, dark or ``"system"`` colours; remembered (unless told not to) for the next start."""
        if mode not in MODES:
            raise ValueError(f"unknown theme {mode!r}; choose one of {', '.join(MODES)}")
        self.mode = mode
        if remember and self.remember:
            settings.set_theme(mode)
        self.apply()

    def set_projector(self, on: bool) -> None:
        self.projector = bool(on)
        self.apply()

    def set_scale(self, scale: float) -> None:
        """The text size as a factor of the normal one (kept within 0.6–2.5), remembered."""
        self.scale = min(MAX_SCALE, max(MIN_SCALE, float(scale)))
        if self.remember:
            settings.set_font_scale(self.scale)
        self.apply()

    def _system_changed(self, *_args) -> None:
        if self.mode == "system" and _newest() is self:
            self.apply()

    def detach(self) -> None:
        """Stop following the system (the window closes; closing it again changes nothing)."""
        if self._following:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_changed)
            self._following = False

    # -- menus -------------------------------------------------------------------------------------------

    def build_theme_menu(self, view: QMenu) -> QMenu:
        """View ▸ Theme: Light, Dark, Follow the system (one checked)."""
        menu = QMenu(view)  # parented (PySide6 6.9 collected addMenu("")'s menu)
        view.addMenu(menu)
        menu.setObjectName("themeMenu")
        texts.bind(menu.setTitle, "MainWindow", "&Theme")
        group = QActionGroup(menu)
        for mode, text in MODE_NAMES:
            action = QAction(menu)
            action.setObjectName(f"theme{mode.capitalize()}Action")
            texts.bind(action.setText, "MainWindow", text)
            action.setCheckable(True)
            action.setChecked(mode == self.mode)
            action.triggered.connect(lambda _=False, m=mode: self.set_mode(m))
            group.addAction(action)
            menu.addAction(action)
            self.modeActions[mode] = action
        return menu

    def build_text_menu(self, view: QMenu, window: QWidget) -> QMenu:
        """View ▸ Text size: Larger, Smaller, Normal size and a spin box in per cent."""
        menu = QMenu(view)  # parented (PySide6 6.9 collected addMenu("")'s menu)
        view.addMenu(menu)
        menu.setObjectName("textSizeMenu")
        texts.bind(menu.setTitle, "MainWindow", "Te&xt size")
        entries = (
            (
                "largerTextAction",
                QT_TRANSLATE_NOOP("MainWindow", "&Larger text"),
                "Ctrl+Shift+=",
                lambda: self.set_scale(self.scale * STEP),
            ),
            (
                "smallerTextAction",
                QT_TRANSLATE_NOOP("MainWindow", "&Smaller text"),
                "Ctrl+Shift+-",
                lambda: self.set_scale(self.scale / STEP),
            ),
            (
                "normalTextAction",
                QT_TRANSLATE_NOOP("MainWindow", "&Normal size"),
                "Ctrl+Shift+0",
                lambda: self.set_scale(1.0),
            ),
        )
        for name, text, keys, slot in entries:
            action = QAction(window)
            action.setObjectName(name)
            texts.bind(action.setText, "MainWindow", text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
            window.addAction(action)  # the shortcut works while the menu is closed
        menu.addAction(self._scale_widget(menu))
        return menu

    def _scale_widget(self, menu: QMenu) -> QWidgetAction:
        box = QWidget(menu)
        row = QHBoxLayout(box)
        row.setContentsMargins(24, 2, 8, 2)
        label = QLabel()
        texts.bind(label.setText, "MainWindow", "Size:")
        spin = QDoubleSpinBox()
        spin.setObjectName("textScaleSpin")
        spin.setRange(MIN_SCALE * 100, MAX_SCALE * 100)
        spin.setDecimals(0)
        spin.setSingleStep(5)
        spin.setSuffix(" %")
        spin.setValue(self.scale * 100)
        texts.bind(spin.setToolTip, "MainWindow", "The text size as a share of the normal size")
        spin.valueChanged.connect(lambda v: self.set_scale(v / 100.0))
        row.addWidget(label)
        row.addWidget(spin)
        self.scaleSpin = spin
        action = QWidgetAction(menu)
        action.setDefaultWidget(box)
        return action

    def status_text(self) -> str:
        """The status bar's note after a change: which colours, sizes and text size."""
        t = theme.current()
        return format_text(
            "MainWindow",
            "Theme: {name}, text {size} pt",
            name=translate("Themes", t.name),
            size=f"{t.font_size:.0f}",
        )
