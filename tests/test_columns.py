"""columns.approve: every row it approves gets exactly the RowResult the row checker gives.

Each file (shared samples and cases, the vendor fixtures in tests/files) and a
generated mix of good and bad values is checked twice, with the column stage on
and with it off, and the two results must be equal row for row.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers_sheets import CASES, SAMPLES, read_sample, sheet
from uploads import columns, mapping, reading, validation

pytestmark = pytest.mark.django_db  # the reader looks up saved presets (reading.read_file)

NOW = datetime(2026, 11, 25, tzinfo=UTC)
FILES = Path(__file__).resolve().parent / "files"
READABLE = sorted([*SAMPLES.glob("*.*"), *CASES.glob("B*.*"), *FILES.glob("*.*")], key=lambda p: p.name)


def _both_ways(data, preset, monkeypatch, time_zone: str = "UTC") -> tuple[list[dict], list[dict], int]:
    """(results with the column stage, results without it, rows the column stage approved)."""
    approved = columns.approve
    counted = []

    def counting(plan, rows):
        out = approved(plan, rows)
        counted.append(sum(row is not None for row in out or []))
        return out

    monkeypatch.setattr(columns, "approve", counting)
    fast = validation.check_sheet(data, preset, time_zone=time_zone, now=NOW)
    monkeypatch.setattr(columns, "approve", lambda plan, rows: None)
    slow = validation.check_sheet(data, preset, time_zone=time_zone, now=NOW)
    for result in (fast, slow):
        validation.mark_duplicates(result.rows)
    return [row.to_json() for row in fast.rows], [row.to_json() for row in slow.rows], counted[0]


@pytest.mark.parametrize("path", [p for p in READABLE if p.suffix in {".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods"}],
                         ids=lambda p: p.name)
def test_files_give_the_same_rows_with_and_without_the_column_stage(path, monkeypatch):
    try:
        data = read_sample(path)
    except reading.IntakeError:
        pytest.skip("a file the reader refuses (tested in test_parsing)")
    preset, _ = mapping.choose_preset(data, mapping.builtin_presets())
    fast, slow, _approved = _both_ways(data, preset, monkeypatch, "America/New_York")
    assert fast == slow


def test_the_plain_samples_are_approved_by_columns(monkeypatch):
    data = read_sample(SAMPLES / "basic_api_fields.csv")
    preset, _ = mapping.choose_preset(data, mapping.builtin_presets())
    fast, slow, approved = _both_ways(data, preset, monkeypatch)
    assert fast == slow
    assert approved == sum(row["status"] in ("valid", "duplicate") and not row["warnings"] for row in slow) > 200


POOLS = {
    "submitted_at": ["2026-10-05T14:48:00Z", "2026-10-05 14:48:00", "2026-10-05T14:48:00.123+02:00", "", "  ",
                     "not a date", "2031-01-01T00:00:00Z", "1999-12-31T00:00:00Z", "2026-03-08 02:30:00",
                     "2026-11-01 01:30:00", "1759675680", "2026-10-05T14:48:00Z\u200b", "2026-02-30 10:00:00",
                     "10/05/2026 14:48", "46000"],
    "ticket_id": ["123", "00123", " 456 ", "922250816601", "9.22251E+11", "123.0", "ABC-1", "", "nan", "NA",
                  "12\u200b3", "#789", "１２３", "12 34"],
    "agent_id": ["", "3812345670001", "Jane Doe", "agent-7", " 42 ", "None", "4\u00ad2", "#REF!"],
    "agent_email": ["", "a@example.com", " b@example.com ", "not-an-email", "c@example", "d@exa mple.com",
                    "e@example.com\u200b"],
    "score": ["1", "5", "0", "6", "7", "-99", "4.0", "+3", "", "five", "3.5", " 2 ", "٣", "4/5", "8/10", "★★★★☆",
              "5 - Very satisfied", "1 - Very satisfied", "4 stars"],
    "comment": ["", "fine", "  padded  ", "=SUM(A1)", "x" * 5001, "line\nbreak", "bad \x85 char", "zw\u200bsp",
                "emoji \u200d ok", "\ufffd", "<script>alert(1)</script>", "#N/A", "#1 support"],
    "score_label": ["", "Good", "5", "Very satisfied", "=1", "\x9f"],
}


@pytest.mark.parametrize("seed", range(6))
def test_a_generated_mix_gives_the_same_rows(seed, monkeypatch):
    pick = random.Random(seed)
    names = list(POOLS)
    rows = [[pick.choice(POOLS[name]) if pick.random() < 0.5 else POOLS[name][0 if name != "agent_id" else 1]
             for name in names] for _ in range(400)]
    rows += [list(rows[3]), ["", "", "", "", "", "", ""]]
    data = sheet(names, *rows)
    preset, _ = mapping.choose_preset(data, mapping.builtin_presets())
    fast, slow, approved = _both_ways(data, preset, monkeypatch, "America/New_York")
    assert fast == slow
    assert 0 < approved < len(rows)


def test_reader_notes_and_rules_send_rows_to_the_row_checker(monkeypatch):
    data = sheet(["submitted_at", "ticket_id", "agent_id", "score"],
                 ["2026-10-05T14:48:00Z", "12345678901234567", "7", "5"],
                 ["2026-10-05T14:48:00Z", "2", "7", "5"],
                 cell_notes={(0, 1): "the cell was a number"})
    preset, _ = mapping.choose_preset(data, mapping.builtin_presets())
    fast, slow, approved = _both_ways(data, preset, monkeypatch)
    assert fast == slow
    assert approved == 1
    assert [w["code"] for w in fast[0]["warnings"]] == ["long_id"]
