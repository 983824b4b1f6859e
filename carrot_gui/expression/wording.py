"""How each playback step is said in words, for the event log and the tooltips (Qt-free)."""

from __future__ import annotations

import numpy as np

from ..theme import format_number


def format_value(arr: np.ndarray | None, max_items: int = 6) -> str:
    """A scalar as ``4.0``; a short vector as ``[0.1, 0.2]``; any other tensor as its shape and its
    numbers, rounded and elided past ``max_items`` per axis: ``2×2 tensor [[0.42, -0.42], [0.42, -0.42]]``,
    ``8×8 tensor [[0.1, 0.2, …, 0.8], …, [..]]`` — never only a mean (a mean of 0 reads as "no gradient")."""
    if arr is None:
        return "—"
    a = np.asarray(arr)
    if a.size == 1:
        return format_number(a.reshape(-1)[0])
    if a.size <= max_items and a.ndim == 1:
        return "[" + ", ".join(format_number(v) for v in a) + "]"
    shape = "×".join(map(str, a.shape))
    if a.size == 0:
        return f"{shape} tensor (empty)"
    return f"{shape} tensor {format_numbers(a, max_items)}"


def format_numbers(a: np.ndarray, max_items: int = 6) -> str:
    """The numbers of a tensor in NumPy-like brackets, rounded, elided past ``max_items`` per axis (half
    that per axis for a matrix, so a line stays readable)."""
    a = np.asarray(a)
    return _nested(a, max(2, max_items // (2 if a.ndim > 1 else 1)))


def _nested(a: np.ndarray, per_axis: int) -> str:
    """NumPy-like brackets with at most ``per_axis`` entries per axis (the first ones, "…", the last)."""
    if a.ndim == 0:
        return format_number(a, 3)
    n = a.shape[0]
    if n <= per_axis:
        parts = [_nested(a[k], per_axis) for k in range(n)]
    else:
        parts = [_nested(a[k], per_axis) for k in range(per_axis - 1)] + ["…", _nested(a[n - 1], per_axis)]
    return "[" + ", ".join(parts) + "]"


def shape_text(shape: tuple[int, ...]) -> str:
    return "scalar" if not shape else "shape (" + ", ".join(map(str, shape)) + ")"


def forward_text(label: str, op: str, args: list[str], value: np.ndarray) -> str:
    return f"forward: {label} = {op}({', '.join(args)}) = {format_value(value)}"


def seed_text(label: str, seed: np.ndarray) -> str:
    if seed.size == 1:
        return f"start backward: {label}.grad = {format_value(seed)}  (∂{label}/∂{label} = 1)"
    return f"start backward: {label}.grad = ones of {shape_text(seed.shape)} (as if the output were summed)"


def visit_text(label: str, grad: np.ndarray, leaf: bool) -> str:
    what = "a leaf: nothing further to send" if leaf else "its gradient is complete, pass it on"
    return f"visit {label}: gradient {format_value(grad)} — {what}"


def edge_text(src: str, dst: str, rule_with_value: str, grad_in: np.ndarray, grad_out: np.ndarray) -> str:
    """``src`` is the node the gradient comes from, ``dst`` the operand it goes to."""
    if grad_in.size == 1 and grad_out.size == 1:
        return f"{src} → {dst}: {rule_with_value};  sends {format_value(grad_in)} × local = {format_value(grad_out)}"
    if grad_out.size == 1:  # a tensor's gradient summed down to a scalar operand (broadcasting)
        return (
            f"{src} → {dst}: {rule_with_value};  sends {format_value(grad_out)} (summed over the broadcast)"
        )
    what = f"a gradient of {shape_text(grad_out.shape)}"
    if grad_out.ndim == 1 and grad_out.size <= 6:
        return f"{src} → {dst}: {rule_with_value};  sends {what} = {format_value(grad_out)}"
    # the numbers themselves (elided), never only a shape or a mean
    return f"{src} → {dst} gets {format_numbers(grad_out)}: {rule_with_value};  sends {what}"


def accumulation_text(before: np.ndarray | None, contribution: np.ndarray, after: np.ndarray) -> str:
    """``2.0 + 3.0 = 5.0`` (or just ``3.0`` for a first contribution)."""
    if before is None:
        return format_value(after)
    c = format_value(contribution)
    if c.startswith("-"):
        c = f"({c})"
    return f"{format_value(before)} + {c} = {format_value(after)}"


def accumulate_text(
    label: str, before: np.ndarray | None, contribution: np.ndarray, after: np.ndarray
) -> str:
    if before is None:
        return f"{label}.grad = {format_value(after)}"
    return f"{label}.grad accumulates: {accumulation_text(before, contribution, after)}  (another path)"


def rule_with_value(rule: str, local: float | None) -> str:
    """``∂z/∂x = y`` with its number appended (``= 4.0``) unless the rule already is that number."""
    if local is None:
        return rule
    number = format_number(local)
    rhs = rule.rsplit("=", 1)[-1].strip()
    try:
        if float(rhs.replace("−", "-")) == local:
            return rule
    except ValueError:
        pass
    return f"{rule} = {number}"


def hint_text(
    position: int, length: int, backward_start: int, edited: bool = False, error: bool = False
) -> str:
    """What to do next, for the status bar: it follows the playback position, unbuilt edits and errors."""
    if error:
        return (
            "Fix the mistake shown under the editor, then Build again — the graph still shows the last build"
        )
    if edited:
        return "Edited: press Build (Ctrl+Enter) to draw it — the graph still shows the last build"
    if length == 0:
        return "Nothing to play: type an expression and press Build (Ctrl+Enter)"
    if position == 0:
        return "At the start: press → (Step) for the forward pass, Space to play, or pick a preset"
    if position >= length:
        return (
            "Done: every gradient is final — press Check to compare with finite differences, Home to replay"
        )
    if position < backward_start:
        return (
            f"Forward pass: values appear node by node ({position} of {backward_start}) — → steps on, ← back"
        )
    if position == backward_start:
        return "Forward pass done — → starts backward(): the output's gradient is 1"
    return "Backward pass: the gradient flows right to left — hover a node to read it, ← steps back"
