"""Timestamp rules: cell text -> `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC.

Where the rules come from (shared/samples/README.md "Conventions", shared/cases
B04, shared/formats/EXPORT-FORMATS.md section 14):
- `Z`, an offset (`+02:00`, `+0200`, `GMT-0400`) or a Unix epoch (seconds, milliseconds) is
  absolute. A naive value is read in the zone the file declares (Qualtrics
  header row 3, or the column's header: zones.py), else the preset's zone, else the uploader's choice.
- DST: a wall time in the spring-forward gap is invalid; one in the fall-back
  overlap takes the first occurrence (fold=0) with a warning (zones.localize).
- Layouts: ISO (`T` or space, optional seconds/fraction), `M/D/YYYY H:MM:SS`,
  `MM/DD/YYYY hh:mm:ss AM/PM`, `D.M.YYYY HH:MM`, month names, JavaScript's Date.toString(),
  East Asian dates (2026年10月5日, 오후 2:48), date only (midnight, with a warning; a Time column
  beside it: timesofday.py), Excel serials 36526..73050 (years 2000-2099, with a
  warning), epochs. Sub-millisecond digits are truncated.
- Day-first vs month-first is decided once per column (dateorder.decide_column) and
  never mixed within a column.
- Before 2000 or more than a day in the future is invalid.

Public: `parse_timestamp`, `ColumnDates` (a column's decision, made by dateorder.decide_column), `Parsed`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from uploads import zones
from uploads.cells import PANDAS_BLANKS, Issue, Note, strict_char_issue
from uploads.datelayouts import COMPACT_DATE, MONTHS, local_layout, without_place

# H:MM[:SS[.fff]]; Italian and Finnish sheets write the time with dots (14.05.09), one separator throughout
_TIME = (r"(?:(?:T|,?\s+(?:at\s+)?)(?P<H>\d{1,2})(?P<ts>[:.])(?P<M>\d{2})(?:(?P=ts)(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?"
         r"\s*(?P<ap>[AaPp]\.?\s?[Mm]\.?)?)?")
# Z, UTC, an offset (+02:00, +0200, GMT-0400); an offset may be followed by its zone's name in brackets, as
# JavaScript's Date.toString() writes it: "Mon Oct 05 2026 10:48:00 GMT-0400 (Eastern Daylight Time)"
_ZONE = (r"\s*(?:(?P<tz>(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}(?::?\d{2})?|Z|UTC|GMT)"
         r"(?:\s+\([^()]{3,60}\))?)?")
ISO_RE = re.compile(r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})" + _TIME + _ZONE + "$",
                    re.I)
NUMERIC_RE = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})" + _TIME
                        + _ZONE + "$", re.I)
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
NAME_MDY_RE = re.compile(r"^" + _WEEKDAY + r"(?P<mon>[^\W\d_]{3,10})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
                         r"(?P<y>\d{4})" + _TIME + _ZONE + "$", re.I)
NAME_DMY_RE = re.compile(r"^" + _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?[\s/-]+(?P<mon>[^\W\d_]{3,12})\.?"
                         r"[\s/-]+(?P<y>\d{4}|\d{2})" + _TIME + _ZONE + "$", re.I)  # 4-May-26; Jira's 02/Oct/26
ISO_Z_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.(\d{1,6}))?Z", re.ASCII)
NUMBER_RE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
# An Excel serial written with a decimal comma, as a German or French Excel saves a "General" date column to CSV:
# 46089,3125 (QA round 65b); five digits before the comma, so no thousands separator
_COMMA_SERIAL = re.compile(r"(\d{5}),(\d{1,12})")


def dotted_serial(value: str) -> str:
    """`value` with a serial's decimal comma as a dot ("46089,3125" -> "46089.3125"), else `value` as it is."""
    return f"{found[1]}.{found[2]}" if (found := _COMMA_SERIAL.fullmatch(value)) else value

_MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]
EXCEL_EPOCH = datetime(1899, 12, 30)
SERIAL_RANGE = (36526, 73051)  # 2000-01-01 (inclusive) .. 2100-01-01 (exclusive)
# A workbook in the 1904 date system (Excel for Mac's old default) counts days from 1904-01-01:
# the same serial is 1,462 days later than in the 1900 system.
EPOCHS = {"1900": EXCEL_EPOCH, "1904": datetime(1904, 1, 1)}
SHIFT_1904 = 1462
EPOCH_SECONDS = (946684800, 4102444800)  # 2000-01-01 .. 2100-01-01 UTC
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
SERIAL_SECOND_DECIMALS = 6  # a serial date's decimals too few to tell milliseconds: read to the second
ORDER_WORDS = {"MDY": "month/day/year", "DMY": "day/month/year"}


