"""A resolved preset compiled against a sheet's columns, plus the per-column decisions.

`Plan.build` turns column names into indexes once per sheet (fields, splits, rules,
clarifying groups, a long export's comment rows); `validation.check_sheet` then adds
what it decides from all rows (date order and zone, numeric ticket ids, the score
scale) and `Plan.extract` gives each row's source text per field. The row rules that
use it live in uploads/items.py (one row) and uploads/columns.py (a column at a time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from uploads import dates, timesofday
from uploads.headernames import SENT_TIME
from uploads.headers import Headers, normalize
from uploads.preset_format import FIELDS, ClarifyingGroup, Preset, Rule, Split
from uploads.wordings import SCALES

DEFAULT_BOUNDS = {"min_score": 1, "max_score": 5}
# An agent part meant as an email address, even a mistyped one ("ana(at)example.com" is checked as an email).
# A fallback fills a field only when none of these has text: an agent named by email is no blank agent
_ALTERNATIVES = {"agent_id": ("agent_id", "agent_email"), "agent_email": ("agent_id", "agent_email")}
_EMAIL_LIKE = re.compile(r"@|\((?:at)\)|\[(?:at)\]", re.IGNORECASE)
TEXT_MAPPED = ("submitted_at", "ticket_id", "agent_id", "agent_email", "comment")  # value maps replace text


def rule_key(text: str) -> str:
    """How a cell is looked up in a skip or warn rule's values: trimmed, case-folded, a typographic apostrophe
    as a straight one ("Test de l’enquête": QA round 45a)."""
    return text.strip().casefold().replace("\u2019", "'")


@dataclass(slots=True)
class Raw:
    """A field's source text before cleaning and where it came from (column header or None);
    `gathered`: the rows a long export's comment was taken from (preset comment_rows)."""

    text: str
    column: str | None
    position: int | None = None
    split: Split | None = None
    gathered: tuple[int, ...] = ()


