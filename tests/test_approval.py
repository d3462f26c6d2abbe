"""Approval (REQUIRE_APPROVAL), the review page, send back, the activity log and admin actions."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.people import item, make_people, make_upload
from uploads import approval, delivery, fixes, rowstore
from uploads.models import AuditEvent, Row, Upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people():
    return make_people()


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _actions(upload) -> list[tuple[str, str]]:
    return [(e.user.username if e.user else "system", e.action) for e in upload.events.order_by("at", "id")]


def test_it_submits_straight_away_without_approval(people, fake, settings):
    settings.REQUIRE_APPROVAL = False
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    _client(people["maria"]).post(reverse("uploads:submit", args=[upload.pk]))
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert _actions(upload) == [("maria", "submitted"), ("system", "batch_sent"), ("system", "finished")]


def test_it_refuses_a_submit_whose_page_showed_another_number_of_rows(people, settings):
    """QA round 38a: a second tab of the same manager fixed two rows; the first tab's "Submit 3 rows" sent 5."""
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    response = _client(people["maria"]).post(reverse("uploads:submit", args=[upload.pk]), {"rows": "1"}, follow=True)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.READY
    assert [str(message) for message in response.context["messages"]] == [
        "Nothing was submitted: this page offered 1 row, and 2 are ready now (the rows changed in another tab or "
        "window). Check them below and submit again."]
    _client(people["maria"]).post(reverse("uploads:submit", args=[upload.pk]), {"rows": "2"})
    upload.refresh_from_db()
    assert upload.status == Upload.Status.AWAITING_APPROVAL
    stale = _client(people["maria"]).post(reverse("uploads:submit", args=[upload.pk]), {"rows": "1"}, follow=True)
    assert [str(message) for message in stale.context["messages"]] == [
        "This upload was already submitted."]  # QA round 40c: not "2 are ready now"


