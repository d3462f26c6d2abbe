"""Every export layout of shared/formats/EXPORT-FORMATS.md, through `import_csat --dry-run --items-out`.

The files come from tests/files/make_files.py (invented values, real layouts).
Each expectation was worked out from EXPORT-FORMATS.md and shared/api/CONTRACT.md:
ids as typed, integer scores within min..max, min_score/max_score always sent,
naive times in the chosen zone (UTC unless a test says otherwise).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

FILES = Path(__file__).resolve().parent / "files"

pytestmark = pytest.mark.django_db


def run(name: str, tmp_path: Path, *options: str) -> tuple[dict, list[dict], str]:
    """import_csat on tests/files/<name>: (JSON summary or {}, written items, stderr)."""
    return run_path(FILES / name, tmp_path, *options)


def run_text(tmp_path: Path, name: str, text: str) -> tuple[dict, list[dict], str]:
    """`run` on a file `name` in `tmp_path` holding `text` (UTF-8)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_path(path, tmp_path)


def run_path(path: Path, tmp_path: Path, *options: str) -> tuple[dict, list[dict], str]:
    """import_csat --dry-run --json on `path`: (JSON summary or {}, written items, stderr); exit codes ignored."""
    items_out, out, err = tmp_path / "items.jsonl", io.StringIO(), io.StringIO()
    try:
        call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json",
                     *options, stdout=out, stderr=err)
    except SystemExit:
        pass
    summary = json.loads(out.getvalue()) if out.getvalue() else {}
    items = [json.loads(line) for line in items_out.read_text(encoding="utf-8").splitlines()] if items_out.exists() else []
    return summary, items, err.getvalue()


