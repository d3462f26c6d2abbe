"""Rows that are no answers (uploads/rowskips.py): summary lines, a repeated header, a line of dashes."""

from __future__ import annotations

import pytest

from tests.helpers_sheets import sheet
from tests.test_validation import API, NOW, PLAIN, check
from uploads import mapping, validation


@pytest.mark.parametrize(("cells", "status", "reason"), [
    (["Average", "", "", "", "4.2", ""], "skipped", "'Average' starts a summary line under the answers, not an answer"),
    (["", "Total responses:", "", "", "12", ""], "skipped",
     "'Total responses:' starts a summary line under the answers, not an answer"),
    (["", "", "", "", "", "Total mess, the agent never answered"], "invalid", None),  # an answer's words
    (["", "SUM-1042", "381", "", "4", ""], "invalid", None),
    (["Average satisfaction", "", "", "", "4.2", ""], "skipped",
     "'Average satisfaction' starts a summary line under the answers, not an answer"),
    (["Average Joe's Gym", "1003", "381", "", "2", ""], "invalid", None),  # a row naming a ticket is an answer
    (["Grand Totals (10 records)", "", "", "", "", ""], "skipped",
     "'Grand Totals (10 records)' starts a summary line under the answers, not an answer"),
    (["2026-10-05T14:48:00Z", "Total", "381", "", "4", ""], "valid", None),  # a dated row is an answer
    (["", "T-1", "381", "", "4", "Average service"], "invalid", None),
    (["Responses", "", "", "", "7", ""], "skipped", "'Responses' starts a summary line under the answers, not an answer"),
    (["Count", "", "", "", "2", ""], "skipped", "'Count' starts a summary line under the answers, not an answer"),
    # a team sheet's (QA round 44b)
    (["% satisfied (4-5)", "", "", "", "0.7333333333", ""], "skipped",
     "'% satisfied (4-5)' starts a summary line under the answers, not an answer"),
    (["", "", "Team average", "", "3.8", ""], "skipped",
     "'Team average' starts a summary line under the answers, not an answer"),
    (["", "", "", "", "", "Below average"], "invalid", None),  # no value it sums up: an unfinished answer
    (["CSAT %", "", "", "", "60%", ""], "skipped", "'CSAT %' starts a summary line under the answers, not an answer"),
    (["Overall CSAT", "", "", "", "4.2", ""], "skipped",
     "'Overall CSAT' starts a summary line under the answers, not an answer"),  # QA round 45a
    (["Team average (n=15)", "", "", "", "3.8", ""], "skipped",
     "'Team average (n=15)' starts a summary line under the answers, not an answer"),
])
def test_it_skips_a_summary_line_under_the_answers(cells, status, reason) -> None:
    row = check(cells)[0]

    assert (row.status, row.skip_reason) == (status, reason)


def test_it_skips_a_bi_tools_totals_line_of_numbers_in_columns_no_field_is_read_from() -> None:
    """QA round 57a: Looker's Totals end a download with the count alone (",,,,,,12"); a row with a score
    above it is an unfinished answer."""
    rows = check(["2026-10-05T14:48:00Z", "T-1", "381", "", "4", "", "1"], ["", "", "", "", "4", "", ""],
                 ["", "", "", "", "", "", "12"], columns=[*API, "Count"])
    assert [(row.status, row.skip_reason) for row in rows] == [
        ("valid", None), ("invalid", None),
        ("skipped", "a line of numbers only ('12'), with no ticket, agent or date: a totals line under the answers (a "
                    "BI tool's count or sum), not an answer")]
    rows = check(["2026-10-05T14:48:00Z", "T-1", "381", "", "4", "", "1"], ["", "", "", "", "8", "", "2"],
                 columns=[*API, "Count"])  # its sum under the score (QA round 57d)
    assert rows[1].skip_reason == ("a line of numbers only ('8, 2'), with no ticket, agent or date: a totals line "
                                   "under the answers (a BI tool's count or sum), not an answer")
    assert check(["2026-10-05T14:48:00Z", "T-1", "381", "", "4", ""], ["", "", "", "", "4", ""])[1].status == "invalid"


