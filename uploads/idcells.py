"""Ticket and agent ids: a cell's text -> the id as the helpdesk shows it, or an Issue naming what went wrong.

Ids stay text exactly as typed (`00123` stays `00123`, B02); what a spreadsheet or a data tool did to an id is
caught: Excel's scientific notation (B01), a number's `.0`, thousands separators, a date Excel made of it, a
link or a link formula, digits of another script, the markers of an empty cell (B03). Rules: the module's
functions; sources: shared/cases/README.md, shared/formats/EXPORT-FORMATS.md section 13.
"""

from __future__ import annotations

import decimal
import re
import unicodedata
from datetime import date

from uploads import cells, objectcells
from uploads.cells import Cleaned, Issue, Note

_DIGITS = re.compile(r"^[0-9]+$")
# Excel's and pandas' scientific notation: one digit, its decimals, an exponent (9.22251E+11, 1.2e+18, 8E+05);
# an exponent without its sign only after decimals (3.81e12): not an id such as 12E3 or 8E5
_EXCEL_EXPONENT = re.compile(r"^[+-]?\d(?:(?:[.,]\d+)?[eE][+-]\d+|[.,]\d+[eE]\d+)$")
# 20 digits or more, all zeros past the 15th (Excel) or 17th (a data tool's float): a number cell of a long id
# (Kustomer's hex 6501234567890123456789e9 read as 6.50123456789012E+30) whose digits were cut (QA rounds 30b,
# 31a); a 16-digit id only may have been rounded (cellfacts.LONG_NUMBER_NOTE: a warning)
ROUNDED_DIGITS = 20
_ROUNDED_BY_EXCEL = re.compile(rf"^(?=\d{{{ROUNDED_DIGITS},}}$)[1-9]\d{{14,16}}0{{4,}}$")  # 3 zeros: 1 id in 1,000
# 12 digits or more of which 6 or fewer before the zeros: an id a spreadsheet showed as 2.15471E+14 and saved as
# shown, then read back as a number (QA round 65a: 215471000000000 for three conversations)
_SHOWN_ROUNDED = re.compile(r"^(?=\d{12,}$)[1-9]\d{0,5}0{6,}$")
ROUNDED_TAIL = "000000"  # how every such id ends: others pass the fast paths (here, columns._tickets)
# A date as a workbook's date cell reads (uploads/workbooks.py), where an id should be.
_DATE_ID = re.compile(r"^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2}(?:\.\d{3})?)?$")
_DECIMAL_ZERO = re.compile(r"^(\d+)\.0+$")
# 922.250.816.601, 922,250,816,605, 922 250 816 604: one separator between groups of three digits
_GROUPED_DIGITS = re.compile("^\\d{1,3}(?P<sep>[.,' \u00a0\u202f])\\d{3}(?:(?P=sep)\\d{3})*$"
                             "|^\\d{1,2}(?:,\\d{2})+,\\d{3}$")  # an Indian Excel's lakh grouping: 38,12,34,567
_MISSING_MARKERS = frozenset({"nan", "none", "nat", "<na>", "null", "#n/a"})
# What pandas or a database export writes for an empty cell (cells.PANDAS_BLANKS, in any case): never an id
# (B03, QA round 37a), except "NaT", also a name. A typed "None" or "NULL" may be a ticket id as the user wrote
# it, like "NA" (B03), but never an agent's: the agent column's markers read as blank (NO_AGENT).
_BLANK_ID_MARKERS = frozenset(marker.casefold() for marker in cells.PANDAS_BLANKS) - {"nat"}
# What a helpdesk, a team or a tool writes in an agent column for a ticket no agent holds: an Excel
# PivotTable "(blank)" (QA round 33b). Not "NA", which R writes for a missing value: a typed NA stays as
# typed (shared/cases B03)
NO_AGENT = frozenset({"unassigned", "not assigned", "none", "(none)", "no agent", "-", "n/a", "null",
                      "(blank)", "--", "\u2014", "\u2013", "(unassigned)", "sin asignar", "nicht zugewiesen",
                      "non assigné", "não atribuído"})


