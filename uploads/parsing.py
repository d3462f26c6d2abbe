"""Bytes of an uploaded spreadsheet -> a sheet of text cells.

Owns: format detection by content, the size limits, and the Sheet. Knows nothing
about CSAT fields. Text files are decoded and split into records in
uploads.textfiles, workbooks in uploads.workbooks; both then go through the same
header rules (uploads.headerrows) in `_shape`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import BinaryIO

from uploads import cellfacts, cells, delimiters, headerrows, nontables, tableends, textfiles, workbooks, zipcheck

MIB = 1024 * 1024
ACCEPTED_FORMATS = "Upload a CSV or TSV text file, or an Excel (.xlsx, .xlsm, .xls) or OpenDocument (.ods) workbook."
SAVE_AS_UTF8 = ('Open it in Excel and save it as "CSV UTF-8", then upload it again (or choose its text encoding '
                'under "Sheet, header row and text encoding" on the upload form, or under "Read the file '
                'differently" on the mapping page; import_csat: --encoding).')
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")  # a password-protected .xlsx is an OLE2 file
SAMPLE_CHARS = 65536  # characters (bytes for binary checks) looked at to sniff a file


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one upload; sizes in bytes.

    max_cells bounds a workbook sheet's used range (rows x columns), checked
    before loading because the reader allocates the whole grid at once;
    max_zip_members bounds the parts of a zip-based workbook.
    """

    max_bytes: int = 50 * MIB
    max_rows: int = 200_000
    max_columns: int = 500
    max_uncompressed_bytes: int = 200 * MIB
    max_compression_ratio: int = 100
    max_cells: int = 10_000_000
    max_zip_members: int = 10_000


class ParseError(Exception):
    """The file cannot be read as a spreadsheet; `messages` says why and what to do.

    Each message is a full sentence meant for the uploader, e.g.
    "duplicate column 'score' (columns C and E)".
    """

    def __init__(self, messages: list[str] | str):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


