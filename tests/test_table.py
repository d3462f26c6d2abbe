"""The fix-it table on the server: filters, summary by kind, charts, cell saves, bulk fixes, undo, history."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.helpers_sheets import SAMPLES
from uploads import delivery, fixes, intake, submitplan, table, tablehistory
from uploads.models import Change, Row, Upload

pytestmark = pytest.mark.django_db

HEADER = ["submitted_at", "ticket_id", "agent_id", "score", "comment"]


def make_csv(tmp_path: Path, rows: list[list[str]], name: str = "made.csv") -> Path:
    """A CSV file with HEADER and `rows` (row 2 onward)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    path = tmp_path / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def answer(n: int, score: str = "5", comment: str = "ok") -> list[str]:
    return [f"2026-10-{1 + n % 5:02d} 08:00:00", f"{100000 + n}", "3812345670011", score, comment]


@pytest.fixture
def uploader():
    return get_user_model().objects.create_user("maria", password="correct horse 7")


def make_upload(uploader, tmp_path, rows) -> Upload:
    return intake.create_upload(uploader, make_csv(tmp_path, rows), "made.csv", intake.ReadOptions(time_zone="UTC"))


def test_it_summarises_the_kitchen_sink_by_kind(uploader):
    path = SAMPLES / "errors_kitchen_sink.csv"
    upload = intake.create_upload(uploader, path, path.name, intake.ReadOptions(time_zone="UTC"))
    summary = {entry["kind"]: entry["rows"] for entry in table.problem_summary(upload)}
    assert summary == {
        "ticket_id:required": 1, "score:above_max": 1, "score:below_min": 1, "score:not_integer": 2,
        "score:required": 1, "agent_id:no_agent": 1, "agent_email:not_email": 1, "submitted_at:not_date": 1,
        "submitted_at:no_such_date": 1, "submitted_at:future": 1, "agent_email:invisible": 1,
    }
    warnings = {entry["kind"]: entry["rows"] for entry in table.problem_summary(upload, "warning_kinds")}
    assert warnings == {"agent_email:email_dropped": 1, "comment:formula_like": 1, "comment:long_text": 1,
                        "row:reader_note": 1}  # row 18's notes column H was not read
    counts = submitplan.status_counts(upload)
    assert (counts["valid"], counts["invalid"], counts["duplicate"], counts["warning"]) == (12, 12, 1, 4)
    picked = table.filter_rows(upload, {"kind": "score:not_integer"})
    assert [row.number for row in picked] == [8, 9]
    duplicate = upload.rows.get(status=Row.Status.DUPLICATE)
    assert (duplicate.number, duplicate.note) == (18, "identical to row 17 in every mapped field")
    first = upload.rows.filter(error_kinds__contains=" score:not_integer ").order_by("number").first()  # excluded: still counted, as such
    upload.rows.filter(pk=first.pk).update(status=Row.Status.EXCLUDED, excluded=True)
    assert [entry for entry in table.problem_summary(upload) if entry["kind"] == "score:not_integer"] == [
        {"kind": "score:not_integer", "label": table.kind_label("score:not_integer"), "rows": 2, "excluded": 1}]


def test_it_filters_searches_and_sorts_in_the_database(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "3", "zebra"), answer(2, "9", "Apple pie"),
                                              answer(3, "1", "mango"), answer(4, "seven", "apple")])
    assert [r.number for r in table.filter_rows(upload, {"status": "invalid"})] == [3, 5]
    assert [r.number for r in table.filter_rows(upload, {"field": "score"})] == [3, 5]
    assert [r.number for r in table.filter_rows(upload, {"q": "APPLE"})] == [3, 5]
    assert [r.number for r in table.filter_rows(upload, {"sort": "c4"})] == [5, 3, 4, 2]
    assert [r.number for r in table.filter_rows(upload, {"sort": "c4", "dir": "desc"})] == [2, 4, 3, 5]
    row = upload.rows.get(number=2)
    fixes.edit_cell(upload, uploader, row, 4, "aardvark")
    assert [r.number for r in table.filter_rows(upload, {"sort": "c4"})][0] == 2
    assert [r.number for r in table.filter_rows(upload, {"q": "zebra"})] == []