# A Salesforce group's or queue's id: a case's OwnerId when no agent holds it
_SALESFORCE_QUEUE = re.compile(r"00G[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?")
# Digits a float64 always keeps exactly: an id written `3812345670011.0` has lost none of them.
EXACT_FLOAT_DIGITS = 15
# Longer ids get a warning (sent as typed: the API gives no limit, shared/api/CONTRACT.md).
LONG_ID_CHARS = 100


# Excel's link formula written out as text (a CSV of a sheet whose ids were links), showing a plain id
_HYPERLINK_FORMULA = re.compile(r'=\s*HYPERLINK\(\s*"([^"]*)"\s*(?:[,;]\s*(?:"([^"]*)"|([0-9]+))\s*)?\)',
                                re.IGNORECASE)
_SHOWN_ID = re.compile(r"[A-Za-z0-9_-]{0,99}[0-9][A-Za-z0-9_-]{0,99}")  # a link's text that is an id: has a digit
# A link's host written without its scheme ("acme.zendesk.com/agent/tickets/48220", as typed by hand: QA round 37c)
_BARE_HOST = r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"
# A link to a ticket's, conversation's or person's page (`kind`): the id after the kind, whatever page of it
# ("…/tickets/48216/events"), Front's conversation id, or HubSpot's ticket record (object type 0-5)
_ID_LINK = re.compile(r"https?://app(?:-[a-z0-9]+)?\.hubspot\.com/contacts/\d+/record/0-5/(?P<hubspot>[0-9]+)/?"
                      r"(?:[?#]\S*)?"
                      r"|https?://app\.frontapp\.com/open/(?P<front>cnv_[0-9a-z]+)/?(?:[?#]\S*)?"
                      r"|(?:https?://[^/\s]+|" + _BARE_HOST + r")/(?:[^\s?#]*/)?(?:#/)?"
                      r"(?P<kind>tickets?|conversations?|requests?|cases?|users|"
                      r"agents?|admins|teammates|contacts)/(?P<id>[0-9]+)(?:\.json)?/?(?:(?:events|comments|details|"
                      r"activity|overview|"
                      r"messages|notes|history|edit|view)/?)?(?:[?#]\S*)?", re.I)
_PERSON_PAGES = frozenset({"users", "agent", "agents", "admins", "teammates", "contacts"})
_ANY_LINK = re.compile(r"(?:https?://\S+|" + _BARE_HOST + r"/\S*)$", re.I)


# Several ids of four digits or more in one cell, separated by ';', '|', ',', '&' (a thousands separator
# is followed by exactly three digits) or '/' (not after a year, nor before a padded number: "2026/004821"
# is one id), or two of five or more by spaces or a line break (not "9222 5086 0010", one number written in
# groups): QA rounds 33a, 34a, 35a
_ID_LIST = re.compile(r"^\d{4,}(?:\s*[;|,&]\s*\d{4,}|\s+/\s+\d{4,})+$|^\d{5,}\s+\d{5,}$"
                      r"|^(?!(?:19|20)\d\d/)\d{4,}/[1-9]\d{3,}$")
_DIGIT_RUN = re.compile(r"\d+")
_NOT_DIGIT = re.compile(r"\D")


def is_id_link(text: str) -> bool:
    """True for a link to a ticket's, conversation's or user's page, whose id clean_id reads at its end."""
    return bool(_ID_LINK.fullmatch(text.strip()))


def is_ticket_link(text: str) -> bool:
    """True for a link to a ticket's or conversation's page (is_id_link, not a person's: _PERSON_PAGES)."""
    link = _ID_LINK.fullmatch(text.strip())
    return bool(link) and (link["kind"] or "").casefold() not in _PERSON_PAGES


# What a team sheet types where a ticket id is not known (yet): never an id, whatever the column holds (QA rounds
# 45a, 46b). Not "NA", "None" or "NULL", which may be ids as typed (B03).
PLACEHOLDER_IDS = frozenset({"tbc", "tbd", "tba", "unknown", "n/a", "?", "??", "???", "pending", "-", "--", "x",
                             "missing", "not known", "no ticket", "n.a.", "k.a.", "inconnu", "desconocido"})


