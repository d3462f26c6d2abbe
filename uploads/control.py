"""Steering deliveries: pause, resume, cancel, progress with an ETA, and the watchdog.

Each action is a conditional UPDATE on the upload's status, like every status
change in `delivery`; a running job notices at its next heartbeat (before the
next request) and stops there. The watchdog (run by every idle worker, see
`uploads.worker`) resumes deliveries whose job died and re-queues continuations
that Redis lost.
"""

import logging
import math
from datetime import timedelta

import django_rq
from django.conf import settings
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.translation import ngettext
from rq.exceptions import NoSuchJobError
from rq.job import Job

from uploads import access, approval, audit, delivery, sending
from uploads.models import Row, Submission, Upload

log = logging.getLogger(__name__)


def apply_action(upload: Upload, user, action: str, confirmed: bool = False) -> str:
    """Run one of the page's delivery buttons; returns what happened, for the user.

    action: "pause", "resume", "cancel", "resend_failed", "resend_unsent" or "resend_unconfirmed" (the last
    needs `confirmed`: the user accepted that it can create duplicates). With REQUIRE_APPROVAL only
    an admin resends fixed failed rows, as their cells changed after the approval: anyone else's
    "resend_failed" asks for it (`request_resend`). Raises DeliveryError for an unknown action or one
    the upload's state or the user's role does not allow.
    """
    if action == "pause":
        pause_upload(upload)
        audit.record(upload, user, "paused")
        return ("Paused. Nothing more is sent until you resume (a batch already on its way to MaestroQA "
                "still gets its answer).")
    if action == "resume":
        resume_upload(upload)
        audit.record(upload, user, "resumed")
        return "Resumed from the first batch without an answer."
    if action == "cancel":
        delivery.cancel_upload(upload, user)
        return "Cancelled. What was sent stays recorded; the rest was not sent."
    if action == "resend_failed":
        unfixed = failed_rows(upload).count() - fixed_failed_rows(upload).count()
        if not fixed_failed_rows(upload).filter(status=Row.Status.VALID).exists():
            raise delivery.DeliveryError(
                "No failed row was fixed since it failed: edit the failed rows (filter the table by "
                "“Failed”), then resend them."
            )
        if resend_needs_admin(user):
            return request_resend(upload, user)
        fixed = Q(id__in=fixed_failed_rows(upload))
        skipped = approval.skip_sent_elsewhere(upload, user, fixed)
        if skipped and not upload.rows.filter(fixed, status=Row.Status.VALID).exists():
            Upload.objects.filter(pk=upload.pk).update(resend_requested_at=None, resend_requested_by=None)
            raise delivery.DeliveryError(f"{skipped} Nothing was resent.")
        submission = delivery.resend_rows(upload, user, Row.Result.FAILED, only=fixed)
        Upload.objects.filter(pk=upload.pk).update(resend_requested_at=None, resend_requested_by=None)
        text = f"Resending {_rows(submission.rows_count)} fixed since {_it_they(submission.rows_count)} failed."
        if skipped:
            text += f" {skipped}"
        if unfixed:
            text += (f" {_rows(unfixed)} not fixed yet {_was_were(unfixed)} not resent: filter the table by "
                     "“Failed” to find them.")
        return text
    if action == "resend_unsent":
        unsent = Q(result=Row.Result.NONE, batch__isnull=False)
        if (skipped := approval.skip_sent_elsewhere(upload, user, unsent)) and not upload.rows.filter(
                unsent, status=Row.Status.VALID).exists():
            raise delivery.DeliveryError(f"{skipped} Nothing was sent.")
        submission = delivery.resend_rows(upload, user, Row.Result.NONE)
        return f"Sending the {_rows(submission.rows_count)} not sent." + (f" {skipped}" if skipped else "")
    if action == "resend_unconfirmed":
        if not confirmed:
            raise delivery.DeliveryError(delivery.RESEND_CONFIRMATION)
        submission = delivery.resend_rows(upload, user, Row.Result.UNCONFIRMED)
        return f"Resending {submission.rows_count} unconfirmed {_rows(submission.rows_count, number=False)}."
    raise delivery.DeliveryError(f"Unknown action {action!r}.")


def _rows(n: int, number: bool = True) -> str:
    """'1 row', '2 rows' (number=False: 'row', 'rows')."""
    word = ngettext("row", "rows", n)
    return f"{n} {word}" if number else word


