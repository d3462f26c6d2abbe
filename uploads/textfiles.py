"""Delimited text files: encoding and CSV records (parsing's text half; the delimiter: delimiters.py).

`read_text` turns the bytes of a CSV/TSV/pipe/semicolon file into numbered
records (pandas' C tokenizer, or Python's csv where the two would differ);
`parsing.parse_file` then finds the header and builds the Sheet; `codepages.guess` names the code
page of a file that is no UTF-8.
Rules: shared/cases/README.md B08 (encodings), B09 (cp1252 before
charset-normalizer), B11 (records, not lines); EXPORT-FORMATS.md section 13
(Excel "CSV", "CSV UTF-8", "Unicode Text", `sep=;`).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from itertools import chain

import ftfy
import pandas

from uploads import cells, codepages, delimiters, headerrows, nontables, parsing
from uploads.headers import and_list

# (BOM, name recorded on the Sheet, codec for the bytes after it)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
_BAD_CHARS = re.compile("[\x80-\x9f\ufffd]")
# A record fed after the file's last line: an unclosed quote swallows it, which Python's csv
# (strict=False) would otherwise let pass, reading the rest of the file into one cell.
_END = "\uffff"
_NEWLINE = b"\n"
# Codecs Python looks up that decode bytes into text without being a file's encoding
_NOT_TEXT_CODECS = frozenset({"punycode", "idna", "raw-unicode-escape", "unicode-escape", "undefined"})


@dataclass
class TextTable:
    """Non-empty records of a text file with their 1-based record numbers, and how it was read."""

    numbers: list[int]
    rows: list[list[str]]
    encoding: str
    delimiter: str
    multiline: bool = False  # some record spans several lines (a quoted line break)
    text_formulas: bool = False  # the text holds '="': maybe Excel's ="00789" way of keeping a text
    nul_count: int = 0  # NUL characters replaced by cells.NUL_SHOWN
    repaired_lines: list[int] = field(default_factory=list)  # lines decoded wrongly once before (repair_mojibake)
    lost_letters: list[tuple[int, str]] = field(default_factory=list)  # (line, word) with '?' for letters
    other_reading: tuple[str, int, str, str] | None = None  # a chosen encoding beside detection's (other_reading)
    null_notes: dict[tuple[int, int], str] = field(default_factory=dict)  # (record index, column): NULL read blank
    guessed: bool = False  # the code page is charset-normalizer's statistical guess (codepages.by_rules gave none)


def read_text(data: bytes, filename: str, encoding: str | None, delimiter: str | None, cap: int,
              limits: parsing.Limits, zone: str | None = None) -> TextTable:
    """Decode (`encoding` overrides detection; `zone`, the upload's chosen time zone, hints at a short legacy
    file's code page: codepages.guess), refuse HTML/XML named as a table, drop a `sep=` line
    and a DOS end-of-file mark (Ctrl-Z) at the very end, pick the delimiter (`delimiter` overrides)
    and read at most `cap` records; raises parsing.ParseError."""
    text, encoding_name = _decode(data, encoding, zone)
    nontables.refuse_non_table_text(text, filename)
    other = other_reading(data, text, encoding_name, zone) if encoding else None
    text, repaired = repair_mojibake(text) if encoding_name.startswith("utf") else (text, [])
    lost = codepages.lost_letters(text) if "?" in text and (  # a pure-ASCII file reads as UTF-8 (QA round 42a)
        not encoding_name.startswith("utf") or text.isascii()) else []
    nuls = text.count("\x00")
    text = text.replace("\x00", cells.NUL_SHOWN) if nuls else text
    if "\ufeff" in text[1:]:  # a second export appended with its byte order mark, header or not (QA round 62b)
        text = text[:1] + re.sub("(?<=[\r\n])\ufeff", "", text[1:])
    text, declared = delimiters.split_sep_line(text.removesuffix("\x1a"))
    chosen = delimiters.override(delimiter) or declared or delimiters.detect(text)
    nulls_read = "NULL" in text and _KEPT not in text
    numbers, rows = _read_records(text.replace('"NULL"', f'"{_KEPT}"') if nulls_read else text, chosen, cap,
                                  limits, lines_before=1 if declared else 0, spaced=spaced_quotes(text, chosen))
    null_notes = database_nulls(rows) if nulls_read else {}
    breaks = text.count("\n") or text.count("\r")  # line breaks (CR LF counts once; CR-only files)
    return TextTable(numbers, rows, encoding_name, chosen, multiline=bool(numbers) and breaks > numbers[-1],
                     text_formulas="=" in text and '="' in text, nul_count=nuls,  # one character: memchr
                     repaired_lines=repaired, lost_letters=lost, other_reading=other, null_notes=null_notes,
                     guessed=not encoding and not encoding_name.startswith("utf") and codepages.by_rules(data) is None
                     and codepages.zone_page(data, zone) is None)


# A database's NULL, as SQL Server Management Studio and MySQL write it into CSV: unquoted. A quoted "NULL" is
# the word itself (csv-spectrum's null.csv); read_text reads it as _KEPT, a character no text file holds
_KEPT = "\ue000"
NULL_NOTE = "held NULL, what a database export writes for an empty cell"


def database_nulls(rows: list[list[str]]) -> dict[tuple[int, int], str]:
    """Blank each cell of `rows` (records read with every quoted "NULL" written as _KEPT) that is an unquoted
    NULL, and give the quoted ones back their word, in place; returns (record index, column) -> NULL_NOTE for
    each cell blanked, so that the row checker warns on a mapped one (items.check_noted_blanks)."""
    notes = {}
    for index, row in enumerate(rows):
        joined = "".join(row)
        if "NULL" not in joined and _KEPT not in joined:
            continue
        for position, cell in enumerate(row):
            if cell == "NULL":
                row[position] = ""
                notes[index, position] = NULL_NOTE
            elif _KEPT in cell:
                row[position] = cell.replace(_KEPT, "NULL")
    return notes


_WORD_RUN = re.compile(r"[^\s,;|\t\"]+")


def other_reading(data: bytes, text: str, name: str, zone: str | None) -> tuple[str, int, str, str] | None:
    """Where an encoding the uploader chose reads the file otherwise than detection would: (detection's encoding,
    line number, the first differing word as chosen, the same word as detection reads it); None when both read
    the same text or detection cannot read the file (QA round 49b: cp1251 chosen for a cp1252 file read "Café" as
    "Cafй" without a word)."""
    try:
        detected, detected_name = _decode(data, None, zone)
    except parsing.ParseError:
        return None
    if detected_name == name or detected == text:
        return None
    for number, (chosen_line, detected_line) in enumerate(zip(text.split("\n"), detected.split("\n"), strict=False), 1):
        if chosen_line != detected_line:
            pairs = zip(_WORD_RUN.findall(chosen_line), _WORD_RUN.findall(detected_line), strict=False)
            chosen_word, detected_word = next(((a, b) for a, b in pairs if a != b), (chosen_line, detected_line))
            return detected_name, number, chosen_word[:40], detected_word[:40]
    return None


def repair_mojibake(text: str) -> tuple[str, list[int]]:
    """(text, numbers of the lines repaired) for UTF-8 text holding text that was decoded wrongly once
    before it was saved: a UTF-8 file opened in Excel as ANSI and saved as "CSV UTF-8" again, so that
    é reads Ã©, ’ reads â€™ and Arabic Ø§Ù„ (QA round 29b; shared/formats/EXPORT-FORMATS.md section
    2). ftfy's badness test finds such lines and its fix_encoding undoes the wrong decoding, line by
    line, so a file's correct lines are never touched."""
    if text.isascii() or not ftfy.badness.is_bad(text):
        return text, []
    lines = text.split("\n")
    repaired = []
    for index, line in enumerate(lines):
        if not line.isascii() and ftfy.badness.is_bad(line) and (fixed := ftfy.fix_encoding(line)) != line:
            lines[index] = fixed
            repaired.append(index + 1)
    return "\n".join(lines), repaired


def note_swallowed_rows(sheet: parsing.Sheet) -> None:
    """Put a row note (and one notice) on each row of `sheet` that `swallowed_rows` finds."""
    swallowed = swallowed_rows(sheet.rows, sheet.columns, sheet.delimiter or ",")
    for index, note in swallowed.items():
        sheet.cell_notes.setdefault((index, None), note)
    if swallowed:
        many = len(swallowed) > 1
        numbers = and_list([str(sheet.row_numbers[index]) for index in sorted(swallowed)][:10])
        sheet.notices.append(f"Row{'s' if many else ''} {numbers} hold{'' if many else 's'} a cell with lines that "
                             "look like rows of this file: a quote may be missing there, so answers below it were "
                             "read into that cell. See each row's warning.")


_TEXT_FORMULA = re.compile(r'="((?:[^"]|"")*)"')


def unwrap_text_formulas(sheet: parsing.Sheet) -> None:
    """Read each cell written ="00789" (the way exports keep leading zeros when Excel opens a CSV)
    as Excel shows it, 00789, and say so in a notice with the count and the first cell."""
    count, first = 0, None
    for index, row in enumerate(sheet.rows):
        for position, cell in enumerate(row):
            if cell.startswith('="') and (found := _TEXT_FORMULA.fullmatch(cell)):
                row[position] = found[1].replace('""', '"')
                count += 1
                first = first or (sheet.row_numbers[index], sheet.columns[position], cell, row[position])
    if first:
        number, column, cell, value = first
        sheet.notices.append(
            f"{count:,} cell{'s' if count > 1 else ''} written as a text formula like {cell} (the way exports keep "
            f"leading zeros in Excel) {'were' if count > 1 else 'was'} read as the text Excel shows, e.g. row "
            f"{number}, column '{column}': {value}.")


def swallowed_rows(rows: list[list[str]], columns: list[str], delimiter: str) -> dict[int, str]:
    """Row index -> note for rows with a cell whose later lines look like rows of this file: each
    holds at least as many delimiters as a record has (len(columns) - 1, at least 2). That is what a
    quote opened by mistake and closed by a later one does: it swallows the rows between into one
    cell (csv and Excel read it so too), and those answers would be lost without a word.
    """
    needed = max(len(columns) - 1, 2)
    out: dict[int, str] = {}
    for index, row in enumerate(rows):
        for position, cell in enumerate(row):
            if "\n" not in cell and "\r" not in cell:
                continue
            lines = [line for line in cell.splitlines()[1:] if line.count(delimiter) >= needed]
            if lines:
                many = len(lines) > 1
                out[index] = (
                    f"column '{columns[position]}' holds {len(lines)} line{'s' if many else ''} that "
                    f"look{'' if many else 's'} like rows of this file: a quote (\") may be missing, so that the rows "
                    "below were read into this cell. Check this row in the file, close or remove the quote, and "
                    "upload the file again")
                break
    return out


def _decode(data: bytes, override: str | None, zone: str | None = None) -> tuple[str, str]:
    if override:
        try:
            info = codecs.lookup(override)
        except LookupError as exc:
            raise parsing.ParseError(f"'{override}' is not a text encoding we know. {parsing.SAVE_AS_UTF8}") from exc
        if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_TEXT_CODECS:  # rot13, base64, hex
            raise parsing.ParseError(f"'{override}' is not a text encoding. {parsing.SAVE_AS_UTF8}")
        name, not_this = info.name, (f"The encoding chosen, {override}, is not this file's: set Text encoding to "
                                     "Detect, or choose the one the file was saved in.")  # not "save it in Excel"
        bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        if name.startswith("utf-16") and not bom and b"\x00" not in data[:4096]:  # QA round 71b: "no data rows"
            raise parsing.ParseError(f"The encoding chosen, {override}, is not this file's: its first lines hold none "
                                     "of the zero bytes UTF-16 text has. Set Text encoding to Detect, or choose the "
                                     "one the file was saved in.")
        if name == "utf-16" and not bom:
            name = utf16_order(data) or "utf-16-le"  # no byte order mark: the NULs tell the order
        if not name.startswith("utf") and not data.isascii():
            # any one code page garbles one part of a file joined from UTF-8 and another: refused before decoding
            # (QA round 71b: read as cp1252 it sent "CafÃ©"; 73a: with a notice, 7 of 8 comments went garbled, and
            # a UTF-8 "č" made cp1252 "not this file's", so that Detect and the choice each sent to the other)
            _refuse_mixed_encoding(data)
        text = _decode_as(data, name, not_this)
    else:
        bom = next((entry for entry in _BOMS if data.startswith(entry[0])), None)
        if bom:
            name, text = bom[1], _decode_as(data[len(bom[0]) :], bom[2])
        elif order := utf16_order(data):
            name, text = order, _decode_as(data, order)
        else:
            try:
                name, text = "utf-8", data.decode("utf-8")
            except UnicodeDecodeError:
                if not (name := codepages.zone_page(data, zone)):  # a short file: its zone's code page
                    _refuse_mixed_encoding(data)
                    name = codepages.guess(data)
                text = _decode_as(data, name)
    text = text.removeprefix("\ufeff")
    # In text read as UTF-8 or UTF-16 such a character is really in the file: the cell checks name it.
    # From a guessed or chosen code page it means the guess was wrong.
    if not name.startswith("utf") and not text.isascii() and (found := _BAD_CHARS.search(text)):
        line = text.count("\n", 0, found.start()) + 1
        if override:  # QA round 71c: Latin-1 chosen for a Windows-1252 file was "could not be determined"
            western = name == "iso8859-1"  # QA round 72b: ISO-8859-2 chosen for a Windows-1250 file is no Latin-1
            raise parsing.ParseError(
                f"The encoding chosen, {override}, is not this file's: it reads line {line} with a character that "
                f"is not text (U+{ord(found.group()):04X}), as an ISO code page reads the letters and punctuation of a "
                "Windows code page. Set Text encoding to Detect, or choose "
                + ("the one the file was saved in (Windows-1252, most likely)." if western else
                   "the Windows code page of the file's language."))
        raise parsing.ParseError(
            f"The file's text encoding could not be determined: line {line} holds a character that is "
            f"not text (U+{ord(found.group()):04X}). {parsing.SAVE_AS_UTF8}"
        )
    return text, name


def utf16_order(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text saved without its byte order mark (PowerShell,
    a script's export: QA round 28a), told by its NULs, the high bytes of its ASCII characters (commas,
    digits, line ends: at least 1 byte in 20 even in Cyrillic or Greek text, review 29c), nearly all on
    odd bytes (little-endian) or on even ones (big-endian) of the first 4,096; else None (binary data
    has NULs on both, a stray NUL in text is rarer)."""
    sample = data[:4096]
    nuls = sample.count(b"\x00")
    if nuls < 4 or nuls * 20 < len(sample):
        return None
    if sample[1::2].count(b"\x00") >= nuls * 0.95:
        return "utf-16-le"
    return "utf-16-be" if sample[0::2].count(b"\x00") >= nuls * 0.95 else None


def _decode_as(data: bytes, codec: str, advice: str | None = None) -> str:
    """`data` decoded as `codec`; ParseError naming the first byte that is not, then `advice` (else
    parsing.SAVE_AS_UTF8)."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise parsing.ParseError(
            f"The file cannot be read as {codec} text (line {data.count(_NEWLINE, 0, exc.start) + 1:,}, byte "
            f"{exc.start + 1:,}). {advice or parsing.SAVE_AS_UTF8}"
        ) from exc


def _refuse_mixed_encoding(data: bytes) -> None:
    """Refuse a file (not valid UTF-8 as a whole) holding both UTF-8 lines and lines that are not UTF-8.

    Such a file was pasted together from two sources; any one code page garbles
    one half without an error (cp1257 read "Très" as "TrĆØs": QA enc-mixed.csv).
    A UTF-8 line is a non-ASCII line that decodes as UTF-8 without C1 controls,
    which a line of cp1252 or Mac Roman text almost never does by chance.
    Lines are physical lines, counted from 1 as a text editor shows them.
    """
    utf8_line = other_line = 0
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            is_utf8 = not _BAD_CHARS.search(line.decode("utf-8"))
        except UnicodeDecodeError:
            is_utf8 = False
        if is_utf8:
            utf8_line = utf8_line or number
        else:
            other_line = other_line or number
        if utf8_line and other_line:
            raise parsing.ParseError(
                f"The file mixes two text encodings: line {utf8_line} is UTF-8 but line {other_line} is not, "
                "so some accented letters would be read wrongly. Correct the letters on that line (and on any "
                'other line that shows them wrongly), save the file as "CSV UTF-8" and upload it again.'
            )


def spaced_quotes(text: str, delimiter: str) -> bool:
    """True when the start of `text` quotes a field after the delimiter and a space (`48213, "Slow, and slower"`:
    an exporter writing ", " between fields, QA round 62c), which csv reads as text holding the quotes unless it
    skips the spaces after a delimiter (skipinitialspace)."""
    separator = re.escape(delimiter)
    return bool(re.search(rf'{separator} +"(?:[^"]|"")*" *(?:{separator}|[\r\n]|$)', text[:parsing.SAMPLE_CHARS]))


def _read_records(text: str, delimiter: str, cap: int, limits: parsing.Limits,
                  lines_before: int = 0, spaced: bool = False) -> tuple[list[int], list[list[str]]]:
    """Non-empty CSV records with their 1-based record numbers; raises parsing.ParseError past `cap`
    of them or for a quote never closed (naming the file's line: `lines_before` lines were taken off
    its top, a `sep=` line). `spaced`: skip the spaces after a delimiter (spaced_quotes).

    pandas' C tokenizer reads most files (about 3x faster than Python's csv); whenever it cannot
    give exactly what csv.reader gives (`c_records` returns None), csv.reader reads the file.
    """
    with parsing.gc_paused():
        found = c_records(text, delimiter, spaced)
        numbers, rows = found if found is not None else csv_records(text, delimiter, cap, limits, lines_before,
                                                                    spaced)
    if len(rows) > cap:
        raise parsing.too_many_rows(limits)
    return numbers, rows


def c_records(text: str, delimiter: str, spaced: bool = False) -> tuple[list[int], list[list[str]]] | None:
    """Non-empty records as csv.reader(delimiter=delimiter, skipinitialspace=spaced) reads them, by pandas' C
    tokenizer;
    None when it would differ or fails: a NUL or a leading U+FEFF in the text (csv keeps them),
    a record longer than the first (pandas refuses it), a quote never closed.

    Records shorter than the first are padded with "" (parse_file pads every row to the header's
    width anyway). tests/test_parsing.py checks this against `csv_records` on every text fixture.
    """
    if "\x00" in text or text.startswith("\ufeff"):
        return None
    try:
        frame = pandas.read_csv(io.BytesIO(text.encode("utf-8")), sep=delimiter, header=None, dtype=str,
                                na_filter=False, skip_blank_lines=False, engine="c", encoding="utf-8",
                                skipinitialspace=spaced)
    except (pandas.errors.ParserError, pandas.errors.EmptyDataError, UnicodeError):
        return None
    rows = list(map(list, zip(*(frame[name].tolist() for name in frame.columns), strict=True)))
    joined = list(map("".join, rows))
    if "" not in joined and not any(map(str.isspace, joined)):
        return list(range(1, len(rows) + 1)), rows
    kept = [at for at, cells in enumerate(joined) if cells and not cells.isspace()]
    return [at + 1 for at in kept], [rows[at] for at in kept]


def csv_records(text: str, delimiter: str, cap: int, limits: parsing.Limits,
                lines_before: int = 0, spaced: bool = False) -> tuple[list[int], list[list[str]]]:
    """Non-empty records by Python's csv.reader (skipinitialspace=`spaced`), with their 1-based record numbers;
    raises parsing.ParseError past `cap` of them.

    A cell may be as large as the file (a 2 MB comment: QA hugecell.csv), so csv's
    process-wide field limit (128 KiB by default) is raised to limits.max_bytes, never
    lowered: the file itself is capped, and restoring it could break a parse in
    another thread. A quote never closed is refused, naming the line it opens on.
    """
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_bytes))
    reader = csv.reader(chain(io.StringIO(text, newline=""), [_END]), delimiter=delimiter, skipinitialspace=spaced)
    numbers: list[int] = []
    rows: list[list[str]] = []
    try:
        for number, row in enumerate(reader, 1):
            if any(row) and not "".join(row).isspace():
                numbers.append(number)
                rows.append(row)
                if len(rows) > cap:
                    raise parsing.too_many_rows(limits)
    except csv.Error as exc:
        raise parsing.ParseError(
            f'Line {reader.line_num + lines_before:,} cannot be read as CSV ({exc}). Look for a quote (") that is '
            "never closed, or save the file again from Excel."
        ) from exc
    if rows[-1] != [_END]:
        # the open quote runs from its line to _END's line: take away the line breaks it swallowed
        content = "".join(rows[-1]) + ("" if text.endswith(("\n", "\r")) else "\n")
        start = reader.line_num - content.count("\n") - content.count("\r") + content.count("\r\n") + lines_before
        position = len(rows[-1]) - 1
        named = f" ('{rows[0][position].strip()}')" if len(rows) > 1 and position < len(rows[0]) else ""
        where = f"Row {numbers[-1]:,}" + (f" (line {start:,} of the file)" if start != numbers[-1] else "")
        raise parsing.ParseError(  # QA round 47b: the line alone misled where quoted line breaks came before
            f'{where}, column {headerrows.column_letter(position)}{named}, opens a quote (") that is never closed, '
            "so the rest of the file would be read as one cell. Close the quote (or remove it), or save the file "
            "again from Excel."
        )
    del numbers[-1], rows[-1]
    return numbers, rows
