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
    headernames,
    idcells,
    items,
    mapping,
    parsing,
    rowskips,
    scales,
    timesofday,
    zones,
)
from uploads.headers import normalize
from uploads.items import Problem, RowResult
from uploads.plan import Plan
from uploads.preset_format import FIELDS, SCALES

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
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?\s*(?:Z|UTC|[+-]00:?00)?$", re.IGNORECASE)


@dataclass
class CheckResult:
    """Every row's result (sheet order), decisions as sentences, and the JSON context for `check_row`."""

    rows: list[RowResult]
    decisions: list[str] = field(default_factory=list)
    context: dict = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Rows per status: {'valid': n, 'invalid': n, 'skipped': n, 'duplicate': n}."""
        out = dict.fromkeys(items.STATUSES, 0)
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
        "time_fractions": plan.time_fractions,
        "score_scale": list(plan.scale) if plan.scale else None, "word_scale": plan.word_scale,
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
                                         order_hint=_order_hint(plan, sheet, column, declared),
                                         date_system=getattr(sheet, "date_system", "1900"),
                                         workbook=getattr(sheet, "format", "csv") in ("xlsx", "xls", "ods"),
                                         declared_zone=declared, preset_zone=plan.preset.time_zone,
                                         time_column=None if plan.time_at is None else plan.columns[plan.time_at],
                                         today=plan.now.date(),
                                         data_rules=not (declared or plan.zone).startswith(_MONTH_FIRST_ZONES)
                                         or (declared or plan.zone).startswith(_DAY_FIRST_ZONES))
    if plan.time_at is not None:
        plan.time_fractions = timesofday.fractions_column([row[plan.time_at] for row in sheet.rows])
    tickets = [text.strip() for text in plan.field_texts(sheet.rows, "ticket_id")]
    given = len(tickets) - tickets.count("")
    lengths = sorted(len(ticket) for ticket in tickets if ticket.isdigit() and ticket.isascii())
    plan.numeric_ticket = given >= 3 and len(lengths) >= NUMERIC_TICKET_SHARE * given
    lengths = [length for length in lengths if length < idcells.ROUNDED_DIGITS]  # ids a spreadsheet cut: no norm
    plan.typical_ticket = lengths[len(lengths) // 2] if plan.numeric_ticket and lengths else 0
    padded = [ticket for ticket in tickets if ticket.startswith("0") and len(ticket) == plan.typical_ticket]
    padded = [ticket for ticket in padded if ticket.isdigit() and ticket.isascii()]
    plan.padded_ticket = len(padded) >= PADDED_ROWS and 2 * len(padded) >= lengths.count(plan.typical_ticket)
    scales.decide(plan, sheet)


# Time zones of places that write numeric dates day first (Europe, Australia and New Zealand, India, Latin
# America's large zones, Africa); the United States, Canada and Asia's year-first places are left out.
_DAY_FIRST_ZONES = ("Europe/", "Australia/", "Pacific/Auckland", "Asia/Kolkata", "Asia/Calcutta", "Asia/Dubai",
                    "Asia/Singapore", "Asia/Jerusalem", "Asia/Tel_Aviv", "Asia/Hong_Kong", "Asia/Jakarta",
                    "Asia/Kuala_Lumpur", "Asia/Karachi", "Asia/Dhaka", "Asia/Riyadh", "Asia/Istanbul", "Atlantic/",
                    "Africa/", "America/Sao_Paulo", "America/Fortaleza", "America/Recife", "America/Bahia",
                    "America/Belem", "America/Manaus", "America/Argentina/", "America/Montevideo",
                    "America/Mexico_City", "America/Bogota", "America/Lima", "America/Santiago", "America/Caracas",
                    # the rest of Mexico, Central America, the Caribbean's and South America's Spanish- and
                    # Portuguese-speaking places, South-East Asia's (QA round 33b)
                    *(f"America/{city}" for city in (
                        "Monterrey", "Merida", "Cancun", "Chihuahua", "Hermosillo", "Mazatlan", "Matamoros", "Tijuana",
                        "Bahia_Banderas", "Ojinaga", "Ciudad_Juarez", "Costa_Rica", "Guatemala", "El_Salvador",
                        "Tegucigalpa", "Managua", "Santo_Domingo", "Havana", "Asuncion", "La_Paz", "Guayaquil",
                        "Cuiaba", "Campo_Grande", "Porto_Velho", "Boa_Vista", "Maceio", "Araguaina", "Santarem",
                        "Noronha", "Rio_Branco", "Punta_Arenas")),
                    "Asia/Bangkok", "Asia/Ho_Chi_Minh", "Asia/Saigon", "Asia/Colombo", "Asia/Kathmandu",
                    "Asia/Yangon", "Asia/Phnom_Penh", "Asia/Baghdad", "Asia/Amman", "Asia/Beirut", "Asia/Qatar",
                    "Asia/Kuwait", "Asia/Muscat", "Asia/Bahrain", "Asia/Makassar", "Asia/Kuching", "Asia/Pontianak",
                    "Asia/Jayapura", "Asia/Brunei", "Indian/")


# Time zones of places that write numeric dates month first (the United States, Canada, the Philippines): a
# file from there keeps month first when no value settles the order (dateorder.decide_column's data_rules); Mexico's
# and the rest of Latin America's write day first (QA round 32a)
_MONTH_FIRST_ZONES = ("US/", "Canada/", "Pacific/Honolulu", "Asia/Manila", "America/Indiana/", "America/Kentucky/",
                      "America/North_Dakota/", *(f"America/{city}" for city in (
                          "New_York", "Chicago", "Denver", "Los_Angeles", "Phoenix", "Anchorage", "Detroit", "Boise",
                          "Juneau", "Sitka", "Nome", "Yakutat", "Metlakatla", "Adak", "Menominee", "Indianapolis",
                          "Louisville", "Toronto", "Vancouver", "Edmonton", "Winnipeg", "Halifax", "St_Johns", "Regina",
                          "Moncton", "Whitehorse", "Yellowknife", "Iqaluit", "Montreal", "Glace_Bay", "Goose_Bay")))


def _order_hint(plan: Plan, sheet, column: str, declared: str | None) -> tuple[str, str] | None:
    """What the file tells of its locale's day/month order, for dates no value settles: the preset's
    date_order_by_column (Google Forms writes "Horodateur" in a French sheet), a format the header spells
    out ("Date (dd/mm/yyyy)"), a date header in a day-first language ("Fecha", "Datum"), semicolons
    between cells (Excel's CSV where the decimal mark is a comma: shared/formats/EXPORT-FORMATS.md
    section 13, all day-first locales), or last a time zone where dates are written day first
    (Europe/London: a UK team's sheet; none for UTC, nor for the United States' zones, which write month
    first): the one the file `declared` for the column (a Qualtrics export opened in a New Zealand Excel:
    `9/11/2022 17:54`, EXPORT-FORMATS.md section 2), else the place its header, its time column's header or
    its values name ("(UK time)", "(BST)", "09:14 BST": zones.header_place, zones.values_place), else the
    one chosen for the upload, when the column writes its months with two digits
    (03/10/2026, and Australia's and New Zealand's 3/10/2026) as those locales do: 3/1/2026 is the
    United States' M/D/YYYY (Google Forms in a US locale, whoever uploads it)."""
    by_column = {name.casefold(): order for name, order in plan.preset.date_order_by_column.items()}
    language = "the order of the language this header is written in"
    if column.casefold() in by_column:
        return by_column[column.casefold()], language
    if found := _HEADER_FORMAT.search(column):  # "Date (dd/mm/yyyy)" (QA round 35a)
        return ("MDY" if found[1].casefold() == "mm" else "DMY"), f"the format its header names ({found[0]})"
    if normalize(column) in headernames.DAY_FIRST_DATE_HEADERS:
        return "DMY", language
    if getattr(sheet, "delimiter", None) == ";":
        return "DMY", ("the order of a file separated by semicolons, as Excel saves CSV where the decimal mark "
                       "is a comma")
    texts = plan.field_texts(sheet.rows, "submitted_at")
    in_column = zones.header_place(column)
    named = in_column or (zones.header_place(plan.columns[plan.time_at]) if plan.time_at is not None else None)
    in_values = None if declared or named else zones.values_place(texts)
    if not declared and (named or in_values):  # "Submitted (UK time)", "(BST)", "09:14 BST": a place
        declared = named or in_values
        where = ("the place its header names" if in_column else "the place its values' zone names" if in_values
                 else "the place its time column's header names")
    else:
        where = "the time zone the file declares for this column"
    if declared:  # a US account's export keeps its order whatever zone is chosen for the upload
        if declared.startswith(_DAY_FIRST_ZONES) and _padded(texts, month_only=True):
            return "DMY", f"the order used in {declared}, {where}"
        return None
    if plan.zone.startswith(_DAY_FIRST_ZONES) and _padded(texts, month_only=False):
        return "DMY", f"the order used in {plan.zone}, the time zone chosen for this upload"
    return None


