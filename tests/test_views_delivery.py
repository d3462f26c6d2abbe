"""The upload page's delivery section: progress, ETA, pause/resume/cancel, resends, the email notice."""

from datetime import timedelta

import django_rq
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from tests.fakemaestro import FakeMaestro
from tests.test_delivery import make_upload
from uploads import delivery, rowstore
from uploads.models import Row, Submission, Upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fake(settings, queue):
    with FakeMaestro() as server:
        settings.MAESTROQA_API_URL = server.base_url
        settings.MAESTROQA_API_TOKEN = "test-token-not-real"
        settings.PORTAL_URL = "https://csat.example.test"
        yield server


def drain() -> None:
    django_rq.get_worker("default", worker_class="rq.SimpleWorker").work(burst=True)


def post(client, upload, action, **extra):
    client.force_login(upload.owner)
    return client.post(f"/uploads/{upload.pk}/delivery/", {"action": action, **extra})


def test_it_pauses_resumes_and_finishes_from_the_page(client, fake):
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    post(client, upload, "pause")
    drain()
    upload.refresh_from_db()
    assert upload.status == Upload.Status.PAUSED
    assert fake.requests == []
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert 'id="resume-button"' in page and 'id="pause-button"' not in page

    post(client, upload, "resume")
    drain()
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert [len(r.json["data"]) for r in fake.requests] == [100, 50]
    assert list(upload.events.filter(action__in=("paused", "resumed")).order_by("id").values_list("action", "user__username")) == [
        ("paused", upload.owner.username), ("resumed", upload.owner.username)]


def test_it_cancels_before_the_next_batch(client, fake):
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    response = post(client, upload, "cancel")
    assert response.status_code == 302
    drain()
    upload.refresh_from_db()
    assert upload.status == Upload.Status.CANCELLED
    assert fake.requests == []
    assert delivery.delivery_counts(upload)["not_sent"] == 150


def test_it_shows_progress_with_an_eta_from_the_limits_and_the_queue(client, fake):
    mine, other = make_upload(250), make_upload(500)
    delivery.submit_upload(other, other.owner)
    delivery.submit_upload(mine, mine.owner)
    client.force_login(mine.owner)
    data = client.get(f"/uploads/{mine.pk}/progress.json").json()
    # 3 own requests + 3 of the other upload's 5 taking turns: 6 requests, 0.5 s at 10/s.
    assert data == {
        "sending": 250, "waiting": 0, "created": 0, "failed": 0, "unconfirmed": 0, "not_sent": 0, "sent": 0,
        "total": 250,
        "status": "queued", "status_display": "Queued", "message": "", "active": True, "paused": False,
        "eta_seconds": 1, "eta_text": "About 1 s left (sharing the rate limit with 1 other upload)",
    }


def test_its_eta_counts_a_rate_limit_wait_under_way(client, fake):
    upload = make_upload(250)
    delivery.submit_upload(upload, upload.owner)
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.RATE_LIMITED,
                                               resume_at=timezone.now() + timedelta(seconds=42.5))
    client.force_login(upload.owner)
    data = client.get(f"/uploads/{upload.pk}/progress.json").json()
    # 42.5 s still to wait, then 3 requests: 0.2 s at 10/s.
    assert (data["eta_seconds"], data["eta_text"]) == (43, "About 43 s left")


def test_it_resends_only_failed_rows_fixed_since_they_failed(client, fake):
    upload = make_upload(4)
    for number in (3, 4):
        row = Row.objects.get(upload=upload, number=number)
        Row.objects.filter(pk=row.pk).update(cells=[f"FAIL-{number}"], item={**row.item, "ticket_id": f"FAIL-{number}"})
    first = delivery.submit_upload(upload, upload.owner)
    drain()
    client.force_login(upload.owner)
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert 'id="resend-failed-button"' not in page
    assert '<a href="?result=failed" >Failed <span class="count">2</span></a>' in page
    assert ("2 failed rows have not been edited since they failed and are not resent: "
            '<a href="?result=failed">show the failed rows</a>') in page
    refused = post(client, upload, "resend_failed")
    assert [str(m) for m in refused.wsgi_request._messages] == [
        "No failed row was fixed since it failed: edit the failed rows (filter the table by “Failed”), then resend them."]

    row = Row.objects.get(upload=upload, number=3)
    row.item, row.fixed_at = {**row.item, "ticket_id": "000003"}, timezone.now()
    row.save()
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert ">Resend the 1 failed row fixed since it failed</button>" in page
    response = post(client, upload, "resend_failed")
    assert [str(m) for m in response.wsgi_request._messages] == [
        "Resending 1 row fixed since it failed. 1 row not fixed yet was not resent: filter the table by “Failed” "
        "to find them."]
    drain()
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE_WITH_ERRORS
    assert [[item["ticket_id"] for item in r.json["data"]] for r in fake.requests] == [
        ["000002", "FAIL-3", "FAIL-4", "000005"], ["000003"]
    ]
    assert Submission.objects.get(upload=upload, parent=first).batches.get().item_count == 1
    assert list(client.get(f"/uploads/{upload.pk}/", {"result": "failed"}).context["page"]) == [
        Row.objects.get(upload=upload, number=4)]


