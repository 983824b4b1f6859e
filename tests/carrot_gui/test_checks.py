"""carrot_gui.checks: the shared, Qt-free test of a whole number (a count, an index, a seed) and of an index."""

from __future__ import annotations

import numpy as np
import pytest

from carrot_gui import i18n
from carrot_gui.checks import check_index, is_whole
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


def test_check_index_passes_an_index_in_range_and_names_the_last_one_otherwise():
    for index in (0, 2):
        check_index(index, 3, IndexError, "Ctx", "step {step} is not in 0..{value}", step=index)
    for index in (-1, 3):
        with pytest.raises(IndexError, match=rf"^step {index} is not in 0..2$"):
            check_index(index, 3, IndexError, "Ctx", "step {step} is not in 0..{value}", step=index)


def test_check_index_says_it_in_the_language_shown():
    i18n.install(
        lambda context, text, n=-1: "Schritt {step} fehlt (0..{value})" if context == "Ctx" else text, "de"
    )
    try:
        with pytest.raises(ValueError, match=r"^Schritt 5 fehlt \(0..1\)$"):
            check_index(5, 2, ValueError, "Ctx", "step {step} is not in 0..{value}", step=5)
    finally:
        i18n.install(None)
