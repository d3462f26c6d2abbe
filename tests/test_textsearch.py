"""Search in the cells: the same rows as a plain LIKE, through the index or not, after every kind of write."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests.test_table import answer, make_upload
from uploads import fixes, table, textsearch

pytestmark = pytest.mark.django_db

COMMENTS = ["100% sure", "100 x sure", "snake_case here", "snakeXcase here", 'she said "fine"', "it's fine",
            "Zebra Crossing", "zebra"]


@pytest.fixture
def upload(tmp_path):
    owner = get_user_model().objects.create_user("maria")
    return make_upload(owner, tmp_path, [answer(n, "4", comment) for n, comment in enumerate(COMMENTS, 1)])


def numbers(upload, text: str) -> list[int]:
    return [row.number for row in table.filter_rows(upload, {"q": text})]


def like_numbers(upload, text: str) -> list[int]:
    """What a plain LIKE on search_text finds: the rule the index must not change."""
    rows = upload.rows.filter(search_text__contains=text.strip().lower()).order_by("number")
    return list(rows.values_list("number", flat=True))


def search_plan(upload, text: str) -> str:
    """SQLite's plan for reading the numbers of the rows that hold `text`."""
    query = upload.rows.filter(search_text__contains=text).order_by().values_list("number", flat=True)
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(step[-1]) for step in cursor.fetchall())


def test_it_finds_text_in_a_cell_whatever_its_case(upload):
    assert numbers(upload, "zebra") == [8, 9]
    assert numbers(upload, "ZEBRA CROSS") == [8]
    assert numbers(upload, "  crossing ") == [8]
    assert numbers(upload, "no such comment") == []


def test_it_takes_percent_underscore_and_quotes_literally(upload):
    assert numbers(upload, "100%") == [2]
    assert numbers(upload, "e_c") == [4]
    assert numbers(upload, '"fine"') == [6]
    assert numbers(upload, "it's") == [7]
    assert numbers(upload, "%") == [2]
    assert numbers(upload, "_") == [4]
    for text in ("100%", "e_c", '"fine"', "it's", "%", "_", "zebra", "fine", "ze"):
        assert numbers(upload, text) == like_numbers(upload, text), text


def test_it_reads_the_matching_rows_from_the_index_alone_on_sqlite(upload):
    numbers = textsearch._matching_numbers(upload, "zebra")
    if connection.vendor != "sqlite":
        assert numbers is None  # Postgres: the planner uses pg_trgm for the LIKE itself
        return
    assert sorted(numbers) == [8, 9]
    assert "USING COVERING INDEX row_search_idx" in search_plan(upload, "zebra")


def test_its_index_exists_after_the_migrations():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'row_search_idx'")
            assert cursor.fetchone() is not None
        else:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            if cursor.fetchone() is not None:  # without pg_trgm the LIKE scans, as before
                cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'row_search_trgm'")
                assert cursor.fetchone() is not None


def test_it_scans_when_too_many_rows_match(upload, monkeypatch):
    monkeypatch.setattr(textsearch, "MAX_CANDIDATES", 1)
    assert textsearch._matching_numbers(upload, "fine") is None
    assert numbers(upload, "fine") == [6, 7] == like_numbers(upload, "fine")


def test_it_finds_the_new_text_after_an_edit_and_a_bulk_fix_and_not_the_old(upload):
    row = upload.rows.get(number=9)
    fixes.edit_cell(upload, upload.owner, row, 4, "Okapi")
    assert numbers(upload, "okapi") == [9]
    assert numbers(upload, "zebra") == [8]
    rows = fixes.select_rows(upload, None, {"q": "sure"})
    fixes.apply_fix(upload, upload.owner, "replace", rows, "4", value="certain", find="sure")
    assert numbers(upload, "certain") == [2, 3]
    assert numbers(upload, "sure") == []
    fixes.undo_last(upload, upload.owner)
    assert numbers(upload, "sure") == [2, 3]


def test_it_forgets_deleted_rows_and_finds_restored_ones(upload):
    fixes.apply_fix(upload, upload.owner, "delete", fixes.select_rows(upload, None, {"q": "zebra"}))
    assert numbers(upload, "zebra") == []
    fixes.undo_last(upload, upload.owner)
    assert numbers(upload, "zebra") == [8, 9]
    upload.delete()


def test_it_maps_a_value_found_through_the_index(upload):
    rows = fixes.select_rows(upload, None, {})
    assert fixes.preview(upload, rows, "map", "4", value="zebra crossing", find="Zebra Crossing") == 1
    step = fixes.apply_fix(upload, upload.owner, "map", rows, "4", value="Okapi", find="zebra")
    assert step.cells_changed == 1
    assert numbers(upload, "okapi") == [9]
