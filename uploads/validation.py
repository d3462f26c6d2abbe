"""Row rules: a sheet of text cells + a preset -> one checked result per row.

`check_sheet` resolves the preset against the sheet, makes the per-column
decisions once (date order, time zone, whether ticket ids are numeric) and
keeps them in `CheckResult.context` (JSON) so that `check_row` gives the same
result for one edited row later. `mark_duplicates` then marks rows whose item
repeats an earlier valid row (the API has no idempotency key:
shared/api/CONTRACT.md "What the API does not give").

No Django here: results are plain dataclasses with to_json/from_json.
The cell rules live in `cells`, the timestamp rules in `dates`, and the
per-row assembly of an API item in `items`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from uploads import autodetect, cells, columns, dates, items, mapping, parsing
from uploads.headers import normalize
from uploads.items import Problem, RowResult
from uploads.plan import DEFAULT_BOUNDS, Plan
from uploads.preset_format import FIELDS, SCALES

__all__ = ["CheckResult", "Problem", "RowResult", "check_row", "check_sheet", "mark_duplicates"]

CONTEXT_VERSION = 1
# Scores needed before one score outside the first of a preset's score_scales counts as a typo.
LONE_OUTLIER_ROWS = 10
# Scores outside the default 1..5 (plan.DEFAULT_BOUNDS) that make the decisions name the file's own range.
MISFIT_ROWS, MISFIT_SHARE = 2, 0.25


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
    dates.get_zone(time_zone)
    resolved = mapping.resolve(preset, sheet)
    plan = Plan.build(resolved, sheet.columns, time_zone, now or datetime.now(UTC))
    plan.notes = _notes(sheet, plan)
    plan.gathered = _gathered_comments(plan, sheet, excluded)
    _decide(plan, sheet)
    with parsing.gc_paused():
        approved = columns.approve(plan, sheet) or [None] * len(sheet.rows)
        results = [row or items.check_cells(cells, number, plan)
                   for row, cells, number in zip(approved, sheet.rows, sheet.row_numbers, strict=True)]
    context = {
        "version": CONTEXT_VERSION, "preset_key": _preset_key(preset), "preset": resolved.to_json(),
        "dates": plan.dates.to_json() if plan.dates else None, "numeric_ticket_ids": plan.numeric_ticket,
        "score_scale": list(plan.scale) if plan.scale else None, "word_scale": plan.word_scale,
        "words_are_typos": plan.words_are_typos,
        "cell_notes": [[number, position, text, note] for (number, position), (text, note) in plan.notes.items()],
        "gathered_comments": {response: list(found) for response, found in plan.gathered.items()},
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
    """Per-column decisions from all rows: date order and zone, numeric ticket ids."""
    column = plan.preset.columns.get("submitted_at")
    if isinstance(column, str):
        declared = getattr(sheet, "declared_time_zones", {}).get(column)
        stamps = zip(sheet.row_numbers, _field_texts(plan, sheet, "submitted_at"), strict=True)
        plan.dates = dates.decide_column(column, stamps, preset_order=plan.preset.date_order,
                                         order_hint=_order_hint(plan, sheet, column),
                                         date_system=getattr(sheet, "date_system", "1900"),
                                         declared_zone=declared, preset_zone=plan.preset.time_zone)
    tickets = [text.strip() for text in _field_texts(plan, sheet, "ticket_id")]
    given = len(tickets) - tickets.count("")
    digits = sum(1 for ticket in tickets if ticket.isdigit() and ticket.isascii())
    plan.numeric_ticket = given >= 3 and digits >= 0.75 * given
    plan.word_scale = _decide_word_scale(plan, sheet)
    plan.words_are_typos = _words_are_typos(plan, sheet)
    if plan.word_scale and _bounds_free(plan):
        chosen = SCALES[plan.word_scale]
        plan.fixed_bounds = (chosen["min_score"], chosen["max_score"])
    plan.scale = _label_scale(plan, sheet) or _header_scale(plan) or _decide_scale(plan, sheet)
    if plan.scale:
        plan.fixed_bounds = plan.scale
    elif plan.fixed_bounds == tuple(DEFAULT_BOUNDS.values()) and not plan.word_scale and _bounds_free(plan):
        plan.scale_misfit = _default_scale_misfit(plan, sheet)


def _order_hint(plan: Plan, sheet, column: str) -> tuple[str, str] | None:
    """What the file tells of its locale's day/month order, for dates no value settles: the preset's
    date_order_by_column (Google Forms writes "Horodateur" in a French sheet), a date header in a
    day-first language ("Fecha", "Datum"), or semicolons between cells (Excel's CSV where the
    decimal mark is a comma: shared/formats/EXPORT-FORMATS.md section 13, all day-first locales)."""
    by_column = {name.casefold(): order for name, order in plan.preset.date_order_by_column.items()}
    language = "the order of the language this header is written in"
    if column.casefold() in by_column:
        return by_column[column.casefold()], language
    if normalize(column) in autodetect.DAY_FIRST_DATE_HEADERS:
        return "DMY", language
    if getattr(sheet, "delimiter", None) == ";":
        return "DMY", ("the order of a file separated by semicolons, as Excel saves CSV where the decimal mark "
                       "is a comma")
    return None


def _label_scale(plan: Plan, sheet) -> tuple[int, int] | None:
    """The range of the preset's first label_scales entry that every answer fits: each score (whole
    numbers only) lies in the range and its label, when given, is the entry's label for that score
    (`labels` from min_score up), and some answer is the top score with its label (a 2-point survey
    labels 2 "Good"; a 5-point one never does, and one answered only "Bad" proves nothing). Sets
    plan.scale_labels for the decision."""
    if not plan.preset.label_scales or "score_label" not in plan.index or plan.word_scale:
        return None
    pairs = {(cells.parse_int(score), label.strip().casefold())
             for score, label in zip(_field_texts(plan, sheet, "score"), _field_texts(plan, sheet, "score_label"),
                                     strict=True)}
    pairs = {(score, label) for score, label in pairs if score is not None}
    for entry in plan.preset.label_scales if pairs else []:
        low, high, names = entry["min_score"], entry["max_score"], [str(name).casefold() for name in entry["labels"]]
        fits = all(low <= score <= high and (not label or score - low < len(names) and names[score - low] == label)
                   for score, label in pairs)
        if fits and high - low < len(names) and (high, names[high - low]) in pairs:
            plan.scale_labels = sorted({label for _, label in pairs if label})
            return low, high
    return None


# A scale the score's header names: "CSAT (1-10)", "On a scale of 1 to 10, how…", "Skala von 0 bis 10", "1-10 scale"
_TO = r"\s*(?:-|–|—|to|bis|à|a|al)\s*"
_HEADER_SCALE = re.compile(
    rf"[(\[]\s*(\d{{1,2}}){_TO}(\d{{1,3}})\s*[)\]]"
    rf"|\b(?:scale|skala|échelle|echelle|escala)\s+(?:of|from|von|de|del)?\s*(\d{{1,2}}){_TO}(\d{{1,3}})\b"
    rf"|\b(\d{{1,2}}){_TO}(\d{{1,3}})[ -](?:point )?scale\b", re.IGNORECASE)


def _header_scale(plan: Plan) -> tuple[int, int] | None:
    """The range the score column's header names, "CSAT (1-10)" -> (1, 10), when no word scale, column
    or constant gives min/max; sets plan.scale_header for the decision sentence."""
    position = plan.index.get("score")
    if position is None or plan.word_scale or not _bounds_free(plan):
        return None
    found = _HEADER_SCALE.search(plan.columns[position])
    low, high = (int(number) for number in found.groups() if number is not None) if found else (0, 0)
    if low >= high:
        return None
    plan.scale_header = plan.columns[position]
    return low, high


def _default_scale_misfit(plan: Plan, sheet) -> tuple[int, int, int] | None:
    """(rows, lowest, highest score) when at least MISFIT_ROWS whole-number scores, and MISFIT_SHARE of
    them, lie outside the default 1..5 (a hand-made sheet of a 0..10 survey): the decision then
    says how to set the survey's scale. None otherwise (one 6 is a typo, not another scale)."""
    counted = Counter(text for text in _field_texts(plan, sheet, "score") if text.strip())
    scores = Counter()
    for text, rows in counted.items():
        if (number := cells.parse_int(text)) is not None and number not in cells.SEEN_UNANSWERED:
            scores[number] += rows
    low, high = DEFAULT_BOUNDS["min_score"], DEFAULT_BOUNDS["max_score"]
    outside = sum(rows for number, rows in scores.items() if not low <= number <= high)
    if outside < MISFIT_ROWS or outside < MISFIT_SHARE * scores.total():
        return None
    return outside, min(min(scores), low), max(max(scores), high)