def test_it_saves_2000_edited_cells_across_20000_rows_and_nothing_else(uploader, tmp_path):
    rows = [answer(n, "7" if n % 10 == 0 else "4") for n in range(20_000)]
    upload = make_upload(uploader, tmp_path, rows)
    assert submitplan.status_counts(upload)["invalid"] == 2000
    before = {row.pk: (row.cells, row.edits) for row in upload.rows.all()}
    client = Client()
    client.force_login(uploader)
    targets = list(upload.rows.filter(status=Row.Status.INVALID).values_list("pk", flat=True))
    for pk in targets:
        response = client.post(f"/uploads/{upload.pk}/cells/", {"row": pk, "column": 3, "text": "5", "old": "7"})
        assert response.status_code == 200
    assert response.json()["counts"]["invalid"] == 0
    assert (response.json()["status"], response.json()["status_display"]) == ("ready", "Ready to submit")  # badge
    after = {row.pk: (row.cells, row.edits) for row in upload.rows.all()}
    changed = {pk for pk in after if after[pk] != before[pk]}
    assert changed == set(targets)
    assert all(after[pk][1] == {"3": "5"} and after[pk][0] == before[pk][0] for pk in targets)
    assert upload.changes.filter(action="edit").count() == 2000
    upload.refresh_from_db()
    assert upload.status == Upload.Status.READY


def test_it_previews_replaces_and_undoes_in_one_step(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "five"), answer(2, "five"), answer(3, "4"),
                                              answer(4, "five")])
    rows = fixes.select_rows(upload, None, {"kind": "score:not_integer"})
    assert fixes.preview(upload, rows, "replace", "3", value="5", find="five") == 3
    step = fixes.apply_fix(upload, uploader, "replace", rows, "3", value="5", find="five")
    assert (step.description, step.cells_changed) == ("replaced 'five' with '5' in score: 3 cells", 3)
    assert submitplan.status_counts(upload)["invalid"] == 0
    assert sorted(upload.rows.values_list("item_score", flat=True)) == [4, 5, 5, 5]
    fixes.undo_last(upload, uploader)
    assert submitplan.status_counts(upload)["invalid"] == 3
    assert [row.edits for row in upload.rows.order_by("number")] == [{}, {}, {}, {}]
    assert [c.action for c in Change.objects.filter(upload=upload)] == ["undo", "replace"]
    assert [(e.action, e.details) for e in upload.events.order_by("id")] == [
        ("bulk_replace", {"cells": 3, "rows": 3}), ("undone", {"cells": 3})]
    with pytest.raises(fixes.FixError, match="nothing to undo"):
        fixes.undo_last(upload, uploader)
    with pytest.raises(fixes.FixError, match="No row to fix"):
        fixes.apply_fix(upload, uploader, "delete", fixes.select_rows(upload, [], {}))
    assert upload.rows.count() == 4


def test_it_undoes_nothing_from_before_the_file_was_read_again(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "five"), answer(2, "4")])
    fixes.apply_fix(upload, uploader, "replace", fixes.select_rows(upload, None, {}), "3", value="5", find="five")
    fixes.reread_upload(upload, uploader, intake.ReadOptions(time_zone="UTC"))

    with pytest.raises(fixes.FixError) as refused:
        fixes.undo_last(upload, uploader)

    assert str(refused.value) == (
        "There is nothing to undo since the file was read again: reading again replaced every row, and cannot "
        "itself be undone (read the file again with the earlier settings).")
    assert submitplan.status_counts(upload)["invalid"] == 1


def test_it_maps_a_value_across_the_upload_and_settles_duplicates(uploader, tmp_path):
    same = answer(1, "5")
    upload = make_upload(uploader, tmp_path, [same, same[:3] + ["five"] + same[4:], answer(2, "five")])
    rows = fixes.select_rows(upload, None, {"status": "valid"})  # map ignores the filter: whole upload
    step = fixes.apply_fix(upload, uploader, "map", rows, "3", value="5", find=" FIVE")  # any case, as value maps
    assert step.cells_changed == 2
    statuses = dict(upload.rows.values_list("number", "status"))
    assert statuses == {2: "valid", 3: "duplicate", 4: "valid"}
    assert upload.rows.get(number=3).note == "identical to row 2 in every mapped field"


