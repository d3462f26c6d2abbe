"""Which of a survey's rating questions is the CSAT when the score's pattern finds several: the overall one over a
grid's first row ("Response time"), a satisfaction question over an effort or recommend one (QA rounds 63a, 64a).
mapping.resolve asks it for the score and score_label columns; columnnotes names the rows and questions left out.
"""

from __future__ import annotations

import re

from uploads import autodetect, cells, scorecells
from uploads.headernames import EFFORT_QUESTION, OVERALL_QUESTION, OVERALL_ROW
from uploads.headers import Headers, as_list
from uploads.headerscales import NPS_QUESTION
from uploads.wordscales import SCALE_WORDS

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
