"""pc.save / pc.load: round trips, the exact path, atomic replace, and every kind of bad file."""

import io
import os
import pickle
import struct
import tracemalloc
import zipfile

import numpy as np
import pytest
from zip_samples import npy_bytes, patched_member, write_zip

import pycarrot as pc
import pycarrot.nn as nn
from pycarrot import serialization
from pycarrot.carrot import Carrot


def npy_header_only(shape, dtype="<f8", data=b""):
    """A .npy whose header declares ``shape`` but that holds only ``data``."""
    header = {"descr": dtype, "fortran_order": False, "shape": shape}
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, header)
    return buf.getvalue() + data


# ---------------------------------------------------------------------------------------------------------
# Round trips
# ---------------------------------------------------------------------------------------------------------


def test_round_trip_keeps_names_order_dtypes_and_shapes(tmp_path):
    state = {
        "layer1.weight": np.arange(6.0).reshape(2, 3),
        "layer1.bias": np.zeros(3, dtype=np.float32),
        "steps": np.array(7),
        "mask": np.array([True, False]),
        "fortran": np.asfortranarray(np.arange(6.0).reshape(3, 2)),
        "allow_pickle": np.ones(1),  # names np.savez's own keyword arguments would swallow
        "file": np.ones(2),
        "empty": np.zeros((0, 4)),
        "nested/with slash": Carrot(np.ones(2)),  # Carrots are saved as their data
        "number": 2.5,
    }
    pc.save(state, tmp_path / "state.npz")
    loaded = pc.load(tmp_path / "state.npz")
    assert list(loaded) == list(state)
    for key, value in state.items():
        expected = value.data if isinstance(value, Carrot) else np.asarray(value)
        assert isinstance(loaded[key], np.ndarray)
        assert loaded[key].dtype == expected.dtype and loaded[key].shape == expected.shape
        assert np.array_equal(loaded[key], expected)
    pc.save({}, tmp_path / "empty.npz")
    assert pc.load(tmp_path / "empty.npz") == {}


def test_module_is_saved_through_its_state_dict(tmp_path):
    model = nn.Sequential(nn.Linear(3, 2), nn.Tanh(), nn.Linear(2, 1))
    pc.save(model, str(tmp_path / "m.pth"))
    loaded = pc.load(str(tmp_path / "m.pth"))
    assert list(loaded) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert all(np.array_equal(loaded[k], v.data) for k, v in model.state_dict().items())


def test_writes_exactly_the_path_given_and_numpy_can_read_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.mkdir("models")
    pc.save({"w": np.ones(2)}, "models/linear_model.pth")
    pc.save({"w": np.ones(2)}, "noext")
    assert sorted(os.listdir("models")) == ["linear_model.pth"]
    assert sorted(os.listdir(".")) == ["models", "noext"]
    with np.load("models/linear_model.pth", allow_pickle=False) as npz:
        assert np.array_equal(npz["w"], np.ones(2))


def test_saved_file_permissions_follow_the_umask(tmp_path):
    pc.save({"w": np.ones(1)}, tmp_path / "p.npz")
    assert (os.stat(tmp_path / "p.npz").st_mode & 0o777) == (0o666 & ~serialization._umask)


def test_loads_files_written_by_numpy_savez_and_savez_compressed(tmp_path):
    np.savez(tmp_path / "a.npz", w=np.arange(3.0), b=np.zeros(2))
    np.savez_compressed(tmp_path / "c.npz", w=np.zeros((100, 100)))
    assert list(pc.load(tmp_path / "a.npz")) == ["w", "b"]
    assert pc.load(tmp_path / "c.npz")["w"].shape == (100, 100)


# ---------------------------------------------------------------------------------------------------------
# Atomic save
# ---------------------------------------------------------------------------------------------------------