def test_it_sets_excludes_includes_and_deletes_with_undo(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(n) for n in range(1, 6)])
    two = list(upload.rows.filter(number__in=[2, 3]).values_list("pk", flat=True))
    fixes.apply_fix(upload, uploader, "exclude", fixes.select_rows(upload, two, {}))
    assert submitplan.status_counts(upload)["excluded"] == 2
    assert submitplan.submit_plan(upload)["rows"] == 3
    assert submitplan.submit_plan(upload)["left_behind"] == "2 excluded rows"
    fixes.edit_cell(upload, uploader, upload.rows.get(number=2), 3, "4")
    assert upload.rows.get(number=2).status == Row.Status.EXCLUDED  # a re-check keeps it out
    fixes.apply_fix(upload, uploader, "include", fixes.select_rows(upload, two, {}))
    assert submitplan.status_counts(upload)["excluded"] == 0
    fixes.apply_fix(upload, uploader, "set", fixes.select_rows(upload, None, {}), "4", value="same")
    assert [row.edits for row in upload.rows.all()] == [{"3": "4", "4": "same"}] + [{"4": "same"}] * 4
    fixes.apply_fix(upload, uploader, "delete", fixes.select_rows(upload, None, {"q": "100005"}))
    assert upload.rows.count() == 4
    fixes.undo_last(upload, uploader)
    restored = upload.rows.get(number=6)
    assert (restored.status, restored.edits) == (Row.Status.VALID, {"4": "same"})
    assert [c.description for c in tablehistory.history(upload)][:2] == ["undid: deleted 1 row", "deleted 1 row"]


def test_the_submit_box_says_why_nothing_would_be_sent(uploader, tmp_path):
    """QA round 42b: an upload of answers all created before showed "Submit 0 rows", greyed, and no reason."""
    first = make_upload(uploader, tmp_path, [answer(1), answer(2)])
    first.rows.update(result=Row.Result.CREATED, maestro_id="abc")
    second = make_upload(uploader, tmp_path, [answer(1), answer(2)])
    client = Client()
    client.force_login(uploader)
    page = client.get(f"/uploads/{second.pk}/").content.decode()
    assert submitplan.submit_plan(second)["nothing"] in page.replace("&quot;", '"')
    assert submitplan.submit_plan(second)["nothing"] == (
        "There is no row to send: every answer was already created in MaestroQA by another upload (each row says "
        "which), so nothing needs sending.")  # not "Include rows", nor "Ready to submit" (QA round 67b W2)
    assert '<span class="status status-ready" id="upload-status">Nothing to send</span>' in page
    assert (f'2 of this file\'s rows were already created in MaestroQA by <a href="/uploads/{first.pk}/">upload '
            f"#{first.pk}</a>: this file, or part of it, was uploaded before.</p>") in page.replace("&#x27;", "'")
    third = make_upload(uploader, tmp_path, [answer(1), answer(2), answer(3, "five")])  # QA round 76c: said only
    assert ("was uploaded before. Before fixing its invalid rows here, check there whether they were fixed and sent "
            "already.") in client.get(f"/uploads/{third.pk}/").content.decode()  # when it has invalid rows
    second.rows.filter(number=3).update(status=Row.Status.EXCLUDED)  # left out by hand: not all created (QA 70b)
    assert "every answer is a duplicate, of a row above" in submitplan.submit_plan(second)["nothing"]
    second.rows.filter(number=3).update(status=Row.Status.DUPLICATE, note="identical to row 2 in every mapped field")
    assert "every answer is a duplicate, of a row above" in submitplan.submit_plan(second)["nothing"]


