"""How each playback step is said in words, for the event log and the tooltips (Qt-free)."""

from __future__ import annotations

import numpy as np

from ..theme import format_number


def format_value(arr: np.ndarray | None, max_items: int = 6) -> str:
    """A scalar as ``4.0``; a small tensor as ``[0.1, 0.2]``; a big one as its shape."""
    if arr is None:
        return "—"
    a = np.asarray(arr)
    if a.size == 1:
        return format_number(a.reshape(-1)[0])
    if a.size <= max_items and a.ndim == 1:
        return "[" + ", ".join(format_number(v) for v in a) + "]"
    shape = "×".join(map(str, a.shape))
    return f"{shape} tensor (mean {format_number(a.mean()) if a.size else '—'})"


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
    sent = format_value(grad_out)
    what = f"a gradient of {shape_text(grad_out.shape)}"
    return f"{src} → {dst}: {rule_with_value};  sends {what}" + ("" if "tensor" in sent else f" = {sent}")


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
