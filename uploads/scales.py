"""Which scale a file's scores are on: min_score/max_score when no column gives them.

`decide` runs once per file (validation.check_sheet) and sets the plan's word scale, scale and
fixed bounds; `sentences` says what it decided, for the mapping page. The order of the rules:
a word scale the answers are written in (preset word_scales: uploads/wordscales.py), a label scale (Zendesk's 2-point
updated CSAT) or a known wording's labels beside the scores, a range the score's header names ("CSAT
(1-10)"): those three in uploads/labelscales.py; the first of the preset's score_scales holding every
score; else the constants or 1..5 (shared/api/CONTRACT.md defaults), with a sentence when many scores
lie outside it.
"""

from __future__ import annotations

from collections import Counter

from uploads import headerscales, labelscales, scorecells, wordscales
from uploads.plan import DEFAULT_BOUNDS, Plan
from uploads.wordings import AUTO_SCALES, SCALES

# Scores outside the first of a preset's score_scales count as typos, not as a wider scale, while fewer
# than this share of the scores are (a 6 among a Google Forms sheet's 1..5 answers: samples/README.md).
TYPO_SHARE = 0.2
# Scores outside the default 1..5 (plan.DEFAULT_BOUNDS) that make the decisions name the file's own range.
MISFIT_ROWS, MISFIT_SHARE = 2, 0.25
# A score column with more distinct texts than this is no column of answer words: its words are not listed
MAX_DISTINCT_WORDS = 200
# Scores outside 1..5 up to this one show another scale (0..10, 1..7); 44 and 55 are typos (QA round 38b)
HELD_TOP = 10
# Scores all 3 or below on this many rows or more make the decisions say the default 1..5 may be a 3-point survey's
LOW_TOP_ROWS = 4


def decide(plan: Plan, sheet) -> None:
    """Set plan.word_scale, words_are_typos, scale, fixed_bounds and scale_misfit from `sheet`'s
    rows (a parsing.Sheet, or one row after an edit), its summary lines left out ("Total,,,24" is
    no score: plan.summary_rows)."""
    if plan.summary_rows:
        sheet = _Answers(sheet, [(number, row) for number, row in zip(sheet.row_numbers, sheet.rows, strict=True)
                                 if number not in plan.summary_rows])
    plan.word_scale = wordscales.decide_word_scale(plan, sheet) or wordscales.mapped_scale(plan)
    plan.words_are_typos = wordscales.words_are_typos(plan, sheet)
    texts = plan.field_texts(sheet.rows, "score") if "score" in plan.index else []
    distinct = set(texts)
    words = wordscales.answer_words(list(distinct)) if len(distinct) <= MAX_DISTINCT_WORDS else Counter()
    if words:  # counted by rows only when there are words at all (a column of numbers: none)
        words = wordscales.answer_words(texts)
    # a word or two among numbers are typos refused on their rows, no wording to choose (QA round 69b)
    rare = words.total() * wordscales.RARE_WORDS < sum(1 for text in texts if text.strip())
    plan.score_words = set() if rare else (set(words) | plan.grid_words) - scorecells.NO_ANSWER  # "N/A": no word
    if plan.word_scale and plan.bounds_free():
        chosen = SCALES[plan.word_scale]
        plan.fixed_bounds = (chosen["min_score"], chosen["max_score"])
    plan.scale = (labelscales.label_scale(plan, sheet) or labelscales.label_wording(plan, sheet)
                  or labelscales.header_scale(plan, sheet, _numbers(plan, sheet)) or labelscales.tens_scale(plan, sheet)
                  or _decide_scale(plan, sheet))
    if plan.scale:
        plan.fixed_bounds = plan.scale
    elif plan.fixed_bounds == tuple(DEFAULT_BOUNDS.values()) and not plan.word_scale and plan.bounds_free():
        plan.scale_misfit = plan.scale_misfit or _default_scale_misfit(plan, sheet)  # _decide_scale: 0..4
    elif plan.fixed_bounds and not plan.word_scale and {"min_score", "max_score"} <= plan.preset.constants.keys():
        # QA round 71b: 1..5 read on Zendesk's 0..1; a number the map reads is none (QA round 72b: 1-3 -> 0)
        plan.scale_misfit = plan.scale_misfit or _default_scale_misfit(plan, sheet, plan.fixed_bounds)
    if (plan.scale_misfit is None and not plan.word_scale and not plan.scale_header and not plan.scale_labels
            and (plan.fixed_bounds if plan.scale is None else plan.scale) == tuple(DEFAULT_BOUNDS.values())
            and (plan.scale is not None or plan.bounds_free() or plan.preset.label_scales)):
        plan.scale_low_top = _default_scale_low_top(plan, sheet)  # label_scales: Zendesk's 1..5 (QA round 60b)
    bounds = plan.scale or plan.fixed_bounds
    if bounds and bounds[1] > HELD_TOP and not plan.word_scale and (numbers := _numbers(plan, sheet)) and max(
            numbers) <= HELD_TOP:  # QA round 64c: 0..1000 set on the mapping page for answers 1..5
        plan.scale_far_top = max(numbers)


