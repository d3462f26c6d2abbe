"""What a workbook's cell values do not say: zero-padding number formats, formulas
without a saved result and error values (read from the .xlsx XML; an .xls's number
formats and error values in uploads/xlsfacts.py; an .ods's shown text in uploads/odsfacts.py),
and merged cells (calamine's ranges).

calamine gives a number cell's value, not its number format, so an id typed as
614 in a cell formatted `0000` (shown by Excel as 0614) would read as 614; and it
gives a formula cell only its cached result, so a formula saved without one (files
written by scripts, never opened in Excel) reads as a blank cell (QA numfmt-zeros.xlsx,
formulas-nocache.xlsx). An error value such as #N/A (a lookup that found nothing) reads as
blank too (python-calamine gives no error values at all, in any format): each gets a note,
so a blank ticket id says why and a blank comment is not dropped without a word. Only called
on a zip that `zipcheck.inspect_zip` has checked (sizes, no entity declarations), so the parts
are safe to read whole.

Merged cells keep their value in the top-left cell only, and the rows below read
as blank there. They are not filled down: a merge is formatting, and a comment or
agent merged over two customers' answers would silently be sent for both (an item
crediting the wrong agent is worse than none, issue 3). The blank cells get a note
so the row's message says why, and the fix table lets the uploader fill them.
"""

from __future__ import annotations

import decimal
import io
import posixpath
import re
import zipfile
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from defusedxml import ElementTree

from uploads import cells, dates, headerrows, idcells, sheetxml
from uploads.headers import and_list
from uploads.numberformats import DATETIME_FORMAT_IDS, Shown, shown_format, shows_time, shows_utc

if TYPE_CHECKING:
    from uploads.workbooks import Table

FORMULA_NOTE = "holds a formula with no saved result: open the file in Excel and save it again"
MERGED_NOTE = ("is part of the merged cells {cells}, whose value is only in {first}: unmerge them and fill the value "
               "into every row")
ERROR_NOTE = ("holds the Excel error {error}, not a value: type the value in the table, or correct the formula in "
              "Excel and upload the file again")
_LISTED = 5  # merged ranges named in the notice

_XLSXWRITER_CALC_ID = "124519"
LONG_NUMBER_NOTE = "numeric id has more than 15 significant digits: may have been rounded by Excel"
PERCENT = "%"  # CellFacts.padding of a cell shown as a percentage
DATETIME = "datetime"  # CellFacts.padding of a date cell shown with its time (numberformats.shows_time)
DATETIME_UTC = "datetime utc"  # ... shown with its time and "UTC" (numberformats.shows_utc)
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")  # how a date cell at midnight reads (workbooks)


def date_only(text: str) -> bool:
    """True for a workbook date cell's text without a time ("2026-10-07": calamine's reading of midnight)."""
    return bool(_DATE_ONLY.fullmatch(text))
_QUOTED = re.compile(r'"[^"]*"|\\.')  # a format code's literal text
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass
class CellFacts:
    """Facts about cells of one sheet, keyed by (sheet row number from 1, column index from 0).

    padding: how a whole-number cell is shown (format `"T-"0000` -> Shown(("T-", 4))), or PERCENT for a number
        its format shows as a percentage (`0%`: 1 shows 100%).
    long_digits: the digits of number cells stored with more than 15 significant digits (exact_digits).
    formulas_without_result: cells holding a formula but no saved value, in sheet order; in a workbook
        xlsxwriter wrote (pandas' to_excel: calcPr calcId 124519 with fullCalcOnLoad, asking to be
        recalculated when opened) also a formula's saved 0, the placeholder it stores for every result
        it does not know. (openpyxl writes the same calcPr but saves no result at all; Excel, POI and
        EPPlus, which save real results, write other calcIds.)
    errors: cells holding an error value, in sheet order, with its text: (4, 2, "#N/A").
    hidden_rows: sheet row numbers hidden by a filter or by Hide, in order.
    link_formulas: cells holding =HYPERLINK(...) to a ticket's page: the formula, for link_ids; or a hyperlink
        (Insert > Link) to one: its address.
    date_system: the workbook's, "1900" or "1904" (workbookPr date1904).
    """

    padding: dict[tuple[int, int], Shown | str] = field(default_factory=dict)
    long_digits: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas_without_result: list[tuple[int, int]] = field(default_factory=list)
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    link_formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    date_system: str = "1900"


