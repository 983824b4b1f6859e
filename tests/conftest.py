"""Test setup: Qt draws offscreen (no display needed) and no test may leave a thread running."""

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


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