def test_it_takes_the_rows_under_the_answers_for_summary_lines_not_an_answer_with_a_summary_word() -> None:
    rows = check(["", "T-1", "381", "", "4", "Total waste of time"], ["2026-10-05T14:48:00Z", "T-2", "381", "", "5", ""],
                 ["Total: 2 responses", "", "", "", "", ""], ["", "", "", "", "", ""], ["Average 4.5", "", "", "", "", ""],
                 ["Notes: exported by Jo", "", "", "", "", ""])

    assert [(row.status, row.skip_reason) for row in rows] == [
        ("invalid", None), ("valid", None),
        ("skipped", "'Total: 2 responses' starts a summary line under the answers, not an answer"),
        ("skipped", "empty row"), ("skipped", "'Average 4.5' starts a summary line under the answers, not an answer"),
        ("skipped", "'Notes: exported by Jo' is a note or a label beside the answers, not an answer")]


def test_it_skips_a_row_of_hints_under_the_header_and_reads_the_date_order_it_spells() -> None:
    """QA round 44b: a team sheet's "dd/mm/yyyy hh:mm | email | 1-5" under its header was an invalid row."""
    rows = check(["dd/mm/yyyy hh:mm", "", "", "email", "1-5", "customer's words"],
                 ["05/10/2026 09:00", "101", "381", "", "5", ""], ["06/11/2026 09:00", "102", "381", "", "4", ""])
    assert [(row.status, row.skip_reason) for row in rows] == [
        ("skipped", "'dd/mm/yyyy hh:mm' under 'submitted_at' spells the column's format: a row of hints under the "
                    "header, not an answer"), ("valid", None), ("valid", None)]
    assert [row.item["submitted_at"] for row in rows[1:]] == ["2026-10-05T09:00:00.000Z", "2026-11-06T09:00:00.000Z"]


def test_it_skips_a_row_repeating_the_header_of_two_exports_joined() -> None:
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "5", ""], ["\ufeffsubmitted_at", *API[1:]],
                 ["2026-10-05T15:48:00Z", "2", "381", "", "4", ""])
    assert [(row.status, row.skip_reason) for row in rows] == [
        ("valid", None), ("skipped", "repeats the header row (two exports joined into one file?), not an answer"),
        ("valid", None)]
    dashes = check(["-------------", "--------", "-----", "", "---", "-------"])[0]
    assert (dashes.status, dashes.skip_reason) == (
        "skipped", "a line of dashes under the header (a database client's output), not an answer")


def test_it_skips_a_survey_sent_and_not_answered() -> None:
    """QA round 66b W7: a Gladly row with its "Survey Sent At" and no score nor answer time was an error to fix; a
    row with its answer time and no score is one still."""
    columns = [*API, "Survey Sent At"]
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "5", "", "2026-10-05T09:00:00Z"],
                 ["", "2", "381", "", "", "", "2026-10-05T09:00:00Z"],
                 ["2026-10-05T14:48:00Z", "3", "381", "", "", "", "2026-10-05T09:00:00Z"], columns=columns)
    assert [row.status for row in rows] == ["valid", "skipped", "invalid"]
    assert rows[1].skip_reason == ("'Survey Sent At' is filled but the score and the answer time are blank: a survey "
                                   "sent and not answered")


def test_it_skips_a_weeks_average_among_the_answers() -> None:
    """QA round 45a: "Week 41 average | | | | 4.2" between weeks was an invalid row."""
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "5", ""], ["Week 41 average", "", "", "", "5", ""],
                 ["2026-10-12T14:48:00Z", "2", "381", "", "4", ""], ["", "Week 42 average", "", "", "4", ""],
                 ["2026-10-19T14:48:00Z", "3", "381", "", "4", ""])
    assert [row.status for row in rows] == ["valid", "skipped", "valid", "skipped", "valid"]  # also in the ticket column


