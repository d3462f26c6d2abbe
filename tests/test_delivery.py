"""Delivery against a fake MaestroQA server on loopback: batches, outcomes, one delivery per upload."""

import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import django_rq
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from rq.registry import ScheduledJobRegistry

from uploads import delivery
from uploads.models import Attempt, Batch, Row, Submission, Upload

pytestmark = pytest.mark.django_db(transaction=True)


def _item(number: int, prefix: str = "") -> dict:
    return {
        "submitted_at": "2026-10-01T08:00:00.000Z", "ticket_id": f"{prefix}{number:06d}",
        "agent_id": "3812345670011", "score": 5, "min_score": 1, "max_score": 5,
    }


def make_upload(rows: int, invalid: int = 0, prefix: str = "") -> Upload:
    """An upload ready to submit, with `rows` valid rows (numbers 2..) and `invalid` invalid ones.

    Ticket ids are `prefix` + the row number in 6 digits.
    """
    owner = get_user_model().objects.get_or_create(username="uploader")[0]
    upload = Upload.objects.create(
        owner=owner, filename="made.csv", file_format="csv", columns=["ticket_id"], status=Upload.Status.READY
    )
    Row.objects.bulk_create(
        [Row(upload=upload, number=n, cells=[f"{n:06d}"], status=Row.Status.VALID, item=_item(n, prefix))
         for n in range(2, rows + 2)]
        + [Row(upload=upload, number=n, cells=[""], status=Row.Status.INVALID)
           for n in range(rows + 2, rows + 2 + invalid)]
    )
    return upload


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


@pytest.mark.parametrize(("statuses", "message"), [
    ([Row.Status.INVALID, Row.Status.DUPLICATE], "There is no valid row to send. Fix the invalid rows first."),
    ([Row.Status.DUPLICATE, Row.Status.SKIPPED], "There is no row to send: every answer is a duplicate, of a row "
     "above or of one already created in MaestroQA. To send a duplicate anyway, select it and choose \"Include "
     "rows\"."),
    ([Row.Status.SKIPPED], "There is no row to send: every row was skipped (not an answer)."),
])
def test_it_says_why_there_is_no_row_to_send(fake, statuses, message):
    """QA round 40c: an upload whose rows were all created before was told to fix its invalid rows."""
    upload = make_upload(len(statuses))
    for number, status in enumerate(statuses, 2):
        Row.objects.filter(upload=upload, number=number).update(status=status)
    with pytest.raises(delivery.DeliveryError) as refused:
        delivery.submit_upload(upload, upload.owner)
    assert str(refused.value) == message


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


@pytest.fixture
def fast_retries(settings):
    settings.DELIVERY_BACKOFF_MS = 10


def _attempts(upload: Upload) -> list[tuple]:
    return list(
        Attempt.objects.filter(batch__submission__upload=upload)
        .order_by("id").values_list("batch__sequence", "http_status", "outcome")
    )


def test_it_honours_retry_after_given_as_an_http_date(fake):
    now = datetime.now(UTC)
    fake.script([("429", {"Retry-After": format_datetime(now + timedelta(seconds=2), usegmt=True),
                          "Date": format_datetime(now, usegmt=True)})])
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    assert [len(r.json["data"]) for r in fake.requests] == [5, 5]
    assert fake.requests[1].time - fake.requests[0].time >= 1.0
    assert _attempts(upload) == [(1, 429, "rate_limited"), (1, 201, "created")]


def test_it_backs_off_after_a_429_without_retry_after(fake, fast_retries):
    fake.script([("429", {}), ("429", {})])
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert _attempts(upload) == [(1, 429, "rate_limited"), (1, 429, "rate_limited"), (1, 201, "created")]


def test_it_reschedules_a_long_retry_after_instead_of_sleeping(fake):
    fake.script([("429", {"Retry-After": "30"})])
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    started = time.monotonic()
    django_rq.get_worker("default", worker_class="rq.SimpleWorker").work(burst=True)
    assert time.monotonic() - started < 5
    upload.refresh_from_db()
    assert upload.status == Upload.Status.RATE_LIMITED
    assert 27 < (upload.resume_at - timezone.now()).total_seconds() <= 30
    assert upload.status_message == (
        f"MaestroQA's rate limit was hit (HTTP 429): rate limited, resumes at {upload.resume_at:%H:%M:%S} UTC"
    )
    scheduled = ScheduledJobRegistry(queue=django_rq.get_queue("default"))
    assert scheduled.get_job_ids() == [upload.job_id]


