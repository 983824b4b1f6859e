"""Keep the app's translations (``resources/translations/``) up to date with its sources: extract, merge, compile.

    python tools/translations.py           # update every .ts from its sources, then compile each .qm
    python tools/translations.py --check   # exit 1 if a .ts misses a string of the sources (or keeps one they no
                                           # longer have) or a .qm does not hold what its .ts says

Each area of the app has its own ``.ts`` (see :data:`AREAS`) so two people translating never edit the same file.
The strings are found here, in the sources' syntax tree, because ``pyside6-lupdate`` only knows
``translate("Ctx", "text")`` and ``QT_TRANSLATE_NOOP`` while the app also writes ``texts.bind(w.setText, "Ctx",
"text")`` and ``format_text("Ctx", "text", x=1)``: every call of a name in :data:`CALLS` whose context and text are
string literals (or a module constant that is one) is a message. They go to ``pyside6-lupdate`` as a generated
file of plain ``translate`` calls, so lupdate still merges them into the ``.ts`` (keeping the translations,
dropping what the sources no longer say, no line numbers: a moved line changes nothing), and
``pyside6-lrelease`` compiles the ``.qm`` (the same ``.ts`` always gives the same bytes). The check reads the
files themselves (no Qt tool needed), so it gives the same answer with every Qt version.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)  # English is the source language: it needs no file
# area name -> the sources whose strings it holds (a folder means every .py under it)
AREAS: dict[str, tuple[str, ...]] = {
    # the engine's messages and rules are said by the app (pycarrot never imports it): its phrase() templates
    # and op rules are read from its sources
    "pycarrot": (
        "carrot_gui/*.py",
        "carrot_gui/kit",
        "carrot_gui/expression",
        "pycarrot/expression.py",
        "pycarrot/tokenizer.py",
        "pycarrot/ops",
    ),
    "pycarrot_labs": ("carrot_gui/network", "carrot_gui/training", "carrot_gui/lessons"),
}
# a call of one of these names -> the positions of its context and text arguments (the context may also be a
# ``context=`` keyword, or a string: that context); a context position of None: the call has only the text
# (``N_("text")``, a module's own marker) and its context is the module's ``TR_CONTEXT`` constant; a text that is
# a tuple of strings gives one message each; a tuple of text positions (an int: positional, a str: keyword)
# means each of those arguments that is given is a message
TextAt = int | str | tuple[int | str, ...]
CALLS: dict[str, tuple[int | str | None, TextAt]] = {
    "translate": (0, 1),
    "format_text": (0, 1),
    "QT_TRANSLATE_NOOP": (0, 1),
    "bind": (1, 2),
    "tip": (3, (2, 4, "text", 5, "label")),  # kit.widgets.tip(widget, name, tooltip, context, text=, label=)
    "bind_texts": (0, (1, 2, 3, 4, "title", "bottom", "left", "tooltip")),  # kit.plots.LabPlot.bind_texts
    # kit.widgets' spin boxes: (name, tooltip, [maximum,] context, [full]), a form row's label=
    "seed_spin": (2, (1, 3, "label")),
    "momentum_spin": (2, (1, 3, "label")),
    "weight_decay_spin": (3, (1, 4, "label")),
    "batch_size_spin": (3, (1, 4, "full")),
    # kit.csv_picker.CsvPicker(names, context, open_tip=, target_tip=, list_tip=, list_label=, use_tip=)
    "CsvPicker": (1, ("open_tip", "target_tip", "list_tip", "list_label", "use_tip")),
    "N_": (None, 0),
    "ask_path": (1, (2, 3)),  # carrot_gui.kit.widgets.ask_path(parent, context, title, kinds, ...)
    "check_index": (3, 4),  # carrot_gui.checks.check_index(index, count, error, context, template, **fmt)
    "_panel_button": ("ExpressionLab", (2, 3)),  # carrot_gui.expression.qt.lab: (panel, name, tooltip, text)
    "spec_error": ("NetworkSpec", 1),  # carrot_gui.network.spec.spec_error(field, reason, **fmt)
    "check_choice": ("NetworkSpec", 3),  # carrot_gui.network.spec.check_choice(field, value, choices, reason)
    "lesson_error": ("LessonFile", 0),  # carrot_gui.lessons.format.lesson_error(reason, **fmt)
    "phrase": ("Engine", 0),  # pycarrot.messages.phrase(template, **params): an engine message
    "declare": ("Rules", 1),  # pycarrot.ops.table.declare(name, (rule, ...)): each local derivative rule
    "_elementwise": ("Rules", 1),  # pycarrot.ops.binary._elementwise(name, (rule, rule), ...): declares too
}

Message = tuple[str, str, bool]  # context, source text, whether it has plural forms (numerus)


def area_files(area: str) -> list[Path]:
    """The .py files of one area, sorted."""
    files: set[Path] = set()
    for pattern in AREAS[area]:
        path = ROOT / pattern
        files.update(path.rglob("*.py") if path.is_dir() else ROOT.glob(pattern))
    return sorted(files)


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments, so ``translate(CONTEXT, "text")`` is found too."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            if isinstance(node.value.value, str):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = node.value.value
    return found


def _literal(node: ast.AST, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _message(
    node: ast.Call, at: int | str | None, text_at: TextAt, constants: dict[str, str]
) -> list[tuple[str, str]]:
    """The (context, text) pairs of one call whose context and text are string literals or module constants."""
    args: dict[int | str, ast.AST] = dict(enumerate(node.args))
    args |= {k.arg: k.value for k in node.keywords if k.arg is not None}
    if isinstance(at, str):
        context: str | None = at
    elif at is None:
        context = constants.get("TR_CONTEXT")
    else:
        found = args.get(at, args.get("context"))
        context = _literal(found, constants) if found is not None else None
    texts = []
    for position in text_at if isinstance(text_at, tuple) else (text_at,):
        text = args.get(position)
        texts += text.elts if isinstance(text, ast.Tuple) else [text] if text is not None else []
    literals = [_literal(t, constants) for t in texts]
    return [(context, t) for t in literals if t and context is not None]  # an empty text is no message


def _has_count(node: ast.Call) -> bool:
    """A ``translate(context, text, n)`` call: its translation has plural forms."""
    return len(node.args) > 2 or any(k.arg == "n" for k in node.keywords)


def messages_in(path: Path) -> list[Message]:
    """Every translatable message a source file names, in source order."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = _constants(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in CALLS:
            plural = name == "translate" and _has_count(node)
            found += [(context, text, plural) for context, text in _message(node, *CALLS[name], constants)]
    return found


