"""Which samples each training step uses, shared by the Training and Network labs' sessions (and mirrored
line for line by the Network lab's exported script): the whole set, or mini-batches in a fresh seeded
permutation at each epoch's start; and :class:`RunProgress`, the two sessions' ``finished`` and ``epoch``."""

from __future__ import annotations

import copy

import numpy as np


class EpochBatches:
    """Mini-batch indices for step 0, 1, 2, … of a run over ``n`` samples; ``batch_size`` 0 or ≥ n is the whole
    set. Steps must be asked for in order (the permutation is drawn at each epoch's first step)."""

    def __init__(self, n: int, batch_size: int, seed: int) -> None:
        self.n = int(n)
        self.batch_size = self.n if batch_size in (0, None) or batch_size >= n else int(batch_size)
        self.steps_per_epoch = -(-self.n // self.batch_size)
        self._seed = seed
        self._rng = np.random.default_rng(seed)
        self._order: np.ndarray | None = None

    @property
    def full(self) -> bool:
        """Whether every step uses the whole set (no indices needed)."""
        return self.batch_size == self.n

    def indices(self, step: int) -> np.ndarray:
        """The sample indices step ``step`` trains on (the whole set in order when :attr:`full`)."""
        if self.full:
            return np.arange(self.n)
        k = step % self.steps_per_epoch
        if k == 0 or self._order is None:
            self._order = self._rng.permutation(self.n)
        return self._order[k * self.batch_size : (k + 1) * self.batch_size]

    def skip_to(self, step: int) -> None:
        """Stand where a run that has done ``step`` steps stands (a restored run): the permutations of the
        epochs begun so far drawn, so step ``step`` gets the same samples as in an unbroken run."""
        self._rng = np.random.default_rng(self._seed)
        self._order = None
        if not self.full:
            for _ in range(-(-int(step) // self.steps_per_epoch)):
                self._order = self._rng.permutation(self.n)

    def peek(self, step: int) -> np.ndarray:
        """The indices :meth:`indices` will give for ``step`` (the next step), drawing nothing: a copy of the
        generator draws the next epoch's permutation, so the run stays bit-identical."""
        if self.full:
            return np.arange(self.n)
        k = step % self.steps_per_epoch
        order = self._order
        if k == 0 or order is None:
            order = copy.deepcopy(self._rng).permutation(self.n)
        return order[k * self.batch_size : (k + 1) * self.batch_size]


class RunProgress:
    """``finished`` and ``epoch`` of a training session that keeps ``state`` (``running_state`` while it runs),
    ``steps_done`` and ``steps_per_epoch`` (its :class:`EpochBatches`'): both labs' sessions inherit them."""

    running_state: object = "running"

    @property
    def finished(self) -> bool:
        """Whether no more steps will run (the budget is used up, or the run converged or diverged)."""
        return self.state != self.running_state

    @property
    def epoch(self) -> float:
        """Passes over the training set so far."""
        return self.steps_done / self.steps_per_epoch
