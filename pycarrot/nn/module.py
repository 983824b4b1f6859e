"""``Module``: the base of every layer and model — call it to run ``forward``, ask it for its parameters.

As in the original design, parameters are found by looking through the module's attributes (no registration
step): a :class:`Parameter` attribute is a parameter, a :class:`Module` attribute is a sub-module, and lists,
tuples and dicts of them are searched too. Names are dotted paths (``layer1.weight``, ``blocks.0.bias``), the
keys of :meth:`Module.state_dict`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

import numpy as np

from ..carrot import Carrot, Parameter


class IncompatibleKeys(NamedTuple):
    """What ``load_state_dict(strict=False)`` skipped: the model's keys the state lacked, and the reverse."""

    missing_keys: list[str]
    unexpected_keys: list[str]


def _children(value: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    """``(dotted name, Parameter or Module)`` for one attribute value, looking inside lists/tuples/dicts."""
    if isinstance(value, (Parameter, Module)):
        yield prefix, value
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _children(item, f"{prefix}.{i}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _children(item, f"{prefix}.{key}")


class Module:
    """A layer or a model: subclasses set parameters/sub-modules as attributes and define ``forward``."""

    training: bool = True  # a class default, so a subclass that skips super().__init__() still works

    def __init__(self) -> None:
        self.training = True

    # -- calling -------------------------------------------------------------------------------------------

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.forward(*args, **kwargs)

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define forward(...) to be called")

    # -- walking the tree ----------------------------------------------------------------------------------

    def _direct(self) -> Iterator[tuple[str, Any]]:
        """This module's own parameters and sub-modules (not recursing into sub-modules), in attribute order."""
        for name, value in vars(self).items():
            yield from _children(value, name)

    def named_modules(self, prefix: str = "") -> Iterator[tuple[str, Module]]:
        """This module (named ``prefix``) and every sub-module below it, each once, depth first."""
        seen: set[int] = set()
        stack: list[tuple[str, Module]] = [(prefix, self)]
        while stack:
            name, module = stack.pop()
            if id(module) in seen:
                continue
            seen.add(id(module))
            yield name, module
            subs = [(f"{name}.{n}" if name else n, v) for n, v in module._direct() if isinstance(v, Module)]
            stack.extend(reversed(subs))

    def modules(self) -> Iterator[Module]:
        for _, module in self.named_modules():
            yield module

    def named_children(self) -> Iterator[tuple[str, Module]]:
        """The direct sub-modules, named relative to this module (``layer1``, ``blocks.0``)."""
        for name, value in self._direct():
            if isinstance(value, Module):
                yield name, value

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, Parameter]]:
        """Every parameter with its dotted name, each once even when shared (the first name found wins)."""
        seen_params: set[int] = set()
        seen_modules: set[int] = set()

        def walk(module: Module, path: str) -> Iterator[tuple[str, Parameter]]:
            seen_modules.add(id(module))
            for name, value in module._direct():
                full = f"{path}.{name}" if path else name
                if isinstance(value, Parameter):
                    if id(value) not in seen_params:
                        seen_params.add(id(value))
                        yield full, value
                elif id(value) not in seen_modules:
                    yield from walk(value, full)

        yield from walk(self, prefix)

    def parameters(self) -> list[Parameter]:
        """Every parameter, each once (a list, so it can be iterated more than once)."""
        return [p for _, p in self.named_parameters()]

    def parameter(self) -> list[Parameter]:
        """The original design's name for :meth:`parameters`."""
        return self.parameters()

    # -- training helpers ----------------------------------------------------------------------------------

    def zero_grad(self) -> None:
        """Forget every parameter's gradient (``.grad`` becomes None)."""
        for p in self.parameters():
            p._grad = None

    def train(self, mode: bool = True) -> Module:
        """Set training mode on this module and every sub-module; returns self."""
        return self._set_training(mode)

    def eval(self) -> Module:
        """Set evaluation mode (``training = False``) everywhere; returns self."""
        return self._set_training(False)

    def _set_training(self, mode: bool) -> Module:
        # Sets the flag directly, so a subclass that redefines train() (the original notebooks do) keeps eval().
        for module in self.modules():
            module.training = bool(mode)
        return self

    # -- state ---------------------------------------------------------------------------------------------

    def state_dict(self) -> dict[str, Parameter]:
        """``{dotted name: parameter}`` — the live Parameters, as in the original design (so
        ``state_dict()["layer2.bias"].grad`` works) and like PyTorch's tensors that share storage: training
        changes them. Take a snapshot with ``{k: p.data.copy() for k, p in model.state_dict().items()}``;
        ``pc.save`` and ``load_state_dict`` copy the arrays."""
        return dict(self.named_parameters())

    def load_state_dict(self, state_dict: Any, strict: bool = True) -> IncompatibleKeys:
        """Copy arrays (or Carrots) from ``state_dict`` into the parameters with the same dotted names.

        With ``strict`` every key must match both ways; shapes must always match. Nothing is changed unless
        every check passes; the error lists every missing key, unexpected key and shape mismatch at once.
        """
        if not hasattr(state_dict, "items"):
            raise TypeError(f"load_state_dict needs a dict of arrays, got {type(state_dict).__name__}")
        own = dict(self.named_parameters())
        missing = [k for k in own if k not in state_dict]
        unexpected = [str(k) for k in state_dict if k not in own]
        problems: list[str] = []
        values: dict[str, np.ndarray] = {}
        for key, param in own.items():
            if key not in state_dict:
                continue
            raw = state_dict[key]
            value = raw.data if isinstance(raw, Carrot) else raw
            try:
                arr = np.asarray(value)
            except (TypeError, ValueError) as exc:
                problems.append(f"{key}: not an array ({exc})")
                continue
            if arr.dtype.kind not in "biuf":
                problems.append(f"{key}: dtype {arr.dtype} is not a real number type")
            elif arr.shape != param.data.shape:
                problems.append(f"{key}: shape {arr.shape} in the state, {param.data.shape} in the model")
            else:
                values[key] = arr
        if strict and missing:
            problems.insert(0, f"missing keys: {', '.join(missing)}")
        if strict and unexpected:
            problems.insert(0 if not missing else 1, f"unexpected keys: {', '.join(unexpected)}")
        if problems:
            raise ValueError(
                f"load_state_dict into {type(self).__name__} failed (nothing was loaded):\n  "
                + "\n  ".join(problems)
            )
        for key, arr in values.items():
            param = own[key]
            param.data = np.array(arr, dtype=param.data.dtype, copy=True)
        return IncompatibleKeys(missing, unexpected)

    # -- printing ------------------------------------------------------------------------------------------

    def extra_repr(self) -> str:
        """The text inside this module's parentheses in ``repr`` (layers show their sizes)."""
        return ""

    def __repr__(self) -> str:
        lines = []
        for name, child in self.named_children():
            body = repr(child).replace("\n", "\n  ")
            lines.append(f"  ({name}): {body}")
        extra = self.extra_repr()
        if not lines:
            return f"{type(self).__name__}({extra})"
        head = f"{type(self).__name__}({extra}" if extra else f"{type(self).__name__}("
        return head + "\n" + "\n".join(lines) + "\n)"


__all__ = ["Module", "Parameter", "IncompatibleKeys"]
