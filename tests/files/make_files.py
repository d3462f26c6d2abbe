"""Write the small export-layout fixtures in this folder (tests/test_formats.py checks them).

Every value is invented; the layouts follow shared/formats/EXPORT-FORMATS.md
(section numbers in the comments). Run from the repository root:

    /work/main/.venv/bin/python tests/files/make_files.py

The files are committed; rerunning gives the same bytes for the text files
(workbooks embed a save time).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def text(name: str, rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",",
         prefix: str = "", newline: str = "\n") -> None:
    """A delimited text file; `prefix` goes before the first record (a BOM is part of `encoding`)."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    (HERE / name).write_bytes((prefix + out.getvalue()).encode(encoding))


def xlsx(name: str, rows: list[list[object]], *, epoch_1904: bool = False) -> None:
    """An xlsx with typed cells (ints stay numbers, datetimes real date cells, str text)."""
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
    book.save(HERE / name)


# 1. Zendesk legacy CSAT: score words, updated_at the answer time, 13-digit ids.
ZENDESK = [
    ["id", "url", "assignee_id", "group_id", "requester_id", "ticket_id", "score", "comment", "reason",
     "created_at", "updated_at"],
    ["7811046650001", "https://acme.zendesk.com/api/v2/satisfaction_ratings/7811046650001.json",
     "3812345670011", "360001234567", "3812345679001", "51001", "good", "Quick and kind.", "",
     "2026-09-01T10:00:00Z", "2026-09-01T12:30:15Z"],
    ["7811046650002", "", "3812345670022", "360001234567", "3812345679002", "51002", "bad",
     "Nobody answered for two days.", "Issue took too long to resolve", "2026-09-02T08:00:00Z",
     "2026-09-03T09:15:00Z"],
    ["7811046650003", "", "3812345670011", "360001234567", "3812345679003", "51003", "offered", "", "",
     "2026-09-03T08:00:00Z", "2026-09-03T08:00:00Z"],
    ["7811046650004", "", "3812345670022", "360001234567", "3812345679004", "51004", "unoffered", "", "",
     "2026-09-04T08:00:00Z", "2026-09-04T08:00:00Z"],
    ["7811046650005", "", "3812345670033", "360001234567", "3812345679005", "51005", "Good", "", "",
     "2026-09-05T08:00:00Z", "2026-09-05T21:45:00Z"],
]

# 1. Zendesk updated CSAT: the same objects with a numeric 1..5 rating.
ZENDESK_UPDATED = [
    ["id", "ticket_id", "assignee_id", "score", "comment", "created_at", "updated_at"],
    ["7811046660001", "52001", "3812345670011", "5", "Great.", "2026-09-10T10:00:00Z", "2026-09-10T11:00:00Z"],
    ["7811046660002", "52002", "3812345670022", "2", "Slow.", "2026-09-10T10:00:00Z", "2026-09-11T07:30:00Z"],
    ["7811046660003", "52003", "3812345670022", "3", "", "2026-09-12T10:00:00Z", "2026-09-12T10:05:00Z"],
]

# 1. Zendesk tickets dumped with pandas: the satisfaction_rating object as Python text in one cell.
ZENDESK_TICKETS = [
    ["id", "subject", "status", "assignee_id", "requester_id", "created_at", "updated_at", "satisfaction_rating"],
    ["53001", "Refund", "solved", "3812345670011", "3812345679001", "2026-09-01T08:00:00Z", "2026-09-02T10:00:00Z",
     "{'score': 'bad', 'id': 57709674553241, 'comment': None, 'reason': 'No reason provided'}"],
    ["53002", "Login", "solved", "3812345670022", "3812345679002", "2026-09-03T08:00:00Z", "2026-09-04T11:30:00Z",
     "{'score': 'good', 'id': 57709674553242, 'comment': 'Fixed in minutes', 'reason': None}"],
    ["53003", "Invoice", "solved", "3812345670022", "3812345679003", "2026-09-05T08:00:00Z", "2026-09-05T09:00:00Z",
     "{'score': 'offered', 'id': 57709674553243, 'comment': None, 'reason': None}"],
    ["53004", "Other", "open", "3812345670011", "3812345679004", "2026-09-06T08:00:00Z", "2026-09-06T09:00:00Z", ""],
]

