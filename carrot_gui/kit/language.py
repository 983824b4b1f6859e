"""The app's language: which one to use (remembered, else the system's), and switching to it live.

:func:`apply` installs Qt translators for the language (every ``resources/translations/*_<lang>.qm`` and Qt's own
``qtbase_<lang>.qm`` for the standard dialog buttons), then points :func:`carrot_gui.i18n.translate` at them, which
re-sets every text bound with :func:`carrot_gui.kit.texts.bind`. English is the source language: it needs no file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from .. import i18n, paths, settings

ENGLISH = "en"
CHINESE = "zh_CN"
# code -> the language's name in itself (how the View ▸ Language menu lists it)
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}
# fonts with Simplified Chinese glyphs, best first (Linux, Windows, macOS); the first one installed backs up the
# theme's Latin fonts, so Chinese renders in the SC glyph forms and not in whatever fontconfig picks first
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans SC",
    "SimHei",
)
CJK_MONO_FAMILIES = ("Noto Sans Mono CJK SC", "Sarasa Mono SC", *CJK_FAMILIES)

_translators: list[QTranslator] = []


def current() -> str:
    """The language the app speaks now (``"en"`` or ``"zh_CN"``; English when no translation could be loaded)."""
    return i18n.language()


def normalize(code: str) -> str:
    """A language code as the app knows it: any Chinese (``zh``, ``zh_CN``, ``zh-Hans``…) is ``zh_CN``, every
    other language English (the only two shipped)."""
    return CHINESE if code.replace("-", "_").lower().startswith("zh") else ENGLISH


def system_language() -> str:
    """The system locale's language (``QLocale.system()``, which reads ``LANG``/``LC_ALL`` on Linux)."""
    return normalize(QLocale.system().name())


def preferred() -> str:
    """The remembered language, or the system's when none is remembered."""
    remembered = settings.language()
    return normalize(remembered) if remembered else system_language()


def translation_files(code: str) -> list[str]:
    """The .qm files to load for ``code``: Qt's own first (our files then win where both translate a text)."""
    if code == ENGLISH:
        return []
    files = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for candidate in (f"{qt_dir}/qtbase_{code}.qm",):
        if QTranslator().load(candidate):
            files.append(candidate)
    files += [str(p) for p in sorted((paths.resources_dir() / "translations").glob(f"*_{code}.qm"))]
    return files


def _qt_translate(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def apply(code: str, remember: bool = False) -> str:
    """Speak ``code`` from now on (normalized; ``remember`` also saves it): the translators are swapped, then
    every bound text re-set. Returns the language now spoken (English if no translation could be loaded)."""
    code = normalize(code)
    app = QCoreApplication.instance()
    for translator in _translators:
        if app is not None:
            app.removeTranslator(translator)
    _translators.clear()
    if app is not None:
        for path in translation_files(code):
            translator = QTranslator(app)
            if translator.load(path):
                app.installTranslator(translator)
                _translators.append(translator)
    use_cjk_fonts()
    if remember:
        settings.set_language(code)
    i18n.install(_qt_translate if _translators else None, code)
    return current()


def installed_cjk_family(preferences: tuple[str, ...] = CJK_FAMILIES) -> str | None:
    """The first of ``preferences`` this system has, or None (then Chinese shows as empty boxes)."""
    have = set(QFontDatabase.families())
    return next((family for family in preferences if family in have), None)


def use_cjk_fonts(families: tuple[str, ...] = ()) -> str | None:
    """Back up the theme's fonts (``DejaVu Sans``, its mono) with an installed Simplified Chinese font, for the
    style sheet and for the graph's painted text alike (a font substitution applies to every ``QFont`` of that
    family). Returns the CJK family used, or None when the system has none."""
    from .. import theme

    sans, mono = installed_cjk_family(), installed_cjk_family(CJK_MONO_FAMILIES)
    t = theme.current()
    latin = families or (t.font_family, theme.LIGHT.font_family)
    for family in dict.fromkeys(latin):
        if sans and sans not in QFont.substitutes(family):
            QFont.insertSubstitution(family, sans)
    for family in dict.fromkeys((t.mono_family, theme.LIGHT.mono_family)):
        if mono and mono not in QFont.substitutes(family):
            QFont.insertSubstitution(family, mono)
    return sans