def area_messages(area: str) -> set[Message]:
    return {m for path in area_files(area) for m in messages_in(path)}


def ts_path(area: str, language: str) -> Path:
    return OUT / f"{area}_{language}.ts"


def _qt_tool(tool: str, *args: str) -> None:
    """Run PySide6's ``pyside6-<tool>`` through this Python (found in any venv, on PATH or not)."""
    code = f"import sys; from PySide6.scripts.pyside_tool import {tool}; sys.argv[0] = 'pyside6-{tool}'; {tool}()"
    subprocess.run([sys.executable, "-c", code, *args], check=True, stdout=subprocess.DEVNULL)


def _shim(messages: set[Message]) -> str:
    """A Python file of plain ``translate`` calls that lupdate understands, one per message."""

    def quoted(text: str) -> str:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'

    lines = []
    for context, text, plural in sorted(messages):
        n = ", None, n" if plural else ""
        lines.append(f"translate({quoted(context)}, {quoted(text)}{n})")
    return "\n".join(lines) + "\n"


def update(area: str, language: str) -> Path:
    """Merge the area's messages into its .ts (created if missing) and compile its .qm; returns the .ts."""
    ts = ts_path(area, language)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / f"{area}.py"
        shim.write_text(_shim(area_messages(area)), encoding="utf-8")
        _qt_tool(
            "lupdate",
            *("-silent", "-locations", "none", "-no-obsolete", "-sort-messages"),
            *("-disable-heuristic", "similartext", "-disable-heuristic", "sametext"),
            *("-source-language", "en", "-target-language", language),
            str(shim),
            "-ts",
            str(ts),
        )
    _qt_tool(
        "lrelease", "-silent", "-nounfinished", "-removeidentical", str(ts), "-qm", str(ts.with_suffix(".qm"))
    )
    return ts


def ts_messages(ts: Path) -> dict[tuple[str, str], str]:
    """``{(context, source): translation}`` of a .ts (``""`` where it is unfinished); obsolete ones left out."""
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = (forms[0] if forms else (tr.text or "")) if tr is not None else ""
            result[(name, message.findtext("source") or "")] = "" if kind == "unfinished" else text
    return result


def check(area: str, language: str) -> list[str]:
    """What is out of date for one area and language (empty: nothing)."""
    ts = ts_path(area, language)
    if not ts.is_file():
        return [f"{ts.relative_to(ROOT)} is missing"]
    have = ts_messages(ts)
    want = {(c, t) for c, t, _ in area_messages(area)}
    problems = [f"{ts.name}: not extracted yet: [{c}] {t!r}" for c, t in sorted(want - set(have))]
    problems += [f"{ts.name}: no longer in the sources: [{c}] {t!r}" for c, t in sorted(set(have) - want)]
    problems += _check_qm(ts, have)
    return problems


def _check_qm(ts: Path, have: dict[tuple[str, str], str]) -> list[str]:
    """Whether the compiled .qm gives exactly the .ts's finished translations."""
    from PySide6.QtCore import QTranslator

    qm = ts.with_suffix(".qm")
    translator = QTranslator()
    if not qm.is_file() or not translator.load(str(qm)):
        return [f"{qm.relative_to(ROOT)} is missing or unreadable"]
    stale = []
    for (context, source), text in sorted(have.items()):
        compiled = translator.translate(context, source, None, 1) or ""
        if compiled != text and not (text == source and compiled == ""):  # lrelease may drop identical ones
            stale.append(f"{qm.name}: [{context}] {source!r} compiles to {compiled!r}, the .ts says {text!r}")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="only check; exit 1 when something is out of date"
    )
    parser.add_argument("--area", choices=sorted(AREAS), action="append", help="only this area (repeatable)")
    args = parser.parse_args(argv)
    areas = args.area or sorted(AREAS)
    if not args.check:
        for area in areas:
            for language in LANGUAGES:
                ts = update(area, language)
                left = sum(1 for text in ts_messages(ts).values() if not text)
                print(f"{ts.relative_to(ROOT)}: {len(ts_messages(ts))} messages, {left} untranslated")
        return 0
    problems = [p for area in areas for language in LANGUAGES for p in check(area, language)]
    for problem in problems[:50]:
        print(problem, file=sys.stderr)
    if problems:
        print(
            f"{len(problems)} problems: run  python tools/translations.py  and translate what is new",
            file=sys.stderr,
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
