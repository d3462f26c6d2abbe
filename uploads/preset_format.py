"""The preset data format: the dataclasses behind a preset and their JSON form.

Preset JSON format (every key but "name" is optional)::

    {
      "name": "Zendesk satisfaction ratings",      # shown to users
      "description": "Legacy CSAT ...",            # one paragraph
      "header_row": null,       # 1-based header row, a hint for the reader; null = detect
      "detect": ["assignee_id", "score", ["updated_at", "created_at"]],
          # headers that identify the layout: every entry must match a column;
          # an entry that is a list matches when any of its specs does
      "detect_values": {"score": "numbers"},
          # optional data check on a field's column (first 200 non-blank cells):
          # "numbers" (at least half integers), "words" (fewer), or a list of allowed texts
      "columns": {"submitted_at": "updated_at", "score": ["Q1", "re:satisf"]},
          # field -> column spec or list of specs, first match wins. Specs:
          #   "Ticket ID"       header name, case/space/punctuation-insensitive
          #   "re:satisf"       regex searched in the header (case-insensitive)
          #   "label:Open-Ended Response"  matched against the 2nd header row
          #   "re:satisf && label:Response"  a column matching both
          # fields: submitted_at ticket_id agent_id agent_email score comment
          #         score_label min_score max_score. Two fields may share a
          #         column (Zendesk: score and score_label both from "score").
      "fallback_columns": {"score": "ChoiceValue"},
          # field -> column spec: a row whose cell for the field is blank takes this
          # column's text (Salesforce: a rating asked as a choice, "Very satisfied",
          # is in ChoiceValue where NumberValue is blank)
      "time_column": "Time",
          # column spec: the time of day of a submitted_at column holding dates alone
          # (a hand-made sheet's Date | Time); auto-detected from a header such as "Time"
      "constants": {"min_score": 0, "max_score": 1},
          # field -> value used when no column gives one (no column, or a blank
          # cell); min_score/max_score default to 1 and 5 and are always sent
      "value_maps": {"score": {"good": 1, "bad": 0}},
          # field -> {cell text (case-insensitive, trimmed) -> value}, or the name of
          # a built-in scale (SCALES, below: "good_bad") whose value map it is. For
          # score_label sharing the score's column, the label is the text as
          # typed when the text was mapped, and omitted for plain numbers.
      "skip_values": {"score": {"offered": "survey not answered (not a rating)"}},
          # field or column -> {text -> reason}: such rows are *skipped*, not
          # errors; "" matches a blank cell. Reason shown: "score 'offered': ...".
          # Or "unanswered": a helpdesk's words for a survey sent but not
          # answered, in every language known ("Offered", "Angeboten", "Proposée"),
          # or a list of both: ["unanswered", {"": "no rating"}]
      "skip_rules": [{"column": "Status", "values": {"1": "Survey Preview"},
                      "reason": "not a real customer response"}],
          # values: {text -> label} or [texts]. Shown: "Status=1 (Survey Preview): ..."
          # "keep": "<regex>" instead of values (long exports, one row per question): rows whose
          # text does not match are skipped; resolving lists those texts as values. When no text
          # in the file matches, the first text with a score is kept.
      "warn_rules": [{"column": "Finished", "values": ["0", "False"], "if_present": "score",
                      "message": "partial response ({column}={value}) but {field_column} answered; imported"}],
          # a warning on rows with these values (only when field `if_present` has a value)
      "splits": [{"column": "ExternalReference", "separator": "|", "fields": ["ticket_id", "agent_id"]}],
          # one cell -> several fields; a part fills a field only when no mapped
          # column gives that field a value
      "comment_rows": {"by": "ResponseId", "question": "QuestionName", "match": "comment|anything else"},
          # long exports, one row per question: a row's blank comment is the answer on the
          # row of the same response (`by`) whose question matches `match` (regex, any case)
      "time_zone": null,        # IANA zone for naive times (file-declared zones win)
      "date_order": null,       # "MDY" | "DMY" for 3/8/2026-style dates no value settles
      "date_order_by_column": {"Horodateur": "DMY"},
          # submitted_at column header (any case) -> the order its language writes
          # dates in, used when no value settles the order and date_order is null
      "score_scales": [[1, 5], [0, 10]],
          # when no column or constant gives min/max: the first [min, max] holding every
          # integer score in the file ('seen but unanswered' codes such as -99 aside),
          # else the last; decided once per file and shown (Delighted NPS vs CSAT)
      "tens_column": ["Legacy score"],
          # a column holding every answer again on 0..10 (Nicereply's legacy score): when no column
          # or constant gives min/max, the score its 10 falls on is the scale's top (3 smileys:
          # 1, 2, 3 beside 0, 5, 10 -> 1..3), before score_scales; shown
      "score_typos": true,
          # with score_scales: scores outside the first range on fewer than a fifth of the
          # rows are typos (invalid), not a wider scale; for layouts whose scores people type
          # or recode (Qualtrics, Google Forms). Default false: a system's export has no typos
      "ticket_digits": 8,
          # the digits the helpdesk pads its digit-only ticket ids to with zeros (Salesforce's
          # CaseNumber 00001026); shorter ids without a zero get a warning that a spreadsheet
          # may have dropped it. Default 0: not known
      "label_scales": [{"labels": ["bad", "good"], "min_score": 1, "max_score": 2}],
          # a [min, max] that wins over constants when every answer fits it: each whole-number
          # score in the range with its label, when given, the entry's label for it (`labels`
          # from min_score up, any case), and some answer the top score with its label: Zendesk's
          # updated CSAT on a 2-point survey labels 2 "Good", which a 5-point survey never does
      "word_scales": ["csat5", "csat7"],
          # SCALES whose value map (and range) replaces the score's when the score column holds
          # words: of those knowing every word, the one giving them the most distinct scores,
          # the first on a tie ("Satisfied" beside "Somewhat satisfied" means a 7-point survey)
      "clarifying": [{"key": "Q2", "question": "How easy was it?", "score": "Q2",
                      "comment": "Q2 - Comment", "score_label": null, "scale": "ces7",
                      "min_score": 1, "max_score": 7, "value_map": {}, "labels": {"1": "Very difficult"}}],
          # extra questions -> clarifying_answers. "scale" names a built-in scale
          # (SCALES: csat5, ces7, yes_no, good_bad, fin5) whose min/max, value_map
          # and labels fill what the group leaves out. labels: score -> score_label.
      "clarifying_pattern": {"header": "^(?P<key>Q\\d+)\\s*-\\s*(?P<question>.+)$", "skip_keys": ["Q1"],
                             "comment": "^comments?$", "default_scale": "csat5",
                             "rules": [{"values": "yes_no"}, {"question": "\\beasy\\b", "scale": "ces7"}]},
          # discovers groups from headers like "Q2 - How easy was it?" with
          # "Q2 - Comment"; rules pick a scale by the answers (all texts are
          # keys of the scale's value map) or by the question text.
      "reasons": {"ticket_id": "preset 'Zendesk satisfaction ratings' takes ticket_id from column 'ticket_id'"}
          # filled on resolved presets: why each field has its column
    }

Built-in presets use spec lists and patterns; `mapping.choose_preset` returns a
*resolved* copy (exact header names, concrete clarifying groups), which is the
one to store with an upload and to edit on the mapping page.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field, fields
from typing import Any

from uploads.wordings import SCALES, UNANSWERED

FIELDS = ["submitted_at", "ticket_id", "agent_id", "agent_email", "score", "comment", "score_label",
          "min_score", "max_score"]
# The fields of one exact value, never free text: no two share a column (mapping.shared_columns; the two agent
# fields may: Nicereply's "Agent" holds an email or an id), and a cell a separator split is refused there
# (items.check_row_note)
EXACT_FIELDS = ("submitted_at", "ticket_id", "agent_id", "agent_email", "score")

# The widest min_score/max_score a preset or the mapping page may set (constants)
SCALE_LIMIT = 1000



def _norm_map(mapping: dict | None) -> dict[str, Any]:
    """A value map with keys trimmed and case-folded (how cells are looked up)."""
    return {str(key).strip().casefold(): value for key, value in (mapping or {}).items()}


def _scale_constants(data: dict) -> dict[str, Any]:
    """A preset's constants, with min_score and max_score of the built-in scale its score's value map
    names ("value_maps": {"score": "happy3"} reads Happy as 3 of 1..3, not of 1..5: QA round 29a) when
    it gives neither itself."""
    constants = dict(data.get("constants") or {})
    named = (data.get("value_maps") or {}).get("score")
    if isinstance(named, str) and "min_score" in SCALES.get(named, {}) and not {"min_score", "max_score"} & set(
            constants):
        constants.update(min_score=SCALES[named]["min_score"], max_score=SCALES[named]["max_score"])
    return constants


def _value_map(given: dict | str | None) -> dict[str, Any]:
    """A preset's value map: given as a dict, or as the name of a built-in scale whose value_map it is
    ("good_bad": the Zendesk presets); ValueError for another name."""
    if isinstance(given, str):
        if "value_map" not in SCALES.get(given, {}):
            raise ValueError(f"value map {given!r} is no built-in scale's; name one of "
                             f"{', '.join(name for name, scale in SCALES.items() if 'value_map' in scale)}")
        return dict(SCALES[given]["value_map"])
    if given is not None and not isinstance(given, dict):
        raise ValueError(f"value map {given!r}: give {{text: value}} or a built-in scale's name")
    return _norm_map(given)


def _skip_values(given: dict | str | list) -> dict[str, str]:
    """A preset's skip values of one field or column: {text -> reason}; or "unanswered", the words a helpdesk
    writes in its score column for a survey sent but not answered, in every language known (wordings.UNANSWERED:
    QA round 51c, a German Zendesk account's "Angeboten" was an error); or a list of both, merged in order.
    ValueError for another name."""
    out: dict[str, str] = {}
    for part in given if isinstance(given, list) else [given]:
        if isinstance(part, dict):
            out.update({str(text).strip().casefold(): str(reason) for text, reason in part.items()})
        elif part == "unanswered":
            out.update(UNANSWERED)
        else:
            raise ValueError(f"skip values {part!r}: give {{text: reason}}, \"unanswered\" or a list of those")
    return out


def _norm_values(values: dict | list | None) -> dict[str, str]:
    if isinstance(values, dict):
        return {str(key).strip().casefold(): str(label) for key, label in values.items()}
    return {str(value).strip().casefold(): "" for value in values or []}


@dataclass
class Split:
    """One cell holding several fields joined by `separator` (Qualtrics `ticket|agent`)."""

    column: str | list[str]
    fields: list[str]
    separator: str = "|"


@dataclass
class CommentRows:
    """Long exports (one row per question, Salesforce): a row's blank comment comes from the row of
    the same response (`by` column) whose question (`question` column) matches `match` (a regex,
    any case), which the export must be pivoted on (shared/formats/EXPORT-FORMATS.md section 10)."""

    by: str | list[str]
    question: str | list[str]
    match: str

    @classmethod
    def from_json(cls, data: dict) -> CommentRows:
        """Raises ValueError when a key is missing or of the wrong type, or `match` is not a valid regex."""
        specs = [data.get("by"), data.get("question")]
        if not all(isinstance(spec, str) or isinstance(spec, list) and all(isinstance(item, str) for item in spec)
                   for spec in specs) or not isinstance(data.get("match"), str):
            raise ValueError("comment_rows needs \"by\" and \"question\" (a column name or a list of them) and "
                             "\"match\" (a pattern)")
        try:
            re.compile(data["match"])
        except re.error as exc:
            raise ValueError(f"comment_rows.match {data['match']!r} is not a valid regular expression "
                             f"({exc})") from None
        return cls(**data)


@dataclass
class Rule:
    """A skip rule (`reason`) or warn rule (`message`) on one column's values (case-insensitive)."""

    column: str | list[str]
    values: dict[str, str]
    reason: str = ""
    message: str = ""
    if_present: str | None = None
    keep: str = ""

    @classmethod
    def from_json(cls, data: dict) -> Rule:
        return cls(data["column"], _norm_values(data.get("values")), data.get("reason", ""),
                   data.get("message", ""), data.get("if_present"), data.get("keep", ""))


@dataclass
class ClarifyingGroup:
    """One extra question -> one clarifying answer (CONTRACT.md "clarifying answer")."""

    key: str
    question: str
    score: str | list[str]
    comment: str | list[str] | None = None
    score_label: str | list[str] | None = None
    min_score: int = 1
    max_score: int = 5
    value_map: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict) -> ClarifyingGroup:
        merged = {**SCALES.get(data.get("scale") or "", {}), **{k: v for k, v in data.items() if v is not None}}
        merged.pop("scale", None)
        merged["value_map"] = _norm_map(merged.get("value_map"))
        merged["labels"] = {str(k): str(v) for k, v in (merged.get("labels") or {}).items()}
        merged.setdefault("key", merged.get("question", ""))
        return cls(**merged)


