"""backward(): the topological walk (each grad_fn once, no recursion), its recorded events, the per-path
teaching walk, and the traps other engines fell into (dtype, shared .grad memory, overflow, reuse, cost)."""

import itertools
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pycarrot as pc
from pycarrot import Carrot
from pycarrot.trace import EdgeCall, GradAccumulate, NodeVisit


def _count_grad_fn_calls(root: Carrot) -> dict:
    """Wrap every edge's grad_fn in root's graph with a counter; returns {(id(node), k): [count]}."""
    counts = {}
    for node in pc.topological_order(root):
        wrapped = []
        for k, (inp, grad_fn) in enumerate(node.child_nodes):
            cell = counts.setdefault((id(node), k), [0])

            def counting(g, grad_fn=grad_fn, cell=cell):
                cell[0] += 1
                return grad_fn(g)

            counting.__name__ = grad_fn.__name__  # keep the rule lookup working
            wrapped.append((inp, counting))
        node.child_nodes[:] = wrapped
    return counts


def _doubling_chain(depth: int):
    x = Carrot(1.0, requires_grad=True, name="x")
    y = x
    for _ in range(depth):
        y = y + y
    return x, y


# ---------------------------------------------------------------------------------------------------------
# Size and sharing
# ---------------------------------------------------------------------------------------------------------


def test_a_100000_op_chain_backward_needs_no_recursion():
    x = Carrot(0.5, requires_grad=True, name="x")
    y = x
    for k in range(50_000):
        y = y * 1.0 if k % 2 else y + 0.25
        y = pc.tanh(y) if k % 1000 == 0 else y - 0.25
    assert len(pc.topological_order(y)) == 100_001
    y.backward()
    assert x.grad is not None and np.isfinite(float(x.grad.data))
    y.zero_grad()  # iterative too
    assert x.grad is None
    del y  # freeing a 100,000-deep graph must not overflow the C stack either


def test_doubling_chain_depth_40_gives_2_to_the_40_with_80_grad_fn_calls():
    x, y = _doubling_chain(40)
    assert float(y.data) == 2.0**40
    with pc.record_backward() as trace:
        y.backward()
    assert float(x.grad.data) == 2.0**40  # exactly
    assert trace.grad_fn_calls == 80
    x.grad = None
    counts = _count_grad_fn_calls(y)
    y.zero_grad()
    y.backward()
    assert float(x.grad.data) == 2.0**40
    assert len(counts) == 80 and all(c == [1] for c in counts.values())  # each grad_fn once: 80 calls
    assert pc.per_path_call_count(y) == 2**41 - 2  # what the original recursive walk would have made


@st.composite
def _dag_recipe(draw):
    """A random DAG as a list of (op, i, j): node n = op(node i, node j) over three leaves."""
    steps = []
    for n in range(3, 3 + draw(st.integers(1, 12))):
        op = draw(st.sampled_from(["add", "mul", "sub", "sin", "tanh"]))
        steps.append((op, draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))))
    return steps


def _build(recipe, values):
    nodes = [Carrot(v, requires_grad=True, name=f"x{i}") for i, v in enumerate(values)]
    for op, i, j in recipe:
        a, b = nodes[i], nodes[j]
        nodes.append({"add": pc.add, "mul": pc.mul, "sub": pc.sub}[op](a, b) if op in ("add", "mul", "sub")
                     else getattr(pc, op)(a))  # fmt: skip
    return nodes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recipe=_dag_recipe(), values=st.lists(st.floats(-1.5, 1.5), min_size=3, max_size=3))
def test_random_dags_each_grad_fn_once_and_same_grads_as_the_per_path_walk(recipe, values):
    nodes = _build(recipe, values)
    root = nodes[-1]
    counts = _count_grad_fn_calls(root)
    root.backward()
    assert all(c == [1] for c in counts.values())
    reference = _build(recipe, values)
    trace = pc.per_path_backward(reference[-1], max_calls=10**6)
    assert not trace.truncated
    assert trace.grad_fn_calls == pc.per_path_call_count(reference[-1])
    for ours, theirs in zip(nodes, reference):
        if theirs._grad is None:
            assert ours._grad is None
        else:
            np.testing.assert_allclose(ours._grad, theirs._grad, rtol=1e-12, atol=1e-12)


# ---------------------------------------------------------------------------------------------------------
# The recorded walk
# ---------------------------------------------------------------------------------------------------------


