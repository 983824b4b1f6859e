"""The op table: every op declared once — name, operands, rule text per operand, infix symbol and precedence,
its signature in the expression language — beside the function that computes its forward and backward.

Everything that needs to know about ops reads this table: the engine's :data:`RULES` and :func:`local_rule`,
the expression parser's operators and functions (:mod:`pycarrot.expression`), the app's replay for Check and
its infix labels. An edge is named by its op and the position of the operand it feeds (0, 1, ...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..carrot import Carrot, GradFn
from ..walk import edge_positions

__all__ = ["Op", "TABLE", "OPS", "RULES", "declare", "local_rule", "signature"]


@dataclass(frozen=True)
class Op:
    """One op. ``fn`` computes the result and defines, beside it, one grad_fn per operand.

    ``rules[i]`` is the local rule for operand ``i`` ({out} and the operand names in ``slots`` stand for the
    nodes' labels). ``symbol`` is the operator in the expression language (``"*"``), ``label`` how the graph
    writes it (``"·"``), ``precedence`` its binding strength (higher binds tighter, as in Python). ``args`` is
    the op's signature as a function of the language (``("x", "axis?")``: a trailing ``?`` marks an optional
    number, ``axis`` a whole number; a trailing ``*`` any number of further operands, as ``concatenate``
    takes); None when the language has no function of that name. A variadic op has one rule for every operand.
    """

    name: str
    fn: Callable[..., Carrot]
    rules: tuple[str, ...]
    slots: tuple[str, ...]
    symbol: str | None = None
    label: str | None = None
    precedence: int | None = None
    args: tuple[str, ...] | None = None

    @property
    def arity(self) -> int:
        return len(self.slots)

    @property
    def variadic(self) -> bool:
        return bool(self.args) and self.args[-1].endswith("*")

    def call(self, *operands: Any) -> Carrot:
        """The op applied to its operands as its node keeps them (a variadic op takes them as one sequence)."""
        return self.fn(operands) if self.variadic else self.fn(*operands)


TABLE: dict[str, Op] = {}
# The functions of the expression language by name (what the parser calls; a view of TABLE).
OPS: dict[str, Callable[..., Carrot]] = {}
# op -> operand name -> the local rule, e.g. RULES["mul"]["a"] == "∂{out}/∂{a} = {b}" (a view of TABLE).
RULES: dict[str, dict[str, str]] = {}

_SLOTS = {1: ("x",), 2: ("a", "b")}


def declare(
    name: str,
    rules: tuple[str, ...],
    *,
    slots: tuple[str, ...] | None = None,
    symbol: str | None = None,
    label: str | None = None,
    precedence: int | None = None,
    args: tuple[str, ...] | None = None,
    methods: tuple[str, ...] = (),
) -> Callable[[Callable[..., Carrot]], Callable[..., Carrot]]:
    """Register the decorated op function in the table under ``name`` (it is returned unchanged, so calling
    it costs nothing extra); ``methods`` are the Carrot methods and operators that *are* this function."""
    slots = slots or _SLOTS[len(rules)]
    if len(slots) != len(rules):
        raise ValueError(f"op {name!r}: {len(rules)} rules for {len(slots)} operands")

    def register(fn: Callable[..., Carrot]) -> Callable[..., Carrot]:
        TABLE[name] = Op(name, fn, tuple(rules), tuple(slots), symbol, label, precedence, args)
        RULES[name] = dict(zip(slots, rules))
        if args is not None:
            OPS[name] = fn
        for method in methods:
            setattr(Carrot, method, fn)
        return fn

    return register


def signature(name: str) -> str:
    """How to call a function of the language: ``sum(x) or sum(x, axis)``."""
    args = TABLE[name].args or ()
    if TABLE[name].variadic:
        return f"{name}({', '.join(args[:-1])}, ...)"
    required = [a for a in args if not a.endswith("?")]
    forms = [
        required + [a.rstrip("?") for a in args[len(required) : k]]
        for k in range(len(required), len(args) + 1)
    ]
    texts = [f"{name}({', '.join(f)})" for f in forms]
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " or " + texts[-1]


# ---------------------------------------------------------------------------------------------------------
# Rule text of one edge
# ---------------------------------------------------------------------------------------------------------


def local_rule(
    node: Carrot,
    edge: int | GradFn,
    labels: dict[int, str] | None = None,
    translate: Callable[[str], str] | None = None,
) -> str:
    """The local derivative rule of one edge of ``node``, e.g. ``∂z/∂x = y``.

    ``edge`` is the operand position (0, 1, ...) or one of ``node.child_nodes``' grad_fns (found by identity).
    Operands are named by ``labels`` (``id(node) -> label``; default: each node's ``name``, constants by value).
    ``translate`` (an app's, for another language) turns the rule's template (``"∂{out}/∂{x} = 1 (for every
    element)"``) into the words to fill in.
    """
    position = edge if isinstance(edge, (int, np.integer)) else _position_of(node, edge)
    operands = node.operands
    op = TABLE.get(node.name or "")
    if op is not None and op.variadic:  # one rule for every operand, naming the one this edge feeds
        operands = operands[position : position + 1]
        slots, position = op.slots, 0
    else:
        slots = (
            op.slots if op is not None and len(op.slots) == len(operands) else _SLOTS.get(len(operands), ())
        )
    rules = RULES.get(node.name or "", {})
    slot = slots[position] if 0 <= position < len(slots) else str(position)
    template = rules.get(slot)
    if template is None:
        return f"∂{_lab(node, labels)}/∂{slot}"
    if translate is not None:
        template = translate(template)
    names = {"out": _lab(node, labels)}
    for key, operand in zip(slots, operands):
        names[key] = _lab(operand, labels)
    return template.format_map(_Missing(names))


def _position_of(node: Carrot, grad_fn: Any) -> int:
    for k, (_, fn) in enumerate(node.child_nodes):
        if fn is grad_fn:
            return edge_positions(node)[k]
    raise ValueError(f"local_rule: that grad_fn is not one of {node.name or 'the node'}'s edges")


def _label(node: Any) -> str:
    if isinstance(node, Carrot):
        return node.name or "carrot"
    return np.array2string(np.asarray(node), precision=4) if np.ndim(node) else f"{float(node):g}"


def _lab(node: Any, labels: dict[int, str] | None) -> str:
    if labels is not None and id(node) in labels:
        return labels[id(node)]
    return _label(node)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return key
