"""The Expression lab's Qt-free model: graph, layout, playback timeline, wording, presets, Check."""

import re
import sys

import numpy as np
import pytest

import pycarrot as pc
from carrot_gui.expression import session
from carrot_gui.expression.graph import build_graph
from carrot_gui.expression.layout import count_crossings, layered_layout
from carrot_gui.expression.playback import ACCUMULATE, EDGE, FORWARD, PER_PATH, VISIT
from carrot_gui.expression.presets import PRESETS, preset
from carrot_gui.expression.wording import accumulation_text, format_value, hint_text, rule_with_value
from carrot_gui.theme import format_number


def original_example():
    """The original design's second example: a is used twice, so its gradient is 2 + 3 = 5."""
    return session.load_source("a = 1.0\nz = a * 2 + a * 3")


# -- graph ----------------------------------------------------------------------------------------------------


def test_graph_labels_kinds_and_constants():
    g = original_example().graph
    kinds = {n.label: n.kind for n in g.nodes}
    assert kinds["a"] == "variable" and kinds["z"] == "op"
    assert kinds["2"] == "constant" and kinds["3"] == "constant"  # each number is its own small node
    assert g.output_node.label == "z" and g.output_node.is_output
    assert sorted(n.label for n in g.nodes if n.op == "mul") == ["a·2", "a·3"]
    a = g.find("a")
    assert len(a.consumers) == 2  # one node, two paths
    for n in g.nodes:  # forward order: every operand comes before its result
        assert all(j < n.index for j in n.operands)
    assert len(g.edges) == sum(len(n.operands) for n in g.nodes)


def test_graph_shares_nodes_and_keeps_shapes():
    v = pc.Carrot(np.arange(6.0).reshape(2, 3), requires_grad=True, name="v")
    s = (v * v).sum()
    g = build_graph({"v": v, "s": s})
    assert g.find("v").shape == (2, 3) and g.output_node.shape == ()
    sq = g.nodes[g.output_node.operands[0]]
    assert sq.operands == [g.find("v").index, g.find("v").index]  # x*x: one node, two edges
    assert {e.slot for e in g.edges if e.dst == sq.index} == {0, 1}


def test_graph_refuses_bad_input():
    with pytest.raises(ValueError, match="defines no names"):
        build_graph({})
    with pytest.raises(ValueError, match="not a Carrot"):
        build_graph({"x": 3.0})


def test_long_formulas_get_short_unique_labels():
    named = pc.expression.parse("alpha = 1.0\nbeta = 2.0\nz = sin(alpha * beta) * cos(alpha * beta)")
    labels = [n.label for n in build_graph(named).nodes]
    assert len(labels) == len(set(labels))
    assert all(len(label) <= 16 for label in labels)


# -- layout ---------------------------------------------------------------------------------------------------


def test_layout_reads_left_to_right_without_overlap():
    loaded = session.load_source(preset("tanh").source)
    g, lay = loaded.graph, loaded.layout
    for e in g.edges:
        assert lay.x[e.src] + lay.w[e.src] <= lay.x[e.dst]  # inputs left of results
        assert lay.layer[e.src] < lay.layer[e.dst]
    assert lay.layer[g.output] == max(lay.layer)
    for column in lay.layers:
        ys = sorted((lay.y[i], lay.h[i]) for i in column)
        assert all(a[0] + a[1] <= b[0] for a, b in zip(ys, ys[1:]))  # no two boxes overlap


def test_leaves_sit_just_before_their_first_consumer():
    loaded = session.load_source("x = 1.0\ny = 2.0\nu = sin(sin(sin(x)))\nz = u * y")
    lay, g = loaded.layout, loaded.graph
    y = g.find("y")
    assert lay.layer[y.index] == lay.layer[g.output] - 1  # not in column 0 with x


def test_tree_expression_has_no_crossings():
    source = "a=1.0\nb=2.0\nc=3.0\nd=4.0\ne=5.0\nf=6.0\ng=1.0\nh=2.0\nz = (a*b + c*d) * (e - f) + tanh(g + 2) * exp(h)"
    loaded = session.load_source(source)
    assert count_crossings(loaded.graph, loaded.layout) == 0


