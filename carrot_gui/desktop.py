"""The Linux file association, Qt-free: ``carrot-gui --install-desktop`` copies the app's ``.desktop`` entry,
the ``application/x-pycarrot-lesson`` MIME type (``*.carrot``) and the icon from ``resources/`` into the
user's XDG data folder, then refreshes the desktop's caches when their tools are installed.

Afterwards a file manager shows lessons with the carrot icon and opens them with ``carrot-gui FILE``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from . import paths
from .i18n import format_text, translate

DESKTOP_NAME = "pycarrot.desktop"
MIME_NAME = "pycarrot-lesson.xml"
MIME_TYPE = "application/x-pycarrot-lesson"


class DesktopError(RuntimeError):
    """Why the association could not be installed, in words for the user."""


def data_home(environ: os._Environ | dict = os.environ) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (as the XDG spec says)."""
    value = environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def install_desktop(
    home: Path | None = None,
    platform: str | None = None,
    run: Callable[..., object] | None = None,
) -> list[str]:
    """Install the entry, the MIME type and the icon under ``home`` (default :func:`data_home`); returns the
    lines to tell the user (each file written, each cache refreshed or why not). DesktopError when not on
    Linux (``platform``: default ``sys.platform``) or a file cannot be written."""
    platform = sys.platform if platform is None else platform
    run = subprocess.run if run is None else run
    if not platform.startswith("linux"):
        raise DesktopError(
            format_text("Desktop", "--install-desktop is for Linux desktops; this is {platform}. On other "
                        "systems open lessons with carrot-gui FILE.carrot.", platform=platform)
        )  # fmt: skip
    home = data_home() if home is None else Path(home)
    res = paths.resources_dir()
    targets = [
        (res / DESKTOP_NAME, home / "applications" / DESKTOP_NAME),
        (res / MIME_NAME, home / "mime" / "packages" / MIME_NAME),
        (paths.icon_path(), home / "icons" / "hicolor" / "scalable" / "apps" / paths.ICON_NAME),
    ]
    told = []
    for source, target in targets:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        except OSError as exc:
            raise DesktopError(format_text("Desktop", "cannot write {path}: {reason}", path=target,
                                           reason=exc.strerror or exc)) from None  # fmt: skip
        told.append(format_text("Desktop", "wrote {path}", path=target))
    for tool, folder in (
        ("update-desktop-database", home / "applications"),
        ("update-mime-database", home / "mime"),
    ):
        told.append(_refresh(tool, folder, run))
    return told


def _refresh(tool: str, folder: Path, run: Callable[..., object]) -> str:
    """Run ``tool folder`` if the tool is installed; the line that says what happened."""
    exe = shutil.which(tool)
    if exe is None:
        return format_text("Desktop", "{tool} is not installed: the desktop picks the files up at its next "
                           "start", tool=tool)  # fmt: skip
    try:
        run([exe, str(folder)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return format_text(
            "Desktop", "{tool} failed ({reason}); the files are in place", tool=tool, reason=exc
        )
    return format_text("Desktop", "ran {tool} {folder}", tool=tool, folder=folder)


def main() -> int:
    """``carrot-gui --install-desktop``: install, print what was done; 2 with the reason when refused."""
    try:
        lines = install_desktop()
    except DesktopError as exc:
        print(f"carrot-gui: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    print(translate("Desktop", "Lessons (*.carrot) now open with PyCarrot."))
    return 0
