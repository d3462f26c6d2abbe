"""Retention: after RETENTION_DAYS, an upload's file and its comments are deleted.

What goes: the uploaded file; every comment cell (the columns mapped to
`comment`, clarifying comments, and any column whose header says "comment"),
in the cells as read and in the edits; `comment` in each stored item and in
its clarifying answers; the undo history of cell edits (it holds old texts).
What stays: the upload, its rows and numbers, statuses, counts, MaestroQA ids,
results, batches, attempts and the activity log.
"""

import logging
import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from uploads import audit
from uploads.models import Row, Upload

log = logging.getLogger(__name__)
COMMENT_HEADER = re.compile(r"comment", re.IGNORECASE)


def comment_columns(upload: Upload) -> list[int]:
    """Indexes of the upload's columns that hold comments."""
    names: set[str] = set()
    for spec in [upload.preset.get("columns", {}).get("comment")] + [
        group.get("comment") for group in upload.preset.get("clarifying", []) if isinstance(group, dict)
    ]:
        names.update([spec] if isinstance(spec, str) else spec or [])
    return [i for i, name in enumerate(upload.columns) if name in names or COMMENT_HEADER.search(name)]


def _strip_item(item: dict | None) -> dict | None:
    if not item:
        return item
    item = {key: value for key, value in item.items() if key != "comment"}
    if isinstance(item.get("clarifying_answers"), list):
        item["clarifying_answers"] = [
            {k: v for k, v in answer.items() if k != "comment"} if isinstance(answer, dict) else answer
            for answer in item["clarifying_answers"]
        ]
    return item


def purge_upload(upload: Upload) -> int:
    """Delete `upload`'s file and comments (see the module docstring); returns rows changed."""
    columns = comment_columns(upload)
    changed = []
    for row in upload.rows.all().iterator(chunk_size=2000):
        cells = [("" if i in columns else text) for i, text in enumerate(row.cells)]
        edits = {key: text for key, text in row.edits.items() if int(key) not in columns}
        item = _strip_item(row.item)
        if (cells, edits, item) != (row.cells, row.edits, row.item):
            row.cells, row.edits, row.item = cells, edits, item
            changed.append(row)
    with transaction.atomic():
        Row.objects.bulk_update(changed, ["cells", "edits", "item"], batch_size=2000)
        upload.changes.update(before=[])
        Upload.objects.filter(pk=upload.pk).update(purged_at=timezone.now())
    if upload.file:
        upload.file.delete(save=False)
        Upload.objects.filter(pk=upload.pk).update(file="")
    audit.record(upload, None, "purged", rows=len(changed))
    return len(changed)


def purge_old_uploads(now=None) -> int:
    """Purge every upload older than RETENTION_DAYS not purged yet, except one being delivered.

    Returns the number of uploads purged. Safe to run as often as wanted.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.RETENTION_DAYS)
    due = Upload.objects.filter(created_at__lt=cutoff, purged_at__isnull=True).exclude(
        status__in=[Upload.Status.QUEUED, Upload.Status.SENDING, Upload.Status.RATE_LIMITED, Upload.Status.PAUSED]
    )
    count = 0
    for upload in due.iterator():
        purge_upload(upload)
        count += 1
    log.info("retention: purged %d upload(s) older than %d days", count, settings.RETENTION_DAYS)
    return count