def _bounds_free(plan: Plan) -> bool:
    """True when no column or constant gives min_score/max_score (a scale may set them)."""
    return not any(name in plan.index or name in plan.preset.constants for name in ("min_score", "max_score"))


def _decide_word_scale(plan: Plan, sheet) -> str | None:
    """Of the preset's `word_scales` whose value map knows every word in the score column, the one
    that tells most of them apart (most distinct scores; the first listed on a tie); None when
    there are no words or no scale knows them all. Skipped rows count (a Qualtrics preview shows
    the survey's own words) unless their words fit no scale: then only the rows the skip_rules keep
    count (a long export's other questions answer "Yes": Salesforce)."""
    texts = _field_texts(plan, sheet, "score")
    best = _best_word_scale(plan, texts)
    if best is None and plan.skip_rules:
        best = _best_word_scale(plan, [text for text, row in zip(texts, sheet.rows, strict=True)
                                       if not plan.skip_rule_for(row)])
    return best


def _words_are_typos(plan: Plan, sheet) -> bool:
    """True when the preset's score value map would read a few words among numbers it does not
    cover ("Satisfied" as 4 beside 7s and 6s): fewer than half the scores are words, and some
    number lies outside the map's values. Intercom's Fin words among 1..5 are read (its map is 1..5)."""
    table = plan.preset.value_maps.get("score")
    if plan.word_scale or not table:
        return False
    scores = Counter(text for text in _field_texts(plan, sheet, "score") if text.strip())  # parsed once each
    numbers = {text: cells.parse_int(text) for text in scores}
    words = sum(rows for text, rows in scores.items() if numbers[text] is None)
    values = [value for value in table.values() if isinstance(value, int)]
    outside = any(number is not None and number not in cells.SEEN_UNANSWERED and values
                  and not min(values) <= number <= max(values) for number in numbers.values())
    return 0 < words < 0.5 * scores.total() and outside