def _graphs():
    x = Carrot(np.array([0.5, -1.0, 2.0]), requires_grad=True, name="x")
    w = Carrot(np.array([[1.0, 2.0], [0.5, -0.5], [0.25, 1.0]]), requires_grad=True, name="w")
    a = Carrot(1.0, requires_grad=True, name="a")
    h = pc.tanh(x @ w)
    yield "layer", [x, w], (pc.softmax(h) * pc.log_softmax(h + x[:2])).sum() + (h * h).mean()
    yield "original 2", [a], a * 2 + a * 3
    yield "reuse", [a], pc.sin(a) * pc.sin(a) + a * a * a
    yield "broadcast", [x, a], ((x + a) * x.reshape(3, 1)).sum(axis=0).mean()
    yield "doubling", [a], _doubling_chain(10)[1]


@pytest.mark.parametrize("name", [name for name, _, _ in _graphs()])
def test_recorded_events_replay_to_the_final_grads(name):
    _, leaves, root = next(g for g in _graphs() if g[0] == name)
    with pc.record_backward() as trace:
        root.backward()
    nodes = pc.topological_order(root)
    replayed = trace.replay()
    with_grad = {id(n) for n in nodes if n._grad is not None}
    assert set(replayed) == with_grad
    for node in nodes:
        if node._grad is not None:
            np.testing.assert_array_equal(replayed[id(node)], node._grad)
    # the events describe the walk itself
    visits = [e.node for e in trace if type(e) is NodeVisit]
    assert visits[0] is root
    assert len(visits) == len({id(v) for v in visits})  # each node visited once
    position = {id(v): k for k, v in enumerate(visits)}
    for e in trace:
        if type(e) is EdgeCall:
            assert position[id(e.node)] < position.get(id(e.input), len(visits))  # consumers before inputs
            assert e.grad_out.shape == e.input.shape
        if type(e) is GradAccumulate:
            expected = e.contribution if e.before is None else e.before + e.contribution
            np.testing.assert_array_equal(e.after, expected)
    assert trace.grad_fn_calls == sum(len(n.child_nodes) for n in nodes)


def test_recording_and_not_recording_give_the_same_grads():
    grads = []
    for record in (False, True):
        _, leaves, root = next(g for g in _graphs() if g[0] == "layer")
        if record:
            with pc.record_backward():
                root.backward()
        else:
            root.backward()
        grads.append([leaf._grad.copy() for leaf in leaves])
    for a, b in zip(*grads):
        np.testing.assert_array_equal(a, b)


# ---------------------------------------------------------------------------------------------------------
# The per-path walk of the original design, for teaching
# ---------------------------------------------------------------------------------------------------------


def _diamond_ladder(depth: int):
    """x -> (sin, cos) -> add -> (sin, cos) -> add ...: two paths per level, 2**depth paths in all."""
    x = Carrot(0.3, requires_grad=True, name="x")
    y = x
    for _ in range(depth):
        y = pc.sin(y) + pc.cos(y)
    return x, y


@pytest.mark.parametrize("depth", [1, 3, 8])
def test_per_path_backward_gives_the_same_grads_with_exponentially_many_calls(depth):
    x, y = _diamond_ladder(depth)
    with pc.record_backward() as trace:
        y.backward()
    topological = float(x.grad.data)
    assert trace.grad_fn_calls == 4 * depth

    x2, y2 = _diamond_ladder(depth)
    walk = pc.per_path_backward(y2, max_calls=10**6)
    assert float(x2.grad.data) == pytest.approx(topological, rel=1e-12)
    expected_calls = sum(4 * 2**k for k in range(depth))  # each level's 4 edges, once per path reaching it
    assert walk.grad_fn_calls == pc.per_path_call_count(y2) == expected_calls
    # the recursive walk's order: depth first, so the first two edge calls go down one path, not across
    calls = [e for e in walk if type(e) is EdgeCall]
    if depth > 1:
        assert calls[1].node is calls[0].input


def test_per_path_backward_stops_at_its_limit_and_can_leave_grads_alone():
    x, y = _doubling_chain(30)
    walk = pc.per_path_backward(y, max_calls=1000, accumulate=False)
    assert walk.truncated and walk.grad_fn_calls == 1000
    assert x.grad is None and y.grad is None  # accumulate=False: the teaching walk did not touch .grad
    assert pc.per_path_call_count(y) == 2**31 - 2


# ---------------------------------------------------------------------------------------------------------
# Known traps from other engines' trackers
# ---------------------------------------------------------------------------------------------------------

