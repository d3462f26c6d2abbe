"""`manage.py import_csat`: the same pipeline as the pages, from the command line."""

import json

import pytest
from django.core.management import call_command

from tests.fakemaestro import FakeMaestro
from uploads.models import Upload

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args) -> tuple[int, str]:
    """call_command with its exit status (0 when it returned normally) and stdout."""
    import io

    out = io.StringIO()
    try:
        call_command("import_csat", *args, stdout=out, stderr=out)
    except SystemExit as exc:
        return int(exc.code), out.getvalue()
    return 0, out.getvalue()


def test_it_writes_exactly_the_expected_items(shared, tmp_path):
    items_out = tmp_path / "items.jsonl"
    status, out = run(str(shared / "samples/basic_api_fields.csv"), "--dry-run", "--items-out", str(items_out), "--json")

    expected = json.loads((shared / "samples/expected/basic_api_fields.csv.json").read_text())
    wanted = [row["item"] for row in expected["rows"] if row["outcome"] == "valid"]
    written = [json.loads(line) for line in items_out.read_text(encoding="utf-8").splitlines()]
    assert written == wanted
    assert status == 1
    summary = json.loads(out)
    assert (summary["rows"], summary["valid"], summary["invalid"]) == (250, 240, 10)
    assert summary["detected"]["format"] == "csv"
    assert Upload.objects.count() == 0


def test_it_lists_each_row_not_valid_or_with_a_warning_in_json_and_text(shared, tmp_path):
    sample = str(shared / "samples/errors_kitchen_sink.csv")
    _, out = run(sample, "--dry-run", "--json")
    _, stored_out = run(sample, "--json")

    results = {result["row"]: result for result in json.loads(out)["row_results"]}
    assert results[6] == {"row": 6, "status": "invalid", "errors": [
        "Row 6, column 'Score': 6 is above max_score 5. Enter a whole number from 1 to 5."], "warnings": []}
    assert results[19]["status"] == "valid" and results[19]["warnings"] == [
        "Row 19, column 'Comment': comment starts with '=' (formula-like): sent verbatim; error reports neutralise "
        "it when writing CSV/XLSX."]
    assert results[18]["reason"] == "identical to row 17 in every mapped field"
    assert json.loads(stored_out)["row_results"] == json.loads(out)["row_results"]
    assert "row 6 invalid: Row 6, column 'Score': 6 is above max_score 5." in run(sample, "--dry-run")[1]


def test_it_refuses_a_mapping_file_that_reads_one_column_as_ticket_and_agent(shared, tmp_path):
    preset = tmp_path / "slip.json"
    preset.write_text('{"name": "Slip", "columns": {"ticket_id": "ticket_id", "agent_id": "ticket_id"}}')
    status, out = run(str(shared / "samples/basic_api_fields.csv"), "--dry-run", "--mapping", str(preset))
    assert status == 2  # QA round 49b: sent with the ticket number as agent_id
    assert out.strip() == (
        "basic_api_fields.csv: The preset 'Slip' cannot read this file: ticket_id and agent_id both read the column "
        "'ticket_id': one column cannot hold both. Choose another preset, or let the columns be found.")


SURVEY_PRESET = {
    "name": "Survey tool", "columns": {"submitted_at": "Completed", "ticket_id": "Ticket", "agent_id": "Agent",
                                       "score": "Q1", "score_label": "Q1"},
    "constants": {"min_score": 1, "max_score": 5},
    "value_maps": {"score": {"Very satisfied": 5, "Satisfied": 4, "Neither satisfied nor dissatisfied": 3,
                             "Dissatisfied": 2, "Very dissatisfied": 1}},
    "skip_rules": [{"column": "Status", "values": ["Test"], "reason": "test response"}],
    "clarifying": [{"key": "Q2", "question": "How easy was it?", "score": "Q2 Ease", "min_score": 1, "max_score": 7}]}


def test_a_mappings_own_scale_holds_when_an_answer_is_not_in_its_map(tmp_path):
    """QA round 71b: one "Extremely satisfied" among a 1..5 map's answers swapped in the 7-point wording, with the
    map's 1..5 kept: "Satisfied" went out as 5 of 5."""
    preset, path, items = tmp_path / "survey.json", tmp_path / "survey.csv", tmp_path / "items.jsonl"
    preset.write_text(json.dumps(SURVEY_PRESET))
    path.write_text("Completed,Ticket,Agent,Q1,Status,Q2 Ease\n" + "".join(
        f"2026-10-0{n + 1} 09:00:00,4840{n},700{n},{answer},,3\n" for n, answer in enumerate(
            ["Very satisfied", "Satisfied", "Dissatisfied", "Very dissatisfied", "Extremely satisfied"])))
    run(str(path), "--dry-run", "--mapping", str(preset), "--items-out", str(items))
    written = [json.loads(line) for line in items.read_text().splitlines()]
    assert [(item["score_label"], item["score"], item["max_score"]) for item in written][:4] == [
        ("Very satisfied", 5, 5), ("Satisfied", 4, 5), ("Dissatisfied", 2, 5), ("Very dissatisfied", 1, 5)]


