"""Approval in a real browser: a manager submits, an admin approves (items are created) or sends back."""

import pytest
from playwright.sync_api import expect

from tests.browser import page, sign_in  # noqa: F401  (fixture)
from tests.people import PASSWORD, make_people
from uploads import delivery
from uploads.models import Row, Upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def approval_on(live_server, settings, queue):
    """Approval required; the client talks to the sandbox this live server serves."""
    settings.REQUIRE_APPROVAL = True
    settings.MAESTROQA_API_URL = f"{live_server.url}/sandbox/api/v1"
    return make_people()


def _upload_and_submit(page, shared) -> Upload:  # noqa: F811
    sign_in(page, "maria", PASSWORD)
    page.set_input_files("#id_file", str(shared / "samples" / "basic_api_fields.csv"))
    page.click("#upload-form button[type=submit]")
    page.wait_for_url("**/mapping/")
    page.click("text=Continue to the rows")
    expect(page.locator("#submit-button")).to_have_text("Submit 240 rows for approval")
    page.click("#submit-button")
    page.wait_for_selector("#awaiting-approval")
    assert page.locator("#review-link").count() == 0  # managers cannot approve
    page.click("text=Sign out")
    page.wait_for_url("**/login/")
    return Upload.objects.get()


def test_it_delivers_only_after_an_admin_approves(page, shared, approval_on):  # noqa: F811
    upload = _upload_and_submit(page, shared)
    assert upload.status == Upload.Status.AWAITING_APPROVAL
    assert not upload.rows.exclude(result="").exists()

    sign_in(page, "ada", PASSWORD)
    page.goto(f"{page.base_url}/uploads/{upload.pk}/")
    page.click("#review-link")
    assert "Valid: 240\nInvalid: 10\n" in page.inner_text("#review-counts")
    assert page.inner_text("#review-edited") == "none"
    page.click("#approve-button")
    page.wait_for_selector("#progress")

    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert upload.rows.filter(result=Row.Result.CREATED).exclude(maestro_id="").count() == 240
    # the progress page reloads itself when the delivery ends (progress.js); a reload of ours could cut it short
    expect(page.locator("#upload-status")).to_contain_text("Done", timeout=20_000)
    assert [e.action for e in upload.events.order_by("at", "id")][:3] == ["uploaded", "submitted", "approved"]


def test_it_sends_back_with_a_comment_the_manager_sees(page, shared, approval_on):  # noqa: F811
    upload = _upload_and_submit(page, shared)

    sign_in(page, "gina", PASSWORD)
    page.goto(f"{page.base_url}/uploads/{upload.pk}/review/")
    page.fill("#id_comment", "Rows 19 and 61 are test tickets: remove them.")
    page.click("#send-back-button")
    page.wait_for_selector("#review-comment")
    page.click("text=Sign out")
    page.wait_for_url("**/login/")

    sign_in(page, "maria", PASSWORD)
    page.goto(f"{page.base_url}/uploads/{upload.pk}/")
    assert "Rows 19 and 61 are test tickets: remove them." in page.inner_text("#review-comment")
    assert page.locator("#submit-button").is_enabled()
    upload.refresh_from_db()
    assert upload.status == Upload.Status.NEEDS_FIXES
    assert not upload.rows.exclude(result="").exists()