# file -> (preset chosen, (valid, invalid, skipped), items in UTC)
EXPECTED = {
    'qualtrics_choice_7point.csv': ('Qualtrics responses (choice text)', (3, 0, 0), [
        {"submitted_at": "2026-10-05T09:04:11.000Z", "ticket_id": "48400", "agent_id": "3812345670011", "score": 6, "score_label": "Moderately satisfied", "min_score": 1, "max_score": 7},
        {"submitted_at": "2026-10-06T09:04:11.000Z", "ticket_id": "48401", "agent_id": "3812345670011", "score": 7, "score_label": "Extremely satisfied", "min_score": 1, "max_score": 7},
        {"submitted_at": "2026-10-07T09:04:11.000Z", "ticket_id": "48402", "agent_id": "3812345670022", "score": 3, "score_label": "Slightly dissatisfied", "min_score": 1, "max_score": 7},
    ]),
    'german_headers.csv': ('Google Forms responses', (2, 0, 0), [
        {"submitted_at": "2026-04-15T09:30:00.000Z", "ticket_id": "94101", "agent_email": "anna@acme.example", "score": 5, "comment": "Schnelle Hilfe, danke für die Geduld", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-05-03T14:05:00.000Z", "ticket_id": "94102", "agent_email": "jörg@acme.example", "score": 2, "comment": "Über eine Woche", "min_score": 1, "max_score": 5},
    ]),
    'kustomer.csv': ('Kustomer conversation satisfaction', (2, 0, 1), [
        {"submitted_at": "2026-10-04T10:00:00.000Z", "ticket_id": "5f1a2b3c4d5e6f7a8b9c0d1e", "agent_email": "ana@acme.example", "score": 5, "comment": "Lovely", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-06T10:00:00.000Z", "ticket_id": "5f1a2b3c4d5e6f7a8b9c0d20", "agent_email": "bo@acme.example", "score": 2, "min_score": 1, "max_score": 5},
    ]),
    'delighted_nps.csv': ('Delighted survey responses', (3, 0, 0), [
        {"submitted_at": "2026-09-10T00:26:40.000Z", "ticket_id": "80201", "agent_id": "4711001", "score": 9, "min_score": 0, "max_score": 10},
        {"submitted_at": "2026-09-10T01:26:40.000Z", "ticket_id": "80202", "agent_id": "4711002", "score": 0, "comment": "Never", "min_score": 0, "max_score": 10},
        {"submitted_at": "2026-09-10T02:26:40.000Z", "ticket_id": "80203", "agent_id": "4711001", "score": 4, "min_score": 0, "max_score": 10},
    ]),
    'google_forms_nps.csv': ('Google Forms responses', (3, 0, 0), [
        {"submitted_at": "2026-09-01T10:01:10.000Z", "ticket_id": "70301", "agent_email": "ana@acme.example", "score": 10, "min_score": 0, "max_score": 10},
        {"submitted_at": "2026-09-02T11:00:00.000Z", "ticket_id": "70302", "agent_email": "bo@acme.example", "score": 0, "comment": "Slow", "min_score": 0, "max_score": 10},
        {"submitted_at": "2026-09-03T12:00:00.000Z", "ticket_id": "70303", "agent_email": "bo@acme.example", "score": 7, "min_score": 0, "max_score": 10},
    ]),
    'zendesk_tickets.csv': ('Zendesk tickets with satisfaction ratings', (2, 0, 2), [
        {"submitted_at": "2026-09-02T10:00:00.000Z", "ticket_id": "53001", "agent_id": "3812345670011", "score": 0, "score_label": "bad", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-09-04T11:30:00.000Z", "ticket_id": "53002", "agent_id": "3812345670022", "score": 1, "comment": "Fixed in minutes", "score_label": "good", "min_score": 0, "max_score": 1},
    ]),
    'freshdesk_ratings_json.csv': ('Freshdesk satisfaction ratings (7-point)', (2, 0, 0), [
        {"submitted_at": "2026-10-01T10:00:00.000Z", "ticket_id": "92001", "agent_id": "16000000001", "score": 6, "score_label": "Very Happy", "min_score": 1, "max_score": 7},
        {"submitted_at": "2026-10-02T11:00:00.000Z", "ticket_id": "92002", "agent_id": "16000000002", "score": 3, "comment": "Rude", "score_label": "Unhappy", "min_score": 1, "max_score": 7},
    ]),
    'zendesk_legacy.csv': ('Zendesk satisfaction ratings', (3, 0, 2), [
        {"submitted_at": "2026-09-01T12:30:15.000Z", "ticket_id": "51001", "agent_id": "3812345670011", "score": 1, "comment": "Quick and kind.", "score_label": "good", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-09-03T09:15:00.000Z", "ticket_id": "51002", "agent_id": "3812345670022", "score": 0, "comment": "Nobody answered for two days.", "score_label": "bad", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-09-05T21:45:00.000Z", "ticket_id": "51005", "agent_id": "3812345670033", "score": 1, "score_label": "Good", "min_score": 0, "max_score": 1},
    ]),
    'zendesk_legacy.xlsx': ('Zendesk satisfaction ratings', (3, 0, 2), [
        {"submitted_at": "2026-09-01T12:30:15.000Z", "ticket_id": "51001", "agent_id": "3812345670011", "score": 1, "comment": "Quick and kind.", "score_label": "good", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-09-03T09:15:00.000Z", "ticket_id": "51002", "agent_id": "3812345670022", "score": 0, "comment": "Nobody answered for two days.", "score_label": "bad", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-09-05T21:45:00.000Z", "ticket_id": "51005", "agent_id": "3812345670033", "score": 1, "score_label": "Good", "min_score": 0, "max_score": 1},
    ]),
    'zendesk_updated.csv': ('Zendesk CSAT survey responses (updated CSAT)', (3, 0, 0), [
        {"submitted_at": "2026-09-10T11:00:00.000Z", "ticket_id": "52001", "agent_id": "3812345670011", "score": 5, "comment": "Great.", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-09-11T07:30:00.000Z", "ticket_id": "52002", "agent_id": "3812345670022", "score": 2, "comment": "Slow.", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-09-12T10:05:00.000Z", "ticket_id": "52003", "agent_id": "3812345670022", "score": 3, "min_score": 1, "max_score": 5},
    ]),
    'qualtrics_numeric.csv': ('Qualtrics responses (numeric values)', (2, 0, 1), [
        {"submitted_at": "2026-10-05T14:04:11.000Z", "ticket_id": "48100", "agent_id": "3812345670011", "score": 5, "comment": "Great", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-07T14:04:11.000Z", "ticket_id": "048102", "agent_id": "3812345670022", "score": 2, "comment": "Meh", "min_score": 1, "max_score": 5},
    ]),
    'qualtrics_choice_text.csv': ('Qualtrics responses (choice text)', (3, 0, 2), [
        {"submitted_at": "2026-10-05T15:04:11.000Z", "ticket_id": "48200", "agent_id": "3812345670011", "score": 5, "comment": "Loved it", "score_label": "Extremely satisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-07T15:04:11.000Z", "ticket_id": "48202", "agent_id": "3812345670022", "score": 2, "score_label": "Somewhat dissatisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-08T15:04:11.000Z", "ticket_id": "48203", "agent_id": "3812345670022", "score": 1, "comment": "Never again", "score_label": "Extremely dissatisfied", "min_score": 1, "max_score": 5},
    ]),
    'qualtrics_choice_text.tsv': ('Qualtrics responses (choice text)', (3, 0, 2), [
        {"submitted_at": "2026-10-05T15:04:11.000Z", "ticket_id": "48200", "agent_id": "3812345670011", "score": 5, "comment": "Loved it", "score_label": "Extremely satisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-07T15:04:11.000Z", "ticket_id": "48202", "agent_id": "3812345670022", "score": 2, "score_label": "Somewhat dissatisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-08T15:04:11.000Z", "ticket_id": "48203", "agent_id": "3812345670022", "score": 1, "comment": "Never again", "score_label": "Extremely dissatisfied", "min_score": 1, "max_score": 5},
    ]),
    'qualtrics_legacy.csv': ('Qualtrics responses (numeric values)', (1, 0, 1), [
        {"submitted_at": "2016-11-02T10:03:00.000Z", "ticket_id": "48300", "agent_id": "3812345670011", "score": 4, "comment": "Fine", "min_score": 1, "max_score": 5},
    ]),
    'surveymonkey.csv': ('SurveyMonkey all responses', (3, 0, 0), [
        {"submitted_at": "2026-10-06T00:02:30.000Z", "ticket_id": "60001", "agent_email": "ana@acme.example", "score": 5, "comment": "Thanks!", "score_label": "Very satisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-07T09:12:45.000Z", "ticket_id": "060002", "agent_email": "bo@acme.example", "score": 1, "comment": "Too slow", "score_label": "Very dissatisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-08T12:31:00.000Z", "ticket_id": "60003", "agent_email": "ana@acme.example", "score": 3, "score_label": "Neither satisfied nor dissatisfied", "min_score": 1, "max_score": 5},
    ]),
    'surveymonkey.xlsx': ('SurveyMonkey all responses', (3, 0, 0), [
        {"submitted_at": "2026-10-06T00:02:30.000Z", "ticket_id": "60001", "agent_email": "ana@acme.example", "score": 5, "comment": "Thanks!", "score_label": "Very satisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-07T09:12:45.000Z", "ticket_id": "060002", "agent_email": "bo@acme.example", "score": 1, "comment": "Too slow", "score_label": "Very dissatisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-08T12:31:00.000Z", "ticket_id": "60003", "agent_email": "ana@acme.example", "score": 3, "score_label": "Neither satisfied nor dissatisfied", "min_score": 1, "max_score": 5},
    ]),
    'google_forms_us.csv': ('Google Forms responses', (2, 0, 0), [
        {"submitted_at": "2026-09-01T10:01:10.000Z", "ticket_id": "70001", "agent_email": "ana@acme.example", "score": 5, "comment": "Great", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-13T07:05:00.000Z", "ticket_id": "70002", "agent_email": "bo@acme.example", "score": 3, "min_score": 1, "max_score": 5},
    ]),
    'google_forms_uk.csv': ('Google Forms responses', (2, 0, 0), [
        {"submitted_at": "2026-09-01T10:01:10.000Z", "ticket_id": "70101", "agent_email": "ana@acme.example", "score": 4, "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-13T07:05:00.000Z", "ticket_id": "70102", "agent_email": "bo@acme.example", "score": 2, "comment": "Slow", "min_score": 1, "max_score": 5},
    ]),
    'google_forms.xlsx': ('Google Forms responses', (2, 0, 0), [
        {"submitted_at": "2026-09-01T10:01:10.000Z", "ticket_id": "70201", "agent_email": "ana@acme.example", "score": 5, "comment": "Great", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-13T07:05:00.000Z", "ticket_id": "70202", "agent_email": "bo@acme.example", "score": 1, "min_score": 1, "max_score": 5},
    ]),
    'google_forms.ods': ('Google Forms responses', (2, 0, 0), [
        {"submitted_at": "2026-09-01T10:01:10.000Z", "ticket_id": "70201", "agent_email": "ana@acme.example", "score": 5, "comment": "Great", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-13T07:05:00.000Z", "ticket_id": "70202", "agent_email": "bo@acme.example", "score": 1, "min_score": 1, "max_score": 5},
    ]),
    'delighted.csv': ('Delighted survey responses', (3, 0, 0), [
        {"submitted_at": "2026-09-10T00:26:40.000Z", "ticket_id": "80001", "agent_email": "ana@acme.example", "score": 0, "comment": "Terrible", "min_score": 0, "max_score": 10},
        {"submitted_at": "2026-09-10T01:26:40.000Z", "ticket_id": "80002", "agent_email": "bo@acme.example", "score": 10, "min_score": 0, "max_score": 10},
        {"submitted_at": "2026-09-10T02:26:40.000Z", "ticket_id": "80003", "agent_email": "ana@acme.example", "score": 4, "comment": "Nice", "min_score": 1, "max_score": 5},
    ]),
    'delighted_properties.csv': ('Delighted survey responses', (2, 0, 0), [
        {"submitted_at": "2026-09-10T00:26:40.000Z", "ticket_id": "80101", "agent_email": "ana@acme.example", "score": 5, "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-09-10T01:26:40.000Z", "ticket_id": "80102", "agent_email": "bo@acme.example", "score": 1, "comment": "Bad", "min_score": 1, "max_score": 5},
    ]),
    'freshdesk_7point.csv': ('Freshdesk satisfaction ratings (7-point)', (3, 0, 0), [
        {"submitted_at": "2026-10-01T10:00:00.000Z", "ticket_id": "90001", "agent_id": "16000000001", "score": 7, "comment": "Superb", "score_label": "Extremely Happy", "min_score": 1, "max_score": 7},
        {"submitted_at": "2026-10-02T11:00:00.000Z", "ticket_id": "90002", "agent_id": "16000000002", "score": 1, "score_label": "Extremely Unhappy", "min_score": 1, "max_score": 7},
        {"submitted_at": "2026-10-03T12:00:00.000Z", "ticket_id": "90003", "agent_id": "16000000001", "score": 4, "score_label": "Neutral", "min_score": 1, "max_score": 7},
    ]),
    'freshdesk_classic.csv': ('Freshdesk satisfaction ratings (classic 3-point)', (3, 0, 0), [
        {"submitted_at": "2026-10-01T10:00:00.000Z", "ticket_id": "91001", "agent_id": "16000000001", "score": 3, "score_label": "Happy", "min_score": 1, "max_score": 3},
        {"submitted_at": "2026-10-02T11:00:00.000Z", "ticket_id": "91002", "agent_id": "16000000002", "score": 2, "comment": "Meh", "score_label": "Neutral", "min_score": 1, "max_score": 3},
        {"submitted_at": "2026-10-03T12:00:00.000Z", "ticket_id": "91003", "agent_id": "16000000001", "score": 1, "score_label": "Unhappy", "min_score": 1, "max_score": 3},
    ]),
    'gorgias.csv': ('Gorgias satisfaction surveys', (2, 0, 1), [
        {"submitted_at": "2026-10-01T15:59:41.966Z", "ticket_id": "12001", "agent_email": "ana@acme.example", "score": 5, "comment": "Perfect", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-03T10:00:00.123Z", "ticket_id": "12003", "agent_email": "bo@acme.example", "score": 2, "min_score": 1, "max_score": 5},
    ]),
    'intercom.csv': ('Intercom conversation ratings', (2, 0, 0), [
        {"submitted_at": "2026-09-10T00:26:40.000Z", "ticket_id": "215471234567890", "agent_id": "4711001", "score": 5, "comment": "Thanks a lot", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-09-11T00:26:40.000Z", "ticket_id": "215471234567891", "agent_id": "4711002", "score": 1, "min_score": 1, "max_score": 5},
    ]),
    'salesforce_long.csv': ('Salesforce survey responses', (2, 0, 1), [
        {"submitted_at": "2026-09-20T09:00:00.000Z", "ticket_id": "00001026", "agent_email": "ana@acme.example", "score": 4, "comment": "All good", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-09-21T08:30:00.000Z", "ticket_id": "00001027", "agent_email": "bo@acme.example", "score": 2, "min_score": 1, "max_score": 5},
    ]),
    'medallia_agent_connect.csv': ('Medallia Agent Connect responses', (1, 0, 1), [
        {"submitted_at": "2026-10-01T09:30:00.000Z", "ticket_id": "ZD-93001", "agent_email": "ana@acme.example", "score": 5, "min_score": 1, "max_score": 5},
    ]),
    'german_excel.csv': ('Plain API fields', (2, 0, 0), [
        {"submitted_at": "2026-04-15T09:30:00.000Z", "ticket_id": "94001", "agent_email": "jörg@acme.example", "score": 5, "comment": "Schnelle Hilfe, danke für die Geduld", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-05-03T14:05:00.000Z", "ticket_id": "94002", "agent_email": "anna@acme.example", "score": 2, "comment": "Über eine Woche gewartet; schade", "min_score": 1, "max_score": 5},
    ]),
    'unicode_text.txt': ('Plain API fields', (2, 0, 0), [
        {"submitted_at": "2026-10-01T08:00:00.000Z", "ticket_id": "95001", "agent_id": "3812345670011", "score": 4, "comment": "Très bien — merci", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-02T08:00:00.000Z", "ticket_id": "95002", "agent_id": "3812345670022", "score": 5, "comment": "素晴らしい", "min_score": 1, "max_score": 5},
    ]),
    'excel_97.xls': ('Plain API fields', (2, 0, 0), [
        {"submitted_at": "2026-10-01T08:00:00.000Z", "ticket_id": "00097001", "agent_id": "3812345670011", "score": 4, "comment": "ok", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-02T09:30:00.000Z", "ticket_id": "97002", "agent_id": "3812345670022", "score": 5, "min_score": 1, "max_score": 5},
    ]),
    'epoch_1904.xlsx': ('Plain API fields', (1, 0, 0), [
        {"submitted_at": "2026-10-01T08:00:00.000Z", "ticket_id": "98001", "agent_id": "3812345670011", "score": 3, "min_score": 1, "max_score": 5},
    ]),
    # variants (tests/files/make_variants.py) that each found a bug
    'v_zendesk_email.csv': ('Zendesk satisfaction ratings', (2, 1, 1), [
        {"submitted_at": "2026-09-01T11:00:00.000Z", "ticket_id": "51501", "agent_email": "ana@acme.example", "score": 1, "score_label": "good", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-09-03T10:00:00.000Z", "ticket_id": "51503", "agent_email": "bo@acme.example", "score": 0, "comment": "Slow", "score_label": "bad", "min_score": 0, "max_score": 1},
    ]),
    'v_qualtrics_q5.tsv': ('Qualtrics responses (choice text)', (2, 0, 0), [
        {"submitted_at": "2026-10-05T15:04:11.000Z", "ticket_id": "48800", "agent_id": "3812345670011", "score": 5, "comment": "ありがとう", "score_label": "Very satisfied", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-06T15:04:11.000Z", "ticket_id": "48801", "agent_id": "3812345670022", "score": 1, "comment": "שלום", "score_label": "Very dissatisfied", "min_score": 1, "max_score": 5},
    ]),
    'v_forms_de.csv': ('Google Forms responses', (2, 0, 0), [
        {"submitted_at": "2026-09-01T10:01:10.000Z", "ticket_id": "70501", "agent_email": "ana@acme.example", "score": 5, "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-13T07:05:00.000Z", "ticket_id": "70502", "agent_email": "bo@acme.example", "score": 1, "comment": "Zu langsam", "min_score": 1, "max_score": 5},
    ]),
    'v_zendesk_name_email.csv': ('Zendesk satisfaction ratings', (2, 0, 0), [
        {"submitted_at": "2026-09-01T10:00:00.000Z", "ticket_id": "51601", "agent_email": "ana@acme.example", "score": 1, "comment": "Thanks", "score_label": "good", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-09-01T11:00:00.000Z", "ticket_id": "51602", "agent_email": "bo@acme.example", "score": 0, "score_label": "bad", "min_score": 0, "max_score": 1},
    ]),
    'v_qualtrics_ces_q2.csv': ('Qualtrics responses (numeric values)', (2, 0, 0), [
        {"submitted_at": "2026-10-05T14:04:11.000Z", "ticket_id": "49001", "agent_id": "3812345670044", "score": 5, "comment": "Loved it", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-06T14:04:11.000Z", "ticket_id": "49002", "agent_id": "3812345670044", "score": 2, "min_score": 1, "max_score": 5},
    ]),
    'v_intercom_dump.csv': ('Intercom conversation ratings', (1, 0, 1), [  # the unrated one skipped (QA 51c)
        {"submitted_at": "2025-10-09T22:46:40.000Z", "ticket_id": "215471234567897", "agent_id": "5123401", "score": 4, "comment": "ok", "min_score": 1, "max_score": 5},
    ]),
    'v_forms_ja.csv': ('Google Forms responses', (2, 0, 0), [
        {"submitted_at": "2026-10-05T09:15:02.000Z", "ticket_id": "70451", "agent_email": "ana@acme.example", "score": 5, "comment": "とても良い", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-06T14:00:00.000Z", "ticket_id": "70452", "agent_email": "bo@acme.example", "score": 2, "min_score": 1, "max_score": 5},
    ]),
    'v_forms_fr_early.csv': ('Google Forms responses', (2, 0, 0), [
        {"submitted_at": "2026-10-03T09:15:02.000Z", "ticket_id": "70411", "agent_email": "ana@acme.example", "score": 5, "comment": "Très bien", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-04T14:00:00.000Z", "ticket_id": "70412", "agent_email": "bo@acme.example", "score": 2, "min_score": 1, "max_score": 5},
    ]),
    'v_forms_old.csv': ('Google Forms responses', (1, 1, 0), [
        {"submitted_at": "2026-09-01T00:01:10.000Z", "ticket_id": "0070601", "agent_id": "007", "score": 5, "min_score": 1, "max_score": 5},
    ]),
    'v_intercom_report.csv': ('Intercom conversation ratings', (2, 1, 0), [
        {"submitted_at": "2026-09-10T00:26:40.000Z", "ticket_id": "215471234567892", "agent_email": "ana@acme.example", "score": 5, "score_label": "amazing", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-09-10T01:26:40.000Z", "ticket_id": "215471234567893", "agent_email": "bo@acme.example", "score": 1, "comment": "Useless bot", "score_label": "terrible", "min_score": 1, "max_score": 5},
    ]),
    'v_salesforce_report.csv': ('Salesforce survey responses', (2, 0, 1), [
        {"submitted_at": "2026-09-20T09:00:00.000Z", "ticket_id": "00001126", "agent_email": "ana@acme.example", "score": 5, "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-09-21T16:30:00.000Z", "ticket_id": "00001127", "agent_email": "bo@acme.example", "score": 2, "min_score": 1, "max_score": 5},
    ]),
    'v_simplesat.csv': ('Auto-detected columns', (2, 0, 0), [
        {"submitted_at": "2026-10-01T10:00:00.000Z", "ticket_id": "95101", "agent_email": "ana@acme.example", "score": 5, "comment": "Great", "min_score": 1, "max_score": 5},
        {"submitted_at": "2026-10-02T11:00:00.000Z", "ticket_id": "95102", "agent_email": "bo@acme.example", "score": 2, "min_score": 1, "max_score": 5},
    ]),
    'v_kustomer_api.csv': ('Kustomer conversation satisfaction', (1, 0, 1), [
        {"submitted_at": "2026-10-04T10:00:00.123Z", "ticket_id": "5f1a2b3c4d5e6f7a8b9c0e01", "agent_id": "5f00000000000000000000aa", "score": 4, "min_score": 1, "max_score": 5},
    ]),
    'v_nicereply.csv': ('Nicereply ratings', (2, 0, 0), [
        {"submitted_at": "2026-10-01T10:00:00.000Z", "ticket_id": "96101", "agent_email": "ana@acme.example", "score": 10, "min_score": 1, "max_score": 10},
        {"submitted_at": "2026-10-02T11:00:00.000Z", "ticket_id": "96102", "agent_email": "bo@acme.example", "score": 3, "comment": "Slow", "min_score": 1, "max_score": 10},
    ]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_reads_each_export_layout_exactly(name: str, tmp_path: Path) -> None:
    preset, counts, wanted = EXPECTED[name]
    summary, items, _ = run(name, tmp_path, "--time-zone", "UTC")
    assert summary["detected"]["preset"] == preset
    assert (summary["valid"], summary["invalid"], summary["skipped"]) == counts
    assert items == wanted


@pytest.mark.parametrize(("name", "zone", "stamps"), [
    ("surveymonkey.csv", "America/New_York",
     ["2026-10-06T04:02:30.000Z", "2026-10-07T13:12:45.000Z", "2026-10-08T16:31:00.000Z"]),
    ("google_forms_us.csv", "America/New_York", ["2026-09-01T14:01:10.000Z", "2026-10-13T11:05:00.000Z"]),
    ("google_forms_uk.csv", "Europe/Berlin", ["2026-09-01T08:01:10.000Z", "2026-10-13T05:05:00.000Z"]),
    ("google_forms.xlsx", "America/New_York", ["2026-09-01T14:01:10.000Z", "2026-10-13T11:05:00.000Z"]),
    ("gorgias.csv", "America/New_York", ["2026-10-01T19:59:41.966Z", "2026-10-03T14:00:00.123Z"]),
    ("german_excel.csv", "Europe/Berlin", ["2026-04-15T07:30:00.000Z", "2026-05-03T12:05:00.000Z"]),
    ("german_headers.csv", "Europe/Berlin", ["2026-04-15T07:30:00.000Z", "2026-05-03T12:05:00.000Z"]),
    ("excel_97.xls", "Europe/Berlin", ["2026-10-01T06:00:00.000Z", "2026-10-02T07:30:00.000Z"]),
    # absolute or declared times do not move with the chosen zone
    ("qualtrics_numeric.csv", "Europe/Berlin", ["2026-10-05T14:04:11.000Z", "2026-10-07T14:04:11.000Z"]),
    ("medallia_agent_connect.csv", "America/New_York", ["2026-10-01T09:30:00.000Z"]),
    ("delighted.csv", "America/New_York",
     ["2026-09-10T00:26:40.000Z", "2026-09-10T01:26:40.000Z", "2026-09-10T02:26:40.000Z"]),
])
def test_it_reads_naive_times_in_the_chosen_zone_only(name: str, zone: str, stamps: list[str],
                                                       tmp_path: Path) -> None:
    _, items, _ = run(name, tmp_path, "--time-zone", zone)
    assert [item["submitted_at"] for item in items] == stamps


def test_it_reports_how_it_read_a_utf16_qualtrics_tsv(tmp_path: Path) -> None:
    summary, _, _ = run("qualtrics_choice_text.tsv", tmp_path)
    detected = summary["detected"]
    assert (detected["format"], detected["encoding"], detected["delimiter"]) == ("csv", "utf-16-le", "\t")
    assert detected["decisions"][0] == "'RecordedDate' read in America/Denver, declared by the file"
    assert detected["columns"]["score"] == {
        "column": "Q1", "reason": "preset 'Qualtrics responses (choice text)' takes score from column 'Q1'"}
    assert detected["columns"]["ticket_id"] == {
        "column": "ExternalReference", "reason": "split out of 'ExternalReference' at '|'"}


def test_it_reads_a_german_excel_csv_day_first(tmp_path: Path) -> None:
    summary, _, _ = run("german_excel.csv", tmp_path)
    assert (summary["detected"]["encoding"], summary["detected"]["delimiter"]) == ("cp1252", ";")
    assert summary["detected"]["decisions"][0] == (
        "'submitted_at' read as day/month/year, because of 15.04.2026 09:30 in row 2")


def test_it_refuses_an_html_table_named_xls_with_a_clear_message(tmp_path: Path) -> None:
    summary, items, err = run("html_table.xls", tmp_path)
    assert (summary, items) == ({}, [])
    assert err == ("html_table.xls: This file is an HTML page saved with an .xls name; "
                   "open it in Excel and save it as .xlsx or CSV.\n")


@pytest.mark.parametrize("flag", ["VRAI", "WAHR", "VERDADERO", "PRAWDA"])
def test_a_localised_excels_comment_flag_is_no_comment(flag: str, tmp_path: Path) -> None:
    """QA round 60a: Medallia's `comments` flag re-saved by a French Excel went out as the comment "VRAI"."""
    text = (FILES / "medallia_agent_connect.csv").read_text(encoding="utf-8").replace(",true,", f",{flag},")
    summary, items, _ = run_text(tmp_path, "medallia_fr.csv", text)
    assert summary["detected"]["preset"] == "Medallia Agent Connect responses"
    assert items == [{"submitted_at": "2026-10-01T09:30:00.000Z", "ticket_id": "ZD-93001",
                      "agent_email": "ana@acme.example", "score": 5, "min_score": 1, "max_score": 5}]


def test_it_refuses_ids_excel_already_damaged(tmp_path: Path) -> None:
    summary, items, _ = run("excel_damaged_ids.csv", tmp_path)
    assert (summary["valid"], summary["invalid"]) == (1, 1)
    assert [item["ticket_id"] for item in items] == ["922250816602"]


def test_it_reads_serial_numbers_in_a_1904_workbooks_own_date_system(tmp_path: Path) -> None:
    import datetime

    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active.append(["submitted_at", "ticket_id", "agent_id", "score"])
    book.active.append([datetime.datetime(2026, 3, 8, 7, 30), "T-1", "A-01", 5])
    book.active.append([44627.3125, "T-2", "A-01", 4])  # a plain number: 2026-03-08 07:30 counted from 1904
    book.save(tmp_path / "mac.xlsx")
    items_out, out = tmp_path / "items.jsonl", io.StringIO()

    call_command("import_csat", str(tmp_path / "mac.xlsx"), "--dry-run", "--items-out", str(items_out), "--json",
                 stdout=out)

    stamps = [json.loads(line)["submitted_at"] for line in items_out.read_text().splitlines()]
    assert stamps == ["2026-03-08T07:30:00.000Z", "2026-03-08T07:30:00.000Z"]
    assert ("'submitted_at': 1 plain number(s) read as Excel serial dates of the workbook's 1904 date system"
            in json.loads(out.getvalue())["detected"]["decisions"])


def test_it_skips_the_salesforce_rows_of_other_questions(tmp_path: Path) -> None:
    summary, items, _ = run("salesforce_long.csv", tmp_path)
    assert summary["skipped"] == 1
    assert [item["ticket_id"] for item in items] == ["00001026", "00001027"]


def test_it_takes_the_word_scale_from_every_row_a_qualtrics_preview_included(tmp_path: Path) -> None:
    """The preview and test rows (skipped) show the survey's 'Satisfied' and 'Very dissatisfied': a 7-point wording."""
    summary, items, _ = run("qualtrics_choice_preview_words.csv", tmp_path)
    assert summary["detected"]["decisions"][1].startswith("Answers read as a 7-point wording")
    assert [(item["score_label"], item["score"], item["max_score"]) for item in items] == [
        ("Very satisfied", 7, 7), ("Somewhat dissatisfied", 3, 7), ("Neither satisfied nor dissatisfied", 4, 7),
        ("Somewhat satisfied", 5, 7)]


@pytest.mark.parametrize(("rows", "scale"), [
    ("2,Good\n1,Bad\n2,Good\n", (1, 2)),  # labels Good and Bad, scores 1 and 2: a 2-point survey
    ("2,Good\n2,Good\n", (1, 2)),
    ("2,Good\nfive,Good\n1,Bad\n", (1, 2)),  # a score that is no number is that row's problem
    ("1,Bad\n1,Bad\n", (1, 5)),  # only Bad answers: nothing tells a 2-point survey from a 5-point one
    ("2,Bad\n1,Bad\n", (1, 5)),  # 2 labelled Bad: a 5-point survey read as good/bad
    ("5,Good\n1,Bad\n", (1, 5)),
    ("3,Good\n2,Bad\n1,Bad\n", (1, 3)),  # 3 labelled Good: a 3-point survey (QA round 33b; 5-point's 3 is Bad)
    ("3,Bad\n4,Good\n", (1, 5)),
])
def test_it_reads_zendesk_updated_csat_on_2_or_3_points_when_its_labels_say_so(rows, scale, tmp_path: Path) -> None:
    path = tmp_path / "updated.csv"
    lines = [f"15400{n},3812345670011,{row},2026-10-01T10:00:00Z,2026-10-01T11:00:00Z"
             for n, row in enumerate(rows.splitlines())]
    path.write_text("ticket_id,assignee_id,score,rating_label,created_at,updated_at\n" + "\n".join(lines) + "\n")
    items_out, out = tmp_path / "items.jsonl", io.StringIO()

    with contextlib.suppress(SystemExit):  # a row with the score "five" is invalid: exit status 1
        call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)

    items = [json.loads(line) for line in items_out.read_text().splitlines()]
    assert {(item["min_score"], item["max_score"]) for item in items} == {scale}
    decisions = json.loads(out.getvalue())["detected"]["decisions"]
    assert any(text.startswith(f"Scores read on the scale 1..{scale[1]}, a {scale[1]}-point survey")
               for text in decisions) == (scale != (1, 5))


def test_zendesk_updated_csat_with_no_score_above_3_says_the_survey_may_be_a_3_point_one(tmp_path: Path) -> None:
    """QA round 60b: a Zendesk updated-CSAT file of 1s, 2s and 3s, no labels, went out on 1..5 without a word."""
    lines = [f"15400{n},3812345670011,{score},2026-10-01T10:00:00Z,2026-10-01T11:00:00Z"
             for n, score in enumerate([3, 1, 3, 2, 3])]
    summary, items, _ = run_text(tmp_path, "updated.csv", "ticket_id,assignee_id,score,created_at,updated_at\n"
                                 + "\n".join(lines) + "\n")
    assert {(item["min_score"], item["max_score"]) for item in items} == {(1, 5)}
    assert ("No score in this file is above 3: read on 1..5, as nothing in the file names its scale; if the survey's "
            "scale is 1..3 (a 3-face smiley survey), set Highest score 3 on the mapping page"
            ) in summary["detected"]["decisions"]


@pytest.mark.parametrize(("name", "text"), [
    ("surveymonkey_ticket_question.csv",
     "Respondent ID,Collector ID,Start Date,End Date,Custom Data 1,agent_email,Was your ticket resolved?,"
     "How satisfied were you with the handling of your ticket?\n,,,,,,Response,Response\n"
     "118052219801,431277111,10/14/2026 09:00:00 AM,10/14/2026 09:05:00 AM,272001,ana@example.com,Yes,Satisfied\n"),
    ("delighted_ticket_url.csv",
     "id,survey_type,score,comment,created_at,person_properties.Ticket URL,person_properties.Zendesk Ticket ID,"
     "person_properties.Agent Email\n"
     "9301,csat,4,,1791968700,https://acme.zendesk.com/agent/tickets/272001,272001,ana@example.com\n"),
])
def test_it_passes_over_a_ticket_column_that_holds_no_ids(name: str, text: str, tmp_path: Path) -> None:
    """A question mentioning the ticket (answers Yes, Satisfied) or a ticket's link is not its id."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    items_out = tmp_path / "items.jsonl"

    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), stdout=io.StringIO())

    item = json.loads(items_out.read_text())
    assert (item["ticket_id"], item["agent_email"], item["score"]) == ("272001", "ana@example.com", 4)


def team_sheet(tmp_path: Path, header: str, scores: list[str]) -> tuple[list[dict], dict]:
    """import_csat --json on a team sheet whose score column `header` holds `scores`, one row each:
    (the items written, the JSON summary); an invalid row's SystemExit is expected."""
    path, items_out, out = tmp_path / "team.csv", tmp_path / "items.jsonl", io.StringIO()
    path.write_text(f"submitted_at,ticket_id,agent_email,{header}\n" + "".join(
        f"2026-10-05 15:0{n}:00,14280{n},ana@example.com,{score}\n" for n, score in enumerate(scores)), encoding="utf-8")
    with contextlib.suppress(SystemExit):
        call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)
    return [json.loads(line) for line in items_out.read_text().splitlines()], json.loads(out.getvalue())


def test_it_refuses_a_word_among_numeric_scores_instead_of_reading_a_word_scale(tmp_path: Path) -> None:
    items, _summary = team_sheet(tmp_path, "Rating", ["5", "4", "1", "good"])  # the "good" row is invalid
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [(5, 1, 5), (4, 1, 5),
                                                                                          (1, 1, 5)]


def test_a_number_among_words_is_the_typo_not_the_words(tmp_path: Path) -> None:
    items, _summary = team_sheet(tmp_path, "Rating", ["Good", "Bad", "Good", "Good", "5"])  # 5: above max_score 1
    assert [(item["score"], item["max_score"]) for item in items] == [(1, 1), (0, 1), (1, 1), (1, 1)]


def test_a_misspelt_word_among_satisfaction_words_is_refused_on_its_row_only(tmp_path: Path) -> None:
    """csat5 knows four of the five words; the fifth is no scale's word, so it is a typo (QA round 28)."""
    items, summary = team_sheet(tmp_path, "Score", ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied",
                                                    "Very satisified"])
    assert [(item["score"], item["max_score"]) for item in items] == [(5, 5), (4, 5), (3, 5), (2, 5)]
    assert [(row["row"], row["errors"]) for row in summary["row_results"]] == [(6, [
        "Row 6, column 'Score': 'Very satisified' is not an integer. Enter a whole number from 1 to 5 (or a word: "
        "very satisfied = 5, satisfied = 4, neutral = 3, dissatisfied = 2, very dissatisfied = 1)."])]  # its own words


def test_a_column_asking_the_recommend_question_on_every_row_gives_0_to_10(tmp_path: Path) -> None:
    """QA round 60a: a Simplesat NPS export (Question "How likely are you to recommend…" on every row) was held
    until the scale was set by hand."""
    question = "How likely are you to recommend Acme to a friend or colleague?"
    lines = [f"7310000{n},2026-11-09 09:40:12,Support NPS,{question},{score},ana@acme.example,304510{n}"
             for n, score in enumerate([10, 0, 7, 9])]
    summary, items, _ = run_text(tmp_path, "simplesat.csv", "Response ID,Created,Survey,Question,Rating,"
                                 "Team member email,Ticket ID\n" + "\n".join(lines) + "\n")
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [
        (10, 0, 10), (0, 0, 10), (7, 0, 10), (9, 0, 10)]
    assert (f"Scores read on the scale 0..10: every row's 'Question' asks '{question}', a likelihood-to-recommend "
            "question (NPS)") in summary["detected"]["decisions"]


def test_a_misspelt_word_among_good_and_bad_is_refused_on_its_row_only(tmp_path: Path) -> None:
    """QA round 60c: one "Goood" among Good and Bad made every row invalid, Offered ones too, "from 1 to 5"."""
    items, summary = team_sheet(tmp_path, "Satisfaction", ["Good", "Bad", "Goood", "Offered", "Good", "Bad", "Good"])
    assert [(item["score"], item["max_score"]) for item in items] == [(1, 1), (0, 1), (1, 1), (0, 1), (1, 1)]
    assert [(row["row"], row["status"]) for row in summary["row_results"]] == [(4, "invalid"), (5, "skipped")]
    assert summary["row_results"][0]["errors"] == [
        "Row 4, column 'Satisfaction': 'Goood' is not an integer. Enter a whole number from 0 to 1 (or a word: "
        "good = 1, bad = 0)."]


def test_a_four_point_wording_is_read_on_its_own_scale_not_as_csat5_with_typos(tmp_path: Path) -> None:
    """"Unsatisfied" and "Very unsatisfied" are two words of a 4-point wording, not misspelt csat5 words."""
    items, _summary = team_sheet(tmp_path, "Satisfaction", ["Very satisfied", "Satisfied", "Unsatisfied",
                                                            "Very unsatisfied", "Satisfied"])
    assert [(item["score"], item["max_score"]) for item in items] == [(4, 4), (3, 4), (2, 4), (1, 4), (3, 4)]


@pytest.mark.parametrize(("scores", "read"), [
    (["Very satisfied", "Very satisified", "Satisfied", "Dissatisifed", "Neutral", "Satisfied", "Very satisfied",
      "Dissatisfied", "Satisfied", "Neutral"],  # two typos: refused on their rows only
     [(5, 5), (4, 5), (3, 5), (4, 5), (5, 5), (2, 5), (4, 5), (3, 5)]),
    (["Très satisfait", "Plutôt satisfait", "Plutôt insatisfait", "Très insatisfait"],  # French 4-point
     [(4, 4), (3, 4), (2, 4), (1, 4)]),
    (["Muy satisfecha", "Satisfecho/a", "Insatisfecha", "Muy insatisfecho"], [(5, 5), (4, 5), (2, 5), (1, 5)]),
    (["Sehr zufrieden", "Teils/teils", "Unzufrieden"], [(5, 5), (3, 5), (2, 5)]),
    (["Very satisfied", "Neutral", "Unsatisfied", "Very unsatisfied"], [(5, 5), (3, 5), (2, 5), (1, 5)]),
    (["Tre\u0300s satisfait", "Satisfait"], [(5, 5), (4, 5)]),  # an accent typed apart (NFD)
    (["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied", "Very satisfied", "Satisfied",
      "Neutral", "Okay"], [(5, 5), (4, 5), (3, 5), (2, 5), (1, 5), (5, 5), (4, 5), (3, 5)]),  # Okay: its row only
    (["Äußerst zufrieden", "Eher zufrieden", "Weder zufrieden noch unzufrieden", "Eher unzufrieden"],
     [(5, 5), (4, 5), (3, 5), (2, 5)]),  # Qualtrics' German 5-point wording (QA round 32a)
    (["Très satisfaite", "Plutôt satisfait", "Ni satisfait ni insatisfait", "Plutôt insatisfaite"],
     [(5, 5), (4, 5), (3, 5), (2, 5)]),
    (["Molto soddisfatta", "Zadowolona", "Raczej niezadowolony", "Heel tevreden"], [(5, 5), (4, 5), (2, 5), (5, 5)]),
    (["Très satisfait", "Satisfait", "Neutre", "Pas satisfait", "Pas du tout satisfait"],
     [(5, 5), (4, 5), (3, 5), (2, 5), (1, 5)]),  # a French team survey's (QA round 52b: every row refused)
    (["Excelente", "Buena", "Regular", "Mala", "Muy mala"], [(5, 5), (4, 5), (3, 5), (2, 5), (1, 5)]),  # QA round 53b
    (["Sehr gut", "Gut", "Mittelmäßig", "Schlecht", "Sehr schlecht"], [(5, 5), (4, 5), (3, 5), (2, 5), (1, 5)]),
])
def test_it_reads_each_wording_of_a_satisfaction_scale(tmp_path: Path, scores, read) -> None:
    """QA round 31a and review 31: wordings and typos that made every row invalid."""
    items, _summary = team_sheet(tmp_path, "Satisfaction", scores)
    assert [(item["score"], item["max_score"]) for item in items] == read


def test_a_word_among_a_google_forms_7_point_scale_is_read_on_the_7_point_wording(tmp_path: Path) -> None:
    """csat5 cannot hold the 7s: the words are read on csat7, and the decision says so."""
    path = tmp_path / "forms.csv"
    path.write_text("Timestamp,Ticket number,Agent email,How satisfied were you?\n" + "".join(
        f"11/3/2026 14:05:0{n},15300{n},a@example.com,{score}\n" for n, score in enumerate(
            ["7", "6", "5", "7", "Satisfied"])), encoding="utf-8")
    items_out, out = tmp_path / "items.jsonl", io.StringIO()

    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)

    items = [json.loads(line) for line in items_out.read_text().splitlines()]
    assert [(item["score"], item["max_score"]) for item in items] == [(7, 7), (6, 7), (5, 7), (7, 7), (6, 7)]
    assert json.loads(out.getvalue())["detected"]["decisions"][2].startswith("Answers read as a 7-point wording")


def test_it_reads_a_one_item_list_of_kustomer_assigned_users_as_the_agent(tmp_path: Path) -> None:
    path = tmp_path / "kustomer.csv"
    path.write_text("id,assignedUsers,satisfactionLevel.status,satisfactionLevel.rating,satisfactionLevel.updatedAt\n"
                    "6a1e01,['5f1e01'],rated,5,2026-10-05T10:00:00.123Z\n"
                    "6a1e02,[],rated,4,2026-10-05T11:00:00.000Z\n"
                    "6a1e03,\"['5f1e01', '5f1e02']\",rated,3,2026-10-05T12:00:00.000Z\n", encoding="utf-8")
    items_out = tmp_path / "items.jsonl"

    with pytest.raises(SystemExit):  # row 3 names no agent, row 4 two
        call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), stdout=io.StringIO())

    assert json.loads(items_out.read_text()) == {
        "submitted_at": "2026-10-05T10:00:00.123Z", "ticket_id": "6a1e01", "agent_id": "5f1e01", "score": 5,
        "min_score": 1, "max_score": 5}


def test_it_reads_a_salesforce_rating_asked_as_a_choice(tmp_path: Path) -> None:
    path = tmp_path / "salesforce_choice.csv"
    path.write_text(
        "ResponseId,CaseNumber,Case Owner Email,QuestionName,Datatype,NumberValue,ChoiceValue,ResponseShortText,"
        "CompletionDateTime\n"
        "R1,00002001,o1@example.com,How satisfied are you?,Choice,,Very Satisfied,,2026-09-20T09:00:00.000+0000\n"
        "R1,00002001,o1@example.com,Any other comments?,Text,,,Great help,2026-09-20T09:00:00.000+0000\n"
        "R1,00002001,o1@example.com,Was it solved?,Choice,,Yes,,2026-09-20T09:00:00.000+0000\n"
        "R2,00002002,o2@example.com,How satisfied are you?,Choice,,Dissatisfied,,2026-09-21T09:00:00.000+0000\n"
        "R3,00002003,o2@example.com,How satisfied are you?,Rating,4,,,2026-09-22T09:00:00.000+0000\n",
        encoding="utf-8")
    items_out = tmp_path / "items.jsonl"

    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), stdout=io.StringIO())

    items = [json.loads(line) for line in items_out.read_text().splitlines()]
    assert [(item["ticket_id"], item["score"], item.get("score_label"), item.get("comment")) for item in items] == [
        ("00002001", 5, "Very Satisfied", "Great help"), ("00002002", 2, "Dissatisfied", None),
        ("00002003", 4, None, None)]
    assert {(item["min_score"], item["max_score"]) for item in items} == {(1, 5)}


def test_it_reads_an_api_object_dumped_in_one_cell_as_columns() -> None:
    from uploads import objectcells, parsing

    sheet = parsing.parse_file(FILES / "zendesk_tickets.csv")
    objectcells.expand_object_columns(sheet)
    assert sheet.columns[-5:] == ["satisfaction_rating", "satisfaction_rating.score", "satisfaction_rating.id",
                                  "satisfaction_rating.comment", "satisfaction_rating.reason"]
    assert sheet.rows[0][-4:] == ["bad", "57709674553241", "", "No reason provided"]
    assert sheet.rows[3][-4:] == ["", "", "", ""]
    assert sheet.notices == ["Cells holding objects or one-item lists were also read as the columns "
                             "satisfaction_rating.score, "
                             "satisfaction_rating.id, satisfaction_rating.comment, satisfaction_rating.reason."]


def test_it_reads_a_nicereply_agent_column_as_an_email_or_else_an_id(tmp_path: Path) -> None:
    path = tmp_path / "nicereply.csv"
    path.write_text("Date,Ticket,Agent,Score,Legacy score,Comment\n2026-10-05 10:00:00,218001,ana@example.com,5,10,\n"
                    "2026-10-05 11:00:00,218002,8812,4,8,\n", encoding="utf-8")
    items_out = tmp_path / "items.jsonl"

    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), stdout=io.StringIO())

    items = [json.loads(line) for line in items_out.read_text().splitlines()]
    assert [(item.get("agent_email"), item.get("agent_id")) for item in items] == [("ana@example.com", None),
                                                                                   (None, "8812")]


def test_it_reads_the_rated_teammate_inside_an_intercom_rating_object(tmp_path: Path) -> None:
    rating = ('{"type": "conversation_rating", "rating": 4, "remark": "ok", "created_at": 1791000000, '
              '"teammate": {"type": "admin", "id": 5123499}}')
    path = tmp_path / "conversations.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["id", "created_at", "admin_assignee_id", "conversation_rating"],
                                      ["215471234570005", "1790000000", "5123403", rating]])
    items_out = tmp_path / "items.jsonl"

    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), stdout=io.StringIO())

    assert json.loads(items_out.read_text()) == {
        "submitted_at": "2026-10-03T04:00:00.000Z", "ticket_id": "215471234570005", "agent_id": "5123499",
        "score": 4, "comment": "ok", "min_score": 1, "max_score": 5}


GOOGLE_FORMS_LOCALES = {
    "it": ("Informazioni cronologiche,Indirizzo email,Numero ticket,Quanto sei soddisfatto del supporto?,"
           "Email dell'operatore,Commenti\n03/11/2026 14.05.09,c@example.it,151001,5,operatore@example.com,Perfetto\n"),
    "pl": ("Sygnatura czasowa,Adres e-mail,Numer zgłoszenia,Jak bardzo jesteś zadowolony z obsługi?,"
           "E-mail konsultanta,Uwagi\n3.11.2026 14:05:09,c@example.pl,151001,5,operatore@example.com,Perfetto\n"),
    "pt": ("Carimbo de data/hora,Endereço de e-mail,Número do ticket,Qual o seu nível de satisfação com o "
           "atendimento?,E-mail do atendente,Comentários adicionais\n"
           "03/11/2026 14:05:09,c@example.pt,151001,5,operatore@example.com,Perfetto\n"),
    "nl": ("Tijdstempel,E-mailadres,Ticketnummer,Hoe tevreden bent u?,E-mailadres medewerker,Heeft u nog "
           "opmerkingen?\n3-11-2026 14:05:09,c@example.nl,151001,5,operatore@example.com,Perfetto\n"),
    "en": ("Timestamp,Email address,Ticket number,How satisfied were you with our support?,Agent email,"
           "Any other thoughts you want to share?\n11/3/2026 14:05:09,c@example.com,151001,5,operatore@example.com,"
           "Perfetto\n"),
}


@pytest.mark.parametrize("locale", GOOGLE_FORMS_LOCALES)
def test_it_reads_google_forms_sheets_in_more_languages(locale: str, tmp_path: Path) -> None:
    path = tmp_path / f"forms-{locale}.csv"
    path.write_text(GOOGLE_FORMS_LOCALES[locale], encoding="utf-8")
    items_out = tmp_path / "items.jsonl"

    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), stdout=io.StringIO())

    assert json.loads(items_out.read_text()) == {
        "submitted_at": "2026-11-03T14:05:09.000Z", "ticket_id": "151001", "agent_email": "operatore@example.com",
        "score": 5, "comment": "Perfetto", "min_score": 1, "max_score": 5}


def test_it_reads_the_first_sheet_whose_columns_give_a_ticket_a_score_and_a_date(tmp_path: Path) -> None:
    import openpyxl

    from uploads import intake

    book = openpyxl.Workbook()
    book.active.title = "Summary"
    for row in (["Week", "Agent", "Tickets", "Median score"], ["2026-W19", "agent.one@example.com", 12, 4]):
        book.active.append(row)
    responses = book.create_sheet("Responses")
    for row in (["Date", "Ticket", "Agent", "Score"], ["2026-05-04 10:00", "20001", "agent.one@example.com", 5]):
        responses.append(row)
    path = tmp_path / "weekly.xlsx"
    book.save(path)

    sheet, preset, _ = intake.read_file(path, path.name, intake.ReadOptions())
    chosen, _, _ = intake.read_file(path, path.name, intake.ReadOptions(sheet="Summary"))

    assert (sheet.sheet_name, preset.columns["ticket_id"], sheet.notices[0]) == ("Responses", "Ticket", (
        "The workbook has another sheet with data ('Summary'); sheet 'Responses' was read, the first whose columns "
        'give a ticket id and a score. To read another, choose it under "Read the file differently" '
        "(import_csat: --sheet NAME)."))
    assert chosen.sheet_name == "Summary"


def test_it_says_which_score_scale_the_file_was_read_on(tmp_path: Path) -> None:
    summary, _, _ = run("delighted_nps.csv", tmp_path)
    assert ("Scores read on the scale 0..10, the first of 1..5, 0..10 that holds every score in this file"
            in summary["detected"]["decisions"])


def test_it_tells_a_7_point_wording_from_a_5_point_one(tmp_path: Path) -> None:
    seven, _, _ = run("qualtrics_choice_7point.csv", tmp_path)
    five, _, _ = run("qualtrics_choice_text.csv", tmp_path)
    assert seven["detected"]["decisions"][1] == (
        "Answers read as a 7-point wording (extremely satisfied 7, moderately satisfied 6, slightly "
        "satisfied 5, neither satisfied nor dissatisfied 4, slightly dissatisfied 3, moderately dissatisfied 2, "
        "extremely dissatisfied 1)")  # of the file's own kind beside 'extremely satisfied' (QA round 57d)
    assert five["detected"]["decisions"][1].startswith("Answers read as a 5-point wording")


def outcomes(name: str) -> dict[int, tuple[str, str]]:
    """Row number -> (status, skip reason or the errors joined), as the preview shows them (UTC)."""
    from uploads import intake, validation

    path = FILES / name
    sheet, preset, _ = intake.read_file(path, name, intake.ReadOptions(time_zone="UTC"))
    rows = validation.check_sheet(sheet, preset, time_zone="UTC").rows
    return {row.row_number: (row.status, row.skip_reason or " ".join(e.message for e in row.errors))
            for row in rows}


def test_it_reads_only_the_rated_question_of_a_salesforce_long_export() -> None:
    assert outcomes("v_salesforce_report.csv")[3] == (
        "skipped", "Question: Question Name=How likely are you to recommend us?: another question of the survey "
        "(Salesforce exports one row per question); the score is the answer to 'How satisfied were you with "
        "your support experience?'")


def test_it_reads_zendesk_ratings_that_name_the_agent_by_email() -> None:
    found = outcomes("v_zendesk_email.csv")
    assert found[3] == ("skipped", "score 'offered': survey not answered (not a rating)")
    assert found[5] == ("invalid", "Row 5, column 'assignee_email': assignee_email is blank and there is no agent "
                                   "id column: no agent to credit. Fill in the agent's id or email, or map an agent "
                                   "column on the mapping page.")


def test_it_says_which_scale_a_nicereply_score_was_read_on(tmp_path: Path) -> None:
    summary, _, _ = run("v_nicereply.csv", tmp_path)
    assert ("Scores read on the scale 1..10: 'Legacy score' gives each answer again on 0..10, where a score of 10 is "
            "10" in summary["detected"]["decisions"])


@pytest.mark.parametrize(("pairs", "scale"), [
    ([("2", "10"), ("1", "0"), ("2", "10")], (1, 2)),  # thumbs
    ([("3", "10"), ("2", "5"), ("1", "0")], (1, 3)),  # 3 smileys
    ([("5", "5"), ("3", "3"), ("1", "1")], (1, 10)),  # 10 stars, the low ratings only
    ([("4", "7,5"), ("5", "10"), ("2", "2,5")], (1, 5)),  # 5 stars, a European Excel's decimals
    ([("3", ""), ("2", ""), ("1", "")], (1, 5)),  # no legacy score (retired in 2023): the first of score_scales
    ([("3", "10"), ("2", "9"), ("1", "0")], (1, 5)),  # pairs on no line: the first of score_scales
])
def test_nicereplys_legacy_score_gives_the_scale(pairs, scale, tmp_path: Path) -> None:
    """QA round 60a: thumbs and smileys surveys went out on 1..5, and 10 stars filtered to 5 or less too."""
    lines = [f"2026-10-0{n + 1} 10:00:00,2180{n},ana@example.com,{score},\"{tens}\",Stars"
             for n, (score, tens) in enumerate(pairs)]
    summary, items, _ = run_text(tmp_path, "nicereply.csv", "Date,Ticket,Agent,Score,Legacy score,Survey\n"
                                 + "\n".join(lines) + "\n")
    assert summary["detected"]["preset"] == "Nicereply ratings"
    assert {(item["min_score"], item["max_score"]) for item in items} == {scale}


def items_of(tmp_path: Path, name: str, text: str, *options: str) -> list[dict]:
    """import_csat --dry-run on `text` saved as tmp_path/name: the items it would send."""
    path, items_out = tmp_path / name, tmp_path / "items.jsonl"
    path.write_text(text, encoding="utf-8")
    with contextlib.suppress(SystemExit):
        call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), *options,
                     stdout=io.StringIO(), stderr=io.StringIO())
    return [json.loads(line) for line in items_out.read_text(encoding="utf-8").splitlines()]


def test_it_reads_a_salesforce_export_in_german_with_the_nps_question_first(tmp_path: Path) -> None:
    items = items_of(tmp_path, "sf.csv", (
        "Response ID,Completion Date,Question Name,Number Value,Choice Value,Response Short Text,Case Number,"
        "Case Owner Email\n"
        "R1,2026-10-05T14:48:00.000+0000,Wie wahrscheinlich ist es...weiterempfehlen?,9,,,00002001,ana@sf.example\n"
        "R1,2026-10-05T14:48:00.000+0000,Wie zufrieden waren Sie mit unserem Support?,5,,,00002001,ana@sf.example\n"
        "R1,2026-10-05T14:48:00.000+0000,Möchten Sie uns noch etwas mitteilen?,,,Schnell,00002001,ana@sf.example\n"))
    assert items == [{"submitted_at": "2026-10-05T14:48:00.000Z", "ticket_id": "00002001",
                      "agent_email": "ana@sf.example", "score": 5, "comment": "Schnell", "min_score": 1,
                      "max_score": 5}]


def test_it_reads_a_salesforce_rating_on_1_to_10_without_the_nps_answers(tmp_path: Path) -> None:
    items = items_of(tmp_path, "sf.csv", (
        "Response ID,Completion Date,Question Name,Number Value,Case Number,Case Owner Email\n"
        "R1,2026-10-05T14:48:00.000+0000,How likely are you to recommend us?,0,00005001,ana@sf.example\n"
        "R1,2026-10-05T14:48:00.000+0000,How satisfied were you? (1-10),8,00005001,ana@sf.example\n"
        "R2,2026-10-06T14:48:00.000+0000,How satisfied were you? (1-10),3,00005002,ana@sf.example\n"))
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [(8, 1, 10), (3, 1, 10)]


def test_it_reads_intercom_report_labels_with_their_emoji(tmp_path: Path) -> None:
    items = items_of(tmp_path, "ic.csv", (
        "Conversation ID,Conversation rating,Rated at,Teammate email\n"
        "215471234567890,🤩 Amazing,2026-10-05 14:48:00,ana@ic.example\n"
        "215471234567891,😃 Great,2026-10-05 15:00:00,bo@ic.example\n"
        "215471234567892,Great,2026-10-05 16:00:00,bo@ic.example\n"))
    assert [(item["score"], item["score_label"]) for item in items] == [(5, "🤩 Amazing"), (4, "😃 Great"), (4, "Great")]


def test_it_reads_a_zendesk_ticket_list_with_offered_ratings(tmp_path: Path) -> None:
    items = items_of(tmp_path, "zd.csv", (
        "Id,Requester,Subject,Assignee email,Created at,Updated at,Satisfaction Score,Satisfaction Comment\n"
        "65001,Cy,Refund,agent.one@example.com,2026-10-01T10:00:00-07:00,2026-10-05T14:48:00-07:00,Good,Quick fix\n"
        "65002,Cy,Login,agent.two@example.com,2026-10-01T10:00:00-07:00,2026-10-06T09:00:00-07:00,Bad,\n"
        "65003,Cy,Other,agent.two@example.com,2026-10-01T10:00:00-07:00,2026-10-06T10:00:00-07:00,Offered,\n"
        "65004,Cy,Other,agent.two@example.com,2026-10-01T10:00:00-07:00,2026-10-06T11:00:00-07:00,,\n"))
    assert items == [
        {"submitted_at": "2026-10-05T21:48:00.000Z", "ticket_id": "65001", "agent_email": "agent.one@example.com",
         "score": 1, "comment": "Quick fix", "score_label": "Good", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-10-06T16:00:00.000Z", "ticket_id": "65002", "agent_email": "agent.two@example.com",
         "score": 0, "score_label": "Bad", "min_score": 0, "max_score": 1}]


def test_it_takes_the_rating_question_over_a_google_forms_quiz_score(tmp_path: Path) -> None:
    items = items_of(tmp_path, "gf.csv", (
        "Timestamp,Email address,Score,Ticket ID,Agent email,How would you rate your experience?\n"
        "10/5/2026 14:48:10,c@example.org,0 / 0,80001,agent.one@example.com,5\n"
        "10/6/2026 9:05:00,c@example.org,0 / 0,80002,agent.one@example.com,2\n"))
    assert [item["score"] for item in items] == [5, 2]


def test_it_reads_the_ticket_and_agent_a_qualtrics_survey_keeps_in_embedded_data(tmp_path: Path) -> None:
    items = items_of(tmp_path, "qx.csv", (
        "RecordedDate,ResponseId,ExternalReference,Finished,Q1,ZendeskTicketID,AssigneeEmail\n"
        "Recorded Date,Response ID,External Data Reference,Finished,How satisfied were you?,ZendeskTicketID,"
        "AssigneeEmail\n"
        '"{""ImportId"":""recordedDate"",""timeZone"":""America/Chicago""}","{""ImportId"":""_recordId""}",'
        '"{""ImportId"":""externalDataReference""}","{""ImportId"":""finished""}","{""ImportId"":""QID1""}",'
        '"{""ImportId"":""ZendeskTicketID""}","{""ImportId"":""AssigneeEmail""}"\n'
        "2026-10-10 09:00:05,R_1,,1,5,71001,agent.one@example.com\n"))
    assert items == [{"submitted_at": "2026-10-10T14:00:05.000Z", "ticket_id": "71001",
                      "agent_email": "agent.one@example.com", "score": 5, "min_score": 1, "max_score": 5}]


def test_it_takes_a_salesforce_question_that_mentions_a_recommended_solution_for_the_rating(tmp_path: Path) -> None:
    items = items_of(tmp_path, "sf.csv", (
        "ResponseId,CaseNumber,Case Owner Email,QuestionName,NumberValue,CompletionDateTime\n"
        "R1,00003000,ana@example.com,How helpful was the solution our agent recommended?,4,2026-09-20T09:00:00.000+0000\n"
        "R1,00003000,ana@example.com,How easy was it to reach us?,7,2026-09-20T09:00:00.000+0000\n"))
    assert [(item["score"], item["max_score"]) for item in items] == [(4, 5)]


def test_it_reads_scores_written_out_of_10_on_a_10_point_scale(tmp_path: Path) -> None:
    items = items_of(tmp_path, "gf.csv", (
        "Timestamp,Ticket ID,Agent email,How would you rate us?\n"
        "10/5/2026 14:48:10,49000,ana@example.com,8/10\n10/6/2026 14:48:10,49001,ana@example.com,3/10\n"))
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [(8, 1, 10), (3, 1, 10)]


def test_it_sends_the_agent_email_when_the_agent_id_is_a_formulas_error(tmp_path: Path) -> None:
    items = items_of(tmp_path, "team.csv", "submitted_at,ticket_id,agent_id,agent_email,score\n"
                                           "2026-10-05T14:48:00Z,1,#N/A,a@example.com,5\n")
    assert items == [{"submitted_at": "2026-10-05T14:48:00.000Z", "ticket_id": "1", "agent_email": "a@example.com",
                      "score": 5, "min_score": 1, "max_score": 5}]


def test_it_reads_the_scale_a_qualtrics_question_names_in_its_second_header_row(tmp_path: Path) -> None:
    items = items_of(tmp_path, "qx.csv", (
        "RecordedDate,ResponseId,ExternalReference,Finished,Q1\n"
        "Recorded Date,Response ID,External Data Reference,Finished,\"On a scale from 0 to 10, how satisfied were "
        "you?\"\n"
        '"{""ImportId"":""recordedDate"",""timeZone"":""UTC""}","{""ImportId"":""_recordId""}",'
        '"{""ImportId"":""externalDataReference""}","{""ImportId"":""finished""}","{""ImportId"":""QID1""}"\n'
        "2026-10-10 09:00:05,R_1,71001|381,1,3\n2026-10-10 10:00:05,R_2,71002|381,1,6\n"))
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [(3, 0, 10), (6, 0, 10)]


def test_it_reads_a_google_forms_likelihood_to_recommend_question_on_0_to_10(tmp_path: Path) -> None:
    items = items_of(tmp_path, "gf.csv", (
        "Timestamp,Ticket ID,Agent email,How likely are you to recommend us to a friend or colleague?\n"
        "10/5/2026 14:48:10,60000,ana@example.com,9\n10/6/2026 14:48:10,60001,ana@example.com,10\n"))
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [(9, 0, 10), (10, 0, 10)]


def test_it_leaves_a_recommend_question_answered_on_1_to_5_to_the_presets_scale(tmp_path: Path) -> None:
    items = items_of(tmp_path, "gf.csv", (
        "Timestamp,Ticket ID,Agent email,How likely are you to recommend us to a friend?\n"
        "10/5/2026 14:48:10,60000,ana@example.com,5\n10/6/2026 14:48:10,60001,ana@example.com,3\n"))
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [(5, 1, 5), (3, 1, 5)]


@pytest.mark.parametrize(("scores", "read"), [
    (["Great", "Okay", "Not Good", "Great"], [(3, 1, 3), (2, 1, 3), (1, 1, 3), (3, 1, 3)]),  # Help Scout
    (["Good", "Okay", "Bad"], [(3, 1, 3), (2, 1, 3), (1, 1, 3)]),  # Zoho Desk
    (["Good", "Bad", "Good"], [(1, 0, 1), (0, 0, 1), (1, 0, 1)]),  # Zendesk's two words stay 0..1
    (["Reward", "Rebuke"], [(1, 0, 1), (0, 0, 1)]),  # LiveAgent
    (["Muito satisfeito", "Satisfeita", "Neutro", "Insatisfeito"], [(5, 1, 5), (4, 1, 5), (3, 1, 5), (2, 1, 5)]),
    (["Très satisfait", "Neutre", "Insatisfait"], [(5, 1, 5), (3, 1, 5), (2, 1, 5)]),
])
def test_it_reads_helpdesks_three_point_words_and_more_languages(tmp_path: Path, scores, read) -> None:
    """QA round 33a: every row of these was refused ("'Good' is not an integer"); the scale is said."""
    items, summary = team_sheet(tmp_path, "Rating", scores)
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == read
    assert any(decision.startswith(f"Answers read as a {read[0][2] - read[0][1] + 1}-point wording (")
               for decision in summary["detected"]["decisions"])


def test_intercoms_headers_with_another_helpdesks_three_words_read_them_on_their_scale(tmp_path: Path) -> None:
    """Front's and Help Scout's Great, Okay, Bad under Intercom's headers were 4 of 5, refused, 2 of 5."""
    path, items_out, out = tmp_path / "front.csv", tmp_path / "items.jsonl", io.StringIO()
    path.write_text("Conversation ID,Teammate email,Rating,Comment,Rated at\n"
                    "cnv_8a1b2c3d,ana@example.com,Great,thank you!,2026-10-20 09:00:00\n"
                    "cnv_8a1b2c3e,ben@example.com,Okay,,2026-10-20 10:00:00\n"
                    "cnv_8a1b2c3f,ana@example.com,Bad,slow,2026-10-20 11:00:00\n", encoding="utf-8")
    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)
    items = [json.loads(line) for line in items_out.read_text().splitlines()]
    assert json.loads(out.getvalue())["detected"]["preset"] == "Intercom conversation ratings"
    assert [(item["score"], item["max_score"], item["score_label"]) for item in items] == [
        (3, 3, "Great"), (2, 3, "Okay"), (1, 3, "Bad")]


def test_a_german_or_french_zendesk_view_reads_its_words_and_skips_offered_surveys(tmp_path: Path) -> None:
    path, items_out, out = tmp_path / "zd.csv", tmp_path / "items.jsonl", io.StringIO()
    path.write_text("Ticket-ID,E-Mail des zugewiesenen Agenten,Zufriedenheitsbewertung,Zufriedenheitskommentar,"
                    "Aktualisiert am\n48401,ana@acme.com,Gut,Super,2026-10-05T14:48:00Z\n"
                    "48402,bo@acme.com,Schlecht,,2026-10-05T15:48:00Z\n48403,bo@acme.com,Angeboten,,2026-10-05T16:48:00Z\n",
                    encoding="utf-8")
    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)
    assert [json.loads(line) for line in items_out.read_text().splitlines()] == [
        {"submitted_at": "2026-10-05T14:48:00.000Z", "ticket_id": "48401", "agent_email": "ana@acme.com", "score": 1,
         "comment": "Super", "score_label": "Gut", "min_score": 0, "max_score": 1},
        {"submitted_at": "2026-10-05T15:48:00.000Z", "ticket_id": "48402", "agent_email": "bo@acme.com", "score": 0,
         "score_label": "Schlecht", "min_score": 0, "max_score": 1}]
    assert json.loads(out.getvalue())["skipped"] == 1


def test_a_dump_of_intercom_conversations_skips_the_conversations_never_rated(tmp_path: Path) -> None:
    """QA round 51c: a conversation with an empty conversation_rating was an invalid row asking for a score."""
    from uploads import intake, validation

    path = tmp_path / "conversations.csv"
    path.write_text("id,admin_assignee_id,conversation_rating.rating,conversation_rating.remark,"
                    "conversation_rating.created_at,conversation_rating.teammate.id\n"
                    "215471239500001,5123401,5,Fast!,1791626400,5123401\n215471239500003,5123403,,,,\n",
                    encoding="utf-8")
    sheet, preset, _ = intake.read_file(path, path.name, intake.ReadOptions(time_zone="UTC"))
    rows = validation.check_sheet(sheet, preset, time_zone="UTC").rows
    assert preset.name == "Intercom conversation ratings"
    assert [(row.status, row.skip_reason) for row in rows] == [
        ("valid", None), ("skipped", "conversation_rating.created_at is blank: conversation not rated: its "
                                     "conversation_rating is empty")]


@pytest.mark.parametrize(("word", "reason"), [("Angeboten", "survey not answered (not a rating)"),
                                              ("Nicht angeboten", "survey not offered (not a rating)"),
                                              ("Proposée", "survey not answered (not a rating)")])
def test_the_zendesk_preset_skips_an_offered_survey_in_its_accounts_language(tmp_path: Path, word, reason) -> None:
    """QA round 51c: the Satisfaction Ratings API's own columns with a German or French account's words: the preset
    knew only "offered", so each unanswered survey was an invalid row asking for a score."""
    from uploads import intake, validation

    path = tmp_path / "zd.csv"
    path.write_text("id,assignee_id,ticket_id,score,comment,created_at,updated_at\n"
                    "35200000000,3812345670011,52001,Gut,Danke,2026-10-01T08:00:00Z,2026-10-01T09:12:30Z\n"
                    f"35200000001,3812345670011,52002,{word},,2026-10-01T08:00:00Z,2026-10-01T09:20:00Z\n",
                    encoding="utf-8")
    sheet, preset, _ = intake.read_file(path, path.name, intake.ReadOptions(time_zone="UTC"))
    rows = validation.check_sheet(sheet, preset, time_zone="UTC").rows
    assert preset.name == "Zendesk satisfaction ratings"
    assert [(row.status, row.skip_reason) for row in rows] == [("valid", None), ("skipped", f"score '{word}': {reason}")]


@pytest.mark.parametrize("header", ["Rating (1-10, 10 = best)", "How would you rate our support from 1 to 10?",
                                    "On a scale from 1 (poor) to 10 (excellent), how satisfied were you?"])
def test_it_reads_the_ten_point_scale_a_header_names_in_other_words(tmp_path: Path, header: str) -> None:
    """QA round 33b: read on 1..5, a 5 of 10 was sent as top marks and 6..10 refused."""
    items, summary = team_sheet(tmp_path, f'"{header}"', ["10", "5", "3", "8"])
    assert [(item["score"], item["max_score"]) for item in items] == [(10, 10), (5, 10), (3, 10), (8, 10)]
    assert f"Scores read on the scale 1..10, which the header '{header}' names" in summary["detected"]["decisions"]


def test_it_says_when_no_score_reaches_4_on_the_default_scale(tmp_path: Path) -> None:
    """A 3-face smiley survey (Nicereply) read on 1..5 without a word (QA round 33a): the decision says so."""
    items, summary = team_sheet(tmp_path, "Score", ["3", "1", "2", "3"])
    assert [(item["score"], item["max_score"]) for item in items] == [(3, 5), (1, 5), (2, 5), (3, 5)]
    assert ("No score in this file is above 3: read on 1..5, as nothing in the file names its scale; if the survey's "
            "scale is 1..3 (a 3-face smiley survey), set Highest score 3 on the mapping page"
            ) in summary["detected"]["decisions"]
    _items, five = team_sheet(tmp_path, "Score", ["3", "1", "2", "4"])
    assert not any(decision.startswith("No score") for decision in five["detected"]["decisions"])
    _items, ones = team_sheet(tmp_path, "Score", ["1", "1", "1", "1"])  # say nothing of a scale (review 36)
    assert not any(decision.startswith("No score") for decision in ones["detected"]["decisions"])


def test_numbered_questions_read_a_first_question_answered_in_words(tmp_path: Path) -> None:
    """Survicate's 'Q1: How satisfied…' answered 'Very satisfied' was refused on every row (QA round 33a)."""
    path, items_out, out = tmp_path / "survicate.csv", tmp_path / "items.jsonl", io.StringIO()
    path.write_text("Date,Ticket,Agent Email,Q1: How satisfied are you with our support?,Q2: Why?\n"
                    "2026-10-14 10:00:00,PL-3101,ana@example.com,Very satisfied,\n"
                    "2026-10-14 11:00:00,PL-3102,ben@example.com,Dissatisfied,Too slow\n", encoding="utf-8")
    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)
    assert json.loads(out.getvalue())["detected"]["preset"] == "Numbered survey questions (Qn - question)"
    assert [(item["score"], item["max_score"]) for item in map(json.loads, items_out.read_text().splitlines())] == [
        (5, 5), (2, 5)]


@pytest.mark.parametrize(("scores", "read"), [
    (["Amazing", "Great", "OK", "Bad", "Terrible"], [(5, 5), (4, 5), (3, 5), (2, 5), (1, 5)]),  # Intercom's words
    (["Great", "Good", "Bad"], []),  # Great and Good both 4 in no scale: refused, not read as the same score
])
def test_it_reads_intercoms_words_on_a_team_sheet_but_not_great_beside_good(tmp_path: Path, scores, read) -> None:
    items, _summary = team_sheet(tmp_path, "Rating", scores)
    assert [(item["score"], item["max_score"]) for item in items] == read


def test_it_says_when_a_header_names_another_scale_than_its_words(tmp_path: Path) -> None:
    """QA round 34a: "Satisfaction (1-3)" answered Satisfied .. Dissatisfied was read on 1..5 without a word; those
    three answers are a 3-point wording now (QA round 44c), and "(1-5)" over Very satisfied .. Satisfied is said."""
    items, summary = team_sheet(tmp_path, '"Satisfaction (1-3)"', ["Satisfied", "Neutral", "Dissatisfied"])
    assert [(item["score"], item["max_score"]) for item in items] == [(3, 3), (2, 3), (1, 3)]
    assert not [decision for decision in summary["detected"]["decisions"] if "names the scale" in decision]
    items, summary = team_sheet(tmp_path, '"Satisfaction (1-3)"', ["Very satisfied", "Satisfied", "Neutral"])
    assert [(item["score"], item["max_score"]) for item in items] == [(5, 5), (4, 5), (3, 5)]
    assert ("The header 'Satisfaction (1-3)' names the scale 1..3, but its answers are words of the scale 1..5 and "
            "are read on it: if the survey's scale is 1..3, change the words to its numbers in the file"
            ) in summary["detected"]["decisions"]


def test_the_wording_decision_names_the_files_own_words(tmp_path: Path) -> None:
    """QA round 36a: a Spanish sheet's decision listed the English words."""
    _items, summary = team_sheet(tmp_path, "Satisfacción", ["Muy satisfecho", "Satisfecho", "Insatisfecho"])
    assert ("Answers read as a 5-point wording (muy satisfecho 5, satisfecho 4, ni satisfecho ni insatisfecho 3, "
            "insatisfecho 2, muy insatisfecho 1)") in summary["detected"]["decisions"]  # all Spanish (QA round 57d)


@pytest.mark.parametrize(("scores", "read"), [
    (["Excellent", "Very good", "Good", "Fair", "Poor"], [5, 4, 3, 2, 1]),  # SurveyMonkey's Likert choices
    (["Excellent", "Good", "Average", "Poor", "Very poor"], [5, 4, 3, 2, 1]),
    (["Very good", "Good", "Average", "Poor", "Very poor"], [5, 4, 3, 2, 1]),
    (["Excellent", "Very good", "Good", "Poor"], [5, 4, 3, 1]),  # only Excellent .. Poor knows Very good beside Excellent
])
def test_it_reads_the_rating_wordings_of_service_quality(tmp_path: Path, scores, read) -> None:
    """Excellent .. Poor had made every row invalid (no scale knew the words)."""
    items, summary = team_sheet(tmp_path, "How would you rate our service?", scores)
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [(s, 1, 5) for s in read]
    assert summary["invalid"] == 0


def test_excellent_to_terrible_is_a_5_point_wording_and_its_4_point_form_names_the_5_point_reading(
        tmp_path: Path) -> None:
    """QA round 71a: every row of Excellent .. Terrible was refused; without a Terrible, Poor went out as 1 of 1..4
    with nothing said about the 5-point reading."""
    items, _summary = team_sheet(tmp_path, "Rating", ["Excellent", "Good", "Average", "Poor", "Terrible"])
    assert [(item["score"], item["max_score"]) for item in items] == [(5, 5), (4, 5), (3, 5), (2, 5), (1, 5)]
    items, summary = team_sheet(tmp_path, "Rating", ["Excellent", "Good", "Average", "Poor"])
    assert [(item["score"], item["max_score"]) for item in items] == [(4, 4), (3, 4), (2, 4), (1, 4)]
    decisions = summary["detected"]["decisions"]
    assert decisions[decisions.index("Answers read as a 4-point wording (excellent 4, good 3, average 2, poor 1)") + 1] == (
        "The answers are also words of a longer wording whose other answers no row gives: excellent 5, good 4, "
        "average 3, poor 2, very poor 1. If the survey offered those, map each answer to its score with the table's "
        "\"Map a value to another\", or write the scores as numbers in the file")


def test_a_grid_rows_wording_is_the_one_of_every_row_of_the_grid(tmp_path: Path) -> None:
    """QA round 71a: SurveyMonkey's Excellent .. Poor went out as 4 of 1..4 when no customer answered the Overall row
    "Very good" that month, though the grid's other rows had it."""
    path = tmp_path / "sm.csv"
    answers = [("Very good", "Excellent"), ("Poor", "Fair"), ("Good", "Good"), ("Very good", "Poor")]
    path.write_text(
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,"
        "agent_email,How would you rate the following?,,Any other comments?\n"
        ",,,,,,,,,,Speed of response,Overall support experience,Open-Ended Response\n"
        + "".join(f"11850000000{n},432000001,11/23/2026 09:0{n}:00 AM,11/23/2026 09:0{n}:00 AM,203.0.113.{n},,,,"
                  f"9010{n},ana@example.com,{speed},{overall},\n"
            for n, (speed, overall) in enumerate(answers)), encoding="utf-8")
    summary, items, _ = run_path(path, tmp_path)
    assert [(item["score"], item["score_label"], item["max_score"]) for item in items] == [
        (5, "Excellent", 5), (2, "Fair", 5), (3, "Good", 5), (1, "Poor", 5)]
    assert "Answers read as a 5-point wording (excellent 5, very good 4, good 3, fair 2, poor 1)" in summary[
        "detected"]["decisions"]


def test_scores_no_scale_reaches_ask_to_check_the_score_column(tmp_path: Path) -> None:
    """QA round 71c: a title row read as the header mapped ticket ids as the score; the page advised 1..52005."""
    _items, summary = team_sheet(tmp_path, "Rating", ["52001", "52002", "52003", "4"])
    assert ("3 scores lie outside 1..5, the scale used when a file names none (this file's run from 1 to 52003): no "
            "survey's scale reaches 52003, so the score column is likely the wrong one: check it, and the header row, "
            "on the mapping page; until then those rows are invalid"
            ) in summary["detected"]["decisions"]


@pytest.mark.parametrize(("scores", "advice"), [
    (["-3", "99", "4", "5"], "no survey's scale runs from -3 to 99: correct these scores, or check the score column "
                             "on the mapping page"),  # QA round 76c: the page advised the scale -3..99
    (["-1", "10", "9", "7", "4"], "if the survey's scale is 0..10, set Lowest score 0 and Highest score 10 on the "
                                  "mapping page, and correct the scores below 0 (-1)"),  # QA round 77a
    (["-2", "2", "1", "0", "-1"], "if the survey's scale is -2..2, set Lowest score -2 and Highest score 2 on the "
                                  "mapping page"),  # a -2..2 survey's answers (QA round 77a)
])
def test_scores_below_zero_get_the_scale_they_fit_or_are_to_be_corrected(tmp_path: Path, scores, advice) -> None:
    _items, summary = team_sheet(tmp_path, "Rating", scores)
    assert any(advice in decision for decision in summary["detected"]["decisions"]), summary["detected"]["decisions"]


def test_a_qualtrics_surveys_recodes_from_minus_2_to_2_are_held_until_the_scale_is_set(tmp_path: Path) -> None:
    """QA round 80: the -2, -1 and 0 rows were refused as typos of 1..5 and the 1s and 2s went out as 1 and 2 of 5."""
    summary, items, _ = run_text(tmp_path, "qx.csv", (
        "RecordedDate,ResponseId,ExternalReference,Finished,Q1\n"
        "Recorded Date,Response ID,External Data Reference,Finished,How satisfied were you?\n"
        '"{""ImportId"":""recordedDate"",""timeZone"":""UTC""}","{""ImportId"":""_recordId""}",'
        '"{""ImportId"":""externalDataReference""}","{""ImportId"":""finished""}","{""ImportId"":""QID1""}"\n'
        + "".join(f"2026-10-10 09:0{n}:05,R_{n},7100{n},1,{score}\n" for n, score in enumerate(
            ["-2", "-1", "0", "1", "2", "2", "1"]))))
    assert (items, summary["invalid"]) == ([], 7)
    assert any("if the survey's scale is -2..2, set Lowest score -2 and Highest score 2 on the mapping page" in decision
               for decision in summary["detected"]["decisions"]), summary["detected"]["decisions"]


def test_n_a_marks_are_no_answers_in_words_beside_numbers(tmp_path: Path) -> None:
    """QA round 74a: a 1..5 sheet's N/A counted as a word, and one 0 then held every number."""
    items, summary = team_sheet(tmp_path, "Rating", ["5", "4", "N/A", "3", "0", "2", "N/A", "5"])
    assert [item["score"] for item in items] == [5, 4, 3, 2, 5]


def test_a_surveymonkey_matrix_row_label_may_hold_a_number(tmp_path: Path) -> None:
    """QA round 74a: "Reply within 24 hours" made row 2 an answer again."""
    summary, _items, _ = run_text(tmp_path, "sm.csv", (
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,ticket_id,agent,How would you rate us?,,\n"
        ",,,,,,,Reply within 24 hours,Overall support experience,Knowledge\n"
        "118052219061,432001187,11/02/2026 08:00:00 AM,11/02/2026 08:00:00 AM,203.0.113.10,48300,ana@acme.com,"
        "Good,Excellent,Very good\n"))
    assert (summary["rows"], summary["detected"]["columns"]["score"]["column"]) == (
        1, "How would you rate us? - Overall support experience")


def test_an_n_a_answer_leaves_a_4_point_wording_4_point(tmp_path: Path) -> None:
    """QA round 72b: Excellent, Good, Fair, Poor with an N/A answer went out on Excellent .. Poor's 1..5."""
    items, _summary = team_sheet(tmp_path, "Rating", ["Excellent", "Good", "Fair", "Poor", "Good", "N/A"])
    assert [(item["score"], item["max_score"]) for item in items] == [(4, 4), (3, 4), (2, 4), (1, 4), (3, 4)]
    items, _summary = team_sheet(tmp_path, "Rating", [  # QA round 73a: an unknown middle answer is no N/A
        "Very satisfied", "Satisfied", "Unsatisfied", "Very unsatisfied", "Satisfied", "Very satisfied", "Satisfied",
        "Neither satisfied nor unsatisfied"])
    assert [(item["score"], item["max_score"]) for item in items][:4] == [(5, 5), (4, 5), (2, 5), (1, 5)]


def test_a_google_form_answered_good_okay_or_bad_is_read_on_1_to_3(tmp_path: Path) -> None:
    """QA round 72b: with Good/Bad in the survey presets, a form's rare Okay was refused and the rest sent on 0..1."""
    answers = ["Good"] * 9 + ["Bad"] * 3 + ["Okay"]
    summary, items, _ = run_text(tmp_path, "form.csv", "Timestamp,Ticket #,Agent email,Rate your support experience\n"
                                 + "".join(f"11/02/2026 10:{n:02d}:00,2000{n},ana@example.com,{answer}\n"
                                           for n, answer in enumerate(answers)))
    assert [(item["score"], item["max_score"]) for item in items][-2:] == [(1, 3), (2, 3)]


def test_an_answer_typed_with_no_respondent_id_is_no_second_header_row(tmp_path: Path) -> None:
    """QA round 73a: row 2 of a sheet headed like SurveyMonkey's, an answer with its first cells blank, became the
    header's second row, and its values column names."""
    summary, items, _ = run_text(tmp_path, "sheet.csv", (
        "Respondent ID,Collector ID,Start Date,End Date,Call date,Ticket ID,Agent Email,Satisfaction (1-5),Comment,\n"
        ",,,,11/02/2026,48410,ana@acme.com,4,Solved on the phone,entered by Sam\n"
        "118052219101,432001187,11/02/2026 09:01:12 AM,11/02/2026 09:03:40 AM,,48411,li@acme.com,5,Great,\n"))
    assert summary["rows"] == 2 and [item["ticket_id"] for item in items] == ["48411"]


def test_a_surveymonkey_export_of_one_matrix_question_has_two_header_rows(tmp_path: Path) -> None:
    """QA round 72b: with no open-ended question, row 2 (the matrix's row labels, no "Response") was read as an
    answer, and the matrix's first row was sent as the score."""
    summary, items, _ = run_text(tmp_path, "sm.csv", (
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,Custom Data 1,ticket_id,agent,"
        "How would you rate our support on the following?,\n"
        ",,,,,,,,Speed of response,Overall support experience\n"
        + "".join(f"11805221906{n},432001187,11/02/2026 08:0{n}:00 AM,11/02/2026 08:0{n}:00 AM,203.0.113.10,,4830{n},"
                  f"ana@acme.com,{speed},{overall}\n" for n, (speed, overall) in enumerate(
                      [("Good", "Excellent"), ("Very good", "Fair"), ("Fair", "Very good")]))))
    assert (summary["detected"]["header_row"], summary["valid"]) == (1, 3)
    assert [(item["score"], item["score_label"]) for item in items] == [(5, "Excellent"), (2, "Fair"), (4, "Very good")]


def test_a_numbered_question_whose_header_runs_on_two_lines_is_still_a_clarifying_question(tmp_path: Path) -> None:
    """QA round 73b: "Q2 - How easy was it to get<Alt+Enter>your issue resolved?" dropped Q2 from every item."""
    summary, items, _ = run_text(tmp_path, "survey.csv", (
        'Response ID,Recorded Date,Ticket ID,Agent Email,"Q1 - Overall, how satisfied were you?",'
        '"Q2 - How easy was it to get\nyour issue resolved?",Q2 - Comment\n'
        "RSP-1,2026-10-14T14:52:39-04:00,77100,a@example.com,5,4,Two calls.\n"))
    assert items[0]["clarifying_answers"] == [{
        "question": "How easy was it to get your issue resolved?", "score": 4, "comment": "Two calls.",
        "score_label": "Neutral", "min_score": 1, "max_score": 7}]


def test_a_google_form_answered_good_or_bad_is_read_on_0_to_1(tmp_path: Path) -> None:
    """QA round 71a: the Google Forms preset knew no Good/Bad wording, and every row was refused."""
    summary, items, _ = run_text(tmp_path, "form.csv", "Timestamp,Ticket #,Agent email,Rate your support experience\n"
                                 "11/02/2026 10:00:00,20001,ana@example.com,Good\n"
                                 "11/03/2026 11:30:00,20002,ana@example.com,Bad\n")
    assert summary["detected"]["preset"] == "Google Forms responses"
    assert [(item["score"], item["score_label"], item["min_score"], item["max_score"]) for item in items] == [
        (1, "Good", 0, 1), (0, "Bad", 0, 1)]


def test_answers_two_quality_wordings_score_differently_are_refused_with_both_named(tmp_path: Path) -> None:
    """Excellent, Good, Poor: 5, 3, 1 of Excellent .. Poor or 5, 4, 2 of Excellent .. Very poor; no guess."""
    items, summary = team_sheet(tmp_path, "Rating", ["Excellent", "Good", "Poor", "Good"])
    assert items == []
    assert ("The answers (excellent, good, poor) are words of 3 wordings that score them differently: excellent 5, "
            "very good 4, good 3, fair 2, poor 1; or excellent 5, good 4, average 3, poor 2, very poor 1; or excellent 4, "
            "good 3, average 2, poor 1. They are not read until you choose: map each answer to its score with the table's \"Map a value to another\", or "
            "write the scores as numbers in the file") in summary["detected"]["decisions"]
    assert summary["row_results"][0]["errors"] == [
        "Row 2, column 'Rating': 'Excellent' is not an integer. Enter a whole number from 1 to 5."]


def test_a_database_exports_null_is_a_blank_cell(tmp_path: Path) -> None:
    """QA round 37a: Snowflake's unload and PostgreSQL's COPY write NULL as \\N; it was sent as a ticket id, an
    agent id beside the row's email, a comment."""
    path, items_out, out = tmp_path / "unload.csv", tmp_path / "items.jsonl", io.StringIO()
    path.write_text('"TICKET_ID","AGENT_ID","AGENT_EMAIL","CSAT_SCORE","COMMENT","RATED_AT"\n'
                    '"48801","\\N","ben@example.com","4","\\N","2026-10-05 14:53:00"\n'
                    '"\\N","3812345670011","\\N","5","Great","2026-10-05 15:00:00"\n'
                    '"48803","\\N","\\N","\\N","","2026-10-05 16:00:00"\n', encoding="utf-8")
    with contextlib.suppress(SystemExit):
        call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)
    items = [json.loads(line) for line in items_out.read_text().splitlines()]
    assert items == [{"submitted_at": "2026-10-05T14:53:00.000Z", "ticket_id": "48801", "agent_email": "ben@example.com",
                      "score": 4, "min_score": 1, "max_score": 5}]
    errors = {row["row"]: row["errors"] for row in json.loads(out.getvalue())["row_results"] if row["errors"]}
    assert errors == {
        3: ["Row 3, column 'TICKET_ID': TICKET_ID is blank: ticket_id is required. Enter the helpdesk's ticket id."],
        4: ["Row 4, column 'AGENT_ID': agent_id or agent_email required: agent_id and agent_email both blank, no agent "
            "to credit. Fill in the agent's id or email, or map an agent column on the mapping page.",
            "Row 4, column 'CSAT_SCORE': CSAT_SCORE is blank: score is required. Enter a whole number from 1 to 5 if "
            "the customer gave a score, or exclude the row."]}


