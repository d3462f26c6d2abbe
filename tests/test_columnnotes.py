"""Notices about columns the mapping leaves out, and defused cells (uploads/columnnotes.py), through
intake.read_file and intake.mapping_notices as the upload form and import_csat read a file."""

from pathlib import Path

import pytest

from uploads import intake

pytestmark = pytest.mark.django_db  # saved presets are looked up


def read(folder: Path, text: str):
    """(sheet, preset) of a CSV file holding `text`, read as the upload form reads it."""
    path = folder / "team.csv"
    path.write_text(text, encoding="utf-8")
    sheet, preset, _ = intake.read_file(path, path.name, intake.ReadOptions())
    sheet.notices.extend(intake.mapping_notices(sheet, preset))
    return sheet, preset


def test_it_names_a_follow_up_question_answered_in_words(tmp_path: Path) -> None:
    sheet, preset = read(tmp_path, "Response ID,Recorded Date,Ticket ID,Agent Email,Q1 - How satisfied were you?,"
                                   "Q1 - Comment,Q2 - Which channel did you use?\n"
                                   "R1,2026-10-01T10:00:00Z,701,a@example.com,5,Great,Email\n"
                                   "R2,2026-10-01T11:00:00Z,702,a@example.com,4,,Chat\n")
    assert preset.clarifying == []
    assert sheet.notices == [
        "'Q2 - Which channel did you use?' answers a follow-up question in words: a clarifying answer needs a "
        "score, so these answers are not sent. To send them, choose the column as comment on the mapping page."]


def test_it_names_other_questions_answered_in_numbers_which_are_not_sent(tmp_path: Path) -> None:
    """A Qualtrics export's Q2 and Q3 (numeric recodes: Yes may be 1 and No 2) are no clarifying answers."""
    sheet, preset = read(tmp_path, (
        "RecordedDate,ResponseId,Finished,ExternalReference,Q1,Q2,Q3\n"
        "Recorded Date,Response ID,Finished,External Data Reference,How satisfied were you?,How easy was it?,"
        "Was it solved?\n"
        '"{""ImportId"":""recordedDate"",""timeZone"":""America/Chicago""}","{""ImportId"":""_recordId""}",'
        '"{""ImportId"":""finished""}","{""ImportId"":""externalDataReference""}","{""ImportId"":""QID1""}",'
        '"{""ImportId"":""QID2""}","{""ImportId"":""QID3""}"\n'
        "2026-10-14 09:00:00,R_1,1,33400|381,5,6,1\n"
        "2026-10-15 09:00:00,R_2,1,33401|381,4,5,2\n"))
    assert (preset.columns["score"], preset.clarifying) == ("Q1", [])
    assert sheet.notices == [
        "'Q2' (How easy was it?), 'Q3' (Was it solved?) answer other questions with numbers, not sent: clarifying "
        "answers are sent for the questions a preset names, each with its scale (a numeric export's recodes are the "
        "survey author's). To send them, add them as clarifying questions to a preset (README: Preset JSON) and "
        "import it on the mapping page."]


def test_it_names_a_freshdesk_surveys_other_question(tmp_path: Path) -> None:
    """QA round 51c: Freshdesk's second question (its codes 103..-103) was left out without a word."""
    sheet, preset = read(tmp_path, (
        "id,survey_id,agent_id,ticket_id,feedback,ratings.default_question,ratings.question_43000012345,created_at\n"
        "43000300000,43000001234,43012345671,30101,Great,103,103,2026-10-15T09:00:00Z\n"
        "43000300001,43000001234,43012345672,30102,,-101,100,2026-10-15T10:00:00Z\n"))
    assert preset.columns["score"] == "ratings.default_question"
    assert sheet.notices == [
        "'ratings.question_43000012345' answers another question with numbers, not sent: clarifying answers are "
        "sent for the questions a preset names, each with its scale (a numeric export's recodes are the survey "
        "author's). To send them, add them as clarifying questions to a preset (README: Preset JSON) and import it "
        "on the mapping page."]


def test_it_names_no_question_answered_with_ids(tmp_path: Path) -> None:
    sheet, _preset = read(tmp_path, "submitted_at,ticket_id,agent_id,score,What is your order number?\n"
                                    "2026-10-05 09:00,1,A1,5,1048576\n2026-10-05 09:00,2,A1,4,1048577\n")
    assert sheet.notices == []