def test_scores_of_another_scale_than_a_presets_constants_hold_every_row(shared, tmp_path):
    """QA round 71b: Zendesk's Good/Bad preset chosen for a 1..5 file sent its 1 (the worst) as 1 of 0..1."""
    path = tmp_path / "team.csv"
    path.write_text("ticket_id,agent_id,score,submitted_at\n" + "".join(
        f"4821{n},381,{score},2026-10-0{n + 1}T10:00:00Z\n" for n, score in enumerate([5, 4, 1, 3])))
    _, out = run(str(path), "--dry-run", "--mapping", "Zendesk satisfaction ratings", "--json")
    summary = json.loads(out)
    assert (summary["valid"], summary["invalid"]) == (0, 4)
    assert ("3 scores lie outside 0..1, the scale the mapping sets (this file's run from 1 to 5): if the survey's "
            "scale is 1..5, set Lowest score 1 and Highest score 5 on the mapping page; until then every row is "
            "invalid, those inside 0..1 too") in summary["detected"]["decisions"]
    assert summary["row_results"][2]["errors"] == [
        "Row 4, column 'score': 1 is held until the survey's scale is settled: 3 scores in this file lie outside 0..1, "
        "from 1 to 5. If the survey's scale is 1..5, set Lowest score 1 and Highest score 5 on the mapping page; if the "
        "survey's scale is 0..1, fix the scores outside it."]


def test_a_presets_map_of_numbers_holds_no_row_and_words_are_never_held(shared, tmp_path):
    """QA round 72b: a map of 1-3 to 0 and 4-5 to 1 on 0..1 held every row; Zendesk's Good beside stray 5s is read,
    while a stray 1 is held (it was sent as Good)."""
    preset, path, items = tmp_path / "binary.json", tmp_path / "team.csv", tmp_path / "items.jsonl"
    preset.write_text(json.dumps({"name": "Binary", "columns": {"ticket_id": "ticket_id", "agent_id": "agent_id",
                                                                "submitted_at": "submitted_at", "score": "score"},
                                  "constants": {"min_score": 0, "max_score": 1},
                                  "value_maps": {"score": {"1": 0, "2": 0, "3": 0, "4": 1, "5": 1}}}))
    path.write_text("ticket_id,agent_id,score,submitted_at\n" + "".join(
        f"4821{n},381,{score},2026-10-0{n + 1}T10:00:00Z\n" for n, score in enumerate([5, 4, 1, 3])))
    run(str(path), "--dry-run", "--mapping", str(preset), "--items-out", str(items))
    assert [json.loads(line)["score"] for line in items.read_text().splitlines()] == [1, 1, 0, 0]
    path.write_text("ticket_id,assignee_id,score,updated_at\n" + "".join(
        f"4821{n},381,{score},2026-10-0{n + 1}T10:00:00Z\n" for n, score in enumerate(
            ["good", "bad", "5", "4", "1", "good"])))
    _, out = run(str(path), "--dry-run", "--mapping", "Zendesk satisfaction ratings", "--json")
    assert [row["status"] for row in json.loads(out)["row_results"]] == ["invalid"] * 3  # rows 4, 5 and the 1
    path.write_text("ticket_id,assignee_id,score,updated_at\n" + "".join(  # QA round 73a: one 5, one 1
        f"4821{n},381,{score},2026-10-0{n + 1}T10:00:00Z\n" for n, score in enumerate(["good", "bad", "5", "1"])))
    _, out = run(str(path), "--dry-run", "--mapping", "Zendesk satisfaction ratings", "--json")
    assert [(row["row"], row["status"]) for row in json.loads(out)["row_results"]] == [(4, "invalid"), (5, "invalid")]
    path.write_text("ticket_id,agent_id,rating,submitted_at\n" + "".join(  # QA round 73a: a 1 of 5 sent as Happy
        f"4821{n},381,{score},2026-10-0{n + 1}T10:00:00Z\n" for n, score in enumerate([5, 4, 1, 3])))
    _, out = run(str(path), "--dry-run", "--mapping", "Freshdesk satisfaction ratings (classic 3-point)", "--json")
    assert json.loads(out)["valid"] == 0