def test_intercoms_rating_emoji_alone_are_its_five_points(tmp_path: Path) -> None:
    """QA round 37a: a BI tool's rating dimension shows Intercom's emoji without the words."""
    items, _summary = team_sheet(tmp_path, "Rating", ["\U0001f929", "\U0001f603", "\U0001f610", "\U0001f641",
                                                      "\U0001f620"])
    assert [item["score"] for item in items] == [5, 4, 3, 2, 1]


@pytest.mark.parametrize(("scores", "kept"), [
    (["5", "0", "4", "0", "3", "5", "0", "4", "2", "5"], [5, 4, 3, 5, 4, 2, 5]),  # 0 for "no rating": not 0..10
    (["5", "10", "4", "3", "45", "5", "4", "2"], [5, 4, 3, 5, 4, 2]),  # a 10 and a 45 among 1..5
])
def test_a_few_zeros_or_typos_do_not_widen_a_google_forms_sheet_to_0_10(tmp_path: Path, scores, kept) -> None:
    """QA round 37c: three 0s in ten rows sent every answer on 0..10 (a 5 of 5 as 5 of 10); the rows outside
    1..5 are refused instead."""
    path, items_out, out = tmp_path / "form.csv", tmp_path / "items.jsonl", io.StringIO()
    path.write_text("Timestamp,Ticket number,Agent email,How satisfied were you?\n" + "".join(
        f"10/5/2026 9:{n:02d}:00,6200{n},ana@example.com,{score}\n" for n, score in enumerate(scores)), encoding="utf-8")
    with contextlib.suppress(SystemExit):
        call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)
    items = [json.loads(line) for line in items_out.read_text().splitlines()]
    assert [(item["score"], item["min_score"], item["max_score"]) for item in items] == [(s, 1, 5) for s in kept]


