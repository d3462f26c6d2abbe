"""From an uploaded file to stored, checked rows; and re-checking after a change.

The one path shared by the pages and `import_csat`: parse the file
(`parsing`), choose a column mapping (`mapping`), check every row
(`validation`), store the upload and its rows in one transaction.
"""

import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import connection, transaction

from uploads import access, mapping, objectcells, parsing, reports, saved_presets, validation
from uploads.models import Row, Upload


class IntakeError(Exception):
    """The file cannot become an upload; `messages` are sentences for the user."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


@dataclass
class ReadOptions:
    """What the user may override when reading a file (None means detect)."""

    time_zone: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None
    sheet: str | None = None
    preset: mapping.Preset | None = None


def read_file(path: Path, filename: str, options: ReadOptions) -> tuple[parsing.Sheet, mapping.Preset, str]:
    """Parse `path` and pick its mapping: (sheet, preset, why this preset).

    Raises IntakeError for a file that is not a readable spreadsheet, has no
    data row, or has no column that could hold a ticket id.
    """
    limits = parsing.Limits(max_bytes=settings.UPLOAD_MAX_BYTES, max_rows=settings.UPLOAD_MAX_ROWS)
    try:
        sheet = parsing.parse_file(
            path, filename, encoding=options.encoding, delimiter=options.delimiter,
            header_row=options.header_row, sheet=options.sheet, limits=limits, header_score=mapping.header_score,
        )
    except parsing.ParseError as exc:
        raise IntakeError(exc.messages) from None
    _strip_report_columns(sheet)
    objectcells.expand_object_columns(sheet)
    if not sheet.rows:
        raise IntakeError(["The file has a header row but no data rows."])
    if options.preset is not None:
        preset, reason = mapping.resolve(options.preset, sheet, fill=True), f"chosen by you: {options.preset.name}"
    else:
        preset, reason = mapping.choose_preset(sheet, saved_presets.all_presets())
    if not preset.columns.get("ticket_id") and not preset.splits_into("ticket_id"):
        raise IntakeError([
            "No column could be a ticket id (looked for headers such as 'ticket_id', "
            "'Ticket number', 'Conversation ID'). Rename the column that holds the ticket id to "
            "'Ticket ID' and upload the file again.", parsing.where_read(sheet),
        ])
    return sheet, preset, reason


def _strip_report_columns(sheet: parsing.Sheet) -> None:
    """An error report of ours uploaded again: drop its row/status/reason columns, undo its apostrophes."""
    sheet.columns, sheet.rows, was_report = reports.strip_report_columns(
        sheet.columns, sheet.rows, text_format=sheet.format == "csv"
    )
    if was_report:
        width = len(sheet.columns)
        sheet.extra_header_rows = [row[:width] for row in sheet.extra_header_rows]
        sheet.notices.append("This is an error report from the portal: its row, status and reason columns were left out.")


def default_time_zone() -> str:
    """The zone for naive timestamps when the user picks none (UPLOAD_DEFAULT_TIME_ZONE)."""
    return settings.UPLOAD_DEFAULT_TIME_ZONE


def create_upload(owner, path: Path, filename: str, options: ReadOptions) -> Upload:
    """Read, check and store a new upload with all its rows; raises IntakeError."""
    options.time_zone = options.time_zone or default_time_zone()
    sheet, preset, reason = read_file(path, filename, options)
    with transaction.atomic():
        upload = Upload(owner=owner, team=access.team_for(owner), filename=filename)
        with path.open("rb") as handle:
            upload.file.save(filename, File(handle), save=False)
        _store_sheet(upload, sheet, preset, reason, options.time_zone)
    return upload


def reread_upload(upload: Upload, options: ReadOptions) -> None:
    """Read the stored original file again with the user's overrides (encoding, delimiter,
    header row, sheet) and replace every row; edits are dropped. Raises IntakeError."""
    if not upload.is_editable:
        raise IntakeError(["This upload was submitted; it can no longer be read again."])
    options.time_zone = options.time_zone or upload.time_zone
    try:
        with upload.file.open("rb") as handle:
            data = handle.read()
    except (ValueError, OSError):
        raise IntakeError(["The original file is no longer kept; upload it again to read it differently."]) from None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(data)
        sheet, preset, reason = read_file(path, upload.filename, options)
    with transaction.atomic():
        upload.rows.all().delete()
        _store_sheet(upload, sheet, preset, reason, options.time_zone)


def _store_sheet(upload: Upload, sheet: parsing.Sheet, preset: mapping.Preset, reason: str, time_zone: str) -> None:
    """Check every row of `sheet` and save them with what reading decided (inside a transaction)."""
    checked = validation.check_sheet(sheet, preset, time_zone=time_zone)
    validation.mark_duplicates(checked.rows)
    upload.file_format, upload.encoding = sheet.format, sheet.encoding or ""
    upload.delimiter, upload.header_row = sheet.delimiter or "", sheet.header_row
    upload.sheet_name, upload.columns = sheet.sheet_name or "", sheet.columns
    upload.sheet_meta, upload.notices = _sheet_meta(sheet), list(sheet.notices)
    upload.preset_name, upload.preset, upload.preset_reason = preset.name, preset.to_json(), reason
    upload.time_zone, upload.check_context = time_zone, checked.context
    upload.decisions = checked.decisions
    upload.save()
    rows = [_row_from_result(upload, cells, result) for cells, result in zip(sheet.rows, checked.rows, strict=True)]
    mark_sent_before(upload, rows)
    Row.objects.bulk_create(rows, batch_size=2000)
    refresh_status(upload)


def _row_from_result(upload: Upload, cells: list[str], result) -> Row:
    row = Row(upload=upload, number=result.row_number, cells=cells)
    apply_result(row, result)
    return row


# Rows written or read per database round trip in bulk work.
CHUNK = 2000
# Fields a re-check writes; callers pass them to save()/bulk_update().
CHECKED_FIELDS = ["status", "item", "item_key", "errors", "warnings", "note",
                  "error_kinds", "warning_kinds", "has_warning", "search_text", "match_key", "item_score", "item_day"]
PRIOR_NOTE = "already created in MaestroQA"


def apply_result(row: Row, result) -> None:
    """Copy a validation.RowResult onto `row` (not saved): status (excluded stays excluded), item,
    problems, and the denormalised columns the table filters on (CHECKED_FIELDS)."""
    row.status = Row.Status.EXCLUDED if row.excluded else result.status
    row.item = result.item
    row.item_key = item_key(result.item) if result.item else ""
    row.errors = [problem.to_json() for problem in result.errors]
    row.warnings = [problem.to_json() for problem in result.warnings]
    row.note = result.skip_reason or (
        f"identical to row {result.duplicate_of} in every mapped field" if result.duplicate_of else ""
    )
    row.error_kinds = _kinds(result.errors)
    row.warning_kinds = _kinds(result.warnings)
    row.has_warning = bool(result.warnings)
    row.search_text = "\x1f".join(row.current_cells).lower()
    row.match_key = match_key(result.item) if result.item else ""
    row.item_score = (result.item or {}).get("score")
    row.item_day = str((result.item or {}).get("submitted_at") or "")[:10]


def _kinds(problems) -> str:
    """' field:code field:code ' (spaces around each, so a LIKE '% score:above_max %' finds one kind)."""
    return (" " + " ".join(sorted({f"{p.field}:{p.code or 'other'}" for p in problems})) + " ") if problems else ""


def match_key(item: dict) -> str:
    """Hash of what makes an item 'the same answer' across uploads: ticket, time, score, agent."""
    agent = item.get("agent_id") or item.get("agent_email") or ""
    parts = [str(item.get(name, "")) for name in ("ticket_id", "submitted_at", "score")] + [agent]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def mark_sent_before(upload: Upload, rows: list[Row]) -> list[Row]:
    """Mark valid rows whose answer an earlier upload already got Created as duplicates (not saved).

    Returns the rows marked. A row the user chose to include anyway keeps its mark
    but is sent (delivery.submit_upload).
    """
    keys = {row.match_key for row in rows if row.match_key and row.status == Row.Status.VALID}
    if not keys:
        return []
    earlier = Row.objects.filter(match_key__in=keys, result=Row.Result.CREATED)
    if upload.pk:
        earlier = earlier.exclude(upload=upload)
    found = {key: (up, number) for key, up, number in earlier.values_list("match_key", "upload_id", "number")}
    marked = []
    for row in rows:
        if row.status == Row.Status.VALID and row.match_key in found:
            up, number = found[row.match_key]
            row.status, row.note = Row.Status.DUPLICATE, f"{PRIOR_NOTE} by upload #{up} (row {number})"
            marked.append(row)
    return marked


def _sheet_meta(sheet: parsing.Sheet) -> dict:
    """What check_sheet needs besides the cells, keyed by row number so edits keep it."""
    return {
        "sheet_names": sheet.sheet_names,
        "extra_header_rows": sheet.extra_header_rows,
        "declared_time_zones": sheet.declared_time_zones,
        "cell_notes": [
            [sheet.row_numbers[index], column, note] for (index, column), note in sheet.cell_notes.items()
        ],
    }


def sheet_of(upload: Upload, rows: list[Row]) -> parsing.Sheet:
    """The upload's sheet rebuilt from stored rows, with edits applied."""
    meta = upload.sheet_meta
    index_of = {row.number: index for index, row in enumerate(rows)}
    return parsing.Sheet(
        columns=upload.columns,
        rows=[row.current_cells for row in rows],
        row_numbers=[row.number for row in rows],
        header_row=upload.header_row,
        extra_header_rows=meta.get("extra_header_rows", []),
        declared_time_zones=meta.get("declared_time_zones", {}),
        cell_notes={
            (index_of[number], column): note
            for number, column, note in meta.get("cell_notes", []) if number in index_of
        },
    )


