"""Score cell rules: a score's integer from what a survey or a spreadsheet wrote ("4", "4.0", "4 out of 5",
"★★★★☆", "5 - Very satisfied"), its bounds, and whether a number and its words agree.

Every function takes the cell text exactly as read and returns a `cells.Cleaned` (the value, or an
`Issue` saying what is wrong and how to fix it), like the other cell rules in `cells`.

Where the rules come from: score is an integer within [min_score, max_score], defaults 1 and 5
(shared/api/CONTRACT.md "Request body"); a float score 5.0 is the integer 5 (shared/cases B01).
"""

from __future__ import annotations

import re
from collections.abc import Set

from uploads.cells import (
    EXCEL_ERRORS,
    LOOKUP_FAILED,
    PANDAS_BLANKS,
    SQL_NULL,
    Cleaned,
    Issue,
    answer_key,
    blank_marker,
    strict_char_issue,
    trim,
)
from uploads.wordings import SCALES

# `4.0` (a workbook number) and `4,0`/`4,00` (a decimal comma, German Excel); not `1,000`, a thousands separator
INTEGER = re.compile(r"^([+-]?\d{1,18})(?:\.0+|,0{1,2})?$")  # at most 18 digits: int() of thousands fails
# What a team sheet writes in a score cell for no answer (yet)
NO_ANSWER = frozenset({"n/a", "na", "n.a.", "-", "--", "\u2013", "\u2014", "?", "??", "tbc", "tbd", "pending",
                       "none", "no answer", "no score", "not rated", "unrated", "x",
                       # German "keine Angabe", French "sans objet", "non disponible", Spanish "no disponible",
                       # Dutch "niet van toepassing" (QA round 60b)
                       "k.a.", "k. a.", "k.a", "s/o", "n/d", "n.d.", "n.v.t.", "nvt",
                       # and written out (QA round 77a: a French survey's "Sans objet" was refused as a typo)
                       "keine angabe", "sans objet", "non applicable", "non disponible", "no disponible",
                       "no aplica", "niet van toepassing", "não se aplica", "non applicabile", "not applicable"})
SEEN_UNANSWERED = frozenset({-99, -999, -9})  # Qualtrics' usual 'seen but unanswered' recodes
# A score written with its scale: "4/5", "4 / 5", "4 out of 5", "4 of 5" (hand-made sheets, review exports), in
# German, French, Spanish, Portuguese, Italian and Dutch too: "4 von 5", "4 sur 5", "3 de 5", "4 su 5", "2 van 5"
# (QA round 77b). 18 digits: see INTEGER
OUT_OF = re.compile(r"^(\d{1,18})\s*(?:/|out of|of|von|sur|de|su|van)\s*(\d{1,18})$", re.IGNORECASE)
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


def point_words(value_map: dict[str, object] | None, seen: Set[str] = frozenset()) -> dict[int, str]:
    """score -> one word of `value_map` (answer key -> score) for it: the file's own where `seen` (the column's
    answer keys) has one ("dissatisfied", not the scale's first "somewhat dissatisfied": QA round 56a); else the
    one sharing most words with the file's, its language ("sehr unzufrieden" beside "sehr zufrieden", not "very
    dissatisfied": QA round 57d), or an emoji beside the file's emoji (QA round 47a); else the first."""
    tokens = {token for word in seen for token in word.split()}
    emoji = bool(seen) and not any(char.isalpha() for word in seen for char in word)
    candidates: dict[int, list[str]] = {}
    for key, mapped in (value_map or {}).items():
        if key and not INTEGER.match(key) and isinstance(mapped, int) and not isinstance(mapped, bool):
            candidates.setdefault(mapped, []).append(key)

    def rank(word: str) -> tuple:
        return (word not in seen, -len(tokens & set(word.split())), emoji and any(char.isalpha() for char in word),
                word if word in seen else "")
    return {score: min(words, key=rank) for score, words in candidates.items()}


def scale_hint(low: int, high: int, value_map: dict[str, object] | None = None, seen: Set[str] = frozenset()) -> str:
    """The fix sentence for a score: "Enter a whole number from 1 to 5" (+ one word the value map gives each
    score, best first: every score named, not the first 8 words of one: QA round 53a; the file's own or its
    language's where `seen`, the column's answer keys, tells: point_words), when they span the scale itself."""
    first = point_words(value_map, seen)
    if first and (min(first), max(first)) != (low, high):  # 1..5 words beside a 0..10 scale are refused (QA 65a)
        first = {}
    words = [f"{word} = {score}" for score, word in sorted(first.items(), reverse=True)]
    extra = f" (or a word: {', '.join(words)})" if words else ""
    return f"Enter a whole number from {low} to {high}{extra}"


