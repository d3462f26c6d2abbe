"""Delivery against a fake MaestroQA server on loopback: batches, outcomes, one delivery per upload."""

import pytest
from django.contrib.auth import get_user_model

from tests.fakemaestro import FakeMaestro
from uploads import delivery
from uploads.models import Attempt, Batch, Row, Upload

pytestmark = pytest.mark.django_db(transaction=True)


def _item(number: int) -> dict:
    return {
        "submitted_at": "2026-10-01T08:00:00.000Z", "ticket_id": f"{number:06d}",
        "agent_id": "3812345670011", "score": 5, "min_score": 1, "max_score": 5,
    }


def make_upload(rows: int, invalid: int = 0) -> Upload:
    """An upload ready to submit, with `rows` valid rows (numbers 2..) and `invalid` invalid ones."""
    owner = get_user_model().objects.get_or_create(username="uploader")[0]
    upload = Upload.objects.create(
        owner=owner, filename="made.csv", file_format="csv", columns=["ticket_id"], status=Upload.Status.READY
    )
    Row.objects.bulk_create(
        [Row(upload=upload, number=n, cells=[f"{n:06d}"], status=Row.Status.VALID, item=_item(n))
         for n in range(2, rows + 2)]
        + [Row(upload=upload, number=n, cells=[""], status=Row.Status.INVALID)
           for n in range(rows + 2, rows + 2 + invalid)]
    )
    return upload


@pytest.fixture
def fake(settings, queue):
    with FakeMaestro(limits=[(10, 1.0), (100, 60.0)]) as server:
        settings.MAESTROQA_API_URL = server.base_url
        settings.MAESTROQA_API_TOKEN = "test-token-not-real"
        yield server




def test_it_sends_valid_rows_once_in_batches_of_100(fake):
    upload = make_upload(240, invalid=3)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)

    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    sizes = [len(request.json["data"]) for request in fake.requests]
    assert sizes == [100, 100, 40]
    sent = [item["ticket_id"] for request in fake.requests for item in request.json["data"]]
    assert sent == [f"{n:06d}" for n in range(2, 242)]
    assert fake.requests[0].headers["apiToken"] == "test-token-not-real"
    assert fake.violations == 0
    assert upload.rows.filter(result=Row.Result.CREATED).exclude(maestro_id="").count() == 240
    assert upload.rows.filter(status=Row.Status.INVALID, result="").count() == 3


def test_it_refuses_a_second_submit(fake):
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    with pytest.raises(delivery.DeliveryError, match="already submitted"):
        delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    assert len(fake.requests) == 1


def test_it_records_item_failures_from_a_201(fake):
    upload = make_upload(3)
    Row.objects.filter(upload=upload, number=3).update(item={**_item(3), "ticket_id": "FAIL-3"})
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE_WITH_ERRORS
    failed = upload.rows.get(number=3)
    assert (failed.result, failed.result_message) == (Row.Result.FAILED, "Failed: ticket not found")


def test_it_resends_the_same_batch_after_429_retry_after(fake):
    fake.script([("429", {"Retry-After": "1"})])
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert [len(r.json["data"]) for r in fake.requests] == [5, 5]
    assert fake.requests[1].time - fake.requests[0].time >= 1.0
    assert list(Attempt.objects.values_list("http_status", flat=True)) == [429, 201]


def test_it_never_resends_a_batch_whose_outcome_is_unknown(fake):
    fake.script([("drop",)])
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert [len(r.json["data"]) for r in fake.requests] == [100, 50]
    assert upload.status == Upload.Status.DONE_WITH_ERRORS
    assert Batch.objects.get(sequence=1).status == Batch.Status.UNCONFIRMED
    assert upload.rows.filter(result=Row.Result.UNCONFIRMED).count() == 100
    assert upload.rows.filter(result=Row.Result.CREATED).count() == 50


def test_it_stops_with_a_clear_message_on_401(fake):
    fake.script([("401",)])
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.FAILED
    assert "token" in upload.status_message
    assert "test-token-not-real" not in upload.status_message
    assert len(fake.requests) == 1
