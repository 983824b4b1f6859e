"""What the Network lab is showing, Qt-free: the network spec, the dataset and the training session built
from both — rebuilt (a fresh run) whenever either changes, and announced with ``session_changed``.

The lab page only wires panels and views to this object; tests drive it without a window.
"""

from __future__ import annotations

from dataclasses import replace

from psygnal import Signal

from .datasets import NetData
from .presets import PRESETS, Preset
from .spec import NetworkSpec
from .trainer import NetworkSession, check_fit


class NetworkLabModel:
    """The lab's current spec, data and session. ``session_changed(session)`` after every rebuild."""

    session_changed = Signal(object)

    def __init__(self, preset: Preset | None = None, eval_every: int = 10) -> None:
        preset = preset or PRESETS[0]
        self.eval_every = eval_every
        self.preset: Preset | None = preset
        self.data: NetData = preset.load_data()
        self.spec: NetworkSpec = preset.spec.for_task(self.data.inputs, self.data.classes).validate()
        self.session = NetworkSession(self.spec, self.data, eval_every=eval_every)

    def reset(self) -> NetworkSession:
        """A fresh run of the current spec on the current data (initial weights from the spec's seed)."""
        self.session = NetworkSession(self.spec, self.data, eval_every=self.eval_every)
        self.session_changed.emit(self.session)
        return self.session

    def set_data(self, data: NetData, features: tuple[str, ...] = ()) -> NetworkSpec:
        """New data: the spec follows its inputs and classes (and takes ``features`` when given and they fit
        1-/2-D data); returns the spec; a fresh run starts."""
        spec = self.spec.for_task(data.inputs, data.classes)
        if features and data.inputs <= 2:
            spec = replace(spec, features=tuple(features))
        self.spec = spec.validate()
        self.data = data
        self.reset()
        return self.spec

    def set_spec(self, spec: NetworkSpec) -> None:
        """A new network for the same data; SpecError (nothing changed) if it does not fit the data."""
        check_fit(spec, self.data)
        self.spec = spec
        self.reset()

    def lesson_state(self, backward: int | None = None):
        """What a lesson keeps of the lab (:class:`~carrot_gui.lessons.network_state.NetworkState`): the
        spec, how to remake the data, the weights, steps and histories; ``backward`` is the stop of the
        backward pass being stepped. LessonError for data a lesson cannot remake."""
        from ..lessons.network_state import NetSettings, NetworkState, data_settings  # only when saving

        s = self.session
        hist = (s.losses.view(), s.grad_norms.view(), s.eval_steps.view(), s.evals.view())
        return NetworkState(NetSettings.from_spec(self.spec), data_settings(self.data), tuple(s.weights()),
                            s.steps_done, *hist, backward)  # fmt: skip

    def apply(self, state) -> NetworkSession:
        """Take up a lesson's :class:`NetworkState`: remake its data, build its network, restore its weights
        and histories, one ``session_changed``. ValueError (DataError, SpecError: the lab keeps everything it
        had) if any part does not fit."""
        data = state.data.make()
        spec = state.settings.to_spec()
        session = NetworkSession(spec, data, eval_every=self.eval_every)
        session.restore(state.weights, state.steps_done, state.losses, state.grad_norms, state.eval_steps,
                        state.evals)  # fmt: skip
        self.preset, self.data, self.spec, self.session = None, data, spec, session
        self.session_changed.emit(session)
        return session

    def apply_preset(self, preset: Preset) -> None:
        """The preset's data and network together, one fresh run."""
        self.preset = preset
        self.data = preset.load_data()
        self.spec = preset.spec.validate()
        self.reset()