def test_it_names_text_answers_no_column_maps_as_the_comment(tmp_path: Path) -> None:
    sheet, preset = read(tmp_path, (
        "submitted_at,ticket_id,agent_id,score,Was it solved?,Your name,What would you change?\n"
        "2026-10-05 09:00,1,A1,5,Yes,Ana Souza,Nothing at all\n"
        "2026-10-05 09:00,2,A1,2,No,Li Wei,Faster first reply please\n"
    ))
    assert "comment" not in preset.columns
    assert sheet.notices == [
        "No column was recognised as the customer's comment, and 'What would you change?' holds text answers: if "
        "one is the comment, choose it as comment on the mapping page (until then no comment is sent).",
        "'Was it solved?' answers another question in words (a rating, yes or no), not sent as clarifying answers. "
        "To send them, add them as clarifying questions to a preset (README: Preset JSON) and import it on the mapping "
        "page."]  # QA round 41b: a Yes/No follow-up question went unsaid


def test_it_offers_no_rewards_name_as_the_comment(tmp_path: Path) -> None:
    """QA round 66b W4: Medallia's reward_name ("Name of the reward that was given") was offered as the comment."""
    sheet, _ = read(tmp_path, "submitted_at,ticket_id,agent_id,score,reward_name\n"
                              "2026-10-05 09:00,1,A1,5,Above and Beyond\n2026-10-05 09:00,2,A1,5,Going the Extra Mile\n")
    assert sheet.notices == []
    sheet, _ = read(tmp_path, "submitted_at,ticket_id,agent_id,score,What has our agent done well?\n"  # QA round 68a
                              "2026-10-05 09:00,1,A1,5,Above and beyond\n2026-10-05 09:00,2,A1,5,Quick and kind\n")
    assert sheet.notices[0].startswith("No column was recognised as the customer's comment, and 'What has our agent "
                                       "done well?' holds text answers")


def test_it_names_a_column_of_addresses_when_no_column_is_the_agent(tmp_path: Path) -> None:
    """QA round 51a: every row said only that no agent column was mapped; a form's "Email Address" may be the
    customer's, so the column is named, not mapped."""
    sheet, preset = read(tmp_path, (
        "submitted_at,ticket_id,score,Handled (address)\n"
        "2026-10-05 09:00,1,5,ana@acme.com\n2026-10-05 09:00,2,4,bo@acme.com\n"
    ))
    assert "agent_email" not in preset.columns and "agent_id" not in preset.columns
    assert sheet.notices == [
        "No column was recognised as the agent, and 'Handled (address)' holds email addresses: if one is the "
        "agent's, choose it as agent_email on the mapping page (until then every row is invalid)."]


@pytest.mark.parametrize("header", ["Customer email", "Email address", "Contact for follow-up"])
def test_it_names_no_column_of_the_customers_addresses_as_the_agents(tmp_path: Path, header: str) -> None:
    """QA round 52a: the notice pointed at a Google Form's respondent addresses and a 'Customer email' column."""
    sheet, _ = read(tmp_path, (
        f"submitted_at,ticket_id,score,{header}\n"
        "2026-10-05 09:00,1,5,ana@acme.com\n2026-10-05 09:00,2,4,bo@acme.com\n"
    ))
    assert sheet.notices == []


def test_it_names_a_notes_column_of_short_feedback_that_repeats(tmp_path: Path) -> None:
    notes = ["All good.", "Quick and friendly, thanks!", "Had to ask twice", "All good.", "Quick and friendly, thanks!",
             "Refund came fast"]  # QA round 50a: left out without a word
    sheet, _preset = read(tmp_path, "submitted_at,ticket_id,agent_id,score,Notes\n" + "".join(
        f"2026-10-05 09:00,{n},A1,5,{note if ',' not in note else chr(34) + note + chr(34)}\n"
        for n, note in enumerate(notes)))
    assert sheet.notices == [
        "No column was recognised as the customer's comment, and 'Notes' holds text answers: if one is the comment, "
        "choose it as comment on the mapping page (until then no comment is sent)."]


