"""Optimizers: updates against hand-written NumPy references, skipping rules, hyper-parameter checks."""

import math

import numpy as np
import pytest

import pycarrot as pc
import pycarrot.nn as nn
import pycarrot.optim as optim
from pycarrot.carrot import Carrot


def quadratic_grads(params, targets):
    """Set each parameter's grad to that of sum((p - t)²) by running backward."""
    loss = None
    for p, t in zip(params, targets):
        term = ((p - t) ** 2).sum()
        loss = term if loss is None else loss + term
    loss.backward()


def make_params(seed=0):
    r = np.random.default_rng(seed)
    return [nn.Parameter(r.normal(size=(3, 2))), nn.Parameter(r.normal(size=(2,)))]


@pytest.mark.parametrize(("momentum", "weight_decay"), [(0.0, 0.0), (0.9, 0.0), (0.0, 0.01), (0.5, 0.1)])
def test_sgd_matches_the_reference_formula(momentum, weight_decay):
    params = make_params()
    targets = [np.ones((3, 2)), -np.ones(2)]
    ref = [p.data.copy() for p in params]
    velocity = [None, None]
    opt = optim.SGD(params, learning_rate=0.05, weight_decay=weight_decay, momentum=momentum)
    for _ in range(5):
        quadratic_grads(params, targets)
        for i, t in enumerate(targets):
            g = 2 * (ref[i] - t) + weight_decay * ref[i]
            velocity[i] = g if velocity[i] is None else momentum * velocity[i] + g
            ref[i] = ref[i] - 0.05 * (velocity[i] if momentum else g)
        opt.step()
        opt.zero_grad()
        for p, r in zip(params, ref):
            np.testing.assert_allclose(p.data, r, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("weight_decay", [0.0, 0.1])
def test_adam_matches_the_reference_formula(weight_decay):
    params = make_params(1)
    targets = [np.zeros((3, 2)), np.full(2, 3.0)]
    lr, b1, b2, eps = 0.01, 0.8, 0.99, 1e-6
    ref = [p.data.copy() for p in params]
    m = [np.zeros_like(r) for r in ref]
    v = [np.zeros_like(r) for r in ref]
    opt = optim.Adam(params, learning_rate=lr, betas=(b1, b2), eps=eps, weight_decay=weight_decay)
    for t in range(1, 8):
        quadratic_grads(params, targets)
        for i, tgt in enumerate(targets):
            g = 2 * (ref[i] - tgt) + weight_decay * ref[i]
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            m_hat, v_hat = m[i] / (1 - b1**t), v[i] / (1 - b2**t)
            ref[i] = ref[i] - lr * m_hat / (np.sqrt(v_hat) + eps)
        opt.step()
        opt.zero_grad()
        for p, r in zip(params, ref):
            np.testing.assert_allclose(p.data, r, rtol=1e-12, atol=1e-14)


def test_adam_first_step_moves_each_element_by_the_learning_rate():
    p = nn.Parameter(np.array([1.0, -2.0, 5.0]))
    opt = optim.Adam([p], learning_rate=0.1)
    (p * np.array([3.0, -0.5, 100.0])).sum().backward()
    opt.step()
    np.testing.assert_allclose(p.data, [0.9, -1.9, 4.9], rtol=1e-6)


@pytest.mark.parametrize("make", [lambda ps: optim.SGD(ps, momentum=0.9), lambda ps: optim.Adam(ps)])
def test_parameters_without_grad_or_frozen_are_skipped(make):
    used, unused, frozen = nn.Parameter(np.ones(2)), nn.Parameter(np.ones(2)), nn.Parameter(np.ones(2))
    opt = make([used, unused, frozen])
    (used * 2.0 + frozen * 3.0).sum().backward()  # frozen gets a grad, then is frozen
    frozen.requires_grad = False
    opt.step()
    assert not np.array_equal(used.data, np.ones(2))
    assert unused.grad is None and np.array_equal(unused.data, np.ones(2))
    assert np.array_equal(frozen.data, np.ones(2))


def test_updates_are_in_place_and_zero_grad_clears():
    p = nn.Parameter(np.ones(3))
    data = p.data
    opt = optim.SGD([p], learning_rate=0.5)
    (p * p).sum().backward()
    opt.step()
    assert p.data is data and np.allclose(data, 0.0)
    opt.zero_grad()
    assert p.grad is None


def test_shared_parameter_is_updated_once():
    p = nn.Parameter(np.array([1.0]))
    opt = optim.SGD([p, p], learning_rate=0.1)
    assert len(opt.parameters) == 1
    (p * 1.0).sum().backward()
    opt.step()
    assert p.data.item() == pytest.approx(0.9)


def test_accepts_a_generator_of_parameters_and_float32():
    m = nn.Linear(2, 1, dtype=np.float32)
    opt = optim.SGD((p for _, p in m.named_parameters()), learning_rate=0.1)
    m(Carrot(np.ones((4, 2), dtype=np.float32))).sum().backward()
    opt.step()
    assert m.weight.data.dtype == np.float32 and len(opt.parameters) == 2


@pytest.mark.parametrize("lr", [-0.1, math.nan, math.inf, -math.inf])
def test_bad_learning_rates_are_refused(lr):
    params = make_params()
    for cls in (optim.SGD, optim.Adam):
        with pytest.raises(ValueError, match="learning_rate must be"):
            cls(params, learning_rate=lr)
    opt = optim.SGD(params)
    with pytest.raises(ValueError, match="learning_rate"):
        opt.learning_rate = lr
    assert opt.learning_rate == 0.1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"momentum": -0.5}, "momentum must be >= 0"),
        ({"weight_decay": math.nan}, "weight_decay must be finite"),
        ({"learning_rate": "0.1"}, "learning_rate must be a number"),
        ({"learning_rate": True}, "learning_rate must be a number"),
    ],
)
def test_bad_sgd_hyper_parameters(kwargs, message):
    with pytest.raises((TypeError, ValueError), match=message):
        optim.SGD(make_params(), **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"betas": (1.0, 0.999)}, r"beta1 must be in \[0, 1\)"),
        ({"betas": (0.9, -0.1)}, "beta2 must be in"),
        ({"betas": 0.9}, "betas must be a pair"),
        ({"eps": -1e-8}, "eps must be >= 0"),
        ({"weight_decay": -1.0}, "weight_decay must be >= 0"),
    ],
)
def test_bad_adam_hyper_parameters(kwargs, message):
    with pytest.raises((TypeError, ValueError), match=message):
        optim.Adam(make_params(), **kwargs)


def test_bad_parameter_lists_are_refused():
    with pytest.raises(ValueError, match="empty parameter list"):
        optim.SGD([])
    with pytest.raises(TypeError, match="parameter 1 is a ndarray"):
        optim.SGD([nn.Parameter(np.ones(1)), np.ones(1)])
    with pytest.raises(TypeError, match="not a single Carrot"):
        optim.Adam(nn.Parameter(np.ones(1)))
    with pytest.raises(TypeError, match="only float arrays can learn"):
        optim.SGD([Carrot(np.array([1, 2]))])


def test_optim_base_needs_an_update_rule():
    opt = pc.Optim([nn.Parameter(np.ones(1))], learning_rate=0.1)
    (opt.parameters[0] * 2.0).sum().backward()
    with pytest.raises(NotImplementedError, match="_update"):
        opt.step()
