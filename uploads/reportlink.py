"""An error report of ours uploaded again, linked to the upload it came from.

The report's file name (`errors-12-<name>.csv`, reports.report_filename; any extension, since
it may come back saved as XLSX) names that upload. When the uploader may see it, the report is
read as that upload was: with its column mapping (hand-made changes included), its time zone
(unless the uploader chose one) and its date order; a column added in a spreadsheet program
("Checked by") or deleted is named in the notice, with what the mapping read from a deleted one. Each row
keeps its number there (Sheet.report_rows, shown as "was 19"), and an id whose leading zeros a
spreadsheet program dropped ("000125" back as "125": shared/formats/EXPORT-FORMATS.md section 13)
is read as its original text again, with a warning; an id typed into the report is expected with as many
digits as the upload's ids had (their zeros included).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from django.contrib.auth.base_user import AbstractBaseUser

from uploads import access, cells, mapping, parsing
from uploads.dates import ORDER_WORDS
from uploads.headers import as_list
from uploads.models import CREATED_PRIOR_NOTE, Row, Upload

_REPORT_NAME = re.compile(r"errors-(\d{1,12})-", re.IGNORECASE)
ID_FIELDS = ("ticket_id", "agent_id")


def origin(owner: AbstractBaseUser, filename: str, sheet: parsing.Sheet) -> Upload | None:
    """The upload the error report `sheet` (read from `filename`) came from, or None when the
    name does not say or `owner` may not see it. Columns added or deleted since keep the link (QA
    rounds 28b, 30a: a report unlinked by them was read in UTC, and its rows already created were
    no longer recognised, so they would have been sent again)."""
    found = _REPORT_NAME.match(PurePath(filename).name)
    if not found or not sheet.report_rows:
        return None
    return access.visible_uploads(owner).filter(pk=int(found[1])).first()


def sent_again(upload: Upload, user: AbstractBaseUser) -> list[Upload]:
    """The later uploads `user` may see that are `upload`'s error report uploaded again (named errors-<pk>-…),
    oldest first: its page names them, so that its invalid and failed rows are known to be dealt with there (QA
    round 67b W1: the first upload went on asking for fixes made in the second)."""
    return list(access.visible_uploads(user).filter(pk__gt=upload.pk, filename__istartswith=f"errors-{upload.pk}-")
                .order_by("pk"))


_UPLOAD_NUMBER = re.compile(r"upload #(\d+)")


def created_before(upload: Upload, user: AbstractBaseUser) -> tuple[int, list[Upload], int, bool]:
    """(rows of `upload` marked Duplicate because another upload created their answer, the earlier uploads `user`
    may see among those, how many others, whether that one upload is the one `upload` is the error report of): its
    page says the file was uploaded before, so that its invalid rows are not fixed and sent a second time with a
    slightly different value (QA round 70b W1); an error report's rows its own upload created are said as such, no
    mistake of the uploader (QA round 72c)."""
    notes = list(upload.rows.filter(status=Row.Status.DUPLICATE, note__startswith=CREATED_PRIOR_NOTE).values_list(
        "note", flat=True))
    numbers = {int(found[1]) for note in notes if (found := _UPLOAD_NUMBER.search(note))}
    seen = list(access.visible_uploads(user).filter(pk__in=numbers).order_by("pk"))
    report = _REPORT_NAME.match(PurePath(upload.filename).name)
    own = len(seen) == len(numbers) == 1 and report is not None and int(report[1]) == seen[0].pk
    return len(notes), seen, len(numbers) - len(seen), own


def read_columns(preset: mapping.Preset, columns: list[str]) -> set[str]:
    """The headers among `columns` that the resolved `preset` reads: its fields', fallbacks', time
    column's, splits', rules', skip values', long-export and clarifying groups' columns; every one of
    `columns` when a spec is still a pattern ("re:", "label:"), which cannot be checked by name."""
    specs = [*preset.columns.values(), *preset.fallback_columns.values(), preset.time_column,
             *(split.column for split in preset.splits),
             *(rule.column for rule in (*preset.skip_rules, *preset.warn_rules)), *preset.skip_values,
             *(spec for group in preset.clarifying for spec in (group.score, group.comment, group.score_label)),
             *((preset.comment_rows.by, preset.comment_rows.question) if preset.comment_rows else ())]
    names = {name for spec in specs if isinstance(spec, (str, list)) for name in as_list(spec)}
    if any(name.startswith(("re:", "label:")) for name in names):
        return set(columns)
    return names & set(columns)


def follow(source: Upload, sheet: parsing.Sheet, time_zone: str) -> tuple[mapping.Preset, str, str]:
    """(preset, why, time zone) to read the report `sheet` with, as `source` was read: its resolved
    mapping and date order, and its zone unless the uploader chose `time_zone`. Adds the lost-zero notes and a
    notice."""
    preset = mapping.Preset.from_json(source.preset)
    context = source.check_context or {}
    if context.get("padded_ticket_ids"):  # an id typed over in Excel lost its zeros too (QA round 40c)
        preset.ticket_digits = max(preset.ticket_digits, int(context.get("typical_ticket") or 0))
    scale = context.get("score_scale")
    if scale and not context.get("scale_held") and not {"min_score", "max_score"} & preset.constants.keys():
        preset.constants.update(min_score=scale[0], max_score=scale[1])  # the upload's, not its few rows' (QA 42b)
    order = (context.get("dates") or {}).get("order")
    if order in ORDER_WORDS and not preset.date_order:  # its few dates may not settle it (QA round 64c: 10/08, 8 Oct)
        preset.date_order = order
    zone = time_zone or source.time_zone
    lost, cut = _restore_from_source(source, sheet, preset)
    added = [column for column in sheet.columns if column not in source.columns]
    removed = [column for column in source.columns if column not in sheet.columns]
    read = read_columns(preset, source.columns)
    gone = [f"'{column}' (it gave {_fields_of(preset, column)}, now blank)" for column in removed if column in read]
    removed = [column for column in removed if column not in read]
    declared = sorted(set(getattr(sheet, "declared_time_zones", {}).values()))
    times = (f"times in {', '.join(declared)}, as the file declares" if declared else  # QA round 40c: not "UTC"
             f"times in {zone}" + ("" if time_zone else " (choose another zone on the mapping page)"))
    sheet.notices.append(
        f"Read as upload #{source.pk} ({source.filename}) was, whose error report this is: its mapping"
        + (f", dates as {ORDER_WORDS[preset.date_order]} where they could be either" if preset.date_order
           in ORDER_WORDS else "")  # a German Excel's 10.11.2026 is day first all the same (QA round 67b W5)
        + f" and {times}."
        + (f" Column{'s' if len(added) > 1 else ''} added since, not read: {_listed(added)}." if added else "")
        + (f" Column{'s' if len(removed) > 1 else ''} deleted since (the mapping does not read "
           f"{'them' if len(removed) > 1 else 'it'}): {_listed(removed)}." if removed else "")
        + (f" Column{'s' if len(gone) > 1 else ''} the mapping read, deleted since: {', '.join(gone)}."
           if gone else "")
        + (f" {lost:,} id{'s' if lost > 1 else ''} lost {'their' if lost > 1 else 'its'} leading zeros since: "
           f"read as in upload #{source.pk}, each with a warning." if lost else "")
        + (f" {cut:,} cell{'s' if cut > 1 else ''} longer than an XLSX cell holds ({cells.EXCEL_CELL_LIMIT:,} "
           f"characters) {'were' if cut > 1 else 'was'} cut in the report: read in full as in upload #{source.pk}."
           if cut else ""))
    return preset, f"the mapping of upload #{source.pk}, whose error report this is", zone


def _fields_of(preset: mapping.Preset, column: str) -> str:
    """What `preset` takes from `column`: its API fields ("comment", "ticket_id and agent_id" of a split,
    a fallback's), "the time of day", else "a rule's values"."""
    specs = [*preset.columns.items(), *preset.fallback_columns.items()]
    fields = [name for name, spec in specs if isinstance(spec, (str, list)) and column in as_list(spec)]
    fields += [name for split in preset.splits if column in as_list(split.column) for name in split.fields]
    if column in as_list(preset.time_column):
        fields.append("the time of day")
    return " and ".join(dict.fromkeys(fields)) or "a rule's values"


def _listed(columns: list[str]) -> str:
    return ", ".join(f"'{column}'" for column in columns)


def _restore_from_source(source: Upload, sheet: parsing.Sheet, preset: mapping.Preset) -> tuple[int, int]:
    """Give back what the round trip through a spreadsheet cut from the report's cells, from the row of `source`
    each report row was; returns (ids, long cells) restored.

    An id cell that reads as its original text without the leading zeros gets that text again, with a cell note
    saying so (QA round 40c: "420" was sent for 000420). A cell of exactly cells.EXCEL_CELL_LIMIT characters that
    starts the longer original gets the original (QA round 76c: the XLSX report, which can hold no more, cut a
    48,003-character comment, and the fixed report sent it cut).
    """
    ids = {sheet.columns.index(column) for field in ID_FIELDS
           if isinstance(column := preset.columns.get(field), str) and column in sheet.columns}
    at_source = {position: source.columns.index(column) for position, column in enumerate(sheet.columns)
                 if column in source.columns}
    originals = {row.number: row.current_cells
                 for row in source.rows.filter(number__in=set(sheet.report_rows.values())).only("number", "cells",
                                                                                                 "edits")}
    lost = cut = 0
    for index, number in enumerate(sheet.row_numbers):
        before = originals.get(sheet.report_rows.get(number, -1))
        for position, at in at_source.items() if before else ():
            text, original = sheet.rows[index][position], before[at]
            if len(text) == cells.EXCEL_CELL_LIMIT and len(original) > len(text) and original.startswith(text):
                sheet.rows[index][position] = original
                cut += 1
                continue
            now, was = text.strip(), original.strip()
            if position in ids and now and was != now and was.startswith("0") and was.lstrip("0") == now:
                sheet.rows[index][position] = was
                sheet.cell_notes.setdefault((index, position), (
                    f"read as {was}, as in upload #{source.pk} (row {sheet.report_rows[number]}): this file has "
                    f"{now}, as a spreadsheet program drops leading zeros"))
                lost += 1
    return lost, cut