def test_it_names_a_notes_column_of_short_answers_and_placeholders(tmp_path: Path) -> None:
    """QA round 60b: a hand sheet's "n/a" and "-" kept its comment column under the share of answers in words."""
    notes = ["Good help", "Rude", "n/a", "-", "Not happy with the answer", "-", "Ana is the best!"]
    sheet, _preset = read(tmp_path, "submitted_at,ticket_id,agent_id,score,Notes\n" + "".join(
        f"2026-10-05 09:00,{n},A1,5,{note}\n" for n, note in enumerate(notes)))
    assert sheet.notices == [
        "No column was recognised as the customer's comment, and 'Notes' holds text answers: if one is the comment, "
        "choose it as comment on the mapping page (until then no comment is sent)."]


def test_it_names_a_column_named_like_a_score_that_holds_remarks_beside_the_score(tmp_path: Path) -> None:
    """QA round 63b: an Italian sheet's "Note" (remarks; a score in French and German) was left out unsaid."""
    sheet, _preset = read(tmp_path, "Numero ticket,Operatore,Data,Valutazione,Note\n"
                                    "IT-1,a@example.com,2026-10-01 09:30,5,Gentilissima\n"
                                    "IT-2,a@example.com,2026-10-02 09:30,4,\nIT-3,a@example.com,2026-10-03 09:30,3,"
                                    "Così così\n")
    assert sheet.notices == [
        "No column was recognised as the customer's comment, and 'Note' holds text answers: if one is the comment, "
        "choose it as comment on the mapping page (until then no comment is sent)."]


def test_it_names_a_column_named_like_the_score_whose_values_are_no_scores(tmp_path: Path) -> None:
    sheet, preset = read(tmp_path, (
        "Date,Ticket,Agent email,Rating,Customer comments\n2026-10-05 09:00,1,a@example.com,100%,Great\n"
        "2026-10-05 10:00,2,a@example.com,80%,Slow\n2026-10-05 11:00,3,a@example.com,100%,Fine\n"
    ))
    assert "score" not in preset.columns
    assert sheet.notices == [
        "No column was read as the score: 'Rating' is named like one, but its values ('100%', '80%') are not whole "
        "numbers or rating words. Choose it as score on the mapping page with a preset whose value map gives each "
        "of them a number, or type the scores in the file."]


def test_it_names_a_second_comment_column_whose_text_is_not_sent(tmp_path: Path) -> None:
    sheet, preset = read(tmp_path, (
        "Date,Ticket,Agent email,Score,Comment 1,Comment 2,Feedback channel\n"
        "2026-10-05 09:00,1,a@example.com,5,Great help,thanks again for it,email\n"
        "2026-10-05 10:00,2,a@example.com,4,Quick answer,nothing more to add,chat\n"
    ))
    assert preset.columns["comment"] == "Comment 1"
    assert sheet.notices == [
        "'Comment 1', 'Comment 2' all hold comments: the API takes one comment column (chosen on the mapping page), "
        "so the text of the others is not sent. To send it, join it into one column in the file."]


def test_it_reads_cells_an_export_defused_without_the_apostrophe(tmp_path: Path) -> None:
    """B16: an error report whose row/status/reason columns were deleted still gives the original text."""
    sheet, _ = read(tmp_path, (
        "submitted_at,ticket_id,agent_id,score,comment\n2026-10-05T09:00:00Z,'-1507,381,5,'=1+1\n"
        "2026-10-05T10:00:00Z,'00481,381,4,'Tis fine\n2026-10-05T11:00:00Z,48,381,4,'@Ana was great'\n"
    ))
    assert [row[1] for row in sheet.rows] == ["-1507", "'00481", "48"] and [row[4] for row in sheet.rows] == [
        "=1+1", "'Tis fine", "'@Ana was great'"]
    assert sheet.notices == [
        "2 cell(s) began with an apostrophe before = + - @ or a tab, which exports add so that a spreadsheet does not "
        "run the cell as a formula: read without it (\u201c'=1+1\u201d as \u201c=1+1\u201d)."]


def test_it_names_no_other_comment_for_a_survey_whose_groups_send_their_comments() -> None:
    from tests.helpers_sheets import SAMPLES

    path = SAMPLES / "clarifying_questions_survey.csv"
    sheet, preset, _ = intake.read_file(path, path.name, intake.ReadOptions())
    assert not [notice for notice in intake.mapping_notices(sheet, preset) if "hold comments" in notice]