QUALTRICS_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
                  "RecordedDate", "ResponseId", "ExternalReference", "DistributionChannel", "UserLanguage",
                  "Q1", "Q2"]
QUALTRICS_LABELS = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
                    "Finished", "Recorded Date", "Response ID", "External Data Reference", "Distribution Channel",
                    "User Language", "How satisfied were you with the support you received?",
                    "Tell us more about your experience"]


def qualtrics_import_ids(zone: str) -> list[str]:
    """Row 3 of a Qualtrics export, dates declared in `zone`."""
    ids = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished", "recordedDate",
           "_recordId", "externalDataReference", "distributionChannel", "userLanguage", "QID1", "QID2_TEXT"]
    dated = {"startDate", "endDate", "recordedDate"}
    return [f'{{"ImportId":"{i}","timeZone":"{zone}"}}' if i in dated else f'{{"ImportId":"{i}"}}' for i in ids]


def qualtrics_row(day: str, status: str, finished: str, ref: str, q1: str, q2: str, rid: str) -> list[str]:
    return [f"{day} 09:00:00", f"{day} 09:04:10", status, "203.0.113.7", "100", "250", finished,
            f"{day} 09:04:11", rid, ref, "email", "EN", q1, q2]


# 2. Qualtrics numeric values, declared zone America/Chicago.
QUALTRICS_NUMERIC = [QUALTRICS_META, QUALTRICS_LABELS, qualtrics_import_ids("America/Chicago"),
                     qualtrics_row("2026-10-05", "0", "1", "48100|3812345670011", "5", "Great", "R_1aaa"),
                     qualtrics_row("2026-10-06", "1", "1", "48101|3812345670011", "5", "", "R_1aab"),
                     qualtrics_row("2026-10-07", "0", "1", "048102 | 3812345670022", "2", "Meh", "R_1aac")]

# 2. Qualtrics choice text: Status and Finished as words, answers as labels.
QUALTRICS_CHOICE = [QUALTRICS_META, QUALTRICS_LABELS, qualtrics_import_ids("America/Denver"),
                    qualtrics_row("2026-10-05", "IP Address", "True", "48200|3812345670011", "Extremely satisfied",
                                  "Loved it", "R_2aaa"),
                    qualtrics_row("2026-10-06", "Survey Preview", "True", "48201|3812345670011", "Very satisfied",
                                  "", "R_2aab"),
                    qualtrics_row("2026-10-07", "IP Address", "False", "48202|3812345670022",
                                  "Somewhat dissatisfied", "", "R_2aac"),
                    qualtrics_row("2026-10-08", "IP Address", "True", "48203|3812345670022",
                                  "Extremely dissatisfied", "Never again", "R_2aad"),
                    qualtrics_row("2026-10-09", "Survey Test", "True", "48204|3812345670022",
                                  "Neither satisfied nor dissatisfied", "", "R_2aae")]

# 2. Qualtrics choice text on the 7-point satisfaction scale.
QUALTRICS_CHOICE_7 = [QUALTRICS_META, QUALTRICS_LABELS, qualtrics_import_ids("UTC"),
                      qualtrics_row("2026-10-05", "IP Address", "True", "48400|3812345670011", "Moderately satisfied",
                                    "", "R_4aaa"),
                      qualtrics_row("2026-10-06", "IP Address", "True", "48401|3812345670011",
                                    "Extremely satisfied", "", "R_4aab"),
                      qualtrics_row("2026-10-07", "IP Address", "True", "48402|3812345670022",
                                    "Slightly dissatisfied", "", "R_4aac")]

