"""From an uploaded file to stored, checked rows; and re-checking every row after a new mapping
(one edited row is re-checked by `rowcheck`).

The one path shared by the pages and `import_csat`: read the file and choose its column mapping
(`reading`), check every row (`validation`), store the upload and its rows.

Rows are written in chunks of CHUNK, each chunk in its own short transaction,
so no write lock is held for long (on SQLite one writer at a time: a minutes-long
transaction made other users' logins and the delivery workers' result writes fail
with "database is locked"). Meanwhile the upload is "reading" (new rows arrive)
or "checking" (rows get new results): not editable, not submittable, its mapping
the one its finished rows were checked with. The last short transaction switches
mapping and status together. A run that died half-way leaves the upload in that
state until `recover_upload` redoes the work (see `stale_uploads`).
"""

import logging
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from uploads import access, cells, mapping, parsing, reportlink, validation, zones
from uploads.models import Row, Upload
from uploads.reading import IntakeError, ReadOptions, choose_zone, mapping_notices, read_file
from uploads.rowstore import (
    CHECKED_FIELDS,
    CHUNK,
    checked_values,
    chunks,
    execute,
    mark_prior,
)

log = logging.getLogger(__name__)


def create_upload(owner, path: Path, filename: str, options: ReadOptions) -> Upload:
    """Read, check and store a new upload with all its rows (in chunks, see the module); raises IntakeError.
    Naive times are read in the zone `choose_zone` gives. An error report of an upload `owner` can
    see is read as that upload was (uploads/reportlink.py), unless options.preset names a mapping.
    (`import_csat --dry-run` stores nothing and has no uploader, so it reads a report as any file.)"""
    options.owner = owner
    sheet, preset, reason = read_file(path, filename, options)
    if options.preset is None and (source := reportlink.origin(owner, filename, sheet)) is not None:
        preset, reason, options.time_zone = reportlink.follow(source, sheet, options.time_zone)
    options.time_zone = choose_zone(options.time_zone, preset)
    checked = _check(sheet, preset, options.time_zone)
    with transaction.atomic():
        upload = Upload(owner=owner, team=access.team_for(owner), filename=filename,
                        status=Upload.Status.READING, heartbeat_at=timezone.now(), lease=secrets.token_hex(8))
        with path.open("rb") as handle:
            upload.file.save(filename, File(handle), save=False)
        _set_sheet(upload, sheet, preset, reason, options.time_zone, checked)
        upload.save()
    _insert_rows(upload, sheet, checked.rows)
    _finish(upload)
    return upload


# How an upload's preset_reason starts when the user set its mapping (fixes.remap_upload, fixes.apply_preset,
# reading's preset chosen at upload)
USER_MAPPING = ("changed by you", "applied by you", "chosen by you")


def reread_upload(upload: Upload, options: ReadOptions) -> str:
    """Read the stored original file again with the user's overrides (encoding, delimiter,
    header row, sheet) and replace every row; edits are dropped. A mapping the user set (USER_MAPPING: its
    columns, scale, date order) is kept when the file read this way has every column it reads (QA round 71c: a 0..10
    scale and an unmapped comment were silently undone). Returns a sentence saying whether it was kept, or "".

    The old rows are deleted, then the new ones inserted, chunk by chunk while the upload
    is "reading" (see the module). Raises IntakeError.
    """
    _claim(upload, Upload.Status.READING, "This upload was submitted; it can no longer be read again.")
    note = ""
    try:
        options.time_zone = options.time_zone or upload.time_zone
        sheet, preset, reason = _read_stored(upload, options)
        source = reportlink.origin(upload.owner, upload.filename, sheet) if options.preset is None else None
        if source is not None and source.pk != upload.pk:
            preset, reason, options.time_zone = reportlink.follow(source, sheet, options.time_zone)
        elif options.preset is None and upload.preset and upload.preset_reason.startswith(USER_MAPPING):
            own = mapping.Preset.from_json(upload.preset)
            lacking = sorted(reportlink.read_columns(own, upload.columns) - set(sheet.columns))
            if lacking:
                note = (f"Your mapping was not kept, as the file read this way has no column "
                        f"{' or '.join(map(repr, lacking[:3]))}: the columns were found again; check them below.")
            else:
                preset, reason = mapping.resolve(own, sheet), upload.preset_reason
                note = "Your mapping (its columns, scale and date order) was kept."
        checked = _check(sheet, preset, options.time_zone)
    except BaseException:
        _finish(upload)  # nothing written yet
        raise
    _replace_rows(upload, sheet, preset, reason, options.time_zone, checked)
    return note


