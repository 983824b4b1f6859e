"""How each playback step is said in words, for the event log and the tooltips (Qt-free), in the current
language (:func:`carrot_gui.i18n.translate`, context "Steps")."""

from __future__ import annotations

import numpy as np

from ..i18n import format_text, translate
from ..theme import format_number

CTX = "Steps"  # the translation context of every sentence here


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
        return format_text(CTX, "{shape} tensor (empty)", shape=shape)
    return format_text(CTX, "{shape} tensor {numbers}", shape=shape, numbers=format_numbers(a, max_items))


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
    if not shape:
        return translate(CTX, "scalar")
    return format_text(CTX, "shape ({dims})", dims=", ".join(map(str, shape)))


def forward_text(label: str, op: str, args: list[str], value: np.ndarray) -> str:
    call = f"{op}({', '.join(args)})"
    return format_text(
        CTX, "forward: {label} = {call} = {value}", label=label, call=call, value=format_value(value)
    )


def seed_text(label: str, seed: np.ndarray) -> str:
    if seed.size == 1:
        return format_text(
            CTX,
            "start backward: {label}.grad = {value}  (∂{label}/∂{label} = 1)",
            label=label,
            value=format_value(seed),
        )
    return format_text(
        CTX,
        "start backward: {label}.grad = ones of {shape} (as if the output were summed)",
        label=label,
        shape=shape_text(seed.shape),
    )


def visit_text(label: str, grad: np.ndarray, leaf: bool) -> str:
    if leaf:
        what = translate(CTX, "a leaf: nothing further to send")
    else:
        what = translate(CTX, "its gradient is complete, pass it on")
    return format_text(
        CTX, "visit {label}: gradient {grad} — {what}", label=label, grad=format_value(grad), what=what
    )


def edge_text(src: str, dst: str, rule_with_value: str, grad_in: np.ndarray, grad_out: np.ndarray) -> str:
    """``src`` is the node the gradient comes from, ``dst`` the operand it goes to."""
    fmt = {"src": src, "dst": dst, "rule": rule_with_value}
    if grad_in.size == 1 and grad_out.size == 1:
        return format_text(
            CTX,
            "{src} → {dst}: {rule};  sends {grad_in} × local = {grad_out}",
            grad_in=format_value(grad_in),
            grad_out=format_value(grad_out),
            **fmt,
        )
    if grad_out.size == 1:  # a tensor's gradient summed down to a scalar operand (broadcasting)
        return format_text(
            CTX,
            "{src} → {dst}: {rule};  sends {grad} (summed over the broadcast)",
            grad=format_value(grad_out),
            **fmt,
        )
    what = format_text(CTX, "a gradient of {shape}", shape=shape_text(grad_out.shape))
    if grad_out.ndim == 1 and grad_out.size <= 6:
        return format_text(
            CTX,
            "{src} → {dst}: {rule};  sends {what} = {grad}",
            what=what,
            grad=format_value(grad_out),
            **fmt,
        )
    # the numbers themselves (elided), never only a shape or a mean
    return format_text(
        CTX,
        "{src} → {dst} gets {numbers}: {rule};  sends {what}",
        numbers=format_numbers(grad_out),
        what=what,
        **fmt,
    )


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
    return format_text(
        CTX,
        "{label}.grad accumulates: {sum}  (another path)",
        label=label,
        sum=accumulation_text(before, contribution, after),
    )


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
        return translate(
            CTX,
            "Fix the mistake shown under the editor, then Build again — the graph still shows the last build",
        )
    if edited:
        return translate(
            CTX, "Edited: press Build (Ctrl+Enter) to draw it — the graph still shows the last build"
        )
    if length == 0:
        return translate(CTX, "Nothing to play: type an expression and press Build (Ctrl+Enter)")
    if position == 0:
        return translate(
            CTX, "At the start: press → (Step) for the forward pass, Space to play, or pick a preset"
        )
    if position >= length:
        return translate(
            CTX,
            "Done: every gradient is final — press Check to compare with finite differences, Home to replay",
        )
    if position < backward_start:
        return format_text(
            CTX,
            "Forward pass: values appear node by node ({position} of {total}) — → steps on, ← back",
            position=position,
            total=backward_start,
        )
    if position == backward_start:
        return translate(CTX, "Forward pass done — → starts backward(): the output's gradient is 1")
    return translate(
        CTX, "Backward pass: the gradient flows right to left — hover a node to read it, ← steps back"
    )