@dataclass
class ClarifyingPattern:
    """Discovers clarifying groups from numbered headers ("Q2 - How easy was it?")."""

    header: str
    skip_keys: list[str] = field(default_factory=list)
    comment: str = "^comments?$"
    rules: list[dict] = field(default_factory=list)
    default_scale: str = "csat5"


@dataclass
class Preset:
    """A column mapping for one export layout; see the module docstring for the JSON format."""

    name: str
    description: str = ""
    header_row: int | None = None
    detect: list[str | list[str]] = field(default_factory=list)
    detect_values: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, str | list[str]] = field(default_factory=dict)
    fallback_columns: dict[str, str | list[str]] = field(default_factory=dict)
    time_column: str | list[str] | None = None
    constants: dict[str, Any] = field(default_factory=dict)
    value_maps: dict[str, dict[str, Any]] = field(default_factory=dict)
    skip_values: dict[str, dict[str, str]] = field(default_factory=dict)
    skip_rules: list[Rule] = field(default_factory=list)
    warn_rules: list[Rule] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    comment_rows: CommentRows | None = None
    time_zone: str | None = None
    date_order: str | None = None
    date_order_by_column: dict[str, str] = field(default_factory=dict)
    score_scales: list[list[int]] = field(default_factory=list)
    tens_column: str | list[str] | None = None
    score_typos: bool = False
    ticket_digits: int = 0
    word_scales: list[str] = field(default_factory=list)
    label_scales: list[dict[str, Any]] = field(default_factory=list)
    clarifying: list[ClarifyingGroup] = field(default_factory=list)
    clarifying_pattern: ClarifyingPattern | None = None
    reasons: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict) -> Preset:
        """Build from the JSON format (a copy: the preset shares no list or dict with `data`); raises ValueError
        on unknown keys, fields or date orders."""
        data = copy.deepcopy(data)
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown preset key(s): {', '.join(sorted(unknown))}")
        bad = set(data.get("columns", {})) - set(FIELDS) | set(data.get("fallback_columns") or {}) - set(FIELDS)
        orders = [data.get("date_order"), *dict(data.get("date_order_by_column") or {}).values()]
        if bad:
            raise ValueError(f"preset {data.get('name')!r}: {', '.join(map(repr, sorted(bad)))} "
                             f"{'is no API field' if len(bad) == 1 else 'are no API fields'}; the fields are "
                             f"{', '.join(FIELDS)}")
        if any(order not in (None, "MDY", "DMY") for order in orders):
            raise ValueError(f"preset {data.get('name')!r}: a date_order is \"MDY\", \"DMY\" or null")
        for entry in data.get("label_scales") or []:
            if not (isinstance(entry, dict) and isinstance(entry.get("labels"), list)
                    and all(isinstance(entry.get(key), int) for key in ("min_score", "max_score"))):
                raise ValueError(f"preset {data.get('name')!r}: each label_scales entry needs \"labels\" (a list) "
                                 "and whole-number \"min_score\" and \"max_score\"")
        for text, score in _value_map((data.get("value_maps") or {}).get("score")).items():
            if not isinstance(score, int) or isinstance(score, bool):  # QA round 61b: "good": "abc" was ignored
                raise ValueError(f"preset {data.get('name')!r}: value_maps score {text!r} must give a whole number, "
                                 f"not {score!r}")
        pattern = data.get("clarifying_pattern")
        return cls(**{
            **data,
            "constants": _scale_constants(data),
            "value_maps": {k: _value_map(v) for k, v in data.get("value_maps", {}).items()},
            "skip_values": {k: _skip_values(v) for k, v in data.get("skip_values", {}).items()},
            "skip_rules": [Rule.from_json(rule) for rule in data.get("skip_rules", [])],
            "warn_rules": [Rule.from_json(rule) for rule in data.get("warn_rules", [])],
            "splits": [Split(**split) for split in data.get("splits", [])],
            "comment_rows": CommentRows.from_json(data["comment_rows"]) if data.get("comment_rows") else None,
            "clarifying": [ClarifyingGroup.from_json(group) for group in data.get("clarifying", [])],
            "clarifying_pattern": ClarifyingPattern(**pattern) if pattern else None,
        })

    def to_json(self) -> dict:
        """The JSON format (plain dicts/lists); `Preset.from_json(p.to_json()) == p`."""
        return json.loads(json.dumps(self, default=lambda obj: obj.__dict__))

    def splits_into(self, field_name: str) -> bool:
        """True when a split produces `field_name` (e.g. ticket_id from ExternalReference)."""
        return any(field_name in split.fields for split in self.splits)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render(template: str, values: dict[str, str]) -> str:
    """Fill `{name}` placeholders of a rule message; unknown names stay as typed."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
