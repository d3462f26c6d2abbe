"""Column-at-a-time approval of plain rows: the fast half of `validation.check_sheet`.

Checking 100,000 rows one at a time costs about 10 us a row in Python. Most rows
of a real export are plain: every field is valid on its own and nothing ties one
field to another. This module cleans each mapped column once per distinct value
(agents, scores and dates repeat on most rows; digit-only ticket ids and clean
comments pass a one-line test) and builds the item of every row whose fields all
came out clean, with no error and no warning.

Every other row (a blank or bad value, a warning, a skip or warn rule's value,
a reader note on the cell, an agent email that must fall back to the id) is left
as None for `items.check_cells`, the row checker, which explains what is wrong.
The rule for a plain row is therefore: the result it gets here is exactly the
`RowResult` that `items.check_cells` would give it (tests/test_columns.py checks
this over every sample, fixture and a generated mix of bad values).

Layouts this stage does not cover (split columns, clarifying groups, comments
gathered from other rows, fallback columns, one column for both agent fields, a time column, value maps on
text fields, constants other than the score's bounds, bounds read from a column, a
submitted_at that is not a column) go to the row checker whole.
"""

from __future__ import annotations

from collections.abc import Callable

from uploads import cells, dates, idcells, scorecells
from uploads.items import clean_label
from uploads.plan import Plan
from uploads.rowresults import RowResult

_REQUIRED = ("submitted_at", "ticket_id", "score")
_BOUNDS = frozenset({"min_score", "max_score"})


class _Unclean:
    """Marks a value the row checker must look at (an error, a warning, or a required blank)."""

    __slots__ = ()


UNCLEAN = _Unclean()


def approve(plan: Plan, sheet) -> list[RowResult | None] | None:
    """One entry per row of `sheet` (a parsing.Sheet): the valid RowResult of a plain row, None for
    a row the row checker must see; None instead of a list when the layout is not covered.

    `plan` carries the per-column decisions (date order and zone, numeric ticket ids, scale);
    `sheet.rows` are full-width lists of cell text.
    """
    if not _covered(plan):
        return None
    rows, index = sheet.rows, plan.index
    blocked = _blocked_rows(plan, sheet)

    def column(name: str) -> list[str]:
        position = index.get(name)
        return [row[position] for row in rows] if position is not None else [""] * len(rows)

    stamps = _by_value(column("submitted_at"), _date_cleaner(plan))
    tickets = _tickets(column("ticket_id"), plan.numeric_ticket,
                       idcells.short_limit(plan.typical_ticket, plan.padded_ticket), plan.digit_ticket)
    agent_ids = _by_value(column("agent_id"), _agent_id)
    emails = _by_value(column("agent_email"), _email)
    low, high = plan.fixed_bounds
    table = plan.score_map()
    scores = _by_value(column("score"), lambda text: _required(scorecells.clean_score(text, low, high, table)))
    comments = _comments(column("comment"))
    label_table = plan.preset.value_maps.get("score_label") or {}
    shares_score = "score_label" in index and index["score_label"] == index["score"]
    labels = _by_value(column("score_label"), lambda text: _optional(clean_label(text, label_table, shares_score)))
    disagree = _disagreeing(low, high) if "score_label" in index and not shares_score else None
    out: list[RowResult | None] = []
    for position, (number, stamp, ticket, agent_id, email, score, comment, label) in enumerate(
            zip(sheet.row_numbers, stamps, tickets, agent_ids, emails, scores, comments, labels, strict=True)):
        if (UNCLEAN in (stamp, ticket, agent_id, email, score, comment, label) or position in blocked
                or (agent_id is None and email is None) or (disagree and label is not None and disagree(score, label))):
            out.append(None)
            continue
        item = {"submitted_at": stamp, "ticket_id": ticket}
        if agent_id is not None:
            item["agent_id"] = agent_id
        if email is not None:
            item["agent_email"] = email
        item["score"] = score
        if comment is not None:
            item["comment"] = comment
        if label is not None:
            item["score_label"] = label
        item["min_score"], item["max_score"] = low, high
        out.append(RowResult(number, "valid", item, [], []))
    return out


def _disagreeing(low: int, high: int) -> Callable[[object, str], bool]:
    """Whether a score and its label from another column disagree (items' check_label_agrees), once per pair."""
    seen: dict[tuple[object, str], bool] = {}

    def check(score: object, label: str) -> bool:
        if (score, label) not in seen:
            seen[score, label] = isinstance(score, int) and scorecells.against_words(score, low, high, label,
                                                                                sides_only=True)
        return seen[score, label]
    return check