def test_a_mappings_lowest_and_highest_score_keep_out_a_wording_of_another_range(tmp_path):
    """QA round 74a: a saved Google Forms mapping with Lowest 1 and Highest 5 sent "Good" as Good/Bad's 1 of 1..5."""
    preset, path = tmp_path / "form.json", tmp_path / "form.csv"
    preset.write_text(json.dumps({"name": "Form", "columns": {"submitted_at": "Timestamp", "ticket_id": "Ticket",
                                                              "agent_email": "Agent", "score": "Rating"},
                                  "constants": {"min_score": 1, "max_score": 5}, "word_scales": ["good_bad"]}))
    path.write_text("Timestamp,Ticket,Agent,Rating\n2026-10-01 10:00:00,1,a@example.com,Good\n"
                    "2026-10-01 11:00:00,2,a@example.com,Bad\n")
    _, out = run(str(path), "--dry-run", "--mapping", str(preset), "--json")
    assert json.loads(out)["valid"] == 0
    data = json.loads(preset.read_text())  # a preset's own Good/Bad map under 1..5 (QA round 75a)
    preset.write_text(json.dumps({**data, "word_scales": [], "value_maps": {"score": {"good": 1, "bad": 0}}}))
    _, out = run(str(path), "--dry-run", "--mapping", str(preset), "--json")
    assert json.loads(out)["valid"] == 0


def test_it_names_the_columns_a_users_preset_reads_and_the_file_lacks(tmp_path):
    """QA round 71b: a survey tool renamed Status and Q2 Ease; the test response went out, the clarifying answers
    were dropped, and nothing said so."""
    preset, path = tmp_path / "survey.json", tmp_path / "survey.csv"
    preset.write_text(json.dumps(SURVEY_PRESET))
    path.write_text("Completed,Ticket,Agent,Q1,Response Status,Q2 Ease (1-7)\n"
                    "2026-10-01 09:00:00,48401,7001,Satisfied,Test,3\n")
    _, out = run(str(path), "--dry-run", "--mapping", str(preset), "--json")
    assert json.loads(out)["notices"][0] == (
        "The preset 'Survey tool' reads columns this file does not have: 'Status' (a skip rule: the rows it skips are "
        "read as answers); 'Q2 Ease' (clarifying question 'How easy was it?': not sent). Check the mapping, or rename "
        "the columns in the file or the preset.")


def test_it_says_every_header_fault_in_one_paragraph(shared):
    status, out = run(str(shared / "cases/B12-duplicate-blank-headers.csv"), "--dry-run")
    assert status == 2  # the file is refused
    assert out.strip().endswith(
        "B12-duplicate-blank-headers.csv: Duplicate column 'score' (columns C and E); column F has no header but "
        "contains data. Give every column that holds data a header of its own (rename or delete the extra columns), "
        "save the file and upload it again.")


def test_it_reads_a_text_file_in_the_encoding_given(tmp_path):
    """--encoding, as the upload form's choice: a short Russian KOI8-R file detection cannot tell."""
    path, items_out = tmp_path / "ru.csv", tmp_path / "items.jsonl"
    path.write_bytes("submitted_at,ticket_id,agent_id,score,comment\n2026-10-05T09:00:00Z,1,381,5,Спасибо\n"
                     .encode("koi8_r"))
    status, out = run(str(path), "--dry-run", "--encoding", "koi8_r", "--items-out", str(items_out), "--json")
    assert (status, json.loads(out)["detected"]["encoding"]) == (0, "koi8-r")
    assert json.loads(items_out.read_text(encoding="utf-8"))["comment"] == "Спасибо"


def test_it_names_rows_that_give_the_same_answer_with_another_comment(tmp_path):
    """QA round 77b: a copied row whose comment was changed went out twice, named only on the rows table."""
    path = tmp_path / "team.csv"
    path.write_text("submitted_at,ticket_id,agent_id,score,comment\n2026-10-05T09:00:00Z,1,381,5,ok\n"
                    "2026-10-05T09:00:00Z,2,381,4,\n2026-10-05T09:00:00Z,1,381,5,pasted twice\n", encoding="utf-8")
    status, out = run(str(path), "--dry-run", "--json")
    assert (status, json.loads(out)["notices"]) == (0, [
        "Rows that give the same answer (ticket, agent, time and score) with another comment: 2 and 4. Each row is "
        "sent as an answer of its own: if one row corrects another, delete the wrong one."])


