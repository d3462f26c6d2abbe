"""uploads.parsing: files -> sheets of text cells.

Inputs come from shared/ (csv-spectrum, the B-cases, the sample exports) or are
built in tmp_path, one per quirk. Plain pytest: no Django needed.
"""

from __future__ import annotations

import datetime
import io
import json
import random
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from uploads import mapping
from uploads.headerrows import HEADER_FIX
from uploads.parsing import Limits, ParseError, parse_file, where_read

SHARED = Path(__file__).resolve().parents[2] / "shared"
CASES = SHARED / "cases"
SAMPLES = SHARED / "samples"
SPECTRUM = SHARED / "peer" / "csv-spectrum"
ACCEPTED = "Upload a CSV or TSV text file, or an Excel (.xlsx, .xlsm, .xls) or OpenDocument (.ods) workbook."
SAVE_AS = ('Open it in Excel and save it as "CSV UTF-8", then upload it again (or choose its text encoding under '
           '"Sheet, header row and text encoding" on the upload form, or under "Read the file differently" on the '
           'mapping page; import_csat: --encoding).')
LONG_NOTE = "numeric id has more than 15 significant digits: may have been rounded by Excel"
DAMAGED = (
    "The workbook could not be read; it may be damaged. Open it in Excel or LibreOffice and save it again as .xlsx."
)
SPLIT = "Split it into smaller files and upload them one at a time."
FORMULA_NOTE = "holds a formula with no saved result: open the file in Excel and save it again"


def ticket_header(cells: list[str]) -> int:
    """A stand-in for mapping.header_score: the number of known names when 'ticket_id' is one of them."""
    return sum(cell in ("ticket_id", "score", "agent_id") for cell in cells) if "ticket_id" in cells else 0


def column(sheet, name: str) -> list[str]:
    index = sheet.columns.index(name)
    return [row[index] for row in sheet.rows]


def messages(**kwargs) -> list[str]:
    with pytest.raises(ParseError) as caught:
        parse_file(**kwargs)
    return caught.value.messages


def xlsx_with_sheet_data(tmp_path: Path, sheet_data: str, name: str = "crafted.xlsx") -> Path:
    """An openpyxl workbook whose first sheet's <sheetData> is replaced by `sheet_data`."""
    base = tmp_path / "base.xlsx"
    openpyxl.Workbook().save(base)
    out = tmp_path / name
    replacement = f"<sheetData>{sheet_data}</sheetData>".encode()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<sheetData\s*/>|<sheetData>.*</sheetData>", lambda _: replacement, data, flags=re.S)
            target.writestr(item.filename, data)
    return out


# csv-spectrum (shared/peer/README.md)


@pytest.mark.parametrize("name", sorted(path.stem for path in (SPECTRUM / "csvs").glob("*.csv")))
def test_it_reads_every_csv_spectrum_file(name):
    raw = (SPECTRUM / "csvs" / f"{name}.csv").read_bytes()
    expected = json.loads((SPECTRUM / "json" / f"{name}.json").read_text(encoding="utf-8"))
    if b"\r" not in raw:  # the shared copy of newlines_crlf.csv lost its CRs; its JSON still has them
        expected = [{key: value.replace("\r\n", "\n") for key, value in record.items()} for record in expected]

    sheet = parse_file(raw, f"{name}.csv")

    assert [dict(zip(sheet.columns, row, strict=True)) for row in sheet.rows] == expected


@pytest.mark.parametrize(("raw", "expected"), [
    (b'a,b,c\n1,,2\n3,"NULL",4\n5,NULL,6\n', [["1", "", "2"], ["3", "NULL", "4"], ["5", "", "6"]]),  # null.csv
    (b'a,b,c\r1,2,3\r"Once upon \ra time",5,6\r7,8,9\r', [["1", "2", "3"], ["Once upon \ra time", "5", "6"],
                                                        ["7", "8", "9"]]),  # newlines_cr.csv
    (b"a,b,c\n1,2,3\n4,5,\xa9\n", [["1", "2", "3"], ["4", "5", "\u00a9"]]),  # latin1.csv
])
def test_it_reads_csv_spectrums_later_files(raw, expected):
    """Files csv-spectrum added after the shared copy was taken (github.com/max-mapper/csv-spectrum)."""
    assert parse_file(raw, "spectrum.csv").rows == expected


def test_it_reads_an_unquoted_null_as_blank_with_a_note_and_keeps_a_quoted_one():
    sheet = parse_file(b'ticket_id,comment\nNULL,NULL\n2,"NULL"\n3,"say ""NULL"" twice, NULL"\n4,NULLS\n',
                       "ssms.csv")

    assert (sheet.rows, sheet.cell_notes, sheet.notices) == (
        [["", ""], ["2", "NULL"], ["3", 'say "NULL" twice, NULL'], ["4", "NULLS"]],
        {(0, 0): "held NULL, what a database export writes for an empty cell",
         (0, 1): "held NULL, what a database export writes for an empty cell"},
        ["2 cells held NULL without quotes, what a database export writes for an empty cell: they are read as "
         "blank. A NULL in quotes is kept as the word."])


# B-cases (shared/cases/README.md)


def test_it_keeps_long_ids_as_typed_b01():
    sheet = parse_file(CASES / "B01-long-ids.csv")

    assert column(sheet, "ticket_id") == ["922250816601", "", "1234567890123456789", "922250816602"]
    assert column(sheet, "score") == ["5", "4", "3", ""]


@pytest.mark.parametrize("name", ["B02-leading-zeros.csv", "B02-leading-zeros.xlsx"])
def test_it_keeps_leading_zeros_b02(name):
    sheet = parse_file(CASES / name)

    assert column(sheet, "ticket_id") == ["000123", "0614", "10045"]
    assert column(sheet, "agent_id") == ["007", "042", "118"]
    assert column(sheet, "score") == ["5", "4", "3"]


def test_it_keeps_blank_and_na_cells_apart_b03():
    sheet = parse_file(CASES / "B03-blank-and-na-cells.xlsx")

    assert column(sheet, "ticket_id") == ["T-1001", "", "T-1003", "T-1004", "T-1005", "NA"]
    assert column(sheet, "comment")[2:5] == ["N/A", "None", ""]
    assert not {"nan", "NaN", "NaT", "<NA>"} & {cell for row in sheet.rows for cell in row}


def test_it_reads_date_cells_numbers_and_text_b04():
    sheet = parse_file(CASES / "B04-excel-serial-dates.xlsx")

    # a real date cell, a General-format serial (left to validation), ISO text
    assert column(sheet, "submitted_at") == ["2026-03-08 07:30:00", "46089.3125", "2026-03-08T07:30:00Z"]


def test_it_strips_the_utf8_bom_before_the_quoted_header_b08():
    sheet = parse_file(CASES / "B08-utf8-bom.csv")

    assert sheet.columns == ["ticket_id", "agent_id", "score", "submitted_at", "comment"]
    assert sheet.encoding == "utf-8-sig"
    assert [row[0] for row in sheet.rows] == ["T-6001", "T-6002"]


def test_it_reads_cp1252_with_exact_characters_b09():
    sheet = parse_file(CASES / "B09-cp1252.csv")

    assert sheet.encoding == "cp1252"
    assert column(sheet, "comment") == ["Caf\u00e9 desk \u2013 it\u2019s great", "\u201cQuick\u201d reply"]


def test_it_counts_records_not_lines_b11():
    sheet = parse_file(CASES / "B11-quoted-newlines.csv")

    assert sheet.row_numbers == [2, 3, 4]
    assert column(sheet, "comment") == [
        "First line\r\nsecond line, with a comma",
        'He said "thanks"\nthen left',
        "score out of range",
    ]


def test_it_rejects_duplicate_and_blank_headers_b12():
    assert messages(source=CASES / "B12-duplicate-blank-headers.csv") == [
        "duplicate column 'score' (columns C and E)",
        "column F has no header but contains data",
        HEADER_FIX,
    ]


def test_it_takes_the_header_under_a_row_of_group_headings():
    """Medallia's export with "Request" and "Response" merged above their columns (QA round 28a)."""
    sheet = parse_file(b"Request,,Response,,\nrequest_id,ext_interaction_id,response_received_at,star_rating,"
                       b"employee_email\nrq_1,48300,2026-10-03 14:00:14,5,a@example.com\n", "medallia.csv")
    assert (sheet.header_row, sheet.columns[:2]) == (2, ["request_id", "ext_interaction_id"])


def test_it_takes_the_header_under_group_headings_over_a_narrow_file():
    """Four headings over seven columns (QA round 29a): the full row under them is the header."""
    sheet = parse_file(b"Request,,Response,,Employee,,Other\nrequest_id,ticket_id,submitted_at,score,agent_id,"
                       b"channel,tags\nrq_1,48300,2026-10-03 14:00:14,5,381,chat,x\n", "medallia.csv",
                       header_score=ticket_header)
    assert sheet.header_row == 2


def test_it_rejects_the_duplicate_and_blank_headers_pandas_renamed_b12():
    """read_csv().to_csv() of the B12 case: 'score.1' is the second 'score', 'Unnamed: 5' the blank one."""
    text = (CASES / "B12-duplicate-blank-headers.csv").read_bytes()
    renamed = pd.read_csv(io.BytesIO(text), dtype=str).to_csv(index=False).encode()

    assert messages(source=renamed, filename="B12-pandas.csv") == [
        "duplicate column 'score' (columns C and E: 'score' and 'score.1')",
        "column F has no header but contains data",
        HEADER_FIX,
    ]
    assert parse_file(b"Q1,Q1.1,ticket_id\n5,4,T-1\n", "numbered.csv").columns == ["Q1", "Q1.1", "ticket_id"]


def test_it_takes_no_customers_sentence_for_the_header_row():
    """QA round 36a: a comment "Ticket 48213 was closed too early, reopened as this one." in row 3 outscored a
    header of names no field knows ("Number", ServiceNow's), and the file was read from row 3."""
    sheet = parse_file(b"Number,Opened,Assigned to email,Rating,Additional comments\n"
                       b"INC0012345,2026-10-01 10:00,ana@example.com,5,Fine\n"
                       b"INC0012346,2026-10-02 10:00,ben@example.com,2,Ticket 48213 was closed too early, reopened\n",
                       "servicenow.csv")
    assert (sheet.header_row, sheet.columns[0]) == (1, "Number")


def test_it_ignores_the_unnamed_index_column_a_data_tool_writes_first():
    sheet = parse_file(b",ticket_id,score\n0,T-1,5\n1,T-2,4\n2,T-3,3\n", "pandas.csv")

    assert (sheet.columns, sheet.rows) == (["ticket_id", "score"], [["T-1", "5"], ["T-2", "4"], ["T-3", "3"]])
    assert sheet.notices == ["Column A has no header and holds only row numbers (0 to 2: the index pandas and other "
                             "data tools write first), so it was ignored."]
    assert messages(source=b",ticket_id,score\n7,T-1,5\n1,T-2,4\n", filename="gaps.csv")[0] == (
        "column A has no header but contains data")
    filtered = parse_file(b",ticket_id,score\n0,T-1,5\n1,T-2,4\n3,T-4,3\n7,T-8,5\n", "filtered.csv")  # QA round 33b
    assert (filtered.columns, filtered.notices) == (["ticket_id", "score"], [
        "Column A has no header and holds only row numbers (0 to 7: the index pandas and other data tools write "
        "first), so it was ignored."])
    shuffled = parse_file(b",ticket_id,score\n2,T-3,5\n0,T-1,4\n1,T-2,3\n", "sorted.csv")  # a sorted frame
    assert shuffled.columns == ["ticket_id", "score"]
    later = parse_file(b",ticket_id,score\n3,T-4,5\n4,T-5,4\n9,T-10,3\n", "later.csv")  # first rows filtered (57a)
    assert (later.columns, later.rows[0]) == (["ticket_id", "score"], ["T-4", "5"])
    assert messages(source=b",ticket_id,score\n48213,T-1,5\n48214,T-2,4\n", filename="ids.csv")[0] == (
        "column A has no header but contains data")  # ticket ids under a blank header: B12


@pytest.mark.parametrize(
    ("name", "first"), [("B13-trailing-formatted-blanks.xlsx", "T-1301"), ("B13-wrong-dimension.xlsx", "T-1401")]
)
def test_it_reads_the_real_used_range_b13(name, first):
    sheet = parse_file(CASES / name)

    assert sheet.columns == ["ticket_id", "agent_id", "score", "submitted_at", "comment"]
    assert len(sheet.rows) == 3
    assert sheet.rows[0][0] == first
    assert sheet.row_numbers == [2, 3, 4]


def test_it_keeps_formula_like_text_verbatim_b16():
    sheet = parse_file(CASES / "B16-formula-comments.csv")

    assert column(sheet, "comment")[:6] == [
        "=1+1",
        "+SUM(1;2)",
        "-2+3",
        "@SUM(1+1)",
        '=HYPERLINK("http://example.invalid/?x="&A1,"open")',
        "\t=1+1",
    ]
    assert column(sheet, "ticket_id")[6] == "-1507"


def test_it_refuses_xml_entity_declarations_b17():
    assert messages(source=CASES / "B17-xml-entities.xlsx") == [
        "This is an unsafe workbook (XML entity declarations); save it again from Excel or LibreOffice."
    ]


def test_it_reads_all_200_rows_b22():
    sheet = parse_file(CASES / "B22-200-rows-to-edit.csv")

    assert len(sheet.rows) == 200
    assert sheet.row_numbers[-1] == 201


# Sample exports (shared/samples/README.md)


