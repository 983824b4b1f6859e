"""Test setup: Qt draws offscreen (no display needed) and no test may leave a thread running."""

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the tests read English texts: a Chinese system locale would make the app (and the apps the tests start) speak
# Chinese when no language is remembered; a test that wants Chinese sets it itself
for _name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
    if os.environ.get(_name, "").lower().startswith("zh"):
        os.environ[_name] = "C.UTF-8"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    """Each test remembers its settings (language, theme, recent files) in its own file, never the user's."""
    monkeypatch.setenv("CARROT_GUI_SETTINGS", str(tmp_path / "carrot-gui-settings.ini"))


@pytest.fixture(autouse=True)
def _no_leftover_threads():
    """Fail a test that leaves a Python thread running (as napari's conftest does)."""
    before = set(threading.enumerate())
    yield
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    for t in leftover:
        t.join(timeout=2.0)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"test left threads running: {still}"


_BOUNDED_CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))
def measure(fn):
    '''CPU seconds of fn() in this process (wall time would measure the neighbours' load too).'''
    t0 = time.process_time()
    fn()
    return time.process_time() - t0
{code}
print(json.dumps(result))
"""


@pytest.fixture
def bounded(tmp_path):
    """Run Python ``code`` (it sets ``result``, any JSON value) in a child process whose address space and CPU
    time are capped, and with a wall-clock timeout; returns ``result``. A hang or memory bomb fails the test
    without taking the test run (or the machine) with it. ``measure(fn)`` in the code gives CPU seconds."""
    import json
    import subprocess
    import sys
    import textwrap

    def run(code: str, cpu_seconds: int = 20, memory_bytes: int = 1 << 30, wall_seconds: float = 120.0):
        src = _BOUNDED_CHILD.format(memory=memory_bytes, cpu=cpu_seconds, code=textwrap.dedent(code))
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        try:
            proc = subprocess.run(
                [sys.executable, "-c", src],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=wall_seconds,
                env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"},
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running after {wall_seconds} s of wall time")
        assert proc.returncode == 0, f"child failed ({proc.returncode}): {proc.stderr[-2000:]}"
        return json.loads(proc.stdout.strip().splitlines()[-1])

    return run