@dataclass
class ColumnDates:
    """How one date column is read; JSON-serialisable via `asdict`/`from_json`.

    order: 'MDY' or 'DMY' for numeric dates like 3/8/2026 (None: none in the column).
    zone: the zone for naive values when the file or preset fixes it, else None
    (then the upload's time zone applies); zone_source: 'file' | 'header' | 'time header' | 'preset' | None.
    zone_unknown: a zone the file declares that is no IANA name (a Windows name such as
    "Mountain Standard Time"), said in the decision; the next source then applies.
    date_system: "1900", or "1904" when the workbook counts serial numbers from 1904.
    swapped_cells: the column is a workbook's whose typed dates settle the order while others were
    date cells: those may have been read the other way by the spreadsheet that opened the file (a UK
    CSV opened in a US Excel: QA round 24c; a US SurveyMonkey export opened in a UK one, 30b), so a
    date cell whose day could be a month gets a warning.
    """

    column: str
    order: str | None = None
    order_reason: str = ""
    zone: str | None = None
    zone_source: str | None = None
    zone_unknown: str | None = None
    has_naive: bool = False
    has_absolute: bool = False
    both_orders: bool = False  # some values settle day first and others month first: the unsettled get a warning
    serials: int = 0
    date_system: str = "1900"
    swapped_cells: bool = False
    swap_back: bool = False  # and its dates prove the cells swapped: each is read back (swappedcells.swapped_back)

    def serial_range(self) -> tuple[int, int]:
        """Serial numbers read as dates: 2000-01-01 (inclusive) .. 2100-01-01 (exclusive) in this date system."""
        shift = SHIFT_1904 if self.date_system == "1904" else 0
        return SERIAL_RANGE[0] - shift, SERIAL_RANGE[1] - shift

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> ColumnDates:
        return cls(**{key: data[key] for key in cls.__dataclass_fields__ if key in data})

    def sentences(self, upload_zone: str) -> list[str]:
        """Decisions as sentences for the user ("Timestamp read as month/day/year, because ...")."""
        out = []
        if self.order:
            out.append(f"'{self.column}' read as {ORDER_WORDS[self.order]}, {self.order_reason}")
        if self.has_absolute and not self.has_naive:
            out.append(f"'{self.column}' values carry their own time zone (Z, an offset, a zone's abbreviation or a "
                       "Unix time); the chosen time zone does not change them")
        if self.has_naive:
            source = {"file": "declared by the file", "header": "named in its header",
                      "time header": "named in the header of the column giving its time of day",
                      "preset": "set by the preset"}.get(
                self.zone_source or "", "the time zone chosen for this upload")
            unknown = (f" (the file names '{self.zone_unknown}' as its zone, which is no time zone read here: "
                       "choose the zone it means)") if self.zone_unknown else ""
            if not self.zone_source and upload_zone == "UTC":  # QA rounds 53c, 55b: a team's times went out as UTC
                source = ("the upload's time zone: if these are a team's local times, not UTC, choose their time "
                          "zone on the mapping page")  # chosen or the default: either way (QA round 71b C4)
            if self.zone_source in ("file", "header") and self.zone and upload_zone not in ("UTC", self.zone):
                source += f", not {upload_zone}, the zone chosen for this upload"  # QA round 67a C8
            out.append(f"'{self.column}' read in {self.zone or upload_zone}, {source}{unknown}")
        if self.swap_back:
            other = "month" if self.order == "DMY" else "day"
            out.append(f"'{self.column}': its date cells are read with day and month exchanged back, as a spreadsheet "
                       f"that opened the file {other} first had swapped them: read as they are, they would lie months "
                       "from the column's typed dates (each such row says so)")
        if self.serials:
            system = " of the workbook's 1904 date system" if self.date_system == "1904" else ""
            out.append(f"'{self.column}': {self.serials} plain number(s) read as Excel serial dates{system}")
        return out


@dataclass
class Parsed:
    """A parsed timestamp: `value` (the API string) or `issue`, plus warnings (sentences without row)."""

    value: str | None = None
    issue: Issue | None = None
    warnings: list[Note] = field(default_factory=list)


_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")