def apply_xlsx_facts(table: Table, data: bytes, formula_parts: frozenset[str]) -> None:
    """Show whole numbers as their zero-padding format shows them (614 -> "0614", shown_format) and percentages as
    percentages (1 -> "100%"), and note the
    cells of `table` (a sheet of the .xlsx `data`) holding a formula without a saved result or an
    error value (each kind also gets one notice)."""
    long_numbers = bool(table.notes) and LONG_NUMBER_NOTE in table.notes.values()
    facts = read_cell_facts(data, table.sheet_name, formula_parts, long_numbers=long_numbers)
    table.date_system = facts.date_system
    at = {number: index for index, number in enumerate(table.numbers)}
    exact_digits(table, at, facts.long_digits)
    for (number, column), shown in facts.padding.items():
        row = table.rows[at[number]] if number in at else []
        if column >= len(row) or not row[column].isascii():
            continue
        if shown == PERCENT and _NUMBER.fullmatch(row[column]) and 0 <= float(row[column]) <= 1:  # a share: 100% was
            # sent as the score 1 (QA round 42a); a ticket id formatted 0% stays its digits (QA round 43b)
            row[column] = format((decimal.Decimal(row[column]) * 100).normalize(), "f") + "%"
        elif shown in (DATETIME, DATETIME_UTC) and dates.CELL_DATE.fullmatch(row[column]):
            if date_only(row[column]):
                row[column] += " 00:00:00"  # its format shows the time: midnight, no date alone (QA round 58c)
            if shown == DATETIME_UTC:
                row[column] += "Z"  # shown as UTC's time: not read in the upload's zone (QA round 67a)
        elif isinstance(shown, Shown) and row[column].isdigit():
            row[column] = shown.text(row[column])
    for number, column in facts.formulas_without_result:
        if number in at:
            table.notes[at[number], column] = FORMULA_NOTE
            if column < len(table.rows[at[number]]):
                table.rows[at[number]][column] = ""  # blank, or xlsxwriter's placeholder 0
    if facts.formulas_without_result:
        number, column = facts.formulas_without_result[0]
        table.notices.append(
            f"{len(facts.formulas_without_result):,} cell(s) hold a formula with no saved result, so they read "
            f"as blank (the first is {headerrows.column_letter(column)}{number}). Open the file in Excel, save it "
            "again and upload it again."
        )
    note_errors(table, at, facts.errors)
    note_hidden_rows(table, facts.hidden_rows)
    link_ids(table, at, facts.link_formulas)


def note_hidden_rows(table: Table, hidden_rows: list[int]) -> None:
    """One notice naming the sheet rows of `table` hidden by a filter or by Hide (read like the others)."""
    read = set(table.numbers)
    hidden = [number for number in hidden_rows if number in read]
    if hidden:
        more = [f"{len(hidden) - _LISTED:,} more"] if len(hidden) > _LISTED else []
        listed = and_list([str(number) for number in hidden[:_LISTED]] + more)
        table.notices.append(
            f"Row{'s' if len(hidden) > 1 else ''} {listed} {'are' if len(hidden) > 1 else 'is'} hidden in the workbook "
            "(by a filter or by Hide) and read like the others. Exclude them in the table if they should not be sent."
        )


def exact_digits(table: Table, at: dict[int, int], stored: dict[tuple[int, int], str]) -> None:
    """Give each cell read as a long whole number (LONG_NUMBER_NOTE) the digits the file stores for it,
    when they have more than 15 significant digits and say more than the double calamine read: a tool
    wrote them (Excel keeps 15), so they are exact, and the note "may have been rounded" is dropped
    (shared/cases B01: 1234567890123456789 stays itself). A number Excel rounded (2154712345678900), or
    one a JavaScript writer stored as its double's text (1234567890123456800), keeps its note. A number stored
    in scientific notation with fewer significant digits than it has digits (2.154712345678901e+17, as
    Excel, xlsxwriter or openpyxl store a long id typed or given as a number) reads as that text, which
    idcells refuses as an id whose digits were lost (QA round 40a: two tickets sent as one rounded id).

    at: sheet row number -> index into table.rows; stored: (sheet row number, column index) -> digits.
    """
    for (number, column), digits in stored.items():
        index = at.get(number)
        if index is None or table.notes.get((index, column)) != LONG_NUMBER_NOTE:
            continue
        if not digits.lstrip("-").isdigit() and (digits := idcells.exponent_digits(stored[number, column])) is None:
            table.rows[index][column] = stored[number, column]
            del table.notes[index, column]
            continue
        read = table.rows[index][column]
        if not read.lstrip("-").isdigit() or len(digits.lstrip("-").strip("0")) <= 15 or float(digits) != float(read):
            continue
        if abs(int(digits)) < 2**53 or digits != read:
            table.rows[index][column] = digits
            del table.notes[index, column]