@pytest.mark.parametrize(("scores", "read"), [
    (["4\ufe0f\u20e3", "5\ufe0f\u20e3", "1\u20e3"], [(4, 5), (5, 5), (1, 5)]),  # emoji keycaps
    (["4\u2b50", "5 \u2605", "2\u2b50\ufe0f"], [(4, 5), (5, 5), (2, 5)]),  # a number with one star
    (["\U0001f44d", "\U0001f44e", "\U0001f44d"], [(1, 1), (0, 1), (1, 1)]),  # thumbs up and down: good and bad
    (["\U0001f44d\U0001f3fd", "\U0001f44e\U0001f3fb"], [(1, 1), (0, 1)]),  # with skin tones (QA round 38b)
    (["Good", "Average", "Poor"], [(3, 3), (2, 3), (1, 3)]),  # the 3- and 4-point quality wordings (QA round 38b)
    (["Excellent", "Good", "Average", "Poor"], [(4, 4), (3, 4), (2, 4), (1, 4)]),
])
def test_it_reads_scores_typed_as_keycaps_starred_numbers_and_thumbs(tmp_path: Path, scores, read) -> None:
    """QA round 37c: each made every row invalid."""
    items, _summary = team_sheet(tmp_path, "Score", scores)
    assert [(item["score"], item["max_score"]) for item in items] == read


