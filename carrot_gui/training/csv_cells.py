"""What a CSV file's cells and first lines look like to the Training lab: numbers, decimal commas (``1,5``)
and the delimiter. Qt-free; :mod:`.data` reads files with these.
"""

from __future__ import annotations

import csv

from ..i18n import translate

SNIFF_LINES, SNIFF_BYTES = 20, 64 * 1024  # what the delimiter is detected from


def comma_hint(cell: str) -> str:
    """What to say about ``1,5``: a decimal comma from a European spreadsheet."""
    if is_number(cell.replace(",", ".", 1)):
        return translate("TrainingData", " (a decimal comma? write 1.5, not 1,5)")
    return ""


def looks_numeric(cell: str) -> bool:
    return is_number(cell) or bool(comma_hint(cell))


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def detect_delimiter(sample: str) -> str:
    """Tab, semicolon or comma: the first that splits the first rows into the same number (≥ 2) of cells.

    Reads at most 20 lines and 64 KiB, each parse linear (``csv.Sniffer`` took 20 s on a crafted 60 KB
    line). Semicolon before comma: a file that uses ';' between cells usually writes decimal commas.
    """
    if len(sample) > SNIFF_BYTES and "\n" in sample:  # a longer file: drop the cut last line
        sample = sample[: sample.rindex("\n")]
    lines = sample.splitlines()[:SNIFF_LINES]
    best, best_score = ",", 0
    for delimiter in ("\t", ";", ","):
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        score = sum(w == widths[0] for w in widths)
        if score == len(widths):
            return delimiter
        if score > best_score:
            best, best_score = delimiter, score
    return best
