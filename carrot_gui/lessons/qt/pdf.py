"""The PDF handout: a QTextDocument of real text (selectable, searchable) printed through ``QPdfWriter``.

Per expression: its title and source, the forward values, a table of every backward step (edge, rule, gradient
in, gradient out, accumulation) and the final gradients; values in the theme's blue, gradients in its orange,
as in the lab. A lesson gives one section per scene that has an expression, each starting on a new page.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

import pycarrot as pc
from pycarrot.serialization import atomic_write

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ..fields import LessonError
from ..format import Lesson
from ..handout import Handout, lesson_handouts
from .pictures import GraphPictures, graph_pictures

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
BODY_PT = 9.0

TR = "Handout"  # the translation context of the handout's words
_KIND_WORDS = {
    "seed": QT_TRANSLATE_NOOP(TR, "start"),
    "edge": QT_TRANSLATE_NOOP(TR, "edge"),
    "accumulate": QT_TRANSLATE_NOOP(TR, "add to .grad"),
    "visit": QT_TRANSLATE_NOOP(TR, "visit"),
    # node kinds and backward orders, as the handout names them
    "variable": QT_TRANSLATE_NOOP(TR, "variable"),
    "constant": QT_TRANSLATE_NOOP(TR, "constant"),
    "op": QT_TRANSLATE_NOOP(TR, "op"),
    "topological": QT_TRANSLATE_NOOP(TR, "topological"),
    "per-path": QT_TRANSLATE_NOOP(TR, "per-path"),
}


def _word(key: str) -> str:
    """A step kind, node kind or backward order in the current language (unknown keys as they are)."""
    return translate(TR, _KIND_WORDS.get(key, key))


def _cell(text: str, colour: str = "", mono: bool = False) -> str:
    style = (f"color:{colour};" if colour else "") + (
        f"font-family:'{theme.LIGHT.mono_family}';" if mono else ""
    )
    return f'<td style="{style}">{escape(text)}</td>' if style else f"<td>{escape(text)}</td>"


def _table(headers: Sequence[tuple[str, int]], rows: Sequence[str], width: int = 100) -> str:
    """A table of ``rows`` under ``headers`` ((text, percent of the width) each); the header row repeats on
    every page the table spans."""
    head = "".join(f'<th width="{w}%">{escape(translate(TR, h))}</th>' for h, w in headers)
    return (
        f'<table border="1" cellspacing="0" cellpadding="3" width="{width}%" '
        'style="border-color:#c8c4bb; margin-bottom:12px;">'
        f'<thead><tr style="background-color:#efece6;">{head}</tr></thead>{"".join(rows)}</table>'
    )


def _picture(caption: str, name: str | None, width: int) -> list[str]:
    """The picture called ``name`` (a document resource) ``width`` wide with its caption under it (one block:
    a picture that moves to the next page takes its caption along)."""
    if name is None:
        return []
    return [
        f'<p style="margin-top: 10px;"><img src="{name}" width="{width}"><br><i>{escape(caption)}</i></p>'
    ]


def section_html(h: Handout, first: bool = True, pictures: tuple[str, str, int] | None = None) -> str:
    """One handout as HTML (Qt's rich-text subset); a later section starts on a new page. ``pictures``: the
    resource names of the graph at the start and at the end of the backward pass, and their width."""
    start, end, width = pictures or (None, None, 0)
    t = theme.LIGHT
    value, grad = t.value, t.gradient
    brk = "" if first else ' style="page-break-before: always;"'
    parts = [f"<h2{brk}>{escape(h.title or translate(TR, 'Expression'))}</h2>"]
    parts.append(f"<pre style=\"font-family:'{t.mono_family}';\">{escape(h.source.strip())}</pre>")
    order = format_text(TR, "Backward order: {mode}.", mode=f"<b>{escape(_word(h.mode))}</b>")
    parts.append(f"<p>{order} {escape(h.note)}</p>")
    parts.append(f"<h3>{escape(translate(TR, 'Forward values'))}</h3>")
    rows = [f"<tr>{_cell(n.label)}{_cell(_word(n.kind))}{_cell(n.value, value)}</tr>" for n in h.values]
    node, kind, val = (
        QT_TRANSLATE_NOOP(TR, "Node"),
        QT_TRANSLATE_NOOP(TR, "Kind"),
        QT_TRANSLATE_NOOP(TR, "Value"),
    )
    parts.append(_table(((node, 45), (kind, 20), (val, 35)), rows, 70))
    parts += _picture(
        translate("Handout", "Graph before backward(): the values, no gradient yet"), start, width
    )
    every = format_text(TR, "Every step of backward() ({n} steps)", n=len(h.steps))
    parts.append(f'<h3 style="margin-top: 14px;">{escape(every)}</h3>')
    rows = [
        "<tr>"
        + _cell(str(s.step))
        + _cell(_word(s.kind))
        + _cell(s.edge)
        + _cell(s.rule)
        + _cell(s.grad_in, grad)
        + _cell(s.grad_out, grad)
        + _cell(s.accumulation, grad)
        + "</tr>"
        for s in h.steps
    ]
    parts.append(
        _table(
            (
                (QT_TRANSLATE_NOOP(TR, "Step"), 7),
                (QT_TRANSLATE_NOOP(TR, "What"), 12),
                (QT_TRANSLATE_NOOP(TR, "Edge / node"), 17),
                (QT_TRANSLATE_NOOP(TR, "Local rule"), 23),
                (QT_TRANSLATE_NOOP(TR, "Gradient in"), 11),
                (QT_TRANSLATE_NOOP(TR, "Gradient out"), 11),
                (QT_TRANSLATE_NOOP(TR, "Accumulation"), 19),
            ),
            rows,
        )  # fmt: skip
    )
    parts += _picture(translate("Handout", "Graph after backward(): every gradient"), end, width)
    parts.append(f'<h3 style="margin-top: 14px;">{escape(translate(TR, "Final gradients"))}</h3>')
    rows = [
        f"<tr>{_cell(n.label)}{_cell(_word(n.kind))}{_cell(n.value, value)}{_cell(n.grad, grad)}</tr>"
        for n in h.gradients
    ]
    parts.append(
        _table(((node, 35), (kind, 20), (val, 22), (QT_TRANSLATE_NOOP(TR, "Gradient"), 23)), rows, 70)
    )
    return "\n".join(parts)


def handout_html(handouts: Sequence[Handout], title: str = "", widths: Sequence[int] | None = None) -> str:
    """The whole handout as HTML: a title, a line on the colours, then one section per handout (with
    ``widths``: section k shows the resources ``graph-k-start`` and ``graph-k-end`` that wide)."""
    t = theme.LIGHT
    head = f"<h1>{escape(title)}</h1>" if title else ""
    legend = format_text(
        TR,
        "Values are {blue}, gradients {orange}. The step numbers are the lab's: seek there to see one.",
        blue=f'<span style="color:{t.value};">{escape(translate(TR, "blue"))}</span>',
        orange=f'<span style="color:{t.gradient};">{escape(translate(TR, "orange"))}</span>',
    )
    legend = f"<p>{legend}</p>"
    names = [(f"graph-{i}-start", f"graph-{i}-end", w) for i, w in enumerate(widths)] if widths else []
    names += [None] * (len(handouts) - len(names))
    body = "\n".join(section_html(h, i == 0, names[i]) for i, h in enumerate(handouts))
    return f"<html><body>{head}{legend}{body}</body></html>"


def write_pdf(html: str, path: str | os.PathLike, title: str = "", images: dict | None = None) -> None:
    """Print ``html`` to a PDF at ``path`` (A4; put in place by the engine's ``atomic_write``, so a failed
    export leaves an old file intact). ``images`` maps the names ``<img src=...>`` uses to QImages."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("writing a PDF needs a QGuiApplication (fonts come from it)")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("PyCarrot")
    # no margins of its own: QTextDocument.print_ keeps 2 cm on every side and numbers the pages
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    )  # fmt: skip
    doc = QTextDocument()
    doc.setDefaultFont(QFont(theme.LIGHT.font_family, BODY_PT))
    for name, image in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    doc.print_(writer)
    del writer  # finishes the file
    data = bytes(buffer.data())
    atomic_write(path, lambda fh: fh.write(data))