@pytest.mark.parametrize(("header", "scores", "read"), [
    ("Satisfaction (1 - Very satisfied; 5 - Very dissatisfied)", ["1", "5"], [(5, 5), (1, 5)]),
    ("Score (1-5; 1 = best)", ["1", "2"], [(5, 5), (4, 5)]),
    ("Bewertung (Schulnote: 1 = sehr gut; 6 = ungenügend)", ["1", "6"], [(6, 6), (1, 6)]),
    ("Rating (1 = Happy; 2 = Neutral; 3 = Unhappy)", ["1", "3"], [(3, 3), (1, 3)]),  # Freshdesk's classic coding
    ("Score (1 = poor; 5 = excellent)", ["1", "5"], [(1, 5), (5, 5)]),  # worst first: as it is
])
def test_each_way_a_header_says_its_best_answer_comes_first(tmp_path: Path, header, scores, read) -> None:
    """QA round 38b: these headers' scores were sent upside down."""
    items, _summary = team_sheet(tmp_path, header, scores)
    assert [(item["score"], item["max_score"]) for item in items] == read


def test_a_header_naming_its_best_answer_first_turns_the_scores(tmp_path: Path) -> None:
    """QA round 37c: "1 = very satisfied, 5 = very dissatisfied" sent the happiest answer as the worst score."""
    items, summary = team_sheet(tmp_path, "Score (1 = very satisfied; 5 = very dissatisfied)", ["1", "5", "2"])
    assert [item["score"] for item in items] == [5, 1, 4]
    assert ("Scores read on the scale 1..5, which the header 'Score (1 = very satisfied; 5 = very dissatisfied)' "
            "names with 1 as the best answer: each score is turned (1 is sent as 5, 5 as 1), as MaestroQA's scores "
            "rise with satisfaction") in summary["detected"]["decisions"]


