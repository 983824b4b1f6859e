"""carrot_gui.checks: the shared, Qt-free test of a whole number (a count, an index, a seed)."""

from __future__ import annotations

import numpy as np
import pytest

from carrot_gui.checks import is_whole
from carrot_gui.network.datasets import DataConfig
from carrot_gui.training.data import DataError


@pytest.mark.parametrize("value", [0, 7, -3, 2**40, np.int64(5), np.uint8(3), np.int32(-1)])
def test_python_and_numpy_ints_are_whole(value):
    assert is_whole(value)


@pytest.mark.parametrize("value", [True, False, np.bool_(True), 2.0, np.float64(2.0), "3", None, 1j])
def test_bools_floats_and_text_are_not(value):
    assert not is_whole(value)


@pytest.mark.parametrize("samples", [True, 200.0])
def test_a_config_refuses_a_bool_or_a_float_as_a_count(samples):
    with pytest.raises(DataError, match="samples: a whole number"):
        DataConfig(samples=samples).validate()
    assert DataConfig(samples=np.int64(200)).validate().samples == 200
