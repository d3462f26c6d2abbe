"""Text search in the rows' cells (Row.search_text), with an index that spares reading the table.

A LIKE '%text%' cannot seek in a B-tree: it reads every row of the upload. From the table that
costs ~50 ms at 200,000 rows on SQLite (each row carries its JSON cells, item and problems), and
as much again to fill a page of a rare text in row order. Migration 0004 adds:

- SQLite: `row_search_idx` on (upload_id, search_text, number). `matching` first reads the
  numbers of the matching rows from that index alone (~20 ms, about a seventh of the table);
  when they are few, the page and its count look those rows up by number.
- Postgres: a pg_trgm GIN index on search_text, which the planner uses for the LIKE itself
  (a B-tree entry cannot hold a 10,000-character comment there).

Either way the LIKE on search_text decides which rows match (a Postgres without pg_trgm: the
migration skips the index and the LIKE scans). An FTS5 trigram table was tried too: it found a
text in 3 ms instead of 20, but its triggers made storing a 200,000-row upload ~7 s slower and
a 10,000-cell bulk fix or its undo ~0.8 s slower.
"""

from django.db import connection
from django.db.models import QuerySet

from uploads.models import Row, Upload

# A text held by more rows is common: the plain LIKE finds a page of them early in row order.
MAX_CANDIDATES = 1000


def matching(upload: Upload, rows: QuerySet, text: str) -> QuerySet:
    """`rows` (of `upload`) whose search_text contains `text` as written: `%`, `_` and quotes are
    plain characters. text: already lower-cased like search_text (rowstore.apply_result)."""
    numbers = _matching_numbers(upload, text)
    if numbers is None:
        return rows.filter(search_text__contains=text)
    return rows.filter(number__in=numbers)


def _matching_numbers(upload: Upload, text: str) -> list[int] | None:
    """Numbers of the rows of `upload` whose search_text contains `text`, read from row_search_idx;
    None on Postgres (its planner uses pg_trgm) or when more than MAX_CANDIDATES rows match."""
    if connection.vendor != "sqlite":
        return None
    found = Row.objects.filter(upload=upload, search_text__contains=text).order_by().values_list("number", flat=True)
    numbers = list(found[: MAX_CANDIDATES + 1])
    return numbers if len(numbers) <= MAX_CANDIDATES else None
