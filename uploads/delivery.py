"""Delivering an upload's valid rows to MaestroQA: submissions, batches, results.

Every status change is a conditional UPDATE on (id, expected status), so a
double click, a second tab or a requeued job never starts a second delivery.
No transaction stays open across an HTTP call or a wait. A batch that may
have reached MaestroQA without an answer is never resent automatically: the
API has no idempotency key (shared/api/CONTRACT.md, "What the API does not give").
"""

import logging
import random
import time
from datetime import timedelta

import django_rq
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from uploads import audit, maestro, ratelimit
from uploads.models import Attempt, Batch, Row, Submission, Upload

log = logging.getLogger(__name__)

# A wait longer than this is not slept inside a job: the job ends and schedules its continuation.
MAX_INLINE_WAIT_SECONDS = 5.0
# Retry-safe failures (connection refused, 502, 503) are retried this often before the upload pauses.
MAX_RETRY_SAFE_ATTEMPTS = 5
IN_FLIGHT = "in_flight"


class DeliveryError(Exception):
    """A delivery action is not possible in the upload's current state; the message says why."""


def submit_upload(upload: Upload, user) -> Submission:
    """Queue the delivery of every valid row of `upload`; one delivery however often it is called.

    Rows go in batches of MAESTROQA_BATCH_SIZE (at most 100 items per request:
    shared/api/CONTRACT.md), in row order. Raises DeliveryError when the
    upload was already submitted or has no valid row.
    """
    with transaction.atomic():
        claimed = Upload.objects.filter(
            pk=upload.pk, status__in=[Upload.Status.READY, Upload.Status.NEEDS_FIXES]
        ).update(status=Upload.Status.QUEUED, status_message="")
        if claimed != 1:
            raise DeliveryError("This upload was already submitted.")
        sendable = Q(status=Row.Status.VALID) | Q(status=Row.Status.DUPLICATE, include_anyway=True)
        row_ids = list(upload.rows.filter(sendable).order_by("number").values_list("id", flat=True))
        if not row_ids:
            raise DeliveryError("There is no valid row to send. Fix the invalid rows first.")
        submission = _create_submission(upload, user, row_ids)
    upload.refresh_from_db()
    return submission


def _create_submission(upload: Upload, user, row_ids: list[int], parent=None) -> Submission:
    submission = Submission.objects.create(upload=upload, created_by=user, parent=parent)
    size = settings.MAESTROQA_BATCH_SIZE
    for sequence, start in enumerate(range(0, len(row_ids), size), start=1):
        chunk = row_ids[start:start + size]
        batch = Batch.objects.create(submission=submission, sequence=sequence, item_count=len(chunk))
        Row.objects.filter(id__in=chunk).update(batch=batch, result=Row.Result.SENDING, result_message="")
    enqueue_submission(submission)
    return submission


def enqueue_submission(submission: Submission, delay_seconds: float = 0) -> None:
    """Queue `jobs.deliver_submission` for after the current transaction commits."""
    from uploads import jobs

    queue = django_rq.get_queue("default")
    if delay_seconds > 0:
        transaction.on_commit(
            lambda: queue.enqueue_in(timedelta(seconds=delay_seconds), jobs.deliver_submission, submission.pk)
        )
    else:
        queue.enqueue(jobs.deliver_submission, submission.pk)


def limiter() -> ratelimit.SlidingWindowLimiter:
    """The one limiter every worker shares for this token (10/s and 100/min by default)."""
    return ratelimit.SlidingWindowLimiter(
        django_rq.get_connection("default"),
        f"csatportal:ratelimit:{settings.MAESTROQA_TOKEN_KEY}",
        [(settings.MAESTROQA_MAX_REQUESTS_PER_SECOND, 1.0), (settings.MAESTROQA_MAX_REQUESTS_PER_MINUTE, 60.0)],
    )


def deliver_submission(submission_id: int) -> None:
    """Send the submission's unsent batches in order, within the shared rate limit.

    Ends early (and schedules its own continuation) for a long wait; stops for
    a pause, a cancel, or a rejection that needs a person.
    """
    submission = Submission.objects.select_related("upload").get(pk=submission_id)
    if submission.status not in (Submission.Status.QUEUED, Submission.Status.SENDING):
        return  # cancelled (or over) before this job ran: a later submission may own the upload now
    upload = submission.upload
    early = (upload.resume_at - timezone.now()).total_seconds() if upload.resume_at else 0
    if early > 0:
        # RQ's scheduler works in whole seconds: never start before the Retry-After has passed.
        time.sleep(min(early, MAX_INLINE_WAIT_SECONDS))
    if not _claim(upload):
        return
    _settle_in_flight(submission)
    shared_limiter = limiter()
    for batch in submission.batches.filter(status=Batch.Status.PENDING).order_by("sequence"):
        if not _still_sending(upload):
            return
        wait = shared_limiter.try_acquire()
        while wait > 0:
            if wait > MAX_INLINE_WAIT_SECONDS:
                _reschedule(submission, wait, "rate limited")
                return
            time.sleep(wait)
            wait = shared_limiter.try_acquire()
        if not _send_batch(submission, batch):
            return
    _finish(submission)


