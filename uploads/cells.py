"""Cell rules: one small cleaning function per kind of field.

Every function takes the cell text exactly as read (never None: a blank cell is
"") and returns a `Cleaned`: the value to send, or an `Issue` saying what is
wrong and how to fix it, plus warnings. The caller (`validation`) adds the row
number and column name to turn an Issue into a user-facing `Problem`.

Where the rules come from:
- ids are strings exactly as typed, outer whitespace (incl. NBSP) trimmed, no
  `.0`, no exponent: shared/samples/README.md "Conventions"; shared/cases B01, B02
  (their rules are in idcells.py).
- a score's rules are in scorecells.py.
- U+0080-U+009F and U+FFFD never reach the API: shared/cases B09.
- a cell whose text is `NA`/`None` is text, not a blank: shared/cases B03.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email


@dataclass(frozen=True)
class Issue:
    """What is wrong with a cell (`what`, no row/column) and how to fix it (`fix`).

    `code` is a short stable key for tests and the UI: required, invisible,
    bad_char, excel_digits, decimal_id, not_integer, below_min, above_max,
    not_email, not_date, zone_abbreviation, no_such_date, dst_gap, future, too_old, no_agent...
    """

    code: str
    what: str
    fix: str


@dataclass(frozen=True)
class Note:
    """A warning: `code` (midnight, ambiguous_time, excel_serial, formula_like, long_text,
    missing_marker...) and `text` (a sentence without row/column)."""

    code: str
    text: str


@dataclass
class Cleaned:
    """Result of cleaning one cell: `value` (None when blank or invalid), `issue`, `warnings`."""

    value: object = None
    issue: Issue | None = None
    warnings: list[Note] = field(default_factory=list)


# Invisible characters that never belong in an id, an email, a number or a date.
# Free text (comments, labels) may hold ZWJ/ZWNJ (emoji, Persian), bidi marks (Arabic,
# Hebrew) and variation selectors, so only the ones below are refused there.
_FRIENDLY_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark (zero-width no-break space)",
    "\u00ad": "soft hyphen",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u180e": "Mongolian vowel separator",
    "\ufffd": "replacement character (the file was read with the wrong encoding)",
}
# Invisible in free text but harmless: sent verbatim (samples/README.md: a comment is sent verbatim), with a warning
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u180e"
INVISIBLE_IN_TEXT = re.compile(f"[{_INVISIBLE_CHARS}]")
# What a NUL character (U+0000) of the file becomes when read: no database stores a NUL in text
# (Postgres refuses it), so the reader puts the visible SYMBOL FOR NULL there and the cell is invalid.
NUL_SHOWN = "\u2400"
_STRICT_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                         r"\u2066-\u2069\u2400\ufeff\ufff9-\ufffb\ufffd]")
_TEXT_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2400\ufffd]")

# What a spreadsheet shows, and saves to CSV, for a formula that failed: never an id or a customer's words
# (#N/A aside: it is also text people type for "no answer", and pandas' NA text, kept as typed: B03); Google
# Sheets' #ERROR! (a parse error: a comment starting with "=" typed into a cell, QA round 29b)
# A lookup's "not found" error, English and German Excel's, as a CSV keeps it: never an id or a score (QA rounds
# 51b, 52a), nor a comment (left out with a warning: QA round 53b). Not among EXCEL_ERRORS: the messages differ
LOOKUP_FAILED = frozenset({"#N/A", "#NV"})
EXCEL_ERRORS = frozenset({"#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                          "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#GETTING_DATA", "#ERROR!",
                          # German, French and Spanish Excel and Sheets (QA round 31a)
                          "#WERT!", "#BEZUG!", "#ZAHL!", "#FEHLER!", "#VALEUR!", "#NOMBRE!", "#NOM?",
                          "#ERREUR!", "#VALOR!", "#¡REF!", "#¿NOMBRE?", "#NÚM!", "#¡NULO!", "#¡DIV/0!"}
                         # LibreOffice's Err:501 .. Err:539
                         | {f"ERR:{code}" for code in range(501, 540)})
# What pandas writes for an empty cell (NaN, NaT, pd.NA), and the NULL of a database's text export (Snowflake's
# unload, PostgreSQL's COPY, MySQL's OUTFILE: \N): a dump's blank, not the customer's words (QA round 37a)
DATABASE_NULL = "\\N"
PANDAS_BLANKS = frozenset({"nan", "NaN", "NAN", "nat", "NaT", "NAT", "<NA>", "<na>", DATABASE_NULL})
# SQL Server's and MySQL Workbench's NULL, as their grids show it: in a text file unquoted it is read as an empty
# cell (textfiles.database_nulls); typed into a workbook's comment it is kept, as B03 keeps "None", with a
# warning (QA round 57a: an SSMS grid pasted into Excel)
SQL_NULL = "NULL"
# JSON's null and JavaScript's undefined, as a JSON-to-CSV tool writes an empty value: in a comment no customer's
# words (QA round 61c); "None", which a person may type, stays the customer's (B03)
SCRIPT_BLANKS = frozenset({"null", "undefined"})

LONG_COMMENT = 5000  # characters; above this a comment gets a warning (no API limit is published)
EXCEL_CELL_LIMIT = 32_767  # characters an Excel cell holds: a text of exactly this length was cut (QA round 40b)


# The end of a text file's note on a row that runs on past the header (headerrows.check_columns): words beside
# the answers, or (SPLIT_FIX) a number or address, the rest of a last cell an unquoted separator split (items: a
# ticket id, agent, score or date there is refused: QA round 48b)
COMMENT_FIX = "If a separator inside a comment split it, put that comment in quotes in the file, or fix the cell here"
SPLIT_FIX = "If a separator inside the last cell split it, put that cell in quotes in the file, or fix the cell here"


def shortened(text: str, limit: int = 60) -> str:
    """`text` cut to `limit` characters, the last an ellipsis, for a message quoting a cell or a database
    column of that length."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def trim(text: str) -> str:
    """Cell text without outer whitespace (spaces, tabs, newlines, NBSP and other Unicode spaces)."""
    return text.strip()


