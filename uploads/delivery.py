"""Delivering an upload's valid rows to MaestroQA: submitting, resending, cancelling, counting results.

Submitting splits the rows into batches (a Submission) and queues the RQ job
that sends them (uploads/sending.py: leases, the shared rate limit, retries,
recording each item's result). Every status change is a conditional UPDATE on
(id, expected status), so a double click, a second tab or a requeued job never
starts a second delivery. Rows that may already exist in MaestroQA are sent
again only when a person asks (the API has no idempotency key:
shared/api/CONTRACT.md, "What the API does not give").
"""

import time
import uuid
from datetime import timedelta

import django_rq
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Case, Count, Q, Value, When
from django.utils import timezone

from uploads import audit
from uploads.models import CREATED_PRIOR_NOTE, SENDABLE, Batch, Row, Submission, Upload

# An attempt whose request may be under way (sending.py); one in flight is never cancelled.
IN_FLIGHT = "in_flight"
# Said when sending rows that may already exist in MaestroQA is asked for without the confirmation box.
RESEND_CONFIRMATION = ("Tick the box to confirm: these rows may already exist in MaestroQA (an earlier delivery "
                       "created them or did not confirm them), and sending them again can create duplicates.")
ACTIVE = [Upload.Status.QUEUED, Upload.Status.SENDING, Upload.Status.RATE_LIMITED]


class DeliveryError(Exception):
    """A delivery action is not possible in the upload's current state; the message says why."""


def nothing_to_send(upload: Upload, statuses: set[str] | None = None) -> str:
    """Why an upload has no row to send: invalid rows to fix, else only duplicates (of a row above, or of an
    answer already created in MaestroQA: QA round 40c, "Fix the invalid rows first" where none was), else only
    rows that are no answers, else only rows the user left out, or no row left at all (deleted). statuses: its
    rows' statuses, when the caller has counted them already (submitplan.submit_plan); else read."""
    if statuses is None:
        statuses = set(upload.rows.values_list("status", flat=True).distinct())
    if not statuses:  # QA round 76c: the page said only "No rows match this filter"
        return "There is no row to send: every row was deleted. \"Undo the last step\" brings them back."
    if Row.Status.INVALID in statuses:
        return "There is no valid row to send. Fix the invalid rows first."
    if Row.Status.DUPLICATE in statuses:
        if Row.Status.EXCLUDED not in statuses and not upload.rows.filter(status=Row.Status.DUPLICATE).exclude(
                note__startswith=CREATED_PRIOR_NOTE).exists():
            return ("There is no row to send: every answer was already created in MaestroQA by another upload (each "
                    "row says which), so nothing needs sending.")  # not "Include rows" (QA round 67b W2)
        return ("There is no row to send: every answer is a duplicate, of a row above or of one already created in "
                "MaestroQA. To send a duplicate anyway, select it and choose \"Include rows\".")
    if Row.Status.SKIPPED in statuses:
        return "There is no row to send: every row was skipped (not an answer)."
    return "There is no row to send: every row was left out. To send one, select it and choose \"Include rows\"."


def submit_upload(upload: Upload, user) -> Submission:
    """Queue the delivery of every valid row of `upload`; one delivery however often it is called.

    Rows go in batches of MAESTROQA_BATCH_SIZE (at most 100 items per request:
    shared/api/CONTRACT.md), in row order. Raises DeliveryError when the
    upload was already submitted or has no valid row.
    """
    with transaction.atomic():
        claimed = Upload.objects.filter(
            pk=upload.pk, status__in=[Upload.Status.READY, Upload.Status.NEEDS_FIXES]
        ).update(status=Upload.Status.QUEUED, status_message="", heartbeat_at=timezone.now())
        if claimed != 1:
            raise DeliveryError("This upload was already submitted.")
        row_ids = list(upload.rows.filter(SENDABLE).order_by("number").values_list("id", flat=True))
        if not row_ids:
            raise DeliveryError(nothing_to_send(upload))
        submission = _create_submission(upload, user, row_ids)
    upload.refresh_from_db()
    return submission


