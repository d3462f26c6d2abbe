"""A delimited text file's delimiter: Excel's `sep=` line, the uploader's choice, or the candidate giving the
most consistent column count over the whole sample (robust to quoted text holding other delimiters, which
Python's own csv.Sniffer is not: issue 3); and how a page names it.
"""

import csv
import io
import re
from collections import Counter
from itertools import islice

from uploads import parsing

_SEP_LINE = re.compile(r'"?sep=([^\r\n"])"?\1*(?:\r\n|\n|\r|$)', re.IGNORECASE)
_DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_RECORDS = 1000


def split_sep_line(text: str) -> tuple[str, str | None]:
    """Drop Excel's `sep=;` hint line; Excel does not show it, so rows count from the next line."""
    found = _SEP_LINE.match(text)
    return (text[found.end() :], found[1]) if found else (text, None)


def override(delimiter: str | None) -> str | None:
    """The uploader's delimiter as one character (`\\t` typed for a tab); None for none. Raises ParseError for
    anything else."""
    if delimiter is None:
        return None
    value = "\t" if delimiter == "\\t" else delimiter
    if len(value) != 1 or value in '"\r\n':
        raise parsing.ParseError(f"The delimiter must be one character such as , ; | or TAB, not {delimiter!r}.")
    return value


def detect(text: str) -> str:
    """The candidate whose records most often share one column count above 1; comma on a tie or none."""
    sample = text[:parsing.SAMPLE_CHARS]
    cut = len(text) > len(sample)
    best, best_score = ",", (0.0, 0)
    for candidate in _DELIMITERS:
        score = _consistency(sample, candidate, cut)
        if score > best_score:
            best, best_score = candidate, score
    return best


def one_column_delimiter(rows: list[list[str]], chosen: str) -> str | None:
    """The delimiter of _DELIMITERS that the first rows left a single cell by the `chosen` one all hold, when
    those are most of them (a semicolon file read with commas; a comment's comma splits its row: QA round
    49b), or that the first cell of every first row holds twice or more (a German file's comments with
    commas split most of its rows: QA round 53c); else None."""
    head = rows[:20]
    single = [row[0] for row in head if len(row) == 1]
    if len(head) >= 2 and len(single) < 0.8 * len(head):
        return next((other for other in _DELIMITERS if other != chosen
                     and all(row[0].count(other) >= 2 for row in head)), None)
    if not head or len(single) < 0.8 * len(head):
        return None
    return next((other for other in _DELIMITERS if other != chosen and all(other in text for text in single)), None)


DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes (|)", " ": "spaces"}


def delimiter_name(delimiter: str) -> str:
    """How a page or message names a CSV separator: 'tabs' for a tab, never an invisible character."""
    return DELIMITER_NAMES.get(delimiter, repr(delimiter))


def _consistency(sample: str, delimiter: str, cut: bool) -> tuple[float, int]:
    """(share of the sample's records with the most common column count, that count); (0, 0) for one column."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    try:
        widths = [len(row) for row in islice(reader, _SAMPLE_RECORDS) if any(row)]
    except csv.Error:
        return 0.0, 0
    if cut:
        widths = widths[:-1]  # the sample may end inside the last record
    if not widths:
        return 0.0, 0
    width, count = Counter(widths).most_common(1)[0]
    return (count / len(widths), width) if width > 1 else (0.0, 0)
