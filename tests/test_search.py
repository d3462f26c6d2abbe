"""Find a ticket: every time a ticket or agent was sent, across all uploads, and what MaestroQA answered."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.people import make_people, make_upload
from uploads import search
from uploads.models import Attempt, Batch, Row, Submission

pytestmark = pytest.mark.django_db


def _sent(upload, number: int, result: str, maestro_id: str = "", message: str = "", http_status: int = 201):
    submission = Submission.objects.create(upload=upload, created_by=upload.owner)
    batch = Batch.objects.create(submission=submission, sequence=1, item_count=1, status=Batch.Status.DONE)
    Attempt.objects.create(batch=batch, started_at=timezone.now(), http_status=http_status, outcome="created",
                           message=message)
    Row.objects.filter(upload=upload, number=number).update(
        batch=batch, result=result, maestro_id=maestro_id, result_message=message
    )


def test_it_finds_every_send_of_a_ticket_across_uploads():
    people = make_people()
    first = make_upload(people["maria"], people["alpha"], rows=2)
    second = make_upload(people["bob"], people["beta"], rows=2)
    _sent(first, 2, Row.Result.FAILED, message="Failed: ticket not found")
    _sent(second, 2, Row.Result.CREATED, maestro_id="mq-77")

    hits = search.find_sends("T-2")
    assert [(hit.row.upload_id, hit.row.result, hit.row.maestro_id) for hit in hits] == [
        (second.pk, "created", "mq-77"), (first.pk, "failed", ""),
    ]
    assert [a.http_status for a in hits[0].attempts] == [201]
    assert len(search.find_sends("A-01")) == 4
    assert search.find_sends("nothing-like-it") == []

    client = Client()
    client.force_login(people["ada"])
    page = client.get(reverse("uploads:find"), {"q": "T-2"}).content.decode()
    assert "mq-77" in page and "Failed: ticket not found" in page and "HTTP 201" in page


def test_it_searches_tickets_in_the_admin():
    people = make_people()
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    client = Client()
    client.force_login(people["ada"])
    response = client.get("/admin/uploads/row/", {"q": "T-3"})
    assert response.status_code == 200
    assert [row.number for row in response.context["cl"].result_list] == [3]
    assert upload.pk


def test_it_finds_a_row_never_sent_by_a_cell_and_says_why():
    people = make_people()
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    Row.objects.filter(upload=upload, number=3).update(
        cells=["T-3", "A-01", "9", "great help 3"], status=Row.Status.INVALID, item=None,
        search_text="t-3\x1fa-01\x1f9\x1fgreat help 3",
        errors=[{"field": "score", "column": "score", "value": "9", "code": "above_max",
                 "message": "Row 3, score: 9 is above max_score 5."}])
    Row.objects.filter(upload=upload, number=2).update(
        status=Row.Status.INVALID, item=None, search_text="t-2\x1fa-01\x1f9\x1fgreat help t-3")

    hits = search.find_sends("t-3")
    assert [(hit.row.number, hit.row.status) for hit in hits] == [(3, "invalid")]
    assert search.find_sends("great") == []  # a whole cell, not a part of one
    assert search.find_sends("9") == []  # too short to look for in cells: every invalid score would match

    client = Client()
    client.force_login(people["ada"])
    page = client.get(reverse("uploads:find"), {"q": "T-3"}).content.decode()
    assert "Invalid, not sent: Row 3, score: 9 is above max_score 5." in page

    _sent(upload, 3, Row.Result.FAILED, message="Failed: ticket not found")  # sent, failed, then edited to invalid
    page = client.get(reverse("uploads:find"), {"q": "T-3"}).content.decode()
    assert "Failed: ticket not found; since edited, now invalid: Row 3, score: 9 is above max_score 5." in page
