"""Every shared sample file against its expected/*.json, for every time-zone variant listed.

The path is the one the UI and CLI use: read the file, choose_preset over the
built-in presets, check_sheet, mark_duplicates. No per-file mapping.
Variants: "UTC"/"America/New_York" mean the uploader picked that zone. For the
Qualtrics file, whose row 3 declares America/Los_Angeles, "declared" is the
real result (checked under both uploader zones: the declared zone wins), and
"UTC"/"America/New_York" show what a tool ignoring the declaration would send,
so there the declaration is removed from the sheet first.
Also the shared cases B01, B02, B03, B04 and B16 (shared/cases/README.md).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from tests.helpers_sheets import CASES, SAMPLES, expected, read_sample
from uploads import mapping, validation

pytestmark = pytest.mark.django_db  # the reader looks up saved presets (reading.read_file)

NOW = datetime(2026, 11, 25, tzinfo=UTC)  # after every sample date, long before 2099
ITEM_KEYS = ["submitted_at", "ticket_id", "agent_id", "agent_email", "score", "comment", "score_label",
             "min_score", "max_score", "clarifying_answers"]
# expected warning text -> the Problem.code that means the same
WARNING_CODES = [("ambiguous", "ambiguous_time"), ("not purely numeric", "not_numeric"),
                 ("partial response", "rule"), ("15 significant digits", "long_id"),
                 ("no time part", "midnight"), ("dropped", "email_dropped"), ("starts with '='", "formula_like"),
                 (r"\d+ characters", "long_text")]


def _variants() -> list[tuple[str, str]]:
    out = []
    for path in sorted((SAMPLES / "expected").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        names = list(data["variants"]) if "variants" in data else [data["time_zone"]]
        out += [(data["file"], name) for name in names]
    return out


def _check(filename: str, time_zone: str, *, drop_declared: bool = False) -> dict[int, validation.RowResult]:
    sheet = read_sample(SAMPLES / filename)
    if drop_declared:
        sheet.declared_time_zones = {}
    preset, _reason = mapping.choose_preset(sheet, mapping.builtin_presets())
    result = validation.check_sheet(sheet, preset, time_zone=time_zone, now=NOW)
    validation.mark_duplicates(result.rows)
    return {row.row_number: row for row in result.rows}


def _expected_rows(data: dict, variant: str) -> dict[int, dict]:
    """row number -> {"outcome", "item", "fields", "warnings", "reason"} in one shape for both formats."""
    if "rows" in data:
        return {r["row"]: {"outcome": r["outcome"], "item": r.get("item"), "warnings": [], "reason": None,
                           "fields": {r["field"]} if r["outcome"] == "invalid" else set()} for r in data["rows"]}
    found = data["variants"][variant]
    out = {}
    for outcome in ("valid", "invalid", "skipped", "duplicate"):
        for r in found[outcome]:
            out[r["row"]] = {"outcome": outcome, "item": r.get("item"), "warnings": r.get("warnings", []),
                             "reason": r.get("reason"), "fields": {e["field"] for e in r.get("errors", [])}}
    return out


def _warning_codes(texts: list[str]) -> set[str]:
    return {code for text in texts for key, code in WARNING_CODES if re.search(key, text)}


def _runs(data: dict, variant: str) -> list[tuple[str, bool]]:
    """(uploader zone, drop the file's declared zone) pairs that must give this variant."""
    if variant == "declared":
        return [("UTC", False), ("America/New_York", False)]
    return [(variant, "declared_time_zone" in data)]


@pytest.mark.parametrize(("filename", "variant"), _variants())
def test_it_matches_the_expected_results(filename: str, variant: str) -> None:
    data = expected(filename)
    want = _expected_rows(data, variant)
    for time_zone, drop in _runs(data, variant):
        got = _check(filename, time_zone, drop_declared=drop)
        assert sorted(got) == sorted(want)
        for number, exp in want.items():
            row = got[number]
            assert row.status == exp["outcome"], (number, [e.message for e in row.errors])
            if exp["outcome"] == "valid":
                assert json.dumps(row.item, sort_keys=True) == json.dumps(exp["item"], sort_keys=True), number
            if exp["outcome"] == "invalid":
                assert {e.field for e in row.errors} == exp["fields"], number
            if exp["outcome"] == "skipped":
                assert row.skip_reason == exp["reason"]
            if exp["outcome"] == "duplicate":
                assert f"row {row.duplicate_of}" in exp["reason"]
            if "variants" in data and exp["outcome"] == "valid":
                assert {w.code for w in row.warnings} == _warning_codes(exp["warnings"]), number


def test_it_covers_every_sample_file() -> None:
    files = {path.name for path in SAMPLES.iterdir() if path.suffix in (".csv", ".xlsx", ".tsv", ".xls", ".ods")}
    assert files == {filename for filename, _variant in _variants()}


@pytest.mark.parametrize(("filename", "variant"), _variants())
def test_it_keeps_the_contract_key_order(filename: str, variant: str) -> None:
    got = _check(filename, "UTC" if variant == "declared" else variant)
    for row in got.values():
        if row.item:
            assert list(row.item) == [key for key in ITEM_KEYS if key in row.item]
            assert "min_score" in row.item and "max_score" in row.item


def test_it_names_the_preset_it_chose() -> None:
    sheet = read_sample(SAMPLES / "zendesk_satisfaction_ratings.csv")
    _preset, reason = mapping.choose_preset(sheet, mapping.builtin_presets())
    assert reason == "matched Zendesk satisfaction ratings: columns assignee_id, score, updated_at, ticket_id"


def test_it_states_the_declared_zone() -> None:
    sheet = read_sample(SAMPLES / "qualtrics_csat_numeric_3header.csv")
    preset, _reason = mapping.choose_preset(sheet, mapping.builtin_presets())
    result = validation.check_sheet(sheet, preset, time_zone="UTC", now=NOW)
    assert "'RecordedDate' read in America/Los_Angeles, declared by the file" in result.decisions


def test_it_states_the_day_month_order() -> None:
    sheet = read_sample(SAMPLES / "google_forms_csat.csv")
    preset, _reason = mapping.choose_preset(sheet, mapping.builtin_presets())
    result = validation.check_sheet(sheet, preset, time_zone="UTC", now=NOW)
    assert result.decisions[0] == "'Timestamp' read as month/day/year, because of 10/29/2026 1:22:27 in row 3"


MISSING_MARKERS = {"nan", "NaN", "NaT", "<NA>", "None.0", "nan.0"}


def _strings(rows: dict[int, validation.RowResult]) -> set[str]:
    """Every string value in the items and every problem's cell value."""
    out = set()
    for row in rows.values():
        out |= {value for value in (row.item or {}).values() if isinstance(value, str)}
        out |= {problem.value for problem in row.errors + row.warnings}
    return out


def _case(filename: str) -> dict[int, validation.RowResult]:
    sheet = read_sample(CASES / filename)
    preset, _reason = mapping.choose_preset(sheet, mapping.builtin_presets())
    return {row.row_number: row for row in validation.check_sheet(sheet, preset, time_zone="UTC", now=NOW).rows}


def test_it_keeps_long_ids_as_typed_b01() -> None:
    rows = _case("B01-long-ids.csv")
    assert rows[2].item["ticket_id"] == "922250816601"
    assert rows[2].item["score"] == 5 and isinstance(rows[2].item["score"], int)
    assert [(e.field, e.code, e.value) for e in rows[3].errors] == [("ticket_id", "required", "")]
    assert "ticket_id is required" in rows[3].errors[0].message
    assert rows[4].item["ticket_id"] == "1234567890123456789"
    assert [(e.field, e.code) for e in rows[5].errors] == [("score", "required")]
    assert "score is required" in rows[5].errors[0].message
    assert not _strings(rows) & MISSING_MARKERS


@pytest.mark.parametrize("filename", ["B02-leading-zeros.csv", "B02-leading-zeros.xlsx"])
def test_it_keeps_leading_zeros_b02(filename: str) -> None:
    rows = _case(filename)
    assert [(r.item["ticket_id"], r.item["agent_id"]) for r in rows.values()] == [
        ("000123", "007"), ("0614", "042"), ("10045", "118")]


def test_it_treats_blank_and_na_cells_right_b03() -> None:
    rows = _case("B03-blank-and-na-cells.xlsx")
    assert [(e.field, e.code) for e in rows[3].errors] == [("ticket_id", "required")]
    assert rows[4].item["comment"] == "N/A"
    assert rows[5].item["comment"] == "None"
    assert "comment" not in rows[6].item
    assert rows[7].item["ticket_id"] == "NA" and rows[7].status == "valid"
    assert not _strings(rows) & MISSING_MARKERS


def test_it_reads_excel_serials_b04() -> None:
    rows = _case("B04-excel-serial-dates.xlsx")
    assert [r.item["submitted_at"] for r in rows.values()] == ["2026-03-08T07:30:00.000Z"] * 3
    assert [w.code for w in rows[3].warnings] == ["excel_serial"]


def test_it_sends_formula_like_comments_verbatim_b16() -> None:
    sheet = read_sample(CASES / "B16-formula-comments.csv")
    preset, _reason = mapping.choose_preset(sheet, mapping.builtin_presets())
    result = validation.check_sheet(sheet, preset, time_zone="UTC", now=NOW)
    assert {(r.status, tuple(e.code for e in r.errors)) for r in result.rows} == {("invalid", ("above_max",))}
    fixed = validation.check_row(["T-1501", "A-01", "5", "2026-03-08T07:30:00Z", "=1+1"], 2, sheet.columns,
                                 preset, result.context, time_zone="UTC", now=NOW)
    assert fixed.item["comment"] == "=1+1"
    minus = validation.check_row(["-1507", "A-03", "5", "2026-03-08T07:36:00Z", "x"], 8, sheet.columns,
                                 preset, result.context, time_zone="UTC", now=NOW)
    assert minus.item["ticket_id"] == "-1507"


@pytest.mark.parametrize(("filename", "variant"), _variants())
def test_it_gives_the_same_result_row_by_row(filename: str, variant: str) -> None:
    time_zone = "UTC" if variant == "declared" else variant
    sheet = read_sample(SAMPLES / filename)
    preset, _reason = mapping.choose_preset(sheet, mapping.builtin_presets())
    whole = validation.check_sheet(sheet, preset, time_zone=time_zone, now=NOW)
    for cells, number, row in zip(sheet.rows, sheet.row_numbers, whole.rows, strict=True):
        again = validation.check_row(cells, number, sheet.columns, mapping.Preset.from_json(preset.to_json()),
                                     json.loads(json.dumps(whole.context)), time_zone=time_zone, now=NOW)
        assert again.to_json() == row.to_json()
