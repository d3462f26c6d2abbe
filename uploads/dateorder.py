"""How a date column is read, decided once from all its values: the day/month order of its numeric dates
and the zone of its naive ones (dates.ColumnDates); dates.parse_timestamp then reads each cell under it.

The order's evidence, strongest first: a real date with a day above 12 (the majority of rows wins on a
conflict); the preset's Date order; the one reading with no date after tomorrow when it also spreads the
dates less; what the file tells of its locale (order_hint: a format or language in the header,
semicolons, a place its header, time column or values name, the chosen zone); the column's year-first
dates or its span; else month first for slashes, day first for dots and dashes (shared/samples/README.md
"Conventions"; EXPORT-FORMATS.md section 14).
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from uploads import headernames, swappedcells, zones
from uploads.datelayouts import local_layout, without_place
from uploads.dates import (
    CELL_DATE,
    ISO_RE,
    NAME_DMY_RE,
    NAME_MDY_RE,
    NUMBER_RE,
    NUMERIC_RE,
    ORDER_WORDS,
    ColumnDates,
    dotted_serial,
    one_line,
)
from uploads.headers import normalize

if TYPE_CHECKING:
    from uploads.plan import Plan


def decide_column(column: str, values: Iterable[tuple[int, str]], *, preset_order: str | None = None,
                  order_hint: tuple[str, str] | None = None, declared_zone: str | None = None,
                  preset_zone: str | None = None, date_system: str = "1900", workbook: bool = False,
                  data_rules: bool = True, time_column: str | None = None,
                  today: date | None = None) -> ColumnDates:
    """Decide once per column how its dates are read.

    values: (row number, cell text) pairs, blanks included; each distinct text is
    read once. Day/month order: a value whose first number is above 12 settles
    day-first, a second number above 12 month-first (the majority of rows wins on
    a conflict); else `preset_order`; else the one order under which no date is after `today` + 1 day (the
    API refuses a date in the future: 01/10/2026 .. 12/11/2026 read month first would reach 10 December on
    30 November, QA round 34b) and the dates spread less (one mistyped future date is its row's error, QA
    round 35a); else `order_hint` (order, reason: what the file tells of its
    locale, e.g. a French header); else, unless `data_rules` is off (a month-first time zone: a US
    monthly survey's 1/5 .. 6/5 stay January to June), the order its year-first dates or its span
    tell (_order_by_neighbours, _order_by_span); else month-first for slashes, day-first for
    dots and dashes (whichever more rows use). Zone: declared by the file (Qualtrics) > named in
    the column's header ("Rated at (UTC)": `header_zone`), or its `time_column`'s ("Time (EST)": the
    Date | Time of a hand-made sheet) > preset > upload.
    date_system: the workbook's ("1904" counts serial numbers from 1904-01-01). workbook: the column
    is a workbook's, whose date cells read as "2026-05-10 12:45:00" (ColumnDates.swapped_cells).
    """
    decision = ColumnDates(column, date_system=date_system)
    headers = [column, *([time_column] if time_column else [])]
    named = next(((zone, "header" if header == column else "time header") for header in headers
                  if (zone := zones.header_zone(header))), (None, "header"))
    _decide_zone(decision, declared_zone, named, preset_zone)
    if decision.zone is None and not decision.zone_unknown:
        decision.zone_unknown = next((zone for header in headers if (zone := zones.header_zone_unread(header))), None)
    first_row: dict[str, list[int]] = {}  # text -> [first row number, rows]: each distinct text is read once
    for number, text in values:
        seen = first_row.get(text)
        if seen is None:
            first_row[text] = [number, 1]
        else:
            seen[1] += 1
    evidence: dict = {"MDY": [], "DMY": [], "ISO": [], "AMBIGUOUS": [], "WRITTEN": {}}  # WRITTEN: a day's text
    separators: Counter[str] = Counter()
    for text, (number, rows) in first_row.items():
        _note_value(decision, text.strip(), number, rows, evidence, separators)
    if separators:
        decision.order, decision.order_reason = _choose_order(evidence, separators, preset_order, order_hint,
                                                              data_rules, today)
        decision.both_orders = bool(evidence["MDY"]) and bool(evidence["DMY"])
    decision.swapped_cells = workbook and bool(evidence[decision.order or "MDY"]) and any(
        CELL_DATE.fullmatch(text.strip()) for text in first_row)
    decision.swap_back = decision.swapped_cells and swappedcells.swapped_back(first_row, decision.order)
    return decision


def _decide_zone(decision: ColumnDates, declared: str | None, header: tuple[str | None, str],
                 preset_zone: str | None) -> None:
    for zone, source in ((declared, "file"), header, (preset_zone, "preset")):
        if zone:
            try:
                zones.zone_of(zone)
            except ValueError:
                if source == "file":
                    decision.zone_unknown = zone
                continue
            decision.zone, decision.zone_source = zone, source
            return


def _note_value(decision: ColumnDates, text: str, number: int, rows: int, evidence: dict,
                separators: Counter[str]) -> None:
    """Count what `rows` rows holding `text` (first in row `number`) say about the column, written in the
    layouts dates.parse_timestamp reads ("13/10/2026 9h05" settles day first as "13/10/2026 9:05" does)."""
    shown, place = text, None  # the cell as typed, for the decision's "because of ... in row 9" (review 36)
    text = one_line(text)
    if not NUMERIC_RE.match(text) and not ISO_RE.match(text):
        text, place = without_place(text)
        text = dotted_serial(local_layout(text))
    match = NUMERIC_RE.match(text)
    if match:
        separators[match["sep"]] += rows
        first, second = int(match["a"]), int(match["b"])
        # Only a real date settles the order: 31/02/2026 is no date either way (its row is invalid).
        if first > 12 >= second and _is_day(first, second, match["y"]):
            evidence["DMY"].append((number, shown, rows))
        elif second > 12 >= first and _is_day(second, first, match["y"]):
            evidence["MDY"].append((number, shown, rows))
        elif (first <= 12 and second <= 12 and first != second and 1900 <= _full_year(match["y"]) <= 2100
              and _is_day(first, second, match["y"])):
            evidence["AMBIGUOUS"].append((first, second, _full_year(match["y"]), rows))
            evidence["WRITTEN"].setdefault((first, second), match["sep"].join((match["a"], match["b"], match["y"])))
    elif ((iso := ISO_RE.match(text)) and 1900 <= int(iso["y"]) <= 2100
          and _is_day(int(iso["d"]), int(iso["m"]), iso["y"])):
        evidence["ISO"].append(date(int(iso["y"]), int(iso["m"]), int(iso["d"])))
    if NUMBER_RE.match(text):
        low, high = decision.serial_range()
        if low <= float(text) < high:
            decision.serials += rows
            decision.has_naive = True
        else:
            decision.has_absolute = True
        return
    found = match or ISO_RE.match(text) or NAME_MDY_RE.match(text) or NAME_DMY_RE.match(text)
    if found and not found["tz"] and not place:  # "4:00 PM ET" carries its zone, as an offset does
        decision.has_naive = True
    elif found:
        decision.has_absolute = True


def _full_year(year: str) -> int:
    return int(year) + (2000 if len(year) == 2 else 0)


def _is_day(day: int, month: int, year: str) -> bool:
    """True when `day` exists in `month` of `year` (two-digit years as 20YY)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(_full_year(year), month)[1]


def _order_by_span(evidence: dict) -> tuple[str, str] | None:
    """The order under which the column's ambiguous dates lie within a month of each other while the
    other order spreads them over two months or more: an export covers days or weeks, and 01/10/2026
    … 12/10/2026 read month first would be the 10th of twelve months (QA round 30b: a Medallia export
    re-saved by a UK Excel)."""
    spans = {}
    for order in ("MDY", "DMY"):
        days = [date(year, *((first, second) if order == "MDY" else (second, first)))
                for first, second, year, _rows in evidence["AMBIGUOUS"]]
        spans[order] = (max(days) - min(days)).days if days else 0
    for order, other in (("DMY", "MDY"), ("MDY", "DMY")):
        if spans[order] <= 31 and spans[other] >= 60:
            return order, (f"so that its dates lie within {spans[order]} days of each other (read {ORDER_WORDS[other]} "
                           f"they would span {spans[other]} days)")
    return None


def _order_by_neighbours(evidence: dict) -> tuple[str, str] | None:
    """The order under which the column's ambiguous dates (05/10/2026) fall among its year-first ones
    (2026-10-01 … 2026-10-07, within a week of them), when only one order does so for nearly all: a
    file of which a spreadsheet program turned some timestamps into its locale's dates and left the
    others as they were (QA round 29b: a UK Excel's 01/10/2026 beside 2026-10-03T09:00:00Z)."""
    if not evidence["ISO"] or not evidence["AMBIGUOUS"]:
        return None
    low, high = min(evidence["ISO"]) - timedelta(days=7), max(evidence["ISO"]) + timedelta(days=7)
    total = sum(rows for *_, rows in evidence["AMBIGUOUS"])
    fits = {order: sum(rows for first, second, year, rows in evidence["AMBIGUOUS"]
                       if low <= date(year, *((first, second) if order == "MDY" else (second, first))) <= high)
            for order in ("MDY", "DMY")}
    for order, other in (("DMY", "MDY"), ("MDY", "DMY")):
        if fits[order] >= 0.9 * total and fits[other] < 0.5 * total:
            return order, (f"as the column's year-first dates ({min(evidence['ISO'])} to {max(evidence['ISO'])}) "
                           "are the days these read as")
    return None


def _order_by_today(evidence: dict, today: date | None) -> tuple[str, str] | None:
    """The order under which none of the column's ambiguous dates is after `today` + 1 day (the latest an
    answer may be: dates.py) while the other puts some there and spreads the dates wider: that reading
    cannot be the file's. One mistyped December date among November answers read month first would, read
    day first, spread them over the year: it is that row's error, not the column's order (QA round 35a)."""
    if today is None:
        return None
    latest = today + timedelta(days=1)
    days = {order: [date(year, *((first, second) if order == "MDY" else (second, first)))
                    for first, second, year, _rows in evidence["AMBIGUOUS"]] for order in ("MDY", "DMY")}
    future = {order: [(first, second, year) for (first, second, year, _rows), day
                      in zip(evidence["AMBIGUOUS"], days[order], strict=True) if day > latest]
              for order in ("MDY", "DMY")}
    span = {order: (max(found) - min(found)).days if found else 0 for order, found in days.items()}
    for order, other in (("DMY", "MDY"), ("MDY", "DMY")):
        if future[other] and not future[order] and span[order] < span[other]:
            first, second, year = max(future[other], key=lambda found: (found[2], *(
                found[:2] if other == "MDY" else found[1::-1])))
            shown = date(year, *((first, second) if other == "MDY" else (second, first)))
            return order, (f"as read {ORDER_WORDS[other]} {len(future[other])} of its dates would be after "
                           f"today (up to {shown:%d %B %Y})")
    return None


def _choose_order(evidence: dict, separators: Counter[str], preset_order: str | None,
                  order_hint: tuple[str, str] | None, data_rules: bool = True,
                  today: date | None = None) -> tuple[str, str]:
    """Day/month order and the reason; `evidence` holds (first row, text, rows) per settling text."""
    mdy, dmy = sorted(evidence["MDY"]), sorted(evidence["DMY"])
    mdy_rows, dmy_rows = sum(rows for _, _, rows in mdy), sum(rows for _, _, rows in dmy)
    if mdy or dmy:
        order = "DMY" if dmy_rows > mdy_rows or (dmy_rows == mdy_rows and dmy[0][0] < mdy[0][0]) else "MDY"
        row, text, _ = (dmy if order == "DMY" else mdy)[0]
        reason = f"because of {text} in row {row}"
        other, other_rows = (mdy, mdy_rows) if order == "DMY" else (dmy, dmy_rows)
        if other:
            reason += (f" (but {other[0][1]} in row {other[0][0]} reads the other way: "
                       f"{other_rows} such row(s) are invalid until fixed)")
        elif preset_order in ORDER_WORDS and preset_order != order:  # QA round 47c: overruled without a word
            reason += (f", which can only be {ORDER_WORDS[order]}: the mapping's Date order "
                       f"({ORDER_WORDS[preset_order]}) does not apply to this file, and a preset saved from it "
                       f"keeps {ORDER_WORDS[order]}")
        return order, reason
    unsettled = "(no value settles the order: none is a real date with a day above 12)"
    dotted = separators.most_common(1)[0][0] == "."  # 01.09.2026 is never month first: no locale writes it
    resaved = dotted or bool(order_hint) and order_hint[1] == SEMICOLONS  # by a decimal-comma Excel (QA 40b, 42a)
    found = _order_by_today(evidence, today)
    if preset_order in ORDER_WORDS and not (preset_order == "MDY" and resaved):  # a SurveyMonkey export re-saved
        if found and found[0] != preset_order:  # answers after today cannot be (QA round 48b: a UK re-save)
            return found[0], f"{found[1]}, though the mapping's Date order says {ORDER_WORDS[preset_order]} {unsettled}"
        return preset_order, f"as the mapping's Date order says {unsettled}"
    if preset_order == "MDY":  # QA round 53c: the choice was ignored without a word
        unsettled += (", not month/day/year as the mapping's Date order says: " + (
            "no locale writes a date with dots month first" if dotted else
            "a file Excel saved with semicolons comes from a locale that writes the day first"))
    if found:
        return found[0], f"{found[1]} {unsettled}"
    if order_hint and order_hint[0] in ORDER_WORDS:
        return order_hint[0], f"{order_hint[1]} {unsettled}"
    found = (_order_by_neighbours(evidence) or _order_by_span(evidence)) if data_rules and not dotted else None
    if found:
        return found[0], f"{found[1]} {unsettled}"
    order = "MDY" if separators.most_common(1)[0][0] == "/" else "DMY"
    return order, (f"the default for dates with {'slashes' if order == 'MDY' else 'dots or dashes'} {unsettled}"
                   + ("" if dotted or preset_order else _other_reading(evidence, order)))


def _other_reading(evidence: dict, order: str) -> str:
    """What the column's first ambiguous date would be read the other way, and how to choose it: a default order
    decides, and a UK file's every 03/11/2026 went out as 11 March without a word of 3 November (QA round 61a)."""
    first, second, year, _rows = next((found for found in evidence["AMBIGUOUS"] if found[0] != found[1]),
                                      (0, 0, 0, 0))
    if not first:
        return ""
    month, day = (second, first) if order == "MDY" else (first, second)
    other = "day/month/year" if order == "MDY" else "month/day/year"
    moment = date(year, month, day)
    written = evidence["WRITTEN"][first, second]  # as the file writes it: 09/02/2026 (QA round 80b)
    return (f"; read {other}, {written} would be {moment.day} {moment:%B %Y}: if the file writes "
            "dates that way, choose that Date order on the mapping page")


def data_rules(zone: str, texts: list[str]) -> bool:
    """Whether a column's own dates (their year-first neighbours, their span) may settle its order in `zone`:
    not in a month-first place (a US monthly survey's 1/5 .. 6/5 stay January to June), unless it is also
    listed day first or the dates are zero-padded on a 24-hour clock (_zero_padded: 01/09/2026 02:13, a US
    account's Qualtrics export re-saved by a UK Excel, a Canadian team's dd/mm: QA rounds 40b, 41a; the US
    Excel's and Google's are 9/1/2026 2:13, SurveyMonkey's 09/01/2026 02:13:00 AM). zone_conflict says so
    when they read day first there."""
    return not zone.startswith(MONTH_FIRST_ZONES) or zone.startswith(DAY_FIRST_ZONES) or _zero_padded(texts)


def zone_conflict(decision: ColumnDates, upload_zone: str) -> str | None:
    """A sentence when `decision` reads its dates month first by default in a zone that writes them day first
    (an Australian 5/10/2026 in Australia/Sydney: QA round 35b), or day first with no value settling it in a
    zone that writes them month first (a US team's 01/05/2026 09:00 in America/Chicago: QA round 41a), saying
    where to choose; None otherwise."""
    zone = decision.zone or upload_zone
    guessed = decision.order_reason.startswith(("so that its dates lie", "as the column's year-first dates",
                                                SEMICOLONS))
    if decision.order == "DMY" and guessed and zone.startswith(MONTH_FIRST_ZONES) and not zone.startswith(
            DAY_FIRST_ZONES):
        return (f"{zone} usually writes dates month first: if '{decision.column}' is month/day/year (01/05/2026 "
                "for 5 January), choose Month-day-year under Date order on the mapping page")
    if decision.order != "MDY" or not decision.order_reason.startswith("the default") or not zone.startswith(
            DAY_FIRST_ZONES):
        return None
    return (f"{zone} usually writes dates day first: if '{decision.column}' is day/month/year (5/10/2026 for "
            "5 October), choose Day-month-year under Date order on the mapping page")


# Time zones of places that write numeric dates day first (Europe, Australia and New Zealand, India, Latin
# America's large zones, Africa); the United States, Canada and Asia's year-first places are left out.
DAY_FIRST_ZONES = ("Europe/", "Australia/", "Pacific/Auckland", "Pacific/Chatham", "NZ", "Antarctica/McMurdo",
                    # the Pacific's other day-first places: Fiji, Papua New Guinea, Samoa, Tonga, Vanuatu, the Solomon
                    # Islands, Norfolk Island, New Caledonia and French Polynesia (QA round 67a: Chatham was read
                    # month first)
                    "Pacific/Fiji", "Pacific/Port_Moresby", "Pacific/Apia", "Pacific/Tongatapu", "Pacific/Efate",
                    "Pacific/Guadalcanal", "Pacific/Norfolk", "Pacific/Noumea", "Pacific/Tahiti",
                    "Asia/Kolkata", "Asia/Calcutta", "Asia/Dubai",
                    "Asia/Singapore", "Asia/Jerusalem", "Asia/Tel_Aviv", "Asia/Hong_Kong", "Asia/Jakarta",
                    "Asia/Kuala_Lumpur", "Asia/Karachi", "Asia/Dhaka", "Asia/Riyadh", "Asia/Istanbul", "Atlantic/",
                    "Africa/", "America/Sao_Paulo", "America/Fortaleza", "America/Recife", "America/Bahia",
                    "America/Belem", "America/Manaus", "America/Argentina/", "America/Montevideo",
                    "America/Mexico_City", "America/Bogota", "America/Lima", "America/Santiago", "America/Caracas",
                    # the rest of Mexico, Central America, the Caribbean's and South America's Spanish- and
                    # Portuguese-speaking places, South-East Asia's (QA round 33b)
                    *(f"America/{city}" for city in (
                        "Monterrey", "Merida", "Cancun", "Chihuahua", "Hermosillo", "Mazatlan", "Matamoros", "Tijuana",
                        "Bahia_Banderas", "Ojinaga", "Ciudad_Juarez", "Costa_Rica", "Guatemala", "El_Salvador",
                        "Tegucigalpa", "Managua", "Santo_Domingo", "Havana", "Asuncion", "La_Paz", "Guayaquil",
                        "Cuiaba", "Campo_Grande", "Porto_Velho", "Boa_Vista", "Maceio", "Araguaina", "Santarem",
                        "Noronha", "Rio_Branco", "Punta_Arenas")),
                    "Asia/Bangkok", "Asia/Ho_Chi_Minh", "Asia/Saigon", "Asia/Colombo", "Asia/Kathmandu",
                    "Asia/Yangon", "Asia/Phnom_Penh", "Asia/Baghdad", "Asia/Amman", "Asia/Beirut", "Asia/Qatar",
                    "Asia/Kuwait", "Asia/Muscat", "Asia/Bahrain", "Asia/Makassar", "Asia/Kuching", "Asia/Pontianak",
                    "Asia/Jayapura", "Asia/Brunei", "Indian/")


# Time zones of places that write numeric dates month first (the United States, Canada, the Philippines): a
# file from there keeps month first when no value settles the order (decide_column's data_rules); Mexico's
# and the rest of Latin America's write day first (QA round 32a)
MONTH_FIRST_ZONES = ("US/", "Canada/", "Pacific/Honolulu", "Asia/Manila", "America/Indiana/", "America/Kentucky/",
                      "America/North_Dakota/", *(f"America/{city}" for city in (
                          "New_York", "Chicago", "Denver", "Los_Angeles", "Phoenix", "Anchorage", "Detroit", "Boise",
                          "Juneau", "Sitka", "Nome", "Yakutat", "Metlakatla", "Adak", "Menominee", "Indianapolis",
                          "Louisville", "Toronto", "Vancouver", "Edmonton", "Winnipeg", "Halifax", "St_Johns", "Regina",
                          "Moncton", "Whitehorse", "Yellowknife", "Iqaluit", "Montreal", "Glace_Bay", "Goose_Bay")))


def order_hint(plan: Plan, sheet, column: str, declared: str | None) -> tuple[str, str] | None:
    """What the file tells of its locale's day/month order, for dates no value settles: the preset's
    date_order_by_column (Google Forms writes "Horodateur" in a French sheet), a format the header spells out ("Date
    (dd/mm/yyyy)"), a date header in a day-first language ("Fecha", "Datum"), semicolons between cells (Excel's CSV
    where the decimal mark is a comma: shared/formats/EXPORT-FORMATS.md section 13, all day-first locales, when the
    dates are padded as those write them), or last a time zone where dates are written day first (Europe/London: a
    UK team's sheet; none for UTC, nor for the United States' zones, which write month first): the one the file
    `declared` for the column (a Qualtrics export opened in a New Zealand Excel: `9/11/2022 17:54`, EXPORT-
    FORMATS.md section 2), else the place its header, its time column's header or its values name ("(UK time)",
    "(BST)", "09:14 BST": zones.header_place, zones.values_place), else the one chosen for the upload, when the
    column writes its months with two digits (03/10/2026, and Australia's and New Zealand's 3/10/2026) as those
    locales do: 3/1/2026 is the United States' M/D/YYYY (Google Forms in a US locale, whoever uploads it)."""
    by_column = {name.casefold(): order for name, order in plan.preset.date_order_by_column.items()}
    language = "the order of the language this header is written in"
    if column.casefold() in by_column:
        return by_column[column.casefold()], language
    if found := _HEADER_FORMAT.search(column):  # "Date (dd/mm/yyyy)" (QA round 35a)
        return ("MDY" if found[1].casefold() == "mm" else "DMY"), f"the format its header names ({found[0]})"
    texts = plan.field_texts(sheet.rows, "submitted_at")
    hints = (found for text in texts[:3] if not any(char.isdigit() for char in text)
             and (found := _HEADER_FORMAT.search(text)))
    if found := next(hints, None):  # a row of hints under a team sheet's header: "dd/mm/yyyy hh:mm" (QA round 44b)
        return ("MDY" if found[1].casefold() == "mm" else "DMY"), f"the format spelt under the header ({found[0]})"
    if normalize(column) in headernames.DAY_FIRST_DATE_HEADERS:
        return "DMY", language
    if getattr(sheet, "delimiter", None) == ";" and _zero_padded(texts, "/"):  # not a US 9/1/2026 or 09:07 AM
        return "DMY", SEMICOLONS
    in_column = zones.header_place(column)
    named = in_column or (zones.header_place(plan.columns[plan.time_at]) if plan.time_at is not None else None)
    in_values = None if declared or named else zones.values_place(texts)
    if not declared and (named or in_values):  # "Submitted (UK time)", "(BST)", "09:14 BST": a place
        declared = named or in_values
        where = ("the place its header names" if in_column else "the place its values' zone names" if in_values
                 else "the place its time column's header names")
    else:
        where = "the time zone the file declares for this column"
    if declared:  # a US account's export keeps its order whatever zone is chosen for the upload
        if declared.startswith(DAY_FIRST_ZONES) and _padded(texts, month_only=True):
            return "DMY", f"the order used in {declared}, {where}"
        return None
    if plan.zone.startswith(DAY_FIRST_ZONES) and _padded(texts, month_only=False):
        return "DMY", f"the order used in {plan.zone}, the time zone chosen for this upload"
    return None


SEMICOLONS = "the order of a file separated by semicolons, as Excel saves CSV where the decimal mark is a comma"


def _zero_padded(texts: list[str], separators: str = "/.-") -> bool:
    """True when every numeric date among `texts` writes both parts with two digits, some with a leading zero
    (05/10/2026; not 10/11/2025 alone), on a 24-hour clock, as decimal-comma Excels and the UK's write them and
    no US program does by default, between `separators` (QA rounds 40b, 41a)."""
    found = _numeric_dates(texts)
    return (bool(found) and all(len(match["a"]) == len(match["b"]) == 2 and not match["ap"]
                                and match["sep"] in separators for match in found)
            and any("0" in (match["a"][0], match["b"][0]) for match in found))


def _numeric_dates(texts: list[str]) -> list[re.Match]:
    """The NUMERIC_RE matches of `texts`' distinct numeric dates (01/09/2026 02:13): their parts a, b, sep, ap."""
    return [match for text in set(texts) if (match := NUMERIC_RE.match(text.strip()))]


# A date format spelt out in a header: "Date (dd/mm/yyyy)", "Datum (TT.MM.JJJJ)", "Date (jj/mm/aaaa)", "(mm/dd/yy)"
_HEADER_FORMAT = re.compile(r"\b(dd|jj|tt|mm)[./-](mm|dd|tt|jj)[./-](?:yyyy|yy|aaaa|aa|jjjj|jj)\b", re.IGNORECASE)


def _padded(texts: list[str], month_only: bool) -> bool:
    """True when every numeric date among `texts` writes its second part (the month, day first) with two
    digits and, unless `month_only`, pads it visibly (05/03/2026, Australia's 5/03/2026) or pads the first
    part too (05/10/2026): a US 3/10/2026 pads neither (review 29c), and 3/1/2026 is month first anywhere."""
    found = _numeric_dates(texts)
    if not all(len(match["b"]) == 2 for match in found):
        return False
    return month_only or any(match["b"].startswith("0") for match in found) or all(
        len(match["a"]) == 2 for match in found)
