"""The colours that carry meaning stay apart for red–green colour-blind eyes (Machado et al. 2009 simulation,
CIE Lab ΔE), in every theme; and tools/colorblind.py makes the simulated picture of a screenshot."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from carrot_gui import theme
from carrot_gui.kit.heatmap import signed_colours
from carrot_gui.network import look
from tools import colorblind

APART = 25.0  # ΔE (CIE76) after simulation: the old red/green ✓/✗ pair (#15803d / #b91c1c) scores 21.9
THEMES = [theme.LIGHT, theme.PROJECTOR, theme.DARK, theme.DARK_PROJECTOR]


def key_pairs(t: theme.Theme) -> dict[str, tuple[str, str]]:
    """The pairs of colours a student must tell apart, by what they mean."""
    neg, _zero, pos = signed_colours(t, "value")
    gneg, _gzero, gpos = signed_colours(t, "gradient")
    c0, c1 = look.class_colours(2, t)
    return {
        "value vs gradient": (t.value, t.gradient),
        "positive vs negative weight": (pos, neg),
        "positive vs negative gradient": (gpos, gneg),
        "class 0 vs class 1": (c0, c1),
        "right vs wrong (✓ / ✗)": (t.ok, t.error),
        "train vs test curve": (t.series[0], t.series[1]),
        "layer 2 vs layer 3 curve": (t.series[1], t.series[2]),
        "layer 1 vs layer 3 curve": (t.series[0], t.series[2]),
    }


def test_the_method_catches_a_red_green_pair():
    """The old gradcheck ✓ green and ✗ red: far apart to normal eyes, close to a deuteranope's."""
    assert colorblind.delta_e("#15803d", "#b91c1c", None) > 100
    assert colorblind.delta_e("#15803d", "#b91c1c") < APART
    assert colorblind.delta_e("#00ff00", "#ff0000") < colorblind.delta_e("#00ff00", "#ff0000", None) / 2


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("kind", ["deuteranopia", "protanopia"])
def test_key_colour_pairs_stay_apart_for_colour_blind_eyes(t, kind):
    for what, (a, b) in key_pairs(t).items():
        assert colorblind.delta_e(a, b, kind) >= APART, (t.name, kind, what, a, b)


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.name)
def test_values_gradients_and_marks_stand_out_on_the_canvas(t):
    for colour in (t.value, t.gradient, t.ok, t.error, *t.classes[:2]):
        assert theme.contrast_ratio(colour, t.background) >= 3.0, (t.name, colour)


def test_a_screenshot_is_simulated_pixel_by_pixel(tmp_path):
    image = QImage(4, 1, QImage.Format.Format_RGB888)
    for x, colour in enumerate(("#ff0000", "#00a000", "#1f5fbf", "#d9480f")):
        image.setPixelColor(x, 0, QColor(colour))
    src, dst = tmp_path / "shot.png", tmp_path / "shot-deuteranopia.png"
    assert image.save(str(src))
    assert colorblind.main([str(src)]) == 0
    seen = QImage(str(dst))
    assert (seen.width(), seen.height()) == (4, 1)
    pixels = [seen.pixelColor(x, 0).name() for x in range(4)]
    expected = [
        colorblind.simulate(colorblind.hex_rgb(c)) for c in ("#ff0000", "#00a000", "#1f5fbf", "#d9480f")
    ]
    assert pixels == ["#" + "".join(f"{v:02x}" for v in e) for e in expected]
    red, green = np.array(expected[0], float), np.array(expected[1], float)
    assert abs(red - green).max() < 60  # red and green come out as similar olive tones
    assert colorblind.main([str(tmp_path / "missing.png")]) == 1


def test_white_grey_and_black_are_unchanged():
    for grey in (0, 128, 255):
        assert np.abs(colorblind.simulate(np.array([grey] * 3)).astype(int) - grey).max() <= 1
