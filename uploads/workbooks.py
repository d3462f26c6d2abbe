"""Excel and OpenDocument workbooks -> rows of text cells.

One reader, python-calamine, serves .xlsx/.xlsm, .xls and .ods, so every format
gives the same cell types. A zip-based workbook has been checked by
uploads/zipcheck.py before it gets here (calamine's gaps for untrusted files);
an .xls sheet cannot exceed 65,536 x 256 cells, so it is checked after loading.
What cell values do not say (number formats, error values, merged cells) is in
uploads/cellfacts.py.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import islice
from typing import Any

import python_calamine

from uploads import cellfacts, headerrows, parsing, zipcheck

_DATA_ROWS = 100  # rows of another sheet looked at to tell whether it holds data
_LONG_NUMBER = 1e15  # Excel keeps 15 significant digits (shared/formats/EXPORT-FORMATS.md section 13)
LONG_NUMBER_NOTE = "numeric id has more than 15 significant digits: may have been rounded by Excel"


@dataclass
class Table:
    """One sheet of a workbook as text: non-empty rows only, with their sheet row numbers.

    notes: (index into rows, column index) -> warning about that cell (for a blank
        cell a phrase following "the cell": cellfacts.FORMULA_NOTE, MERGED_NOTE).
    notices: remarks about the whole sheet, full sentences.
    date_system: "1900", or "1904" for a workbook counting serial numbers from 1904-01-01.
    """

    numbers: list[int]
    rows: list[list[str]]
    sheet_name: str
    sheet_names: list[str]
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    date_system: str = "1900"


def read_workbook(data: bytes, sheet: str | None, limits: parsing.Limits, checked: zipcheck.Checked | None = None,
                  header_score: headerrows.HeaderScore | None = None) -> Table:
    """Read one sheet of a checked workbook as text rows (empty rows left out).

    sheet: a sheet name (exact, else case-insensitive); None means the first
    visible worksheet with a row header_score rates above 0 among its first
    rows (a header that could be mapped), else the first with data; a notice then names the
    other visible sheets with data (.xlsx, .ods). checked:
    inspect_zip's answer for an .xlsx, whose number formats and formulas are then
    read (cellfacts). Raises ParseError for a damaged or password-protected
    workbook, an unknown sheet name, a workbook without data, or a sheet over
    limits.max_cells.
    """
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [m.name for m in book.sheets_metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
        zipped = checked is not None and checked.kind in ("xlsx", "ods")  # every sheet's grid already bounded
        table = _read_sheet(book, names, sheet, limits, header_score, name_others=zipped)
        if checked is not None and checked.kind == "xlsx":
            cellfacts.apply_xlsx_facts(table, data, checked.formula_parts)
        elif checked is not None and checked.kind == "xls":
            cellfacts.apply_xls_facts(table, data)
        elif checked is not None and checked.kind == "ods":
            cellfacts.apply_ods_facts(table, data)
        return table
    except python_calamine.PasswordError as exc:
        raise parsing.ParseError(zipcheck.PASSWORD) from exc
    except (parsing.ParseError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's Rust panics arrive as pyo3's PanicException, a BaseException
        raise parsing.ParseError(zipcheck.DAMAGED) from exc


def _read_sheet(book: Any, names: list[str], wanted: str | None, limits: parsing.Limits,
                header_score: headerrows.HeaderScore | None, *, name_others: bool) -> Table:
    """The wanted or default sheet (see read_workbook); with name_others, a notice names the other
    visible sheets with data (only for zip workbooks, whose grids zipcheck bounded: calamine builds a
    sheet's whole grid to read even its first row, and an .xls sheet is only sized once built)."""
    if wanted is not None:
        name = _match_sheet(names, wanted)
        return _sheet_table(book, name, names, limits)
    hidden = {m.name for m in book.sheets_metadata if m.visible != python_calamine.SheetVisibleEnum.Visible}
    chosen = None
    for name in sorted(names, key=lambda n: n in hidden):
        table = _sheet_table(book, name, names, limits)
        if table.rows and (header_score is None or headerrows.could_be_header(table.rows, header_score)):
            chosen = table
            break
        chosen = chosen or (table if table.rows else None)
    if chosen is None:
        raise parsing.ParseError("The workbook has no sheet with data.")
    others = [name for name in names if name_others and name != chosen.sheet_name and name not in hidden
              and _has_data(book, name)]
    if others:
        listed = ", ".join(f"'{name}'" for name in others)
        chosen.notices.append(
            f"The workbook has {'another sheet' if len(others) == 1 else 'other sheets'} with data ({listed}); "
            f"sheet '{chosen.sheet_name}' was read. To read another, choose it under \"Read the file differently\" "
            "(import_csat: --sheet NAME)."
        )
    return chosen


def _has_data(book: Any, name: str) -> bool:
    """True when one of the first _DATA_ROWS rows of the sheet holds a non-blank cell."""
    rows = book.get_sheet_by_name(name).iter_rows()
    return any(any(str(value).strip() for value in row) for row in islice(rows, _DATA_ROWS))


def _match_sheet(names: list[str], wanted: str) -> str:
    if wanted in names:
        return wanted
    folded = {n.strip().casefold(): n for n in names}
    if wanted.strip().casefold() in folded:
        return folded[wanted.strip().casefold()]
    listed = ", ".join(f"'{n}'" for n in names)
    raise parsing.ParseError(f"The workbook has no sheet named '{wanted}'. Its sheets are: {listed}.")


def _sheet_table(book: Any, name: str, names: list[str], limits: parsing.Limits) -> Table:
    worksheet = book.get_sheet_by_name(name)
    height, width = (worksheet.end[0] + 1, worksheet.end[1] + 1) if worksheet.end else (0, 0)
    if height * width > limits.max_cells:
        raise parsing.ParseError(
            f"The sheet '{name}' spans {height:,} rows x {width:,} columns, more than "
            f"{limits.max_cells:,} cells. Delete the unused rows and columns and upload it again."
        )
    table = Table(numbers=[], rows=[], sheet_name=name, sheet_names=names)
    long_numbers: list[float] = []
    cell_text = _cell_converter(long_numbers)
    with parsing.gc_paused():
        for index, values in enumerate(worksheet.to_python(skip_empty_area=False)):
            cells = [v if v.__class__ is str else cell_text(v) for v in values]
            if long_numbers:  # such a row is never empty, so it becomes table.rows[len(table.rows)]
                _note_long_numbers(table.notes, len(table.rows), values)
                long_numbers.clear()
            if any(cells) and not "".join(cells).isspace():
                table.numbers.append(index + 1)
                table.rows.append(cells)
    cellfacts.note_merged_cells(table, worksheet.merged_cell_ranges or [])
    return table


def _note_long_numbers(notes: dict[tuple[int, int], str], row: int, values: list[Any]) -> None:
    for column, value in enumerate(values):
        if value.__class__ is float and abs(value) >= _LONG_NUMBER and value.is_integer():
            notes[row, column] = LONG_NUMBER_NOTE


def _cell_converter(long_numbers: list[float]) -> Callable[[Any], str]:
    """Text of one typed cell (rules in parsing.parse_file); whole numbers above 15 digits go to long_numbers."""

    def number_text(value: float) -> str:
        if abs(value) >= _LONG_NUMBER and value.is_integer():
            long_numbers.append(value)
        return _number_text(value)

    converters = {**_CONVERTERS, float: number_text}

    def cell_text(value: Any) -> str:
        convert = converters.get(value.__class__)
        return convert(value) if convert else str(value)

    return cell_text


def _number_text(value: float) -> str:
    if not value.is_integer():
        return repr(value)
    if abs(value) < _LONG_NUMBER:
        return str(int(value))
    return str(int(Decimal(repr(value))))  # the digits Excel wrote, not the binary double's tail


def _datetime_text(value: datetime) -> str:
    value += timedelta(microseconds=500)  # serial numbers carry float noise: round to Excel's milliseconds
    value = value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value.isoformat(sep=" ", timespec="milliseconds" if value.microsecond else "seconds")


def _duration_text(value: timedelta) -> str:
    total = round(value.total_seconds())
    minutes, seconds = divmod(abs(total), 60)
    return f"{'-' if total < 0 else ''}{minutes // 60}:{minutes % 60:02d}:{seconds:02d}"


_CONVERTERS: dict[type, Any] = {
    float: _number_text,
    int: str,
    bool: lambda value: "TRUE" if value else "FALSE",
    datetime: _datetime_text,
    date: date.isoformat,
    time: lambda value: value.isoformat(timespec="seconds"),
    timedelta: _duration_text,
    type(None): lambda value: "",
}
