"""Qt-free tests of the Training lab's data, history buffers, smoothing and MSE surface."""

import os

import numpy as np
import pytest

from carrot_gui.training.data import (
    DataError,
    load_csv_dataset,
    make_synthetic,
    parse_slopes,
    read_csv,
    standardise,
)
from carrot_gui.training.history import GrowBuffer, IncrementalEma, PeakEnvelope, ema, robust_range
from carrot_gui.training.surface import least_squares, mse_grid, surface_around


def test_synthetic_is_reproducible_and_follows_the_line():
    a = make_synthetic(500, [2.0, -1.0], 0.5, noise=0.0, seed=3)
    b = make_synthetic(500, [2.0, -1.0], 0.5, noise=0.0, seed=3)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert a.x.shape == (500, 2) and a.y.shape == (500, 1)
    np.testing.assert_allclose(a.y[:, 0], a.x @ [2.0, -1.0] + 0.5)
    assert not np.array_equal(a.x, make_synthetic(500, [2.0, -1.0], 0.5, seed=4).x)


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"n_samples": 1}, "samples"),
        ({"weights": [1, 2], "n_features": 3}, "slopes"),
        ({"noise": -1.0}, "noise"),
        ({"bias": float("nan")}, "finite"),
    ],
)
def test_synthetic_rejects_bad_settings(kwargs, words):
    with pytest.raises(DataError, match=words):
        make_synthetic(**kwargs)


def test_parse_slopes():
    assert parse_slopes("2, -1.5  3") == [2.0, -1.5, 3.0]
    with pytest.raises(DataError, match="not a number"):
        parse_slopes("2, x")
    with pytest.raises(DataError, match="at least one"):
        parse_slopes("  ")


