"""The Carrot contract: the original design's examples, construction, errors, no_grad/detach, accumulation,
the local-rule texts, and an engine that never imports Qt."""

import subprocess
import sys

import numpy as np
import pytest

import pycarrot as pc
from pycarrot import Carrot, Parameter
from pycarrot.carrot import RULES, local_rule

# ---------------------------------------------------------------------------------------------------------
# The original design's two worked examples, on the printed text
# ---------------------------------------------------------------------------------------------------------


def test_original_example_1_prints_like_the_original(capsys):
    x = Carrot(data=2.0, requires_grad=True, name="x")
    y = Carrot(data=4.0, requires_grad=True, name="y")
    z = x * y
    z.backward()
    print(f"z.grad={z.grad}")
    print(f"y.grad={y.grad}")
    print(f"x.grad={x.grad}")
    assert capsys.readouterr().out == "z.grad=1.0\ny.grad=2.0\nx.grad=4.0\n"


def test_original_example_2_prints_like_the_original(capsys):
    a = Carrot(data=1.0, requires_grad=True, name="a")
    coefficient1 = Carrot(data=2.0, requires_grad=False)
    coefficient2 = Carrot(data=3.0, requires_grad=False)
    z = a * coefficient1 + a * coefficient2
    z.backward()
    print(f"z.grad={z.grad}")
    print(f"a.grad={a.grad}")
    z.zero_grad()
    assert capsys.readouterr().out == "z.grad=1.0\na.grad=5.0\n"
    assert a.grad is None and z.grad is None
    z = a * 2 + a * 3  # the same with Python numbers
    z.backward()
    assert f"a.grad={a.grad}" == "a.grad=5.0"


def test_child_nodes_of_z_equals_x_times_y():
    x = Carrot(data=2.0, requires_grad=True, name="x")
    y = Carrot(data=4.0, requires_grad=True, name="y")
    z = x * y
    assert str(z.data) == "8.0" and str(z) == "8.0"
    assert z.requires_grad is True
    assert z.grad is None  # the original printed 0 before backward; ours says "not reached yet"
    assert z.name == "mul"
    assert len(z.child_nodes) == 2
    (first, grad_x), (second, grad_y) = z.child_nodes
    assert first is x and second is y
    assert callable(grad_x) and callable(grad_y)
    assert float(grad_x(np.array(1.0))) == 4.0  # ∂z/∂x = y
    assert float(grad_y(np.array(1.0))) == 2.0  # ∂z/∂y = x
    assert float(grad_x(np.array(3.0))) == 12.0  # times the upstream gradient
    assert z.operands == (x, y)
    assert x.child_nodes == [] and x.name == "x"


def test_child_nodes_list_only_inputs_that_require_grad_operands_keep_all():
    x = Carrot(2.0, requires_grad=True, name="x")
    c = Carrot(3.0, name="c")
    z = x * c + 1.5
    assert [node for node, _ in z.child_nodes] == [z.operands[0]]
    assert z.operands[1] == 1.5
    m = z.operands[0]
    assert [node for node, _ in m.child_nodes] == [x] and m.operands == (x, c)


# ---------------------------------------------------------------------------------------------------------
# Construction and the array protocol
# ---------------------------------------------------------------------------------------------------------


def test_construction_from_numbers_lists_and_arrays():
    assert Carrot(2).dtype == np.float64 and Carrot(2).shape == ()
    assert Carrot(2.5).data.ndim == 0
    assert Carrot([[1, 2], [3, 4]]).dtype == np.float64
    a32 = np.ones((2, 3), dtype=np.float32)
    c = Carrot(a32)
    assert c.dtype == np.float32 and c.shape == (2, 3) and c.ndim == 2 and c.size == 6 and len(c) == 2
    with pytest.raises(TypeError, match="0-d"):
        len(Carrot(1.0))
    assert repr(Carrot(2.0, requires_grad=True, name="x")) == "Carrot(2.0, requires_grad=True, name='x')"
    assert repr(Parameter([1.0, 2.0])).startswith("Parameter([1., 2.], requires_grad=True")
    assert Parameter(1.0).requires_grad and not Parameter(1.0, requires_grad=False).requires_grad


@pytest.mark.parametrize(
    "bad", ["text", ["a", "b"], object(), [object()], np.array(["x"]), 1 + 2j, [[1, 2], [3]]]
)
def test_strings_objects_and_ragged_data_are_refused_at_construction(bad):
    with pytest.raises(TypeError, match="Carrot data must be"):
        Carrot(bad)
    with pytest.raises(TypeError, match="Carrot data must be"):
        Carrot(bad, requires_grad=True)


