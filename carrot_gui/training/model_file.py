"""What a Training-lab model file holds, Qt-free: the Linear's ``weight`` and ``bias`` and, when the model was
trained on standardised features, their means and deviations (``standardise.mean``, ``standardise.std``), so
the weights never travel without the units they are in and predictions on raw data stay right.

Loading converts the weights into the units of the data in use: raw features get x_raw/std-scaled weights
(w/std, b − mean·w/std), standardised ones are rescaled to their own mean and deviation. A file without the
two keys (older files, or a model trained on raw features) is loaded as it is.
"""

from __future__ import annotations

import numpy as np

from ..i18n import format_text, translate
from .data import Dataset

MEAN_KEY, STD_KEY = "standardise.mean", "standardise.std"


def state_to_save(state: dict, data: Dataset) -> dict[str, np.ndarray]:
    """The model's ``state`` (``weight`` (d, 1), ``bias``) plus the standardisation of ``data`` if it has one."""
    out = {k: np.asarray(getattr(v, "data", v)) for k, v in state.items()}
    if data.standardised:
        out[MEAN_KEY] = np.asarray(data.feature_mean, dtype=np.float64)
        out[STD_KEY] = np.asarray(data.feature_std, dtype=np.float64)
    return out


def raw_weights(state: dict) -> tuple[np.ndarray, np.ndarray]:
    """(weight (d, 1), bias (1,)) of a saved ``state`` in raw feature units: predict ``x_raw @ w + b``."""
    w = np.asarray(state["weight"], dtype=np.float64).reshape(-1, 1)
    b = np.asarray(state["bias"], dtype=np.float64).reshape(-1)
    if MEAN_KEY not in state:
        return w, b
    mean = np.asarray(state[MEAN_KEY], dtype=np.float64).reshape(-1)
    std = np.asarray(state[STD_KEY], dtype=np.float64).reshape(-1)
    if not (mean.shape == std.shape == (w.shape[0],) and np.all(std > 0) and np.all(np.isfinite(mean))):
        raise ValueError(
            format_text(
                "ModelFile",
                "its standardisation ({mean_key} {shape}, {std_key} {shape2}) does not fit a weight of {value} feature(s), or a deviation is not positive",
                mean_key=MEAN_KEY,
                shape=mean.shape,
                std_key=STD_KEY,
                shape2=std.shape,
                value=w.shape[0],
            )
        )
    scaled = w / std[:, None]
    return scaled, b - mean @ scaled


def state_to_load(state: dict, data: Dataset) -> tuple[dict[str, np.ndarray], str]:
    """The ``weight``/``bias`` of a loaded ``state`` in ``data``'s units, for ``load_state_dict``, and a note
    on what was converted ("" when nothing was). ValueError when the file's standardisation is malformed."""
    rest = {k: v for k, v in state.items() if k not in (MEAN_KEY, STD_KEY)}
    if (MEAN_KEY in state) != (STD_KEY in state):
        raise ValueError(
            format_text(
                "ModelFile", "it has only one of {mean_key} and {std_key}", mean_key=MEAN_KEY, std_key=STD_KEY
            )
        )
    if MEAN_KEY not in state or "weight" not in state or "bias" not in state:
        return rest, ""
    w, b = raw_weights(state)
    if w.shape[0] != data.n_features:
        return rest, ""  # load_state_dict names the mismatch
    note = translate("ModelFile", "its features were standardised: the weights were converted to raw units")
    if data.standardised:
        w, b = w * data.feature_std.reshape(-1, 1), b + data.feature_mean @ w
        note = translate(
            "ModelFile",
            "its standardisation was applied (the weights converted to this data's standardised units)",
        )
    rest["weight"] = w.reshape(np.shape(state["weight"]))
    rest["bias"] = b.reshape(np.shape(state["bias"]))
    return rest, note
