"""Which wording a score column's words are in (csat5's "Very satisfied" .. "Very dissatisfied", Zendesk's Good and
Bad, a 7-point "Extremely satisfied"...): scales.decide asks decide_word_scale first, and a word scale sets the
range. The wordings themselves are in uploads/wordings.py.
"""

from __future__ import annotations

from collections import Counter

from uploads import cells, headerscales, scorecells
from uploads.headers import Headers
from uploads.plan import Plan
from uploads.wordings import AUTO_SCALES, SCALES

# The share of the word answers a word scale must know when none knows them all: the rest are typos
# ("Very satisified") refused on their rows, not a reason to read no word at all (QA round 28).
KNOWN_WORDS_SHARE = 0.8
# Scales none of which is preferred on a tie: answers that two of them read differently ("Excellent", "Good",
# "Poor": 5, 3, 1 or 5, 4, 2) take neither, and the column's answers are refused rather than guessed.
PEER_SCALES = frozenset({"quality5", "excellent5", "verygood5", "excellent4", "quality3"})
# Every answer word of the built-in scales but those that rule no other out (wordings.SCALES' "rules_out"): a word
# one scale lacks but another has rules the first out.
SCALE_WORDS = frozenset(word for scale in SCALES.values() if scale.get("rules_out", True)
                        for word in scale.get("value_map", {}))


def mapped_scale(plan: Plan) -> str | None:
    """The SCALES entry whose value map is the preset's score map, when no column or constant gives min/max: a
    word scale whose range the mapping page's cleared Lowest and Highest score boxes give back (QA round 61b:
    Good went out as 1 of 1..5 once they had held 1 and 5)."""
    table = plan.preset.value_maps.get("score")
    if not table or not plan.bounds_free():
        return None
    return next((name for name, scale in SCALES.items() if scale.get("value_map") == table), None)


def peer_readings(words: set[str]) -> list[str]:
    """The PEER_SCALES knowing every one of `words` (answer keys), in AUTO_SCALES order, when two of
    them score one of the words differently (word_scale_for then reads none); else []."""
    knowing = [name for name in AUTO_SCALES if name in PEER_SCALES and words <= SCALES[name]["value_map"].keys()]
    differ = any(SCALES[name]["value_map"][word] != SCALES[knowing[0]]["value_map"][word]
                 for name in knowing for word in words)
    return knowing if words and differ else []


RARE_WORDS = 10  # fewer than one answer in this many written in words, among numbers: typos, not a wording


def decide_word_scale(plan: Plan, sheet) -> str | None:
    """Of the preset's `word_scales` whose value map knows every word in the score column, the one
    that tells most of them apart (most distinct scores; the first listed on a tie); None when
    there are no words or no scale knows them all. Skipped rows' words count (a Qualtrics preview
    shows the survey's own words) unless they fit no scale: then only the rows the skip_rules keep
    count (a long export's other questions answer "Yes": Salesforce). Their numbers never do (a
    Salesforce effort question's 7 does not make "Satisfied" 6 of 7: QA round 24d).

    A preset reading the score through a value map of words (Intercom's Terrible .. Amazing) that lacks
    some of the column's words takes the AUTO_SCALES scale knowing every one of them, if any: Front's
    and Help Scout's Great, Okay, Bad under Intercom's headers are 3 .. 1 of 1..3, not 4, refused and 2
    of 1..5 (QA round 33a)."""
    texts = plan.field_texts(sheet.rows, "score")
    kept = ([text for text, row in zip(texts, sheet.rows, strict=True) if not plan.skip_rule_for(row)]
            if plan.skip_rules else texts)
    words = answer_words(kept)
    if words and words.total() * RARE_WORDS < sum(1 for text in kept if text.strip()):
        return None  # a word or two among numbers: typos the row checker refuses ("great" among 1..5: QA round 58b)
    names = in_range(plan, plan.preset.word_scales)
    best = _grid_word_scale(plan, sheet, kept, names) or _best_word_scale(plan, texts, kept, names)
    if best is None and plan.skip_rules:
        best = _best_word_scale(plan, kept, kept, names)
    table = plan.preset.value_maps.get("score")
    if best is None and table and not plan.preset.word_scales and not any(
            scorecells.INTEGER.match(key) for key in table):
        if words and not words.keys() <= table.keys():
            knowing = [name for name in in_range(plan, AUTO_SCALES) if words.keys() <= SCALES[name]["value_map"].keys()]
            best = _best_word_scale(plan, kept, kept, knowing)
            plan.map_unknown = sorted(words.keys() - table.keys()) if best else []
    if best is None and not table and not plan.preset.word_scales and "score" in plan.index:
        # a column of words chosen on the mapping page under a header of its own (QA 55b)
        if words and words.total() >= 0.5 * sum(1 for text in kept if text.strip()):
            best = header_word_scale(words, in_range(plan, AUTO_SCALES), plan.columns[plan.index["score"]])
    return best