def item_key(item: dict) -> str:
    """A short hash of an item's canonical JSON: equal items, equal keys."""
    return hashlib.sha1(json.dumps(item, sort_keys=True).encode()).hexdigest()


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
        recheck_row(row)
        changed = [row] + settle_duplicates(upload, {old_key, row.item_key} - {""})
        refresh_status(upload)
    return changed


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

    Rows marked as already created by an earlier upload keep that mark.
    """
    changed = []
    for chunk in chunks(sorted(keys), 500):
        # Filter on the keys alone so SQLite uses the (upload, item_key) index; statuses are checked here.
        group = Row.objects.filter(upload=upload, item_key__in=chunk).order_by().only("id", "number", "item_key", "status", "note")
        first: dict[str, int] = {}
        for member in sorted(group, key=lambda row: row.number):
            if member.status not in (Row.Status.VALID, Row.Status.DUPLICATE) or member.note.startswith(PRIOR_NOTE):
                continue
            number = first.setdefault(member.item_key, member.number)
            status, note = (Row.Status.VALID, "") if number == member.number else (
                Row.Status.DUPLICATE, f"identical to row {number} in every mapped field")
            if (member.status, member.note) != (status, note):
                member.status, member.note = status, note
                changed.append(member)
    save_rows(changed, ["status", "note"])
    return changed


def save_rows(rows: list[Row], names: list[str]) -> None:
    """Write `names` of each row with one prepared UPDATE run for all rows (executemany).

    Django's bulk_update builds a CASE WHEN per field and row: about 9 s for 10,000 rows of
    17 fields here, against well under a second for this.
    """
    if not rows:
        return
    fields = [Row._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    sql = (f"UPDATE {quote(Row._meta.db_table)} SET "
           + ", ".join(f"{quote(field.column)} = %s" for field in fields) + f" WHERE {quote('id')} = %s")
    params = [[field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields] + [row.pk]
              for row in rows]
    with connection.cursor() as cursor:
        for chunk in chunks(params, CHUNK):
            cursor.executemany(sql, chunk)


def chunks(items: list, size: int = 900):
    """`items` in consecutive slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def refresh_status(upload: Upload) -> None:
    """needs_fixes while any row is invalid, else ready (only before submission)."""
    if not upload.is_editable:
        return
    invalid = upload.rows.filter(status=Row.Status.INVALID).exists()
    upload.status = Upload.Status.NEEDS_FIXES if invalid else Upload.Status.READY
    upload.save(update_fields=["status"])


