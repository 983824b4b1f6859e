"""``pc.save`` / ``pc.load``: a state dict as a NumPy ``.npz`` archive, never a pickle.

Saving writes a temporary file beside the target and renames it over the target, so a crash midway leaves the
previous file intact; the path is used exactly as given (``model.pth`` stays ``model.pth``; through a symlink,
its target is written), and a file that exists keeps its permissions. Loading checks the archive before
reading any array: only plain ``.npy`` members, stored or deflated, of real-number dtypes, whose headers
declare a size that the member really holds, and no more in all than ``max_bytes`` — so a hostile file can
neither run code nor make us allocate more than that. Every member is read with a byte cap equal to its
declared size, so a lying header cannot inflate past it.
"""

from __future__ import annotations

import errno
import io
import math
import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

import numpy as np

from .carrot import Carrot
from .messages import elide_name

MAX_LOAD_BYTES = 2 << 30  # default cap on what a file may expand to in memory; pc.load(path, max_bytes=...)
_MAX_MEMBERS = 100_000
_MAX_HEADER = 1 << 16  # NumPy's own readers refuse larger headers
_DEFLATE_MAX_RATIO = 1100  # deflate never expands data more than ~1032 times
_MAX_NAME_BYTES = 0xFFFF  # a zip member name's length is a 16-bit field
_READ_CHUNK = 1 << 24  # arrays are read in 16 MiB pieces, straight into their final memory
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_OTHER_METHODS = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA", 9: "deflate64"}
_DRIVE = re.compile(r"[A-Za-z]:")
TEMP_PREFIX, TEMP_SUFFIX = ".pycarrot-", ".tmp"  # atomic_write's temporary file beside the target

_umask = os.umask(0)
os.umask(_umask)


# ---------------------------------------------------------------------------------------------------------
# Saving
# ---------------------------------------------------------------------------------------------------------


def _check_key(key: Any) -> None:
    """A key becomes the member name ``key + '.npy'``: refuse what other tools would extract outside their
    folder (``../x``, ``/etc/x``, ``C:x``) and what the zip format cannot hold."""
    if not isinstance(key, str) or not key or "\x00" in key:
        raise ValueError(f"save: keys must be non-empty strings, got {key!r}"[:200])
    parts = key.replace("\\", "/").split("/")
    if key[0] in "/\\" or _DRIVE.match(key) or ".." in parts:
        raise ValueError(
            f"save: key {elide_name(key)} would be a path outside the archive's folder when extracted "
            "(no leading '/' or drive, no '..' part); use dotted names such as 'layer1.weight'"
        )
    try:
        size = len(key.encode("utf-8")) + len(".npy")
    except UnicodeEncodeError:
        raise ValueError(f"save: key {elide_name(key)} cannot be written as UTF-8") from None
    if size > _MAX_NAME_BYTES:
        raise ValueError(
            f"save: key {elide_name(key)} is too long: a name in the archive holds at most "
            f"{_MAX_NAME_BYTES - len('.npy'):,} bytes (this one takes {size - len('.npy'):,})"
        )


def _as_state(obj: Any) -> dict[str, np.ndarray]:
    """A module's ``state_dict()`` or a dict of arrays/Carrots/numbers, as ``{str: ndarray}``."""
    if hasattr(obj, "state_dict") and callable(obj.state_dict):
        obj = obj.state_dict()
    if not isinstance(obj, dict):
        raise TypeError(f"save needs a Module or a dict of arrays, got {type(obj).__name__}")
    state: dict[str, np.ndarray] = {}
    for key, value in obj.items():
        _check_key(key)
        arr = value.data if isinstance(value, Carrot) else value
        try:
            arr = np.asarray(arr)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"save: value for {elide_name(key)} is not an array: {exc}") from None
        if arr.dtype.kind not in "biuf":
            raise TypeError(
                f"save: value for {elide_name(key)} has dtype {arr.dtype}; only real-number arrays are saved"
            )
        state[key] = arr
    return state