def _best_word_scale(plan: Plan, texts: list[str]) -> str | None:
    """See `_decide_word_scale`. A scale must also hold the file's numbers (Salesforce mixes
    NumberValue 4 with ChoiceValue "Very satisfied"): "Satisfied" among 7, 6, 5 is not csat5."""
    numbers = {cells.parse_int(text) for text in set(texts) if text.strip()} - {None} - cells.SEEN_UNANSWERED
    words = {cells.answer_key(text) for text in set(texts) if text.strip() and cells.parse_int(text) is None}
    best, best_count = None, 0
    for name in plan.preset.word_scales if words else []:
        scale = SCALES[name]
        table = scale["value_map"]
        holds = all(scale["min_score"] <= number <= scale["max_score"] for number in numbers)
        count = len({table[word] for word in words}) if words <= set(table) and holds else 0
        if count > best_count:
            best, best_count = name, count
    return best


def _decide_scale(plan: Plan, sheet) -> tuple[int, int] | None:
    """The preset's first `score_scales` range holding every integer score (-99 and the like aside) of a
    row no skip rule skips (another question's NPS answers do not widen a Salesforce rating), else its
    last; None when the preset lists none or a column or constant gives min/max.

    One score outside the first range among LONE_OUTLIER_ROWS or more is taken for a typo, not for
    a wider scale: the first range stays, that row is invalid, and plan.scale_outlier names it
    (a Qualtrics 1..5 file with a single 6: shared/samples/README.md section 2, -99 in row 42).
    """
    scales = plan.preset.score_scales
    if not scales or plan.word_scale or not _bounds_free(plan):
        return None
    table = plan.score_map()
    texts = _field_texts(plan, sheet, "score")
    counted = Counter(texts if not plan.skip_rules else (
        text for text, row in zip(texts, sheet.rows, strict=True) if not plan.skip_rule_for(row)))
    number_of = {text: cells.parse_int(text, table) for text in counted}  # each distinct text parsed once
    scores: Counter[int] = Counter()
    for text, rows in counted.items():
        if (number := number_of[text]) is not None and number not in cells.SEEN_UNANSWERED:
            scores[number] += rows
    low, high = scales[0]
    outside = [number for number in scores if not low <= number <= high]
    if len(outside) == 1 and scores[outside[0]] == 1 and scores.total() >= LONE_OUTLIER_ROWS:
        row = next(number for number, text in zip(sheet.row_numbers, texts, strict=True)
                   if number_of.get(text) == outside[0])
        plan.scale_outlier = (outside[0], row)
        return low, high
    for low, high in scales:
        if all(low <= number <= high for number in scores):
            return low, high
    return tuple(scales[-1])