def expected_rows(expected: dict) -> list[int]:
    if "rows" in expected:
        return [row["row"] for row in expected["rows"]]
    variant = next(iter(expected["variants"].values()))
    return sorted(row["row"] for outcome in ("valid", "invalid", "skipped", "duplicate") for row in variant[outcome])


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("expected/*.json")), ids=lambda path: path.stem)
def test_it_gives_every_sample_its_data_rows_and_row_numbers(path):
    expected = json.loads(path.read_text(encoding="utf-8"))

    sheet = parse_file(SAMPLES / expected["file"])

    rows = expected_rows(expected)
    assert sheet.row_numbers == rows
    assert len(sheet.rows) == expected.get("data_rows", len(rows))
    assert sheet.header_row == expected.get("header_row", 1)
    assert all(len(row) == len(sheet.columns) for row in sheet.rows)


def test_it_reads_the_qualtrics_three_header_rows():
    sheet = parse_file(SAMPLES / "qualtrics_csat_numeric_3header.csv")

    assert sheet.layout == "qualtrics"
    assert sheet.columns[:3] == ["StartDate", "EndDate", "Status"]
    assert sheet.columns[-4:] == ["UserLanguage", "Q1", "Q2", "Brand"]  # the trailing empty column is gone
    assert [row[:3] for row in sheet.extra_header_rows] == [
        ["Start Date", "End Date", "Response Type"],
        [
            '{"ImportId":"startDate","timeZone":"America/Los_Angeles"}',
            '{"ImportId":"endDate","timeZone":"America/Los_Angeles"}',
            '{"ImportId":"status"}',
        ],
    ]
    assert sheet.declared_time_zones == {
        "StartDate": "America/Los_Angeles",
        "EndDate": "America/Los_Angeles",
        "RecordedDate": "America/Los_Angeles",
    }
    row = sheet.rows[sheet.row_numbers.index(38)]
    assert row[sheet.columns.index("ExternalReference")] == "004711|3812345670044"
    assert row[sheet.columns.index("RecordedDate")] == "2026-10-29 14:18:32"


def test_it_reads_the_intercom_workbook_cells_as_excel_shows_them():
    sheet = parse_file(SAMPLES / "intercom_mixed_ids.xlsx")

    assert (sheet.format, sheet.sheet_name, sheet.sheet_names) == ("xlsx", "CSAT", ["CSAT", "Pivot"])
    assert sheet.columns == [
        "Conversation ID",
        "Source",
        "Teammate ID",
        "Teammate email",
        "Rating",
        "Remark",
        "Rated at",
    ]
    by_row = dict(zip(sheet.row_numbers, sheet.rows, strict=True))
    assert by_row[2][:3] == ["215471234500000", "Intercom", "5123404"]
    assert by_row[4][0] == "00012302"
    assert by_row[7][0] == "215471239500015"
    assert by_row[7][4] == "4"
    assert by_row[13][0] == "2154712345678900"
    assert by_row[31][2] == ""
    assert by_row[38][4] == ""
    assert by_row[2][6] == "2026-10-06 10:38:22"
    assert by_row[21][6] == "2026-10-13 02:28:03"
    assert by_row[25][6] == "2026-10-14"
    assert set(column(sheet, "Rating")) <= {"1", "2", "3", "4", "5", ""}
    assert sheet.cell_notes == {(sheet.row_numbers.index(13), 0): LONG_NOTE}


def test_it_finds_the_header_under_a_title_and_ignores_the_unnamed_notes_column():
    sheet = parse_file(SAMPLES / "errors_kitchen_sink.csv")

    assert sheet.header_row == 3
    assert sheet.columns == ["Submitted At", "Ticket ID", "Agent ID", "Agent Email", "Score", "Score Label", "Comment"]
    assert sheet.notices == ["Column H has no header, so its 1 filled cell was ignored (in row 18); that row has a warning."]
    assert 28 not in sheet.row_numbers
    by_row = dict(zip(sheet.row_numbers, sheet.rows, strict=True))
    assert by_row[25][1] == "50122\u00a0"
    assert len(by_row[21][6]) == 12299
    assert by_row[29][6] == 'Line one, with a comma.\nLine two with "quotes".'


def test_it_reads_the_other_sample_headers():
    assert parse_file(SAMPLES / "google_forms_csat.csv").columns == [
        "Timestamp",
        "Email address",
        "Ticket number",
        "Agent email",
        "How satisfied are you with the help you received?",
        "Tell us more (optional)",
    ]
    assert parse_file(SAMPLES / "clarifying_questions_survey.csv").columns[5] == (
        "Q1 - Overall, how satisfied were you with our support?"
    )
    assert parse_file(SAMPLES / "basic_api_fields.csv").columns == [
        "submitted_at",
        "ticket_id",
        "agent_id",
        "agent_email",
        "score",
        "score_label",
        "comment",
    ]
    zendesk = parse_file(SAMPLES / "zendesk_satisfaction_ratings.csv")
    assert zendesk.columns == [
        "id",
        "url",
        "assignee_id",
        "group_id",
        "requester_id",
        "ticket_id",
        "score",
        "comment",
        "reason",
        "created_at",
        "updated_at",
    ]
    assert column(zendesk, "assignee_id")[0] == "3812345670022"
    assert "Said \"it's fixed\", it wasn't.\nStill waiting, order #A-1182." in column(zendesk, "comment")


# Text encodings and delimiters


@pytest.mark.parametrize(("bom", "codec"), [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_it_reads_excel_unicode_text(tmp_path, bom, codec):
    comments = ["Caf\u00e9 \u2013 \u201cok\u201d, fine", "\u05ea\u05d5\u05d3\u05d4"]
    text = f"ticket_id\tscore\tcomment\r\nT-1\t5\t{comments[0]}\r\nT-2\t4\t{comments[1]}\r\n"
    path = tmp_path / "unicode.txt"
    path.write_bytes(bom + text.encode(codec))

    sheet = parse_file(path)

    assert (sheet.encoding, sheet.delimiter) == (codec, "\t")
    assert sheet.rows == [["T-1", "5", comments[0]], ["T-2", "4", comments[1]]]


def test_it_reads_a_japanese_excels_csv_as_shift_jis_not_korean():
    comment = "対応が早くて助かりました"  # 対応が早くて助かりました
    data = f"ticket_id,score,comment\r\nT-1,5,{comment}\r\n".encode("cp932")

    sheet = parse_file(data, "ja.csv")

    assert (sheet.encoding, sheet.rows) == ("cp932", [["T-1", "5", comment]])


def test_it_reads_a_german_excels_ms_dos_csv_as_cp850():
    data = "ticket_id;score;comment\r\nT-1;2;Größe falsch geliefert\r\nT-2;5;Über Nacht gelöst, schön\r\n".encode("cp850")

    sheet = parse_file(data, "msdos.csv")

    assert (sheet.encoding, [row[2] for row in sheet.rows]) == (
        "cp850", ["Größe falsch geliefert", "Über Nacht gelöst, schön"])


def test_it_says_when_a_legacy_code_page_saved_letters_as_question_marks():
    """QA round 40b: Polish and Russian comments saved by Excel's "CSV (Comma delimited)" went out as
    "Dzi?kuj?" and "????? ?? ???" with nothing said; a link's query and "What???" are no lost letters."""
    data = ("ticket_id,score,comment\r\nT-1,5,See https://help.example.com/a?id=5 - What???\r\n"
            "T-2,5,\"Dzi?kuj?, pani ?ucja\"\r\nT-3,4,????? ?? ???\r\nT-4,4,Très bien\r\n").encode("cp1252")

    sheet = parse_file(data, "lost.csv")

    assert sheet.rows[1][2] == "Dzi?kuj?, pani ?ucja"
    assert sheet.notices == [
        "2 lines of the file (the first: line 3, 'Dzi?kuj?') have '?' where letters or emoji should be: the file was "
        "saved in a code page without them (cp1252; Excel's \"CSV (Comma delimited)\"), so they are lost, and the rows are "
        "sent as they are. To keep the letters, save the original as \"CSV UTF-8\" and upload that."]


def test_the_lost_letters_notice_names_emoji_a_code_page_saved_as_question_marks():
    """QA round 76b: Intercom's "🤩 Amazing" labels saved by Excel as plain CSV went out as "? Amazing" unsaid;
    a comment asking "? why" once, or a '?' inside a sentence, is none."""
    lost = "id,rating,remark\r\n1,? Amazing,Fast\r\n2,? Terrible,\"? thanks\"\r\n3,? OK,\r\n".encode("cp1252")
    asked = "id,rating,remark\r\n1,5,? why\r\n2,4,Is it fixed? Yes\r\n3,5,? no idea what happened\r\n4,5,? why so slow\r\n".encode(
        "cp1252")

    assert parse_file(lost, "lost.csv").notices == [
        "3 lines of the file (the first: line 2, '? Amazing') have '?' where letters or emoji should be: the file was "
        "saved in a code page without them, so they are lost, and the rows are sent as they are. To keep the "
        "letters, save the original as \"CSV UTF-8\" and upload that."]
    assert parse_file(asked, "asked.csv").notices == []


def test_the_lost_letters_notice_names_a_european_excels_semicolon_save_as_its_csv():
    """QA round 60a: a German Excel's ';' save is no "CSV (Comma delimited)" in its menu."""
    data = "ticket_id;score;comment\r\nT-1;5;Dzi?kuj?\r\nT-2;4;pani ?ucja\r\nT-3;4;Gr\u00fc\u00dfe\r\n".encode("cp1252")
    assert "(cp1252; Excel's \"CSV\")" in parse_file(data, "lost.csv").notices[0]


def test_the_lost_letters_notice_needs_two_lines_and_reads_pure_ascii_files_too():
    """QA rounds 42a, 42b and 43b: one "ok?yes" is a slip, "Reçu?Merci" a real question, and in a pure-ASCII file
    (read as UTF-8) "Fixed?yes" is English; whole words of "?" there are lost Cyrillic, also before a comma."""
    slips = "ticket_id,score,comment\nT-1,5,is it ok?yes\nT-2,5,Reçu?Merci\n".encode("cp1252")
    english = "ticket_id,score,comment\nT-1,5,Fixed?yes\nT-2,5,what?really\n".encode("ascii")
    ascii_lost = "ticket_id,score,comment\nT-1,5,???? ????\nT-2,5,\"????? ???, ??\"\n".encode("ascii")

    assert parse_file(slips, "slips.csv").notices == parse_file(english, "english.csv").notices == []
    assert parse_file(ascii_lost, "lost.csv").notices == [
        "2 lines of the file (the first: line 2, '???? ????') have '?' where letters or emoji should be: the file was "
        "saved in a code page without them, so they are lost, and the rows are sent as they are. To keep the letters, "
        "save the original as \"CSV UTF-8\" and upload that."]


@pytest.mark.parametrize(("text", "codec"), [("Réponse rapide et à l'écoute;Peut être plus clair", "mac_roman"),
                                             ("Great – the agent“s reply was fast…;“Helpful”", "cp1252")])
def test_it_reads_no_cp850_into_other_code_pages(text, codec):
    sheet = parse_file(f"ticket_id;score;comment;note\nT-1;5;{text}\n".encode(codec), "other.csv")

    assert (sheet.encoding, ";".join(sheet.rows[0][2:])) == (codec, text)


def test_it_reads_excel_for_macs_csv_with_cr_line_ends_as_mac_roman():
    data = "ticket_id,score,comment\rT-1,5,Caf\u00e9 \u2013 na\u00efve\rT-2,4,\r".encode("mac_roman")

    sheet = parse_file(data)

    assert (sheet.encoding, sheet.rows) == ("mac_roman", [["T-1", "5", "Caf\u00e9 \u2013 na\u00efve"], ["T-2", "4", ""]])


def test_it_reads_a_cp1252_semicolon_file_with_a_sep_line():
    data = "sep=;\r\nticket_id;score;comment\r\nT-1;5;Tr\u00e8s bien \u2013 merci, \u00e0 demain\r\n".encode("cp1252")

    sheet = parse_file(data, "export.csv")

    assert (sheet.encoding, sheet.delimiter, sheet.header_row) == ("cp1252", ";", 1)
    assert sheet.rows == [["T-1", "5", "Tr\u00e8s bien \u2013 merci, \u00e0 demain"]]
    assert sheet.row_numbers == [2]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144, dzi\u0119kuj\u0119", "cp1250"),
        ("\u0421\u043f\u0430\u0441\u0438\u0431\u043e \u0437\u0430 \u043e\u0442\u0432\u0435\u0442", "cp1251"),
        ("Atendimento r\u00e1pido, n\u00e3o precisei ligar, Jo\u00e3o", "cp1252"),
        ("Tr\u00e8s bien \u2013 caf\u00e9 \u201cok\u201d, \u00dcberzeugend na\u00efve", "mac_roman"),
    ],
)
def test_it_tells_windows_code_pages_apart(text, codec):
    data = "".join(f"T-{i};5;{text}\r\n" for i in range(3)).encode(codec)

    sheet = parse_file(b"ticket_id;score;comment\r\n" + data)

    assert sheet.encoding == codec
    assert column(sheet, "comment") == [text] * 3


@pytest.mark.parametrize("legacy", ["cp1252", "mac_roman"])
def test_it_refuses_a_file_mixing_utf8_and_legacy_lines(legacy):
    lines = ["ticket_id,score,comment", "T-1,5,Tr\u00e8s bien", "T-2,4,\u00dcberzeugend caf\u00e9", "T-3,4,ok"]
    data = "\r\n".join(lines[:2]).encode() + b"\r\n" + "\r\n".join(lines[2:]).encode(legacy)

    assert messages(source=data) == [
        "The file mixes two text encodings: line 2 is UTF-8 but line 3 is not, so some accented letters would "
        "be read wrongly. Correct the letters on that line (and on any other line that shows them wrongly), "
        'save the file as "CSV UTF-8" and upload it again.'
    ]