def test_scores_inside_1_5_wait_while_the_others_show_another_scale(tmp_path: Path) -> None:
    """QA round 37c: a 1..10 sheet naming no scale sent its 3 and 5 as 3 and 5 of 5."""
    items, summary = team_sheet(tmp_path, "Score", ["8", "10", "6", "3", "9", "5"])
    assert items == []
    errors = {row["row"]: row["errors"] for row in summary["row_results"]}
    assert errors[5] == ["Row 5, column 'Score': 3 is held until the survey's scale is settled: 4 scores in this file "
                         "lie outside 1..5, from 1 to 10. If the survey's scale is 1..10, set Lowest score 1 and "
                         "Highest score 10 on the mapping page; if the survey's scale is 1..5, fix the scores outside it."]


def test_a_ticket_id_without_a_digit_among_ids_with_one_gets_a_warning(tmp_path: Path) -> None:
    """QA round 37c: =HYPERLINK(url, "open") saved its shown text, sent as the ticket id without a word (a
    link's text is refused now: test_validation); another text without a digit is sent with a warning."""
    path, items_out, out = tmp_path / "team.csv", tmp_path / "items.jsonl", io.StringIO()
    path.write_text("submitted_at,ticket_id,agent_email,score\n" + "".join(
        f"2026-10-05 15:0{n}:00,{ticket},ana@example.com,5\n" for n, ticket in enumerate(
            ["48301", "48302", "escalated", "48304", "48305"])), encoding="utf-8")
    call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)
    assert [row["warnings"] for row in json.loads(out.getvalue())["row_results"]] == [[
        "Row 4, column 'ticket_id': ticket id 'escalated' has no digit, unlike the other ids in this column: sent as "
        "typed, check it."]]


