"""Text search in the rows' cells (Row.search_text), helped by a trigram index where there is one.

A LIKE '%text%' cannot seek in a B-tree: at 200,000 rows it reads the whole table (~50 ms on
SQLite, and as much again to fill a page of a rare text in row order). Migration 0004 adds:

- SQLite: `uploads_row_search`, an FTS5 table with the trigram tokenizer over search_text, kept
  in step by triggers on uploads_row. A phrase query on it names the rows that hold a text of
  3 characters or more in a few milliseconds; when they are few, the LIKE runs on those only.
- Postgres: a pg_trgm GIN index on search_text, which the planner uses for the LIKE itself.

The LIKE stays the rule, so results are the same with or without the index (an SQLite without
the trigram tokenizer, a Postgres without pg_trgm: the migration skips it). The price is paid
on writes: the triggers make storing a 200,000-row upload about 6 s slower, a 10,000-cell
bulk fix about 0.6 s.
"""

from django.db import connection
from django.db.models import QuerySet

# A text that more rows hold is common: the LIKE scan finds a page of them early, while their
# ids would cost more to look up one by one. Below it, the ids narrow the LIKE to a few rows.
MAX_CANDIDATES = 1000
MIN_LENGTH = 3  # a shorter text has no trigram: the index cannot find it
SQLITE_TABLE = "uploads_row_search"  # created with its triggers by migration 0004


def matching(rows: QuerySet, text: str) -> QuerySet:
    """`rows` whose search_text contains `text` as written: `%`, `_` and quotes are plain characters.

    text: already lower-cased like search_text (intake.apply_result).
    """
    rows = rows.filter(search_text__contains=text)
    ids = _candidate_ids(text)
    return rows if ids is None else rows.filter(id__in=ids)


def _candidate_ids(text: str) -> list[int] | None:
    """Ids of the rows (any upload) whose search_text may hold `text`, a superset: the trigram
    tokenizer folds case. None when the index cannot say (not SQLite, no index, text too short)
    or names more than MAX_CANDIDATES rows."""
    if connection.vendor != "sqlite" or len(text) < MIN_LENGTH or not _has_sqlite_index():
        return None
    phrase = '"' + text.replace('"', '""') + '"'  # an FTS5 string: every character in it is literal
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s LIMIT %s",
                       [phrase, MAX_CANDIDATES + 1])
        ids = [found for (found,) in cursor.fetchall()]
    return ids if len(ids) <= MAX_CANDIDATES else None


def _has_sqlite_index() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [SQLITE_TABLE])
        return cursor.fetchone() is not None