_TIME_FIRST = re.compile(r"(\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)[ \t]*\r?\n[ \t]*(.+)", re.S)


def one_line(text: str) -> str:
    """A date cell's text with its one line break (Alt+Enter between the date and the time in an Excel cell,
    "2026-10-07\n09:30", or the time first: "14:48\n06/11/2026") read as a space, date first, as the cell shows
    both; text with more breaks unchanged (its control character is then refused: QA rounds 47b, 49b)."""
    if text.count("\n") != 1:
        return text
    if found := _TIME_FIRST.fullmatch(text):
        return f"{found[2]} {found[1]}"
    return _LINE_BREAK.sub(" ", text, count=1)


def parse_timestamp(text: str, decision: ColumnDates, upload_zone: str, now: datetime) -> Parsed:
    """Cell text -> API timestamp under the column's decision; see the module docstring.

    upload_zone: the uploader's IANA zone (used when the file and preset fix none).
    now: aware datetime for the future check (limit: now + 1 day).
    """
    value = one_line(text.strip())
    fast = _iso_z(value, now)
    if fast is not None:
        return fast
    issue = strict_char_issue(value)
    if issue:
        return Parsed(issue=issue)
    if value in PANDAS_BLANKS:  # QA round 65a: 'NaT' said only "not a date"
        return Parsed(issue=Issue("not_date", f"'{value}' is what pandas writes for an empty date: this row has no "
                                  "date", "Enter when the customer answered, e.g. 2026-10-05 14:48:00"))
    value, place = without_place(value)
    zone_name = place or decision.zone or upload_zone
    value = dotted_serial(value)
    if NUMBER_RE.match(value) and not COMPACT_DATE.match(value):
        return _from_number(value, decision, zone_name, now)
    fields = _fields(value, decision)
    if isinstance(fields, Issue):
        return Parsed(issue=fields)
    return _finish(value, fields, decision, zone_name, now)


def _iso_z(value: str, now: datetime) -> Parsed | None:
    """Fast path for the commonest layout, `2026-10-05T14:48:00Z` (Zendesk, Freshdesk, the API's own):
    the general path's exact result for a valid value in range, else None (take the general path)."""
    match = ISO_Z_RE.fullmatch(value)
    if match is None:
        return None
    try:
        moment = datetime(int(value[:4]), int(value[5:7]), int(value[8:10]), int(value[11:13]),
                          int(value[14:16]), int(value[17:19]), tzinfo=UTC)
    except ValueError:
        return None
    if not EARLIEST <= moment <= now + timedelta(days=1):
        return None
    return Parsed(f"{value[:19]}.{(match[1] or '')[:3].ljust(3, '0')}Z")


def date_like(text: str) -> bool:
    """True when `text` starts like a timestamp this module reads (auto-detection's test of a date column)."""
    text = dotted_serial(local_layout(without_place(text.strip())[0]))
    if any(pattern.match(text) for pattern in (ISO_RE, NUMERIC_RE, NUMBER_RE)):
        return True
    found = NAME_MDY_RE.match(text) or NAME_DMY_RE.match(text)
    return bool(found) and found["mon"].casefold() in MONTHS


def _fields(value: str, decision: ColumnDates) -> dict | Issue:
    """Named parts of a timestamp (y, m, d, H, M, S, f, ap, tz) as strings, or an Issue."""
    value = local_layout(value)
    match = ISO_RE.match(value)
    if match:
        return match.groupdict()
    match = NUMERIC_RE.match(value)
    if match:
        parts = match.groupdict()
        day_first = (decision.order or ("MDY" if parts["sep"] == "/" else "DMY")) == "DMY"
        parts["d"], parts["m"] = (parts["a"], parts["b"]) if day_first else (parts["b"], parts["a"])
        if len(parts["y"]) == 2:
            parts["y"], parts["short_year"] = "20" + parts["y"], parts["y"]
        return parts
    match = NAME_MDY_RE.match(value) or NAME_DMY_RE.match(value)
    if match and match["mon"].casefold() in MONTHS:
        parts = match.groupdict()
        parts["m"] = str(MONTHS[parts["mon"].casefold()])
        if len(parts["y"]) == 2:
            parts["y"], parts["short_year"] = "20" + parts["y"], parts["y"]
        return parts
    abbreviation = _ZONE_WORD.search(value)
    if abbreviation:
        return Issue("zone_abbreviation", f"'{value}' ends in the time zone abbreviation {abbreviation[1]}, which "
                     "is not read: an abbreviation can name several zones (CST is US Central and China Standard)",
                     "Write the offset instead, e.g. 2026-10-05 14:48:00 -08:00, or drop it and choose the time "
                     "zone on the mapping page")
    if set(value) == {"#"}:  # what Excel shows for a date too wide for its column, saved as shown (QA round 40b)
        return Issue("not_date", f"'{value}' is what Excel shows for a date too wide for its column, saved in its "
                     "place", "Enter the date and time (such as 2026-10-05 14:48:00), or widen the column in Excel "
                     "and save the file again")
    if _NO_YEAR.fullmatch(value.strip()) or (any(char.isdigit() for char in value) and not _YEAR.search(value) and any(
            word in MONTHS for word in re.findall(r"[^\W\d_]+", value.casefold()))):  # "Tue 10 Nov" (QA round 60b)
        return Issue("not_date", f"'{value}' has no year, so it could be any year's date",
                     "Enter the date with its year and time, such as 2026-10-05 14:48:00")
    return Issue("not_date", f"'{value}' is not a date",
                 "Enter a date and time such as 2026-10-05 14:48:00 (or 2026-10-05T14:48:00Z)")