def write_handout_pdf(
    handouts: Sequence[Handout],
    path: str | os.PathLike,
    title: str = "",
    pictures: Sequence[GraphPictures] | None = None,
) -> None:
    """A PDF of ``handouts`` (one section each), with each one's ``pictures`` (start, end) when given."""
    if not handouts:
        raise LessonError(translate("Handout", "nothing to hand out: no scene has an expression"))
    images = {}
    for i, p in enumerate(pictures or ()):
        images[f"graph-{i}-start"], images[f"graph-{i}-end"] = p.start, p.end
    html = handout_html(handouts, title, [p.width for p in pictures or ()])
    write_pdf(html, path, title or handouts[0].title, images)


def write_lesson_pdf(lesson: Lesson, path: str | os.PathLike) -> None:
    """A PDF with one section per scene of ``lesson`` that has an expression, its graph drawn at the start and
    at the end of the backward pass."""
    handouts = lesson_handouts(lesson)  # checks every scene first (LessonError naming a bad one)
    pictures = []
    for scene in lesson.scenes:
        state = scene.expression
        if state is not None:
            named = pc.parse(state.source, **state.values)
            pictures.append(graph_pictures(named, state.mode, scene.title, state.source))
    write_handout_pdf(handouts, path, lesson.title, pictures)