def _was_were(n: int) -> str:
    return ngettext("was", "were", n)


def _it_they(n: int) -> str:
    return ngettext("it", "they", n)


def resend_needs_admin(user) -> bool:
    """True when `user` may only ask for fixed failed rows to be resent: with REQUIRE_APPROVAL an admin
    checks cells changed after the approval, and resends them."""
    return settings.REQUIRE_APPROVAL and not access.is_admin(user)


def request_resend(upload: Upload, user) -> str:
    """Ask the admins to resend the failed rows `user` fixed (REQUIRE_APPROVAL): the upload list and the
    upload's page show the request to admins until one resends; returns what happened, for the user."""
    fixed = fixed_failed_rows(upload).filter(status=Row.Status.VALID).count()
    Upload.objects.filter(pk=upload.pk).update(resend_requested_at=timezone.now(), resend_requested_by=user)
    upload.refresh_from_db(fields=["resend_requested_at", "resend_requested_by"])
    audit.record(upload, user, "resend_requested", rows=fixed)
    return (f"Asked an admin to resend the {_rows(fixed)} fixed since {_it_they(fixed)} failed: approval is "
            "required, so an admin checks your fixes (they are in the History) and resends them. The request "
            "shows on the admins' upload list.")


def failed_rows(upload: Upload):
    """Rows whose latest delivery result is failed (QuerySet)."""
    return upload.rows.filter(result=Row.Result.FAILED, batch__isnull=False)


def fixed_failed_rows(upload: Upload):
    """Failed rows with a cell edited after their failure: `fixed_at` (fixes.edit_cell) later than
    the last request of the batch that failed them (any edit, if that batch recorded no request).
    Only these are resent by "resend_failed"."""
    return failed_rows(upload).annotate(failed_at=Max("batch__attempts__started_at")).filter(
        Q(fixed_at__gt=F("failed_at")) | Q(fixed_at__isnull=False, failed_at__isnull=True)
    ).values("id")


def page_figures(upload: Upload) -> dict:
    """progress() plus, after a delivery, row counts for the page: `fixed_failed` (failed rows edited
    since and valid: what "resend_failed" sends), `invalid_fixed_failed` (edited, still invalid) and
    `unfixed_failed` (not edited since they failed)."""
    figures = progress(upload)
    if upload.fixes_failed_rows and figures["failed"]:
        edited = fixed_failed_rows(upload).count()
        figures["fixed_failed"] = fixed_failed_rows(upload).filter(status=Row.Status.VALID).count()
        figures["invalid_fixed_failed"] = fixed_failed_rows(upload).filter(status=Row.Status.INVALID).count()
        figures["unfixed_failed"] = figures["failed"] - edited
    return figures


def pause_upload(upload: Upload) -> None:
    """Stop sending after the current request; `resume_upload` continues. Raises DeliveryError if not active."""
    if Upload.objects.filter(pk=upload.pk, status__in=delivery.ACTIVE).update(
        status=Upload.Status.PAUSED, lease="", heartbeat_at=None, resume_at=None,
        status_message="Paused: press Resume to continue from the next batch.",
    ) != 1:
        raise delivery.DeliveryError("Only a queued or running delivery can be paused.")


def resume_upload(upload: Upload) -> None:
    """Continue a paused delivery from its first batch without a stored response.

    Retries of connection failures count afresh from now. Raises DeliveryError if not paused.
    """
    if Upload.objects.filter(pk=upload.pk, status=Upload.Status.PAUSED).update(
        status=Upload.Status.QUEUED, status_message="", resumed_at=timezone.now(), heartbeat_at=timezone.now()
    ) != 1:
        raise delivery.DeliveryError("Only a paused delivery can be resumed.")
    delivery.enqueue_submission(_current_submission(upload))


def _current_submission(upload: Upload) -> Submission:
    return upload.submissions.order_by("-created_at", "-id").first()


