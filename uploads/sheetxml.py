"""Cells of an .xlsx worksheet's XML that calamine's values do not reveal, found by regular expressions over the
part's bytes (a sheet of 200,000 rows is not parsed into a tree): formulas without a saved result, error
values, whole numbers of 16 digits or more, cells in a padding number format, hidden rows, links to tickets'
pages. Positions are (sheet row number, 0-based column index); cellfacts turns them into CellFacts.
Only called on a zip that zipcheck.inspect_zip has checked (sizes, no entity declarations).
"""

from __future__ import annotations

import html
import re

from uploads import idcells
from uploads.numberformats import Shown

# A formula element, then no value or an empty one (group 1), then the end of its cell: no saved result,
# unless the cell is of type "str" with that empty value: the formula's result is the empty string.
_NO_RESULT = re.compile(rb"(?:</(?:[\w.-]+:)?f>|<(?:[\w.-]+:)?f\b[^>]*/>)\s*(<(?:[\w.-]+:)?v\s*/>|"
                        rb"<(?:[\w.-]+:)?v>\s*</(?:[\w.-]+:)?v>)?\s*</(?:[\w.-]+:)?c>")
# A cell of type "e" (an error value) and what it holds up to its end tag.
_ERROR_CELL = re.compile(rb"<(?:[\w.-]+:)?c\s[^>]*(?<![\w:.-])t\s*=\s*[\"']e[\"'][^>]*(?<!/)>(.*?)</(?:[\w.-]+:)?c>",
                         re.S)
# A row tag's number and hidden flag, whichever comes first.
_ROW_HIDDEN = re.compile(rb"<(?:[\w.-]+:)?row\s(?=[^>]*?(?<![\w:.-])hidden\s*=\s*[\"']([^\"']*)[\"'])"
                         rb"[^>]*?(?<![\w:.-])r\s*=\s*[\"'](\d+)[\"']")
# A formula element followed by the saved value 0, then the end of its cell.
_ZERO_RESULT = re.compile(rb"(?:</(?:[\w.-]+:)?f>|<(?:[\w.-]+:)?f\b[^>]*/>)\s*<(?:[\w.-]+:)?v>\s*0\s*</(?:[\w.-]+:)?v>"
                          rb"\s*</(?:[\w.-]+:)?c>")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>([^<]*)</(?:[\w.-]+:)?v>")
_CELL_START = re.compile(rb"<(?:[\w.-]+:)?c\s")
_ATTRIBUTE = re.compile(rb'(?<![\w:.-])(r|s|t)\s*=\s*["\']([^"\']*)["\']')
_REF = re.compile(r"([A-Za-z]+)([0-9]+)")
# A whole number stored with more than 15 significant digits: written by a tool, never by Excel (which
# keeps 15), so its digits are exact while calamine's float of it is not (B01).
_LONG_DIGITS = re.compile(rb"<(?:[\w.-]+:)?v>\s*(-?[0-9]{16,}|-?[0-9]\.[0-9]+[eE]\+?(?:1[5-9]|[2-9][0-9]))\s*"
                          rb"</(?:[\w.-]+:)?v>")  # 16 digits or more, or the same in scientific notation


def hidden_rows(xml: bytes) -> list[int]:
    """Row numbers of the rows the sheet hides."""
    return [int(number) for flag, number in _ROW_HIDDEN.findall(xml) if flag in (b"1", b"true")]


# A cell's =HYPERLINK(url, ...) formula to a ticket's page
_LINK_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f>\s*(HYPERLINK\((?:[^<]|&[a-z]+;)*\))\s*</(?:[\w.-]+:)?f>", re.I)
_FIRST_ARGUMENT = re.compile(r'HYPERLINK\(\s*"([^"]*)"', re.I)


def link_formulas(xml: bytes) -> dict[tuple[int, int], str]:
    """(row number, column index) -> "=HYPERLINK(...)" of each cell linking to a ticket's page (idcells)."""
    out = {}
    for found in _LINK_FORMULA.finditer(xml):
        formula = html.unescape(found[1].decode("utf-8", "replace"))
        ref = cell_attributes(xml, found.start()).get(b"r", b"").decode()
        if (url := _FIRST_ARGUMENT.match(formula)) and idcells.is_id_link(url[1]) and _REF.fullmatch(ref):
            out[position(ref)] = "=" + formula
    return out