def note_errors(table: Table, at: dict[int, int], errors: list[tuple[int, int, str]]) -> None:
    """Note each error value that reads as a blank cell of a kept row of `table` (ERROR_NOTE), and say so once.

    at: sheet row number -> index into table.rows; errors: (sheet row number, column index, error text).
    """
    noted = []
    for number, column, error in errors:
        row = table.rows[at[number]] if number in at else []
        if column < len(row) and not row[column].strip():
            table.notes[at[number], column] = ERROR_NOTE.format(error=error) + cells.formula_text_hint(error)
            noted.append((number, column, error))
    if noted:
        number, column, error = noted[0]
        many = len(noted) > 1
        table.notices.append(
            f"{len(noted):,} cell{'s' if many else ''} hold{'' if many else 's'} an Excel error value instead of a "
            f"value (the first is {error} in {headerrows.column_letter(column)}{number}), so "
            f"{'they read' if many else 'it reads'} as blank; each row says so. Type the values in the table, or "
            "correct the formulas in Excel and upload the file again."
        )


def note_merged_cells(table: Table, ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Note every blank cell of `table` covered by a merged range but its first (top-left) cell, and in
    table.spans those beside it in its row (a header merged over two columns: headerrows.spanned_names).

    ranges: calamine's ((first row, first column), (last row, last column)), 0-based.
    The ranges spanning several rows go to table.merged_rows: only those can leave data rows blank
    (merged_notice names them once the header is known).
    """
    for (top, left), (bottom, right) in ranges:
        name = f"{_ref(top, left)}:{_ref(bottom, right)}"
        note = MERGED_NOTE.format(cells=name, first=_ref(top, left))
        for index in range(bisect_left(table.numbers, top + 1), bisect_right(table.numbers, bottom + 1)):
            row = table.rows[index]
            for column in range(left, min(right + 1, len(row))):
                if (table.numbers[index], column) != (top + 1, left) and not row[column].strip():
                    table.notes[index, column] = note
                    if table.numbers[index] == top + 1:
                        table.spans[index, column] = left
        if bottom > top:
            table.merged_rows.append((name, bottom + 1))


def merged_notice(merged_rows: list[tuple[str, int]], first_data_row: int) -> str | None:
    """The notice naming the merged ranges (Table.merged_rows: name, last row, 1-based) that reach a data row
    (from `first_data_row` on); None when none does: a merge inside the header rows leaves no row blank (QA round
    61a: Gorgias' "Ticket ID" merged over header rows 4 and 5 got the data rows' advice)."""
    spanning = [name for name, bottom in merged_rows if bottom >= first_data_row]
    if not spanning:
        return None
    more = f" and {len(spanning) - _LISTED:,} more" if len(spanning) > _LISTED else ""
    return (f"Merged cells ({', '.join(spanning[:_LISTED]) + more}): only the first cell of each holds the value, so "
            "the rows below read as blank there. Unmerge them and fill the value into every row where it belongs.")


def _ref(row: int, column: int) -> str:
    return f"{headerrows.column_letter(column)}{row + 1}"


def read_cell_facts(data: bytes, sheet_name: str, formula_parts: frozenset[str], *,
                    long_numbers: bool = False) -> CellFacts:
    """CellFacts of the sheet named `sheet_name` in the .xlsx `data`; empty for other formats.

    formula_parts: zip part names holding a formula or an error value (from inspect_zip); the
    sheet XML is only read again when it is one of them, the workbook has a padding format or
    (long_numbers) the sheet has whole numbers over 15 digits.
    """
    facts = CellFacts()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            return facts
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        flag = next((element.get("date1904", "") for element in book.iterfind("{*}workbookPr")), "")
        facts.date_system = "1904" if flag.strip().lower() in ("1", "true") else "1900"
        recalculated = any(element.get("fullCalcOnLoad", "").strip().lower() in ("1", "true")
                           and element.get("calcId") == _XLSXWRITER_CALC_ID for element in book.iterfind("{*}calcPr"))
        padded = _padding_styles(archive) if "xl/styles.xml" in names else {}
        part = _sheet_part(archive, book, sheet_name)
        rels = f"{posixpath.dirname(part or '')}/_rels/{posixpath.basename(part or '')}.rels"
        links = _hyperlink_targets(archive.read(rels)) if rels in names else {}
        if part not in names or (not padded and part not in formula_parts and not long_numbers and not links):
            return facts
        xml = archive.read(part)
    facts.link_formulas = sheetxml.hyperlinks(xml, links) if links else {}
    if long_numbers:
        facts.long_digits = sheetxml.long_digits(xml)
    if padded:
        facts.padding = sheetxml.padded_cells(xml, padded)
    if part in formula_parts:
        facts.formulas_without_result = sheetxml.formulas_without_result(xml, recalculated)
        facts.errors = sheetxml.error_cells(xml)
        facts.hidden_rows = sheetxml.hidden_rows(xml)
        facts.link_formulas.update(sheetxml.link_formulas(xml))
    return facts


def _hyperlink_targets(rels: bytes) -> dict[str, str]:
    """Relationship id -> address of each hyperlink relationship of a sheet (its _rels part) to a ticket's page."""
    return {rel.get("Id", ""): target for rel in ElementTree.fromstring(rels)
            if rel.get("Type", "").endswith("/hyperlink") and idcells.is_id_link(target := rel.get("Target", ""))}


# A link's shown text that is no id but a link's word ("open", "View ticket", "🔗", "#48305"): the ticket id is
# the link's (QA round 37c); other text ("see ticket" in a comment, "Good" in a score column) stays (QA round 42a)
_LINK_TEXT = re.compile(rf"{idcells.LINK_WORDS.pattern}|conversation|#\s*\S*|[^\w\s]*", re.IGNORECASE)


_HEADING_CELLS = 2  # a column's header and a title above it: the words of a column of ids (link_ids; QA round 78a: 3
# took a comment "open" linking to its ticket as the ticket's address)


def link_ids(table: Table, at: dict[int, int], formulas: dict[tuple[int, int], str]) -> None:
    """Give a cell whose =HYPERLINK(...) or hyperlink to a ticket's page shows a link's word (_LINK_TEXT:
    "open", "🔗") its formula or address, which idcells reads as the link's ticket id with a warning; a cell
    showing the id keeps it. Only in a column of links: half its filled cells or more link to a ticket's page, or
    every other one but its header's (_HEADING_CELLS) is a number (a ticket id column with a link or two: QA round
    58a); not in a column of words (QA round 43b: a comment "open" linking to its ticket went out as the link)."""
    linked = Counter(column for _number, column in formulas)
    filled = Counter(column for row in table.rows for column, text in enumerate(row) if column in linked and text)
    words = Counter(column for row in table.rows for column, text in enumerate(row)
                    if column in linked and text and not text.strip().isdigit())
    for (number, column), formula in formulas.items():
        if 2 * linked[column] < filled[column] and (words[column] > linked[column] + _HEADING_CELLS
                                                    or words[column] == filled[column]):
            continue
        row = table.rows[at[number]] if number in at else []
        shown = row[column].strip() if column < len(row) else ""
        if shown and not shown.isdigit() and _LINK_TEXT.fullmatch(shown):
            row[column] = formula


def _padding_styles(archive: zipfile.ZipFile) -> dict[str, Shown | str]:
    """Cell style index (the `s` attribute, as text) -> Shown, for styles whose number format pads (shown_format),
    or PERCENT for a percentage format (built-in 9 and 10, or a code with % outside quotes), or DATETIME for a
    date-and-time format (built-in 22, or numberformats.shows_time), DATETIME_UTC for one showing "UTC" (shows_utc)."""
    root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    formats: dict[str | None, Shown | str] = {"9": PERCENT, "10": PERCENT, **dict.fromkeys(DATETIME_FORMAT_IDS,
                                                                                          DATETIME)}
    for element in root.iterfind("{*}numFmts/{*}numFmt"):
        code = element.get("formatCode", "")
        if shown := shown_format(code) or (PERCENT if "%" in _QUOTED.sub("", code).split(";")[0] else None) or (
                DATETIME_UTC if shows_utc(code) else DATETIME if shows_time(code) else None):
            formats[element.get("numFmtId")] = shown
    return {str(index): formats[xf.get("numFmtId")] for index, xf in enumerate(root.iterfind("{*}cellXfs/{*}xf"))
            if xf.get("numFmtId") in formats}


def _sheet_part(archive: zipfile.ZipFile, book, sheet_name: str) -> str | None:
    """The zip part of a worksheet, through xl/workbook.xml (`book`, parsed) and its relationships."""
    relation = next((sheet.get(_RELATIONSHIPS) for sheet in book.iterfind("{*}sheets/{*}sheet")
                     if sheet.get("name") == sheet_name), None)
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next((rel.get("Target", "") for rel in rels if rel.get("Id") == relation), None)
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