@pytest.mark.parametrize(("header", "values", "shown"), [
    ("Time Zone", ["America/Los_Angeles", "Europe/Berlin"], "America/Los_Angeles, Europe/Berlin"),
    ("UTC offset", ["+02:00", "-07:00"], "+02:00, -07:00"),
    ("Time Zone", ["PST", "CST", "EST"], "PST, CST, EST"),  # QA round 35a
    ("Time Zone", ["US", "America/Los_Angeles", "Europe/Berlin"], "America/Los_Angeles, Europe/Berlin"),  # no 500
])
def test_it_says_a_column_of_each_rows_time_zone_is_not_applied(tmp_path: Path, header, values, shown) -> None:
    """QA round 34b: rows of several zones were read in one without a word."""
    sheet, _preset = read(tmp_path, f"Submitted At,{header},Ticket ID,Agent Email,Score\n" + "".join(
        f"2026-10-05 14:48:00,{value},{90100 + n},a@example.com,5\n" for n, value in enumerate(values)))
    assert sheet.notices == [
        f"Column '{header}' gives each row's time zone ({shown}), which is not applied: every date without its own "
        "offset is read in the one time zone the decisions name. If the rows' zones differ, write each time with its "
        "offset (2026-10-05 14:48 -07:00) or convert them to one zone before uploading."]


def test_it_names_a_column_named_like_the_date_whose_values_are_no_dates(tmp_path: Path) -> None:
    """QA round 37a: only "submitted_at is required but no column is mapped" was said, on every row."""
    sheet, preset = read(tmp_path, "ticket_id,agent_email,rating,rated_at\n1,a@example.com,5,yesterday afternoon\n"
                                   "2,a@example.com,4,last week\n")
    assert "submitted_at" not in preset.columns
    assert sheet.notices == [
        "No column was read as the date: 'rated_at' is named like one, but its values ('yesterday afternoon', "
        "'last week') are not dates the reader knows. Choose it as submitted_at on the mapping page to see each "
        "row's reason, or write the dates as 2026-10-05 14:48:00 (with the offset, +02:00, if the time has one) and "
        "upload again."]


def test_it_names_the_tickets_own_time_when_it_is_the_only_date(tmp_path: Path) -> None:
    """QA round 60c: a Zendesk Explore report whose only date was the solve time: every row said only
    "submitted_at is required but no column is mapped to it"."""
    sheet, preset = read(tmp_path, "Ticket ID,Ticket satisfaction rating,Assignee ID,Ticket solved - Timestamp\n"
                                   "48501,Good,381,2026-10-02T09:15:00\n48502,Bad,381,2026-10-03T14:02:11\n")
    assert "submitted_at" not in preset.columns
    assert sheet.notices == [
        "'Ticket solved - Timestamp' holds the ticket's own times ('2026-10-02T09:15:00', '2026-10-03T14:02:11'), not "
        "when the customer answered the survey, so it is not read as submitted_at. Export the time of the rating "
        "with the file; if this time is close enough for you, choose it as submitted_at on the mapping page."]


def test_it_says_when_a_date_columns_values_have_no_year(tmp_path: Path) -> None:
    """QA round 44b: a team sheet's "Oct 3" and "10/3" were "not dates the reader knows"."""
    sheet, _ = read(tmp_path, "Ticket,Date,Time,Agent,Score\n1,Oct 3,2:30 PM,a@example.com,5\n"
                              "2,10/5,9:00,a@example.com,4\n")
    assert sheet.notices == [
        "No column was read as the date: 'Date' is named like one, but its values ('Oct 3', '10/5') have no year, so "
        "they could be any year's dates. Add the year to each (2026-10-03 14:48:00) and upload again.",
        "No column was read as the date: 'Time' is named like one, but its values ('2:30 PM', '9:00') are times of "
        "day, without a date: they give the time of a Date column beside them whose dates have their year "
        "(2026-10-03)."]  # not "no year" (QA round 77b)


def test_a_reports_total_of_the_ticket_id_is_no_ticket_id_and_is_named(tmp_path: Path) -> None:
    """QA round 37a: Power BI's 'Sum of Ticket ID' (48213 + 48220 as 96433) was sent as a ticket id."""
    sheet, preset = read(tmp_path, "Agent Email,Rated At,Rating,Sum of Ticket ID,Count of Ticket ID\n"
                                   "ana@example.com,2026-10-05 14:53,5,48301,1\nben@example.com,2026-10-05 15:00,5,"
                                   "96433,2\n")
    assert "ticket_id" not in preset.columns
    assert sheet.notices[1:] == [
        f"Column '{header}' is a total over the rows a report grouped together, not one answer's ticket_id: it is "
        "not read. In the report, set the field to \"Don't summarize\" (Power BI) or show it as a row instead of a "
        "value, and export again." for header in ("Sum of Ticket ID", "Count of Ticket ID")]