def test_it_skips_a_subtotal_line_whose_record_count_stands_in_the_ticket_column() -> None:
    """QA round 44a: a Salesforce formatted report's "Subtotal | Record Count: 3 | 3.67" among its groups."""
    rows = check(["2026-10-05T14:48:00Z", "00001101", "381", "", "5", ""], ["Subtotal", "Record Count: 1", "", "", "5", ""],
                 ["2026-10-06T14:48:00Z", "00001102", "382", "", "4", ""], ["Subtotal", "Record Count: 1", "", "", "4", ""])
    assert [(row.status, row.skip_reason) for row in rows] == [
        ("valid", None), ("skipped", "'Subtotal' starts a summary line under the answers, not an answer")] * 2


def test_it_skips_a_grouped_reports_subtotal_lines_among_the_answers_and_leaves_them_out_of_the_scale() -> None:
    """Salesforce's "Sum:" and "Average:" under each group (QA round 28a: the sums made the scale 0..10)."""
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "5", ""], ["2026-10-05T15:48:00Z", "2", "381", "", "4", ""],
                 ["Sum:", "", "", "", "9", ""], ["Average:", "", "", "", "4.5", ""],
                 ["", "", "", "", "", "Total: nothing to add"],  # a comment, not a subtotal: an invalid row
                 ["2026-10-05T16:48:00Z", "3", "382", "", "3", "Sum: it was fine"],
                 ["", "", "", "Subtotal", "Record Count: 1", ""])

    assert [(row.status, row.skip_reason) for row in rows] == [
        ("valid", None), ("valid", None),
        ("skipped", "'Sum:' starts a summary line under the answers, not an answer"),
        ("skipped", "'Average:' starts a summary line under the answers, not an answer"),
        ("invalid", None), ("valid", None),
        ("skipped", "'Subtotal' starts a summary line under the answers, not an answer")]
    assert [row.item["max_score"] for row in rows if row.item] == [5, 5, 5]


def test_it_lists_the_summary_and_subtotal_lines_in_the_decisions() -> None:
    answer = ["2026-10-05T14:48:00Z", "1", "381", "", "5", ""]
    subtotal = ["Sum:", "", "", "", "5", ""]
    spread = validation.check_sheet(sheet(API, answer, subtotal, answer, subtotal, ["Average", "", "", "", "5", ""]),
                                    PLAIN, time_zone="UTC", now=NOW)
    ending = validation.check_sheet(sheet(API, answer, ["Total", "", "", "", "5", ""], ["Average", "", "", "", "5", ""]),
                                    PLAIN, time_zone="UTC", now=NOW)

    assert [text for text in spread.decisions if "summary" in text] == [
        "Rows 3, 5, 6 are summary or subtotal lines (Average, Total, Sum…): listed as skipped, not sent, and left out "
        "of the score's scale"]
    assert [text for text in ending.decisions if "summary" in text] == [
        "Rows 3–4 are summary lines or notes (Average, Total, Sum…): listed as skipped, not sent, and left out of the "
        "score's scale"]


def test_it_reads_german_and_salesforce_summary_words_but_never_a_row_naming_an_agent() -> None:
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "5", ""], ["Zwischensumme", "", "", "", "5", ""],
                 ["", "Max:", "", "", "5", ""],  # in the ticket's column, as a report puts it (QA round 31a)
        ["", "", "382", "", "2", "Media"],  # a queue called "Media" (Italian: average) on an answer
        ["2026-10-05T15:48:00Z", "2", "381", "", "4", ""],
        ["Zwischensumme KW 41", "", "", "", "21", ""], ["Subtotal week 41", "", "", "", "9", ""],  # QA round 48a
        ["2026-10-05T16:48:00Z", "3", "381", "", "4", ""], ["Total général", "", "", "", "40", ""])  # QA round 53b
    assert [row.status for row in rows] == ["valid", "skipped", "skipped", "invalid", "valid", "skipped", "skipped",
                                            "valid", "skipped"]


@pytest.mark.parametrize("word", ["Średnia", "Razem", "Genomsnitt", "I alt", "Keskiarvo", "Průměr", "Ortalama",
                                  "Összesen", "合計", "Medelvärde",
                                  # a summary word and what it sums, in the language (QA round 63b)
                                  "Total réponses", "Totale risposte", "Total de respostas", "Média geral",
                                  "Anzahl Bewertungen", "Gemiddeld"])  # Dutch, adverb (QA round 77b)