def describe_char(char: str) -> str:
    """A character as the user should read it: "U+200B zero-width space"."""
    name = _FRIENDLY_NAMES.get(char) or unicodedata.name(char, "control character").lower()
    return f"U+{ord(char):04X} {name}"


def _char_issue(char: str) -> Issue:
    if char == NUL_SHOWN:
        return Issue("bad_char", "held a NUL character (U+0000), shown as \u2400: it cannot be stored or sent",
                     "Delete it and retype the value")
    if "\x80" <= char <= "\x9f" or char == "\ufffd":
        return Issue("bad_char", f"contains {describe_char(char)}, a sign the file was read with the "
                     "wrong encoding", "Save the file as 'CSV UTF-8' and upload it again, or retype the value")
    if char == "\t":
        return Issue("bad_char", f"contains a control character ({describe_char(char)})",
                     "Retype the value without the tab")
    if char in "\n\r":
        return Issue("bad_char", "contains a line break (Alt+Enter in an Excel cell)",
                     "Retype the value on one line")
    if char < " " or char == "\x7f":
        return Issue("bad_char", f"contains a control character ({describe_char(char)})",
                     "Delete the control character (it usually comes from copy-paste or a database export)")
    return Issue("invisible", f"contains an invisible {describe_char(char)}",
                 "Retype the value (the character usually comes from copy-paste)")


def strict_char_issue(text: str) -> Issue | None:
    """An Issue for the first invisible or control character in an id/email/number, else None."""
    found = _STRICT_BAD.search(text)
    return _char_issue(found.group()) if found else None


def text_char_issue(text: str) -> Issue | None:
    """An Issue for a character that must not reach the API inside free text, else None.

    Allowed in free text: tabs and line breaks, ZWJ/ZWNJ (emoji sequences,
    Persian), bidi marks, variation selectors, and (with a warning: clean_text) the
    INVISIBLE_IN_TEXT characters copy-paste leaves, such as a zero-width space.
    """
    found = _TEXT_BAD.search(text)
    return _char_issue(found.group()) if found else None


_ANSWER_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff]")


# A word's inclusive ending, as French, Spanish and Portuguese surveys write their answers: satisfait(e),
# satisfait·e, satisfecho(a), satisfecho/a, satisfeito(a); after three letters at least, so that N/A stays itself
_INCLUSIVE_ENDING = re.compile(r"(?<=[^\W\d_]{3})(?:\((?:e|a|o|s|es|as)\)|·e|/a|/e)(?![^\W\d_])")


def answer_key(text: str) -> str:
    """How an answer is looked up in a value map: case-folded, composed (an "é" typed as e and a combining
    accent is "é": QA round 31a), without the emoji or punctuation around its words ("🤩 Amazing" ->
    "amazing": Intercom's report labels), a word's inclusive ending dropped ("satisfait(e)" -> "satisfait")."""
    key = _SKIN_TONES.sub("", unicodedata.normalize("NFC", text.strip()).casefold())  # 👍🏽 is 👍 (QA round 38b)
    key = key.replace("i\u0307", "i").replace("\u2019", "'")  # Turkish İ (QA round 44c); "I’m" (QA round 45a)
    key = _INCLUSIVE_ENDING.sub("", key)  # "Très satisfait(e)" is "très satisfait" (QA round 76b)
    if not any(char.isalpha() for char in key):
        return key  # a code such as "-100" keeps its sign (Freshdesk's -101..103)
    return _ANSWER_EDGES.sub("", key) or key