def test_it_refuses_c1_control_characters_from_a_code_page_and_repairs_utf8_text_decoded_wrongly_once():
    assert messages(source=b"a,b\n1,x\x85y\n", encoding="latin-1") == [
        "The encoding chosen, latin-1, is not this file's: it reads line 2 with a character that is not text "
        "(U+0085), as an ISO code page reads the letters and punctuation of a Windows code page. Set Text encoding "
        "to Detect, or choose the one the file was saved in (Windows-1252, most likely)."
    ]
    # B09's cp1252 text once read as Latin-1 and saved as UTF-8: its C1 characters are cp1252's dash and quote
    sheet = parse_file("ticket_id,comment\nT-1,Caf\u00e9 desk \u0096 it\u0092s great\n".encode())
    assert sheet.rows == [["T-1", "Café desk – it’s great"]]
    # a UTF-8 file opened in Excel as ANSI and saved as "CSV UTF-8" again (QA round 29b)
    sheet = parse_file("ticket_id,comment\nT-1,ok\nT-2,itâ€™s great; CafÃ© was nice\n".encode())
    assert sheet.rows == [["T-1", "ok"], ["T-2", "it’s great; Café was nice"]]
    assert sheet.notices == [
        "1 line of the file (the first: line 3) held text decoded wrongly once before it was saved (é shown as Ã©, ’ "
        "as â€™: a UTF-8 file opened in Excel as ANSI and saved again); it was read as first written. Check the "
        "comments of those rows, or export the file again from the survey tool."]
    samples = parse_file(SAMPLES / "errors_kitchen_sink.csv")  # emoji, Arabic, Hebrew, a zero-width space: as written
    assert not any("decoded wrongly" in notice for notice in samples.notices)


def test_it_honours_an_encoding_override_and_refuses_unknown_ones():
    assert parse_file(CASES / "B09-cp1252.csv", encoding="windows-1252").encoding == "cp1252"
    assert messages(source=CASES / "B09-cp1252.csv", encoding="utf-8") == [
        "The file cannot be read as utf-8 text (line 2, byte 86). The encoding chosen, utf-8, is not this file's: "
        "set Text encoding to Detect, or choose the one the file was saved in."]  # QA round 55b
    assert messages(source=b"a,b\n", encoding="klingon") == [f"'klingon' is not a text encoding we know. {SAVE_AS}"]
    assert messages(source=b"a,b\n", encoding="rot13") == [f"'rot13' is not a text encoding. {SAVE_AS}"]


def test_a_wrong_encoding_chosen_is_named_as_the_choice_not_as_undetected():
    """QA rounds 71b, 71c: UTF-16 chosen for UTF-8 said "no data rows"; Latin-1 chosen for Windows-1252 said the
    encoding "could not be determined"; cp1252 chosen for a file joined from UTF-8 and cp1252 sent mojibake (73a)."""
    utf8 = "Ticket ID,Score,Comment\n1001,5,Caf\u00e9\n1002,4,ok\n".encode()
    assert messages(source=utf8, encoding="utf-16") == [
        "The encoding chosen, utf-16, is not this file's: its first lines hold none of the zero bytes UTF-16 text "
        "has. Set Text encoding to Detect, or choose the one the file was saved in."]
    dashes = "Ticket ID,Score,Comment\n1001,5,Quick \u2014 thanks\n".encode("cp1252")
    assert messages(source=dashes, encoding="latin-1") == [
        "The encoding chosen, latin-1, is not this file's: it reads line 2 with a character that is not text "
        "(U+0097), as an ISO code page reads the letters and punctuation of a Windows code page. Set Text encoding "
        "to Detect, or choose the one the file was saved in (Windows-1252, most likely)."]
    assert messages(source=utf8 + "1003,3,Cr\u00e8me\n".encode("cp1252"), encoding="cp1252")[0].startswith(
        "The file mixes two text encodings: line 2 is UTF-8 but line 4 is not")
    assert messages(source=utf8 + "1003,3,Pra\u010de\n".encode("utf-8") + "1004,2,Cr\u00e8me\n".encode("cp1252"),
                    encoding="cp1252")[0].startswith("The file mixes two text encodings")  # not "not this file's"


def test_an_encoding_chosen_against_detection_is_said_with_a_word_it_reads_otherwise():
    """QA round 49b: cp1251 chosen for a cp1252 file read "Café" as "Cafй" without a word."""
    data = "Ticket ID,Agent email,Score,Comment\n1001,ana@x.com,5,Caf\u00e9 tr\u00e8s bien\n".encode("cp1252")

    sheet = parse_file(data, encoding="cp1251")

    assert sheet.rows[0][3] == "Caf\u0439 tr\u0438s bien"
    assert sheet.notices == [
        "The file was read as cp1251, the encoding chosen for it. Read as cp1252, as detected, line 2 would show "
        "'Café' where it now shows 'Cafй': if the table's letters look wrong, set Encoding to Detect and read "
        "the file again."]
    assert parse_file(data, encoding="cp1252").notices == []
    assert parse_file(data.decode("cp1252").encode("utf-8"), encoding="utf-8").notices == []


def test_it_reads_pipe_separated_text_with_quoted_pipes():
    sheet = parse_file(b'ticket_id|score|comment\nT-1|5|a, b; c\nT-2|4|"x|y"\n')

    assert sheet.delimiter == "|"
    assert sheet.rows == [["T-1", "5", "a, b; c"], ["T-2", "4", "x|y"]]


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        (b'id;comment;score\n1;"a, b, c, d, e";5\n2;"f, g, h";4\n3;plain;3\n', ";"),
        (b'id,comment,score\n1,"a; b; c; d; e",5\n2,"f;g\th",4\n3,plain,3\n', ","),
        (b'id\tcomment\tscore\n1\t"a, b, c"\t5\n2\tx,y,z\t4\n', "\t"),
    ],
)
def test_it_detects_the_delimiter_despite_quoted_text(data, delimiter):
    sheet = parse_file(data)

    assert sheet.delimiter == delimiter
    assert sheet.columns == ["id", "comment", "score"]


def test_it_honours_a_delimiter_override():
    sheet = parse_file(b"a;b,c\n1;2,3\n", delimiter=";")

    assert (sheet.delimiter, sheet.columns, sheet.rows) == (";", ["a", "b,c"], [["1", "2,3"]])
    assert messages(source=b"a;b;c\n1;2;3\n1;2;3\n1;2;ok, fine\n1;2;3\n1;2;3\n", delimiter=",")[0].startswith(
        "Read with commas between the columns, each line's first column holds the whole line ('a;b;c')")  # QA 49b
    assert messages(source=b"Datum;Ticket;E-Mail;Note;Kommentar\n03.10.2026;1;a@x.de;5;Schnell, danke\n"
                    b"04.10.2026;2;b@x.de;4;Gut, aber langsam\n", delimiter=",")[0].endswith(
        "this file's columns are separated by semicolons. Set Delimiter to Detect or to that one.")  # QA round 53c
    assert messages(source=b"a;b,c\n1;2,3\n", delimiter="\\t") == [  # QA round 47c: one column, mapped anyway
        "Read with tabs between the columns, each line's first column holds the whole line ('a;b,c'): this file's "
        "columns are separated by commas. Set Delimiter to Detect or to that one."]
    assert messages(source=b"a,b\n", delimiter=";;") == [
        "The delimiter must be one character such as , ; | or TAB, not ';;'."
    ]


def test_it_reads_tab_text_saved_with_an_xls_name(tmp_path):
    path = tmp_path / "report.xls"
    path.write_bytes(b"ticket_id\tscore\r\nT-1\t5\r\n")

    sheet = parse_file(path, path.name)

    assert (sheet.format, sheet.delimiter, sheet.rows) == ("csv", "\t", [["T-1", "5"]])


def test_it_accepts_bytes_paths_and_streams():
    data = (CASES / "B02-leading-zeros.csv").read_bytes()

    sheets = [parse_file(data), parse_file(str(CASES / "B02-leading-zeros.csv")), parse_file(io.BytesIO(data))]

    assert [sheet.rows for sheet in sheets[1:]] == [sheets[0].rows] * 2


@pytest.mark.parametrize("tail", [b"x" * 200_000 + b"\n", b"\n3,fine\n4,fine\n", b"\r\n3,fine", b"x"])
def test_it_reports_an_unclosed_quote_on_the_line_it_opens(tail):
    assert messages(source=b'id,comment\n1,ok\n2,"never closed' + tail) == [
        "Row 3, column B ('comment'), opens a quote (\") that is never closed, so the rest of the file would be read "
        "as one cell. Close the quote (or remove it), or save the file again from Excel."
    ]


def test_it_names_the_row_and_the_line_of_an_unclosed_quote_after_quoted_line_breaks():
    source = b'id,comment,score\n1,"two\nlines",5\n2,"three\nlines\nhere",4\n3,"never closed,3\n4,ok,2\n'
    assert messages(source=source) == [  # QA round 47b: "Line 7" named no row of the sheet
        "Row 4 (line 7 of the file), column B ('comment'), opens a quote (\") that is never closed, so the rest of the "
        "file would be read as one cell. Close the quote (or remove it), or save the file again from Excel."]


def test_it_reads_a_cell_larger_than_csvs_default_field_limit():
    comment = "A" * 2_000_000

    sheet = parse_file(f'id,comment\n1,"{comment}"\n2,short\n'.encode())

    assert sheet.rows == [["1", comment], ["2", "short"]]


# Header rules


def test_it_drops_empty_rows_but_keeps_row_numbers():
    sheet = parse_file(b"id,score\n\n1,5\n , \n,,\n2,4\n\n\n")

    assert sheet.row_numbers == [3, 6]
    assert sheet.rows == [["1", "5"], ["2", "4"]]


def test_it_trims_header_text_and_drops_blank_columns_without_data():
    sheet = parse_file("\ufeff id\u00a0,,score\u200b,\n1,,5,\n2,,4,\n".encode())

    assert sheet.columns == ["id", "score"]
    assert sheet.rows == [["1", "5"], ["2", "4"]]
    assert sheet.notices == []


def test_it_names_every_duplicate_column_ignoring_case():
    assert messages(source=b"Score,id,score,x,SCORE\n1,2,3,4,5\n") == [
        "duplicate column 'Score' (columns A, C and E)", HEADER_FIX
    ]


def test_a_repeated_header_over_an_empty_column_is_no_duplicate():
    """QA round 54a: two empty 'Notes' columns had the file refused; B12 allows ignoring an empty column."""
    sheet = parse_file(b"id,Notes,score,Notes\n1,,5,\n2,,4,\n")
    assert (sheet.columns, sheet.rows) == (["id", "Notes", "score"], [["1", "", "5"], ["2", "", "4"]])
    sheet = parse_file(b"id,Notes,score,Notes\n1,,5,late\n2,,4,\n")
    assert (sheet.columns, sheet.rows) == (["id", "score", "Notes"], [["1", "5", "late"], ["2", "4", ""]])
    assert messages(source=b"id,Notes,score,Notes\n1,a,5,b\n") == [
        "duplicate column 'Notes' (columns B and D)", HEADER_FIX]


@pytest.mark.parametrize(("header", "message"), [
    ("ticket_id,score,submitted_at,Ticket ID", "duplicate column 'ticket_id' (columns A and D: 'ticket_id' and "
                                               "'Ticket ID')"),
    ("Score,ticket_id,submitted_at,score:", "duplicate column 'Score' (columns A and D: 'Score' and 'score:')")])
def test_it_names_an_api_field_written_two_ways_as_a_duplicate(header, message):
    """B12: the mapping reads "Ticket ID" as ticket_id too, and would send one column's value of the two."""
    assert messages(source=f"{header}\n5,T-1,2026-10-01,4\n".encode()) == [message, HEADER_FIX]


def test_it_keeps_a_short_header_over_wider_data():
    sheet = parse_file(b"id,score,comment\n1,5,ok,x,y,z,w,v\n")

    assert (sheet.header_row, sheet.columns, sheet.rows) == (1, ["id", "score", "comment"], [["1", "5", "ok"]])
    assert len(sheet.notices) == 5
    assert sheet.notices[0] == "Column D has no header, so its 1 filled cell was ignored (in row 2); that row has a warning."


def test_it_gives_a_sheet_without_rows_for_a_header_only_file():
    sheet = parse_file(b"ticket_id,score\r\n")

    assert (sheet.columns, sheet.rows, sheet.row_numbers) == (["ticket_id", "score"], [], [])


def test_it_finds_the_header_under_a_wide_title_row_by_its_known_names():
    data = b"CSAT export,October,Team A,page 1,internal\nticket_id,score,comment\nT-1,5,a\n"

    assert parse_file(data).header_row == 1
    sheet = parse_file(data, header_score=ticket_header)
    assert (sheet.header_row, sheet.columns, sheet.rows) == (2, ["ticket_id", "score", "comment"], [["T-1", "5", "a"]])


def test_it_says_which_sheet_and_header_row_were_read():
    assert where_read(parse_file(b"a,b\n1,2\n")) == (
        "This was read with the header in row 1. To use another row as the header, fill in Header row on the "
        "upload form or under Read the file differently (import_csat: --header-row N)."
    )


def test_it_honours_a_header_row_override():
    sheet = parse_file(b"exported today\nid,score\n1,5\n", header_row=2)

    assert (sheet.header_row, sheet.columns, sheet.row_numbers) == (2, ["id", "score"], [3])
    assert messages(source=b"title\n\nid,score\n", header_row=2) == [
        "Row 2 is empty or past the end of the file, so it cannot be the header row."
    ]


def test_it_reads_legacy_single_quoted_qualtrics_import_ids():
    data = (
        b"ResponseId,Q1,Q2\n"
        b"Response ID,How satisfied?,Why?\n"
        b"{'ImportId': '_recordId'},{'ImportId': 'QID1'},{'ImportId': 'QID2_TEXT'}\n"
        b"R_1,5,Great\n"
    )

    sheet = parse_file(data)

    assert (sheet.layout, sheet.columns, sheet.row_numbers) == ("qualtrics", ["ResponseId", "Q1", "Q2"], [4])
    assert sheet.declared_time_zones == {}