def progress(upload: Upload) -> dict:
    """The progress page's figures: delivery_counts plus status texts, `eta_seconds` and `eta_text`.

    `sending` counts rows on their way only while a delivery is active; rows queued for a
    paused (or stopped) delivery count as `waiting` instead, as the page shows them.

    eta_seconds: None when nothing is pending; else the shortest time the limits allow
    (the requests already made in their windows counted: ratelimit's forecast) for this
    upload's remaining requests plus, per other upload sharing the token, as many of its
    remaining requests as ours (they take turns at the limiter), plus what is left of a
    rate-limit wait (Retry-After) under way.
    """
    counts = delivery.delivery_counts(upload)
    counts["waiting"] = 0 if upload.is_active else counts["sending"]
    counts["sending"] -= counts["waiting"]
    mine = _remaining_requests(Upload.objects.filter(pk=upload.pk)).get(upload.pk, 0)
    others = _remaining_requests(Upload.objects.filter(status__in=delivery.ACTIVE).exclude(pk=upload.pk))
    ahead = mine + sum(min(mine, theirs) for theirs in others.values())
    waiting = max(0.0, (upload.resume_at - timezone.now()).total_seconds()) if upload.resume_at else 0.0
    eta = max(1, math.ceil(waiting + sending.limiter().forecast(ahead))) if mine and upload.is_active else None
    return {
        **counts, "status": upload.status, "status_display": upload.status_label,
        "message": upload.status_message, "active": upload.is_active,
        "paused": upload.status == Upload.Status.PAUSED,
        "eta_seconds": eta, "eta_text": _eta_text(eta, len(others)),
    }


def _eta_text(seconds: int | None, others: int) -> str:
    """e.g. "About 2 min 5 s left (sharing the rate limit with 1 other upload)"; "" without an ETA."""
    if seconds is None:
        return ""
    minutes, rest = divmod(seconds, 60)
    text = f"About {minutes} min {rest} s left" if minutes else f"About {rest} s left"
    sharing = f" (sharing the rate limit with {others} other upload{'s' if others != 1 else ''})" if others else ""
    return text + sharing


def _remaining_requests(uploads) -> dict[int, int]:
    rows = uploads.annotate(
        pending=Count("submissions__batches", filter=Q(submissions__batches__status="pending"))
    ).values_list("pk", "pending")
    return {pk: pending for pk, pending in rows if pending}


def check_deliveries() -> list[int]:
    """Resume deliveries whose job died or whose queued job was lost; returns their upload ids.

    Sending with no heartbeat for DELIVERY_STALE_SECONDS: the job died (a SIGKILL, a
    deploy); the upload goes back to queued with a new job, which marks the batch that was
    in flight unconfirmed and goes on from the first batch without a stored response.
    Queued or rate limited past due whose RQ job no longer exists (Redis lost it): queued again.
    """
    stale = timezone.now() - timedelta(seconds=settings.DELIVERY_STALE_SECONDS)
    resumed = []
    for upload in Upload.objects.filter(status=Upload.Status.SENDING, heartbeat_at__lt=stale):
        if Upload.objects.filter(pk=upload.pk, status=Upload.Status.SENDING, lease=upload.lease).update(
            status=Upload.Status.QUEUED, lease="", heartbeat_at=timezone.now(),
            status_message="Resuming: the worker sending this upload stopped.",
        ) == 1:
            delivery.enqueue_submission(_current_submission(upload))
            log.warning("upload %s: no heartbeat since %s, delivery resumed", upload.pk, upload.heartbeat_at)
            resumed.append(upload.pk)
    waiting = Upload.objects.filter(
        Q(status=Upload.Status.QUEUED, heartbeat_at__lt=stale)
        | Q(status=Upload.Status.RATE_LIMITED, resume_at__lt=stale)
    )
    connection = django_rq.get_connection("default")
    for upload in waiting:
        if not _job_exists(upload.job_id, connection):
            delivery.enqueue_submission(_current_submission(upload))
            resumed.append(upload.pk)
    return resumed


def check_uploads() -> list[int]:
    """Queue `jobs.recover_upload` for each upload whose reading or check stopped half-way
    (intake.stale_uploads); returns their ids. One job id per upload, so a repeat replaces it."""
    from uploads import intake, jobs

    stale = intake.stale_uploads()
    queue = django_rq.get_queue("default")
    for pk in stale:
        queue.enqueue(jobs.recover_upload, pk, job_id=f"recover-upload-{pk}")
    return stale


def _job_exists(job_id: str, connection) -> bool:
    try:
        job = Job.fetch(job_id, connection=connection)
    except NoSuchJobError:
        return False
    return job.get_status() not in ("finished", "failed", "stopped", "canceled")