def _read_stored(upload: Upload, options: ReadOptions) -> tuple[parsing.Sheet, mapping.Preset, str]:
    try:
        with upload.file.open("rb") as handle:
            data = handle.read()
    except (ValueError, OSError):
        raise IntakeError(["The original file is no longer kept; upload it again to read it differently."]) from None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(data)
        options.owner = options.owner or upload.owner
        return read_file(path, upload.filename, options)


def _replace_rows(upload: Upload, sheet, preset, reason: str, time_zone: str, checked) -> None:
    """Delete the upload's rows, then store `sheet`'s (the upload is "reading")."""
    ids = list(upload.rows.values_list("id", flat=True))
    for chunk in chunks(ids, CHUNK):
        with transaction.atomic():
            _heartbeat(upload)
            Row.objects.filter(id__in=chunk).delete()
    with transaction.atomic():
        _heartbeat(upload)
        _set_sheet(upload, sheet, preset, reason, time_zone, checked)
        upload.save(update_fields=["file_format", "encoding", "delimiter", "header_row", "sheet_name", "columns",
                                   "sheet_meta", "notices", *_MAPPING_FIELDS])
    _insert_rows(upload, sheet, checked.rows)
    _finish(upload)


# What a mapping change stores on the upload (with its rows' results).
_MAPPING_FIELDS = ["preset", "preset_name", "preset_reason", "time_zone", "check_context", "decisions"]


def _check(sheet: parsing.Sheet, preset: mapping.Preset, time_zone: str,
           excluded: set[int] = frozenset()) -> validation.CheckResult:
    """check_sheet (`excluded` row numbers lend other rows nothing), then duplicates marked within the sheet."""
    checked = validation.check_sheet(sheet, preset, time_zone=time_zone, excluded=excluded)
    validation.mark_duplicates(checked.rows)
    return checked


def _set_sheet(upload: Upload, sheet: parsing.Sheet, preset: mapping.Preset, reason: str, time_zone: str,
               checked: validation.CheckResult) -> None:
    """Copy what reading and checking decided onto `upload` (not saved)."""
    upload.file_format, upload.encoding = sheet.format, sheet.encoding or ""
    upload.delimiter, upload.header_row = sheet.delimiter or "", sheet.header_row
    upload.sheet_name, upload.columns = sheet.sheet_name or "", sheet.columns
    upload.sheet_meta = _sheet_meta(sheet)
    _set_mapping(upload, preset, reason, time_zone, checked, sheet)
    upload.notices = [*sheet.notices, *upload.check_context["mapping_notices"]]


def _set_mapping(upload: Upload, preset: mapping.Preset, reason: str, time_zone: str,
                 checked: validation.CheckResult, sheet: parsing.Sheet) -> None:
    """The mapping's fields on `upload` (not saved); its check context keeps the notices the mapping gave
    (mapping_notices), which a new mapping replaces."""
    limit = Upload._meta.get_field("preset_reason").max_length  # a file of many long headers names them all
    upload.preset, upload.preset_name = preset.to_json(), preset.name
    upload.preset_reason = cells.shortened(reason, limit)
    upload.time_zone, upload.decisions = time_zone, checked.decisions
    upload.check_context = {**checked.context, "mapping_notices": mapping_notices(sheet, preset)}


# A new row's other columns (the models' defaults).
_NEW_ROW = {"edits": {}, "include_anyway": False, "excluded": False, "result": Row.Result.NONE,
            "maestro_id": "", "result_message": "", "batch": None}


def _insert_rows(upload: Upload, sheet: parsing.Sheet, results: list) -> None:
    """Insert one row per sheet row with its result, CHUNK rows per transaction (the upload is "reading")."""
    # Raw INSERT: every column that has only a model default is given here.
    names = ["upload", "number", "cells", *CHECKED_FIELDS, *_NEW_ROW]
    fresh = list(_NEW_ROW.values())
    with parsing.gc_paused():
        for start in range(0, len(results), CHUNK):
            cells = sheet.rows[start:start + CHUNK]
            values = [checked_values(result, row, excluded=False)
                      for row, result in zip(cells, results[start:start + CHUNK], strict=True)]
            mark_prior(upload, values)
            params = [[upload.pk, value["number"], row, *(value[name] for name in CHECKED_FIELDS), *fresh]
                      for row, value in zip(cells, values, strict=True)]
            with transaction.atomic():
                _heartbeat(upload)
                execute("insert", names, params)


def _sheet_meta(sheet: parsing.Sheet) -> dict:
    """What check_sheet needs besides the cells, keyed by row number so edits keep it."""
    return {
        "sheet_names": sheet.sheet_names,
        "extra_header_rows": sheet.extra_header_rows,
        "declared_time_zones": sheet.declared_time_zones,
        "date_system": sheet.date_system,
        "report_rows": {str(number): original for number, original in sheet.report_rows.items()},
        "cell_notes": [
            [sheet.row_numbers[index], column, note] for (index, column), note in sheet.cell_notes.items()
        ],
    }