def _wording(name: str) -> str:
    """ "extremely satisfied 7, ..., extremely dissatisfied 1": the scale's words, best first, one per score."""
    table = SCALES[name]["value_map"]
    firsts = {score: word for word, score in reversed(table.items())}
    return ", ".join(f"{firsts[score]} {score}" for score in sorted(firsts, reverse=True))


def _field_texts(plan: Plan, sheet, name: str) -> list[str]:
    """Every row's source text for field `name`, as `plan.extract` gives it ("" when none).

    Reads the column directly when only the column can give the field a value,
    since extracting every field of every row is most of the cost on big files."""
    position = plan.index.get(name)
    direct = (position is not None and name not in plan.text_maps and name not in plan.preset.constants
              and not plan.preset.splits_into(name) and name not in plan.preset.fallback_columns
              and not (name == "submitted_at" and plan.time_at is not None))
    if direct:
        return [cells[position] for cells in sheet.rows]
    return [raw.text if (raw := plan.extract(cells).get(name)) else "" for cells in sheet.rows]


def _decisions(plan: Plan, time_zone: str) -> list[str]:
    out = plan.dates.sentences(time_zone) if plan.dates else []
    if plan.word_scale:
        low, high = SCALES[plan.word_scale]["min_score"], SCALES[plan.word_scale]["max_score"]
        out.append(f"Answers read as the {high - low + 1}-point wording {plan.word_scale} "
                   f"({_wording(plan.word_scale)})")
    if plan.scale and plan.scale_labels:
        out.append(f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, a "
                   f"{plan.scale[1] - plan.scale[0] + 1}-point survey: every answer's label is "
                   f"{' or '.join(plan.scale_labels)}")
    elif plan.scale and plan.scale_header:
        out.append(f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, which the header "
                   f"'{plan.scale_header}' names")
    elif plan.scale:
        listed = ", ".join(f"{low}..{high}" for low, high in plan.preset.score_scales)
        if plan.scale_outlier:
            score, row = plan.scale_outlier
            out.append(f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, the first of {listed}: it "
                       f"holds every score in this file but one, {score} in row {row}, taken for a typo (that "
                       "row is invalid until fixed)")
        else:
            out.append(f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, the first of {listed} "
                       "that holds every score in this file")
    if plan.scale_misfit:
        rows, low, high = plan.scale_misfit
        out.append(f"{rows} scores lie outside 1..5, the scale used when a file names none (this file's run "
                   f"from {low} to {high}): if the survey's scale is {low}..{high}, set min_score {low} and "
                   f"max_score {high} on the mapping page; until then those rows are invalid")
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
    dates.get_zone(time_zone)
    same = context.get("preset_key") == _preset_key(preset) and context.get("preset")
    resolved = mapping.Preset.from_json(context["preset"]) if same else mapping.resolve(
        preset, _ColumnsOnly(sheet_columns))
    plan = Plan.build(resolved, sheet_columns, time_zone, now or datetime.now(UTC))
    if same:
        plan.dates = dates.ColumnDates.from_json(context["dates"]) if context.get("dates") else None
        plan.numeric_ticket = bool(context.get("numeric_ticket_ids"))
        plan.words_are_typos = bool(context.get("words_are_typos"))
        if context.get("word_scale"):
            plan.word_scale = context["word_scale"]
            chosen = SCALES[plan.word_scale]
            if _bounds_free(plan):
                plan.fixed_bounds = (chosen["min_score"], chosen["max_score"])
        if context.get("score_scale"):
            plan.scale = plan.fixed_bounds = tuple(context["score_scale"])
        plan.notes = {(n, p): (text, note) for n, p, text, note in context.get("cell_notes", [])}
        plan.gathered = {response: tuple(entry) for response, entry in context.get("gathered_comments", {}).items()}
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


def _item_key(item: dict) -> object:
    """A hashable key equal for equal items, whatever their key order (JSON from the database may
    come back reordered): the values in FIELDS order when every key is a field (their values are
    str or int), else a digest of the canonical JSON (clarifying answers). It must agree with
    rowstore.item_key, which settles duplicates again after an edit."""
    key = tuple(map(item.get, FIELDS))
    if len(item) == len(key) - key.count(None):
        return key
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(canonical.encode(), digest_size=16).digest()
