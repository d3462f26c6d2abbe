"""Files that are no table, whatever their name: an image, a PDF, an archive or other binary bytes (refuse_binary,
before any decoding), and text that is an Excel 2003 XML spreadsheet, an HTML page (an .xls that lies), JSON records,
a web page archive or another XML document (refuse_non_table_text, on the decoded text); each refused with what it
is and how to save the table instead.
"""

from __future__ import annotations

import json
import os
import re

from uploads import parsing, textfiles

# The first bytes of files people upload by mistake (what they are says how to save the table instead)
_BINARY_KINDS = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BINARY_CONTROLS = 16  # fewer control characters than this never make a file binary, however short


def _json_text(text: str) -> bool:
    """True for JSON records: a first line that is a whole JSON object ({"id": 1, ...}: JSON Lines, QA round 61c), or
    a file that starts a list of objects ('[{')."""
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip()
    if first.startswith("[") and first[1:].lstrip().startswith("{"):
        return True
    if not (first.startswith("{") and first.endswith("}")):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def refuse_non_table_text(text: str, filename: str) -> None:
    """ParseError for decoded text that is no table: an Excel 2003 XML spreadsheet, an HTML page, JSON records, a
    web page archive, another XML document, or binary data read as text; each message says how to save a table."""
    head = text[:2048].lstrip().lower()
    if head.startswith("<?xml") and "urn:schemas-microsoft-com:office:spreadsheet" in text[:8192]:
        raise parsing.ParseError(
            f"This file is an Excel 2003 XML spreadsheet{_named(filename)}; "
            "open it in Excel and save it as .xlsx or CSV."
        )
    if head.startswith(("<!doctype html", "<html", "<table")) or (
            head.startswith("<") and any(tag in head for tag in ("<html", "<table", "<meta", "<body"))):
        raise parsing.ParseError(
            f"This file is an HTML page{_named(filename)}; open it in Excel and save it as .xlsx or CSV."
        )
    if _json_text(text):
        raise parsing.ParseError(
            f"This file is JSON{_named(filename)} (an API's records, one object per line or in a list), not a table; "
            "convert it to CSV (a spreadsheet program's or a JSON-to-CSV tool's import) and upload that.")
    if head.startswith("mime-version:") and "multipart/related" in head:
        raise parsing.ParseError(
            f'This file is a web page archive (MHTML, Excel\'s "Single File Web Page"){_named(filename)}; open it in '
            "Excel and save it as .xlsx or CSV."
        )
    if head.startswith("<?xml"):
        raise parsing.ParseError(f"This file is an XML document, not a spreadsheet. {parsing.ACCEPTED_FORMATS}")
    sample = text[:parsing.SAMPLE_CHARS]
    # Random bytes are about 11% control characters; a few in real text are flagged cell by cell, also in a file
    # of three short rows (Word's line breaks, VT: QA round 57b)
    if (controls := len(_CONTROL_CHARS.findall(sample))) * 20 > len(sample) and controls >= _BINARY_CONTROLS:
        raise parsing.ParseError(
            f"This file is not a spreadsheet: it holds binary data, not text. {parsing.ACCEPTED_FORMATS}"
        )


def _named(filename: str) -> str:
    extension = os.path.splitext(filename)[1].lower()
    if not extension:
        return ""
    article = "an" if extension[1:2] in tuple("aefhilmnorsx") else "a"
    return f" saved with {article} {extension} name"




def refuse_binary(data: bytes) -> None:
    """ParseError for a file that is no text and no workbook: an image, a PDF, an archive (_BINARY_KINDS, by their
    first bytes) or other binary data (_refuse_binary); parsing's format sniff calls it on what is neither a zip nor
    an OLE2 file."""
    for magic, what in _BINARY_KINDS:
        if data.startswith(magic):
            raise parsing.ParseError(f"This file is {what}, not a spreadsheet. {parsing.ACCEPTED_FORMATS}")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        _refuse_binary(data[:parsing.SAMPLE_CHARS])


def _refuse_binary(sample: bytes) -> None:
    """Refuse bytes that are not text: many NULs (random binary data has about 1 in 256) or other control
    bytes (_CONTROL_BYTES), unless on
    every other byte, as UTF-16 saved without its byte-order mark has them (read as such:
    textfiles.utf16_order). A few stray NULs in text are left to the cell checks, which name each
    cell (cells.text_char_issue)."""
    nuls = sample.count(b"\x00")
    if textfiles.utf16_order(sample):
        return
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # random bytes: about 1 in 10
    if nuls >= 8 and nuls * 1000 > len(sample) or controls >= 16 and controls * 20 > len(sample):
        raise parsing.ParseError(
            f"This file is not a spreadsheet: it holds binary data, not text. {parsing.ACCEPTED_FORMATS}")


# Bytes no text encoding read here writes, but for a stray one (NUL aside, Word's VT and FF, ESC): a program's
# or an image's bytes (QA round 61b: a renamed .exe was "an encoding that could not be determined")
_CONTROL_BYTES = bytes([*range(1, 9), *range(14, 27), *range(28, 32)])
