"""Opening a bad lesson file: corrupt, truncated, hostile or newer files are refused with one LessonError that
names the file and the reason, before anything is built."""

from __future__ import annotations

import io
import json
import os
import pickle
import struct
import zipfile

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lesson_samples import every_kind

import pycarrot as pc
from carrot_gui.lessons import LessonError, open_lesson, save_lesson
from carrot_gui.lessons.examples import build_example_lesson
from carrot_gui.lessons.format import lesson_from_json, lesson_to_json


def _npz_bytes(arrays: dict, tmp_path) -> bytes:
    path = tmp_path / "a.npz"
    pc.save(arrays, path)
    return path.read_bytes()


def craft(tmp_path, doc=None, npz: bytes | None = None, members=None, name="bad.carrot"):
    """A lesson zip with ``doc`` as lesson.json (a dict, or raw bytes) and ``npz`` as arrays.npz (default:
    the example lesson's), or exactly ``members`` ({name: bytes})."""
    good_doc, arrays = lesson_to_json(build_example_lesson())
    if members is None:
        text = doc if isinstance(doc, bytes) else json.dumps(good_doc if doc is None else doc).encode()
        members = {"lesson.json": text, "arrays.npz": _npz_bytes(arrays, tmp_path) if npz is None else npz}
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


def example_doc():
    return lesson_to_json(build_example_lesson())[0]


def refused(path, *patterns):
    with pytest.raises(LessonError) as info:
        open_lesson(path)
    message = str(info.value)
    assert os.fspath(path) in message, message  # names the file
    for p in patterns:
        assert p in message, message
    return message


def test_the_crafted_good_file_opens(tmp_path):
    assert open_lesson(craft(tmp_path)) == build_example_lesson()


def test_missing_folder_pipe_and_not_a_zip(tmp_path):
    refused(tmp_path / "nope.carrot", "no such file")
    refused(tmp_path, "folder")
    fifo = tmp_path / "pipe.carrot"
    os.mkfifo(fifo)
    refused(fifo, "not a regular file")  # and it does not block waiting for a writer
    text = tmp_path / "notes.carrot"
    text.write_text("x = 2.0\n")
    refused(text, "no zip signature")


def test_a_pickle_is_refused_unread(tmp_path):
    path = tmp_path / "evil.carrot"
    path.write_bytes(pickle.dumps({"format": "pycarrot-lesson"}))
    refused(path, "pickle")


def test_a_pickle_inside_the_arrays_is_refused(tmp_path):
    buf = io.BytesIO()
    np.save(buf, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with io.BytesIO() as npz:
        with zipfile.ZipFile(npz, "w") as zf:
            zf.writestr("s0.expression.values.x.npy", buf.getvalue())
        data = npz.getvalue()
    refused(craft(tmp_path, npz=data), "arrays.npz", "dtype object")


@pytest.mark.parametrize("cut", [10, 100, 0.5, -30])
def test_a_truncated_file_is_refused(tmp_path, cut):
    good = tmp_path / "good.carrot"
    save_lesson(build_example_lesson(), good)
    data = good.read_bytes()
    n = int(len(data) * cut) if isinstance(cut, float) else cut
    bad = tmp_path / "cut.carrot"
    bad.write_bytes(data[:n])
    refused(bad)


def test_flipped_bytes_are_refused(tmp_path):
    good = tmp_path / "good.carrot"
    save_lesson(build_example_lesson(), good)
    data = bytearray(good.read_bytes())
    data[len(data) // 3] ^= 0xFF  # inside a member: the CRC or the deflate stream catches it
    bad = tmp_path / "flipped.carrot"
    bad.write_bytes(bytes(data))
    refused(bad)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    members = {"lesson.json": b" " * (80 << 20), "arrays.npz": _npz_bytes({}, tmp_path)}
    path = craft(tmp_path, members=members)
    assert path.stat().st_size < 200_000  # 80 MiB of spaces deflate to ~80 kB
    refused(path, "lesson.json", "more than the")


def test_a_huge_declared_array_is_refused_without_allocating(tmp_path):
    header = {"descr": "<f8", "fortran_order": False, "shape": (10**6, 10**6)}  # 10¹² elements
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, header)
    with io.BytesIO() as npz:
        with zipfile.ZipFile(npz, "w") as zf:
            zf.writestr("s3.training.losses.npy", buf.getvalue() + b"\0" * 64)
        data = npz.getvalue()
    refused(craft(tmp_path, npz=data), "arrays.npz", "(1000000, 1000000)")


def test_a_lying_member_size_is_refused(tmp_path):
    path = craft(tmp_path)
    data = bytearray(path.read_bytes())
    # raise lesson.json's declared size in the central directory to 2 GiB
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(b"lesson.json"))
    struct.pack_into("<I", data, at + 24, 2**31)
    path.write_bytes(bytes(data))
    refused(path, "lesson.json")