class _Answers:
    """A sheet's rows without its summary lines: row_numbers and rows, as `decide` reads them, and its headers."""

    def __init__(self, sheet, numbered: list[tuple[int, list[str]]]):
        self.row_numbers, self.rows = [number for number, _ in numbered], [row for _, row in numbered]
        self.columns, self.extra_header_rows = sheet.columns, getattr(sheet, "extra_header_rows", [])


def sentences(plan: Plan) -> list[str]:
    """What `decide` chose, as sentences for the mapping page and the CLI's --json decisions."""
    scale = _scale_sentence(plan)
    return _wording_sentences(plan) + ([scale] if scale else []) + _default_scale_sentences(plan)


def _wording_sentences(plan: Plan) -> list[str]:
    """The wording the score column's words were read in, or the wordings they could be read in."""
    out: list[str] = []
    named = plan.word_scale or next((name for name, scale in SCALES.items() if "score" in plan.index
                                     and scale.get("value_map") == plan.score_map()), None)
    if named:  # chosen here, or by autodetect.add_word_scale for a column of words
        low, high = SCALES[named]["min_score"], SCALES[named]["max_score"]
        out.append(f"Answers read as a {high - low + 1}-point wording ({_wording(named, plan.score_words)})")
        if plan.map_unknown:  # QA round 71b: the mapping's own map was set aside without a word
            unknown = " or ".join(map(repr, plan.map_unknown))
            out.append(f"The preset '{plan.preset.name}' maps no {unknown} to a score, so every answer is read in this "
                       "wording instead")
        header = plan.columns[plan.index["score"]]
        found = headerscales.header_range(header, set())
        if found and found[:2] != (low, high) and not found[2]:  # QA round 34a
            out.append(f"The header '{header}' names the scale {found[0]}..{found[1]}, but its answers are words of "
                       f"the scale {low}..{high} and are read on it: if the survey's scale is {found[0]}..{found[1]}, "
                       "change the words to its numbers in the file")
        elif longer := _longer_wordings(named, plan.score_words):
            out.append(f"The answers are also words of a longer wording whose other answers no row gives: "
                       f"{'; or '.join(_wording(name, plan.score_words) for name in longer)}. If the survey offered "
                       "those, map each answer to its score with the table's \"Map a value to another\", or write "
                       "the scores as numbers in the file")
    elif "score" in plan.index and len(readings := wordscales.peer_readings(plan.score_words)) > 1:
        out.append(f"The answers ({', '.join(sorted(plan.score_words))}) are words of {len(readings)} wordings that "
                   f"score them differently: {'; or '.join(_wording(name) for name in readings)}. They are not read "
                   "until you choose: map each answer to its score with the table's \"Map a value to another\", "
                   "or write the scores as numbers in the file")
    return out


# The points a longer wording may have beyond a short form's for _longer_wordings to name it (3 of 7: far-fetched)
LONGER_BY = 2


def _longer_wordings(named: str, words: set[str]) -> list[str]:
    """The AUTO_SCALES with one or two (LONGER_BY) more points than the short form `named` (wordings.SCALES'
    "short_form") that know every one of `words` (answer keys): Excellent, Good, Fair, Poor fill excellent4's four
    points, and are also four of quality5's five (QA round 71a)."""
    points, words = SCALES[named]["max_score"] - SCALES[named]["min_score"], words - scorecells.NO_ANSWER
    return [name for name in AUTO_SCALES if SCALES[named].get("short_form") and words
            and points < SCALES[name]["max_score"] - SCALES[name]["min_score"] <= points + LONGER_BY
            and words <= SCALES[name]["value_map"].keys()]