def test_integer_data_that_requires_grad_is_promoted_to_float64():
    ints = np.array([1, 2, 3], dtype=np.int32)
    x = Carrot(ints, requires_grad=True)
    assert x.dtype == np.float64  # documented in carrot._as_array: a gradient needs a float
    assert "promoted to float64" in pc.carrot._as_array.__doc__
    assert Carrot(ints).dtype == np.int32  # labels and indices keep their dtype
    assert Carrot(np.array([True, False]), requires_grad=True).dtype == np.float64
    (x * x).sum().backward()
    np.testing.assert_array_equal(x.grad.data, [2.0, 4.0, 6.0])


def test_grad_is_a_carrot_without_grad_of_the_same_shape():
    x = Carrot(np.arange(6.0).reshape(2, 3), requires_grad=True)
    (x * 2).sum().backward()
    g = x.grad
    assert isinstance(g, Carrot) and not g.requires_grad and g.shape == (2, 3)
    x.grad = None
    assert x.grad is None
    with pytest.raises(ValueError, match=r"grad of shape \(3,\) does not match"):
        x.grad = np.ones(3)


# ---------------------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------------------


def test_backward_on_a_non_scalar_root_without_grad_seeds_ones_as_the_original_did():
    # DESIGN.md / issue 11: the original's notebooks call y.backward() on vectors (PyTorch refuses)
    x = Carrot([1.0, 2.0], requires_grad=True)
    y = x * 2
    y.backward()
    np.testing.assert_array_equal(y.grad.data, [1.0, 1.0])
    np.testing.assert_array_equal(x.grad.data, [2.0, 2.0])  # as (x * 2).sum().backward()
    x.grad = None
    (x * 3).backward(gradient=np.array([1.0, -1.0]))  # PyTorch's keyword
    np.testing.assert_array_equal(x.grad.data, [3.0, -3.0])
    with pytest.raises(TypeError, match="not both"):
        (x * 3).backward(np.ones(2), gradient=np.ones(2))


def test_backward_with_a_wrong_grad_shape_is_refused():
    x = Carrot([1.0, 2.0], requires_grad=True)
    with pytest.raises(ValueError, match=r"got shape \(3,\), but the output is mul of shape \(2,\)"):
        (x * 2).backward(np.ones(3))
    (x * 2).backward(Carrot([1.0, 1.0]))  # a Carrot of the right shape is fine
    np.testing.assert_array_equal(x.grad.data, [2.0, 2.0])


def test_backward_on_a_root_that_does_not_require_grad_is_refused():
    with pytest.raises(RuntimeError, match="does not require grad"):
        (Carrot(1.0) * 2).backward()
    x = Carrot(1.0, requires_grad=True)
    with pc.no_grad():
        y = x * 2
    with pytest.raises(RuntimeError, match="does not require grad"):
        y.backward()


@pytest.mark.parametrize(
    "op, symbol",
    [
        (lambda a, b: a + b, "add"),
        (lambda a, b: a - b, "sub"),
        (lambda a, b: a * b, "mul"),
        (lambda a, b: a / b, "div"),
        (lambda a, b: a**b, "pow"),
    ],
)
def test_shape_mismatch_names_the_op_and_both_shapes(op, symbol):
    a = Carrot(np.ones((2, 3)), requires_grad=True)
    b = Carrot(np.ones(4), requires_grad=True)
    with pytest.raises(ValueError, match=rf"^{symbol}: shapes \(2, 3\) and \(4,\) cannot be broadcast"):
        op(a, b)
    with pytest.raises(ValueError, match=rf"^{symbol}: shapes \(2, 3\) and \(4,\)"):
        op(a, np.ones(4))  # a NumPy array on the right
    with pytest.raises(ValueError, match=rf"^{symbol}: shapes \(4,\) and \(2, 3\)"):
        op(np.ones(4), a)  # and on the left (reflected)


def test_matmul_and_reshape_mismatches_name_the_shapes():
    with pytest.raises(ValueError, match=r"matmul: shapes \(2, 3\) and \(4, 5\) do not fit"):
        Carrot(np.ones((2, 3))) @ Carrot(np.ones((4, 5)))
    with pytest.raises(ValueError, match=r"matmul: operands must have at least one dimension"):
        Carrot(np.ones(3)) @ 2.0
    with pytest.raises(ValueError, match=r"reshape: cannot reshape \(2, 3\) \(6 elements\) into \(4,\)"):
        Carrot(np.ones((2, 3))).reshape(4)
    with pytest.raises(ValueError, match=r"sum: axis 2 does not fit shape \(2, 3\)"):
        Carrot(np.ones((2, 3))).sum(axis=2)


# ---------------------------------------------------------------------------------------------------------
# no_grad, detach, accumulation, zero_grad
# ---------------------------------------------------------------------------------------------------------


