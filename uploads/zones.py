"""Time zones: the zone a date column's header names, zone names and fixed offsets, attaching a zone to a
wall time (dates.py reads the timestamps).

- A header may name the zone of its naive times: "Rated at (UTC)", "Time (Europe/Berlin)", an offset
  ("(GMT+2)", "(UTC+05:30)"), a place's usual name ("(Pacific Time)") or an abbreviation of standard or
  daylight time ("(EST)": its fixed offset). CST and IST name several zones: the decision asks.
- Offsets written in a value (+02:00, -0530, GMT+2) run from -12:00 to +14:00, as the world's do.
- DST: a wall time in the spring-forward gap is invalid; one in the fall-back overlap takes the first
  occurrence (fold=0) with a warning (shared/samples/README.md "Time zones").
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from itertools import islice
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from uploads.cells import Issue, Note


def get_zone(name: str) -> ZoneInfo:
    """ZoneInfo for an IANA name; raises ValueError for an unknown zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "US" is tzdata's folder: IsADirectoryError (review 36)
        raise ValueError(f"unknown time zone {name!r}") from None


# "Rated at (UTC)", "created_utc", "Date [GMT]" name UTC ("UTC+2" is an offset: _OFFSET_HEADER)
_UTC_HEADER = re.compile(r"(?:^|[^a-z])(?:utc|gmt)(?![a-z0-9+\-])(?!\s*[+\-\u2212]\s*\d)(?!_?offset)", re.IGNORECASE)
# An IANA name in brackets, or after a comma inside them: "(dd/mm/yyyy, America/New_York)" (QA round 67c)
_ZONE_HEADER = re.compile(r"[(\[,]\s*([A-Za-z_]+/[A-Za-z_/+\-]+[0-9]*)\s*(?=[)\],])")
# "Rated at (GMT+2)", "Submitted (UTC-05:30)": an offset from UTC
_OFFSET_HEADER = re.compile(r"(?:^|[^a-z/])(?:utc|gmt)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?(?![\d:])",
                            re.IGNORECASE)  # not Etc/GMT+5, an IANA name whose sign is the other way (UTC-05:00)
