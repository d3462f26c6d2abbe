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

from uploads import cellfacts, headerrows, odsfacts, parsing, xlsfacts, zipcheck

_DATA_ROWS = 100  # rows of another sheet looked at to tell whether it holds data
_HEAD_ROWS = 300  # rows of a sheet shaped to tell whether its columns give an answer's fields
_LONG_NUMBER = 1e15  # Excel keeps 15 significant digits (shared/formats/EXPORT-FORMATS.md section 13)


# Whether a sheet, given the row numbers and text of its first non-empty rows, holds answers
# (parsing.parse_file builds it from its `answers`: parsing knows no fields).
SheetTest = Callable[[list[int], list[list[str]]], bool]


@dataclass
class Table:
    """One sheet of a workbook as text: non-empty rows only, with their sheet row numbers.

    notes: (index into rows, column index) -> warning about that cell (for a blank
        cell a phrase following "the cell": cellfacts.FORMULA_NOTE, MERGED_NOTE).
    notices: remarks about the whole sheet, full sentences.
    spans: (index into rows, column index) of a cell covered by a merged cell of its row -> that cell's column.
    merged_rows: the merged ranges spanning several rows, each (its name, its last row number): cellfacts.merged_notice.
    date_system: "1900", or "1904" for a workbook counting serial numbers from 1904-01-01.
    """

    numbers: list[int]
    rows: list[list[str]]
    sheet_name: str
    sheet_names: list[str]
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    date_system: str = "1900"
    spans: dict[tuple[int, int], int] = field(default_factory=dict)  # a cell merged into the one at this column
    merged_rows: list[tuple[str, int]] = field(default_factory=list)  # merged ranges over rows: (A4:A5, last row 5)