# 2. Qualtrics legacy (pre-2017): two header rows, V1..V10.
QUALTRICS_LEGACY = [
    ["V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10", "Q1", "Q2"],
    ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress", "Status",
     "StartDate", "EndDate", "Finished", "How satisfied were you?", "Comments"],
    ["R_3aaa", "Default Response Set", "Anonymous", "48300|3812345670011", "", "203.0.113.9", "0",
     "2016-11-02 10:00:00", "2016-11-02 10:03:00", "1", "4", "Fine"],
    ["R_3aab", "Default Response Set", "Anonymous", "48301|3812345670022", "", "203.0.113.9", "1",
     "2016-11-03 10:00:00", "2016-11-03 10:03:00", "1", "5", ""],
]

# 3. SurveyMonkey: two header rows, AM/PM dates, choice text, custom variables.
SURVEYMONKEY = [
    ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
     "Last Name", "Custom Data 1", "ticket_id", "agent_email",
     "Overall, how satisfied were you with our support?", "What could we do better?"],
    ["", "", "", "", "", "", "", "", "", "", "", "Response", "Open-Ended Response"],
    ["118052219061", "431234567", "10/05/2026 11:58:01 PM", "10/06/2026 12:02:30 AM", "198.51.100.4",
     "pat@customer.example", "Pat", "Lee", "", "60001", "ana@acme.example", "Very satisfied", "Thanks!"],
    ["118052219062", "431234567", "10/07/2026 09:10:00 AM", "10/07/2026 09:12:45 AM", "198.51.100.5", "", "", "",
     "", "060002", "bo@acme.example", "Very dissatisfied", "Too slow"],
    ["118052219063", "431234567", "10/08/2026 12:30:00 PM", "10/08/2026 12:31:00 PM", "198.51.100.6", "", "", "",
     "", "60003", "ana@acme.example", "Neither satisfied nor dissatisfied", ""],
]

# 4. Google Forms, US and UK sheets.
FORMS_HEAD = ["Timestamp", "Email address", "Ticket number", "Agent email",
              "How satisfied are you with the help you got?", "Tell us more (optional)"]
FORMS_US = [FORMS_HEAD,
            ["9/1/2026 10:01:10", "c1@customer.example", "70001", "ana@acme.example", "5", "Great"],
            ["10/13/2026 7:05:00", "c2@customer.example", "70002", "bo@acme.example", "3", ""]]
FORMS_UK = [FORMS_HEAD,
            ["01/09/2026 10:01:10", "c1@customer.example", "70101", "ana@acme.example", "4", ""],
            ["13/10/2026 07:05:00", "c2@customer.example", "70102", "bo@acme.example", "2", "Slow"]]
FORMS_BOOK = [FORMS_HEAD,
              [datetime(2026, 9, 1, 10, 1, 10), "c1@customer.example", 70201, "ana@acme.example", 5, "Great"],
              [datetime(2026, 10, 13, 7, 5), "c2@customer.example", 70202, "bo@acme.example", 1, ""]]

# 5. Delighted: epoch seconds, survey_type gives the scale, person properties as columns.
DELIGHTED = [
    ["id", "survey_type", "score", "comment", "permalink", "created_at", "updated_at",
     "person_properties.ticket_id", "person_properties.agent_email"],
    ["901", "nps", "0", "Terrible", "https://delighted.com/r/901", "1789000000", "", "80001", "ana@acme.example"],
    ["902", "nps", "10", "", "https://delighted.com/r/902", "1789003600", "1789003700", "80002", "bo@acme.example"],
    ["903", "csat", "4", "Nice", "https://delighted.com/r/903", "1789007200", "", "80003", "ana@acme.example"],
]
DELIGHTED_PROPS = [
    ["Response ID", "Survey type", "Score", "Comment", "Response timestamp", "Properties: ticket_id",
     "Properties: agent_email"],
    ["911", "csat", "5", "", "1789000000", "80101", "ana@acme.example"],
    ["912", "csat", "1", "Bad", "1789003600", "80102", "bo@acme.example"],
]

# 5. Delighted without survey_type: the scores themselves show an NPS (0..10) survey.
DELIGHTED_NPS = [
    ["id", "score", "comment", "permalink", "created_at", "person_properties.ticket_id",
     "person_properties.agent_id"],
    ["921", "9", "", "https://delighted.com/r/921", "1789000000", "80201", "4711001"],
    ["922", "0", "Never", "https://delighted.com/r/922", "1789003600", "80202", "4711002"],
    ["923", "4", "", "https://delighted.com/r/923", "1789007200", "80203", "4711001"],
]

