"""A text file's rows with more cells than its header: the last column's comment split by an unquoted
separator is read back together (rejoin_last), and so is a comment column before others when the cells after
it then fit their columns (rejoin_inner); other cells past the header are not read, and each such row says why
(ignored_notes). headerrows.check_columns applies them (B12: shared/cases/README.md).
"""

import re
from collections import Counter

from uploads import autodetect, dates
from uploads.cells import COMMENT_FIX, SPLIT_FIX


def ignored_notes(ignored: dict[int, list[str]], data: list[list[str]], last_named: int,
                  run_on: tuple[str, int] | None, workbook: bool, beyond: set[int]) -> dict[tuple[int, None], str]:
    """(row index, None) -> the warning of a row whose cells right of the last named column were not read
    (`ignored`: row index -> "column H ('…')" texts), with the fix for its likely cause: in a workbook, or under a
    blank header the text file's header line has (rows not in `beyond`: the kitchen sink's "dup?", QA round 69b),
    a note typed beside the answers; past a text file's header line, the rest of a split value (SPLIT_FIX) or an
    unquoted comment's comma (COMMENT_FIX)."""
    def note(row_index: int, texts: list[str]) -> str:
        read = f"{', '.join(texts)} right of the last named column {'was' if len(texts) == 1 else 'were'} not read."
        if workbook or row_index not in beyond:
            return (f"{read[0].upper()}{read[1:]} If it belongs to the answer, give that column a header in the file "
                    "and upload it again")  # the table shows no column without a header (QA round 70b)
        fix = SPLIT_FIX if _split_value(data[row_index], last_named, run_on) else COMMENT_FIX
        return f"this row has more cells than the header; {read} {fix}"
    return {(row_index, None): note(row_index, texts) for row_index, texts in ignored.items()}


_LETTER = re.compile(r"[^\W\d_]")


def _split_value(row: list[str], last_named: int, run_on: tuple[str, int] | None) -> bool:
    """True when a text file's row runs on past its header with what reads as the rest of the last cell's
    value, a number or an address ("49301, 49302", a decimal comma's "4,5", "a@x.com, b@x.com"), not a note
    in words beside it."""
    start = max(last_named + 1, run_on[1] if run_on else 0)
    first = next((cell.strip() for cell in row[start:] if cell.strip()), "")
    return bool(first) and (not _LETTER.search(first) or "@" in first)


_WORD = re.compile(r"[^\W\d_]{2,}")


def rejoin_last(names: list[str], data: list[list[str]], numbers: list[int], last_named: int,
                 delimiter: str) -> dict:
    """Put back together, in place, a text file's last named column, when its header names the comment, where
    some rows run on past the header (all of them only when each goes on after a sentence's comma and space,
    ", rude"; else a column of notes with no header, B12's), each with words in that column: an unquoted
    comment holding the separator ("Slow, rude, and wrong" read as "Slow", " rude", " and wrong": QA round
    47b), joined with it exactly as written. Returns row notes ((row index, None) ->
    warning) and, under None, the notice; {} when no row runs on."""
    if last_named < 0 or autodetect.named_fields([names[last_named]]) != {"comment"}:
        return {}  # a date, an email, an agent's name or a score with a note beside it is no comment (QA round 48b)
    width = last_named + 1
    runs = [row_index for row_index, row in enumerate(data) if len(row) > width and any(map(str.strip, row[width:]))]
    if not runs or not all(_WORD.search(data[row_index][last_named]) for row_index in runs):
        return {}  # a note typed beside a score or a date: not read, with its warning
    if len(runs) == len(data) and not all(data[row_index][width][:1] == " " for row_index in runs):
        return {}  # on every row, and not a sentence's ", ": a column with no header (QA round 57b: "ok, fine")
    shown = _shown(delimiter)
    out: dict = {}
    for row_index in runs:
        row = data[row_index]
        end = max(index for index, cell in enumerate(row) if cell.strip()) + 1
        parts = row[last_named:end]
        row[last_named:end] = [delimiter.join(parts)] + [""] * (end - last_named - 1)
        out[(row_index, None)] = (f"'{names[last_named]}' held {shown} without quotes, which split it into "
                                  f"{len(parts)} cells: they were read back together as one. Check the cell")
    where = _on_rows(len(runs), numbers[runs[0]])
    out[None] = [f"{where}, the "
                 f"last column '{names[last_named]}' held the separator {shown} without quotes, which split it "
                 "into more cells than the header has: they were read back together as one cell, with a warning "
                 "on each row. Put such text in quotes in the file to avoid it."]
    return out