def test_standardise_gives_mean_zero_spread_one_and_keeps_the_same_line():
    d = make_synthetic(300, [3.0, 0.5], 2.0, noise=0.0, seed=1)
    s = standardise(d)
    np.testing.assert_allclose(s.x.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(s.x.std(axis=0), 1, atol=1e-12)
    # the true parameters are re-expressed so the same targets come out
    np.testing.assert_allclose(s.x @ s.true_weight + s.true_bias, d.y[:, 0])
    assert "standardised" in s.describe()


def test_csv_with_header_semicolons_and_column_choice(tmp_path):
    p = tmp_path / "houses.csv"
    p.write_text("size;rooms;price\n50;2;100\n80;3;160\n120;4;240\n")
    table = read_csv(p)
    assert table.has_header and table.columns == ("size", "rooms", "price")
    data = table.to_dataset("price", ["size"])
    assert data.feature_names == ("size",) and data.target_name == "price"
    np.testing.assert_array_equal(data.x[:, 0], [50, 80, 120])
    np.testing.assert_array_equal(data.y[:, 0], [100, 160, 240])
    both = load_csv_dataset(p)  # last column is the target by default
    assert both.feature_names == ("size", "rooms")


def test_csv_without_header(tmp_path):
    p = tmp_path / "plain.csv"
    p.write_text("1,2\n2,4\n3,6\n")
    table = read_csv(p)
    assert not table.has_header and table.columns == ("column 1", "column 2")
    assert table.to_dataset(1, [0]).n_samples == 3


@pytest.mark.parametrize(
    "text, words",
    [
        ("a,b\n1,2\n3,oops\n", "line 3, column 'b': 'oops' is not a number"),
        ("a,b\n1,2\n3\n", "row 3 has 1 cells"),
        ("", "empty"),
        ("a\n1\n2\n", "only one column"),
        ("a,b\n1,2\n", "at least 2"),
        ("a,b\n1,inf\n2,3\n", "not a finite number"),
        ("a;b\n1,5;2\n2;3\n", "'1,5' is not a number (a decimal comma"),
    ],
)
def test_bad_csv_gives_a_clear_message(tmp_path, text, words):
    p = tmp_path / "bad.csv"
    p.write_text(text)
    with pytest.raises(DataError, match=words.replace("(", r"\(")):
        load_csv_dataset(p)


def test_csv_wrong_columns_and_unreadable_files(tmp_path):
    p = tmp_path / "ok.csv"
    p.write_text("a,b,c\n1,2,3\n4,5,6\n")
    table = read_csv(p)
    with pytest.raises(DataError, match="'z' is not in the file"):
        table.to_dataset("z", ["a"])
    with pytest.raises(DataError, match="both the target and a feature"):
        table.to_dataset("a", ["a", "b"])
    with pytest.raises(DataError, match="at least one feature"):
        table.to_dataset("a", [])
    with pytest.raises(DataError, match="cannot open"):
        read_csv(tmp_path / "missing.csv")
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(DataError, match="(not a UTF-8|binary)"):
        read_csv(binary)


def test_grow_buffer_doubles_and_keeps_rows():
    b = GrowBuffer(width=2, capacity=4)
    for i in range(10):
        b.append([i, -i])
    assert len(b) == 10 and b.capacity == 16
    b.extend(np.ones((7, 2)))
    assert b.view().shape == (17, 2)
    np.testing.assert_array_equal(b.view()[:10, 0], np.arange(10))


def _ema_loop(values, w):
    out, s, k = [], 0.0, 0
    for v in values:
        if np.isfinite(v):
            s = w * s + (1 - w) * v
            k += 1
        out.append(s / (1 - w**k) if k else np.nan)
    return np.array(out)


@pytest.mark.parametrize("w", [0.0, 0.3, 0.9, 0.999])
def test_ema_is_bias_corrected_and_matches_the_loop(w):
    rng = np.random.default_rng(0)
    v = rng.uniform(0.5, 5.0, 20_000)
    v[123] = np.nan
    got = ema(v, w)
    np.testing.assert_allclose(got, _ema_loop(v, w) if w else v, rtol=1e-9, equal_nan=True)
    assert got[0] == pytest.approx(
        v[0], rel=1e-12
    )  # bias correction: the first smoothed value is the first value, not (1-w)·v0
    inc = IncrementalEma(w)
    for start in range(0, v.size, 997):
        inc.update(v[: start + 997])
    np.testing.assert_allclose(inc.view(), got, rtol=1e-9, equal_nan=True)
    with pytest.raises(ValueError):
        ema(v, 1.0)


def test_robust_range_ignores_outliers_and_handles_log():
    v = np.r_[1e6, np.linspace(1, 2, 1000)]
    lo, hi = robust_range(v)
    assert hi > 1e5
    lo, hi = robust_range(v, ignore_outliers=True)
    assert hi < 3
    lo, hi = robust_range(v, log=True)
    assert 5 < hi < 7
    assert robust_range(np.array([np.nan])) is None


def test_mse_surface_matches_direct_evaluation():
    d = make_synthetic(50, 1.5, -0.5, 0.3, seed=2)
    ws, bs = np.linspace(-1, 3, 7), np.linspace(-2, 1, 5)
    grid = mse_grid(d.x, d.y, ws, bs)
    direct = np.array([[np.mean((d.x[:, 0] * w + b - d.y[:, 0]) ** 2) for b in bs] for w in ws])
    np.testing.assert_allclose(grid, direct, rtol=1e-10)
    w0, b0 = least_squares(d.x, d.y)
    np.testing.assert_allclose([w0, b0], np.polyfit(d.x[:, 0], d.y[:, 0], 1), rtol=1e-10)
    s = surface_around(d.x, d.y, [(10.0, 0.0)])
    assert s.weights[0] < w0 < s.weights[-1] and s.weights[-1] > 10  # holds the given point
    assert s.loss.min() >= s.best_loss - 1e-9
    with pytest.raises(ValueError, match="one feature"):
        surface_around(np.ones((5, 2)), np.ones((5, 1)))


def test_peak_envelope_matches_a_from_scratch_min_max_per_bin():
    rng = np.random.default_rng(1)
    series = np.cumsum(rng.standard_normal(50_000))
    env = PeakEnvelope(max_bins=256)
    n = 0
    while n < series.size:
        n = min(series.size, n + int(rng.integers(1, 3000)))
        env.update(series[:n])
        b = env.bin
        assert -(-n // b) <= 256
        x, y = env.xy()
        k = -(-n // b)
        padded = np.full(k * b, np.nan)
        padded[:n] = series[:n]
        blocks = padded.reshape(k, b)
        if b == 1:
            np.testing.assert_array_equal(y, series[:n])
        else:
            np.testing.assert_array_equal(y[0::2], np.nanmin(blocks, axis=1))
            np.testing.assert_array_equal(y[1::2], np.nanmax(blocks, axis=1))
            np.testing.assert_array_equal(x[0::2], np.arange(k) * b)
    env.update(series[:10])  # a new, shorter run starts over
    assert env.bin == 1 and env.n == 10


def test_shipped_examples_are_found_in_a_checkout_and_load():
    from carrot_gui.training.data import KNOWN_EXAMPLES, find_examples

    examples = find_examples()
    names = [os.path.basename(e.path) for e in examples]
    assert names[: len(KNOWN_EXAMPLES)] == list(KNOWN_EXAMPLES)
    assert all(e.title and e.hint for e in examples[: len(KNOWN_EXAMPLES)])
    study, houses, spring = (load_csv_dataset(e.path) for e in examples[:3])
    assert study.feature_names == ("hours_studied",) and study.target_name == "exam_score"
    assert study.n_samples == 40
    assert houses.feature_names == ("size_m2", "rooms", "age_years") and houses.n_samples == 120
    assert not read_csv(examples[2].path).has_header and spring.feature_names == ("column 1",)


def test_examples_come_from_the_first_folder_with_csv_files(tmp_path, monkeypatch):
    from carrot_gui.training.data import EXAMPLES_ENV, example_dirs, find_examples

    monkeypatch.delenv(EXAMPLES_ENV, raising=False)
    empty, mine = tmp_path / "empty", tmp_path / "mine"
    empty.mkdir()
    mine.mkdir()
    (mine / "my_own_data.csv").write_text("a,b\n1,2\n3,4\n")
    (mine / "notes.txt").write_text("not a dataset")
    found = find_examples([tmp_path / "missing", empty, mine])
    assert [(os.path.basename(e.path), e.title) for e in found] == [("my_own_data.csv", "my own data")]
    assert find_examples([empty]) == []
    # without the variable: the package's own folder, which holds the shipped examples
    dirs = example_dirs()
    assert [d.parts[-2:] for d in dirs] == [("resources", "datasets")]
    assert {"study_hours.csv", "houses.csv", "spring_no_header.csv"} <= {
        p.name for p in dirs[0].glob("*.csv")
    }
    monkeypatch.setenv(EXAMPLES_ENV, str(mine))
    assert example_dirs()[0] == mine
    assert [os.path.basename(e.path) for e in find_examples()] == ["my_own_data.csv"]


def test_numeric_columns_tell_text_columns_apart(tmp_path):
    p = tmp_path / "mixed.csv"
    p.write_text("id,when,x,y\n1,2024-01-01,0.5,1\n2,2024-01-02,1e3,-2\n3,2024-01-03,1.5,oops\n")
    assert read_csv(p).numeric_columns() == (True, False, True, True)  # a typo does not make y text


def test_clipping_keeps_what_is_drawn_near_the_view_and_its_directions_true():
    from carrot_gui.training.surface import clip_line, clip_polyline

    box = (-10.0, 10.0, -10.0, 10.0)
    np.testing.assert_array_equal(clip_polyline([[0, 0], [1, 1]], box), [[0, 0], [1, 1]])
    # a step to 1e150 is cut at the box's edge, in the same direction
    np.testing.assert_allclose(clip_polyline([[0, 0], [1e150, 2e150]], box), [[0, 0], [5, 10]])
    # out and back in: a NaN break between the pieces (drawn with connect="finite")
    out = clip_polyline([[0, 0], [100, 0], [0, 5]], box)
    assert np.isnan(out[2]).all() and out[1].tolist() == [10, 0] and out[-1].tolist() == [0, 5]
    assert clip_polyline([[20, 20], [30, 30]], box).shape == (0, 2)
    # both ends far out: whatever rounding does, nothing lands outside the box
    far = clip_polyline([[1e150, 1e150], [-1e150, -1.00001e150], [3e149, -2e150]], box)
    finite = far[np.isfinite(far[:, 0])]
    assert np.all(np.abs(finite) <= 10 + 1e-5)
    # a line as steep as a diverged model's is still drawn where it crosses the view, exactly
    np.testing.assert_array_equal(clip_line(2.0, 1.0, (-3, 3), (-100, 100)), [[-3, -5], [3, 7]])
    steep = clip_line(1e200, 3e199, (-3, 3), (-1000, 1000))
    np.testing.assert_allclose(steep, [[-0.3, -1000], [-0.3, 1000]])
    assert clip_line(1e200, 3e210, (-3, 3), (-1000, 1000)).shape == (0, 2)
    assert clip_line(float("inf"), 0.0, (-3, 3), (-1, 1)).shape == (0, 2)


# ---------------------------------------------------------------------------------------------------------
# Hostile CSV files and data (issue 12): bounded time and memory, messages that point at the file's line
# ---------------------------------------------------------------------------------------------------------


def test_200000_columns_are_refused_as_features_in_bounded_time(bounded, tmp_path):
    # each feature was looked up with columns.index: 200,000 columns took over 600 s
    path = tmp_path / "wide.csv"
    n = 200_000
    path.write_text(",".join(f"c{i}" for i in range(n)) + "\n" + ("1," * (n - 1) + "1\n") * 2)
    result = bounded(
        f"""
        from carrot_gui.training import data
        out = {{}}
        def everything():
            table = data.read_csv({str(path)!r})
            out["numeric"] = sum(table.numeric_columns())
            try:
                table.to_dataset("c0", list(table.columns[1:]))
            except data.DataError as exc:
                out["chosen"] = str(exc)
            try:
                data.load_csv_dataset({str(path)!r})
            except data.DataError as exc:
                out["default"] = str(exc)
            out["one"] = table.to_dataset("c199999", ["c5", 7]).feature_names
        out["seconds"] = measure(everything)
        result = out
        """,
        cpu_seconds=30,
    )
    assert result["numeric"] == n
    assert "at most 64 feature columns (199,999 chosen)" in result["chosen"]
    assert "at most 64 feature columns" in result["default"]
    assert result["one"] == ["c5", "c7"]
    assert result["seconds"] < 10, result


@pytest.mark.parametrize("repeats", [6_800, 20_000])
def test_a_crafted_first_line_does_not_stall_delimiter_detection(bounded, tmp_path, repeats):
    # csv.Sniffer took 20 s on 60 KB of ;"a (and grows fast); the delimiter is found from a bounded sample
    path = tmp_path / "sniff.csv"
    path.write_text(';"a' * repeats + "\n1;2\n3;4\n")
    result = bounded(
        f"""
        from carrot_gui.training import data
        out = []
        def read():
            try:
                data.read_csv({str(path)!r})
                out.append("read")
            except data.DataError as exc:
                out.append(str(exc))
        result = [measure(read), out[0]]
        """,
        cpu_seconds=15,
    )
    seconds, outcome = result
    assert seconds < 1.0, result
    assert "sniff.csv" in outcome


def test_reading_stops_at_the_row_limit(tmp_path, monkeypatch):
    # the limit was checked after parsing everything (5,000,001 rows: 6.8 s, 790 MB)
    import tracemalloc

    from carrot_gui.training import data

    monkeypatch.setattr(data, "MAX_SAMPLES", 10_000)
    path = tmp_path / "long.csv"
    path.write_text("a,b\n" + "1,2\n" * 200_000)
    tracemalloc.start()
    try:
        with pytest.raises(DataError, match="more than 10,000 data rows"):
            read_csv(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000, peak  # the text (0.8 MB, twice) and 10,000 rows; all 200,000 took ~30 MB
    path.write_text("a,b\n" + "1,2\n" * 10_000)
    assert read_csv(path).to_dataset("b", ["a"]).n_samples == 10_000


@pytest.mark.parametrize(
    "text, line",
    [
        ("a,b\n1,2\n\n3,x\n", 4),  # a blank line
        ('a,b\n"1\n",2\n3,x\n', 4),  # a quoted new line inside a cell
        ("\n\na,b\n1,2\n\n\n3,4\n5,x\n", 8),
        ("1,2\n\n3,x\n", 3),  # no header
    ],
)
def test_a_bad_cell_is_reported_on_the_files_own_line(tmp_path, text, line):
    path = tmp_path / "lines.csv"
    path.write_text(text)
    with pytest.raises(
        DataError, match=f"lines.csv, line {line}, column '(b|column 2)': 'x' is not a number"
    ):
        load_csv_dataset(path)


@pytest.mark.parametrize(
    "name, text, message",
    [
        (
            "short",
            "a,b\n\n1,2\n\n3\n",
            r"short.csv, line 5: row 3 has 1 cells but the first row \(line 1\) has 2",
        ),
        (
            "dup",
            "x,y,z,y\n1,2,3,4\n5,6,7,8\n",
            "two columns with the same name: 'y' is column 2 and column 4",
        ),
    ],
    ids=["a short row is reported on its line", "duplicate header names say which columns"],
)
def test_a_badly_shaped_table_is_refused_saying_where(tmp_path, name, text, message):
    path = tmp_path / f"{name}.csv"
    path.write_text(text)
    with pytest.raises(DataError, match=message):
        read_csv(path)


def test_the_size_limit_is_said_in_mebibytes(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing is written
    with pytest.raises(DataError, match=r"huge.csv is 50.0 MiB; the lab reads CSV files up to 50 MiB"):
        read_csv(path)


def test_a_fifo_or_folder_is_refused_at_once(bounded, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = bounded(
        f"""
        from carrot_gui.training import data
        try:
            data.read_csv({str(fifo)!r})
            result = "read"
        except data.DataError as exc:
            result = str(exc)
        """,
        wall_seconds=30,
    )
    assert "pipe.csv is not a regular file" in result, result
    with pytest.raises(DataError, match="is not a regular file"):
        read_csv(tmp_path)


def test_decimal_commas_keep_their_hint_through_the_default_column_choice(tmp_path):
    # Open CSV preselects the numeric columns; a column written with decimal commas is one, so "Use these
    # columns" reports the comma instead of "choose at least one feature column"
    path = tmp_path / "euro.csv"
    path.write_text("size;rooms;price\n50,5;2;100,5\n80,25;3;160\n120;4;240\n")
    table = read_csv(path)
    numeric = table.numeric_columns()
    assert numeric == (True, True, True)
    target = max(i for i, ok in enumerate(numeric) if ok)
    features = [c for i, c in enumerate(table.columns) if numeric[i] and i != target]
    with pytest.raises(DataError, match=r"line 2, column 'price': '100,5' is not a number \(a decimal comma"):
        table.to_dataset(target, features)


def test_synthetic_data_with_infinite_targets_is_refused_where_it_is_made():
    # a true slope of 1e308 gave infinite targets; every training step then raised inside the surface plot
    with pytest.raises(DataError, match="overflow to infinity"):
        make_synthetic(weights=1e308)
    with pytest.raises(DataError, match="overflow to infinity"):
        make_synthetic(weights=[1.0, 1e308], bias=1e308)
    with pytest.raises(
        DataError, match="as large as 2.98e\\+200: their squares, which the loss adds up, overflow"
    ):
        make_synthetic(weights=1e200)  # finite targets whose squares (the loss) are not
    assert np.isfinite(make_synthetic(weights=1e100).y).all()  # large but usable is data


def test_csv_values_whose_squares_overflow_are_refused(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("x,y\n1,2\n2,3e200\n3,4\n")
    with pytest.raises(DataError, match="the chosen columns hold values as large as 3e\\+200"):
        load_csv_dataset(path)