def test_it_reads_the_summary_words_of_other_languages(word: str) -> None:
    """QA round 60a: a Polish Excel's "Średnia;;;;;7,36" under the answers was an invalid row."""
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "5", ""], [word, "", "", "", "4,5", ""])
    assert (rows[1].status, rows[1].skip_reason) == (
        "skipped", f"'{word}' starts a summary line under the answers, not an answer")


def test_a_label_in_the_ticket_column_is_skipped_and_a_lone_agent_is_an_unfinished_row() -> None:
    """QA round 39a: "Week of 5 Oct" typed in the ticket column was an invalid row; a row holding only its agent's
    name was skipped as a note."""
    columns = ["ticket_id", "agent_id", "score", "submitted_at"]
    result = validation.check_sheet(sheet(columns, ["Week of 5 Oct", "", "", ""], ["48213", "381", "5",
                                                                                 "2026-10-05T14:48:00Z"]),
                                    PLAIN, time_zone="UTC", now=NOW)
    assert [row.status for row in result.rows] == ["skipped", "valid"]
    agent_first = validation.check_sheet(sheet(["agent_id", "ticket_id", "score", "submitted_at"], ["Ana Lee", "", "", ""]),
                                         PLAIN, time_zone="UTC", now=NOW)
    assert [row.status for row in agent_first.rows] == ["invalid"]
    unmapped_name = validation.check_sheet(sheet(["Agent", "ticket_id", "agent_id", "score", "submitted_at"],
                                                 ["Tom Baker", "", "", "", ""]), PLAIN, time_zone="UTC", now=NOW)
    assert [row.status for row in unmapped_name.rows] == ["invalid"]  # a name in an unmapped first column too


def test_it_skips_a_label_among_the_answers_but_not_a_lone_ticket_id_or_comment() -> None:
    """QA rounds 37a, 37c: a tracker's "Last week" between groups was an invalid row with three errors."""
    rows = check(["Last week", "", "", "", "", ""], ["2026-10-05T14:48:00Z", "1", "381", "", "5", ""],
                 ["", "", "", "", "", "a comment that spilled onto its own line"], ["Week of 5 Oct", "", "", "", "", ""],
                 ["2026-10-05T15:48:00Z", "2", "381", "", "4", ""])
    assert [(row.status, row.skip_reason) for row in rows] == [
        ("skipped", "'Last week' is a note or a label beside the answers, not an answer"), ("valid", None),
        ("invalid", None), ("skipped", "'Week of 5 Oct' is a note or a label beside the answers, not an answer"),
        ("valid", None)]


def test_a_totals_line_says_so_before_a_skip_value_it_also_holds() -> None:
    """QA round 60c: a Zendesk Explore report's Totals line, its rating blank, was skipped as "survey not answered"
    while the decisions called it a summary line."""
    preset = mapping.Preset.from_json({**PLAIN.to_json(), "skip_values": {
        "score": [{"": "survey not answered (no rating)"}]}})
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "5", ""], ["2026-10-05T15:48:00Z", "2", "381", "", "", ""],
                 ["Totals", "", "", "", "", ""], preset=preset)
    assert [(row.status, row.skip_reason) for row in rows] == [
        ("valid", None), ("skipped", "score is blank: survey not answered (no rating)"),
        ("skipped", "'Totals' starts a summary line under the answers, not an answer")]


@pytest.mark.parametrize("blank", ["nan", "NaN", "<NA>", "null"])
def test_a_data_tools_blank_score_is_skipped_as_a_blank_one(blank: str) -> None:
    """QA round 61c: a pandas or JSON tool's unanswered survey ("nan", "null" in the score) was an invalid row
    asking for a score the customer never gave, where a blank one is skipped."""
    preset = mapping.Preset.from_json({**PLAIN.to_json(), "skip_values": {"score": [{"": "not answered"}]}})
    row = check(["2026-10-05T14:48:00Z", "1", "381", "", blank, ""], preset=preset)[0]
    assert (row.status, row.skip_reason) == ("skipped", f"score is blank ('{blank}', a data tool's empty cell): not "
                                                        "answered")