def _covered(plan: Plan) -> bool:
    """True when every field of a row is a plain function of its own cell (see the module docstring)."""
    return (all(name in plan.index for name in _REQUIRED) and plan.dates is not None
            and plan.fixed_bounds is not None and not plan.splits and not plan.groups and not plan.text_maps
            and not plan.gathered and not plan.fallbacks and not plan.shared_agent and plan.time_at is None
            and not plan.scale_held  # every score is held until the scale is settled (items.check_score)
            and not plan.rounded_ticket  # its long ids are refused (items.check_ticket)
            and set(plan.preset.constants) <= _BOUNDS
            and all(position is not None or key in plan.index or key not in plan.preset.constants
                    for key, position, _ in plan.skip_columns))


def _blocked_rows(plan: Plan, sheet) -> set[int]:
    """Row indexes whose skip rule, skip value or warn rule may apply, or with a reader note on a cell."""
    watched = [(position, rule.values) for position, rule in plan.skip_rules + plan.warn_rules]
    watched += [(plan.index[key] if position is None else position, values)
                for key, position, values in plan.skip_columns if position is not None or key in plan.index]
    blocked = set()
    for position, values in watched:
        distinct = {text for text in {row[position] for row in sheet.rows} if text.strip().casefold() in values}
        blocked.update(at for at, row in enumerate(sheet.rows) if row[position] in distinct)
    mapped = set(plan.index.values())
    first = {number: at for at, number in enumerate(sheet.row_numbers)}
    blocked.update(first[number] for number, position in plan.notes
                   if (position is None or position in mapped) and number in first)
    return blocked


def _by_value(texts: list[str], clean: Callable[[str], object]) -> list[object]:
    """`clean` applied once per distinct text, spread back over the rows."""
    cleaned = {text: clean(text) for text in set(texts)}
    return [cleaned[text] for text in texts]


def _date_cleaner(plan: Plan) -> Callable[[str], object]:
    def clean(text: str) -> object:
        if not text.strip():
            return UNCLEAN
        parsed = dates.parse_timestamp(text, plan.dates, plan.zone, plan.now)
        return UNCLEAN if parsed.issue or parsed.warnings else parsed.value
    return clean


def _tickets(texts: list[str], numeric: bool, limit: int, digits: bool = False) -> list[object]:
    """Digit-only ids pass as typed (no rule of idcells.clean_id touches them) unless `limit` digits or
    shorter (idcells.lost_zeros: the row checker warns); others are cleaned once each. In a `numeric`
    column an id with another character, in a column of ids with `digits` one without any, is the row
    checker's (it warns)."""
    def clean(text: str) -> object:
        value = _required(idcells.clean_id(text, "ticket id"))
        if value is UNCLEAN or not isinstance(value, str):
            return value
        odd = (numeric and not idcells.is_digits(value) or digits and not any(char.isdigit() for char in value)
               or value.casefold() in idcells.PLACEHOLDER_IDS or idcells.hash_number(value))
        return UNCLEAN if odd else value

    slow: dict[str, object] = {}
    return [(UNCLEAN if len(text) <= limit and text[0] != "0" else text)
            if text.isascii() and text.isdigit() and len(text) < idcells.ROUNDED_DIGITS
            and not text.endswith(idcells.ROUNDED_TAIL)
            else slow.get(text) or slow.setdefault(text, clean(text)) for text in texts]


def _agent_id(text: str) -> object:
    value = _optional(idcells.clean_id(text, "agent id"))
    return UNCLEAN if isinstance(value, str) and (idcells.person_name(value) or "@" in value) else value


def _email(text: str) -> object:
    return _optional(cells.clean_email(text))


def _comments(texts: list[str]) -> list[object]:
    """Comments as cells.clean_text gives them; a column with no refused or invisible character anywhere is
    trimmed row by row, and only a comment starting with '=', '#' or "Err:" (cells.EXCEL_ERRORS), over
    cells.LONG_COMMENT, one of cells.PANDAS_BLANKS, cells.SCRIPT_BLANKS or cells.SQL_NULL is unclean."""
    joined = "\n".join(texts)
    if (cells.text_char_issue(joined) is not None or cells.INVISIBLE_IN_TEXT.search(joined)
            or cells.TEMPLATE_TEXT.search(joined)):
        return _by_value(texts, lambda text: _optional(cells.clean_text(text, "comment")))
    return [UNCLEAN if value.startswith(("=", "#", "Err:")) or len(value) > cells.LONG_COMMENT
            or value in cells.PANDAS_BLANKS or value in cells.SCRIPT_BLANKS or value == cells.SQL_NULL
            else value or None
            for value in (text.strip() for text in texts)]


def _required(cleaned: cells.Cleaned) -> object:
    """The value of a clean, non-blank cell, else UNCLEAN."""
    return UNCLEAN if cleaned.issue or cleaned.warnings or cleaned.value is None else cleaned.value


def _optional(cleaned: cells.Cleaned) -> object:
    """The value (None for a blank) of a cell with no issue or warning, else UNCLEAN."""
    return UNCLEAN if cleaned.issue or cleaned.warnings else cleaned.value