def atomic_write(path: str | os.PathLike, write: Callable[[io.BufferedWriter], Any]) -> str:
    """Write a file through ``write(fh)`` (``fh`` a binary file) so that ``path`` is either the old file or the
    whole new one: the bytes go to a temporary file in the same directory, are flushed to disk and renamed
    over ``path``. A symlink is followed (its target is written, the link stays); an existing file keeps its
    mode, a new one gets what the umask gives (not a temporary file's 0600). Returns the path written; on any
    error the temporary file is removed and the error raised.
    """
    path = os.path.realpath(os.fspath(path))
    directory = os.path.dirname(path)
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"directory {directory!r} does not exist (create it first)")
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask
    # a short temporary name: "." + a 255-byte name + a suffix would pass the file system's limit
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def save(obj: Any, path: str | os.PathLike) -> None:
    """Write ``obj`` (a Module, or a dict ``{name: array or Carrot}``) to exactly ``path`` as an ``.npz``.

    The archive is written through :func:`atomic_write`: a temporary file in the same directory renamed over
    ``path`` at the end. A symlink is followed (its target is written, the link stays); an existing file keeps
    its mode.
    """
    state = _as_state(obj)

    def write(fh: io.BufferedWriter) -> None:
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
            for key, arr in state.items():
                with zf.open(key + ".npy", "w", force_zip64=True) as member:
                    np.lib.format.write_array(member, arr, allow_pickle=False)

    try:
        atomic_write(path, write)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"save: {exc}") from None


# ---------------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------------


class _Bad(Exception):
    """Internal: a reason why the file is refused (turned into ValueError naming the file)."""


class _Member:
    """One checked member: its key, where and how its array is stored, and its bytes when already read."""

    __slots__ = ("key", "info", "shape", "dtype", "fortran", "header_len", "data")

    def __init__(self, key: str, info: zipfile.ZipInfo, header: tuple, header_len: int, data: bytes | None):
        self.key, self.info, self.header_len, self.data = key, info, header_len, data
        self.shape, self.fortran, self.dtype = header

    @property
    def nbytes(self) -> int:
        return math.prod(self.shape) * self.dtype.itemsize  # Python ints: no overflow however absurd


def _read_header(zf: zipfile.ZipFile, info: zipfile.ZipInfo, seen: dict) -> tuple[tuple, int, bytes]:
    """The member's declared (shape, fortran order, dtype), the header's length and the bytes read: its first
    64 KiB (all of a small member, whose CRC zipfile then checks). ``seen`` caches parsed headers."""
    with zf.open(info) as fh:
        head = fh.read(min(info.file_size, _MAX_HEADER + 16))
    if not head.startswith(b"\x93NUMPY"):
        raise _Bad(f"member {elide_name(info.filename)} is not a .npy array (no NumPy magic)")
    buf = io.BytesIO(head)
    try:
        version = np.lib.format.read_magic(buf)
        if version not in ((1, 0), (2, 0), (3, 0)):
            raise _Bad(f"member {elide_name(info.filename)} has unsupported .npy version {version}")
        size_bytes = 2 if version == (1, 0) else 4
        header_len = 8 + size_bytes + int.from_bytes(head[8 : 8 + size_bytes], "little")
        key = head[:header_len]
        if key not in seen:  # parsing a header costs ~0.1 ms; files of many members repeat a few headers
            read = (
                np.lib.format.read_array_header_1_0
                if version == (1, 0)
                else np.lib.format.read_array_header_2_0
            )
            seen[key] = (read(buf), buf.tell())
    except _Bad:
        raise
    except Exception as exc:  # NumPy raises ValueError for malformed headers, others for truncation
        raise _Bad(f"member {elide_name(info.filename)} has a malformed .npy header: {exc}") from None
    header, header_len = seen[key]
    return header, header_len, head


def _check_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, archive_size: int, seen: dict) -> _Member:
    """Validate one member before it is read: its name, compression, sizes and ``.npy`` header."""
    name = info.filename
    quoted = elide_name(name)
    if not name.endswith(".npy") or info.is_dir():
        raise _Bad(f"member {quoted} is not a .npy array")
    if info.flag_bits & 0x1:
        raise _Bad(f"member {quoted} is encrypted; PyCarrot files never are")
    if info.compress_type not in _METHODS:
        method = _OTHER_METHODS.get(info.compress_type, f"method {info.compress_type}")
        raise _Bad(f"member {quoted} uses {method} compression; only stored and deflate members are read")
    if info.compress_type == zipfile.ZIP_STORED:
        if info.file_size != info.compress_size:
            raise _Bad(f"member {quoted} declares {info.file_size} bytes but stores {info.compress_size}")
    elif info.file_size > _DEFLATE_MAX_RATIO * max(info.compress_size, 1):
        raise _Bad(f"member {quoted} claims to expand {info.compress_size} bytes into {info.file_size}")
    if info.compress_size > archive_size:
        raise _Bad(f"member {quoted} claims {info.compress_size} bytes, more than the whole file")
    header, header_len, head = _read_header(zf, info, seen)
    whole = head[header_len:] if len(head) == info.file_size else None
    member = _Member(name[: -len(".npy")], info, header, header_len, whole)
    dtype, shape = member.dtype, member.shape
    if dtype.hasobject or dtype.kind not in "biuf" or dtype.fields is not None or dtype.subdtype is not None:
        raise _Bad(f"member {quoted} has dtype {dtype}; only plain real-number arrays are accepted")
    if any(d < 0 for d in shape):
        raise _Bad(f"member {quoted} declares a negative dimension in shape {shape}")
    if member.nbytes != info.file_size - header_len:
        raise _Bad(
            f"member {quoted} declares shape {shape} of {dtype} ({member.nbytes} bytes) but holds "
            f"{info.file_size - header_len} bytes of data"
        )
    return member


