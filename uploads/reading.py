"""Reading an uploaded file for intake: parse it (`parsing`), set an error report of ours apart from its
report columns, choose its column mapping (`mapping`, the saved and built-in presets) and the time zone its
naive times are read in. `intake` stores what this reads; `import_csat --dry-run` checks it without storing.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from uploads import columnnotes, headerrows, mapping, objectcells, parsing, reports, saved_presets, zones
from uploads.headernames import AGGREGATE, AGGREGATE_CALL
from uploads.headers import normalize


class IntakeError(Exception):
    """The file cannot become an upload; `messages` are sentences for the user, or fragments naming one
    fault each ("column F has no header but contains data") before the sentence that says the fix."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))

    def text(self) -> str:
        """The messages as one paragraph: fragments joined by "; " into a sentence, the others as they are
        ("Duplicate column 'score' (columns C and E); column F has no header but contains data. Give …")."""
        out, run = [], []
        for message in [*self.messages, ""]:
            if message and not message.rstrip().endswith((".", "!", "?")):
                run.append(message.rstrip())
                continue
            if run:
                joined = "; ".join(run)
                out.append(joined[:1].upper() + joined[1:] + ".")
                run = []
            if message:
                out.append(message)
        return " ".join(out)


@dataclass
class ReadOptions:
    """What the user may override when reading a file (None means detect)."""

    time_zone: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None
    sheet: str | None = None
    preset: mapping.Preset | None = None
    owner: Any = None  # who uploads: their own saved presets, then their team's, come before others'


def read_file(path: Path, filename: str, options: ReadOptions) -> tuple[parsing.Sheet, mapping.Preset, str]:
    """Parse `path` and pick its mapping: (sheet, preset, why this preset). The sheet's notices are the
    reader's; what the mapping leaves out is `mapping_notices`, worked out for the preset finally used.

    Raises IntakeError for a file that is not a readable spreadsheet, has no data row, or has
    no column that could be a ticket id, a time, a score or an agent. A file with some of them
    but no ticket id column gets a notice: the user picks that column on the mapping page.
    """
    limits = parsing.Limits(max_bytes=settings.UPLOAD_MAX_BYTES, max_rows=settings.UPLOAD_MAX_ROWS,
                            max_columns=settings.UPLOAD_MAX_COLUMNS,
                            max_uncompressed_bytes=settings.UPLOAD_MAX_UNZIPPED_BYTES)
    try:
        sheet = parsing.parse_file(
            path, filename, encoding=options.encoding, delimiter=options.delimiter,
            header_row=options.header_row, sheet=options.sheet, limits=limits, header_score=mapping.header_score,
            answers=lambda candidate: _maps_answers(candidate, options.preset), zone=options.time_zone or None,
        )
    except parsing.ParseError as exc:
        raise IntakeError(exc.messages) from None
    _strip_report_columns(sheet)
    objectcells.expand_object_columns(sheet)
    if not sheet.rows:
        raise IntakeError(["The file has a header row but no data rows."])
    preset, reason = _choose_mapping(sheet, options.preset, options.owner)
    if options.preset is not None and (absent := mapping.absent_columns(options.preset, sheet)):
        sheet.notices.append(absent_notice(options.preset.name, absent))
    if not preset.columns.get("ticket_id") and not preset.splits_into("ticket_id"):
        if headerrows.headless(sheet.columns) and options.header_row:  # QA rounds 53c, 57d (a score found in it)
            raise IntakeError([
                f"Row {options.header_row}, chosen as the header row, holds an answer "
                f"({', '.join(sheet.columns[:4])}), not the columns' names. Choose the row that names the "
                "columns under Header row, or leave it blank to detect it."])
        if not any(preset.columns.get(name) for name in ("submitted_at", "score", "agent_id", "agent_email")):
            if headerrows.headless(sheet.columns):
                raise IntakeError([
                    f"The file has no header row: its first line is an answer ({', '.join(sheet.columns[:4])}). "
                    "Add a first line naming the columns (such as Ticket ID, Agent Email, Score, Comment, Submitted "
                    "at) and upload the file again; database exports write one when asked to (HEADER, "
                    "--header)."])
            totals = [column for column in sheet.columns if re.match(AGGREGATE, normalize(column))
                      or re.match(AGGREGATE_CALL, column, re.IGNORECASE)]
            if totals:  # a pivot table saved as CSV: renaming "Count of Ticket #" would send counts (QA round 64b)
                raise IntakeError([
                    f"This is a summary table, not the answers: {', '.join(map(repr, totals[:3]))} "
                    f"{'is a total' if len(totals) == 1 else 'are totals'} over groups of rows (a pivot table, or a "
                    "report's summary). Save or export the sheet that holds one row per answer, and upload that."])
            raise IntakeError([
                "No column could be a ticket id (looked for headers such as 'ticket_id', "
                "'Ticket number', 'Conversation ID'). Rename the column that holds the ticket id to "
                "'Ticket ID' and upload the file again.", parsing.where_read(sheet),
            ])
    return sheet, preset, reason