def test_it_waits_for_an_admin_then_delivers_on_approval(people, fake, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    _client(people["maria"]).post(reverse("uploads:submit", args=[upload.pk]))
    upload.refresh_from_db()
    assert upload.status == Upload.Status.AWAITING_APPROVAL
    assert fake.requests == []

    response = _client(people["ada"]).post(reverse("uploads:approve", args=[upload.pk]))
    assert response.status_code == 302
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert (upload.status, upload.reviewed_by) == (Upload.Status.DONE, people["ada"])
    assert [item["ticket_id"] for item in fake.requests[0].json["data"]] == ["T-2", "T-3"]
    assert _actions(upload) == [
        ("maria", "submitted"), ("ada", "approved"), ("system", "batch_sent"), ("system", "finished"),
    ]


def test_duplicates_included_anyway_are_submitted_for_approval_and_counted(people, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    upload.rows.update(status=Row.Status.DUPLICATE, include_anyway=True)  # QA round 49b: "no valid row to send"
    approval.submit(upload, people["maria"])
    upload.refresh_from_db()
    assert upload.status == Upload.Status.AWAITING_APPROVAL
    assert upload.events.get(action="submitted").details == {"rows": 2, "awaiting_approval": True}


def test_it_sends_back_with_a_comment_the_uploader_sees(people, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    approval.submit(upload, people["maria"])
    response = _client(people["gina"]).post(
        reverse("uploads:send_back", args=[upload.pk]), {"comment": "Row 3 is a test ticket."}
    )
    assert response.status_code == 302
    upload.refresh_from_db()
    assert (upload.status, upload.review_comment) == (Upload.Status.READY, "Row 3 is a test ticket.")
    page = _client(people["maria"]).get(reverse("uploads:table", args=[upload.pk])).content.decode()
    assert "Row 3 is a test ticket." in page and "Sent back by gina" in page
    home = _client(people["maria"]).get(reverse("uploads:home")).content.decode()
    assert "Sent back by gina: Row 3 is a test ticket." in home
    assert _actions(upload) == [("maria", "submitted"), ("gina", "sent_back")]
    assert upload.events.get(action="sent_back").details == {"comment": "Row 3 is a test ticket."}


def test_its_uploader_withdraws_an_upload_awaiting_approval_to_change_it(people, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    approval.submit(upload, people["maria"])
    url = reverse("uploads:withdraw", args=[upload.pk])

    assert _client(people["bob"]).post(url).status_code == 404
    page = _client(people["maria"]).post(url, follow=True).content.decode()
    upload.refresh_from_db()
    assert upload.status == Upload.Status.READY
    assert "Withdrawn: the upload can be changed again; submit it again when it is ready." in page
    again = _client(people["maria"]).post(url, follow=True).content.decode()
    assert "This upload is no longer awaiting approval, so there is nothing to withdraw." in again
    assert _actions(upload) == [("maria", "submitted"), ("maria", "withdrawn")]


def test_an_upload_awaiting_approval_shows_nothing_as_sent_and_a_locked_mapping(people, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    approval.submit(upload, people["maria"])
    client = _client(people["maria"])

    page = client.get(reverse("uploads:table", args=[upload.pk])).content.decode()
    mapping = client.get(reverse("uploads:mapping", args=[upload.pk])).content.decode()

    assert "Not sent" not in page and 'id="progress"' not in page
    assert ("Awaiting approval: the mapping is shown as it was applied and can no longer be changed. To change it, "
            "withdraw the upload on its page first.") in mapping
    assert 'name="field_score" disabled' in mapping


def test_it_refuses_an_approval_from_a_review_drawn_before_a_resubmission(people, fake, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    approval.submit(upload, people["maria"])
    page = _client(people["ada"]).get(reverse("uploads:review", args=[upload.pk])).content.decode()
    seen = approval.submission_mark(upload)
    assert f'<input type="hidden" name="reviewed" value="{seen}">' in page
    approval.withdraw(upload, people["maria"])
    approval.submit(upload, people["maria"])

    response = _client(people["ada"]).post(reverse("uploads:approve", args=[upload.pk]), {"reviewed": seen},
                                           follow=True)

    upload.refresh_from_db()
    assert (upload.status, fake.requests) == (Upload.Status.AWAITING_APPROVAL, [])
    assert ("This upload was changed and submitted again after you opened its review. Review it again before "
            "approving.") in response.content.decode()
    _client(people["ada"]).post(reverse("uploads:approve", args=[upload.pk]),
                                {"reviewed": approval.submission_mark(upload)})
    delivery.wait_until_done(upload)
    assert len(fake.requests) == 1


def test_the_pages_of_an_uploads_state_are_never_kept_for_the_back_button(people, settings):
    """QA round 76c: Back after Approve showed the cached review page, "Awaiting approval" and its Approve button."""
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    approval.submit(upload, people["maria"])
    pages = [(people["ada"], reverse("uploads:review", args=[upload.pk])),
             *[(people["maria"], reverse(name, args=[upload.pk])) for name in ("uploads:table", "uploads:mapping")],
             (people["maria"], reverse("uploads:home"))]
    for user, url in pages:
        assert "no-store" in _client(user).get(url)["Cache-Control"], url


def test_the_review_names_the_time_zone_a_file_declares(people, settings, shared):
    """QA round 78b: a Qualtrics file's review said "time zone UTC" above "read in America/Los_Angeles"."""
    from uploads import intake

    path = shared / "samples/qualtrics_csat_numeric_3header.csv"
    upload = intake.create_upload(people["maria"], path, path.name, intake.ReadOptions(time_zone="UTC"))
    page = _client(people["ada"]).get(reverse("uploads:review", args=[upload.pk])).content.decode()
    assert "time zone America/Los_Angeles (declared by the file)</p>" in page


def _same_answers(people, first_rows: int, second_rows: int) -> tuple[Upload, Upload]:
    """Two uploads of maria's whose rows 2.. hold the same answers (match keys set as intake does)."""
    first = make_upload(people["maria"], people["alpha"], rows=first_rows)
    second = make_upload(people["maria"], people["alpha"], rows=second_rows)
    for row in Row.objects.all():
        Row.objects.filter(pk=row.pk).update(match_key=rowstore.match_key(row.item))
    return first, second


def test_it_refuses_to_send_answers_another_upload_created_since_the_file_was_read(people, fake, settings):
    settings.REQUIRE_APPROVAL = False
    first, second = _same_answers(people, 2, 3)
    approval.submit(first, people["maria"])
    delivery.wait_until_done(first)

    with pytest.raises(delivery.DeliveryError) as refused:
        approval.submit(second, people["maria"])

    assert str(refused.value) == (
        "2 rows were created in MaestroQA, or sent, by another upload since this file was read, so they are now "
        "marked Duplicate and will not be sent (each row says by which upload). Nothing was sent: check the rows, "
        "then submit again.")
    assert list(second.changes.values_list("action", "description")) == [
        ("sent_elsewhere", "marked 2 rows Duplicate: created or sent by another upload since this file was read")]
    assert list(second.rows.order_by("number").values_list("status", "note")) == [
        ("duplicate", f"already created in MaestroQA by upload #{first.pk} (row 2)"),
        ("duplicate", f"already created in MaestroQA by upload #{first.pk} (row 3)"), ("valid", "")]
    approval.submit(second, people["maria"])
    delivery.wait_until_done(second)
    assert [[item["ticket_id"] for item in request.json["data"]] for request in fake.requests] == [
        ["T-2", "T-3"], ["T-4"]]


def test_an_approval_refused_for_answers_sent_elsewhere_returns_the_upload_to_its_uploader(people, fake, settings):
    settings.REQUIRE_APPROVAL = True
    first, second = _same_answers(people, 2, 2)
    approval.submit(first, people["maria"])
    approval.submit(second, people["maria"])
    approval.approve(first, people["ada"])
    delivery.wait_until_done(first)

    with pytest.raises(delivery.DeliveryError) as refused:
        approval.approve(second, people["ada"])

    assert str(refused.value).endswith("Nothing was sent: check the rows, then submit again; the upload is back "
                                       "with its uploader, with this sentence.")
    second.refresh_from_db()
    assert (second.status, second.reviewed_by) == (Upload.Status.READY, None)  # not "Sent back by ada" (QA 72c)
    assert second.review_comment.startswith("2 rows were created in MaestroQA, or sent, by another upload")
    page = _client(people["maria"]).get(reverse("uploads:table", args=[second.pk])).content.decode()
    assert "<h2>Returned before sending</h2>" in page
    with pytest.raises(delivery.DeliveryError, match="This upload is not awaiting approval."):
        approval.approve(second, people["ada"])


def test_it_marks_answers_another_upload_is_sending_right_now(people, settings):
    settings.REQUIRE_APPROVAL = False
    first, second = _same_answers(people, 1, 1)
    approval.submit(first, people["maria"])  # queued: no worker drains it here

    with pytest.raises(delivery.DeliveryError, match="1 row was created in MaestroQA, or sent, by another upload"):
        approval.submit(second, people["maria"])

    assert second.rows.get().note == (f"not confirmed by an earlier delivery yet: upload #{first.pk} (row 2) is "
                                      "sending it right now. Check its results, or MaestroQA, before including it")
    with pytest.raises(delivery.DeliveryError, match="This upload was already submitted."):
        approval.submit(first, people["maria"])  # a second click changes none of its rows
    assert first.rows.get().status == Row.Status.VALID


def test_it_refuses_to_send_back_without_a_comment(people, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"])
    approval.submit(upload, people["maria"])
    with pytest.raises(delivery.DeliveryError, match="comment is required"):
        approval.send_back(upload, people["ada"], "  ")
    with pytest.raises(delivery.DeliveryError, match=r"^The comment is 5,001 characters long; shorten it to 5,000 or "
                                                     r"fewer\. Nothing was sent back\.$"):  # QA round 38a: it was cut
        approval.send_back(upload, people["ada"], "x" * 5001)
    upload.refresh_from_db()
    assert upload.status == "awaiting_approval"
    with pytest.raises(delivery.DeliveryError, match="not awaiting approval"):
        approval.approve(make_upload(people["maria"], people["alpha"]), people["ada"])


def test_its_review_names_the_rows_deleted_by_hand_and_not_undone(people):
    """QA round 67b W6: a deleted answer showed only in the collapsed activity log."""
    upload = make_upload(people["maria"], people["alpha"], rows=4)
    for number in (3, 5, 4):
        fixes.apply_fix(upload, people["maria"], "delete", upload.rows.filter(number=number))
    fixes.undo_last(upload, people["maria"])
    assert approval.review_summary(upload)["deleted_rows"] == [3, 5]
    page = _client(people["ada"]).get(reverse("uploads:review", args=[upload.pk])).content.decode()
    assert '<p id="review-deleted">2 rows: 3, 5</p>' in page  # a count, then the rows (QA round 76c)


def test_it_summarises_an_upload_for_review(people):
    upload = make_upload(people["maria"], people["alpha"], rows=3)
    Row.objects.filter(upload=upload, number=3).update(
        item=item(3, score=2, agent_id="A-02", submitted_at="2026-09-30T10:00:00.000Z"), edits={"2": "2"}
    )
    Row.objects.create(upload=upload, number=9, cells=["", "", "", ""], status=Row.Status.INVALID)
    summary = approval.review_summary(upload)
    assert summary == {
        "counts": {"Valid": 3, "Invalid": 1, "Skipped": 0, "Duplicate": 0, "Excluded": 0},
        "scores": [(2, 1), (5, 2)], "scales": [("1..5", 3)],
        "first_date": "30 Sep 2026 10:00 UTC", "last_date": "1 Oct 2026 08:00 UTC",
        "agents": [("A-01", 2), ("A-02", 1)], "edited_rows": [3], "deleted_rows": [], "to_send": 3, "included": 0,
    }
    Upload.objects.filter(pk=upload.pk).update(preset_name="Tier 2 sheet", time_zone="Europe/London", decisions=[
        "'Ticket created' is when each ticket was opened"], preset_reason="changed by you")
    page = _client(people["ada"]).get(reverse("uploads:review", args=[upload.pk])).content.decode()
    assert "30 Sep 2026 10:00 UTC to 1 Oct 2026 08:00 UTC" in page
    assert "<li>A-02: 1</li>" in page
    assert '<p id="review-to-send">To send: 3 rows</p>' in page
    assert "Mapping <strong>Tier 2 sheet</strong>: changed by maria · time zone Europe/London" in page  # 57d, 72c
    assert '<p id="review-scales">On the scale 1..5.</p>' in page  # QA round 72c: a scale set by hand showed nowhere
    assert "<li>&#x27;Ticket created&#x27; is when each ticket was opened</li>" in page


def test_the_review_counts_the_duplicates_included_anyway_as_sent(people):
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    Row.objects.create(upload=upload, number=4, cells=["T-2", "A-01", "5", ""], status=Row.Status.DUPLICATE,
                       include_anyway=True, item=item(2, score=3, agent_id="A-03"))
    Row.objects.create(upload=upload, number=5, cells=["T-2", "A-01", "5", ""], status=Row.Status.DUPLICATE,
                       item=item(2, score=1, agent_id="A-04"))
    summary = approval.review_summary(upload)  # QA round 47c: the review showed 7 rows where 8 were sent
    assert (summary["to_send"], summary["included"], summary["scores"]) == (3, 1, [(3, 1), (5, 2)])
    assert ("A-03", 1) in summary["agents"] and ("A-04", 1) not in summary["agents"]
    Row.objects.filter(upload=upload, number=2).update(item=item(2, agent_id=None, agent_email="Zoe@example.com"))
    Row.objects.filter(upload=upload, number=3).update(item=item(3, agent_id=None, agent_email="zoe@EXAMPLE.com"))
    assert ("zoe@example.com", 2) in approval.review_summary(upload)["agents"]  # one address (QA round 47c)
    page = _client(people["ada"]).get(reverse("uploads:review", args=[upload.pk])).content.decode()
    assert '<p id="review-to-send">To send: 3 rows (1 duplicate included anyway)</p>' in page


def test_it_shows_the_activity_log_to_admins_only(people):
    upload = make_upload(people["maria"], people["alpha"])
    _client(people["maria"]).get(reverse("uploads:errors_xlsx", args=[upload.pk]))
    event = AuditEvent.objects.get()
    assert (event.user, event.action, event.details) == (people["maria"], "report_downloaded", {"kind": "errors", "format": "xlsx"})
    assert 'id="activity"' not in _client(people["maria"]).get(reverse("uploads:table", args=[upload.pk])).content.decode()
    admin_page = _client(people["ada"]).get(reverse("uploads:table", args=[upload.pk])).content.decode()
    assert 'id="activity"' in admin_page and "report_downloaded" in admin_page
    assert '<td title="report_downloaded">Report downloaded</td><td>kind: errors; format: xlsx</td>' in admin_page
    admin_change = _client(people["ada"]).get(f"/admin/uploads/upload/{upload.pk}/change/").content.decode()
    assert "report_downloaded" in admin_change


def test_it_approves_cancels_and_resends_from_the_admin(people, fake, settings):
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    approval.submit(upload, people["maria"])
    admin = _client(people["ada"])
    response = admin.post("/admin/uploads/upload/", {"action": "approve_uploads", "_selected_action": [upload.pk]})
    assert response.status_code == 302
    upload.refresh_from_db()
    assert upload.status == Upload.Status.QUEUED
    admin.post("/admin/uploads/upload/", {"action": "cancel_uploads", "_selected_action": [upload.pk]})
    upload.refresh_from_db()
    assert (upload.status, upload.status_message) == (Upload.Status.CANCELLED, "Cancelled by ada: batches not yet sent "
                                                                               "were not sent.")
    delivery.wait_until_done(upload)
    assert fake.requests == []
    assert set(upload.rows.values_list("result", flat=True)) == {""}

    Row.objects.filter(upload=upload).update(result=Row.Result.UNCONFIRMED)
    admin.post("/admin/uploads/upload/", {"action": "resend_unconfirmed", "_selected_action": [upload.pk]})
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert upload.rows.filter(result=Row.Result.CREATED).count() == 2
    assert [a for _, a in _actions(upload)][:4] == ["submitted", "approved", "cancelled", "resent_unconfirmed"]


def test_an_upload_cancelled_before_approval_says_nothing_was_sent(people, settings):
    """QA round 67b C1: it said "batches not yet sent were not sent", though none was ever made."""
    settings.REQUIRE_APPROVAL = True
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    approval.submit(upload, people["maria"])
    delivery.cancel_upload(upload, people["ada"])
    assert (upload.status, upload.status_message) == (Upload.Status.CANCELLED, "Cancelled by ada before approval: "
                                                                               "nothing was sent.")


def test_the_admins_home_page_lists_what_waits_for_them(people, settings):
    """QA round 38a: uploads awaiting approval were scattered through a list sorted by date."""
    settings.REQUIRE_APPROVAL = True
    waiting = make_upload(people["maria"], people["alpha"], rows=2)
    make_upload(people["maria"], people["alpha"], rows=2)
    approval.submit(waiting, people["maria"])
    page = _client(people["ada"]).get(reverse("uploads:home")).content.decode()
    assert f'<a href="{reverse("uploads:review", args=[waiting.pk])}">' in page and "awaits your approval" in page
    assert 'id="waiting"' not in _client(people["maria"]).get(reverse("uploads:home")).content.decode()
