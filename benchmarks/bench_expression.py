"""How fast pc.parse turns source into a graph (tokenize + parse + build the Carrot nodes).

    python benchmarks/bench_expression.py        # prints a markdown table for the README

Target (parse brief): a 5,000-node expression parses and builds in well under 100 ms.
Medians of 7 runs after a warm-up, with the cycle collector left on (as the app runs it).
"""

from __future__ import annotations

from _common import median_time
from machine import print_machine_speed

import pycarrot as pc
from pycarrot.expression import _tokenize


def median_ms(fn, repeats: int = 7) -> float:
    return median_time(fn, repeats) * 1000


def chain_source(n_statements: int) -> str:
    """x0 = 1.0; x1 = sin(x0) * 1.01; ...: two ops per statement."""
    return "x0 = 1.0\n" + "\n".join(f"x{i} = sin(x{i - 1}) * 1.01" for i in range(1, n_statements + 1))


def sum_of_products(n_terms: int) -> tuple[str, dict[str, float]]:
    """a0*b0 + a1*b1 + ... on one line, the leaves given as keyword values."""
    values = {f"a{i}": float(i) for i in range(n_terms)} | {f"b{i}": 1.0 for i in range(n_terms)}
    return " + ".join(f"a{i}*b{i}" for i in range(n_terms)), values


def literal_leaves(n_terms: int) -> str:
    """a0 = 0.5 ... then one long sum over them: leaves from literals, one statement each."""
    leaves = "\n".join(f"a{i} = {i}.5" for i in range(n_terms))
    return leaves + "\nout = " + " + ".join(f"a{i} * 2" for i in range(n_terms))


def main() -> None:
    print_machine_speed()
    rows = []
    for n in (1_000, 2_500):
        src = chain_source(n)
        nodes = len(pc.topological_order(list(pc.parse(src).values())[-1]))
        rows.append((f"chain `x{{k}} = sin(x{{k-1}}) * 1.01`, {n:,} statements", len(src), nodes,
                     median_ms(lambda src=src: _tokenize(src)), median_ms(lambda src=src: pc.parse(src))))  # fmt: skip
    for n in (500, 2_500):
        src, values = sum_of_products(n)
        nodes = len(pc.topological_order(pc.parse(src, **values)["out"]))
        rows.append((f"one line `a0*b0 + a1*b1 + ...`, {n:,} terms (keyword leaves)", len(src), nodes,
                     median_ms(lambda src=src: _tokenize(src)),
                     median_ms(lambda src=src, values=values: pc.parse(src, **values))))  # fmt: skip
    src = literal_leaves(1_700)
    nodes = len(pc.topological_order(pc.parse(src)["out"]))
    rows.append(("1,700 literal leaves + one 3,400-op sum", len(src), nodes,
                 median_ms(lambda: _tokenize(src)), median_ms(lambda: pc.parse(src))))  # fmt: skip
    src = "x = 0.5\n" + "-" * 100_000 + "x"
    rows.append(("100,000 unary minus in a row", len(src), 100_002, median_ms(lambda: _tokenize(src)),
                 median_ms(lambda: pc.parse(src))))  # fmt: skip

    print("| source | characters | graph nodes | tokenize (ms) | parse + build (ms) |")
    print("|---|---:|---:|---:|---:|")
    for label, chars, nodes, tok, total in rows:
        print(f"| {label} | {chars:,} | {nodes:,} | {tok:.1f} | {total:.1f} |")


if __name__ == "__main__":
    main()