def rejoin_inner(names: list[str], data: list[list[str]], numbers: list[int], last_named: int,
                 delimiter: str) -> dict:
    """Put back together, in place, a text file's comment column that is not its last ("Slow, rude" in
    'Comment' before 'Agent Email' and 'Date': QA round 57d), on each row that runs on past the header by as
    many cells as the comment's separators made, when the cells after the joined comment then fit their columns
    as the other rows fill them (_kind: an address, a number, a date, words; a blank fits any). Returns row
    notes and, under None, the notice, as rejoin_last does; {} when no row is read back together."""
    width = last_named + 1
    at = next((index for index, name in enumerate(names[:last_named])
               if name and autodetect.named_fields([name]) == {"comment"}), None)
    if at is None:
        return {}
    runs = [row_index for row_index, row in enumerate(data) if len(row) > width and any(map(str.strip, row[width:]))]
    if not runs or len(runs) == len(data):
        return {}
    steady = [row for row_index, row in enumerate(data) if row_index not in set(runs)]
    kinds = [Counter(kind for row in steady if (kind := _kind(row[column] if column < len(row) else "")))
             .most_common(1) for column in range(at + 1, width)]
    shown = _shown(delimiter)
    out: dict = {}
    for row_index in runs:
        row = data[row_index]
        end = max(index for index, cell in enumerate(row) if cell.strip()) + 1
        extra = end - width
        after = row[at + extra + 1:end]
        if extra < 1 or not all(part[:1] == " " and _WORD.search(part) for part in row[at + 1:at + extra + 1]) or (
                not all(not _kind(cell) or not kind or _kind(cell) == kind[0][0]
                        for cell, kind in zip(after, kinds, strict=True))):
            continue  # only a sentence's ", rude", never "ok,5" beside a split id (QA round 48b)
        parts = row[at:at + extra + 1]
        row[at:end] = [delimiter.join(parts), *after] + [""] * extra
        out[(row_index, None)] = (f"'{names[at]}' held {shown} without quotes, which split it into {len(parts)} "
                                  "cells and moved the cells after it: they were read back together as one, and "
                                  "the others put back under their headers. Check the row")
    if out:
        first = numbers[min(index for index, _ in out)]
        where = _on_rows(len(out), first)
        out[None] = [f"{where}, the column '{names[at]}' held the separator {shown} without quotes, which moved the "
                     "cells after it to the right: they were read back together, with a warning on each row. Put "
                     "such text in quotes in the file to avoid it."]
    return out


def _kind(text: str) -> str:
    """What a cell holds, for rejoin_inner: '' (blank), an address, a number, a date, or words."""
    text = text.strip()
    if not text:
        return ""
    if "@" in text:
        return "address"
    if text.replace(".", "", 1).isdigit():
        return "number"
    return "date" if dates.date_like(text) else "words"


def _shown(delimiter: str) -> str:
    """A separator as a notice names it: "a tab", "','"."""
    return "a tab" if delimiter == "\t" else f"'{delimiter}'"


def _on_rows(count: int, first: int) -> str:
    """ "On row 5" or "On 3 rows (the first is row 5)": where a notice's rows are."""
    return f"On {count:,} rows (the first is row {first})" if count > 1 else f"On row {first}"
