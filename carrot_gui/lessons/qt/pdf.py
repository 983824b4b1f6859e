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

from pycarrot.serialization import atomic_write

from ... import theme
from ..fields import LessonError
from ..format import Lesson
from ..handout import Handout, lesson_handouts

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
BODY_PT = 9.0

_KIND_WORDS = {"seed": "start", "edge": "edge", "accumulate": "add to .grad", "visit": "visit"}


def _cell(text: str, colour: str = "", mono: bool = False) -> str:
    style = (f"color:{colour};" if colour else "") + (
        f"font-family:'{theme.LIGHT.mono_family}';" if mono else ""
    )
    return f'<td style="{style}">{escape(text)}</td>' if style else f"<td>{escape(text)}</td>"


def _table(headers: Sequence[tuple[str, int]], rows: Sequence[str], width: int = 100) -> str:
    """A table of ``rows`` under ``headers`` ((text, percent of the width) each); the header row repeats on
    every page the table spans."""
    head = "".join(f'<th width="{w}%">{escape(h)}</th>' for h, w in headers)
    return (
        f'<table border="1" cellspacing="0" cellpadding="3" width="{width}%" '
        'style="border-color:#c8c4bb; margin-bottom:12px;">'
        f'<thead><tr style="background-color:#efece6;">{head}</tr></thead>{"".join(rows)}</table>'
    )


def section_html(h: Handout, first: bool = True) -> str:
    """One handout as HTML (Qt's rich-text subset); a later section starts on a new page."""
    t = theme.LIGHT
    value, grad = t.value, t.gradient
    brk = "" if first else ' style="page-break-before: always;"'
    parts = [f"<h2{brk}>{escape(h.title or 'Expression')}</h2>"]
    parts.append(f"<pre style=\"font-family:'{t.mono_family}';\">{escape(h.source.strip())}</pre>")
    parts.append(f"<p>Backward order: <b>{escape(h.mode)}</b>. {escape(h.note)}</p>")
    parts.append("<h3>Forward values</h3>")
    rows = [f"<tr>{_cell(n.label)}{_cell(n.kind)}{_cell(n.value, value)}</tr>" for n in h.values]
    parts.append(_table((("Node", 45), ("Kind", 20), ("Value", 35)), rows, 70))
    parts.append(f'<h3 style="margin-top: 14px;">Every step of backward() ({len(h.steps)} steps)</h3>')
    rows = [
        "<tr>"
        + _cell(str(s.step))
        + _cell(_KIND_WORDS.get(s.kind, s.kind))
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
                ("Step", 7),
                ("What", 12),
                ("Edge / node", 17),
                ("Local rule", 23),
                ("Gradient in", 11),
                ("Gradient out", 11),
                ("Accumulation", 19),
            ),
            rows,
        )  # fmt: skip
    )
    parts.append('<h3 style="margin-top: 14px;">Final gradients</h3>')
    rows = [
        f"<tr>{_cell(n.label)}{_cell(n.kind)}{_cell(n.value, value)}{_cell(n.grad, grad)}</tr>"
        for n in h.gradients
    ]
    parts.append(_table((("Node", 35), ("Kind", 20), ("Value", 22), ("Gradient", 23)), rows, 70))
    return "\n".join(parts)


def handout_html(handouts: Sequence[Handout], title: str = "") -> str:
    """The whole handout as HTML: a title, a line on the colours, then one section per handout."""
    t = theme.LIGHT
    head = f"<h1>{escape(title)}</h1>" if title else ""
    legend = (
        f'<p>Values are <span style="color:{t.value};">blue</span>, gradients '
        f'<span style="color:{t.gradient};">orange</span>. The step numbers are the lab\'s: seek there to see one.</p>'
    )
    body = "\n".join(section_html(h, i == 0) for i, h in enumerate(handouts))
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


def write_handout_pdf(handouts: Sequence[Handout], path: str | os.PathLike, title: str = "") -> None:
    """A PDF of ``handouts`` (one section each)."""
    if not handouts:
        raise LessonError("nothing to hand out: no scene has an expression")
    write_pdf(handout_html(handouts, title), path, title or handouts[0].title)


def write_lesson_pdf(lesson: Lesson, path: str | os.PathLike) -> None:
    """A PDF with one section per scene of ``lesson`` that has an expression."""
    write_handout_pdf(lesson_handouts(lesson), path, lesson.title)
