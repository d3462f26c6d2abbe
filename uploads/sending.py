"""Sending one submission's batches, one job run at a time: the engine behind `delivery`.

A job run owns the delivery through a lease (a random string on the upload):
every request is preceded by a heartbeat that checks the lease, so a job that
was taken over after going stale stops before sending anything more. Every
request, retries included, takes a slot from the shared Redis limiter first
(10/s and 100/min: shared/api/CONTRACT.md). No transaction stays open across an
HTTP call or a wait. A batch that may have reached MaestroQA without an answer
is never resent automatically: the API has no idempotency key
(shared/api/CONTRACT.md, "What the API does not give").
"""

import itertools
import logging
import random
import secrets
import time
from datetime import timedelta

import django_rq
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone

from uploads import audit, delivery, maestro, ratelimit
from uploads.models import Attempt, Batch, Row, Submission, Upload

log = logging.getLogger(__name__)

# A wait longer than this is not slept inside a job: the job ends and schedules its continuation.
MAX_INLINE_WAIT_SECONDS = 5.0
# A continuation is scheduled this much early and sleeps the rest: RQ's scheduler works in whole
# seconds and polls once a second, which would otherwise cost the pacing a second per wait.
SCHEDULER_LEAD_SECONDS = 2.0
MAX_BACKOFF_SECONDS = 60.0
# The apiToken sent to the built-in sandbox when no token is configured; a word that no URL or message
# holds, since answers are masked by replacing the token's text.
SANDBOX_TOKEN = "sandbox-no-token"
WAITING_KEY_SECONDS = 86_400  # a crash recovered later than this reads as "may have gone out"
UNCONFIRMED_MESSAGE = "not confirmed — may or may not have been created"


def limiter() -> ratelimit.SlidingWindowLimiter:
    """The one limiter every worker shares for this token: 10/s and 100/min by default.

    Each window is widened by its safety margin (MAESTROQA_SECOND_MARGIN_MS,
    MAESTROQA_MINUTE_MARGIN_MS) so that arrival jitter never breaks the server's windows.
    """
    token = settings.MAESTROQA_API_TOKEN or SANDBOX_TOKEN
    return ratelimit.SlidingWindowLimiter(
        django_rq.get_connection("default"),
        ratelimit.token_key("csatportal:ratelimit:", token),
        [
            (settings.MAESTROQA_MAX_REQUESTS_PER_SECOND, 1.0 + settings.MAESTROQA_SECOND_MARGIN_MS / 1000),
            (settings.MAESTROQA_MAX_REQUESTS_PER_MINUTE, 60.0 + settings.MAESTROQA_MINUTE_MARGIN_MS / 1000),
        ],
    )


def deliver_submission(submission_id: int) -> None:
    """Send the submission's unsent batches in order, within the shared rate limit.

    Ends early and queues its continuation for a long wait, and after
    DELIVERY_SLICE_SECONDS (so no job nears its timeout); stops for a pause, a
    cancel, a takeover, or a rejection that needs a person.
    """
    submission = Submission.objects.select_related("upload").get(pk=submission_id)
    if submission.status not in (Submission.Status.QUEUED, Submission.Status.SENDING):
        return  # cancelled (or over) before this job ran: a later submission may own the upload now
    upload = submission.upload
    early = (upload.resume_at - timezone.now()).total_seconds() if upload.resume_at else 0
    if early > 0:
        time.sleep(min(early, MAX_INLINE_WAIT_SECONDS + SCHEDULER_LEAD_SECONDS))
    lease = _claim(upload)
    if not lease:
        return
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.SENDING)
    _settle_in_flight(submission)
    sender = _Sender(submission, lease)
    deadline = time.monotonic() + settings.DELIVERY_SLICE_SECONDS
    for batch in submission.batches.filter(status=Batch.Status.PENDING).order_by("sequence"):
        if not sender.deliver(batch):
            return
        if time.monotonic() > deadline:
            _continue_later(submission, lease, 0, "")
            return
    _finish(submission, lease)


def _claim(upload: Upload) -> str:
    """Take the delivery for this job run: the new lease, or "" when another run has it."""
    lease = secrets.token_hex(8)
    claimed = Upload.objects.filter(
        pk=upload.pk, status__in=[Upload.Status.QUEUED, Upload.Status.RATE_LIMITED]
    ).update(status=Upload.Status.SENDING, heartbeat_at=timezone.now(), resume_at=None, status_message="",
             lease=lease)
    return lease if claimed == 1 else ""


