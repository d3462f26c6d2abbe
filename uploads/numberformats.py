"""How an Excel number format shows a whole number: zero-padded ids ("0614" from 614 under `0000`, "T-0127"
under `"T-"0000`), read from the format code as Excel's "Number format codes" page defines it. Used for .xlsx
(cellfacts), .xls (xlsfacts) and .ods (odsfacts) cells, whose readers give the number and not the text shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# A number format's parts: quoted text, an escaped character, a space as wide as a character (`_)`),
# a locale tag (`[$-409]`), a run of zeros, a run of #, a section separator; anything else is one other character.
_FORMAT_PART = re.compile(r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|(?P<space>_.)|(?P<locale>\[\$-[0-9A-Fa-f]+\])|'
                          r"(?P<zeros>0+)|(?P<hashes>#+)|(?P<section>;)|.", re.S)
# Characters a number format shows as typed without quotes (Excel's "Number format codes")
_PLAIN_LITERALS = frozenset("$-+/():!^&'~{}<>= ")


@dataclass(frozen=True)
class Shown:
    """How a number format showing whole numbers as zero-padded digits shows one: `parts`, left to
    right, are literal texts and runs of zero placeholders (their lengths: `"T-"0000` is ("T-", 4),
    `00000\\-0000` is (5, "-", 4)); `hashes`: # placeholders ending the last run (`0000000#`); `zero`:
    the text for 0 when the format has a third section (the one for zero) other than the first: as
    that section shows it, or "0" if it is no such format."""

    parts: tuple[str | int, ...]
    hashes: int = 0
    zero: str | None = None

    def text(self, digits: str) -> str:
        """The text Excel shows for a non-negative whole number written as `digits`: the placeholders
        filled from the right, a zero where no digit is left ("127" -> "T-0127", "12345" with
        `00000\\-0000` -> "00001-2345"), digits beyond them in the first run ("1234567" -> "T-1234567",
        as every id of the column then reads: QA round 28a)."""
        if self.zero is not None and not digits.strip("0"):
            return self.zero
        runs = [part for part in self.parts if isinstance(part, int)]
        shown_hashes = min(self.hashes, len(digits.lstrip("0")))  # a # shows a digit, never a leading zero
        filled = digits.zfill(sum(runs) + shown_hashes)
        ends, end = [], len(filled)
        for at in range(len(runs) - 1, 0, -1):  # the last run (with the hashes) first; the first takes the rest
            ends.append(end)
            end -= runs[at] + (shown_hashes if at == len(runs) - 1 else 0)
        ends.append(end)
        cuts = [0, *reversed(ends)]
        pieces = iter(filled[start:stop] for start, stop in zip(cuts, cuts[1:], strict=False))
        return "".join(part if isinstance(part, str) else next(pieces) for part in self.parts)


def shown_format(code: str) -> Shown | None:
    """How the number format `code` shows a non-negative whole number, when its first section (the
    positive one, Excel's "Number format codes") is runs of zeros (the last one may end in fewer #)
    with only a locale tag (`[$-409]`), spaces (`_)`) and literal text (`"T-"`, `\\-`) around and between
    them; else None (the number is
    then read as its digits). Examples: `000000;@`, `00000_)`, `[$-409]000000`, `"T-"0000`, and (QA round
    28a) `0000000#` (# after more zeros), `00000\\-0000` and `00-000` (several runs, literals between).
    QA round 17 (x11_pad_formats.xlsx); a format such as `0#####` or `#,##0` is not one, nor one with
    a single zero (`"ID "0`: the literals decorate an id and are no part of it, QA round 18)."""
    sections: list[list[tuple[str, str]]] = [[]]
    for part in _FORMAT_PART.finditer(code):
        if part.lastgroup == "section":
            sections.append([])
        else:
            sections[-1].append((part.lastgroup or "other", part.group(part.lastgroup or 0)))
    shown = _shown_section(sections[0])
    if shown is None or len(sections) < 3 or sections[2] == sections[0]:
        return shown
    zero = _shown_section(sections[2])
    return replace(shown, zero=zero.text("0") if zero else "0")


def _shown_section(parts: list[tuple[str, str]]) -> Shown | None:
    """The Shown of one format section's parts ((kind, text) from _FORMAT_PART), or None."""
    tokens: list[str | int] = []
    hashes = 0
    for kind, text in parts:
        if kind == "zeros" and not hashes:
            tokens.append(len(text))
        elif kind == "hashes" and not hashes and tokens and isinstance(tokens[-1], int) and len(text) < tokens[-1]:
            hashes = len(text)
        elif kind in ("quoted", "escaped") or kind == "other" and text in _PLAIN_LITERALS:
            tokens.append(tokens.pop() + text if tokens and isinstance(tokens[-1], str) else text)
        elif kind not in ("space", "locale"):
            return None
    runs = [token for token in tokens if isinstance(token, int)]
    return Shown(tuple(tokens), hashes) if runs and sum(runs) + hashes > 1 else None


# Literal text and bracketed tags of a format code ([$-409], [Red], [h]'s brackets), which say nothing of its parts
_NOT_PARTS = re.compile(r'"[^"]*"|\\.|_.|\[[^\]]*\]')
# Built-in date-and-time formats (Excel's numFmtId 22, "m/d/yy h:mm")
DATETIME_FORMAT_IDS = frozenset({"22"})


def shows_time(code: str) -> bool:
    """True when the number format `code` shows a date with its time (`yyyy-mm-dd hh:mm:ss`, `d.m.yyyy h:mm`): its
    first section has a day or year and an hour or second. A date cell at midnight is then shown with 00:00, not
    as a date alone (QA round 58c: "has no time part" on an xlsx's 2026-10-07 00:00:00)."""
    section = _NOT_PARTS.sub("", code).split(";")[0].casefold()
    return bool(re.search(r"[dy]", section)) and bool(re.search(r"[hs]", section))


# A date format's literal text: a quoted text, an escaped character (a backslash before each letter of UTC); any other
# part is a code
_LITERAL_PARTS = re.compile(r'"([^"]*)"|\\(.)|.', re.S)
# UTC named alone in it: "UTC", "(UTC)", "GMT", "Z"; not "GMT+1", "Zürich"
_UTC_WORD = re.compile(r"(?<![\w+-])(?:UTC|GMT|Z)(?![\w+-])")


def shows_utc(code: str) -> bool:
    """True when the number format `code` shows a date and time (shows_time) as UTC's, with a literal "UTC", "GMT"
    or "Z" in its first section (`yyyy-mm-dd hh:mm "UTC"`, `"T"hh:mm:ss"Z"`, escaped letters): the cell's time is
    UTC's, whatever zone the upload chose (QA rounds 67a, 68a)."""
    literal = "".join(f" {quoted} " if quoted else escaped or " "
                      for quoted, escaped in _LITERAL_PARTS.findall(code.split(";")[0]))
    return shows_time(code) and bool(_UTC_WORD.search(literal))