@pytest.mark.parametrize(("created", "message", "resent"), [
    ((3,), "Resending 1 row fixed since it failed. 1 row to resend was created in MaestroQA, or sent, by another "
           "upload meanwhile, so it is now marked Duplicate and not resent (each row says by which upload).",
     [["000004"]]),
    ((3, 4), "2 rows to resend were created in MaestroQA, or sent, by another upload meanwhile, so they are now "
             "marked Duplicate and not resent (each row says by which upload). Nothing was resent.", []),
])
def test_it_resends_no_fixed_failed_row_another_upload_created_meanwhile(client, fake, created, message, resent):
    """QA round 67b H1: a failed row fixed in the table was resent after another upload had created the same
    answer; Submit and Approve check that, and now a resend does too."""
    upload = make_upload(3)
    for number in (3, 4):
        row = Row.objects.get(upload=upload, number=number)
        Row.objects.filter(pk=row.pk).update(cells=[f"FAIL-{number}"], item={**row.item, "ticket_id": f"FAIL-{number}"})
    delivery.submit_upload(upload, upload.owner)
    drain()
    for number in (3, 4):
        row = Row.objects.get(upload=upload, number=number)
        row.item, row.fixed_at = {**row.item, "ticket_id": f"{number:06d}"}, timezone.now()
        row.match_key = rowstore.match_key(row.item)
        row.save()
    other = make_upload(len(created))
    for mine, theirs in zip(created, other.rows.order_by("number"), strict=True):
        fixed = Row.objects.get(upload=upload, number=mine)
        Row.objects.filter(pk=theirs.pk).update(item=fixed.item, match_key=fixed.match_key)
    delivery.submit_upload(other, other.owner)
    drain()

    response = post(client, upload, "resend_failed")
    assert [str(m) for m in response.wsgi_request._messages] == [message]
    drain()
    assert [[item["ticket_id"] for item in r.json["data"]] for r in fake.requests[2:]] == resent
    row = Row.objects.get(upload=upload, number=3)
    assert (row.status, row.note) == (Row.Status.DUPLICATE, f"already created in MaestroQA by upload #{other.pk} (row 2)")


