"""The backward walk's speed-minded internals keep the contract: creation-order walk, pending slots, shared
pass-through grad_fns for add, operands stored only when they differ from child_nodes."""

from __future__ import annotations

import numpy as np
import pytest

import pycarrot as pc
from pycarrot.trace import EdgeCall


def _logged(name: str, fn, calls: list):
    """``fn`` as a grad_fn that notes ``name`` in ``calls`` each time the walk calls it."""

    def grad_x(g):
        calls.append(name)
        return fn(g)

    return grad_x


def test_a_grad_fn_that_fails_leaves_nothing_behind_for_the_next_backward():
    x = pc.Carrot(0.5, requires_grad=True, name="x")
    y = x * 3.0
    u = pc.sin(y)

    def boom(g):
        raise FloatingPointError("boom")

    bad = pc.Carrot(1.0, requires_grad=True, child_nodes=[(u, lambda g: g * 2.0), (y, boom)])
    with pytest.raises(FloatingPointError, match="boom"):
        bad.backward()
    # u received a gradient before the failure; it must not leak into the next pass as a pending sum
    x.grad = None
    (u + y).backward()
    np.testing.assert_allclose(x.grad.data, 3.0 * np.cos(1.5) + 3.0)


def test_the_unrecorded_walk_calls_grad_fns_in_the_recorded_order():
    # a diamond with a leaf made after the first op and nodes reused, so the creation order and the
    # depth-first order differ
    calls: list[str] = []
    a = pc.Carrot(np.array([1.0, 2.0]), requires_grad=True, name="a")
    p = pc.Carrot(
        a.data * 2.0, requires_grad=True, child_nodes=[(a, _logged("p→a", lambda g: g * 2.0, calls))]
    )
    b = pc.Carrot(np.array([3.0, 4.0]), requires_grad=True, name="b")
    q = pc.Carrot(
        a.data * b.data,
        requires_grad=True,
        child_nodes=[
            (a, _logged("q→a", lambda g: g * b.data, calls)),
            (b, _logged("q→b", lambda g: g * a.data, calls)),
        ],
    )
    r = pc.Carrot(
        p.data + q.data,
        requires_grad=True,
        child_nodes=[(q, _logged("r→q", lambda g: g, calls)), (p, _logged("r→p", lambda g: g, calls))],
    )
    root = pc.Carrot(
        r.data.sum() + p.data.sum(),
        requires_grad=True,
        child_nodes=[
            (r, _logged("root→r", lambda g: np.broadcast_to(g, (2,)), calls)),
            (p, _logged("root→p", lambda g: np.broadcast_to(g, (2,)), calls)),
        ],
    )
    root.backward()
    unrecorded = list(calls)
    grads = {n.name: n.grad.data.copy() for n in (a, b)}
    for n in (a, b, p, q, r, root):
        n.grad = None
    calls.clear()
    with pc.record_backward() as trace:
        root.backward()
    assert unrecorded == calls  # the same walk, recorded or not
    assert [e.grad_fn.__name__ for e in trace if type(e) is EdgeCall] == ["grad_x"] * len(calls)
    assert calls.index("r→p") < calls.index("p→a") and calls.index("root→p") < calls.index("p→a")
    np.testing.assert_array_equal(grads["a"], a.grad.data)
    np.testing.assert_array_equal(a.grad.data, 2.0 * 2.0 + b.data)  # through p twice, through q once
    np.testing.assert_array_equal(b.grad.data, a.data)


def test_operands_list_constants_and_otherwise_the_child_nodes_inputs():
    x = pc.Carrot(2.0, requires_grad=True, name="x")
    y = pc.Carrot(3.0, requires_grad=True, name="y")
    c = pc.Carrot(5.0, name="c")  # needs no grad: no edge, still an operand
    assert (x * y).operands == (x, y)
    assert (c * y).operands == (c, y) and [n for n, _ in (c * y).child_nodes] == [y]
    assert (x + 1.5).operands == (x, 1.5)
    assert pc.tanh(x).operands == (x,)
    with pc.no_grad():
        z = x * y
    assert z.operands == (x, y) and z.child_nodes == []
    built = pc.Carrot(6.0, requires_grad=True, child_nodes=[(x, lambda g: g * 3.0), (y, lambda g: g * 2.0)])
    assert built.operands == (x, y)
    z = x * y
    assert (
        pc.local_rule(z, z.child_nodes[1][1]) == pc.local_rule(z, 1) == "∂mul/∂y = x"
    )  # edge: grad_fn or position


