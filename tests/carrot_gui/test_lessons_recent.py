"""File ▸ Open recent: saving and opening a lesson put it first, files that are gone are left out, "Clear list"
forgets them, and choosing an entry opens that lesson."""

from __future__ import annotations

from carrot_gui import settings


def entries(window) -> list[str]:
    window.openRecentMenu.aboutToShow.emit()  # as when the user opens the submenu
    return [a.data() for a in window.openRecentMenu.actions() if a.objectName() == "recentLessonAction"]


def test_open_recent_lists_newest_first_drops_missing_files_and_clears(window, tmp_path):
    menu = window.openRecentMenu
    assert (
        menu.objectName() == "openRecentMenu"
        and menu.menuAction() in window.menuBar().actions()[0].menu().actions()
    )
    assert entries(window) == []
    lab = window.expressionLab
    paths = [tmp_path / f"lesson{k}.carrot" for k in range(3)]
    for k, path in enumerate(paths):
        assert lab.build_source(f"a = {k + 1}.0\nb = a * a\n")
        assert window.save_lesson(str(path))
    assert entries(window) == [str(p) for p in reversed(paths)]
    assert [a.text() for a in menu.actions()][:3] == [
        "&1 lesson2.carrot",
        "&2 lesson1.carrot",
        "&3 lesson0.carrot",
    ]

    assert window.open_lesson(str(paths[0]))  # opening puts it first
    assert entries(window) == [str(paths[0]), str(paths[2]), str(paths[1])]
    paths[2].unlink()
    assert entries(window) == [str(paths[0]), str(paths[1])]

    recent = [a for a in menu.actions() if a.objectName() == "recentLessonAction"]
    recent[1].trigger()  # choosing an entry opens it
    assert window.lessons.path == str(paths[1]) and lab.loaded.source.startswith("a = 2.0")

    clear = next(a for a in menu.actions() if a.objectName() == "clearRecentAction")
    assert clear.isEnabled()
    clear.trigger()
    assert entries(window) == [] and settings.recent_files() == []
    clear = next(a for a in menu.actions() if a.objectName() == "clearRecentAction")
    assert not clear.isEnabled()


def test_the_example_lesson_and_a_refused_file_are_not_remembered(window, tmp_path):
    window.lessonUi.open_example()
    bad = tmp_path / "bad.carrot"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert not window.open_lesson(str(bad))
    assert entries(window) == []