def test_with_approval_an_uploader_asks_an_admin_who_resends_fixed_failed_rows(client, fake, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(2)
    row = Row.objects.get(upload=upload, number=2)
    Row.objects.filter(pk=row.pk).update(cells=["FAIL-2"], item={**row.item, "ticket_id": "FAIL-2"})
    delivery.submit_upload(upload, upload.owner)
    drain()
    Row.objects.filter(pk=row.pk).update(item={**row.item, "ticket_id": "000002"}, fixed_at=timezone.now())

    client.force_login(upload.owner)
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert ">Ask an admin to resend the 1 failed row fixed since it failed</button>" in page
    asked = post(client, upload, "resend_failed")

    assert [str(m) for m in asked.wsgi_request._messages] == [
        "Asked an admin to resend the 1 row fixed since it failed: approval is required, so an admin checks your "
        "fixes (they are in the History) and resends them. The request shows on the admins' upload list."]
    assert Submission.objects.filter(upload=upload).count() == 1
    upload.refresh_from_db()
    assert (upload.resend_requested_by, upload.events.latest("at").action) == (upload.owner, "resend_requested")
    client.force_login(get_user_model().objects.create_user("ada", is_staff=True))
    assert "Fixed failed rows await an admin's resend" in client.get("/").content.decode()
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert "for the failed rows fixed since they failed to be resent. Check the fixes in the History" in page
    assert ">Resend the 1 failed row fixed since it failed</button>" in page
    resent = client.post(f"/uploads/{upload.pk}/delivery/", {"action": "resend_failed"})
    assert [str(m) for m in resent.wsgi_request._messages][-1] == "Resending 1 row fixed since it failed."
    upload.refresh_from_db()
    assert upload.resend_requested_at is None


def test_it_counts_a_failed_row_edited_into_an_invalid_one_apart(client, fake):
    upload = make_upload(2)
    row = Row.objects.get(upload=upload, number=2)
    Row.objects.filter(pk=row.pk).update(cells=["FAIL-2"], item={**row.item, "ticket_id": "FAIL-2"})
    delivery.submit_upload(upload, upload.owner)
    drain()
    Row.objects.filter(pk=row.pk).update(status=Row.Status.INVALID, item=None, fixed_at=timezone.now())

    client.force_login(upload.owner)
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert "1 failed row edited since it failed is still invalid and not resent" in page
    assert 'id="resend-failed-button"' not in page


def test_it_reports_rows_of_a_paused_delivery_as_waiting(client, fake):
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    post(client, upload, "pause")
    data = client.get(f"/uploads/{upload.pk}/progress.json").json()
    assert (data["sending"], data["waiting"], data["paused"], data["sent"]) == (0, 150, True, 0)


def test_it_resends_unconfirmed_rows_only_after_the_duplicate_warning(client, fake):
    fake.script([("504",)])
    upload = make_upload(2)
    delivery.submit_upload(upload, upload.owner)
    drain()
    client.force_login(upload.owner)
    page = client.get(f"/uploads/{upload.pk}/").content.decode()
    assert "Check in MaestroQA first: sending again can create duplicate scores." in page
    assert 'id="resend-unconfirmed-button"' in page

    post(client, upload, "resend_unconfirmed")
    drain()
    assert len(fake.requests) == 1
    post(client, upload, "resend_unconfirmed", confirm="yes")
    drain()
    upload.refresh_from_db()
    assert (upload.status, len(fake.requests)) == (Upload.Status.DONE, 2)


def test_it_emails_the_uploader_when_done(fake):
    upload = make_upload(3)
    upload.owner.email = "uploader@example.test"
    upload.owner.save()
    Row.objects.filter(upload=upload, number=3).update(item={"ticket_id": "FAIL-3", "score": 5})
    delivery.submit_upload(upload, upload.owner)
    drain()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["uploader@example.test"]
    assert mail.outbox[0].subject == "CSAT upload made.csv: Done with errors"
    assert mail.outbox[0].body == (
        "The delivery of made.csv to MaestroQA ended: Done with errors.\n\n"
        "Created: 2\nFailed: 1\nNot confirmed (may or may not have been created): 0\nStopped before sending: 0\n"
        f"\nSee every row's result: https://csat.example.test/uploads/{upload.pk}/\n"
    )


def test_it_lets_only_failed_rows_be_fixed_after_delivery(client, shared):
    from django.contrib.auth import get_user_model

    from uploads import intake

    owner = get_user_model().objects.create_user("fixer")
    path = shared / "samples/basic_api_fields.csv"
    upload = intake.create_upload(owner, path, path.name, intake.ReadOptions(time_zone="UTC"))
    upload.status = Upload.Status.DONE_WITH_ERRORS
    upload.save()
    failed, created = upload.rows.filter(status=Row.Status.VALID).order_by("number")[:2]
    Row.objects.filter(pk=failed.pk).update(result=Row.Result.FAILED, result_message="Failed: ticket not found")
    Row.objects.filter(pk=created.pk).update(result=Row.Result.CREATED)
    client.force_login(owner)

    fixed = client.post(f"/uploads/{upload.pk}/cells/",
                        {"row": failed.pk, "column": 1, "text": "000777", "old": failed.cells[1]})
    refused = client.post(f"/uploads/{upload.pk}/cells/",
                          {"row": created.pk, "column": 1, "text": "000778", "old": created.cells[1]})

    assert fixed.status_code == 200
    assert Row.objects.get(pk=failed.pk).item["ticket_id"] == "000777"
    assert refused.status_code == 409
    assert refused.json() == {"error": "After a delivery, only rows that failed at MaestroQA can be edited."}
    page = client.get(f"/uploads/{upload.pk}/?status=all").content.decode()  # QA round 72c C10: it said "Valid"
    assert page.count('<span class="status status-invalid" title="Valid here, refused by MaestroQA">Failed</span>') == 1