def test_it_reads_a_surveymonkey_second_header_row_in_another_language():
    """QA round 44c: a German survey's "Antwort" row was read as an answer, invalid on every column."""
    data = (b"Respondent ID,Collector ID,Start Date,End Date,ticket_id,Wie zufrieden waren Sie?,Noch etwas?\n"
            b",,,,,Antwort,Offene Antwort\n"
            b"118052219061,4500,10/31/2026 02:03:22 PM,10/31/2026 02:05:33 PM,52310,Sehr zufrieden,Danke\n")

    sheet = parse_file(data)

    assert (sheet.layout, sheet.row_numbers, sheet.columns[5:]) == (
        "surveymonkey", [3], ["Wie zufrieden waren Sie?", "Noch etwas?"])


def test_it_names_surveymonkey_multi_column_questions():
    data = (
        b"Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,"
        b"Custom Data 1,How satisfied were you?,Which channels did you use?,,,Anything else?\n"
        b",,,,,,,,,Response,Email,Chat,Other (please specify),Open-Ended Response\n"
        b"118052219061,4500,10/01/2026 09:15:02 AM,10/01/2026 09:16:40 AM,198.51.100.7,,,,"
        b"48500,Very satisfied,Email,,,Thanks\n"
    )

    sheet = parse_file(data)

    assert sheet.layout == "surveymonkey"
    assert sheet.columns[8:] == [
        "Custom Data 1",
        "How satisfied were you?",
        "Which channels did you use? - Email",
        "Which channels did you use? - Chat",
        "Which channels did you use? - Other (please specify)",
        "Anything else?",
    ]
    assert sheet.extra_header_rows[0][9:11] == ["Response", "Email"]
    assert sheet.row_numbers == [3]
    assert sheet.rows[0][0] == "118052219061"


# Workbooks


def test_it_reads_typed_workbook_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "when", "day", "time", "ok", "score", "big", "negative", "ms"])
    sheet.append(
        [
            "007",
            datetime.datetime(2026, 3, 8, 7, 30),
            datetime.date(2026, 3, 8),
            datetime.time(7, 30),
            True,
            4.5,
            1234567890123456789,
            -3,
            datetime.datetime(2026, 3, 8, 7, 30, 0, 250000),
        ]
    )
    sheet["C2"].number_format = "yyyy-mm-dd"
    book.save(tmp_path / "typed.xlsx")

    result = parse_file(tmp_path / "typed.xlsx")

    # openpyxl stores the 19-digit int as 1.234567890123457e+18: read as stored, as the digits after the 16th are lost
    assert result.rows == [
        [
            "007",
            "2026-03-08 07:30:00",
            "2026-03-08",
            "07:30:00",
            "TRUE",
            "4.5",
            "1.234567890123457e+18",
            "-3",
            "2026-03-08 07:30:00.250",
        ]
    ]
    assert result.cell_notes == {}


def test_it_respects_the_1904_epoch(tmp_path):
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    book.active.append(["when"])
    book.active.append([datetime.datetime(2026, 3, 8, 7, 30)])
    book.save(tmp_path / "mac.xlsx")
    with zipfile.ZipFile(tmp_path / "mac.xlsx") as archive:
        assert b'date1904="1"' in archive.read("xl/workbook.xml")

    assert parse_file(tmp_path / "mac.xlsx").rows == [["2026-03-08 07:30:00"]]


def test_it_gives_formula_cells_their_cached_value(tmp_path):
    path = xlsx_with_sheet_data(
        tmp_path,
        '<row r="1"><c r="A1" t="inlineStr"><is><t>total</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>label</t></is></c></row>'
        '<row r="2"><c r="A2"><f>2+3</f><v>5</v></c><c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
    )

    assert parse_file(path).rows == [["5", "ab"]]


def test_it_keeps_sheet_row_numbers_when_data_starts_lower_right(tmp_path):
    book = openpyxl.Workbook()
    book.active["C3"], book.active["D3"] = "id", "score"
    book.active["C5"], book.active["D5"] = "T-1", 5
    book.save(tmp_path / "offset.xlsx")

    sheet = parse_file(tmp_path / "offset.xlsx")

    assert (sheet.header_row, sheet.columns, sheet.rows, sheet.row_numbers) == (3, ["id", "score"], [["T-1", "5"]], [5])


def test_it_reads_cells_written_without_positions(tmp_path):
    path = xlsx_with_sheet_data(
        tmp_path,
        '<row><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>score</t></is></c></row>'
        "<row><c><v>1</v></c><c><v>5</v></c></row>",
    )

    assert parse_file(path).rows == [["1", "5"]]


