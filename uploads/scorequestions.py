"""Which of a survey's rating questions is the CSAT when the score's pattern finds several: the overall one over a
grid's first row ("Response time"), a satisfaction question over an effort or recommend one (QA rounds 63a, 64a).
mapping.resolve asks it for the score and score_label columns; its notices, which columnnotes adds, name the rows and
questions left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from uploads import autodetect, cells, scorecells
from uploads.headernames import EFFORT_QUESTION, OVERALL_QUESTION, OVERALL_ROW
from uploads.headers import Headers, and_list, as_list
from uploads.headerscales import NPS_QUESTION
from uploads.wordscales import SCALE_WORDS

if TYPE_CHECKING:
    from uploads.preset_format import Preset

# A question asking how satisfied the customer was, whatever else it names ("... with the effort our agent put in")
# (the adjective, not the noun: "zur Zufriedenheit", "à votre satisfaction", "naar tevredenheid" are an effort's goal;
# "Hoe tevreden bent u over…", "satisfecho quedó con", Portuguese "satisfeito": QA round 68a)
_ASKS_SATISFACTION = re.compile(r"\bhow satisfied\b|\bsatisfied with\b|\bsatisfaction with\b|\bzufrieden\b|"
                                r"\bsatisfaite?s?\b|\bsatisfech[oa]s?\b|\bsatisfeit[oa]s?\b|\btevreden\b|"
                                r"\bsoddisfatt[oaie]\b", re.I)


def overall_row(position: int, spec, headers: Headers, used: set[int], sheet) -> int:
    """The score column among the free ones the same pattern of `spec` matches, when the one found (`position`) is
    no satisfaction question's answer or not the overall one (QA rounds 63a, 64a):
    - past an effort or recommend question ("How easy was it to get it resolved to your satisfaction?") to the first
      that asks neither;
    - from a grid's row to a single question that asks about the whole (headernames.OVERALL_QUESTION: "Overall, how
      satisfied...", "En general, ¿qué tan satisfecho..."), else to the grid's row that is the whole (OVERALL_ROW:
      "Overall support experience", not "Overall wait time"; a SurveyMonkey matrix's first row is "Response time").
    Another column is taken only when its answers are ratings (rated: an "Overall, what could we improve?" text
    question is none, QA round 66a). A mapping naming one column (the user's own) keeps it; so does a choice between
    two overall ones."""
    if isinstance(spec, str) and not spec.startswith(("re:", "label:")):
        return position
    pool = next((found for item in as_list(spec) if position in (found := headers.matching(item))), [position])
    pool = [i for i in pool if i == position or i not in used]
    if other_metric(headers, position):
        position = next((i for i in pool if not other_metric(headers, i) and rated(sheet, i)), position)
    grid = headers.grid_row(position)
    if grid is None or OVERALL_ROW.search(grid[1]):
        return position
    singles = [i for i in pool if headers.grid_row(i) is None and OVERALL_QUESTION.search(_question(headers, i))
               and rated(sheet, i)]
    rows = [i for i in headers.grid_rows(position) if i not in used and OVERALL_ROW.search(headers.grid_row(i)[1])]
    return next((found[0] for found in (singles, rows) if len(found) == 1), position)


def _question(headers: Headers, position: int) -> str:
    """A column's header and its second header row's text (Qualtrics' question), as one text."""
    label = headers.labels[position] if position < len(headers.labels) else ""
    return f"{headers.columns[position]} {label}"


def other_metric(headers: Headers, position: int) -> str | None:
    """"recommend (NPS)" or "effort (CES)" for a column asking that question rather than a satisfaction one, else
    None: "How easy was it to get your issue resolved to your satisfaction?" is effort, "How satisfied were you with
    the effort our agent put in?" satisfaction (QA round 66a)."""
    question = _question(headers, position)
    if NPS_QUESTION.search(question):
        return "recommend (NPS)"
    return "effort (CES)" if EFFORT_QUESTION.search(question) and not _ASKS_SATISFACTION.search(question) else None


def rated(sheet, position: int, share: float = 0.5) -> bool:
    """True when `share` or more of column `position`'s first answers (autodetect.column_texts) are whole numbers or
    rating words: a column of ratings, not of text answers."""
    texts = autodetect.column_texts(sheet, position, 50)
    return bool(texts) and sum(bool(scorecells.INTEGER.match(text)) or cells.answer_key(text) in SCALE_WORDS
                               for text in texts) >= share * len(texts)


def grid_notice(sheet, preset: Preset, used: set[int]) -> str | None:
    """When the score is one row of a grid question (a SurveyMonkey matrix, a Google Forms grid, a Qualtrics
    matrix: Headers.grid_row), the notice naming the row read and the grid's other rows, which are not sent
    (`used`: the columns the mapping reads; QA round 63a: a matrix's first row, "Response time", was read as the
    CSAT without a word); None otherwise."""
    headers = Headers.of(sheet)
    others = [headers.grid_row(index)[1] for index in score_grid(headers, preset) if index not in used]
    if not others:
        return None
    question, row = headers.grid_row(headers.index(preset.columns["score"]))
    why = ("the row that asks about the whole" if OVERALL_ROW.search(row) else "as the mapping chose" if any(
        OVERALL_ROW.search(headers.grid_row(index)[1]) for index in score_grid(headers, preset))
        else "no row says 'Overall'")
    return (f"The score is the answer to the row '{row}' of the grid question '{question}' ({why}); its other "
            f"row{'s' if len(others) > 1 else ''} {and_list([repr(other) for other in others])} "
            f"{'are' if len(others) > 1 else 'is'} not sent. If another row is the CSAT question, choose its column as "
            "score on the mapping page; to send them all, add them as clarifying questions to a preset (README: "
            "Preset JSON).")


def other_scores_notice(sheet, preset: Preset, used: set[int]) -> str | None:
    """When other columns holding ratings are named like the score ("Agent score" and "Product score" beside the
    "Overall score" read: a team sheet's, QA round 64a), the notice naming them: their answers are not sent.
    Columns another notice of `sheet` names already are left to it; None when there is none."""
    if not preset.columns.get("score"):
        return None
    headers = Headers.of(sheet)
    used = used | set(score_grid(headers, preset))
    score = sheet.columns.index(preset.columns["score"]) if preset.columns["score"] in sheet.columns else None
    found = [index for index, header in enumerate(sheet.columns)
             if index not in used and "score" in autodetect.named_fields([header])
             and not any(f"'{header}'" in notice for notice in sheet.notices)
             and rated(sheet, index, 0.8) and _independent(sheet, score, index)]
    others, grids, count = [], [], 0
    for index in found:
        grid = headers.grid_row(index)
        if grid is None:
            others.append(repr(sheet.columns[index]))
            count += 1
        elif grid[0] not in grids:  # a grid's rows as one: "the rows 'Speed' and 'Overall' of the grid question 'Q'"
            grids.append(grid[0])
            rows = [repr(headers.grid_row(row)[1]) for row in headers.grid_rows(index) if row not in used]
            others.append(f"the row{'s' if len(rows) > 1 else ''} {and_list(rows)} of the grid question '{grid[0]}'")
            count += len(rows)
    if not others:
        return None
    listed = and_list(others)
    return (f"{listed[0].upper()}{listed[1:]} {'is' if count == 1 else 'are'} named like a score but not read: the "
            f"score is '{preset.columns['score']}'. If another column holds the CSAT, choose it as score on the "
            "mapping page.")


def question_notice(sheet, preset: Preset) -> str | None:
    """When the score column asks a recommend (NPS) or effort (CES) question, the notice saying so: overall_row
    takes a satisfaction question over it when there is one, so this file has none, and MaestroQA's score is "the
    primary CSAT score" (shared/api/CONTRACT.md; QA round 64a C3: an NPS-only survey's answers went out unsaid)."""
    score = preset.columns.get("score")
    if not (isinstance(score, str) and score in sheet.columns and (
            metric := other_metric(Headers.of(sheet), sheet.columns.index(score)))):
        return None
    return (f"The score is read from '{score}', which asks {'an' if metric[0] in 'aeiou' else 'a'} {metric} question: "
            "no column of this file asks how satisfied the customer was. Its answers are sent as CSAT scores; if that "
            "is not what you want, export the satisfaction question with the file, or do not submit this upload.")


def _independent(sheet, score: int | None, index: int) -> bool:
    """True when column `index` is shown to answer apart from the score: one score beside two of its texts, or
    whole numbers that fall somewhere as the score's rise. A column writing the score again is not: Nicereply's
    "Legacy score" on 0..10, Kustomer's "Satisfaction Score" 0/1 beside its "Rating", a label column."""
    if score is None:
        return False
    seen: dict[str, str] = {}
    for row in sheet.rows:
        answer, other = row[score].strip(), row[index].strip()
        if answer and other and seen.setdefault(answer, other) != other:
            return True
    numbers = sorted((int(first[1]), int(second[1])) for answer, other in seen.items()
                     if (first := scorecells.INTEGER.match(answer)) and (second := scorecells.INTEGER.match(other)))
    return any(b < a for (_, a), (_, b) in zip(numbers, numbers[1:], strict=False))


def score_grid(headers: Headers, preset: Preset) -> list[int]:
    """Indexes of the rows of the grid question whose row is the score (Headers.grid_rows); [] if none is."""
    chosen = headers.index(preset.columns.get("score") or "")
    return headers.grid_rows(chosen) if chosen is not None else []