def test_shared_variables_keep_crossings_few():
    source = "a=1.0\nb=2.0\nc=3.0\nd=4.0\ne=5.0\nf=6.0\nz = (a*b + c*d) * (e - f) + tanh(a + f) * exp(d)"
    loaded = session.load_source(source)
    assert count_crossings(loaded.graph, loaded.layout) <= 5  # the forward (DFS) order alone gives 8


def test_layout_of_a_thousand_nodes_is_fast_enough_to_be_interactive():
    import time

    x = pc.Carrot(0.5, requires_grad=True, name="x")
    named = {"x": x}
    acc = x
    for _ in range(330):
        acc = acc * 0.99 + pc.sin(acc)
    named["z"] = acc
    g = build_graph(named)
    assert len(g) > 990
    t0 = time.perf_counter()
    lay = layered_layout(g)
    assert time.perf_counter() - t0 < 1.0  # generous bound; the benchmark measures the real number
    assert len(lay.layers) > 300


# -- playback -------------------------------------------------------------------------------------------------


def test_timeline_starts_with_no_gradients_and_forward_steps_first():
    tl = original_example().timeline()
    assert tl.position == 0
    assert all(s.grad is None for s in tl.states())
    z = tl.graph.find("z").index
    assert not tl.node_state(z).value_shown  # computed by a forward step
    assert tl.node_state(tl.graph.find("a").index).value_shown  # a leaf is given
    kinds = [s.kind for s in tl.steps]
    first_backward = kinds.index(ACCUMULATE)
    assert set(kinds[:first_backward]) == {FORWARD} and FORWARD not in kinds[first_backward:]
    assert tl.queue() == []  # backward has not started


def test_stepping_the_original_example_to_the_end():
    tl = original_example().timeline()
    while tl.step_forward():
        pass
    assert tl.at_end
    assert float(tl.gradient("a")) == 5.0
    assert float(tl.gradient("z")) == 1.0
    assert tl.gradient("2") is None  # constants get no gradient
    log = tl.log()
    assert any("a.grad accumulates: 3.0 + 2.0 = 5.0" in line for line in log)
    assert tl.queue() == []


def test_accumulation_state_and_active_edge_at_that_step():
    tl = original_example().timeline()
    k = next(i for i, s in enumerate(tl.steps) if s.kind == ACCUMULATE and s.before is not None)
    tl.seek(k + 1)
    a = tl.graph.find("a").index
    st = tl.node_state(a)
    assert st.active and st.accumulation == "3.0 + 2.0 = 5.0" and float(st.grad) == 5.0
    tl.seek(k)  # the edge that brought the second contribution
    e = tl.graph.edges[tl.active_edge()]
    assert e.src == a and tl.graph.nodes[e.dst].label == "a·2"
    assert tl.current().rule == "∂(a·2)/∂a = 2" and tl.current().local == 2.0
    assert float(tl.node_state(a).grad) == 3.0  # the earlier contribution only


def test_stepping_back_restores_exactly_the_earlier_picture():
    tl = original_example().timeline()
    pictures = []
    for _ in range(len(tl) + 1):
        pictures.append((tl.states(), tl.active_edge(), tl.queue()))
        tl.step_forward()
    for p in range(len(tl), -1, -1):
        tl.seek(p)
        states, edge, queue = pictures[p]
        assert tl.active_edge() == edge and tl.queue() == queue
        for mine, theirs in zip(tl.states(), states):
            assert mine.value_shown == theirs.value_shown and mine.accumulation == theirs.accumulation
            assert (mine.grad is None) == (theirs.grad is None)
            if mine.grad is not None:
                np.testing.assert_array_equal(mine.grad, theirs.grad)
    assert not tl.step_back()


