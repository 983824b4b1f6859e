"""Hostile inputs (issue 12): each case in a child process with a timeout and an address-space cap; prints its
CPU time, the child's peak RSS and what came out (the exception and the start of its message).

    python benchmarks/bench_hostile.py [CASE ...]     # all cases, or the ones named; a markdown table

The inputs are built once in ``$HOSTILE_CACHE`` (default /tmp/pycarrot-hostile; the compression bombs take
seconds to make). Run it before and after a change to compare: absolute times vary with the machine's load.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "pycarrot"))  # the tests' hand-made zip files, shared
from zip_samples import patched_member  # noqa: E402

CACHE = Path(os.environ.get("HOSTILE_CACHE", "/tmp/pycarrot-hostile"))
TIMEOUT = float(os.environ.get("HOSTILE_TIMEOUT", "60"))  # CPU seconds per case (wall clock: 10 times that)
MEMORY_CAP = 6 << 30  # address space of each child: a memory bomb shows as MemoryError, not a dead machine


def _npy_header(shape: tuple[int, ...], dtype: str = "<f8") -> bytes:
    import io

    import numpy as np

    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": dtype, "fortran_order": False, "shape": shape})
    return buf.getvalue()


def _many_members(n: int) -> Path:
    path = CACHE / f"members_{n}.npz"
    if not path.exists():
        import io

        import numpy as np

        buf = io.BytesIO()
        np.lib.format.write_array(buf, np.zeros(0))
        with zipfile.ZipFile(path, "w") as zf:
            for i in range(n):
                zf.writestr(f"p{i}.npy", buf.getvalue())
    return path


def _bomb(method: int, inflated: int, declared: int = 1 << 20) -> Path:
    """One member whose zip headers declare ``declared`` bytes but that inflates to ``inflated``."""
    path = CACHE / f"bomb_{method}_{inflated}_{declared}.npz"
    if path.exists():
        return path
    header = _npy_header(((declared - 128) // 8,))
    info = zipfile.ZipInfo("w.npy")
    info.compress_type = method
    with zipfile.ZipFile(path, "w") as zf, zf.open(info, "w", force_zip64=False) as fh:
        fh.write(header)
        chunk = bytes(1 << 22)
        left = inflated - len(header)
        while left > 0:
            fh.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, 22, declared - 128 + len(header))  # local header: uncompressed size
    cd = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, declared - 128 + len(header))
    path.write_bytes(bytes(data))
    return path


def _honest_deflate(size: int) -> Path:
    path = CACHE / f"deflate_{size}.npz"
    if not path.exists():
        header = _npy_header(((size - 128) // 8,))
        info = zipfile.ZipInfo("w.npy")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(path, "w") as zf, zf.open(info, "w", force_zip64=True) as fh:
            fh.write(header)
            chunk = bytes(1 << 24)
            left = (size - 128) // 8 * 8
            while left > 0:
                fh.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return path


def _patched(name: str, flag: int | None = None, method: int | None = None) -> Path:
    return patched_member(CACHE / name, flag, method)


def _fifo(name: str) -> Path:
    path = CACHE / name
    if not path.exists():
        os.mkfifo(path)
    return path


def _text(name: str, make) -> Path:
    path = CACHE / name
    if not path.exists():
        path.write_text(make(), encoding="utf-8")
    return path


def _wide_csv(n: int) -> Path:
    return _text(
        f"wide_{n}.csv", lambda: ",".join(f"c{i}" for i in range(n)) + "\n" + ("1," * (n - 1) + "1\n") * 2
    )


CJK = """import random
import pycarrot as pc
rnd = random.Random(0)
alphabet = [chr(0x4E00 + i) for i in range(150)]  # few enough to repeat, too many for autojunk
name = "".join(rnd.choice(alphabet) for _ in range(99_990))
near = name[:50_000] + ("丁" if name[50_000] != "丁" else "七") + name[50_001:]
out = pc.parse(name + " = 1\\ny = " + near + " + 1")"""
LOAD = "import pycarrot as pc; out = pc.load({p!r})"
CSV = "from carrot_gui.training.data import read_csv, load_csv_dataset; out = {call}"
SAVE = "import numpy as np, pycarrot as pc; d = {d!r}; {body}"


def cases() -> dict[str, tuple[str, str]]:
    """name -> (what it is, Python code run in the child; it sets ``out``)."""
    CACHE.mkdir(exist_ok=True)
    d = str(CACHE / "save")
    os.makedirs(d, exist_ok=True)
    sniff20 = str(_text("sniff20k.csv", lambda: ';"a' * 6_800 + "\n1;2\n3;4\n"))
    sniff60 = str(_text("sniff60k.csv", lambda: ';"a' * 20_000 + "\n1;2\n3;4\n"))
    rows5m = str(_text("rows5m.csv", lambda: "a,b\n" + "1,2\n" * 5_000_001))
    return {
        "load 10,000 members": ("", LOAD.format(p=str(_many_members(10_000)))),
        "load 100,000 members": ("", LOAD.format(p=str(_many_members(100_000)))),
        "load bzip2 bomb (declares 512 KiB, inflates 1 GiB)": (
            "",
            LOAD.format(p=str(_bomb(12, 1 << 30, 1 << 19))),
        ),
        "load LZMA bomb (declares 1 MB, inflates 1 GiB)": ("", LOAD.format(p=str(_bomb(14, 1 << 30)))),
        "load honest deflate expanding to 8 GiB": ("", LOAD.format(p=str(_honest_deflate(8 << 30)))),
        "load encrypted member": ("", LOAD.format(p=str(_patched("encrypted.npz", flag=1)))),
        "load deflate64 member": ("", LOAD.format(p=str(_patched("deflate64.npz", method=9)))),
        "load a FIFO": ("", LOAD.format(p=str(_fifo("pipe.npz")))),
        "save key '../../x'": (
            "",
            SAVE.format(
                d=d,
                body="pc.save({'../../x': np.ones(1)}, d + '/a.npz'); "
                "import zipfile; out = zipfile.ZipFile(d + '/a.npz').namelist()",
            ),
        ),
        "save key '/etc/evil'": (
            "",
            SAVE.format(
                d=d,
                body="pc.save({'/etc/evil': np.ones(1)}, d + '/a.npz'); "
                "import zipfile; out = zipfile.ZipFile(d + '/a.npz').namelist()",
            ),
        ),
        "save to a 255-byte file name": (
            "",
            SAVE.format(d=d, body="pc.save({'w': np.ones(1)}, d + '/' + 'm' * 255); out = 'saved'"),
        ),
        "re-save a 0600 file": (
            "",
            SAVE.format(
                d=d,
                body="import os; p = d + '/mode.npz'; pc.save({'w': np.ones(1)}, p); "
                "os.chmod(p, 0o600); pc.save({'w': np.ones(1)}, p); "
                "out = oct(os.stat(p).st_mode & 0o777)",
            ),
        ),
        "save through a symlink": (
            "",
            SAVE.format(
                d=d,
                body="import os; t = d + '/target.npz'; l = d + '/link.npz'; "
                "pc.save({'w': np.ones(1)}, t); os.path.lexists(l) and os.unlink(l); "
                "os.symlink(t, l); pc.save({'w': np.zeros(1)}, l); "
                "out = ('link kept' if os.path.islink(l) else 'link replaced', "
                "float(pc.load(t)['w'][0]))",
            ),
        ),
        "save a 70,000-character key": (
            "",
            SAVE.format(d=d, body="pc.save({'k' * 70_000: np.ones(1)}, d + '/k.npz')"),
        ),
        "CSV 200,000 columns, all as features": (
            "",
            CSV.format(call=f"load_csv_dataset({str(_wide_csv(200_000))!r})"),
        ),
        "CSV 200,000 columns, all chosen by name": (
            "",
            CSV.format(call=f"read_csv({str(_wide_csv(200_000))!r})")
            + "; out = out.to_dataset('c0', list(out.columns[1:]))",
        ),
        "CSV 200,000 columns, read + numeric_columns": (
            "",
            CSV.format(call=f"read_csv({str(_wide_csv(200_000))!r}).numeric_columns()"),
        ),
        'CSV sniffer: 20 KB of ;"a': ("", CSV.format(call=f"read_csv({sniff20!r})")),
        'CSV sniffer: 60 KB of ;"a': ("", CSV.format(call=f"read_csv({sniff60!r})")),
        "CSV 5,000,001 rows": ("", CSV.format(call=f"read_csv({rows5m!r})")),
        "CSV a FIFO": ("", CSV.format(call=f"read_csv({str(_fifo('pipe.csv'))!r})")),
        "parse a 199,990-character unknown name": (
            "",
            "import pycarrot as pc; out = pc.parse('y = ' + 'a' * 199_990)",
        ),
        "parse a 99,990-character CJK near-miss": ("", CJK),
        "Expression lab: build a 199,990-character unknown name": (
            "",
            (
                "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
                "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
                "from carrot_gui.main_window import MainWindow; w = MainWindow(); w.resize(1280, 800); w.show(); app.processEvents()\n"
                "import time; t0 = time.perf_counter()\n"
                "w.expressionLab.build_source('y = ' + 'a' * 199_990); app.processEvents()\n"
                "out = (round(time.perf_counter() - t0, 2), 's in the lab', w.expressionLab.errorLabel.text()[:80])"
            ),
        ),
        "synthetic data, true slope 1e308": (
            "",
            "from carrot_gui.training.data import make_synthetic; d = make_synthetic(weights=1e308); "
            "import numpy as np; out = ('accepted, finite targets:', bool(np.isfinite(d.y).all()))",
        ),
        "Check at x = 1e154 (z = x * x)": (
            "",
            "from carrot_gui.expression.session import load_source, check; "
            "out = [(r.label, r.ok, float(r.analytic), float(r.numeric), getattr(r, 'trusted', None)) "
            "for r in check(load_source('x = 1e154' + chr(10) + 'z = x * x'))]",
        ),
    }


CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu} + 5))
t0 = time.perf_counter()
try:
{code}
    res = 'ok: ' + repr(out)
except BaseException as exc:
    res = type(exc).__name__ + ': ' + str(exc)
print(json.dumps({{'t': time.perf_counter() - t0, 'res': res}}))
"""


