"""Test helpers: sheets from literal rows, and the shared sample files read by the real reader."""

from __future__ import annotations

import json
from pathlib import Path

from uploads import reading
from uploads.parsing import Sheet

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SAMPLES = SHARED / "samples"
CASES = SHARED / "cases"


def sheet(columns: list[str], *rows: list[str], first_row: int = 2, **extra) -> Sheet:
    """A Sheet from literal rows, numbered from `first_row` (extra: any other Sheet field)."""
    return Sheet(columns=list(columns), rows=[list(r) for r in rows],
                 row_numbers=list(range(first_row, first_row + len(rows))), **extra)


def read_sample(path: Path) -> Sheet:
    """A shared sample or case file as the UI and CLI read it (reading.read_file: the workbook sheet holding the
    answers, object cells as columns), with no option set: the sheet alone (QA round 62a: parse_file alone read a
    workbook's Summary sheet placed before its Ratings)."""
    return reading.read_file(path, path.name, reading.ReadOptions())[0]


def expected(name: str) -> dict:
    """The expected-results JSON of a sample file (shared/samples/expected/<name>.json)."""
    return json.loads((SAMPLES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
