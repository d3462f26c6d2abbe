"""Date cells a spreadsheet swapped: a UK CSV opened in a US Excel turns 03/10/2026 (3 October) into a date cell
of 10 March and leaves 14/10/2026, no US date, as text; saved as a workbook, the column holds both (QA rounds 24c,
61a, 64b). `swapped_back` says when the column's own dates prove it, and dates.parse_timestamp then reads each
such cell with its day and month exchanged, with a warning naming both readings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from uploads.dates import CELL_DATE, NUMERIC_RE

# Read back, the column's dates lie within CLOSE_DAYS (a quarter's export); as they are, they spread at least
# SPREAD_DAYS wider (QA round 66a: 6 October to 27 November was left as it was)
CLOSE_DAYS, SPREAD_DAYS = 92, 60
_CELL_PARTS = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")


def swapped_back(texts: Iterable[str], order: str | None) -> bool:
    """True when the date cells among `texts` (a workbook column's distinct values, CELL_DATE: "2026-03-10
    08:14:27") were swapped by the program that opened the file: the typed dates read in `order` ("DMY" or
    "MDY", settled by one of them) and the cells read with day and month exchanged lie within CLOSE_DAYS of each
    other, while the cells as they are spread the column SPREAD_DAYS wider or more. A cell with a day above 12 is
    a true date cell (a swap gives no such day): then none is read back."""
    if order not in ("DMY", "MDY"):
        return False
    typed, cells = [], []
    for text in texts:
        text = text.strip()
        if CELL_DATE.fullmatch(text):
            found = _CELL_PARTS.match(text)
            cells.append((int(found["y"]), int(found["m"]), int(found["d"])))
        elif (found := NUMERIC_RE.match(text)) and len(found["y"]) == 4:
            first, second = int(found["a"]), int(found["b"])
            day, month = (first, second) if order == "DMY" else (second, first)
            typed.append(_date(int(found["y"]), month, day))
    typed = [day for day in typed if day]
    if not cells or not typed or any(day > 12 for _year, _month, day in cells):
        return False
    as_is = typed + [_date(*cell) for cell in cells]
    back = typed + [_date(year, day, month) for year, month, day in cells]
    return (None not in as_is and None not in back and _span(back) <= CLOSE_DAYS
            and _span(as_is) >= _span(back) + SPREAD_DAYS)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _span(days: list[date]) -> int:
    return (max(days) - min(days)).days