def absent_notice(name: str, absent: list[str]) -> str:
    """The notice naming the columns the preset `name` reads and the file lacks (mapping.absent_columns)."""
    return (f"The preset '{name}' reads column{'s' if len(absent) > 1 else ''} this file does not have: "
            f"{'; '.join(absent)}. Check the mapping, or rename the column{'s' if len(absent) > 1 else ''} in the "
            "file or the preset.")


def mapping_notices(sheet: parsing.Sheet, preset: mapping.Preset) -> list[str]:
    """What the mapping `preset` leaves out of `sheet`: no ticket id column, and columnnotes' notices. Worked out
    again for a new mapping (remap_upload: QA round 38a, "Until then every row is invalid" stayed above a table
    of valid rows)."""
    reader_notices, sheet.notices = sheet.notices, []
    if not preset.columns.get("ticket_id") and not preset.splits_into("ticket_id"):
        sheet.notices.append(
            "No column was recognised as the ticket id (headers such as 'ticket_id', 'Ticket number', "
            "'Conversation ID'): choose the ticket_id column on the mapping page. Until then every row is invalid.")
    columnnotes.note_unmapped(sheet, preset)
    found, sheet.notices = sheet.notices, reader_notices
    return found


def _choose_mapping(sheet: parsing.Sheet, chosen: mapping.Preset | None,
                    owner: Any = None) -> tuple[mapping.Preset, str]:
    """The mapping of `sheet` and why: the user's preset resolved against it, else the preset
    mapping.choose_preset picks among the saved (`owner`'s own first: saved_presets.presets_for) and
    built-in ones."""
    if chosen is not None:
        resolved = mapping.resolve(chosen, sheet, fill=True)
        if shared := mapping.shared_columns(resolved.columns):
            raise IntakeError([f"The preset '{chosen.name}' cannot read this file: {'; '.join(shared.values())}. "
                               "Choose another preset, or let the columns be found."])
        return resolved, f"chosen by you: {chosen.name}"
    candidates = saved_presets.presets_for(sheet, owner)
    preset, reason = mapping.choose_preset(sheet, candidates)
    return preset, reason + saved_presets.saved_note(preset.name, candidates)


def _maps_answers(sheet: parsing.Sheet, chosen: mapping.Preset | None) -> bool:
    """True when `sheet` has rows and the mapping read_file would choose for it gives a ticket id and a
    score (a date header it does not know is mapped by hand): the workbook sheet read by default is
    the first of which this holds
    (parsing.parse_file `answers`; QA round 17, a summary sheet before the responses)."""
    if not sheet.rows:
        return False
    preset, _ = _choose_mapping(sheet, chosen)
    return all(preset.columns.get(name) or preset.splits_into(name) for name in ("ticket_id", "score"))


def _strip_report_columns(sheet: parsing.Sheet) -> None:
    """An error report of ours uploaded again: drop its row/status/reason columns, undo its apostrophes,
    and keep each row's number in the upload it came from (sheet.report_rows, shown in the table)."""
    columns, rows, at = reports.strip_report_columns(sheet.columns, sheet.rows, text_format=sheet.format == "csv")
    numbers = [row[at].strip() if at < len(row) else "" for row in sheet.rows] if at is not None else []
    sheet.columns, sheet.rows = columns, rows
    if at is None and sheet.format == "csv":
        columnnotes.undo_defused_formulas(sheet)
    if at is not None:
        end = at + len(reports.REPORT_TRAILING_COLUMNS)  # columns a user added after "reason" stay
        fix = reports.unneutralise if sheet.format == "csv" else str
        sheet.extra_header_rows = [[fix(text) for text in row[:at] + row[end:]] for row in sheet.extra_header_rows]
        sheet.report_rows = {number: int(text) for number, text in zip(sheet.row_numbers, numbers, strict=True)
                             if text.isascii() and text.isdigit() and len(text) < 10}
        shown = (" Each row shows the number it had in the upload the report came from "
                 f"(\u201cwas {next(iter(sheet.report_rows.values()))}\u201d).") if sheet.report_rows else ""
        sheet.notices.append(
            f"This is an error report from the portal: its row, status and reason columns were left out.{shown}")


def default_time_zone() -> str:
    """The zone for naive timestamps when the user picks none (UPLOAD_DEFAULT_TIME_ZONE)."""
    return settings.UPLOAD_DEFAULT_TIME_ZONE


def choose_zone(chosen: str | None, preset: mapping.Preset) -> str:
    """The zone a new upload's naive times are read in: the one the user `chosen` (it wins over a
    saved mapping's zone, a past user's choice, which is then cleared from `preset`, the upload's
    resolved copy), else the preset's, else default_time_zone(). A built-in preset's zone is a
    fact of the vendor's export (Medallia writes UTC) and, like a zone the file declares
    (Qualtrics), wins over the user's choice."""
    builtin = mapping.is_builtin(preset.name)
    if chosen and not builtin:
        preset.time_zone = ""
    return _preset_zone(preset) or chosen or default_time_zone()


def _preset_zone(preset: mapping.Preset) -> str | None:
    """The preset's time zone when it names a real one: the zone its naive times are read in
    (dateorder.decide_column), so the upload records it and a later re-check keeps it."""
    if not preset.time_zone:
        return None
    try:
        zones.get_zone(preset.time_zone)
    except ValueError:
        return None
    return preset.time_zone