# What a link in a spreadsheet shows in place of the id ("open", "View ticket"): never a ticket id itself
LINK_WORDS = re.compile(r"(?:open|view|show|go|go to|link|details|click here|here)(?:\s+(?:ticket|case|conversation|"
                        r"link|in \w+))?|ticket|case|ticket link|case link", re.IGNORECASE)


def clean_id(text: str, noun: str = "ticket id") -> Cleaned:
    """A ticket or agent id: trimmed text exactly as typed, or an Issue.

    Refuses invisible characters, Excel's scientific notation (`9.22251E+11`: the digits are gone), a
    date (a spreadsheet's reading of `OCT-15`: QA round 24c), a number saved with `.0` past
    EXACT_FLOAT_DIGITS digits (a shorter one, `3812345670011.0` from a pandas dump, is sent as its
    digits with a warning: samples/README.md "no `.0`"; EXPORT-FORMATS.md section 13), and one shown
    with thousands separators (`922.250.816.601`, German Excel's `#.##0`: shared/formats/EXPORT-FORMATS.md
    section 13), and several ids in one cell (`1876543244;1876543245`: _ID_LIST). Reads what pandas writes
    for an empty cell (`nan`, `<NA>`) as blank, with a warning
    (B03: never sent as `nan`), and in an agent id also `None`, `NULL` and words saying no agent
    (NO_AGENT); a ticket id `NA`, `None` or `NULL` is kept as typed (B03), the latter two with a
    warning. Warns about an id
    longer than LONG_ID_CHARS (a comment column mapped by mistake). A link to a ticket's,
    conversation's or user's page (`https://acme.zendesk.com/agent/tickets/48213`, Intercom's
    `.../conversation/215471234567890`) gives the id it names, with a warning: the API wants the
    id as the helpdesk shows it (shared/api/CONTRACT.md), never the link; a person's page names no ticket,
    and any other link is refused; so does Excel's
    `=HYPERLINK("…/tickets/48213","48213")` saved as text, its shown text. So do digits of another
    script (full-width `４８３０４` typed with a Japanese IME, Arabic-Indic): their ASCII digits, with
    a warning; and a word processor's dash (`T‑4206`: _DASH_LIKE) a hyphen, with a warning.
    """
    value = cells.trim(text)
    if not value:
        return Cleaned()
    if (value.isascii() and value.isdigit() and len(value) <= LONG_ID_CHARS and not _ROUNDED_BY_EXCEL.match(value)
            and not value.endswith(ROUNDED_TAIL)):
        return Cleaned(value)  # the common case: no rule applies
    if issue := _refusal(value, noun):
        return Cleaned(issue=issue)
    return _rewritten(value, noun) or _kept_as_typed(value, noun)


