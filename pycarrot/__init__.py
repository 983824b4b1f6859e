"""PyCarrot: a small, fast, readable autograd engine on NumPy.

``Carrot`` stores ``data``, ``grad`` and ``child_nodes`` as in the original design; ``backward()`` walks the
graph once in reverse topological order. See DESIGN.md for the contract other code relies on.
"""

from . import ops, walk  # noqa: I001 - first: they attach the operators, methods and backward() to Carrot
from . import nn, optim  # pycarrot.nn and pycarrot.optim as in the original repository
from .carrot import (
    Carrot,
    Parameter,
    as_carrot,
    is_grad_enabled,
    make_node,
    no_grad,
    paused_gc,
    value_of,
)
from .ops import *  # noqa: F403 - every op by name: pc.add, pc.leaky_relu, pc.max, ...
from .ops import OPS, RULES, TABLE, local_rule
from .expression import ExpressionError, parse
from .gradcheck import GradcheckResult, gradcheck
from .nn import (
    ELU,
    GELU,
    BCEWithLogitsLoss,
    Dropout,
    LeakyReLU,
    SiLU,
    Softplus,
    CrossEntropyLoss,
    Identity,
    Linear,
    Module,
    MSELoss,
    ReLU,
    Sequential,
    Sigmoid,
    Tanh,
    binary_cross_entropy_with_logits,
    cross_entropy,
    mse_loss,
)
from .optim import SGD, Adam, Optim
from .random import manual_seed
from .serialization import load, save
from .walk import edge_positions, topological_order
from .per_path import per_path_backward, per_path_call_count
from .trace import (
    BackwardTrace,
    EdgeCall,
    GradAccumulate,
    NodeVisit,
    record_backward,
    traced_backward,
)

__version__ = "0.1.0"