@lru_cache(maxsize=200_000)
def _email_verdict(value: str) -> str | None:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


# One address written with a name: "Ana Lee <ana@acme.com>", "Lee, Ana <ana@acme.com>", "ana@acme.com (Ana Lee)",
# "Ana Lee (ana@acme.com)";
# the name holds no @ (two addresses are no name and its address) and nothing follows the address.
# "Ana Lee" <ana@acme.com>, Ana Lee <…>, "Bo" Kim <…> (a quoted nickname: QA round 51b), "Kim, Bo" <…>
_NAMED_ADDRESS = re.compile(r"\s*(?P<name>(?:\"[^\"<>]*\"|[^<>@])*)\s*<(?P<address>[^<>()\s,;]+)>\s*")
_ADDRESS_NAMED = re.compile(r"\s*(?P<address>[^<>()\s,;]+)\s*\((?P<name>[^()<>@]*)\)\s*")
# "Ana Lee (ana@acme.com)", as a team sheet's dropdown writes the agent (QA round 53a)
_NAME_ADDRESS_BRACKETED = re.compile(r"\s*(?P<name>[^()<>@]*[^\W\d_][^()<>@]*?)\s*\((?P<address>[^<>()\s,;]+)\)\s*")


# The errors a spreadsheet gives for text it took as a formula: Excel's and Google Sheets' (a name or a parse
# error), LibreOffice's Err:508/509 (brackets, a missing operator); and how to keep the text
_TEXT_READ_AS_FORMULA = frozenset({"#NAME?", "#ERROR!", "ERR:508", "ERR:509"})


def formula_text_hint(error: str) -> str:
    """". If the customer wrote text starting with '=', ..." for an error a spreadsheet gives text it took as a formula
    (_TEXT_READ_AS_FORMULA: a CSV's text, a workbook's error cell; QA rounds 64b, 65b), else ""."""
    if error.upper() not in _TEXT_READ_AS_FORMULA:
        return ""
    return (". If the customer wrote text starting with '=', '+' or '-', a spreadsheet read it as a formula: export "
            "the file again and upload it without opening it in a spreadsheet to keep the words")


def spreadsheet_error(value: str) -> str | None:
    """What a cell's text is when it is a spreadsheet's error value, for a message: "what a spreadsheet lookup
    (VLOOKUP, XLOOKUP) gives when it finds nothing" (LOOKUP_FAILED), "the error a spreadsheet formula gave in this
    cell" (EXCEL_ERRORS); None for any other text."""
    if value.upper() in LOOKUP_FAILED:
        return "what a spreadsheet lookup (VLOOKUP, XLOOKUP) gives when it finds nothing"
    return "the error a spreadsheet formula gave in this cell" if value.upper() in EXCEL_ERRORS else None


def clean_email(text: str) -> Cleaned:
    """An agent email as typed (trimmed) if email-validator accepts it, else an Issue; an address
    written with a name ("Ana Lee <ana@acme.com>", "ana@acme.com (Ana Lee)") gives the address alone,
    with a warning.

    Validation: email-validator, check_deliverability=False; results are cached
    per distinct value. Invisible characters get their own code ("invisible"), a spreadsheet's error
    value (#N/A, #REF!) "excel_error".
    """
    value = trim(text)
    if not value:
        return Cleaned()
    if value in PANDAS_BLANKS:
        return blank_marker(value, "agent email")
    issue = strict_char_issue(value)
    if issue:
        return Cleaned(issue=issue)
    named = (_NAMED_ADDRESS.fullmatch(value) or _ADDRESS_NAMED.fullmatch(value)
             or _NAME_ADDRESS_BRACKETED.fullmatch(value))
    if "?" in (named["address"] if named else value) and not value.casefold().startswith("mailto:"):
        # RFC 5322 allows it; no helpdesk's address has one (QA rounds 42a, 45a: "?ukasz@acme.com"); a name's lost
        # letter beside an intact address is dropped with the name ("Özlem Y?ld?z <oezlem@acme.de>": QA round 60b)
        return Cleaned(issue=Issue("lost_letter", f"'{value}' has a '?' where the file lost a letter (saved in a "
                                   "code page without it)",
                                   "Type the agent's address as the helpdesk shows it, or export the file again "
                                   "as UTF-8"))
    if what := spreadsheet_error(value):  # QA round 53b: "must have an @-sign"
        return Cleaned(issue=Issue("excel_error", f"{value} is {what}, not the agent email", "Type the agent's "
                                   "email, or correct the formula in the spreadsheet and save the file again"))
    if named and not _email_verdict(address := named["address"]):
        what = "gives a name with the address" if named["name"].strip() else "writes the address in brackets"
        return Cleaned(address, warnings=[Note("email_in_name", f"'{value}' {what}: sent as {address}")])
    verdict = _email_verdict(value)
    if verdict and len(parts := [part for part in re.split(r"[,;\s]+", value) if "@" in part]) > 1:
        return Cleaned(issue=Issue("two_agents", f"'{value}' names {len(parts)} agents, and an item credits one",
                                   "Keep the address of the agent to credit"))  # Simplesat's team members (QA 60a)
    if verdict:
        reason = verdict[0].lower() + verdict[1:].rstrip(".")
        return Cleaned(issue=Issue("not_email", f"'{value}' is not an email address: {reason}",
                                   "Enter the agent's email address, e.g. name@company.com"))
    return Cleaned(value)