# A day and month without a year ("10/11", "10.11."), and a year in a date (four digits, or two after a day and month)
_NO_YEAR = re.compile(r"\d{1,2}[./-]\d{1,2}\.?")
_YEAR = re.compile(r"\d{4}|\d[./-]\d{1,2}[./-]\d{2}\b|'\d{2}\b")


# A date and time ending in a zone abbreviation other than UTC/GMT/Z (PST, CEST, IST...).
_ZONE_WORD = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\s+(?!UTC\b|GMT\b|AM$|PM$)([A-Z]{2,5})$")


# A two-digit year read more than this many days before now is refused when the same text read
# year first is a recent date: 26-10-05 is 5 Oct 2026 year first but 26 Oct 2005 day first, and an
# answer that old is the wrong guess (12/25/24 has no year-first reading: it stays 2024-12-25).
SHORT_YEAR_DAYS = 366


def _recent_year_first(parts: dict, now: datetime) -> bool:
    """True when a two-digit-year date's parts read year first (a = year, b = month, y = day) give a
    real date within SHORT_YEAR_DAYS before `now` (or a day after); False for a month written as a
    name ("4-May-24" has no year-first reading)."""
    if "a" not in parts:
        return False
    try:
        moment = datetime(2000 + int(parts["a"]), int(parts["b"]), int(parts["short_year"]), tzinfo=UTC)
    except ValueError:
        return False
    return now - timedelta(days=SHORT_YEAR_DAYS) <= moment <= now + timedelta(days=1)