def test_the_submit_box_says_every_row_was_deleted(uploader, tmp_path):
    """QA round 76c: with every row deleted the page said only "No rows match this filter"."""
    upload = make_upload(uploader, tmp_path, [answer(1), answer(2)])
    fixes.apply_fix(upload, uploader, "delete", fixes.select_rows(upload, None, {}))
    assert submitplan.submit_plan(upload)["nothing"] == (
        'There is no row to send: every row was deleted. "Undo the last step" brings them back.')


def test_it_names_rows_that_give_the_same_answer_with_another_comment(uploader, tmp_path):
    """QA round 67b H2: a row copied to correct its comment was sent beside the row it corrected."""
    rows = [answer(1), answer(2), answer(1, comment="ok, fixed"), answer(3), answer(3, comment="again"),
            answer(3, comment="and again"), answer(4), answer(4, comment="other"), answer(5), answer(5, comment="no")]
    upload = make_upload(uploader, tmp_path, rows)
    assert submitplan.same_answers(upload) == (
        "Rows that give the same answer (ticket, agent, time and score) with another comment: 2 and 4; 5, 6 and 7; "
        "8 and 9; and 1 more such group. Each row is sent as an answer of its own: if one row corrects another, "
        "delete the wrong one.")
    client = Client()
    client.force_login(uploader)
    assert "with another comment: 2 and 4; 5, 6 and 7;" in client.get(f"/uploads/{upload.pk}/").content.decode()
    upload.rows.filter(number__in=[4, 6, 7, 9]).update(status=Row.Status.EXCLUDED)
    assert submitplan.same_answers(upload).endswith("another comment: 10 and 11. Each row is sent as an answer of "
                                                    "its own: if one row corrects another, delete the wrong one.")
    assert submitplan.same_answers(make_upload(uploader, tmp_path, [answer(1), answer(1)])) == ""


def test_an_error_reports_rows_its_own_upload_created_are_said_as_such(uploader, tmp_path):
    """QA round 72c: the report of upload #1 uploaded again read "this file, or part of it, was uploaded before"."""
    first = make_upload(uploader, tmp_path, [answer(1), answer(2)])
    first.rows.filter(number=2).update(result=Row.Result.CREATED, maestro_id="abc")
    report = intake.create_upload(uploader, make_csv(tmp_path, [answer(1), answer(3)]), f"errors-{first.pk}-made.csv",
                                  intake.ReadOptions(time_zone="UTC"))
    client = Client()
    client.force_login(uploader)
    page = client.get(f"/uploads/{report.pk}/").content.decode().replace("&#x27;", "'")
    assert (f'1 of this error report\'s rows was already created in MaestroQA by <a href="/uploads/{first.pk}/">upload '
            f"#{first.pk}</a>, whose report it is, so it is not sent again.") in page


def test_it_marks_answers_an_earlier_upload_created_and_sends_them_when_included(uploader, tmp_path, queue):
    first = make_upload(uploader, tmp_path, [answer(1), answer(2)])
    first.rows.filter(number=2).update(result=Row.Result.CREATED, maestro_id="abc")
    second = make_upload(uploader, tmp_path, [answer(1), answer(3)])
    row = second.rows.get(number=2)
    assert (row.status, row.note) == (Row.Status.DUPLICATE, f"already created in MaestroQA by upload #{first.pk} (row 2)")
    assert submitplan.submit_plan(second) | {} == {**submitplan.submit_plan(second), "rows": 1, "duplicate": 1}
    with pytest.raises(fixes.FixError, match="Tick the box to confirm"):
        fixes.apply_fix(second, uploader, "include", fixes.select_rows(second, [row.pk], {}))
    fixes.apply_fix(second, uploader, "include", fixes.select_rows(second, [row.pk], {}), confirmed=True)
    plan = submitplan.submit_plan(second)
    assert (plan["rows"], plan["duplicate"], plan["left_behind"]) == (2, 0, "")
    submission = delivery.submit_upload(second, uploader)
    assert sum(batch.item_count for batch in submission.batches.all()) == 2


def test_it_shows_markup_in_cells_as_text(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "5", "<script>alert(1)</script>"),
                                              answer(2, "5", '<img src=x onerror="alert(2)">')])
    client = Client()
    client.force_login(uploader)
    html = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html
    assert "<img src=x" not in html and "<script>alert" not in html