def run(code: str) -> tuple[float, float, str]:
    """(CPU seconds, peak RSS in MiB, outcome) of ``code`` in a child process. CPU time, not wall time: on a
    shared machine the wall clock measures the neighbours' load as much as our code."""
    src = CHILD.format(
        cap=MEMORY_CAP, cpu=int(TIMEOUT), code="\n".join("    " + line for line in code.splitlines())
    )
    out_file, err_file = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # files: a full pipe blocks
    proc = subprocess.Popen([sys.executable, "-c", src], cwd=ROOT, stdout=out_file, stderr=err_file)
    deadline = time.perf_counter() + 10 * TIMEOUT
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            cpu = usage.ru_utime + usage.ru_stime
            return cpu, usage.ru_maxrss / 1024, f"blocked: still waiting after {10 * TIMEOUT:.0f} s (killed)"
        time.sleep(0.02)
    proc.returncode = status
    cpu = usage.ru_utime + usage.ru_stime
    out_file.seek(0)
    err_file.seek(0)
    try:
        res = json.loads(out_file.read().decode().strip().splitlines()[-1])["res"]
    except (ValueError, IndexError, KeyError):
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
            res = f"still running after {TIMEOUT:.0f} s of CPU (killed)"
        else:
            res = f"exit {status}: {err_file.read().decode()[-200:]}"
    return cpu, usage.ru_maxrss / 1024, res


def main() -> None:
    wanted = sys.argv[1:]
    rows = []
    for name, (_, code) in cases().items():
        if wanted and not any(w in name for w in wanted):
            continue
        cpu, rss, res = run(code)
        res = res.replace("|", "\\|").replace("\n", " ")
        rows.append((name, f"{cpu:.2f}", f"{rss:.0f}", res[:160] + ("…" if len(res) > 160 else "")))
        print(rows[-1], file=sys.stderr, flush=True)
    from _common import print_table

    print_table(["case", "CPU time (s)", "peak RSS (MiB)", "outcome"], rows)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
