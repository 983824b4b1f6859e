"""Export as Python: the script, run in a subprocess with only pycarrot and NumPy, ends with the lab's weights."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import pycarrot as pc
from carrot_gui.network import DataConfig, DrawnPoints, Layer, NetworkSession, NetworkSpec, generate
from carrot_gui.network.export import export_script
from carrot_gui.network.presets import preset

ROOT = Path(__file__).resolve().parents[2]


def run_export(session: NetworkSession, tmp_path: Path) -> dict[str, np.ndarray]:
    script = tmp_path / "exported.py"
    script.write_text(export_script(session))
    weights = tmp_path / "weights.npz"
    only = tmp_path / "site"  # pycarrot alone on the path: the script cannot lean on carrot_gui
    if not only.exists():
        only.mkdir()
        (only / "pycarrot").symlink_to(ROOT / "pycarrot")
    done = subprocess.run(
        [sys.executable, "-s", str(script), str(weights)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={"PYTHONPATH": str(only), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return pc.load(weights)


def assert_same_weights(session: NetworkSession, state: dict[str, np.ndarray]) -> None:
    expected = session.model.state_dict()
    assert set(state) == set(expected)
    for name, param in expected.items():
        assert np.array_equal(state[name], param.data), name  # bit for bit


def test_script_uses_only_pycarrot_and_numpy():
    text = export_script(NetworkSession(NetworkSpec(), generate(DataConfig())))
    imports = {line.split()[1] for line in text.splitlines() if line.startswith(("import ", "from "))}
    assert imports == {"sys", "numpy", "pycarrot"}
    assert "carrot_gui" not in text


def test_xor_preset_with_a_hand_edited_weight(tmp_path):
    p = preset("XOR")
    s = NetworkSession(p.spec, p.load_data()).run_steps(40)
    s.set_weight(0, 1, 2, -3.25)
    s.run_steps(35)
    s.set_weight(1, 0, 0, 0.5)  # after the last step
    assert_same_weights(s, run_export(s, tmp_path))


def test_digits_fixed_preset(tmp_path):
    p = preset("Digits")
    s = NetworkSession(p.spec, p.load_data()).run_steps(60)
    assert_same_weights(s, run_export(s, tmp_path))


@pytest.mark.parametrize(
    "spec_changes",
    [
        dict(hidden=(Layer(5, "leaky_relu"), Layer(3, "sigmoid")), optimizer="adam", learning_rate=0.02,
             batch_size=0, init="original"),
        dict(features=("x1", "x2", "sin(x1)", "x1*x2"), hidden=(Layer(6, "relu"),), momentum=0.9,
             weight_decay=0.01, init="scaled", batch_size=7, seed=11),
        dict(hidden=(Layer(4, "none"),), loss="mse", output_activation="sigmoid", init="zeros"),
    ],
)  # fmt: skip
def test_drawn_points_and_many_settings(tmp_path, spec_changes):
    pts = DrawnPoints()
    rng = np.random.default_rng(1)
    for _ in range(30):
        x1, x2 = rng.uniform(-3, 3, 2)
        pts.add(x1, x2, int(x1 > x2))
    data = pts.to_data(test_fraction=0.2, seed=3)
    s = NetworkSession(NetworkSpec(**spec_changes), data).run_steps(50)
    assert_same_weights(s, run_export(s, tmp_path))


def test_spiral_and_regression(tmp_path):
    for name, steps in (("Spiral", 30), ("Regression: sin x", 40)):
        p = preset(name)
        s = NetworkSession(p.spec, p.load_data()).run_steps(steps)
        assert_same_weights(s, run_export(s, tmp_path))


def test_weights_saved_and_loaded_mid_run(tmp_path):
    p = preset("XOR")
    donor = NetworkSession(p.spec, p.load_data()).run_steps(200)
    saved = tmp_path / "donor.npz"
    donor.save_weights(saved)
    s = NetworkSession(p.spec, p.load_data()).run_steps(10)
    s.set_weight(0, 0, 0, 9.0)  # replaced by the load at the same step
    s.load_weights(saved)
    assert s.edits == [] and s.accuracy == donor.accuracy
    s.set_weight(0, 0, 1, -2.0)
    s.run_steps(15)
    assert_same_weights(s, run_export(s, tmp_path))