def test_queue_is_backwards_visit_order():
    loaded = session.load_source("x = 2.0\ny = 4.0\nz = x * y + sin(x)")
    tl = loaded.timeline()
    tl.seek(tl.backward_start + 1)
    labels = [tl.graph.nodes[i].label for i in tl.queue()]
    assert labels[0] == "z" and set(labels) == {"z", "x·y", "sin(x)", "x", "y"}
    visits = [tl.graph.nodes[s.node].label for s in tl.steps if s.kind == VISIT]
    assert labels == visits


def test_touched_covers_every_change():
    tl = session.load_source(preset("one variable").source).timeline()
    for p in range(len(tl)):
        before = tl.states(p)
        after = tl.states(p + 1)
        changed = {i for i, (a, b) in enumerate(zip(before, after)) if a != b}
        assert changed <= tl.touched(p, p + 1)


def test_seek_validates_and_clamps():
    tl = original_example().timeline()
    assert tl.seek(10_000) == len(tl) and tl.seek(-3) == 0
    with pytest.raises(TypeError, match="whole number"):
        tl.seek(1.5)


def test_recording_does_not_change_existing_gradients():
    w = pc.Parameter(np.array([1.0, 2.0]), name="w")
    loss = (w * w).sum()
    loss.backward()
    kept = w.grad.data.copy()
    loaded = session.load_named({"w": w, "loss": loss}, "from training")
    loaded.timeline()
    loaded.timeline(PER_PATH)
    np.testing.assert_array_equal(w.grad.data, kept)


def test_per_path_order_and_call_counts():
    loaded = session.load_source(preset("one variable").source)
    counts = loaded.call_counts()
    assert counts["topological"] == loaded.timeline().grad_fn_calls
    assert counts["per-path"] > counts["topological"]
    tl = loaded.timeline(PER_PATH)
    assert sum(1 for s in tl.steps if s.kind == EDGE) == counts["per-path"]
    tl.to_end()
    # per-path sends x several partial gradients; together they make the same total as backward()
    topo = loaded.timeline()
    topo.to_end()
    np.testing.assert_allclose(tl.gradient("x"), topo.gradient("x"))


def test_per_path_is_truncated_with_an_exact_count_for_huge_graphs(monkeypatch):
    monkeypatch.setattr(session, "PER_PATH_MAX_CALLS", 500)
    lines = ["x = 1.0", "a0 = x * 1.0"] + [f"a{k + 1} = a{k} * a{k}" for k in range(40)]
    loaded = session.load_source("\n".join(lines))
    tl = loaded.timeline(PER_PATH)
    assert tl.truncated and "of" in tl.note
    assert loaded.call_counts()["per-path"] > 2**40


def test_constant_output_has_forward_steps_and_a_note():
    loaded = session.load_source("z = 2 * 3")
    tl = loaded.timeline()
    assert [s.kind for s in tl.steps] == [FORWARD]  # 2*3 is computed; nothing to differentiate
    assert "no gradient" in tl.note


def test_tensor_steps_name_shapes():
    loaded = session.load_source(preset("softmax").source)
    tl = loaded.timeline()
    tl.to_end()
    logits = loaded.graph.find("logits")
    grad = tl.gradient("logits")
    soft = np.exp(logits.value) / np.exp(logits.value).sum()
    np.testing.assert_allclose(grad, soft - np.array([0.0, 0.0, 1.0]), atol=1e-12)
    assert any("shape (3)" in line for line in tl.log())


# -- wording --------------------------------------------------------------------------------------------------


def test_wording():
    assert accumulation_text(np.array(2.0), np.array(3.0), np.array(5.0)) == "2.0 + 3.0 = 5.0"
    assert accumulation_text(np.array(4.0), np.array(-1.5), np.array(2.5)) == "4.0 + (-1.5) = 2.5"
    assert rule_with_value("∂z/∂x = y", 4.0) == "∂z/∂x = y = 4.0"
    assert rule_with_value("∂z/∂x = 1", 1.0) == "∂z/∂x = 1"
    assert format_value(np.array([1.0, 2.5])) == "[1.0, 2.5]"
    assert format_value(np.zeros((4, 5))).startswith("4×5 tensor")