_HYPERLINK = re.compile(rb"<(?:[\w.-]+:)?hyperlink\s[^>]*>")
_LINK_ATTRIBUTE = re.compile(rb'(?<![\w.-])(ref|(?:[\w.-]+:)?id)\s*=\s*["\']([^"\']*)["\']')


def hyperlinks(xml: bytes, targets: dict[str, str]) -> dict[tuple[int, int], str]:
    """(row number, column index) -> address of each cell the sheet links (<hyperlink ref="A3" r:id=...>, a
    single cell) to one of `targets` (QA round 40a: Insert > Link showing "open")."""
    out = {}
    for found in _HYPERLINK.finditer(xml):
        attributes = {name.decode().rpartition(":")[2]: value.decode()
                      for name, value in _LINK_ATTRIBUTE.findall(found[0])}
        if attributes.get("id") in targets and _REF.fullmatch(attributes.get("ref", "")):
            out[position(attributes["ref"])] = targets[attributes["id"]]
    return out


def formulas_without_result(xml: bytes, recalculated: bool) -> list[tuple[int, int]]:
    """(row number, column index) of every formula cell saved without a value. A string-typed cell
    (t="str") with an empty value holds the empty string (Excel's `IF(A2>0,"",...)`: QA round 17,
    x08_formulas_cached.xlsx E3), a blank cell; with no value element at all it holds nothing.
    recalculated: the workbook asks to be recalculated when opened, so a saved 0 is xlsxwriter's
    placeholder, not a result (QA round 24c: every agent id read as 0 from a VLOOKUP)."""
    out = []
    for found in _NO_RESULT.finditer(xml):
        attributes = cell_attributes(xml, found.start())
        ref = attributes.get(b"r", b"").decode()
        if _REF.fullmatch(ref) and not (found[1] and attributes.get(b"t") == b"str"):
            out.append(position(ref))
    if recalculated:
        out.extend(position(ref.decode()) for ref in (cell_attributes(xml, found.start()).get(b"r", b"")
                                                       for found in _ZERO_RESULT.finditer(xml))
                   if _REF.fullmatch(ref.decode()))
        out.sort()
    return out


def long_digits(xml: bytes) -> dict[tuple[int, int], str]:
    """(row number, column index) -> digits of each number cell whose value has 16 digits or more."""
    out = {}
    for found in _LONG_DIGITS.finditer(xml):
        attributes = cell_attributes(xml, found.start())
        ref = attributes.get(b"r", b"").decode()
        if attributes.get(b"t", b"n") == b"n" and _REF.fullmatch(ref):
            out[position(ref)] = found[1].decode()
    return out


def error_cells(xml: bytes) -> list[tuple[int, int, str]]:
    """(row number, column index, error text such as "#N/A") of every cell of type "e"."""
    out = []
    for found in _ERROR_CELL.finditer(xml):
        ref = cell_attributes(xml, found.start()).get(b"r", b"").decode()
        value = _VALUE.search(found[1])
        text = value[1].decode("utf-8", "replace").strip() if value else ""
        if _REF.fullmatch(ref):
            out.append((*position(ref), text or "(unnamed)"))
    return out


def padded_cells(xml: bytes, padded: dict[str, Shown | str]) -> dict[tuple[int, int], Shown | str]:
    """Number cells (no `t`, or t="n") with a padding style; text cells show their text as typed."""
    styles = b"|".join(re.escape(index.encode()) for index in padded)
    pattern = re.compile(rb"<(?:[\w.-]+:)?c\s[^>]*(?<![\w:.-])s\s*=\s*[\"'](?:" + styles + rb")[\"']")
    out = {}
    for found in pattern.finditer(xml):
        attributes = cell_attributes(xml, found.start())
        ref = attributes.get(b"r", b"").decode()
        if attributes.get(b"t", b"n") == b"n" and _REF.fullmatch(ref):
            out[position(ref)] = padded[attributes[b"s"].decode()]
    return out


def cell_attributes(xml: bytes, at: int) -> dict[bytes, bytes]:
    """r, s and t of the cell tag starting at, or last starting before, offset `at`."""
    start = at if _CELL_START.match(xml, at) else max(xml.rfind(b"<c ", 0, at), xml.rfind(b":c ", 0, at))
    return dict(_ATTRIBUTE.findall(xml, start, xml.find(b">", start)))


def position(ref: str) -> tuple[int, int]:
    """"C4" -> (4, 2): sheet row number and 0-based column index."""
    letters, digits = _REF.fullmatch(ref).groups()
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - 64
    return int(digits), column - 1
