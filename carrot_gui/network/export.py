"""Export as Python: a standalone script (pycarrot and NumPy only) that rebuilds a Network-lab run — the
data, the model, the optimiser, the seed and any weights edited by hand — and trains the same number of
steps, ending with the lab's weights bit for bit.

Generated sets travel as the source of their generator functions (taken from :mod:`.datasets` at export
time, so there is one copy in the repository); the digits are loaded from the shipped file; drawn points and
CSV data are written into the script as numbers (``repr`` round-trips every float64 exactly).
"""

from __future__ import annotations

import inspect

import numpy as np

from . import datasets
from .datasets import GENERATED, NetData
from .spec import ACTIVATIONS, NetworkSpec, expand_features, init_std
from .trainer import NetworkSession

MAX_LITERAL_VALUES = 200_000  # drawn points and CSV data are written out as numbers up to this many

_ACTIVATION_CODE = {
    "relu": "nn.ReLU()",
    "tanh": "nn.Tanh()",
    "sigmoid": "nn.Sigmoid()",
    "leaky_relu": "nn.LeakyReLU()",
}
_LOSS_CODE = {
    "mse": "pc.mse_loss",
    "bce_logits": "pc.binary_cross_entropy_with_logits",
    "cross_entropy": "pc.cross_entropy",
}


_TRAIN = """
# ---- training: the lab's loop (a new permutation of the training set at each epoch's start) ------------
x_full, t_full = pc.Carrot(x_train, name="x"), pc.Carrot(t_train, name="y")
n = len(x_train)
batch = n if BATCH_SIZE == 0 or BATCH_SIZE >= n else BATCH_SIZE
steps_per_epoch = -(-n // batch)
order_rng = np.random.default_rng(SEED)
linears = [m for m in model if isinstance(m, nn.Linear)]
order = None


def changes_before(step):
    # weights loaded from a file, then weights typed in the lab, before this step (the lab did them in this order)
    for at, path in LOADS:
        if at == step:
            model.load_state_dict(pc.load(path))
    for at, layer, i, j, value in EDITS:
        if at == step:
            linears[layer].weight.data[i, j] = value


for step in range(STEPS):
    changes_before(step)
    if batch == n:
        xb, yb = x_full, t_full
    else:
        k = step % steps_per_epoch
        if k == 0 or order is None:
            order = order_rng.permutation(n)
        idx = order[k * batch : (k + 1) * batch]
        xb, yb = pc.Carrot(x_train[idx], name="x"), pc.Carrot(t_train[idx], name="y")
    with np.errstate(all="ignore"):
        optimizer.zero_grad()
        loss = LOSS(model(xb), yb)
        if not np.isfinite(loss.data):
            print(f"the loss became {float(loss.data)} at step {step}: stopped")
            break
        loss.backward()
        optimizer.step()
changes_before(STEPS)  # changes made after the last step

print(f"{STEPS} steps, last batch loss {float(loss.data):.6g}" if STEPS else "no steps trained")
if __name__ == "__main__" and len(sys.argv) > 1:
    pc.save(model, sys.argv[1])
    print("weights saved to", sys.argv[1])
"""


def _literal(a: np.ndarray) -> str:
    """An exact NumPy literal: float64 values by ``repr`` (round-trips), integers as they are."""
    dtype = "np.int64" if a.dtype.kind in "iu" else "np.float64"
    return f"np.array({a.tolist()!r}, dtype={dtype})"


def _data_code(data: NetData) -> list[str]:
    """Lines that define x_train, y_train, x_test, y_test as the lab had them."""
    if data.config is not None:
        cfg = data.config
        _, fn, kwargs, _ = GENERATED[cfg.kind]
        args = ", ".join(
            [repr(cfg.samples), repr(float(cfg.noise)), "rng"] + [f"{k}={v!r}" for k, v in kwargs.items()]
        )
        return [
            inspect.getsource(fn),
            inspect.getsource(datasets.split_arrays),
            f"rng = np.random.default_rng({cfg.seed!r})",
            f"x, y = {fn.__name__}({args})",
            f"x_train, y_train, x_test, y_test = split_arrays(x, y, {cfg.test_fraction!r}, rng)",
        ]
    if data.source == "digits":
        share, seed = data.split
        return [
            inspect.getsource(datasets.split_arrays),
            f"DIGITS = {str(datasets.digits_path())!r}  # the UCI digits (CC BY 4.0) shipped with PyCarrot",
            'table = np.loadtxt(DIGITS, delimiter=",")',
            "x, y = table[:, :64] / 16.0, table[:, 64].astype(np.int64)",
            f"x_train, y_train, x_test, y_test = split_arrays(x, y, {share!r}, np.random.default_rng({seed!r}))",
        ]
    size = data.x_train.size + data.x_test.size
    if size > MAX_LITERAL_VALUES:
        raise ValueError(
            f"this dataset has {size} values; export writes at most {MAX_LITERAL_VALUES} as numbers"
        )
    return [f"# {data.title} ({data.source}), as the lab had it"] + [
        f"{name} = {_literal(getattr(data, name))}" for name in ("x_train", "y_train", "x_test", "y_test")
    ]