FLOAT32_OPS = {
    "add": lambda x, y: x + y + 2.0,
    "sub": lambda x, y: 1.5 - x - y,
    "mul": lambda x, y: x * y * 3.0,
    "div": lambda x, y: x / (y + 3.0) / 2.0,
    "pow": lambda x, y: (x * x + 1.0) ** 0.5 * (y + 3.0) ** y,
    "rpow": lambda x, y: 2.0**x,
    "matmul": lambda x, y: x @ y.T,
    "neg abs": lambda x, y: -abs(x),
    "exp log sqrt": lambda x, y: pc.exp(x) + pc.log(y + 3.0) + pc.sqrt(y + 3.0),
    "trig": lambda x, y: pc.sin(x) * pc.cos(y) + pc.tanh(x),
    "sigmoid relu": lambda x, y: pc.sigmoid(x) + pc.relu(y),
    "reductions": lambda x, y: x.sum(axis=0) + y.mean(axis=0, keepdims=True) + x.mean() / 3,
    "softmax": lambda x, y: pc.softmax(x) * pc.log_softmax(y, axis=0),
    "movement": lambda x, y: x.reshape(6).reshape(3, 2).T[1] * y[np.array([0, 0, 1])].sum(axis=1),
    "numpy constant": lambda x, y: x * np.float32(2.0) + np.ones(3, dtype=np.float32),
}


@pytest.mark.parametrize("name", sorted(FLOAT32_OPS))
def test_float32_in_gives_float32_values_and_grads(name):
    rng = np.random.default_rng(3)
    x = Carrot(rng.uniform(-1, 1, (2, 3)).astype(np.float32), requires_grad=True, name="x")
    y = Carrot(rng.uniform(-1, 1, (2, 3)).astype(np.float32), requires_grad=True, name="y")
    out = FLOAT32_OPS[name](x, y)
    for node in pc.topological_order(out):
        assert node.dtype == np.float32, f"{node.name} is {node.dtype}"
    out.backward(np.ones(out.shape, dtype=np.float32))
    for node in pc.topological_order(out):
        if node.requires_grad:
            assert node.grad.dtype == np.float32, f"grad of {node.name} is {node.grad.dtype}"


def _assert_no_grad_shares_memory(root: Carrot) -> None:
    # through .grad, as users read it (backward() may leave a pass-through gradient shared inside until then)
    nodes = [n for n in pc.topological_order(root) if n.grad is not None]
    assert nodes
    for a, b in itertools.combinations(nodes, 2):
        assert not np.shares_memory(a.grad.data, b.grad.data), f".grad of {a.name} and {b.name} share memory"
    for a in nodes:
        for b in pc.topological_order(root):
            assert not np.shares_memory(a.grad.data, b.data), (
                f".grad of {a.name} shares memory with {b.name}.data"
            )


SHARING_GRAPHS = {
    "x + y": lambda x, y: x + y,
    "x + x": lambda x, y: x + x,
    "add chain": lambda x, y: ((x + y) + 0.0) + y,
    "sub": lambda x, y: (x - y) - 0.0,
    "movement": lambda x, y: (x.reshape(2, 3).T.reshape(6)[::-1] + y.reshape(6)).reshape(3, 2),
    "reductions": lambda x, y: (x.sum(axis=0, keepdims=True) + y).mean(axis=1),
    "getitem": lambda x, y: x[0] + y[1] + x[:, 1:2].reshape(2, 1) + x[np.array([1, 1])],
    "mul by one": lambda x, y: (x * 1.0) * (y * 1.0),
    "matmul": lambda x, y: x @ y.T,
    "softmax": lambda x, y: pc.softmax(x + y) + pc.log_softmax(x),
}


@pytest.mark.parametrize("name", sorted(SHARING_GRAPHS))
def test_no_two_grad_arrays_share_memory(name):
    x = Carrot(np.arange(6.0).reshape(2, 3) / 5, requires_grad=True, name="x")
    y = Carrot(np.ones((2, 3)), requires_grad=True, name="y")
    out = SHARING_GRAPHS[name](x, y)
    seed = np.ones(out.shape)
    out.backward(seed)
    _assert_no_grad_shares_memory(out)
    assert not any(
        np.shares_memory(n.grad.data, seed) for n in pc.topological_order(out) if n.grad is not None
    )
    out.backward(seed)  # accumulation must not start sharing either
    _assert_no_grad_shares_memory(out)
    with pc.record_backward():
        out.backward(seed)
    _assert_no_grad_shares_memory(out)


def test_in_place_change_of_one_grad_leaves_the_others_alone():
    x = Carrot(np.array([1.0, 2.0]), requires_grad=True, name="x")
    y = Carrot(np.array([3.0, 4.0]), requires_grad=True, name="y")
    z = x + y
    z.backward(np.ones(2))
    x._grad += 10.0  # what an optimizer's in-place update of one gradient would do
    np.testing.assert_array_equal(y.grad.data, [1.0, 1.0])
    np.testing.assert_array_equal(z.grad.data, [1.0, 1.0])


