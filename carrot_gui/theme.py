"""Colours and fonts shared by every lab, so a value, a gradient or a constant looks the same everywhere.

Qt-free on purpose: colours are ``#rrggbb`` strings and sizes are numbers; widgets make ``QColor`` objects from
them and fonts with :func:`qfont` (which imports Qt only when called); :func:`set_tone` colours a label by its
role through the application style sheet.
Colours (``light``, ``dark``) and sizes (normal, ``projector`` with larger text and stronger contrast) are two
axes: :func:`make` combines them; every colour pair that carries meaning stays apart for red–green colour blindness.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Theme:
    """One palette plus font sizes. Values and gradients get clearly different hues (blue vs orange, a pair
    a red–green colour-blind eye tells apart too). Two independent axes make one: the colours (``scheme``:
    light or dark) and the sizes (normal or ``projector``, times a font scale); see :func:`make`."""

    name: str
    scheme: str = "light"  # "light" or "dark": which colours
    projector: bool = False  # larger text, thicker lines, stronger contrast
    background: str = "#fbfaf7"  # the graph's canvas
    panel: str = "#ffffff"  # plots and views
    window: str = "#efefef"  # the window behind the widgets (QPalette.Window)
    base: str = "#ffffff"  # text fields, lists and tables (QPalette.Base)
    alternate: str = "#f7f7f7"  # alternate rows
    button: str = "#efefef"
    highlight: str = "#3073c9"  # the selection
    highlight_text: str = "#ffffff"
    link: str = "#1f5fbf"
    text: str = "#1f2328"
    muted: str = "#6b7280"  # secondary text (shapes, op names)
    grid: str = "#e6e3dc"
    on_strong: str = "#ffffff"  # text drawn over a strong value or gradient colour (heat-map cells)
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
    ok: str = "#0b7a75"  # gradcheck ✓, a right answer (blue-green: never a red–green pair with error)
    error: str = "#b91c1c"  # gradcheck ✗, parse errors, a wrong answer
    mark: str = "#facc15"  # a star on a plot (the loss surface's minimum)
    # curves, runs and classes, told apart by hue: Okabe & Ito's colour-blind-safe set
    # (https://jfly.uni-koeln.de/color/), ordered so the first ones stay apart under simulated deuteranopia
    series: tuple[str, ...] = ("#0072b2", "#e69f00", "#009e73", "#333333", "#cc79a7", "#56b4e9", "#d55e00")
    classes: tuple[str, ...] = (
        "#1f5fbf", "#b07b00", "#cc79a7", "#0f766e", "#9f1239", "#56b4e9", "#334155", "#7c3aed", "#57534e",
    )  # fmt: skip
    # fonts (points)
    font_family: str = "DejaVu Sans"
    mono_family: str = "DejaVu Sans Mono"
    font_size: float = 10.0
    node_font_size: float = 9.0
    edge_width: float = 1.4

    @property
    def dark(self) -> bool:
        """Whether light text is drawn on dark surfaces."""
        return self.scheme == "dark"


# the colours of each scheme, and how the projector strengthens them; the dark scheme's colours are grouped
# as Theme's fields are (surfaces and text; the two quantities; kinds of node; playback; curves and classes)
# fmt: off
COLOURS: dict[str, dict[str, Any]] = {
    "light": {},
    "dark": dict(
        background="#16181b", panel="#1c1e22", window="#1f2125", base="#2c2f35", alternate="#33363d",
        button="#363a40", highlight="#2f64ad", highlight_text="#ffffff", link="#7cbcff",
        text="#e8e9eb", muted="#a3a9b1", grid="#3a3e45", on_strong="#111316",
        value="#6cb6ff", gradient="#ff9b4a",
        variable_fill="#1d2d44", variable_border="#6cb6ff", constant_fill="#2a2c30", constant_border="#7f8690",
        op_fill="#212428", op_border="#b3b9c1", output_border="#f2f3f4",
        edge="#838a94", active="#ff9b4a", visited_fill="#3b2a1b", queued="#b99cff",
        ok="#2fb8c9", error="#ff7a70", mark="#ffe04d",
        series=("#56b4e9", "#e69f00", "#2bb88e", "#e8e8e8", "#e58fc4", "#a1cff2", "#ff7a3d"),
        classes=("#6cb6ff", "#e0aa2e", "#f06ba8", "#b8b2ab", "#2fb3a4", "#b99cff", "#38bdf8", "#fb7185", "#94a3b8"),
    ),
}
STRONG: dict[str, dict[str, Any]] = {
    "light": dict(background="#ffffff", value="#0b4db3", gradient="#c2410c", edge="#6b7280"),
    "dark": dict(
        background="#000000", panel="#0e0f11", text="#ffffff", value="#8cc8ff", gradient="#ffad66", edge="#a3aab3"
    ),
}
# fmt: on
SIZES: dict[bool, dict[str, float]] = {
    False: dict(font_size=10.0, node_font_size=9.0, edge_width=1.4),
    True: dict(font_size=14.0, node_font_size=12.0, edge_width=2.2),
}
SCHEMES = ("light", "dark")


def make(scheme: str = "light", projector: bool = False, scale: float = 1.0) -> Theme:
    """The theme of ``scheme`` (``"light"`` or ``"dark"``) in normal or projector sizes, text scaled by ``scale``.
    Its name is ``light``, ``dark``, ``projector`` (light) or ``dark-projector``."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown colour scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    name = ("projector" if scheme == "light" else "dark-projector") if projector else scheme
    colours = {**COLOURS[scheme], **(STRONG[scheme] if projector else {})}
    t = Theme(name=name, scheme=scheme, projector=projector, **colours, **SIZES[projector])
    return t if scale == 1.0 else scaled(t, scale)


LIGHT = make("light")
PROJECTOR = make("light", projector=True)
DARK = make("dark")
DARK_PROJECTOR = make("dark", projector=True)
THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, PROJECTOR, DARK, DARK_PROJECTOR)}

_current: Theme = LIGHT


def current() -> Theme:
    """The theme every view paints with now."""
    return _current


def set_current(theme: Theme | str) -> Theme:
    """Switch the app's theme (by object or by name: ``"light"``, ``"projector"``, ``"dark"``, ``"dark-projector"``)."""
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


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0–1) of the way to ``other``, as ``#rrggbb``: a faded line stays opaque
    (cheaper to paint than alpha, and the same on any background)."""
    a, b = colour.lstrip("#"), other.lstrip("#")
    parts = (
        int(a[i : i + 2], 16) + (int(b[i : i + 2], 16) - int(a[i : i + 2], 16)) * amount for i in (0, 2, 4)
    )
    return "#" + "".join(f"{int(round(v)):02x}" for v in parts)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance (0 black … 1 white) of a ``#rrggbb`` colour."""
    c = colour.lstrip("#")
    channels = [int(c[i : i + 2], 16) / 255.0 for i in (0, 2, 4)]
    r, g, b = (x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (none) … 21 (black on white); body text needs 4.5."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


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
