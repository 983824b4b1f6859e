"""The original design's three notebooks (test_bp, test_linear_regression, test_save&load) as tests,
written with the original's import paths and names."""

import numpy as np
import pytest

import pycarrot
import pycarrot.nn as nn
import pycarrot.nn.functional as F
import pycarrot.optim as optim
from pycarrot.carrot import Carrot

# The original test_save&load.ipynb output, every line as it printed it.
SAVE_LOAD_TRAJECTORY = """\
y = 100.0x
y = 80.4x
y = 64.72x
y = 52.176x
y = 42.1408x
y = 34.11264x
y = 27.690112x
y = 22.5520896x
y = 18.44167168x
y = 15.153337343999999x
y = 12.522669875199998x
y = 10.41813590016x
y = 8.734508720128x
y = 7.3876069761024x
y = 6.310085580881919x
y = 5.4480684647055355x
y = 4.758454771764429x
y = 4.206763817411543x
y = 3.7654110539292347x
y = 3.4123288431433876x
y = 3.1298630745147102x
y = 2.9038904596117683x
y = 2.7231123676894144x
y = 2.5784898941515317x
y = 2.462791915321225x
y = 2.37023353225698x
y = 2.296186825805584x
y = 2.236949460644467x
y = 2.1895595685155738x
y = 2.151647654812459x
y = 2.121318123849967x
y = 2.0970544990799738x
y = 2.077643599263979x
y = 2.062114879411183x
y = 2.0496919035289465x
y = 2.0397535228231574x
y = 2.0318028182585257x
y = 2.0254422546068205x
y = 2.0203538036854565x
y = 2.0162830429483654x
y = 2.013026434358692x
y = 2.0104211474869538x
y = 2.008336917989563x
y = 2.0066695343916505x
y = 2.0053356275133205x
y = 2.0042685020106563x
y = 2.003414801608525x
y = 2.00273184128682x
y = 2.002185473029456x
y = 2.0017483784235646x
"""


def test_backprop_demo_mul():
    x = Carrot(data=2.0, requires_grad=True, name="x")
    y = Carrot(data=4.0, requires_grad=True, name="y")
    z = x * y
    z.backward()
    assert f"z.grad={z.grad}" == "z.grad=1.0"
    assert f"y.grad={y.grad}" == "y.grad=2.0"
    assert f"x.grad={x.grad}" == "x.grad=4.0"


def test_backprop_demo_shared_input():
    a = Carrot(data=1.0, requires_grad=True, name="a")
    coefficient1 = Carrot(data=2.0, requires_grad=False)
    coefficient2 = Carrot(data=3.0, requires_grad=False)
    z = a * coefficient1 + a * coefficient2
    z.backward()
    assert f"z.grad={z.grad}" == "z.grad=1.0"
    assert f"a.grad={a.grad}" == "a.grad=5.0"
    z.zero_grad()
    assert a.grad is None


def test_linear_regression_demo_recovers_weights():
    """Synthetic y = X·w + b + noise; full-batch SGD on Linear + mse_loss reaches w and b within 0.02."""
    rng = np.random.default_rng(0)
    true_w = np.array([[2.0], [-3.5], [0.5]])
    true_b = 1.25
    X = rng.normal(size=(500, 3))
    y = X @ true_w + true_b + rng.normal(scale=0.1, size=(500, 1))
    pycarrot.manual_seed(0)

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.layer = nn.Linear(3, 1)

        def forward(self, input):
            return self.layer(input)

    model = Model()
    optimiser = optim.SGD(model.parameter(), learning_rate=0.1)
    inputs, targets = Carrot(X), Carrot(y)
    first = None
    for _ in range(300):
        loss = F.mse_loss(model(inputs), targets)
        first = loss.item() if first is None else first
        loss.backward()
        optimiser.step()
        optimiser.zero_grad()
    np.testing.assert_allclose(model.layer.weight.data, true_w, atol=0.02)
    assert abs(model.layer.bias.data.item() - true_b) < 0.02
    assert loss.item() < 0.02 < first  # noise variance is 0.01


class _SaveLoadModel(nn.Module):
    # we learn y=2x, w->2, not bias (the original notebook's model, verbatim in spirit)
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Linear(1, 1)
        self.layer1.weight = nn.Parameter(np.array([[100.0]]), requires_grad=True)
        self.layer1.bias.requires_grad = False

    def forward(self, input):
        return self.layer1(input)


def test_save_load_notebook_trajectory_to_the_last_digit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    model = _SaveLoadModel()
    loss_func = nn.MSELoss()
    optimiser = optim.SGD(model.parameter(), learning_rate=0.1)
    x = Carrot(np.array([[1.0]]))
    y = Carrot(np.array([[2.0]]))
    printed = []
    for _epoch in range(50):
        printed.append(f"y = {model.layer1.weight.data.item()}x\n")
        pred = model(x)
        loss = loss_func(pred, y)
        loss.backward()
        optimiser.step()
        optimiser.zero_grad()
    assert "".join(printed) == SAVE_LOAD_TRAJECTORY
    assert model.layer1.bias.data.tolist() == [0.0]  # frozen

    (tmp_path / "models").mkdir()
    pycarrot.save(model.state_dict(), "models/linear_model.pth")
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == ["linear_model.pth"]

    model1 = _SaveLoadModel()
    model_parameters = pycarrot.load("models/linear_model.pth")
    model1.load_state_dict(model_parameters)
    state = model1.state_dict()
    assert list(state) == ["layer1.weight", "layer1.bias"]
    assert f"{state['layer1.weight'].item():.8g}" == "2.0013987"  # the notebook printed [[2.0013987]]
    probe = Carrot(np.linspace(-3, 3, 7).reshape(-1, 1))
    assert np.array_equal(model1(probe).data, model(probe).data)


def test_save_load_predictions_identical_for_a_fresh_mlp(tmp_path):
    pycarrot.manual_seed(1)
    model = nn.Sequential(nn.Linear(4, 8), nn.Sigmoid(), nn.Linear(8, 2))
    pycarrot.manual_seed(2)
    fresh = nn.Sequential(nn.Linear(4, 8), nn.Sigmoid(), nn.Linear(8, 2))
    x = Carrot(np.random.default_rng(3).normal(size=(5, 4)))
    assert not np.array_equal(model(x).data, fresh(x).data)
    pycarrot.save(model, tmp_path / "mlp.npz")
    fresh.load_state_dict(pycarrot.load(tmp_path / "mlp.npz"))
    assert np.array_equal(model(x).data, fresh(x).data)


@pytest.mark.parametrize("as_carrots", [False, True])
def test_load_state_dict_accepts_arrays_or_carrots(as_carrots):
    model = _SaveLoadModel()
    state = {"layer1.weight": np.array([[3.0]]), "layer1.bias": np.array([0.5])}
    if as_carrots:
        state = {k: Carrot(v) for k, v in state.items()}
    model.load_state_dict(state)
    assert model.layer1.weight.data.item() == 3.0
    assert model.layer1.bias.data.item() == 0.5