def test_it_pages_the_table_view_with_filters(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(n, "9" if n % 2 else "4") for n in range(1, 121)])
    client = Client()
    client.force_login(uploader)
    response = client.get(f"/uploads/{upload.pk}/", {"kind": "score:above_max", "size": "50"})
    assert response.status_code == 200
    assert len(response.context["page"]) == 50
    assert response.content.decode().count('<tr id="row-') == 50
    assert response.context["matching"] == 60
    assert response.context["next_query"] == "kind=score%3Aabove_max&size=50&page=2"
    assert 'href="?kind=score%3Aabove_max"' in response.content.decode()
    assert "score above the maximum: <span class=\"n\">60</span> rows" in response.content.decode()
    summary = client.get(f"/uploads/{upload.pk}/summary/")
    assert 'data-count="invalid">60<' in summary.content.decode()
    filtered = client.get(f"/uploads/{upload.pk}/summary/", {"kind": "score:above_max"})  # "60 rows match" (QA 38a)
    assert 'data-part="summary" data-matching="60"' in filtered.content.decode()


def test_it_bulk_fixes_over_http_with_preview(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(n, "five") for n in range(1, 4)])
    client = Client()
    client.force_login(uploader)
    data = {"action": "replace", "scope": "filtered", "column": "3", "find": "five", "value": "5",
            "status": "invalid"}
    assert client.post(f"/uploads/{upload.pk}/fix/?preview=1", data).json() == {"count": 3, "action": "replace"}
    response = client.post(f"/uploads/{upload.pk}/fix/", data)
    assert response.status_code == 302 and response.url == f"/uploads/{upload.pk}/?status=invalid"
    assert submitplan.status_counts(upload)["valid"] == 3
    client.post(f"/uploads/{upload.pk}/undo/", {})
    assert submitplan.status_counts(upload)["invalid"] == 3


def test_it_refuses_a_bulk_fix_undo_or_submit_from_a_page_drawn_before_another_step(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(n, "five") for n in range(1, 4)])
    client = Client()
    client.force_login(uploader)
    seen = str(tablehistory.history_mark(upload))
    assert f'name="seen" value="{seen}"' in client.get(f"/uploads/{upload.pk}/").content.decode()
    client.post(f"/uploads/{upload.pk}/cells/", {"row": upload.rows.get(number=2).pk, "column": 3, "text": "4",
                                                 "old": "five"})
    fixes.check_seen(upload, seen, uploader)  # the page's own saves since do not count
    other = get_user_model().objects.create_user("olga")
    fixes.edit_cell(upload, other, upload.rows.get(number=3), 3, "3")  # another person, another page
    refused = ("This upload changed after this page was drawn (latest step: row 3, score: 'five' → '3' by olga). "
               "Nothing was done: check the rows as they are now, then do it again.")
    fix = {"action": "set", "scope": "filtered", "column": "3", "value": "5", "seen": seen}

    assert client.post(f"/uploads/{upload.pk}/fix/?preview=1", fix).json() == {"error": refused}
    for url, data in ((f"/uploads/{upload.pk}/fix/", fix), (f"/uploads/{upload.pk}/undo/", {"seen": seen}),
                      (f"/uploads/{upload.pk}/submit/", {"seen": seen})):
        page = client.post(url, data, follow=True).content.decode()
        assert refused.replace("'", "&#x27;") in page, url
    assert [row.current_cells[3] for row in upload.rows.order_by("number")] == ["4", "3", "five"]
    upload.refresh_from_db()
    assert upload.status == Upload.Status.NEEDS_FIXES


def test_it_refuses_a_bulk_fix_from_a_page_drawn_before_the_users_own_bulk_fix_in_another_tab(uploader, tmp_path):
    """QA round 76c: the same find-and-replace applied from two tabs replaced twice ("Comment X X 0")."""
    upload = make_upload(uploader, tmp_path, [answer(n, "five") for n in range(1, 4)])
    client = Client()
    client.force_login(uploader)
    seen = str(tablehistory.history_mark(upload))
    fix = {"action": "replace", "scope": "filtered", "column": "3", "find": "five", "value": "five 5", "seen": seen}
    client.post(f"/uploads/{upload.pk}/fix/", fix)

    page = client.post(f"/uploads/{upload.pk}/fix/", fix, follow=True).content.decode()

    assert ("This upload changed after this page was drawn (latest step: replaced &#x27;five&#x27; with &#x27;five "
            "5&#x27; in score: 3 cells by you, in another tab). Nothing was done") in page
    assert [row.current_cells[3] for row in upload.rows.order_by("number")] == ["five 5"] * 3