def test_it_retries_502_and_503_through_the_limiter(fake, fast_retries, settings):
    settings.MAESTROQA_MAX_REQUESTS_PER_SECOND = 2
    fake.windows.limits = [(2, 1.0)]
    fake.script([("502",), ("503",), ("503",)])
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert [r.action for r in fake.requests] == ["502", "503", "503", "201"]
    assert fake.violations == 0
    assert fake.requests[3].time - fake.requests[0].time >= 1.0
    assert _attempts(upload) == [(1, 502, "retry_safe"), (1, 503, "retry_safe"), (1, 503, "retry_safe"),
                                 (1, 201, "created")]


def test_it_pauses_with_the_reason_when_maestroqa_stays_unreachable(fake, fast_retries, settings):
    settings.MAESTROQA_API_URL = "http://127.0.0.1:9/api/v1"
    settings.DELIVERY_MAX_RETRIES = 2
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.PAUSED
    assert upload.status_message.startswith(
        "Paused after 3 failed tries: could not connect to MaestroQA, nothing was sent ("
    )
    assert upload.status_message.endswith("Resume when MaestroQA is reachable again.")
    assert _attempts(upload) == [(1, None, "retry_safe")] * 3
    assert set(upload.rows.values_list("result", flat=True)) == {Row.Result.SENDING}


def test_without_a_token_the_sandbox_url_is_shown_unmasked(queue, fast_retries, settings):
    settings.MAESTROQA_API_TOKEN = ""
    settings.MAESTROQA_API_URL = "http://127.0.0.1:9/sandbox/api/v1"
    settings.DELIVERY_MAX_RETRIES = 1
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert "url: /sandbox/api/v1/create-customer-feedback" in upload.status_message
    assert "[token]" not in upload.status_message


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (("400", {}, {"error": "bad"}), 'MaestroQA refused the request (HTTP 400): {"error": "bad"}'),
        (("403",), "MaestroQA refused the request (HTTP 403): the API token is wrong or lacks access; "
                   "check MAESTROQA_API_TOKEN"),
        (("413",), "MaestroQA refused the batch as too large (HTTP 413): the item limit changed: "
                   "lower MAESTROQA_BATCH_SIZE"),
    ],
)
def test_it_stops_and_says_what_to_do_on_a_rejection(fake, step, message):
    fake.script([step])
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.FAILED
    assert upload.status_message == f"{message}. Fix this, then resend the rows not sent."
    assert len(fake.requests) == 1
    assert set(upload.rows.values_list("result", flat=True)) == {Row.Result.NONE}


@pytest.mark.parametrize("step", [("500",), ("504",), ("timeout",)])
def test_it_marks_a_batch_unconfirmed_and_goes_on(fake, step, settings):
    settings.MAESTROQA_READ_TIMEOUT_SECONDS = 1
    fake.hang_seconds = 2
    fake.script([step])
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE_WITH_ERRORS
    assert [len(r.json["data"]) for r in fake.requests] == [100, 50]
    first = upload.rows.get(number=2)
    assert (first.result, first.result_message) == (
        Row.Result.UNCONFIRMED, "not confirmed — may or may not have been created"
    )
    assert delivery.delivery_counts(upload) == {
        "sending": 0, "created": 50, "failed": 0, "unconfirmed": 100, "not_sent": 0, "sent": 150, "total": 150,
    }


def test_it_fails_the_upload_on_a_configuration_error(fake, settings):
    settings.MAESTROQA_API_TOKEN = "bad\ntoken"
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.FAILED
    assert upload.status_message.startswith("the API token holds characters an HTTP header cannot carry")
    assert fake.requests == []


def test_it_delivers_once_when_submitted_twice_at_the_same_moment(fake):
    upload = make_upload(5)
    barrier = threading.Barrier(2)
    outcomes = []

    def submit():
        barrier.wait()
        try:
            delivery.submit_upload(Upload.objects.get(pk=upload.pk), upload.owner)
            outcomes.append("submitted")
        except delivery.DeliveryError as exc:
            outcomes.append(str(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    delivery.wait_until_done(upload)
    assert sorted(outcomes) == ["This upload was already submitted.", "submitted"]
    assert Submission.objects.filter(upload=upload).count() == 1
    assert len(fake.requests) == 1
