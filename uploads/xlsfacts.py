"""What an Excel 97-2003 (.xls) sheet shows that calamine reads otherwise, through xlrd's BIFF records: number
formats that pad ids with zeros, error values, hidden rows and the date system (as cellfacts reads them from an
.xlsx's XML and odsfacts from an .ods's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import xlrd

from uploads import cellfacts, numberformats

if TYPE_CHECKING:
    from uploads.workbooks import Table


def apply_xls_facts(table: Table, data: bytes) -> None:
    """Show whole numbers of `table` (a sheet of the .xls `data`) as their number format shows them
    (numberformats.shown_format), a date cell at midnight with its time when its format shows one, and note
    its error values (cellfacts.ERROR_NOTE) and hidden rows, as
    cellfacts.apply_xlsx_facts does for an .xlsx, and set its date system. calamine gives no formats and
    reads an error value as a blank cell (python-calamine turns calamine's Data::Error into an empty cell);
    xlrd gives both (BIFF records: QA round 17, s02_xls_errors.xls)."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
        table.date_system = "1904" if book.datemode else "1900"
        formats = {key: shown for key, fmt in book.format_map.items()
                   if (shown := numberformats.shown_format(fmt.format_str or "") or (
                       cellfacts.DATETIME if numberformats.shows_time(fmt.format_str or "") else None))}
        shown_as = {index: formats[xf.format_key] for index, xf in enumerate(book.xf_list) if xf.format_key in formats}
        sheet = book.sheet_by_name(table.sheet_name)
    except Exception:  # noqa: BLE001  xlrd raises many kinds on files calamine reads; formats are then unknown
        table.notices.append(_XLS_FORMATS_UNREAD)
        return
    errors = []
    cellfacts.note_hidden_rows(table, [index + 1 for index, info in sheet.rowinfo_map.items() if info.hidden])
    for number, row in zip(table.numbers, table.rows, strict=True):
        types = sheet.row_types(number - 1) if number <= sheet.nrows else ()
        for column, kind in enumerate(types[:len(row)]):
            if kind == xlrd.XL_CELL_ERROR:
                code = sheet.cell_value(number - 1, column)
                errors.append((number, column, xlrd.error_text_from_code.get(code, "(unnamed)")))
            elif kind == xlrd.XL_CELL_NUMBER and shown_as and row[column].isdigit():
                shown = shown_as.get(sheet.cell_xf_index(number - 1, column))
                row[column] = shown.text(row[column]) if isinstance(shown, numberformats.Shown) else row[column]
            elif kind == xlrd.XL_CELL_DATE and cellfacts.date_only(row[column]) and shown_as.get(
                    sheet.cell_xf_index(number - 1, column)) == cellfacts.DATETIME:
                row[column] += " 00:00:00"  # its format shows the time: midnight, no date alone (QA round 58c)
    cellfacts.note_errors(table, {number: index for index, number in enumerate(table.numbers)}, errors)


_XLS_FORMATS_UNREAD = ("The number formats of this .xls workbook could not be read, so ids shown with leading zeros in "
                       "Excel (a 0000 format) read without them, and error values (#N/A) read as blank cells. If a "
                       "column has such ids or errors, save the workbook as .xlsx and upload that.")
