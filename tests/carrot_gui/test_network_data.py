"""The Network lab's datasets: generated sets reproducible by seed, drawn points, CSV, the shipped digits."""

import gzip
from dataclasses import replace

import numpy as np
import pytest

from carrot_gui.network.datasets import (
    GENERATED,
    PLANE,
    DataConfig,
    DrawnPoints,
    digits_path,
    from_csv_table,
    generate,
    load_digits,
)
from carrot_gui.training.data import DataError, read_csv


@pytest.mark.parametrize("kind", list(GENERATED))
def test_every_generated_set_is_reproducible_and_split(kind):
    cfg = DataConfig(kind, samples=120, noise=0.1, test_fraction=0.25, seed=3)
    a, b = generate(cfg), generate(cfg)
    assert np.array_equal(a.x_train, b.x_train) and np.array_equal(a.y_test, b.y_test)
    assert a.n_train == 90 and a.n_test == 30
    assert a.classes == GENERATED[kind][3]
    if a.classes:
        assert set(np.unique(np.concatenate([a.y_train, a.y_test]))) == set(range(a.classes))
    assert np.all(np.abs(a.x_train) < PLANE + 1)
    other = generate(replace(cfg, seed=4))
    assert not np.array_equal(a.x_train, other.x_train)


def test_xor_and_spiral_labels_follow_their_rule():
    d = generate(DataConfig("xor", samples=400, noise=0.0))
    assert np.array_equal(d.y_train, (d.x_train[:, 0] * d.x_train[:, 1] > 0).astype(int))
    s = generate(DataConfig("spiral", samples=300, noise=0.0))
    assert s.classes == 3 and s.x_train.shape[1] == 2


def test_noise_moves_the_points():
    quiet = generate(DataConfig("circles", samples=200, noise=0.0))
    r = np.hypot(*quiet.x_train.T)
    assert np.all((r <= 1.5) | (r >= 2.2))
    noisy = generate(DataConfig("circles", samples=200, noise=1.0))
    r = np.hypot(*noisy.x_train.T)
    assert np.any((r > 1.6) & (r < 2.1))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"kind": "mnist"}, "unknown kind"),
        ({"samples": 5}, "samples"),
        ({"samples": 10**6}, "samples"),
        ({"noise": -1}, "noise"),
        ({"test_fraction": 1.0}, "test share"),
        ({"seed": -1}, "seed"),
    ],
)
def test_bad_data_settings_are_refused(change, words):
    with pytest.raises(DataError, match=words):
        generate(replace(DataConfig(), **change))


def test_drawing_and_removing_points_changes_the_dataset():
    pts = DrawnPoints()
    seen = []
    pts.changed.connect(lambda: seen.append(len(pts)))
    with pytest.raises(DataError, match="two different classes"):
        pts.to_data()
    pts.add(-1.0, -1.0, 0)
    pts.add(1.0, 1.0, 1)
    pts.add(1.2, 0.8, 1)
    d = pts.to_data()
    assert d.n_train == 3 and d.classes == 2 and sorted(d.y_train.tolist()) == [0, 1, 1]
    assert pts.remove_nearest(1.15, 0.85) == 2
    assert pts.remove_nearest(3.0, -3.0) is None  # nothing near: nothing removed
    assert pts.to_data().n_train == 2
    pts.add(0.0, 2.0, 2)
    assert pts.to_data().classes == 3
    assert seen == [1, 2, 3, 2, 3]
    with pytest.raises(DataError, match="inside the plane"):
        pts.add(9.0, 0.0, 0)
    with pytest.raises(DataError, match="class to draw"):
        pts.add(0.0, 0.0, 5)
    assert len(pts) == 3


def test_csv_with_any_number_of_columns(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 3))
    y = (x[:, 0] + x[:, 2] > 0).astype(int)
    path = tmp_path / "three.csv"
    path.write_text("a,b,c,label\n" + "".join(f"{r[0]},{r[1]},{r[2]},{t}\n" for r, t in zip(x, y)))
    table = read_csv(path)
    d = from_csv_table(table, "label", ["a", "b", "c"], test_fraction=0.25)
    assert d.inputs == 3 and d.classes == 2 and d.n_test == 15 and d.extent is None
    assert d.class_names == ("0", "1")
    two = from_csv_table(table, "label", ["a", "b"])
    assert two.extent is not None and two.extent[0] < two.x_train[:, 0].min()
    reg = from_csv_table(table, "c", ["a"], classify=False)
    assert reg.classes == 0 and reg.y_train.shape[1] == 1
    with pytest.raises(DataError, match="different values"):
        from_csv_table(table, "c", ["a"], classify=True)


def test_the_shipped_digits():
    d = load_digits(test_fraction=0.2, seed=0)
    assert d.n_train + d.n_test == 1797 and d.n_test == 359
    assert d.inputs == 64 and d.classes == 10 and d.image_shape == (8, 8)
    assert d.x_train.min() == 0.0 and d.x_train.max() == 1.0
    assert np.bincount(np.concatenate([d.y_train, d.y_test])).min() > 170
    licence = (digits_path().parent / "README.md").read_text()
    assert "CC BY 4.0" in licence and "Alpaydin" in licence


def test_bad_digits_files_are_refused(tmp_path):
    bad = tmp_path / "digits.csv.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(DataError, match="cannot read"):
        load_digits(path=bad)
    short = tmp_path / "short.csv.gz"
    short.write_bytes(gzip.compress(b"1,2,3\n" * 20))
    with pytest.raises(DataError, match="65 columns"):
        load_digits(path=short)
    wrong = tmp_path / "wrong.csv.gz"
    wrong.write_bytes(gzip.compress((",".join(["99"] * 65) + "\n").encode() * 20))
    with pytest.raises(DataError, match="0–16"):
        load_digits(path=wrong)
