"""Excel and OpenDocument workbooks -> rows of text cells, checked before they are opened.

One reader, python-calamine, serves .xlsx/.xlsm, .xls and .ods, so every format
gives the same cell types. Calamine has two gaps for untrusted uploads, closed
here before it sees the file:

- it builds each sheet as a dense grid sized by the outermost cells, so a 5 KB
  sheet with values in A1 and XFD1048576 makes it allocate 550 GB and abort the
  whole process (tafia/calamine#693, open; reproduced with 0.9.1);
- it does not look at zip sizes or XML entity declarations (B17:
  shared/cases/README.md).

So `inspect_zip` streams every XML part once, checking sizes, ratios, entity
declarations and the grid each sheet would need. An .xls sheet cannot exceed
65,536 x 256 cells, so it is checked after loading instead.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import islice
from typing import IO, Any

import python_calamine

from uploads import cellfacts, headerrows, parsing

MIB = 1024 * 1024
_PIECE_BYTES = MIB
_SMALL_PART_BYTES = MIB  # a part this small cannot hurt, whatever its ratio
_DATA_ROWS = 100  # rows of another sheet looked at to tell whether it holds data
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_OTHER_ZIPS = {
    "word/document.xml": "a Word document",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "xl/workbook.bin": "an Excel binary workbook (.xlsb)",
}
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le"))
UNSAFE = "This is an unsafe workbook (XML entity declarations); save it again from Excel."
DAMAGED = (
    "The workbook could not be read; it may be damaged. Open it in Excel or LibreOffice and save it again as .xlsx."
)
PASSWORD = "The workbook is password-protected. Remove the password in Excel and upload it again."

# A tag's attributes; quoted values may hold ">" (never "<", so pieces are cut before a "<").
_ATTRIBUTES = rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
# Excel and the usual writers: `<c r="B7"`, then single-spaced double-quoted attributes other than r.
_CANONICAL_CELL_ROW = re.compile(rb'<c r="[A-Za-z]+([0-9]+)"(?: (?!r=)[\w:.-]+="[^"]*")* ?/?>')
_CANONICAL_CELL_COLUMN = re.compile(rb'<c r="([A-Za-z]+)')
_OTHER_C_ELEMENTS = (b"<co", b"<cf", b"<ce", b"<cu")  # <cols>, <cfRule>, <cellWatches>, <customSheetViews>...
_SHEET_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])" + _ATTRIBUTES)
_R_ATTRIBUTE = re.compile(rb"(?<![\w:.-])r\s*=\s*[\"']([A-Za-z]*)([0-9]*)[\"']")
_ODS_TAG = re.compile(rb"<(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])" + _ATTRIBUTES)
_ODS_REPEAT = re.compile(rb"number-(?:rows|columns)-repeated\s*=\s*[\"']([0-9]+)")
_LONG_NUMBER = 1e15  # Excel keeps 15 significant digits (shared/formats/EXPORT-FORMATS.md section 13)
LONG_NUMBER_NOTE = "numeric id has more than 15 significant digits: may have been rounded by Excel"
# Every worksheet part with a formula holds an end tag `</f>` (Excel writes no namespace prefix),
# one with an error value (#N/A, a failed formula's result) a cell of type "e", and one with hidden
# rows a hidden attribute; one cheap search per piece each, since most uploads hold none.
_FORMULA_MARKER = b"</f"
_ERROR_MARKERS = (b't="e"', b"t='e'", b'hidden="1"', b"hidden='1'", b'hidden="true"')  # and hidden rows


@dataclass
class Table:
    """One sheet of a workbook as text: non-empty rows only, with their sheet row numbers.

    notes: (index into rows, column index) -> warning about that cell (for a blank
        cell a phrase following "the cell": cellfacts.FORMULA_NOTE, MERGED_NOTE).
    notices: remarks about the whole sheet, full sentences.
    """

    numbers: list[int]
    rows: list[list[str]]
    sheet_name: str
    sheet_names: list[str]
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Checked:
    """What inspect_zip found: kind "xlsx" or "ods", and the zip parts that hold a formula, an error value
    or a hidden row (cellfacts reads those again)."""

    kind: str
    formula_parts: frozenset[str] = frozenset()


def inspect_zip(data: bytes, limits: parsing.Limits) -> Checked:
    """Check a zip upload before any reader opens it; return its kind and the parts with formulas.

    Raises ParseError when the zip is damaged, is not a workbook (a .docx, an
    .xlsb), expands beyond limits.max_uncompressed_bytes or
    limits.max_compression_ratio, declares XML entities, or holds a sheet whose
    grid would exceed limits.max_cells (all B17).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_sizes(infos, limits)
            kind = _zip_kind(archive)
            # every part: the rels, not the names, say which parts calamine reads
            formula_parts = frozenset(info.filename for info in infos if _scan_part(archive, info, kind, limits))
            return Checked(kind, formula_parts if kind == "xlsx" else frozenset())
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise parsing.ParseError(DAMAGED) from exc


