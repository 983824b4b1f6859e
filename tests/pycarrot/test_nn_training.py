"""End-to-end training: XOR with an MLP, binary_cross_entropy_with_logits and Adam; a 3-class problem with
cross_entropy and SGD with momentum."""

import numpy as np

import pycarrot as pc
import pycarrot.nn as nn
import pycarrot.nn.functional as F
import pycarrot.optim as optim
from pycarrot.carrot import Carrot


def test_mlp_learns_xor_with_bce_with_logits_and_adam():
    pc.manual_seed(0)
    x = Carrot(np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]))
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
    opt = optim.Adam(model.parameters(), learning_rate=0.05)
    losses = []
    for _ in range(300):
        loss = F.binary_cross_entropy_with_logits(model(x), y)
        losses.append(loss.item())
        opt.zero_grad()
        loss.backward()
        opt.step()
    logits = model(x).data
    assert np.array_equal((logits > 0).astype(float), y), logits.ravel()
    assert losses[-1] < 0.05 < losses[0]
    probabilities = nn.Sigmoid()(model(x)).data
    assert np.all(np.abs(probabilities - y) < 0.1)


def test_three_blobs_with_cross_entropy_and_momentum_sgd():
    pc.manual_seed(1)
    r = np.random.default_rng(1)
    centres = np.array([[0.0, 3.0], [3.0, -2.0], [-3.0, -2.0]])
    labels = r.integers(0, 3, size=150)
    x = Carrot(centres[labels] + r.normal(scale=0.7, size=(150, 2)))
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))
    loss_fn = nn.CrossEntropyLoss()
    opt = optim.SGD(model.parameter(), learning_rate=0.1, momentum=0.9)
    for _ in range(100):
        loss = loss_fn(model(x), labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
    accuracy = np.mean(model(x).data.argmax(axis=1) == labels)
    assert accuracy > 0.97 and loss.item() < 0.15