# 4. Google Forms with a 0..10 linear scale (likely to recommend).
FORMS_NPS = [
    ["Timestamp", "Ticket number", "Agent email", "How likely are you to recommend us? (rating)", "Why?"],
    ["9/1/2026 10:01:10", "70301", "ana@acme.example", "10", ""],
    ["9/2/2026 11:00:00", "70302", "bo@acme.example", "0", "Slow"],
    ["9/3/2026 12:00:00", "70303", "bo@acme.example", "7", ""],
]

# 6. Freshdesk: 7-point codes and classic 1/2/3.
FRESHDESK_7 = [
    ["id", "survey_id", "user_id", "agent_id", "group_id", "ticket_id", "feedback", "ratings.default_question",
     "created_at", "updated_at"],
    ["1", "11", "9001", "16000000001", "7", "90001", "Superb", "103", "2026-10-01T10:00:00Z",
     "2026-10-01T10:00:00Z"],
    ["2", "11", "9002", "16000000002", "7", "90002", "", "-103", "2026-10-02T11:00:00Z", "2026-10-02T11:00:00Z"],
    ["3", "11", "9003", "16000000001", "7", "90003", "", "100", "2026-10-03T12:00:00Z", "2026-10-03T12:00:00Z"],
]
FRESHDESK_3 = [
    ["id", "survey_id", "user_id", "agent_id", "group_id", "ticket_id", "feedback", "ratings.default_question",
     "created_at", "updated_at"],
    ["1", "12", "9001", "16000000001", "7", "91001", "", "1", "2026-10-01T10:00:00Z", "2026-10-01T10:00:00Z"],
    ["2", "12", "9002", "16000000002", "7", "91002", "Meh", "2", "2026-10-02T11:00:00Z", "2026-10-02T11:00:00Z"],
    ["3", "12", "9003", "16000000001", "7", "91003", "", "3", "2026-10-03T12:00:00Z", "2026-10-03T12:00:00Z"],
]

# 6. Freshdesk API objects flattened with the ratings object as JSON text in one cell.
FRESHDESK_JSON = [
    ["id", "survey_id", "agent_id", "ticket_id", "feedback", "ratings", "created_at"],
    ["1", "11", "16000000001", "92001", "", '{"default_question": 102, "question_16000000050": 101}',
     "2026-10-01T10:00:00Z"],
    ["2", "11", "16000000002", "92002", "Rude", '{"default_question": -101}', "2026-10-02T11:00:00Z"],
]

# 8. Gorgias: naive microsecond datetimes.
GORGIAS = [
    ["id", "ticket_id", "customer_id", "assignee_user_email", "score", "body_text", "created_datetime",
     "sent_datetime", "scored_datetime"],
    ["3001", "12001", "501", "ana@acme.example", "5", "Perfect", "2026-10-01T09:00:00.000000",
     "2026-10-01T09:05:00.000000", "2026-10-01T15:59:41.966927"],
    ["3002", "12002", "502", "bo@acme.example", "", "", "2026-10-02T09:00:00.000000",
     "2026-10-02T09:05:00.000000", ""],
    ["3003", "12003", "503", "bo@acme.example", "2", "", "2026-10-03T09:00:00.000000",
     "2026-10-03T09:05:00.000000", "2026-10-03T10:00:00.123000"],
]

# 7. Intercom: epoch seconds, 15-digit conversation ids.
INTERCOM = [
    ["conversation_id", "rating", "remark", "created_at", "teammate_id", "contact_id"],
    ["215471234567890", "5", "Thanks a lot", "1789000000", "4711001", "c-1"],
    ["215471234567891", "1", "", "1789086400", "4711002", "c-2"],
]

