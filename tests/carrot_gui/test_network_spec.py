"""The Network lab's spec: impossible settings refused with the field named, models built as specified."""

from dataclasses import replace

import numpy as np
import pytest

import pycarrot as pc
from carrot_gui.network.spec import (
    Layer,
    NetworkSpec,
    SpecError,
    build_model,
    expand_features,
    linear_layers,
)


def refused(spec: NetworkSpec) -> SpecError:
    with pytest.raises(SpecError) as info:
        spec.validate()
    return info.value


def test_default_spec_is_valid_and_describes_itself():
    s = NetworkSpec().validate()
    assert s.widths == [2, 4, 2, 1]
    assert s.describe() == "2-4-2-1 Tanh · BCE with logits · SGD 0.03"


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"hidden": (Layer(0, "relu"),)}, "hidden[0].width", "1 to 32"),
        ({"hidden": (Layer(4), Layer(33))}, "hidden[1].width", "1 to 32"),
        ({"hidden": (Layer(4, "swish"),)}, "hidden[0].activation", "unknown activation"),
        ({"loss": "cross_entropy"}, "loss", "cross-entropy with 1 output"),
        ({"classes": 3, "loss": "bce_logits"}, "loss", "two classes"),
        ({"classes": 0, "loss": "bce_logits"}, "loss", "regression"),
        ({"classes": 1}, "classes", "1 class"),
        ({"learning_rate": 0.0}, "learning_rate", "above 0"),
        ({"learning_rate": float("nan")}, "learning_rate", "above 0"),
        ({"momentum": 1.0}, "momentum", "below 1"),
        ({"optimizer": "adam", "momentum": 0.9}, "momentum", "Adam"),
        ({"batch_size": -1}, "batch_size", "whole set"),
        ({"init": "xavier"}, "init", "unknown initialisation"),
        ({"seed": -3}, "seed", "whole number"),
        ({"features": ("x1", "x3")}, "features", "unknown feature"),
        ({"inputs": 1, "features": ("x1", "x2")}, "features", "second input"),
        ({"inputs": 64, "classes": 10, "loss": "cross_entropy"}, "features", "1-D or 2-D"),
        ({"loss": "mse", "output_activation": "relu"}, "output_activation", "'none' or 'sigmoid'"),
        ({"output_activation": "sigmoid"}, "output_activation", "applies the sigmoid"),
    ],
)
def test_impossible_settings_are_refused_naming_the_field(change, field, words):
    err = refused(replace(NetworkSpec(), **change))
    assert err.field == field
    assert words in err.reason
    assert str(err).startswith(field)


def test_for_task_moves_a_spec_to_new_data():
    s = NetworkSpec(features=("x1", "x2", "x1*x2"), loss="bce_logits")
    digits = s.for_task(64, 10).validate()
    assert digits.features == () and digits.loss == "cross_entropy" and digits.widths[0] == 64
    reg = s.for_task(1, 0).validate()
    assert reg.features == ("x1",) and reg.loss == "mse"
    assert digits.for_task(2, 2).validate().features == ("x1", "x2")


def test_build_model_has_the_spec_shape_and_activations():
    spec = NetworkSpec(
        features=("x1", "x2", "sin(x1)"),
        hidden=(Layer(5, "relu"), Layer(3, "leaky_relu"), Layer(2, "none")),
        classes=4,
        loss="cross_entropy",
    )
    model = build_model(spec)
    shapes = [m.weight.shape for m in linear_layers(model)]
    assert shapes == [(3, 5), (5, 3), (3, 2), (2, 4)]
    kinds = [type(m).__name__ for m in model]
    assert kinds == ["Linear", "ReLU", "Linear", "LeakyReLU", "Linear", "Linear"]
    out = model(pc.Carrot(np.ones((7, 3))))
    assert out.shape == (7, 4)


def test_leaky_relu_is_the_engines_with_pytorchs_slope():
    x = pc.Carrot(np.array([-2.0, 0.5, 3.0]), requires_grad=True)
    y = pc.nn.LeakyReLU()(x)
    np.testing.assert_allclose(y.data, [-0.02, 0.5, 3.0])
    y.sum().backward()
    np.testing.assert_allclose(x.grad.data, [0.01, 1.0, 1.0])


@pytest.mark.parametrize("init", ["uniform", "zeros", "original", "scaled"])
def test_initialisations_are_reproducible_and_distinct(init):
    spec = NetworkSpec(hidden=(Layer(32, "relu"),), init=init, seed=5)
    a = [m.weight.data for m in linear_layers(build_model(spec))]
    b = [m.weight.data for m in linear_layers(build_model(spec))]
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    w = a[1]  # 32 → 1, fan-in 32
    expected_std = {
        "uniform": 1 / np.sqrt(32) / np.sqrt(3),
        "zeros": 0.0,
        "original": 1.0,
        "scaled": np.sqrt(1 / 32),
    }
    assert w.std() == pytest.approx(expected_std[init], rel=0.35, abs=1e-12)
    if init == "scaled":  # He before ReLU
        assert a[0].std() == pytest.approx(np.sqrt(2 / 2), rel=0.35)


def test_expand_features():
    x = np.array([[1.0, 2.0], [0.5, -1.0]])
    f = expand_features(x, ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"))
    np.testing.assert_allclose(f[0], [1, 2, 1, 4, 2, np.sin(1), np.sin(2)])
    assert expand_features(x, ()) is x