def _claim(upload: Upload) -> bool:
    claimed = Upload.objects.filter(
        pk=upload.pk, status__in=[Upload.Status.QUEUED, Upload.Status.RATE_LIMITED]
    ).update(status=Upload.Status.SENDING, heartbeat_at=timezone.now(), resume_at=None, status_message="")
    return claimed == 1


def _still_sending(upload: Upload) -> bool:
    """Heartbeat, and False when the upload was paused or cancelled meanwhile."""
    return Upload.objects.filter(pk=upload.pk, status=Upload.Status.SENDING).update(
        heartbeat_at=timezone.now()
    ) == 1


def _settle_in_flight(submission: Submission) -> None:
    """A batch whose request went out without a stored answer (a crash) is unconfirmed, never resent."""
    stranded = Batch.objects.filter(
        submission=submission, status=Batch.Status.PENDING, attempts__outcome=IN_FLIGHT
    ).distinct()
    for batch in stranded:
        with transaction.atomic():
            batch.attempts.filter(outcome=IN_FLIGHT).update(
                outcome=maestro.OutcomeKind.UNKNOWN.value, message="the worker stopped before the answer came"
            )
            _mark_unconfirmed(batch)


def _send_batch(submission: Submission, batch: Batch) -> bool:
    """One request for `batch`; records it; False when the job must stop here."""
    rows = list(batch.rows.order_by("number"))
    attempt = Attempt.objects.create(batch=batch, started_at=timezone.now(), outcome=IN_FLIGHT)
    outcome = maestro.send_batch(
        [row.item for row in rows],
        base_url=settings.MAESTROQA_API_URL,
        token=settings.MAESTROQA_API_TOKEN or "sandbox",
    )
    kind = maestro.OutcomeKind
    with transaction.atomic():
        attempt.http_status = outcome.http_status
        attempt.outcome = outcome.kind.value
        attempt.message = outcome.message[:500]
        attempt.response_body = outcome.body_text[:20000]
        attempt.duration_ms = outcome.duration_ms
        attempt.save()
        audit.record(submission.upload, None, "batch_sent", batch=batch.sequence, rows=len(rows), http_status=outcome.http_status, outcome=outcome.kind.value)
        if outcome.kind == kind.CREATED:
            _record_results(batch, rows, outcome.results)
        elif outcome.kind == kind.UNKNOWN:
            _mark_unconfirmed(batch)
        elif outcome.kind == kind.REJECTED:
            _stop(submission, outcome.message)
            return False
    if outcome.kind == kind.RATE_LIMITED:
        _reschedule(submission, outcome.retry_after_seconds or _backoff(1), "MaestroQA asked us to wait")
        return False
    if outcome.kind == kind.RETRY_SAFE:
        return _retry_later(submission, batch, outcome.message)
    return True


def _record_results(batch: Batch, rows: list[Row], results) -> None:
    """Each row gets its item's result (maestro.ItemResult), in request order."""
    for row, result in zip(rows, results):
        if result.success:
            row.result, row.maestro_id, row.result_message = Row.Result.CREATED, result.maestro_id or "", ""
        else:
            row.result, row.result_message = Row.Result.FAILED, result.status
    Row.objects.bulk_update(rows, ["result", "maestro_id", "result_message"])
    batch.status = Batch.Status.DONE
    batch.save(update_fields=["status"])


def _mark_unconfirmed(batch: Batch) -> None:
    batch.rows.update(
        result=Row.Result.UNCONFIRMED, result_message="not confirmed — may or may not have been created"
    )
    batch.status = Batch.Status.UNCONFIRMED
    batch.save(update_fields=["status"])


def _backoff(attempt_number: int) -> float:
    """Capped exponential backoff with full jitter, in seconds (1, 2, 4 ... up to 60)."""
    return random.uniform(0.5, 1.0) * min(60.0, 2.0 ** (attempt_number - 1))


def _retry_later(submission: Submission, batch: Batch, message: str) -> bool:
    failures = batch.attempts.filter(outcome=maestro.OutcomeKind.RETRY_SAFE.value).count()
    if failures >= MAX_RETRY_SAFE_ATTEMPTS:
        Upload.objects.filter(pk=submission.upload_id).update(
            status=Upload.Status.PAUSED,
            status_message=f"Paused after {failures} failed tries: {message}. Resume when MaestroQA is reachable.",
        )
        return False
    wait = _backoff(failures)
    if wait > MAX_INLINE_WAIT_SECONDS:
        _reschedule(submission, wait, message)
        return False
    time.sleep(wait)
    return _send_batch(submission, batch)


def _reschedule(submission: Submission, wait: float, reason: str) -> None:
    resume_at = timezone.now() + timedelta(seconds=wait)
    moved = Upload.objects.filter(pk=submission.upload_id, status=Upload.Status.SENDING).update(
        status=Upload.Status.RATE_LIMITED, resume_at=resume_at,
        status_message=f"{reason}; resumes at {resume_at:%H:%M:%S} UTC",
    )
    if moved:
        enqueue_submission(submission, delay_seconds=wait)