def test_it_reports_the_time_zone_a_file_declares_as_the_one_used(shared):
    _, out = run(str(shared / "samples/qualtrics_csat_numeric_3header.csv"), "--dry-run", "--json",
                 "--time-zone", "UTC")
    assert json.loads(out)["detected"]["time_zone"] == "America/Los_Angeles"


def test_it_says_to_migrate_first_on_a_database_without_tables(shared, tmp_path):
    """Not a traceback: a fresh checkout whose database was never migrated (make run migrates)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    done = subprocess.run(
        [sys.executable, "manage.py", "import_csat", str(shared / "samples/basic_api_fields.csv")],
        cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True, timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "csatportal.test_settings",
             "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"})

    assert (done.returncode, done.stderr.strip().splitlines()[-1]) == (2, (
        "The database has no tables yet: run `make run` once (or `.venv/bin/python manage.py migrate`), then run "
        "this again. --dry-run needs no database."))


def test_it_delivers_every_item_once_with_submit_wait(shared, settings, queue):
    with FakeMaestro(limits=[(10, 1.0), (100, 60.0)]) as server:
        settings.MAESTROQA_API_URL = server.base_url
        settings.MAESTROQA_API_TOKEN = "test-token-not-real"
        status, out = run(str(shared / "samples/basic_api_fields.csv"), "--submit", "--wait", "--json")

    summary = json.loads(out)
    assert (summary["created"], summary["failed"], summary["status"]) == (240, 0, "done")
    assert (summary["unconfirmed"], summary["batches"]) == (0, 3)
    assert [len(request.json["data"]) for request in server.requests] == [100, 100, 40]
    tickets = [item["ticket_id"] for request in server.requests for item in request.json["data"]]
    assert len(tickets) == len(set(tickets)) == 240
    assert server.violations == 0
    assert status == 1  # 10 rows were invalid


def test_submit_waits_for_approval_when_approval_is_required(shared, settings, queue):
    settings.REQUIRE_APPROVAL = True
    with FakeMaestro(limits=[(10, 1.0), (100, 60.0)]) as server:
        settings.MAESTROQA_API_URL = server.base_url
        settings.MAESTROQA_API_TOKEN = "test-token-not-real"
        status, out = run(str(shared / "samples/basic_api_fields.csv"), "--submit", "--wait")

    upload = Upload.objects.get()
    assert upload.status == Upload.Status.AWAITING_APPROVAL
    assert f"Upload {upload.pk} awaits an admin's approval (REQUIRE_APPROVAL is on)" in out
    assert server.requests == []
    assert status == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a spreadsheet"),
        (b"ticket_id,score\n", "no data rows"),
        (b"name,colour\nann,red\n", "No column could be a ticket id"),
        (b"49501|ana@example.com|5|Great|2026-10-05 14:53:00+00\n49502|ben@example.com|4||2026-10-05 15:10:00+00\n",
         "The file has no header row: its first line is an answer (49501, ana@example.com, 5, Great)"),  # Redshift
    ],
)
def test_it_exits_2_for_a_file_it_cannot_use(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    status, out = run(str(path), "--dry-run")
    assert status == 2
    assert message.lower() in out.lower()
    assert Upload.objects.count() == 0


def test_it_exits_2_for_an_unknown_time_zone(shared):
    status, out = run(str(shared / "samples/basic_api_fields.csv"), "--dry-run", "--time-zone", "Mars/Olympus")
    assert status == 2
    assert "--time-zone Mars/Olympus: unknown time zone" in out


def test_it_reports_unconfirmed_rows_and_batches_in_json(shared, settings, queue):
    with FakeMaestro() as server:
        server.script([("504",)])
        settings.MAESTROQA_API_URL = server.base_url
        settings.MAESTROQA_API_TOKEN = "test-token-not-real"
        status, out = run(str(shared / "samples/basic_api_fields.csv"), "--submit", "--wait", "--json")

    summary = json.loads(out)
    assert (summary["created"], summary["unconfirmed"], summary["batches"]) == (140, 100, 3)
    assert (summary["status"], status) == ("done_with_errors", 1)


def test_it_says_when_the_items_file_cannot_be_written(shared, tmp_path):
    """QA round 35a: a folder that does not exist gave a traceback."""
    missing = tmp_path / "no-such-folder" / "items.jsonl"
    status, out = run(str(shared / "samples/basic_api_fields.csv"), "--dry-run", "--items-out", str(missing))
    assert status == 2
    assert out.strip() == (f"--items-out {missing}: cannot write there. Give a path in a folder that exists and that "
                           "you may write to.")