# 9. Kustomer: rating 1..5 and a status; unanswered surveys are skipped.
KUSTOMER = [
    ["Conversation ID", "Assigned User Email", "Satisfaction Rating", "Satisfaction Score", "Satisfaction Status",
     "Satisfaction Comment", "Satisfaction Updated At"],
    ["5f1a2b3c4d5e6f7a8b9c0d1e", "ana@acme.example", "5", "1", "Commented", "Lovely", "2026-10-04T10:00:00.000Z"],
    ["5f1a2b3c4d5e6f7a8b9c0d1f", "bo@acme.example", "", "", "Unresponded", "", "2026-10-05T10:00:00.000Z"],
    ["5f1a2b3c4d5e6f7a8b9c0d20", "bo@acme.example", "2", "0", "Rated", "", "2026-10-06T10:00:00.000Z"],
]

# 10. Salesforce: long format, CaseNumber with leading zeros, +0000 offsets.
SALESFORCE = [
    ["ResponseId", "CaseNumber", "Case Owner Email", "QuestionName", "NumberValue", "ChoiceValue",
     "ResponseShortText", "CompletionDateTime"],
    ["0Mb000000000001", "00001026", "ana@acme.example", "Overall satisfaction", "4", "", "",
     "2026-09-20T09:00:00.000+0000"],
    ["0Mb000000000001", "00001026", "ana@acme.example", "Anything else?", "", "", "All good",
     "2026-09-20T09:00:00.000+0000"],
    ["0Mb000000000002", "00001027", "bo@acme.example", "Overall satisfaction", "2", "", "",
     "2026-09-21T10:30:00.000+0200"],
]

# 11. Medallia Agent Connect.
MEDALLIA = [
    ["request_id", "request_sent_at (UTC)", "request_delivery_status", "response_received_at (UTC)",
     "star_rating", "comments", "ext_interaction_id", "channel", "employee_first_name", "employee_last_name",
     "employee_email", "employee_custom_id"],
    ["r-1", "2026-10-01 08:00:00", "delivered", "2026-10-01 09:30:00", "5", "true", "ZD-93001", "email", "Ana",
     "Silva", "ana@acme.example", ""],
    ["r-2", "2026-10-02 08:00:00", "delivered", "", "", "false", "ZD-93002", "email", "Bo", "Ek",
     "bo@acme.example", ""],
]

# 13. German Excel "CSV": cp1252, ';', 'sep=;' first line, D.M.YYYY HH:MM.
GERMAN = [
    ["submitted_at", "ticket_id", "agent_email", "score", "comment"],
    ["15.04.2026 09:30", "94001", "jörg@acme.example", "5", "Schnelle Hilfe, danke für die Geduld"],
    ["3.5.2026 14:05", "94002", "anna@acme.example", "2", "Über eine Woche gewartet; schade"],
]

# 13. A German team sheet: German headers, no `sep=` line, zero-padded D.M.YYYY.
GERMAN_HEADERS = [
    ["Zeitstempel", "Ticketnummer", "Agent E-Mail", "Bewertung", "Kommentar"],
    ["15.04.2026 09:30", "94101", "anna@acme.example", "5", "Schnelle Hilfe, danke für die Geduld"],
    ["03.05.2026 14:05", "94102", "jörg@acme.example", "2", "Über eine Woche"],
]

# 13. Excel "Unicode Text": UTF-16 LE with BOM, tab.
UNICODE_TEXT = [
    ["submitted_at", "ticket_id", "agent_id", "score", "comment"],
    ["2026-10-01T08:00:00Z", "95001", "3812345670011", "4", "Très bien — merci"],
    ["2026-10-02T08:00:00Z", "95002", "3812345670022", "5", "素晴らしい"],
]

# 13. Excel-damaged ids.
DAMAGED = [
    ["submitted_at", "ticket_id", "agent_id", "score"],
    ["2026-10-01T08:00:00Z", "9.22251E+11", "3812345670011", "4"],
    ["2026-10-02T08:00:00Z", "922250816602", "3812345670011", "5"],
]

HTML_XLS = """<html><head><meta charset="utf-8"></head><body><table>
<tr><th>submitted_at</th><th>ticket_id</th><th>agent_id</th><th>score</th></tr>
<tr><td>2026-10-01T08:00:00Z</td><td>96001</td><td>3812345670011</td><td>4</td></tr>
</table></body></html>
"""