def _stop(submission: Submission, message: str) -> None:
    Upload.objects.filter(pk=submission.upload_id).update(
        status=Upload.Status.FAILED, status_message=message, finished_at=timezone.now()
    )
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.FAILED)
    Row.objects.filter(batch__submission=submission, result=Row.Result.SENDING).update(result=Row.Result.NONE)


def _finish(submission: Submission) -> None:
    upload = submission.upload
    counts = delivery_counts(upload)
    status = Upload.Status.DONE if counts["failed"] + counts["unconfirmed"] == 0 else Upload.Status.DONE_WITH_ERRORS
    Upload.objects.filter(pk=upload.pk, status=Upload.Status.SENDING).update(
        status=status, finished_at=timezone.now(), heartbeat_at=None
    )
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.DONE)
    audit.record(upload, None, "finished", created=counts["created"], failed=counts["failed"], unconfirmed=counts["unconfirmed"])


def delivery_counts(upload: Upload) -> dict[str, int]:
    """Rows by delivery result: sending, created, failed, unconfirmed (and total sent so far)."""
    counts = upload.rows.aggregate(
        sending=Count("id", filter=Q(result=Row.Result.SENDING)),
        created=Count("id", filter=Q(result=Row.Result.CREATED)),
        failed=Count("id", filter=Q(result=Row.Result.FAILED)),
        unconfirmed=Count("id", filter=Q(result=Row.Result.UNCONFIRMED)),
    )
    counts["sent"] = counts["created"] + counts["failed"] + counts["unconfirmed"]
    counts["total"] = counts["sent"] + counts["sending"]
    return counts


def wait_until_done(upload: Upload, poll_seconds: float = 0.5) -> None:
    """Block until `upload`'s delivery ends, working the queue in this process meanwhile.

    A burst worker (in this process, no fork; with RQ's scheduler, so rescheduled continuations run when
    due) takes whatever job no other worker has taken; with other workers
    running this simply waits. Used by `import_csat --submit --wait`.
    """
    worker = django_rq.get_worker("default", worker_class="rq.SimpleWorker")
    upload.refresh_from_db()
    while upload.is_active:
        worker.work(burst=True, with_scheduler=True, logging_level="WARNING")
        time.sleep(poll_seconds)
        upload.refresh_from_db()


# Cancel and resend: shared by the admin actions (issue 6) and the delivery controls' pages.
CANCELLABLE = [Upload.Status.AWAITING_APPROVAL, Upload.Status.QUEUED, Upload.Status.SENDING,
               Upload.Status.RATE_LIMITED, Upload.Status.PAUSED]


def cancel_upload(upload: Upload, user) -> None:
    """Stop a delivery (or a pending approval): unsent batches are cancelled, sent ones keep their results.

    A batch being sent right now finishes and records its answer. Raises DeliveryError when
    nothing is under way.
    """
    with transaction.atomic():
        claimed = Upload.objects.filter(pk=upload.pk, status__in=CANCELLABLE).update(
            status=Upload.Status.CANCELLED, status_message=f"Cancelled by {user.get_username()}.",
            finished_at=timezone.now(), resume_at=None,
        )
        if claimed != 1:
            raise DeliveryError("There is nothing to cancel: this upload is not being delivered.")
        pending = Batch.objects.filter(submission__upload=upload, status=Batch.Status.PENDING).exclude(
            attempts__outcome=IN_FLIGHT
        )
        Row.objects.filter(batch__in=pending, result=Row.Result.SENDING).update(result=Row.Result.NONE)
        pending.update(status=Batch.Status.CANCELLED)
        upload.submissions.filter(status__in=[Submission.Status.QUEUED, Submission.Status.SENDING]).update(
            status=Submission.Status.CANCELLED
        )
    audit.record(upload, user, "cancelled")
    upload.refresh_from_db()


def resend_unconfirmed(upload: Upload, user) -> Submission:
    """Send the rows whose outcome is unknown once more, as a new submission, on a person's request.

    The API has no idempotency key: a resent row may be created twice, which is why this is
    never automatic. Raises DeliveryError when the upload is still sending or has no unconfirmed row.
    """
    with transaction.atomic():
        row_ids = list(upload.rows.filter(result=Row.Result.UNCONFIRMED).order_by("number").values_list("id", flat=True))
        if not row_ids:
            raise DeliveryError("There is no unconfirmed row to resend.")
        claimed = Upload.objects.filter(
            pk=upload.pk, status__in=[Upload.Status.DONE_WITH_ERRORS, Upload.Status.FAILED, Upload.Status.CANCELLED]
        ).update(status=Upload.Status.QUEUED, status_message="", finished_at=None)
        if claimed != 1:
            raise DeliveryError("This upload is still being delivered; wait until it ends.")
        submission = _create_submission(upload, user, row_ids, parent=upload.submissions.last())
    audit.record(upload, user, "resent_unconfirmed", rows=len(row_ids))
    upload.refresh_from_db()
    return submission
