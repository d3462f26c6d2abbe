"""Clarifying-question groups found by a preset's `ClarifyingPattern` (preset_format).

A survey asks more than the CSAT question ("How easy was it?", "Did we solve it?"); each answered question
becomes one of the item's `clarifying_answers` (shared/api/CONTRACT.md), with its score on its own scale. A
pattern names the question's columns by header ("Q3 - How easy...", "Q3 - comment"); this module groups the
columns by question, keeps the questions answered with scores, and picks each one's scale.
"""

from __future__ import annotations

import re

from uploads import cells, headerscales, scorecells
from uploads.autodetect import LISTED_SHARE, column_texts
from uploads.headers import Headers
from uploads.wordings import one_language


def pattern_groups(pattern, headers: Headers, sheet, scale_table: dict, used: set[int]) -> list[dict]:
    """Clarifying groups (JSON format) found by a `ClarifyingPattern`, in column order."""
    header_rx, comment_rx = re.compile(pattern.header, re.I), re.compile(pattern.comment, re.I)
    groups: dict[str, dict] = {}
    for position, header in enumerate(headers.columns):
        match = header_rx.match(" ".join(header.split()))  # a header typed on two lines (QA round 73b: Q2 lost)
        if position in used or not match or match["key"] in pattern.skip_keys:
            continue
        group = groups.setdefault(match["key"], {"key": match["key"]})
        question = match["question"].strip()
        slot = "comment" if comment_rx.search(question) else "score"
        if slot not in group:
            group[slot] = header
            if slot == "score":
                group["question"] = question
    out = []
    for group in groups.values():
        texts = column_texts(sheet, headers.index(group["score"])) if "score" in group else []
        group["scale"] = _pick_scale(pattern, group.get("question", ""), texts, scale_table)
        if scale_table[group["scale"]].get("labels") and not _ENGLISH.search(group.get("question", "")):
            group["labels"] = {}  # the scale's English labels are no answer a Spanish survey showed (QA round 48a)
        words = set(scale_table[group["scale"]].get("value_map", {}))
        scored = sum(1 for text in texts if scorecells.INTEGER.match(text) or scorecells.written_score(text)
                     or cells.answer_key(text) in words)
        if "score" not in group or scored < len(texts) / 2:
            continue  # answers in words ("Which channel?", "What could we improve?"): columnnotes names it
        scored = [found for text in texts if (found := scorecells.INTEGER.match(text))]
        chosen = scale_table[group["scale"]]
        named = _question_range(group["question"], {int(found[1]) for found in scored},  # "N/A" aside
                                all_numbers=len(scored) > len(texts) / 2, top=chosen)
        if named and not _names_scale(group["question"], named, chosen):
            del group["scale"]  # the question's own range: "On a scale of 1-10", a recommend question's 0..10
            group["min_score"], group["max_score"] = named
        out.append(group)
    return out


# A question written in English: the only language the built-in scales' labels (ces7's "Somewhat easy") are in
_ENGLISH = re.compile(r"^[\x00-\x7f]*\b(how|what|was|were|did|do|is|the|your|you|it|to)\b[\x00-\x7f]*$", re.I)
_ZERO_ONE = re.compile(r"\b0\s*=\s*[^=,;()]{1,40}[,;]\s*1\s*=")  # "(0 = No, 1 = Yes)"


def _names_scale(question: str, named: tuple[int, int], scale: dict) -> bool:
    """True when the range a question names is its scale's, its words at either end (if any) the scale's labels there
    ("(1 = very difficult, 7 = very easy)" names ces7, whose labels then stay: QA round 62a; "(1 = very easy, 7 = very
    difficult)" turns it, and the range alone is kept)."""
    if named != (scale["min_score"], scale["max_score"]):
        return False
    said, labels = headerscales.meanings(question), scale.get("labels") or {}
    return all(said[end].strip().casefold() == str(labels.get(str(end), "")).casefold() for end in named if end in said)


def _question_range(question: str, numbers: set[int], *, all_numbers: bool, top: dict) -> tuple[int, int] | None:
    """The range a clarifying question's own words or answers give: the range its text names when every
    answer is a number (scales.header_range, or "(0 = No, 1 = Yes)"), 0..10 for a recommend question
    with a 0 or a number over the `top` scale's, 0..1 for another question's answers of 0 and 1 only
    (a yes/no coded in numbers); else None."""
    if all_numbers and (named := headerscales.header_range(question, numbers)):
        return named[:2]
    if all_numbers and numbers <= {0, 1} and _ZERO_ONE.search(question):
        return 0, 1
    if headerscales.NPS_QUESTION.search(question):
        return headerscales.recommend_scale(question, numbers, top["max_score"])
    return (0, 1) if all_numbers and numbers == {0, 1} else None


def _pick_scale(pattern, question: str, texts: list[str], scale_table: dict) -> str:
    """The scale of a clarifying question: the first of the pattern's rules whose scale words are at
    least LISTED_SHARE of the answers (one stray "Y" among Yes/No answers is refused on its row, the
    others keep their scale) or whose pattern the question matches, else the pattern's default."""
    for rule in pattern.rules:
        known = set(scale_table[rule["values"]].get("value_map", {})) if "values" in rule else set()
        if known and texts and sum(1 for text in texts if text.casefold() in known) >= LISTED_SHARE * len(texts) and (
                rule["values"] != "yes_no" or one_language({text.casefold() for text in texts} & known)):
            return rule["values"]
        if "question" in rule and re.search(rule["question"], question, re.I):
            return rule["scale"]
    return pattern.default_scale
