"""A time of day written alone, as a "Time" column beside a date-only "Date" column gives it (preset
time_column): "13:45", "1:45 PM", "10:00 CET", or a fraction of a day ("0.3125" is 07:30, a General cell:
shared/cases B04). dates.py joins it to its date.
"""

from __future__ import annotations

import re

from uploads.dates import SERIAL_RANGE

# A clock time; its minutes may be left out before AM/PM ("9 AM", "2pm": a hand-made sheet's, QA round 77b).
# A minus offset after it only after seconds: "8:00-12:00" is a shift, not 08:00 at UTC-12 (QA round 80)
_TIME_OF_DAY = re.compile(r"^(\d{1,2})(?:(?:[:.]|\s?h\s?)(\d{2})(?:[:.](\d{2})(?:\.\d+)?)?)?\s*([ap]\.?m\.?)?"
                         r"(?:\s*Uhr\.?)?"
                         r"(?:\s*(?:(?-i:[A-Z]{1,5})|\+\d{2}:?\d{2}|(?(3)-\d{2}:?\d{2}|(?!))))?$", re.IGNORECASE)


def time_of_day(text: str) -> int | None:
    """The hour (0..23) of a time of day written alone ("13:45", "13.45.09", "1:45 PM", "10:00 CET": a
    zone in capitals or an offset after it is the joined timestamp's to read, or to refuse as an
    abbreviation; German "14:48 Uhr" is 14:48 o'clock), else None ("47:10", "24:00", "0:12 min" are durations
    or no time to join; a hand-made sheet's Time column: preset time_column), or of a fraction of a day
    (`day_fraction`)."""
    hour = _clock_hour(text.strip())
    if hour is None and (seconds := day_fraction(text)) is not None:
        return seconds // 3600
    return hour


# An hour alone in French or German: "14h", "9 h", "9 Uhr" (QA round 78a)
_HOUR_WORD = re.compile(r"^(\d{1,2})\s?(?:h|uhr)\.?$", re.IGNORECASE)
# What a Time column's cell says for a time not known: a blank for the date alone (QA round 78a)
_NO_TIME = frozenset({"n/a", "na", "-", "--", "?", "unknown", "tbd", "k.a.", "s/o", "inconnu", "unbekannt"})


def no_time(text: str) -> bool:
    """True for a Time column's cell that gives no time and asks for none: blank, "n/a", "-", "unknown"."""
    return not text.strip() or text.strip().casefold() in _NO_TIME


def _hour_alone(text: str) -> tuple[int, str] | None:
    """(hour, what follows it) of a time written without its minutes: "2 PM" -> (14, ""), "9 AM CET" -> (9, " CET"),
    "14h" and "9 Uhr" -> (14, ""), (9, ""); None for other text."""
    if (word := _HOUR_WORD.match(text)) and int(word[1]) < 24:
        return int(word[1]), ""
    found = _TIME_OF_DAY.match(text)
    if found and found[2] is None and (hour := _clock_hour(text)) is not None:
        return hour, text[found.end(4):]
    return None


def _clock_hour(text: str) -> int | None:
    if (word := _HOUR_WORD.match(text)) and int(word[1]) < 24:
        return int(word[1])
    found = _TIME_OF_DAY.match(text)
    if not found or found[2] is None and not found[4] or int(found[2] or 0) > 59 or (found[3] and int(found[3]) > 59):
        return None  # an hour alone is a time only with AM/PM: "14" is no time
    hour = int(found[1])
    if found[4]:
        return None if not 1 <= hour <= 12 else hour % 12 + (12 if found[4][0] in "pP" else 0)
    return hour if hour < 24 else None


def clock_decimals(text: str) -> str | None:
    """The decimals of the day a clock time is, to join to an Excel serial day ("07:30" -> "3125": 46089
    and 07:30 are 46089.3125); None for other text and for a time with a zone after it."""
    text = text.strip()
    if alone := _hour_alone(text):
        if alone[1].strip():
            return None  # a zone after it
        seconds = alone[0] * 3600
    else:
        found, hour = _TIME_OF_DAY.match(text), _clock_hour(text)
        if hour is None or not found or text[found.end(4 if found[4] else 3 if found[3] else 2):].strip():
            return None  # no clock time, or one with a zone after it
        seconds = hour * 3600 + int(found[2]) * 60 + int(found[3] or 0)
    return f"{seconds / 86400:.15f}".split(".")[1].rstrip("0") or "0"  # 15 places: no 8.6e-05


_DAY_FRACTION = re.compile(r"^0?\.\d+$")


def day_fraction(text: str, column_of_fractions: bool = False) -> int | None:
    """Seconds into the day of a time a spreadsheet stored as a fraction of a day and showed as a
    number (a General cell: "0.3125" is 07:30:00, B04), else None. In a column of fractions
    (fractions_column) every such number is one; elsewhere "0.25" stays the dotted clock time 00:25
    that its digits also read as."""
    text = text.strip()
    if not _DAY_FRACTION.match(text) or (not column_of_fractions and _clock_hour(text) is not None):
        return None
    seconds = round(float(text) * 86400)
    return seconds if seconds < 86400 else None


def fractions_column(texts: list[str]) -> bool:
    """True when three in four of a Time column's non-blank `texts` are numbers below 1 (fractions of a
    day: "0.3125", "0.25"), which day_fraction then reads as fractions throughout."""
    given = [text for text in texts if text.strip()]
    return bool(given) and sum(1 for text in given if _DAY_FRACTION.match(text.strip())) >= 0.75 * len(given)


def joined_time(text: str, column_of_fractions: bool = False) -> str:
    """A Time column's cell as it is joined after its date: as written, a day fraction's HH:MM:SS, or an hour
    written without its minutes as HH:00 ("2 PM" -> "14:00")."""
    seconds = day_fraction(text, column_of_fractions)
    if seconds is not None:
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if alone := _hour_alone(text.strip()):
        return f"{alone[0]:02d}:00{alone[1]}"  # a zone written after it stays
    return text.strip()


# A date-and-time cell whose time is midnight: the date alone, as Excel ("10/5/2026 0:00") and Google Sheets
# ("2026-10-05 0:00:00") write a date cell, beside the Time column that gives its time (QA round 77b)
_MIDNIGHT_TAIL = re.compile(r"^(?P<date>.*\d)(?:[ T]0?0:00(?::00(?:\.0+)?)?|\s12:00(?::00)?\s?[aA]\.?[mM]\.?)$")


def midnight_date(text: str) -> str | None:
    """The date of a date-and-time text whose time is midnight ("10/5/2026 0:00" -> "10/5/2026"), else None."""
    found = _MIDNIGHT_TAIL.match(text.strip())
    return found["date"] if found else None


def is_serial_day(text: str) -> bool:
    """True for a whole number of days in SERIAL_RANGE: an Excel date without its time ("46089")."""
    text = text.strip()
    return text.isascii() and text.isdigit() and len(text) <= 6 and SERIAL_RANGE[0] <= int(text) < SERIAL_RANGE[1]