def clean_score(text: str, low: int, high: int, value_map: dict[str, object] | None = None,
                noun: str = "score", seen: Set[str] = frozenset()) -> Cleaned:
    """A score: an int within [low, high], mapped through `value_map` (keys case-folded), or an Issue whose fix
    names the words of `seen` (the column's answer keys: scale_hint).

    Rule: shared/api/CONTRACT.md (score integer; min_score/max_score defaults 1 and 5).
    """
    value = trim(text)
    if not value:
        return Cleaned()
    if value in PANDAS_BLANKS or value == SQL_NULL:  # no score to send (QA round 57a)
        return blank_marker(value, noun)
    issue = strict_char_issue(value)
    if issue:
        return Cleaned(issue=issue)
    if value.endswith(("?", "？")) and value.casefold() not in NO_ANSWER and any(char.isalnum() for char in value):
        return Cleaned(issue=Issue("unsure_score", f"'{value}' ends with a question mark: whoever typed it was not "
                                   "sure of the answer", f"{scale_hint(low, high, value_map, seen)}: the answer the "
                                   "customer gave, or exclude the row"))  # QA round 48a: 'très satisfait?' was 5
    number = parse_int(value, value_map)
    if number is None and high == 100 and value.endswith("%") and (found := INTEGER.match(value[:-1].strip())):
        number = int(found[1])  # a percentage cell ("80%") on a 0..100 scale (QA round 43b)
    hint = scale_hint(low, high, value_map, seen)
    if number is None and SCORE_AS_DATE.match(value):
        return Cleaned(issue=Issue("score_as_date", f"'{value}' is a date a spreadsheet made of the score (4/5 or "
                                   "4.5 typed into a cell formatted as a date)",
                                   f"{hint}; in the file, format the column as Text and type the scores again"))
    if number is None and value.casefold() in NO_ANSWER:  # a team sheet's "N/A", "-", "?" (QA round 44b)
        return Cleaned(issue=Issue("no_answer", f"'{value}' marks a row with no score to send",
                                   f"{hint} if the customer gave one, or exclude the row"))
    if number is None and (value.upper() in EXCEL_ERRORS or value.upper() in LOOKUP_FAILED):  # QA round 51b
        return Cleaned(issue=Issue("excel_error", f"{value} is the error a spreadsheet formula gave in this cell, not "
                                   f"the {noun}", f"{hint}, or correct the formula in the spreadsheet and save the "
                                   "file again"))
    if number is None and value.endswith("%") and INTEGER.match(value[:-1].strip()):  # a team sheet's 80% (QA 60b)
        return Cleaned(issue=Issue("not_integer", f"'{value}' is a percentage, not a score on {low}..{high}",
                                   f"{hint}: the answer the customer gave"))
    if number is None and (point := _wording_point(value, low, high)) is not None:  # QA round 77b: "sehr zufrieden"
        return Cleaned(issue=Issue("not_integer", f"'{value}' is not an integer",
                                   f"Write {point}, its number on {low}..{high}, or exclude the row"))
    if number is None:
        return _written_score(value, low, high, hint) or Cleaned(
            issue=Issue("not_integer", f"'{value}' is not an integer", hint))
    if number < low or number > high:
        return Cleaned(issue=_range_issue(number, low, high, hint, noun))
    return Cleaned(number)


def _wording_point(value: str, low: int, high: int) -> int | None:
    """The score a satisfaction wording of `low`..`high` gives the word `value` (wordings.SCALES' csat wordings:
    "sehr zufrieden" is 5 of 1..5), when every such wording gives it the same; else None. Only satisfaction words,
    whose place no one doubts: "great" is 4 or 5 by the survey (QA round 58b)."""
    key = answer_key(value)
    points = {scale["value_map"][key] for name, scale in SCALES.items() if name.startswith("csat") and (
        scale["min_score"], scale["max_score"]) == (low, high) and key in scale["value_map"]
        and not scale.get("alternative")}
    return points.pop() if len(points) == 1 else None


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
_WORDS_TOP = re.compile(r"(?:out\s+of|of|von|sur|de|su|van|/)\s*(\d{1,18})\s*$", re.IGNORECASE)


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
             for scale in SCALES.values() if not scale.get("alternative")  # wordings.SCALES: no word alone
             and isinstance(scale["value_map"].get(key), int)]
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
    if number in SEEN_UNANSWERED:  # the fix is no score to invent (QA round 51a)
        what += " (the usual 'seen but unanswered' code: the customer did not answer)"
        hint = f"Exclude the row, as there is no score to send; if it is a typo, {hint[0].lower()}{hint[1:]}"
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
