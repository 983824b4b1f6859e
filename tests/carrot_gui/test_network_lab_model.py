"""The Network lab's Qt-free coordinator: spec + data → one session, rebuilt when either changes."""

import pytest

from carrot_gui.network import DataConfig, NetworkSpec, SpecError, generate, load_digits
from carrot_gui.network.lab_model import NetworkLabModel
from carrot_gui.network.presets import preset


def test_starts_on_the_first_preset_and_rebuilds_on_each_change():
    m = NetworkLabModel()
    sessions = []
    m.session_changed.connect(sessions.append)
    assert m.preset.name == "XOR" and m.session.spec == m.spec
    m.session.run_steps(10)
    m.reset()
    assert sessions[-1] is m.session and m.session.steps_done == 0
    spec = m.set_data(load_digits())
    assert spec.widths[0] == 64 and spec.loss == "cross_entropy" and m.session.data.classes == 10
    m.set_data(generate(DataConfig("sine")))
    assert m.spec.loss == "mse" and m.spec.classes == 0 and len(sessions) == 3


def test_a_spec_that_does_not_fit_the_data_is_refused():
    m = NetworkLabModel()
    before = m.session
    with pytest.raises(SpecError, match="the data has 2 inputs and 2 classes"):
        m.set_spec(NetworkSpec(classes=3, loss="cross_entropy"))
    assert m.session is before
    m.set_spec(NetworkSpec(learning_rate=0.5))
    assert m.session.spec.learning_rate == 0.5


def test_presets_bring_their_data():
    m = NetworkLabModel()
    m.apply_preset(preset("The original's network"))
    assert m.data.classes == 10 and m.spec.init == "original" and m.session.spec is m.spec