def _scale_sentence(plan: Plan) -> str | None:
    """Why the scores are read on plan.scale: its labels, a label column's wording, its header, or the first
    preset scale holding the scores (_guessed_scale_sentence); None without a scale."""
    if plan.scale and plan.scale_labels:
        return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, a "
                f"{plan.scale[1] - plan.scale[0] + 1}-point survey: every answer's label is "
                f"{' or '.join(plan.scale_labels)}")
    if plan.scale and plan.label_wording:
        return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}: the labels beside them are a "
                f"{plan.scale[1] - plan.scale[0] + 1}-point wording's, each at its own score "
                f"({_wording(plan.label_wording, plan.score_label_words)}); a score outside it is a typo, "
                "refused on its row")
    if plan.scale and plan.scale_header and plan.scale_top_only:
        bottom = "a score is 0" if plan.scale[0] == 0 else "no score is 0"
        return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}: the header '{plan.scale_header}' "
                f"names its top, and its bottom is {plan.scale[0]} as {bottom} (set Lowest score and Highest "
                "score on the mapping page if the survey's differ)")
    if plan.scale and plan.scale_header and plan.scale_reversed:
        low, high = plan.scale
        return (f"Scores read on the scale {low}..{high}, which the header '{plan.scale_header}' names with {low} "
                f"as the best answer: each score is turned ({low} is sent as {high}, {high} as {low}), as "
                "MaestroQA's scores rise with satisfaction")
    if plan.scale and plan.scale_tens:
        return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}: '{plan.columns[plan.tens_at]}' gives "
                f"each answer again on 0..10, where a score of {plan.scale[1]} is 10")
    if plan.scale and plan.scale_question_at is not None:
        return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}: every row's "
                f"'{plan.columns[plan.scale_question_at]}' asks '{plan.scale_header}', a likelihood-to-recommend "
                "question (NPS)")
    if plan.scale and plan.scale_header:
        return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, which the header "
                f"'{plan.scale_header}' names")
    if plan.scale:
        return _guessed_scale_sentence(plan)
    return None


def _guessed_scale_sentence(plan: Plan) -> str:
    """plan.scale chosen as the first of the preset's scales holding the scores, with its typos named."""
    listed = ", ".join(f"{low}..{high}" for low, high in plan.preset.score_scales)
    if len(plan.scale_outliers) == 1:
        score, row = plan.scale_outliers[0]
        return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, the first of {listed}: it "
                f"holds every score in this file but one, {score} in row {row}, taken for a typo (that "
                "row is invalid until fixed)")
    if plan.scale_outliers:
        shown = ", ".join(f"{score} in row {row}" for score, row in plan.scale_outliers[:5])
        more = f" and {len(plan.scale_outliers) - 5} more" if len(plan.scale_outliers) > 5 else ""
        return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, the first of {listed}: it "
                f"holds every score in this file but {len(plan.scale_outliers)}, {shown}{more}, taken for "
                "typos (those rows are invalid until fixed)")
    return (f"Scores read on the scale {plan.scale[0]}..{plan.scale[1]}, the first of {listed} that holds every "
            "score in this file")


# The scales surveys use beyond 1..5, smallest first: what a file's scores outside 1..5 point to
_USUAL_SCALES = ((1, 7), (1, 10), (0, 10))


# The highest score a survey scale reaches (0..100): beyond it the "scores" are ids or counts, no scale to set
HIGHEST_SCALE_TOP = 100