def _heartbeat(upload_id: int, lease: str) -> bool:
    """Heartbeat; False when the upload was paused, cancelled or taken over meanwhile."""
    return Upload.objects.filter(pk=upload_id, status=Upload.Status.SENDING, lease=lease).update(
        heartbeat_at=timezone.now()
    ) == 1


def _waiting_key(attempt_id: int) -> str:
    """The Redis key that exists while `attempt_id` waits for a limiter slot (not sent yet)."""
    return f"csatportal:waiting:{attempt_id}"


def _settle_in_flight(submission: Submission) -> None:
    """Settle the attempts a crash left in flight.

    One still waiting for a limiter slot (its waiting key still exists, see `_Sender`) never went
    out: it is dropped and its batch sent as usual. Any other may have reached MaestroQA: its batch
    is unconfirmed, never resent. A Redis that lost its data reads as "may have gone out".
    """
    redis = django_rq.get_connection("default")
    stranded = Batch.objects.filter(
        submission=submission, status=Batch.Status.PENDING, attempts__outcome=delivery.IN_FLIGHT
    ).distinct()
    for batch in stranded:
        waiting = [attempt for attempt in batch.attempts.filter(outcome=delivery.IN_FLIGHT)
                   if redis.delete(_waiting_key(attempt.pk))]
        if waiting:
            Attempt.objects.filter(pk__in=[attempt.pk for attempt in waiting]).delete()
            audit.record(submission.upload, None, "batch_not_sent", batch=batch.sequence,
                         reason="the worker stopped while waiting for a request slot")
            continue
        with transaction.atomic():
            batch.attempts.filter(outcome=delivery.IN_FLIGHT).update(
                outcome=maestro.OutcomeKind.UNKNOWN.value, message="the worker stopped before the answer came"
            )
            _mark_unconfirmed(batch)


