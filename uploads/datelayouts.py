"""How dates are written around the world, rewritten into the layouts dates.py reads: month names in
thirteen languages (MONTHS), East Asian and Central European layouts, words around the time ("14:48 Uhr", "kl.
14.30", "9時05分", "3pm"), ISO's basic format, and a zone written after the time (its abbreviation, in brackets or
not, its IANA name, Java's "[Europe/Paris]"). Each rule names the QA round behind it.
"""

from __future__ import annotations

import contextlib
import re

from uploads import zones

# Month names and abbreviations in English, German, French, Spanish, Italian, Portuguese and Dutch, as their
# spreadsheets write them ("05-Okt-2026", "03-févr.-2026", "5. Oktober 2026": QA round 34b)
MONTHS = {name: index for index, names in enumerate(
    ["jan january januar janvier janv enero ene gennaio gen janeiro januari",
     "feb february februar février févr fév febrero febbraio fevereiro fev februari",
     "mar march märz mär mrz mars marzo março maart mrt",
     "apr april avril avr abril abr aprile",
     "may mai mayo maggio mag maio mei",
     "jun june juni juin junio giugno giu junho",
     "jul july juli juillet juil julio luglio lug julho",
     "aug august août aoû agosto ago augustus",
     "sep sept september septembre septiembre set settembre setembro",
     "oct october oktober okt octobre octubre ottobre ott outubro out",
     "nov november novembre noviembre novembro",
     "dec december dezember dez décembre déc diciembre dic dicembre dezembro"], start=1)
    for name in names.split()}
# Polish, Russian, Ukrainian, Swedish, Danish, Norwegian and Turkish month names, their genitive too
# ("5 października 2026", "5 окт. 2026 г."): QA round 37b
MONTHS |= {name: index for index, names in enumerate(
    ["sty styczeń stycznia янв январь января січ січень січня januari januar oca ocak",
     "lut luty lutego фев февраль февраля лют лютий лютого februari februar şub şubat",
     "marzec marca мар март марта бер березень березня mars marts mart",
     "kwi kwiecień kwietnia апр апрель апреля кві квітень квітня nis nisan",
     "maj maja мая май тра травень травня mayıs",
     "cze czerwiec czerwca июн июнь июня чер червень червня juni haz haziran",
     "lip lipiec lipca июл июль июля лип липень липня juli tem temmuz",
     "sie sierpień sierpnia авг август августа сер серпень серпня augusti ağu ağustos",
     "wrz wrzesień września сен сент сентябрь сентября вер вересень вересня eyl eylül",
     "paź październik października окт октябрь октября жов жовтень жовтня eki ekim",
     "ноя нояб ноябрь ноября лис листопад листопада kas kasım",  # not Polish "listopad": Croatian October
     "gru grudzień grudnia дек декабрь декабря гру грудень грудня des desember ara aralık"], start=1)
    for name in names.split()}

# Japanese and Chinese dates "2026年10月5日 14:48"; Korean, Japanese and Chinese Excel's morning/afternoon
# before the time: "2026-10-05 오후 2:48:00" is 2:48 PM
_YEAR_MONTH_DAY = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_HALF_DAY = re.compile(r"\s*(오전|오후|午前|午後|上午|下午)\s*(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)$")
_PM_WORDS = frozenset({"오후", "午後", "下午"})
# Central European Excel: Slovak and Czech "13. 10. 2026 9:41" (a space after each dot), Hungarian
# "2026. 10. 14. 10:15" (year first, each part ended by a dot): QA round 28a
_SPACED_DOTS = re.compile(r"^(\d{1,2})\.\s+(\d{1,2})\.\s+(\d{4})\b\.?")
_YEAR_FIRST_DOTS = re.compile(r"^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})(?:\.|(?=\s))")  # Korean Sheets: "2026. 10. 5 "
# Spanish and Portuguese "5 de octubre de 2026", Russian "2026 г.", Norwegian "kl." and Finnish "klo" before the time,
# Japanese "9時05分" (QA round 37b)
_OF_MONTH = re.compile(r"^(\d{1,2}) de ([^\W\d_]{3,12}) de (\d{4})")
_YEAR_WORD = re.compile(r"(?<=\d{4})\s*[гр]\.?(?=\s|$)")  # Russian "г.", Ukrainian "р."
_CLOCK_WORD = re.compile(r"\s+(?:kl|klo)\.?\s+(?=\d)", re.IGNORECASE)
_JAPANESE_TIME = re.compile(r"(\d{1,2})時(\d{2})分(?:(\d{2})秒)?")


