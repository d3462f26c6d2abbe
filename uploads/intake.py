"""From an uploaded file to stored, checked rows; and re-checking after a change.

The one path shared by the pages and `import_csat`: parse the file
(`parsing`), choose a column mapping (`mapping`), check every row
(`validation`), store the upload and its rows in one transaction.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction

from uploads import mapping, parsing, validation
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
            header_row=options.header_row, sheet=options.sheet, limits=limits,
        )
    except parsing.ParseError as exc:
        raise IntakeError(exc.messages) from None
    if not sheet.rows:
        raise IntakeError(["The file has a header row but no data rows."])
    if options.preset is not None:
        preset, reason = mapping.resolve(options.preset, sheet, fill=True), f"chosen by you: {options.preset.name}"
    else:
        preset, reason = mapping.choose_preset(sheet, mapping.builtin_presets())
    if not preset.columns.get("ticket_id") and not preset.splits_into("ticket_id"):
        raise IntakeError([
            "No column could be a ticket id (looked for headers such as 'ticket_id', "
            "'Ticket number', 'Conversation ID'). Rename the column or choose it on the mapping page."
        ])
    return sheet, preset, reason


def default_time_zone() -> str:
    """The zone for naive timestamps when the user picks none (UPLOAD_DEFAULT_TIME_ZONE)."""
    return settings.UPLOAD_DEFAULT_TIME_ZONE


def create_upload(owner, path: Path, filename: str, options: ReadOptions) -> Upload:
    """Read, check and store a new upload with all its rows; raises IntakeError."""
    options.time_zone = options.time_zone or default_time_zone()
    sheet, preset, reason = read_file(path, filename, options)
    checked = validation.check_sheet(sheet, preset, time_zone=options.time_zone)
    validation.mark_duplicates(checked.rows)
    with transaction.atomic():
        upload = Upload(
            owner=owner, filename=filename, file_format=sheet.format,
            encoding=sheet.encoding or "", delimiter=sheet.delimiter or "",
            header_row=sheet.header_row, sheet_name=sheet.sheet_name or "",
            columns=sheet.columns, sheet_meta=_sheet_meta(sheet), notices=list(getattr(sheet, "notices", [])),
            preset_name=preset.name, preset=preset.to_json(), preset_reason=reason,
            time_zone=options.time_zone, check_context=checked.context, decisions=checked.decisions,
        )
        with path.open("rb") as handle:
            upload.file.save(filename, File(handle), save=False)
        upload.save()
        Row.objects.bulk_create(
            (_row_from_result(upload, cells, result) for cells, result in zip(sheet.rows, checked.rows)),
            batch_size=2000,
        )
        refresh_status(upload)
    return upload


def _row_from_result(upload: Upload, cells: list[str], result) -> Row:
    row = Row(upload=upload, number=result.row_number, cells=cells)
    _apply_result(row, result)
    return row


def _apply_result(row: Row, result) -> None:
    row.status = result.status
    row.item = result.item
    row.item_key = item_key(result.item) if result.item else ""
    row.errors = [problem.to_json() for problem in result.errors]
    row.warnings = [problem.to_json() for problem in result.warnings]
    row.note = result.skip_reason or (
        f"identical to row {result.duplicate_of} in every mapped field" if result.duplicate_of else ""
    )


def _sheet_meta(sheet: parsing.Sheet) -> dict:
    """What check_sheet needs besides the cells, keyed by row number so edits keep it."""
    return {
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
        raise IntakeError([f"There is no column {column + 1} in this upload."])
    with transaction.atomic():
        old_key = row.item_key
        if text == row.cells[column]:
            row.edits.pop(str(column), None)
        else:
            row.edits[str(column)] = text
        recheck_row(row)
        changed = [row] + _settle_duplicates(upload, {old_key, row.item_key} - {""})
        refresh_status(upload)
    return changed


def recheck_row(row: Row) -> None:
    """Check a row's current cells again under its upload's mapping and save it."""
    upload = row.upload
    result = validation.check_row(
        row.current_cells, row.number, upload.columns, mapping.Preset.from_json(upload.preset),
        upload.check_context, time_zone=upload.time_zone,
    )
    _apply_result(row, result)
    row.save(update_fields=["edits", "status", "item", "item_key", "errors", "warnings", "note"])


def _settle_duplicates(upload: Upload, keys: set[str]) -> list[Row]:
    """Within each item key, the first row is valid and later ones duplicates."""
    changed = []
    for key in keys:
        group = Row.objects.filter(
            upload=upload, item_key=key, status__in=[Row.Status.VALID, Row.Status.DUPLICATE]
        ).order_by("number")
        first = None
        for member in group:
            status, note = (Row.Status.VALID, "") if first is None else (
                Row.Status.DUPLICATE, f"identical to row {first.number} in every mapped field"
            )
            first = first or member
            if (member.status, member.note) != (status, note):
                member.status, member.note = status, note
                member.save(update_fields=["status", "note"])
                changed.append(member)
    return changed


def refresh_status(upload: Upload) -> None:
    """needs_fixes while any row is invalid, else ready (only before submission)."""
    if not upload.is_editable:
        return
    invalid = upload.rows.filter(status=Row.Status.INVALID).exists()
    upload.status = Upload.Status.NEEDS_FIXES if invalid else Upload.Status.READY
    upload.save(update_fields=["status"])


def remap_upload(upload: Upload, preset: mapping.Preset, time_zone: str) -> None:
    """Apply a changed mapping or time zone to every row, keeping the user's edits."""
    if not upload.is_editable:
        raise IntakeError(["This upload was submitted; its mapping can no longer change."])
    rows = list(upload.rows.all())
    sheet = sheet_of(upload, rows)
    checked = validation.check_sheet(sheet, preset, time_zone=time_zone)
    validation.mark_duplicates(checked.rows)
    with transaction.atomic():
        for row, result in zip(rows, checked.rows):
            _apply_result(row, result)
        Row.objects.bulk_update(
            rows, ["status", "item", "item_key", "errors", "warnings", "note"], batch_size=2000
        )
        upload.preset, upload.preset_name = preset.to_json(), preset.name
        upload.time_zone, upload.check_context = time_zone, checked.context
        upload.decisions = checked.decisions
        upload.save(update_fields=["preset", "preset_name", "time_zone", "check_context", "decisions"])
        refresh_status(upload)
