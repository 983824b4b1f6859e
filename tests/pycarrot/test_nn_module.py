"""Module: parameter discovery and dotted names, state_dict round-trips and errors, repr, train/eval."""

import numpy as np
import pytest

import pycarrot as pc
import pycarrot.nn as nn
from pycarrot.carrot import Carrot


class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.fc = nn.Linear(n, n)
        self.act = nn.Tanh()

    def forward(self, x):
        return self.act(self.fc(x))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Linear(2, 3)
        self.blocks = [Block(3), Block(3)]
        self.heads = {"a": nn.Linear(3, 1), "b": nn.Linear(3, 2, bias=False)}
        self.scale = nn.Parameter(np.ones(1))
        self.body = nn.Sequential(nn.Linear(3, 3), nn.ReLU(), nn.Identity())
        self.not_a_param = Carrot(np.ones(2), requires_grad=True)  # plain Carrots are not parameters
        self.label = "net"

    def forward(self, x):
        h = self.stem(x)
        for b in self.blocks:
            h = b(h)
        h = self.body(h)
        return self.heads["a"](h) * self.scale


EXPECTED_NAMES = [
    "stem.weight",
    "stem.bias",
    "blocks.0.fc.weight",
    "blocks.0.fc.bias",
    "blocks.1.fc.weight",
    "blocks.1.fc.bias",
    "heads.a.weight",
    "heads.a.bias",
    "heads.b.weight",
    "scale",
    "body.0.weight",
    "body.0.bias",
]


def test_named_parameters_are_dotted_through_attributes_lists_dicts_and_sequential():
    net = Net()
    names = [n for n, _ in net.named_parameters()]
    assert names == EXPECTED_NAMES
    assert net.parameters() == net.parameter()
    assert all(isinstance(p, nn.Parameter) for p in net.parameters())
    assert list(net.state_dict()) == EXPECTED_NAMES


