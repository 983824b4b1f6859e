"""Command line entry point: ``carrot-gui`` / ``python main.py`` opens the main window.

``carrot-gui LESSON.carrot`` opens a lesson; ``--screenshot PATH`` renders the window after loading and exits 0
(used for the README's pictures and for tests); ``--expr``, ``--steps`` and ``--lab`` set up what is shown first;
``--lang en|zh_CN`` picks the language (and remembers it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from . import errors, paths, settings

_STARTED = time.perf_counter()
LAUNCH_ENV = "CARROT_GUI_LAUNCHED_AT"  # epoch seconds when the process was started (benchmarks)


def _non_negative(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--steps needs a whole number, got {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"--steps cannot be negative, got {n}")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="carrot-gui",
        description="PyCarrot: watch backpropagation step by step (Expression lab), build and train a small network (Network lab) and train a line (Training lab).",
    )
    p.add_argument("lesson", nargs="?", metavar="LESSON", help="a .carrot lesson to open")
    p.add_argument(
        "--lab",
        choices=("expression", "network", "training"),
        default=None,
        help="the tab to open on (default: the lesson's, else expression)",
    )
    p.add_argument(
        "--expr",
        metavar="SOURCE",
        help='an expression to build first, e.g. "x = 2.0; y = 4.0; z = x*y + sin(x)"',
    )
    p.add_argument(
        "--steps",
        type=_non_negative,
        default=0,
        metavar="N",
        help="advance the playback N steps after building",
    )
    p.add_argument("--screenshot", metavar="PATH", help="render the window to a PNG after loading, then exit")
    p.add_argument("--projector", action="store_true", help="start in projector mode (larger text)")
    p.add_argument(
        "--install-desktop",
        action="store_true",
        help="Linux: make .carrot lessons open with PyCarrot (installs a .desktop entry, the MIME type and the "
        "icon under $XDG_DATA_HOME, default ~/.local/share), then exit",
    )
    p.add_argument(
        "--lang",
        choices=("en", "zh_CN"),
        default=None,
        help="the language to speak (remembered; default: the remembered one, else the system's)",
    )
    p.add_argument(
        "--theme",
        choices=("light", "dark", "system"),
        default=None,
        help="colours for this run (default: the remembered ones, else the system's; light for --screenshot)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the app; returns the exit status (0 on success, 2 for bad arguments or a bad --expr)."""
    args = build_parser().parse_args(argv)
    if args.install_desktop:
        from . import desktop  # no Qt, no window

        return desktop.main()
    if args.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a screenshot needs no screen
    if missing_display(os.environ, sys.platform):
        print(
            "carrot-gui: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set): "
            "run it in a desktop session, or render a picture with --screenshot PATH",
            file=sys.stderr,
        )
        return 2
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PyCarrot")
    app.setWindowIcon(QIcon(str(paths.icon_path())))  # dialogs and the task bar too
    if args.lang is not None:
        settings.set_language(args.lang)  # remembered, as View ▸ Language; MainWindow() applies it
    window = MainWindow(remembered=not args.screenshot)  # pictures do not depend on the user's settings
    errors.install(window)
    if args.theme is not None:
        window.set_theme(args.theme, remember=False)  # for this run; View ▸ Theme is remembered
        window.statusBar().clearMessage()  # the start shows the lab's hint, not a note on the theme
    if args.projector:
        window.set_projector(True)
        window.statusBar().clearMessage()
    if args.lesson is not None and not window.open_lesson(args.lesson):
        print(f"carrot-gui: {window.lessons.last_error}", file=sys.stderr)
        return 2
    if args.expr is not None:
        if not window.expressionLab.build_source(args.expr):
            print(f"carrot-gui: --expr: {window.expressionLab.error_message}", file=sys.stderr)
            return 2
    try:
        if args.lab is not None:
            window.select_lab(args.lab)
    except ValueError as exc:
        print(f"carrot-gui: --lab: {exc}", file=sys.stderr)
        return 2
    if args.steps:
        window.expressionLab.step(args.steps)
    if args.screenshot:
        _quiet_offscreen_warning()
        window.show()  # always the default size: pictures do not depend on the screen
        return _screenshot(app, window, args.screenshot)
    if not restore_geometry(window):
        show_fitted(window)
    if args.lesson is None:  # after a crash: the work saved a minute before it (asked after the first frame)
        QTimer.singleShot(0, lambda: window.lessons.offer_autosave())
    return app.exec()


