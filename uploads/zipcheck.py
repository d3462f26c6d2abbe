"""A zip upload (.xlsx/.xlsm, .ods) checked before any reader opens it.

calamine, the workbook reader (uploads/workbooks.py), has two gaps for untrusted uploads:

- it builds each sheet as a dense grid sized by the outermost cells, so a 5 KB
  sheet with values in A1 and XFD1048576 makes it allocate 550 GB and abort the
  whole process (tafia/calamine#693, open; reproduced with 0.9.1);
- it does not look at zip sizes or XML entity declarations (B17:
  shared/cases/README.md).

So `inspect_zip` streams every XML part once, checking sizes, ratios, entity
declarations and the grid each sheet would need, and notes the parts that
uploads/cellfacts.py must read again (formulas, error values, hidden rows).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from uploads import parsing

MIB = 1024 * 1024
_PIECE_BYTES = MIB
_SMALL_PART_BYTES = MIB  # a part this small cannot hurt, whatever its ratio
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_OTHER_ZIPS = {
    "word/document.xml": "a Word document",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "xl/workbook.bin": "an Excel binary workbook (.xlsb)",
    "Index/Document.iwa": "an Apple Numbers spreadsheet",  # a .numbers file (QA round 76c); older ones: Index.zip
    "Index.zip": "an Apple Numbers spreadsheet",
}
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le"))
UNSAFE = "This is an unsafe workbook (XML entity declarations); save it again from Excel or LibreOffice."
DAMAGED = (
    "The workbook could not be read; it may be damaged. Open it in Excel or LibreOffice and save it again as .xlsx."
)
PASSWORD = "The workbook is password-protected. Remove the password in Excel and upload it again."

# A tag's attributes; quoted values may hold ">" (never "<", so pieces are cut before a "<").
_ATTRIBUTES = rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
# Excel and the usual writers: `<c r="B7"`, then single-spaced double-quoted attributes other than r;
# a self-closing one (`<c r="XFD1048576" s="6"/>`, a formatted blank) holds no value.
_CANONICAL_CELL = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"(?: (?!r=)[\w:.-]+="[^"]*")* ?(/?)>')
_OTHER_C_ELEMENTS = (b"<co", b"<cf", b"<ce", b"<cu")  # <cols>, <cfRule>, <cellWatches>, <customSheetViews>...
_SHEET_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])" + _ATTRIBUTES)
_R_ATTRIBUTE = re.compile(rb"(?<![\w:.-])r\s*=\s*[\"']([A-Za-z]*)([0-9]*)[\"']")
_ODS_TAG = re.compile(rb"<(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])" + _ATTRIBUTES)
_HEADER_ROWS = 100  # rows above the data (a title, header rows) a sheet may add to limits.max_rows
_ODS_REPEAT = re.compile(rb"number-(?:rows|columns)-repeated\s*=\s*[\"']([0-9]+)")
# Every worksheet part with a formula holds an end tag `</f>` (Excel writes no namespace prefix),
# one with an error value (#N/A, a failed formula's result) a cell of type "e", and one with hidden
# rows a hidden attribute; one cheap search per piece each, since most uploads hold none.
_FORMULA_MARKER = b"</f"
_ERROR_MARKERS = (b't="e"', b"t='e'", b'hidden="1"', b"hidden='1'", b'hidden="true"')  # and hidden rows


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
        raise parsing.ParseError(  # a big survey's, not a malicious one's (QA round 68b)
            f"The workbook expands to {total // MIB:,} MB when unzipped, more than this portal reads "
            f"({limits.max_uncompressed_bytes // MIB:,} MB, the setting UPLOAD_MAX_UNZIPPED_MB). Save it as CSV, "
            "which is read up to the upload size limit, or split its rows into two workbooks."
        )
    for info in infos:
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > _SMALL_PART_BYTES and ratio > limits.max_compression_ratio:
            raise parsing.ParseError(
                f"Part of the workbook ({info.filename}) expands {ratio:,} times when unzipped "
                f"(limit {limits.max_compression_ratio:,}); it may be damaged or malicious."
            )
    # Many parts each under _SMALL_PART_BYTES (150 parts of 1 MiB at 1000:1) add up: real workbooks
    # expand about 3 to 12 times in all (QA round 22, 220 workbooks).
    ratio = total // max(sum(info.compress_size for info in infos), 1)
    if total > _SMALL_PART_BYTES and ratio > limits.max_compression_ratio:
        raise parsing.ParseError(
            f"The workbook expands {ratio:,} times when unzipped (limit {limits.max_compression_ratio:,}); "
            "it may be damaged or malicious."
        )


# The files a ZIP archive of exports holds that this portal reads once unzipped
_TABLE_ENDINGS = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")


def _zip_kind(archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names and archive.read("mimetype").strip().startswith(_ODS_MIMETYPE):
        return "ods"
    what = next((what for part, what in _OTHER_ZIPS.items() if part in names), "a ZIP archive")
    if what.startswith("an Excel"):
        raise parsing.ParseError(f"This file is {what}, which is not read here: open it in Excel and save it as "
                                 "an Excel Workbook (.xlsx) or CSV UTF-8, then upload that.")
    if what.startswith("an Apple"):
        raise parsing.ParseError(f"This file is {what}, which is not read here: in Numbers choose File › Export To › "
                                 "Excel (or CSV), then upload that file.")
    tables = sorted(name for name in names if name.lower().endswith(_TABLE_ENDINGS) and not name.startswith("__MACOSX"))
    if what == "a ZIP archive" and tables:  # QA round 71b: a month of exports zipped together
        listed = ", ".join(PurePosixPath(name).name for name in tables[:5]) + (
            f" and {len(tables) - 5} more" if len(tables) > 5 else "")
        raise parsing.ParseError(f"This file is a ZIP archive holding {listed}, not a spreadsheet: unzip it and "
                                 f"upload {'each file' if len(tables) > 1 else 'that file'} on its own.")
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
    if isinstance(grid, _OdsGrid) and grid.filled_rows > limits.max_rows + _HEADER_ROWS:
        raise parsing.too_many_rows(limits)
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
    (one r, first), the outermost refs of cells that can hold a value bound the grid: calamine
    leaves a self-closing cell out, as it holds no value (a far cell given only a fill or a border,
    B13: checked with 0.9.1), and no cell is placed relative to another. Any other form turns
    `exact` False and _GeneralXlsxGrid reads the part again.
    """

    def __init__(self) -> None:
        self.max_row = self.max_column = 0
        self.exact = True

    def feed(self, piece: bytes) -> None:
        cells = _CANONICAL_CELL.findall(piece)
        if b":c" in piece or _cell_tags(piece) != len(cells):
            self.exact = False
            return
        rows, columns = set(), set()
        for column, row, closed in cells:
            if not closed:
                rows.add(row)
                columns.add(column)
        if rows:
            self.max_row = max(self.max_row, *map(int, rows))
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
    filled_rows: the most rows, repeats counted, holding a cell with a value (office:value-type) in one
    table (a 1 KB file repeating one filled row a million times: QA round 24b, 1.7 GB in calamine).
    """

    def __init__(self) -> None:
        self.cells = self.rows = self.column = self.max_row = self.max_column = 0
        self.filled_rows = self.table_filled = self.row_repeat = 0
        self.row_filled = False

    def feed(self, piece: bytes) -> None:
        for name, attributes in _ODS_TAG.findall(piece):
            repeat = max([1, *map(int, _ODS_REPEAT.findall(attributes))])
            if name == b"table":
                self.rows = self.max_row = self.max_column = self.table_filled = 0
            elif name == b"table-row":
                self.rows += repeat
                self.column, self.row_repeat, self.row_filled = 0, repeat, False
            else:
                if not attributes.endswith(b"/"):
                    self.max_row = max(self.max_row, self.rows)
                    self.max_column = max(self.max_column, self.column + repeat)
                    if not self.row_filled and b"value-type" in attributes:  # a value, not formatting alone
                        self.row_filled, self.table_filled = True, self.table_filled + self.row_repeat
                self.column += repeat
            self.cells = max(self.cells, self.max_row * self.max_column)
            self.filled_rows = max(self.filled_rows, self.table_filled)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number
