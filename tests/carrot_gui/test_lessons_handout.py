"""Handouts: every backward step as a row (from the lab's own timeline), and a PDF whose text holds them all."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

import pycarrot as pc
from carrot_gui.expression.playback import FORWARD
from carrot_gui.expression.session import load_source
from carrot_gui.lessons import Lesson, LessonError, Scene, TrainingState
from carrot_gui.lessons.examples import build_example_lesson
from carrot_gui.lessons.handout import handout_for_source, handout_of, lesson_handouts
from carrot_gui.lessons.qt.pdf import write_handout_pdf, write_lesson_pdf

ACCUMULATION = "a = 2.0\nx = a * 2\ny = a * 3\nz = x + y\n"


def test_rows_are_every_backward_step_of_the_labs_timeline():
    timeline = load_source(ACCUMULATION).timeline()
    h = handout_of(timeline, "acc", ACCUMULATION)
    backward = [i + 1 for i, s in enumerate(timeline.steps) if s.kind != FORWARD]
    assert [r.step for r in h.steps] == backward  # the lab's positions: seek there to see the step
    assert [r.text for r in h.steps] == timeline.log()[backward[0] - 1 :]
    edges = [(r.edge, r.rule, r.grad_in, r.grad_out) for r in h.steps if r.kind == "edge"]
    assert edges == [
        ("z → x", "∂z/∂x = 1", "1.0", "1.0"),
        ("z → y", "∂z/∂y = 1", "1.0", "1.0"),
        ("y → a", "∂y/∂a = 3", "1.0", "3.0"),
        ("x → a", "∂x/∂a = 2", "1.0", "2.0"),
    ]
    assert [r.accumulation for r in h.steps if r.kind == "accumulate"][-1] == "a.grad = 3.0 + 2.0 = 5.0"
    assert h.steps[0].kind == "seed" and h.steps[0].accumulation == "z.grad = 1.0"
    assert [(g.label, g.grad) for g in h.gradients] == [
        ("a", "5.0"),
        ("x", "1.0"),
        ("y", "1.0"),
        ("z", "1.0"),
    ]
    assert [(v.label, v.value) for v in h.values][:3] == [("a", "2.0"), ("2", "2.0"), ("x", "4.0")]


def test_per_path_order_and_tensors_and_formula_labels():
    h = handout_for_source("x = 0.5\nu = x * x\nz = u * x", mode="per-path")
    assert h.mode == "per-path"
    assert h.gradients[0].label == "x" and float(h.gradients[0].grad) == pytest.approx(3 * 0.5**2)
    v = handout_for_source("w = [1.0, 2.0]\nloss = sum(w * w)")
    assert v.gradients[0].grad == "[2.0, 4.0]"
    n = handout_for_source("x = 1.0\ny = 2.0\nz = tanh(x * y)")
    assert "(x·y).grad = " in " ".join(r.accumulation for r in n.steps)  # a formula node is bracketed


def test_an_expression_without_variables_has_a_note_and_no_steps():
    h = handout_for_source("z = 2 * 3")
    assert h.steps == () and h.gradients == ()
    assert "does not depend on any variable" in h.note


def test_bad_source_raises_the_parsers_error():
    with pytest.raises(pc.ExpressionError):
        handout_for_source("z = x *")


def test_a_lesson_gives_one_handout_per_expression_scene():
    handouts = lesson_handouts(build_example_lesson())
    assert [h.title for h in handouts] == ["x·y", "a·2 + a·3 (accumulation)", "a neuron"]
    only_training = Lesson("t", (Scene("fit", lab="training", training=TrainingState()),))
    assert lesson_handouts(only_training) == []


# ---------------------------------------------------------------------------------------------------------
# the PDF
# ---------------------------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(path) -> tuple[str, int]:
    """The PDF's text with every run of white space as one space (pypdf puts tabs between words and new
    lines between table cells), and its page count."""
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text), len(reader.pages)


def _step_numbers(text: str) -> list[int]:
    """The numbers of the table's rows: a step number followed by what the step is."""
    return [int(m) for m in re.findall(r"(?<![\d.])(\d+) (?:start|edge|visit|add to)", text)]


def _row_texts(h):
    for r in h.steps:
        yield from (r.edge, r.rule, r.grad_in, r.grad_out, r.accumulation)


def test_the_lesson_pdf_holds_every_step_and_the_final_gradients_as_text(qapp, tmp_path):
    lesson = build_example_lesson()
    path = tmp_path / "handout.pdf"
    write_lesson_pdf(lesson, path)
    text, pages = _pdf_text(path)
    flat = _squash(text)
    handouts = lesson_handouts(lesson)
    assert pages >= len(handouts)  # each scene starts on a new page
    assert lesson.title in text
    for h in handouts:
        assert h.title in text
        assert f"Everystepofbackward()({len(h.steps)}steps)" in flat
        for cell in _row_texts(h):
            assert _squash(cell) in flat, (h.title, cell)
        for g in h.gradients:
            assert _squash(f"{g.label}{g.kind}{g.value}{g.grad}") in flat, (h.title, g)
    assert _step_numbers(text) == [r.step for h in handouts for r in h.steps]  # every row, in order
    # the numbers a student checks
    assert "a.grad = 3.0 + 2.0 = 5.0" in text
    assert _squash("∂(x1·w1)/∂w1 = x1 = 2.0") in flat


def test_a_single_handout_pdf_has_every_step_numbered(qapp, tmp_path):
    h = handout_for_source(ACCUMULATION, "accumulation")
    path = tmp_path / "one.pdf"
    write_handout_pdf([h], path)
    text, pages = _pdf_text(path)
    assert pages == 1
    assert _step_numbers(text) == [r.step for r in h.steps]


def test_an_empty_handout_is_refused_and_an_old_pdf_kept(qapp, tmp_path):
    path = tmp_path / "old.pdf"
    path.write_bytes(b"%PDF old")
    with pytest.raises(LessonError, match="no scene has an expression"):
        write_handout_pdf([], path)
    assert path.read_bytes() == b"%PDF old"