# A fixed offset as header_zone names it, read by zone_of: "UTC+05:30"
_FIXED_ZONE = re.compile(r"UTC([+-])(\d{2}):(\d{2})")
# A zone's usual name in brackets, "Timestamp (Pacific Time)", "(ET)": the place, daylight saving included;
# an abbreviation of standard or daylight time, "Date (EST)": its fixed offset, as it says (a 02:30 on the
# day New York's clocks skip it is no error under EST). CST (also China's) and IST (India, Ireland,
# Israel) name several: the decision asks for the zone.
_MSK_OFFSET = re.compile(r"[(\[\uff08]\s*(?:мск|msk)\s*([+-])\s*(\d{1,2})\s*[)\]\uff09]", re.IGNORECASE)
_BRACKETED = re.compile(r"[(\[\uff08]\s*([^\W\d_][^\W\d_ /]*(?:[ /][^\W\d_]+)*?)\s*[)\]\uff09]")  # （）: full width
_NAMED_ZONES = {
    **dict.fromkeys(["et", "eastern", "eastern time"], "America/New_York"),
    **dict.fromkeys(["ct", "central", "central time"], "America/Chicago"),
    **dict.fromkeys(["mt", "mountain", "mountain time"], "America/Denver"),
    **dict.fromkeys(["pt", "pacific", "pacific time", "pst/pdt", "pdt/pst"], "America/Los_Angeles"),
    **dict.fromkeys(["est/edt", "edt/est"], "America/New_York"),
    **dict.fromkeys(["cst/cdt", "cdt/cst"], "America/Chicago"),
    **dict.fromkeys(["mst/mdt", "mdt/mst"], "America/Denver"),
    **dict.fromkeys(["uk", "uk time", "london time", "gmt/bst", "bst/gmt"], "Europe/London"),
    **dict.fromkeys(["central european time", "cet/cest", "mez/mesz"], "Europe/Berlin"),
    **dict.fromkeys(["nzt", "new zealand time", "nzst/nzdt"], "Pacific/Auckland"),
    **dict.fromkeys(["aest/aedt", "aedt/aest"], "Australia/Sydney"),
    "central european summer time": "UTC+02:00", "mez": "UTC+01:00", "mesz": "UTC+02:00",
    "eet": "UTC+02:00", "eest": "UTC+03:00", "wet": "UTC+00:00", "west": "UTC+01:00", "msk": "UTC+03:00",
    "sgt": "UTC+08:00", "hkt": "UTC+08:00", "pht": "UTC+08:00", "awst": "UTC+08:00", "kst": "UTC+09:00",
    "wib": "UTC+07:00", "acst": "UTC+09:30", "acdt": "UTC+10:30", "nzst": "UTC+12:00", "nzdt": "UTC+13:00",
    "sast": "UTC+02:00", "wat": "UTC+01:00", "eat": "UTC+03:00", "brt": "UTC-03:00", "art": "UTC-03:00",
    "hst": "UTC-10:00", "akst": "UTC-09:00", "akdt": "UTC-08:00",
    "eastern standard time": "UTC-05:00", "eastern daylight time": "UTC-04:00",
    "central standard time": "UTC-06:00", "central daylight time": "UTC-05:00",
    "mountain standard time": "UTC-07:00", "mountain daylight time": "UTC-06:00",
    "pacific standard time": "UTC-08:00", "pacific daylight time": "UTC-07:00",
    "est": "UTC-05:00", "edt": "UTC-04:00", "cdt": "UTC-05:00", "mst": "UTC-07:00", "mdt": "UTC-06:00",
    "pst": "UTC-08:00", "pdt": "UTC-07:00", "cet": "UTC+01:00", "cest": "UTC+02:00", "bst": "UTC+01:00",
    "aest": "UTC+10:00", "aedt": "UTC+11:00", "jst": "UTC+09:00",
    # a place's own name for its time, and a country's (QA round 37b): Moscow's, Beijing's, Tokyo's, Turkey's
    **dict.fromkeys(["мск", "московское время", "moscow time"], "Europe/Moscow"),
    **dict.fromkeys(["北京时间", "北京時間", "beijing time", "china time", "china standard time"], "Asia/Shanghai"),
    **dict.fromkeys(["日本時間", "japan time", "japan standard time"], "Asia/Tokyo"),
    **dict.fromkeys(["trt", "tsi", "tsİ".casefold(), "türkiye saati", "turkey time"], "Europe/Istanbul"),
    **dict.fromkeys(["israel time", "שעון ישראל"], "Asia/Jerusalem"), "india time": "Asia/Kolkata",
    "korea time": "Asia/Seoul", "한국 시간": "Asia/Seoul",
    # "(Berlin time)", "(Sao Paulo time)": any city an IANA zone is named after (not Australia's states, "Victoria":
    # British Columbia's capital too, QA round 38b), and big cities that name none
    **{f"{name.rsplit('/', 1)[1].replace('_', ' ').casefold()} time": name for name in sorted(available_timezones())
       if name.split("/")[0] in ("Africa", "America", "Asia", "Atlantic", "Europe", "Indian", "Pacific")
       or name in ("Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Perth",
                   "Australia/Adelaide", "Australia/Darwin", "Australia/Hobart")},
    **{f"{city} time": zone for zone, cities in (
        ("America/Los_Angeles", ("san francisco", "seattle", "silicon valley", "portland")),
        ("America/New_York", ("washington", "boston", "atlanta", "miami", "philadelphia")),
        ("America/Chicago", ("dallas", "houston", "austin")), ("Asia/Kolkata", ("bangalore", "bengaluru", "mumbai",
                                                                                "delhi", "hyderabad", "chennai")),
        ("Europe/Berlin", ("munich", "frankfurt", "hamburg")), ("Europe/Madrid", ("barcelona",)),
        ("Europe/Rome", ("milan",)), ("Europe/London", ("manchester", "edinburgh")),
        ("America/Toronto", ("montreal", "ottawa")), ("Africa/Johannesburg", ("cape town",)))
       for city in cities},
    "по московскому времени": "Europe/Moscow",
    # German, French, Spanish and Italian names of a place's time (QA round 39a)
    **dict.fromkeys(["berliner zeit", "deutsche zeit", "deutscher zeit", "mitteleuropäische zeit"], "Europe/Berlin"),
    **dict.fromkeys(["wiener zeit", "österreichische zeit"], "Europe/Vienna"),
    **dict.fromkeys(["schweizer zeit", "zürcher zeit"], "Europe/Zurich"),
    **dict.fromkeys(["heure de paris", "heure française", "heure de france", "heure locale française"], "Europe/Paris"),
    **dict.fromkeys(["hora de madrid", "hora peninsular", "hora de españa", "hora española"], "Europe/Madrid"),
    **dict.fromkeys(["ora italiana", "ora di roma"], "Europe/Rome"), "hora de méxico": "America/Mexico_City",
    "hora de brasília": "America/Sao_Paulo", "hora de brasilia": "America/Sao_Paulo",
}
_AMBIGUOUS_ZONES = frozenset({"cst", "ist", "ast", "gst"})
# What else a date header's brackets may name as its zone: an abbreviation ("(XYZT)") or "(... time)"
_ZONE_LIKE = re.compile(r"(?!(?:CSAT|CHAT|TEXT|EDIT|EXIT|LAST|SENT|WAIT|POST|PORT|TEST|FIRST|START|AGENT|COUNT|LIST|"
                        r"INPUT|SHIFT|RESULT)$)[A-Z]{2,4}T")  # not "(CSAT)", "(FIRST)"