def write_xls() -> None:
    """A BIFF8 .xls: numbers are doubles, a date cell, a text id with leading zeros."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("CSAT")
    stamp = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM:SS")
    for col, name in enumerate(["submitted_at", "ticket_id", "agent_id", "score", "comment"]):
        sheet.write(0, col, name)
    rows = [(datetime(2026, 10, 1, 8, 0), "00097001", 3812345670011, 4, "ok"),
            (datetime(2026, 10, 2, 9, 30), 97002, 3812345670022, 5, "")]
    for r, (when, ticket, agent, score, comment) in enumerate(rows, start=1):
        sheet.write(r, 0, when, stamp)
        sheet.write(r, 1, ticket)
        sheet.write(r, 2, agent)
        sheet.write(r, 3, score)
        sheet.write(r, 4, comment)
    book.save(str(HERE / "excel_97.xls"))


def write_ods() -> None:
    """A Google Forms sheet downloaded as ODS (date cells, numbers)."""
    import pandas

    frame = pandas.DataFrame(FORMS_BOOK[1:], columns=FORMS_BOOK[0])
    frame.to_excel(HERE / "google_forms.ods", engine="odf", index=False)


def main() -> None:
    text("zendesk_legacy.csv", ZENDESK)
    xlsx("zendesk_legacy.xlsx", [[int(c) if c.isdigit() and len(c) >= 5 else c for c in row] for row in ZENDESK])
    text("zendesk_updated.csv", ZENDESK_UPDATED)
    text("zendesk_tickets.csv", ZENDESK_TICKETS)
    text("freshdesk_ratings_json.csv", FRESHDESK_JSON)
    text("qualtrics_numeric.csv", QUALTRICS_NUMERIC, encoding="utf-8-sig", newline="\r\n")
    text("qualtrics_choice_text.csv", QUALTRICS_CHOICE, encoding="utf-8-sig", newline="\r\n")
    text("qualtrics_choice_text.tsv", QUALTRICS_CHOICE, encoding="utf-16", delimiter="\t", newline="\r\n")
    text("qualtrics_choice_7point.csv", QUALTRICS_CHOICE_7, encoding="utf-8-sig", newline="\r\n")
    text("qualtrics_legacy.csv", QUALTRICS_LEGACY, encoding="utf-8-sig")
    text("surveymonkey.csv", SURVEYMONKEY)
    xlsx("surveymonkey.xlsx", SURVEYMONKEY)
    text("google_forms_us.csv", FORMS_US)
    text("google_forms_uk.csv", FORMS_UK)
    xlsx("google_forms.xlsx", FORMS_BOOK)
    write_ods()
    text("delighted.csv", DELIGHTED)
    text("delighted_properties.csv", DELIGHTED_PROPS)
    text("delighted_nps.csv", DELIGHTED_NPS)
    text("google_forms_nps.csv", FORMS_NPS)
    text("freshdesk_7point.csv", FRESHDESK_7)
    text("freshdesk_classic.csv", FRESHDESK_3)
    text("gorgias.csv", GORGIAS)
    text("intercom.csv", INTERCOM)
    text("salesforce_long.csv", SALESFORCE)
    text("kustomer.csv", KUSTOMER)
    text("medallia_agent_connect.csv", MEDALLIA)
    text("german_excel.csv", GERMAN, encoding="cp1252", delimiter=";", prefix="sep=;\r\n", newline="\r\n")
    text("german_headers.csv", GERMAN_HEADERS, encoding="cp1252", delimiter=";", newline="\r\n")
    text("unicode_text.txt", UNICODE_TEXT, encoding="utf-16", delimiter="\t", newline="\r\n")
    text("excel_damaged_ids.csv", DAMAGED)
    (HERE / "html_table.xls").write_text(HTML_XLS, encoding="utf-8")
    write_xls()
    xlsx("epoch_1904.xlsx", [["submitted_at", "ticket_id", "agent_id", "score"],
                             [datetime(2026, 10, 1, 8, 0), 98001, 3812345670011, 3]], epoch_1904=True)


if __name__ == "__main__":
    main()