class _Sender:
    """Sends the batches of one submission for one job run (one lease, one HTTP session)."""

    def __init__(self, submission: Submission, lease: str):
        self.submission = submission
        self.lease = lease
        self.limiter = limiter()
        self.redis = django_rq.get_connection("default")
        self.session = maestro.new_session()

    def deliver(self, batch: Batch) -> bool:
        """Send `batch` until it has an answer; False when the job must end here.

        Every request, retries included, takes a slot from the shared limiter first.
        """
        kind = maestro.OutcomeKind
        while True:
            attempt = self._start_attempt(batch)
            if attempt is None:
                return False
            rows = list(batch.rows.order_by("number"))
            if not self._take_slot(attempt):
                self.redis.delete(_waiting_key(attempt.pk))
                attempt.delete()
                return False
            outcome = self._send(attempt, rows)
            if outcome.kind in (kind.CREATED, kind.UNKNOWN):
                return True
            if outcome.kind == kind.REJECTED:
                Batch.objects.filter(pk=batch.pk).update(status=Batch.Status.REJECTED)
                _stop(self.submission, f"{outcome.message}. Fix this, then resend the rows not sent.")
                return False
            wait = self._retry_wait(batch, outcome)
            if wait is None:
                return False
            if wait > MAX_INLINE_WAIT_SECONDS:
                _continue_later(self.submission, self.lease, wait, outcome.message)
                return False
            time.sleep(wait)

    def _take_slot(self, attempt: Attempt) -> bool:
        """Wait for a limiter slot for `attempt`; taking it deletes the attempt's waiting key.

        False when the job must end here: a long wait (continued later), a lost lease, or a
        waiting key already deleted by a run that took this delivery over (it sends the batch).
        """
        while (wait := self._try_acquire(attempt)) > 0:
            if wait > MAX_INLINE_WAIT_SECONDS:
                _continue_later(self.submission, self.lease, wait, "the shared rate limit is used up")
                return False
            if not _heartbeat(self.submission.upload_id, self.lease):
                return False
            time.sleep(wait)
        return wait == 0

    def _try_acquire(self, attempt: Attempt) -> float:
        """The limiter's answer (0.0: slot taken), or -1.0 when the waiting key is gone."""
        try:
            return self.limiter.try_acquire(clears=_waiting_key(attempt.pk))
        except ratelimit.MarkGone:
            return -1.0

    def _start_attempt(self, batch: Batch) -> Attempt | None:
        """Heartbeat and mark `batch` in flight, in one transaction; None when the lease was lost.

        Marked before the limiter slot is taken, so nothing touches the database between the
        slot and the request. The attempt's waiting key (one day) says "not sent yet" until the
        limiter deletes it with the slot: a crash while waiting leaves the batch to be sent.
        """
        with transaction.atomic():
            if not _heartbeat(self.submission.upload_id, self.lease):
                return None
            attempt = Attempt.objects.create(batch=batch, started_at=timezone.now(), outcome=delivery.IN_FLIGHT)
            self.redis.set(_waiting_key(attempt.pk), "1", ex=WAITING_KEY_SECONDS)
            return attempt

    def _send(self, attempt: Attempt, rows: list[Row]) -> maestro.BatchOutcome:
        """One request for `attempt.batch` right away; its outcome and the items' results are recorded.

        Nothing touches the database between taking the limiter slot and this call, so a
        busy database cannot bunch requests up at the server beyond the window margins.
        """
        attempt.started_at = timezone.now()
        try:
            outcome = maestro.send_batch(
                [row.item for row in rows], base_url=settings.MAESTROQA_API_URL,
                token=settings.MAESTROQA_API_TOKEN or SANDBOX_TOKEN,
                timeout=(5, settings.MAESTROQA_READ_TIMEOUT_SECONDS), session=self.session,
            )
        except maestro.ConfigurationError as exc:
            outcome = maestro.BatchOutcome(maestro.OutcomeKind.REJECTED, None, (), None, str(exc), "", 0)
        _retry_db(lambda: self._record(attempt, rows, outcome), f"the answer to batch {attempt.batch.sequence}",
                  outcome.body_text)
        return outcome

    def _record(self, attempt: Attempt, rows: list[Row], outcome: maestro.BatchOutcome) -> None:
        """Store `outcome` on `attempt` and the items' results on `rows`, in one transaction."""
        with transaction.atomic():
            attempt.http_status = outcome.http_status
            attempt.outcome = outcome.kind.value
            attempt.message = outcome.message[:500]
            attempt.response_body = outcome.body_text[:20000]
            attempt.duration_ms = outcome.duration_ms
            attempt.save()
            audit.record(self.submission.upload, None, "batch_sent", batch=attempt.batch.sequence, rows=len(rows),
                         http_status=outcome.http_status, outcome=outcome.kind.value)
            if outcome.kind == maestro.OutcomeKind.CREATED:
                _record_results(attempt.batch, rows, outcome.results)
            elif outcome.kind == maestro.OutcomeKind.UNKNOWN:
                _mark_unconfirmed(attempt.batch)

    def _retry_wait(self, batch: Batch, outcome: maestro.BatchOutcome) -> float | None:
        """Seconds before sending `batch` again, or None after pausing the upload (retries used up)."""
        attempts = batch.attempts.filter(outcome=outcome.kind.value)
        resumed_at = Upload.objects.values_list("resumed_at", flat=True).get(pk=self.submission.upload_id)
        if resumed_at:
            attempts = attempts.filter(started_at__gte=resumed_at)
        tries = attempts.count()
        if outcome.kind == maestro.OutcomeKind.RATE_LIMITED:
            return outcome.retry_after_seconds if outcome.retry_after_seconds is not None else backoff(tries)
        if tries > settings.DELIVERY_MAX_RETRIES:
            Upload.objects.filter(pk=self.submission.upload_id, status=Upload.Status.SENDING, lease=self.lease).update(
                status=Upload.Status.PAUSED, heartbeat_at=None,
                status_message=f"Paused after {tries} failed tries: {outcome.message}. "
                               "Resume when MaestroQA is reachable again.",
            )
            return None
        return backoff(tries)


def backoff(tries: int) -> float:
    """Capped exponential backoff with jitter, in seconds: base·2^(tries−1)·U(0.5, 1), at most 60.

    base is DELIVERY_BACKOFF_MS (1 s by default): about 1, 2, 4 ... seconds.
    """
    base = settings.DELIVERY_BACKOFF_MS / 1000
    return random.uniform(0.5, 1.0) * min(MAX_BACKOFF_SECONDS, base * 2.0 ** (max(tries, 1) - 1))


# Words of a database error that passes (another writer holds SQLite's lock; a dropped connection).
TRANSIENT_DB_ERRORS = ("locked", "busy", "connection", "server closed", "timeout", "timed out", "terminating")
MAX_DB_RETRY_WAIT_SECONDS = 10.0