# The place a fixed offset's abbreviation is used in, for its day/month order (dateorder.order_hint):
# "Submitted (BST)" is a UK file, "Date (AEST)" an Australian one (QA round 34a)
_ABBREVIATION_PLACES = {
    **dict.fromkeys(["bst", "wet", "west"], "Europe/London"),
    **dict.fromkeys(["cet", "cest", "mez", "mesz", "central european summer time"], "Europe/Berlin"),
    **dict.fromkeys(["eet", "eest"], "Europe/Athens"), "msk": "Europe/Moscow",
    **dict.fromkeys(["aest", "aedt"], "Australia/Sydney"), **dict.fromkeys(["acst", "acdt"], "Australia/Adelaide"),
    "awst": "Australia/Perth",  # Perth's and Adelaide's own clocks, not Sydney's (QA round 67a)
    **dict.fromkeys(["nzst", "nzdt"], "Pacific/Auckland"), "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong",
    "pht": "Asia/Manila", "wib": "Asia/Jakarta", "jst": "Asia/Tokyo", "kst": "Asia/Seoul",
    "sast": "Africa/Johannesburg", "wat": "Africa/Lagos", "eat": "Africa/Nairobi", "brt": "America/Sao_Paulo",
    "art": "America/Argentina/Buenos_Aires", **dict.fromkeys(["est", "edt"], "America/New_York"),
    "cdt": "America/Chicago", **dict.fromkeys(["mst", "mdt"], "America/Denver"),
    **dict.fromkeys(["pst", "pdt"], "America/Los_Angeles"), "hst": "Pacific/Honolulu",
    **dict.fromkeys(["akst", "akdt"], "America/Anchorage"),
}


def header_zone(column: str) -> str | None:
    """The zone a column's header names: "UTC" for "Rated at (UTC)" or "created_utc", an IANA
    name in brackets ("Time (Europe/Berlin)"), an offset ("(GMT+2)", "(UTC+05:30)" -> "UTC+02:00",
    "UTC+05:30", read by zone_of), a usual name or abbreviation in brackets ("(Pacific Time)" ->
    America/Los_Angeles, "(EST)" -> "UTC-05:00": _NAMED_ZONES); None otherwise (see header_zone_unread)."""
    if named := _bracket_name(column):  # "(GMT/BST)" is the UK's, not UTC (review 36)
        return named
    if moscow := _MSK_OFFSET.search(column):  # "(МСК+4)": Moscow's UTC+03:00 and 4 hours (QA round 38b)
        hours = 3 + int(moscow[2]) * (1 if moscow[1] == "+" else -1)
        return f"UTC{'+' if hours >= 0 else '-'}{abs(hours):02d}:00"
    if _UTC_HEADER.search(column):
        return "UTC"
    if offset := _OFFSET_HEADER.search(column):
        minutes = (int(offset[2]) * 60 + int(offset[3] or 0)) * (1 if offset[1] == "+" else -1)
        if minutes == 0:
            return "UTC"
        return f"UTC{'+' if minutes > 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}" if (
            -MAX_WEST_MINUTES <= minutes <= MAX_EAST_MINUTES and int(offset[3] or 0) < 60) else None
    for found in _ZONE_HEADER.finditer(column):  # past a date layout's "(dd/mm/yyyy)" (QA round 67c)
        try:
            get_zone(found[1])
        except ValueError:
            continue
        return found[1]
    return None