def _target_code(spec: NetworkSpec) -> list[str]:
    if spec.classes == 0 or (spec.classes == 2 and spec.loss != "cross_entropy"):
        conv = "np.asarray({}, dtype=np.float64).reshape(-1, 1)"
    elif spec.loss == "cross_entropy":
        conv = "np.asarray({}, dtype=np.int64)"
    else:
        conv = f"np.eye({spec.classes})[{{}}]  # one-hot targets for MSE"
    return [f"t_train = {conv.format('y_train')}", f"t_test = {conv.format('y_test')}"]


def _model_code(spec: NetworkSpec) -> list[str]:
    lines = [f"gen = pc.manual_seed(SEED)  # initialisation: {spec.init}", "modules = []"]
    acts = [layer.activation for layer in spec.hidden] + [spec.output_activation]
    widths = spec.widths
    for k, (fan_in, fan_out, act) in enumerate(zip(widths[:-1], widths[1:], acts), start=1):
        lines.append(f"lin = nn.Linear({fan_in}, {fan_out})  # layer {k}: draws uniform weights from gen")
        std = init_std(spec.init, fan_in, act)
        if std is not None:
            lines.append(f"lin.weight.data = gen.normal(0.0, {std!r}, size=({fan_in}, {fan_out}))")
        elif spec.init == "zeros":
            lines.append(f"lin.weight.data = np.zeros(({fan_in}, {fan_out}))")
        lines.append("modules.append(lin)")
        if act in _ACTIVATION_CODE:
            lines.append(f"modules.append({_ACTIVATION_CODE[act]})  # {ACTIVATIONS[act]}")
    lines.append("model = nn.Sequential(*modules)")
    if spec.optimizer == "adam":
        opt = f"pc.Adam(model.parameters(), learning_rate={spec.learning_rate!r}, weight_decay={spec.weight_decay!r})"
    else:
        opt = (
            f"pc.SGD(model.parameters(), learning_rate={spec.learning_rate!r}, "
            f"weight_decay={spec.weight_decay!r}, momentum={spec.momentum!r})"
        )
    return [*lines, f"optimizer = {opt}", f"LOSS = {_LOSS_CODE[spec.loss]}"]


def export_script(session: NetworkSession) -> str:
    """The whole script for ``session`` as it is now (its steps so far and its hand edits)."""
    spec, data = session.spec, session.data
    steps = session.steps_done - (1 if session.state == "diverged" else 0)  # the NaN step changed nothing
    head = [
        f'"""PyCarrot network exported from the Network lab: {spec.describe()} on {data.title}.',
        "",
        "Rebuilds the data, the model, the optimiser and the seed and trains the same steps as the lab; the",
        'final weights equal the lab\'s bit for bit. Run: python this_script.py [weights.npz]"""',
        "",
        "import sys",
        "",
        "import numpy as np",
        "",
        "import pycarrot as pc",
        "from pycarrot import nn",
        "",
        f"SEED = {spec.seed!r}",
        f"STEPS = {steps!r}",
        f"BATCH_SIZE = {spec.batch_size!r}  # 0 = the whole training set",
        f"FEATURES = {tuple(spec.features)!r}",
        f"EDITS = {[tuple(e) for e in session.edits]!r}  # (before step, layer, i, j, new weight)",
        f"LOADS = {[tuple(e) for e in session.loads]!r}  # (before step, weights file loaded in the lab)",
        "",
        "# ---- data ----",
    ]
    body = _data_code(data)
    body += ["", inspect.getsource(expand_features)]
    body += ["x_train = expand_features(x_train, FEATURES)", "x_test = expand_features(x_test, FEATURES)"]
    body += _target_code(spec)
    body += ["", "# ---- model and optimiser ----"]
    body += _model_code(spec)
    return "\n".join(head + body) + "\n" + _TRAIN


def write_script(session: NetworkSession, path: str) -> None:
    """Write :func:`export_script` to ``path`` (OSError/ValueError say why it failed)."""
    text = export_script(session)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def is_exportable(session: NetworkSession) -> bool:
    """Whether :func:`export_script` can write this run (very large literal datasets cannot)."""
    data = session.data
    small = data.x_train.size + data.x_test.size <= MAX_LITERAL_VALUES
    return data.config is not None or data.source == "digits" or small