def test_shared_parameter_and_shared_module_listed_once():
    class Tied(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = nn.Linear(4, 4)
            self.dec = nn.Linear(4, 4)
            self.dec.weight = self.enc.weight  # tied weights
            self.again = self.enc  # the same module under a second name

        def forward(self, x):
            return self.dec(self.enc(x))

    m = Tied()
    assert [n for n, _ in m.named_parameters()] == ["enc.weight", "enc.bias", "dec.bias"]
    assert len(m.parameters()) == 3


def test_module_cycle_does_not_hang():
    a = nn.Sequential(nn.Linear(1, 1))
    a.layers.append(a)  # a module containing itself
    assert [n for n, _ in a.named_parameters()] == ["0.weight", "0.bias"]


def test_subclass_without_super_init_still_works():
    class Lazy(nn.Module):
        def __init__(self):
            self.w = nn.Parameter(np.zeros(2))

        def forward(self, x):
            return x * self.w

    m = Lazy()
    assert m.training is True
    assert [n for n, _ in m.named_parameters()] == ["w"]
    assert m.eval() is m and m.training is False


def test_forward_missing_is_a_clear_error():
    class Empty(nn.Module):
        pass

    with pytest.raises(NotImplementedError, match="Empty must define forward"):
        Empty()(1.0)


def test_eval_works_when_a_subclass_redefines_train():
    class Classifier(nn.Module):  # the original mnist notebook's pattern
        def __init__(self):
            super().__init__()
            self.layer1 = nn.Linear(4, 2)

        def forward(self, input):
            return self.layer1(input)

        def train(self, input):
            return self.forward(input)

    m = Classifier()
    assert m.train(Carrot(np.ones((1, 4)))).shape == (1, 2)
    assert m.eval() is m and not m.layer1.training


def test_train_eval_reach_every_submodule():
    net = Net()
    net.eval()
    assert all(not m.training for m in net.modules())
    net.train()
    assert all(m.training for m in net.modules())
    assert len(list(net.modules())) == 1 + 1 + 2 * 3 + 2 + 4  # net, stem, 2×(block, fc, act), heads, body+3


def test_zero_grad_clears_every_parameter():
    net = Net()
    net(Carrot(np.ones((5, 2)))).sum().backward()
    assert net.stem.weight.grad is not None
    net.zero_grad()
    assert all(p.grad is None for p in net.parameters())


def test_state_dict_holds_the_live_parameters_as_in_the_original():
    net = Net()
    state = net.state_dict()
    assert state["stem.weight"] is net.stem.weight
    net(Carrot(np.ones((2, 2)))).sum().backward()
    assert state["body.0.bias"].grad is not None  # the original mnist notebook reads .grad through it


def test_state_dict_round_trips_for_nested_modules(tmp_path):
    pc.manual_seed(0)
    a = Net()
    pc.manual_seed(1)
    b = Net()
    x = Carrot(np.random.default_rng(0).normal(size=(4, 2)))
    assert not np.array_equal(a(x).data, b(x).data)
    b.load_state_dict(a.state_dict())
    assert np.array_equal(a(x).data, b(x).data)
    # loading copies the arrays: training one model afterwards does not move the other
    a.stem.weight.data += 1.0
    assert not np.array_equal(a.stem.weight.data, b.stem.weight.data)
    pc.save(a, tmp_path / "net.npz")
    pc.manual_seed(2)
    c = Net()
    loaded = pc.load(tmp_path / "net.npz")
    c.load_state_dict(loaded)
    assert np.array_equal(a(x).data, c(x).data)
    loaded["scale"][...] = 99.0
    assert c.scale.data.item() != 99.0
    snapshot = {k: p.data.copy() for k, p in a.state_dict().items()}  # the documented way to keep a copy
    a.scale.data[...] = 5.0
    a.load_state_dict(snapshot)
    assert a.scale.data.item() == 1.0


def test_load_state_dict_lists_every_problem_and_loads_nothing():
    net = Net()
    before = {k: v.data.copy() for k, v in net.state_dict().items()}
    bad = net.state_dict()
    del bad["stem.bias"]
    del bad["scale"]
    bad["extra.weight"] = np.zeros(3)
    bad["stem.weight"] = np.zeros((3, 2))
    bad["heads.a.bias"] = np.zeros((1,)) + 5.0  # a valid entry: must not be loaded either
    with pytest.raises(ValueError) as err:
        net.load_state_dict(bad)
    msg = str(err.value)
    assert "missing keys: stem.bias, scale" in msg
    assert "unexpected keys: extra.weight" in msg
    assert "stem.weight: shape (3, 2) in the state, (2, 3) in the model" in msg
    assert "nothing was loaded" in msg
    for k, v in net.state_dict().items():
        assert np.array_equal(v.data, before[k])


def test_load_state_dict_non_strict_reports_keys_but_still_refuses_bad_shapes():
    net = Net()
    partial = {"stem.weight": np.full((2, 3), 7.0), "bogus": np.zeros(1)}
    result = net.load_state_dict(partial, strict=False)
    assert result.unexpected_keys == ["bogus"]
    assert "stem.bias" in result.missing_keys and "stem.weight" not in result.missing_keys
    assert np.all(net.stem.weight.data == 7.0)
    with pytest.raises(ValueError, match="shape"):
        net.load_state_dict({"stem.weight": np.zeros(6)}, strict=False)
    with pytest.raises(ValueError, match="dtype"):
        net.load_state_dict({"stem.weight": np.full((2, 3), "x")}, strict=False)
    with pytest.raises(TypeError, match="dict of arrays"):
        net.load_state_dict([1, 2])


def test_load_state_dict_keeps_the_parameter_dtype():
    m = nn.Linear(2, 2, dtype=np.float32)
    m.load_state_dict({"weight": np.ones((2, 2)), "bias": np.zeros(2, dtype=np.int64)})
    assert m.weight.data.dtype == np.float32 and m.bias.data.dtype == np.float32


def test_repr_is_a_readable_tree():
    net = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Sequential(nn.Linear(4, 1, bias=False), nn.Sigmoid()))
    assert repr(net) == (
        "Sequential(\n"
        "  (0): Linear(input_dimen=2, output_dimen=4, bias=True)\n"
        "  (1): ReLU()\n"
        "  (2): Sequential(\n"
        "    (0): Linear(input_dimen=4, output_dimen=1, bias=False)\n"
        "    (1): Sigmoid()\n"
        "  )\n"
        ")"
    )
    assert "(blocks.1): Block(" in repr(Net())
    assert "(heads.a): Linear(input_dimen=3, output_dimen=1, bias=True)" in repr(Net())
    assert repr(nn.MSELoss()) == "MSELoss()"
    assert repr(nn.MSELoss(reduction="sum")) == "MSELoss(reduction='sum')"
