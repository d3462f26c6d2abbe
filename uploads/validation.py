"""Row rules: a sheet of text cells + a preset -> one checked result per row.

`check_sheet` resolves the preset against the sheet, makes the per-column
decisions once (date order, time zone, whether ticket ids are numeric) and
keeps them in `CheckResult.context` (JSON) so that `check_row` gives the same
result for one edited row later. `mark_duplicates` then marks rows whose item
repeats an earlier valid row (the API has no idempotency key:
shared/api/CONTRACT.md "What the API does not give").

No Django here: results are plain dataclasses with to_json/from_json.
The cell rules live in `cells`, the timestamp rules in `dates`, the score's
scale in `scales`, and the per-row assembly of an API item in `items`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from uploads import (
    columns,
    dateorder,
    dates,
    idcells,
    items,
    mapping,
    parsing,
    rowresults,
    rowskips,
    scales,
    timesofday,
    zones,
)
from uploads.headernames import TICKET_TIME
from uploads.headers import normalize
from uploads.plan import Plan
from uploads.preset_format import FIELDS
from uploads.rowresults import Problem, RowResult
from uploads.wordings import SCALES

__all__ = ["CheckResult", "Problem", "RowResult", "check_row", "check_sheet", "mark_duplicates"]

CONTEXT_VERSION = 1
# A date column whose every time (of at least MIDNIGHT_ROWS) is 00:00 has likely lost its times
MIDNIGHT_ROWS = 3
# A ticket column pads its ids with zeros when at least PADDED_ROWS, and half, of its typical-length ids
# start with 0 (Salesforce's case numbers: 00001026); then any shorter id has lost its zeros (idcells.lost_zeros)
PADDED_ROWS = 3
# A ticket column is numeric when this share of its ids are digits only: the others get a warning (a form's
# customers type "Ticket 48216", "#48214" for six rows in twenty: QA round 33b)
NUMERIC_TICKET_SHARE = 0.6
# A ticket id without any digit in a column where this share of the ids have one gets a warning (QA round 37c:
# =HYPERLINK(url, "open") gave its shown text)
DIGIT_TICKET_SHARE = 0.6
_A_DIGIT = re.compile(r"\d")
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?\s*(?:Z|UTC|[+-]00:?00)?$", re.IGNORECASE)


@dataclass
class CheckResult:
    """Every row's result (sheet order), decisions as sentences, and the JSON context for `check_row`."""

    rows: list[RowResult]
    decisions: list[str] = field(default_factory=list)
    context: dict = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Rows per status: {'valid': n, 'invalid': n, 'skipped': n, 'duplicate': n}."""
        out = dict.fromkeys(rowresults.STATUSES, 0)
        for row in self.rows:
            out[row.status] += 1
        return out


class _ColumnsOnly:
    """A stand-in sheet with headers and no data, to resolve a preset from column names alone."""

    def __init__(self, columns: list[str]):
        self.columns, self.rows, self.extra_header_rows = columns, [], []


def _preset_key(preset: mapping.Preset) -> str:
    return hashlib.sha1(json.dumps(preset.to_json(), sort_keys=True).encode()).hexdigest()


def check_sheet(sheet, preset: mapping.Preset, *, time_zone: str, now: datetime | None = None,
                excluded: set[int] = frozenset()) -> CheckResult:
    """Check every row of `sheet` (a parsing.Sheet) under `preset`.

    time_zone: the uploader's IANA zone for naive times (a zone declared by the
    file or set by the preset wins). now: aware datetime for the future check
    (default: current UTC time). Raises ValueError for an unknown time zone.
    Duplicates are not marked here: call `mark_duplicates(result.rows)`. excluded: row numbers
    the user left out, whose cells give other rows nothing (a long export's comment row).
    """
    zones.get_zone(time_zone)
    resolved = mapping.resolve(preset, sheet)
    plan = Plan.build(resolved, sheet.columns, time_zone, now or datetime.now(UTC))
    plan.notes = _notes(sheet, plan)
    plan.gathered = _gathered_comments(plan, sheet, excluded)
    plan.summary_rows = rowskips.summary_rows(plan, sheet)
    _decide(plan, sheet)
    with parsing.gc_paused():
        approved = columns.approve(plan, sheet) or [None] * len(sheet.rows)
        results = [row or items.check_cells(cells, number, plan)
                   for row, cells, number in zip(approved, sheet.rows, sheet.row_numbers, strict=True)]
    context = {
        "version": CONTEXT_VERSION, "preset_key": _preset_key(preset), "preset": resolved.to_json(),
        "dates": plan.dates.to_json() if plan.dates else None, "numeric_ticket_ids": plan.numeric_ticket,
        "typical_ticket": plan.typical_ticket, "padded_ticket_ids": plan.padded_ticket,
        "digit_ticket_ids": plan.digit_ticket, "rounded_ticket_ids": plan.rounded_ticket,
        "time_fractions": plan.time_fractions,
        "score_scale": list(plan.scale) if plan.scale else None, "word_scale": plan.word_scale,
        "score_reversed": list(plan.scale_reversed) if plan.scale_reversed else None,
        "scale_misfit": list(plan.scale_misfit) if plan.scale_misfit else None, "scale_held": plan.scale_held,
        "words_are_typos": plan.words_are_typos,
        "cell_notes": [[number, position, text, note] for (number, position), (text, note) in plan.notes.items()],
        "gathered_comments": {response: list(found) for response, found in plan.gathered.items()},
        "summary_rows": sorted(plan.summary_rows),
    }
    return CheckResult(results, _decisions(plan, time_zone), context)


def gathered_comments(sheet, preset: mapping.Preset) -> tuple[int | None, dict[str, list]]:
    """For a long export (`preset`, resolved, has comment_rows): the response id column's index and
    the context's "gathered_comments" (see `_gathered_comments`) of `sheet` as it is now, so that an
    edit of a comment row can reach its response's rated row. (None, {}) otherwise."""
    plan = Plan.build(preset, sheet.columns, "UTC", datetime.now(UTC))
    found = _gathered_comments(plan, sheet)
    return (plan.gather[0] if plan.gather else None), {response: list(entry) for response, entry in found.items()}


def _gathered_comments(plan: Plan, sheet, excluded: set[int] = frozenset()) -> dict[str, tuple[str, list[int], str]]:
    """Response id -> (its comment rows' texts joined by line breaks, their row numbers, fate) for each
    response with a row whose question matches preset.comment_rows and a comment (long exports:
    shared/formats/EXPORT-FORMATS.md section 10). Fate: "sent" (the comment of the response's rated
    row, whose own comment is blank), "own" (the rated row has its own comment) or "unrated" (no row
    of the response has a score)."""
    if plan.gather is None or "comment" not in plan.index or "score" not in plan.index:
        return {}
    (by, asked, match), at = plan.gather, plan.index["comment"]
    scores = [plan.index["score"]] + [position for name, position in plan.fallbacks if name == "score"]
    comments: dict[str, list[tuple[str, int]]] = {}
    own: dict[str, bool] = {}  # response id -> its rated row has a comment of its own
    for number, row in zip(sheet.row_numbers, sheet.rows, strict=True):
        response = row[by].strip() if number not in excluded else ""
        if response and match.search(row[asked]):
            if row[at].strip():
                comments.setdefault(response, []).append((row[at].strip(), number))
        elif response and any(row[score].strip() for score in scores) and not plan.skip_rule_for(row):
            own[response] = own.get(response, False) or bool(row[at].strip())
    fates = {True: "own", False: "sent", None: "unrated"}
    return {response: ("\n".join(text for text, _ in found), [number for _, number in found],
                       fates[own.get(response)]) for response, found in comments.items()}


def _notes(sheet, plan: Plan) -> dict[tuple[int, int | None], tuple[str, str]]:
    """Reader notes on mapped cells, keyed (row number, column index) -> (cell text, note), and on
    whole rows, keyed (row number, None) -> (the row's cells joined by items.ROW_JOIN, note)."""
    mapped = set(plan.index.values())
    out = {}
    for (row_index, position), note in getattr(sheet, "cell_notes", {}).items():
        if row_index >= len(sheet.rows):
            continue
        if position is None:
            out[(sheet.row_numbers[row_index], None)] = (items.ROW_JOIN.join(sheet.rows[row_index]), note)
        elif position in mapped:
            out[(sheet.row_numbers[row_index], position)] = (sheet.rows[row_index][position], note)
    return out


def _decide(plan: Plan, sheet) -> None:
    """Per-column decisions from all rows: date order and zone, numeric ticket ids, the score's scale."""
    column = plan.preset.columns.get("submitted_at")
    if isinstance(column, str):
        declared = getattr(sheet, "declared_time_zones", {}).get(column)
        texts = plan.field_texts(sheet.rows, "submitted_at")
        given = [text for text in texts if text.strip()]
        plan.all_midnight = len(given) >= MIDNIGHT_ROWS and all(_MIDNIGHT.search(text) for text in given)
        stamps = zip(sheet.row_numbers, texts, strict=True)
        plan.dates = dateorder.decide_column(column, stamps, preset_order=plan.preset.date_order,
                                         order_hint=dateorder.order_hint(plan, sheet, column, declared),
                                         date_system=getattr(sheet, "date_system", "1900"),
                                         workbook=getattr(sheet, "format", "csv") in ("xlsx", "xls", "ods"),
                                         declared_zone=declared, preset_zone=plan.preset.time_zone,
                                         time_column=None if plan.time_at is None else plan.columns[plan.time_at],
                                         today=plan.now.date(),
                                         data_rules=dateorder.data_rules(declared or plan.zone, given))
    if plan.time_at is not None:
        plan.time_fractions = timesofday.fractions_column([row[plan.time_at] for row in sheet.rows])
    tickets = [text.strip() for text in plan.field_texts(sheet.rows, "ticket_id")]
    if plan.summary_rows:  # Salesforce's "Grand Totals (24 records)" under its case numbers (QA round 60a)
        tickets = [text for number, text in zip(sheet.row_numbers, tickets, strict=True)
                   if number not in plan.summary_rows]
    given = len(tickets) - tickets.count("")
    lengths = sorted(len(ticket) for ticket in tickets if ticket.isdigit() and ticket.isascii())
    plan.numeric_ticket = given >= 3 and len(lengths) >= NUMERIC_TICKET_SHARE * given
    plan.digit_ticket = given >= 3 and len(lengths) + sum(  # digit-only ids counted above; the others searched
        1 for ticket in tickets if not (ticket.isdigit() and ticket.isascii()) and _A_DIGIT.search(ticket)) >= (
        DIGIT_TICKET_SHARE * given)
    plan.rounded_ticket = (getattr(sheet, "format", "csv") == "csv" and bool(lengths) and lengths[-1] > 15
                           and idcells.rounded_column(tickets))  # no id of 16 digits or more: nothing to look at
    lengths = [length for length in lengths if length < idcells.ROUNDED_DIGITS]  # ids a spreadsheet cut: no norm
    plan.typical_ticket = lengths[len(lengths) // 2] if plan.numeric_ticket and lengths else 0
    padded = [ticket for ticket in tickets if ticket.startswith("0") and len(ticket) == plan.typical_ticket]
    padded = [ticket for ticket in padded if ticket.isdigit() and ticket.isascii()]
    plan.padded_ticket = len(padded) >= PADDED_ROWS and 2 * len(padded) >= lengths.count(plan.typical_ticket) or (
        bool(padded) and plan.typical_ticket == plan.preset.ticket_digits)  # the preset's width (QA round 51b)
    if (given and len(lengths) == given and plan.typical_ticket < plan.preset.ticket_digits
            and not any(ticket.startswith("0") and len(ticket) != plan.preset.ticket_digits
                        for ticket in tickets)):  # every digit-only id lost its zeros (QA
        # rounds 40b/c), unless the column pads its own to another width (QA round 77a: a 5-digit case number format)
        plan.typical_ticket, plan.padded_ticket = plan.preset.ticket_digits, True
        plan.zero_width = plan.preset.ticket_digits  # said in the decisions (QA round 76b); not padded back (77a)
    scales.decide(plan, sheet)


_LISTED_ROWS = 6  # summary rows named in the decision


def _decisions(plan: Plan, time_zone: str) -> list[str]:
    out = plan.dates.sentences(time_zone) if plan.dates else []
    if plan.dates and (conflict := dateorder.zone_conflict(plan.dates, time_zone)):
        out.append(conflict)
    if plan.summary_rows:
        numbers = sorted(plan.summary_rows)
        first, last = numbers[0], numbers[-1]
        if last - first + 1 == len(numbers):
            rows = f"Row {first} is a summary line or note" if first == last else (
                f"Rows {first}–{last} are summary lines or notes")
        else:
            rows = "Rows " + ", ".join(map(str, numbers[:_LISTED_ROWS])) + (
                f" and {len(numbers) - _LISTED_ROWS} more" if len(numbers) > _LISTED_ROWS else "") + (
                " are summary or subtotal lines")
        out.append(f"{rows} (Average, Total, Sum…): listed as skipped, not sent, and left out of the score's scale")
    if plan.all_midnight:
        out.append(f"Every time in '{plan.preset.columns['submitted_at']}' is 00:00: if the times were lost (a "
                   "spreadsheet's date-only format), they are sent as midnight; export the file again with its times")
    if isinstance(stamps := plan.preset.columns.get("submitted_at"), str) and TICKET_TIME.search(normalize(stamps)):
        out.append(f"'{stamps}' is when each ticket was opened, not when its survey was answered: it is sent as "
                   "submitted_at because no other column dates the answers. If the file has one, map it on the "
                   "mapping page")
    if plan.time_at is not None:
        out.append(f"'{plan.preset.columns['submitted_at']}' takes its time of day from column "
                   f"'{plan.columns[plan.time_at]}' (a date alone is read at midnight, with a warning)")
    out += scales.sentences(plan)
    if plan.zero_width:
        out.append(f"Every ticket id in '{plan.preset.columns['ticket_id']}' is shorter than the {plan.zero_width} "
                   f"digits '{plan.preset.name}' expects, leading zeros included ({'1026'.zfill(plan.zero_width)}): if "
                   "a spreadsheet program dropped the zeros, the ids are not the helpdesk's. They are sent as they "
                   "are, each row with a warning; export the file again and upload it without opening it in Excel")
    if plan.numeric_ticket:
        out.append("Ticket ids in this file are numbers; an id with other characters gets a warning")
    return out


def check_row(cells: list[str], row_number: int, sheet_columns: list[str], preset: mapping.Preset,
              context: dict, *, time_zone: str, now: datetime | None = None) -> RowResult:
    """Check one row again (after an edit) with the decisions `check_sheet` stored in `context`.

    Gives the same result as check_sheet gave for that row (duplicates aside).
    When `preset` differs from the one checked, it is resolved from the column
    names alone and the date decisions are taken from this row only.
    """
    zones.get_zone(time_zone)
    same = context.get("preset_key") == _preset_key(preset) and context.get("preset")
    resolved = mapping.Preset.from_json(context["preset"]) if same else mapping.resolve(
        preset, _ColumnsOnly(sheet_columns))
    plan = Plan.build(resolved, sheet_columns, time_zone, now or datetime.now(UTC))
    if same:
        plan.dates = dates.ColumnDates.from_json(context["dates"]) if context.get("dates") else None
        plan.numeric_ticket = bool(context.get("numeric_ticket_ids"))
        plan.typical_ticket = int(context.get("typical_ticket") or 0)
        plan.padded_ticket = bool(context.get("padded_ticket_ids"))
        plan.digit_ticket = bool(context.get("digit_ticket_ids"))
        plan.rounded_ticket = bool(context.get("rounded_ticket_ids"))
        plan.time_fractions = bool(context.get("time_fractions"))
        plan.words_are_typos = bool(context.get("words_are_typos"))
        if context.get("word_scale"):
            plan.word_scale = context["word_scale"]
            chosen = SCALES[plan.word_scale]
            if plan.bounds_free():
                plan.fixed_bounds = (chosen["min_score"], chosen["max_score"])
        if context.get("score_scale"):
            plan.scale = plan.fixed_bounds = tuple(context["score_scale"])
        plan.scale_reversed = tuple(context["score_reversed"]) if context.get("score_reversed") else None
        plan.scale_misfit = tuple(context["scale_misfit"]) if context.get("scale_misfit") else None
        plan.scale_held = bool(context.get("scale_held"))
        plan.notes = {(n, p): (text, note) for n, p, text, note in context.get("cell_notes", [])}
        plan.gathered = {response: tuple(entry) for response, entry in context.get("gathered_comments", {}).items()}
        plan.summary_rows = set(context.get("summary_rows", []))
    else:
        _decide(plan, _OneRow(sheet_columns, cells, row_number))
    return items.check_cells(cells, row_number, plan)


class _OneRow(_ColumnsOnly):
    def __init__(self, columns: list[str], cells: list[str], number: int):
        super().__init__(columns)
        self.rows, self.row_numbers = [cells], [number]


def mark_duplicates(rows: list[RowResult]) -> None:
    """Mark each valid row whose item equals an earlier valid row's item as 'duplicate', in place.

    Rows already marked duplicate are first made valid again, so calling this
    after an edit settles them afresh. Equality is on every field of the item
    (one hashable key per row, `_item_key`: linear time). Reason: "identical to row 17 in every mapped field".
    """
    first_of: dict[object, int] = {}
    with parsing.gc_paused():
        for row in rows:
            if row.status == "duplicate":
                row.status, row.duplicate_of, row.skip_reason = "valid", None, None
            if row.status != "valid" or row.item is None:
                continue
            first = first_of.setdefault(_item_key(row.item), row.row_number)
            if first != row.row_number:
                row.status, row.duplicate_of = "duplicate", first
                row.skip_reason = f"identical to row {first} in every mapped field"


_EMAIL_AT, _TICKET_AT = FIELDS.index("agent_email"), FIELDS.index("ticket_id")


def _item_key(item: dict) -> object:
    """A hashable key equal for equal items, whatever their key order (JSON from the database may
    come back reordered): the values in FIELDS order when every key is a field (their values are
    str or int), else a digest of the canonical JSON (clarifying answers). It must agree with
    rowstore.item_key, which settles duplicates again after an edit; both compare rowresults.compared
    (here inline for the common item: one lower-case email, no copy)."""
    key = tuple(map(item.get, FIELDS))
    if len(item) == len(key) - key.count(None):
        email, ticket = key[_EMAIL_AT], key[_TICKET_AT]
        if (email is None or email.islower()) and not (isinstance(ticket, str) and ticket.startswith("#")):
            return key
        return tuple(map(rowresults.compared(item).get, FIELDS))
    item = rowresults.compared(item)
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(canonical.encode(), digest_size=16).digest()