def test_it_names_the_kind_filter_in_words_and_keeps_the_search_on_status_links(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "7"), answer(2, "9")])
    client = Client()
    client.force_login(uploader)
    page = client.get(f"/uploads/{upload.pk}/", {"kind": "score:above_max", "q": "100002"}).content.decode()
    assert "1 row matches the kind “score above the maximum”." in page
    assert '<a href="?status=invalid&amp;q=100002"' in page


def test_it_shows_the_history_read_only_in_the_admin(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "7")])
    fixes.edit_cell(upload, uploader, upload.rows.get(), 3, "5")
    admin = get_user_model().objects.create_superuser("root", password="x")
    client = Client()
    client.force_login(admin)
    listing = client.get("/admin/uploads/change/")
    assert listing.status_code == 200
    assert "row 2, score: &#x27;7&#x27; → &#x27;5&#x27;" in listing.content.decode()
    change = upload.changes.get()
    assert client.post(f"/admin/uploads/change/{change.pk}/delete/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_it_backfills_the_table_columns_of_rows_stored_before_them(uploader, tmp_path):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    upload = make_upload(uploader, tmp_path, [answer(1, "7"), answer(2, "4")])
    expected = list(upload.rows.order_by("number").values_list(
        "error_kinds", "warning_kinds", "has_warning", "search_text", "item_score", "item_day", "match_key"))
    upload.rows.update(error_kinds="", search_text="", item_score=None, item_day="", match_key="")
    executor = MigrationExecutor(connection)
    state = executor.loader.project_state(("uploads", "0002_table")).apps
    module = __import__("uploads.migrations.0002_table", fromlist=["backfill"])
    module.backfill(state, None)
    again = list(upload.rows.order_by("number").values_list(
        "error_kinds", "warning_kinds", "has_warning", "search_text", "item_score", "item_day", "match_key"))
    assert again == expected
    assert expected[0][0] == " score:above_max "


def test_it_filters_a_field_by_its_errors_and_its_warnings_and_a_warning_kind(uploader):
    path = SAMPLES / "errors_kitchen_sink.csv"
    upload = intake.create_upload(uploader, path, path.name, intake.ReadOptions(time_zone="UTC"))
    everything = list(upload.rows.order_by("number"))
    by_field = [row.number for row in table.filter_rows(upload, {"field": "agent_email"})]
    assert by_field == [row.number for row in everything if " agent_email:" in row.error_kinds + row.warning_kinds]
    assert by_field == [12, 13, 27]  # not_email, email_dropped (a warning), invisible
    assert [row.number for row in table.filter_rows(upload, {"kind": "comment:long_text"})] == [21]
    warned = [row.number for row in table.filter_rows(upload, {"status": "warning"})]
    assert warned == [row.number for row in everything if row.has_warning] == [13, 18, 19, 21]


def test_it_refuses_an_edit_of_a_cell_changed_since_the_page_was_loaded(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "7"), answer(2)])
    row = upload.rows.get(number=2)
    client = Client()
    client.force_login(uploader)
    url = f"/uploads/{upload.pk}/cells/"
    assert client.post(url, {"row": row.pk, "column": 1, "text": "T-9", "old": "100001"}).status_code == 200
    stale = client.post(url, {"row": row.pk, "column": 1, "text": "T-8", "old": "100001"})
    assert stale.status_code == 409
    assert stale.json() == {"error": "Row 2, ticket_id was changed to 'T-9' since you loaded this page; reload to see it."}
    assert upload.rows.get(number=2).current_cells[1] == "T-9"
    assert [step.description for step in tablehistory.history(upload)] == ["row 2, ticket_id: '100001' → 'T-9'"]


