"""Predict, then reveal in the Network lab (Qt-free): before each stop of the neuron-level backward playback,
one concrete gradient of the layer it reaches — ∂L/∂w of its strongest weight — with the rule that gives it,
``∂L/∂w₁₂ = Σ a₁ · δ₂ over the batch, so 0.76 × -0.31 + … = -0.24``.

The answer is the recorded gradient (what ``backward()`` accumulated into that weight); the rule's numbers come
from the same recorded graph: the layer's input values ``a`` and the gradient ``δ = ∂L/∂z`` of its outputs.
"""

from __future__ import annotations

import numpy as np

from ..i18n import format_text
from ..quiz import Question, Quiz
from ..theme import format_number
from .backward import BackwardPlayback

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
TERMS_SHOWN = 2  # products written out in a batch's sum before "…"


def sub(*numbers: int) -> str:
    """Subscripts: ``sub(1, 2)`` is ``₁₂`` (``₁,₁₂`` when a number has two digits)."""
    parts = [str(n).translate(_SUB) for n in numbers]
    return ("," if any(n > 9 for n in numbers) else "").join(parts)


def _factor(v: float, bracket: bool) -> str:
    """A number in a product: negative ones in brackets after the first (``0.6 × (-0.05)``)."""
    text = format_number(v)
    return f"({text})" if bracket and text.startswith("-") else text


class LayerQuestions:
    """One question per stop of ``playback``: stop k asks for ∂L/∂w of the weight with the largest gradient in
    the layer that stop completes (its line is the one to look at)."""

    def __init__(self, playback: BackwardPlayback) -> None:
        self.playback = playback
        tl = playback.timeline
        self._end = len(tl)
        graph = playback.graph
        self._inputs: list[np.ndarray] = []  # per layer: the values going into its weights (samples, in)
        self._deltas: list[np.ndarray | None] = []  # per layer: ∂L/∂z of its outputs (samples, out)
        for n in range(playback.layers):
            w = graph.find(f"W{n + 1}").index
            matmul = next(m for m in graph.nodes if m.op == "matmul" and w in m.operands)
            self._inputs.append(np.atleast_2d(graph.nodes[matmul.operands[0]].value))
            self._deltas.append(tl.node_state(matmul.index, self._end).grad)
        self._made: dict[int, Question] = {}

    def weight(self, stop: int) -> tuple[int, int, int]:
        """(layer, i, j) of the weight stop ``stop`` asks about."""
        layer = self.playback.layer(stop)
        grad = self.playback.gradients(len(self.playback))[layer]
        i, j = np.unravel_index(int(np.nanargmax(np.abs(grad))), grad.shape)
        return layer, int(i), int(j)

    def question(self, stop: int) -> Question | None:
        """The question guarding the move to stop ``stop`` (1 … len; None for the forward state)."""
        if not 1 <= stop <= len(self.playback):
            return None
        if stop not in self._made:
            self._made[stop] = self._make(stop)
        return self._made[stop]

    def _make(self, stop: int) -> Question:
        layer, i, j = self.weight(stop)
        answer = np.asarray(self.playback.gradients(len(self.playback))[layer][i, j], dtype=np.float64)
        w = f"∂L/∂w{sub(i + 1, j + 1)}"
        source = (
            format_text("Quiz", "input {i}", i=i + 1)
            if layer == 0
            else format_text("Quiz", "neuron {i} of layer {n}", i=i + 1, n=layer)
        )
        prompt = format_text(
            "Quiz",
            "Layer {n}: guess {w} of the dashed line ({source} → neuron {j} of layer {n})",
            n=layer + 1,
            w=w,
            source=source,
            j=j + 1,
        )
        return Question(stop, prompt, answer, self.rule(layer, i, j, answer), self.hint(layer, i, j))

    def _terms(self, layer: int, i: int, j: int) -> tuple[np.ndarray, np.ndarray]:
        a = self._inputs[layer][:, i]
        delta = self._deltas[layer]
        d = np.zeros_like(a) if delta is None else np.atleast_2d(delta)[:, j]
        return a, d

    def rule(self, layer: int, i: int, j: int, answer: np.ndarray) -> str:
        """``∂L/∂w₁₂ = a₁ · δ₂, so 0.76 × -0.31 = -0.24`` (a sum of such products over a batch)."""
        a, d = self._terms(layer, i, j)
        names = {"w": f"∂L/∂w{sub(i + 1, j + 1)}", "a": f"a{sub(i + 1)}", "d": f"δ{sub(j + 1)}"}
        products = [f"{_factor(x, k > 0)} × {_factor(y, True)}" for k, (x, y) in enumerate(zip(a, d))]
        if len(products) == 1:
            return format_text(
                "Quiz",
                "{w} = {a} · {d}, so {sum} = {value}",
                **names,
                sum=products[0],
                value=format_number(answer),
            )
        shown = " + ".join(products[:TERMS_SHOWN]) + (" + …" if len(products) > TERMS_SHOWN else "")
        return format_text(
            "Quiz",
            "{w} = Σ {a} · {d} over the {n} samples, so {sum} = {value}",
            **names,
            n=len(products),
            sum=shown,
            value=format_number(answer),
        )

    def hint(self, layer: int, i: int, j: int) -> str:
        """What the rule multiplies: a = the line's input value, δ = ∂L/∂z of the neuron it feeds."""
        return format_text(
            "Quiz",
            "a{i} is what the line's input sends forward, δ{j} = ∂L/∂z of the neuron it feeds; "
            "each sample adds a · δ, summed over the {n} samples of the batch",
            i=sub(i + 1),
            j=sub(j + 1),
            n=len(self._inputs[layer]),
        )

    def pending(self, quiz: Quiz) -> Question | None:
        """The unanswered question before the next stop (None: free to move)."""
        nxt = self.playback.position + 1
        if nxt > len(self.playback) or quiz.answered(nxt):
            return None
        return self.question(nxt)

    def limit(self, quiz: Quiz, start: int, target: int) -> int:
        """How far the playback may move from ``start`` towards ``target`` (back is always free)."""
        for stop in range(start + 1, target + 1):
            if not quiz.answered(stop):
                return stop - 1
        return target

    def finished(self, quiz: Quiz) -> bool:
        return all(quiz.answered(k) for k in range(1, len(self.playback) + 1))
