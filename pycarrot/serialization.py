"""``pc.save`` / ``pc.load``: a state dict as a NumPy ``.npz`` archive, never a pickle.

Saving writes a temporary file beside the target and renames it over the target, so a crash midway leaves the
previous file intact; the path is used exactly as given (``model.pth`` stays ``model.pth``). Loading checks the
archive before reading any array: only plain ``.npy`` members of real-number dtypes, whose headers declare a
size that the member really holds — so a hostile file can neither run code nor make us allocate terabytes.
"""

from __future__ import annotations

import io
import math
import os
import tempfile
import zipfile
from typing import Any

import numpy as np

from .carrot import Carrot

_MAX_MEMBERS = 100_000
_MAX_HEADER = 1 << 16  # NumPy's own readers refuse larger headers
_DEFLATE_MAX_RATIO = 1100  # deflate never expands data more than ~1032 times

_umask = os.umask(0)
os.umask(_umask)


# ---------------------------------------------------------------------------------------------------------
# Saving
# ---------------------------------------------------------------------------------------------------------


def _as_state(obj: Any) -> dict[str, np.ndarray]:
    """A module's ``state_dict()`` or a dict of arrays/Carrots/numbers, as ``{str: ndarray}``."""
    if hasattr(obj, "state_dict") and callable(obj.state_dict):
        obj = obj.state_dict()
    if not isinstance(obj, dict):
        raise TypeError(f"save needs a Module or a dict of arrays, got {type(obj).__name__}")
    state: dict[str, np.ndarray] = {}
    for key, value in obj.items():
        if not isinstance(key, str) or not key or "\x00" in key:
            raise ValueError(f"save: keys must be non-empty strings, got {key!r}")
        arr = value.data if isinstance(value, Carrot) else value
        try:
            arr = np.asarray(arr)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"save: value for {key!r} is not an array: {exc}") from None
        if arr.dtype.kind not in "biuf":
            raise TypeError(
                f"save: value for {key!r} has dtype {arr.dtype}; only real-number arrays are saved"
            )
        state[key] = arr
    return state


def save(obj: Any, path: str | os.PathLike) -> None:
    """Write ``obj`` (a Module, or a dict ``{name: array or Carrot}``) to exactly ``path`` as an ``.npz``.

    The archive is written to a temporary file in the same directory and renamed over ``path`` at the end.
    """
    state = _as_state(obj)
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"save: directory {directory!r} does not exist (create it first)")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
                for key, arr in state.items():
                    with zf.open(key + ".npy", "w", force_zip64=True) as member:
                        np.lib.format.write_array(member, arr, allow_pickle=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ---------------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------------


class _Bad(Exception):
    """Internal: a reason why the file is refused (turned into ValueError naming the file)."""


def _read_header(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[tuple[int, ...], np.dtype, int]:
    """The member's declared shape and dtype and the header's length, read from its first bytes only."""
    with zf.open(info) as fh:
        head = fh.read(min(info.file_size, _MAX_HEADER + 16))
    if not head.startswith(b"\x93NUMPY"):
        raise _Bad(f"member {info.filename!r} is not a .npy array (no NumPy magic)")
    buf = io.BytesIO(head)
    try:
        version = np.lib.format.read_magic(buf)
        if version == (1, 0):
            shape, _fortran, dtype = np.lib.format.read_array_header_1_0(buf)
        elif version in ((2, 0), (3, 0)):
            shape, _fortran, dtype = np.lib.format.read_array_header_2_0(buf)
        else:
            raise _Bad(f"member {info.filename!r} has unsupported .npy version {version}")
    except _Bad:
        raise
    except Exception as exc:  # NumPy raises ValueError for malformed headers, others for truncation
        raise _Bad(f"member {info.filename!r} has a malformed .npy header: {exc}") from None
    return shape, dtype, buf.tell()


def _check_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, archive_size: int) -> str:
    """Validate one member before it is read; returns its key (the name without ``.npy``)."""
    name = info.filename
    if not name.endswith(".npy") or info.is_dir():
        raise _Bad(f"member {name!r} is not a .npy array")
    if info.compress_type == zipfile.ZIP_STORED:
        if info.file_size != info.compress_size:
            raise _Bad(f"member {name!r} declares {info.file_size} bytes but stores {info.compress_size}")
    elif info.file_size > _DEFLATE_MAX_RATIO * max(info.compress_size, 1):
        raise _Bad(f"member {name!r} claims to expand {info.compress_size} bytes into {info.file_size}")
    if info.compress_size > archive_size:
        raise _Bad(f"member {name!r} claims {info.compress_size} bytes, more than the whole file")
    shape, dtype, header_len = _read_header(zf, info)
    if dtype.hasobject or dtype.kind not in "biuf" or dtype.fields is not None or dtype.subdtype is not None:
        raise _Bad(f"member {name!r} has dtype {dtype}; only plain real-number arrays are accepted")
    if any(d < 0 for d in shape):
        raise _Bad(f"member {name!r} declares a negative dimension in shape {shape}")
    count = math.prod(shape)  # Python ints: no overflow however absurd the shape
    nbytes = count * dtype.itemsize
    if nbytes != info.file_size - header_len:
        raise _Bad(
            f"member {name!r} declares shape {shape} of {dtype} ({nbytes} bytes) but holds "
            f"{info.file_size - header_len} bytes of data"
        )
    return name[: -len(".npy")]


def load(path: str | os.PathLike) -> dict[str, np.ndarray]:
    """Read a file written by :func:`save` as ``{dotted_name: numpy.ndarray}``.

    Raises ``FileNotFoundError`` for a missing file and ``ValueError`` (naming the file and the reason) for a
    file that is truncated, corrupt, a pickle, or holds anything but plain real-number arrays.
    """
    path = os.fspath(path)
    with open(path, "rb") as fh:
        try:
            return _load(fh, os.fstat(fh.fileno()).st_size)
        except _Bad as exc:
            raise ValueError(f"cannot load {path!r}: {exc}") from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, KeyError) as exc:
            raise ValueError(f"cannot load {path!r}: corrupt or truncated archive ({exc})") from None


def _load(fh: Any, size: int) -> dict[str, np.ndarray]:
    magic = fh.read(4)
    fh.seek(0)
    if magic[:1] == b"\x80":
        raise _Bad(
            "it is a Python pickle (perhaps saved by the original PyCarrot); pickles can run code when loaded, "
            "so PyCarrot never loads them — re-save the parameters with pycarrot.save"
        )
    if magic != b"PK\x03\x04" and magic != b"PK\x05\x06":
        raise _Bad("not a PyCarrot/NumPy .npz archive (no zip signature)")
    try:
        zf = zipfile.ZipFile(fh)
    except zipfile.BadZipFile as exc:
        raise _Bad(f"corrupt or truncated archive ({exc})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > _MAX_MEMBERS:
            raise _Bad(f"{len(infos)} members, more than the {_MAX_MEMBERS} allowed")
        keys: list[str] = []
        for info in infos:
            key = _check_member(zf, info, size)
            if key in keys:
                raise _Bad(f"member {info.filename!r} appears twice")
            keys.append(key)
        state: dict[str, np.ndarray] = {}
        for key, info in zip(keys, infos):
            with zf.open(info) as member:
                arr = np.lib.format.read_array(member, allow_pickle=False)
            state[key] = arr
    return state


__all__ = ["save", "load"]
