"""Neural-network building blocks: ``import pycarrot.nn as nn`` (``nn.Module``, ``nn.Linear``,
``nn.Parameter``, ``nn.MSELoss()``, ...), as in the original design's notebooks."""

from ..carrot import Parameter
from . import functional
from .functional import binary_cross_entropy_with_logits, cross_entropy, mse_loss
from .layers import (
    BCEWithLogitsLoss,
    CrossEntropyLoss,
    Identity,
    Linear,
    MSELoss,
    ReLU,
    Sequential,
    Sigmoid,
    Softmax,
    Tanh,
)
from .module import IncompatibleKeys, Module

__all__ = [
    "Parameter",
    "Module",
    "IncompatibleKeys",
    "Linear",
    "Sequential",
    "ReLU",
    "Tanh",
    "Sigmoid",
    "Softmax",
    "Identity",
    "MSELoss",
    "BCEWithLogitsLoss",
    "CrossEntropyLoss",
    "mse_loss",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "functional",
]
