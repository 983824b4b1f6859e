"""Neural-network building blocks: ``import pycarrot.nn as nn`` (``nn.Module``, ``nn.Linear``,
``nn.Parameter``, ``nn.MSELoss()``, ...), as in the original design's notebooks."""

from ..carrot import Parameter
from . import functional
from .functional import binary_cross_entropy_with_logits, cross_entropy, mse_loss
from .layers import (
    ELU,
    GELU,
    BCEWithLogitsLoss,
    CrossEntropyLoss,
    Dropout,
    Identity,
    LeakyReLU,
    Linear,
    MSELoss,
    ReLU,
    Sequential,
    Sigmoid,
    SiLU,
    Softmax,
    Softplus,
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
    "LeakyReLU",
    "ELU",
    "GELU",
    "SiLU",
    "Softplus",
    "Dropout",
    "MSELoss",
    "BCEWithLogitsLoss",
    "CrossEntropyLoss",
    "mse_loss",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "functional",
]
