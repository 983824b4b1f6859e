"""Linear (layout, initialisation, seeding, bad input), Sequential and the activation modules."""

import numpy as np
import pytest

import pycarrot as pc
import pycarrot.nn as nn
import pycarrot.nn.functional as F
from pycarrot.carrot import Carrot


def test_linear_layout_and_forward_is_x_at_weight_plus_bias():
    layer = nn.Linear(3, 2)
    assert layer.weight.shape == (3, 2) and layer.bias.shape == (2,)
    assert layer.weight.requires_grad and layer.bias.requires_grad
    assert layer.weight.name == "weight" and layer.bias.name == "bias"
    layer.bias.data[...] = [0.5, -1.0]
    x = np.arange(12.0).reshape(4, 3)
    out = layer(Carrot(x))
    np.testing.assert_allclose(out.data, x @ layer.weight.data + layer.bias.data)
    # a plain array or list works as input too, and so does a single sample
    np.testing.assert_allclose(layer(x).data, out.data)
    np.testing.assert_allclose(layer(x[0].tolist()).data, out.data[0])


def test_linear_initialisation_is_scaled_and_bias_starts_at_zero():
    pc.manual_seed(0)
    layer = nn.Linear(400, 50)
    bound = 1 / np.sqrt(400)
    w = layer.weight.data
    assert w.dtype == np.float64
    assert np.all(np.abs(w) <= bound)
    assert abs(w.std() - bound / np.sqrt(3)) < 0.05 * bound  # uniform on [-b, b] has std b/√3
    assert np.all(layer.bias.data == 0.0)


def test_manual_seed_makes_initialisation_reproducible():
    pc.manual_seed(123)
    a = nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 1))
    pc.manual_seed(123)
    b = nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 1))
    c = nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 1))  # the generator moved on
    for (na, pa), (_, pb) in zip(a.named_parameters(), b.named_parameters()):
        assert np.array_equal(pa.data, pb.data), na
    assert not np.array_equal(a[0].weight.data, c[0].weight.data)
    assert pc.random.initial_seed() == 123


@pytest.mark.parametrize("seed", [-1, 1.5, "1", True])
def test_manual_seed_refuses_bad_seeds(seed):
    with pytest.raises((TypeError, ValueError), match="non-negative integer"):
        pc.manual_seed(seed)


@pytest.mark.parametrize("dims", [(0, 1), (2, -1), (1.5, 2), (True, 2)])
def test_linear_refuses_bad_sizes(dims):
    with pytest.raises(ValueError, match="positive integer"):
        nn.Linear(*dims)


def test_linear_refuses_inputs_with_the_wrong_feature_count():
    layer = nn.Linear(3, 2)
    with pytest.raises(ValueError, match=r"last axis has 3 features, got shape \(4, 2\)"):
        layer(Carrot(np.ones((4, 2))))
    with pytest.raises(ValueError, match="features"):
        layer(Carrot(1.0))


def test_linear_float32_stays_float32():
    layer = nn.Linear(2, 2, dtype=np.float32)
    out = layer(Carrot(np.ones((3, 2), dtype=np.float32)))
    assert out.dtype == np.float32
    with pytest.raises(ValueError, match="float type"):
        nn.Linear(2, 2, dtype=np.int64)


def test_linear_without_bias_and_functional_linear():
    layer = nn.Linear(2, 3, bias=False)
    assert layer.bias is None
    assert [n for n, _ in layer.named_parameters()] == ["weight"]
    x = Carrot(np.ones((2, 2)))
    np.testing.assert_allclose(layer(x).data, F.linear(x, layer.weight).data)


def test_linear_gradients_reach_weight_and_bias():
    layer = nn.Linear(3, 2)
    x = np.random.default_rng(0).normal(size=(5, 3))
    layer(Carrot(x)).sum().backward()
    np.testing.assert_allclose(layer.weight.grad.data, x.T @ np.ones((5, 2)))
    np.testing.assert_allclose(layer.bias.grad.data, [5.0, 5.0])


def test_sequential_runs_in_order_and_indexes_like_a_list():
    seq = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1), nn.Sigmoid())
    assert len(seq) == 4 and isinstance(seq[1], nn.Tanh)
    assert list(seq) == seq.layers
    x = Carrot(np.ones((4, 2)))
    manual = x
    for layer in seq:
        manual = layer(manual)
    np.testing.assert_allclose(seq(x).data, manual.data)
    head = seq[:2]
    assert isinstance(head, nn.Sequential) and len(head) == 2
    seq.append(nn.Identity())
    assert len(seq) == 5
    with pytest.raises(TypeError, match="not a Module"):
        nn.Sequential(nn.Linear(1, 1), "relu")
    with pytest.raises(TypeError, match="needs a Module"):
        seq.append(np.tanh)


def test_activation_modules_match_the_ops():
    x = Carrot(np.linspace(-3, 3, 7))
    np.testing.assert_allclose(nn.ReLU()(x).data, np.maximum(x.data, 0))
    np.testing.assert_allclose(nn.Tanh()(x).data, np.tanh(x.data))
    np.testing.assert_allclose(nn.Sigmoid()(x).data, 1 / (1 + np.exp(-x.data)))
    assert nn.Identity()(x) is x
    assert nn.Sigmoid()(x).name == "sigmoid"  # the app labels the node with the op


def test_original_extra_names_softmax_module_and_cross_entropy_loss():
    z = Carrot(np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]))
    np.testing.assert_allclose(nn.Softmax()(z).data.sum(axis=1), [1.0, 1.0])
    np.testing.assert_allclose(nn.Softmax(axis=0)(z).data.sum(axis=0), [1.0, 1.0, 1.0])
    assert repr(nn.Softmax()) == "Softmax(axis=-1)"
    assert F.cross_entropy_loss is F.cross_entropy
