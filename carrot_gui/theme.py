"""Colours and fonts shared by every lab, so a value, a gradient or a constant looks the same everywhere.

Qt-free on purpose: colours are ``#rrggbb`` strings and sizes are numbers; widgets make ``QColor`` objects from
them and fonts with :func:`qfont` (which imports Qt only when called); :func:`set_tone` colours a label by its
role through the application style sheet.
Two palettes exist (``light`` for screens, ``projector`` with thicker contrast and larger text).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Theme:
    """One palette plus font sizes. Values and gradients get clearly different hues (blue vs orange)."""

    name: str
    background: str = "#fbfaf7"  # the graph's canvas
    panel: str = "#ffffff"
    text: str = "#1f2328"
    muted: str = "#6b7280"  # secondary text (shapes, op names)
    grid: str = "#e6e3dc"
    # the two quantities a student must never confuse
    value: str = "#1f5fbf"  # forward values: blue
    gradient: str = "#d9480f"  # gradients: carrot orange
    # kinds of node
    variable_fill: str = "#e8f0fc"  # a leaf that requires grad (x, w, b)
    variable_border: str = "#1f5fbf"
    constant_fill: str = "#f1f1ef"  # numbers and arrays inside the expression
    constant_border: str = "#9ca3af"
    op_fill: str = "#ffffff"  # results of an operation
    op_border: str = "#4b5563"
    output_border: str = "#111827"
    # playback
    edge: str = "#9aa1ab"
    active: str = "#d9480f"  # the edge/node the current event is about
    visited_fill: str = "#fff1e6"  # backward() has already visited this node
    queued: str = "#7c3aed"  # nodes still waiting in backward()'s queue
    ok: str = "#15803d"  # gradcheck ✓
    error: str = "#b91c1c"  # gradcheck ✗, parse errors
    # fonts (points)
    font_family: str = "DejaVu Sans"
    mono_family: str = "DejaVu Sans Mono"
    font_size: float = 10.0
    node_font_size: float = 9.0
    edge_width: float = 1.4


LIGHT = Theme(name="light")
PROJECTOR = replace(
    LIGHT,
    name="projector",
    background="#ffffff",
    value="#0b4db3",
    gradient="#c2410c",
    edge="#6b7280",
    font_size=14.0,
    node_font_size=12.0,
    edge_width=2.2,
)
THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, PROJECTOR)}

_current: Theme = LIGHT


def current() -> Theme:
    """The theme every view paints with now."""
    return _current


def set_current(theme: Theme | str) -> Theme:
    """Switch the app's theme (by object or by name: ``"light"``, ``"projector"``)."""
    global _current
    if isinstance(theme, str):
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
        theme = THEMES[theme]
    _current = theme
    return theme


def graph_magnify(theme: Theme | None = None) -> float:
    """How much bigger than the light theme's the Expression lab draws its node boxes with their text
    (projector mode and View ▸ Larger text grow the boxes with the text, so no name is cut shorter)."""
    return (theme or _current).node_font_size / LIGHT.node_font_size


def scaled(theme: Theme, factor: float) -> Theme:
    """The same colours with every font size multiplied by ``factor`` (View ▸ larger/smaller text)."""
    if not 0.25 <= factor <= 4.0:
        raise ValueError(f"font scale {factor} is outside 0.25–4")
    return replace(theme, font_size=theme.font_size * factor, node_font_size=theme.node_font_size * factor)


def style_sheet(theme: Theme | None = None) -> str:
    """A small application style sheet: the base font, the expression editor in a monospace font."""
    t = theme or _current
    return (
        f"QWidget {{ font-family: '{t.font_family}'; font-size: {t.font_size:.0f}pt; }}\n"
        f"QPlainTextEdit {{ font-family: '{t.mono_family}'; }}\n"
        f"QLabel#errorLabel {{ color: {t.error}; }}\n"
        # colours by role, keyed on the widget property "tone" (set with set_tone), so no widget carries
        # an inline colour style sheet and a theme change repaints them all at once
        f'QLabel[tone="error"] {{ color: {t.error}; }}\n'
        f'QLabel[tone="alert"] {{ color: {t.error}; font-weight: bold; }}\n'
        f'QLabel[tone="muted"] {{ color: {t.muted}; }}\n'
        f'QLabel[tone="plain"] {{ color: {t.text}; }}\n'
    )


TONES = ("plain", "muted", "error", "alert")


def set_tone(widget: Any, tone: str) -> None:
    """Colour ``widget`` by its role (one of :data:`TONES`) through the application style sheet."""
    if tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}; one of {', '.join(TONES)}")
    if widget.property("tone") != tone:
        widget.setProperty("tone", tone)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def format_number(x: Any, digits: int = 4) -> str:
    """A number as a student reads it: ``4.0``, ``0.7616``, ``1.2e-07`` (never 17 significant digits)."""
    v = float(x) + 0.0  # + 0.0 turns -0.0 into 0.0
    if v != v:
        return "nan"
    if v in (float("inf"), float("-inf")):
        return "inf" if v > 0 else "-inf"
    if v == int(v) and abs(v) < 1e9:
        return f"{v:.1f}"
    if 1e-3 <= abs(v) < 1e6:
        text = f"{v:.{digits}f}".rstrip("0")
        return text + "0" if text.endswith(".") else text  # 0.99999999 is "1.0", never "1."
    return f"{v:.{digits - 1}e}"


def qfont(size: float | None = None, mono: bool = False, bold: bool = False) -> Any:
    """A ``QFont`` of the current theme (imports Qt only when called)."""
    from PySide6.QtGui import QFont

    t = _current
    f = QFont(t.mono_family if mono else t.font_family)
    f.setPointSizeF(size or t.font_size)
    f.setBold(bold)
    return f