def constant_range(plan: Plan) -> tuple[int, int] | None:
    """(min, max) when the preset's constants fix min_score and max_score (the mapping page's Lowest and Highest
    score), else None."""
    return plan.fixed_bounds if {"min_score", "max_score"} <= plan.preset.constants.keys() else None


def in_range(plan: Plan, names: list[str]) -> list[str]:
    """The scales of `names` on the range the preset's constants fix (constant_range), else all of `names` (QA
    rounds 71b, 74a: a 1..5 mapping read "Good" as Good/Bad's 1, the worst of 1..5)."""
    fixed = constant_range(plan)
    return [name for name in names if fixed in (None, (SCALES[name]["min_score"], SCALES[name]["max_score"]))]


def _grid_word_scale(plan: Plan, sheet, kept: list[str], names: list[str]) -> str | None:
    """For a score that is one row of a grid question (Headers.grid_rows), the preset's word scale the words of
    every row of the grid are written in, when it knows the words of the score's own row (word_scale_for's typos
    aside); else None. A grid's rows share their answers: SurveyMonkey's Excellent .. Poor with no "Very good" in
    the Overall row is its 5-point wording all the same when another row has one (QA round 71a H1: read as
    Excellent 4 of 4)."""
    at = plan.index.get("score")
    grid = [i for i in Headers.of(sheet).grid_rows(at) if i != at] if at is not None else []
    if not grid:
        return None
    own = answer_words(kept)
    words = own.copy()
    skipped = {id(row) for row in sheet.rows if plan.skip_rule_for(row)} if plan.skip_rules else set()
    for i in grid:  # a scale's words only: another row's "N/A" is no answer (QA round 72b)
        words.update({word: rows for word, rows in answer_words(
            [row[i] for row in sheet.rows if i < len(row) and id(row) not in skipped]).items() if word in SCALE_WORDS})
    best = _best_word_scale(plan, list(words.elements()), kept, names)
    known = SCALES[best]["value_map"].keys() if best else set()
    if not best or own.keys() - known & SCALE_WORDS or sum(own[word] for word in own.keys() & known) < (
            KNOWN_WORDS_SHARE * own.total()):  # its own words, a typo or two aside ("Terible": QA round 72a)
        return None
    plan.grid_words = set(words)  # the hints name the grid's "Terrible", not "Very poor" (QA round 72a)
    return best


# Numbers outside a value map's scores that set its words aside, as a share of the numbers (scales.TYPO_SHARE's)
TYPO_SHARE = 0.2


def words_are_typos(plan: Plan, sheet) -> bool:
    """True when the preset's score value map would read a few words among numbers it does not
    cover ("Satisfied" as 4 beside 7s and 6s): fewer than half the scores are words, and more than a fifth of the
    numbers lie outside the map's values (one 0 among Intercom's 1..5 is a typo refused on its row, and its
    "Amazing" still 5: QA round 65a). Intercom's Fin words among 1..5 are read (its map is 1..5);
    a map of numeric codes is never set aside (a stray NULL among Freshdesk's 1..3 would invert them)."""
    table = plan.preset.value_maps.get("score")
    fixed = constant_range(plan)
    if not plan.word_scale and table and fixed and any(  # Lowest and Highest set by hand (QA round 75a)
            isinstance(score, int) and not fixed[0] <= score <= fixed[1] for score in table.values()):
        return True  # a map off the range set (Good/Bad's 0 and 1 under 1..5) reads no word: Good was sent as 1 of 5
    if plan.word_scale or not table or any(scorecells.INTEGER.match(key) for key in table):
        return False  # a map of codes (Freshdesk's 1 Happy .. 3 Unhappy) reads every number, whatever the words
    scores = Counter(text for text in plan.field_texts(sheet.rows, "score") if text.strip())  # parsed once each
    numbers = {text: scorecells.parse_int(text) for text in scores}
    words = sum(rows for text, rows in scores.items() if numbers[text] is None)
    values = [value for value in table.values() if isinstance(value, int)]
    counted = {text: rows for text, rows in scores.items()
               if numbers[text] is not None and numbers[text] not in scorecells.SEEN_UNANSWERED}
    outside = sum(rows for text, rows in counted.items() if values and not min(values) <= numbers[text] <= max(values))
    return 0 < words < 0.5 * scores.total() and outside > TYPO_SHARE * sum(counted.values())


