"""Write *variant* export files: the same layouts as make_files.py, but differing the way real
exports differ (column order, optional/extra columns, header case, blank answers, 0 on 0..10,
long or zero-padded ids, epoch vs ISO, Excel re-saves). Used to audit the built-in presets:

    .venv/bin/python tests/files/make_variants.py /tmp/csat-variants

writes every variant there (default: that folder). Only the variants that found a bug or cover a
kind of file not covered otherwise are written into tests/files/ (`--fixtures`), and checked by
tests/test_formats.py. Every value is invented.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_files  # noqa: E402

# --- 1. Zendesk -------------------------------------------------------------------------------
# Title-case headers, another order, extra reason columns, no url, upper-case words.
ZENDESK_TITLE = [
    ["Ticket ID", "Score", "Comment", "Reason", "Reason Code", "Assignee ID", "Group ID", "Requester ID",
     "Created At", "Updated At", "ID"],
    ["00051101", "GOOD", "  Thanks!  ", "", "", "3812345670011", "360001234567", "3812345679001",
     "2026-09-01T10:00:00Z", "2026-09-01T12:30:15Z", "7811046650101"],
    ["51102", "bad", "", "Issue took too long to resolve", "5", "3812345670022", "", "3812345679002",
     "2026-09-02T08:00:00Z", "2026-09-03T09:15:00Z", "7811046650102"],
    ["51103", "offered", "", "", "", "3812345670022", "", "", "2026-09-03T08:00:00Z", "2026-09-03T08:00:00Z",
     "7811046650103"],
]
# Assignee email instead of assignee_id, an offered row, one blank assignee.
ZENDESK_EMAIL = [
    ["ticket_id", "assignee_email", "score", "comment", "created_at", "updated_at"],
    ["51501", "ana@acme.example", "good", "", "2026-09-01T10:00:00Z", "2026-09-01T11:00:00Z"],
    ["51502", "bo@acme.example", "offered", "", "2026-09-02T10:00:00Z", "2026-09-02T10:00:00Z"],
    ["51503", "bo@acme.example", "bad", "Slow", "2026-09-02T10:00:00Z", "2026-09-03T10:00:00Z"],
    ["51504", "", "good", "", "2026-09-02T10:00:00Z", "2026-09-04T10:00:00Z"],
]
# Both an agent name and an agent email: the name must not become agent_id (it would win at MaestroQA).
ZENDESK_NAME_EMAIL = [
    ["ticket_id", "assignee_name", "assignee_email", "score", "comment", "updated_at"],
    ["51601", "Ana Lima", "ana@acme.example", "good", "Thanks", "2026-09-01T10:00:00Z"],
    ["51602", "Bo Chen", "bo@acme.example", "bad", "", "2026-09-01T11:00:00Z"],
]
# Legacy CSV re-saved by Excel (US): cp1252, dates reformatted without seconds, ids >12 digits shown in E notation.
ZENDESK_EXCEL = [
    ["id", "assignee_id", "ticket_id", "score", "comment", "created_at", "updated_at"],
    ["7.81105E+12", "3.81235E+12", "51301", "good", "Très bien", "9/1/2026 10:00", "9/1/2026 12:30"],
    ["7.81105E+12", "3812345670022", "51302", "bad", "", "9/2/2026 8:00", "9/13/2026 9:15"],
]
# Updated CSAT with a 0-padded numeric score column named rating and labels.
ZENDESK_UPDATED_LABELS = [
    ["ticket_id", "assignee_id", "rating", "label", "comment", "created_at", "updated_at"],
    ["52101", "3812345670011", "5", "Extremely satisfied", "", "2026-09-10T10:00:00Z", "2026-09-10T11:00:00.250Z"],
    ["52102", "3812345670022", "", "", "", "2026-09-10T10:00:00Z", "2026-09-10T10:00:00Z"],
    ["52103", "3812345670022", "1", "Extremely dissatisfied", "no", "2026-09-12T10:00:00Z", "2026-09-12T10:05:00+02:00"],
]

# --- 2. Qualtrics -----------------------------------------------------------------------------
Q_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
          "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
          "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
Q_LABELS = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
            "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name",
            "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
            "Distribution Channel", "User Language"]
Q_IDS = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished", "recordedDate",
         "_recordId", "recipientLastName", "recipientFirstName", "recipientEmail", "externalDataReference",
         "locationLatitude", "locationLongitude", "distributionChannel", "userLanguage"]


def q_ids(ids: list[str], zone: str | None, quote: str = '"') -> list[str]:
    out = []
    for i in ids:
        if zone and i in ("startDate", "endDate", "recordedDate"):
            out.append(f'{{"ImportId":"{i}","timeZone":"{zone}"}}')
        elif quote == "'":
            out.append(f"{{'ImportId': '{i}'}}")
        else:
            out.append(f'{{"ImportId":"{i}"}}')
    return out


def q_row(day: str, status: str, finished: str, ref: str, rid: str, *answers: str) -> list[str]:
    return [f"{day} 09:00:00", f"{day} 09:04:10", status, "203.0.113.7", "100", "250", finished,
            f"{day} 09:04:11", rid, "Lee", "Pat", "pat@customer.example", ref, "47.6", "-122.3", "email", "EN",
            *answers]


# Ticket alone in ExternalReference, agent in embedded data, 0..10 recodes with a 0 and a -99,
# a trailing empty column, no BOM, declared zone Europe/Zurich.
QUALTRICS_EMBEDDED = [
    Q_META + ["Q1", "Q2_TEXT", "AgentEmail", ""],
    Q_LABELS + ["How satisfied were you? (0 = not at all, 10 = completely)", "Why?", "AgentEmail", ""],
    q_ids(Q_IDS + ["QID1", "QID2_TEXT", "AgentEmail"], "Europe/Zurich") + [""],
    q_row("2026-10-05", "0", "1", "48500", "R_5aaa", "0", "Terrible", "ana@acme.example", ""),
    q_row("2026-10-06", "0", "1", "048501", "R_5aab", "10", "", "bo@acme.example", ""),
    q_row("2026-10-07", "0", "0", "48502", "R_5aac", "-99", "", "bo@acme.example", ""),
    q_row("2026-10-08", "4", "1", "48503", "R_5aad", "7", "ok", "ana@acme.example", ""),
]
# Older export: no timeZone key, single-quoted ImportIds, German question text in row 2.
QUALTRICS_OLD_DE = [
    Q_META + ["Q1", "Q2"],
    ["Anfangsdatum", "Enddatum", "Antworttyp", "IP-Adresse", "Fortschritt", "Dauer (in Sekunden)",
     "Fertig", "Aufgezeichnetes Datum", "Antwort-ID", "Nachname des Empfängers", "Vorname des Empfängers",
     "E-Mail-Adresse des Empfängers", "Externe Datenreferenz", "Breitengrad", "Längengrad", "Verteilungskanal",
     "Sprache", "Wie zufrieden waren Sie mit unserem Support?", "Was können wir besser machen?"],
    q_ids(Q_IDS + ["QID1", "QID2_TEXT"], None, quote="'"),
    q_row("2026-10-05", "0", "1", "48600|3812345670011", "R_6aaa", "4", "Gut"),
    q_row("2026-10-06", "0", "1", "48601|3812345670022", "R_6aab", "", "Keine Antwort"),
]
# Qualtrics CSV re-saved in Excel (NZ): dates lose seconds, day/month order, header rows kept.
QUALTRICS_EXCEL_NZ = [
    make_files.QUALTRICS_META, make_files.QUALTRICS_LABELS, make_files.qualtrics_import_ids("Pacific/Auckland"),
    ["9/11/2026 8:00", "9/11/2026 8:04", "0", "203.0.113.7", "100", "250", "1", "9/11/2026 8:04", "R_7aaa",
     "48700|3812345670011", "email", "EN", "5", "Great"],
    ["13/11/2026 17:54", "13/11/2026 17:58", "0", "203.0.113.7", "100", "250", "1", "13/11/2026 17:58",
     "R_7aab", "48701|3812345670022", "email", "EN", "3", ""],
]
# Score question is not Q1: Q1 is a product pick, CSAT is QID5 named Q5, choice text, TSV UTF-16.
QUALTRICS_Q5 = [
    Q_META + ["Q1", "Q5", "Q6_TEXT"],
    Q_LABELS + ["Which product did you contact us about?", "Overall, how satisfied are you with our support?",
                "Please tell us why"],
    q_ids(Q_IDS + ["QID1", "QID5", "QID6_TEXT"], "America/Denver"),
    q_row("2026-10-05", "IP Address", "True", "48800|3812345670011", "R_8aaa", "Billing", "Very satisfied",
          "ありがとう"),
    q_row("2026-10-06", "IP Address", "True", "48801|3812345670022", "R_8aab", "Shipping",
          "Very dissatisfied", "שלום"),
]
# Q2 is a second scored question (CES) and the comment is Q3_TEXT, labelled in German: Q2 is no comment.
QUALTRICS_CES_Q2 = [
    Q_META + ["Q1", "Q2", "Q3_TEXT"],
    Q_LABELS + ["How satisfied were you with the support you received?", "How easy was it to get help?",
                "Kommentar"],
    q_ids(Q_IDS + ["QID1", "QID2", "QID3_TEXT"], "America/Chicago"),
    q_row("2026-10-05", "0", "1", "49001|3812345670044", "R_0aaa", "5", "7", "Loved it"),
    q_row("2026-10-06", "0", "1", "49002|3812345670044", "R_0aab", "2", "3", ""),
]
# Legacy export (V1..V10) as TSV UTF-16 with an agent in embedded data.
QUALTRICS_LEGACY_TSV = [
    ["V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10", "Q1", "Q2", "AgentID"],
    ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress", "Status",
     "StartDate", "EndDate", "Finished", "How satisfied were you?", "Comments", "AgentID"],
    ["R_9aaa", "Default Response Set", "Anonymous", "48900", "", "203.0.113.9", "0",
     "2016-11-02 10:00:00", "2016-11-02 10:03:00", "1", "2", "", "00471"],
]

# --- 3. SurveyMonkey --------------------------------------------------------------------------
# Multi-column question (blank row-1 cells after the first), ticket only in Custom Data 1, agent as a
# custom variable `agent`, midnight and noon AM/PM, numeric-value export.
SURVEYMONKEY_MULTI = [
    ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
     "Last Name", "Custom Data 1", "agent", "How satisfied were you with the support you received?",
     "Which channels did you use?", "", "", "Any other comments?"],
    ["", "", "", "", "", "", "", "", "", "", "Response", "Email", "Chat", "Phone", "Open-Ended Response"],
    ["10045001533", "431234567", "10/05/2026 11:58:01 PM", "10/06/2026 12:02:30 AM", "198.51.100.4",
     "pat@customer.example", "", "", "0061001", "ana@acme.example", "5", "Email", "", "", ""],
    ["10045001534", "431234567", "10/07/2026 11:10:00 AM", "10/07/2026 12:12:45 PM", "198.51.100.5", "", "", "",
     "61002", "bo@acme.example", "1", "", "Chat", "Phone", "Never again"],
]

# --- 4. Google Forms --------------------------------------------------------------------------
# French sheet: localized Timestamp header, D/M/YYYY, a blank optional answer, 0..10 with a 0.
FORMS_FR = [
    ["Horodateur", "Adresse e-mail", "Numéro de ticket", "E-mail de l'agent",
     "Dans quelle mesure êtes-vous satisfait de l'aide reçue ?", "Commentaires"],
    ["01/09/2026 10:01:10", "c1@client.example", "70401", "ana@acme.example", "4", ""],
    ["13/10/2026 07:05:00", "c2@client.example", "70402", "bo@acme.example", "2", "Trop lent"],
]
# The same French sheet early in a month: no day above 12, so only the header's language tells the order.
FORMS_FR_EARLY = [FORMS_FR[0], ["03/10/2026 09:15:02", "c1@client.example", "70411", "ana@acme.example", "5", "Très bien"],
                  ["04/10/2026 14:00:00", "c2@client.example", "70412", "bo@acme.example", "2", ""]]
# Japanese Google Forms CSV: タイムスタンプ, YYYY/MM/DD, Japanese questions.
FORMS_JA = [
    ["タイムスタンプ", "メールアドレス", "チケット番号", "担当者のメールアドレス", "サポートにどの程度満足しましたか？", "コメント"],
    ["2026/10/05 9:15:02", "c1@kokyaku.example", "70451", "ana@acme.example", "5", "とても良い"],
    ["2026/10/06 14:00:00", "c2@kokyaku.example", "70452", "bo@acme.example", "2", ""],
]
# German Google Forms CSV: Zeitstempel, D.M.YYYY.
FORMS_DE = [
    ["Zeitstempel", "E-Mail-Adresse", "Ticketnummer", "E-Mail des Agenten",
     "Wie zufrieden sind Sie mit unserem Support?", "Was können wir verbessern?"],
    ["01.09.2026 10:01:10", "c1@kunde.example", "70501", "ana@acme.example", "5", ""],
    ["13.10.2026 07:05:00", "c2@kunde.example", "70502", "bo@acme.example", "1", "Zu langsam"],
]
# Older US sheet: "Email Address", agent id question, blank score (optional question), US AM/PM? no: 24 h.
FORMS_OLD = [
    ["Timestamp", "Email Address", "Ticket #", "Agent ID", "Rate your support experience (1-5)",
     "Anything else?"],
    ["9/1/2026 0:01:10", "c1@customer.example", "0070601", "007", "5", ""],
    ["9/2/2026 23:59:59", "c2@customer.example", "70602", "042", "", "no answer"],
]
# Sheets API with unformatted values: timestamps as serial numbers.
FORMS_SERIAL = [
    ["Timestamp", "Ticket number", "Agent email", "How satisfied are you?"],
    ["46266.5", "70701", "ana@acme.example", "4"],
    ["46267.25", "70702", "bo@acme.example", "5"],
]

# --- 5. Delighted -----------------------------------------------------------------------------
# Web CSV download [unverified names]: title-case, ISO-ish created time, NPS without survey_type.
DELIGHTED_WEB = [
    ["Response ID", "Score", "Comment", "Created At", "Updated At", "Name", "Email", "Ticket ID", "Agent Email",
     "Permalink"],
    ["931", "0", "Awful", "2026-09-10 00:26:40 UTC", "", "Pat", "pat@customer.example", "80301",
     "ana@acme.example", "https://delighted.com/r/931"],
    ["932", "10", "", "2026-09-10 01:26:40 UTC", "", "Kim", "kim@customer.example", "80302", "bo@acme.example",
     "https://delighted.com/r/932"],
    ["933", "6", "", "2026-09-10 02:26:40 UTC", "", "Lo", "lo@customer.example", "080303", "bo@acme.example",
     "https://delighted.com/r/933"],
]
# person_properties as one JSON object cell, epoch milliseconds.
DELIGHTED_OBJECT = [
    ["id", "survey_type", "score", "comment", "created_at", "person_properties", "permalink"],
    ["941", "csat", "5", "", "1789000000123", '{"ticket_id": "80401", "agent_email": "ana@acme.example"}',
     "https://delighted.com/r/941"],
    ["942", "csat", "2", "meh", "1789003600000", '{"ticket_id": "80402", "agent_email": "bo@acme.example"}',
     "https://delighted.com/r/942"],
]

# --- 6. Freshdesk -----------------------------------------------------------------------------
# Report-style title-case headers, words instead of codes.
FRESHDESK_WORDS = [
    ["Ticket ID", "Survey ID", "Agent ID", "Rating", "Feedback", "Created At"],
    ["93001", "11", "16000000001", "Extremely Happy", "", "2026-10-01T10:00:00Z"],
    ["93002", "11", "16000000002", "Very Unhappy", "Rude", "2026-10-02T11:00:00Z"],
    ["93003", "11", "16000000002", "Neutral", "", "2026-10-03T11:00:00Z"],
]
# Classic survey with words only.
FRESHDESK_CLASSIC_WORDS = [
    ["id", "survey_id", "agent_id", "ticket_id", "feedback", "rating", "created_at"],
    ["1", "12", "16000000001", "93101", "", "Happy", "2026-10-01T10:00:00Z"],
    ["2", "12", "16000000002", "93102", "Meh", "Unhappy", "2026-10-02T11:00:00Z"],
]

# --- 7. Intercom ------------------------------------------------------------------------------
# Report-style names, Fin words, naive UTC datetimes, a conversation never rated.
INTERCOM_REPORT = [
    ["Conversation ID", "Teammate email", "Rating", "Remark", "Rated at"],
    ["215471234567892", "ana@acme.example", "amazing", "", "2026-09-10 00:26:40"],
    ["215471234567893", "bo@acme.example", "terrible", "Useless bot", "2026-09-10 01:26:40"],
    ["215471234567894", "bo@acme.example", "", "", ""],
]
# A conversation dump made with pandas: the object's own "id", the rating as a Python dict in one cell,
# and None for a conversation never rated (an invalid row: Intercom's blank rating).
INTERCOM_DUMP = [
    ["id", "created_at", "updated_at", "admin_assignee_id", "conversation_rating"],
    ["215471234567897", "1760000000", "1760090000", "5123401",
     "{'rating': 4, 'remark': 'ok', 'created_at': 1760050000, 'customer': {'type': 'contact', 'id': '6500'}, "
     "'teammate': {'type': 'admin', 'id': '5123401'}}"],
    ["215471234567898", "1760000000", "1760090000", "5123402", "None"],
]

# --- 8. Gorgias -------------------------------------------------------------------------------
GORGIAS_VARIANT = [
    ["ticket_id", "score", "body_text", "scored_datetime", "sent_datetime", "assignee_user_id", "customer_id",
     "uri"],
    ["12101", "1", "", "2026-10-01T15:59:41.966927+00:00", "2026-10-01T09:05:00", "4711", "501",
     "/api/satisfaction-surveys/1"],
    ["12102", "", "", "", "2026-10-02T09:05:00", "4712", "502", "/api/satisfaction-surveys/2"],
    ["12103", "4", "Good", "2026-10-03T10:00:00", "2026-10-03T09:05:00", "4712", "503",
     "/api/satisfaction-surveys/3"],
]

# --- 9. Kustomer ------------------------------------------------------------------------------
KUSTOMER_API = [
    ["id", "satisfactionLevel.status", "satisfactionLevel.rating", "satisfactionLevel.score",
     "satisfactionLevel.updatedAt", "satisfactionLevel.answers", "assignedUsers"],
    ["5f1a2b3c4d5e6f7a8b9c0e01", "Commented", "4", "1", "2026-10-04T10:00:00.123Z",
     '[{"id": "q1", "answer": "Quick help"}]', "5f00000000000000000000aa"],
    ["5f1a2b3c4d5e6f7a8b9c0e02", "Cancelled", "", "", "2026-10-05T10:00:00.000Z", "", "5f00000000000000000000bb"],
]

# --- 10. Salesforce ---------------------------------------------------------------------------
# Report export: display names, locale dates, two numeric questions per response (CSAT and NPS).
SALESFORCE_REPORT = [
    ["Survey Response: Response ID", "Case: Case Number", "Case Owner: Email", "Question: Question Name",
     "Response: Number Value", "Response: Choice Value", "Survey Response: Completion Date"],
    ["0Mb000000000011", "00001126", "ana@acme.example", "How satisfied were you with your support experience?",
     "5", "", "9/20/2026 9:00 AM"],
    ["0Mb000000000011", "00001126", "ana@acme.example", "How likely are you to recommend us?", "0", "", "9/20/2026 9:00 AM"],
    ["0Mb000000000012", "00001127", "bo@acme.example", "How satisfied were you with your support experience?",
     "2", "", "9/21/2026 4:30 PM"],
]

# --- 11. Medallia Agent Connect ---------------------------------------------------------------
MEDALLIA_VARIANT = [
    ["request_id", "response_received_at", "star_rating", "comments", "comment", "ext_interaction_id",
     "employee_custom_id", "employee_email", "channel"],
    ["r-11", "2026-10-01T09:30:00Z", "1", "true", "Not helpful", "000193011", "E-042", "ana@acme.example", "chat"],
    ["r-12", "2026-10-02 10:15:00", "4", "false", "", "193012", "", "bo@acme.example", "email"],
]

# --- 12. Simplesat, Nicereply [unverified column names] ---------------------------------------
SIMPLESAT = [
    ["Response ID", "Date", "Ticket ID", "Customer Name", "Customer Email", "Team Member", "Team Member Email",
     "Question", "Rating", "Answer", "Comment", "Sentiment"],
    ["s-1", "2026-10-01 10:00:00", "95101", "Pat", "pat@customer.example", "Ana Silva", "ana@acme.example",
     "How would you rate our support?", "5", "Awesome", "Great", "positive"],
    ["s-2", "2026-10-02 11:00:00", "95102", "Kim", "kim@customer.example", "Bo Ek", "bo@acme.example",
     "How would you rate our support?", "2", "Bad", "", "negative"],
]
NICEREPLY = [
    ["Date", "Ticket", "Agent", "Customer", "Score", "Legacy score", "Comment", "Survey"],
    ["2026-10-01 10:00:00", "96101", "ana@acme.example", "pat@customer.example", "10", "10", "", "Stars"],
    ["2026-10-02 11:00:00", "96102", "bo@acme.example", "kim@customer.example", "3", "3", "Slow", "Stars"],
]

# --- 13. Spreadsheets -------------------------------------------------------------------------
# Excel "CSV" save of a plain API-field sheet in a Nordic/German Excel: cp1252, ';', no sep line,
# decimal comma absent, dates D.M.YYYY, a ticket id as 1,5E+15 (decimal comma E notation).
EXCEL_SEMI = [
    ["submitted_at", "ticket_id", "agent_id", "score", "comment"],
    ["15.04.2026 09:30", "1,23457E+15", "3812345670011", "5", "Sehr gut"],
    ["03.05.2026 14:05", "0094202", "3812345670022", "0", "Schlecht"],
]


def plain_book() -> list[list[object]]:
    """An xlsx: 16-digit id stored as a number (already damaged), text id with zeros, date cells, float score."""
    return [["submitted_at", "ticket_id", "agent_email", "score", "comment"],
            [datetime(2026, 10, 1, 8, 0, 0, 500000), "000123", "ana@acme.example", 4, "ok"],
            [datetime(2026, 10, 2, 9, 30), 9912141234567891, "bo@acme.example", 5.0, ""]]


TEXT_VARIANTS = {
    "v_zendesk_title.csv": (ZENDESK_TITLE, {}),
    "v_zendesk_email.csv": (ZENDESK_EMAIL, {}),
    "v_zendesk_name_email.csv": (ZENDESK_NAME_EMAIL, {}),
    "v_zendesk_excel_us.csv": (ZENDESK_EXCEL, {"encoding": "cp1252", "newline": "\r\n"}),
    "v_zendesk_updated_labels.csv": (ZENDESK_UPDATED_LABELS, {}),
    "v_qualtrics_embedded.csv": (QUALTRICS_EMBEDDED, {}),
    "v_qualtrics_old_de.csv": (QUALTRICS_OLD_DE, {"encoding": "utf-8-sig"}),
    "v_qualtrics_excel_nz.csv": (QUALTRICS_EXCEL_NZ, {"encoding": "cp1252", "newline": "\r\n"}),
    "v_qualtrics_ces_q2.csv": (QUALTRICS_CES_Q2, {}),
    "v_qualtrics_q5.tsv": (QUALTRICS_Q5, {"encoding": "utf-16", "delimiter": "\t", "newline": "\r\n"}),
    "v_qualtrics_legacy.tsv": (QUALTRICS_LEGACY_TSV, {"encoding": "utf-16", "delimiter": "\t", "newline": "\r\n"}),
    "v_surveymonkey_multi.csv": (SURVEYMONKEY_MULTI, {}),
    "v_forms_fr.csv": (FORMS_FR, {}),
    "v_forms_fr_early.csv": (FORMS_FR_EARLY, {}),
    "v_forms_ja.csv": (FORMS_JA, {}),
    "v_forms_de.csv": (FORMS_DE, {}),
    "v_forms_old.csv": (FORMS_OLD, {}),
    "v_forms_serial.csv": (FORMS_SERIAL, {}),
    "v_delighted_web.csv": (DELIGHTED_WEB, {}),
    "v_delighted_object.csv": (DELIGHTED_OBJECT, {}),
    "v_freshdesk_words.csv": (FRESHDESK_WORDS, {}),
    "v_freshdesk_classic_words.csv": (FRESHDESK_CLASSIC_WORDS, {}),
    "v_intercom_report.csv": (INTERCOM_REPORT, {}),
    "v_intercom_dump.csv": (INTERCOM_DUMP, {}),
    "v_gorgias.csv": (GORGIAS_VARIANT, {}),
    "v_kustomer_api.csv": (KUSTOMER_API, {}),
    "v_salesforce_report.csv": (SALESFORCE_REPORT, {}),
    "v_medallia.csv": (MEDALLIA_VARIANT, {}),
    "v_simplesat.csv": (SIMPLESAT, {}),
    "v_nicereply.csv": (NICEREPLY, {}),
    "v_excel_semicolon.csv": (EXCEL_SEMI, {"encoding": "cp1252", "delimiter": ";", "newline": "\r\n"}),
}
# The variants that found a bug, written into tests/files/ by --fixtures (tests/test_formats.py).
FIXTURES = ["v_zendesk_email.csv", "v_qualtrics_q5.tsv", "v_forms_de.csv", "v_forms_old.csv",
            "v_intercom_report.csv", "v_salesforce_report.csv", "v_simplesat.csv", "v_nicereply.csv",
            "v_kustomer_api.csv", "v_forms_fr_early.csv", "v_zendesk_name_email.csv", "v_qualtrics_ces_q2.csv",
            "v_intercom_dump.csv", "v_forms_ja.csv"]
BOOK_VARIANTS = {
    "v_surveymonkey_multi.xlsx": SURVEYMONKEY_MULTI,
    "v_plain.xlsx": plain_book(),
    "v_intercom_report.xlsx": [[int(c) if c.isdigit() else c for c in row] for row in INTERCOM_REPORT],
    "v_salesforce_report.xlsx": SALESFORCE_REPORT,
}


def main(folder: Path, names: list[str] | None = None) -> None:
    """Write the variants called `names` (default: all) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    make_files.HERE = folder
    for name, (rows, options) in TEXT_VARIANTS.items():
        if names is None or name in names:
            make_files.text(name, rows, **options)
    for name, rows in BOOK_VARIANTS.items():
        if names is None or name in names:
            make_files.xlsx(name, rows)


if __name__ == "__main__":
    if sys.argv[1:] == ["--fixtures"]:
        main(Path(__file__).resolve().parent, FIXTURES)
    else:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/csat-variants"))
