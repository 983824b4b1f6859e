"""Hand-made .npz files for the loader's refusal tests and the hostile-input benchmark: raw .npy bytes, a zip
of given members, and a zip whose member claims encryption or an unsupported compression method."""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from pathlib import Path

import numpy as np


def npy_bytes(arr, allow_pickle=False) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, arr, allow_pickle=allow_pickle)
    return buf.getvalue()


def write_zip(path, members, compression=zipfile.ZIP_STORED):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names; that is one of the cases
        with zipfile.ZipFile(path, "w", compression=compression) as zf:
            for name, data in members:
                zf.writestr(name, data)
    return path


def patched_member(path: Path, flag: int | None = None, method: int | None = None) -> Path:
    """A one-member .npz at ``path`` whose member's general-purpose ``flag`` (1: encrypted) and compression
    ``method`` (9: deflate64) are overwritten in both its local header and the central directory."""
    write_zip(path, [("w.npy", npy_bytes(np.ones(10)))], compression=zipfile.ZIP_DEFLATED)
    data = bytearray(Path(path).read_bytes())
    cd = data.rindex(b"PK\x01\x02")
    if flag is not None:
        struct.pack_into("<H", data, 6, flag)
        struct.pack_into("<H", data, cd + 8, flag)
    if method is not None:
        struct.pack_into("<H", data, 8, method)
        struct.pack_into("<H", data, cd + 10, method)
    Path(path).write_bytes(bytes(data))
    return Path(path)
