"""Lesson files round-trip exactly: every lab state, every data kind, any values (hypothesis), and autosave."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import fields

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from lesson_samples import CSV, every_kind

from carrot_gui.lessons import (
    DrawnData,
    EarlierRun,
    ExpressionState,
    GeneratedSettings,
    Lesson,
    LessonError,
    NetSettings,
    NetworkState,
    Scene,
    SyntheticSettings,
    TrainingState,
    TrainSettings,
    autosave_path,
    discard_autosave,
    find_autosave,
    open_lesson,
    save_lesson,
    write_autosave,
)
from carrot_gui.lessons.format import lesson_from_json, lesson_to_json
from carrot_gui.network.datasets import DataConfig
from carrot_gui.network.spec import NetworkSpec
from carrot_gui.training.session import TrainConfig


def _json_round_trip(lesson: Lesson) -> Lesson:
    doc, arrays = lesson_to_json(lesson)
    text = json.dumps(doc, allow_nan=False)
    return lesson_from_json(json.loads(text), {k: np.array(v) for k, v in arrays.items()})


def test_save_then_open_gives_the_same_lesson(tmp_path):
    lesson = every_kind()
    path = tmp_path / "lecture.carrot"
    save_lesson(lesson, path)
    back = open_lesson(path)
    assert back == lesson
    assert back.current == 2 and back.scenes[1].training.runs[0].label == "SGD lr=0.05"
    assert np.isnan(back.scenes[1].training.losses[3]) and back.scenes[1].training.losses[2] == np.inf
    assert back.scenes[0].expression.values["y"].shape == (1, 2)
    # a changed array is a different lesson (the comparison is not vacuous)
    other = every_kind()
    other.scenes[2].network.weights[0][0][0, 0] += 1e-12
    assert other != lesson


def test_saving_over_a_lesson_replaces_it_and_keeps_its_mode(tmp_path):
    path = tmp_path / "lecture.carrot"
    save_lesson(every_kind(), path)
    os.chmod(path, 0o640)
    small = Lesson("small", (Scene("one", lab="expression", expression=ExpressionState("a = 1.0")),))
    save_lesson(small, path)
    assert open_lesson(path) == small
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["lecture.carrot"]  # no temporary files left behind


def test_a_failed_save_leaves_the_old_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "lecture.carrot"
    save_lesson(every_kind(), path)
    before = path.read_bytes()

    def broken(*_args, **_kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("carrot_gui.lessons.format.pc.save", broken)
    with pytest.raises(LessonError, match=r"cannot save .*lecture\.carrot.*No space left"):
        save_lesson(every_kind(), path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["lecture.carrot"]


def test_the_settings_convert_to_and_from_the_labs_own_configs():
    config = TrainConfig("Adam", 0.02, 0.0, 0.0, 8, 10, "epochs", None, 3)
    assert TrainSettings.from_config(config).to_config() == config
    spec = NetworkSpec(hidden=(), learning_rate=0.5)
    assert NetSettings.from_spec(spec).to_spec() == spec
    assert GeneratedSettings("circles", 100, 0.1, 0.2, 5).to_config().kind == "circles"
    assert CSV.dataset().x.shape == (4, 2)
    assert SyntheticSettings(weights=(1.0, 2.0)).dataset().x.shape == (100, 2)


def test_the_mirrored_settings_keep_up_with_the_labs_configs():
    """The lesson's settings mirror the labs' configs field by field, defaults included: a field added to a
    lab's config fails here until the lesson format learns it."""
    assert [f.name for f in fields(TrainSettings)] == [f.name for f in fields(TrainConfig)]
    assert TrainSettings.from_config(TrainConfig()) == TrainSettings()
    assert [f.name for f in fields(NetSettings)] == [f.name for f in fields(NetworkSpec)]
    assert NetSettings.from_spec(NetworkSpec()) == NetSettings()
    assert [f.name for f in fields(GeneratedSettings)] == [
        "kind_name",
        *[f.name for f in fields(DataConfig)][1:],
    ]
    assert GeneratedSettings().to_config() == DataConfig()


def test_states_refuse_arrays_of_the_wrong_shape():
    with pytest.raises(LessonError, match=r"\(3,\)"):
        TrainingState(SyntheticSettings(weights=(1.0, 2.0)), weights=np.zeros(2))
    with pytest.raises(LessonError, match="2 layers of weights"):
        NetworkState(NetSettings(hidden=((3, "relu"),)), weights=((np.zeros((2, 3)), np.zeros(3)),))
    with pytest.raises(LessonError, match="shows the training lab but holds no state"):
        Scene("t", lab="training", expression=ExpressionState("a = 1.0"))


# ---------------------------------------------------------------------------------------------------------
# hypothesis: any valid state round-trips exactly through JSON and the arrays
# ---------------------------------------------------------------------------------------------------------

finite = st.floats(-1e6, 1e6, allow_nan=False)
anything = st.floats(allow_nan=True, allow_infinity=True)
texts = st.text(max_size=30)


def floats(shape):
    return hnp.arrays(np.float64, shape, elements=anything)


@st.composite
def expression_states(draw):
    source, names = draw(
        st.sampled_from(
            [("z = x * y", ["x", "y"]), ("a = 2.0\nz = a * 2 + a * 3", []), ("p = exp(w)", ["w"])]
        )
    )
    names = names + draw(st.lists(st.sampled_from(["k", "m"]), unique=True))
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=2, max_side=3))  # one shape: they broadcast
    values = {n: draw(floats(shape)) for n in names}
    mode = draw(st.sampled_from(["topological", "per-path"]))
    return ExpressionState(source, values, draw(st.integers(0, 10**6)), mode)