def header_place(column: str) -> str | None:
    """The place (an IANA name) whose zone a column's header names: "Time (Europe/Berlin)", "(UK time)",
    or the place a fixed offset's abbreviation is used in ("(BST)": Europe/London); None otherwise. For the
    day/month order of its dates, not their zone (header_zone)."""
    zone = header_zone(column)
    if zone and "/" in zone:
        return zone
    return next((place for found in _BRACKETED.finditer(column)
                 if (place := _named(found[1], _ABBREVIATION_PLACES))), None)


# A timestamp's trailing zone abbreviation, after its time and any AM/PM ("9:14 BST", "2:48 PM PDT"): group 1 the
# AM/PM with its spaces, group 2 the word (datelayouts.local_layout reads it as an offset, values_place as a place)
TRAILING_ABBREVIATION = re.compile(r"(?<=\d)((?:\s*[AaPp]\.?\s?[Mm]\.?)?)\s+([A-Z]{2,5})$")


def values_place(texts: list[str], sample: int = 200) -> str | None:
    """The place the zone abbreviation ending most of the first `sample` non-blank `texts` is used in ("01/10/2026
    09:14 BST": Europe/London, _ABBREVIATION_PLACES), for the dates' day/month order; None when half of them or
    more end in none. A sample: a column writes its zone the same way throughout (bench/parse.py: 0.1 s on
    100,000 rows when every text was searched)."""
    given = [text.strip() for text in islice((text for text in texts if text.strip()), sample)]
    words = Counter(found[2].casefold() for text in given if text[-1:].isalpha()
                    and (found := TRAILING_ABBREVIATION.search(text)))
    word, rows = words.most_common(1)[0] if words else ("", 0)
    return _ABBREVIATION_PLACES.get(word) if 2 * rows > len(given) else None


_OFFSET_VALUE = re.compile(r"(?:UTC|GMT)?\s*[+\-\u2212]\d{1,2}(?::?\d{2})?$", re.IGNORECASE)


def names_a_zone(value: str) -> bool:
    """True for a cell naming a time zone on its own: an IANA name, UTC, an offset ("+02:00", "GMT-7") or a
    zone's abbreviation ("PST", and "CST" of several zones): a column of each row's zone (columnnotes)."""
    if _OFFSET_VALUE.match(value):
        return True
    if value.isupper() and (abbreviation_offset(value) or header_zone_unread(f"({value})")):
        return True
    try:
        get_zone(value)
    except ValueError:
        return False
    return "/" in value or value.upper() == "UTC"


def season_note(word: str, moment: datetime) -> str | None:
    """A warning when the fixed offset a timestamp's abbreviation names is not its place's on that day ("PST"
    in July, when Los Angeles is on PDT): many sheets write one abbreviation all year (review 36). None
    when they agree or the word names no place."""
    place = _ABBREVIATION_PLACES.get(word.casefold())
    if not place or abbreviation_offset(word) is None:
        return None
    actual = moment.astimezone(get_zone(place)).utcoffset()
    if actual == moment.utcoffset():
        return None
    minutes = int(actual.total_seconds()) // 60
    shown = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return (f"{word} is UTC{abbreviation_offset(word)}, but {place} was on UTC{shown} that day: read at "
            f"{word}'s offset; if the time is that place's clock, it is an hour off")


def abbreviation_place_zone(word: str) -> str | None:
    """The IANA zone a timestamp's trailing word names as a place with its daylight saving ("ET", "PT":
    _NAMED_ZONES, in capitals), else None (a fixed offset's abbreviation is abbreviation_offset's)."""
    named = _NAMED_ZONES.get(word.casefold()) if word.isupper() else None
    return named if named and "/" in named else None


def abbreviation_offset(word: str) -> str | None:
    """The offset ("-07:00") of a zone abbreviation naming one fixed offset ("PDT", "CEST", "AEDT": _NAMED_ZONES),
    as a timestamp may end in one; None for another word, a place ("ET") or an ambiguous one ("CST", "IST")."""
    named = _NAMED_ZONES.get(word.casefold())
    if not named or not named.startswith("UTC") or word.casefold() in _AMBIGUOUS_ZONES:
        return None
    return named[3:]