def scale_advice(low: int, high: int, worded: bool = False) -> str:
    """What to do about scores `low`..`high` outside the scale read: set the usual scale holding them
    (suggested_scale), or, above HIGHEST_SCALE_TOP, check the score column (QA round 71c: a title row taken as the
    header mapped a ticket column as the score, and the page advised the scale 1..52005); `worded`, among answers
    in the words the mapping reads, correct those numbers (QA round 75a: setting 1..5 sent Good as 1 of 5); from
    below 0 but not a scale around 0 (a -2..2 survey's), set the usual scale of the others and correct those."""
    if worded:
        return ("these numbers stand among answers in words: write each as the word the customer chose, or exclude "
                "its row")
    if high > HIGHEST_SCALE_TOP:
        return (f"no survey's scale reaches {high}, so the score column is likely the wrong one: check it, and the "
                "header row, on the mapping page")
    if low < 0 and high != -low:  # not a -2..2 survey's: -3 and 99 among typed answers advised -3..99 (QA 76c)
        if high > _USUAL_SCALES[-1][1]:
            return (f"no survey's scale runs from {low} to {high}: correct these scores, or check the score column on "
                    "the mapping page")
        first, last = suggested_scale(0, high)  # a 0..10 survey's -1 (QA round 77a)
        return (f"if the survey's scale is {first}..{last}, set Lowest score {first} and Highest score {last} on the "
                f"mapping page, and correct the scores below {first} ({low})")
    if low == high:  # one value outside: a scale from 0 or 1 to 5 at least (QA rounds 74a, 75a: 5..5, 0..0)
        low, high = min(low, 1), max(high, DEFAULT_BOUNDS["max_score"])
    first, last = suggested_scale(low, high)
    return f"if the survey's scale is {first}..{last}, set Lowest score {first} and Highest score {last} on the " \
           "mapping page"


def suggested_scale(low: int, high: int) -> tuple[int, int]:
    """The usual survey scale holding the scores `low`..`high` above 5 (0..8, a 0..10 survey's answers or two typos,
    suggests 0..10, never 0..8, which no survey uses: QA round 54b); `low`..`high` themselves when none does, or
    when none is above 5 (0..4: a 5-point survey scored from 0)."""
    if high <= DEFAULT_BOUNDS["max_score"]:
        return low, high
    return next(((first, last) for first, last in _USUAL_SCALES if first <= low and high <= last), (low, high))


def _default_scale_sentences(plan: Plan) -> list[str]:
    """What reading the scores on 1..5, the scale used when a file names none, left in doubt; and a scale whose
    top no answer comes near."""
    out: list[str] = []
    if plan.scale_far_top is not None:
        low, high = plan.scale or plan.fixed_bounds
        out.append(f"No score in this file is above {plan.scale_far_top}, yet the scale is {low}..{high}: each is sent "
                   f"as that many of {high}. If the survey's scale is smaller, set it as Lowest score and Highest "
                   "score on the mapping page")
    if plan.scale_low_top:
        out.append(f"No score in this file is above {plan.scale_low_top}: read on 1..5, as nothing in the file names "
                   f"its scale; if the survey's scale is 1..{plan.scale_low_top} (a 3-face smiley survey), set "
                   f"Highest score {plan.scale_low_top} on the mapping page")
    if plan.scale_misfit:
        rows, low, high = plan.scale_misfit
        scale = ("1..5, the scale used when a file names none" if plan.bounds_free() else
                 f"{plan.fixed_bounds[0]}..{plan.fixed_bounds[1]}, the scale the mapping sets")
        worded = bool(plan.score_words & (plan.score_map() or {}).keys())
        out.append(f"{rows} {'scores lie' if rows > 1 else 'score lies'} outside {scale} (this file's run from {low} "
                   f"to {high}): "
                   f"{scale_advice(low, high, worded)}; until then "
                   + (("every score written as a number is invalid" if plan.score_words else "every row is invalid")
                      + f", those inside {scale.split(',')[0]} too" if plan.scale_held else "those rows are invalid"))
    return out


def _numbers(plan: Plan, sheet) -> set[int]:
    """The whole-number scores of `sheet` (-99 and the like aside)."""
    return {number for text in set(plan.field_texts(sheet.rows, "score"))
            if (number := scorecells.parse_int(text)) is not None} - scorecells.SEEN_UNANSWERED