def open_regular(path: str | os.PathLike) -> io.BufferedReader:
    """Open ``path`` for reading without blocking on a FIFO: a folder raises IsADirectoryError, a pipe, device
    or socket ValueError (so a reader never hangs on ``mkfifo``); shared by :func:`load` and the app's files."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory, not a state file", path)
        if not stat.S_ISREG(mode):
            raise ValueError(f"cannot load {path!r}: not a regular file (a pipe, device or socket)")
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


# what zipfile, zlib and the file system raise for a corrupt archive; all become ValueError naming the file
_CORRUPT = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, KeyError)


def load(path: str | os.PathLike, *, max_bytes: int | None = None) -> dict[str, np.ndarray]:
    """Read a file written by :func:`save` as ``{dotted_name: numpy.ndarray}``.

    Raises ``FileNotFoundError`` for a missing file and ``ValueError`` (naming the file and the reason) for a
    file that is truncated, corrupt, a pickle, not a regular file, holds anything but plain real-number
    arrays, or whose arrays would take more than ``max_bytes`` (default :data:`MAX_LOAD_BYTES`, 2 GiB).
    """
    path = os.fspath(path)
    limit = MAX_LOAD_BYTES if max_bytes is None else max_bytes
    with open_regular(path) as fh:
        try:
            return _load(fh, os.fstat(fh.fileno()).st_size, limit)
        except _Bad as exc:
            raise ValueError(f"cannot load {path!r}: {exc}") from None
        except _CORRUPT as exc:
            raise ValueError(f"cannot load {path!r}: corrupt or truncated archive ({exc})") from None
        except (RuntimeError, NotImplementedError) as exc:  # zipfile's words for what it cannot read
            raise ValueError(f"cannot load {path!r}: unreadable archive ({exc})") from None


def _load(fh: Any, size: int, limit: int) -> dict[str, np.ndarray]:
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
            raise _Bad(f"{len(infos):,} members, more than the {_MAX_MEMBERS:,} allowed")
        members: dict[str, _Member] = {}
        total, seen = 0, {}
        for info in infos:
            member = _check_member(zf, info, size, seen)
            if member.key in members:
                raise _Bad(f"member {elide_name(info.filename)} appears twice")
            members[member.key] = member
            total += member.nbytes
        if total > limit:
            raise _Bad(
                f"its arrays would take {total:,} bytes in memory, more than the {limit:,} allowed "
                "(pass max_bytes= to pc.load to allow more)"
            )
        return {key: _read_array(zf, member) for key, member in members.items()}


def _read_array(zf: zipfile.ZipFile, member: _Member) -> np.ndarray:
    """The member's array, read straight into its memory in pieces, never more bytes than it declares."""
    out = np.empty(math.prod(member.shape), dtype=member.dtype)
    raw = out.view(np.uint8)
    if member.data is not None:  # a small member, read whole while checking it
        raw[:] = np.frombuffer(member.data, np.uint8)
    else:
        _read_into(zf, member, raw)
    if member.fortran:
        return out.reshape(member.shape[::-1]).transpose()
    return out.reshape(member.shape)


def _read_into(zf: zipfile.ZipFile, member: _Member, raw: np.ndarray) -> None:
    with zf.open(member.info) as fh:
        fh.read(member.header_len)
        pos, end = 0, raw.size
        while pos < end:
            chunk = fh.read(min(_READ_CHUNK, end - pos))
            if not chunk:
                raise _Bad(f"member {elide_name(member.info.filename)} ends early")
            raw[pos : pos + len(chunk)] = np.frombuffer(chunk, np.uint8)
            pos += len(chunk)
        fh.read(1)  # at the end: zipfile checks the CRC


__all__ = ["save", "load", "MAX_LOAD_BYTES"]
