"""One row changed (a cell edited, a row left out or put back): check it again, with the rows of its
response in a long export and the rows sharing its item, and settle the upload's status.

The same rules as reading the whole file (`validation.check_row` with the decisions stored in the
upload's check context); the path of `fixes`, whose steps (edit, bulk fix, undo) all end here.
"""

from django.db import transaction

from uploads import mapping, validation
from uploads.intake import IntakeError, sheet_of
from uploads.models import Row, Upload
from uploads.rowstore import CHECKED_FIELDS, PRIOR_NOTES, apply_result, chunks, mark_sent_before, save_rows


def edit_cell(row: Row, column: int, text: str) -> list[Row]:
    """Set one cell's text, re-check the row and its duplicates; returns every row that changed.

    After a delivery, only rows whose result is failed can be edited (to resend them).
    Raises IntakeError when the row can no longer be edited or the column does not exist.
    """
    upload = row.upload
    if upload.fixes_failed_rows and row.result != Row.Result.FAILED:
        raise IntakeError(["After a delivery, only rows that failed at MaestroQA can be edited."])
    if not (upload.is_editable or upload.fixes_failed_rows):
        raise IntakeError([f"This upload is {upload.get_status_display().lower()}; it can no longer be edited."])
    if not 0 <= column < len(upload.columns):
        raise IntakeError([f"There is no column {column} in this upload (columns are numbered from 0)."])
    with transaction.atomic():
        old_key = row.item_key
        if text == row.cells[column]:
            row.edits.pop(str(column), None)
        else:
            row.edits[str(column)] = text
        changed = regather(upload, [row])
        for member in changed:
            recheck_row(member)
        changed += settle_duplicates(upload, ({old_key} | {member.item_key for member in changed}) - {""})
        refresh_status(upload)
    return changed


def regather(upload: Upload, touched: list[Row]) -> list[Row]:
    """The rows to check again after `touched` changed (edited, excluded or included, restored; not yet
    re-checked, unsaved changes kept): `touched`, plus, in a long export (preset comment_rows), every
    row of a response whose gathered comments changed. Those comments (excluded rows left out) are
    stored in the upload's check context first, so the re-check sees them."""
    preset = mapping.Preset.from_json(upload.preset)
    if preset.comment_rows is None:
        return list(touched)
    mine = {row.pk: row for row in touched}
    rows = [mine.get(row.pk, row) for row in upload.rows.order_by("number")]
    by, now = validation.gathered_comments(sheet_of(upload, [row for row in rows if not row.excluded]), preset)
    before = upload.check_context.get("gathered_comments", {})
    responses = {key for key in set(before) | set(now) if before.get(key) != now.get(key)}
    if by is None or not responses:
        return list(touched)
    upload.check_context = {**upload.check_context, "gathered_comments": now}
    upload.save(update_fields=["check_context"])
    return list(touched) + [row for row in rows if row.pk not in mine and row.current_cells[by].strip() in responses]


def recheck_row(row: Row) -> None:
    """Check a row's current cells again under its upload's mapping and save it."""
    upload = row.upload
    result = validation.check_row(
        row.current_cells, row.number, upload.columns, mapping.Preset.from_json(upload.preset),
        upload.check_context, time_zone=upload.time_zone,
    )
    apply_result(row, result)
    mark_sent_before(upload, [row])
    row.save(update_fields=["edits", *CHECKED_FIELDS])


def settle_duplicates(upload: Upload, keys: set[str]) -> list[Row]:
    """Within each item key the first valid row stays valid and later ones are duplicates; returns the rows changed.

    Rows marked as sent by an earlier upload (PRIOR_NOTES) keep that mark.
    """
    changed = []
    for chunk in chunks(sorted(keys), 500):
        # Filter on the keys alone so SQLite uses the (upload, item_key) index; statuses are checked here.
        group = Row.objects.filter(upload=upload, item_key__in=chunk).order_by().only(
            "id", "number", "item_key", "status", "note")
        first: dict[str, int] = {}
        for member in sorted(group, key=lambda row: row.number):
            if member.status not in (Row.Status.VALID, Row.Status.DUPLICATE) or member.note.startswith(PRIOR_NOTES):
                continue
            number = first.setdefault(member.item_key, member.number)
            status, note = (Row.Status.VALID, "") if number == member.number else (
                Row.Status.DUPLICATE, f"identical to row {number} in every mapped field")
            if (member.status, member.note) != (status, note):
                member.status, member.note = status, note
                changed.append(member)
    save_rows(changed, ["status", "note"])
    return changed


def refresh_status(upload: Upload) -> None:
    """needs_fixes while any row is invalid, else ready (only before submission)."""
    if not upload.is_editable:
        return
    invalid = upload.rows.filter(status=Row.Status.INVALID).exists()
    upload.status = Upload.Status.NEEDS_FIXES if invalid else Upload.Status.READY
    upload.save(update_fields=["status"])