# A date format spelt out in a header: "Date (dd/mm/yyyy)", "Datum (TT.MM.JJJJ)", "Date (jj/mm/aaaa)", "(mm/dd/yy)"
_HEADER_FORMAT = re.compile(r"\b(dd|jj|tt|mm)[./-](mm|dd|tt|jj)[./-](?:yyyy|yy|aaaa|aa|jjjj|jj)\b", re.IGNORECASE)


def _padded(texts: list[str], month_only: bool) -> bool:
    """True when every numeric date among `texts` writes its second part (the month, day first) with two
    digits and, unless `month_only`, pads it visibly (05/03/2026, Australia's 5/03/2026) or pads the first
    part too (05/10/2026): a US 3/10/2026 pads neither (review 29c), and 3/1/2026 is month first anywhere."""
    found = [match for text in set(texts) if (match := dates.NUMERIC_RE.match(text.strip()))]
    if not all(len(match["b"]) == 2 for match in found):
        return False
    return month_only or any(match["b"].startswith("0") for match in found) or all(
        len(match["a"]) == 2 for match in found)


_LISTED_ROWS = 6  # summary rows named in the decision


def _decisions(plan: Plan, time_zone: str) -> list[str]:
    out = plan.dates.sentences(time_zone) if plan.dates else []
    zone = (plan.dates.zone if plan.dates else None) or time_zone
    if plan.dates and plan.dates.order == "MDY" and plan.dates.order_reason.startswith("the default") and (
            zone.startswith(_DAY_FIRST_ZONES)):  # an Australian 5/10/2026 (QA round 35b): the conflict is said
        out.append(f"{zone} usually writes dates day first: if '{plan.dates.column}' is day/month/year (5/10/2026 "
                   "for 5 October), choose Day-month-year under Date order on the mapping page")
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
    if plan.time_at is not None:
        out.append(f"'{plan.preset.columns['submitted_at']}' takes its time of day from column "
                   f"'{plan.columns[plan.time_at]}' (a date alone is read at midnight, with a warning)")
    out += scales.sentences(plan)
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
        plan.time_fractions = bool(context.get("time_fractions"))
        plan.words_are_typos = bool(context.get("words_are_typos"))
        if context.get("word_scale"):
            plan.word_scale = context["word_scale"]
            chosen = SCALES[plan.word_scale]
            if scales.bounds_free(plan):
                plan.fixed_bounds = (chosen["min_score"], chosen["max_score"])
        if context.get("score_scale"):
            plan.scale = plan.fixed_bounds = tuple(context["score_scale"])
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


_EMAIL_AT = FIELDS.index("agent_email")


def _item_key(item: dict) -> object:
    """A hashable key equal for equal items, whatever their key order (JSON from the database may
    come back reordered): the values in FIELDS order when every key is a field (their values are
    str or int), else a digest of the canonical JSON (clarifying answers). It must agree with
    rowstore.item_key, which settles duplicates again after an edit; both compare items.compared
    (here inline for the common item: one lower-case email, no copy)."""
    key = tuple(map(item.get, FIELDS))
    if len(item) == len(key) - key.count(None):
        email = key[_EMAIL_AT]
        if email is None or email.islower():
            return key
        return (*key[:_EMAIL_AT], email.lower(), *key[_EMAIL_AT + 1:])
    item = items.compared(item)
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(canonical.encode(), digest_size=16).digest()