def _finish(value: str, parts: dict, decision: ColumnDates, zone_name: str, now: datetime) -> Parsed:
    swapped = (decision.swapped_cells and CELL_DATE.fullmatch(value) and int(parts["d"]) <= 12
               and int(parts["d"]) != int(parts["m"]))
    if swapped and decision.swap_back:
        parts = {**parts, "d": parts["m"], "m": parts["d"]}
    built = _build(value, parts, decision)
    if isinstance(built, Issue):
        return Parsed(issue=built)
    warnings = []
    if parts["H"] is None:
        warnings.append(Note("midnight", f"'{value}' has no time part: midnight assumed"))  # the value (QA 38a)
    if swapped:
        first, other = ("day", "month") if decision.order == "DMY" else ("month", "day")
        other_day = f"{parts['y']}-{int(parts['d']):02d}-{int(parts['m']):02d}"
        warnings.append(Note("swapped_cell", (
            f"'{value}' was a date cell in a column whose typed dates read {first} first: a spreadsheet that opened "
            f"the file {other} first swapped its day and month, so it is read as {built:%Y-%m-%d}, among the "
            f"column's other dates (not {other_day}); check it") if decision.swap_back else (
            f"'{value}' was a date cell in a column whose typed dates read {first} first: a spreadsheet that opened "
            f"the file {other} first may have swapped its day and month (then it is {other_day}); check it")))
    if (decision.both_orders and "a" in parts and int(parts["a"]) <= 12 and int(parts["b"]) <= 12
            and parts["a"] != parts["b"]):  # QA round 37c: sent without a word beside 09/15/2026 and 17/09/2026
        warnings.append(Note("either_order", f"'{value}' could be read either way, and this column holds dates of "
                             f"both orders (see the decisions): read as {ORDER_WORDS[decision.order or 'MDY']} like "
                             "most of them; check it"))
    if (parts.get("sep") == "." and "a" in parts and decision.order == "MDY"
            and int(parts["a"]) <= 12 and int(parts["b"]) <= 12):
        warnings.append(Note("dotted_mdy", f"'{value}' is read as month.day.year like the rest of this column, but "
                             "dates written with dots are usually day.month.year: check it"))
    offset = zones.offset_of(parts["tz"], value)
    if isinstance(offset, Issue):
        return Parsed(issue=offset)
    if offset is not None:
        moment = built.replace(tzinfo=offset)
        if (found := zones.TRAILING_ABBREVIATION.search(value)) and (note := zones.season_note(found[2], moment)):
            warnings.append(Note("zone_season", note))
    else:
        moment = zones.localize(built, zone_name, warnings)
        if isinstance(moment, Issue) and parts["H"] is None:  # a date alone on a night whose midnight is skipped
            moment = zones.localize(built + timedelta(hours=1), zone_name, warnings)
            warnings[0] = Note("midnight", f"'{value}' has no time part, and midnight does not exist in "
                               f"{zone_name} on {built:%Y-%m-%d} (clocks skip it): 01:00 assumed")
        if isinstance(moment, Issue) and decision.zone_source in ("file", "header"):  # QA round 69b
            moment = replace(moment, fix=f"Check the time: the file itself gives its time zone, {zone_name}")
        if isinstance(moment, Issue):
            return Parsed(issue=moment)
    if parts.get("short_year") and moment < now - timedelta(days=SHORT_YEAR_DAYS) and _recent_year_first(parts, now):
        return Parsed(issue=Issue(
            "short_year", f"'{value}' has a two-digit year and reads as {moment:%Y-%m-%d}, over a year ago: its "
            "parts may be in another order (26-10-05 is also 2026-10-05)", "Write the year in full, e.g. 2026"))
    return _checked(moment, now, warnings)


