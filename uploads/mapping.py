"""Presets: how the columns of one export layout become MaestroQA CSAT fields.

A preset is plain data, stored as JSON (built-ins in `uploads/presets/*.json`,
a copy of the one used is kept with each upload). `choose_preset` picks the
built-in whose `detect` headers are all present and returns it *resolved*
against the sheet: every column spec replaced by the exact header found, the
clarifying-question pattern expanded into concrete groups, fields the preset
could not place filled by header-name auto-detection (`autodetect`).
This module never validates cells; `validation` does.

The JSON format of a preset is documented in `uploads.preset_format`; its
classes (Preset, Split, Rule, ClarifyingGroup, ClarifyingPattern) and FIELDS,
SCALES are re-exported here, so callers only need `from uploads import mapping`.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from uploads import autodetect, questiongroups, scorecells, scorequestions, timecolumn
from uploads.headers import Headers, as_list
from uploads.preset_format import (  # noqa: F401  (re-exported: the public names of this module)
    EXACT_FIELDS,
    FIELDS,
    ClarifyingGroup,
    ClarifyingPattern,
    CommentRows,
    Preset,
    Rule,
    Split,
    render,
)
from uploads.wordings import SCALES  # noqa: F401  (re-exported, as above)

CORE_FIELDS = ["ticket_id", "agent_id", "agent_email", "score", "submitted_at", "comment"]
PRESET_DIR = Path(__file__).with_name("presets")
SAMPLE_ROWS = 200


def load_preset(path: Path) -> Preset:
    """One preset from a JSON file; raises ValueError for a malformed preset."""
    return Preset.from_json(json.loads(path.read_text(encoding="utf-8")))


def builtin_presets() -> list[Preset]:
    """The built-in presets from uploads/presets/*.json, in file-name order (earlier wins ties)."""
    return [load_preset(path) for path in sorted(PRESET_DIR.glob("*.json"))]


@functools.cache
def _builtin_names() -> frozenset[str]:
    return frozenset(preset.name.casefold() for preset in builtin_presets())


def is_builtin(name: str) -> bool:
    """True when `name`, in any case, is a built-in preset's (their files are read once per process)."""
    return name.casefold() in _builtin_names()


def header_score(cells: list[str]) -> int:
    """How well one row's cells match known header names (headerrows.HeaderScore).

    0 when no cell could name the ticket id column, by autodetect's names or a
    built-in preset's ticket_id column or split; else the number of fields named.
    Used to find the header under a wide title row and to skip a summary sheet.
    """
    fields = autodetect.named_fields(cells)
    if "ticket_id" not in fields and not any(Headers(cells).find(spec) is not None for spec in _ticket_specs()):
        return 0
    return len(fields | {"ticket_id"})


@lru_cache(maxsize=1)
def _ticket_specs() -> tuple:
    """Column specs of the built-in presets that give ticket_id (a column, or a column split into it)."""
    specs = []
    for preset in builtin_presets():
        specs += [preset.columns.get("ticket_id")] + [s.column for s in preset.splits if "ticket_id" in s.fields]
    return tuple(item for spec in specs for item in as_list(spec))


_SHARED_AGENT = "; one column for both: an address is sent as agent_email, anything else as agent_id"


def resolve(preset: Preset, sheet, *, fill: bool = False) -> Preset:
    """The preset with every spec replaced by the exact header found in `sheet`.

    Fields, splits and rules whose column is absent are dropped; the clarifying
    pattern becomes concrete groups. fill=True (a preset chosen for a file, not the
    user's own mapping) also leaves out an agent_id column of people's names beside an
    email column, and maps core fields the preset left unplaced by header-name
    auto-detection. Idempotent on a resolved preset.
    """
    headers = Headers.of(sheet)
    out = replace(preset, columns={}, reasons={}, clarifying=[], clarifying_pattern=None,
                  splits=_resolve_splits(preset.splits, headers),
                  comment_rows=_resolve_comment_rows(preset.comment_rows, headers),
                  warn_rules=_resolve_rules(preset.warn_rules, headers))
    used: set[int] = set()
    for name in FIELDS:
        free = used - {headers.index(out.columns.get("score", ""))} if name == "score_label" else used
        position = _find_field(name, preset.columns.get(name), headers, sheet, free)
        if position is not None and name in ("score", "score_label"):
            position = scorequestions.overall_row(position, preset.columns.get(name), headers, free, sheet)
        if position is not None:
            out.columns[name] = headers.columns[position]
            whose = "the mapping" if preset.name == AUTO_PRESET_NAME else f"preset '{preset.name}'"  # QA round 55b
            out.reasons[name] = preset.reasons.get(name) or (
                f"{whose} takes {name} from column '{headers.columns[position]}'")
            used.add(position)
    out.reasons.update({name: why for name, why in preset.reasons.items() if name in preset.constants
                        and name not in out.columns})  # a constant's reason: the scale set on the mapping page
    if "agent_id" in out.columns and out.columns["agent_id"] == out.columns.get("agent_email"):
        for name in ("agent_id", "agent_email"):  # SurveyMonkey's 'Agent' variable (QA round 57d)
            if not out.reasons[name].endswith(_SHARED_AGENT):
                out.reasons[name] += _SHARED_AGENT
    _name_other_scores(out, preset.columns.get("score"), headers, used)
    tens_at = headers.find(preset.tens_column) if preset.tens_column else None
    out.tens_column = headers.columns[tens_at] if tens_at is not None else None
    time_at = headers.find(preset.time_column) if preset.time_column else None
    out.time_column = headers.columns[time_at] if time_at is not None and "submitted_at" in out.columns else None
    out.fallback_columns = {name: headers.columns[position] for name, spec in preset.fallback_columns.items()
                            if name in out.columns and (position := headers.find(spec)) is not None}
    out.skip_rules = [_resolve_keep(rule, headers, sheet, out.columns.get("score"))
                      for rule in _resolve_rules(preset.skip_rules, headers)]
    out.skip_values = _resolve_skip_values(preset.skip_values, headers)
    out.clarifying = _resolve_groups(preset, headers, sheet, used)
    used.update(position for group in out.clarifying for name in (group.score, group.comment, group.score_label)
                if name and (position := headers.find(name)) is not None)  # "Q2 - Comment" is no item's comment
    if fill:
        _drop_named_agent(out, headers, sheet)
        _fill(out, headers, sheet, used)
        _add_time_column(out, headers, sheet, used)
        if "score" in out.columns and preset.columns.get("score") and headers.find(preset.columns["score"]) is None:
            _drop_scale_of_absent_score(out)
    return out


def absent_columns(preset: Preset, sheet, fields: bool = True) -> list[str]:
    """What the user's own `preset` reads from columns `sheet` lacks, one phrase each ("'Status' (a skip rule: the
    rows it skips are read as answers)"), its fields' too unless `fields` is False; [] for a built-in preset, whose
    alternatives most files lack. A notice names them (QA round 71b: a survey tool renamed Status, and a test
    response went out without a word)."""
    if is_builtin(preset.name):
        return []
    headers = Headers.of(sheet)

    def gone(spec) -> str:
        return " or ".join(f"'{name}'" for name in as_list(spec)) if spec and headers.find(spec) is None else ""

    return ([f"{named} ({name})" for name, spec in preset.columns.items() if fields and (named := gone(spec))]
            + [f"{named} (split into {' and '.join(split.fields)})" for split in preset.splits
               if (named := gone(split.column))]
            + [f"{named} (a skip rule: the rows it skips are read as answers)" for rule in preset.skip_rules
               if (named := gone(rule.column))]
            + [f"{named} (a warning rule)" for rule in preset.warn_rules if (named := gone(rule.column))]
            + [f"{named} (clarifying question '{group.question}': not sent)" for group in preset.clarifying
               if (named := gone(group.score))])


def _drop_scale_of_absent_score(out: Preset) -> None:
    """Leave out the score's answer words and min/max constants of a preset whose own score column this file
    lacks (its score was found by header name instead): they belong to that column's survey. A team sheet's
    0..10 preset applied by name to a 1..5 file sent every score on 0..10 (QA round 35b)."""
    dropped = [part for part, removed in (
        ("answer words", out.value_maps.pop("score", None) is not None),
        ("min_score", out.constants.pop("min_score", None) is not None),
        ("max_score", out.constants.pop("max_score", None) is not None)) if removed]
    if dropped:
        out.reasons["score"] += (f"; the preset's {' and '.join(dropped)} belong to its own score column, which "
                                 "this file lacks, so they are left out")


def _drop_named_agent(out: Preset, headers: Headers, sheet) -> None:
    """Unmap agent_id when its own column holds people's names and another column holds the agents'
    emails: MaestroQA takes agent_id over the email (shared/api/CONTRACT.md), and a name is no id."""
    ids, emails = (headers.index(out.columns.get(name, "")) for name in ("agent_id", "agent_email"))
    if ids is None or emails is None or ids == emails:
        return
    addresses = autodetect.column_texts(sheet, emails, 50)
    if sum("@" in text for text in addresses) >= max(1, 0.6 * len(addresses)) and autodetect.holds_names(
            headers, sheet, ids):
        del out.columns["agent_id"]
        out.reasons.pop("agent_id", None)


def _name_other_scores(out: Preset, spec, headers: Headers, used: set[int]) -> None:
    """When the pattern that found the score column matches other free columns too (a Google Forms
    grid: "How satisfied... [Response speed]" and "... [Overall]"), say so in the score's reason,
    so that the choice shows on the mapping page and in the CLI's output."""
    chosen = headers.index(out.columns.get("score", ""))
    for alternative in as_list(spec) if chosen is not None else []:
        found = headers.matching(alternative)
        if chosen in found:
            grid = headers.grid_rows(chosen)  # the notice on a grid's other rows names those (columnnotes)
            others = [headers.columns[i] for i in found if i != chosen and i not in used and i not in grid]
            if others:
                out.reasons["score"] += (f"; {', '.join(repr(name) for name in others)} also match"
                                         f"{'es' if len(others) == 1 else ''}: choose another on the mapping page "
                                         "if it holds the overall rating")
            return


# Field -> a test of a column's first texts that passes the column over among a list of alternatives.
_PASS_OVER = {
    # a scored question, never the customer's text (Qualtrics' Q2 is the comment in one export and
    # the score or "How easy was it?" in another)
    "comment": lambda texts: all(scorecells.INTEGER.match(text) for text in texts),
    "ticket_id": lambda texts: autodetect.not_ids(texts, ticket=True),
    "agent_id": autodetect.not_ids,
}


def _find_field(name: str, spec, headers: Headers, sheet, used: set[int]) -> int | None:
    """The column for field `name`: the first matching `spec` (Headers.find: regex and label specs
    skip `used`, exact names may share a column, as Delighted's min_score and max_score do).

    Among a list of alternatives for comment, ticket_id or agent_id, a column another field took,
    or whose texts `_PASS_OVER` says cannot be the field, is passed over."""
    if name not in _PASS_OVER or not isinstance(spec, list):
        return headers.find(spec, used)
    passed = set(used)
    for alternative in spec:
        while (position := headers.find(alternative, passed)) is not None and position not in passed:
            texts = autodetect.column_texts(sheet, position, 50)
            if not texts or not _PASS_OVER[name](texts):
                return position
            passed.add(position)
    return None


def _resolve_splits(splits: list[Split], headers: Headers) -> list[Split]:
    out = []
    for split in splits:
        position = headers.find(split.column)
        if position is not None:
            out.append(replace(split, column=headers.columns[position]))
    return out


def _resolve_comment_rows(rows: CommentRows | None, headers: Headers) -> CommentRows | None:
    """`rows` with exact headers, or None when the file lacks its response or question column."""
    found = [headers.find(spec) for spec in (rows.by, rows.question)] if rows else [None]
    if None in found:
        return None
    return replace(rows, by=headers.columns[found[0]], question=headers.columns[found[1]])


def _resolve_rules(rules: list[Rule], headers: Headers) -> list[Rule]:
    out = []
    for rule in rules:
        position = headers.find(rule.column)
        if position is not None:
            out.append(replace(rule, column=headers.columns[position]))
    return out


# A likelihood-to-recommend question (NPS, 0..10): never the satisfaction rating a `keep` rule looks for
_NPS_QUESTION = re.compile(r"\b(would|likely|likelihood)\b.*\brecommend|\brecommend (us|our|this)\b|empfehlen|"
                           r"recommander|recomendar|raccomand|aanbevelen|poleci|\bnps\b", re.I)


def _resolve_keep(rule: Rule, headers: Headers, sheet, score_column: str | None) -> Rule:
    """A `keep` rule (one row per question) as a plain skip rule listing the texts to skip.

    Kept: the texts matching `keep`, else the first text on a row with a score that asks no
    likelihood to recommend (_NPS_QUESTION), else the first text on a row with a score. The reason
    names what was kept: "...; the score is the answer to 'Overall satisfaction'".
    """
    if not rule.keep:
        return rule
    position, score_at = headers.index(rule.column), headers.index(score_column) if score_column else None
    texts = list(dict.fromkeys(row[position].strip() for row in sheet.rows
                               if position < len(row) and row[position].strip()))
    kept = [text for text in texts if re.search(rule.keep, text, re.I)]
    if not kept and score_at is not None:
        answered = [row[position].strip() for row in sheet.rows
                    if position < len(row) and score_at < len(row) and row[score_at].strip()]
        kept = [next((text for text in answered if not _NPS_QUESTION.search(text)), answered[0] if answered else "")]
    shown = "', '".join(text for text in kept if text)
    values = {text.casefold(): "" for text in texts if text not in kept}
    reason = f"{rule.reason}; the score is the answer to '{shown}'" if shown else rule.reason
    return replace(rule, values=values, keep="", reason=reason)


def _resolve_skip_values(skip_values: dict, headers: Headers) -> dict:
    out = {}
    for key, values in skip_values.items():
        if key in FIELDS:
            out[key] = values
        elif (position := headers.find(key)) is not None:
            out[headers.columns[position]] = values
    return out


def _resolve_groups(preset: Preset, headers: Headers, sheet, used: set[int]) -> list[ClarifyingGroup]:
    groups = []
    for group in preset.clarifying:
        position = headers.find(group.score)
        if position is None:
            continue
        parts = {}
        for part in ("comment", "score_label"):
            found = headers.find(getattr(group, part))
            parts[part] = headers.columns[found] if found is not None else None
        groups.append(replace(group, score=headers.columns[position], **parts))
    if preset.clarifying_pattern:
        found = questiongroups.pattern_groups(preset.clarifying_pattern, headers, sheet, SCALES, used)
        groups += [ClarifyingGroup.from_json(group) for group in found]
    return groups


def _fill(out: Preset, headers: Headers, sheet, used: set[int]) -> None:
    missing = [name for name in CORE_FIELDS if name not in out.columns and not out.splits_into(name)]
    if "agent_id" in out.columns or out.splits_into("agent_id"):
        missing = [name for name in missing if name != "agent_email" or "agent_email" in out.columns]
    for name, (position, why) in autodetect.auto_columns(headers, sheet, missing, used, out.columns).items():
        out.columns[name] = headers.columns[position]
        out.reasons[name] = f"{why} (the preset has no column for {name} in this file)"


def _add_time_column(out: Preset, headers: Headers, sheet, used: set[int]) -> None:
    """Give a submitted_at column of dates alone the time column beside it (timecolumn.find)."""
    stamps = headers.index(out.columns.get("submitted_at", ""))
    if stamps is not None and out.time_column is None and (
            time_at := timecolumn.find(headers, sheet, stamps, used)) is not None:
        out.time_column = headers.columns[time_at]
        out.reasons["submitted_at"] += f"; the time of day from column '{out.time_column}'"


def detect_match(preset: Preset, sheet) -> list[str] | None:
    """The headers matching each `detect` entry, or None when one entry matches nothing."""
    if not preset.detect:
        return None
    headers, found = Headers.of(sheet), []
    for entry in preset.detect:
        position = headers.find(entry)
        if position is None:
            return None
        found.append(headers.columns[position])
    return found if _values_match(preset, headers, sheet) else None


def _values_match(preset: Preset, headers: Headers, sheet) -> bool:
    for name, expected in preset.detect_values.items():
        position = headers.find(preset.columns.get(name))
        if position is None:
            continue
        texts = [row[position].strip() for row in sheet.rows[:SAMPLE_ROWS * 5]
                 if position < len(row) and row[position].strip()][:SAMPLE_ROWS]
        if texts and not autodetect.values_look_like(texts, expected):
            return False
    return True


def shared_columns(columns: dict[str, object]) -> dict[str, str]:
    """field -> sentence for each of EXACT_FIELDS and comment whose column (a resolved header) an earlier one reads too:
    "ticket_id and agent_id both read the column 'Ticket': one column cannot hold both" (QA rounds 47c, 49b:
    agent_id on the ticket column had gone out on every row)."""
    taken: dict[str, str] = {}
    out = {}
    for field in (*EXACT_FIELDS, "comment"):  # a score's column as the comment sent its words (QA round 64c)
        column = columns.get(field)
        if not isinstance(column, str) or not column:
            continue
        if column in taken and {taken[column], field} != {"agent_id", "agent_email"}:
            out[field] = f"{taken[column]} and {field} both read the column '{column}': one column cannot hold both"
        taken.setdefault(column, field)
    return out


# The name of the mapping auto_preset guesses when no preset matches a file's headers
AUTO_PRESET_NAME = "Auto-detected columns"


def choose_preset(sheet, presets: list[Preset]) -> tuple[Preset, str]:
    """The best preset for these headers, resolved, and the reason to show the user.

    Best = all `detect` entries present (and `detect_values` satisfied), then the
    most detect entries, then the most core fields placed, then list order.
    Falls back to `auto_preset`. Reason: "matched Zendesk satisfaction ratings:
    columns assignee_id, score, updated_at".
    """
    best: tuple | None = None
    for order, preset in enumerate(presets):
        matched = detect_match(preset, sheet)
        if matched is None:
            continue
        resolved = resolve(preset, sheet, fill=True)
        placed = sum(1 for name in CORE_FIELDS if name in resolved.columns or resolved.splits_into(name))
        rank = (len(preset.detect), placed, -order)
        if best is None or rank > best[0]:
            best = (rank, resolved, f"matched {preset.name}: columns {', '.join(matched)}")
    if best is None:
        preset = auto_preset(sheet)
        return preset, "no built-in preset matched these headers; " + preset.description
    return best[1], best[2]


def auto_preset(sheet) -> Preset:
    """A preset built from header names and common synonyms; `reasons` says why per field.

    Example reasons: "header 'Ticket number' is a usual name for ticket_id".
    The description sums the mapping up ("columns matched by name: ...").
    """
    headers = Headers.of(sheet)
    found = autodetect.auto_columns(headers, sheet, FIELDS, set())
    preset = Preset(name=AUTO_PRESET_NAME)
    for name in FIELDS:
        if name in found:
            position, why = found[name]
            preset.columns[name] = headers.columns[position]
            preset.reasons[name] = why
    autodetect.add_word_scale(preset, headers, sheet, SCALES)
    _add_time_column(preset, headers, sheet, {position for position, _ in found.values()})
    mapped = ", ".join(f"{name} <- '{column}'" for name, column in preset.columns.items())
    preset.description = f"columns matched by name: {mapped or 'none'}"
    return preset