def test_a_save_that_fails_midway_leaves_the_old_file_and_no_temp_files(tmp_path, monkeypatch):
    target = tmp_path / "model.pth"
    pc.save({"w": np.full(3, 1.0)}, target)
    original = target.read_bytes()
    calls = []
    real_write = np.lib.format.write_array

    def crash_on_second(fp, arr, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        return real_write(fp, arr, *args, **kwargs)

    monkeypatch.setattr(np.lib.format, "write_array", crash_on_second)
    with pytest.raises(OSError, match="disk full"):
        pc.save({"w": np.full(3, 2.0), "b": np.zeros(1)}, target)
    assert target.read_bytes() == original
    assert os.listdir(tmp_path) == ["model.pth"]
    monkeypatch.undo()
    assert np.array_equal(pc.load(target)["w"], np.full(3, 1.0))


def test_save_refuses_bad_input_before_touching_the_disk(tmp_path):
    with pytest.raises(TypeError, match="only real-number arrays"):
        pc.save({"w": np.array([object()])}, tmp_path / "x")
    with pytest.raises(TypeError, match="only real-number arrays"):
        pc.save({"w": "hello"}, tmp_path / "x")
    with pytest.raises(TypeError, match="is not an array"):
        pc.save({"w": [[1.0], [1.0, 2.0]]}, tmp_path / "x")
    with pytest.raises(ValueError, match="non-empty strings"):
        pc.save({1: np.ones(1)}, tmp_path / "x")
    with pytest.raises(ValueError, match="non-empty strings"):
        pc.save({"": np.ones(1)}, tmp_path / "x")
    with pytest.raises(TypeError, match="a Module or a dict"):
        pc.save([np.ones(1)], tmp_path / "x")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        pc.save({"w": np.ones(1)}, tmp_path / "no" / "such" / "dir.npz")
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------------------------------------------------
# Bad files: ValueError naming the file and the reason
# ---------------------------------------------------------------------------------------------------------


def expect_bad(path, reason):
    with pytest.raises(ValueError) as err:
        pc.load(path)
    msg = str(err.value)
    assert str(path) in msg, msg
    assert reason in msg, msg
    return msg


def test_missing_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        pc.load(tmp_path / "nope.npz")


def test_empty_and_garbage_files(tmp_path):
    (tmp_path / "empty").write_bytes(b"")
    expect_bad(tmp_path / "empty", "no zip signature")
    (tmp_path / "text").write_text("w = [1, 2, 3]\n")
    expect_bad(tmp_path / "text", "no zip signature")


def test_a_pickle_is_refused_with_an_explanation(tmp_path):
    path = tmp_path / "old_pycarrot.pth"
    with open(path, "wb") as fh:
        pickle.dump({"layer1.weight": np.ones((1, 1))}, fh)  # what the original PyCarrot wrote
    expect_bad(path, "pickle")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_files(tmp_path, keep):
    good = tmp_path / "good.npz"
    pc.save({"w": np.arange(1000.0), "b": np.ones(10)}, good)
    data = good.read_bytes()
    bad = tmp_path / "cut.npz"
    bad.write_bytes(data[: int(len(data) * keep)])
    expect_bad(bad, "cannot load")


def test_corrupted_array_bytes_fail_the_checksum(tmp_path):
    path = tmp_path / "flip.npz"
    pc.save({"w": np.zeros(1000)}, path)
    data = bytearray(path.read_bytes())
    data[600] ^= 0xFF  # inside the array's data
    path.write_bytes(bytes(data))
    expect_bad(path, "corrupt")


def test_object_arrays_are_refused_without_unpickling(tmp_path):
    path = write_zip(tmp_path / "obj.npz", [("w.npy", npy_bytes(np.array([{"a": 1}], dtype=object), True))])
    expect_bad(path, "dtype object")


@pytest.mark.parametrize(
    "arr",
    [
        np.array([1 + 2j]),
        np.array(["abc"]),
        np.zeros(2, dtype=[("a", "<f8"), ("b", "<i4")]),
        np.zeros(1, "M8[s]"),
    ],
    ids=["complex", "string", "structured", "datetime"],
)
def test_non_real_dtypes_are_refused(tmp_path, arr):
    path = write_zip(tmp_path / "d.npz", [("w.npy", npy_bytes(arr))])
    expect_bad(path, "only plain real-number arrays")


def test_non_array_members_are_refused(tmp_path):
    expect_bad(write_zip(tmp_path / "a.npz", [("readme.txt", b"hello")]), "'readme.txt' is not a .npy array")
    expect_bad(write_zip(tmp_path / "b.npz", [("w.npy", b"not numpy at all")]), "no NumPy magic")
    expect_bad(
        write_zip(tmp_path / "c.npz", [("w.npy", b"\x93NUMPY\x01\x00\x10\x00{'descr': ")]), "malformed"
    )
    expect_bad(write_zip(tmp_path / "d.npz", [("dir/", b"")]), "is not a .npy array")


def test_duplicate_members_are_refused(tmp_path):
    member = npy_bytes(np.ones(1))
    expect_bad(write_zip(tmp_path / "dup.npz", [("w.npy", member), ("w.npy", member)]), "appears twice")


@pytest.mark.parametrize("shape", [(10**12,), (10**6, 10**6, 10**6), (2**62, 4), (1000,)])
def test_absurd_declared_shapes_are_refused_before_allocating(tmp_path, shape):
    path = write_zip(tmp_path / "huge.npz", [("w.npy", npy_header_only(shape, data=b"\x00" * 8))])
    tracemalloc.start()
    try:
        msg = expect_bad(path, f"declares shape {shape}")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "holds 8 bytes of data" in msg
    assert peak < 5_000_000


def test_negative_dimensions_are_refused(tmp_path):
    path = write_zip(tmp_path / "neg.npz", [("w.npy", npy_header_only((-1, -8), data=b"\x00" * 64))])
    expect_bad(path, "negative dimension")


def claim_a_gigabyte(path):
    """Rewrite the uncompressed size of the archive's last member in the central directory (offset 24 of the
    entry) to 1 GB, whatever the member really holds."""
    data = bytearray(path.read_bytes())
    cd = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, 10**9)
    path.write_bytes(bytes(data))