def test_edge_text_of_the_first_example():
    loaded = session.load_source(preset("z = x·y").source)
    tl = loaded.timeline()
    edges = [s.text for s in tl.steps if s.kind == EDGE]
    assert "z → x: ∂z/∂x = y = 4.0;  sends 1.0 × local = 4.0" in edges
    assert "z → y: ∂z/∂y = x = 2.0;  sends 1.0 × local = 2.0" in edges


def test_numbers_that_round_to_a_whole_number_keep_their_zero():
    """0.9999999999999998 (tanh neuron: 2.0 * 0.5 in floating point) once showed as "1." on screen."""
    assert [format_number(x) for x in (0.9999999999999998, -2.9999999999, 4.0, 0.7616, -0.0)] == [
        "1.0",
        "-3.0",
        "4.0",
        "0.7616",
        "0.0",
    ]
    loaded = session.load_source(preset("tanh").source)
    tl = loaded.timeline()
    tl.to_end()
    cut = [line for line in tl.log() if re.search(r"(?<![\w.·])\d+\.(?!\d)", line)]  # a number "1."
    assert not cut, cut


def test_tensor_edges_say_what_they_send():
    """A vector gradient is named with its shape and its numbers; one summed down to a scalar operand
    (broadcasting) says so, never "a gradient of scalar"."""
    loaded = session.load_source(preset("MSE").source)
    edges = [s.text for s in loaded.timeline().steps if s.kind == EDGE]
    assert (
        "w·x+b → w·x: ∂(w·x+b)/∂(w·x) = 1;  sends a gradient of shape (4) = [-0.55, -0.7, -1.1, -1.15]"
        in edges
    )
    assert "w·x+b → b: ∂(w·x+b)/∂b = 1;  sends -3.5 (summed over the broadcast)" in edges
    assert not any("of scalar" in line for line in edges)
    big = session.load_source("v = [" + ", ".join(["1.0"] * 10) + "]\nz = sum(v * v)")
    edges = [s.text for s in big.timeline().steps if s.kind == EDGE]
    assert any(line.endswith("sends a gradient of shape (10)") for line in edges)  # no 10-number list


def test_hint_follows_the_state():
    tl = original_example().timeline()
    n, b = len(tl), tl.backward_start
    assert hint_text(0, n, b).startswith("At the start")
    assert hint_text(1, n, b).startswith("Forward pass: values appear") and f"1 of {b}" in hint_text(1, n, b)
    assert hint_text(b, n, b).startswith("Forward pass done")
    assert hint_text(b + 1, n, b).startswith("Backward pass")
    assert hint_text(n, n, b).startswith("Done") and "Check" in hint_text(n, n, b)
    assert hint_text(3, n, b, edited=True).startswith("Edited: press Build")
    assert hint_text(3, n, b, edited=True, error=True).startswith("Fix the mistake shown under the editor")


# -- presets and Check ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("p", PRESETS, ids=[p.title for p in PRESETS])
def test_every_preset_builds_plays_and_checks(p):
    loaded = session.load_source(p.source, p.title)
    tl = loaded.timeline()
    tl.to_end()
    assert any(s.kind == EDGE for s in tl.steps)
    rows = session.check(loaded)
    assert rows and all(r.ok for r in rows), [(r.label, r.analytic, r.numeric) for r in rows]
    for r in rows:
        np.testing.assert_allclose(r.analytic, tl.gradient(r.label), rtol=1e-9, atol=1e-12)


def test_check_marks_a_wrong_gradient(monkeypatch):
    loaded = session.load_source("x = 0.3\nz = sin(x)")
    rows = session.check(loaded)
    assert rows[0].ok
    import pycarrot.carrot as carrot_module

    def bad_sin(x):
        out = carrot_module.cos(x)  # a result whose gradient (−sin) is not its value's derivative
        out.data = np.sin(carrot_module._value(x))
        return out

    monkeypatch.setattr(carrot_module, "sin", bad_sin)
    monkeypatch.setitem(carrot_module.OPS, "sin", bad_sin)
    rows = session.check(session.load_source("x = 0.3\nz = sin(x)"))
    assert not rows[0].ok


