"""The op table: each op declared once, and every consumer (rules, parser, graph labels, Check's replay, the
trace's edge positions) reads it."""

from __future__ import annotations

import ast
import gc
from pathlib import Path

import numpy as np
import pytest

import pycarrot as pc
from pycarrot import Carrot
from pycarrot.expression import _BINARY, FUNCTIONS
from pycarrot.trace import EdgeCall

ENGINE = Path(pc.__file__).parent


def leaf(value, name):
    return Carrot(value, requires_grad=True, name=name)


def test_every_op_in_the_table_has_one_rule_per_operand_and_feeds_rules():
    for name, op in pc.TABLE.items():
        assert len(op.rules) == len(op.slots) == op.arity, name
        assert pc.RULES[name] == dict(zip(op.slots, op.rules)), name
        if op.args is not None:
            assert pc.OPS[name] is op.fn and name in FUNCTIONS, name


def test_the_parsers_operators_are_the_tables():
    table = {op.symbol: (op.precedence, op.fn) for op in pc.TABLE.values() if op.symbol and op.arity == 2}
    assert _BINARY == table
    assert set(_BINARY) == {"+", "-", "*", "/", "**", "@"}
    assert pc.TABLE["neg"].precedence == 3 and pc.TABLE["pow"].precedence == 4  # -x**2 is -(x**2)
    assert FUNCTIONS["sum"] == "sum(x) or sum(x, axis)" and FUNCTIONS["mse"] == "mse(pred, target)"


def test_trace_events_name_the_operand_position_even_with_a_constant_first():
    x = leaf(3.0, "x")
    c = Carrot(2.0, name="c")  # a Carrot that does not require grad
    for node, expected in [(2.0 - x, [1]), (x - 2.0, [0]), (c * x, [1]), (x * x, [0, 1]), (pc.sin(x), [0])]:
        assert pc.edge_positions(node) == expected
        with pc.record_backward() as trace:
            node.backward()
        assert [e.position for e in trace if type(e) is EdgeCall] == expected
        walk = pc.per_path_backward(node, accumulate=False)
        assert [e.position for e in walk if type(e) is EdgeCall] == expected
        x.grad = None


def test_local_rule_takes_the_operand_position_or_the_edges_grad_fn():
    x, y = leaf(2.0, "x"), leaf(4.0, "y")
    z = 3.0 - x
    assert pc.local_rule(z, 1) == pc.local_rule(z, z.child_nodes[0][1]) == "∂sub/∂x = −1"
    w = x / y
    assert pc.local_rule(w, 0, {id(w): "w"}) == "∂w/∂x = 1/y"
    with pytest.raises(ValueError, match="not one of"):
        pc.local_rule(w, (x * y).child_nodes[0][1])


def test_make_node_is_the_public_constructor_for_fused_ops():
    x = leaf([1.0, 2.0], "x")
    labels = np.array([0, 1])
    node = pc.make_node(np.array(5.0), "my_loss", (x, labels), (lambda g: g * np.ones(2), None))
    assert node.name == "my_loss" and node.operands == (x, labels) and node.requires_grad
    assert [inp for inp, _ in node.child_nodes] == [x]
    node.backward()
    np.testing.assert_array_equal(x.grad.data, [1.0, 1.0])
    with pc.no_grad():
        assert pc.make_node(1.0, "f", (x,), (lambda g: g,)).child_nodes == []
    with pytest.raises(ValueError, match="1 operands but 2 grad_fns"):
        pc.make_node(1.0, "f", (x,), (None, None))


def test_broadcast_operands_are_reduced_by_the_builder_for_every_binary_op():
    a = leaf(np.full((2, 3), 1.5), "a")
    b = leaf(np.array([0.5, 1.0, 2.0]), "b")
    for op in (pc.add, pc.sub, pc.mul, pc.div, pc.power):
        out = op(a, b)
        assert [fn.__name__ for _, fn in out.child_nodes] == ["grad_a", "grad_b"]
        out.sum().backward()
        assert a.grad.shape == (2, 3) and b.grad.shape == (3,)
        a.grad = b.grad = None


def test_paused_gc_restores_the_collector_as_it_was():
    assert gc.isenabled()
    with pc.paused_gc():
        assert not gc.isenabled()
        with pc.paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), pc.paused_gc():
        raise RuntimeError
    assert gc.isenabled()


def _imports(path: Path) -> set[str]:
    """The modules ``path`` imports at run time (imports under ``if TYPE_CHECKING:`` left out)."""
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def test_trace_does_not_import_the_engine_back():
    assert ".carrot" not in _imports(ENGINE / "trace.py")


def test_engine_modules_stay_small():
    for path in ENGINE.rglob("*.py"):
        lines = path.read_text().count("\n")
        assert lines <= 600, (path.name, lines)
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= 60, (path.name, node.name, length)