@pytest.mark.parametrize(
    ("sa", "sb"),
    [((), ()), ((3,), (3,)), ((2, 3), (3,)), ((2, 1), (1, 3)), ((3,), ())],
)
def test_add_and_mul_send_own_gradients_for_equal_and_broadcast_shapes(sa, sb):
    rng = np.random.default_rng(0)
    a = pc.Carrot(rng.normal(size=sa), requires_grad=True, name="a")
    b = pc.Carrot(rng.normal(size=sb), requires_grad=True, name="b")
    s = a + b
    m = s * b
    out = (m + s).sum()
    out.backward()
    shape = np.broadcast_shapes(sa, sb)
    ones = np.ones(shape)
    bd = np.broadcast_to(b.data, shape)
    sd = np.broadcast_to(a.data + b.data, shape)

    def back(grad, to):  # sum over the axes broadcasting added or stretched (independent of the engine)
        grad = np.asarray(grad)
        while grad.ndim > len(to):
            grad = grad.sum(axis=0)
        for i, n in enumerate(to):
            if n == 1 and grad.shape[i] != 1:
                grad = grad.sum(axis=i, keepdims=True)
        return grad

    np.testing.assert_allclose(a.grad.data, back(bd + ones, sa))
    np.testing.assert_allclose(b.grad.data, back(bd + ones + sd, sb))
    assert [fn.__name__ for _, fn in s.child_nodes] == ["grad_a", "grad_b"]
    assert pc.local_rule(s, s.child_nodes[1][1]) == "∂add/∂b = 1"
    grads = [None if n.grad is None else n.grad.data for n in pc.topological_order(out)]
    assert all(g is not None for g in grads)
    for i, gi in enumerate(grads):
        for gj in grads[i + 1 :]:
            assert not np.shares_memory(gi, gj)


def test_float32_stays_float32_through_the_pass_through_and_broadcast_paths():
    a = pc.Carrot(np.ones((2, 3), np.float32), requires_grad=True)
    b = pc.Carrot(np.ones(3, np.float32), requires_grad=True)
    out = ((a + a) * b + b * 2.0).sum()
    out.backward()
    assert a.grad.dtype == np.float32 and b.grad.dtype == np.float32
    np.testing.assert_array_equal(a.grad.data, np.full((2, 3), 2.0, np.float32))
    # b meets two rows of a + a (2 each) and two rows of its own 2.0 (2 each)
    np.testing.assert_array_equal(b.grad.data, np.full(3, 2 * 2.0 + 2 * 2.0, np.float32))


def test_an_inner_nodes_pass_through_gradient_is_copied_only_when_read():
    """Issue 11: backward() of x @ W + b stores the add's pass-through gradient on the x @ W node without a
    copy (the 784-128-10 MLP copied 1.3 MB per step); reading .grad makes it the node's own."""
    import tracemalloc

    rng = np.random.default_rng(0)
    w = pc.Carrot(rng.normal(size=(64, 128)), requires_grad=True, name="W")
    b = pc.Carrot(np.zeros(128), requires_grad=True, name="b")
    xw = pc.Carrot(rng.normal(size=(256, 64))) @ w
    h = xw + b
    loss = pc.mse_loss(h, np.zeros((256, 128)))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        loss.backward()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    block = 256 * 128 * 8  # one (256, 128) gradient
    stored = block + w.size * 8 + b.size * 8  # h's gradient (fresh from mse), W's and b's
    assert stored <= grown < stored + block // 2, grown  # no second (256, 128) block for x @ W
    assert w._grad.base is None  # matmul's gradients are fresh arrays, not views to copy
    assert not np.shares_memory(xw.grad.data, h.grad.data)  # what users read is each node's own
    np.testing.assert_array_equal(xw.grad.data, h.grad.data)
