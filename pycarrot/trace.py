"""What backward() did, as a list of events the app can replay (the per-path walk in :mod:`pycarrot.per_path`
records the same events).

Recording is off unless asked for: ``backward()`` reads :data:`_recorder` once per call and only emits
events when a :class:`BackwardTrace` is active (``with pc.record_backward() as trace: z.backward()``).
The events are the engine's own walk, not a re-computation: the same arrays ``backward()`` produced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from .carrot import Carrot

# The trace that backward() writes to, or None (the default: recording costs one global read per call).
_recorder: BackwardTrace | None = None


@dataclass(frozen=True, slots=True)
class NodeVisit:
    """backward() reached ``node``; ``grad`` is its gradient from this pass, complete before it is passed on."""

    node: Carrot
    grad: np.ndarray


@dataclass(frozen=True, slots=True)
class EdgeCall:
    """One call of an edge's ``grad_fn``: ``grad_in`` came from ``node``, ``grad_out`` goes to ``input``, the
    operand at ``position`` of ``node``'s op (0 for ``a``/``x``, 1 for ``b``: how the edge is named, with the op)."""

    node: Carrot
    input: Carrot
    grad_fn: Callable[[np.ndarray], np.ndarray]
    grad_in: np.ndarray
    grad_out: np.ndarray
    position: int = 0


@dataclass(frozen=True, slots=True)
class GradAccumulate:
    """``node.grad`` went from ``before`` (None if it had none) to ``after`` by adding ``contribution``."""

    node: Carrot
    before: np.ndarray | None
    contribution: np.ndarray
    after: np.ndarray


Event = NodeVisit | EdgeCall | GradAccumulate


@dataclass
class BackwardTrace:
    """The ordered events of one or more backward walks recorded while this trace was active."""

    events: list[Event] = field(default_factory=list)
    truncated: bool = False  # set by per_path_backward when it stopped at its call limit

    def append(self, event: Event) -> None:
        self.events.append(event)

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    @property
    def grad_fn_calls(self) -> int:
        """How many times an edge's grad_fn was called."""
        return sum(1 for e in self.events if type(e) is EdgeCall)

    @property
    def visit_order(self) -> list[Carrot]:
        """The nodes in the order backward() visited them."""
        return [e.node for e in self.events if type(e) is NodeVisit]

    def replay(self) -> dict[int, np.ndarray]:
        """Final ``.grad`` per node (keyed by ``id(node)``) rebuilt from the accumulation events alone."""
        grads: dict[int, np.ndarray] = {}
        for e in self.events:
            if type(e) is GradAccumulate:
                key = id(e.node)
                before = grads.get(key)
                grads[key] = e.contribution.copy() if before is None else before + e.contribution
        return grads


@contextmanager
def record_backward() -> Iterator[BackwardTrace]:
    """Record every backward() run inside the block: ``with record_backward() as trace: z.backward()``."""
    global _recorder
    previous = _recorder
    trace = BackwardTrace()
    _recorder = trace
    try:
        yield trace
    finally:
        _recorder = previous


def traced_backward(root: Carrot, grad: Any = None) -> BackwardTrace:
    """Run ``root.backward(grad)`` and return what it did."""
    with record_backward() as trace:
        root.backward(grad)
    return trace