def test_compressed_member_claiming_an_impossible_expansion(tmp_path):
    path = tmp_path / "bomb.npz"
    write_zip(path, [("w.npy", npy_bytes(np.zeros(10)))], compression=zipfile.ZIP_DEFLATED)
    claim_a_gigabyte(path)
    expect_bad(path, "claims to expand")


def test_stored_member_whose_sizes_disagree(tmp_path):
    path = write_zip(tmp_path / "lie.npz", [("w.npy", npy_bytes(np.zeros(10)))])
    claim_a_gigabyte(path)
    expect_bad(path, "declares 1000000000 bytes")


def test_directory_is_not_a_state_file(tmp_path):
    with pytest.raises((IsADirectoryError, PermissionError)):
        pc.load(tmp_path)


# ---------------------------------------------------------------------------------------------------------
# Hostile files (issue 12): bounded time and memory, ValueError naming the file and the reason
# ---------------------------------------------------------------------------------------------------------


def test_many_members_load_in_linear_time(bounded, tmp_path):
    # 100,000 empty members took 197 s (a list searched once per member); 10 times the members must take
    # about 10 times as long, not 100 (CPU time in a child process, so the machine's load matters less)
    result = bounded(
        f"""
        import io, zipfile
        import numpy as np
        import pycarrot as pc
        buf = io.BytesIO()
        np.lib.format.write_array(buf, np.zeros(0))
        times = []
        for n in (5_000, 50_000):
            path = {str(tmp_path)!r} + f"/m{{n}}.npz"
            with zipfile.ZipFile(path, "w") as zf:
                for i in range(n):
                    zf.writestr(f"p{{i}}.npy", buf.getvalue())
            out = {{}}
            times.append(measure(lambda: out.update(pc.load(path))))
            assert len(out) == n
        result = times
        """,
        cpu_seconds=60,
    )
    small, large = result
    assert large < 25 * max(small, 0.01), result