def test_check_by_replay_for_graphs_without_source():
    w = pc.Parameter(np.array([[0.5], [-1.0]]), name="weight")
    b = pc.Parameter(np.array([0.1]), name="bias")
    x = pc.Carrot(np.array([[1.0, 2.0], [3.0, 4.0]]), name="x")
    y = pc.Carrot(np.array([[1.0], [2.0]]), name="y")
    from pycarrot.nn.functional import mse_loss

    loss = mse_loss(x @ w + b, y)
    rows = session.check(session.load_named({"x": x, "y": y, "weight": w, "bias": b, "loss": loss}))
    assert [r.label for r in rows] == ["weight", "bias"] and all(r.ok for r in rows)


def test_check_refuses_constant_output():
    with pytest.raises(ValueError, match="nothing to check"):
        session.check(session.load_source("z = 2 * 3"))


def test_parse_errors_carry_line_and_column():
    with pytest.raises(pc.expression.ExpressionError) as info:
        session.load_source("x = 1.0\nz = x * * 2")
    assert info.value.line == 2 and "line 2, column" in str(info.value)


def test_model_imports_no_qt():
    import subprocess

    code = (
        "import sys, carrot_gui.expression.session, carrot_gui.theme; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_formula_labels_use_brackets_only_where_needed():
    loaded = session.load_source("a = 1.0\nb = 2.0\nc = 3.0\nz = (a + b) * c - (a - b) / (a * c)")
    labels = [n.label for n in loaded.graph.nodes]
    assert "(a+b)·c" in labels and "(a−b)/(a·c)" in labels and "a·c" in labels
    neuron = session.load_source("x = 1.0\ny = 2.0\nn = tanh(x * y + x)")
    rules = [s.rule for s in neuron.timeline().steps if s.kind == EDGE]
    assert rules[0].startswith("∂n/∂(x·y+x) = 1 − tanh²(x·y+x) = ")


@pytest.mark.parametrize(
    ("source", "label", "expected"),
    [
        ("x = 0.0\nz = log(x)", "x", np.inf),
        ("x = -1.0\nz = sqrt(x)", "x", np.nan),
        ("x = 1e308\nz = x * x", "x", np.inf),
    ],
)
def test_infinite_and_nan_gradients_are_shown_not_warned(source, label, expected):
    tl = session.load_source(source).timeline()  # warnings are errors in this test suite
    tl.to_end()
    np.testing.assert_equal(float(tl.gradient(label)), expected)
    assert any(word in tl.log()[-1] for word in ("inf", "nan"))


def test_small_array_constants_are_named_by_their_values():
    nodes = pc.parse("v = [1.0, 2.0, 0.5]\nloss = sum(v * [0.0, 1.0, 0.0])")
    g = build_graph(nodes)
    labels = {n.label for n in g.nodes}
    assert "[0, 1, 0]" in labels and "v·[0, 1, 0]" in labels
    big = build_graph(pc.parse("w = [1, 2, 3, 4, 5]\nout = sum(w * [1, 1, 1, 1, 1])"))
    assert "const 5" in {n.label for n in big.nodes}  # a longer one by its shape


def test_check_says_when_finite_differences_cannot_be_trusted():
    # after a diverged step Check showed ✗ with "finite differences 0.0" against 2e154: x ± ε == x there
    (row,) = session.check(session.load_source("x = 1e154\nz = x * x"))
    assert not row.ok and not row.trusted
    assert "1e+154" in row.reason and "cannot be trusted" in row.reason
    (row,) = session.check(
        session.load_source("x = 1e10\nz = x * 2")
    )  # x ± ε survives, the output's rounding not
    assert not row.trusted and "rounding" in row.reason
    rows = session.check(session.load_source("x = 2.0\ny = 3.0\nz = x * y + sin(x)\nw = z * 1e6"))
    assert all(r.ok and r.trusted and r.reason == "" for r in rows)
