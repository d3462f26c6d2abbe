"""What a score's header or question says of its scale: the range it names ("CSAT (1-10)", "Score /10", "from 1
(poor) to 10 (excellent)"), what it says each number means ("1 = very satisfied"), whether its best answer comes
first, and a likelihood-to-recommend question's 0..10. Functions of the header's text; uploads/scales.py decides.
"""

from __future__ import annotations

import re

from uploads import scorecells

# A likelihood-to-recommend question (Net Promoter Score), asked on 0..10
NPS_QUESTION = re.compile(r"\b(likely|likelihood)\b.*\brecommend|weiterempfehlen|recommanderiez|recomendar[ií]a|"
                          r"^\s*nps\b", re.IGNORECASE)
NPS_SCALE = (0, 10)

# A scale the score's header names: "CSAT (1-10)", "Rating (1-10, 10 = best)", "On a scale of 1 to 10, how…",
# "Skala von 0 bis 10", "1-10 scale", "How would you rate us from 1 (poor) to 10 (excellent)?"
_TO = r"\s*(?:-|–|—|to|bis|à|a|al|tot|do)\s*"
_HEADER_SCALE = re.compile(
    rf"[(\[]\s*(\d{{1,2}}){_TO}(\d{{1,3}})\s*[)\],;]"
    rf"|\b(?:from|von|de|entre)\s+([01])\s*(?:\([^()]{{1,30}}\)\s*)?{_TO}(3|4|5|6|7|10|100)\b"
    # Italian "scala da 1 a 10", Dutch "schaal van 1 tot 10", Polish "skali od 1 do 10" (QA round 44c)
    rf"|\b(?:scale|skala|skali|échelle|echelle|escala|scala|schaal)\s+(?:of|from|von|de|del|da|van|od)?\s*"
    rf"(\d{{1,2}}){_TO}(\d{{1,3}})\b"
    rf"|\b(\d{{1,2}}){_TO}(\d{{1,3}})[ -](?:point )?scale\b"
    rf"|\s([01]){_TO}(3|4|5|6|7|10|100)\s*$"  # "Score 1-10" (a usual range ending the header)
    # "(1 = not at all, 7 = very)", "where 1 = … and 7 = …", "(7 = very, 1 = not at all)"
    r"|\b([01])\s*=\s*[^=,;()]{1,40}?(?:[,;…]|\band\b|\.\.\.?)\s*(3|4|5|6|7|10|100)\s*="
    r"|\b(3|4|5|6|7|10|100)\s*=\s*[^=,;()]{1,40}?(?:[,;…]|\band\b|\.\.\.?)\s*([01])\s*=", re.IGNORECASE)
# Only the top named: "Score /10", "Rating (out of 10)", "Note sur 10" (never a date's or a year's "10/25",
# "2026/27", "24/7"); the bottom is 0 when a score is 0, else 1
_HEADER_TOP = re.compile(r"(?:(?<![\d/])/|\bout of|\bsur)\s*(3|4|5|6|7|10|100)\s*\)?\s*$", re.IGNORECASE)


# A Dutch school grade's header ("Cijfer", "Rapportcijfer"): the top is 10, as the range a header names
_GRADE = re.compile(r"\s*(rapport)?cijfer\s*$", re.IGNORECASE)

# "1 = very satisfied", "1 - Very satisfied", "1: best": a number and what the header says it means
_MEANS = re.compile(r"\b(\d{1,3})\s*[=:\-–]\s*([^\W\d_][^=,;()]{0,39}?)\s*(?=[,;)/]|\band\b|$|\d{1,3}\s*[=:\-–])",
                    re.IGNORECASE)


def meanings(header: str) -> dict[int, str]:
    """number -> the words a header gives it ("(1 = Happy, 2 = Neutral, 3 = Unhappy)"); {} for none."""
    return {int(number): words for number, words in _MEANS.findall(header)}


def best_first(header: str, low: int, high: int) -> bool:
    """True when the header says its lowest number is the best answer or its highest the worst ("Score (1 = very
    satisfied, 5 = very dissatisfied)", "(1-5, 1 = best)", "Schulnote: 1 = sehr gut, 6 = ungenügend"), and neither
    end says the other way: the scores are turned, as the API's rise with satisfaction (QA rounds 37c, 38b;
    Freshdesk's classic survey numbers its answers so too: EXPORT-FORMATS.md section 6)."""
    said = meanings(header)
    best_low = low in said and bool(scorecells.POSITIVE.search(said[low])) and not scorecells.NEGATIVE.search(said[low])
    worst_high = high in said and bool(scorecells.NEGATIVE.search(said[high]))
    says_other = (low in said and bool(scorecells.NEGATIVE.search(said[low]))) or (
        high in said and bool(scorecells.POSITIVE.search(said[high])) and not scorecells.NEGATIVE.search(said[high]))
    return (best_low or worst_high) and not says_other


def recommend_scale(question: str, numbers: set[int], top: int) -> tuple[int, int] | None:
    """NPS_SCALE (0..10) for a likelihood-to-recommend `question` when one of its whole-number answers
    `numbers` is 0 or above `top` (the scale otherwise used); else None: answers only 1..5 leave the
    scale to the preset, a 5-point "recommend" question. For the score's header and for a clarifying
    question (autodetect)."""
    if NPS_QUESTION.search(question) and any(number == 0 or number > top for number in numbers):
        return NPS_SCALE
    return None


def header_range(header: str, numbers: set[int]) -> tuple[int, int, bool] | None:
    """(low, high, whether only the top is named) of the scale a score's header or question names:
    "CSAT (1-10)" -> (1, 10, False), "(1 = not at all, 7 = extremely)" -> (1, 7, False), "Score /10" ->
    (0 when one of the whole-number scores `numbers` is 0, else 1, 10, True); None for none, or for a
    range no scale has ("Rating (18-65)" names ages)."""
    found = _HEADER_SCALE.search(header)
    low, high = sorted(int(number) for number in found.groups() if number is not None) if found else (0, 0)
    if not found and len(said := meanings(header)) >= 2:  # "(1 = Happy, 2 = Neutral, 3 = Unhappy)"
        low, high = min(said), max(said)
    top_only = False
    if not found and (top := _HEADER_TOP.search(header)):
        low, high, top_only = (0 if 0 in numbers else 1), int(top[1]), True
    elif not found and _GRADE.match(header):  # a Dutch grade: 1 .. 10 (QA round 55a)
        low, high, top_only = (0 if 0 in numbers else 1), 10, True
    return (low, high, top_only) if low in (0, 1) and 2 <= high <= 100 else None