def _best_word_scale(plan: Plan, texts: list[str], number_texts: list[str], names: list[str]) -> str | None:
    """See `decide_word_scale`: of the scales `names`. A scale must also hold the numbers among `number_texts`
    (Salesforce mixes NumberValue 4 with ChoiceValue "Very satisfied"): "Satisfied" among 7, 6, 5 is not
    csat5. The scale is word_scale_for's (misspelt answers are invalid on their rows)."""
    numbers = {(scorecells.written_score(text.strip()) or (None,))[0] if (number := scorecells.parse_int(text)) is None
               else number for text in set(number_texts) if text.strip()} - {None} - scorecells.SEEN_UNANSWERED
    holding = [name for name in names
               if all(SCALES[name]["min_score"] <= number <= SCALES[name]["max_score"] for number in numbers)]
    header = plan.columns[plan.index["score"]] if "score" in plan.index else ""
    return header_word_scale(answer_words(texts), holding, header)


def answer_words(texts: list[str]) -> Counter:
    """answer_key -> rows of the answers written in words among `texts` ("4 - Satisfied" is a number with its
    words, not one of them). Each distinct text is looked at once."""
    out: Counter = Counter()
    for text, rows in Counter(texts).items():
        if text.strip() and scorecells.parse_int(text) is None and scorecells.written_score(text.strip()) is None:
            out[cells.answer_key(text)] += rows
    return out


def header_word_scale(words: Counter, names: list[str], header: str) -> str | None:
    """word_scale_for among the scales of `names` on the range the score's `header` names ("Satisfaction (1-5)",
    "(7-point scale, 1 = ...)") when one of them knows the words, else among all of `names`: one stray "Extremely
    satisfied" does not make a 1..5 survey a 7-point one, nor "Extremely" and "Very" alone a 7-point one a 5-point
    one (QA round 46a)."""
    found = headerscales.header_range(header, set())
    if found and not found[2]:
        named = [name for name in names if (SCALES[name]["min_score"], SCALES[name]["max_score"]) == found[:2]]
        if named and (chosen := word_scale_for(words, named)):
            return chosen
    return word_scale_for(words, names)


def word_scale_for(words: Counter, names: list[str]) -> str | None:
    """Of the scales `names` (SCALES keys, in order), the one the answer words `words` (answer_key ->
    rows) are written in: of those knowing every word, the one telling most of them apart, on a tie
    one whose answers fill all its points (Very satisfied .. Very unsatisfied is csat4's 4 of 4,
    csat5's 4 of 5), else the first ("Satisfied" beside "Somewhat satisfied" is a 7-point survey);
    else one knowing KNOWN_WORDS_SHARE of the word rows, three of its scores or more (so that Great, Good
    and Bad, another wording, are not read as 4 and 2 of 5) or all of them (Good and Bad beside a typo,
    "Goood"), whose other words are no scale's words (a
    typo, "Very satisified", or an answer such as "Okay": each refused on its row, QA round 32a); None,
    also when two PEER_SCALES tie and read some answer differently."""
    words = Counter({word: rows for word, rows in words.items() if word not in scorecells.NO_ANSWER and
                     word.rstrip(".") not in scorecells.NO_ANSWER})  # "N/A" is no word of a wording (QA round 72b)
    best, best_rank, partial, partial_count, tied = None, (0, False), None, 0, False
    for name in names if words else []:
        scale = SCALES[name]
        table = scale["value_map"]
        count = len({table[word] for word in words if word in table})
        rank = (count, count == scale["max_score"] - scale["min_score"] + 1)
        if words.keys() <= table.keys() and rank > best_rank:
            best, best_rank, tied = name, rank, False
        elif (words.keys() <= table.keys() and rank == best_rank and {name, best} <= PEER_SCALES
              and any(table[word] != SCALES[best]["value_map"][word] for word in words)):
            tied = True
        unknown = words.keys() - table.keys()
        full = count == scale["max_score"] - scale["min_score"] + 1  # both of Good and Bad (QA round 60c)
        if (unknown and (count > max(partial_count, 2) or full and count > partial_count) and not unknown & SCALE_WORDS
                and sum(words[word] for word in words if word in table) >= KNOWN_WORDS_SHARE * words.total()):
            partial, partial_count = name, count
    return None if tied else best or partial