def _named(word: str, table: dict[str, str]) -> str | None:
    """`table`'s entry for a bracketed word: a name in any case ("(Pacific Time)", "(UK time)"), an
    abbreviation only in capitals ("(BST)", "(GMT/BST)"; "(West)" and "(East)" are regions: review 36)."""
    key = word.casefold()
    if " " not in key and "/" not in key and len(key) <= 5 and word.isascii() and not word.isupper():
        return None  # "(West)", "(east)": a region; "(Pacific)", "(Eastern)" are names
    return table.get(key)


def _bracket_name(column: str) -> str | None:
    return next((named for found in _BRACKETED.finditer(column) if (named := _named(found[1], _NAMED_ZONES))), None)


def header_zone_unread(column: str) -> str | None:
    """What a column's header names as its zone but header_zone cannot read: an abbreviation of several
    zones ("(CST)"), an offset no zone has ("UTC+15"), another abbreviation or "... time" in brackets
    ("(GALT)", "(Gulf time)"): the decision asks for the zone rather than say the chosen one applies
    (QA round 33b); None otherwise."""
    if header_zone(column) is not None:
        return None
    if offset := _OFFSET_HEADER.search(column):
        return offset[0].strip(" (")
    return next((found[1] for found in _BRACKETED.finditer(column) if found[1].casefold() in _AMBIGUOUS_ZONES
                 or _ZONE_LIKE.fullmatch(found[1]) or found[1].casefold().endswith(" time")),
                None)


def zone_of(name: str) -> tzinfo:
    """The tzinfo of a zone name: an IANA name (get_zone), or a fixed offset header_zone gives ("UTC+05:30").
    Raises ValueError for an unknown name."""
    if fixed := _FIXED_ZONE.fullmatch(name):
        minutes = int(fixed[2]) * 60 + int(fixed[3])
        return timezone(timedelta(minutes=minutes if fixed[1] == "+" else -minutes))
    return get_zone(name)


_OFFSET_PARTS = re.compile(r"([+-])(\d{1,2}?)(?::?(\d{2}))?")  # "+0530", "+05:30", "+2" (after GMT)
# The widest UTC offsets in use: -12:00 (Baker Island) and +14:00 (Pacific/Kiritimati), in minutes
MAX_WEST_MINUTES, MAX_EAST_MINUTES = 12 * 60, 14 * 60


def offset_of(text: str | None, value: str) -> timezone | Issue | None:
    """The fixed offset `text` names (Z, UTC, GMT, +02:00, -0530), None for none; an Issue for an
    offset no place uses (+24:00, +05:75)."""
    if not text:
        return None
    if text.upper() in ("Z", "UTC", "GMT"):
        return UTC
    text = text.upper().removeprefix("UTC").removeprefix("GMT").strip()
    parts = _OFFSET_PARTS.fullmatch(text)
    hours, minutes = int(parts[2]), int(parts[3] or 0)
    signed = -(hours * 60 + minutes) if parts[1] == "-" else hours * 60 + minutes
    if minutes > 59 or not -MAX_WEST_MINUTES <= signed <= MAX_EAST_MINUTES:
        return Issue("not_date", f"'{value}' has the UTC offset {text}, which no time zone has",
                     "Enter an offset from -12:00 to +14:00, e.g. +02:00")
    return timezone(timedelta(minutes=signed))


def localize(naive: datetime, zone_name: str, warnings: list[Note]) -> datetime | Issue:
    """Attach `zone_name` to a wall time: gap -> Issue, overlap -> first occurrence + warning."""
    zone = zone_of(zone_name)
    if zone_name == "UTC":
        return naive.replace(tzinfo=UTC)
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    wall = naive.strftime("%Y-%m-%d %H:%M:%S")
    span = "hour" if abs(first.utcoffset() - second.utcoffset()) == timedelta(hours=1) else "half hour"  # Lord Howe
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        return Issue("dst_gap", f"{wall} does not exist in {zone_name} (DST gap)", f"Clocks skip that {span} "
                     "there: check the time, or choose the time zone the file was really written in")
    warnings.append(Note("ambiguous_time", f"{wall} is ambiguous in {zone_name}: that {span} happens twice when "
                         f"clocks go back, and the first occurrence, UTC{_hours(first)}, is used"))  # no "fold=0" (72c)
    return first


def _hours(moment: datetime) -> str:
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