def _retry_db(write, what: str, answer: str) -> None:
    """Run `write()` (one transaction) until it succeeds: an answer MaestroQA gave must be stored.

    A transient database error (`TRANSIENT_DB_ERRORS`: SQLite's "database is locked", a lost
    Postgres connection) is retried with capped exponential backoff (0.25 s, 0.5 s ... 10 s) for up
    to DELIVERY_RECORD_RETRY_SECONDS (120 s by default); a dropped connection is reopened. Any other
    error, or one still there at the deadline, is raised after logging `answer` (the response body,
    with the items' MaestroQA ids) so that it can still be recovered by hand.
    """
    deadline = time.monotonic() + settings.DELIVERY_RECORD_RETRY_SECONDS
    for tries in itertools.count(1):
        try:
            write()
            return
        except (OperationalError, InterfaceError) as exc:
            if not _transient(exc) or time.monotonic() >= deadline:
                log.error("could not store %s (%s); the answer was: %s", what, exc, answer[:20000])
                raise
            log.warning("storing %s failed (%s), try %d; retrying", what, exc, tries)
            if not connection.is_usable():
                connection.close()
            time.sleep(min(MAX_DB_RETRY_WAIT_SECONDS, 0.25 * 2 ** (tries - 1),
                           max(0.0, deadline - time.monotonic())))


def _transient(exc: Exception) -> bool:
    return isinstance(exc, InterfaceError) or any(word in str(exc).lower() for word in TRANSIENT_DB_ERRORS)


def _record_results(batch: Batch, rows: list[Row], results) -> None:
    """Each row gets its item's result (maestro.ItemResult), in request order."""
    for row, result in zip(rows, results, strict=True):
        if result.success:
            row.result, row.maestro_id, row.result_message = Row.Result.CREATED, result.maestro_id or "", ""
        else:
            row.result, row.result_message = Row.Result.FAILED, result.status
    Row.objects.bulk_update(rows, ["result", "maestro_id", "result_message"])
    batch.status = Batch.Status.DONE
    batch.save(update_fields=["status"])


def _mark_unconfirmed(batch: Batch) -> None:
    batch.rows.update(result=Row.Result.UNCONFIRMED, result_message=UNCONFIRMED_MESSAGE)
    batch.status = Batch.Status.UNCONFIRMED
    batch.save(update_fields=["status"])


def _continue_later(submission: Submission, lease: str, wait: float, reason: str) -> None:
    """End this job run and queue the next one in `wait` seconds (0: at once, a new slice)."""
    if wait <= 0:
        moved = Upload.objects.filter(pk=submission.upload_id, status=Upload.Status.SENDING, lease=lease).update(
            status=Upload.Status.QUEUED, heartbeat_at=timezone.now(), lease=""
        )
        if moved:
            delivery.enqueue_submission(submission)
        return
    resume_at = timezone.now() + timedelta(seconds=wait)
    moved = Upload.objects.filter(pk=submission.upload_id, status=Upload.Status.SENDING, lease=lease).update(
        status=Upload.Status.RATE_LIMITED, resume_at=resume_at, heartbeat_at=None, lease="",
        status_message=f"{reason}: rate limited, resumes at {timezone.localtime(resume_at):%H:%M:%S %Z}",
    )
    if moved:
        delivery.enqueue_submission(submission, delay_seconds=max(1.0, wait - SCHEDULER_LEAD_SECONDS))


def _stop(submission: Submission, message: str) -> None:
    log.warning("delivery of upload %s stopped: %s", submission.upload_id, message)
    Upload.objects.filter(pk=submission.upload_id).update(
        status=Upload.Status.FAILED, status_message=message, finished_at=timezone.now(), heartbeat_at=None,
        lease="",
    )
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.FAILED)
    submission.batches.filter(status=Batch.Status.PENDING).update(status=Batch.Status.CANCELLED)
    Row.objects.filter(batch__submission=submission, result=Row.Result.SENDING).update(result=Row.Result.NONE)
    delivery.notify_uploader(submission.upload_id)


def _finish(submission: Submission, lease: str) -> None:
    counts = delivery.delivery_counts(submission.upload)
    status = Upload.Status.DONE if counts["failed"] + counts["unconfirmed"] == 0 else Upload.Status.DONE_WITH_ERRORS
    finished = Upload.objects.filter(pk=submission.upload_id, status=Upload.Status.SENDING, lease=lease).update(
        status=status, finished_at=timezone.now(), heartbeat_at=None, lease=""
    )
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.DONE)
    if finished:
        audit.record(submission.upload, None, "finished", created=counts["created"], failed=counts["failed"],
                     unconfirmed=counts["unconfirmed"])
        delivery.notify_uploader(submission.upload_id)
