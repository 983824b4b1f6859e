"""Looks: light and dark themes (and the system's), live switching, contrast measured from the palette, the
remembered theme, text size and window geometry, and ``--theme`` on the command line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication

from carrot_gui import app as carrot_app
from carrot_gui import looks, settings, theme
from carrot_gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _light_afterwards():
    """The theme is the app's (one QApplication for all tests): leave it light for the next test."""
    yield
    theme.set_current(theme.LIGHT)
    looks.apply_to_app(theme.LIGHT)


def make_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.lessonUi.ask = False
    return window


def action(window: MainWindow, name: str):
    from PySide6.QtGui import QAction

    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def mean_luminance(image: QImage, x: int, y: int, w: int, h: int) -> float:
    """The mean WCAG luminance of a rectangle of ``image`` (0 black … 1 white)."""
    total = 0.0
    for yy in range(y, y + h, 4):
        for xx in range(x, x + w, 4):
            total += theme.relative_luminance(image.pixelColor(xx, yy).name())
    return total / (len(range(y, y + h, 4)) * len(range(x, x + w, 4)))


BODY_TEXT = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
)


@pytest.mark.parametrize("projector", [False, True])
def test_dark_theme_has_readable_body_text_measured_from_the_palette(qtbot, projector):
    window = make_window(qtbot)
    action(window, "themeDarkAction").trigger()
    window.set_projector(projector)
    palette = QApplication.instance().palette()
    assert theme.relative_luminance(palette.color(QPalette.ColorRole.Window).name()) < 0.05  # really dark
    for fg, bg in BODY_TEXT:
        ratio = theme.contrast_ratio(palette.color(fg).name(), palette.color(bg).name())
        assert ratio >= 4.5, (fg, bg, ratio)
    t = theme.current()
    assert t.dark and t.projector == projector
    for colour in (t.value, t.gradient, t.text, t.muted, t.ok, t.error):  # what the canvas and plots draw
        assert theme.contrast_ratio(colour, t.background) >= 3.0, colour
        assert theme.contrast_ratio(colour, t.panel) >= 3.0, colour


def test_the_light_themes_body_text_is_readable_too():
    for t in (theme.LIGHT, theme.PROJECTOR):
        p = looks.qpalette(t)
        for fg, bg in BODY_TEXT:
            assert theme.contrast_ratio(p.color(fg).name(), p.color(bg).name()) >= 4.5, (t.name, fg, bg)
        assert theme.contrast_ratio(t.value, t.background) >= 3.0
        assert theme.contrast_ratio(t.gradient, t.background) >= 3.0


def test_switching_the_theme_repaints_every_lab_live(qtbot):
    window = make_window(qtbot)
    window.show()
    net = window.networkLab  # built in the light theme
    graph = window.expressionLab.graphView
    assert graph.backgroundBrush().color().name() == theme.LIGHT.background
    light_canvas = mean_luminance(graph.grab().toImage(), 10, 10, 60, 60)
    action(window, "themeDarkAction").trigger()
    assert graph.backgroundBrush().color().name() == theme.DARK.background
    assert net.lossPlot.backgroundBrush().color().name() == theme.DARK.panel  # a pyqtgraph plot
    assert net.lossPlot.getAxis("left").textPen().color().name() == theme.DARK.text
    assert net.neuronView.backgroundBrush().color().name() == theme.DARK.panel
    dark_canvas = mean_luminance(graph.grab().toImage(), 10, 10, 60, 60)
    assert light_canvas > 0.8 and dark_canvas < 0.05, (light_canvas, dark_canvas)
    training = window.trainingLab  # built after the switch: starts dark
    assert training.plotsPanel.lossPlot.backgroundBrush().color().name() == theme.DARK.panel
    action(window, "themeLightAction").trigger()
    assert graph.backgroundBrush().color().name() == theme.LIGHT.background
    assert training.plotsPanel.lossPlot.backgroundBrush().color().name() == theme.LIGHT.panel
    assert net.lossPlot.getAxis("left").textPen().color().name() == theme.LIGHT.text


def test_curve_and_class_colours_follow_the_theme(qtbot):
    window = make_window(qtbot)
    net = window.networkLab
    train = net.lossPlot.curves["train"]
    assert train.opts["pen"].color().name() == theme.LIGHT.series[0]
    action(window, "themeDarkAction").trigger()
    assert train.opts["pen"].color().name() == theme.DARK.series[0]
    assert theme.DARK.series[0] in net.lossPlot.legendLabel.text()
    from carrot_gui.network import look

    assert look.class_colours(2) == list(theme.DARK.classes[:2])