def _default_scale_misfit(plan: Plan, sheet, bounds: tuple[int, int] | None = None) -> tuple[int, int, int] | None:
    """(rows, lowest, highest score) when at least MISFIT_ROWS whole-number scores, and MISFIT_SHARE of
    them, lie outside the default 1..5, or the `bounds` a mapping's constants set (a hand-made sheet of a 0..10
    survey; a score written "8/10" counts with its top): the decision then says how to set the survey's scale.
    None otherwise (one 6 is a typo, not another scale; among answers in the words the mapping's value map reads,
    one number outside is enough). Two distinct scores outside or more (6, 8, 10), or one among such words, show
    another scale:
    plan.scale_held, and the numbers inside are held too (items.check_score: a 1..10 survey's 3 is not 3 of 5, QA
    round 37c; a 1..5 file's 1 is not the Good of Zendesk's 0..1, QA rounds 71b, 73a); one (every score 9:
    shared/cases B16) is a column of typos to fix. A code the mapping's value map reads is no score outside."""
    counted = _counted_scores(plan, sheet)
    low, high = bounds or (DEFAULT_BOUNDS["min_score"], DEFAULT_BOUNDS["max_score"])
    table = (plan.score_map() or {}) if bounds else {}
    rows_in, outside, seen, given = 0, 0, set() if bounds else {low, high}, set()
    for text, rows in counted.items():
        if text.casefold() in table:  # a code the mapping reads (Freshdesk's 1..3: QA round 73a), whatever its number
            rows_in += rows if scorecells.parse_int(text) is not None else 0
            continue
        if not (values := set(_score_values(text))):
            continue  # words and 'seen but unanswered' codes name no range
        rows_in += rows
        seen |= values
        given |= values
        outside += rows if not all(low <= value <= high for value in values) else 0
    worded = bool(plan.score_words & table.keys())  # answers in the words the mapping's map reads (Zendesk's)
    if outside < (1 if worded else MISFIT_ROWS) or outside < MISFIT_SHARE * rows_in:
        return None
    bipolar = bool(given) and min(given) < 0 and max(given) == -min(given)  # a -2..2 survey's (QA round 77a)
    beyond = {value for value in seen if (0 <= value or bipolar) and value < low or high < value <= HELD_TOP}
    # one number beyond is enough among answers in the map's words: Zendesk's Good beside 5s and 1s (QA round 73a)
    plan.scale_held = len(beyond) >= (1 if worded else 2)
    return outside, min(seen), max(seen - {high} | given) if min(seen) < 0 else max(seen)  # a -2..2 survey's top


def _counted_scores(plan: Plan, sheet) -> Counter:
    """Trimmed score text -> rows, blanks left out: counted once per sheet for the default scale's checks."""
    key = ("scores counted", id(sheet))
    if key not in plan.memo:
        plan.memo[key] = Counter(text.strip() for text in plan.field_texts(sheet.rows, "score") if text.strip())
    return plan.memo[key]


def _default_scale_low_top(plan: Plan, sheet) -> int | None:
    """3 when there are LOW_TOP_ROWS or more whole-number scores, of two values or more, the highest 3: a
    3-point survey (Nicereply's smileys, QA round 33a) would be read on the default 1..5 without a word. None
    otherwise (a 5-point survey's answers reach 4 or 5)."""
    counted = _counted_scores(plan, sheet)
    numbers = {text: number for text in counted if (number := scorecells.parse_int(text)) is not None
               and number not in scorecells.SEEN_UNANSWERED}
    values = set(numbers.values())
    if sum(counted[text] for text in numbers) < LOW_TOP_ROWS or max(values, default=0) != 3 or len(values) < 2:
        return None  # four 1s say nothing of the scale (review 36)
    return 3 if min(values) >= DEFAULT_BOUNDS["min_score"] else None


def _score_values(text: str, table: dict | None = None) -> tuple[int, ...]:
    """The numbers a score text gives a scale: its whole number (through `table`, a value map), or a
    written score's number and top ("8/10": 8 and 10); none for words and 'seen but unanswered' codes."""
    if (number := scorecells.parse_int(text, table)) is not None:
        return () if number in scorecells.SEEN_UNANSWERED else (number,)
    written = scorecells.written_score(text.strip())
    return tuple(value for value in written[:2] if value is not None) if written else ()


