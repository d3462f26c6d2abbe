"""The activity log of each upload: one AuditEvent per thing a person or the worker did.

Actions (stable strings, shown to admins): uploaded, mapping_chosen, cell_edited,
bulk_set, bulk_replace, bulk_map, bulk_exclude, bulk_include, bulk_delete, undone,
read_again, submitted, approved, sent_back, withdrawn, marked_sent_elsewhere, batch_sent,
paused, resumed, finished, report_downloaded, purged, preset_saved.
"""

from uploads.models import AuditEvent, Upload


def record(upload: Upload | None, user, action: str, **details) -> AuditEvent:
    """Store one event; `user` None means the system (the worker, a scheduled job).

    `details` must be JSON-serialisable and must never hold a secret or a cell's text (customer
    data); an admin's send-back comment, staff's own words, is kept.
    """
    actor = user if user is not None and getattr(user, "is_authenticated", False) else None
    return AuditEvent.objects.create(upload=upload, user=actor, action=action, details=details)


ACTION_LABELS = {
    "uploaded": "Uploaded", "mapping_chosen": "Mapping applied", "cell_edited": "Cell edited",
    "bulk_set": "Bulk fix: set", "bulk_replace": "Bulk fix: replace", "bulk_map": "Bulk fix: map values",
    "bulk_exclude": "Rows excluded", "bulk_include": "Rows included", "bulk_delete": "Rows deleted",
    "undone": "Undone", "read_again": "File read again", "submitted": "Submitted", "approved": "Approved",
    "sent_back": "Sent back", "withdrawn": "Withdrawn",
    "marked_sent_elsewhere": "Rows marked Duplicate (sent elsewhere)",
    "batch_sent": "Batch sent", "batch_not_sent": "Batch not sent", "finished": "Delivery finished",
    "cancelled": "Cancelled", "paused": "Paused", "resumed": "Resumed", "report_downloaded": "Report downloaded",
    "purged": "Rows purged",
    "resend_requested": "Resend of fixed rows asked", "preset_saved": "Preset saved",
    "resent_created": "Resent: created", "resent_failed": "Resent: failed", "resent_not_sent": "Resent: not sent",
}


def events_for(upload: Upload) -> list[AuditEvent]:
    """The upload's events, newest first, with their users loaded; each with `label` (what happened,
    in words: ACTION_LABELS, the action itself when unknown) and `summary` ("rows: 4; format: csv")."""
    events = list(upload.events.select_related("user").order_by("-at", "-id"))
    for event in events:
        event.label = ACTION_LABELS.get(event.action, event.action.replace("_", " ").capitalize())
        event.summary = "; ".join(f"{key.replace('_', ' ')}: {_shown(value)}" for key, value in event.details.items())
    return events


def _shown(value) -> str:
    return "yes" if value is True else "no" if value is False else str(value)
