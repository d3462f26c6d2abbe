"""The scales a score's neighbours name: its label column (a preset's label_scales, or a known wording's
words beside each score), its header ("CSAT (1-10)", a recommend question) and a column giving each answer again
on 0..10 (a preset's tens_column). Each returns (min, max) or None; scales.decide tries them, in this order,
before the scores' own range.
"""

from __future__ import annotations

from collections import Counter

from uploads import cells, headerscales, scorecells
from uploads.plan import DEFAULT_BOUNDS, Plan
from uploads.wordings import AUTO_SCALES, SCALES

# Distinct scores a score_label column must label for its wording to set the scale (label_wording)
LABEL_SCORES = 3


def label_scale(plan: Plan, sheet) -> tuple[int, int] | None:
    """The range of the preset's first label_scales entry that every answer fits: each score (whole
    numbers only) lies in the range and its label, when given, is the entry's label for that score
    (`labels` from min_score up), and some answer is the top score with its label (a 2-point survey
    labels 2 "Good"; a 5-point one never does, and one answered only "Bad" proves nothing). Sets
    plan.scale_labels for the decision."""
    if not plan.preset.label_scales or "score_label" not in plan.index or plan.word_scale:
        return None
    pairs = {(scorecells.parse_int(score), label.strip().casefold())
             for score, label in zip(plan.field_texts(sheet.rows, "score"), plan.field_texts(sheet.rows, "score_label"),
                                     strict=True)}
    pairs = {(score, label) for score, label in pairs if score is not None}
    for entry in plan.preset.label_scales if pairs else []:
        low, high, names = entry["min_score"], entry["max_score"], [str(name).casefold() for name in entry["labels"]]
        fits = all(low <= score <= high and (not label or score - low < len(names) and names[score - low] == label)
                   for score, label in pairs)
        if fits and high - low < len(names) and (high, names[high - low]) in pairs:
            plan.scale_labels = sorted({label for _, label in pairs if label})
            return low, high
    return None


def label_wording(plan: Plan, sheet) -> tuple[int, int] | None:
    """The range of the first AUTO_SCALES wording that places every label of the score_label column at the
    score beside it ("5, Very satisfied", "3, Neither satisfied nor dissatisfied", "1, Very dissatisfied"; a
    label may repeat its number, "5 - Very satisfied"), with LABEL_SCORES distinct scores labelled or both
    ends of the wording, when no word scale, column or constant gives min/max: a team sheet's 6 and 0 beside
    it (labelled or not) are then typos refused on their rows, not a 0..6 survey that holds every row (QA
    rounds 47a, 48b), while fewer than half as many scores lie outside it as inside (unlabelled 6..10 beside
    them are a wider survey). Sets plan.label_wording for the decision; None otherwise."""
    score_at, label_at = plan.index.get("score"), plan.index.get("score_label")
    if score_at is None or label_at is None or score_at == label_at or plan.word_scale or not plan.bounds_free():
        return None
    scores, labels = plan.field_texts(sheet.rows, "score"), plan.field_texts(sheet.rows, "score_label")
    if not any(map(str.strip, labels)):
        return None
    labelled = {(number, _label_words(label)) for score, label in set(zip(scores, labels, strict=True))
                if label.strip() and (number := scorecells.parse_int(score)) is not None}
    numbers = Counter()  # whole-number score -> rows
    for text, rows in Counter(scores).items():
        if (number := scorecells.parse_int(text)) is not None and number not in scorecells.SEEN_UNANSWERED:
            numbers[number] += rows
    for name in AUTO_SCALES:
        scale = SCALES[name]
        low, high = scale["min_score"], scale["max_score"]
        pairs = {(number, label) for number, label in labelled if low <= number <= high}
        shown = {number for number, _label in pairs}
        if (len(shown) < LABEL_SCORES and shown != {low, high}) or not all(
                scale.get("value_map", {}).get(label) == number for number, label in pairs):
            continue
        outside = sum(rows for number, rows in numbers.items() if not low <= number <= high)
        if 2 * outside >= numbers.total() - outside:
            return None
        plan.label_wording, plan.score_label_words = name, {label for _number, label in pairs}
        return low, high
    return None