@dataclass
class Plan:
    """A resolved preset compiled against the column list, plus the per-column decisions."""

    preset: Preset
    columns: list[str]
    zone: str
    now: datetime
    index: dict[str, int] = field(default_factory=dict)
    splits: list[tuple[int, Split]] = field(default_factory=list)
    groups: list[tuple[ClarifyingGroup, int, int | None, int | None]] = field(default_factory=list)
    skip_rules: list[tuple[int, Rule]] = field(default_factory=list)
    warn_rules: list[tuple[int, Rule]] = field(default_factory=list)
    skip_columns: list[tuple[str, int | None, dict]] = field(default_factory=list)
    dates: dates.ColumnDates | None = None
    numeric_ticket: bool = False
    typical_ticket: int = 0  # the median digit count of a numeric ticket column's ids (validation: short ids)
    padded_ticket: bool = False  # the column writes its typical ids with leading zeros (00001026)
    zero_width: int = 0  # the preset's id width (ticket_digits) every id fell short of (validation: a decision)
    sent_at: int | None = None  # the survey's send time beside the answer time (headernames.SENT_TIME, rowskips)
    rounded_ticket: bool = False  # a text file's long ids all end in zeros past the 15th digit (idcells.rounded_column)
    digit_ticket: bool = False  # most of the column's ids hold a digit: one without any is a link's text ("Open")?
    notes: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    text_maps: dict[str, dict] = field(default_factory=dict)
    fixed_bounds: tuple[int, int] | None = None
    scale: tuple[int, int] | None = None  # chosen from preset.score_scales by the file's scores
    scale_outliers: list[tuple[int, int]] = field(default_factory=list)  # (score, row) the scale leaves out as typos
    scale_header: str | None = None  # the score column's header when it names the scale: "CSAT (1-10)"
    scale_top_only: bool = False  # ...naming only its top ("Score /10"): the bottom comes from the scores
    scale_question_at: int | None = None  # ...or the column asking that question on every row (Simplesat)
    scale_held: bool = False  # scale_misfit's scores show another scale: every score waits until it is set
    scale_reversed: tuple[int, int] | None = None  # ...saying its bottom is the best answer: scores are turned
    scale_misfit: tuple[int, int, int] | None = None  # (rows, lowest, highest) of scores outside the default 1..5
    scale_low_top: int | None = None  # the highest score, when all are 3 or below on the default 1..5 (scales)
    scale_far_top: int | None = None  # the highest score, when it is 10 or below and max_score set above 10 (scales)
    scale_labels: list[str] = field(default_factory=list)  # the score labels that set a label_scales range
    tens_at: int | None = None  # preset.tens_column: every answer again on 0..10 (Nicereply's legacy score)
    scale_tens: bool = False  # ...which set the scale (labelscales.tens_scale)
    label_wording: str | None = None  # the wording (SCALES) a score_label column's words put the scores on
    score_label_words: set[str] = field(default_factory=set)  # ...and those words (answer keys)
    word_scale: str | None = None  # chosen from preset.word_scales by the file's words
    map_unknown: list[str] = field(default_factory=list)  # ...or over the preset's score map, lacking these words
    words_are_typos: bool = False  # fewer than half the scores are words: no value map reads them
    score_words: set[str] = field(default_factory=set)  # the answer words of the score column (scales.decide)
    grid_words: set[str] = field(default_factory=set)  # ...and of its grid's other rows, when they set its wording
    fallbacks: list[tuple[str, int]] = field(default_factory=list)  # preset.fallback_columns: (field, column)
    time_at: int | None = None  # preset.time_column: the time of day of a submitted_at column of dates
    time_fractions: bool = False  # ...holding fractions of a day ("0.3125": timesofday.fractions_column)
    shared_agent: bool = False  # agent_id and agent_email map to one column (Nicereply's "Agent")
    gather: tuple[int, int, re.Pattern] | None = None  # preset.comment_rows: response, question columns, match
    # response id -> (comment, its rows, fate): validation._gathered_comments
    gathered: dict[str, tuple[str, list[int], str]] = field(default_factory=dict)
    summary_rows: set[int] = field(default_factory=set)  # row numbers of summary and subtotal lines (rowskips)
    all_midnight: bool = False  # every submitted_at's time is 00:00 (validation: a decision says so)

    def skip_rule_for(self, cells: list[str]) -> tuple[Rule, str] | None:
        """(the first skip rule whose column's value in `cells` it lists, that value trimmed), else None:
        the row is no answer of this file (a Qualtrics preview, a long export's other question)."""
        for position, rule in self.skip_rules:
            text = cells[position].strip()
            if rule_key(text) in rule.values:
                return rule, text
        return None

    def bounds_free(self) -> bool:
        """True when no column or constant gives min_score/max_score (a scale may set them: scales.decide)."""
        return not any(name in self.index or name in self.preset.constants for name in ("min_score", "max_score"))

    def score_map(self) -> dict | None:
        """The score's value map: the chosen word scale's, else the preset's, except in a column of
        numbers (`words_are_typos`), where a word is refused rather than read ("Satisfied" among 1..7)."""
        if self.word_scale:
            return SCALES[self.word_scale]["value_map"]
        if self.scale_reversed:  # "(1 = very satisfied, 5 = very dissatisfied)": 1 is sent as 5
            low, high = self.scale_reversed
            return {str(number): low + high - number for number in range(low, high + 1)}
        return None if self.words_are_typos else self.preset.value_maps.get("score")
    memo: dict[tuple, object] = field(default_factory=dict)

    @classmethod
    def build(cls, preset: Preset, columns: list[str], zone: str, now: datetime) -> Plan:
        """Column indices for every mapped field, split, rule and clarifying group (absent ones dropped)."""
        headers, plan = Headers(list(columns)), cls(preset, list(columns), zone, now)
        for name, column in preset.columns.items():
            if isinstance(column, str) and (position := headers.index(column)) is not None:
                plan.index[name] = position
        plan.fixed_bounds = _fixed_bounds(preset, plan.index)
        if "submitted_at" in plan.index:
            plan.sent_at = next((at for at, column in enumerate(columns) if at not in plan.index.values()
                                 and SENT_TIME.search(normalize(column))), None)
        plan.shared_agent = "agent_id" in plan.index and plan.index["agent_id"] == plan.index.get("agent_email")
        plan.fallbacks = [(name, p) for name, column in preset.fallback_columns.items()
                          if isinstance(column, str) and (p := headers.index(column)) is not None]
        if isinstance(preset.tens_column, str):
            plan.tens_at = headers.index(preset.tens_column)
        if preset.time_column and "submitted_at" in plan.index:
            plan.time_at = headers.index(preset.time_column)
        plan.text_maps = {name: table for name, table in preset.value_maps.items() if name in TEXT_MAPPED}
        plan.splits = [(p, s) for s in preset.splits if (p := headers.index(s.column)) is not None]
        rows = preset.comment_rows
        if rows and (by := headers.index(rows.by)) is not None and (asked := headers.index(rows.question)) is not None:
            plan.gather = (by, asked, re.compile(rows.match, re.IGNORECASE))
        plan.skip_rules = [(p, r) for r in preset.skip_rules if (p := headers.index(r.column)) is not None]
        plan.warn_rules = [(p, r) for r in preset.warn_rules if (p := headers.index(r.column)) is not None]
        plan.skip_columns = [(key, None if key in FIELDS else headers.index(key), values)
                             for key, values in preset.skip_values.items()]
        for group in preset.clarifying:
            found = [headers.index(c) if isinstance(c, str) else None
                     for c in (group.score, group.comment, group.score_label)]
            if found[0] is not None:
                plan.groups.append((group, *found))
        return plan

    def field_texts(self, rows: list[list[str]], name: str) -> list[str]:
        """Every row's source text for field `name`, as `extract` gives it ("" when none).

        Reads the column directly when only the column can give the field a value,
        since extracting every field of every row is most of the cost on big files."""
        position = self.index.get(name)
        direct = (position is not None and name not in self.text_maps and name not in self.preset.constants
                  and not self.preset.splits_into(name) and name not in self.preset.fallback_columns
                  and not (name == "submitted_at" and self.time_at is not None))
        if direct:
            return [cells[position] for cells in rows]
        return [raw.text if (raw := self.extract(cells).get(name)) else "" for cells in rows]

    def extract(self, cells: list[str]) -> dict[str, Raw]:
        """field -> Raw: mapped columns (a blank cell takes its preset.fallback_columns column;
        text value maps applied; one column mapped to both agent_id and agent_email gives the one
        its text looks like; a date without a time takes preset.time_column's time of day), split
        parts for fields still blank, then constants. A blank comment of a long export comes from its
        response's comment row (`gathered`, preset.comment_rows). A split's agent_id part holding an '@'
        (or '(at)') fills agent_email instead: the API keeps the two apart (shared/api/CONTRACT.md) and
        teams join "ticket|agent email" as often as "ticket|agent id"."""
        raw = {name: Raw(cells[p], self.columns[p], p) for name, p in self.index.items()}
        if self.shared_agent:  # one "Agent" column for both: an email is the agent_email, anything else the id
            del raw["agent_id" if _EMAIL_LIKE.search(raw["agent_id"].text) else "agent_email"]
        for name, p in self.fallbacks:  # a blank cell takes its fallback column's text (preset.fallback_columns)
            if not any(raw[field].text.strip() for field in _ALTERNATIVES.get(name, (name,)) if field in raw):
                raw[name] = Raw(cells[p], self.columns[p], p)
        if self.time_at is not None and (stamp := raw["submitted_at"]).text.strip():
            time, joined = cells[self.time_at], f"{stamp.column} + {self.columns[self.time_at]}"
            day = timesofday.midnight_date(stamp.text) or stamp.text.strip()  # a date cell's 0:00 is no time
            if ":" not in day and not dates.NUMBER_RE.match(day) and timesofday.time_of_day(time) is not None:
                raw["submitted_at"] = Raw(f"{day} {timesofday.joined_time(time, self.time_fractions)}",
                                          joined, stamp.position)
            elif timesofday.is_serial_day(stamp.text) and (
                    timesofday.day_fraction(time, self.time_fractions) is not None):  # 46089 and 0.3125
                raw["submitted_at"] = Raw(f"{stamp.text.strip()}.{time.strip().split('.')[1]}", joined, stamp.position)
            elif timesofday.is_serial_day(stamp.text) and (decimals := timesofday.clock_decimals(time)):  # and 07:30
                raw["submitted_at"] = Raw(f"{stamp.text.strip()}.{decimals}", joined, stamp.position)
        for name, table in self.text_maps.items():
            if name in raw and (mapped := table.get(raw[name].text.strip().casefold())) is not None:
                raw[name].text = str(mapped)
        for position, split in self.splits:
            parts = cells[position].split(split.separator)
            last = len(split.fields) - 1  # the last field takes the rest, refused unless blank (items.check_splits)
            parts = parts[:last] + [split.separator.join(parts[last:]).rstrip(f"{split.separator} ")]
            for number, name in enumerate(split.fields):
                text = parts[number].strip() if number < len(parts) else ""
                name = "agent_email" if name == "agent_id" and _EMAIL_LIKE.search(text) else name
                if name not in raw or not raw[name].text.strip():
                    raw[name] = Raw(text, self.columns[position], position, split)
        comment = raw.get("comment")
        if self.gathered and comment and not comment.text.strip():
            text, numbers, fate = self.gathered.get(cells[self.gather[0]].strip(), ("", [], ""))
            if fate == "sent":
                rows = ", ".join(map(str, numbers))
                raw["comment"] = Raw(text, f"{comment.column} (row{'s' if len(numbers) > 1 else ''} {rows})",
                                     gathered=tuple(numbers))
        for name, value in self.preset.constants.items():
            if name not in raw or not raw[name].text.strip():
                raw[name] = Raw(str(value), None)
        return raw


def _fixed_bounds(preset: Preset, index: dict[str, int]) -> tuple[int, int] | None:
    """(min, max) when no column gives them and the constants/defaults are sane integers, else None."""
    if "min_score" in index or "max_score" in index:
        return None
    low, high = (preset.constants.get(name, DEFAULT_BOUNDS[name]) for name in ("min_score", "max_score"))
    try:
        low, high = int(low), int(high)
    except (TypeError, ValueError):
        return None
    return (low, high) if low < high else None
