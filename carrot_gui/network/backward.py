"""One training step's backward pass at neuron level, Qt-free: the engine's recorded backward() of the next
step's loss (the Expression lab's :func:`record_timeline` on the session's tensor graph) cut into stops —
the forward state, then one stop per layer, last to first, where ∂L/∂W and ∂L/∂b of that layer are complete.

At each stop the playback answers which weight layer the gradient is in and every layer's gradient *as the
recorded events accumulated it so far* (None for layers backward() has not reached). The neuron view only
draws those answers; stepping back is moving an index.
"""

from __future__ import annotations

import numpy as np
from psygnal import Signal

from ..expression.graph import build_graph
from ..expression.playback import ACCUMULATE, Timeline, record_timeline
from ..i18n import format_text, translate
from .trainer import NetworkSession

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class BackwardPlayback:
    """Stops 0 … ``len(self)``: 0 is the forward state (weights, no gradient), stop k (1 … L) is just after
    backward() finished weight layer L−k (0-based: the last layer first). ``position_changed(new, old)``
    (psygnal) whenever the stop moves.

    Built for ``session`` as it is now: the loss of the batch its next :meth:`~NetworkSession.step` trains on,
    from copies of the parameters — so the gradients at the last stop are those that step will apply.
    """

    position_changed = Signal(int, int)

    def __init__(self, session: NetworkSession) -> None:
        self.step = session.steps_done  # the steps done when recorded: the backward of step step + 1
        self.rows = session.next_batch_rows()
        nodes = session.tensor_graph(rows=self.rows)
        self.graph = build_graph(nodes, f"backward of step {self.step + 1}")
        self.timeline: Timeline = record_timeline(self.graph)
        self.layers = len(session.layers)
        self._weight = [self.graph.find(f"W{n + 1}").index for n in range(self.layers)]
        self._bias = [self.graph.find(f"b{n + 1}").index for n in range(self.layers)]
        layer_of = {i: n for n, i in enumerate(self._weight)} | {i: n for n, i in enumerate(self._bias)}
        done = [0] * self.layers  # per layer: the timeline position once its last accumulation happened
        for k, s in enumerate(self.timeline.steps):
            if s.kind == ACCUMULATE and s.node in layer_of:
                done[layer_of[s.node]] = k + 1
        order = sorted(range(self.layers), key=lambda n: done[n])  # the order backward() finished them in
        self._layer_at: list[int | None] = [None, *order]
        self._stops = [self.timeline.backward_start, *(done[n] for n in order)]
        self._position = 0

    # -- position --------------------------------------------------------------------------------------
    def __len__(self) -> int:
        """The last stop (= the number of layers)."""
        return len(self._stops) - 1

    @property
    def position(self) -> int:
        return self._position

    def seek(self, position: int) -> int:
        """Go to stop ``position`` (clamped to 0 … len); returns the new stop."""
        new = max(0, min(len(self), int(position)))
        old, self._position = self._position, new
        if new != old:
            self.position_changed.emit(new, old)
        return new

    def step_forward(self) -> bool:
        """One stop further back through the network; False at the end."""
        before = self._position
        return self.seek(before + 1) != before

    def step_back(self) -> bool:
        """One stop back towards the forward state; False at the start."""
        before = self._position
        return self.seek(before - 1) != before

    @property
    def at_end(self) -> bool:
        return self._position == len(self)

    # -- state at a stop --------------------------------------------------------------------------------
    def _at(self, position: int | None) -> int:
        return self._position if position is None else max(0, min(len(self), int(position)))

    def is_backward(self, position: int | None = None) -> bool:
        """False in the forward state (stop 0), True once backward() has begun."""
        return self._at(position) > 0

    def layer(self, position: int | None = None) -> int | None:
        """The weight layer (0 = inputs → first hidden) the gradient is in at a stop; None in the forward state."""
        return self._layer_at[self._at(position)]

    def timeline_position(self, position: int | None = None) -> int:
        """The recorded timeline's position at a stop (the Expression lab's step count)."""
        return self._stops[self._at(position)]

    def _grads(self, indices: list[int], position: int | None) -> list[np.ndarray | None]:
        p = self.timeline_position(position)
        return [self.timeline.node_state(i, p).grad for i in indices]

    def gradients(self, position: int | None = None) -> list[np.ndarray | None]:
        """∂L/∂W of every layer as the recorded events accumulated it up to a stop (None: not reached)."""
        return self._grads(self._weight, position)

    def bias_gradients(self, position: int | None = None) -> list[np.ndarray | None]:
        """∂L/∂b of every layer up to a stop (None: not reached)."""
        return self._grads(self._bias, position)

    def text(self, position: int | None = None) -> str:
        """What the neuron view shows at a stop, in words for the lab's label."""
        p = self._at(position)
        if len(self.rows) == 1:
            batch = translate("NetworkBackward", "1 sample")
        else:
            batch = format_text("NetworkBackward", "{n} samples", n=len(self.rows))
        if p == 0:
            return format_text(
                "NetworkBackward",
                "Forward state (step {value}, {batch}): lines show the weights. Press ▸ to step backward() layer by layer.",
                value=self.step + 1,
                batch=batch,
            )
        n = self.layer(p) + 1
        sub = str(n).translate(_SUBSCRIPT)
        text = format_text(
            "NetworkBackward",
            "Backward {p} of {n}: layer {n2} of {layers} — ∂L/∂W{sub} on its lines",
            p=p,
            n=len(self),
            n2=n,
            layers=self.layers,
            sub=sub,
        )
        if p == len(self):
            text += translate("NetworkBackward", " · all layers done, Step applies them")
        return text