def blank_marker(value: str, noun: str) -> Cleaned:
    """A cell of PANDAS_BLANKS, SCRIPT_BLANKS (or a score's SQL_NULL) read as blank, with a warning saying so."""
    writer = ("a database export" if value in (DATABASE_NULL, SQL_NULL) else "a JSON or JavaScript tool"
              if value in SCRIPT_BLANKS else "pandas")
    return Cleaned(warnings=[Note("missing_marker", f"{noun} '{value}' is what {writer} writes for an empty cell: "
                                  "read as blank")])


_WORD_BREAKS = re.compile("[\x0b\x0c]")  # Word's line break (VT) and page break (FF)
_BREAK_NAMES = {"\x0b": "line break (U+000B, a vertical tab)", "\x0c": "page break (U+000C, a form feed)"}


def clean_text(text: str, noun: str = "comment") -> Cleaned:
    """Free text (comment, label, question): trimmed at both ends, otherwise verbatim.

    Internal newlines are kept, and Word's line or page break (U+000B, U+000C) becomes one, with a warning. Refuses C1
    controls / U+FFFD (wrong encoding); warns on a
    zero-width space or another INVISIBLE_IN_TEXT character (sent verbatim: samples/README.md
    "comment ... sent verbatim"), on a leading '=' (formula-like: sent verbatim,
    reports neutralise it, shared/cases B16) and on very long text. pandas' blank markers (`nan`,
    `<NA>`) read as blank, with a warning; `None` and `N/A` are the customer's words (shared/cases B03).
    """
    value = trim(trim(text).strip(_INVISIBLE_CHARS))
    if not value:
        return Cleaned()
    word_breaks = _WORD_BREAKS.search(value)  # Shift+Enter in Word, pasted into a sheet (QA rounds 57d, 59b)
    value = _WORD_BREAKS.sub("\n", value) if word_breaks else value
    issue = text_char_issue(value)
    if issue:
        return Cleaned(issue=issue)
    if what := spreadsheet_error(value):  # a CSV's #N/A too, as a workbook's error cell is (QA round 53b)
        return Cleaned(warnings=[Note("excel_error", f"{noun} {value} is {what}, not the customer's words: left "
                                                     f"out{formula_text_hint(value)}")])
    if value in PANDAS_BLANKS or value in SCRIPT_BLANKS:  # B03: no payload holds nan for a blank cell
        return blank_marker(value, noun)
    warnings = [Note("line_break", f"{noun} held Word's {_BREAK_NAMES[word_breaks[0]]}: sent as a line break")
                ] if word_breaks else []
    if value == SQL_NULL:
        warnings.append(Note("missing_marker", f"{noun} 'NULL' is what a database's grid shows for an empty cell: "
                             "sent as typed; clear the cell if the customer wrote nothing"))
    if invisible := INVISIBLE_IN_TEXT.search(value):
        warnings.append(Note("invisible", f"{noun} contains an invisible {describe_char(invisible.group())} (from "
                             "copy-paste): sent as written"))
    if value.startswith("=") and noun == "comment":
        warnings.append(Note("formula_like", "comment starts with '=' (formula-like): sent verbatim; error "
                             "reports neutralise it when writing CSV/XLSX"))
    if len(text) == EXCEL_CELL_LIMIT:
        warnings.append(Note("long_text", f"{noun} is {EXCEL_CELL_LIMIT:,} characters long, as many as an Excel cell "
                                          "holds: Excel probably cut it when the file was saved; it is sent as it is "
                                          "(the full text is in the survey tool)"))
    elif len(value) > LONG_COMMENT:
        warnings.append(Note("long_text", f"{noun} is {len(value)} characters long; it is sent in full"))
    if noun == "comment" and TEMPLATE_TEXT.search(value):
        warnings.append(Note("template_row", f"comment '{value}' reads like a template's example row: exclude the row "
                             "if it is no customer's answer"))
    return Cleaned(value, warnings=warnings)


# What a sheet template's example row says of itself ("EXAMPLE ROW – delete me": QA round 44b)
TEMPLATE_TEXT = re.compile(r"\b(?:example (?:row|entry|only)|delete (?:me|this row)|sample (?:row|entry)|"
                           r"dummy (?:row|entry|data)|test row)\b", re.IGNORECASE)
