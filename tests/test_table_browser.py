"""The fix-it table in Chromium: kinds, keyboard edits, bulk replace and undo, exclude, remap, submit, escaping.

One browser for the whole module; each test gets a fresh context (cookies) and its own upload.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, sign_in
from tests.helpers_sheets import CASES, SAMPLES
from uploads import intake
from uploads.models import Row, SavedPreset, Submission, Upload

pytestmark = pytest.mark.django_db(transaction=True)
KITCHEN_SINK = SAMPLES / "errors_kitchen_sink.csv"


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    get_user_model().objects.create_user("maria", password="correct horse 7")
    sign_in(page, "maria", "correct horse 7")
    yield page
    context.close()


def open_upload(page, path: Path = KITCHEN_SINK, query: str = "") -> Upload:
    owner = get_user_model().objects.get(username="maria")
    upload = intake.create_upload(owner, path, path.name, intake.ReadOptions(time_zone="UTC"))
    page.goto(f"{page.base_url}/uploads/{upload.pk}/{query}")
    return upload


def count(page, status: str) -> str:
    return page.inner_text(f'#summary [data-count="{status}"]')


def wait_count(page, status: str, value: int) -> None:
    expect(page.locator(f'#summary [data-count="{status}"]')).to_have_text(str(value))


def row_numbers(page) -> list[int]:
    return [int(text) for text in page.locator("#rows-table tbody th[scope=row]").all_inner_texts()]


def test_it_lists_the_kitchen_sink_kinds_and_filters_to_one(page):
    upload = open_upload(page)
    kinds = page.locator("#error-summary li").all_inner_texts()
    assert kinds == [
        "score is not a whole number: 2 rows", "agent_email contains an invisible character: 1 row",
        "agent_email is not an email address: 1 row", "no agent id or email: 1 row",
        "score above the maximum: 1 row", "score below the minimum: 1 row", "score is blank: 1 row",
        "submitted_at is in the future: 1 row", "submitted_at: no such date: 1 row",
        "submitted_at is not a date: 1 row", "ticket_id is blank: 1 row",
    ]
    assert (count(page, "invalid"), count(page, "valid"), count(page, "duplicate")) == ("12", "12", "1")
    assert count(page, "warning") == "4"  # row 18 also has a warning: its notes column H was not read
    scores = page.locator("#score-chart table").inner_text().split()
    assert scores == ["Rows", "per", "score", "Score", "Rows", "1", "1", "2", "2", "3", "1", "4", "2", "5", "6"]
    assert page.locator("#score-chart svg rect").count() == 5
    row18 = page.locator("#rows-table tbody tr", has=page.locator("th", has_text="18"))
    assert "Duplicate" in row18.inner_text() and "identical to row 17" in row18.inner_text()
    assert "Column H ('dup?') right of the last named column was not read" in (
        row18.inner_text())
    row18.locator("button.include-anyway").click()
    page.wait_for_selector("text=Done: included 1 row")
    assert page.inner_text("#submit-plan").startswith("13 rows will be sent")
    assert upload.rows.get(number=18).include_anyway is True
    page.click("#error-summary >> text=score is not a whole number")
    page.wait_for_url("**kind=score%3Anot_integer")
    assert row_numbers(page) == [8, 9]
    assert "2 rows match" in page.inner_text("#matching")
    assert upload.rows.filter(error_kinds__contains=" score:not_integer ").count() == 2


def test_it_fixes_a_cell_with_the_keyboard_only(page):
    upload = open_upload(page, query="?kind=score:above_max")
    assert row_numbers(page) == [6]
    page.locator('#rows-table tbody td[data-column="0"]').first.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.column") == "4"
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.type("5")
    page.keyboard.press("Enter")
    wait_count(page, "invalid", 11)
    assert page.inner_text("#live") == "Row 6, Score saved."
    expect(page.locator("#error-summary")).not_to_contain_text("above the maximum")
    row = upload.rows.get(number=6)
    assert (row.status, row.edits, row.cells[4]) == (Row.Status.VALID, {"4": "5"}, "6")
    cell = page.locator('#rows-table tbody td[data-column="4"]').first
    assert cell.get_attribute("title") == "The file said: 6"
    page.keyboard.press("Escape")
    assert upload.changes.get().description == "row 6, Score: '6' → '5'"


def test_the_status_badge_follows_the_fix_of_the_last_invalid_row(page, tmp_path):
    path = tmp_path / "one_bad.csv"
    path.write_text("submitted_at,ticket_id,agent_id,score\n2026-10-05T10:00:00Z,1,A1,5\n"
                    "2026-10-05T11:00:00Z,2,A1,9\n", encoding="utf-8")
    open_upload(page, path)
    expect(page.locator("#upload-status")).to_have_text("Needs fixes")
    page.locator('#rows-table tbody tr:has-text("9") td[data-column="3"]').first.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.type("4")
    page.keyboard.press("Enter")
    wait_count(page, "invalid", 0)
    expect(page.locator("#upload-status")).to_have_text("Ready to submit")  # without a reload (QA round 47c)
    assert page.get_attribute("#upload-status", "class") == "status status-ready"


def test_it_bulk_replaces_across_matching_rows_and_undoes_it(page):
    upload = open_upload(page, query="?kind=score:not_integer")
    page.select_option("#bulk-action", "replace")
    page.select_option("#bulk-column", label="Score")
    page.fill("#bulk-find", "five")
    page.fill("#bulk-value", "5")
    page.click("#bulk-preview")
    expect(page.locator("#bulk-count")).to_have_text("This will change 1 cell.")
    page.click("#bulk-apply")
    page.wait_for_selector("text=Done: replaced 'five' with '5' in Score: 1 cell")
    assert count(page, "invalid") == "11"
    assert row_numbers(page) == [9]
    assert upload.rows.get(number=8).edits == {"4": "5"}
    page.click("#undo-button")
    page.wait_for_selector("text=Undone: replaced 'five' with '5' in Score: 1 cell")
    assert count(page, "invalid") == "12"
    assert upload.rows.get(number=8).edits == {}
    assert upload.rows.get(number=8).status == Row.Status.INVALID
    assert "(undone)" in page.inner_text("#history-list")


def test_it_excludes_a_selected_row(page):
    upload = open_upload(page, query="?status=valid")
    page.check('#rows-table input[aria-label="Select row 4"]')
    expect(page.locator("#bulk-scope")).to_have_value("selected")  # ticking a row chose the ticked rows
    page.select_option("#bulk-action", "exclude")
    page.click("#bulk-apply")
    page.wait_for_selector("text=Done: excluded 1 row")
    assert (count(page, "excluded"), count(page, "valid")) == ("1", "11")
    assert page.inner_text("#submit-plan") == (
        "11 rows will be sent in 1 request, about 1 second at the current limits; "
        "12 invalid, 1 duplicate and 1 excluded rows will not be sent.")
    assert (upload.rows.get(number=4).status, upload.rows.get(number=4).excluded) == (Row.Status.EXCLUDED, True)


def tick_row_3_and_go_to_page_2(page) -> Upload:
    """The 200-row case at 50 rows a page, with row 3 ticked, showing page 2."""
    upload = open_upload(page, CASES / "B22-200-rows-to-edit.csv", "?size=50")
    page.check('#rows-table input[aria-label="Select row 3"]')
    page.click("a[rel=next]")
    return upload


def test_it_keeps_rows_ticked_on_other_pages_and_applies_the_fix_to_all_of_them(page):
    upload = tick_row_3_and_go_to_page_2(page)
    page.check('#rows-table input[aria-label="Select row 60"]')
    expect(page.locator("#bulk-ticked")).to_have_text("2 ticked, 1 of them on other pages or filters")
    page.click("a[rel=prev]")
    expect(page.locator('#rows-table input[aria-label="Select row 3"]')).to_be_checked()
    expect(page.locator("#bulk-scope")).to_have_value("selected")
    page.select_option("#bulk-action", "exclude")
    page.click("#bulk-preview")
    expect(page.locator("#bulk-count")).to_have_text("This will change 2 rows.")
    page.click("#bulk-apply")
    page.wait_for_selector("text=Done: excluded 2 rows")
    assert sorted(upload.rows.filter(excluded=True).values_list("number", flat=True)) == [3, 60]
    expect(page.locator("#bulk-ticked")).to_have_text("")  # an applied fix clears the ticks
    expect(page.locator("#bulk-untick")).to_be_hidden()


def test_it_unticks_every_page_at_once(page):
    tick_row_3_and_go_to_page_2(page)
    page.click("#bulk-untick")
    expect(page.locator("#bulk-scope")).to_have_value("filtered")
    page.click("a[rel=prev]")
    expect(page.locator('#rows-table input[aria-label="Select row 3"]')).not_to_be_checked()


def test_it_keeps_edits_through_a_remap_and_submits(page, queue):
    page.set_input_files("#id_file", str(KITCHEN_SINK))
    page.click("#upload-form button[type=submit]")
    page.wait_for_url("**/mapping/")
    page.click("text=Continue to the rows")
    upload = Upload.objects.get()
    page.goto(f"{page.base_url}/uploads/{upload.pk}/?kind=ticket_id:required")
    cell = page.locator('#rows-table tbody td[data-column="1"]').first
    cell.click()
    page.keyboard.type("50102")
    page.keyboard.press("Enter")
    wait_count(page, "invalid", 11)
    page.click("#mapping-link")
    page.wait_for_url("**/mapping/")
    page.select_option("#id_time_zone", "America/New_York")
    page.click("text=Apply mapping and check rows")
    page.wait_for_url(f"**/uploads/{upload.pk}/")
    assert count(page, "invalid") == "11"
    row = upload.rows.get(number=5)
    assert (row.edits, row.status, row.item["ticket_id"]) == ({"1": "50102"}, Row.Status.VALID, "50102")
    assert upload.rows.get(number=4).item["submitted_at"] == "2026-10-05T18:48:00.000Z"
    assert "re-checked every row: mapping Plain API fields, time zone UTC → America/New_York" in page.inner_text(
        "#history-list")
    page.goto(f"{page.base_url}/uploads/{upload.pk}/?q=50102")
    assert "50102" in page.inner_text("#rows-table tbody")
    plan = page.inner_text("#submit-plan")
    assert plan.startswith("13 rows will be sent in 1 request, about 1 second at the current limits; 11 invalid")
    page.click("#submit-button")
    page.wait_for_selector("#progress")
    submission = Submission.objects.get(upload=upload)
    assert sum(batch.item_count for batch in submission.batches.all()) == 13


def test_it_shows_markup_in_a_comment_as_text(page, tmp_path):
    path = tmp_path / "markup.csv"
    path.write_text(
        "submitted_at,ticket_id,agent_id,score,comment\n"
        "2026-10-01 08:00:00,1,3812345670011,5,<script>window.hacked=1</script>\n"
        '2026-10-01 08:00:00,2,3812345670011,5,"<img src=x onerror=""window.hacked=2"">"\n',
        encoding="utf-8",
    )
    open_upload(page, path)
    text = page.inner_text("#rows-table tbody")
    assert "<script>window.hacked=1</script>" in text
    assert '<img src=x onerror="window.hacked=2">' in text
    assert page.locator("#rows-table img, #rows-table tbody script").count() == 0
    assert page.evaluate("window.hacked") is None


def test_it_moves_with_tab_cancels_with_escape_and_fits_a_narrow_screen(page):
    upload = open_upload(page, query="?kind=score:below_min")
    score = page.locator('#rows-table tbody td[data-column="4"]').first
    score.focus()
    page.keyboard.press("Enter")
    page.keyboard.type("3")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.column") == "4"
    assert upload.rows.get(number=7).edits == {}
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    wait_count(page, "invalid", 11)
    expect(page.locator("td:focus")).to_have_attribute("data-column", "5")
    assert upload.rows.get(number=7).edits == {"4": "3"}
    page.set_viewport_size({"width": 390, "height": 800})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#bulk-apply").is_visible() and page.locator("#error-summary").is_visible()


def test_it_searches_the_cells_and_finds_an_edited_one(page):
    upload = open_upload(page)
    page.fill("#q", "WORD")
    page.press("#q", "Enter")
    expect(page.locator("#matching")).to_have_text("1 row matches.")
    assert row_numbers(page) == [8]
    page.locator('#rows-table tbody td[data-column="6"]').first.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.type("Now 100% a_number")
    page.keyboard.press("Enter")
    expect(page.locator("#live")).to_have_text("Row 8, Comment saved.")
    page.fill("#q", "100% a_n")
    page.press("#q", "Enter")
    expect(page.locator("#matching")).to_have_text("1 row matches.")
    assert row_numbers(page) == [8]
    page.fill("#q", "a word")
    page.press("#q", "Enter")
    expect(page.locator("#rows-table tbody")).to_have_text("No rows match this filter.")
    assert upload.rows.get(number=8).edits == {"6": "Now 100% a_number"}


def test_it_reads_dates_day_first_after_choosing_the_date_order(page, tmp_path):
    path = tmp_path / "uk-slash-dates.csv"
    path.write_text("submitted_at,ticket_id,agent_id,score\n05/10/2026 10:00,1,111,5\n06/10/2026 11:00,2,111,4\n"
                    "07/11/2026 09:00,3,111,3\n", encoding="utf-8")
    upload = open_upload(page, path)
    expect(page.locator("#day-chart figcaption")).to_have_text("Responses per day (UTC), 2026-05-10 to 2026-07-11")
    page.click("#mapping-link")
    page.click("#date-order-link")
    expect(page.locator("#id_date_order")).to_be_focused()
    page.select_option("#id_date_order", "DMY")
    page.click("text=Apply mapping and check rows")
    expect(page.locator("#day-chart figcaption")).to_have_text("Responses per day (UTC), 2026-10-05 to 2026-11-07")
    assert [row.item["submitted_at"] for row in upload.rows.order_by("number")] == [
        "2026-10-05T10:00:00.000Z", "2026-10-06T11:00:00.000Z", "2026-11-07T09:00:00.000Z"]


def edit_first_cell(page, column: int, text: str) -> None:
    page.locator(f'#rows-table tbody td[data-column="{column}"]').first.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_it_shows_a_refused_save_with_the_text_typed(page):
    upload = open_upload(page, query="?kind=score:above_max")
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.QUEUED)  # submitted in another tab
    edit_first_cell(page, 4, "5")
    error = page.locator("#save-error")
    expect(error).to_be_visible()
    expect(error).to_have_attribute("role", "alert")
    expect(error).to_contain_text("⚠ Not saved: Row 6, Score was not saved. This upload is queued; it can no "
                                  "longer be edited.")
    expect(error.locator("q.typed")).to_have_text("5")
    assert upload.rows.get(number=6).edits == {}
    page.click("#save-error-dismiss")
    expect(error).to_be_hidden()

    from django.contrib.sessions.models import Session

    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.NEEDS_FIXES)
    Session.objects.all().delete()  # the session expired
    edit_first_cell(page, 4, "4")
    expect(error).to_contain_text("Your session has expired: sign in again, then save the cell again.")
    expect(page.locator("#sign-in-link")).to_have_attribute("href", "/login/?next=%2Fuploads%2F"
                                                            f"{upload.pk}%2F%3Fkind%3Dscore%3Aabove_max")


def test_it_refreshes_the_history_and_undo_after_a_cell_edit(page):
    open_upload(page, query="?kind=score:above_max")
    expect(page.locator("#history-list")).to_contain_text("No changes yet")
    edit_first_cell(page, 4, "5")
    expect(page.locator("#history-list")).to_contain_text("row 6, Score: '6' → '5'")
    expect(page.locator("#undo-button")).to_be_visible()


def test_it_filters_the_failed_rows_from_the_delivery_summary(page):
    upload = open_upload(page)
    submission = Submission.objects.create(upload=upload, created_by=upload.owner)
    batch = submission.batches.create(sequence=1, item_count=12)
    valid = list(upload.rows.filter(status=Row.Status.VALID).order_by("number"))
    upload.rows.filter(pk__in=[row.pk for row in valid]).update(batch=batch, result=Row.Result.CREATED)
    upload.rows.filter(pk__in=[valid[1].pk, valid[4].pk]).update(
        result=Row.Result.FAILED, result_message="Failed: agent not found")
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.DONE_WITH_ERRORS)
    page.reload()
    expect(page.locator("#result-filters")).to_contain_text("Failed 2")
    expect(page.locator("#unfixed-failed")).to_contain_text("2 failed rows have not been edited since they failed")
    page.click("#result-filters >> text=Failed")
    page.wait_for_url("**?result=failed")
    assert row_numbers(page) == [valid[1].number, valid[4].number]
    expect(page.locator("#rows-table tbody td.result").first).to_have_text("Failed: agent not found")
    page.goto(f"{page.base_url}/uploads/{upload.pk}/")  # rows created in MaestroQA open no editor
    created = page.locator(f'#row-{valid[0].pk} td[data-column="4"]')
    created.click()
    expect(created.locator(".cell-editor")).to_have_count(0)
    failed = page.locator(f'#row-{valid[1].pk} td[data-column="4"]')
    failed.click()
    expect(failed.locator(".cell-editor")).to_be_focused()


def test_it_keeps_the_line_breaks_of_a_comment_it_edits(page, tmp_path):
    path = tmp_path / "two-line-comment.csv"
    path.write_bytes(b'submitted_at,ticket_id,agent_id,score,comment\r\n'
                     b'2026-10-05 10:00,1,111,5,"line one\r\nline two"\r\n2026-10-05 11:00,2,111,4,fine\r\n')
    upload = open_upload(page, path)
    comment = page.locator('#rows-table tbody td[data-column="4"]').first
    comment.click()
    expect(comment.locator("textarea.cell-editor")).to_have_value("line one\nline two")
    page.click("h1")  # leaving the text area unchanged saves nothing
    expect(comment.locator(".cell-editor")).to_have_count(0)
    assert upload.rows.get(number=2).edits == {}

    comment.click()
    page.keyboard.press("End")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("line three")
    page.keyboard.press("Enter")
    expect(page.locator("#history-list")).to_contain_text("row 2")
    assert upload.rows.get(number=2).item["comment"] == "line one\nline two\nline three"


def test_it_says_what_a_long_post_is_doing_and_refreshes_a_busy_upload(page):
    upload = open_upload(page)
    page.click("#mapping-link")
    # A 204 leaves the page as it was while the post "runs": what the user sees meanwhile
    page.route("**/mapping/", lambda route: route.fulfill(status=204) if route.request.method == "POST"
               else route.continue_())
    page.click("text=Apply mapping and check rows")
    expect(page.locator("#mapping-form .busy-note")).to_have_text(
        "Checking 25 rows again with this mapping. A big file takes a few seconds per 10,000 rows: keep this page "
        "open.")
    expect(page.locator("#mapping-form button[type=submit]")).to_be_disabled()

    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.CHECKING)  # another person's re-check
    page.goto(f"{page.base_url}/uploads/{upload.pk}/")
    expect(page.locator("#busy-notice")).to_have_text(
        "Checking rows: the rows below may still show their earlier results. This page refreshes every 5 seconds "
        "until it is done.")
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.NEEDS_FIXES)
    expect(page.locator("#busy-notice")).to_be_hidden(timeout=10_000)  # the page refreshed itself


def test_it_keeps_every_edit_made_while_earlier_saves_travel(page):
    """Saves run in the background: with 400 ms of network latency, typing on at a person's pace
    (Enter saves and moves down, typing edits) and clicking from cell to cell lose nothing."""
    upload = open_upload(page)
    page.context.new_cdp_session(page).send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 400, "downloadThroughput": -1, "uploadThroughput": -1})
    comments = page.locator('#rows-table tbody td[data-column="6"]')
    comments.nth(0).focus()
    for n in range(4):
        page.keyboard.type(f"typed {n}", delay=30)  # typing on a cell edits it
        page.keyboard.press("Enter")
    comments.nth(3).click()  # the same cell again, before its first save has come back
    page.keyboard.press("Control+a")
    page.keyboard.type("typed 3 again", delay=30)
    page.keyboard.press("Enter")
    comments.nth(5).click()
    page.keyboard.press("Control+a")
    page.keyboard.type("clicked A", delay=30)
    comments.nth(6).click()
    page.keyboard.press("Control+a")
    page.keyboard.type("clicked B", delay=30)
    page.keyboard.press("Enter")

    expect(page.locator("#history")).to_contain_text("'clicked B'", timeout=10_000)
    numbers = [int(text.split()[0]) for text in page.locator("#rows-table tbody th[scope=row]").all_inner_texts()]
    edited = {row.number: row.edits.get("6") for row in upload.rows.exclude(edits={})}
    assert edited == {numbers[0]: "typed 0", numbers[1]: "typed 1", numbers[2]: "typed 2", numbers[3]: "typed 3 again",
                      numbers[5]: "clicked A", numbers[6]: "clicked B"}


def test_it_stops_saving_a_preset_while_the_mapping_shown_is_not_applied(page):
    """QA round 28b: "Save preset" saved the mapping as last applied (UTC), not the zone chosen on screen."""
    upload = open_upload(page)
    page.click("#mapping-link")
    page.select_option("#id_time_zone", "America/New_York")
    page.fill("#id_name", "Team sheet v1")
    page.click("text=Save preset")
    expect(page.locator("#unapplied-note")).to_contain_text("You changed the mapping above but have not applied it")
    page.click("text=Continue to the rows")
    expect(page.locator("#unapplied-note")).to_be_visible()
    assert page.url.endswith(f"/uploads/{upload.pk}/mapping/")
    page.click("text=Apply mapping and check rows")
    page.click("#mapping-link")
    page.fill("#id_name", "Team sheet v1")
    page.click("text=Save preset")
    expect(page.get_by_text("Saved the preset 'Team sheet v1'")).to_be_visible()
    assert SavedPreset.objects.get(name="Team sheet v1").data["time_zone"] == "America/New_York"
    page.select_option("#id_time_zone", "Europe/Paris")
    page.select_option("#id_field_ticket_id", "")
    page.click("text=Apply mapping and check rows")  # refused: no ticket_id column
    expect(page.locator(".errorlist").first).to_contain_text("Choose the column that holds ticket_id")
    page.fill("#id_name", "Saved after a refusal")
    page.click("text=Save preset")  # the refused values are still not applied (QA round 30a)
    expect(page.locator("#unapplied-note")).to_be_visible()
    assert not SavedPreset.objects.filter(name="Saved after a refusal").exists()
    page.select_option("#id_time_zone", "Europe/Berlin")
    page.click("text=Sign out")  # the header's form is never stopped (review 29c)
    page.wait_for_url("**/login/")


def test_it_keeps_a_refused_fix_as_typed_and_asks_before_deleting_rows(page):
    """QA round 28b: a refused fix reset the form; "Delete rows" deleted every matching row at once."""
    upload = open_upload(page, query="?status=valid")
    page.select_option("#bulk-action", "set")
    page.select_option("#bulk-column", label="Comment")
    page.fill("#bulk-value", "checked by Maria")
    page.select_option("#bulk-scope", "selected")
    page.click("#bulk-apply")
    page.wait_for_selector("text=No row to fix: tick some rows, or change the filter.")
    assert [page.input_value(f"#bulk-{name}") for name in ("action", "value", "scope")] == [
        "set", "checked by Maria", "selected"]
    assert page.locator("#bulk-column option:checked").inner_text() == "Comment"

    page.select_option("#bulk-action", "delete")
    page.select_option("#bulk-scope", "filtered")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click("#bulk-apply")
    assert asked == ["Delete every row matching the filter (12) from this upload? Undo takes it back."]
    assert upload.rows.filter(status=Row.Status.VALID).count() == 12
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#bulk-apply")
    page.wait_for_selector("text=Done: deleted 12 rows")


def test_it_shows_a_refused_save_far_down_the_table_where_the_user_is(page):
    """QA round 28b: the message sat 2,000 px above the cell, so the edit looked silently undone."""
    upload = open_upload(page, CASES / "B22-200-rows-to-edit.csv", "?size=100")
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.QUEUED)  # submitted in another tab
    cell = page.locator('#rows-table tbody td[data-column="1"]').last
    cell.scroll_into_view_if_needed()
    cell.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.type("fixed")
    page.keyboard.press("Enter")
    expect(page.locator("#save-error")).to_be_in_viewport()


def test_it_lets_a_keyboard_user_skip_the_table(page):
    open_upload(page, CASES / "B22-200-rows-to-edit.csv", "?size=100")
    page.focus("#bulk-apply")
    reached = []
    for _ in range(12):  # the bulk fix's last controls, then the skip link before the first cell
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
        if reached[-1] in ("skip-table", "TD"):
            break
    assert reached[-1] == "skip-table"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator("a[rel=next]")).to_be_focused()


def test_it_keeps_saying_for_approval_on_the_submit_button_after_an_edit(page, settings):
    settings.REQUIRE_APPROVAL = True
    open_upload(page, query="?kind=score:above_max")
    expect(page.locator("#submit-button")).to_have_text("Submit 12 rows for approval")
    edit_first_cell(page, 4, "5")
    expect(page.locator("#submit-button")).to_have_text("Submit 13 rows for approval")  # QA round 30a
