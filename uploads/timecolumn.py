"""The Time column beside a date column: a hand-made sheet's Date | Time (preset key time_column).

`find` picks the column whose times of day join the submitted_at column's dates; `mapping` calls it when it
fills in a mapping, and items.check_time_column reads its cells (timesofday). Rules: QA rounds 54a and 55b (a
"Survey Time" beside a "Survey Date", on either side), B04 (Excel serial days with fractions of a day).
"""

from __future__ import annotations

from uploads import dates, timesofday
from uploads.autodetect import BRACKETS_AT_END, DURATION, column_texts, share
from uploads.headers import Headers, normalize

# A column holding the time of day of a date column beside it (hand-made sheets: Date | Time)
_TIME_HEADERS = frozenset({"time", "time of day", "uhrzeit", "zeit", "heure", "hora", "ora", "tijd", "czas", "tid",
                           "時刻", "時間", "时间", "시간"})  # Japanese, Chinese, Korean (QA round 63b)


def find(headers: Headers, sheet, stamps: int, used: set[int]) -> int | None:
    """The column right after the submitted_at column `stamps` (or right before it: "Survey Time" | "Survey
    Date", QA round 54a) when it gives that column's time of
    day: `stamps` holds dates alone (half or more: a hand-made sheet mixes typed dates with a few
    date-and-time cells, which keep their own time, but a date cell's 00:00 is no time; or Excel's whole serial
    numbers when the times are
    fractions of a day, B04), its header says time (_TIME_HEADERS, with anything in brackets but a duration's
    unit: "Time (EST)", "Time (hh:mm)", not "Time (mm:ss)"; or the date's own: "Survey Time" beside "Survey Date"),
    three in four of its values are times of day ("13:45", "1:45 PM", "2 PM", "0.3125": timesofday.time_of_day; a
    blank or a no-answer mark counts for neither; the others are refused on their rows: QA round 77b; half was too
    few: handle times "04:32", "31:10" were taken, QA round 78a) and fewer
    than half fall in the hour after midnight, where a duration ("00:05:30" of handling time) would
    (preset key time_column). None otherwise."""
    if share(column_texts(sheet, stamps, 50), lambda text: (":" in text and timesofday.midnight_date(text) is None) or (
            bool(dates.NUMBER_RE.match(text)) and not timesofday.is_serial_day(text))) > 0.5:
        return None  # times of their own (not a date cell's 0:00: QA round 77b), or numbers (Unix times, serials
        # with their time) a time cannot join
    return next((position for position in (stamps + 1, stamps - 1)
                 if 0 <= position < len(headers.columns) and position not in used
                 and _gives_time(headers, sheet, stamps, position)), None)


def _gives_time(headers: Headers, sheet, stamps: int, position: int) -> bool:
    """find's test of the column at `position`, beside the date column `stamps`."""
    header = headers.columns[position]
    bracket = BRACKETS_AT_END.search(header)
    if not _time_header(normalize(BRACKETS_AT_END.sub("", header)), normalize(headers.columns[stamps])) or (
            bracket and DURATION.search(bracket[0])):
        return False  # "Time (UTC)": its zone is the dates' (dateorder.decide_column); not "Time (mm:ss)"
    texts = column_texts(sheet, position, 50)
    if timesofday.fractions_column(texts):
        return True
    hours = [timesofday.time_of_day(text) for text in texts if not timesofday.no_time(text)]
    return bool(hours) and len(hours) - hours.count(None) >= 0.75 * len(hours) and hours.count(0) < 0.5 * len(hours)


# A date header's word and its time column's: "Survey Date" | "Survey Time" (QA round 54a), "Fecha" | "Hora"
_DATE_TIME_WORDS = (("date", "time"), ("datum", "uhrzeit"), ("datum", "zeit"), ("date", "heure"), ("fecha", "hora"),
                    ("data", "ora"), ("data", "hora"), ("datum", "tijd"))


def _time_header(time: str, date: str) -> bool:
    """True when `time`, a normalized header, names a time of day (_TIME_HEADERS), or the time of the date
    column `date` ("survey time" beside "survey date")."""
    words = time.split()
    return time in _TIME_HEADERS or any(word in words and _content_words([day if w == word else w for w in words])
                                        == _content_words(date.split()) for day, word in _DATE_TIME_WORDS)


def _content_words(words: list[str]) -> set[str]:
    """`words` without their little words: "date of survey" is "survey date" (QA round 55b)."""
    return set(words) - {"of", "the", "de", "der", "des", "du", "la", "le", "del", "da", "do", "van", "di"}
