"""Error reports: every row not created, with its original columns, row number and reason.

Cells that a spreadsheet would run as a formula (starting with = + - @ TAB CR)
are written with a leading apostrophe (shared/cases/README.md B16); the API
still receives the original text.
"""

import csv

from uploads.models import Row, Upload

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """`text` made safe for a spreadsheet cell: a leading ' before a formula-like start."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def report_filename(upload: Upload) -> str:
    """e.g. `errors-12-zendesk.csv`."""
    stem = upload.filename.rsplit(".", 1)[0][:60].replace('"', "")
    return f"errors-{upload.pk}-{stem}.csv"


def row_reason(row: Row) -> str:
    """Why a row was not created, in one line."""
    if row.result in (Row.Result.FAILED, Row.Result.UNCONFIRMED):
        return row.result_message
    if row.status == Row.Status.INVALID:
        return " ".join(problem["message"] for problem in row.errors)
    if row.note:
        return row.note
    return row.get_status_display() if row.status != Row.Status.VALID else "not sent"


def write_error_report(upload: Upload, out) -> int:
    """Write every row not created as CSV to `out`; returns the number of rows written.

    Columns: the upload's own columns (edits applied), then `row`, `status`, `reason`.
    """
    writer = csv.writer(out)
    writer.writerow([neutralise(name) for name in upload.columns] + ["row", "status", "reason"])
    written = 0
    for row in upload.rows.exclude(result=Row.Result.CREATED).order_by("number").iterator(chunk_size=2000):
        status = row.get_result_display() if row.result else row.get_status_display()
        writer.writerow([neutralise(text) for text in row.current_cells] + [row.number, status, neutralise(row_reason(row))])
        written += 1
    return written
