"""Simulated colour blindness for checking the app's colours: a picture or a colour as a red–green colour-blind
eye sees it (Machado, Oliveira & Fernandes 2009, severity 1), and CIE Lab ΔE to say whether two colours stay apart.

    python tools/colorblind.py shot.png                 # writes shot-deuteranopia.png
    python tools/colorblind.py shot.png out.png --kind protanopia

NumPy for the arithmetic; Qt's QImage only to read and write PNG files (imported when a file is handled).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

# Machado et al. 2009, "A Physiologically-based Model for Simulation of Color Vision Deficiency", severity 1.0;
# applied to linear RGB
MATRICES = {
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
}


def to_linear(rgb: np.ndarray) -> np.ndarray:
    """sRGB 0–255 to linear 0–1."""
    c = np.asarray(rgb, dtype=np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    """Linear 0–1 to sRGB 0–255 (float)."""
    c = np.clip(linear, 0.0, 1.0)
    return 255.0 * np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def simulate(rgb: np.ndarray, kind: str = "deuteranopia") -> np.ndarray:
    """RGB 0–255 (any shape ending in 3) as seen with ``kind`` colour blindness, uint8."""
    lin = to_linear(rgb) @ MATRICES[kind].T
    return np.clip(np.round(to_srgb(lin)), 0, 255).astype(np.uint8)


def hex_rgb(colour: str) -> np.ndarray:
    c = colour.lstrip("#")
    return np.array([int(c[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.float64)


def to_lab(rgb: np.ndarray) -> np.ndarray:
    """sRGB 0–255 to CIE L*a*b* (D65)."""
    xyz = (
        to_linear(rgb)
        @ np.array(
            [
                [0.4124564, 0.3575761, 0.1804375],
                [0.2126729, 0.7151522, 0.0721750],
                [0.0193339, 0.1191920, 0.9503041],
            ]
        ).T
    )
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


def delta_e(a: str, b: str, kind: str | None = "deuteranopia") -> float:
    """CIE76 ΔE between two ``#rrggbb`` colours, as seen with ``kind`` colour blindness (None: normal vision).
    About 2 is just noticeable; 20 and more is a different colour at a glance."""
    pa, pb = hex_rgb(a), hex_rgb(b)
    if kind is not None:
        pa, pb = simulate(pa, kind), simulate(pb, kind)
    return float(np.linalg.norm(to_lab(pa) - to_lab(pb)))


def image_array(image) -> np.ndarray:
    """A QImage as an (h, w, 3) uint8 RGB array (a copy)."""
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, stride = img.height(), img.width(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=h * stride).reshape(h, stride)
    return buf[:, : 3 * w].reshape(h, w, 3).copy()


def array_image(rgb: np.ndarray):
    """An (h, w, 3) uint8 array as a QImage."""
    from PySide6.QtGui import QImage

    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def simulate_png(src: str | Path, dst: str | Path, kind: str = "deuteranopia") -> Path:
    """Write ``src`` as seen with ``kind`` colour blindness to ``dst``."""
    from PySide6.QtGui import QImage

    image = QImage(str(src))
    if image.isNull():
        raise OSError(f"cannot read the picture {src}")
    out = array_image(simulate(image_array(image), kind))
    if not out.save(str(dst), "PNG"):
        raise OSError(f"cannot write {dst}")
    return Path(dst)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("source", help="a PNG screenshot")
    p.add_argument("output", nargs="?", help="where to write (default: SOURCE-KIND.png)")
    p.add_argument("--kind", choices=sorted(MATRICES), default="deuteranopia")
    args = p.parse_args(argv)
    src = Path(args.source)
    dst = Path(args.output) if args.output else src.with_name(f"{src.stem}-{args.kind}.png")
    try:
        simulate_png(src, dst, args.kind)
    except OSError as exc:
        print(f"colorblind: {exc}", file=sys.stderr)
        return 1
    print(f"colorblind: wrote {dst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
