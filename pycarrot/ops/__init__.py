"""Every op of the engine, declared once in the op table (:mod:`.table`) and grouped as tinygrad groups them:
binary, unary, reductions, movement. Importing this package attaches the operators and methods to Carrot."""

from .binary import add, div, matmul, mul, power, sub
from .movement import getitem, reshape, transpose
from .reduce import log_softmax, mean, softmax, sum
from .table import OPS, RULES, TABLE, Op, declare, local_rule, signature
from .unary import absolute, cos, exp, log, neg, relu, sigmoid, sin, sqrt, tanh

__all__ = [
    "Op", "TABLE", "OPS", "RULES", "declare", "local_rule", "signature",
    "add", "sub", "mul", "div", "power", "matmul",
    "neg", "absolute", "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu",
    "sum", "mean", "softmax", "log_softmax",
    "reshape", "transpose", "getitem",
]  # fmt: skip
