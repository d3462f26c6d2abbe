"""What an OpenDocument sheet shows that calamine reads otherwise, from its content.xml.

calamine reads an .ods cell's value: a number formatted `000123` or `T-0127` reads as
123 or 127, a line break or tab inside a cell is dropped ("with\nbreak" reads "withbreak"),
and an error value (#N/A, #DIV/0!: LibreOffice's calcext:value-type="error") reads as a blank
cell. The .ods keeps the text each cell shows (<text:p>), which is read here with defusedxml.
Only called on a zip that `zipcheck.inspect_zip` has checked (sizes, no entity declarations).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from defusedxml import ElementTree

from uploads import cellfacts, idcells

if TYPE_CHECKING:
    from uploads.workbooks import Table

_ODS_TABLE, _ODS_TEXT, _ODS_OFFICE = (f"{{urn:oasis:names:tc:opendocument:xmlns:{name}:1.0}}"
                                     for name in ("table", "text", "office"))
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
# What calamine drops from an .ods cell's text (a line break, a tab), misses (a number shown with zeros)
# or reads as blank (an error value).
_ODS_MARKERS = (b"<text:line-break", b"<text:tab", b"min-integer-digits", b'value-type="error"',
                b'value-type="percentage"')
# A number style with literal text (`T-` before the digits): its numbers show more than their digits.
_TEXT_NUMBER_STYLE = re.compile(rb"<number:number-style\b(?:(?!</number:number-style>).)*?<number:text\b", re.S)
_NUMBER_TYPES = frozenset({"float", "percentage", "currency"})
# A whole number as shown: its digits, maybe zero-padded, with text around them ("T-0127").
_AROUND_DIGITS = re.compile(r"([^0-9]*)([0-9]+)([^0-9]*)")
_LONG_DIGITS = re.compile(r"-?[0-9]{16,}")  # a whole number's office:value with over 15 digits (cellfacts)
_NULL_DATE_1904 = re.compile(rb"<table:null-date\b[^>]*\btable:date-value=[\"']1904-01-01[\"']")
_ODS_REPEATS = 1000  # repeated cells with text listed at most (a repeat of thousands is formatting)


def apply_ods_facts(table: Table, data: bytes) -> None:
    """Give cells of `table` (a sheet of the checked .ods `data`) the text the .ods shows, where
    calamine reads it otherwise: a whole number its format shows with leading zeros (123 shown as
    000123) or, for a plain number (office:value-type "float"), with literal text around its digits
    (127 shown as T-0127, as numberformats.shown_format does for an .xlsx: QA round 17; a number shown
    without leading zeros keeps its digits alone, whatever text decorates it), a percentage as shown (100%, not
    1: QA round 42a), and a line break
    or tab inside a cell (calamine drops both). An error value gets cellfacts.ERROR_NOTE, as in an
    .xlsx (QA round 17, o02_ods_errors.ods). A whole number stored with over 15 significant digits
    gets them back (cellfacts.exact_digits). Rows hidden by a filter or collapsed get the notice an
    .xlsx's do (cellfacts.note_hidden_rows). A sheet counting its date numbers from 1904
    (<table:null-date table:date-value="1904-01-01"/>, a workbook from an old Mac Excel saved by
    LibreOffice) gets table.date_system "1904", as an .xlsx's date1904 does. content.xml is only
    parsed when it or styles.xml holds such a break, an error value or such a number format, or the
    sheet has such a number."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
        styles = archive.read("styles.xml") if "styles.xml" in archive.namelist() else b""
    if _NULL_DATE_1904.search(content):
        table.date_system = "1904"
    if b"table:visibility" in content:
        cellfacts.note_hidden_rows(table, _hidden_rows(content, table.sheet_name))
    if b"<text:a " in content:
        cellfacts.link_ids(table, {number: index for index, number in enumerate(table.numbers)},
                           _ods_links(content, table.sheet_name))
    long_numbers = bool(table.notes) and cellfacts.LONG_NUMBER_NOTE in table.notes.values()
    if not any(marker in part for marker in _ODS_MARKERS for part in (content, styles)) and not any(
            _TEXT_NUMBER_STYLE.search(part) for part in (content, styles)) and not long_numbers:
        return
    at = {number: index for index, number in enumerate(table.numbers)}
    errors, stored = [], {}
    for number, column, kind, shown, as_read, value in _ods_cells(content, table.sheet_name):
        if long_numbers and kind == "float" and _LONG_DIGITS.fullmatch(value):
            stored[number, column] = value
        row = table.rows[at[number]] if number in at else []
        if column >= len(row) or shown == row[column]:
            continue
        digits = _AROUND_DIGITS.fullmatch(shown)
        if kind == "error":
            errors.append((number, column, shown.strip() or "(unnamed)"))
        elif kind == "percentage" and shown.strip().endswith("%"):  # 100%, not the score 1 (QA round 42a)
            row[column] = shown.strip()
        elif (kind in _NUMBER_TYPES and digits and row[column].isdigit() and int(digits[2]) == int(row[column])
              and (kind == "float" or shown == digits[2]) and digits[2] != row[column]):
            row[column] = shown.strip()
        elif kind == "string" and as_read == row[column]:
            row[column] = shown
    cellfacts.note_errors(table, at, errors)
    cellfacts.exact_digits(table, at, stored)