def test_it_says_a_second_set_of_answers_beside_the_first_is_not_read(tmp_path: Path) -> None:
    """QA round 58d: week 2 kept beside week 1 ('Ticket wk2', 'Score wk2') was left out without a word."""
    sheet, _ = read(tmp_path, "Date,Ticket,Agent Email,Score,,Date wk2,Ticket wk2,Agent wk2,Score wk2\n"
                              "2026-10-05 09:00,48213,ana@acme.com,5,,2026-10-12 09:00,48301,ana@acme.com,4\n")
    assert sheet.notices[-1] == (
        "'Date wk2', 'Ticket wk2', 'Score wk2' are named like the date, ticket or score columns the mapping reads, but "
        "are not read: if they hold more answers (a second week beside the first), their answers are not sent. Put "
        "every answer on a row of its own, under the same columns, and upload the file again.")


def test_it_names_a_second_id_of_each_ticket_beside_the_one_read(tmp_path: Path) -> None:
    """QA round 66b H3: Zoho Desk's 16-digit record id was sent and its ticket number, shown in its UI, never named."""
    sheet, preset = read(tmp_path, "Ticket Id,Ticket Number,Agent Email,Rated At,Rating\n"
                                   "1892000000101001,2101,ana@acme.com,2026-10-05 09:00,5\n"
                                   "1892000000101017,2102,ana@acme.com,2026-10-05 10:00,4\n")
    assert preset.columns["ticket_id"] == "Ticket Id"
    assert sheet.notices == [
        "'Ticket Number' holds a second id for each ticket ('2101', '2102') beside 'Ticket Id' ('1892000000101001', "
        "'1892000000101017'), which is read as ticket_id. MaestroQA finds the ticket by the id sent: if your "
        "helpdesk's tickets are known there by 'Ticket Number', choose it as ticket_id on the mapping page."]


@pytest.mark.parametrize(("header", "second"), [
    ("Ticket Number", "2101,2101"), ("Ticket Number", "1892000000101001,1892000000101017"), ("Ticket Number", "2101,"),
    ("Parent ticket", "2101,2102"), ("Ticket Replies", "3,2"),  # QA round 68a: another ticket, a count
])
def test_it_names_no_second_ticket_id_that_copies_or_misses_the_ticket(tmp_path: Path, header: str, second: str) -> None:
    """Not one id per ticket: two tickets with one number, the ticket's own ids again, a blank; nor a column that is
    not named as a ticket's id."""
    first, other = second.split(",")
    sheet, _ = read(tmp_path, f"Ticket Id,{header},Agent Email,Rated At,Rating\n"
                              f"1892000000101001,{first},ana@acme.com,2026-10-05 09:00,5\n"
                              f"1892000000101017,{other},ana@acme.com,2026-10-05 10:00,4\n")
    assert not [notice for notice in sheet.notices if "second id" in notice]


def test_it_names_the_matrix_row_read_as_the_score_and_the_rows_not_sent(tmp_path: Path) -> None:
    """QA round 63a: a SurveyMonkey matrix's first row, 'Response time', was read as the CSAT without a word."""
    sheet, preset = read(tmp_path, (
        "Respondent ID,Collector ID,End Date,ticket,agent,How satisfied were you with each of the following?,,,"
        "Any other comments?\n"
        ",,,,,Response time,Agent's knowledge,Overall support experience,Open-Ended Response\n"
        "118052219061,431234567,10/05/2026 09:02:00 AM,66001,ana@acme.com,Satisfied,Very satisfied,Dissatisfied,"
        "Great\n"))
    assert preset.columns["score"] == (
        "How satisfied were you with each of the following? - Overall support experience")
    assert sheet.notices == [
        "The score is the answer to the row 'Overall support experience' of the grid question 'How satisfied were "
        "you with each of the following?' (the row that asks about the whole); its other rows 'Response time' and "
        "\"Agent's knowledge\" are not sent. If another row is the CSAT question, choose its column as score on the "
        "mapping page; to send them all, add them as clarifying questions to a preset (README: Preset JSON)."]