def _decide_scale(plan: Plan, sheet) -> tuple[int, int] | None:
    """The preset's first `score_scales` range holding every integer score (-99 and the like aside; a
    score written "8/10" with its top) of a row no skip rule skips (another question's NPS answers do
    not widen a Salesforce rating), else its last; None when the preset lists none or a column or
    constant gives min/max.

    With preset score_typos, scores outside the first range on fewer than TYPO_SHARE of the rows are
    typos, not a wider scale:
    the first range stays, those rows are invalid, and plan.scale_outliers names them (a Google Forms
    1..5 sheet with a 6, a Qualtrics file with a 0: shared/samples/README.md sections 2 and 3). Only
    the first range: a 0 among a 10-point survey's answers is an NPS answer, not a typo of 1..10.
    """
    scales = plan.preset.score_scales
    if not scales or plan.word_scale or not plan.bounds_free() or "score" not in plan.index:
        return None
    table = plan.score_map()
    texts = plan.field_texts(sheet.rows, "score")
    counted = Counter(texts if not plan.skip_rules else (
        text for text, row in zip(texts, sheet.rows, strict=True) if not plan.skip_rule_for(row)))
    values_of = {text: values for text in counted if (values := _score_values(text, table))}  # parsed once each
    total = sum(counted[text] for text, values in values_of.items() if values)
    low, high = scales[0]
    outside = {text for text, values in values_of.items() if not all(low <= value <= high for value in values)}
    below = sum(counted[text] for text in outside if all(value == low - 1 for value in values_of[text]))
    if below >= MISFIT_ROWS and not any(high in values for values in values_of.values()) and all(
            low - 1 <= value < high for values in values_of.values() for value in values):
        # 0..4 answered, never 5: a survey scored from 0, not typos (QA round 49a: 4 of 4 had gone out as 4 of 5)
        plan.scale_misfit, plan.scale_held = (below, low - 1, high - 1), True
        return None
    given = {value for values in values_of.values() for value in values}
    negative = sum(counted[text] for text in outside if min(values_of[text]) < 0)
    if negative >= MISFIT_ROWS and max(given) == -min(given):
        # a -2..2 survey's recodes, not typos of 1..5: its 1s and 2s had gone out as 1 and 2 of 5 (QA round 80)
        plan.scale_misfit = (sum(counted[text] for text in outside), min(given), max(given))
        plan.scale_held = True
        return None
    if plan.preset.score_typos and outside and (sum(counted[text] for text in outside) < TYPO_SHARE * total
                                                or not _wider_shown(values_of, counted, scales, total)):
        plan.scale_outliers = [(next(value for value in values_of[text] if not low <= value <= high), number)
                               for number, text, row in zip(sheet.row_numbers, texts, sheet.rows, strict=True)
                               if text in outside and not plan.skip_rule_for(row)]
        return low, high
    for low, high in scales:
        if all(low <= value <= high for values in values_of.values() for value in values):
            return low, high
    return tuple(scales[-1])


def _wider_shown(values_of: dict[str, tuple[int, ...]], counted: Counter, scales: list, total: int) -> bool:
    """True when the scores above the first range's top that a wider range holds show a wider survey: two
    distinct ones, or TYPO_SHARE of the rows. A 0 for "no rating" and a 45 no range holds show none: a Google
    Forms 1..5 sheet with three 0s, or with a 10 and a 45, stays 1..5 with those rows refused (QA round 37c)."""
    top, widest = scales[0][1], max(high for _low, high in scales)
    above = {text: values for text, values in values_of.items()
             if any(top < value <= widest for value in values) and all(value <= widest for value in values)}
    distinct = {value for values in above.values() for value in values if value > top}
    zero = any(0 in values for values in values_of.values()) and widest in distinct  # both ends of 0..10 (QA 38b)
    return zero or len(distinct) >= 2 or sum(counted[text] for text in above) >= TYPO_SHARE * total


def _wording(name: str, seen: set[str] = frozenset()) -> str:
    """ "extremely satisfied 7, ..., extremely dissatisfied 1": one word per score of the scale, best first, the
    file's own where it has one (`seen`: answer keys; "muy satisfecho 5", not the English: QA round 36a), else
    one of its language or kind (scorecells.point_words)."""
    firsts = scorecells.point_words(SCALES[name]["value_map"], seen)
    return ", ".join(f"{firsts[score]} {score}" for score in sorted(firsts, reverse=True))