def test_it_takes_the_old_text_of_a_crlf_cell_as_the_page_shows_it_and_refuses_a_too_long_text(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "7")])
    row = upload.rows.get()
    row.cells[1] = "two\r\nlines"  # what a CRLF file's quoted cell holds; the page's HTML gives it back with LF
    row.save(update_fields=["cells"])
    client = Client()
    client.force_login(uploader)
    url = f"/uploads/{upload.pk}/cells/"
    assert client.post(url, {"row": row.pk, "column": 1, "text": "T-1", "old": "two\nlines"}).status_code == 200

    too_long = client.post(url, {"row": row.pk, "column": 5, "text": "x" * 50_001, "old": ""})

    assert too_long.status_code == 400
    assert too_long.json() == {"error": "A cell edited here can hold at most 50,000 characters (this text has 50001). "
                                        "Edit this cell in the spreadsheet and upload it again."}


def test_it_shows_a_control_character_as_its_picture_and_lets_that_cell_be_fixed(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "7")])
    row = upload.rows.get()
    row.cells[4] = "a\x1bb"  # ESC: a browser does not show it
    row.save(update_fields=["cells"])
    client = Client()
    client.force_login(uploader)

    assert '<span class="text">a\u241bb</span>' in client.get(f"/uploads/{upload.pk}/").content.decode()
    saved = client.post(f"/uploads/{upload.pk}/cells/", {"row": row.pk, "column": 4, "text": "ab", "old": "a\u241bb"})
    assert saved.status_code == 200
    assert upload.rows.get().current_cells[4] == "ab"


def test_it_answers_a_signed_out_cell_save_with_json(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "7")])
    response = Client().post(f"/uploads/{upload.pk}/cells/", {"row": upload.rows.get().pk, "column": 3, "text": "5"})
    assert response.status_code == 401
    assert response.json() == {"error": "Your session has expired: sign in again, then save the cell again.",
                               "session_expired": True}


def test_it_sends_the_history_and_undo_with_the_summary(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, "7")])
    client = Client()
    client.force_login(uploader)
    assert "No changes yet" in client.get(f"/uploads/{upload.pk}/summary/").content.decode()
    client.post(f"/uploads/{upload.pk}/cells/", {"row": upload.rows.get().pk, "column": 3, "text": "5", "old": "7"})
    fragment = client.get(f"/uploads/{upload.pk}/summary/").content.decode()
    assert ": row 2, score: &#x27;7&#x27; → &#x27;5&#x27;</li>" in fragment
    assert 'id="undo-button"' in fragment and 'data-part="summary"' in fragment


def test_it_offers_no_undo_when_only_steps_undo_never_takes_back_are_left(uploader, tmp_path):
    """QA round 38a: after a re-check (remap), "Undo the last step" answered "There is nothing to undo"."""
    from uploads import fixes, mapping

    upload = make_upload(uploader, tmp_path, [answer(1, "7")])
    fixes.remap_upload(upload, uploader, mapping.Preset.from_json(upload.preset), upload.time_zone)
    client = Client()
    client.force_login(uploader)
    fragment = client.get(f"/uploads/{upload.pk}/summary/").content.decode()
    assert "re-checked every row" in fragment and 'id="undo-button"' not in fragment


