"""API objects a data tool wrote into one cell -> one column per key.

Zendesk's incremental ticket export embeds `satisfaction_rating: {score, id,
comment, reason, reason_id}`, and dumps made with pandas leave the whole dict as
Python text in one cell: `{'score': 'bad', 'id': 57709674553241, 'comment': None}`
(shared/formats/EXPORT-FORMATS.md section 1, [code]). Freshdesk's `ratings` is
`{"default_question": 103, "question_2": 101}` (section 6). `expand_object_columns`
appends a `<column>.<key>` column per key, so presets can name
`satisfaction_rating.score` or `ratings.default_question`; a column of one-item lists
(Kustomer's `assignedUsers`: `['5f1e...']`) gets `<column>[0]` with the item.
"""

from __future__ import annotations

import ast
import json
from itertools import islice
from typing import Any

SAMPLE = 50  # non-blank cells that must all be objects before a column is expanded
MAX_KEYS = 30
MAX_DEPTH = 3  # objects inside objects: Intercom's conversation_rating.teammate.id is at depth 2
MOSTLY = 0.8  # share of a column's sampled cells that must be lists for a `<column>[0]`: one may be broken
MAX_CELL = 4000  # characters; longer text is not parsed (literal_eval cost)
# What a dump writes for a missing object (Python None, JSON null, pandas NaN): an empty cell here.
NO_OBJECT = frozenset({"none", "null", "nan"})


def parse_object(text: str) -> dict | None:
    """A JSON or Python-literal dict from cell text (`{"a": 1}` or `{'a': None}`), else None."""
    return _literal(text, "{}", dict)


def parse_list(text: str) -> list | None:
    """A JSON or Python-literal list from cell text (`["a"]` or `['a']`), else None."""
    return _literal(text, "[]", list)


def _literal(text: str, brackets: str, kind: type) -> Any:
    """The `kind` (dict or list) written between `brackets` in `text`, as JSON or a Python literal."""
    value = text.strip()
    if not (value.startswith(brackets[0]) and value.endswith(brackets[1])) or len(value) > MAX_CELL:
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            return None
    return parsed if isinstance(parsed, kind) else None


def value_text(value: object) -> str:
    """A dict value as cell text: None -> "", ints as digits (ids keep every digit), the rest as JSON/str."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def expand_object_columns(sheet) -> list[str]:
    """Append `<column>.<key>` columns to `sheet` (a parsing.Sheet, changed in place) for every column
    whose first non-blank cells are all dicts; returns the new column names and adds a notice.

    Called by intake.read_file (the UI and CLI path), not by parsing.parse_file,
    which returns the file's own records.
    An object inside an object gets its own columns too (`conversation_rating.teammate.id`:
    section 7), down to MAX_DEPTH levels.
    Existing column indexes do not move (cell notes stay right); a key whose
    column name already exists is left out; a cell that is not a dict gives
    blanks in the new columns, and so does one saying there is no object ("None", "null").
    """
    added: list[str] = []
    depth = dict.fromkeys(sheet.columns, 0)
    position = -1
    while (position := position + 1) < len(sheet.columns):  # new columns are looked into in turn
        if depth[sheet.columns[position]] >= MAX_DEPTH:  # deep enough, or a <column>[0] already
            continue
        objects = _object_column(sheet, position)
        if objects is None:
            for name in _first_items(sheet, position):
                depth[name] = MAX_DEPTH
                added.append(name)
            continue
        keys = [key for key in _keys(objects) if f"{sheet.columns[position]}.{key}" not in sheet.columns]
        names = [f"{sheet.columns[position]}.{key}" for key in keys]
        depth.update(dict.fromkeys(names, depth[sheet.columns[position]] + 1))
        sheet.columns.extend(names)
        for row, found in zip(sheet.rows, objects, strict=True):
            row.extend(value_text((found or {}).get(key)) for key in keys)
        for extra in sheet.extra_header_rows:
            extra.extend([""] * len(names))
        added.extend(names)
    if added:
        sheet.notices.append(f"Cells holding objects or one-item lists were also read as the columns "
                             f"{', '.join(added)}.")
    return added


def _first_items(sheet, position: int) -> list[str]:
    """For a column of lists of plain values (Kustomer's `assignedUsers`: `['5f1e...']`), append
    `<column>[0]` with each row's one value; returns the new column's name, if any. A row whose
    list holds several values keeps the whole list there (which one is meant is not known: an id
    check refuses it), an empty list gives a blank; a column of empty lists gives none."""
    sample = list(islice((row[position] for row in sheet.rows if _given(row[position])), SAMPLE))
    if not sample or _share_parsed(sample, parse_list) < MOSTLY:
        return []
    lists = [parse_list(row[position]) if _given(row[position]) else [] for row in sheet.rows]
    if any(found and isinstance(found[0], (dict, list)) for found in lists) or not any(lists):
        return []  # no list holds a value (Delighted's notes "[]" on every row: QA round 60a)
    name = f"{sheet.columns[position]}[0]"
    if name in sheet.columns:
        return []
    sheet.columns.append(name)
    for row, found in zip(sheet.rows, lists, strict=True):
        row.append("" if not found else value_text(found[0]) if len(found) == 1 else row[position].strip())
    for extra in sheet.extra_header_rows:
        extra.append("")
    return [name]


def _object_column(sheet, position: int) -> list[dict | None] | None:
    """Each row's dict for a column of objects, or None when the column is not one: every sampled
    cell must be an object, since a broken one would give its row blanks that a preset's skip rule
    could take for "not answered" (a list column's blank is refused instead: `_first_items`)."""
    sample = list(islice((row[position] for row in sheet.rows if _given(row[position])), SAMPLE))
    if not sample or any(parse_object(text) is None for text in sample):
        return None
    return [parse_object(row[position]) if _given(row[position]) else None for row in sheet.rows]


def _share_parsed(sample: list[str], parse) -> float:
    """The share of `sample` that `parse` reads; 1.0 when all but one cell are read (a two-row dump
    with one broken cell is still a column of objects)."""
    parsed = sum(parse(text) is not None for text in sample)
    return 1.0 if parsed and parsed >= len(sample) - 1 else parsed / len(sample)


def _given(text: str) -> bool:
    """True for a cell that is neither blank nor a dump's word for no object (NO_OBJECT)."""
    value = text.strip()
    return bool(value) and value.casefold() not in NO_OBJECT


def _keys(objects: list[dict | None]) -> list[str]:
    keys: dict[str, None] = {}
    for found in objects:
        for key in found or {}:
            if len(keys) >= MAX_KEYS:
                return list(keys)
            keys.setdefault(str(key), None)
    return list(keys)