@st.composite
def training_states(draw):
    data = SyntheticSettings(
        draw(st.integers(2, 1000)),
        tuple(draw(st.lists(finite, min_size=1, max_size=3))),
        draw(finite),
        draw(st.floats(0, 10)),
        draw(st.integers(0, 2**32 - 1)),
    )
    settings = TrainSettings(
        draw(st.sampled_from(["SGD", "Adam"])),
        draw(st.floats(1e-6, 1e3)),
        draw(st.floats(0, 1)),
        draw(st.floats(0, 0.99)),
        draw(st.integers(0, 100)),
        draw(st.integers(1, 10**6)),
        draw(st.sampled_from(["steps", "epochs"])),
        draw(st.none() | st.floats(0, 10)),
        draw(st.integers(0, 100)),
    )
    d, n = data.n_features + 1, draw(st.integers(0, 5))
    weights = draw(st.none() | floats((d,)))
    runs = tuple(
        EarlierRun(draw(texts), draw(floats((draw(st.integers(0, 4)),))))
        for _ in range(draw(st.integers(0, 2)))
    )
    return TrainingState(
        data, draw(st.booleans()), settings, weights, draw(floats((n,))), draw(floats((n, d))), runs
    )


@st.composite
def network_states(draw):
    hidden = tuple(
        (draw(st.integers(1, 4)), draw(st.sampled_from(["relu", "tanh", "sigmoid", "leaky_relu", "none"])))
        for _ in range(draw(st.integers(0, 2)))
    )
    settings = NetSettings(hidden=hidden, learning_rate=draw(st.floats(1e-4, 10)), seed=draw(st.integers(0, 99)),
                           title=draw(texts))  # fmt: skip
    widths = settings.to_spec().widths
    weights = draw(
        st.none()
        | st.just(tuple((draw(floats((a, b))), draw(floats((b,)))) for a, b in zip(widths, widths[1:])))
    )
    n, m = draw(st.integers(0, 4)), draw(st.integers(0, 3))
    data = draw(
        st.builds(GeneratedSettings, st.sampled_from(["xor", "blobs", "circles", "moons"]), st.integers(10, 500),
                  st.floats(0, 2), st.floats(0, 0.9), st.integers(0, 99))
        | st.just(DrawnData(np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0, 1])))
    )  # fmt: skip
    layers = len(widths) - 1
    return NetworkState(settings, data, weights, draw(st.integers(0, 10**6)), draw(floats((n,))),
                        draw(floats((n, layers))), draw(floats((m,))), draw(floats((m, 4))))  # fmt: skip


@st.composite
def lessons(draw):
    scenes = []
    for _ in range(draw(st.integers(1, 3))):
        states = {
            "expression": draw(st.none() | expression_states()),
            "training": draw(st.none() | training_states()),
            "network": draw(st.none() | network_states()),
        }
        used = [lab for lab, s in states.items() if s is not None]
        if not used:
            states["expression"], used = ExpressionState("a = 1.0"), ["expression"]
        scenes.append(Scene(draw(texts), draw(texts), draw(st.sampled_from(used)), **states))
    return Lesson(draw(texts), tuple(scenes), draw(st.integers(0, len(scenes) - 1)))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(lessons())
def test_any_lesson_round_trips_exactly(lesson):
    assert _json_round_trip(lesson) == lesson


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                HealthCheck.function_scoped_fixture])  # fmt: skip
@given(lessons())
def test_any_lesson_round_trips_through_a_file(tmp_path, lesson):
    path = tmp_path / "h.carrot"
    save_lesson(lesson, path)
    assert open_lesson(path) == lesson


# ---------------------------------------------------------------------------------------------------------
# autosave
# ---------------------------------------------------------------------------------------------------------


def test_autosave_is_written_found_and_discarded(tmp_path):
    data_dir = tmp_path / "data" / "PyCarrot"
    assert find_autosave(data_dir) is None
    lesson = every_kind()
    path = write_autosave(lesson, data_dir)
    assert path == autosave_path(data_dir) and path.suffix == ".carrot"
    assert find_autosave(data_dir) == path
    assert open_lesson(find_autosave(data_dir)) == lesson
    discard_autosave(data_dir)
    assert find_autosave(data_dir) is None
    discard_autosave(data_dir)  # nothing to discard: no error


def test_an_autosave_survives_a_crash_while_it_is_being_written(tmp_path):
    """A process saving again and again is killed with SIGKILL: the autosave it leaves opens, whole."""
    code = textwrap.dedent(
        f"""
        import sys
        sys.path[:0] = [{os.getcwd()!r}, {os.path.dirname(__file__)!r}]
        from lesson_samples import every_kind
        from carrot_gui.lessons import write_autosave
        lesson = every_kind()
        write_autosave(lesson, {str(tmp_path)!r})
        print("saved", flush=True)
        while True:
            write_autosave(lesson, {str(tmp_path)!r})
        """
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=os.getcwd())
    try:
        assert child.stdout.readline().strip() == b"saved"
        time.sleep(0.3)  # somewhere in the middle of a later save
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert open_lesson(find_autosave(tmp_path)) == every_kind()
    # the killed save's temporary folder is swept at the next start, once it is old
    for p in [*tmp_path.glob(".pycarrot-lesson-*"), *tmp_path.glob(".pycarrot-*.tmp")]:
        os.utime(p, (time.time() - 3600, time.time() - 3600))
    find_autosave(tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["autosave.carrot"]
