"""The whole path in a real browser: upload, fix a cell, submit, results, error report."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser import page, sign_in  # noqa: F401  (fixture)
from uploads import delivery
from uploads.models import Attempt, Row, Upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_url(live_server, settings):
    """Point the client at the sandbox this live server serves."""
    settings.MAESTROQA_API_URL = f"{live_server.url}/sandbox/api/v1"
    return settings.MAESTROQA_API_URL


def test_it_uploads_fixes_submits_and_reports(page, shared, queue, sandbox_url):  # noqa: F811
    get_user_model().objects.create_user("maria", password="correct horse 7")
    sign_in(page, "maria", "correct horse 7")

    page.set_input_files("#id_file", str(shared / "samples" / "basic_api_fields.csv"))
    page.click("#upload-form button[type=submit]")
    page.wait_for_url("**/mapping/")
    page.click("text=Continue to the rows")
    page.click("nav.filters >> text=Invalid")
    assert page.locator("#rows-table tbody tr").count() == 10
    assert page.locator("#rows-table td.invalid").count() >= 10

    row40 = page.locator("#rows-table tbody tr", has=page.locator("th", has_text="40"))
    score_cell = row40.locator("td.invalid").first
    assert "6 is above" in score_cell.inner_text()
    score_cell.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("4")
    page.keyboard.press("Enter")
    expect(page.locator("[data-count=invalid]")).to_have_text("9")  # no wait_for_function: CSP forbids eval
    expect(page.locator("#submit-button")).to_have_text("Submit 241 rows")

    upload = Upload.objects.get()
    assert upload.rows.get(number=40).status == Row.Status.VALID
    page.goto(f"{page.base_url}/uploads/{upload.pk}/")
    assert "241 rows will be sent in 3 requests" in page.inner_text("#submit-plan")
    page.click("#submit-button")
    page.wait_for_selector("#progress")

    delivery.wait_until_done(upload)
    page.wait_for_selector("#progress[data-active='0']")  # the page reloads itself when the delivery ends
    assert page.inner_text("#upload-status") == "Done, 9 invalid rows not sent"  # QA round 67b W4
    upload.refresh_from_db()
    assert upload.rows.filter(result=Row.Result.CREATED).count() == 241
    assert Attempt.objects.filter(batch__submission__upload=upload).count() == 3
    created = page.locator("#rows-table td.result-created")
    assert created.count() == 97  # page 1 holds rows 2..101; rows 19, 61 and 82 stay invalid
    assert created.first.inner_text().startswith("Created ")

    with page.expect_download() as download:
        page.click("#error-report-link")
    text = open(download.value.path(), encoding="utf-8-sig").read()
    report = list(csv.DictReader(io.StringIO(text)))
    assert len(report) == 9
    assert [int(line["row"]) for line in report] == [19, 61, 82, 103, 124, 145, 166, 187, 208]