def _label_words(label: str) -> str:
    """A score label's answer words: "5 - Very satisfied" and "Very satisfied (5)" give "very satisfied"."""
    written = scorecells.written_score(label.strip())
    return cells.answer_key(written[2] if written and written[2] else label)


def header_scale(plan: Plan, sheet, numbers: set[int]) -> tuple[int, int] | None:
    """The range the score column's header or its question (a Qualtrics export's second header row)
    names, "CSAT (1-10)" -> (1, 10), or 0..10 for a likelihood-to-recommend question (NPS) there or in
    a column asking it on every row (plan.scale_question_at), when no word
    scale, column or constant gives min/max (`numbers`: the whole-number scores); sets plan.scale_header for
    the decision sentence."""
    position = plan.index.get("score")
    if position is None or plan.word_scale or not plan.bounds_free():
        return None
    headers = [plan.columns[position]] + [row[position] for row in getattr(sheet, "extra_header_rows", [])
                                          if position < len(row) and row[position].strip()]
    for header in headers:
        if found := headerscales.header_range(header, numbers):
            plan.scale_header, plan.scale_top_only = header, found[2]
            plan.scale_reversed = found[:2] if headerscales.best_first(header, *found[:2]) else None
            return found[:2]
    for header in headers:
        if found := headerscales.recommend_scale(header, numbers, DEFAULT_BOUNDS["max_score"]):
            plan.scale_header = header
            return found
    if not any(number == 0 or number > DEFAULT_BOUNDS["max_score"] for number in numbers):
        return None
    mapped = set(plan.index.values())
    for at in range(len(plan.columns)):  # Simplesat's Question column, one question on every row (QA round 60a)
        asked = {row[at].strip() for row in sheet.rows if at < len(row)} - {""} if at not in mapped else set()
        if len(asked) == 1 and (found := headerscales.recommend_scale(question := asked.pop(), numbers,
                                                                       DEFAULT_BOUNDS["max_score"])):
            plan.scale_header, plan.scale_question_at = question, at
            return found
    return None


# The scales a tens_column may show: a survey's top answer (thumbs 2, smileys 3, stars 5, 10 stars)
_TENS_TOPS = frozenset({2, 3, 4, 5, 7, 10})


def tens_scale(plan: Plan, sheet) -> tuple[int, int] | None:
    """The range whose top answer is 10 in the preset's tens_column (Nicereply's legacy score, "always rescaled to
    10": shared/formats/EXPORT-FORMATS.md section 12), when no word scale, column or constant gives min/max: the
    score beside a 10, else the score a straight line through the (score, rescaled) pairs puts at 10 ("5, 5" and
    "3, 3": 10 stars filtered to low ratings; QA round 60a). Its bottom is 0 when a score is 0, else 1. None when
    the pairs disagree, give no such whole top among _TENS_TOPS, or a score lies above it. Sets plan.scale_tens."""
    position, at = plan.index.get("score"), plan.tens_at
    if position is None or at is None or plan.word_scale or not plan.bounds_free():
        return None
    pairs = set()
    for score, tens in {(row[position].strip(), row[at].strip()) for row in sheet.rows}:
        number, value = scorecells.parse_int(score), _decimal(tens)
        if number is not None and value is not None and number not in scorecells.SEEN_UNANSWERED:
            pairs.add((number, value))
    if len({number for number, _ in pairs}) < 2:
        return None
    (low_score, low_tens), (high_score, high_tens) = min(pairs), max(pairs)
    if high_tens <= low_tens:
        return None
    slope = (high_tens - low_tens) / (high_score - low_score)
    top = low_score + (10 - low_tens) / slope
    if abs(top - round(top)) > 0.01 or round(top) not in _TENS_TOPS or high_score > round(top):
        return None
    if any(abs(low_tens + slope * (number - low_score) - tens) > 0.5 for number, tens in pairs):
        return None  # 0.5: a rescaled 7.5 written 8
    plan.scale_tens = True
    return (0 if low_score == 0 else 1), round(top)


def _decimal(text: str) -> float | None:
    """A rescaled answer's number, "7.5" or a European "7,5"; None for other text."""
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None