def _build(value: str, parts: dict, decision: ColumnDates) -> datetime | Issue:
    year, month, day = int(parts["y"]), int(parts["m"]), int(parts["d"])
    if not 1900 <= year <= 2200:  # also keeps zone arithmetic away from datetime's limits
        return Issue("too_old" if year < 1900 else "future", f"'{value}' has the year {year}", "Check the year")
    issue = _date_issue(value, year, month, day, decision)
    if issue:
        return issue
    hour, minute = int(parts["H"] or 0), int(parts["M"] or 0)
    second = int(parts["S"] or 0)
    if parts["ap"]:
        if not 1 <= hour <= 12:
            return Issue("not_date", f"'{value}' has hour {hour} with AM/PM", "Use a 12-hour time (1-12) "
                         "with AM/PM, or a 24-hour time without it")
        hour = hour % 12 + (12 if parts["ap"][0] in "Pp" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return Issue("not_date", f"'{value}' has no such time of day", "Enter a time from 00:00:00 to 23:59:59")
    micro = int((parts["f"] or "0")[:6].ljust(6, "0"))
    return datetime(year, month, day, hour, minute, second, micro - micro % 1000)


def _date_issue(value: str, year: int, month: int, day: int, decision: ColumnDates) -> Issue | None:
    read_as = f" (this column is read as {ORDER_WORDS[decision.order]})" if decision.order else ""
    if not 1 <= month <= 12:
        other = {"MDY": "DMY", "DMY": "MDY"}.get(decision.order or "")
        fix = (f"Enter a real date; if the whole column is written {ORDER_WORDS[other]}, choose that Date order "
               "on the mapping page") if other else "Enter a real date; check the day/month order"
        if not _real_date(year, day, month):  # 31/11: no such date either way (QA round 67b C2)
            fix = "Enter a real date: neither day/month nor month/day gives one"
        return Issue("no_such_date", f"'{value}' has month {month}, which does not exist{read_as}", fix)
    if not _real_date(year, month, day):
        return Issue("no_such_date", f"{day} {_MONTH_NAMES[month]} does not exist in {year} ('{value}'){read_as}",
                     "Enter a real date")
    return None


def _real_date(year: int, month: int, day: int) -> bool:
    """True when `year`-`month`-`day` is a date of the calendar."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


CELL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2}(?:\.\d{3})?)?")  # a workbook's date cell
def _from_number(value: str, decision: ColumnDates, zone_name: str, now: datetime) -> Parsed:
    """Epoch seconds/milliseconds/microseconds (absolute; a fraction of a millisecond, as a data tool writing the column
    as floats gives "1713418460123.0", is dropped as the API keeps milliseconds) or an Excel serial in
    2000..2099 (naive, with a warning)."""
    whole = value.lstrip("+").split(".")[0]
    for digits, per_second in (((15, 16), 10**6), ((18, 19), 10**9)):  # micro- and nanoseconds (QA rounds 37a, 38b)
        if not value.startswith("-") and len(whole) in digits and (
                EPOCH_SECONDS[0] <= int(whole) // per_second < EPOCH_SECONDS[1]):
            moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=int(whole) * 1000 // per_second)
            return _checked(moment, now, [])
    if not value.startswith("-") and len(whole) in (12, 13):
        moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=int(whole))
        return _checked(moment, now, [])
    if not value.startswith("-") and len(whole) in (9, 10) and EPOCH_SECONDS[0] <= float(value) < EPOCH_SECONDS[1]:
        micro = int((value.split(".") + ["0"])[1][:6].ljust(6, "0"))
        moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=int(whole), microseconds=micro)
        return _checked(moment.replace(microsecond=moment.microsecond // 1000 * 1000), now, [])
    low, high = decision.serial_range()
    if low <= float(value) < high:
        return _from_serial(value, decision.date_system, zone_name, now)
    return Parsed(issue=_number_issue(value))


def _number_issue(value: str) -> Issue:
    if value in ("60", "60.0"):
        what = "60 is Excel's serial for 29 February 1900, a day that never existed; it is not a date"
    else:
        what = f"{value} is a number, not a date"
    return Issue("not_date", what, "Enter a date and time such as 2026-10-05 14:48:00, or format the "
                 "column as a date in Excel before saving")


def _from_serial(value: str, date_system: str, zone_name: str, now: datetime) -> Parsed:
    """An Excel serial date, to the millisecond; to the second when it has six decimals or fewer (a step of
    0.09 s or more: 46279.62847 is 15:05:00, not 15:04:59.808, QA rounds 37c, 38b)."""
    unit = 1000 if len(value.partition(".")[2]) <= SERIAL_SECOND_DECIMALS else 1
    naive = EPOCHS[date_system] + timedelta(milliseconds=round(float(value) * 86_400_000 / unit) * unit)
    system = ", 1904 date system" if date_system == "1904" else ""
    warnings = [Note("excel_serial", f"{value} was read as an Excel serial date ({naive:%Y-%m-%d %H:%M:%S}{system}); "
                     "check it, or format the column as a date in Excel")]
    moment = zones.localize(naive, zone_name, warnings)
    if isinstance(moment, Issue):
        return Parsed(issue=moment)
    return _checked(moment, now, warnings)


def _checked(moment: datetime, now: datetime, warnings: list[Note]) -> Parsed:
    """Range check (2000-01-01 .. now + 1 day) and the API format; a refusal names the date as written (its own
    zone's: 2099-12-31 23:59 in New York, not 2100-01-01 in UTC, QA round 62a), with its UTC time when the limit
    falls within its own day (2000-01-01 00:00 in Kolkata is 1999 in UTC, QA round 67a)."""
    utc, latest = moment.astimezone(UTC), now + timedelta(days=1)
    both = f"{moment:%Y-%m-%d %H:%M}" + (f" ({utc:%Y-%m-%d %H:%M} UTC)" if moment.utcoffset() else " UTC")
    if utc < EARLIEST:
        shown = f"{moment:%Y-%m-%d}" if moment.year < EARLIEST.year else both
        return Parsed(issue=Issue("too_old", f"{shown} is before 2000", "Check the year"))
    if utc > latest:
        shown = (f"{moment:%Y-%m-%d} is in the future" if moment.date() > latest.date()
                 else f"{both} is more than a day after now ({now:%Y-%m-%d %H:%M} UTC)")
        return Parsed(issue=Issue("future", shown, "Check the year and the date; a rating cannot come from the future"))
    return Parsed(format_utc(utc), warnings=warnings)


def format_utc(moment: datetime) -> str:
    """An aware datetime as `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC, sub-millisecond digits truncated)."""
    u = moment.astimezone(UTC)
    return (f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:{u.second:02d}."
            f"{u.microsecond // 1000:03d}Z")
