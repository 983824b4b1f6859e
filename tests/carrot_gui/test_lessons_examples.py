"""The shipped example lesson: never stale, and every scene does in the labs' own logic what its note says."""

from __future__ import annotations

import pytest

from carrot_gui.expression.session import load_source
from carrot_gui.lessons import open_lesson
from carrot_gui.lessons.examples import build_example_lesson, example_path, write_example_lesson
from carrot_gui.network import datasets
from carrot_gui.network.trainer import NetworkSession
from carrot_gui.training.session import DIVERGED, FINISHED, TrainingSession


def test_the_shipped_file_is_what_a_fresh_build_gives():
    """If this fails, run `python -m carrot_gui.lessons.examples` and commit the file."""
    assert example_path().is_file(), example_path()
    assert open_lesson(example_path()) == build_example_lesson()


def test_writing_it_elsewhere_gives_the_same_lesson(tmp_path):
    path = write_example_lesson(tmp_path / "copy.carrot")
    assert open_lesson(path) == open_lesson(example_path())


def test_the_scenes_are_the_lecture_in_order():
    lesson = build_example_lesson()
    assert [s.title for s in lesson.scenes] == [
        "x·y",
        "a·2 + a·3 (accumulation)",
        "a neuron",
        "training with lr 0.05",
        "lr 100 diverges",
        "XOR",
    ]
    assert [s.lab for s in lesson.scenes] == ["expression"] * 3 + ["training"] * 2 + ["network"]
    assert all(s.note for s in lesson.scenes)


@pytest.mark.parametrize(
    "scene, grads",
    [
        (0, {"x": 4.0, "y": 2.0}),  # the original's output: y.grad=2.0, x.grad=4.0
        (1, {"a": 5.0}),  # 2 + 3
        (2, {"w1": 1.0, "x1": -1.5, "w2": 0.0, "x2": 0.5, "b": 0.5}),
    ],
)
def test_expression_scenes_give_the_gradients_their_notes_promise(scene, grads):
    state = build_example_lesson().scenes[scene].expression
    timeline = load_source(state.source).timeline(state.mode)
    for label, want in grads.items():
        assert float(timeline.gradient(label, len(timeline))) == pytest.approx(want), label


def test_the_training_scenes_converge_and_diverge():
    outcomes = []
    for scene in build_example_lesson().scenes[3:5]:
        t = scene.training
        session = TrainingSession(t.data.dataset(), t.settings.to_config())
        for _ in session.run():
            pass
        outcomes.append(session.state)
    assert outcomes == [FINISHED, DIVERGED]


def test_the_xor_scene_builds_a_network_that_fits_its_data():
    net = build_example_lesson().scenes[5].network
    session = NetworkSession(net.settings.to_spec(), datasets.generate(net.data.to_config()))
    assert session.data.title == "XOR"
    assert session.spec.widths == [2, 4, 2, 1]
