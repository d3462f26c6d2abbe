"""Optional second pair of eyes: submit for approval, approve, or send back with a comment.

With REQUIRE_APPROVAL on, submitting moves a ready upload to awaiting_approval
instead of queuing it; an admin then approves (the normal delivery starts:
delivery.submit_upload) or sends it back with a comment its uploader sees, and
until then the uploader's team may withdraw it to change it.
Every change is a conditional UPDATE on the expected status, like delivery's.
"""

from collections import Counter
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet

from uploads import audit, delivery, rowcheck, rowstore, tablehistory
from uploads.models import SENDABLE, Change, Row, Submission, Upload

REVIEW_COMMENT_CHARS = 5000  # a send-back comment's longest (the review page's box says so)


def waiting_for_admin(uploads: QuerySet) -> QuerySet:
    """Of `uploads`, those an admin must act on, oldest first: awaiting approval, or fixed failed rows awaiting a
    resend (the home page's "Waiting for you": QA round 38a, they were scattered through the list)."""
    return uploads.filter(Q(status=Upload.Status.AWAITING_APPROVAL) | Q(resend_requested_at__isnull=False)).order_by(
        "created_at", "id")


def submit(upload: Upload, user) -> Submission | None:
    """What the Submit button does: queue delivery, or ask for approval when REQUIRE_APPROVAL.

    Returns the Submission when delivery was queued, None when approval is now awaited.
    Raises delivery.DeliveryError when the upload was already submitted or has no row to send,
    or when another upload created some of its answers since it was read (see `_refuse_sent_elsewhere`).
    """
    if not Upload.objects.filter(pk=upload.pk, status__in=[Upload.Status.READY, Upload.Status.NEEDS_FIXES]).exists():
        raise delivery.DeliveryError("This upload was already submitted.")
    _refuse_sent_elsewhere(upload, user)
    if not settings.REQUIRE_APPROVAL:
        submission = delivery.submit_upload(upload, user)
        audit.record(upload, user, "submitted", rows=_sendable_count(upload))
        return submission
    if not _sendable_count(upload):
        raise delivery.DeliveryError(delivery.nothing_to_send(upload))
    claimed = Upload.objects.filter(
        pk=upload.pk, status__in=[Upload.Status.READY, Upload.Status.NEEDS_FIXES]
    ).update(status=Upload.Status.AWAITING_APPROVAL, status_message="", review_comment="")
    if claimed != 1:
        raise delivery.DeliveryError("This upload was already submitted.")
    upload.refresh_from_db()
    audit.record(upload, user, "submitted", rows=_sendable_count(upload), awaiting_approval=True)
    return None


def approve(upload: Upload, admin, reviewed: int | None = None) -> Submission:
    """Approve an upload awaiting approval: its delivery is queued at once (same path as Submit).

    reviewed: `submission_mark(upload)` when the admin's review page was drawn; approving is
    refused when the upload was withdrawn and submitted again since (the admin has not seen it).
    Raises delivery.DeliveryError when the upload is not awaiting approval, was submitted again
    after the review, or another upload created some of its answers since it was read.
    """
    if reviewed is not None and reviewed != submission_mark(upload):
        raise delivery.DeliveryError("This upload was changed and submitted again after you opened its review. "
                                     "Review it again before approving.")
    if not Upload.objects.filter(pk=upload.pk, status=Upload.Status.AWAITING_APPROVAL).exists():
        raise delivery.DeliveryError("This upload is not awaiting approval.")
    _refuse_sent_elsewhere(upload, admin)
    with transaction.atomic():
        claimed = Upload.objects.filter(pk=upload.pk, status=Upload.Status.AWAITING_APPROVAL).update(
            status=Upload.Status.READY, reviewed_by=admin
        )
        if claimed != 1:
            raise delivery.DeliveryError("This upload is not awaiting approval.")
        submission = delivery.submit_upload(upload, admin)
        audit.record(upload, admin, "approved", rows=_sendable_count(upload))
    upload.refresh_from_db()
    return submission


def send_back(upload: Upload, admin, comment: str) -> None:
    """Return an upload awaiting approval to its uploader with `comment` (required, shown on its page).

    Raises delivery.DeliveryError when the upload is not awaiting approval or the comment is empty.
    """
    comment = comment.strip()
    if not comment:
        raise delivery.DeliveryError("Say what needs changing: the comment is required.")
    if len(comment) > REVIEW_COMMENT_CHARS:  # QA round 38a: it was cut at 5,000 without a word
        raise delivery.DeliveryError(f"The comment is {len(comment):,} characters long; shorten it to "
                                     f"{REVIEW_COMMENT_CHARS:,} or fewer. Nothing was sent back.")
    claimed = Upload.objects.filter(pk=upload.pk, status=Upload.Status.AWAITING_APPROVAL).update(
        status=Upload.Status.READY, review_comment=comment, reviewed_by=admin
    )
    if claimed != 1:
        raise delivery.DeliveryError("This upload is not awaiting approval.")
    upload.refresh_from_db()
    rowcheck.refresh_status(upload)
    audit.record(upload, admin, "sent_back", comment=comment)


def withdraw(upload: Upload, user) -> None:
    """Take an upload awaiting approval back (its team changes it, then submits it again).

    Raises delivery.DeliveryError when the upload is no longer awaiting approval (an admin
    approved or sent it back meanwhile).
    """
    claimed = Upload.objects.filter(pk=upload.pk, status=Upload.Status.AWAITING_APPROVAL).update(
        status=Upload.Status.READY
    )
    if claimed != 1:
        raise delivery.DeliveryError("This upload is no longer awaiting approval, so there is nothing to withdraw.")
    upload.refresh_from_db()
    rowcheck.refresh_status(upload)
    audit.record(upload, user, "withdrawn")