def sheet_of(upload: Upload, rows: list[Row]) -> parsing.Sheet:
    """The upload's sheet rebuilt from stored rows, with edits applied."""
    return _sheet(upload, [row.number for row in rows], [row.current_cells for row in rows])


def _sheet(upload: Upload, numbers: list[int], cells: list[list[str]]) -> parsing.Sheet:
    """A sheet of `cells` (current texts) with row `numbers` and what reading kept (sheet_meta)."""
    meta = upload.sheet_meta
    index_of = {number: index for index, number in enumerate(numbers)}
    return parsing.Sheet(
        columns=upload.columns,
        rows=cells,
        row_numbers=numbers,
        header_row=upload.header_row,
        delimiter=upload.delimiter or None,
        extra_header_rows=meta.get("extra_header_rows", []),
        declared_time_zones=meta.get("declared_time_zones", {}),
        date_system=meta.get("date_system", "1900"),
        cell_notes={
            (index_of[number], column): note
            for number, column, note in meta.get("cell_notes", []) if number in index_of
        },
    )


# A reading or checking upload whose rows were last written this long ago is taken as abandoned
# (its process died): a chunk of CHUNK rows takes well under a second.
STALE_SECONDS = 120


def _claim(upload: Upload, status: str, refusal: str) -> None:
    """Move an editable upload to `status` (reading or checking) with a conditional UPDATE;
    raises IntakeError(refusal) when it was submitted, or another reading or check is under way."""
    claimed = Upload.objects.filter(
        pk=upload.pk, status__in=[Upload.Status.NEEDS_FIXES, Upload.Status.READY]
    ).update(status=status, heartbeat_at=timezone.now(), lease=(lease := secrets.token_hex(8)))
    if claimed != 1:
        upload.refresh_from_db(fields=["status"])
        if upload.is_busy:
            raise IntakeError(["The rows of this upload are being checked right now; try again in a minute."])
        raise IntakeError([refusal])
    upload.status, upload.lease = status, lease


def _heartbeat(upload: Upload) -> None:
    """Note that the work on `upload` goes on (inside each chunk's transaction); raises IntakeError
    when this run no longer owns it (its lease changed: `recover_upload` took it over)."""
    owned = Upload.objects.filter(pk=upload.pk, status__in=Upload.BUSY, lease=upload.lease)
    if owned.update(heartbeat_at=timezone.now()) != 1:
        raise IntakeError(["The check of this upload was taken over after a long pause; see its page."])


def _finish(upload: Upload, fields: list[str] = ()) -> None:
    """End reading or checking: save `fields` and set needs_fixes or ready, in one transaction."""
    with transaction.atomic():
        invalid = upload.rows.filter(status=Row.Status.INVALID).exists()
        upload.status = Upload.Status.NEEDS_FIXES if invalid else Upload.Status.READY
        upload.heartbeat_at = None
        updated = Upload.objects.filter(pk=upload.pk, status__in=Upload.BUSY, lease=upload.lease).update(
            status=upload.status, heartbeat_at=None, lease="", **{name: getattr(upload, name) for name in fields})
    if updated != 1:
        raise IntakeError(["The check of this upload was taken over after a long pause; see its page."])


def resolve_preset(upload: Upload, preset: mapping.Preset) -> tuple[mapping.Preset, str, list[str], list[str]]:
    """A saved or imported `preset` resolved against the upload's columns (its first 200 rows), the time
    zone it brings (else the upload's): what remap_upload applies; the fields whose column the preset
    names and the upload lacks (found from the headers instead, or left unmapped); and its splits', rules' and
    clarifying questions' columns the upload lacks (mapping.absent_columns)."""
    sheet = sheet_of(upload, list(upload.rows.order_by("number")[:200]))
    own = mapping.resolve(preset, sheet)
    lacking = [field for field in mapping.FIELDS if field in preset.columns and field not in own.columns
               and not own.splits_into(field)]  # Qualtrics' agent_id from ExternalReference (QA round 71c)
    return (mapping.resolve(preset, sheet, fill=True), preset.time_zone or upload.time_zone, lacking,
            mapping.absent_columns(preset, sheet, fields=False))


