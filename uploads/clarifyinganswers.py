"""One row's clarifying_answers: each question group's score, comment and label (shared/api/CONTRACT.md
"clarifying_answers"), or none when the question was not answered ("N/A", a blank).

The groups come from the preset (questiongroups.py finds them in a file); items.check_cells calls check_answers
with its row check, whose error, warn and take record each problem on the row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from uploads import cells as rules
from uploads import scorecells
from uploads.plan import Raw
from uploads.preset_format import ClarifyingGroup

if TYPE_CHECKING:
    from uploads.items import RowCheck

# What a respondent writes for a question that did not apply: no answer, not an invalid score
_NOT_APPLICABLE = frozenset({"n/a", "na", "not applicable", "-", "does not apply"})


def check_answers(check: RowCheck) -> list[dict]:
    """The row's clarifying_answers (the preset's groups, plan.groups), in the groups' order; unanswered ones left
    out (_answer)."""
    answers = []
    for group, score_at, comment_at, label_at in check.plan.groups:
        answer = _answer(check, group, score_at, comment_at, label_at)
        if answer:
            answers.append(answer)
    return answers


def _answer(check: RowCheck, group: ClarifyingGroup, score_at: int, comment_at: int | None,
            label_at: int | None) -> dict | None:
    """One clarifying answer (CONTRACT order), None when unanswered (a blank, or an answer saying the
    question did not apply: "N/A"); an invalid score fails the row."""
    name = f"clarifying_answers[{group.key}]"
    src = Raw(check.cells[score_at], check.plan.columns[score_at], score_at)
    comment = _answer_text(check, f"{name}.comment", comment_at)
    if src.text.strip().casefold() in _NOT_APPLICABLE and src.text.strip().casefold() not in group.value_map:
        check.warn(f"{name}.score", src, f"'{group.question}' was answered '{src.text.strip()}': no score, so the "
                   "answer is not sent", "answer_not_applicable")
        return None
    if not src.text.strip():
        if comment:
            check.warn(f"{name}.score", src, f"'{group.question}' has a comment but no score: the answer is "
                       "not sent (the API requires a score)", "answer_without_score")
        return None
    score = scorecells.clean_score(src.text, group.min_score, group.max_score, group.value_map, group.key)
    if score.issue:
        check.error(f"{name}.score", src, score.issue)
        return None
    label = group.labels.get(str(score.value)) or _answer_label(check, src.text, group, label_at, name)
    answer = {"question": group.question, "score": score.value, "comment": comment, "score_label": label,
              "min_score": group.min_score, "max_score": group.max_score}
    return {key: value for key, value in answer.items() if value is not None}


def _answer_text(check: RowCheck, name: str, position: int | None) -> str | None:
    """An answer's comment or label text from its column (None: no column, or blank)."""
    if position is None:
        return None
    src = Raw(check.cells[position], check.plan.columns[position], position)
    value = check.take(name, src, rules.clean_text(src.text, "comment"))
    return value if isinstance(value, str) else None


def _answer_label(check: RowCheck, text: str, group: ClarifyingGroup, position: int | None, name: str) -> str | None:
    """The answer's score_label: the answer word itself when the group's value map scores it, else its label column."""
    if text.strip().casefold() in group.value_map and scorecells.parse_int(text) is None:
        return text.strip()
    return _answer_text(check, f"{name}.score_label", position)