def apply_preset(upload: Upload, preset: mapping.Preset) -> None:
    """Map the upload with `preset` (resolved against its columns), keeping edits; raises IntakeError."""
    resolved = mapping.resolve(preset, sheet_of(upload, list(upload.rows.order_by("number")[:200])), fill=True)
    remap_upload(upload, resolved, preset.time_zone or upload.time_zone, reason=f"applied by you: {preset.name}")


def remap_upload(upload: Upload, preset: mapping.Preset, time_zone: str, reason: str = "changed by you") -> None:
    """Apply a changed mapping or time zone to every row, keeping the user's edits."""
    if not upload.is_editable:
        raise IntakeError(["This upload was submitted; its mapping can no longer change."])
    rows = list(upload.rows.all())
    sheet = sheet_of(upload, rows)
    checked = validation.check_sheet(sheet, preset, time_zone=time_zone)
    validation.mark_duplicates(checked.rows)
    with transaction.atomic():
        for row, result in zip(rows, checked.rows, strict=True):
            apply_result(row, result)
        mark_sent_before(upload, rows)
        Row.objects.bulk_update(rows, CHECKED_FIELDS, batch_size=2000)
        upload.preset, upload.preset_name, upload.preset_reason = preset.to_json(), preset.name, reason
        upload.time_zone, upload.check_context = time_zone, checked.context
        upload.decisions = checked.decisions
        upload.save(update_fields=[
            "preset", "preset_name", "preset_reason", "time_zone", "check_context", "decisions"
        ])
        refresh_status(upload)