def test_it_names_the_other_sheets_with_data(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Responses"
    book.active.append(["ticket_id", "score"])
    book.active.append(["T-1", 5])
    book.create_sheet("Blank").append(["  "])
    book.create_sheet("Week 2").append(["ticket_id", "score"])
    book.save(tmp_path / "weeks.xlsx")

    assert parse_file(tmp_path / "weeks.xlsx").notices == [
        "The workbook has another sheet with data ('Week 2'); sheet 'Responses' was read. To read another, choose it "
        'under "Read the file differently" (import_csat: --sheet NAME).'
    ]
    assert parse_file(tmp_path / "weeks.xlsx", sheet="Week 2").notices == []


def test_it_picks_the_first_visible_sheet_with_data_or_the_named_one(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Empty"
    hidden = book.create_sheet("Lookup")
    hidden.sheet_state = "hidden"
    hidden.append(["code"])
    hidden.append(["x"])
    book.create_sheet("Data").append(["id"])
    book["Data"].append(["T-1"])
    book.save(tmp_path / "sheets.xlsx")

    default = parse_file(tmp_path / "sheets.xlsx")
    named = parse_file(tmp_path / "sheets.xlsx", sheet=" lookup ")

    assert (default.sheet_name, default.rows, default.sheet_names) == ("Data", [["T-1"]], ["Empty", "Lookup", "Data"])
    assert default.notices == []
    assert (named.sheet_name, named.rows) == ("Lookup", [["x"]])
    assert messages(source=tmp_path / "sheets.xlsx", sheet="Pivot") == [
        "The workbook has no sheet named 'Pivot'. Its sheets are: 'Empty', 'Lookup', 'Data'."
    ]


def test_it_picks_the_first_sheet_whose_header_could_be_mapped(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Summary"
    book.active.append(["CSAT summary"])
    book.active.append(["Average", 4.5])
    book.create_sheet("Responses").append(["ticket_id", "score"])
    book["Responses"].append(["T-1", 5])
    book.save(tmp_path / "summary.xlsx")

    plain = parse_file(tmp_path / "summary.xlsx")
    chosen = parse_file(tmp_path / "summary.xlsx", header_score=ticket_header)

    assert (plain.sheet_name, chosen.sheet_name, chosen.rows) == ("Summary", "Responses", [["T-1", "5"]])
    assert where_read(plain) == (
        "This was read from sheet 'Summary', header in row 2; the workbook's other sheets are 'Responses'. To "
        "read another sheet or header row, fill in Sheet or Header row on the upload form or under Read the file "
        "differently (import_csat: --sheet NAME, --header-row N)."
    )


def test_it_picks_the_first_sheet_whose_columns_give_the_answers(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Summary"
    book.active.append(["ticket_id", "agent_id"])
    book.active.append(["T-9", "A-1"])
    book.create_sheet("Responses").append(["ticket_id", "score", "when"])
    book["Responses"].append(["T-1", 5, "2026-03-08"])
    book.save(tmp_path / "summary.xlsx")
    answers = lambda sheet: {"ticket_id", "score", "when"} <= set(sheet.columns)  # noqa: E731

    chosen = parse_file(tmp_path / "summary.xlsx", header_score=ticket_header, answers=answers)
    named = parse_file(tmp_path / "summary.xlsx", sheet="Summary", header_score=ticket_header, answers=answers)

    assert (chosen.sheet_name, chosen.rows) == ("Responses", [["T-1", "5", "2026-03-08"]])
    assert chosen.notices == [
        "The workbook has another sheet with data ('Summary'); sheet 'Responses' was read, the first whose columns "
        'give a ticket id and a score. To read another, choose it under "Read the file differently" '
        "(import_csat: --sheet NAME)."
    ]
    assert parse_file(tmp_path / "summary.xlsx", header_score=ticket_header).sheet_name == "Summary"
    assert (named.sheet_name, named.notices) == ("Summary", [])


def test_it_falls_back_to_the_first_sheet_with_data_when_no_header_could_be_mapped(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["name", "value"])
    book.active.append(["a", 1])
    book.save(tmp_path / "other.xlsx")

    assert parse_file(tmp_path / "other.xlsx", header_score=ticket_header).rows == [["a", "1"]]


def test_it_shows_whole_numbers_with_a_zero_padding_format_as_excel_does(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["id", "text", "half", "wide"])
    book.active.append([614, "77", 4.5, 1234567])
    for ref in ("A2", "B2", "C2", "D2"):
        book.active[ref].number_format = "0000"
    book.save(tmp_path / "padded.xlsx")

    assert parse_file(tmp_path / "padded.xlsx").rows == [["0614", "77", "4.5", "1234567"]]


def test_it_shows_whole_numbers_as_a_zero_padding_format_with_literal_text_shows_them(tmp_path):
    formats = ["000000;@", "00000_)", "[$-409]000000", "000000;-000000;000000", '"T-"0000', "\\#000", "00-000",
               "0#####", "000;-000;\"none\"", "000;-000;000", "0.0", '"ID "0', '0" (ZD)"', "0000000#", "00000\\-0000",
               '"CS-"000000', "#,##0"]
    book = openpyxl.Workbook()
    book.active.append([f"f{index}" for index in range(len(formats))])
    book.active.append([124, 125, 126, 128, 127, 5, 131, 130, 0, 0, 7, 3812345670014, 215471234567893, 1026, 12345,
                        1234567, 1234])
    for cell, code in zip(book.active[2], formats, strict=True):
        cell.number_format = code
    book.save(tmp_path / "padded.xlsx")

    assert parse_file(tmp_path / "padded.xlsx").rows == [
        ["000124", "00125", "000126", "000128", "T-0127", "#005", "00-131", "130", "0", "000", "7", "3812345670014",
         "215471234567893", "00001026", "00001-2345", "CS-1234567", "1234"]]  # "ID " and " (ZD)" decorate the ids


def test_it_says_how_to_keep_text_a_spreadsheet_read_as_a_formula(tmp_path):
    """QA round 65b: a customer's '+1 fast' became =+1 fast, #NAME?, and the note said to correct the formula."""
    path = xlsx_with_sheet_data(
        tmp_path,
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>comment</t></is>'
        '</c></row><row r="2"><c r="A2" t="inlineStr"><is><t>T-1</t></is></c><c r="B2" t="e"><f>+1 fast</f>'
        '<v>#NAME?</v></c></row>',
    )

    assert parse_file(path).cell_notes == {(0, 1): (
        "holds the Excel error #NAME?, not a value: type the value in the table, or correct the formula in Excel and "
        "upload the file again. If the customer wrote text starting with '=', '+' or '-', a spreadsheet read it as a "
        "formula: export the file again and upload it without opening it in a spreadsheet to keep the words")}


def test_it_notes_error_values_that_read_as_blank(tmp_path):
    path = xlsx_with_sheet_data(
        tmp_path,
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>comment</t></is>'
        '</c></row><row r="2"><c r="A2" t="e"><v>#REF!</v></c><c r="B2" t="inlineStr"><is><t>ok</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>T-2</t></is></c><c r="B3" t="e"><f>VLOOKUP(A3,X!A:B,2,0)</f>'
        '<v>#N/A</v></c></row>',
    )

    sheet = parse_file(path)

    assert sheet.rows == [["", "ok"], ["T-2", ""]]
    assert sheet.cell_notes == {
        (0, 0): "holds the Excel error #REF!, not a value: type the value in the table, or correct the formula in Excel and "
                "upload the file again",
        (1, 1): "holds the Excel error #N/A, not a value: type the value in the table, or correct the formula in Excel and "
                "upload the file again",
    }
    assert sheet.notices == [
        "2 cells hold an Excel error value instead of a value (the first is #REF! in A2), so they read as blank; "
        "each row says so. Type the values in the table, or correct the formulas in Excel and upload the file again."
    ]


def test_it_says_which_rows_the_workbook_hides(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["ticket_id", "score"])
    for number in range(2, 10):
        book.active.append([f"T-{number}", 5])
    for number in (4, 7, 20):
        book.active.row_dimensions[number].hidden = True
    book.save(tmp_path / "filtered.xlsx")

    sheet = parse_file(tmp_path / "filtered.xlsx")

    assert (len(sheet.rows), sheet.notices) == (8, [
        "Rows 4 and 7 are hidden in the workbook (by a filter or by Hide) and read like the others. Exclude them in "
        "the table if they should not be sent."])


def test_it_notes_formula_cells_without_a_saved_result(tmp_path):
    path = xlsx_with_sheet_data(
        tmp_path,
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>score</t></is></c>'
        '</row><row r="2"><c r="A2" t="inlineStr"><is><t>T-1</t></is></c><c r="B2"><f>2+3</f><v /></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>T-2</t></is></c><c r="B3"><f>1+3</f><v>4</v></c></row>',
    )

    sheet = parse_file(path)

    assert (sheet.rows, sheet.cell_notes) == ([["T-1", ""], ["T-2", "4"]], {(0, 1): FORMULA_NOTE})
    assert sheet.notices == [
        "1 cell(s) hold a formula with no saved result, so they read as blank (the first is B2). Open the file "
        "in Excel, save it again and upload it again."
    ]


def test_it_reads_a_saved_0_of_a_workbook_to_be_recalculated_as_no_result(tmp_path):
    """xlsxwriter (pandas' to_excel) saves 0 for every formula's result and asks for a recalculation on
    opening (calcPr fullCalcOnLoad, which openpyxl's workbook.xml also has); without it a 0 is a result."""
    data = ('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>agent</t></is>'
            '</c></row><row r="2"><c r="A2" t="str"><f>HYPERLINK("https://x/tickets/48600","48600")</f><v>0</v></c>'
            '<c r="B2"><f>VLOOKUP(A2,Agents!A:B,2,FALSE)</f><v>0</v></c></row>')
    recalculated = xlsx_with_sheet_data(tmp_path, data)
    with zipfile.ZipFile(recalculated) as source, zipfile.ZipFile(tmp_path / "excel.xlsx", "w") as target:
        for item in source.infolist():
            part = source.read(item)
            target.writestr(item, part.replace(b' fullCalcOnLoad="1"', b"") if item.filename == "xl/workbook.xml"
                            else part)

    sheet = parse_file(recalculated)

    assert (sheet.rows, sheet.cell_notes) == ([["", ""]], {(0, 0): FORMULA_NOTE, (0, 1): FORMULA_NOTE})
    assert parse_file(tmp_path / "excel.xlsx").rows == [["0", "0"]]


def test_it_reads_a_formula_whose_saved_result_is_the_empty_string_as_a_blank_cell(tmp_path):
    path = xlsx_with_sheet_data(
        tmp_path,
        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>comment</t></is>'
        '</c></row><row r="2"><c r="A2" t="inlineStr"><is><t>T-1</t></is></c><c r="B2" t="str"><f>IF(1,"","x")</f>'
        '<v></v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>T-2</t></is></c><c r="B3" t="str">'
        '<f>IF(1,"","x")</f></c></row>',
    )

    sheet = parse_file(path)

    assert (sheet.rows, sheet.cell_notes) == ([["T-1", ""], ["T-2", ""]], {(1, 1): FORMULA_NOTE})


def test_it_notes_merged_cells_instead_of_filling_them_down(tmp_path):
    book = openpyxl.Workbook()
    for row in (["id", "agent"], ["T-1", "111"], ["T-2", None], ["T-3", None]):
        book.active.append(row)
    book.active.merge_cells("B2:B3")
    book.save(tmp_path / "merged.xlsx")

    sheet = parse_file(tmp_path / "merged.xlsx")

    assert sheet.rows == [["T-1", "111"], ["T-2", ""], ["T-3", ""]]
    assert sheet.cell_notes == {
        (1, 1): "is part of the merged cells B2:B3, whose value is only in B2: unmerge them and fill the value "
        "into every row"
    }
    assert sheet.notices == [
        "Merged cells (B2:B3): only the first cell of each holds the value, so the rows below read as blank "
        "there. Unmerge them and fill the value into every row where it belongs."
    ]


def test_it_says_nothing_of_a_header_merged_down_over_two_header_rows(tmp_path):
    """QA round 61a: Gorgias' "Ticket ID" merged over header rows 4 and 5 got the data rows' advice."""
    book = openpyxl.Workbook()
    for row in (["Gorgias — CSAT by ticket"], ["Store: acme-store.myshopify.com"], [],
                ["Ticket ID", "Agent email", "Survey", None, None, None],
                [None, None, "Score", "Comment", "Sent date", "Scored date"],
                [81235001, "ana@acme.com", 5, "Great", datetime.datetime(2026, 10, 2, 10), datetime.datetime(2026, 10, 2, 11, 14)]):
        book.active.append(row)
    for cells in ("A1:F1", "A4:A5", "B4:B5", "C4:F4"):
        book.active.merge_cells(cells)
    book.save(tmp_path / "merged.xlsx")

    sheet = parse_file(tmp_path / "merged.xlsx", header_score=mapping.header_score)

    assert (sheet.header_row, sheet.row_numbers) == (5, [6])
    assert [notice for notice in sheet.notices if "Merged" in notice] == []


def test_it_names_a_column_under_a_header_merged_across_it(tmp_path):
    """QA round 61a: Intercom's "Rating" merged over the score and its label refused the file: "Column D has no
    header but contains data"."""
    book = openpyxl.Workbook()
    for row in (["Conversation ID", "Rating", None, "Remark"], ["123450000061", 5, "Amazing", "Super"],
                ["123450000062", 2, "Bad", None]):
        book.active.append(row)
    book.active.merge_cells("B1:C1")
    book.save(tmp_path / "merged_header.xlsx")

    sheet = parse_file(tmp_path / "merged_header.xlsx")

    assert (sheet.columns, sheet.rows[0]) == (["Conversation ID", "Rating", "Rating (2)", "Remark"],
                                              ["123450000061", "5", "Amazing", "Super"])
    assert sheet.notices == ["The header 'Rating' is merged across columns B–C: column C is read as 'Rating (2)'."]


def test_it_ignores_the_pivot_sheet_unless_asked():
    pivot = parse_file(SAMPLES / "intercom_mixed_ids.xlsx", sheet="Pivot")

    assert pivot.columns == ["Teammate email", "Responses", "Average rating"]
    assert "Responses" not in parse_file(SAMPLES / "intercom_mixed_ids.xlsx").columns


def test_it_reads_an_ods_workbook(tmp_path):
    when = pd.to_datetime(["2026-03-08 07:30", "2026-03-08 08:00"])
    frame = pd.DataFrame({"ticket_id": ["007", "0614"], "score": [5, 4.5], "when": when})
    frame.to_excel(tmp_path / "google.ods", index=False, engine="odf")

    sheet = parse_file(tmp_path / "google.ods")

    assert (sheet.format, sheet.sheet_names) == ("ods", ["Sheet1"])
    assert sheet.rows == [["007", "5", "2026-03-08 07:30:00"], ["0614", "4.5", "2026-03-08 08:00:00"]]


def test_it_reads_an_xls_workbook(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Responses")
    for index, name in enumerate(["ticket_id", "score", "when", "day", "ok"]):
        sheet.write(0, index, name)
    sheet.write(1, 0, "007")
    sheet.write(1, 1, 5)
    sheet.write(1, 2, datetime.datetime(2026, 3, 8, 7, 30), xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss"))
    sheet.write(1, 3, datetime.date(2026, 3, 8), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    sheet.write(1, 4, True)
    book.save(str(tmp_path / "old.xls"))

    result = parse_file(tmp_path / "old.xls")

    assert (result.format, result.sheet_names) == ("xls", ["Responses"])
    assert result.rows == [["007", "5", "2026-03-08 07:30:00", "2026-03-08", "TRUE"]]


def test_it_shows_whole_numbers_of_an_xls_with_a_zero_padding_format_as_excel_does(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Responses")
    padded = xlwt.easyxf(num_format_str="000000")
    for index, name in enumerate(["ticket_id", "score", "agent", "half"]):
        sheet.write(0, index, name)
    for index, value in enumerate([123, 5, "00042", 4.5]):
        sheet.write(1, index, value, padded)
    for index, value in enumerate([1234567, 4, "x", "y"]):
        sheet.write(2, index, value, padded if index == 0 else xlwt.easyxf())
    book.save(str(tmp_path / "padded.xls"))

    result = parse_file(tmp_path / "padded.xls")

    assert (result.rows, result.notices) == ([["000123", "000005", "00042", "4.5"], ["1234567", "4", "x", "y"]], [])


def test_it_shows_whole_numbers_of_an_xls_as_a_padding_format_with_literal_text_shows_them(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Responses")
    sheet.write(0, 0, "ticket_id")
    sheet.write(1, 0, 127, xlwt.easyxf(num_format_str='"T-"0000'))
    sheet.write(2, 0, 125, xlwt.easyxf(num_format_str="00000_)"))
    book.save(str(tmp_path / "padded.xls"))

    assert parse_file(tmp_path / "padded.xls").rows == [["T-0127"], ["00125"]]


def test_it_notes_error_values_of_an_xls_that_read_as_blank(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Responses")
    for index, name in enumerate(["ticket_id", "comment"]):
        sheet.write(0, index, name)
    sheet.row(1).set_cell_error(0, 0x2A)  # xlwt names no #N/A, its code is 42
    sheet.write(1, 1, "ok")
    sheet.write(2, 0, "T-2")
    sheet.row(2).set_cell_error(1, "#DIV/0!")
    book.save(str(tmp_path / "errors.xls"))

    result = parse_file(tmp_path / "errors.xls")

    assert result.rows == [["", "ok"], ["T-2", ""]]
    assert result.cell_notes == {
        (0, 0): "holds the Excel error #N/A, not a value: type the value in the table, or correct the formula in Excel and "
                "upload the file again",
        (1, 1): "holds the Excel error #DIV/0!, not a value: type the value in the table, or correct the formula in "
                "Excel and upload the file again",
    }
    assert result.notices == [
        "2 cells hold an Excel error value instead of a value (the first is #N/A in A2), so they read as blank; "
        "each row says so. Type the values in the table, or correct the formulas in Excel and upload the file again."
    ]


def test_it_reads_the_date_system_of_an_xls(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    book.dates_1904 = True
    book.add_sheet("Responses").write(0, 0, "ticket_id")
    book.get_sheet(0).write(1, 0, "T-1")
    book.save(str(tmp_path / "mac.xls"))

    assert parse_file(tmp_path / "mac.xls").date_system == "1904"


# Files that are refused


def test_it_refuses_an_empty_file():
    assert messages(source=b"") == ["The file is empty."]
    assert messages(source=b"\r\n\r\n, ,\r\n") == ["The file has no data: every row is empty."]


@pytest.mark.parametrize("page", [
    b"<html><body><table><tr><td>ticket_id</td></tr><tr><td>1</td></tr></table></body></html>",
    b'\xef\xbb\xbf\r\n  <meta http-equiv=Content-Type content="text/html">\n<table><tr><td>ticket_id</td></tr></table>',
    b"<style>td{mso-number-format:'\\@';}</style>\n<table border=1><tr><td>ticket_id</td></tr></table>",
])
def test_it_refuses_an_html_page_named_xls(tmp_path, page):
    path = tmp_path / "export.xls"
    path.write_bytes(page)

    assert messages(source=path, filename="export.xls") == [
        "This file is an HTML page saved with an .xls name; open it in Excel and save it as .xlsx or CSV."
    ]


@pytest.mark.parametrize("data", [
    b'{"type": "conversation", "id": "215471234569101", "conversation_rating": {"rating": 5}}\n{"type": "x"}\n',
    b'[{"id": 1, "rating": 5},\n {"id": 2, "rating": 4}]\n',
])
def test_it_refuses_json_records_named_csv(data: bytes):
    """QA round 61c: JSON Lines named .csv was read as a table whose header was the first record."""
    assert messages(source=data, filename="ratings.csv") == [
        "This file is JSON saved with a .csv name (an API's records, one object per line or in a list), not a table; "
        "convert it to CSV (a spreadsheet program's or a JSON-to-CSV tool's import) and upload that."]


def test_it_refuses_a_web_page_archive_named_xls():
    data = (b'MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; boundary="--b"\r\n'
            b"\r\n----b\r\nContent-Type: text/html\r\n\r\n<html><table><tr><td>ticket_id</td></tr></table></html>\r\n")
    assert messages(source=data, filename="export.xls") == [
        'This file is a web page archive (MHTML, Excel\'s "Single File Web Page") saved with an .xls name; open it '
        "in Excel and save it as .xlsx or CSV."]


def test_it_refuses_an_excel_2003_xml_spreadsheet():
    data = b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'

    assert messages(source=data, filename="report.xml") == [
        "This file is an Excel 2003 XML spreadsheet saved with an .xml name; "
        "open it in Excel and save it as .xlsx or CSV."
    ]


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"), (b"%PDF-1.7\n%\xe2\xe3", "a PDF document")],
)
def test_it_refuses_images_and_documents(data, what):
    assert messages(source=data, filename="ratings.csv") == [f"This file is {what}, not a spreadsheet. {ACCEPTED}"]


def test_it_refuses_binary_junk():
    assert messages(source=b"\x00\x01\x02garbage\x00" * 50) == [
        f"This file is not a spreadsheet: it holds binary data, not text. {ACCEPTED}"
    ]


def test_it_refuses_a_renamed_program_as_binary_data_not_an_unknown_encoding():
    """QA round 61b: a renamed .exe (few NULs) was "The file's text encoding could not be determined"."""
    data = b"MZ" + random.Random(7).randbytes(2000).replace(b"\x00", b"\x90")  # no NUL: the rule for those aside
    assert messages(source=data, filename="Q4_csat.csv.exe") == [
        f"This file is not a spreadsheet: it holds binary data, not text. {ACCEPTED}"]


def test_it_reads_a_short_file_with_a_few_control_characters_as_text():
    """QA round 57b: three rows whose comments hold Word's line breaks (VT) were refused as binary data; the
    row checker names each such cell."""
    sheet = parse_file(b"ticket_id,score,comment\n1001,5,Fast\x0b\x0bfriendly\n1002,4,Good\x0bbut slow\n", "w.csv")
    assert [row[2] for row in sheet.rows] == ["Fast\x0b\x0bfriendly", "Good\x0bbut slow"]


def test_it_refuses_a_damaged_ole2_file():
    assert messages(source=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600) == [DAMAGED]


def test_it_refuses_a_password_protected_workbook():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")

    assert messages(source=data) == [
        "The workbook is password-protected. Remove the password in Excel and upload it again."
    ]


def test_it_refuses_zips_that_are_not_workbooks():
    word, plain, binary = io.BytesIO(), io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("ratings.csv", "a,b\n")
    with zipfile.ZipFile(binary, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\x83\x01")

    assert messages(source=word.getvalue()) == [f"This file is a Word document, not a spreadsheet. {ACCEPTED}"]
    assert messages(source=plain.getvalue()) == [  # QA round 71b: which files, and what to do
        "This file is a ZIP archive holding ratings.csv, not a spreadsheet: unzip it and upload that file on its own."]
    images = io.BytesIO()
    with zipfile.ZipFile(images, "w") as archive:
        archive.writestr("chart.png", b"\x89PNG")
    assert messages(source=images.getvalue()) == [f"This file is a ZIP archive, not a spreadsheet. {ACCEPTED}"]
    assert messages(source=binary.getvalue()) == [
        "This file is an Excel binary workbook (.xlsb), which is not read here: open it in Excel and save it as an "
        "Excel Workbook (.xlsx) or CSV UTF-8, then upload that."]
    numbers = io.BytesIO()
    with zipfile.ZipFile(numbers, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00")
        archive.writestr("Metadata/Properties.plist", b"bplist00")
    assert messages(source=numbers.getvalue()) == [  # QA round 76c: "a ZIP archive" to a Numbers user
        "This file is an Apple Numbers spreadsheet, which is not read here: in Numbers choose File › Export To › "
        "Excel (or CSV), then upload that file."]


def test_it_refuses_a_truncated_workbook():
    data = (CASES / "B02-leading-zeros.xlsx").read_bytes()

    assert messages(source=data[: len(data) // 2]) == [DAMAGED]


# Limits


def test_it_refuses_a_zip_bomb_before_parsing(tmp_path):
    path = xlsx_with_sheet_data(tmp_path, '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * 5_000_000)

    (message,) = messages(source=path)
    (total,) = messages(source=path, limits=Limits(max_uncompressed_bytes=2 * 1024 * 1024))

    assert message.startswith("Part of the workbook (xl/worksheets/sheet1.xml) expands ")
    assert message.endswith(" times when unzipped (limit 100); it may be damaged or malicious.")
    assert total == ("The workbook expands to 4 MB when unzipped, more than this portal reads (2 MB, the setting "
                     "UPLOAD_MAX_UNZIPPED_MB). Save it as CSV, which is read up to the upload size limit, or split its "
                     "rows into two workbooks.")


def test_it_refuses_a_zip_bomb_of_many_small_parts(tmp_path):
    path = xlsx_with_sheet_data(tmp_path, '<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for n in range(4):
            archive.writestr(f"xl/media/padding{n}.xml", b" " * (1024 * 1024 - 1))

    (message,) = messages(source=path)

    assert message.startswith("The workbook expands ")
    assert message.endswith(" times when unzipped (limit 100); it may be damaged or malicious.")


FAR_CELLS = {
    "two corners": '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
    "repeated r": '<row r="1"><c r="A1"><v>1</v></c><c r="B1" r="J9000000"><v>1</v></c></row>',
    "quoted >": '<row r="1"><c r="A1"><v>1</v></c><c r="B1" x=">" r="J9000000"><v>1</v></c></row>',
    "single quotes": "<row r='1'><c r='A1'><v>1</v></c><c r='J9000000'><v>1</v></c></row>",
    "newline": '<row r="1"><c r="A1"><v>1</v></c><c\nr="J9000000"><v>1</v></c></row>',
    "no positions": '<row r="1"><c><v>1</v></c></row><row r="900000">' + "<c><v>1</v></c>" * 20 + "</row>",
    "a value placed after a blank": '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFC1048576"/>'
                                    "<c><v>2</v></c></row>",
}


def test_it_reads_a_sheet_whose_far_cells_are_formatted_blanks(tmp_path):
    """B13: a fill or border far away writes a self-closing cell, which holds no value (calamine skips it)."""
    sheet_data = ('<row r="1"><c r="A1" t="inlineStr"><is><t>ticket_id</t></is></c></row><row r="2"><c r="A2">'
                  '<v>7</v></c></row><row r="1048576"><c r="XFD1048576" s="0"/><c r="A1048576" s="0" t="n" /></row>')

    assert parse_file(xlsx_with_sheet_data(tmp_path, sheet_data)).rows == [["7"]]


@pytest.mark.parametrize("sheet_data", FAR_CELLS.values(), ids=FAR_CELLS.keys())
def test_it_refuses_a_sheet_whose_grid_would_exhaust_memory(tmp_path, sheet_data):
    # calamine sizes its grid by the outermost cells: the first one is 550 GB and aborts the
    # process (tafia/calamine#693); each of these few-KB files would need 90M cells or more
    (message,) = messages(source=xlsx_with_sheet_data(tmp_path, sheet_data))

    assert message.startswith("A sheet in the workbook spans more than 10,000,000 cells (rows x columns)")


def ods_with_rows_added(tmp_path, columns: dict, rows_xml: str) -> Path:
    """An .ods (pandas' writer) of `columns`, with the table-row XML `rows_xml` added to its sheet."""
    pd.DataFrame(columns).to_excel(tmp_path / "base.ods", index=False, engine="odf")
    with zipfile.ZipFile(tmp_path / "base.ods") as source, zipfile.ZipFile(tmp_path / "added.ods", "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "content.xml":
                data = data.replace(b"</table:table>", rows_xml.encode() + b"</table:table>")
            target.writestr(item, data)
    return tmp_path / "added.ods"


def test_it_names_an_ods_sheets_hidden_rows(tmp_path):
    rows = ('<table:table-row table:visibility="filter"><table:table-cell office:value-type="string"><text:p>T-2'
            '</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type='
            '"string"><text:p>T-3</text:p></table:table-cell></table:table-row>')

    sheet = parse_file(ods_with_rows_added(tmp_path, {"id": ["T-1"]}, rows))

    assert (sheet.rows, sheet.notices) == ([["T-1"], ["T-2"], ["T-3"]], [
        "Row 3 is hidden in the workbook (by a filter or by Hide) and read like the others. Exclude them in the table "
        "if they should not be sent."])


def test_an_ods_cell_linking_a_ticket_and_showing_no_id_gives_the_links_address(tmp_path):
    """QA round 40a: a LibreOffice link showing "open ticket" sent "open ticket" as the ticket id."""
    cell = ('<table:table-row><table:table-cell office:value-type="string"><text:p><text:a '
            'xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://acme.zendesk.com/agent/tickets/{}">{}</text:a></text:p></table:table-cell>'
            '</table:table-row>')
    rows = cell.format(48214, "open ticket") + cell.format(48215, "48215")

    sheet = parse_file(ods_with_rows_added(tmp_path, {"Ticket": ["48213"]}, rows))

    assert sheet.rows == [["48213"], ["https://acme.zendesk.com/agent/tickets/48214"], ["48215"]]


def test_an_ods_time_cell_is_rounded_to_the_millisecond_never_into_the_next_day(tmp_path):
    """QA round 40a: PT14H29M59.999999999S, which LibreOffice shows 14:30:00, was read 14:29:59."""
    cell = '<table:table-row><table:table-cell office:value-type="time" office:time-value="{}"><text:p>x</text:p>' \
        '</table:table-cell></table:table-row>'
    rows = "".join(cell.format(value) for value in ("PT14H29M59.999999999S", "PT01H02M03S", "PT23H59M59.9999S"))

    sheet = parse_file(ods_with_rows_added(tmp_path, {"time": ["09:00:00"]}, rows))

    assert sheet.rows == [["09:00:00"], ["14:30:00"], ["01:02:03"], ["23:59:59.999"]]


def test_it_takes_an_ods_sheets_1904_null_date_as_its_date_system(tmp_path):
    pd.DataFrame({"when": [44841.0]}).to_excel(tmp_path / "base.ods", index=False, engine="odf")
    with zipfile.ZipFile(tmp_path / "base.ods") as source, zipfile.ZipFile(tmp_path / "mac.ods", "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "content.xml":
                data = data.replace(b"<table:table ", b'<table:calculation-settings><table:null-date '
                                    b'table:date-value="1904-01-01"/></table:calculation-settings><table:table ', 1)
            target.writestr(item, data)

    assert (parse_file(tmp_path / "base.ods").date_system, parse_file(tmp_path / "mac.ods").date_system) == (
        "1900", "1904")


def test_it_reads_an_ods_cell_as_shown_zero_padding_tabs_and_line_breaks_kept(tmp_path):
    rows = (
        '<table:table-row><table:table-cell office:value-type="float" office:value="123"><text:p>000123</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>one</text:p><text:p>two<text:tab/>'
        'tabbed<text:s text:c="2"/>spaced<text:line-break/>broken</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" '
        'office:value="7"><text:p>007</text:p></table:table-cell><table:table-cell office:value-type="float" '
        'office:value="0.5"><text:p>1</text:p></table:table-cell></table:table-row>'
    )

    sheet = parse_file(ods_with_rows_added(tmp_path, {"id": ["T-1"], "comment": ["x"]}, rows))

    assert sheet.rows == [["T-1", "x"], ["000123", "one\ntwo\ttabbed  spaced\nbroken"], ["007", "0.5"], ["007", "0.5"]]


def test_it_notes_error_values_of_an_ods_that_read_as_blank(tmp_path):
    rows = (
        '<table:table-row><table:table-cell xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:'
        'calcext:1.0" table:formula="of:=NA()" office:value-type="string" office:string-value="" '
        'calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell><table:table-cell '
        'office:value-type="string"><text:p>ok</text:p></table:table-cell></table:table-row>'
    )

    sheet = parse_file(ods_with_rows_added(tmp_path, {"id": ["T-1"], "comment": ["x"]}, rows))

    assert sheet.rows == [["T-1", "x"], ["", "ok"]]
    assert sheet.cell_notes == {
        (1, 0): "holds the Excel error #N/A, not a value: type the value in the table, or correct the formula in Excel and "
                "upload the file again",
    }
    assert sheet.notices == [
        "1 cell holds an Excel error value instead of a value (the first is #N/A in A3), so it reads as blank; "
        "each row says so. Type the values in the table, or correct the formulas in Excel and upload the file again."
    ]


def test_it_reads_an_ods_number_as_shown_with_the_literal_text_of_its_format(tmp_path):
    odf_opendocument = pytest.importorskip("odf.opendocument")
    from odf.number import Number, NumberStyle, Text
    from odf.style import Style
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = odf_opendocument.OpenDocumentSpreadsheet()
    number_style = NumberStyle(name="ticket")
    number_style.addElement(Text(text="T-"))
    number_style.addElement(Number(decimalplaces="0", minintegerdigits="4"))
    document.automaticstyles.addElement(number_style)
    document.automaticstyles.addElement(Style(name="ticket-cell", family="table-cell", datastylename="ticket"))
    table = Table(name="Responses")
    for value, shown, kind in (("ticket_id", "ticket_id", "string"), ("127", "T-0127", "float"),
                               ("0.8", "80%", "percentage")):
        cell = TableCell(valuetype=kind, **({} if kind == "string" else {"value": value}),
                         **({"stylename": "ticket-cell"} if kind == "float" else {}))
        cell.addElement(P(text=shown))
        row = TableRow()
        row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "tickets.ods"))

    assert parse_file(tmp_path / "tickets.ods").rows == [["T-0127"], ["80%"]]  # a percentage as shown (QA 42a)


def test_it_refuses_an_ods_whose_repeated_cells_would_exhaust_memory(tmp_path):
    bomb = (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000"/>'
        '</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="15000"/>'
        '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    )

    (message,) = messages(source=ods_with_rows_added(tmp_path, {"id": ["T-1"]}, bomb))

    assert message.startswith("A sheet in the workbook spans more than 10,000,000 cells (rows x columns)")


def test_it_refuses_an_ods_repeating_a_filled_row_past_the_row_limit_before_reading_it(tmp_path):
    """One filled row repeated 250,000 times fits the cell limit but would cost calamine gigabytes."""
    repeated = ('<table:table-row table:number-rows-repeated="250000"><table:table-cell office:value-type="string">'
                '<text:p>T-2</text:p></table:table-cell></table:table-row>')

    assert messages(source=ods_with_rows_added(tmp_path, {"id": ["T-1"]}, repeated)) == [
        "The file has more than 200,000 data rows, the most one upload can take. Split it into smaller files and "
        "upload them one at a time."]


def test_it_refuses_files_over_the_size_limit():
    data = b"id\n" + b"x" * 1024 * 1024

    assert messages(source=data, limits=Limits(max_bytes=1024 * 1024)) == [
        f"The file is larger than 1 MB, the most one upload can take. {SPLIT}"
    ]


def test_it_refuses_rows_over_the_limit():
    data = b"id\n" + b"".join(b"%d\n" % number for number in range(5))

    assert len(parse_file(data, limits=Limits(max_rows=5)).rows) == 5
    assert messages(source=data, limits=Limits(max_rows=4)) == [
        f"The file has more than 4 data rows, the most one upload can take. {SPLIT}"
    ]


def test_it_refuses_columns_over_the_limit_but_not_trailing_empty_ones():
    assert parse_file(b"a,b,c,,,,,\n1,2,3,,,,,\n", limits=Limits(max_columns=3)).columns == ["a", "b", "c"]
    assert messages(source=b"a,b,c,d\n1,2,3,4\n", limits=Limits(max_columns=3)) == [
        "The file has 4 columns; the most we can read is 3. Delete the columns you do not need and upload it again."
    ]


@pytest.mark.parametrize(("data", "comments"), [
    (b"ticket_id,score,comment\n1,5,slow, rude\n2,4,ok, fine\n", ["slow, rude", "ok, fine"]),  # QA round 57b
    (b"ticket_id,score,comment\n1,5,Great help, thanks\n", ["Great help, thanks"]),
    (b"ticket_id,score,comment\n1,5,slow,late\n2,4,ok,late\n", ["slow", "ok"]),  # a column with no header (B12)
])
def test_it_reads_back_together_a_comment_split_on_every_row_only_after_a_sentences_comma(data, comments):
    assert [row[2] for row in parse_file(data, "sheet.csv").rows] == comments


def test_it_reads_back_together_a_comment_column_before_others_when_the_cells_after_it_then_fit():
    """QA round 57d: "Slow, rude" in 'Comment' before 'Agent Email' and 'Date' blamed the email and the date."""
    sheet = parse_file(b"Ticket ID,Score,Comment,Agent Email,Date\n66001,2,Slow, rude,ana@acme.com,2026-11-30 10:00\n"
                       b"66002,5,Great,ben@acme.com,2026-11-30 10:05\n66003,4,ok,,2026-11-30 10:10\n"
                       b"66004,3,Fine,cy@acme.com,2026-11-30 10:15,late\n", "middle.csv")
    assert sheet.rows[0] == ["66001", "2", "Slow, rude", "ana@acme.com", "2026-11-30 10:00"]
    assert sheet.rows[3] == ["66004", "3", "Fine", "cy@acme.com", "2026-11-30 10:15"]  # 'late' fits no column: ignored
    assert sheet.notices[0] == (
        "On row 2, the column 'Comment' held the separator ',' without quotes, which moved the cells after it to the "
        "right: they were read back together, with a warning on each row. Put such text in quotes in the file to "
        "avoid it.")


def test_it_reads_back_together_a_last_column_split_by_unquoted_commas():
    sheet = parse_file(b"ticket_id,score,comment\n1,5,Great service, thanks\n2,4,fine\n3,3,slow,very,slow,,\n")

    assert [row[2] for row in sheet.rows] == ["Great service, thanks", "fine", "slow,very,slow"]  # QA round 47b
    assert sheet.notices == [
        "On 2 rows (the first is row 2), the last column 'comment' held the separator ',' without quotes, which split "
        "it into more cells than the header has: they were read back together as one cell, with a warning on each "
        "row. Put such text in quotes in the file to avoid it."]
    assert sheet.cell_notes == {
        (0, None): "'comment' held ',' without quotes, which split it into 2 cells: they were read back together as "
                   "one. Check the cell",
        (2, None): "'comment' held ',' without quotes, which split it into 3 cells: they were read back together as "
                   "one. Check the cell",
    }


@pytest.mark.parametrize(("source", "ignored"), [
    (b"ticket_id,comment,score\n1,Great,5,checked by Sam\n2,fine,4\n3,slow,3,recheck,Sam\n",  # beside a score
     "column D ('recheck'), column E ('Sam')"),
    (b"ticket_id,score,comment\n1,5,Great,thanks\n2,4,fine,ok\n3,3,slow,very,slow\n",  # on every row: a column
     "column D ('very'), column E ('slow')"),
    (b"ticket_id,score,agent\n1,5,A1\n2,4,A2\n3,3,Lee, Ana, Mo\n",  # no comment: never joined (QA round 48b)
     "column D ('Ana'), column E ('Mo')"),
])
def test_it_notes_each_row_whose_extra_cells_were_not_read(source, ignored):
    sheet = parse_file(source)

    assert sheet.notices[0].startswith("Column D has no header, so its ")
    assert sheet.cell_notes[(2, None)] == (
        f"this row has more cells than the header; {ignored} right of the last named column were not read. If a "
        "separator inside a comment split it, put that comment in quotes in the file, or fix the cell here")


def test_it_notes_a_workbook_rows_extra_cell_without_a_csv_fix(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["ticket_id", "score"])
    book.active.append(["T-1", 5, "checked by Sam"])
    book.save(tmp_path / "note.xlsx")

    assert parse_file(tmp_path / "note.xlsx").cell_notes == {
        (0, None): "Column C ('checked by Sam') right of the last named column was not read. If it belongs to the "
                   "answer, give that column a header in the file and upload it again"}


def test_it_notes_a_cell_that_swallowed_rows_after_a_stray_quote():
    data = (b'submitted_at,ticket_id,agent_id,score,comment\n'
            b'2026-10-02 10:00,50001,381,5,"Bad support and left\n'
            b'2026-10-03 10:00,50002,381,4,fine\n'
            b'2026-10-04 10:00,50003,381,3,"quoted" word\n'
            b'2026-10-05 10:00,50004,381,5,"two\nlines, one comma"\n')

    sheet = parse_file(data)

    assert sheet.row_numbers == [2, 3]
    assert sheet.cell_notes == {(0, None): (
        "column 'comment' holds 2 lines that look like rows of this file: a quote (\") may be missing, so that the "
        "rows below were read into this cell. Check this row in the file, close or remove the quote, and upload the "
        "file again")}
    assert sheet.notices == ["Row 2 holds a cell with lines that look like rows of this file: a quote may be missing "
                             "there, so answers below it were read into that cell. See each row's warning."]


def test_it_reads_text_with_a_stray_nul_as_a_visible_symbol_the_checks_refuse():
    from uploads import cells

    sheet = parse_file(b"ticket_id,score,comment\n1,5,o\x00k\n2,4,fine\n")

    assert sheet.rows == [["1", "5", "o\u2400k"], ["2", "4", "fine"]]  # no database stores a NUL (Postgres)
    assert sheet.notices == ["The file held 1 NUL character (U+0000), which no database can store: each is shown as "
                             "\u2400 and its cell is invalid. Delete them in the table, or in the file."]
    issue = cells.clean_text("o\u2400k").issue
    assert (issue.what, issue.fix) == ("held a NUL character (U+0000), shown as \u2400: it cannot be stored or sent",
                                       "Delete it and retype the value")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_it_reads_cyrillic_utf16_text_saved_without_its_byte_order_mark(codec):
    """Few NULs (the ASCII commas, digits and line ends): still UTF-16, not binary data (review 29c)."""
    data = "ticket_id,score,comment\n1,5,Спасибо большое\n2,4,Очень быстро и вежливо ответили\n".encode(codec)
    assert parse_file(data).rows == [["1", "5", "Спасибо большое"], ["2", "4", "Очень быстро и вежливо ответили"]]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_it_reads_utf16_text_saved_without_its_byte_order_mark(codec):
    """PowerShell's and scripts' UTF-16 without a BOM: the NULs on every other byte tell the order (QA 28a)."""
    data = "ticket_id\tscore\tcomment\n1\t5\tTrès bien\n2\t4\tСпасибо\n".encode(codec)

    sheet = parse_file(data)
    assert (sheet.rows, sheet.encoding, sheet.delimiter) == (
        [["1", "5", "Très bien"], ["2", "4", "Спасибо"]], codec, "\t")
    assert parse_file(data, encoding="utf-16").rows == sheet.rows  # chosen on the form: the NULs tell the order


def test_it_counts_a_sep_line_in_the_line_of_an_unclosed_quote_and_drops_a_final_ctrl_z():
    assert messages(source=b'sep=;\nticket_id;score;comment\n1;5;ok\n2;4;"never closed\n3;5;ok\n') == [
        "Row 3 (line 4 of the file), column C ('comment'), opens a quote (\") that is never closed, so the rest of "
        "the file would be read as one cell. Close the quote (or remove it), or save the file again from Excel."]
    assert parse_file(b"ticket_id,score\r\n1,5\r\n\x1a").rows == [["1", "5"]]


def test_it_reads_excel_text_formulas_as_the_text_excel_shows_and_says_so():
    sheet = parse_file(b'ticket_id,agent_id,comment\n="00789",="3812345670099","=""quoted"""\n'
                       b'00790,3812345670099,="a ""b"" c"\n00791,1,= "not one"\n')

    assert sheet.rows == [["00789", "3812345670099", "quoted"], ["00790", "3812345670099", 'a "b" c'],
                          ["00791", "1", '= "not one"']]
    assert sheet.notices == ["4 cells written as a text formula like =\"00789\" (the way exports keep leading zeros "
                             "in Excel) were read as the text Excel shows, e.g. row 2, column 'ticket_id': 00789."]


def test_it_drops_the_byte_order_mark_of_a_second_export_appended_without_its_header():
    """QA round 62b: the appended file's BOM made its first row's ticket id invalid ("usually from copy-paste")."""
    data = "\ufeffticket_id,score\r\n48213,5\r\n\ufeff48214,4\r\n".encode()
    assert parse_file(source=data, filename="joined.csv").rows == [["48213", "5"], ["48214", "4"]]


def test_it_leaves_out_two_pandas_index_columns():
    """QA round 61c: a frame read with its index and written again (",Unnamed: 0,...") refused the file: "Column B has
    no header but contains data"."""
    sheet = parse_file(source=b",Unnamed: 0,ticket_id,score\n0,0,48213,5\n1,1,48214,4\n", filename="pandas.csv")
    assert (sheet.columns, sheet.rows) == (["ticket_id", "score"], [["48213", "5"], ["48214", "4"]])
    assert [notice[:70] for notice in sheet.notices] == [
        "Column A has no header and holds only row numbers (0 to 1: the index p",
        "Column B has only pandas' placeholder header 'Unnamed: 0' and holds on"]


def test_it_leaves_out_a_reports_footer_under_the_answers_and_says_so():
    data = (b"Case Number,Question,Number Value\n00001026,How satisfied?,5\n00001027,How satisfied?,4\n\n"
            b'"CSAT Survey Responses"\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n'
            b'"Generated By:  Jane Admin  10/14/2026 9:12 AM"\n')
    sheet = parse_file(source=data, filename="report.csv")

    assert (sheet.rows, sheet.row_numbers) == ([["00001026", "How satisfied?", "5"], ["00001027", "How satisfied?",
                                                                                        "4"]], [2, 3])
    assert sheet.notices == ["Rows 5–7 under the answers hold one text each ('CSAT Survey Responses', 'Copyright (c) "
                             "2000-2026 salesforce.com, inc. All rights rese', …): a report's footer, not read as "
                             "answers"]


def test_it_leaves_out_a_footer_under_a_grouped_reports_total_line():
    """QA round 44a: a Salesforce formatted report ends "Total | Record Count: 5", a blank row, then its notice."""
    data = (b"Case Owner: Email,Case Number,Score\nana@example.com,00005001,4\nSubtotal,Record Count: 1,\n"
            b"Total,Record Count: 1,\n\nConfidential Information - Do Not Distribute\n")
    sheet = parse_file(source=data, filename="report.csv")
    assert (sheet.row_numbers, sheet.notices) == ([2, 3, 4], [
        "Row 6 under the answers holds one text ('Confidential Information - Do Not Distribute'): a report's "
        "footer, not read as answers"])


def test_it_leaves_out_a_second_table_under_the_answers_and_says_so():
    """QA round 60b: Apple Numbers, exporting a sheet's tables with their names, put "Summary" and its per-agent
    averages under the answers: five invalid rows, "format the column as a date"."""
    data = (b"Responses\nTicket,Agent email,Date & time,Rating (1-5)\n60412,jane@acme.com,\"Nov 2, 2026 9:05 AM\",5\n"
            b"60415,tom@acme.com,\"Nov 2, 2026 11:47 AM\",4\n\nSummary\nAgent,Responses,Average\n"
            b"jane@acme.com,1,5\ntom@acme.com,1,4\n")
    sheet = parse_file(source=data, filename="numbers.csv")
    assert (sheet.row_numbers, sheet.notices) == ([3, 4], [
        "Rows 6–9 under the answers, after a blank row, are another table ('Summary'), not answers: they are not "
        "read"])


@pytest.mark.parametrize("after_gap", [
    b"Week 2\nTicket,Agent email,Score\n60420,jane@acme.com,4\n",  # a block's header again, its Date left out
    b"Week 2\n60420,jane@acme.com,2026-11-09 10:00,4\n",  # answers under a block's title
    b"Ana Lee,Tom Baker\n60420,jane@acme.com,2026-11-09 10:00,4\n",  # a line of names over answers
])
def test_it_keeps_answers_after_a_blank_row_under_a_title_or_their_header_again(after_gap: bytes):
    data = (b"Ticket,Agent email,Date,Score\n60412,jane@acme.com,2026-11-02 09:05,5\n\n" + after_gap)
    assert parse_file(source=data, filename="team.csv").row_numbers[-1] == 3 + after_gap.count(b"\n")


def test_it_keeps_a_last_row_of_one_text_that_follows_the_answers_without_a_gap():
    sheet = parse_file(source=b"ticket_id,comment,score\n1,ok,5\n2,,\n", filename="team.csv")
    assert sheet.row_numbers == [2, 3]


def test_it_keeps_answers_pasted_with_other_separators_under_the_rows_as_rows():
    data = (b"Date;Ticket;Agent;Score;Comment\n2026-05-04 10:00;84201;ana@example.com;5;x\n\n"
            b"2026-05-05 10:00,84202,ana@example.com,4,y\n")
    sheet = parse_file(source=data, filename="team.csv")
    assert (sheet.row_numbers, sheet.notices) == ([2, 4], [])


def test_it_says_when_the_sheet_read_is_hidden(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active.append(["CSAT export, October"])
    book.create_sheet("Data").append(["ticket_id", "score"])
    book["Data"].append(["T-1", 5])
    book["Data"].sheet_state = "hidden"
    book.save(tmp_path / "hidden.xlsx")
    answers = lambda sheet: {"ticket_id", "score"} <= set(sheet.columns)  # noqa: E731

    sheet = parse_file(tmp_path / "hidden.xlsx", header_score=ticket_header, answers=answers)
    assert (sheet.sheet_name, sheet.notices[-1]) == ("Data", "Sheet 'Data' is hidden in the workbook; it was read "
                                                     "because no visible sheet holds the answers. Check that it is "
                                                     "the sheet you meant to upload.")


def test_it_names_a_hidden_sheet_with_data_it_did_not_read(tmp_path):
    """QA round 40a: last month's answers in a hidden first sheet went unsaid."""
    book = openpyxl.Workbook()
    book.active.title = "Sep"
    book.active.append(["ticket_id", "score"])
    book.active.append(["T-1", 5])
    book.active.sheet_state = "hidden"
    book.create_sheet("Oct").append(["ticket_id", "score"])
    book["Oct"].append(["T-2", 4])
    book.active = 1
    book.save(tmp_path / "hidden.xlsx")
    answers = lambda sheet: {"ticket_id", "score"} <= set(sheet.columns)  # noqa: E731

    sheet = parse_file(tmp_path / "hidden.xlsx", header_score=ticket_header, answers=answers)
    assert (sheet.sheet_name, sheet.notices) == ("Oct", [
        "The workbook also has a hidden sheet with data ('Sep'), not read. To read it, choose it under \"Read the "
        "file differently\" (import_csat: --sheet NAME)."])


def test_it_gives_a_date_column_declaring_no_zone_the_one_its_export_declares(tmp_path):
    path = tmp_path / "partial.csv"
    path.write_text(
        "StartDate,EndDate,RecordedDate,ResponseId,ExternalReference,Q1\n"
        "Start Date,End Date,Recorded Date,Response ID,External Data Reference,How satisfied?\n"
        '"{""ImportId"":""startDate"",""timeZone"":""Europe/Berlin""}","{""ImportId"":""endDate"",""timeZone"":'
        '""Europe/Berlin""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}",'
        '"{""ImportId"":""externalDataReference""}","{""ImportId"":""QID1""}"\n'
        "2026-07-01 12:00:00,2026-07-01 12:01:00,2026-07-01 12:02:00,R_1,T-1,5\n", encoding="utf-8")
    sheet = parse_file(path)
    assert sheet.declared_time_zones == {
        "StartDate": "Europe/Berlin", "EndDate": "Europe/Berlin", "RecordedDate": "Europe/Berlin"}


def test_it_leaves_an_embedded_date_column_of_a_qualtrics_export_its_own_zone(tmp_path):
    path = tmp_path / "embedded.csv"
    path.write_text(
        "StartDate,RecordedDate,ticket_date_utc,Q1\n"
        "Start Date,Recorded Date,ticket_date_utc,How satisfied?\n"
        '"{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""recordedDate"",""timeZone"":'
        '""America/Denver""}","{""ImportId"":""ticket_date_utc""}","{""ImportId"":""QID1""}"\n'
        "2026-07-01 12:00:00,2026-07-01 12:02:00,2026-07-01 18:00:00,5\n", encoding="utf-8")
    assert "ticket_date_utc" not in parse_file(path).declared_time_zones


def test_it_gives_no_zone_an_embedded_date_declares_to_the_survey_dates(tmp_path):
    path = tmp_path / "embedded.csv"
    path.write_text(
        "RecordedDate,TicketSolvedAt,Q1\nRecorded Date,TicketSolvedAt,How satisfied?\n"
        '"{""ImportId"":""recordedDate""}","{""ImportId"":""TicketSolvedAt"",""timeZone"":""UTC""}",'
        '"{""ImportId"":""QID1""}"\n2026-07-01 12:02:00,2026-07-01 18:00:00,5\n', encoding="utf-8")
    assert parse_file(path).declared_time_zones == {"TicketSolvedAt": "UTC"}


def test_it_keeps_every_digit_of_a_long_number_a_tool_stored_exactly_in_a_workbook(tmp_path):
    """B01 in a workbook: calamine's float of 1234567890123456789 is 1234567890123456800; the file
    has the digits. A number with 15 significant digits (Excel's) may have been rounded: noted."""
    xlsx = xlsx_with_sheet_data(tmp_path, (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ticket_id</t></is></c><c r="B1" t="inlineStr"><is><t>agent_id</t>'
        '</is></c></row><row r="2"><c r="A2"><v>1234567890123456789</v></c><c r="B2" t="n"><v>100000000000000001</v>'
        '</c></row><row r="3"><c r="A3"><v>2154712345678900</v></c><c r="B3"><v>7</v></c></row>'
        '<row r="4"><c r="A4"><v>1234567890123456800</v></c><c r="B4"><v>8</v></c></row>'))
    ods = ods_with_rows_added(tmp_path, {"ticket_id": ["T-1"], "agent_id": ["A-1"]}, (
        '<table:table-row><table:table-cell office:value-type="float" office:value="12345678901234567">'
        '<text:p>1.23456789012346E+016</text:p></table:table-cell><table:table-cell office:value-type="string">'
        '<text:p>A-2</text:p></table:table-cell></table:table-row>'))

    workbook = parse_file(xlsx)
    assert workbook.rows == [["1234567890123456789", "100000000000000001"], ["2154712345678900", "7"],
                             ["1234567890123456800", "8"]]
    assert workbook.cell_notes == {(1, 0): LONG_NOTE, (2, 0): LONG_NOTE}  # Excel's 15 digits; a double's text
    sheet = parse_file(ods)
    assert (sheet.rows[1], sheet.cell_notes) == (["12345678901234567", "A-2"], {})


def test_a_percentage_cell_reads_as_the_percentage_it_shows(tmp_path):
    """QA round 42a: a 'Satisfaction score' cell formatted 0% holding 1 (shown 100%) was sent as the score 1."""
    book = openpyxl.Workbook()
    book.active.append(["score", "share", "ticket"])
    for value in (1, 0.8, 0.875):
        book.active.append([value, value, 67001])
        book.active.cell(book.active.max_row, 1).number_format = "0%"
        book.active.cell(book.active.max_row, 3).number_format = "0%"  # no share: its digits (QA round 43b)
    book.save(tmp_path / "percent.xlsx")
    ods = ods_with_rows_added(tmp_path, {"score": ["5"]}, (
        '<table:table-row><table:table-cell office:value-type="percentage" office:value="1"><text:p>100%</text:p>'
        '</table:table-cell></table:table-row>'))

    assert parse_file(tmp_path / "percent.xlsx").rows == [["100%", "1", "67001"], ["80%", "0.8", "67001"],
                                                          ["87.5%", "0.875", "67001"]]
    assert parse_file(ods).rows == [["5"], ["100%"]]


def test_a_number_cell_reads_as_the_spreadsheet_shows_it_to_15_significant_digits(tmp_path):
    """QA round 40a: a formula's cached 3.0000000000000004 (Excel shows 3) was refused as no whole number."""
    xlsx = xlsx_with_sheet_data(tmp_path, (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>score</t></is></c></row>'
        '<row r="2"><c r="A2"><v>3.0000000000000004</v></c></row><row r="3"><c r="A3"><v>0.30000000000000004</v></c>'
        '</row><row r="4"><c r="A4"><v>4.5</v></c></row>'))

    assert parse_file(xlsx).rows == [["3"], ["0.3"], ["4.5"]]


def test_a_long_number_stored_in_scientific_notation_reads_as_stored_unless_it_holds_every_digit(tmp_path):
    """QA round 40a: 215471234567890123 given to openpyxl as a number is stored 2.154712345678901e+17, and two
    tickets were sent as one rounded id; the stored text is refused as an id (test_validation), while a
    notation holding every digit gives them."""
    xlsx = xlsx_with_sheet_data(tmp_path, (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ticket_id</t></is></c></row>'
        '<row r="2"><c r="A2" t="n"><v>2.154712345678901e+17</v></c></row>'
        '<row r="3"><c r="A3"><v>2.1547123456789011E+17</v></c></row>'
        '<row r="4"><c r="A4"><v>8.007199254740993E+15</v></c></row>'))

    workbook = parse_file(xlsx)
    assert workbook.rows == [["2.154712345678901e+17"], ["2.1547123456789011E+17"], ["8007199254740993"]]
    assert workbook.cell_notes == {}


def test_a_hyperlink_formula_showing_no_id_gives_its_ticket_links_id(tmp_path):
    """QA round 37c: =HYPERLINK(url, "open") in an .xlsx sent "open" as the ticket id; the link names the ticket."""
    path = xlsx_with_sheet_data(
        tmp_path,
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Ticket</t></is></c></row>'
        '<row r="2"><c r="A2" t="str"><f>HYPERLINK("https://acme.zendesk.com/agent/tickets/48302","open")</f>'
        '<v>open</v></c></row>'
        '<row r="3"><c r="A3" t="str"><f>HYPERLINK("https://acme.zendesk.com/agent/tickets/48303","48303")</f>'
        '<v>48303</v></c></row>'
        '<row r="4"><c r="A4" t="str"><f>HYPERLINK("https://example.com/help","help")</f><v>help</v></c></row>',
    )

    assert parse_file(path).rows == [
        ['=HYPERLINK("https://acme.zendesk.com/agent/tickets/48302","open")'], ["48303"], ["help"]]


@pytest.mark.parametrize(("number_format", "shown"), [
    ('yyyy-mm-dd hh:mm "UTC"', ["2026-10-07 00:00:00Z", "2026-10-07 09:30:00Z"]),
    ('yyyy-mm-dd"T"hh:mm:ss"Z"', ["2026-10-07 00:00:00Z", "2026-10-07 09:30:00Z"]),
    ('d.m.yyyy h:mm "(Berlin)"', ["2026-10-07 00:00:00", "2026-10-07 09:30:00"]),
    ('yyyy-mm-dd hh:mm "(UTC)"', ["2026-10-07 00:00:00Z", "2026-10-07 09:30:00Z"]),  # QA round 68a
    ("yyyy\\-mm\\-dd\\ hh:mm\\ \\U\\T\\C", ["2026-10-07 00:00:00Z", "2026-10-07 09:30:00Z"]),
    ('yyyy-mm-dd hh:mm "GMT+1"', ["2026-10-07 00:00:00", "2026-10-07 09:30:00"]),
    ('yyyy-mm-dd "UTC"', ["2026-10-07", "2026-10-07 09:30:00"]),  # no time shown
])
def test_a_date_cell_whose_format_shows_utc_reads_as_utc(tmp_path, number_format, shown):
    """QA round 67a: `yyyy-mm-dd hh:mm "UTC"` shows 08:06 UTC, and the time was read in the upload's zone."""
    assert _date_cells_read(tmp_path, number_format) == shown


def _date_cells_read(folder, number_format: str) -> list[str]:
    """How an .xlsx's two date cells (midnight and 09:30 on 7 October 2026) in `number_format` are read."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Submitted At", "Ticket ID"])
    sheet.append([datetime.datetime(2026, 10, 7), "48213"])
    sheet.append([datetime.datetime(2026, 10, 7, 9, 30), "48214"])
    for row in (2, 3):
        sheet.cell(row, 1).number_format = number_format
    book.save(folder / "dates.xlsx")
    return [row[0] for row in parse_file(folder / "dates.xlsx").rows]


@pytest.mark.parametrize(("number_format", "shown"), [
    ("yyyy-mm-dd hh:mm:ss", "2026-10-07 00:00:00"), ("d.m.yyyy h:mm", "2026-10-07 00:00:00"),
    ("m/d/yy h:mm", "2026-10-07 00:00:00"), ("yyyy-mm-dd", "2026-10-07"), ('"Day "d', "2026-10-07"),
])
def test_a_date_cell_at_midnight_keeps_its_time_when_its_format_shows_one(tmp_path, number_format, shown):
    """QA round 58c: 2026-10-07 00:00:00 in an .xlsx read as a date alone ("no time part", and a DST gap's
    midnight was sent); an .ods already kept it."""
    assert _date_cells_read(tmp_path, number_format) == [shown, "2026-10-07 09:30:00"]


def test_an_xls_date_cell_at_midnight_keeps_its_time_when_its_format_shows_one(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("CSAT")
    sheet.write(0, 0, "Submitted At")
    sheet.write(0, 1, "Answered on")
    for column, number_format in enumerate(("yyyy-mm-dd hh:mm:ss", "yyyy-mm-dd")):
        sheet.write(1, column, datetime.datetime(2026, 10, 7), xlwt.easyxf(num_format_str=number_format))
    book.save(str(tmp_path / "midnight.xls"))

    assert parse_file(tmp_path / "midnight.xls").rows == [["2026-10-07 00:00:00", "2026-10-07"]]  # QA round 58c


def test_a_hyperlinked_cell_showing_no_id_gives_its_ticket_links_address(tmp_path):
    """QA round 40a: a cell linked with Insert > Link showing "open" sent "open" as the ticket id."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ticket", "Comment"])
    for shown, url in [("open", "https://acme.zendesk.com/agent/tickets/48214"),
                       ("48215", "https://acme.zendesk.com/agent/tickets/48215"), ("help", "https://example.com/help")]:
        sheet.append([shown, "open" if shown == "open" else "fine"])
        sheet.cell(sheet.max_row, 1).hyperlink = url
    sheet.cell(2, 2).hyperlink = "https://acme.zendesk.com/agent/tickets/48214"  # one link in a comment column
    book.save(tmp_path / "links.xlsx")

    assert parse_file(tmp_path / "links.xlsx").rows == [
        ["https://acme.zendesk.com/agent/tickets/48214", "open"], ["48215", "fine"], ["help", "fine"]]


def test_a_lone_linked_cell_among_typed_ids_gives_its_ticket_links_address(tmp_path):
    """QA round 58a: one cell showing "open" among typed ticket ids was refused as a link's word; a comment "open"
    linking to its ticket beside other comments stays a comment."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ticket ID", "Comment"])
    sheet.append(["48200", "ok"])
    sheet.append(["48201", "fine"])
    sheet.append(["open", "open"])
    sheet.cell(4, 1).hyperlink = sheet.cell(4, 2).hyperlink = "https://acme.zendesk.com/agent/tickets/48213"
    book.save(tmp_path / "lone.xlsx")

    assert [row[0] for row in parse_file(tmp_path / "lone.xlsx").rows] == [
        "48200", "48201", "https://acme.zendesk.com/agent/tickets/48213"]
    assert parse_file(tmp_path / "lone.xlsx").rows[2][1] == "open"
