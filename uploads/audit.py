"""The activity log of each upload: one AuditEvent per thing a person or the worker did.

Actions (stable strings, shown to admins): uploaded, mapping_chosen, cell_edited,
bulk_set, bulk_replace, bulk_map, bulk_exclude, bulk_include, bulk_delete, undone,
read_again, submitted, approved, sent_back, withdrawn, marked_sent_elsewhere, batch_sent,
finished, report_downloaded, purged.
"""

from uploads.models import AuditEvent, Upload


def record(upload: Upload | None, user, action: str, **details) -> AuditEvent:
    """Store one event; `user` None means the system (the worker, a scheduled job).

    `details` must be JSON-serialisable and must never hold a secret or a comment's text.
    """
    actor = user if user is not None and getattr(user, "is_authenticated", False) else None
    return AuditEvent.objects.create(upload=upload, user=actor, action=action, details=details)


def events_for(upload: Upload) -> list[AuditEvent]:
    """The upload's events, newest first, with their users loaded."""
    return list(upload.events.select_related("user").order_by("-at", "-id"))