def test_the_theme_is_remembered_and_the_menu_shows_it(qtbot):
    window = make_window(qtbot)
    assert action(window, "themeSystemAction").isChecked()  # the default: follow the system
    action(window, "themeDarkAction").trigger()
    assert settings.theme() == "dark"
    again = make_window(qtbot)
    assert theme.current().dark
    assert action(again, "themeDarkAction").isChecked() and not action(again, "themeLightAction").isChecked()


def test_follow_the_system_switches_when_the_system_does(qtbot, monkeypatch):
    window = make_window(qtbot)
    action(window, "themeSystemAction").trigger()
    assert not theme.current().dark  # the offscreen platform has no colour scheme: light
    monkeypatch.setattr(looks, "system_scheme", lambda: "dark")
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current().dark
    assert window.expressionLab.graphView.backgroundBrush().color().name() == theme.DARK.background
    action(window, "themeLightAction").trigger()  # a chosen theme no longer follows
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not theme.current().dark


def test_text_size_is_remembered_applied_at_start_and_reset(qtbot):
    window = make_window(qtbot)
    action(window, "largerTextAction").trigger()
    assert settings.font_scale() == pytest.approx(1.15)
    assert theme.current().font_size == pytest.approx(11.5)
    again = make_window(qtbot)
    assert theme.current().font_size == pytest.approx(11.5)
    spin = again.findChild(looks.QDoubleSpinBox, "textScaleSpin")
    assert spin.value() == pytest.approx(115)
    spin.setValue(150)
    assert theme.current().font_size == pytest.approx(15.0) and settings.font_scale() == pytest.approx(1.5)
    action(again, "normalTextAction").trigger()
    assert theme.current().font_size == pytest.approx(10.0) and settings.font_scale() == 1.0
    assert spin.value() == pytest.approx(100)
    for _ in range(5):  # never past the range (1 / 1.15**4 is already below it)
        action(again, "smallerTextAction").trigger()
    assert settings.font_scale() == pytest.approx(looks.MIN_SCALE)


def test_projector_sizes_work_in_both_colour_schemes(qtbot):
    window = make_window(qtbot)
    window.set_projector(True)
    assert theme.current().name == "projector" and theme.current().font_size == 14
    action(window, "themeDarkAction").trigger()
    assert theme.current().name == "dark-projector" and theme.current().font_size == 14
    assert window.expressionLab.graphView.backgroundBrush().color().name() == theme.DARK_PROJECTOR.background
    window.set_projector(False)
    assert theme.current() == theme.DARK


def test_window_geometry_is_remembered_when_it_fits_the_screen(qtbot, monkeypatch):
    monkeypatch.setattr(carrot_app, "free_areas", lambda: [QRect(0, 0, 1920, 1080)])  # offscreen has 800×800
    window = make_window(qtbot)
    window.resize(1000, 640)
    window.move(30, 40)
    window.close()
    assert settings.geometry() is not None
    again = make_window(qtbot)
    assert (again.width(), again.height()) == (1360, 820)  # the default size, until restored
    assert carrot_app.restore_geometry(again)
    # Qt keeps a restored window on the (offscreen, 800×800) screen: x and the width are clamped there
    assert again.height() == 640 and again.width() < 1360


def test_a_remembered_geometry_larger_than_the_screen_is_not_used(qtbot, monkeypatch):
    monkeypatch.setattr(carrot_app, "free_areas", lambda: [QRect(0, 0, 1024, 600)])  # a small laptop
    window = make_window(qtbot)
    window.resize(1000, 640)  # remembered from a larger screen: it would stick out of this one
    window.close()
    again = make_window(qtbot)
    assert not carrot_app.restore_geometry(again)
    assert (again.width(), again.height()) == (1360, 820)  # the default again, for show_fitted


def test_screenshots_ignore_remembered_settings_but_obey_theme_on_the_command_line(tmp_path, qtbot):
    settings.set_theme("dark")
    settings.set_font_scale(1.5)
    plain, dark = tmp_path / "plain.png", tmp_path / "dark.png"
    assert carrot_app.main(["--screenshot", str(plain)]) == 0
    assert theme.current().font_size == 10.0  # not the remembered 1.5×
    assert carrot_app.main(["--screenshot", str(dark), "--theme", "dark", "--lab", "network"]) == 0
    assert settings.theme() == "dark" and settings.font_scale() == 1.5  # the settings are untouched
    light_img, dark_img = QImage(str(plain)), QImage(str(dark))
    assert (light_img.width(), light_img.height()) == (dark_img.width(), dark_img.height()) == (1360, 820)
    assert mean_luminance(light_img, 0, 60, 1360, 700) > 0.6
    assert mean_luminance(dark_img, 0, 60, 1360, 700) < 0.1


def test_a_bad_theme_on_the_command_line_is_refused(capsys):
    with pytest.raises(SystemExit) as stop:
        carrot_app.main(["--theme", "purple", "--screenshot", "x.png"])
    assert stop.value.code == 2
    assert "--theme" in capsys.readouterr().err
