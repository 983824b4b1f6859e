"""Optimizers: an ``Optim`` base with ``step()``/``zero_grad()`` over a per-class ``_update`` (as tinygrad's
``nn/optim.py``). ``import pycarrot.optim as optim``; ``optim.SGD(model.parameter(), learning_rate=0.1)``.

A parameter is skipped when it does not require grad (frozen with ``param.requires_grad = False``) or has no
gradient yet. Updates are in place (``param.data`` keeps its identity), as PyTorch's are.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

import numpy as np

from .carrot import Carrot


def _hyper(owner: str, name: str, value: Any, low: float = 0.0, high: float | None = None) -> float:
    """A hyper-parameter as a float, refused when it is not a finite real number in ``[low, high)``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{owner}: {name} must be a number, got {value!r}")
    v = float(value)
    if math.isnan(v) or math.isinf(v):
        raise ValueError(f"{owner}: {name} must be finite, got {v}")
    if v < low or (high is not None and v >= high):
        allowed = f"in [{low:g}, {high:g})" if high is not None else f">= {low:g}"
        raise ValueError(f"{owner}: {name} must be {allowed}, got {v}")
    return v


def _rate(owner: str, learning_rate: float, lr: float | None, default: float) -> float:
    """The original's ``learning_rate=`` or PyTorch's ``lr=`` (one of them)."""
    if lr is None:
        return learning_rate
    if learning_rate != default:
        raise TypeError(f"{owner}: give learning_rate= or PyTorch's lr=, not both")
    return lr


class Optim:
    """Holds the parameters to update; subclasses define ``_update(index, param, grad)``."""

    def __init__(self, parameters: Iterable[Carrot], learning_rate: float) -> None:
        owner = type(self).__name__
        if isinstance(parameters, Carrot):
            raise TypeError(f"{owner}: pass a list of parameters (model.parameters()), not a single Carrot")
        params: list[Carrot] = []
        seen: set[int] = set()
        for i, p in enumerate(parameters):
            if not isinstance(p, Carrot):
                raise TypeError(f"{owner}: parameter {i} is a {type(p).__name__}, not a Parameter/Carrot")
            if p.data.dtype.kind != "f":
                raise TypeError(
                    f"{owner}: parameter {i} holds {p.data.dtype}, but only float arrays can learn"
                )
            if id(p) not in seen:
                seen.add(id(p))
                params.append(p)
                if (
                    not p.data.flags.writeable
                ):  # e.g. np.frombuffer, a broadcast view: step() updates in place
                    p.data = p.data.copy()
        if not params:
            raise ValueError(f"{owner} got an empty parameter list (did the model define any Parameter?)")
        self.parameters = params
        self.learning_rate = learning_rate

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self._learning_rate = _hyper(type(self).__name__, "learning_rate", value)

    def zero_grad(self) -> None:
        """Forget every parameter's gradient (``.grad`` becomes None) before the next backward."""
        for p in self.parameters:
            p._grad = None

    def step(self) -> None:
        """Update every parameter that requires grad and has a gradient."""
        for i, p in enumerate(self.parameters):
            g = p._grad
            if g is not None and p.requires_grad:
                self._update(i, p, g)

    def _update(self, index: int, param: Carrot, grad: np.ndarray) -> None:
        raise NotImplementedError(f"{type(self).__name__} must define _update(index, param, grad)")


class SGD(Optim):
    """Stochastic gradient descent: ``v = momentum·v + (g + weight_decay·θ)``; ``θ -= learning_rate·v``
    (PyTorch's formula; with ``momentum=0`` it is the original's ``θ -= lr·(g + weight_decay·θ)``)."""

    def __init__(
        self,
        parameters: Iterable[Carrot],
        learning_rate: float = 0.1,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        *,
        lr: float | None = None,
    ) -> None:
        super().__init__(parameters, _rate("SGD", learning_rate, lr, 0.1))
        self.weight_decay = _hyper("SGD", "weight_decay", weight_decay)
        self.momentum = _hyper("SGD", "momentum", momentum)
        self._velocity: list[np.ndarray | None] = [None] * len(self.parameters)

    def _update(self, index: int, param: Carrot, grad: np.ndarray) -> None:
        data = param.data
        if self.weight_decay:
            grad = grad + self.weight_decay * data
        if self.momentum:
            v = self._velocity[index]
            if v is None:
                v = self._velocity[index] = grad.copy()
            else:
                v *= self.momentum
                v += grad
            grad = v
        data -= self.learning_rate * grad


class Adam(Optim):
    """Adam (Kingma & Ba) with bias correction, as PyTorch's ``optim.Adam``; ``weight_decay`` adds
    ``weight_decay·θ`` to the gradient (L2, not AdamW)."""

    def __init__(
        self,
        parameters: Iterable[Carrot],
        learning_rate: float = 0.001,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        *,
        lr: float | None = None,
    ) -> None:
        super().__init__(parameters, _rate("Adam", learning_rate, lr, 0.001))
        try:
            beta1, beta2 = betas
        except (TypeError, ValueError):
            raise TypeError(f"Adam: betas must be a pair (beta1, beta2), got {betas!r}") from None
        self.betas = (_hyper("Adam", "beta1", beta1, 0.0, 1.0), _hyper("Adam", "beta2", beta2, 0.0, 1.0))
        self.eps = _hyper("Adam", "eps", eps)
        self.weight_decay = _hyper("Adam", "weight_decay", weight_decay)
        n = len(self.parameters)
        self._m: list[np.ndarray | None] = [None] * n
        self._v: list[np.ndarray | None] = [None] * n
        self._t = [0] * n

    def _update(self, index: int, param: Carrot, grad: np.ndarray) -> None:
        data = param.data
        beta1, beta2 = self.betas
        if self.weight_decay:
            grad = grad + self.weight_decay * data
        m, v = self._m[index], self._v[index]
        if m is None:
            m = self._m[index] = np.zeros_like(data)
            v = self._v[index] = np.zeros_like(data)
        self._t[index] += 1
        t = self._t[index]
        m *= beta1
        m += (1.0 - beta1) * grad
        v *= beta2
        v += (1.0 - beta2) * grad * grad
        step_size = self.learning_rate / (1.0 - beta1**t)
        denom = np.sqrt(v / (1.0 - beta2**t))
        denom += self.eps
        data -= step_size * (m / denom)


__all__ = ["Optim", "SGD", "Adam"]
