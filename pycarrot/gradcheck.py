"""gradcheck: compare backward()'s gradients with central finite differences, element by element.

A non-scalar output is reduced to ``sum(output * r)`` with a fixed random ``r``, so every output element
takes part. Inputs are copied to float64 first, so a float32 model is checked at full precision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .carrot import Carrot


@dataclass
class InputCheck:
    """One input's analytic and numeric gradients and whether they agree."""

    label: str
    analytic: np.ndarray
    numeric: np.ndarray
    ok: bool
    worst_index: tuple[int, ...]
    worst_error: float


@dataclass
class GradcheckResult:
    """Truthy when every input's analytic gradient matches its finite-difference estimate."""

    inputs: list[InputCheck] = field(default_factory=list)
    atol: float = 1e-5
    rtol: float = 1e-3

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.inputs)

    def __bool__(self) -> bool:
        return self.ok

    @property
    def worst(self) -> InputCheck | None:
        """The input holding the largest mismatch (relative to the tolerance)."""
        return max(self.inputs, key=lambda c: c.worst_error, default=None)

    def __str__(self) -> str:
        worst = self.worst
        if worst is None:
            return "gradcheck: no input requires grad"
        i = worst.worst_index
        line = (
            f"worst mismatch at {worst.label}[{', '.join(map(str, i))}]: analytic {worst.analytic[i]:.10g}, "
            f"numeric {worst.numeric[i]:.10g}, |diff| {abs(worst.analytic[i] - worst.numeric[i]):.3g} "
            f"(allowed {self.atol:g} + {self.rtol:g}·|numeric|)"
        )
        return ("gradcheck passed; " if self.ok else "gradcheck FAILED; ") + line


def gradcheck(
    fn: Callable[..., Carrot],
    *inputs: Any,
    eps: float = 1e-6,
    atol: float = 1e-5,
    rtol: float = 1e-3,
    seed: int = 0,
) -> GradcheckResult:
    """Check ``fn(*inputs)``'s gradients for every input that requires grad.

    ``inputs`` are Carrots (checked when they require grad) or anything ``fn`` accepts (passed as is).
    Returns a :class:`GradcheckResult`; ``str()`` of it reports the worst mismatch.
    """
    args = [
        Carrot(np.array(x.data, dtype=np.float64), requires_grad=x.requires_grad, name=x.name)
        if isinstance(x, Carrot)
        else x
        for x in inputs
    ]
    checked = [k for k, x in enumerate(args) if isinstance(x, Carrot) and x.requires_grad]
    out = fn(*args)
    weights = np.random.default_rng(seed).uniform(0.5, 1.5, size=np.shape(out.data))

    def objective() -> float:
        return float(np.sum(np.asarray(fn(*args).data, dtype=np.float64) * weights))

    out.backward(weights)
    result = GradcheckResult(atol=atol, rtol=rtol)
    for k in checked:
        x = args[k]
        analytic = np.zeros(x.data.shape) if x._grad is None else np.array(x._grad, dtype=np.float64)
        numeric = np.zeros(x.data.shape)
        flat = x.data.reshape(-1)  # a view: perturbing it perturbs x
        for i in range(flat.size):
            original = flat[i]
            flat[i] = original + eps
            plus = objective()
            flat[i] = original - eps
            minus = objective()
            flat[i] = original
            numeric.reshape(-1)[i] = (plus - minus) / (2 * eps)
        excess = np.abs(analytic - numeric) - (atol + rtol * np.abs(numeric))
        excess = np.where(np.isnan(excess), np.inf, excess)
        worst = np.unravel_index(int(np.argmax(excess)), x.data.shape) if x.data.size else ()
        label = inputs[k].name or f"input {k}"
        ok = bool(np.all(excess <= 0))
        result.inputs.append(
            InputCheck(
                label, analytic, numeric, ok, tuple(int(j) for j in worst), float(excess.max(initial=-np.inf))
            )
        )
    return result