def _refusal(value: str, noun: str) -> Issue | None:
    """The Issue for an id that cannot be sent as written (clean_id's refusals, in the order they are tried)."""
    if noun == "ticket id" and LINK_WORDS.fullmatch(value):  # QA round 42b: "open" linking nowhere was sent
        return Issue("link_text", f"'{value}' is a link's text, not the {noun}: the cell links to no ticket's page, "
                     "or to none at all", "Type the ticket id as the helpdesk shows it")
    if value.upper() in cells.LOOKUP_FAILED:  # QA rounds 51b, 52a: sent as the agent's id, the ticket's
        typed = "the agent's id or email" if noun == "agent id" else f"the {noun}"
        return Issue("excel_error", f"{value} is what a spreadsheet lookup (VLOOKUP, XLOOKUP) gives when it finds "
                     f"nothing, not the {noun}", f"Type {typed}, or correct the lookup in the spreadsheet and save "
                     "the file again")
    if noun == "agent id" and _SALESFORCE_QUEUE.fullmatch(value):  # QA round 38b: a case owned by a queue
        return Issue("queue_id", f"{value} is a Salesforce queue's id (00G…), not an agent's (a user's id starts "
                     "with 005)", "Enter the agent's email or Salesforce user id")
    if _ROUNDED_BY_EXCEL.match(value):
        return Issue("excel_digits", f"{value} has {len(value)} digits but only its first 15 to 17 are real: a "
                     "spreadsheet kept those and filled the rest with zeros (a long id read as a number); export it "
                     "again from the helpdesk", f"Upload the new export without opening it in Excel, or type the "
                     f"full {noun}")
    if _SHOWN_ROUNDED.match(value):
        kept = value.rstrip("0")
        shown = f"{kept[0]}.{kept[1:]}E+{len(value) - 1}" if len(kept) > 1 else f"{kept}E+{len(value) - 1}"
        digits = f"its first {len(kept)} digits" if len(kept) > 1 else "its first digit"
        return Issue("excel_digits", f"{value} keeps only {digits}, then zeros: a spreadsheet "
                     f"showed the id in scientific notation ({shown}) and saved it so, and its other digits are lost; "
                     "export it again from the helpdesk", f"Upload the new export without opening it in Excel, or "
                     f"type the full {noun}")
    if _ID_LIST.match(value):  # HubSpot's 'Associated Ticket IDs' of a survey linked to two tickets
        return Issue("list_id", f"{value} holds {len(_DIGIT_RUN.findall(value))} ids, not one {noun}",
                     f"Type the one {noun} this row is about")
    if issue := cells.strict_char_issue(value):
        return issue
    if _EXCEL_EXPONENT.match(value) and exponent_digits(value.replace(",", ".")) is None:
        kept, total = _significant(value), int(re.split("[eE]", value)[1]) + 1
        if kept > 6:  # a workbook's number cell, stored with more digits than Excel shows (QA round 73b)
            lost = (f"keeps {kept} of the {noun}'s {total} digits" if kept < total else  # QA round 77a: not "17 of 17"
                    f"holds {total} digits, more than a spreadsheet's number keeps exactly")
            return Issue("excel_digits", f"{value} is a number that {lost} (in Excel: {_as_excel_shows(value)}): "
                         "digits were lost when this file was saved in Excel; export it again from the helpdesk",
                         f"Upload the new export without opening it in Excel, or type the full {noun}")
        return Issue("excel_digits", f"{value} is in Excel's scientific notation: digits were lost when this file "
                     "was saved in Excel; export it again from the helpdesk", f"Upload the new export without "
                     f"opening it in Excel, or type the full {noun}")
    if _DATE_ID.match(value) and _real_date(value[:10]):
        return Issue("date_id", f"{value} is a date, not the {noun}: a spreadsheet turns ids such as OCT-15 or 3-12 "
                     "into dates when the file is opened", f"Type the {noun} as the helpdesk shows it, in a cell "
                     "formatted as text")
    if value.upper() in cells.EXCEL_ERRORS:
        return Issue("excel_error", f"{value} is the error a spreadsheet formula gave in this cell, not the {noun}",
                     f"Type the {noun}, or correct the formula in the spreadsheet and save the file again")
    if value.startswith("[") and value.endswith("]") and isinstance(objectcells.parse_list(value), list):
        return Issue("list_id", f"{value} is a list a data tool wrote into one cell, not one {noun}",
                     f"Type the one {noun} this row is about")
    if _GROUPED_DIGITS.match(value):
        digits = _NOT_DIGIT.sub("", value)
        return Issue("grouped_digits", f"{value} is a number written with thousands separators (a spreadsheet's "
                     "number format), not the id as the helpdesk shows it", f"Type the {noun} without the "
                     f"separators ({digits} if that is the real id), or export the ids as text (in the table, Bulk "
                     "fix's Find and replace takes them out of a whole column)")  # a Tableau crosstab's (QA 57a)
    zero = _DECIMAL_ZERO.match(value)
    if zero and len(zero.group(1).lstrip("0") or "0") > EXACT_FLOAT_DIGITS:
        return Issue("decimal_id", f"{value} ends in a decimal part, so it was saved as a number, and a number keeps "
                     f"only {EXACT_FLOAT_DIGITS} digits", f"Type the {noun} without the decimal part "
                     f"({zero.group(1)} if that is the real id)")
    return None