def member_claiming(tmp_path, method, inflated, declared=1 << 20):
    """A one-member archive whose zip headers declare ``declared`` bytes but whose data inflates to
    ``inflated`` (the .npy header agrees with the declared size, so only the real inflation is wrong)."""
    header = npy_header_only(((declared - 128) // 8,))
    path = tmp_path / f"bomb{method}.npz"
    info = zipfile.ZipInfo("w.npy")
    info.compress_type = method
    with zipfile.ZipFile(path, "w") as zf, zf.open(info, "w") as fh:
        fh.write(header)
        for _ in range(inflated >> 20):
            fh.write(bytes(1 << 20))
    data = bytearray(path.read_bytes())
    claimed = (declared - 128) // 8 * 8 + len(header)
    struct.pack_into("<I", data, 22, claimed)  # local header
    struct.pack_into("<I", data, data.rindex(b"PK\x01\x02") + 24, claimed)  # central directory
    path.write_bytes(bytes(data))
    return path


def load_in_child(bounded, path, **limits):
    """pc.load(path) in a child process with ``limits``: "loaded", or the ValueError's message."""
    code = f"""
        import pycarrot as pc
        try:
            pc.load({str(path)!r})
            result = "loaded"
        except ValueError as exc:
            result = str(exc)
        """
    return bounded(code, **limits)


@pytest.mark.parametrize("method,name", [(zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "LZMA")])
def test_bzip2_and_lzma_members_are_refused_unread(bounded, tmp_path, method, name):
    # zipfile inflates a whole bzip2/LZMA chunk whatever the header declares: a 1.7 KB member that
    # declared 1 MB took 4.2 GB. Here 64 MiB behind a 64 KiB claim, in a child allowed 170 MiB in all
    # (Python with NumPy takes ~110 MiB of address space before loading anything).
    path = member_claiming(tmp_path, method, 64 << 20, declared=64 << 10)  # passes the ratio check
    result = load_in_child(bounded, path, memory_bytes=170 << 20)
    assert str(path) in result and f"uses {name} compression" in result, result
    assert "only stored and deflate" in result


def test_a_deflate_member_is_read_only_up_to_its_declared_size(tmp_path):
    # deflate members are read with a byte cap: data past the declared size is never inflated
    path = member_claiming(tmp_path, zipfile.ZIP_DEFLATED, 64 << 20, declared=8 << 10)
    tracemalloc.start()
    try:
        expect_bad(path, "cannot load")  # the CRC of the first 8 KiB does not match
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


def honest_deflate(path, nbytes):
    """A real deflate member holding ``nbytes`` of float64 zeros (it compresses ~1000 times)."""
    info = zipfile.ZipInfo("w.npy")
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w") as zf, zf.open(info, "w", force_zip64=True) as fh:
        fh.write(npy_header_only((nbytes // 8,)))
        for _ in range(nbytes >> 24):
            fh.write(bytes(1 << 24))
    return path


def test_what_a_file_may_expand_to_is_capped_before_allocating(bounded, tmp_path):
    # an honest 8 MB file may expand to 8 GiB: refused from the headers (default cap 2 GiB; settable)
    path = honest_deflate(tmp_path / "big.npz", 64 << 20)
    result = bounded(
        f"""
        import pycarrot as pc
        from pycarrot import serialization
        out = []
        for cap in (32 << 20, None):
            try:
                out.append(pc.load({str(path)!r}, max_bytes=cap)["w"].shape[0])
            except ValueError as exc:
                out.append(str(exc))
        serialization.MAX_LOAD_BYTES = 1 << 20
        try:
            pc.load({str(path)!r})
        except ValueError as exc:
            out.append(str(exc))
        result = out
        """,
        memory_bytes=600 << 20,
    )
    refused, fine, default = result
    assert str(path) in refused and "would take 67,108,864 bytes in memory" in refused, refused
    assert "more than the 33,554,432 allowed" in refused and "max_bytes" in refused
    assert fine == 8 << 20
    assert "more than the 1,048,576 allowed" in default
    assert serialization.MAX_LOAD_BYTES == 2 << 30


def test_encrypted_and_deflate64_members_give_value_error(tmp_path):
    # zipfile raises RuntimeError and NotImplementedError for these: both escaped pc.load
    expect_bad(patched_member(tmp_path / "enc.npz", flag=1), "member 'w.npy' is encrypted")
    expect_bad(patched_member(tmp_path / "d64.npz", method=9), "uses deflate64 compression")
    expect_bad(patched_member(tmp_path / "odd.npz", method=99), "uses method 99 compression")


def test_a_fifo_is_refused_at_once(bounded, tmp_path):
    fifo = tmp_path / "pipe.npz"
    os.mkfifo(fifo)
    result = load_in_child(bounded, fifo, wall_seconds=30)
    assert str(fifo) in result and "not a regular file" in result, result
    if os.path.exists("/dev/zero"):
        expect_bad("/dev/zero", "not a regular file")


def test_save_refuses_keys_that_would_extract_outside_the_folder(tmp_path):
    for key in ["../../x", "/etc/evil", "a/../../b", "..", "\\windows\\evil", "C:evil", "a\\..\\..\\b"]:
        with pytest.raises(ValueError, match="outside the archive's folder"):
            pc.save({key: np.ones(1)}, tmp_path / "x.npz")
    assert os.listdir(tmp_path) == []
    pc.save({"a/b..c/..d": np.ones(1), "...": np.zeros(1)}, tmp_path / "ok.npz")  # dots inside names are fine
    assert list(pc.load(tmp_path / "ok.npz")) == ["a/b..c/..d", "..."]


def test_save_a_long_legal_file_name(tmp_path):
    name = "m" * 255  # the longest name most file systems allow; the temporary name used to add to it
    pc.save({"w": np.ones(2)}, tmp_path / name)
    assert np.array_equal(pc.load(tmp_path / name)["w"], np.ones(2))
    assert os.listdir(tmp_path) == [name]


def test_re_saving_keeps_the_file_mode(tmp_path):
    path = tmp_path / "private.npz"
    pc.save({"w": np.ones(1)}, path)
    os.chmod(path, 0o600)
    pc.save({"w": np.zeros(1)}, path)
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert pc.load(path)["w"][0] == 0.0


def test_saving_through_a_symlink_writes_its_target(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "model.npz"
    pc.save({"w": np.ones(1)}, target)
    link = tmp_path / "link.npz"
    link.symlink_to(target)
    pc.save({"w": np.full(1, 5.0)}, link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert pc.load(target)["w"][0] == 5.0
    assert sorted(os.listdir(tmp_path / "real")) == ["model.npz"]  # no temporary file left beside it
    dangling = tmp_path / "dangling.npz"
    dangling.symlink_to(tmp_path / "real" / "new.npz")
    pc.save({"w": np.ones(1)}, dangling)
    assert dangling.is_symlink() and pc.load(tmp_path / "real" / "new.npz")["w"][0] == 1.0


def test_a_key_too_long_for_the_archive_gives_a_clear_error(tmp_path):
    with pytest.raises(ValueError) as err:
        pc.save({"k" * 70_000: np.ones(1)}, tmp_path / "k.npz")
    msg = str(err.value)
    assert "too long" in msg and "(70,000 characters)" in msg and "65,531 bytes" in msg, msg
    assert len(msg) < 300
    assert os.listdir(tmp_path) == []
    pc.save({"k" * 60_000: np.ones(1)}, tmp_path / "k.npz")  # long but within the format's limit
    assert list(pc.load(tmp_path / "k.npz")) == ["k" * 60_000]