def submission_mark(upload: Upload) -> int:
    """Which submission for approval this is: the id of the upload's latest "submitted" event (0: none)."""
    return upload.events.filter(action="submitted").order_by("-id").values_list("id", flat=True).first() or 0


def _refuse_sent_elsewhere(upload: Upload, user) -> None:
    """Before anything is queued: mark the rows another upload created since this one was read
    (rowstore.mark_sent_elsewhere) and, when there are some, stop with a sentence, so that
    whoever submits or approves sees what will be sent. Raises delivery.DeliveryError."""
    marked = rowstore.mark_sent_elsewhere(upload)
    if marked:
        what = (f"{marked:,} row{'s were' if marked > 1 else ' was'} created in MaestroQA, or sent, by another "
                f"upload since this file was read, so {'they are' if marked > 1 else 'it is'} now marked Duplicate "
                "and will not be sent (each row says by which upload)")
        # awaiting approval: back to its uploader with the reason, or Approve would be offered on rows already sent
        back = Upload.objects.filter(pk=upload.pk, status=Upload.Status.AWAITING_APPROVAL).update(
            status=Upload.Status.READY, review_comment=f"{what}. Check the rows, then submit again.",
            reviewed_by=None)  # no reviewer's decision: not "Sent back by rita", who pressed Approve (QA round 72c)
        upload.refresh_from_db(fields=["status", "review_comment", "reviewed_by"])
        rowcheck.refresh_status(upload)
        _record_sent_elsewhere(upload, user, marked)
        raise delivery.DeliveryError(f"{what}. Nothing was sent: check the rows, then submit again" + (
            "; the upload is back with its uploader, with this sentence." if back else "."))


def skip_sent_elsewhere(upload: Upload, user, rows: Q) -> str:
    """Before a resend (control.apply_action): mark those of `rows` whose answer another upload created, or sent,
    since this one was read (rowstore.mark_sent_elsewhere), as Submit and Approve do (QA round 67b H1: a failed row
    fixed in the table was resent after another upload had created it). A sentence saying how many, or ""."""
    marked = rowstore.mark_sent_elsewhere(upload, rows)
    if not marked:
        return ""
    _record_sent_elsewhere(upload, user, marked)
    return (f"{marked:,} row{'s' if marked > 1 else ''} to resend {'were' if marked > 1 else 'was'} created in "
            f"MaestroQA, or sent, by another upload meanwhile, so {'they are' if marked > 1 else 'it is'} now marked "
            "Duplicate and not resent (each row says by which upload).")


def _record_sent_elsewhere(upload: Upload, user, marked: int) -> None:
    """The activity log's event and the table history's step for rows just marked sent elsewhere."""
    audit.record(upload, user, "marked_sent_elsewhere", rows=marked)
    # a step of the history (not undoable): the table's cached counts follow it (table.summary_key)
    Change.objects.create(upload=upload, user=user, action="sent_elsewhere", cells_changed=0, before=[],
                          description=f"marked {marked:,} row{'s' if marked > 1 else ''} Duplicate: created "
                                      "or sent by another upload since this file was read")


def _sendable_count(upload: Upload) -> int:
    """The rows a submission sends (models.SENDABLE: valid ones and duplicates included anyway, QA round 49b)."""
    return upload.rows.filter(SENDABLE).count()


def _shown(stamp: str) -> str:
    """An item's submitted_at ("2026-09-30T10:00:00.000Z", always UTC: items.py) as a person reads it."""
    moment = datetime.fromisoformat(stamp)
    return f"{moment.day} {moment:%b %Y %H:%M} UTC"


def review_summary(upload: Upload) -> dict:
    """What an admin checks before approving.

    Returns {"counts": {row status label: n}, "scores": [(score, n)] ascending, "scales": [("1..10", n)] most rows
    first (QA round 72c: a scale set by hand showed nowhere),
    "first_date"/"last_date": submitted_at as "30 Sep 2026 10:00 UTC" (or ""), "agents": [(agent, n)]
    most rows first, "edited_rows": [row numbers changed by hand], "deleted_rows": [row numbers deleted in the
    table, not undone], "to_send": rows the submission sends,
    "included": duplicates among them}; only those rows (models.SENDABLE: the valid ones and duplicates
    included anyway, QA round 47c) count for scores, dates and agents (an email in any case is one agent).
    """
    counts = Counter(upload.rows.values_list("status", flat=True))
    items = [item for item in upload.rows.filter(SENDABLE).values_list("item", flat=True) if item]
    scores = Counter(item.get("score") for item in items)
    scales = Counter((item.get("min_score"), item.get("max_score")) for item in items)
    agents = Counter(item.get("agent_id") or (item.get("agent_email") or "(none)").casefold() for item in items)
    dates = sorted(item["submitted_at"] for item in items if item.get("submitted_at"))
    edited = list(upload.rows.exclude(edits={}).order_by("number").values_list("number", flat=True))
    deleted = sorted(entry[1] for before in tablehistory.undoable_steps(upload).filter(action="delete").values_list(
        "before", flat=True) for entry in before)  # QA round 67b W6: only the activity log said so
    return {
        "counts": {status.label: counts.get(status.value, 0) for status in Row.Status},
        "scores": sorted(scores.items(), key=lambda pair: (pair[0] is None, pair[0])),
        "scales": [(f"{low}..{high}", n) for (low, high), n in scales.most_common()],
        "first_date": _shown(dates[0]) if dates else "", "last_date": _shown(dates[-1]) if dates else "",
        "agents": agents.most_common(), "edited_rows": edited, "deleted_rows": deleted,
        "to_send": len(items), "included": len(items) - counts.get(Row.Status.VALID, 0),
    }