def remap_upload(upload: Upload, preset: mapping.Preset, time_zone: str, reason: str = "changed by you") -> None:
    """Apply a changed mapping or time zone to every row, keeping the user's edits.

    The upload is "checking" meanwhile; rows are updated CHUNK at a time, each chunk in its own
    transaction; the last one stores the mapping and the status (see the module). Reads only the
    columns a check needs (no row objects): 200,000 rows take about 13 s (20 s with a new time
    zone) and under 0.4 GB (bench/table.py).
    Raises IntakeError (submitted, or already being checked), ValueError for an unknown time zone.
    """
    zones.get_zone(time_zone)
    _claim(upload, Upload.Status.CHECKING, "This upload was submitted; its mapping can no longer change.")
    try:
        ids, excluded, sheet = _stored_sheet(upload)
        left_out = {number for number, out in zip(sheet.row_numbers, excluded, strict=True) if out}
        checked = _check(sheet, preset, time_zone, left_out)
    except BaseException:
        _finish(upload)  # nothing written yet
        raise
    stale = (upload.check_context or {}).get("mapping_notices")
    if stale is None:  # stored before the notices were kept: the stored mapping's
        stale = mapping_notices(sheet, mapping.Preset.from_json(upload.preset)) if upload.preset else []
    _update_rows(upload, ids, excluded, sheet.rows, checked.rows)
    _set_mapping(upload, preset, reason, time_zone, checked, sheet)
    upload.notices = [notice for notice in upload.notices if notice not in stale] + upload.check_context[
        "mapping_notices"]
    _finish(upload, [*_MAPPING_FIELDS, "notices"])


def _stored_sheet(upload: Upload) -> tuple[list[int], list[bool], parsing.Sheet]:
    """The upload's row ids, excluded flags and sheet (edits applied), read CHUNK rows at a time."""
    ids, excluded, numbers, cells = [], [], [], []
    query = upload.rows.order_by("number").values_list("id", "excluded", "number", "cells", "edits")
    with parsing.gc_paused():
        for pk, left_out, number, row, edits in query.iterator(CHUNK):
            for index, text in edits.items():
                row[int(index)] = text
            ids.append(pk)
            excluded.append(left_out)
            numbers.append(number)
            cells.append(row)
    return ids, excluded, _sheet(upload, numbers, cells)


def _update_rows(upload: Upload, ids: list[int], excluded: list[bool], cells: list[list[str]], results) -> None:
    """Write each row's new result, CHUNK rows per transaction (the upload is "checking")."""
    with parsing.gc_paused():
        for start in range(0, len(ids), CHUNK):
            values = [checked_values(result, row, left_out) for result, row, left_out in zip(
                results[start:start + CHUNK], cells[start:start + CHUNK], excluded[start:start + CHUNK], strict=True)]
            mark_prior(upload, values)
            params = [[value[name] for name in CHECKED_FIELDS] + [pk]
                      for value, pk in zip(values, ids[start:start + CHUNK], strict=True)]
            with transaction.atomic():
                _heartbeat(upload)
                execute("update", CHECKED_FIELDS, params)


def stale_uploads() -> list[int]:
    """Ids of uploads reading or checking whose last chunk was written over STALE_SECONDS ago (the run died)."""
    stale = timezone.now() - timedelta(seconds=STALE_SECONDS)
    return list(Upload.objects.filter(status__in=Upload.BUSY, heartbeat_at__lt=stale).values_list("pk", flat=True))


def recover_upload(upload_id: int) -> None:
    """Finish a reading or check whose run died, so the upload is whole again (needs fixes or ready).

    Takes it over with a new lease (a conditional UPDATE: one recovery, and the old run, should it
    wake up, stops at its next chunk). A check is redone under the stored mapping (the one every
    row had before the change that did not finish); a reading reads the stored file again with the
    stored reading choices. Does nothing when the upload is no longer stale. Raises IntakeError
    when the stored file is gone (the upload then stays "reading").
    """
    stale = timezone.now() - timedelta(seconds=STALE_SECONDS)
    lease = secrets.token_hex(8)
    if Upload.objects.filter(pk=upload_id, status__in=Upload.BUSY, heartbeat_at__lt=stale).update(
            heartbeat_at=timezone.now(), lease=lease) != 1:
        return
    upload = Upload.objects.get(pk=upload_id)
    log.warning("upload %s: %s stopped half-way, redone", upload.pk, upload.get_status_display().lower())
    if upload.status == Upload.Status.CHECKING:
        ids, excluded, sheet = _stored_sheet(upload)
        checked = _check(sheet, mapping.Preset.from_json(upload.preset), upload.time_zone)
        _update_rows(upload, ids, excluded, sheet.rows, checked.rows)
        _finish(upload)
        return
    options = ReadOptions(time_zone=upload.time_zone, encoding=upload.encoding or None,
                          delimiter=upload.delimiter or None, header_row=upload.header_row,
                          sheet=upload.sheet_name or None)
    sheet, preset, reason = _read_stored(upload, options)
    _replace_rows(upload, sheet, preset, reason, upload.time_zone, _check(sheet, preset, upload.time_zone))