@dataclass
class Sheet:
    """One table read from a file, every cell as text.

    columns: header texts in file order (trimmed; one per column).
    rows: data rows, each exactly len(columns) strings ("" for an empty cell).
    row_numbers: the spreadsheet row number (1-based, as Excel shows it, header
        rows counted, a quoted multi-line CSV record counting once) of each row.
    header_row: 1-based row number of the header (row 1 of a Qualtrics file).
    extra_header_rows: rows between the header and the data (Qualtrics rows 2
        and 3, SurveyMonkey row 2), each len(columns) strings.
    format: "csv" (any delimited text), "xlsx" (also .xlsm), "xls" or "ods".
    declared_time_zones: column name -> IANA zone a file declares for it
        (Qualtrics row 3 `{"ImportId": ..., "timeZone": ...}`).
    cell_notes: (row index, column index) -> warning found while reading,
        e.g. a numeric cell with more than 15 significant digits; (row index, None)
        -> a warning on the whole row, e.g. cells right of the last named column.
    notices: file-level remarks for the uploader that did not stop the read,
        e.g. an unnamed trailing column that was ignored.
    layout: "plain", "qualtrics" (3 header rows), "qualtrics_legacy" (2 header rows,
        V1..V10 named by row 2) or "surveymonkey" (2 header rows).
    date_system: a workbook's date system, "1900" or "1904" (serial numbers count from
        1904-01-01: Excel for Mac's old default); "1900" for text files.
    report_rows: row number -> the number the row had in the upload an error report of ours
        came from (its `row` column), set when such a report is uploaded again (intake).
    """

    columns: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    header_row: int = 1
    extra_header_rows: list[list[str]] = field(default_factory=list)
    format: str = "csv"
    encoding: str | None = None
    delimiter: str | None = None
    sheet_name: str | None = None
    sheet_names: list[str] = field(default_factory=list)
    declared_time_zones: dict[str, str] = field(default_factory=dict)
    cell_notes: dict[tuple[int, int | None], str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    layout: str = "plain"
    date_system: str = "1900"
    report_rows: dict[int, int] = field(default_factory=dict)


def parse_file(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    filename: str = "",
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_row: int | None = None,
    sheet: str | None = None,
    limits: Limits | None = None,
    header_score: headerrows.HeaderScore | None = None,
    answers: Callable[[Sheet], bool] | None = None,
    zone: str | None = None,
) -> Sheet:
    """Read an uploaded file (a path, its bytes, or a binary stream) into a Sheet.

    filename is only used in messages; the format comes from the content: zip
    with xl/workbook.xml (xlsx/xlsm), zip with the OpenDocument spreadsheet
    mimetype (ods), OLE2 (xls), else delimited text. encoding, delimiter,
    header_row (1-based) and sheet are the uploader's overrides; None detects
    (sheet: the first visible worksheet with data; others are listed in
    sheet_names). With header_score, the default sheet is the first visible one
    with a row (of its first 20) scoring above 0, else the first with data. With `answers` (True for a
    Sheet whose columns give a ticket id and a score: intake's mapping), the default sheet of a
    workbook of several is first the first whose first rows, read as a Sheet, it accepts (QA round 17:
    a summary sheet before the responses).

    Text: BOM first, then UTF-8, then cp1252 unless it reads as mojibake, then
    charset-normalizer (B08, B09); U+0080-U+009F or U+FFFD in the result is an
    error. The delimiter is the candidate giving the most consistent column
    count, or an Excel `sep=` first line (not counted as a row). Records, not
    lines, are rows (B11); newlines inside quoted cells are kept as written.

    Workbook cells: text as is; whole numbers as integer digits (a cell note
    above 15 digits); other numbers as the shortest repr; date cells as
    `YYYY-MM-DD HH:MM:SS` (`YYYY-MM-DD` for date-only cells, milliseconds when
    present), in the workbook's own epoch; booleans TRUE/FALSE; formulas give
    their cached value (error values such as #N/A read as empty).

    Header rules (B12: shared/cases/README.md): the header is the first row
    filling 3 cells, or half as many as the widest of the first 20 rows, so
    one- or two-cell title rows above it are skipped; when header_score gives
    that row 0 (it cannot name a ticket id column, e.g. a wide title row), the
    best-scoring of the first 20 rows is the header if it scores above 0. Qualtrics (row 3 holds
    ImportId JSON) and SurveyMonkey (row 2 holds "Response" labels) header rows
    are recognised. Duplicate names and data under a blank header between named
    columns are errors; an unnamed column right of every named one is dropped,
    with a notice if it held data (errors_kitchen_sink.csv column H); a blank
    header over an empty column is dropped silently. Empty rows are dropped,
    keeping every other row's number.

    Raises ParseError, with sentences for the uploader, for every file that
    cannot be read: empty, too large, not a spreadsheet, undecodable, unsafe,
    over a limit, or with bad headers. A file with a header only gives no rows.
    """
    limits = limits or Limits()
    if header_row is not None and header_row < 1:
        raise ParseError("The header row must be a row number of 1 or more.")
    data = _read_source(source, limits)
    checked = _sniff_format(data, limits)
    if checked.kind == "text":
        return _parse_text(data, filename, encoding, delimiter, header_row, limits, header_score, zone)
    test = _answer_test(answers, header_row, limits, header_score) if answers else None
    table = workbooks.read_workbook(data, sheet, limits, checked, header_score, test)
    nuls = _replace_nuls(table.rows)
    result = _shape(table.numbers, table.rows, header_row, limits, table.notes, header_score, workbook=True,
                    spans=table.spans)
    result.format, result.sheet_name, result.sheet_names = checked.kind, table.sheet_name, table.sheet_names
    result.date_system = table.date_system
    merged = cellfacts.merged_notice(table.merged_rows, result.row_numbers[0]) if result.row_numbers else None
    result.notices[:0] = table.notices + ([merged] if merged else []) + ([_nul_notice(nuls)] if nuls else [])
    return result


def _answer_test(answers: Callable[[Sheet], bool], header_row: int | None, limits: Limits,
                 header_score: headerrows.HeaderScore | None) -> workbooks.SheetTest:
    """workbooks' test of a sheet's first rows: `answers` of them shaped as parse_file shapes a sheet
    (a sheet whose header rules refuse it holds no answers)."""

    def test(numbers: list[int], rows: list[list[str]]) -> bool:
        try:
            return answers(_shape(numbers, rows, header_row, limits, {}, header_score, workbook=True))
        except ParseError:
            return False

    return test


def where_read(sheet: Sheet) -> str:
    """Which sheet and header row were read, the other sheets, and how to choose: sentences for a refusal."""
    others = ", ".join(f"'{name}'" for name in sheet.sheet_names if name != sheet.sheet_name)
    if not others:
        return (f"This was read with the header in row {sheet.header_row}. To use another row as the header, "
                "fill in Header row on the upload form or under Read the file differently (import_csat: "
                "--header-row N).")
    return (f"This was read from sheet '{sheet.sheet_name}', header in row {sheet.header_row}; the workbook's other "
            f"sheets are {others}. To read another sheet or header row, fill in Sheet or Header row on the upload "
            "form or under Read the file differently (import_csat: --sheet NAME, --header-row N).")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while many small objects are built at once.

    Every row read (a list) and every row checked (a result and its item) is a
    new container, so the collector keeps rescanning the young ones (about 40% of
    a 100k-row read); rows of strings and check results form no cycles, so
    reference counting frees them all the same. The switch is process-wide: a
    parse ending in another thread may re-enable it early, which only costs speed.
    On the way out every tracked object is moved to the oldest generation
    (gc.freeze + gc.unfreeze), so the first collection after the pause does not
    scan the million new objects (about 25 ms per 100k rows); cyclic garbage among
    them waits for the next full collection. (Nothing else here uses gc.freeze.)
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def _read_source(source: str | os.PathLike[str] | bytes | BinaryIO, limits: Limits) -> bytes:
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as stream:
            data = stream.read(limits.max_bytes + 1)
    else:
        data = source.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise ParseError(
            f"The file is larger than {limits.max_bytes // MIB:,} MB, the most one upload can take. "
            "Split it into smaller files and upload them one at a time."
        )
    if not data:
        raise ParseError("The file is empty.")
    return data


def _sniff_format(data: bytes, limits: Limits) -> zipcheck.Checked:
    """The file's kind: "xlsx", "ods", "xls" or "text" (zips checked by zipcheck.inspect_zip)."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return zipcheck.inspect_zip(data, limits)
    if data.startswith(_OLE2):
        if _ENCRYPTED_OOXML in data:
            raise ParseError(zipcheck.PASSWORD)
        return zipcheck.Checked("xls")
    nontables.refuse_binary(data)
    return zipcheck.Checked("text")


def _parse_text(
    data: bytes, filename: str, encoding: str | None, delimiter: str | None, header_row: int | None, limits: Limits,
    header_score: headerrows.HeaderScore | None, zone: str | None = None,
) -> Sheet:
    cap = limits.max_rows + max(header_row or 0, headerrows.HEADER_SCAN) + 2
    text = textfiles.read_text(data, filename, encoding, delimiter, cap, limits, zone)
    if delimiter and (other := delimiters.one_column_delimiter(text.rows, text.delimiter)):
        raise ParseError(  # QA round 47c: one column, read as the agent's email on every row
            f"Read with {delimiters.delimiter_name(text.delimiter)} between the columns, each line's first column "
            f"holds the whole line ('{text.rows[0][0][:60]}'): this file's columns are separated by "
            f"{delimiters.delimiter_name(other)}. "
            "Set Delimiter to Detect or to that one.")
    result = _shape(text.numbers, text.rows, header_row, limits, text.null_notes, header_score,
                    delimiter=text.delimiter)
    result.encoding, result.delimiter = text.encoding, text.delimiter
    if nulls := sum(note == textfiles.NULL_NOTE for note in result.cell_notes.values()):
        result.notices.append(
            f"{nulls:,} cell{'s' if nulls > 1 else ''} held NULL without quotes, what a database export writes for "
            f"an empty cell: {'they are' if nulls > 1 else 'it is'} read as blank. A NULL in quotes is kept as "
            "the word.")
    if text.nul_count:
        result.notices.append(_nul_notice(text.nul_count))
    if text.repaired_lines:
        lines = text.repaired_lines
        result.notices.append(
            f"{len(lines):,} line{'s' if len(lines) > 1 else ''} of the file (the first: line {lines[0]:,}) held text "
            "decoded wrongly once before it was saved (é shown as Ã©, ’ as â€™: a UTF-8 file opened in Excel as "
            f"ANSI and saved again); {'they were' if len(lines) > 1 else 'it was'} read as first written. Check "
            "the comments of those rows, or export the file again from the survey tool.")
    if text.lost_letters:
        (first, word), count = text.lost_letters[0], len(text.lost_letters)
        save = {"mac_roman": "CSV (Macintosh)", "cp850": "CSV (MS-DOS)"}.get(text.encoding, "CSV (Comma delimited)" if (
            text.delimiter == ",") else "CSV")  # a European Excel's ';' save: "CSV (Trennzeichen-getrennt)" (QA 60a)
        result.notices.append(
            f"{count:,} line{'s' if count > 1 else ''} of the file (the first: line {first:,}, '{word}') "
            f"{'have' if count > 1 else 'has'} '?' where letters or emoji should be: the file was saved in a "
            "code page without them"
            + ("" if text.encoding.startswith("utf") else f" ({text.encoding}; Excel's \"{save}\")")
            + ", so they are lost, and the rows are sent as they are. To keep the letters, save the original as "
            "\"CSV UTF-8\" and upload that.")
    if text.guessed:
        result.notices.append(
            f"The file's letters were read as {text.encoding}, a guess from the text itself: no known spreadsheet "
            "program's save matched. If the comments in the table look wrong, choose the file's text encoding under "
            '"Read the file differently" (import_csat: --encoding), or save the file as "CSV UTF-8" and upload that.')
    if text.other_reading:
        detected, line, chosen_word, detected_word = text.other_reading
        result.notices.append(
            f"The file was read as {text.encoding}, the encoding chosen for it. Read as {detected}, as detected, line "
            f"{line:,} would show '{detected_word}' where it now shows '{chosen_word}': if the table's letters look "
            "wrong, set Encoding to Detect and read the file again.")
    if text.multiline:
        textfiles.note_swallowed_rows(result)
    if text.text_formulas:
        textfiles.unwrap_text_formulas(result)
    return result


def _nul_notice(count: int) -> str:
    return (f"The file held {count:,} NUL character{'s' if count > 1 else ''} (U+0000), which no database can store: "
            f"each is shown as {cells.NUL_SHOWN} and its cell is invalid. Delete them in the table, or in the file.")


def _replace_nuls(rows: list[list[str]]) -> int:
    """Put cells.NUL_SHOWN for every NUL in the cells of `rows` (a workbook's); returns how many."""
    count = 0
    for row in rows:
        if "\x00" in "".join(row):
            for position, cell in enumerate(row):
                count += cell.count("\x00")
                row[position] = cell.replace("\x00", cells.NUL_SHOWN)
    return count


def too_many_rows(limits: Limits) -> ParseError:
    """The error for a file over limits.max_rows data rows."""
    return ParseError(
        f"The file has more than {limits.max_rows:,} data rows, the most one upload can take. "
        "Split it into smaller files and upload them one at a time."
    )


def _shape(
    numbers: list[int], rows: list[list[str]], header_row: int | None, limits: Limits,
    notes: dict[tuple[int, int], str],
    header_score: headerrows.HeaderScore | None, *, workbook: bool = False, delimiter: str | None = None,
    spans: dict[tuple[int, int], int] | None = None,
) -> Sheet:
    """Find the header, apply the header rules and build the Sheet (see parse_file); `workbook`: the
    rows are a workbook sheet's, not a text file's; `delimiter`: a text file's separator; `spans`: a
    workbook's cells merged into one to their left (workbooks.Table.spans)."""
    if not rows:
        raise ParseError("The file has no data: every row is empty.")
    top = headerrows.header_index(numbers, rows, header_row, header_score)
    layout, extra_count = headerrows.layout_of(rows, top)
    start = top + 1 + extra_count
    data, data_numbers, footer = rows[start:], numbers[start:], []
    if (end := tableends.footer_start(data_numbers, data)) is not None:
        footer = [tableends.footer_notice(data_numbers, data, end)]
        data, data_numbers = data[:end], data_numbers[:end]
    if (end := tableends.second_table_start(data_numbers, data, rows[top])) is not None:
        footer.append(tableends.second_table_notice(data_numbers, data, end))
        data, data_numbers = data[:end], data_numbers[:end]
    if len(data) > limits.max_rows:
        raise too_many_rows(limits)
    width = headerrows.used_width(rows[top:], limits)
    names = headerrows.column_names(rows[top], rows[top + 1 : start], layout, width)
    names, spanned = headerrows.spanned_names(names, {column: first for (row, column), first in (spans or {}).items()
                                                      if row == top})
    grouped = layout == "plain" and top > 0 and headerrows.names_need_groups(names, rows[top - 1])
    if grouped:
        names = headerrows.grouped_names(rows[top - 1], names)
    keep, notices, row_notes = headerrows.check_columns(
        names, data, data_numbers, workbook=workbook,
        run_on=(delimiter, len(rows[top])) if delimiter and not extra_count else None)
    if grouped:
        notices.insert(0, f"The header in row {numbers[top]} is read with the headings above it in row "
                          f"{numbers[top - 1]}: {', '.join(repr(name) for name in names[:2])} ... (a heading stands "
                          "for the blank cells after it).")
    notices[:0] = spanned
    columns = [names[index] for index in keep]
    extra = _select(rows[top + 1 : start], keep, width)
    return Sheet(
        columns=columns,
        rows=_select(data, keep, width),
        row_numbers=data_numbers,
        header_row=numbers[top],
        extra_header_rows=extra,
        declared_time_zones=headerrows.declared_zones(extra, columns) if layout == "qualtrics" else {},
        cell_notes={**_move_notes(notes, start, keep), **row_notes},
        notices=notices + footer,
        layout=layout,
    )


def _select(rows: list[list[str]], keep: list[int], width: int) -> list[list[str]]:
    """Each row cut or padded to the kept columns; rows already exactly right are reused."""
    count = len(keep)
    if keep == list(range(count)):
        if count == width and set(map(len, rows)) <= {width}:
            return rows
        return [row[:count] if len(row) >= count else row + [""] * (count - len(row)) for row in rows]
    return [[row[index] if index < len(row) else "" for index in keep] for row in rows]


def _move_notes(notes: dict[tuple[int, int], str], start: int, keep: list[int]) -> dict[tuple[int, int | None], str]:
    position = {column: index for index, column in enumerate(keep)}
    return {
        (row - start, position[column]): note
        for (row, column), note in notes.items()
        if row >= start and column in position
    }