def test_no_grad_results_carry_no_child_nodes_and_restore_afterwards():
    x = Carrot(2.0, requires_grad=True)
    assert pc.is_grad_enabled()
    with pc.no_grad():
        assert not pc.is_grad_enabled()
        y = x * x + pc.sin(x)
        assert y.child_nodes == [] and not y.requires_grad
        assert float(y.data) == 4.0 + np.sin(2.0)
    assert pc.is_grad_enabled()
    with pytest.raises(KeyError), pc.no_grad():
        raise KeyError("inside")
    assert pc.is_grad_enabled()  # restored after an exception too
    assert (x * x).requires_grad


def test_detach_cuts_the_graph():
    x = Carrot([1.0, 2.0], requires_grad=True, name="x")
    y = x * 3
    d = y.detach()
    assert not d.requires_grad and d.child_nodes == []
    np.testing.assert_array_equal(d.data, [3.0, 6.0])
    z = (d * x).sum()
    z.backward()
    np.testing.assert_array_equal(x.grad.data, [3.0, 6.0])  # nothing flowed through d back into x
    assert y.grad is None


def test_gradients_accumulate_across_backward_calls_until_zero_grad():
    x = Carrot(3.0, requires_grad=True, name="x")
    z = x * x
    z.backward()
    assert str(x.grad) == "6.0"
    z.backward()
    assert str(x.grad) == "12.0"
    assert str(z.grad) == "2.0"  # every node that requires grad keeps its .grad, the root too
    z.zero_grad()
    assert x.grad is None and z.grad is None
    z.backward()
    assert str(x.grad) == "6.0"


def test_every_node_that_requires_grad_keeps_its_grad():
    x = Carrot(0.5, requires_grad=True)
    a = x * 2
    b = pc.sin(a)
    c = b + x
    c.backward()
    assert float(b.grad.data) == 1.0
    assert float(a.grad.data) == np.cos(1.0)
    assert float(x.grad.data) == 2 * np.cos(1.0) + 1.0


# ---------------------------------------------------------------------------------------------------------
# Each op explains itself: the local rule texts
# ---------------------------------------------------------------------------------------------------------


def test_local_rule_for_mul_names_the_other_factor():
    x = Carrot(2.0, requires_grad=True, name="x")
    y = Carrot(4.0, requires_grad=True, name="y")
    z = x * y
    (_, grad_x), (_, grad_y) = z.child_nodes
    labels = {id(x): "x", id(y): "y", id(z): "z"}
    assert local_rule(z, grad_x, labels) == "∂z/∂x = y"
    assert local_rule(z, grad_y, labels) == "∂z/∂y = x"
    assert local_rule(z, grad_x) == "∂mul/∂x = y"  # default labels: the nodes' names


def test_local_rules_with_constants_and_unary_ops():
    a = Carrot(1.0, requires_grad=True, name="a")
    z = a * 2
    assert local_rule(z, z.child_nodes[0][1], {id(z): "z"}) == "∂z/∂a = 2"
    s = pc.sin(a)
    assert local_rule(s, s.child_nodes[0][1], {id(s): "s"}) == "∂s/∂a = cos(a)"
    d = 1 / a
    assert local_rule(d, d.child_nodes[0][1], {id(d): "d"}) == "∂d/∂a = −1/a²"
    t = pc.tanh(a)
    assert local_rule(t, t.child_nodes[0][1]) == "∂tanh/∂a = 1 − tanh²(a)"


def test_every_op_has_a_rule_for_each_of_its_edges():
    x = Carrot(np.array([[0.5, 1.5], [2.0, 0.25]]), requires_grad=True, name="x")
    y = Carrot(np.array([[1.5, 0.5], [0.75, 2.0]]), requires_grad=True, name="y")
    nodes = [
        x + y, x - y, x * y, x / y, x**y, x @ y, -x, abs(x), pc.exp(x), pc.log(x), pc.sqrt(x), pc.sin(x),
        pc.cos(x), pc.tanh(x), pc.sigmoid(x), pc.relu(x), x.sum(), x.mean(axis=0), pc.softmax(x),
        pc.log_softmax(x), x.reshape(4), x.T, x[0],
    ]  # fmt: skip
    for node in nodes:
        assert node.name in RULES, node.name
        for _, grad_fn in node.child_nodes:
            text = local_rule(node, grad_fn)
            assert text.startswith("∂") and "{" not in text, text


# ---------------------------------------------------------------------------------------------------------
# The engine stays free of Qt
# ---------------------------------------------------------------------------------------------------------


def test_import_pycarrot_loads_no_qt_or_gui_module():
    code = (
        "import sys, pycarrot, pycarrot.nn, pycarrot.optim, pycarrot.expression, pycarrot.trace\n"
        "pycarrot.parse('x = 1.0; y = x * 2').popitem()[1].backward()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'carrot_gui', 'PyQt5', 'PyQt6', 'superqt'))\n"
        "print(','.join(bad) or 'clean')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "clean"