def _as_excel_shows(value: str) -> str:
    """A number in scientific notation as Excel's General format shows it: six significant digits, trailing
    zeros dropped, the exponent signed with two digits at least ("1.234567890123457e+16" -> "1.23457E+16")."""
    mantissa, exponent = f"{float(value.replace(',', '.')):.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"


def _significant(value: str) -> int:
    """How many digits the mantissa of a number in scientific notation writes ("1.2345e+16" -> 5)."""
    return len(re.sub(r"\D", "", re.split("[eE]", value)[0]).lstrip("0")) or 1


def _rewritten(value: str, noun: str) -> Cleaned | None:
    """The id a tool's rewriting of it still holds, with a warning (every digit in scientific notation: QA round
    41b; a short number's `.0`; another script's digits; a link); None when the value is none of those."""
    if _EXCEL_EXPONENT.match(value):
        digits = exponent_digits(value.replace(",", "."))
        return Cleaned(digits, warnings=[Note("excel_digits", f"{value} is in scientific notation with every digit "
                                              f"of the {noun}: sent as {digits}")])
    if zero := _DECIMAL_ZERO.match(value):
        return Cleaned(zero.group(1), warnings=[Note(
            "decimal_id", f"{value} was written as a number (a data tool's float, e.g. pandas with a blank in the "
            f"column): sent as {zero.group(1)}, its digits")])
    if value.isdecimal() and not value.isascii():  # another script's digits only (a Japanese IME's full width)
        digits = "".join(str(unicodedata.digit(char)) for char in value)
        return Cleaned(digits, warnings=[Note(
            "other_digits", f"{value} is written with another script's digits: sent as {digits}, the same number")])
    if (found := _DASH_LIKE.search(value)) and any(map(str.isalnum, value)):  # "T‑4206": Word's (QA round 62b)
        typed = _DASH_LIKE.sub("-", value)
        return Cleaned(typed, warnings=[Note("dash_like", f"{value} holds {cells.describe_char(found[0])} where ids "
                                             f"have a hyphen: sent as {typed}")])
    return _id_of_link(value, noun)


# Characters a word processor puts where an id's hyphen was typed: hyphen, non-breaking hyphen, figure dash, en and
# em dash, minus sign, small and full-width hyphen-minus
_DASH_LIKE = re.compile("[\u2010-\u2015\u2212\ufe63\uff0d]")


def _kept_as_typed(value: str, noun: str) -> Cleaned:
    """An id sent as typed, with what is odd about it said (a formula, its length, a data tool's marker), or
    blank for the markers of an empty cell and an agent column's "no agent" words."""
    warnings = []
    if value.startswith("="):  # a formula saved as text (=A2): sent as typed, as B16 sends text
        warnings.append(Note("formula_id", f"{value} is a spreadsheet formula, not the {noun} as the helpdesk "
                             "shows it: sent as typed, check it"))
    if len(value) > LONG_ID_CHARS:
        warnings.append(Note("very_long", f"{noun} is {len(value):,} characters long; helpdesk ids are rarely over "
                             f"{LONG_ID_CHARS}: check that the right column is mapped"))
    if value.casefold() in _BLANK_ID_MARKERS or noun == "agent id" and value.casefold() in {"none", "null"}:
        return Cleaned(warnings=[Note("missing_blank", f"{noun} '{value}' is the marker a data tool (pandas, a "
                                      "database export) writes for an empty cell: read as blank")])
    if noun == "agent id" and value.casefold() in NO_AGENT:
        return Cleaned(warnings=[Note("no_agent_word", f"agent id '{value}' says no agent holds the ticket: "
                                      "read as blank")])
    if value.casefold() in _MISSING_MARKERS:  # "NaT" is also a name, "#N/A" pandas' NA text: kept as typed (B03)
        warnings.append(Note("missing_marker", f"{noun} '{value}' looks like the marker a data tool writes "
                             "for an empty cell; sent as typed, check it"))
    return Cleaned(value, warnings=warnings)


