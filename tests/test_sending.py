"""The sending engine (uploads/sending.py) against a fake MaestroQA on loopback: a worker that died while
sending, a run taken over, the shared limiter, and storing an answer through database errors."""

import sqlite3
import threading
import time

import pytest
from django.db import OperationalError, connection

from tests.test_delivery import make_upload
from uploads import delivery, ratelimit, sending
from uploads.models import Attempt, AuditEvent, Row, Submission, Upload

pytestmark = pytest.mark.django_db(transaction=True)


def _crash_at_the_first_batch(upload: Upload, *, slot_taken: bool) -> Submission:
    """Do what a worker does up to the first request of `upload`, then stop as if killed:
    the batch's attempt is in flight, waiting for a limiter slot or just past it."""
    submission = delivery.submit_upload(upload, upload.owner)  # its job waits in the queue: no worker runs
    sender = sending._Sender(submission, sending._claim(upload))
    attempt = sender._start_attempt(submission.batches.get(sequence=1))
    if slot_taken:
        assert sender._take_slot(attempt)
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.QUEUED)  # what the watchdog does
    return submission


def test_a_batch_still_waiting_for_a_slot_when_the_worker_died_is_sent_once(fake):
    upload = make_upload(150)
    submission = _crash_at_the_first_batch(upload, slot_taken=False)

    sending.deliver_submission(submission.pk)

    sent = [item["ticket_id"] for request in fake.requests for item in request.json["data"]]
    assert sent == [f"{n:06d}" for n in range(2, 152)]
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert list(Attempt.objects.order_by("batch__sequence").values_list("batch__sequence", "outcome")) == [
        (1, "created"), (2, "created")]
    assert AuditEvent.objects.filter(upload=upload, action="batch_not_sent").count() == 1


def test_a_batch_past_its_slot_when_the_worker_died_is_unconfirmed_not_resent(fake):
    upload = make_upload(150)
    submission = _crash_at_the_first_batch(upload, slot_taken=True)

    sending.deliver_submission(submission.pk)

    assert [len(request.json["data"]) for request in fake.requests] == [50]
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE_WITH_ERRORS
    assert upload.rows.filter(result=Row.Result.UNCONFIRMED).count() == 100


def test_a_run_that_lost_its_batch_to_a_takeover_does_not_send_it(fake):
    upload = make_upload(5)
    submission = _crash_at_the_first_batch(upload, slot_taken=False)
    frozen = sending._Sender(submission, "lease-of-the-frozen-run")
    attempt = Attempt.objects.get()

    sending.deliver_submission(submission.pk)

    assert frozen._take_slot(attempt) is False
    assert len(fake.requests) == 1


def test_it_shares_one_limiter_per_token_with_safety_margins(settings, queue):
    settings.MAESTROQA_API_TOKEN = "test-token-not-real"
    shared = sending.limiter()
    assert shared.key == ratelimit.token_key("csatportal:ratelimit:", "test-token-not-real")
    assert "test-token-not-real" not in shared.key
    assert shared.limits == [(10, 1.5), (100, 60.5)]


def test_it_stores_an_answer_after_a_transient_database_error(fake, settings, monkeypatch):
    """A 201 whose recording first fails with "database is locked" is stored on the next try."""
    settings.DELIVERY_RECORD_RETRY_SECONDS = 30
    real, calls = sending._record_results, []

    def locked_once(batch, rows, results):
        calls.append(batch.sequence)
        if len(calls) == 1:
            Row.objects.filter(pk=rows[0].pk).update(result_message="written, then rolled back")
            raise OperationalError("database is locked")
        real(batch, rows, results)

    monkeypatch.setattr(sending, "_record_results", locked_once)
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)

    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert calls == [1, 1, 2]
    assert len(fake.requests) == 2
    assert upload.rows.filter(result=Row.Result.CREATED).exclude(maestro_id="").count() == 150
    assert not upload.rows.filter(result_message="written, then rolled back").exists()
    assert list(Attempt.objects.order_by("batch__sequence").values_list("outcome", flat=True)) == ["created"] * 2
    assert AuditEvent.objects.filter(upload=upload, action="batch_sent").count() == 2


def test_it_gives_up_on_a_database_error_that_is_not_transient(fake, settings, monkeypatch):
    monkeypatch.setattr(sending, "_record_results", lambda *args: (_ for _ in ()).throw(
        OperationalError("no such table: uploads_row")))
    upload = make_upload(5)
    submission = delivery.submit_upload(upload, upload.owner)
    with pytest.raises(OperationalError, match="no such table"):
        sending.deliver_submission(submission.pk)
    assert len(fake.requests) == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write lock")
def test_it_waits_out_another_connection_holding_the_sqlite_write_lock(fake, settings, monkeypatch, caplog):
    """Another process holds SQLite's write lock while the 201 comes back: the answer is still stored."""
    settings.DELIVERY_RECORD_RETRY_SECONDS = 30
    upload = make_upload(5)
    submission = delivery.submit_upload(upload, upload.owner)
    path = connection.settings_dict["NAME"]
    locked, release = threading.Event(), threading.Event()

    def hold_lock():
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(10)
        other.execute("ROLLBACK")
        other.close()

    real_send, holder = sending.maestro.send_batch, threading.Thread(target=hold_lock)

    def send_then_lock(*args, **kwargs):
        outcome = real_send(*args, **kwargs)
        holder.start()
        locked.wait(5)
        connection.cursor().execute("PRAGMA busy_timeout = 100")  # fail fast instead of waiting 20 s
        threading.Timer(1.5, release.set).start()
        return outcome

    monkeypatch.setattr(sending.maestro, "send_batch", send_then_lock)
    started = time.monotonic()
    sending.deliver_submission(submission.pk)
    holder.join()

    assert time.monotonic() - started >= 1.5
    retried = [r.getMessage() for r in caplog.records if r.getMessage().startswith("storing the answer")]
    assert retried and retried[0] == "storing the answer to batch 1 failed (database is locked), try 1; retrying"
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert upload.rows.filter(result=Row.Result.CREATED).exclude(maestro_id="").count() == 5
