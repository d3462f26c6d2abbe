"""Reports, each as CSV or XLSX: the error report and the full results.

Both CSV reports start with a UTF-8 byte order mark, so that Excel opens non-ASCII text as written.

- error report: every row not created (invalid, excluded, skipped, duplicate,
  failed at the API, unconfirmed) with the upload's own columns (edits
  applied), then `row` (spreadsheet row number), `status` and `reason`.
- full results: every row with its number, status, result, MaestroQA `_id`,
  message (the API's, or why a row was not sent: its errors, its skip reason), and the
  item as sent (one column per API field).

Formula safety (shared/cases/README.md B16): in CSV, a cell starting with
= + - @ TAB or CR gets one leading apostrophe (and so does a cell that already
starts with an apostrophe followed by one of those, so that stripping exactly
one apostrophe always gives back the original: see `unneutralise`). In XLSX
every cell is written as a string cell, never a formula, with its exact text.
The API always receives the original text: reports never change stored data.
"""

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from uploads import headerrows
from uploads.headers import as_list
from uploads.models import Row, Upload
from uploads.preset_format import FIELDS, Preset

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
REPORT_TRAILING_COLUMNS = headerrows.REPORT_COLUMNS
RESULT_COLUMNS = ["row", "status", "result", "maestro_id", "message"]
KINDS = ("errors", "results")
FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _risky(text: str) -> bool:
    """Starts with = + - @ TAB or CR once any leading apostrophes are set aside."""
    return text.lstrip("'").startswith(FORMULA_PREFIXES)


def neutralise(text: str) -> str:
    """`text` safe for a CSV cell: one more leading ' when it is `_risky` (`'=1+1` -> `''=1+1`)."""
    return "'" + text if _risky(text) else text


def unneutralise(text: str) -> str:
    """Undo `neutralise` exactly: drop one leading ' from a `_risky` text."""
    return text[1:] if text.startswith("'") and _risky(text[1:]) else text


def report_filename(upload: Upload, kind: str = "errors", fmt: str = "csv") -> str:
    """e.g. `errors-12-zendesk.csv`, `results-12-zendesk.xlsx`."""
    stem = upload.filename.rsplit(".", 1)[0][:60].replace('"', "")
    return f"{kind}-{upload.pk}-{stem}.{fmt}"


def attachment_header(filename: str) -> str:
    """A Content-Disposition value for downloading `filename`: an ASCII `filename=` (accents
    dropped, other characters as '_') for old clients, then RFC 5987's `filename*=UTF-8''` with
    the exact name, which browsers prefer. Never RFC 2047 (=?utf-8?b?...?=), which Chromium
    ignores and saves under the URL's name."""
    plain = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    plain = re.sub(r'[^\x20-\x7e]|["\\]', "_", plain) or "download"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"


def row_reason(row: Row) -> str:
    """Why a row was not created, in one line."""
    if row.result in (Row.Result.FAILED, Row.Result.UNCONFIRMED):
        return row.result_message
    if row.status == Row.Status.INVALID:
        return " ".join(problem["message"] for problem in row.errors)
    if row.note:
        return row.note
    if row.status == Row.Status.EXCLUDED:
        errors = " ".join(problem["message"] for problem in row.errors)  # what still needs fixing, if anything
        return "excluded in the table (include it there to send it)" + (f". {errors}" if errors else "")
    return row.get_status_display() if row.status != Row.Status.VALID else "not sent"


def _status(row: Row) -> str:
    return row.get_result_display() if row.result else row.get_status_display()


def error_report_lines(upload: Upload) -> Iterator[list[str]]:
    """The error report as lines of text cells, header first (not neutralised), then a Qualtrics
    file's other header rows (question texts, and the ImportId row that declares the time zone), so
    that the report reads again as the file did (SurveyMonkey's second row is not written: its labels
    are in the column names already); then every row not created. Before the upload was ever
    submitted, valid rows are left out (they wait for Submit, nothing in them needs fixing);
    afterwards a valid row not sent is in it ("not sent")."""
    yield list(upload.columns) + REPORT_TRAILING_COLUMNS
    extra_rows = upload.sheet_meta.get("extra_header_rows", [])
    if any("ImportId" in cell for cell in (extra_rows[-1] if extra_rows else [])):
        for extra in extra_rows:
            yield list(extra) + [""] * len(REPORT_TRAILING_COLUMNS)
    rows = upload.rows.exclude(result=Row.Result.CREATED)
    if not upload.submissions.exists():
        rows = rows.exclude(status=Row.Status.VALID, result=Row.Result.NONE)
    for row in rows.order_by("number").iterator(chunk_size=2000):
        yield row.current_cells + [str(row.number), _status(row), row_reason(row)]


