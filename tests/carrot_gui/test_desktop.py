"""carrot-gui --install-desktop: the .desktop entry, the MIME type and the icon land in a temporary
XDG_DATA_HOME, the caches are refreshed when their tools exist, and other systems are refused clearly."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from carrot_gui import app, desktop, paths

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_the_shipped_entry_and_mime_type_say_what_opens_lessons():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(paths.resources_dir() / desktop.DESKTOP_NAME, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Exec"] == "carrot-gui %f" and d["Icon"] == "pycarrot" and d["Type"] == "Application"
    assert desktop.MIME_TYPE in d["MimeType"].split(";")
    root = ET.parse(paths.resources_dir() / desktop.MIME_NAME).getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime.get("type") == desktop.MIME_TYPE
    assert mime.find(f"{MIME_NS}glob").get("pattern") == "*.carrot"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_entry():
    out = subprocess.run(
        ["desktop-file-validate", str(paths.resources_dir() / desktop.DESKTOP_NAME)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0 and "error" not in out.stdout.lower(), out.stdout


def test_install_desktop_fills_a_temporary_xdg_data_home(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    ran = []
    monkeypatch.setattr(desktop.subprocess, "run", lambda cmd, **kw: ran.append(cmd))
    monkeypatch.setattr(desktop.shutil, "which", lambda tool: f"/usr/bin/{tool}")
    assert app.main(["--install-desktop"]) == 0
    entry = tmp_path / "applications" / "pycarrot.desktop"
    assert entry.read_bytes() == (paths.resources_dir() / "pycarrot.desktop").read_bytes()
    assert (tmp_path / "mime" / "packages" / "pycarrot-lesson.xml").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "pycarrot.svg").is_file()
    assert ran == [
        ["/usr/bin/update-desktop-database", str(tmp_path / "applications")],
        ["/usr/bin/update-mime-database", str(tmp_path / "mime")],
    ]
    out = capsys.readouterr().out
    assert str(entry) in out and "now open with PyCarrot" in out


def test_without_the_cache_tools_the_files_are_still_installed_and_it_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(desktop.shutil, "which", lambda tool: None)
    lines = desktop.install_desktop(tmp_path)
    assert (tmp_path / "applications" / "pycarrot.desktop").is_file()
    assert sum("is not installed" in line for line in lines) == 2


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_with_the_real_tools_a_lesson_gets_its_mime_type(tmp_path):
    desktop.install_desktop(tmp_path)
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert "application/x-pycarrot-lesson:*.carrot" in globs


def test_other_systems_are_refused_clearly(tmp_path, monkeypatch, capsys):
    with pytest.raises(desktop.DesktopError, match="for Linux desktops; this is darwin"):
        desktop.install_desktop(tmp_path, platform="darwin")
    assert not any(tmp_path.iterdir())
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(desktop.sys, "platform", "win32")
    assert app.main(["--install-desktop"]) == 2
    assert "this is win32" in capsys.readouterr().err and not any(tmp_path.iterdir())