@pytest.mark.parametrize("value", [1000.0, -1000.0])
def test_sigmoid_and_log_softmax_stay_finite_at_plus_minus_1000(value):
    # warnings are errors in this suite: an overflow warning inside would fail this test
    for dtype in (np.float64, np.float32):
        x = Carrot(np.array([value, 0.0, -value], dtype=dtype), requires_grad=True, name="x")
        s = pc.sigmoid(x)
        assert np.all(np.isfinite(s.data))
        np.testing.assert_array_equal(s.data, np.array([value > 0, 0.5, value < 0], dtype=dtype))
        s.backward(np.ones(3, dtype=dtype))
        assert np.all(np.isfinite(x.grad.data)) and float(x.grad.data[0]) == 0.0

        x = Carrot(np.array([[value, 0.0, -value]], dtype=dtype), requires_grad=True, name="x")
        ls = pc.log_softmax(x, axis=-1)
        assert np.all(np.isfinite(ls.data))
        assert float(ls.data.max()) == 0.0
        (ls * np.array([1.0, 2.0, 3.0], dtype=dtype)).sum().backward()
        assert np.all(np.isfinite(x.grad.data))
        np.testing.assert_allclose(x.grad.data.sum(), 0.0, atol=1e-4)  # Σ ∂/∂x of log-softmax weights is 0
        sm = pc.softmax(x)
        assert np.all(np.isfinite(sm.data)) and float(sm.data.sum()) == pytest.approx(1.0)


def test_reused_inputs_get_summed_gradients():
    v = Carrot(np.array([1.0, -2.0]), requires_grad=True, name="v")
    (v + v).sum().backward()
    np.testing.assert_array_equal(v.grad.data, [2.0, 2.0])
    x = Carrot(0.7, requires_grad=True, name="x")
    (pc.sin(x) + pc.sin(x)).backward()
    assert float(x.grad.data) == 2 * np.cos(0.7)
    x.grad = None
    s = pc.sin(x)
    (s + s).backward()  # one node used twice
    assert float(x.grad.data) == 2 * np.cos(0.7)
    x.grad = None
    (x * x * x).backward()
    assert float(x.grad.data) == pytest.approx(3 * 0.7**2, rel=1e-15)


def test_backward_work_grows_linearly_with_graph_size():
    # grad_fn calls: exactly linear in the number of ops, even where the number of paths doubles per level
    for depth in (50, 100):
        _, y = _diamond_ladder(depth)
        with pc.record_backward() as trace:
            y.backward()
        assert trace.grad_fn_calls == 4 * depth
        assert pc.per_path_call_count(y) == sum(4 * 2**k for k in range(depth))

    # and time: twice the graph takes about twice as long (generous bounds, best of 3, no absolute times);
    # CPU time of this process, so other processes on a shared machine do not stretch one side of the ratio
    def best_time(depth: int) -> float:
        _, y = _diamond_ladder(depth)
        best = np.inf
        for _ in range(3):
            start = time.process_time()
            y.backward()
            best = min(best, time.process_time() - start)
        return best

    small, large = best_time(5_000), best_time(20_000)
    assert 1.5 < large / small < 8.0, (small, large)  # 4x the size: linear is 4, quadratic would be 16


REFCOUNT_GRAPHS = {
    "arithmetic": lambda x: (x + 1.0) * x - x / 2.0 + x**2.0 + 2.0**x,
    "unary": lambda x: pc.exp(x) + pc.log(abs(x) + 1) + pc.sqrt(abs(x)) + pc.sin(x) * pc.cos(x) - (-x),
    "activations": lambda x: pc.tanh(x) + pc.sigmoid(x) + pc.relu(x),
    "reductions": lambda x: x.sum(axis=0) + x.mean(axis=1, keepdims=True).sum(),
    "softmax": lambda x: (pc.softmax(x) * pc.log_softmax(x, axis=0)).sum(),
    "movement": lambda x: (x.reshape(6).reshape(2, 3).T @ x[:, ::-1])[np.array([0, 0])].sum(),
}


@pytest.mark.parametrize("name", sorted(REFCOUNT_GRAPHS))
def test_graphs_are_freed_by_reference_counting_alone(name):
    import gc
    import weakref

    x = Carrot(np.arange(6.0).reshape(2, 3) / 7 + 0.1, requires_grad=True, name="x")
    gc.disable()
    try:
        out = REFCOUNT_GRAPHS[name](x)
        refs = [weakref.ref(n) for n in pc.topological_order(out) if n is not x]
        with pc.record_backward() as trace:
            out.backward(np.ones(out.shape))
        del trace
        out.backward(np.ones(out.shape))
        del out
        alive = [r().name for r in refs if r() is not None]
        assert not alive, f"nodes kept alive by a reference cycle: {alive}"
    finally:
        gc.enable()