SIZE_HINTS_WARNING = "This plugin does not support propagateSizeHints()"
_handler = None  # the installed message handler, kept alive


def _quiet_offscreen_warning() -> None:
    """Qt's offscreen plugin warns on every shown window that it cannot pass size hints to a window
    manager (there is none): drop exactly that line, hand every other message to Qt's own handler."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() != "offscreen":
        return
    previous = None

    def handler(kind, context, message: str) -> None:
        if message == SIZE_HINTS_WARNING:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    global _handler
    _handler = handler  # Qt keeps no reference: a collected handler would let the messages through again
    previous = qInstallMessageHandler(handler)


SCREEN_SHARE = 0.85  # the window opens on this share of a large screen's free area


def opening_size(width: int, height: int, free_width: int, free_height: int) -> tuple[int, int]:
    """The size to open at: the default, or 85 % of a larger screen's free area (a 1920x1080 screen
    opens at about 1632x890 instead of 1360x820), never more than the free area."""
    w = max(width, round(free_width * SCREEN_SHARE))
    h = max(height, round(free_height * SCREEN_SHARE))
    return min(w, free_width), min(h, max(free_height - TITLE_BAR, 1))


TITLE_BAR = 40  # px a window manager's frame usually adds above the window


def show_fitted(window) -> None:
    """Show the window at its size (grown to 85 % of a large screen), or maximized when that size and a
    title bar do not fit the screen's free area: on a 1280x800 or 1366x768 screen the log and the playback buttons would be off screen."""
    screen = window.screen()
    free = screen.availableGeometry() if screen is not None else None
    if free is None or fits_screen(window.width(), window.height(), free.width(), free.height()):
        window.resize(*opening_size(window.width(), window.height(), free.width(), free.height()))
        window.show()
    else:
        window.showMaximized()


def free_areas() -> list:
    """Each screen's free area (``QRect``: without task bars and docks)."""
    from PySide6.QtGui import QGuiApplication

    return [s.availableGeometry() for s in QGuiApplication.screens()]


def restore_geometry(window) -> bool:
    """Show the window where and as large as it was at the last close, if that still fits on a screen's free
    area (a laptop taken off its big monitor falls back to :func:`show_fitted`); returns whether it did."""
    from PySide6.QtCore import Qt

    from . import settings

    data = settings.geometry()
    size = window.size()
    if data is None or not window.restoreGeometry(data):
        return False
    frame = window.frameGeometry()
    if window.isMaximized() or window.isFullScreen() or any(free.contains(frame) for free in free_areas()):
        window.show()
        return True
    window.setWindowState(
        window.windowState() & ~Qt.WindowState.WindowMaximized & ~Qt.WindowState.WindowFullScreen
    )
    window.resize(size)  # the default size again, for show_fitted
    return False


def fits_screen(width: int, height: int, free_width: int, free_height: int) -> bool:
    """Whether a window of ``width`` x ``height`` plus a title bar fits a screen's free area."""
    return width <= free_width and height + TITLE_BAR <= free_height


def missing_display(env, platform: str) -> bool:
    """Whether Linux has no display for Qt: Qt would abort the process (core dump) with a misleading
    hint about libxcb-cursor0, so main() says what is missing instead."""
    return platform.startswith("linux") and not any(
        env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


def _screenshot(app, window, path: str) -> int:
    """Let the window lay itself out and paint, then save it as PNG."""
    for _ in range(3):
        app.processEvents()
    image = window.grab()
    first_frame_ms = (time.perf_counter() - _STARTED) * 1000
    launched = os.environ.get(LAUNCH_ENV)  # set by benchmarks just before starting this process
    since_launch = ""
    if launched:
        since_launch = f", {(time.time() - float(launched)) * 1000:.0f} ms after launch"
    if not image.save(path, "PNG"):
        print(f"carrot-gui: could not write the screenshot {path}", file=sys.stderr)
        return 1
    print(f"carrot-gui: first frame {first_frame_ms:.0f} ms after import{since_launch}; saved {path}")
    window.lessonUi.ask = False  # a picture is taken, nothing typed: never wait for an answer
    window.close()
    return 0