def _ods_cells(content: bytes, sheet_name: str) -> Iterator[tuple[int, int, str, str, str, str]]:
    """(sheet row number, column index, office:value-type or "error", shown text, the text as calamine
    reads it, office:value) of every cell with text in the sheet named `sheet_name`; repeated rows and columns
    counted as the sheet shows them."""
    for number, repeat, row in _sheet_rows(content, sheet_name):
        column = 0
        for cell in row:
            span = int(cell.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
            parts = [part for part in cell if part.tag == f"{_ODS_TEXT}p"]
            if parts and cell.tag == f"{_ODS_TABLE}table-cell":
                error = cell.get(f"{_CALCEXT}value-type") == "error"
                kind = "error" if error else cell.get(f"{_ODS_OFFICE}value-type", "string")
                shown = "\n".join(_ods_text(part, kept=True) for part in parts)
                as_read = "\n".join(_ods_text(part, kept=False) for part in parts)
                value = cell.get(f"{_ODS_OFFICE}value", "")
                for offset in range(min(repeat, _ODS_REPEATS)):
                    for shift in range(min(span, _ODS_REPEATS)):
                        yield number + offset, column + shift, kind, shown, as_read, value
            column += span


_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def _ods_links(content: bytes, sheet_name: str) -> dict[tuple[int, int], str]:
    """(sheet row number, column index) -> address of each cell of the sheet named `sheet_name` holding a link
    (<text:a xlink:href>) to a ticket's page (QA round 40a: a cell showing "open ticket"; cellfacts.link_ids)."""
    out = {}
    for number, _repeat, row in _sheet_rows(content, sheet_name):
        column = 0
        for cell in row:
            address = next((link.get(_XLINK_HREF, "") for link in cell.iter(f"{_ODS_TEXT}a")), "")
            if address and idcells.is_id_link(address):
                out[number, column] = address
            column += int(cell.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
    return out


def _hidden_rows(content: bytes, sheet_name: str) -> list[int]:
    """Sheet row numbers of the rows of the sheet named `sheet_name` hidden by a filter or collapsed
    (table:visibility), repeated rows counted as the sheet shows them (at most _ODS_REPEATS of a run)."""
    return [number + offset for number, repeat, row in _sheet_rows(content, sheet_name)
            if row.get(f"{_ODS_TABLE}visibility", "visible") != "visible"
            for offset in range(min(repeat, _ODS_REPEATS))]


def _sheet_rows(content: bytes, sheet_name: str) -> Iterator[tuple[int, int, Any]]:
    """(sheet row number of its first row, how many rows it repeats, the table-row element) of each row of
    the sheet named `sheet_name`; the element is cleared once the caller has read it."""
    number, inside = 0, False
    for event, element in ElementTree.iterparse(io.BytesIO(content), events=("start", "end")):
        if element.tag == f"{_ODS_TABLE}table":
            inside = event == "start" and element.get(f"{_ODS_TABLE}name") == sheet_name
            if event == "end" and element.get(f"{_ODS_TABLE}name") == sheet_name:
                return
        elif inside and event == "end" and element.tag == f"{_ODS_TABLE}table-row":
            repeat = int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
            yield number + 1, repeat, element
            number += repeat
            element.clear()


def _ods_text(element, *, kept: bool) -> str:
    """The text a <text:p> (or a span inside it) shows, spaces (text:s) included; with kept=False
    without its tabs and line breaks, as calamine reads it."""
    out = [element.text or ""]
    for child in element:
        if child.tag == f"{_ODS_TEXT}s":
            out.append(" " * int(child.get(f"{_ODS_TEXT}c", "1")))
        elif child.tag == f"{_ODS_TEXT}tab":
            out.append("\t" if kept else "")
        elif child.tag == f"{_ODS_TEXT}line-break":
            out.append("\n" if kept else "")
        else:
            out.append(_ods_text(child, kept=kept))
        out.append(child.tail or "")
    return "".join(out)