def read_workbook(data: bytes, sheet: str | None, limits: parsing.Limits, checked: zipcheck.Checked | None = None,
                  header_score: headerrows.HeaderScore | None = None, answers: SheetTest | None = None) -> Table:
    """Read one sheet of a checked workbook as text rows (empty rows left out).

    sheet: a sheet name (exact, else case-insensitive); None means the first
    worksheet (visible ones first) whose first _HEAD_ROWS rows `answers` accepts (their columns
    give a ticket id and a score: QA round 17, a summary sheet before the responses), else the
    first with a row header_score rates above 0 among its first rows (a header that could be mapped),
    else the first with data; a notice then names the other visible sheets with data (of an .xls,
    the ones passed over). checked:
    inspect_zip's answer for an .xlsx, whose number formats and formulas are then
    read (cellfacts). Raises ParseError for a damaged or password-protected
    workbook, an unknown sheet name, a workbook without data, or a sheet over
    limits.max_cells.
    """
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [m.name for m in book.sheets_metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
        zipped = checked is not None and checked.kind in ("xlsx", "ods")  # every sheet's grid already bounded
        table = _read_sheet(book, names, sheet, limits, (header_score, answers), name_others=zipped)
        if checked is not None and checked.kind == "xlsx":
            cellfacts.apply_xlsx_facts(table, data, checked.formula_parts)
        elif checked is not None and checked.kind == "xls":
            xlsfacts.apply_xls_facts(table, data)
        elif checked is not None and checked.kind == "ods":
            odsfacts.apply_ods_facts(table, data)
        return table
    except python_calamine.PasswordError as exc:
        raise parsing.ParseError(zipcheck.PASSWORD) from exc
    except (parsing.ParseError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's Rust panics arrive as pyo3's PanicException, a BaseException
        raise parsing.ParseError(zipcheck.DAMAGED) from exc


def _read_sheet(book: Any, names: list[str], wanted: str | None, limits: parsing.Limits,
                tests: tuple[headerrows.HeaderScore | None, SheetTest | None], *, name_others: bool) -> Table:
    """The wanted or default sheet (see read_workbook); with name_others, a notice names the other
    visible sheets with data and the hidden ones whose answers `tests` accepts (only for zip workbooks, whose
    grids zipcheck bounded: calamine builds a sheet's whole grid to read even its first row, and an .xls sheet
    is only sized once built), else the ones passed over."""
    if wanted is not None:
        name = _match_sheet(names, wanted)
        return _sheet_table(_worksheet(book, name, limits), name, names)
    hidden = {m.name for m in book.sheets_metadata if m.visible != python_calamine.SheetVisibleEnum.Visible}
    name, worksheet, answered, passed = _default_sheet(book, sorted(names, key=lambda n: n in hidden), limits, *tests)
    chosen = _sheet_table(worksheet, name, names)
    others = [other for other in names if other != name and other not in hidden
              and (other in passed or (name_others and _has_data(book, other)))]
    if others:
        listed = ", ".join(f"'{other}'" for other in others)
        why = (f"sheet '{name}' was read, the first whose columns give a ticket id and a score"
               if answered and passed else f"sheet '{name}' was read")
        chosen.notices.append(
            f"The workbook has {'another sheet' if len(others) == 1 else 'other sheets'} with data ({listed}); "
            f"{why}. To read another, choose it under \"Read the file differently\" (import_csat: --sheet NAME)."
        )
    answers = tests[1]
    unread = [other for other in names if other != name and other in hidden and name_others and answers
              and answers(*_sheet_head(_worksheet(book, other, limits)))]
    if unread and name not in hidden:  # QA round 40a: last month's answers in a hidden first sheet, unsaid
        many, listed = len(unread) > 1, ", ".join(f"'{other}'" for other in unread)
        chosen.notices.append(
            f"The workbook also has {'hidden sheets' if many else 'a hidden sheet'} with data ({listed}), not read. "
            "To read "
            f"{'one' if many else 'it'}, choose it under \"Read the file differently\" (import_csat: --sheet NAME).")
    if name in hidden:
        chosen.notices.append(f"Sheet '{name}' is hidden in the workbook; it was read because no visible sheet "
                              "holds the answers. Check that it is the sheet you meant to upload.")
    return chosen


def _default_sheet(book: Any, order: list[str], limits: parsing.Limits, header_score: headerrows.HeaderScore | None,
                   answers: SheetTest | None) -> tuple[str, Any, bool, list[str]]:
    """(the sheet read_workbook reads by default, its calamine sheet, whether `answers` accepted it, the
    sheets with data before it in `order`). A workbook of one sheet is not tested. The calamine sheets
    that may be chosen are kept: building one parses the whole sheet."""
    with_data: list[str] = []
    with_header = None
    kept: dict[str, Any] = {}
    for name in order:
        worksheet = _worksheet(book, name, limits)
        numbers, rows = _sheet_head(worksheet)
        if not rows:
            continue
        if answers is not None and len(order) > 1 and answers(numbers, rows):
            return name, worksheet, True, with_data
        with_data.append(name)
        kept.setdefault(with_data[0], worksheet)
        if with_header is None and (header_score is None or headerrows.could_be_header(rows, header_score)):
            with_header = name
            kept[name] = worksheet
            if answers is None or len(order) == 1:
                break
    if not with_data:
        raise parsing.ParseError("The workbook has no sheet with data.")
    chosen = with_header or with_data[0]
    return chosen, kept[chosen], False, with_data[:with_data.index(chosen)]


def _sheet_head(worksheet: Any) -> tuple[list[int], list[list[str]]]:
    """Sheet row numbers and text of the non-empty rows among the first _HEAD_ROWS of a calamine sheet."""
    cell_text = _cell_converter([])
    numbers, rows = [], []
    for index, values in enumerate(worksheet.to_python(skip_empty_area=False, nrows=_HEAD_ROWS)):
        cells = [v if v.__class__ is str else cell_text(v) for v in values]
        if any(cells) and not "".join(cells).isspace():
            numbers.append(index + 1)
            rows.append(cells)
    return numbers, rows


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


def _worksheet(book: Any, name: str, limits: parsing.Limits) -> Any:
    """The calamine sheet named `name`; ParseError when its used range is over limits.max_cells."""
    worksheet = book.get_sheet_by_name(name)
    height, width = (worksheet.end[0] + 1, worksheet.end[1] + 1) if worksheet.end else (0, 0)
    if height * width > limits.max_cells:
        raise parsing.ParseError(
            f"The sheet '{name}' spans {height:,} rows x {width:,} columns, more than "
            f"{limits.max_cells:,} cells. Delete the unused rows and columns and upload it again."
        )
    return worksheet


def _sheet_table(worksheet: Any, name: str, names: list[str]) -> Table:
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
            notes[row, column] = cellfacts.LONG_NUMBER_NOTE


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
    """A number cell as the spreadsheet shows it: 15 significant digits (a formula's 3.0000000000000004 is 3:
    QA round 40a), a whole number without ".0", a long one with the digits the file wrote."""
    if not value.is_integer() and abs(value) < _LONG_NUMBER:
        value = float(f"{value:.15g}")
    if not value.is_integer():
        return repr(value)
    if abs(value) < _LONG_NUMBER:
        return str(int(value))
    return str(int(Decimal(repr(value))))  # the digits Excel wrote, not the binary double's tail


def _datetime_text(value: datetime) -> str:
    value += timedelta(microseconds=500)  # serial numbers carry float noise: round to Excel's milliseconds
    value = value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value.isoformat(sep=" ", timespec="milliseconds" if value.microsecond else "seconds")


def _time_text(value: time) -> str:
    """A time cell rounded to the millisecond as a date cell is (an .ods PT14H29M59.999999999S, which
    LibreOffice shows 14:30:00, reads 14:30:00, not 14:29:59: QA round 40a)."""
    day, _, clock = _datetime_text(datetime.combine(date.min, value)).partition(" ")
    return clock if day == date.min.isoformat() else "23:59:59.999"  # never the next day's midnight


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
    time: _time_text,
    timedelta: _duration_text,
    type(None): lambda value: "",
}
