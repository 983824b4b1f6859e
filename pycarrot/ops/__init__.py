"""Every op of the engine, declared once in the op table (:mod:`.table`) and grouped as tinygrad groups them:
binary, unary, reductions, movement. Importing this package attaches the operators and methods to Carrot."""

from .binary import add, div, matmul, maximum, minimum, mul, power, sub, where
from .movement import (
    cat,
    concatenate,
    expand_dims,
    flatten,
    getitem,
    reshape,
    squeeze,
    stack,
    transpose,
    unsqueeze,
)
from .reduce import argmax, log_softmax, logsumexp, max, mean, min, softmax, std, sum, var
from .table import OPS, RULES, TABLE, Op, declare, local_rule, signature
from .unary import (
    absolute,
    clamp,
    clip,
    cos,
    elu,
    exp,
    exp2,
    gelu,
    leaky_relu,
    log,
    log2,
    log_sigmoid,
    neg,
    relu,
    sigmoid,
    silu,
    sin,
    softplus,
    sqrt,
    tan,
    tanh,
)  # fmt: skip

__all__ = [
    "Op", "TABLE", "OPS", "RULES", "declare", "local_rule", "signature",
    "add", "sub", "mul", "div", "power", "matmul", "maximum", "minimum", "where",
    "neg", "absolute", "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu",
    "leaky_relu", "elu", "softplus", "log_sigmoid", "silu", "gelu", "log2", "exp2", "tan", "clamp", "clip",
    "sum", "mean", "softmax", "log_softmax", "max", "min", "argmax", "logsumexp", "var", "std",
    "reshape", "transpose", "getitem", "squeeze", "unsqueeze", "expand_dims", "flatten", "concatenate", "cat",
    "stack",
]  # fmt: skip