def _real_date(text: str) -> bool:
    """True when `text` (YYYY-MM-DD) is a day of the calendar ("1234-56-78" is not)."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _id_of_link(value: str, noun: str) -> Cleaned | None:
    """The id a link gives, with a warning: a helpdesk page's link gives the number after its kind of page
    ("/tickets/48216", also "/tickets/48216/events"); Excel's
    =HYPERLINK(url, text) saved as text gives its text when that is an id ("48213"), else its link's
    number, else it is sent as typed with a warning ("Open", a CRM's link); None for no link."""
    if formula := _HYPERLINK_FORMULA.fullmatch(value):
        shown = (formula[2] if formula[2] is not None else formula[3] or "").strip()
        if _SHOWN_ID.fullmatch(shown):
            return Cleaned(shown, warnings=[Note("from_link", f"{value} is a spreadsheet formula linking to a "
                                                 f"helpdesk page: sent as {shown}, the {noun} it shows")])
        if link := _ID_LINK.fullmatch(formula[1]):
            found = link["hubspot"] or link["front"] or link["id"]
            return Cleaned(found, warnings=[Note("from_link", f"{value} is a spreadsheet formula linking to a "
                                                 f"helpdesk page: sent as {found}, the {noun} at the link's end")])
        return Cleaned(value, warnings=[Note("formula_id", f"{value} is a spreadsheet formula, not the {noun} as the "
                                             "helpdesk shows it: sent as typed, check it")])
    link = _ID_LINK.fullmatch(value)
    if link and noun == "ticket id" and (link["kind"] or "").casefold() in _PERSON_PAGES:
        link = None  # a person's page names no ticket (QA round 34a)
    if link:
        found = link["hubspot"] or link["front"] or link["id"]
        return Cleaned(found, warnings=[Note(
            "from_link", f"{value} is a link to a helpdesk page: sent as {found}, the {noun} it names")])
    if _ANY_LINK.match(value):
        return Cleaned(issue=Issue("link_id", f"{value} is a link to a web page, not the {noun} as the helpdesk "
                                   "shows it", f"Type the {noun}, or link to the {noun.split()[0]}'s own page"))
    return None


def exponent_digits(text: str) -> str | None:
    """The digits of a whole number written in scientific notation ("2.15471234567899E+14" ->
    "215471234567899"); None when its significant digits are fewer than the number's digits (2.15471E+14:
    Excel's display, which lost them), when it is above 2**53 (a double's text, 2.1547123456789012e+16: the
    double had lost the id's last digits already, QA round 42a) or when it is no whole number."""
    try:
        number = decimal.Decimal(text)
    except decimal.InvalidOperation:
        return None
    digits = format(number, "f")
    significant = text.lower().split("e")[0].lstrip("+-").replace(".", "")
    whole = number == number.to_integral_value() and "." not in digits
    exact = whole and abs(number) <= 2**53 and len(significant) >= len(digits.lstrip("-"))
    return digits.lstrip("+") if exact else None


def lost_zeros(value: str, typical: int, padded: bool = False) -> bool:
    """True for a digit-only id with no leading zero left that is under half the digits of its column's
    typical id (`typical`, 6 or more: validation), or any shorter than it when the column pads its ids
    with zeros (`padded`: Salesforce's case number 1026 among 00001026-style ones): 9 among 12-digit ids,
    once 000009 before a spreadsheet program read it as a number (QA round 29b). The digits cannot be
    told again; the row says so."""
    if not is_digits(value) or value.startswith("0"):
        return False
    return len(value) < typical if padded else typical >= 6 and 2 * len(value) < typical


def short_limit(typical: int, padded: bool) -> int:
    """The most digits an id may have and still be short in its column (lost_zeros; 0: none is)."""
    return typical - 1 if padded else (typical - 1) // 2 if typical >= 6 else 0


def non_numeric_warning(value: str, noun: str = "ticket id") -> str:
    """Warning for an id that is not purely digits in a column of digit-only ids."""
    if hash_number(value):
        return f"{noun} is not purely numeric ('#' prefix kept as typed)"
    return f"{noun} '{value}' is not purely numeric like the others in this column; sent as typed"


def hash_number(value: str) -> bool:
    """True for a ticket number written as a helpdesk shows it, '#48213': sent as typed with a warning in any
    column (the sample's "'#' prefix kept as typed": shared/samples/README.md section 3), and one ticket with
    48213 when rows are compared for duplicates (rowresults.compared; QA rounds 60b, 60c)."""
    return value.startswith("#") and is_digits(value[1:])


def is_digits(value: str) -> bool:
    """True for a non-empty string of ASCII digits only."""
    return bool(_DIGITS.match(value))


_NAME_LIKE = re.compile(r"^[^\W\d_]+(?:(?:, ?|[ .'-]+)[^\W\d_]+)+$")


def looks_like_name(value: str) -> bool:
    """True for 'Jane Doe' / 'J. Smith' / 'Lee, Ana' (letters in two or more words, a comma after the family
    name: QA round 48b): a name where an id belongs."""
    return bool(_NAME_LIKE.match(value)) and " " in value


def person_name(value: str) -> bool:
    """True for a name where an agent id belongs: 'Jane Doe', or one capitalised word of letters ('Ana'); not an
    id such as 'jdoe', 'A-17' or 'ABC' (QA round 37c), nor an account's role ('Admin', 'Support': QA round 38b)."""
    return value.casefold() not in _ACCOUNT_WORDS and (looks_like_name(value) or (
        len(value) >= 2 and value.isalpha() and value[0].isupper() and value[1:].islower()))


# Accounts a helpdesk's tickets are assigned to that are no person's name
_ACCOUNT_WORDS = frozenset({"admin", "administrator", "support", "system", "bot", "helpdesk", "service", "team",
                            "sales", "billing", "automation", "api", "integration", "escalations", "tier 1", "tier 2"})


def rounded_column(tickets: list[str]) -> bool:
    """True when a text file's ticket column (`tickets`, its trimmed texts) has three or more distinct ids of 16 to 19
    digits and every one ends in zeros past its 15th digit: a spreadsheet read the ids as numbers, kept their first
    15 digits and saved zeros for the rest (Zoho Desk's 1892000000101001 as 1892000000101000), which it does to every
    such id. By chance one id in ten ends so (QA round 68a: three of six real ids did). Decided when the file is
    read (validation's context): an id typed in full on the fix-it table passes, the others stay refused. A
    workbook's number cells are flagged when read (LONG_NUMBER_NOTE)."""
    long_ids = {text for text in tickets if _past_15_digits(text)}
    return len(long_ids) >= 3 and all(_zero_tail(text) for text in long_ids)


def _past_15_digits(text: str) -> bool:
    """An id of 16 to 19 digits (20 or more are _ROUNDED_BY_EXCEL's)."""
    return 15 < len(text) < ROUNDED_DIGITS and text.isascii() and text.isdigit()


def _zero_tail(text: str) -> bool:
    """Zeros past the 15th digit: what a spreadsheet keeping 15 digits writes."""
    return text.endswith("0" * (len(text) - 15))


def rounded_issue(value: str) -> Issue | None:
    """The refusal of an id of 16 to 19 digits ending in zeros past the 15th, in a column rounded_column found;
    None for another id (one typed in full on the fix-it table)."""
    if not (_past_15_digits(value) and _zero_tail(value)):
        return None
    return Issue("excel_digits", f"{value} has {len(value)} digits and ends in zeros past the 15th, as every long id "
                 "in this column does: a spreadsheet read the ids as numbers, kept 15 digits and saved zeros for the "
                 "rest, so the last digits are lost; export it again from the helpdesk",
                 "Upload the new export without opening it in Excel, or type the full ticket id")


def long_id_warning(value: str) -> str | None:
    """Warning for a 16+ digit id the reader flagged as a number cell (Excel keeps 15 significant digits)."""
    if len(value) >= 16 and is_digits(value):
        return ("numeric id has more than 15 significant digits: may have been rounded by Excel; sent as is, "
                "check it against the helpdesk")
    return None
