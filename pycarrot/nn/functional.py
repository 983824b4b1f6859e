"""Losses as single fused nodes (one node, one ``grad_fn`` per input, as the original ``mse_loss``) and the
activation functions under their usual names. ``import pycarrot.nn.functional as F``.

Each loss is built like the ops in ``pycarrot/ops/``: compute the value, define ``grad_a`` (prediction or
logits) and ``grad_b`` (target) beside it, build the node with ``make_node`` and declare the op (with the
one-line rule the app shows) in the op table.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import random as _random
from ..carrot import Carrot, make_node, unbroadcast
from ..carrot import value_of as _value
from ..ops import (
    declare,
    elu,
    gelu,
    leaky_relu,
    log_sigmoid,
    log_softmax,
    relu,
    sigmoid,
    silu,
    softmax,
    softplus,
    tanh,
)  # fmt: skip

_REDUCTIONS = ("mean", "sum")


def _check_reduction(loss: str, reduction: str) -> None:
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{loss}: reduction must be 'mean' or 'sum', got {reduction!r}")


def _pair(loss: str, predicted: Any, target: Any) -> tuple[np.ndarray, Any, tuple]:
    """Prediction and target values, refusing a target that would stretch the prediction's shape.

    NumPy broadcasts a ``(N, 1)`` prediction against an ``(N,)`` target to ``(N, N)`` — a silent, classic bug.
    The target may broadcast *into* the prediction's shape (a scalar, a row), never beyond it.
    """
    if not isinstance(predicted, Carrot):
        raise TypeError(
            f"{loss}: the prediction must be a Carrot (the model's output), got {type(predicted).__name__}"
        )
    pd = predicted.data
    if pd.dtype.kind != "f":
        raise TypeError(f"{loss}: the prediction must hold floats, got dtype {pd.dtype}")
    if pd.size == 0:
        raise ValueError(
            f"{loss}: the prediction is empty (shape {pd.shape}); a loss needs at least one element"
        )
    td = _value(target)  # refuses strings, objects and complex numbers
    ts = np.shape(td)
    if ts == pd.shape:  # the common case needs no broadcasting check
        return pd, td, ts
    try:
        full = np.broadcast_shapes(pd.shape, ts)
    except ValueError:
        full = None
    if full != pd.shape:
        hint = ""
        if pd.ndim == len(ts) + 1 and pd.shape[-1] == 1 and pd.shape[:-1] == ts:
            hint = f"; reshape the target to {pd.shape} (target.reshape(-1, 1))"
        elif len(ts) == pd.ndim + 1 and ts[-1] == 1 and ts[:-1] == pd.shape:
            hint = f"; reshape the target to {pd.shape} (target.reshape(-1))"
        raise ValueError(
            f"{loss}: prediction of shape {pd.shape} and target of shape {ts} do not match"
            + (f" (NumPy would broadcast them to {full})" if full is not None else "")
            + hint
        )
    return pd, td, ts


# ---------------------------------------------------------------------------------------------------------
# Mean squared error
# ---------------------------------------------------------------------------------------------------------


@declare(
    "mse", ("∂{out}/∂{a} = 2·({a} − {b}) / n", "∂{out}/∂{b} = −2·({a} − {b}) / n"), args=("pred", "target")
)
def mse_loss(predicted: Carrot, target: Any, reduction: str = "mean") -> Carrot:
    """Mean (or sum) of ``(predicted - target)²`` over every element, as one node.

    The mean divides by the element count (the original's ``len(predicted)`` was wrong for several columns).
    """
    _check_reduction("mse_loss", reduction)
    pd, td, ts = _pair("mse_loss", predicted, target)
    diff = pd - td
    total = np.vdot(diff, diff) if diff.ndim else diff * diff
    n = diff.size if reduction == "mean" else 1
    data = np.asarray(total / n, dtype=pd.dtype)
    scale = 2.0 / n

    def grad_a(g):
        return diff * (g * scale)

    def grad_b(g):
        return unbroadcast(diff * (-g * scale), ts)

    return make_node(data, "mse", (predicted, target), (grad_a, grad_b))


# ---------------------------------------------------------------------------------------------------------
# Binary cross-entropy on logits
# ---------------------------------------------------------------------------------------------------------


@declare("bce_logits", ("∂{out}/∂{a} = (σ({a}) − {b}) / n", "∂{out}/∂{b} = −{a} / n"))
def binary_cross_entropy_with_logits(logits: Carrot, target: Any, reduction: str = "mean") -> Carrot:
    """Binary cross-entropy of ``sigmoid(logits)`` against targets in [0, 1], as one stable node.

    Uses ``max(z, 0) − z·y + log(1 + exp(−|z|))``: no overflow at any logit, finite gradients at ±1000.
    """
    _check_reduction("binary_cross_entropy_with_logits", reduction)
    z, y, ts = _pair("binary_cross_entropy_with_logits", logits, target)
    per = np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))
    n = z.size if reduction == "mean" else 1
    data = np.asarray(per.sum() / n, dtype=z.dtype)

    def grad_a(g):
        p = np.exp(-np.logaddexp(0.0, -z))  # sigmoid(z) without overflow
        return (p - y) * (g / n)

    def grad_b(g):
        return unbroadcast(z * (-g / n), ts)

    return make_node(data, "bce_logits", (logits, target), (grad_a, grad_b))


# ---------------------------------------------------------------------------------------------------------
# Cross-entropy with integer class targets
# ---------------------------------------------------------------------------------------------------------


def _class_targets(logits: np.ndarray, target: Any) -> np.ndarray:
    """Integer class indices, one per row of ``logits`` (checked: whole numbers within range)."""
    t = np.asarray(_value(target))
    expected = logits.shape[:-1]
    if t.shape != expected:
        raise ValueError(
            f"cross_entropy: logits of shape {logits.shape} need one class index per row, a target of shape "
            f"{expected}; got {t.shape}"
        )
    if t.dtype.kind == "f":
        if not np.all(np.isfinite(t)) or not np.all(t == np.round(t)):
            raise ValueError("cross_entropy: the target holds class indices, which must be whole numbers")
        t = t.astype(np.int64)
    classes = logits.shape[-1]
    if t.size and (t.min() < 0 or t.max() >= classes):
        bad = t[(t < 0) | (t >= classes)].reshape(-1)[0]
        raise ValueError(f"cross_entropy: class index {int(bad)} is out of range for {classes} classes")
    return t.astype(np.intp, copy=False)


@declare("cross_entropy", ("∂{out}/∂{a} = (softmax({a}) − onehot({b})) / n", "class indices: no gradient"))
def cross_entropy(logits: Carrot, target: Any, reduction: str = "mean") -> Carrot:
    """Softmax cross-entropy of ``logits`` (``(N, C)`` or ``(C,)``) against integer class ``target``s.

    Computed through a shifted log-softmax, so large logits neither overflow nor lose the gradient.
    """
    _check_reduction("cross_entropy", reduction)
    if not isinstance(logits, Carrot):
        raise TypeError(f"cross_entropy: the logits must be a Carrot, got {type(logits).__name__}")
    z = logits.data
    if z.ndim == 0 or z.dtype.kind != "f":
        raise ValueError(
            f"cross_entropy: logits must be a float array of shape (N, C) or (C,), got {z.shape}"
        )
    if z.shape[-1] == 0:
        raise ValueError("cross_entropy: logits have no classes (last axis of length 0)")
    if z.size == 0:
        raise ValueError(f"cross_entropy: the logits are empty (shape {z.shape})")
    t = _class_targets(z, target)
    shifted = z - z.max(axis=-1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    picked = np.take_along_axis(logp, t[..., None], axis=-1)
    n = t.size if reduction == "mean" else 1
    data = np.asarray(-picked.sum() / n, dtype=z.dtype)

    def grad_a(g):
        grad = np.exp(logp)
        np.put_along_axis(grad, t[..., None], np.take_along_axis(grad, t[..., None], axis=-1) - 1.0, axis=-1)
        return grad * (g / n)

    return make_node(data, "cross_entropy", (logits, target), (grad_a, None))


cross_entropy_loss = cross_entropy  # the original design's name


# ---------------------------------------------------------------------------------------------------------
# Layers as functions
# ---------------------------------------------------------------------------------------------------------


def linear(x: Any, weight: Carrot, bias: Carrot | None = None) -> Carrot:
    """``x @ weight + bias`` with the original's weight layout ``(input_dimen, output_dimen)``."""
    out = x @ weight if isinstance(x, Carrot) else weight.__rmatmul__(x)
    return out if bias is None else out + bias


def dropout(input: Any, p: float = 0.5, training: bool = True) -> Any:
    """When ``training``, zero each element with probability ``p`` and scale the rest by ``1/(1 − p)`` (the
    expected value is unchanged), drawing from ``pc.manual_seed``'s stream; otherwise return ``input``."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout: p must be a probability in [0, 1], got {p!r}")
    if not training or p == 0.0:
        return input
    shape = np.shape(input.data if isinstance(input, Carrot) else input)
    if p == 1.0:
        return input * np.zeros(shape)
    keep = _random.generator().random(shape) >= p
    return input * (keep / (1.0 - p))


__all__ = [
    "mse_loss",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "cross_entropy_loss",
    "linear",
    "relu",
    "tanh",
    "sigmoid",
    "softmax",
    "log_softmax",
    "leaky_relu",
    "elu",
    "gelu",
    "silu",
    "softplus",
    "log_sigmoid",
    "dropout",
]
