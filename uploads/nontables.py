"""Text files that are no table, whatever their name: an Excel 2003 XML spreadsheet, an HTML page (an .xls that
lies), JSON records, a web page archive, another XML document or binary bytes; each refused with what it is and how
to save the table instead (textfiles.read_text calls refuse_non_table_text on the decoded text).
"""

from __future__ import annotations

import json
import os
import re

from uploads import parsing

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


