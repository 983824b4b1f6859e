"""Neural-network building blocks: ``import pycarrot.nn as nn`` (``nn.Module``, ``nn.Linear``,
``nn.Parameter``, ``nn.MSELoss()``, ...), as in the original design's notebooks."""

from ..carrot import Parameter
from . import functional, layers
from .functional import binary_cross_entropy_with_logits, cross_entropy, mse_loss
from .layers import *  # noqa: F403 - the layers and loss modules: layers.__all__
from .module import IncompatibleKeys, Module

__all__ = [
    "Parameter",
    "Module",
    "IncompatibleKeys",
    *layers.__all__,
    "mse_loss",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "functional",
]
