"""Cell rules: one small cleaning function per kind of field.

Every function takes the cell text exactly as read (never None: a blank cell is
"") and returns a `Cleaned`: the value to send, or an `Issue` saying what is
wrong and how to fix it, plus warnings. The caller (`validation`) adds the row
number and column name to turn an Issue into a user-facing `Problem`.

Where the rules come from:
- ids are strings exactly as typed, outer whitespace (incl. NBSP) trimmed, no
  `.0`, no exponent: shared/samples/README.md "Conventions"; shared/cases B01, B02
  (their rules are in idcells.py).
- score is an integer within [min_score, max_score], defaults 1 and 5:
  shared/api/CONTRACT.md "Request body".
- U+0080-U+009F and U+FFFD never reach the API: shared/cases B09.
- a cell whose text is `NA`/`None` is text, not a blank: shared/cases B03.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from uploads.wordings import SCALES


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

# `4.0` (a workbook number) and `4,0`/`4,00` (a decimal comma, German Excel); not `1,000`, a thousands separator
INTEGER = re.compile(r"^([+-]?\d{1,18})(?:\.0+|,0{1,2})?$")  # at most 18 digits: int() of thousands fails
# What a spreadsheet shows, and saves to CSV, for a formula that failed: never an id or a customer's words
# (#N/A aside: it is also text people type for "no answer", and pandas' NA text, kept as typed: B03); Google
# Sheets' #ERROR! (a parse error: a comment starting with "=" typed into a cell, QA round 29b)
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
SEEN_UNANSWERED = frozenset({-99, -999, -9})  # Qualtrics' usual 'seen but unanswered' recodes
# A score written with its scale: "4/5", "4 / 5", "4 out of 5", "4 of 5" (hand-made sheets, review exports)
OUT_OF = re.compile(r"^(\d{1,18})\s*(?:/|out of|of)\s*(\d{1,18})$", re.IGNORECASE)  # 18 digits: see INTEGER
# Star ratings: filled stars, then the empty ones of the scale ("★★★★☆"); emoji stars are all filled
STARS = re.compile(r"^([★⭐]+)(☆*)$")
# A number with its words: "4 stars" (German "4 Sterne", French, Spanish, Portuguese, Italian), "5 - Very
# satisfied", "1: Not at all likely" (labelled choices)
_STAR_WORDS = r"(?:stars?|sterne?|étoiles?|estrellas?|estrelas?|stelle|stella)"
NUMBER_WORDS = re.compile(rf"^(\d{{1,18}})\s*(?:{_STAR_WORDS}\b|[-–—:.)]\s*([^\W\d_].*)|\(\s*([^\W\d_][^)]*?)\s*\))$",
                          re.IGNORECASE)
WORDS_NUMBER = re.compile(r"^([^\W\d_][^()]*?)\s*\(\s*(\d{1,18})\s*\)$")  # "Very satisfied (5)"
# A score a spreadsheet turned into a date and shows as one: "4/5" as 5-Apr or Apr-05, "4.5" as 04. Mai (German
# Excel), 3.10 as 3. Okt: the number in it is a day or a month, not the score (QA round 29b). Month names and
# abbreviations of the languages Excel's dates come in (English, German, French, Spanish, Dutch, Italian).
_MONTHS = (r"jan(?:uary|uar|vier|v)?|feb(?:ruary|ruar)?|févr?(?:ier)?|mar(?:ch|s)?|m(?:ä|ae)rz|mrt|apr(?:il)?|"
           r"avr(?:il)?|abr(?:il)?|may(?:o)?|mai|mei|maj|mag(?:gio)?|jun[ei]?|junio|juin|giu(?:gno)?|jul[iy]?|julio|"
           r"juil(?:let)?|lug(?:lio)?|marzo|"
           r"aug(?:ust)?|août|ago(?:sto)?|sept?(?:ember)?|set(?:tembre)?|o[ck]t(?:ober|obre)?|ott(?:obre)?|"
           r"nov(?:ember|embre)?|de[cz](?:ember)?|déc(?:embre)?|dic(?:iembre|embre)?|ene(?:ro)?|gen(?:naio)?")
# Also a numeric date with dots (04.05.26) and a workbook's date cell (2026-04-05, as calamine reads one).
SCORE_AS_DATE = re.compile(rf"^(?:\d{{1,2}}(?:\.\s?|-|\s)(?:{_MONTHS})\.?(?:[\s./-]\d{{2,4}})?|"
                           rf"(?:{_MONTHS})\.?[\s./-]\d{{1,4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|"
                           r"\d{4}-\d{2}-\d{2}(?: 00:00:00)?)$", re.IGNORECASE)

LONG_COMMENT = 5000  # characters; above this a comment gets a warning (no API limit is published)


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
    if char in "\t\n\r":
        return Issue("bad_char", f"contains a control character ({describe_char(char)})",
                     "Retype the value on one line, without tabs")
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


def answer_key(text: str) -> str:
    """How an answer is looked up in a value map: case-folded, composed (an "é" typed as e and a combining
    accent is "é": QA round 31a), without the emoji or punctuation around its words ("🤩 Amazing" ->
    "amazing": Intercom's report labels)."""
    key = _SKIN_TONES.sub("", unicodedata.normalize("NFC", text.strip()).casefold())  # 👍🏽 is 👍 (QA round 38b)
    if not any(char.isalpha() for char in key):
        return key  # a code such as "-100" keeps its sign (Freshdesk's -101..103)
    return _ANSWER_EDGES.sub("", key) or key


def parse_int(text: str, value_map: dict[str, object] | None = None) -> int | None:
    """An integer from `4`, `+4`, `4.0` (a workbook number), `4,0` (a decimal comma) or a value-map entry
    (looked up by `answer_key`, a number also by its integer: Freshdesk's code 103 written `103.0` by a
    pandas dump, QA round 24d); None otherwise (`4,5`, `4.5`, `1,000`)."""
    value = trim(text)
    found = INTEGER.match(value)
    if value_map:
        mapped = value_map.get(value.casefold(), value_map.get(answer_key(value)))
        if mapped is None and found:
            mapped = value_map.get(str(int(found[1])))
        if isinstance(mapped, int) and not isinstance(mapped, bool):
            return mapped
    if found:
        return int(found[1])
    return None


def scale_hint(low: int, high: int, value_map: dict[str, object] | None = None) -> str:
    """The fix sentence for a score: "Enter a whole number from 1 to 5" (+ accepted words)."""
    words = [key for key, mapped in (value_map or {}).items() if not INTEGER.match(key) and key]
    extra = f" (or one of: {', '.join(words[:8])})" if words else ""
    return f"Enter a whole number from {low} to {high}{extra}"


def clean_score(text: str, low: int, high: int, value_map: dict[str, object] | None = None,
                noun: str = "score") -> Cleaned:
    """A score: an int within [low, high], mapped through `value_map` (keys case-folded), or an Issue.

    Rule: shared/api/CONTRACT.md (score integer; min_score/max_score defaults 1 and 5).
    """
    value = trim(text)
    if not value:
        return Cleaned()
    if value in PANDAS_BLANKS:
        return blank_marker(value, noun)
    issue = strict_char_issue(value)
    if issue:
        return Cleaned(issue=issue)
    number = parse_int(value, value_map)
    hint = scale_hint(low, high, value_map)
    if number is None and SCORE_AS_DATE.match(value):
        return Cleaned(issue=Issue("score_as_date", f"'{value}' is a date a spreadsheet made of the score (4/5 or "
                                   "4.5 typed into a cell formatted as a date)",
                                   f"{hint}; in the file, format the column as Text and type the scores again"))
    if number is None:
        return _written_score(value, low, high, hint) or Cleaned(
            issue=Issue("not_integer", f"'{value}' is not an integer", hint))
    if number < low or number > high:
        return Cleaned(issue=_range_issue(number, low, high, hint, noun))
    return Cleaned(number)


def written_score(value: str) -> tuple[int, int | None, str | None] | None:
    """(number, the scale's top or None, the words or None) of a score written with its scale ("4/5",
    "4 out of 5", "★★★★☆") or its words ("4 stars", "5 - Very satisfied", "5 (Very satisfied)", "Very
    satisfied (5)"); None for other text, and for a date a spreadsheet made of a score ("5-Apr":
    SCORE_AS_DATE)."""
    if SCORE_AS_DATE.match(value):
        return None
    found, stars = OUT_OF.match(value), STARS.match(value.replace("\ufe0f", ""))
    if stars:
        return len(stars[1]), (len(stars[1]) + len(stars[2]) if stars[2] else None), None
    if symbol := _NUMBER_SYMBOL.match(value.replace("\ufe0f", "")):  # "4️⃣", "🔟", "4⭐" (QA round 37c)
        return (10 if symbol[0] == "\U0001f51f" else int(symbol[1] or symbol[2])), None, None
    if found:
        return int(found[1]), int(found[2]), None
    if labelled := NUMBER_WORDS.match(value):
        words = labelled[2] or labelled[3]
        if words and (top := _WORDS_TOP.match(words)):  # "4 (out of 10)", "4 - of 10"
            return int(labelled[1]), int(top[1]), None
        return int(labelled[1]), None, words
    if labelled := WORDS_NUMBER.match(value):
        return int(labelled[2]), None, labelled[1]
    return None


# A digit as an emoji keycap ("4️⃣", "🔟" for 10), or a number with one star ("4⭐", "4 ★")
_NUMBER_SYMBOL = re.compile(r"^(?:(\d)\u20e3|\U0001f51f|(\d{1,2})\s*[⭐★])$")
_WORDS_TOP = re.compile(r"(?:out\s+of|of|/)\s*(\d{1,18})\s*$", re.IGNORECASE)


def _written_score(value: str, low: int, high: int, hint: str) -> Cleaned | None:
    """The Cleaned of a `written_score`: its number when the scale's top is max_score (stars without
    empty ones and words give no top to compare), an Issue naming the two tops when they differ or
    when the number and its words disagree; None for other text."""
    if (written := written_score(value)) is None:
        return None
    number, top, words = written
    if top is not None and top != high:
        start = min(low, number)
        return Cleaned(issue=Issue("other_scale", f"'{value}' is a score out of {top}, but max_score is {high}",
                                   f"If the survey's scale is {start}..{top}, set Lowest score {start} and Highest "
                                   f"score {top} on the mapping page; else enter a whole number from {low} to {high}"))
    if number < low or number > high:
        return Cleaned(issue=_range_issue(number, low, high, hint, "score"))
    if words and against_words(number, low, high, words):
        return Cleaned(issue=Issue("number_against_words", f"'{value}': the number and the words disagree "
                                   f"({number} on {low}..{high} is not where '{words}' is on its scale; the "
                                   "survey may number its choices otherwise)", hint))
    return Cleaned(number)


# The side of a scale an answer's words are on, when no scale of preset_format.SCALES knows them
_NEUTRAL = re.compile(r"\b(neither|neutral|ok|okay|average|so-so|mixed|fair)\b", re.IGNORECASE)
NEGATIVE = re.compile(r"\b(un|dis|in)satisf|\bunzufrieden|\bontevreden|\bniezadowol|\bunhappy|\bpoor|\bbad\b|"
                      r"\bterrible|\bawful|\bhorrible|\bworst|\bnot (at all |very )?(satisf|happy|good)|"
                      r"\bungenügend|\bmangelhaft|\bschlecht",
                      re.IGNORECASE)
POSITIVE = re.compile(r"satisf|zufrieden|tevreden|zadowol|contento|\bhappy|\bgood|\bgreat|\bexcellent|\bamazing|"
                      r"\bawesome|\bperfect|\bbest\b|\bsehr gut\b", re.IGNORECASE)


WORDS_TOLERANCE = 0.25  # how far (share of the scale) a number may sit from where its words are on theirs


def against_words(number: int, low: int, high: int, words: str, *, sides_only: bool = False) -> bool:
    """True when `number` on low..high is not where `words` are on their own scale ("3 - Very satisfied"
    or "5 - Very satisfied" on 0..10; "1 - Very satisfied" or "5 - Very poor" on 1..5: a survey
    numbering its choices from best to worst). Words of a scale of preset_format.SCALES: the same place
    on their scale within WORDS_TOLERANCE (with sides_only, for a label from another column: not on
    the other side of the middle, since Zendesk labels a 5-point 3 "Bad"); other words, in one cell
    with the number only: the same side of the middle (_NEUTRAL, NEGATIVE, POSITIVE)."""
    side = number - (low + high) / 2
    key = words.strip(" .!").casefold()
    known = [(scale["value_map"][key] - scale["min_score"]) / (scale["max_score"] - scale["min_score"])
             for scale in SCALES.values() if isinstance(scale["value_map"].get(key), int)]
    if known and high > low:
        place = (number - low) / (high - low)
        if sides_only:
            return all((place - 0.5) * (where - 0.5) < 0 for where in known)
        return min(abs(place - where) for where in known) > WORDS_TOLERANCE
    if sides_only or _NEUTRAL.search(key):
        return False  # a label of free text ("Great support!" beside a 1) is the user's to judge
    return (side > 0 and bool(NEGATIVE.search(key))) or (side < 0 and not NEGATIVE.search(key)
                                                           and bool(POSITIVE.search(key)))


def _range_issue(number: int, low: int, high: int, hint: str, noun: str) -> Issue:
    side = f"above max_score {high}" if number > high else f"below min_score {low}"
    what = f"{number} is {side}"
    if number in SEEN_UNANSWERED:
        what += " (the usual 'seen but unanswered' code: the customer did not answer)"
    return Issue("above_max" if number > high else "below_min", what, hint)


def clean_bound(text: str, name: str, value_map: dict[str, object] | None = None) -> Cleaned:
    """min_score/max_score from a cell: an int (value map allowed), or an Issue."""
    value = trim(text)
    if not value:
        return Cleaned()
    number = parse_int(value, value_map)
    if number is None:
        return Cleaned(issue=Issue("not_integer", f"'{value}' is not a whole number for {name}",
                                   f"Enter {name} as a whole number"))
    return Cleaned(number)


@lru_cache(maxsize=200_000)
def _email_verdict(value: str) -> str | None:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


# One address written with a name: "Ana Lee <ana@acme.com>", "Lee, Ana <ana@acme.com>", "ana@acme.com (Ana Lee)";
# the name holds no @ (two addresses are no name and its address) and nothing follows the address.
_NAMED_ADDRESS = re.compile(r"\s*\"?(?P<name>[^<>@\"]*)\"?\s*<(?P<address>[^<>()\s,;]+)>\s*")
_ADDRESS_NAMED = re.compile(r"\s*(?P<address>[^<>()\s,;]+)\s*\((?P<name>[^()<>@]*)\)\s*")


def clean_email(text: str) -> Cleaned:
    """An agent email as typed (trimmed) if email-validator accepts it, else an Issue; an address
    written with a name ("Ana Lee <ana@acme.com>", "ana@acme.com (Ana Lee)") gives the address alone,
    with a warning.

    Validation: email-validator, check_deliverability=False; results are cached
    per distinct value. Invisible characters get their own code ("invisible").
    """
    value = trim(text)
    if not value:
        return Cleaned()
    if value in PANDAS_BLANKS:
        return blank_marker(value, "agent email")
    issue = strict_char_issue(value)
    if issue:
        return Cleaned(issue=issue)
    named = _NAMED_ADDRESS.fullmatch(value) or _ADDRESS_NAMED.fullmatch(value)
    if named and not _email_verdict(address := named["address"]):
        what = "gives a name with the address" if named["name"].strip() else "writes the address in brackets"
        return Cleaned(address, warnings=[Note("email_in_name", f"'{value}' {what}: sent as {address}")])
    verdict = _email_verdict(value)
    if verdict:
        reason = verdict[0].lower() + verdict[1:].rstrip(".")
        return Cleaned(issue=Issue("not_email", f"'{value}' is not an email address: {reason}",
                                   "Enter the agent's email address, e.g. name@company.com"))
    return Cleaned(value)


def blank_marker(value: str, noun: str) -> Cleaned:
    """A cell of PANDAS_BLANKS read as blank, with a warning saying so."""
    writer = "a database export" if value == DATABASE_NULL else "pandas"
    return Cleaned(warnings=[Note("missing_marker", f"{noun} '{value}' is what {writer} writes for an empty cell: "
                                  "read as blank")])


def clean_text(text: str, noun: str = "comment") -> Cleaned:
    """Free text (comment, label, question): trimmed at both ends, otherwise verbatim.

    Internal newlines are kept. Refuses C1 controls / U+FFFD (wrong encoding); warns on a
    zero-width space or another INVISIBLE_IN_TEXT character (sent verbatim: samples/README.md
    "comment ... sent verbatim"), on a leading '=' (formula-like: sent verbatim,
    reports neutralise it, shared/cases B16) and on very long text. pandas' blank markers (`nan`,
    `<NA>`) read as blank, with a warning; `None` and `N/A` are the customer's words (shared/cases B03).
    """
    value = trim(trim(text).strip(_INVISIBLE_CHARS))
    if not value:
        return Cleaned()
    issue = text_char_issue(value)
    if issue:
        return Cleaned(issue=issue)
    if value.upper() in EXCEL_ERRORS:
        return Cleaned(warnings=[Note("excel_error", f"{noun} {value} is the error a spreadsheet formula gave in "
                                      "this cell, not the customer's words: left out")])
    if value in PANDAS_BLANKS:  # B03: no payload holds nan for a blank cell
        return blank_marker(value, noun)
    warnings = []
    if invisible := INVISIBLE_IN_TEXT.search(value):
        warnings.append(Note("invisible", f"{noun} contains an invisible {describe_char(invisible.group())} (from "
                             "copy-paste): sent as written"))
    if value.startswith("=") and noun == "comment":
        warnings.append(Note("formula_like", "comment starts with '=' (formula-like): sent verbatim; error "
                             "reports neutralise it when writing CSV/XLSX"))
    if len(value) > LONG_COMMENT:
        warnings.append(Note("long_text", f"{noun} is {len(value)} characters long; it is sent in full"))
    return Cleaned(value, warnings=warnings)