@pytest.mark.parametrize(
    "members, reason",
    [
        ({"lesson.json": b"{}"}, "exactly lesson.json and arrays.npz"),
        ({"lesson.json": b"{}", "arrays.npz": b"", "../../etc/passwd": b"x"}, "'../../etc/passwd'"),
        ({"../lesson.json": b"{}", "arrays.npz": b""}, "'../lesson.json'"),
        ({}, "holds nothing"),
    ],
)
def test_unexpected_members_are_refused(tmp_path, members, reason):
    refused(craft(tmp_path, members=members), reason)


def test_duplicate_members_are_refused(tmp_path):
    path = craft(tmp_path)
    with zipfile.ZipFile(path, "a") as zf, pytest.warns(UserWarning, match="Duplicate name"):
        zf.writestr("lesson.json", b"{}")
    refused(path, "exactly lesson.json and arrays.npz")


def test_a_newer_version_is_refused_with_its_number(tmp_path):
    doc = example_doc()
    doc["version"] = 7
    doc["scenes"][0]["hologram"] = {"new": "lab"}  # whatever a newer PyCarrot writes
    refused(craft(tmp_path, doc), "made by a newer PyCarrot (version 7)")


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda d: d.update(format="something-else"), "not a PyCarrot lesson"),
        (lambda d: d.update(version="1"), "version: expected a whole number"),
        (lambda d: d.update(scenes=[]), "at least one scene"),
        (lambda d: d.update(current=9), "current scene 9 does not exist"),
        (lambda d: d.update(extra=1), "unknown field 'extra'"),
        (lambda d: d["scenes"][0].update(lab="chemistry"), "'chemistry' is not one of expression, training"),
        (lambda d: d["scenes"][0].update(lab="network"), "shows the network lab but holds no state"),
        (lambda d: d["scenes"][0]["expression"].update(source="z = x *"), "scene 1 ('x·y') › expression"),
        (lambda d: d["scenes"][0]["expression"].update(mode="random"), "'random' is not one of topological"),
        (lambda d: d["scenes"][0]["expression"].update(position=-1), "position: -1 is outside"),
        (lambda d: d["scenes"][3]["training"]["settings"].update(learning_rate=-1), "learning_rate"),
        (lambda d: d["scenes"][3]["training"]["settings"].update(momentum=1.5), "momentum must be in [0, 1)"),
        (
            lambda d: d["scenes"][3]["training"]["data"].update(kind="sql"),
            "'sql' is not one of synthetic, csv",
        ),
        (lambda d: d["scenes"][3]["training"]["data"].update(weights=[]), "one to 64 true slopes"),
        (
            lambda d: d["scenes"][3]["training"].update(weights="nowhere"),
            "the array 'nowhere' is not in the file",
        ),
        (
            lambda d: d["scenes"][5]["network"]["settings"].update(hidden=[[99, "tanh"]]),
            "needs 1 to 32 neurons",
        ),
        (lambda d: d["scenes"][5]["network"]["data"].update(kind_name="spiral"), "3 classes"),
        (lambda d: d["scenes"][5]["network"].update(steps_done=True), "steps_done: expected a whole number"),
        (lambda d: d["scenes"][4].update(note=["a"]), "note: expected text, found a list"),
        (lambda d: d["scenes"][2]["expression"].update(values={"2 x": "x"}), "must be a name"),
    ],
)
def test_inconsistent_content_is_refused_with_where_and_why(tmp_path, change, reason):
    doc = example_doc()
    change(doc)
    refused(craft(tmp_path, doc), reason)


def test_arrays_of_the_wrong_shape_or_dtype_or_unused_are_refused(tmp_path):
    doc, arrays = lesson_to_json(build_example_lesson())
    bad = dict(arrays)
    bad["s3.training.params"] = np.zeros((0, 5))
    refused(craft(tmp_path, npz=_npz_bytes(bad, tmp_path)), "shape (0, 5), expected (0, 2)")
    bad = dict(arrays)
    bad["s3.training.losses"] = np.zeros(0, dtype=np.float32)
    refused(craft(tmp_path, npz=_npz_bytes(bad, tmp_path)), "holds float32, expected float64")
    refused(craft(tmp_path, npz=_npz_bytes({**arrays, "stowaway": np.ones(3)}, tmp_path)), "'stowaway'")
    missing = {k: v for k, v in arrays.items() if k != "s5.network.losses"}
    refused(craft(tmp_path, npz=_npz_bytes(missing, tmp_path)), "'s5.network.losses' is not in the file")


@pytest.mark.parametrize(
    "text, reason",
    [
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"format": "pycarrot-lesson", "version": NaN}', "NaN, which is not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"format": ', "not valid JSON (line 1, column 12"),
        (b"[]", "lesson.json: expected an object, found a list"),
    ],
)
def test_bad_json_is_refused(tmp_path, text, reason):
    refused(craft(tmp_path, text), reason)


# ---------------------------------------------------------------------------------------------------------
# fuzzing: any change to any field gives a lesson or a LessonError, never another exception
# ---------------------------------------------------------------------------------------------------------


def _paths(node, here=()):
    yield here
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*here, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*here, i))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_changed_field_is_a_lesson_or_a_lesson_error(data):
    doc, arrays = lesson_to_json(every_kind())
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(json_values)
    try:
        lesson_from_json(json.loads(json.dumps(doc)), arrays)
    except LessonError:
        pass