def test_it_says_no_row_of_a_qualtrics_matrix_says_overall(tmp_path: Path) -> None:
    sheet, preset = read(tmp_path, (
        "RecordedDate,ResponseId,Finished,ExternalReference,Q1_1,Q1_2\n"
        "Recorded Date,Response ID,Finished,External Data Reference,How satisfied were you with our support? - Speed,"
        "How satisfied were you with our support? - Knowledge\n"
        '"{""ImportId"":""recordedDate"",""timeZone"":""UTC""}","{""ImportId"":""_recordId""}",'
        '"{""ImportId"":""finished""}","{""ImportId"":""externalDataReference""}","{""ImportId"":""QID1_1""}",'
        '"{""ImportId"":""QID1_2""}"\n'
        "2026-10-14 09:00:00,R_1,1,33400|381,4,5\n"))
    assert preset.columns["score"] == "Q1_1"
    assert sheet.notices == [
        "The score is the answer to the row 'Speed' of the grid question 'How satisfied were you with our support?' "
        "(no row says 'Overall'); its other row 'Knowledge' is not sent. If another row is the CSAT question, choose "
        "its column as score on the mapping page; to send them all, add them as clarifying questions to a preset "
        "(README: Preset JSON)."]


def test_it_says_the_score_asks_a_recommend_question_when_none_asks_about_satisfaction(tmp_path: Path) -> None:
    """QA round 64a C3: a survey of NPS and CES questions only sent its NPS as the CSAT score without a word."""
    sheet, preset = read(tmp_path, (
        "Ticket ID,Agent Email,Date,How likely are you to recommend us?,How easy was it to get help?\n"
        "48213,ana@acme.com,2026-10-05 09:00,9,5\n48214,ana@acme.com,2026-10-05 10:00,3,2\n"))
    assert preset.columns["score"] == "How likely are you to recommend us?"
    assert sheet.notices[-1] == (
        "The score is read from 'How likely are you to recommend us?', which asks a recommend (NPS) question: no "
        "column of this file asks how satisfied the customer was. Its answers are sent as CSAT scores; if that is not "
        "what you want, export the satisfaction question with the file, or do not submit this upload.")


@pytest.mark.parametrize(("question", "notice"), [
    ("CES score", "which asks an effort (CES) question"),
    # satisfaction with the ease, in Dutch, Portuguese and Spanish word order (QA round 68a)
    ("Hoe tevreden bent u over hoe makkelijk het was?", None),
    ("Quão satisfeito você ficou com a facilidade?", None), ("¿Qué tan satisfecho quedó con la facilidad?", None),
])
def test_it_says_the_score_asks_about_effort_not_about_satisfaction(tmp_path: Path, question, notice) -> None:
    sheet, _ = read(tmp_path, f"Ticket ID,Agent Email,Date,{question}\n48213,ana@acme.com,2026-10-05 09:00,5\n"
                              "48214,ana@acme.com,2026-10-05 10:00,3\n")
    found = [text for text in sheet.notices if text.startswith("The score is read from")]
    assert (notice in found[0]) if notice else found == []


def test_it_names_other_columns_named_like_the_score(tmp_path: Path) -> None:
    """QA round 64a: 'Agent score' and 'Product score' beside the 'Overall score' read were left out unsaid."""
    sheet, preset = read(tmp_path, "Ticket ID,Agent,Survey date,Agent score,Product score,Overall score\n"
                                   "CS-1,ana@acme.com,2026-10-13,5,2,4\nCS-2,ana@acme.com,2026-10-13,2,4,3\n"
                                   "CS-3,ana@acme.com,2026-10-14,4,1,5\n")
    assert preset.columns["score"] == "Overall score"
    assert sheet.notices == [
        "'Agent score' and 'Product score' are named like a score but not read: the score is 'Overall score'. If "
        "another column holds the CSAT, choose it as score on the mapping page."]


def test_it_names_no_column_writing_the_score_again(tmp_path: Path) -> None:
    """Nicereply's 'Legacy score' is the same answer on 0..10 (the preset reads the scale from it)."""
    sheet, _preset = read(tmp_path, "Ticket ID,Agent email,Rated at,Score,Legacy score\n"
                                    "T-1,a@example.com,2026-10-13,3,10\nT-2,a@example.com,2026-10-13,1,0\n"
                                    "T-3,a@example.com,2026-10-13,2,5\n")
    assert not [notice for notice in sheet.notices if "named like a score" in notice]