def resend_rows(upload: Upload, user, result: str, only: Q | None = None) -> Submission:
    """Send again the rows whose result is `result`: Row.Result.FAILED, UNCONFIRMED, or NONE
    (rows of a delivery that stopped or was cancelled before sending them); `only` narrows
    them further (failed rows: only those fixed since, control.fixed_failed_rows).

    A new Submission linked to the latest one (its parent). Failed rows are resent only
    once valid again (fixed in the table). Resending unconfirmed rows can create
    duplicates: the page asks for an explicit confirmation first. Raises DeliveryError
    while a delivery is under way or when no row qualifies.
    """
    if result not in (Row.Result.FAILED, Row.Result.UNCONFIRMED, Row.Result.NONE):
        raise DeliveryError(f"Only failed, unconfirmed or unsent rows can be resent, not {result!r}.")
    finished = [Upload.Status.DONE, Upload.Status.DONE_WITH_ERRORS, Upload.Status.CANCELLED, Upload.Status.FAILED]
    with transaction.atomic():
        if Upload.objects.filter(pk=upload.pk, status__in=finished).update(
            status=Upload.Status.QUEUED, status_message="", finished_at=None, heartbeat_at=timezone.now()
        ) != 1:
            raise DeliveryError("A delivery is under way for this upload: wait until it ends.")
        row_ids = list(
            upload.rows.filter(only or Q(), result=result, status=Row.Status.VALID, batch__isnull=False)
            .order_by("number").values_list("id", flat=True)
        )
        if not row_ids:
            raise DeliveryError("There is no such row to resend (fix failed rows until they are valid first).")
        parent = upload.submissions.order_by("-created_at", "-id").first()
        submission = _create_submission(upload, user, row_ids, parent=parent)
    audit.record(upload, user, f"resent_{result or 'not_sent'}", rows=len(row_ids))
    upload.refresh_from_db()
    return submission


def _create_submission(upload: Upload, user, row_ids: list[int], parent=None) -> Submission:
    submission = Submission.objects.create(upload=upload, created_by=user, parent=parent)
    size = settings.MAESTROQA_BATCH_SIZE
    for sequence, start in enumerate(range(0, len(row_ids), size), start=1):
        chunk = row_ids[start:start + size]
        batch = Batch.objects.create(submission=submission, sequence=sequence, item_count=len(chunk))
        Row.objects.filter(id__in=chunk).update(
            batch=batch, result=Row.Result.SENDING, result_message="", maestro_id=""
        )
    enqueue_submission(submission)
    return submission


def enqueue_submission(submission: Submission, delay_seconds: float = 0) -> None:
    """Queue `jobs.deliver_submission` (after the current transaction commits); remember its id.

    delay_seconds > 0 goes through RQ's scheduler (workers run `--with-scheduler`).
    """
    from uploads import jobs

    job_id = f"deliver-{submission.pk}-{uuid.uuid4().hex[:12]}"
    Upload.objects.filter(pk=submission.upload_id).update(job_id=job_id)
    queue = django_rq.get_queue("default")
    if delay_seconds > 0:
        transaction.on_commit(lambda: queue.enqueue_in(
            timedelta(seconds=delay_seconds), jobs.deliver_submission, submission.pk, job_id=job_id
        ))
    else:
        queue.enqueue(jobs.deliver_submission, submission.pk, job_id=job_id)


def notify_uploader(upload_id: int) -> None:
    """Email the uploader that the delivery ended: status, counts and a link (settings.PORTAL_URL)."""
    upload = Upload.objects.select_related("owner").get(pk=upload_id)
    if not upload.owner.email:
        return
    counts = delivery_counts(upload)
    link = settings.PORTAL_URL + upload.get_absolute_url()
    body = (
        f"The delivery of {upload.filename} to MaestroQA ended: {upload.status_label}.\n\n"
        f"Created: {counts['created']}\nFailed: {counts['failed']}\n"
        f"Not confirmed (may or may not have been created): {counts['unconfirmed']}\n"
        f"Stopped before sending: {counts['not_sent']}\n"
        + (f"\n{upload.status_message}\n" if upload.status_message else "")
        + f"\nSee every row's result: {link}\n"
    )
    send_mail(f"CSAT upload {upload.filename}: {upload.status_label}", body, None, [upload.owner.email])


def delivery_counts(upload: Upload) -> dict[str, int]:
    """Rows by delivery result: sending, created, failed, unconfirmed, not_sent (sent = the three results)."""
    counts = upload.rows.filter(batch__isnull=False).aggregate(
        sending=Count("id", filter=Q(result=Row.Result.SENDING)),
        created=Count("id", filter=Q(result=Row.Result.CREATED)),
        failed=Count("id", filter=Q(result=Row.Result.FAILED)),
        unconfirmed=Count("id", filter=Q(result=Row.Result.UNCONFIRMED)),
        not_sent=Count("id", filter=Q(result=Row.Result.NONE)),
    )
    counts["sent"] = counts["created"] + counts["failed"] + counts["unconfirmed"]
    counts["total"] = counts["sent"] + counts["sending"] + counts["not_sent"]
    return counts


def batch_count(upload: Upload) -> int:
    """How many batches (requests' worth of rows) all of `upload`'s submissions made."""
    return Batch.objects.filter(submission__upload=upload).count()


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
            status=Upload.Status.CANCELLED, finished_at=timezone.now(), resume_at=None, lease="", heartbeat_at=None,
            status_message=Case(When(status=Upload.Status.AWAITING_APPROVAL, then=Value(  # QA round 67b C1
                f"Cancelled by {user.get_username()} before approval: nothing was sent.")),
                default=Value(f"Cancelled by {user.get_username()}: batches not yet sent were not sent.")),
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