# German "14:48 Uhr" (o'clock), French "14h48"; a time ending in the abbreviation of one fixed offset
# ("2:48 PM PDT", "10:00 CEST": zones.abbreviation_offset), read as that offset (QA round 34b)
_UHR = re.compile(r"(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)\s*Uhr\b\.?", re.IGNORECASE)
_HOUR_ALONE = re.compile(r"(?<=\s)(\d{1,2})\s*([AaPp]\.?\s?[Mm]\.?)$")  # "3pm", "9 a.m." typed by hand (QA round 37c)
_H_TIME = re.compile(r"(?<=\s)(\d{1,2})\s?h\s?(\d{2})\b", re.IGNORECASE)  # as timesofday reads a Time column
_COMPACT_ISO = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)
# ISO 8601's basic date alone, 20261005 (Looker Studio's Date dimension: QA round 37a); this century's only, so that
# another number stays a number
COMPACT_DATE = re.compile(r"^(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
# A zone after the time in brackets ("2:53 PM (EDT)": Notion) or by its IANA name ("14:53:00.000 America/New_York":
# Athena, Trino), QA round 37a
_BRACKETED_ABBREVIATION = re.compile(r"(?<=\d)((?:\s*[AaPp]\.?\s?[Mm]\.?)?)\s*\(([A-Z]{2,5})\)$")
# Java's ZonedDateTime after its offset: "2026-10-05T14:53:00+02:00[Europe/Paris]" (QA round 38b)
_JAVA_ZONE = re.compile(r"(?:(?<=[+-]\d{2}:\d{2})|(?<=\dZ))\[[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*\]$")
_IANA_AT_END = re.compile(r"(?<=\d)\s+([A-Za-z]+/[A-Za-z0-9_+\-]+(?:/[A-Za-z_]+)?)$")


def local_layout(value: str) -> str:
    """A date written the East Asian or Central European way, rewritten in the layouts dates._fields reads:
    ISO (Y-M-D, or Y.M.D from Hungarian), D.M.YYYY (Slovak, Czech), the time then AM/PM (Korean, Japanese),
    "14:48" for "14:48 Uhr" and "14h48", an offset for a fixed zone's abbreviation ("PDT": -07:00)."""
    value = _COMPACT_ISO.sub(r"\1-\2-\3T\4:\5:\6\7", value)  # ISO 8601's basic format: 20261005T145300Z
    value = COMPACT_DATE.sub(r"\1-\2-\3", value)
    value = _UHR.sub(r"\1", value)
    value = _HOUR_ALONE.sub(r"\1:00 \2", value)
    value = _OF_MONTH.sub(r"\1 \2 \3", value)
    value = _YEAR_WORD.sub("", value)
    value = _CLOCK_WORD.sub(" ", value)
    value = _JAPANESE_TIME.sub(lambda found: f"{found[1]}:{found[2]}" + (f":{found[3]}" if found[3] else ""), value)
    value = _H_TIME.sub(r"\1:\2", value)
    if (found := zones.TRAILING_ABBREVIATION.search(value)) and (offset := zones.abbreviation_offset(found[2])):
        value = f"{value[:found.start()]}{found[1]} {offset}"
    value = _SPACED_DOTS.sub(r"\1.\2.\3", value)
    value = _YEAR_FIRST_DOTS.sub(r"\1.\2.\3", value)
    value = _YEAR_MONTH_DAY.sub(r"\1-\2-\3", value)
    if found := _HALF_DAY.search(value):
        value = f"{value[:found.start()]} {found[2]} {'PM' if found[1] in _PM_WORDS else 'AM'}"
    return value


def without_place(value: str) -> tuple[str, str | None]:
    """`value` without a trailing zone naming a place, and that place's zone: an abbreviation ("4:00 PM ET":
    Eastern, its daylight saving too) or an IANA name ("14:53:00.000 America/New_York"); else `value` (with a
    bracketed abbreviation unbracketed, "2:53 PM (EDT)" as "2:53 PM EDT") and None."""
    value = _JAVA_ZONE.sub("", _BRACKETED_ABBREVIATION.sub(r"\1 \2", value))  # the offset says it all
    if found := _IANA_AT_END.search(value):
        with contextlib.suppress(ValueError):
            zones.get_zone(found[1])
            return value[:found.start()], found[1]
    if (found := zones.TRAILING_ABBREVIATION.search(value)) and (place := zones.abbreviation_place_zone(found[2])):
        return value[:found.start(2)].rstrip(), place
    return value, None