def test_it_reads_a_spanish_surveymonkey_export_with_its_comment(tmp_path: Path) -> None:
    """QA rounds 44c, 45a: a Spanish account's export was not read as SurveyMonkey; its comment was left out."""
    summary, items, _ = run_text(tmp_path, "sm.csv", (
        "ID del encuestado,ID del recopilador,Fecha de inicio,Fecha de finalización,ticket_id,agent_email,"
        "¿Qué tan satisfecho está?,¿Algún comentario adicional?\n,,,,,,Respuesta,Respuesta abierta\n"
        "118,431,10/14/2026 09:10:00 AM,10/14/2026 09:15:00 AM,52401,lucia@example.mx,Muy satisfecho,Excelente\n"))
    assert summary["detected"]["preset"] == "SurveyMonkey all responses"
    assert items == [{
        "submitted_at": "2026-10-14T09:15:00.000Z", "ticket_id": "52401", "agent_email": "lucia@example.mx",
        "score": 5, "comment": "Excelente", "score_label": "Muy satisfecho", "min_score": 1, "max_score": 5}]


def test_it_reads_a_team_sheets_group_headings_over_its_field_names(tmp_path: Path) -> None:
    """QA round 44b: "Ticket | | Agent | | Customer feedback" merged over "ID | Date | Name | Email | Score | Comment"
    had the file refused (column B has no header)."""
    summary, items, _ = run_text(tmp_path, "team.csv", "Ticket,,Agent,,Customer feedback,\nID,Date,Name,Email,Score,"
                                 "Comment\n92600,2026-10-08 09:00,Ana Lee,ana@example.com,5,Quick\n")
    assert summary["notices"] == [
        "The header in row 2 is read with the headings above it in row 1: 'Ticket ID', 'Ticket Date' ... (a heading "
        "stands for the blank cells after it)."]
    assert summary["detected"]["preset_reason"].endswith(
        "submitted_at <- 'Ticket Date', ticket_id <- 'Ticket ID', agent_email <- 'Agent Email', score <- 'Customer "
        "feedback Score', comment <- 'Customer feedback Comment'")
    assert items == [{"submitted_at": "2026-10-08T09:00:00.000Z", "ticket_id": "92600", "agent_email": "ana@example.com",
                      "score": 5, "comment": "Quick", "min_score": 1, "max_score": 5}]


@pytest.mark.parametrize("columns", [("Survey Date", "Survey Time"), ("Survey Time", "Survey Date"),
                                     ("Date of survey", "Survey Time")])  # QA round 55b
def test_a_survey_dates_own_time_column_gives_its_time_of_day(tmp_path: Path, columns) -> None:
    """QA round 54a: midnight was sent, the 'Survey Time' beside 'Survey Date' ignored."""
    cells = {"Survey Date": "2026-10-06", "Survey Time": "14:48", "Date of survey": "2026-10-06"}
    _summary, items, _ = run_text(tmp_path, "team.csv", f"Ticket ID,{','.join(columns)},Agent Email,Score\n"
                                  f"48210,{','.join(cells[column] for column in columns)},ana@acme.com,5\n")
    assert [item["submitted_at"] for item in items] == ["2026-10-06T14:48:00.000Z"]


def test_it_reads_a_header_typed_over_two_rows(tmp_path: Path) -> None:
    """QA round 53b: "Agent | Agent" over "name | e-mail" had the file refused (duplicate column 'Agent')."""
    summary, items, _ = run_text(tmp_path, "team.csv", (
        "Ticket,Received,Survey,Agent,Agent,CSAT,Customer\nNumber,on,answered on,name,e-mail,score,comment\n"
        "48500,2026-10-17 05:40,2026-10-19 08:40,Chloé Martin,chloe@acme.com,5,Quick\n"))
    assert summary["detected"]["preset_reason"].endswith(
        "submitted_at <- 'Survey answered on', ticket_id <- 'Ticket Number', agent_email <- 'Agent e-mail', score <- "
        "'CSAT score', comment <- 'Customer comment'")
    assert items == [{"submitted_at": "2026-10-19T08:40:00.000Z", "ticket_id": "48500", "agent_email": "chloe@acme.com",
                      "score": 5, "comment": "Quick", "min_score": 1, "max_score": 5}]


def test_a_header_row_set_on_the_first_answer_is_not_read_with_the_real_header_above_it(tmp_path: Path) -> None:
    """QA round 53c: header row 3 of this file set as 4 made 'Ticket ID 91000' and 'Score 5' the column names; the
    answer on row 4 was lost without a word."""
    path = tmp_path / "team.csv"
    path.write_text("CSAT export,,,\n,,,\nTicket ID,Agent email,Score,Date\n91000,ana@acme.com,5,2026-10-05 09:00\n"
                    "91001,bo@acme.com,4,2026-10-05 10:00\n", encoding="utf-8")
    _summary, _items, err = run_path(path, tmp_path, "--header-row", "4")
    assert err.splitlines()[-1] == (
        "team.csv: Row 4, chosen as the header row, holds an answer (91000, ana@acme.com, 5, 2026-10-05 09:00), not the "
        "columns' names. Choose the row that names the columns under Header row, or leave it blank to detect it.")
    path.write_text("Ticket ID,Date,Agent email,Rating\n61001,2026-11-02 09:00,priya@acme.com,5 - Very satisfied\n"
                    "61002,2026-11-02 10:00,bo@acme.com,4 - Satisfied\n", encoding="utf-8")
    _summary, _items, err = run_path(path, tmp_path, "--header-row", "2")  # a score found in it (QA round 57d)
    assert "Row 2, chosen as the header row, holds an answer (61001, 2026-11-02 09:00, priya@acme.com" in err


def test_a_note_in_a_column_of_ticket_ids_is_refused(tmp_path: Path) -> None:
    """QA round 44b: a team sheet's "see Slack thread" in the ticket column had gone out as a ticket id."""
    summary, _, _ = run_text(tmp_path, "team.csv", "submitted_at,ticket_id,agent_email,score\n" + "".join(
        f"2026-10-05 15:0{n}:00,{ticket},ana@example.com,5\n" for n, ticket in enumerate(
            ["48301", "48302", "see Slack thread", "48304", "48719 (escalated)", "TBC", "48307", "48308"])))
    assert [(row["row"], row["errors"]) for row in summary["row_results"]] == [(4, [
        "Row 4, column 'ticket_id': 'see Slack thread' is words, not a ticket id like the others in this column. "
        "Enter the ticket's id, or leave the row out."]), (6, [
        "Row 6, column 'ticket_id': '48719 (escalated)' holds words beside the ticket id. Enter the ticket id alone, "
        "as the helpdesk shows it (such as 48719)."]), (7, [
        "Row 7, column 'ticket_id': 'TBC' stands for a ticket id not known. Enter the ticket's id, or leave the row "
        "out."])]


