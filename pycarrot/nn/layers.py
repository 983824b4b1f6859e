"""Layers: ``Linear`` (the original's layout, ``x @ weight + bias``), ``Sequential``, activations, and the
losses as modules (``nn.MSELoss()`` called as ``loss_func(pred, target)``, as in the original notebooks)."""

from __future__ import annotations

import numbers
from collections.abc import Iterator
from typing import Any

import numpy as np

from .. import random as _random
from ..carrot import Carrot, Parameter
from ..ops import elu, gelu, leaky_relu, relu, sigmoid, silu, softmax, softplus, tanh
from . import functional as F
from .module import Module


def _dimension(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"Linear: {name} must be a positive integer, got {value!r}")
    return int(value)


class Linear(Module):
    """``y = x @ weight + bias`` with ``weight`` of shape ``(input_dimen, output_dimen)``.

    Initialisation (PyTorch's default scale for ``nn.Linear``): weight uniform in ``[-1/√input_dimen,
    1/√input_dimen]`` drawn from ``pc.manual_seed``'s generator; bias zeros, as in the original design.
    """

    def __init__(
        self, input_dimen: int, output_dimen: int, bias: bool = True, dtype: Any = np.float64
    ) -> None:
        super().__init__()
        self.input_dimen = _dimension("input_dimen", input_dimen)
        self.output_dimen = _dimension("output_dimen", output_dimen)
        dtype = np.dtype(dtype)
        if dtype.kind != "f":
            raise ValueError(f"Linear: dtype must be a float type, got {dtype}")
        bound = 1.0 / np.sqrt(self.input_dimen)
        w = _random.generator().uniform(-bound, bound, size=(self.input_dimen, self.output_dimen))
        self.weight = Parameter(w.astype(dtype, copy=False), name="weight")
        self.bias = Parameter(np.zeros(self.output_dimen, dtype=dtype), name="bias") if bias else None

    def forward(self, input: Any) -> Carrot:
        x = input.data if isinstance(input, Carrot) else np.asarray(input)
        if x.ndim == 0 or x.shape[-1] != self.input_dimen:
            raise ValueError(
                f"Linear({self.input_dimen} → {self.output_dimen}) expects inputs whose last axis has "
                f"{self.input_dimen} features, got shape {x.shape}"
            )
        out = input @ self.weight if isinstance(input, Carrot) else self.weight.__rmatmul__(input)
        return out if self.bias is None else out + self.bias

    def extra_repr(self) -> str:
        return (
            f"input_dimen={self.input_dimen}, output_dimen={self.output_dimen}, bias={self.bias is not None}"
        )


class Sequential(Module):
    """Modules applied one after another; the i-th is named ``"i"`` (``0.weight``, ``1.bias``, ...)."""

    def __init__(self, *modules: Module) -> None:
        super().__init__()
        for i, m in enumerate(modules):
            if not isinstance(m, Module):
                raise TypeError(f"Sequential: item {i} is a {type(m).__name__}, not a Module")
        self.layers = list(modules)

    def _direct(self) -> Iterator[tuple[str, Any]]:
        for i, m in enumerate(self.layers):
            yield str(i), m

    def forward(self, input: Any) -> Any:
        for m in self.layers:
            input = m(input)
        return input

    def append(self, module: Module) -> Sequential:
        if not isinstance(module, Module):
            raise TypeError(f"Sequential.append needs a Module, got {type(module).__name__}")
        self.layers.append(module)
        return self

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return Sequential(*self.layers[index])
        return self.layers[index]

    def __len__(self) -> int:
        return len(self.layers)

    def __iter__(self) -> Iterator[Module]:
        return iter(self.layers)


class _Activation(Module):
    """An activation without settings, applied element by element: ``forward`` is ``fn(input)``."""

    fn: Any

    def forward(self, input: Any) -> Carrot:
        return type(self).fn(input)


class ReLU(_Activation):
    """``x`` where positive, 0 elsewhere."""

    fn = staticmethod(relu)


class Tanh(_Activation):
    """``tanh(x)``, from −1 to 1."""

    fn = staticmethod(tanh)


class Sigmoid(_Activation):
    """``1 / (1 + exp(−x))``, from 0 to 1."""

    fn = staticmethod(sigmoid)


