"""An error report of ours uploaded again, linked to the upload it came from.

The report's file name (`errors-12-<name>.csv`, reports.report_filename; any extension, since
it may come back saved as XLSX) names that upload. When the uploader may see it and its columns
are the report's, the report is read as that upload was: with its column mapping (hand-made
changes included), its time zone (unless the uploader chose one) and its date order. Each row
keeps its number there (Sheet.report_rows, shown as "was 19"), and an id whose leading zeros a
spreadsheet program dropped ("000125" back as "125": shared/formats/EXPORT-FORMATS.md section 13)
gets a warning naming the original text.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from django.contrib.auth.base_user import AbstractBaseUser

from uploads import access, mapping, parsing
from uploads.models import Upload

_REPORT_NAME = re.compile(r"errors-(\d{1,12})-", re.IGNORECASE)
ID_FIELDS = ("ticket_id", "agent_id")


def origin(owner: AbstractBaseUser, filename: str, sheet: parsing.Sheet) -> Upload | None:
    """The upload the error report `sheet` (read from `filename`) came from, or None when the
    name does not say, `owner` may not see it, or its columns differ from the report's."""
    found = _REPORT_NAME.match(PurePath(filename).name)
    if not found or not sheet.report_rows:
        return None
    upload = access.visible_uploads(owner).filter(pk=int(found[1])).first()
    return upload if upload is not None and upload.columns == sheet.columns else None


def follow(source: Upload, sheet: parsing.Sheet, time_zone: str) -> tuple[mapping.Preset, str, str]:
    """(preset, why, time zone) to read the report `sheet` with, as `source` was read: its resolved
    mapping, and its zone unless the uploader chose `time_zone`. Adds the lost-zero notes and a notice."""
    preset = mapping.Preset.from_json(source.preset)
    zone = time_zone or source.time_zone
    lost = _note_lost_zeros(source, sheet, preset)
    sheet.notices.append(
        f"Read as upload #{source.pk} ({source.filename}) was, whose error report this is: its mapping and "
        f"times in {zone}" + ("" if time_zone else " (choose another zone on the mapping page)") + "."
        + (f" {lost:,} id{'s' if lost > 1 else ''} lost {'their' if lost > 1 else 'its'} leading zeros since: "
           "each such row has a warning." if lost else ""))
    return preset, f"the mapping of upload #{source.pk}, whose error report this is", zone


def _note_lost_zeros(source: Upload, sheet: parsing.Sheet, preset: mapping.Preset) -> int:
    """Add a cell note to each id cell that reads as its original text in `source` without the
    leading zeros; returns how many."""
    positions = [sheet.columns.index(column) for field in ID_FIELDS
                 if isinstance(column := preset.columns.get(field), str) and column in sheet.columns]
    if not positions:
        return 0
    originals = {row.number: row.current_cells
                 for row in source.rows.filter(number__in=set(sheet.report_rows.values())).only("number", "cells",
                                                                                                 "edits")}
    lost = 0
    for index, number in enumerate(sheet.row_numbers):
        before = originals.get(sheet.report_rows.get(number, -1))
        for position in positions if before else []:
            now, was = sheet.rows[index][position].strip(), before[position].strip()
            if now and was != now and was.startswith("0") and was.lstrip("0") == now:
                sheet.cell_notes.setdefault((index, position), (
                    f"it was {was} in upload #{source.pk} (row {sheet.report_rows[number]}): a spreadsheet program "
                    f"dropped its leading zeros. Enter {was} if that is the id"))
                lost += 1
    return lost