@pytest.mark.parametrize(("scores", "read"), [
    (["Buena", "Mala", "Ofrecida", "Buena"], [1, 0, 1]),  # a Spanish Zendesk account; Ofrecida is skipped
    (["良い", "悪い", "オファー済み"], [1, 0]),  # a Japanese one
    (["Extremadamente satisfecho", "Algo satisfecho", "Ni satisfecho ni insatisfecho"], [5, 4, 3]),  # Qualtrics
    (["Mycket nöjd", "Missnöjd", "Varken nöjd eller missnöjd"], [5, 2, 3]),  # Swedish: "Missnöjd" holds "nöjd"
    (["매우 만족", "불만족", "보통"], [5, 2, 3]), (["非常满意", "不满意", "一般"], [5, 2, 3]),
    (["Очень доволен", "Недоволен", "Доволен"], [5, 2, 4]), (["Çok memnunum", "Memnun değilim"], [5, 2]),
    (["Excelente", "Bueno", "Regular", "Malo", "Pésimo"], [5, 4, 3, 2, 1]),  # Latin America's quality wording
    (["Excelente", "Muy bueno", "Bueno", "Regular", "Malo"], [5, 4, 3, 2, 1]),  # ... and SurveyMonkey's (QA 39a)
    (["Sehr gut", "Gut", "Mittel", "Schlecht", "Sehr schlecht"], [5, 4, 3, 2, 1]),
    (["Très bien", "Bien", "Moyen", "Mauvais", "Très mauvais"], [5, 4, 3, 2, 1]),
    (["Excelente", "Bom", "Regular", "Ruim", "Péssimo"], [5, 4, 3, 2, 1]),
])
def test_it_reads_spanish_and_japanese_helpdesk_words(tmp_path: Path, scores, read) -> None:
    """QA round 37b: every row was refused (one unknown word cost the known ones)."""
    items, _summary = team_sheet(tmp_path, "Satisfaction", scores)
    assert [item["score"] for item in items] == read


def test_a_google_forms_sheet_answering_0_and_10_is_read_on_0_10(tmp_path: Path) -> None:
    """QA round 38b: both ends of 0..10 among 1..5 answers were refused as typos, the rest sent on 1..5."""
    path, items_out, out = tmp_path / "form.csv", tmp_path / "items.jsonl", io.StringIO()
    scores = ["3", "0", "4", "0", "2", "5", "0", "10", "1", "4", "3", "2"]
    path.write_text("Timestamp,Ticket number,Agent email,How satisfied were you?\n" + "".join(
        f"10/5/2026 9:{n:02d}:00,6200{n},ana@example.com,{score}\n" for n, score in enumerate(scores)), encoding="utf-8")
    with contextlib.suppress(SystemExit):
        call_command("import_csat", str(path), "--dry-run", "--items-out", str(items_out), "--json", stdout=out)
    items = [json.loads(line) for line in items_out.read_text().splitlines()]
    assert {(item["min_score"], item["max_score"]) for item in items} == {(0, 10)} and len(items) == 12


def test_two_typos_far_above_any_scale_hold_no_other_row(tmp_path: Path) -> None:
    """QA round 38b: 55 and 44 in a 1..5 sheet held every row "until the scale is settled"."""
    items, _summary = team_sheet(tmp_path, "Score", ["5", "55", "4", "44", "3", "5", "4", "2"])
    assert [item["score"] for item in items] == [5, 4, 3, 5, 4, 2]


def test_a_decision_names_an_emoji_survey_in_emoji() -> None:
    """QA round 47a: the decision named 😠 'terrible' beside the file's emoji."""
    from uploads import scales

    assert scales._wording("intercom5", {"🤩", "😃"}) == "🤩 5, 😃 4, 😐 3, 🙁 2, 😠 1"
    assert scales._wording("intercom5", {"amazing"}) == "amazing 5, great 4, ok 3, bad 2, terrible 1"


def test_a_column_of_empty_lists_gives_no_column_and_no_notice() -> None:
    """QA round 60a: Delighted's notes and tags, "[]" on every row, were named as "one-item lists" read."""
    from uploads import objectcells, parsing

    sheet = parsing.parse_file(b"id,score,notes\n1,5,[]\n2,4,[]\n", "delighted.csv")
    assert (objectcells.expand_object_columns(sheet), sheet.columns, sheet.notices) == ([], ["id", "score", "notes"],
                                                                                         [])


QUALTRICS_DE = (
    "StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,ExternalReference,Q1,Q2,Q3\n"
    "Start Date,End Date,Response Type,Progress,Finished,Recorded Date,Response ID,External Data Reference,"
    "Über welchen Kanal haben Sie uns kontaktiert?,Wie zufrieden sind Sie mit der Lösung Ihres Anliegens?,"
    "Möchten Sie uns noch etwas mitteilen?\n"
    '"{""ImportId"":""startDate"",""timeZone"":""Europe/Berlin""}","{""ImportId"":""endDate"",""timeZone"":'
    '""Europe/Berlin""}","{""ImportId"":""status""}","{""ImportId"":""progress""}","{""ImportId"":""finished""}",'
    '"{""ImportId"":""recordedDate"",""timeZone"":""Europe/Berlin""}","{""ImportId"":""_recordId""}",'
    '"{""ImportId"":""externalDataReference""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}",'
    '"{""ImportId"":""QID3_TEXT""}"\n'
    "2026-11-02 08:00:00,2026-11-02 08:15:00,0,100,1,2026-11-02 08:15:00,R_1,72001|381,1,5,Danke!\n"
    "2026-11-02 09:00:00,2026-11-02 09:30:45,0,100,1,2026-11-02 09:30:45,R_2,72002|382,2,4,\n")


def test_a_german_qualtrics_surveys_csat_question_is_the_score_wherever_it_sits(tmp_path: Path) -> None:
    """QA round 63a: Q1 (the channel, 1 = E-Mail) went out as the score, Q2 "Wie zufrieden…" was set aside and
    Q3's comments were dropped unsaid."""
    _summary, items, _ = run_text(tmp_path, "qualtrics_de.csv", QUALTRICS_DE)
    assert [(item["ticket_id"], item["score"], item.get("comment")) for item in items] == [
        ("72001", 5, "Danke!"), ("72002", 4, None)]


def test_a_spanish_surveymonkey_accounts_dates_are_read_day_first(tmp_path: Path) -> None:
    """QA round 63a: the preset's fixed month-first order read 01/10/2026 … 10/10/2026 as January to October."""
    text = ("ID del encuestado,ID del recopilador,Fecha de inicio,Fecha de finalización,Custom Data 1,agent_email,"
            "¿Qué tan satisfecho está con la atención recibida?\n,,,,,,Respuesta\n" + "".join(
                f"1180522198{n},431277111,{n:02d}/10/2026 09:00:00 a. m.,{n:02d}/10/2026 09:02:30 a. m.,6200{n},"
                f"ana@example.com,{score}\n" for n, score in ((1, 5), (2, 4), (3, 5))))
    summary, items, _ = run_text(tmp_path, "surveymonkey_es.csv", text)
    assert summary["detected"]["preset"] == "SurveyMonkey all responses"
    assert [item["submitted_at"][:10] for item in items] == ["2026-10-01", "2026-10-02", "2026-10-03"]


def test_a_japanese_surveymonkey_account_is_read_with_its_open_question_as_the_comment(tmp_path: Path) -> None:
    """QA round 63a: 回答者 ID and コレクター ID matched no preset, and その他ご意見… was left out unsaid."""
    text = ("回答者 ID,コレクター ID,開始日,終了日,カスタム データ 1,agent_email,今回のサポートの対応にどの程度満足していますか？,"
            "その他ご意見があればお聞かせください。\n,,,,,,回答,自由回答\n"
            "118052219061,431234567,2026/10/05 09:00:00,2026/10/05 09:01:30,65001,ito@acme.co.jp,非常に満足,とても丁寧でした。\n")
    summary, items, _ = run_text(tmp_path, "surveymonkey_ja.csv", text)
    assert summary["detected"]["preset"] == "SurveyMonkey all responses"
    assert items == [{"submitted_at": "2026-10-05T09:01:30.000Z", "ticket_id": "65001", "agent_email": "ito@acme.co.jp",
                      "score": 5, "comment": "とても丁寧でした。", "score_label": "非常に満足", "min_score": 1,
                      "max_score": 5}]  # the label, as for English words, since row 2's 回答 marks the question


@pytest.mark.parametrize(("headers", "stamp"), [
    ("assignee_id,Ticket #,score,comment,created_at,updated_at", "2026-10-04T01:37:38.000Z"),
    ("Assignee,Ticket #,Score,Comment,Created at,Survey date", "2026-10-04T01:37:38.000Z"),  # QA round 66a
    ("Assignee,Ticket #,Score,Comment,Created at,Rated at", "2026-10-04T01:37:38.000Z"),
])
def test_a_record_s_updated_at_is_its_answer_time_beside_its_created_at(tmp_path: Path, headers, stamp) -> None:
    """QA round 64b: a Zendesk export whose 'ticket_id' was renamed 'Ticket #' matched no preset, and auto-detection
    sent created_at (the offer time); a hand-made sheet's 'Created at' is the ticket's, its survey date the answer's
    (QA round 66a: the Zendesk presets taking 'Ticket' sent the ticket's creation)."""
    text = f"{headers}\n3812345670055,48207,bad,Slow.,2026-10-02T19:37:38Z,2026-10-04T01:37:38Z\n"
    summary, items, _ = run_text(tmp_path, "zendesk.csv", text)
    assert summary["detected"]["preset"] == "Auto-detected columns"
    assert (items[0]["ticket_id"], items[0]["submitted_at"]) == ("48207", stamp)


def test_excel_subtotal_lines_among_the_answers_are_skipped(tmp_path: Path) -> None:
    """QA round 64b: Data > Subtotal's 'ana@acme.com Average' lines were refused with four errors each."""
    text = ("Ticket ID,Agent email,Scored date,Score\n"
            "48200,ana@acme.com,2026-10-03 08:14,5\n48201,ana@acme.com,2026-10-04 09:00,4\n"
            ",ana@acme.com Average,,4.5\n48202,ben@acme.com,2026-10-05 10:00,3\n,ben@acme.com Average,,3\n"
            ",Grand Average,,4\n")
    summary, items, _ = run_text(tmp_path, "subtotals.csv", text)
    assert [item["ticket_id"] for item in items] == ["48200", "48201", "48202"]
    assert [(result["row"], result["reason"]) for result in summary["row_results"]] == [
        (4, "'ana@acme.com Average' is a subtotal line (Excel's Data > Subtotal), not an answer"),
        (6, "'ben@acme.com Average' is a subtotal line (Excel's Data > Subtotal), not an answer"),
        (7, "'Grand Average' starts a summary line under the answers, not an answer")]


def test_a_pivot_table_saved_as_csv_is_refused_as_a_summary(tmp_path: Path) -> None:
    """QA round 64b: the refusal said to rename a column to 'Ticket ID', which would send counts as ticket ids."""
    _summary, items, err = run_text(tmp_path, "pivot.csv", "Row Labels,Count of Ticket #,Average of Rating\n"
                                                           "ana@acme.com,4,6.00\nben@acme.com,4,5.50\n")
    assert items == []
    assert err == ("pivot.csv: This is a summary table, not the answers: 'Count of Ticket #', 'Average of Rating' are "
                   "totals over groups of rows (a pivot table, or a report's summary). Save or export the sheet that "
                   "holds one row per answer, and upload that.\n")


def test_a_german_csv_of_serial_dates_with_decimal_commas_maps_its_date_column(tmp_path: Path) -> None:
    """QA round 65b: 'Datum' of 46089,3125 was no date column, and every row said none was mapped."""
    text = "Datum;Ticket-ID;Agent-E-Mail;Bewertung\n46089,3125;48213;a@example.com;5\n46089,5;48214;a@example.com;4\n"
    _summary, items, _ = run_text(tmp_path, "de.csv", text)
    assert [item["submitted_at"] for item in items] == ["2026-03-08T07:30:00.000Z", "2026-03-08T12:00:00.000Z"]


def test_google_forms_reason_question_is_the_comment(tmp_path: Path) -> None:
    """QA round 65a: "What is the main reason for your score?" was left out, and six comments with it."""
    text = ("Timestamp,Ticket number,Agent email,How satisfied are you with the support you received?,"
            "What is the main reason for your score?\n10/1/2026 9:00:12,41001,agent.one@example.com,10,Solved in minutes\n")
    summary, items, _ = run_text(tmp_path, "forms.csv", text)
    assert summary["detected"]["columns"]["comment"]["column"] == "What is the main reason for your score?"
    assert items[0]["comment"] == "Solved in minutes"


def test_excel_subtotals_by_ticket_are_skipped_and_an_agent_named_min_is_not(tmp_path: Path) -> None:
    """QA round 66a: "48213 Count" in the ticket column was refused; "Jiwoo Min" on a row without a ticket was
    skipped as a subtotal (no row above holds "Jiwoo")."""
    text = ("Ticket ID,Agent email,Date,Score\n48213,ana@acme.com,2026-10-03 08:14,5\n48213 Count,,,1\n"
            "48220,ben@acme.com,2026-10-04 09:00,4\n,Jiwoo Min,,4\n")
    summary, items, _ = run_text(tmp_path, "subtotals.csv", text)
    assert [item["ticket_id"] for item in items] == ["48213", "48220"]
    assert [(result["row"], result["status"]) for result in summary["row_results"]] == [
        (3, "skipped"), (5, "invalid")]


@pytest.mark.parametrize(("words", "scores"), [
    (["Gut", "Mittel", "Schlecht"], [3, 2, 1]),  # Zoho Desk in German (QA round 66b: read as 4 and 2 of 5)
    (["Bon", "Moyen", "Mauvais"], [3, 2, 1]),
])
def test_zoho_desk_s_localized_three_words_are_a_three_point_scale(tmp_path: Path, words, scores) -> None:
    text = "Ticket-ID,Agent E-Mail,Bewertet am,Bewertung\n" + "".join(
        f"210{n},a@example.com,2026-10-0{n + 1} 10:00:00,{word}\n" for n, word in enumerate(words))
    _summary, items, _ = run_text(tmp_path, "zoho.csv", text)
    assert [(item["score"], item["max_score"]) for item in items] == [(score, 3) for score in scores]


def test_a_rated_column_is_the_answer_time_over_the_ticket_s_created(tmp_path: Path) -> None:
    """QA round 66b: LiveAgent's 'Rated' lost to 'Created', and every item went out a day or two early."""
    text = ("Ticket ID,Rating,Agent email,Rated,Created\n"
            "48213,5,a@example.com,2026-10-05 14:48:10,2026-10-04 09:00:00\n")
    _summary, items, _ = run_text(tmp_path, "liveagent.csv", text)
    assert items[0]["submitted_at"] == "2026-10-05T14:48:10.000Z"