def test_it_filters_rows_by_delivery_result(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(n) for n in range(5)])
    rows = list(upload.rows.order_by("number"))
    results = [Row.Result.CREATED, Row.Result.FAILED, Row.Result.UNCONFIRMED, Row.Result.NONE]
    for row, result in zip(rows, results, strict=False):
        Row.objects.filter(pk=row.pk).update(result=result)
    Row.objects.filter(pk__in=[row.pk for row in rows[:4]]).update(batch=_batch(upload))
    found = {key: [row.number for row in table.filter_rows(upload, {"result": key})] for key in table.RESULT_FILTERS}
    assert found == {"created": [2], "failed": [3], "unconfirmed": [4], "not_sent": [5], "sending": []}
    assert table.result_links(delivery.delivery_counts(upload)) == [
        ("created", "Created", 1), ("failed", "Failed", 1), ("unconfirmed", "Not confirmed", 1),
        ("not_sent", "Stopped before sending", 1)]  # no row waits: no "Waiting to send"
    Row.objects.filter(pk=rows[3].pk).update(result=Row.Result.SENDING)  # a paused delivery's row still to go
    assert table.result_links(delivery.delivery_counts(upload))[-2:] == [
        ("not_sent", "Stopped before sending", 0), ("sending", "Waiting to send", 1)]
    assert table.result_links({"sending": 0, "waiting": 700})[-1] == ("sending", "Waiting to send", 700)  # paused
    assert [row.number for row in table.filter_rows(upload, {"result": "sending"})] == [5]
    assert table.query_string({"result": "failed", "page": "2"}) == "result=failed"
    from uploads.templatetags.table_rows import _result

    Row.objects.filter(pk=rows[4].pk).update(status=Row.Status.DUPLICATE)
    shown = {row.number: _result(row, unsent=False) for row in upload.rows.only(*table.DISPLAY_FIELDS).filter(
        number__in=(5, 6))}  # QA round 47c: a duplicate's "Not sent" beside the chip's "Not sent 0"
    assert shown == {5: "Sending", 6: "Not sent (duplicate)"}


def _batch(upload):
    from uploads.models import Batch, Submission

    submission = Submission.objects.create(upload=upload, created_by=upload.owner)
    return Batch.objects.create(submission=submission, sequence=1, item_count=4)


def test_it_says_failed_once_and_notes_long_cells(uploader, tmp_path):
    upload = make_upload(uploader, tmp_path, [answer(1, comment="x" * 12_000)])
    Row.objects.filter(upload=upload).update(result=Row.Result.FAILED, result_message="Failed: agent not found")
    upload.status = Upload.Status.DONE_WITH_ERRORS
    upload.save()
    client = Client()
    client.force_login(uploader)
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert '<td class="result result-failed">Failed: agent not found</td>' in page
    assert '<span class="long-note">12,000 characters: focus the cell to read them all, Enter to edit</span>' in page
    assert "Before sending:" not in page and "1 valid row</h2>" in page


def test_it_cuts_a_cell_too_long_to_show_and_keeps_it_whole(uploader, tmp_path):
    comment = "y" * 60_000 + "END"
    upload = make_upload(uploader, tmp_path, [answer(1, comment=comment)])
    client = Client()
    client.force_login(uploader)
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert ('<span class="long-note">… 60,003 characters, too many to show or edit here: all are kept and sent; '
            "fix this cell in the spreadsheet if it needs a change</span>") in page
    assert "yEND" not in page and 'class="cell warned too-long"' in page
    assert upload.rows.get().item["comment"] == comment


def test_every_kind_of_problem_has_a_label_in_words() -> None:
    """QA round 67b C3: "ticket_id: excel digits", a code's own name, was shown under "Errors by kind". Every code
    an Issue, a Note or a row warning is given in uploads/ has a label."""
    source = " ".join(path.read_text(encoding="utf-8") for path in Path(table.__file__).parent.glob("*.py"))
    codes = set(re.findall(r'(?:Issue|Note)\(\s*"([a-z_]+)"', source))
    codes |= set(re.findall(r'\.warn\([^)]*?,\s*"([a-z_]+)"\)', source, re.S))
    assert len(codes) > 60 and sorted(codes - table.KIND_LABELS.keys()) == []
    assert table.kind_label("ticket_id:excel_digits") == "ticket_id lost digits in a spreadsheet"



def test_a_wide_files_table_offers_no_page_too_big_to_draw(uploader, tmp_path):
    """QA round 68b: 500 rows of a 500-column file were a 21 MB page a browser took a minute to draw."""
    upload = make_upload(uploader, tmp_path, [answer(1), answer(2)])
    assert table.page_sizes(upload) == [50, 100, 250, 500]
    upload.columns = [f"Q{n}" for n in range(500)]
    assert (table.page_sizes(upload), table.page_size(upload, {"size": "500"})) == ([50, 100], 100)