class SiLU(_Activation):
    """``x · sigmoid(x)`` (also called swish)."""

    fn = staticmethod(silu)


class Softplus(_Activation):
    """``ln(1 + exp(x))``, a smooth ReLU."""

    fn = staticmethod(softplus)


class _WithSetting(_Activation):
    """An activation with one setting: ``forward`` is ``fn(input, setting)``, the setting kept in the attribute
    that ``setting`` names (the constructor's keyword, as in PyTorch)."""

    setting: str

    def forward(self, input: Any) -> Carrot:
        return type(self).fn(input, getattr(self, self.setting))

    def extra_repr(self) -> str:
        return f"{self.setting}={getattr(self, self.setting)!r}"


class Softmax(_WithSetting):
    """Softmax along ``axis`` (the last by default); for training, prefer ``cross_entropy`` on the logits."""

    fn, setting = staticmethod(softmax), "axis"

    def __init__(self, axis: int = -1) -> None:
        super().__init__()
        self.axis = axis


class LeakyReLU(_WithSetting):
    """``x`` where positive, ``negative_slope · x`` elsewhere."""

    fn, setting = staticmethod(leaky_relu), "negative_slope"

    def __init__(self, negative_slope: float = 0.01) -> None:
        super().__init__()
        self.negative_slope = float(negative_slope)


class ELU(_WithSetting):
    """``x`` where positive, ``alpha · (exp(x) − 1)`` elsewhere."""

    fn, setting = staticmethod(elu), "alpha"

    def __init__(self, alpha: float = 1.0) -> None:
        super().__init__()
        self.alpha = float(alpha)


class GELU(_WithSetting):
    """``x · Φ(x)`` (``approximate="tanh"``: the tanh approximation)."""

    fn, setting = staticmethod(gelu), "approximate"

    def __init__(self, approximate: str = "none") -> None:
        super().__init__()
        if approximate not in ("none", "tanh"):
            raise ValueError(f"GELU: approximate must be 'none' or 'tanh', got {approximate!r}")
        self.approximate = approximate


class Dropout(Module):
    """In training mode, zeroes each element with probability ``p`` and scales the rest by ``1/(1 − p)`` (so
    the expected value is unchanged); in eval mode, returns its input. Draws from ``pc.manual_seed``'s stream."""

    def __init__(self, p: float = 0.5) -> None:
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"Dropout: p must be a probability in [0, 1], got {p!r}")
        self.p = float(p)

    def forward(self, input: Any) -> Any:
        return F.dropout(input, self.p, self.training)

    def extra_repr(self) -> str:
        return f"p={self.p}"


class Identity(Module):
    """Returns its input unchanged (a placeholder layer)."""

    def forward(self, input: Any) -> Any:
        return input


class _Loss(Module):
    def __init__(self, reduction: str = "mean") -> None:
        super().__init__()
        F._check_reduction(type(self).__name__, reduction)
        self.reduction = reduction

    def extra_repr(self) -> str:
        return "" if self.reduction == "mean" else f"reduction={self.reduction!r}"


class MSELoss(_Loss):
    """``MSELoss()(predicted, target)``: :func:`pycarrot.nn.functional.mse_loss` as a module."""

    def forward(self, predicted: Carrot, target: Any) -> Carrot:
        return F.mse_loss(predicted, target, self.reduction)


class BCEWithLogitsLoss(_Loss):
    """:func:`pycarrot.nn.functional.binary_cross_entropy_with_logits` as a module."""

    def forward(self, logits: Carrot, target: Any) -> Carrot:
        return F.binary_cross_entropy_with_logits(logits, target, self.reduction)


class CrossEntropyLoss(_Loss):
    """:func:`pycarrot.nn.functional.cross_entropy` as a module (integer class targets)."""

    def forward(self, logits: Carrot, target: Any) -> Carrot:
        return F.cross_entropy(logits, target, self.reduction)


__all__ = [
    "Linear",
    "Sequential",
    "ReLU",
    "Tanh",
    "Sigmoid",
    "Softmax",
    "Identity",
    "LeakyReLU",
    "ELU",
    "GELU",
    "SiLU",
    "Softplus",
    "Dropout",
    "MSELoss",
    "BCEWithLogitsLoss",
    "CrossEntropyLoss",
]
