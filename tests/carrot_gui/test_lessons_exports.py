"""Handout exports: every backward step as a numbered SVG frame whose numbers are text, and a PDF handout
with the graph drawn at the start and at the end of the backward pass for every scene, its text selectable."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pypdf

from carrot_gui.lessons.handout import handout_of

ACCUMULATING = "a = 2.0\nx = a * 2\ny = a * 3\nz = x + y\n"


def svg_text(path: str) -> str:
    return " | ".join(t.strip() for t in ET.parse(path).getroot().itertext() if t.strip())


def test_every_backward_step_as_a_numbered_svg_frame_with_its_numbers_as_text(window, tmp_path):
    lab = window.expressionLab
    assert lab.build_source(ACCUMULATING)
    lab.seek(2)
    tl = lab.timeline
    frames = window.lessonUi.export_frames(str(tmp_path / "svg"), "svg")
    steps = handout_of(tl, "t", "").steps
    assert len(frames) == len(steps) == len(tl) - tl.backward_start > 0
    assert sorted(p.name for p in (tmp_path / "svg").iterdir()) == [
        f"step-{k:03d}.svg" for k in range(1, len(frames) + 1)
    ]
    assert tl.position == 2  # put back
    texts = [svg_text(p) for p in frames]  # each parses as XML
    for text, step in zip(texts, steps, strict=True):
        assert f"∇ {step.grad_out}" in text, (step, text)
        if step.kind == "edge":
            assert f"sends ∇ {step.grad_out}" in text
    assert "∇ 3.0 + 2.0 = 5.0" in texts[-2] and "∇ 5.0" not in texts[0]  # the accumulation, then a.grad
    assert window.exportSvgFramesAction.text().replace("&", "") == "Export every step as SVG frames…"


def _page_has_picture(page) -> bool:
    """An image XObject or a form XObject (a vector drawing) on the page, or many path operators."""
    resources = page.get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    if len(xobjects):
        return True
    content = page.get_contents().get_data()
    return content.count(b" l\n") + content.count(b" c\n") > 200


def test_the_pdf_handout_draws_the_graph_at_the_start_and_the_end_of_every_scene(window, tmp_path):
    lab = window.expressionLab
    assert lab.build_source(ACCUMULATING)
    window.lessons.add_current("accumulation")
    assert lab.build_source("x = 3.0\ny = -2.0\nz = x * y\n")
    window.lessons.add_current("product")
    pdf = tmp_path / "handout.pdf"
    assert window.lessonUi.export_pdf(str(pdf)), window.lessons.last_error
    reader = pypdf.PdfReader(pdf)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())  # selectable text
    assert text.count("Graph before backward()") == 3 and text.count("Graph after backward()") == 3
    for source in (ACCUMULATING, "x = 3.0\ny = -2.0\nz = x * y\n"):
        assert lab.build_source(source)
        handout = handout_of(lab.timeline, "t", "")
        for step in handout.steps:
            assert step.accumulation in text and step.edge in text
        for node in handout.gradients:  # the final gradients
            assert f"{node.label} {node.kind} {node.value} {node.grad}" in text
    assert "3.0 + 2.0 = 5.0" in text
    pictures = [i for i, page in enumerate(reader.pages) if _page_has_picture(page)]
    assert len(pictures) >= 3, pictures  # the pictures are on the scenes' pages
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 6  # start and end of each of the three scenes


def test_pictures_are_drawn_for_paper_in_the_light_theme_and_the_window_keeps_its_theme(window):
    from PySide6.QtGui import QColor

    from carrot_gui import theme
    from carrot_gui.lessons.qt.pictures import graph_pictures

    window.set_theme("dark", remember=False)
    window.set_projector(True)
    dark = theme.current()
    lab = window.expressionLab
    assert lab.build_source(ACCUMULATING)
    lab.seek(5)
    pictures = graph_pictures(lab.loaded.named, "topological", "t", ACCUMULATING)
    assert pictures.start.pixelColor(2, 2) == QColor(theme.LIGHT.background)
    assert pictures.start != pictures.end  # the gradients came in
    assert theme.current() is dark and lab.timeline.position == 5  # the window as it was
