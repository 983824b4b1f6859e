"""Learning-rate advice from the mathematics of the Training lab's loss, Qt-free: which rates diverge on this
data and which one to try, instead of "divide by 10 and try again" (three failed runs from lr 100).

The lab fits ``x @ w + b`` by MSE, so the loss is a quadratic in θ = (w, b) with the constant Hessian
H = 2·AᵀA/n, where A is x with a column of ones for the bias. Full-batch gradient descent multiplies the
error along each eigenvector of H by (1 − lr·λ) per step, so it diverges exactly when lr > 2/λ_max; weight
decay adds its value to every λ (it decays the bias too). Heavy-ball momentum β (PyTorch's form, as
``pc.SGD``) is stable exactly when lr·λ < 2(1 + β). Mini-batches see a different Hessian at each step: the
full-batch limit is then a guide, while below 2/(the largest single sample's curvature) no batch's step can
overshoot. Adam scales each step by the gradient's running size, so no limit follows from the curvature.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..i18n import format_text, translate

if TYPE_CHECKING:
    from .session import TrainConfig


@dataclass(frozen=True)
class Curvature:
    """How sharply the MSE loss curves on a dataset: ``largest`` = λ_max of 2·AᵀA/n (the full batch),
    ``sample`` = max over samples of 2·|a_i|² (no mini-batch's λ_max can exceed it)."""

    largest: float
    sample: float

    @classmethod
    def of(cls, x: np.ndarray) -> Curvature:
        """The curvature for features ``x`` (n, d); the bias column is added here."""
        x = np.asarray(x, dtype=np.float64)
        n = x.shape[0]
        with np.errstate(all="ignore"):
            gram = np.empty((x.shape[1] + 1, x.shape[1] + 1))
            gram[:-1, :-1] = x.T @ x
            gram[:-1, -1] = gram[-1, :-1] = x.sum(axis=0)
            gram[-1, -1] = n
            hessian = 2.0 * gram / n
            largest = float(np.linalg.eigvalsh(hessian)[-1]) if np.all(np.isfinite(hessian)) else math.inf
            sample = float(2.0 * np.max(np.einsum("ij,ij->i", x, x) + 1.0))
        return cls(largest, sample)


@dataclass(frozen=True)
class LrAdvice:
    """What is known about the learning rate for one dataset and optimiser.

    ``limit``: rates above it diverge (exact for full-batch SGD, a guide for mini-batches; None for Adam).
    ``safe``: below it no mini-batch step overshoots (mini-batch SGD only). ``suggested``: a rate that
    converges. ``hint``: one sentence for beside the learning rate; ``why``: the formula behind the limit."""

    limit: float | None
    suggested: float | None
    hint: str
    why: str = ""
    safe: float | None = None
    exact: bool = False  # the limit is the exact edge (full batch), not a guide

    def too_high(self, lr: float) -> bool:
        """Whether ``lr`` is above the limit (known to diverge when :attr:`exact`)."""
        return self.limit is not None and lr > self.limit


def nice_floor(value: float) -> float:
    """The largest of 1, 2, 5 × 10^k not above ``value`` (0.167 → 0.1, 0.62 → 0.5, 3.8e-5 → 2e-5)."""
    if not (value > 0 and math.isfinite(value)):
        return 0.0
    exp = math.floor(math.log10(value))
    for mantissa in (5, 2, 1):
        nice = float(f"{mantissa}e{exp}")
        if nice <= value * (1 + 1e-12):
            return nice
    return float(f"5e{exp - 1}")


def fmt(value: float) -> str:
    """A rate as the advice prints it: three significant digits (0.333, 4.33e-05)."""
    return f"{value:.3g}"


def advise(curvature: Curvature, config: TrainConfig, n_samples: int) -> LrAdvice:
    """The advice for ``config`` (its optimiser, momentum, weight decay and batch size) on data of
    ``curvature`` with ``n_samples`` rows."""
    if config.optimizer != "SGD":
        return LrAdvice(
            None,
            None,
            translate(
                "LrAdvice",
                "Adam has no limit from the curvature: each step moves a weight by about the learning rate, so a large rate makes the weights jitter by about that much rather than blow up.",
            ),
        )
    wd, beta = config.weight_decay, config.momentum
    lam = curvature.largest + wd
    if not (lam > 0 and math.isfinite(lam)):
        return LrAdvice(
            None,
            None,
            translate("LrAdvice", "The data is too large to compute a limit: standardise the features."),
        )
    factor = 2.0 * (1.0 + beta)
    limit = factor / lam
    why = (
        translate("LrAdvice", "2/λ_max")
        if beta == 0
        else format_text("LrAdvice", "2(1 + β)/λ_max with momentum β = {beta:g}", beta=beta)
    )
    why += format_text("LrAdvice", ", where λ_max = {value}", value=fmt(curvature.largest))
    if wd:
        why += format_text("LrAdvice", " + weight decay {wd:g}", wd=wd)
    why += translate("LrAdvice", " is the largest eigenvalue of the loss's Hessian 2·XᵀX/n")
    full = config.batch_size in (0, None) or config.batch_size >= n_samples
    if full:
        suggested = nice_floor(limit / 2)
        hint = format_text(
            "LrAdvice",
            "On this data full-batch SGD diverges above lr = {value}; {suggested:g} converges.",
            value=fmt(limit),
            suggested=suggested,
        )
        return LrAdvice(limit, suggested, hint, why, exact=True)
    safe = 2.0 / (curvature.sample + wd)
    suggested = nice_floor(min(safe * (1.0 - beta), limit / 2))
    hint = (
        format_text(
            "LrAdvice",
            "The whole data diverges above lr = {value}; with batches of {batch_size} that is a guide only (each batch curves differently). Below {value2} no batch's step overshoots",
            value=fmt(limit),
            batch_size=config.batch_size,
            value2=fmt(safe),
        )
        + (translate("LrAdvice", " (without momentum)") if beta else "")
        + format_text("LrAdvice", "; {suggested:g} is a cautious choice.", suggested=suggested)
    )
    return LrAdvice(limit, suggested, hint, why, safe=safe)


def divergence_advice(advice: LrAdvice, lr: float) -> str:
    """What to say after a run at ``lr`` diverged: the limit it crossed and a rate to try instead (the
    sentence ends at "e.g. 0.1" so the caller can add what to press)."""
    if advice.limit is None:
        return format_text(
            "LrAdvice",
            "Learning rate {lr:g} is too high: set a smaller one, e.g. {value:g}",
            lr=lr,
            value=lr / 10,
        )
    try_lr = advice.suggested if advice.suggested and advice.suggested < lr else nice_floor(lr / 10)
    edge = format_text("LrAdvice", "lr = {value} (that is {why})", value=fmt(advice.limit), why=advice.why)
    if advice.exact:
        where = (
            translate("LrAdvice", "above it") if lr > advice.limit else translate("LrAdvice", "at its edge")
        )
        return format_text(
            "LrAdvice",
            "On this data full-batch SGD diverges above {edge}: learning rate {lr:g} is {where}. Set a smaller one, e.g. {try_lr:g}",
            edge=edge,
            lr=lr,
            where=where,
            try_lr=try_lr,
        )
    where = translate("LrAdvice", "above") if lr > advice.limit else translate("LrAdvice", "below")
    return format_text(
        "LrAdvice",
        "Learning rate {lr:g} is {where} the whole data's limit {edge}; with mini-batches a step can overshoot above {value} (a batch can curve more sharply than the whole data). Set a smaller one, e.g. {try_lr:g}",
        lr=lr,
        where=where,
        edge=edge,
        value=fmt(advice.safe or 0),
        try_lr=try_lr,
    )