def _item_text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def results_lines(upload: Upload) -> Iterator[list[str]]:
    """The full results as lines of text cells, header first: every row and its item as sent."""
    yield RESULT_COLUMNS + FIELDS + ["clarifying_answers"]
    for row in upload.rows.order_by("number").iterator(chunk_size=2000):
        item = row.item or {}
        message = row.result_message if row.result else row_reason(row) if row.status != Row.Status.VALID else ""
        yield [str(row.number), row.get_status_display(), row.get_result_display() if row.result else "",
               row.maestro_id, message] + [_item_text(item.get(name)) for name in FIELDS] + [
               _item_text(item.get("clarifying_answers"))]


def write_csv(lines: Iterable[list[str]], out) -> int:
    """Write `lines` as CSV to the text stream `out`, every cell neutralised, after a byte order mark
    (U+FEFF): Excel reads a CSV without one in the ANSI code page, so "Café" would open as "CafÃ©"
    (shared/formats/EXPORT-FORMATS.md section 13); our reader drops it again. Returns data lines written."""
    out.write("\ufeff")
    writer = csv.writer(out)
    written = -1
    for line in lines:
        writer.writerow([neutralise(text) for text in line])
        written += 1
    return max(written, 0)


# An underscore that starts a literal "_xHHHH_", and the characters XML 1.0 cannot hold or reads
# otherwise (a raw CR becomes LF): ECMA-376 Part 1, 22.9.2.19 ST_Xstring escapes them as _xHHHH_.
_LITERAL_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_XML_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def xlsx_text(text: str) -> str:
    """`text` escaped for an XLSX string cell so that Excel (and our reader, calamine) gives back
    exactly `text`: a CR or a control character as _xHHHH_ (openpyxl refuses control characters,
    and a raw CR reads back as LF), a literal _xHHHH_ with its underscore as _x005F_."""
    return _XML_UNSAFE.sub(lambda found: f"_x{ord(found[0]):04X}_", _LITERAL_ESCAPE.sub("_x005F_", text))


def write_xlsx(lines: Iterable[list[str]], out, text_columns: frozenset[int] = frozenset()) -> int:
    """Write `lines` as one XLSX sheet to the binary stream `out`, every cell a string cell holding
    the exact text (`xlsx_text`); the cells of `text_columns` (indexes: the ids') are formatted as Text,
    so that an id typed there in Excel keeps its leading zeros (QA round 40c: 000379 became 379)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("report")
    written = -1
    for line in lines:
        cells = []
        for at, text in enumerate(line):
            cell = WriteOnlyCell(sheet, value=xlsx_text(text))
            cell.data_type = "s"  # never a formula, whatever the text starts with
            if at in text_columns:
                cell.number_format = "@"
            cells.append(cell)
        sheet.append(cells)
        written += 1
    book.save(out)
    return max(written, 0)


def write_report(upload: Upload, kind: str, fmt: str, out) -> int:
    """Write report `kind` (errors|results) in `fmt` (csv|xlsx) to `out`; returns data lines written."""
    lines = error_report_lines(upload) if kind == "errors" else results_lines(upload)
    return write_csv(lines, out) if fmt == "csv" else write_xlsx(lines, out, _id_columns(upload, kind))


def _id_columns(upload: Upload, kind: str) -> frozenset[int]:
    """Indexes of the report's id columns: the ticket and agent ids' (a split's column too), or the item's."""
    if kind != "errors":
        return frozenset(len(RESULT_COLUMNS) + FIELDS.index(name) for name in ("ticket_id", "agent_id"))
    if not upload.preset:
        return frozenset()
    preset = Preset.from_json(upload.preset)
    names = {name for field_name in ("ticket_id", "agent_id") for name in as_list(preset.columns.get(field_name))}
    names |= {name for split in preset.splits for name in as_list(split.column)}
    return frozenset(at for at, column in enumerate(upload.columns) if column in names)


def strip_report_columns(columns: list[str], rows: list[list[str]], *, text_format: bool):
    """If `columns` hold our report's row/status/reason (headerrows.report_columns_at: columns a user
    added after them stay), drop them (and undo CSV neutralising).

    Returns (columns, rows, the index the report's "row" column had, or None for no report). Only a
    text (CSV/TSV) report carries our apostrophes; a workbook report holds each cell's exact text already.
    """
    at = headerrows.report_columns_at(columns)
    if at is None or at == 0:
        return columns, rows, None
    end = at + len(REPORT_TRAILING_COLUMNS)
    fix = unneutralise if text_format else (lambda text: text)
    return ([fix(name) for name in columns[:at] + columns[end:]],
            [[fix(text) for text in row[:at] + row[end:]] for row in rows], at)