def _check_sizes(infos: list[zipfile.ZipInfo], limits: parsing.Limits) -> None:
    if len(infos) > limits.max_zip_members:
        raise parsing.ParseError(
            f"The workbook holds {len(infos):,} parts (limit {limits.max_zip_members:,}); "
            "it may be damaged or malicious."
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise parsing.ParseError(
            f"The workbook expands to {total // MIB:,} MB when unzipped "
            f"(limit {limits.max_uncompressed_bytes // MIB:,} MB); it may be damaged or malicious."
        )
    for info in infos:
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > _SMALL_PART_BYTES and ratio > limits.max_compression_ratio:
            raise parsing.ParseError(
                f"Part of the workbook ({info.filename}) expands {ratio:,} times when unzipped "
                f"(limit {limits.max_compression_ratio:,}); it may be damaged or malicious."
            )


def _zip_kind(archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names and archive.read("mimetype").strip().startswith(_ODS_MIMETYPE):
        return "ods"
    what = next((what for part, what in _OTHER_ZIPS.items() if part in names), "a ZIP archive")
    raise parsing.ParseError(f"This file is {what}, not a spreadsheet. {parsing.ACCEPTED_FORMATS}")


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, kind: str, limits: parsing.Limits) -> bool:
    """Check one part (see inspect_zip); True when it holds a formula, an error value or a hidden row."""
    formula = False
    grid: _XlsxGrid | _GeneralXlsxGrid | _OdsGrid | None = None
    if kind == "xlsx":
        grid = _XlsxGrid()
    elif kind == "ods" and info.filename == "content.xml":
        grid = _OdsGrid()
    with archive.open(info) as stream:
        for piece in _pieces(stream):
            if any(marker in piece for marker in _DTD_MARKERS):
                raise parsing.ParseError(UNSAFE)
            if grid is not None:
                grid.feed(piece)
            formula = formula or _FORMULA_MARKER in piece or any(marker in piece for marker in _ERROR_MARKERS)
    if isinstance(grid, _XlsxGrid) and not grid.exact:
        grid = _GeneralXlsxGrid()
        with archive.open(info) as stream:
            for piece in _pieces(stream):
                grid.feed(piece)
    if grid is not None and grid.cells > limits.max_cells:
        raise parsing.ParseError(
            f"A sheet in the workbook spans more than {limits.max_cells:,} cells (rows x columns), "
            "usually because of a stray value far below or right of the data. Delete the unused "
            "rows and columns, or copy the data into a new workbook, and upload it again."
        )
    return formula


def _pieces(stream: IO[bytes]) -> Iterator[bytes]:
    """Yield an XML part in ~1 MiB pieces, each cut just before a "<", so no tag is split."""
    rest = b""
    while block := stream.read(_PIECE_BYTES):
        block = rest + block
        cut = max(block.rfind(b"<"), 0)
        rest = block[cut:]
        yield block[:cut]
    yield rest


class _XlsxGrid:
    """Upper bound of the grid calamine allocates for one worksheet part (fast path).

    While every cell tag of the part has the canonical form `<c r="B7" ...>`
    (one r, first), the outermost refs bound the grid; any other form turns
    `exact` False and _GeneralXlsxGrid reads the part again.
    """

    def __init__(self) -> None:
        self.max_row = self.max_column = 0
        self.exact = True

    def feed(self, piece: bytes) -> None:
        rows = _CANONICAL_CELL_ROW.findall(piece)
        if b":c" in piece or _cell_tags(piece) != len(rows):
            self.exact = False
        elif rows:
            self.max_row = max(self.max_row, *map(int, set(rows)))
            columns = set(_CANONICAL_CELL_COLUMN.findall(piece))
            self.max_column = max(self.max_column, *map(_column_number, columns))

    @property
    def cells(self) -> int:
        return self.max_row * self.max_column


def _cell_tags(piece: bytes) -> int:
    """At least the number of unprefixed cell tags: every `<c` but the known other `<c...` elements."""
    return piece.count(b"<c") - sum(map(piece.count, _OTHER_C_ELEMENTS))


class _GeneralXlsxGrid:
    """Upper bound of the grid for any worksheet XML calamine accepts.

    Calamine places a cell by its `r` ref (any attribute order, quotes or
    namespace prefix; the last r when repeated), else one column right of the
    previous cell; a row by its `r`, else one below the previous row (checked
    against 0.9.1). So every cell lies within (highest r row + rows without r) x
    (highest r column + most cells without r in one row).
    """

    def __init__(self) -> None:
        self.max_row = self.max_column = self.implicit_rows = 0
        self.row_implicit = self.most_implicit = 0

    def feed(self, piece: bytes) -> None:
        for name, attributes in _SHEET_TAG.findall(piece):
            refs = _R_ATTRIBUTE.findall(attributes)
            self.max_row = max([self.max_row, *(int(digits) for _, digits in refs if digits)])
            self.max_column = max([self.max_column, *(_column_number(letters) for letters, _ in refs if letters)])
            if name == b"row":
                self.implicit_rows += not refs
                self.row_implicit = 0
            elif not any(letters for letters, _ in refs) and not attributes.endswith(b"/"):
                self.row_implicit += 1
                self.most_implicit = max(self.most_implicit, self.row_implicit)

    @property
    def cells(self) -> int:
        return (self.max_row + self.implicit_rows) * (self.max_column + self.most_implicit)


class _OdsGrid:
    """Upper bound of the grid calamine allocates for the largest table of content.xml.

    Rows and cells may repeat (`number-rows-repeated`, `number-columns-repeated`);
    empty cells still push later cells to the right. A self-closing cell is empty.
    """

    def __init__(self) -> None:
        self.cells = self.rows = self.column = self.max_row = self.max_column = 0

    def feed(self, piece: bytes) -> None:
        for name, attributes in _ODS_TAG.findall(piece):
            repeat = max([1, *map(int, _ODS_REPEAT.findall(attributes))])
            if name == b"table":
                self.rows = self.max_row = self.max_column = 0
            elif name == b"table-row":
                self.rows += repeat
                self.column = 0
            else:
                if not attributes.endswith(b"/"):
                    self.max_row = max(self.max_row, self.rows)
                    self.max_column = max(self.max_column, self.column + repeat)
                self.column += repeat
            self.cells = max(self.cells, self.max_row * self.max_column)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def read_workbook(data: bytes, sheet: str | None, limits: parsing.Limits, checked: Checked | None = None,
                  header_score: headerrows.HeaderScore | None = None) -> Table:
    """Read one sheet of a checked workbook as text rows (empty rows left out).

    sheet: a sheet name (exact, else case-insensitive); None means the first
    visible worksheet with a row header_score rates above 0 among its first
    rows (a header that could be mapped), else the first with data; a notice then names the
    other visible sheets with data. checked:
    inspect_zip's answer for an .xlsx, whose number formats and formulas are then
    read (cellfacts). Raises ParseError for a damaged or password-protected
    workbook, an unknown sheet name, a workbook without data, or a sheet over
    limits.max_cells.
    """
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [m.name for m in book.sheets_metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
        table = _read_sheet(book, names, sheet, limits, header_score)
        if checked is not None and checked.kind == "xlsx":
            cellfacts.apply_xlsx_facts(table, data, checked.formula_parts)
        elif checked is not None and checked.kind == "xls":
            cellfacts.apply_xls_padding(table, data)
        return table
    except python_calamine.PasswordError as exc:
        raise parsing.ParseError(PASSWORD) from exc
    except (parsing.ParseError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's Rust panics arrive as pyo3's PanicException, a BaseException
        raise parsing.ParseError(DAMAGED) from exc


def _read_sheet(book: Any, names: list[str], wanted: str | None, limits: parsing.Limits,
                header_score: headerrows.HeaderScore | None) -> Table:
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
    others = [name for name in names if name != chosen.sheet_name and name not in hidden and _has_data(book, name)]
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
