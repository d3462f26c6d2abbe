"""Cell and row rules: ids, scores, agents, text, dates, clarifying answers, skips, duplicates."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tests.helpers_sheets import sheet
from uploads import items, mapping, scorecells, validation
from uploads.validation import Problem, RowResult

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
API = ["submitted_at", "ticket_id", "agent_id", "agent_email", "score", "comment"]
PLAIN = mapping.Preset(name="Plain", columns={name: name for name in mapping.FIELDS})


def check(*rows: list[str], columns: list[str] = API, preset: mapping.Preset = PLAIN, time_zone: str = "UTC",
          **extra) -> list[RowResult]:
    result = validation.check_sheet(sheet(columns, *rows, **extra), preset, time_zone=time_zone, now=NOW)
    return result.rows


def one(stamp: str = "2026-10-05T14:48:00Z", ticket: str = "50101", agent: str = "381", email: str = "",
        score: str = "5", comment: str = "", **kwargs) -> RowResult:
    return check([stamp, ticket, agent, email, score, comment], **kwargs)[0]


def codes(row: RowResult) -> list[tuple[str, str]]:
    return [(problem.field, problem.code) for problem in row.errors]


def warning_codes(row: RowResult) -> list[str]:
    return [problem.code for problem in row.warnings]


# ids: shared/samples/README.md "Conventions", shared/cases B01/B02

def test_it_builds_the_exact_item() -> None:
    row = one(email="agent.one@example.com", comment="Fine.")
    assert row.status == "valid"
    assert json.dumps(row.item) == json.dumps({
        "submitted_at": "2026-10-05T14:48:00.000Z", "ticket_id": "50101", "agent_id": "381",
        "agent_email": "agent.one@example.com", "score": 5, "comment": "Fine.", "min_score": 1, "max_score": 5})


def test_it_trims_ids_including_nbsp() -> None:
    assert one(ticket="\u00a0 50122\u00a0").item["ticket_id"] == "50122"


def test_it_keeps_leading_zeros() -> None:
    assert one(ticket="000123", agent="007").item["agent_id"] == "007"


@pytest.mark.parametrize("damaged", ["9.22251E+11", "2.15E+14", "3.81e12", "8E+05"])
def test_it_refuses_ids_excel_wrote_in_scientific_notation(damaged: str) -> None:
    row = one(ticket=damaged)
    assert codes(row) == [("ticket_id", "excel_digits")]
    assert row.errors[0].message == (
        f"Row 2, column 'ticket_id': {damaged} is in Excel's scientific notation: digits were lost when this "
        "file was saved in Excel; export it again from the helpdesk. Upload the new export without opening it "
        "in Excel, or type the full ticket id.")


def test_it_says_how_excel_shows_a_long_id_a_workbook_stored_as_a_number() -> None:
    """QA round 73b: the refusal quoted Python's 1.234567890123457e+16, which no one sees in the sheet."""
    row = one(ticket="1.234567890123457e+16")
    assert row.errors[0].message == (
        "Row 2, column 'ticket_id': 1.234567890123457e+16 is a number that keeps 16 of the ticket id's 17 digits "
        "(in Excel: 1.23457E+16): digits were lost when this file was saved in Excel; export it again from the "
        "helpdesk. Upload the new export without opening it in Excel, or type the full ticket id.")
    assert one(ticket="1.2345678901234568E+16").errors[0].message.startswith(  # QA round 77a: not "17 of 17"
        "Row 2, column 'ticket_id': 1.2345678901234568E+16 is a number that holds 17 digits, more than a spreadsheet's "
        "number keeps exactly (in Excel: 1.23457E+16): digits were lost")


@pytest.mark.parametrize("shown", ["open", "Open ticket", "View", "click here"])
def test_it_refuses_a_links_text_as_the_ticket_id(shown: str) -> None:
    """QA round 42b: a cell showing "open" that linked to an article, or to nothing, was sent as the ticket "open"."""
    row = one(ticket=shown)
    assert [problem.message for problem in row.errors] == [
        f"Row 2, column 'ticket_id': '{shown}' is a link's text, not the ticket id: the cell links to no ticket's page, "
        "or to none at all. Type the ticket id as the helpdesk shows it."]
    assert one(ticket="OPEN-123").status == "valid"


def test_it_reads_an_id_in_scientific_notation_that_keeps_every_digit() -> None:
    """QA round 41b: 2.15471234567899E+14 holds all 15 digits of 215471234567899; it was refused as damaged."""
    row = one(ticket="2.15471234567899E+14")
    assert (row.status, row.item["ticket_id"]) == ("valid", "215471234567899")
    assert [problem.message for problem in row.warnings] == [
        "Row 2, column 'ticket_id': 2.15471234567899E+14 is in scientific notation with every digit of the ticket "
        "id: sent as 215471234567899."]


def test_it_refuses_a_long_id_whose_digits_past_the_15th_a_spreadsheet_filled_with_zeros() -> None:
    """A workbook's number cell 6.50123456789012E+30 (Kustomer's hex id read as a number: QA round 30b)."""
    assert codes(one(ticket="6501234567890120000000000000000")) == [("ticket_id", "excel_digits")]
    assert codes(one(ticket="12345678901234570000")) == [("ticket_id", "excel_digits")]  # 17 kept (QA round 31a)
    assert one(ticket="2154712345678900").status == "valid"  # 16 digits: may be rounded, a warning where noted


def test_it_refuses_an_id_a_spreadsheet_saved_as_shown_in_scientific_notation() -> None:
    """QA round 65a: 2.15471E+14 saved as shown and read back as a number cell, 215471000000000, for three
    conversations; an id of fewer digits, or with more kept, is an id."""
    row = one(ticket="215471000000000")
    assert [problem.message for problem in row.errors] == [
        "Row 2, column 'ticket_id': 215471000000000 keeps only its first 6 digits, then zeros: a spreadsheet showed "
        "the id in scientific notation (2.15471E+14) and saved it so, and its other digits are lost; export it again "
        "from the helpdesk. Upload the new export without opening it in Excel, or type the full ticket id."]
    assert codes(one(agent="3810000000000")) == [("agent_id", "excel_digits")]
    assert [one(ticket=ticket).status for ticket in ("48000000000", "2154712000000000", "100000")] == ["valid"] * 3


def test_it_refuses_the_long_ids_of_a_text_column_a_spreadsheet_rounded() -> None:
    """A CSV whose 16-digit ids all end in 0 (Zoho Desk's 1892000000101001 saved by Excel as 1892000000101000):
    refused, each; an id typed in full on the fix-it table passes. Not a column where some long ids do not end in 0
    (QA round 68a: 3 of 6 real ids did), one id rated three times, nor a workbook (its number cells are noted)."""
    tickets = ["1892000000101000", "1892000000101020", "1892000000101030"]
    rows = [["2026-10-05T14:48:00Z", ticket, "381", "", "5", ""] for ticket in tickets]
    result = validation.check_sheet(sheet(API, *rows), PLAIN, time_zone="UTC", now=NOW)
    assert [row.status for row in result.rows] == ["invalid"] * 3
    assert result.rows[0].errors[0].message == (
        "Row 2, column 'ticket_id': 1892000000101000 has 16 digits and ends in zeros past the 15th, as every long id "
        "in this column does: a spreadsheet read the ids as numbers, kept 15 digits and saved zeros for the rest, so "
        "the last digits are lost; export it again from the helpdesk. Upload the new export without opening it in "
        "Excel, or type the full ticket id.")
    typed = validation.check_row(["2026-10-05T14:48:00Z", "1892000000101001", "381", "", "5", ""], 2, API, PLAIN,
                                 result.context, time_zone="UTC", now=NOW)
    assert typed.status == "valid"
    full = [["2026-10-05T14:48:00Z", "1892000000101047", "381", "", "5", ""]]
    assert {row.status for row in check(*rows, *full)} == {"valid"}
    assert {row.status for row in check(rows[0], rows[0], rows[0], *full)} == {"valid"}  # one ticket, three ratings
    assert {row.status for row in check(*rows, format="xlsx")} == {"valid"}


def test_it_refuses_an_agent_id_in_scientific_notation_unless_the_row_has_a_valid_email() -> None:
    assert codes(one(agent="2.15E+14")) == [("agent_id", "excel_digits")]
    assert codes(one(agent="2.15E+14", email="ana@")) == [("agent_id", "excel_digits"), ("agent_email", "not_email")]
    row = one(agent="2.15E+14", email="a@example.com")  # the email still names the agent (QA round 29b)
    assert (row.item["agent_email"], "agent_id" in row.item) == ("a@example.com", False)
    assert [problem.message for problem in row.warnings] == [
        "Row 2, column 'agent_id': agent_id 2.15E+14 lost its digits in Excel (scientific notation): dropped, "
        "agent_email used."]
    grouped = one(agent="3.812.345.670.011", email="a@example.com")  # a German number format (QA round 33b)
    assert (grouped.status, "agent_id" in grouped.item, [problem.code for problem in grouped.warnings]) == (
        "valid", False, ["id_dropped"])
    assert codes(one(agent="3.812.345.670.011")) == [("agent_id", "grouped_digits")]


def test_it_sends_the_digits_of_an_id_a_data_tool_wrote_as_a_float_while_it_is_exact() -> None:
    row = one(ticket="922250816602.0", agent="3812345670011.0")
    assert (row.status, row.item["ticket_id"], row.item["agent_id"]) == ("valid", "922250816602", "3812345670011")
    assert [problem.message for problem in row.warnings] == [
        "Row 2, column 'ticket_id': 922250816602.0 was written as a number (a data tool's float, e.g. pandas with "
        "a blank in the column): sent as 922250816602, its digits.",
        "Row 2, column 'agent_id': 3812345670011.0 was written as a number (a data tool's float, e.g. pandas with "
        "a blank in the column): sent as 3812345670011, its digits."]


def test_it_refuses_a_float_id_past_the_digits_a_float_keeps() -> None:
    row = one(ticket="1234567890123456789.0")
    assert codes(row) == [("ticket_id", "decimal_id")]
    assert row.errors[0].message == (
        "Row 2, column 'ticket_id': 1234567890123456789.0 ends in a decimal part, so it was saved as a number, and a "
        "number keeps only 15 digits. Type the ticket id without the decimal part (1234567890123456789 if that is "
        "the real id).")


@pytest.mark.parametrize(("ticket", "sent"), [
    ("https://acme.zendesk.com/agent/tickets/48213", "48213"), ("https://acme.freshdesk.com/a/tickets/77/", "77"),
    ("https://app.intercom.com/a/inbox/abc123/inbox/conversation/215471234567890?view=List", "215471234567890"),
    ("https://acme.zendesk.com/agent/#/tickets/48300", "48300"),  # Zendesk's older links (QA round 33b)
    ("https://acme.zendesk.com/agent/tickets/48216/events", "48216"),  # a page of the ticket (QA round 34a)
    ("https://app.hubspot.com/contacts/4412345/record/0-5/48213", "48213"),  # HubSpot's ticket record (QA 35a)
    ("https://app.frontapp.com/open/cnv_55c8c149", "cnv_55c8c149"),  # Front's conversation (QA round 33a)
    ("acme.zendesk.com/agent/tickets/48220", "48220"),  # typed without its scheme (QA round 37c)
    ("https://acme.zendesk.com/api/v2/tickets/48221.json", "48221")])  # the API's (QA round 45a)
def test_it_sends_the_id_at_the_end_of_a_link_to_a_ticket_with_a_warning(ticket: str, sent: str) -> None:
    row = one(ticket=ticket)
    assert (row.status, row.item["ticket_id"]) == ("valid", sent)
    if sent != ticket:
        assert [problem.message for problem in row.warnings] == [
            f"Row 2, column 'ticket_id': {ticket} is a link to a helpdesk page: sent as {sent}, the ticket id it "
            "names."]


@pytest.mark.parametrize("ticket", [
    "https://acme.zendesk.com/hc/en-us/articles/360001", "https://app.frontapp.com/open/msg_1a2b3c4d",
    "https://app.hubspot.com/contacts/4412345/record/0-1/98765433",  # a HubSpot contact's record (0-5: a ticket's)
    "https://acme.zendesk.com/agent/users/3812345670011"])  # a person's page names no ticket
def test_it_refuses_a_link_that_gives_no_ticket_id(ticket: str) -> None:
    """QA round 34a: such links were sent whole as the ticket id, without a word."""
    assert [problem.message for problem in one(ticket=ticket).errors] == [
        f"Row 2, column 'ticket_id': {ticket} is a link to a web page, not the ticket id as the helpdesk shows it. "
        "Type the ticket id, or link to the ticket's own page."]


def test_it_warns_about_a_long_id_the_reader_flagged() -> None:
    rows = check(["2026-10-05T14:48:00Z", "2154712345678900", "381", "", "5", ""],
                 cell_notes={(0, 1): "number cell with 16 significant digits"})
    assert rows[0].status == "valid" and warning_codes(rows[0]) == ["long_id"]
    assert rows[0].item["ticket_id"] == "2154712345678900"


def test_it_does_not_warn_about_a_long_id_without_a_reader_note() -> None:
    assert one(ticket="1234567890123456789").warnings == []


def test_it_warns_about_a_non_numeric_ticket_among_numbers() -> None:
    rows = check(*[["2026-10-05T14:48:00Z", t, "381", "", "5", ""] for t in ["48700", "48705", "#48790", "48800"]])
    assert [warning_codes(r) for r in rows] == [[], [], ["not_numeric"], []]
    assert rows[2].warnings[0].message == (
        "Row 4, column 'ticket_id': ticket id is not purely numeric ('#' prefix kept as typed).")
    assert rows[2].item["ticket_id"] == "#48790"


def test_a_ticket_number_written_with_a_hash_warns_in_any_column_and_is_one_ticket_with_its_digits() -> None:
    """QA rounds 60b, 60c: '#48213' among links and text ids, or in a column of them only, went out without a word,
    and beside 48213, the same answer, was no duplicate."""
    rows = check(*[["2026-10-05T14:48:00Z", t, "381", "", "5", ""] for t in ["#48213", "T-2", "T-3", "48213"]])
    assert [warning_codes(r) for r in rows] == [["not_numeric"], [], [], []]
    assert rows[0].item["ticket_id"] == "#48213"
    validation.mark_duplicates(rows)
    assert (rows[3].status, rows[3].duplicate_of) == ("duplicate", 2)
    rows = check(*[["2026-10-05T14:48:00Z", t, "381", "", "5", ""] for t in ["#48213", "#48214", "#48215"]])
    assert [warning_codes(r) for r in rows] == [["not_numeric"]] * 3


def test_it_does_not_warn_when_tickets_are_text() -> None:
    rows = check(*[["2026-10-05T14:48:00Z", t, "381", "", "5", ""] for t in ["T-1", "T-2", "T-3"]])
    assert all(r.warnings == [] for r in rows)


@pytest.mark.parametrize("word", ["Unassigned", "-", "n/a", "(none)", "Not assigned", "(blank)", "\u2014", "Sin asignar"])
def test_it_reads_an_agent_id_saying_no_agent_as_blank(word: str) -> None:
    row = one(agent=word, email="ben@acme.com")
    assert ("agent_id" in row.item, row.item["agent_email"], warning_codes(row)) == (
        False, "ben@acme.com", ["no_agent_word"])
    assert one(agent=word).status == "invalid"


@pytest.mark.parametrize("ticket", ["1876543244;1876543245", "48219, 48220", "4821 | 4822", "48403 / 48404", "48411 48412"])
def test_it_refuses_two_ids_in_one_cell(ticket) -> None:
    """HubSpot's 'Associated Ticket IDs' of a survey linked to two tickets, a customer typing two (QA 33a, 33b)."""
    assert [problem.message for problem in one(ticket=ticket).errors] == [
        f"Row 2, column 'ticket_id': {ticket} holds 2 ids, not one ticket id. Type the one ticket id this row is about."]
    assert one(ticket="48,213").errors[0].code != "list_id"  # thousands, not a list
    assert one(ticket="2026/004821").status == "valid"  # a year-prefixed number is one id (QA round 35a)
    assert codes(one(ticket="1876543244/1876543245")) == [("ticket_id", "list_id")]  # review 36


def test_it_warns_of_a_ticket_id_much_shorter_than_the_files_others() -> None:
    """000009 beside 12-digit ids came back as 9 from a spreadsheet (QA round 29b): said, as its zeros are gone."""
    rows = check(*[["2026-10-05T14:48:00Z", ticket, "381", "", "5", ""]
                   for ticket in ["922250816601", "922250816602", "9", "000009", "922250816603"]])
    assert [warning_codes(row) for row in rows] == [[], [], ["short_id"], [], []]
    assert rows[2].warnings[0].message == (
        "Row 4, column 'ticket_id': ticket id 9 is much shorter than this file's other ids (12 digits): if a "
        "spreadsheet program dropped its leading zeros (000123 read as 123), enter it as the helpdesk shows it.")


def test_it_warns_of_a_ticket_id_shorter_than_the_padded_ids_of_its_column() -> None:
    """Salesforce case numbers are 8 digits with zeros (00001026): 1026 among them lost its zeros."""
    rows = check(*[["2026-10-05T14:48:00Z", ticket, "381", "", "5", ""]
                   for ticket in ["00001021", "00001022", "1026", "00001027", "00012345", "12345678"]])
    assert [warning_codes(row) for row in rows] == [[], [], ["short_id"], [], [], []]
    assert rows[2].warnings[0].message == (
        "Row 4, column 'ticket_id': ticket id 1026 is shorter than 8 digits, the length this column's ids are "
        "written with, leading zeros included: if a spreadsheet program dropped its leading zeros (00001026 read as 1026), enter it as the "
        "helpdesk shows it.")
    unpadded = check(*[["2026-10-05T14:48:00Z", ticket, "381", "", "5", ""]
                       for ticket in ["10001021", "10001022", "1026", "00001027", "10012345"]])
    assert [warning_codes(row) for row in unpadded] == [[], [], [], [], []]


def test_a_presets_ticket_digits_warn_of_ids_that_all_lost_their_zeros() -> None:
    """QA round 40b: a Salesforce report whose every CaseNumber Excel shortened (00001026 -> 1026) went out with
    nothing said; Salesforce writes them with 8 digits. QA round 76b: a decision says so too; 77a: padding them back
    guessed wrong for orgs that number their cases otherwise, so they are sent as they are."""
    preset = mapping.Preset(name="Salesforce", columns={"submitted_at": "submitted_at", "ticket_id": "CaseNumber",
                                                        "agent_id": "agent_id", "score": "score"}, ticket_digits=8)
    data = sheet(["submitted_at", "CaseNumber", "agent_id", "score"],
                 *[["2026-10-05T14:48:00Z", ticket, "381", "5"] for ticket in ["1026", "1039", "1052", "123456789"]])
    checked = validation.check_sheet(data, preset, time_zone="UTC", now=NOW)
    rows = checked.rows
    assert [warning_codes(row) for row in rows] == [["short_id"], ["short_id"], ["short_id"], []]
    assert [row.item["ticket_id"] for row in rows] == ["1026", "1039", "1052", "123456789"]
    assert ("Every ticket id in 'CaseNumber' is shorter than the 8 digits 'Salesforce' expects, leading zeros included "
            "(00001026): if a spreadsheet program dropped the zeros, the ids are not the helpdesk's. They are sent as "
            "they are, each row with a warning; export the file again and upload it without opening it in Excel"
            ) in checked.decisions
    minority = sheet(["submitted_at", "CaseNumber", "agent_id", "score"], *[  # QA round 78a: padded like the preset
        ["2026-10-05T14:48:00Z", ticket, "381", "5"] for ticket in ["00001026", "1028", "1029", "1030"]])
    rows = validation.check_sheet(minority, preset, time_zone="UTC", now=NOW).rows
    assert [warning_codes(row) for row in rows] == [[], ["short_id"], ["short_id"], ["short_id"]]
    own_width = sheet(["submitted_at", "CaseNumber", "agent_id", "score"], *[
        ["2026-10-05T14:48:00Z", ticket, "381", "5"] for ticket in ["09998", "09999", "10000", "10001"]])
    rows = validation.check_sheet(own_width, preset, time_zone="UTC", now=NOW).rows  # a 5-digit format (QA 77a)
    assert [warning_codes(row) for row in rows] == [[], [], [], []]


def test_a_summary_line_in_the_case_number_column_leaves_the_lost_zeros_warning() -> None:
    """QA round 60a: Salesforce's "Grand Totals (24 records)" under the case numbers Excel shortened made the
    column no column of digit-only ids, and 1026 went out without the warning."""
    preset = mapping.Preset(name="Salesforce", columns={"submitted_at": "submitted_at", "ticket_id": "CaseNumber",
                                                        "agent_id": "agent_id", "score": "score"}, ticket_digits=8)
    data = sheet(["submitted_at", "CaseNumber", "agent_id", "score"],
                 *[["2026-10-05T14:48:00Z", ticket, "381", "5"] for ticket in ["1026", "1039", "1052"]],
                 ["", "Grand Totals (3 records)", "", ""])
    rows = validation.check_sheet(data, preset, time_zone="UTC", now=NOW).rows
    assert [(row.status, warning_codes(row)) for row in rows] == [
        ("valid", ["short_id"]), ("valid", ["short_id"]), ("valid", ["short_id"]), ("skipped", [])]


def test_a_presets_ticket_digits_make_two_padded_ids_enough_to_warn_of_a_short_one() -> None:
    """QA round 51b: 1043 among 00001041 and 00001042 went out without a word: three padded ids were needed."""
    preset = mapping.Preset(name="Salesforce", columns={"submitted_at": "submitted_at", "ticket_id": "CaseNumber",
                                                        "agent_id": "agent_id", "score": "score"}, ticket_digits=8)
    data = sheet(["submitted_at", "CaseNumber", "agent_id", "score"],
                 *[["2026-10-05T14:48:00Z", ticket, "381", "5"] for ticket in ["00001041", "00001042", "1043"]])
    rows = validation.check_sheet(data, preset, time_zone="UTC", now=NOW).rows
    assert [warning_codes(row) for row in rows] == [[], [], ["short_id"]]


def test_it_keeps_na_as_text_but_reads_nan_none_and_null_as_blank() -> None:
    assert one(ticket="NA").warnings == []
    row = one(ticket="nan")
    assert codes(row) == [("ticket_id", "required")] and warning_codes(row) == ["missing_blank"]
    typed = one(ticket="None")
    assert (typed.item["ticket_id"], warning_codes(typed)) == ("None", ["missing_marker"])  # typed, like NA (B03)
    assert row.warnings[0].message == ("Row 2, column 'ticket_id': ticket id 'nan' is the marker a data tool "
                                       "(pandas, a database export) writes for an empty cell: read as blank.")
    for marker in ("None", "NULL", "<NA>", "NaN"):
        row = one(agent=marker, email="ben@acme.com")
        assert (row.item.get("agent_id"), row.item["agent_email"]) == (None, "ben@acme.com")
    assert one(agent="NULL").errors[0].message == (
        "Row 2, column 'agent_id': agent_id or agent_email required: agent_id and agent_email both blank, no agent "
        "to credit. Fill in the agent's id or email, or map an agent column on the mapping page.")


@pytest.mark.parametrize(("ticket", "sent", "why"), [
    ('=HYPERLINK("https://acme.zendesk.com/agent/tickets/48213","48213")', "48213", "the ticket id it shows"),
    ('=HYPERLINK("https://acme.zendesk.com/agent/tickets/48214")', "48214", "the ticket id at the link's end"),
    ('=HYPERLINK("https://acme.zendesk.com/agent/tickets/48215","Open")', "48215", "the ticket id at the link's end"),
    ('=HYPERLINK("https://acme.zendesk.com/agent/tickets/48216",48216)', "48216", "the ticket id it shows")])
def test_it_sends_the_id_a_link_formula_saved_as_text_shows(ticket: str, sent: str, why: str) -> None:
    row = one(ticket=ticket)
    assert row.item["ticket_id"] == sent
    assert [problem.message for problem in row.warnings] == [
        f"Row 2, column 'ticket_id': {ticket} is a spreadsheet formula linking to a helpdesk page: sent as {sent}, "
        f"{why}."]


def test_it_sends_a_link_formula_that_shows_no_id_as_typed_with_a_warning() -> None:
    ticket = '=HYPERLINK("https://crm.example.com/x","View")'
    row = one(ticket=ticket)
    assert row.item["ticket_id"] == ticket and [problem.message for problem in row.warnings] == [
        f"Row 2, column 'ticket_id': {ticket} is a spreadsheet formula, not the ticket id as the helpdesk shows it: "
        "sent as typed, check it."]



def test_it_warns_about_an_id_too_long_to_be_one() -> None:
    row = one(ticket="7" * 5000)
    assert (row.status, [(w.field, w.code, w.message) for w in row.warnings]) == ("valid", [(
        "ticket_id", "very_long", "Row 2, column 'ticket_id': ticket id is 5,000 characters long; helpdesk ids are "
        "rarely over 100: check that the right column is mapped.")])


def test_it_names_an_invisible_character_in_an_id() -> None:
    row = one(ticket="501\u200b01")
    assert codes(row) == [("ticket_id", "invisible")]
    assert "U+200B zero-width space" in row.errors[0].message


def test_it_reads_a_date_and_time_on_two_lines_of_one_cell_and_refuses_a_line_break_in_an_id() -> None:
    row = one(stamp="2026-10-07\n09:30")  # Alt+Enter in an Excel cell (QA round 47b: refused, the fix said "tabs")
    assert (row.status, row.item["submitted_at"]) == ("valid", "2026-10-07T09:30:00.000Z")
    assert one(stamp="07/10/2026 \r\n 09:30").item["submitted_at"] == "2026-07-10T09:30:00.000Z"
    assert one(stamp="14:48\n2026-10-06").item["submitted_at"] == "2026-10-06T14:48:00.000Z"  # QA round 49b
    assert [problem.message for problem in one(ticket="501\n01").errors] == [
        "Row 2, column 'ticket_id': contains a line break (Alt+Enter in an Excel cell). Retype the value on one "
        "line."]


@pytest.mark.parametrize("score", ["très satisfait?", "Very satisfied?", "satisfied??", "5?", "4 ？"])
def test_it_refuses_a_score_typed_with_a_question_mark(score) -> None:
    preset = mapping.Preset(name="Plain", columns={name: name for name in mapping.FIELDS}, word_scales=["csat5"])
    row = one(score=score, preset=preset)  # QA round 48a: 'très satisfait?' went out as 5 of 5
    [message] = [problem.message for problem in row.errors]
    assert message.startswith(f"Row 2, column 'score': '{score}' ends with a question mark: whoever typed it was not "
                              "sure of the answer. Enter a whole number from 1 to 5")
    assert message.endswith(": the answer the customer gave, or exclude the row.")
    assert one(score="?").errors[0].code == "no_answer"


def test_it_requires_a_ticket_id() -> None:
    row = one(ticket="   ")
    assert codes(row) == [("ticket_id", "required")]
    assert row.errors[0].message == ("Row 2, column 'ticket_id': ticket_id is blank: ticket_id is required. "
                                     "Enter the helpdesk's ticket id.")


@pytest.mark.parametrize(("note", "fix"), [
    ("holds a formula with no saved result: open the file in Excel and save it again",
     "The cell holds a formula with no saved result: open the file in Excel and save it again."),
    ("is part of the merged cells B2:B3, whose value is only in B2: unmerge them and fill the value into every row",
     "The cell is part of the merged cells B2:B3, whose value is only in B2: unmerge them and fill the value into "
     "every row."),
])
def test_it_says_why_a_required_cell_the_reader_noted_is_blank(note: str, fix: str) -> None:
    row = one(ticket="", cell_notes={(0, 1): note})

    assert row.errors[0].message == f"Row 2, column 'ticket_id': ticket_id is blank: ticket_id is required. {fix}"


def test_it_warns_when_an_optional_cell_the_reader_noted_reads_blank() -> None:
    note = "holds the Excel error #N/A, not a value: type the value in the table, or correct the formula in Excel and " \
           "upload the file again"
    row = one(comment="", cell_notes={(0, 5): note})

    assert (row.status, row.item["ticket_id"]) == ("valid", "50101")
    assert [(w.field, w.code, w.message) for w in row.warnings] == [(
        "comment", "reader_note", f"Row 2, column 'comment': read as blank: the cell {note}.")]


def test_it_gives_a_noted_blank_cell_with_an_error_no_second_warning() -> None:
    row = one(ticket="", cell_notes={(0, 1): "holds a formula with no saved result: open the file in Excel"})

    assert (codes(row), row.warnings) == ([("ticket_id", "required")], [])


def test_it_gives_a_noted_blank_score_no_second_warning_for_its_label() -> None:
    """QA round 61a: #VALUE! in Rating was an error on score and a warning on score_label, the same cell."""
    labelled = replace(PLAIN, columns={**PLAIN.columns, "score_label": "score"})
    row = one(score="", cell_notes={(0, 4): "holds the Excel error #VALUE!, not a value"}, preset=labelled)

    assert (codes(row), row.warnings) == ([("score", "required")], [])


# score: shared/api/CONTRACT.md

@pytest.mark.parametrize(("text", "score"), [("4", 4), ("4.0", 4), (" 5 ", 5), ("+3", 3), ("1", 1), ("4,0", 4),
                                             ("3,00", 3)])
def test_it_reads_whole_number_scores(text: str, score: int) -> None:
    assert one(score=text).item["score"] == score


@pytest.mark.parametrize("text", ["4.5", "five", "4,5", "1,000", "5/", "1e0"])
def test_it_refuses_scores_that_are_not_whole_numbers(text: str) -> None:
    row = one(score=text)
    assert codes(row) == [("score", "not_integer")]
    assert row.errors[0].message == (f"Row 2, column 'score': '{text}' is not an integer. "
                                     "Enter a whole number from 1 to 5.")


def test_it_refuses_a_score_above_max() -> None:
    row = one(score="6")
    assert row.errors[0].message == ("Row 2, column 'score': 6 is above max_score 5. "
                                     "Enter a whole number from 1 to 5.")


def test_it_refuses_a_score_below_the_default_min() -> None:
    row = one(score="0")
    assert codes(row) == [("score", "below_min")]
    assert "0 is below min_score 1 (min_score defaults to 1)" in row.errors[0].message


def test_it_explains_the_seen_but_unanswered_code() -> None:
    assert one(score="-99").errors[0].message == (  # QA round 51a: the fix had asked for a score
        "Row 2, column 'score': -99 is below min_score 1 (the usual 'seen but unanswered' code: the customer did not "
        "answer). Exclude the row, as there is no score to send; if it is a typo, enter a whole number from 1 to 5.")


def test_it_requires_a_score() -> None:
    assert codes(one(score="")) == [("score", "required")]


def test_it_maps_words_and_sends_the_range() -> None:
    preset = mapping.Preset(name="Z", columns={**PLAIN.columns, "score_label": "score"},
                            constants={"min_score": 0, "max_score": 1},
                            value_maps={"score": {"good": 1, "bad": 0}})
    good, bad, number = check(["2026-10-05T14:48:00Z", "1", "381", "", " Good ", ""],
                              ["2026-10-05T14:48:00Z", "2", "381", "", "bad", ""],
                              ["2026-10-05T14:48:00Z", "3", "381", "", "1", ""], preset=preset)
    assert (good.item["score"], good.item["score_label"], good.item["min_score"], good.item["max_score"]) == (
        1, "Good", 0, 1)
    assert (bad.item["score"], bad.item["score_label"]) == (0, "bad")
    assert number.item["score"] == 1 and "score_label" not in number.item


def test_it_reads_min_and_max_from_columns() -> None:
    columns = API + ["min_score", "max_score"]
    row = check(["2026-10-05T14:48:00Z", "1", "381", "", "9", "", "0", "10"], columns=columns)[0]
    assert (row.item["score"], row.item["min_score"], row.item["max_score"]) == (9, 0, 10)


def test_it_refuses_a_range_upside_down() -> None:
    columns = API + ["min_score", "max_score"]
    row = check(["2026-10-05T14:48:00Z", "1", "381", "", "3", "", "5", "1"], columns=columns)[0]
    assert codes(row) == [("min_score", "bad_range")]
    wrong = check(["2026-10-05T14:48:00Z", "1", "381", "", "9", "", "5", "1"], columns=columns)[0]
    assert [problem.message for problem in wrong.errors] == [
        "Row 2, column 'min_score': min_score 5 is not below max_score 1. Fix the scale's range.",
        "Row 2, column 'score': 9 is above max_score 5. Enter a whole number from 1 to 5."]


# agents: CONTRACT.md (agent_id or agent_email), samples README row 13 POLICY

def test_it_requires_an_agent() -> None:
    row = one(agent="", email="")
    assert codes(row) == [("agent_id", "no_agent")]
    assert "agent_id and agent_email both blank" in row.errors[0].message


def test_it_sends_both_agent_fields_as_typed() -> None:
    row = one(agent="381", email="Agent.Two@Example.COM")
    assert (row.item["agent_id"], row.item["agent_email"]) == ("381", "Agent.Two@Example.COM")


def test_it_drops_a_bad_email_when_an_agent_id_exists() -> None:
    row = one(agent="3812345670033", email="agent.three@example")
    assert row.status == "valid" and "agent_email" not in row.item
    assert warning_codes(row) == ["email_dropped"]
    assert "agent_email 'agent.three@example' is invalid and was dropped; agent_id used" in row.warnings[0].message


def test_it_refuses_two_agents_emails_in_one_cell_saying_so() -> None:
    """QA round 60a: Simplesat credits a response to several team members; the message listed bad characters."""
    row = one(agent="", email="ana.lee@acme.com, joerg.weiss@acme.com")
    assert [(problem.code, problem.message) for problem in row.errors] == [(
        "two_agents", "Row 2, column 'agent_email': 'ana.lee@acme.com, joerg.weiss@acme.com' names 2 agents, and an "
        "item credits one; no agent_id to fall back on. Keep the address of the agent to credit.")]
    with_id = one(agent="381", email="ana.lee@acme.com, joerg.weiss@acme.com")
    assert (with_id.status, with_id.item.get("agent_email"), warning_codes(with_id)) == ("valid", None, ["email_dropped"])


def test_it_refuses_a_bad_email_without_an_agent_id() -> None:
    row = one(agent="", email="agent.two(at)example.com")
    assert codes(row) == [("agent_email", "not_email")]
    assert row.errors[0].message.startswith("Row 2, column 'agent_email': 'agent.two(at)example.com' is not an "
                                            "email address")
    assert "; no agent_id to fall back on." in row.errors[0].message


def test_it_refuses_an_email_holding_a_lost_letters_question_mark() -> None:
    """QA round 42a: a Polish name saved in a code page without its letter ("?ukasz"), which RFC 5322 allows."""
    row = one(agent="", email="?ukasz@acme.com")
    assert [(problem.code, problem.message) for problem in row.errors] == [(
        "lost_letter", "Row 2, column 'agent_email': '?ukasz@acme.com' has a '?' where the file lost a letter (saved "
        "in a code page without it); no agent_id to fall back on. Type the agent's address as the helpdesk shows it, "
        "or export the file again as UTF-8.")]
    assert [problem.code for problem in one(agent="", email="Pawe? Nowak <pawe?.nowak@acme.pl>").errors] == [
        "lost_letter"]  # QA round 45a
    with_id = one(agent="381", email="?ukasz@acme.com")
    assert (with_id.status, with_id.item.get("agent_email"), warning_codes(with_id)) == ("valid", None, ["email_dropped"])
    named = one(agent="", email="Özlem Y?ld?z <oezlem@acme.de>")  # the name lost its letters, not the address
    assert (named.status, named.item["agent_email"], warning_codes(named)) == ("valid", "oezlem@acme.de",
                                                                                ["email_in_name"])  # QA round 60b


def test_it_warns_on_a_templates_example_row() -> None:
    """QA round 44b: a team sheet's "EXAMPLE ROW – delete me" went out as an answer without a word."""
    row = one(comment="EXAMPLE ROW \u2013 delete me")
    assert (row.status, [(problem.code, problem.message) for problem in row.warnings]) == ("valid", [(
        "template_row", "Row 2, column 'comment': comment 'EXAMPLE ROW \u2013 delete me' reads like a template's "
        "example row: exclude the row if it is no customer's answer.")])
    assert one(comment="The example you gave helped").warnings == []


def test_it_drops_an_email_with_an_invisible_character_when_the_row_has_an_agent_id() -> None:
    """samples/README.md POLICY: an invalid email is never sent; with an agent id the row is valid."""
    row = one(agent="381", email="agent.one\u200b@example.com")
    assert (row.status, row.item.get("agent_email"), row.item["agent_id"]) == ("valid", None, "381")
    assert [problem.message for problem in row.warnings] == [
        "Row 2, column 'agent_email': agent_email 'agent.one\u200b@example.com' is invalid and was dropped; agent_id "
        "used (an invalid email is never sent: contains an invisible U+200B zero-width space)."]
    assert codes(one(agent="", email="agent.one\u200b@example.com")) == [("agent_email", "invisible")]


@pytest.mark.parametrize(("written", "code"), [
    ("Not an address <ben@example.com>, <ana@example.com>", "two_agents"),
    ("ana@example.com <ben@example.com>", "two_agents"), ("Ana <ana@example.com> x", "not_email"),
    ("support@example.com (on behalf of ana@example.com)", "two_agents"), ("<ana@example.com", "not_email")])
def test_it_refuses_an_agent_email_that_is_not_one_address_with_a_name(written: str, code: str) -> None:
    assert codes(one(agent="", email=written)) == [("agent_email", code)]


def test_it_leaves_out_a_comment_of_invisible_characters_only() -> None:
    assert "comment" not in one(comment=" \u200b\ufeff ").item
    assert one(comment="\ufeffGreat").item["comment"] == "Great"


@pytest.mark.parametrize("written", ["Ana Lee <ana@example.com>", "ana@example.com (Ana Lee)",
                                     "Lee, Ana <ana@example.com>", '"Ana" Lee <ana@example.com>',  # QA round 51b
                                     '"Lee, Ana" <ana@example.com>', "Ana Lee (ana@example.com)"])  # QA round 53a
def test_it_takes_the_address_out_of_an_email_written_with_a_name(written: str) -> None:
    row = one(agent="", email=written)
    assert (row.status, row.item["agent_email"]) == ("valid", "ana@example.com")
    assert [problem.message for problem in row.warnings] == [
        f"Row 2, column 'agent_email': '{written}' gives a name with the address: sent as ana@example.com."]


def test_it_takes_the_address_out_of_angle_brackets() -> None:
    assert [problem.message for problem in one(agent="", email="<ana@example.com>").warnings] == [
        "Row 2, column 'agent_email': '<ana@example.com>' writes the address in brackets: sent as ana@example.com."]


def test_it_sends_a_comment_with_a_zero_width_space_as_written_with_a_warning() -> None:
    """samples/README.md: a comment is sent verbatim; only a wrong encoding's characters never reach an item."""
    row = one(comment="Great\u200b service")
    assert (row.status, row.item["comment"]) == ("valid", "Great\u200b service")
    assert [problem.message for problem in row.warnings] == [
        "Row 2, column 'comment': comment contains an invisible U+200B zero-width space (from copy-paste): sent as "
        "written."]


def test_it_says_which_agent_column_is_missing() -> None:
    preset = mapping.Preset(name="Email only", columns={k: k for k in ["submitted_at", "ticket_id",
                                                                        "agent_email", "score"]})
    row = check(["2026-10-05T14:48:00Z", "1", "", "", "5", ""], preset=preset)[0]
    assert codes(row) == [("agent_email", "no_agent")]
    assert "there is no agent id column" in row.errors[0].message


# free text: samples README (comments verbatim), cases B09/B16

def test_it_trims_comments_but_keeps_inner_newlines() -> None:
    assert one(comment="  Line one,\r\nline two.\n").item["comment"] == "Line one,\r\nline two."


def test_it_omits_a_blank_comment() -> None:
    assert "comment" not in one(comment=" \u00a0 ").item


def test_it_keeps_emoji_and_bidi_text() -> None:
    text = "\U0001f468\u200d\U0001f469\u200d\U0001f467 \u05ea\u05d5\u05d3\u05d4\u200f"
    assert one(comment=text).item["comment"] == text


@pytest.mark.parametrize(("char", "name"), [("\x96", "U+0096"), ("\ufffd", "U+FFFD"), ("\x07", "U+0007")])
def test_it_refuses_characters_that_must_not_reach_the_api(char: str, name: str) -> None:
    row = one(comment=f"Caf{char} desk")
    assert [f for f, _c in codes(row)] == ["comment"]
    assert name in row.errors[0].message


def test_it_sends_formula_like_comments_verbatim_with_a_warning() -> None:
    row = one(comment="=1+1")
    assert row.item["comment"] == "=1+1" and warning_codes(row) == ["formula_like"]


def test_it_warns_about_a_very_long_comment() -> None:
    row = one(comment="x" * 12299)
    assert len(row.item["comment"]) == 12299 and warning_codes(row) == ["long_text"]


# dates: samples README "Time zones", cases B04

@pytest.mark.parametrize(("text", "utc"), [
    ("2026-10-05T14:48:00Z", "2026-10-05T14:48:00.000Z"),
    ("2026-10-01T10:00:00+02:00", "2026-10-01T08:00:00.000Z"),
    ("2026-09-20T09:00:00.000+0000", "2026-09-20T09:00:00.000Z"),
    ("2026-10-05 14:48:00 UTC", "2026-10-05T14:48:00.000Z"),
    ("2026-11-01T11:48:36+05:30", "2026-11-01T06:18:36.000Z"),
    ("2026-10-05T14:48:00.966927Z", "2026-10-05T14:48:00.966Z"),
    ("1790000000", "2026-09-21T14:13:20.000Z"),
    ("1790000000123", "2026-09-21T14:13:20.123Z"),
])
def test_it_reads_absolute_times(text: str, utc: str) -> None:
    assert one(stamp=text, time_zone="America/New_York").item["submitted_at"] == utc


@pytest.mark.parametrize(("text", "utc"), [
    ("2026-10-05 14:48:00", "2026-10-05T18:48:00.000Z"),
    ("2026-10-05 14:48", "2026-10-05T18:48:00.000Z"),
    ("2019-11-16T15:59:41.966927", "2019-11-16T20:59:41.966Z"),
    ("10/5/2026 14:48:00", "2026-10-05T18:48:00.000Z"),
    ("10/05/2026 02:48:00 PM", "2026-10-05T18:48:00.000Z"),
    ("10/05/2026 12:05:00 AM", "2026-10-05T04:05:00.000Z"),
    ("Oct 5, 2026 2:48 PM", "2026-10-05T18:48:00.000Z"),
    ("5 October 2026 14:48", "2026-10-05T18:48:00.000Z"),
    ("5-Oct-26 14:48", "2026-10-05T18:48:00.000Z"),  # Excel's d-mmm-yy
])
def test_it_reads_naive_times_in_the_chosen_zone(text: str, utc: str) -> None:
    assert one(stamp=text, time_zone="America/New_York").item["submitted_at"] == utc


@pytest.mark.parametrize("offset", ["+24:00", "-99:00", "+05:75", "+1500", "-13:00", "+14:30"])
def test_it_refuses_an_offset_no_time_zone_has(offset: str) -> None:
    row = one(stamp=f"2026-10-05 14:48:00 {offset}")
    assert codes(row) == [("submitted_at", "not_date")]
    assert row.errors[0].message == (
        f"Row 2, column 'submitted_at': '2026-10-05 14:48:00 {offset}' has the UTC offset {offset}, which no time "
        "zone has. Enter an offset from -12:00 to +14:00, e.g. +02:00.")


@pytest.mark.parametrize(("text", "utc"), [("2026-10-05 14:48:00 GMT+2", "2026-10-05T12:48:00.000Z"),
                                         ("2026-10-05 14:48:00 -12:00", "2026-10-06T02:48:00.000Z"),
                                         ("2026-10-05 14:48:00 +14:00", "2026-10-05T00:48:00.000Z")])
def test_it_reads_the_widest_offsets_and_one_digit_hours_after_gmt(text: str, utc: str) -> None:
    assert one(stamp=text).item["submitted_at"] == utc


def test_it_reads_an_offset_whatever_language_names_its_zone_after_it() -> None:
    assert one(stamp="Mon Oct 05 2026 16:48:00 GMT+0200 (Mitteleuropäische Sommerzeit)").item["submitted_at"] == (
        "2026-10-05T14:48:00.000Z")


def test_it_keeps_an_id_that_only_looks_like_a_number_with_an_exponent() -> None:
    assert (one(ticket="12E3").item["ticket_id"], one(ticket="8E5").item["ticket_id"],
            codes(one(ticket="9.22251E+11"))) == ("12E3", "8E5", [("ticket_id", "excel_digits")])


def test_it_sends_an_agent_id_that_is_an_address_as_the_agent_email() -> None:
    row = one(agent="ana@acme.com")
    assert (row.item.get("agent_id"), row.item["agent_email"], warning_codes(row)) == (
        None, "ana@acme.com", ["id_is_email"])
    both = one(agent="ana@acme.com", email="alee@acme.com")
    assert (both.item.get("agent_id"), both.item["agent_email"], both.warnings[0].message) == (
        None, "alee@acme.com", "Row 2, column 'agent_id': agent id 'ana@acme.com' is an email address: left out, "
        "the row's agent email is sent.")


def test_it_refuses_a_written_score_of_thousands_of_digits_without_a_crash() -> None:
    for score in ("1" * 5000 + "/5", "1" * 5000 + " stars", "Good (" + "1" * 5000 + ")"):
        assert one(score=score).status == "invalid"


@pytest.mark.parametrize(("text", "utc"), [("2026年10月5日 14:48", "2026-10-05T05:48:00.000Z"),
                                         ("2026-10-05 오후 2:48:00", "2026-10-05T05:48:00.000Z"),
                                         ("2026/10/05 午前 9:05", "2026-10-05T00:05:00.000Z"),
                                         ("2026年10月5日 下午 2:48", "2026-10-05T05:48:00.000Z")])
def test_it_reads_east_asian_dates_and_their_morning_and_afternoon_words(text: str, utc: str) -> None:
    assert one(stamp=text, time_zone="Asia/Tokyo").item["submitted_at"] == utc


@pytest.mark.parametrize(("text", "utc"), [("13. 10. 2026 9:41", "2026-10-13T07:41:00.000Z"),  # Slovak, Czech
                                         ("2026. 10. 14. 10:15", "2026-10-14T08:15:00.000Z")])  # Hungarian
def test_it_reads_central_european_excel_dates(text: str, utc: str) -> None:
    assert one(stamp=text, time_zone="Europe/Budapest").item["submitted_at"] == utc


def test_it_reads_a_timestamp_in_another_scripts_digits_as_its_ascii_instant() -> None:
    assert one(stamp="٢٠٢٦-١٠-٠٥T١٤:٤٨:٠٠Z"
               ).item["submitted_at"] == "2026-10-05T14:48:00.000Z"


def test_it_sends_a_ticket_id_of_full_width_digits_as_ascii_digits_with_a_warning() -> None:
    row = one(ticket="４８３０４")
    assert row.item["ticket_id"] == "48304"
    assert [w.message for w in row.warnings] == [
        "Row 2, column 'ticket_id': ４８３０４ is written with another script's digits: sent as "
        "48304, the same number."]


@pytest.mark.parametrize(("typed", "dash"), [("T\u20114206", "U+2011 non-breaking hyphen"),
                                            ("T\u20134206", "U+2013 en dash")])
def test_it_sends_a_ticket_ids_word_processor_dash_as_a_hyphen_with_a_warning(typed: str, dash: str) -> None:
    """QA round 62b: 'T‑4206' (Word's non-breaking hyphen) went out as typed, matching no ticket, without a word."""
    row = one(ticket=typed)
    assert (row.item["ticket_id"], [w.message for w in row.warnings]) == ("T-4206", [
        f"Row 2, column 'ticket_id': {typed} holds {dash} where ids have a hyphen: sent as T-4206."])


def test_it_refuses_a_ticket_id_a_spreadsheet_turned_into_a_date() -> None:
    row = one(ticket="2015-10-01")
    assert row.errors[0].message == (
        "Row 2, column 'ticket_id': 2015-10-01 is a date, not the ticket id: a spreadsheet turns ids such as OCT-15 "
        "or 3-12 into dates when the file is opened. Type the ticket id as the helpdesk shows it, in a cell "
        "formatted as text.")
    assert one(ticket="1234-56-78").item["ticket_id"] == "1234-56-78"
    assert codes(one(agent="Nat", email="")) == [("agent_id", "name_not_id")]  # a name, not pandas' NaT


def test_a_percentage_is_a_score_on_a_0_to_100_scale_only() -> None:
    """QA round 43b: a percentage cell reads "80%" (test_parsing); on a declared 0..100 scale that is 80."""
    assert scorecells.clean_score("80%", 0, 100).value == 80
    assert scorecells.clean_score("80%", 1, 5).issue.code == "not_integer"


def test_a_comment_as_long_as_an_excel_cell_holds_was_probably_cut() -> None:
    """QA round 40b: a comment of exactly 32,767 characters, Excel's cell limit, was "sent in full"."""
    row = one(comment="x" * 32_767)
    assert (row.status, len(row.item["comment"])) == ("valid", 32_767)
    assert [problem.message for problem in row.warnings] == [
        "Row 2, column 'comment': comment is 32,767 characters long, as many as an Excel cell holds: Excel probably "
        "cut it when the file was saved; it is sent as it is (the full text is in the survey tool)."]


def test_it_reads_dotted_dates_day_first() -> None:
    assert one(stamp="5.10.2026 14:48", time_zone="Europe/Berlin").item["submitted_at"] == (
        "2026-10-05T12:48:00.000Z")


def test_it_assumes_midnight_for_a_date_only() -> None:
    row = one(stamp="2026-10-14")
    assert row.item["submitted_at"] == "2026-10-14T00:00:00.000Z"
    assert row.warnings[0].message == "Row 2, column 'submitted_at': '2026-10-14' has no time part: midnight assumed."


def test_it_refuses_a_time_in_the_dst_gap() -> None:
    row = one(stamp="3/8/2026 2:30:00", time_zone="America/New_York")
    assert codes(row) == [("submitted_at", "dst_gap")]
    assert "2026-03-08 02:30:00 does not exist in America/New_York (DST gap)" in row.errors[0].message


def test_a_dst_gap_in_a_zone_the_file_declares_is_not_fixed_by_choosing_a_zone() -> None:
    """QA round 69b: "or choose the time zone the file was really written in", though the file's zone wins."""
    row = one(stamp="3/8/2026 2:30:00", declared_time_zones={"submitted_at": "America/New_York"})
    assert row.errors[0].message == (
        "Row 2, column 'submitted_at': 2026-03-08 02:30:00 does not exist in America/New_York (DST gap). Check the "
        "time: the file itself gives its time zone, America/New_York.")


def test_it_takes_the_first_occurrence_in_the_dst_overlap() -> None:
    row = one(stamp="11/1/2026 1:30:00", time_zone="America/New_York")
    assert row.item["submitted_at"] == "2026-11-01T05:30:00.000Z"
    assert warning_codes(row) == ["ambiguous_time"]
    assert "ambiguous in America/New_York: that hour happens twice when clocks go back, and the first occurrence" \
        in row.warnings[0].message


def test_lord_howes_half_hour_is_named_so() -> None:
    """QA round 67a: Lord Howe moves its clocks by 30 minutes, and the messages said "that hour"."""
    gap = one(stamp="2026-10-04 02:15:00", time_zone="Australia/Lord_Howe").errors[0].message
    overlap = one(stamp="2026-04-05 01:45:00", time_zone="Australia/Lord_Howe").warnings[0].message
    assert "Clocks skip that half hour there" in gap and "that half hour happens twice" in overlap


def _stamps(*texts: str, preset: mapping.Preset = PLAIN, **kwargs) -> validation.CheckResult:
    rows = [[text, str(i), "381", "", "5", ""] for i, text in enumerate(texts)]
    return validation.check_sheet(sheet(API, *rows, **kwargs), preset, time_zone="UTC", now=NOW)


def test_it_warns_about_a_workbooks_date_cells_in_a_column_typed_day_first() -> None:
    """A UK CSV opened in a US Excel: 05/10 became a date cell for 10 May, 14/10 stayed text."""
    cells = ["2026-05-10 13:45:00", "14/10/2026 09:30", "2026-10-25 11:00:00"]
    rows = [[text, str(n), "381", "", "5", ""] for n, text in enumerate(cells)]
    for file_format, warned in (("xlsx", [["swapped_cell"], [], []]), ("csv", [[], [], []])):
        result = validation.check_sheet(sheet(API, *rows, format=file_format), PLAIN, time_zone="UTC", now=NOW)
        assert [warning_codes(row) for row in result.rows] == warned
    assert result.rows[0].item["submitted_at"] == "2026-05-10T13:45:00.000Z"
    checked = validation.check_sheet(sheet(API, *rows, format="xlsx"), PLAIN, time_zone="UTC", now=NOW)
    assert checked.rows[0].warnings[0].message == (
        "Row 2, column 'submitted_at': '2026-05-10 13:45:00' was a date cell in a column whose typed dates read day "
        "first: a spreadsheet that opened the file month first may have swapped its day and month (then it is "
        "2026-10-05); check it.")


def test_it_warns_about_a_workbooks_date_cells_in_a_column_typed_month_first() -> None:
    """A US SurveyMonkey export opened in a UK spreadsheet: 10/06 became 10 June, 10/13 stayed text (QA 30b)."""
    rows = [[text, str(n), "381", "", "5", ""] for n, text in enumerate(
        ["2026-06-10 00:02:30", "10/13/2026 09:12:45 AM", "2026-10-25 11:00:00"])]
    result = validation.check_sheet(sheet(API, *rows, format="xlsx"), PLAIN, time_zone="UTC", now=NOW)
    assert [warning_codes(row) for row in result.rows] == [["swapped_cell"], [], []]
    assert result.rows[0].warnings[0].message == (
        "Row 2, column 'submitted_at': '2026-06-10 00:02:30' was a date cell in a column whose typed dates read month "
        "first: a spreadsheet that opened the file day first may have swapped its day and month (then it is "
        "2026-10-06); check it.")


def test_it_reads_back_date_cells_a_spreadsheet_swapped_when_the_column_proves_it() -> None:
    """QA rounds 61a, 64b: a UK CSV opened in a US Excel and saved as xlsx sent 3 October as 10 March; every date
    cell has a day of 12 or less, and only read back do they lie among the typed dates."""
    rows = [[text, str(n), "381", "", "5", ""] for n, text in enumerate(
        ["2026-03-10 08:14:27", "2026-05-10 12:24:00", "14/10/2026 05:02:12", "2026-12-10 00:52:39"])]
    result = validation.check_sheet(sheet(API, *rows, format="xlsx"), PLAIN, time_zone="UTC", now=NOW)
    assert [row.item["submitted_at"][:10] for row in result.rows] == [
        "2026-10-03", "2026-10-05", "2026-10-14", "2026-10-12"]
    assert result.rows[0].warnings[0].message == (
        "Row 2, column 'submitted_at': '2026-03-10 08:14:27' was a date cell in a column whose typed dates read day "
        "first: a spreadsheet that opened the file month first swapped its day and month, so it is read as "
        "2026-10-03, among the column's other dates (not 2026-03-10); check it.")
    assert ("'submitted_at': its date cells are read with day and month exchanged back, as a spreadsheet that opened "
            "the file month first had swapped them: read as they are, they would lie months from the column's typed "
            "dates (each such row says so)") in result.decisions


def test_it_reads_an_excel_serial_written_with_a_decimal_comma() -> None:
    """QA round 65b: a German Excel's "General" date column saved to CSV writes 46089,3125."""
    result = _stamps("46089,3125", "08.03.2026 08:00")
    assert [row.item["submitted_at"] for row in result.rows] == ["2026-03-08T07:30:00.000Z", "2026-03-08T08:00:00.000Z"]
    assert warning_codes(result.rows[0]) == ["excel_serial"]


def test_it_reads_unsettled_dates_in_the_order_that_keeps_them_within_a_month() -> None:
    """01/10 .. 12/10/2026: the first twelve days of October, not the 10th of twelve months (QA round 30b)."""
    result = _stamps("01/10/2026 09:15", "05/10/2026 10:00", "11/10/2026 11:00")
    assert [row.item["submitted_at"][:10] for row in result.rows] == ["2026-10-01", "2026-10-05", "2026-10-11"]
    assert result.decisions[0] == (
        "'submitted_at' read as day/month/year, so that its dates lie within 10 days of each other (read "
        "month/day/year they would span 304 days) (no value settles the order: none is a real date with a day above 12)")


@pytest.mark.parametrize(("header", "stamps", "zone", "days"), [
    ("Date", ["02/10/2026 09:15", "05/10/2026 10:00", "12/10/2026 13:30"], "America/Monterrey",  # Mexico: day first
     ["2026-10-02", "2026-10-05", "2026-10-12"]),
    ("submitted_at", ["1/5/2026 9:15", "2/5/2026 9:15", "3/5/2026 9:15"], "America/New_York",  # a US monthly survey
     ["2026-01-05", "2026-02-05", "2026-03-05"]),
    ("Datum", ["01.03.2026 09:00", "01.04.2026 09:00", "01.05.2026 09:00"], "Europe/Berlin",  # never month first
     ["2026-03-01", "2026-04-01", "2026-05-01"]),
])
def test_it_keeps_what_the_zone_or_the_language_says_over_the_dates_span(header, stamps, zone, days) -> None:
    """Review 31 and QA round 31a: the span rule read a US monthly survey and German dates the other way."""
    preset = mapping.Preset(name="Team", columns={"submitted_at": header, "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": "score"})
    data = sheet([header, "ticket_id", "agent_id", "score"], *[[stamp, str(n), "381", "5"] for n, stamp in
                                                              enumerate(stamps)])
    result = validation.check_sheet(data, preset, time_zone=zone, now=NOW)
    assert [row.item["submitted_at"][:10] for row in result.rows] == days


def test_a_decimal_comma_excels_dates_outrank_a_month_first_presets_date_order() -> None:
    """QA round 42a: a SurveyMonkey export (preset: month first) re-saved by a French Excel, with semicolons and
    01/09/2026 14:05, went out as 9 January."""
    preset = mapping.Preset(name="Team", columns={"submitted_at": "End Date", "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": "score"}, date_order="MDY")
    data = sheet(["End Date", "ticket_id", "agent_id", "score"], ["01/09/2026 14:05", "1", "381", "5"],
                 ["03/09/2026 10:13", "2", "381", "4"], delimiter=";")
    result = validation.check_sheet(data, preset, time_zone="Europe/Paris", now=NOW)
    assert [row.item["submitted_at"][:10] for row in result.rows] == ["2026-09-01", "2026-09-03"]


def test_dotted_dates_stay_day_first_whatever_the_mappings_date_order_says() -> None:
    """QA round 40b: a SurveyMonkey export (preset: month first) re-saved by a German Excel: 01.09.2026 04:13 was
    sent as 9 January."""
    preset = mapping.Preset(name="Team", columns={"submitted_at": "End Date", "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": "score"}, date_order="MDY")
    data = sheet(["End Date", "ticket_id", "agent_id", "score"], ["01.09.2026 04:13", "1", "381", "5"],
                 ["03.09.2026 10:13", "2", "381", "4"])
    result = validation.check_sheet(data, preset, time_zone="America/New_York", now=NOW)
    assert [row.item["submitted_at"][:10] for row in result.rows] == ["2026-09-01", "2026-09-03"]
    assert result.decisions[0].startswith("'End Date' read as day/month/year, the default for dates with dots")


@pytest.mark.parametrize(("stamps", "zone", "days"), [
    # SurveyMonkey's padded dates on a 12-hour clock, and a US Google Sheet's 10/11/2025 (QA round 41a)
    (["01/05/2026 09:15:00 AM", "02/05/2026 09:15:00 AM", "03/05/2026 09:15:00 AM"], "America/New_York",
     ["2026-01-05", "2026-02-05", "2026-03-05"]),
    (["10/11/2025 9:00:05", "11/11/2025 9:00:05", "12/11/2025 9:00:05"], "America/Chicago",
     ["2025-10-11", "2025-11-11", "2025-12-11"]),
])
def test_a_us_zone_keeps_unsettled_dates_month_first_as_us_programs_write_them(stamps, zone, days) -> None:
    rows = [[text, str(n), "381", "", "5", ""] for n, text in enumerate(stamps)]
    result = validation.check_sheet(sheet(API, *rows), PLAIN, time_zone=zone, now=NOW)
    assert [row.item["submitted_at"][:10] for row in result.rows] == days


def test_a_us_zone_lets_zero_padded_24_hour_dates_spread_least_and_says_so() -> None:
    """QA rounds 40b and 41a: a US account's Qualtrics export re-saved by a UK Excel (01/09/2026 02:13) was read
    as 9 January .. 9 April; read day first now, the decision says how to choose otherwise."""
    rows = [[text, str(n), "381", "", "5", ""] for n, text in enumerate(
        ["01/09/2026 02:13", "02/09/2026 09:31", "04/09/2026 16:50"])]
    result = validation.check_sheet(sheet(API, *rows), PLAIN, time_zone="America/Denver", now=NOW)
    assert [row.item["submitted_at"][:10] for row in result.rows] == ["2026-09-01", "2026-09-02", "2026-09-04"]
    assert result.decisions[2] == (
        "America/Denver usually writes dates month first: if 'submitted_at' is month/day/year (01/05/2026 for 5 "
        "January), choose Month-day-year under Date order on the mapping page")


@pytest.mark.parametrize(("stamps", "zone", "days"), [
    # Google Forms' US 9/1/2026 10:13:27 in an MS-DOS CSV with semicolons (QA round 40b)
    (["9/1/2026 10:13:27", "9/3/2026 22:50:29", "9/2/2026 15:31:58"], "Europe/Berlin",
     ["2026-09-01", "2026-09-03", "2026-09-02"]),
    # a US team's sheet with semicolons and AM/PM (QA round 41a)
    (["03/02/2026 09:07 AM", "04/02/2026 10:00 AM"], "UTC", ["2026-03-02", "2026-04-02"]),
    # a French Excel's
    (["03/02/2026 09:07", "04/02/2026 10:00"], "UTC", ["2026-02-03", "2026-02-04"]),
])
def test_semicolons_say_day_first_only_for_a_decimal_comma_excels_dates(stamps, zone, days) -> None:
    rows = [[text, str(n), "381", "", "5", ""] for n, text in enumerate(stamps)]
    result = validation.check_sheet(sheet(API, *rows, delimiter=";"), PLAIN, time_zone=zone, now=NOW)
    assert [row.item["submitted_at"][:10] for row in result.rows] == days


def test_it_decides_day_first_from_a_value_that_settles_it() -> None:
    result = _stamps("3/8/2026 10:00", "15/3/2026 10:00", "4/9/2026 10:00")
    assert [r.item["submitted_at"][:10] for r in result.rows] == ["2026-08-03", "2026-03-15", "2026-09-04"]
    assert result.decisions[0] == "'submitted_at' read as day/month/year, because of 15/3/2026 10:00 in row 3"


def test_it_reads_slashes_month_first_when_nothing_settles_it() -> None:
    result = _stamps("3/8/2026 10:00", "4/9/2026 10:00")
    assert result.rows[0].item["submitted_at"][:10] == "2026-03-08"
    assert result.decisions[0].startswith("'submitted_at' read as month/day/year, the default for dates with slashes")


def test_it_follows_the_preset_date_order() -> None:
    preset = mapping.Preset(name="UK", columns=PLAIN.columns, date_order="DMY")
    assert _stamps("3/8/2026 10:00", preset=preset).rows[0].item["submitted_at"][:10] == "2026-08-03"


def test_it_never_mixes_orders_within_a_column() -> None:
    result = _stamps("15/3/2026 10:00", "16/3/2026 10:00", "3/15/2026 10:00")
    assert [r.status for r in result.rows] == ["valid", "valid", "invalid"]
    assert codes(result.rows[2]) == [("submitted_at", "no_such_date")]
    assert "read as day/month/year" in result.rows[2].errors[0].message


def test_it_says_a_zone_abbreviation_of_several_zones_is_not_read() -> None:
    row = one(stamp="10/5/2026 10:00 AM CST")
    assert [(p.field, p.code, p.message) for p in row.errors] == [(
        "submitted_at", "zone_abbreviation", "Row 2, column 'submitted_at': '10/5/2026 10:00 AM CST' ends in the time "
        "zone abbreviation CST, which is not read: an abbreviation can name several zones (CST is US Central and China "
        "Standard). Write the offset instead, e.g. 2026-10-05 14:48:00 -08:00, or drop it and choose the time zone on "
        "the mapping page.")]


@pytest.mark.parametrize(("stamp", "sent"), [
    ("10/5/2026 10:00 AM PST", "2026-10-05T18:00:00.000Z"), ("2026-11-01 01:30:00 EDT", "2026-11-01T05:30:00.000Z"),
    ("2026-11-01 01:30:00 EST", "2026-11-01T06:30:00.000Z"), ("2026-10-05 14:48 CEST", "2026-10-05T12:48:00.000Z"),
    ("05.10.2026 14:48 Uhr", "2026-10-05T14:48:00.000Z"), ("05-Okt-2026 14:48", "2026-10-05T14:48:00.000Z"),
    ("Montag, 5. Oktober 2026 14:48", "2026-10-05T14:48:00.000Z"), ("03-févr.-2026 09:00", "2026-02-03T09:00:00.000Z"),
    ("20261005T145300Z", "2026-10-05T14:53:00.000Z"), ("02/Oct/26 8:33 PM", "2026-10-02T20:33:00.000Z"),  # Jira
    ("10/8/2026 4:00 PM ET", "2026-10-08T20:00:00.000Z"), ("12/8/2025 4:00 PM PT", "2025-12-09T00:00:00.000Z"),
    ("05/10/2026 14h48", "2026-05-10T14:48:00.000Z"),  # one value settles nothing: slashes read month first
    # QA round 37a: Athena's and Trino's zone name, Notion's bracketed abbreviation, Looker Studio's basic date,
    # BigQuery's epoch microseconds
    ("2026-10-05 14:53:00.000 America/New_York", "2026-10-05T18:53:00.000Z"),
    ("October 5, 2026 2:53 PM (EDT)", "2026-10-05T18:53:00.000Z"), ("20261005", "2026-10-05T00:00:00.000Z"),
    ("1791211980123456", "2026-10-05T14:53:00.123Z"),
    ("9/14/2026 3pm", "2026-09-14T15:00:00.000Z"), ("9/15/2026 9:30 a.m.", "2026-09-15T09:30:00.000Z"),  # QA 37c
    # QA round 37b: Spanish, Polish, Russian, Norwegian, Finnish, Korean, Japanese and Turkish local dates
    ("5 de octubre de 2026 14:30", "2026-10-05T14:30:00.000Z"), ("5 października 2026 14:30", "2026-10-05T14:30:00.000Z"),
    ("5 окт. 2026 г. 14:30", "2026-10-05T14:30:00.000Z"), ("5. okt. 2026 kl. 14.30", "2026-10-05T14:30:00.000Z"),
    ("5.10.2026 klo 9.05", "2026-10-05T09:05:00.000Z"), ("2026. 10. 5 오후 2:30:00", "2026-10-05T14:30:00.000Z"),
    ("2026年10月13日 9時05分", "2026-10-13T09:05:00.000Z"), ("5 Ekim 2026 14:30", "2026-10-05T14:30:00.000Z"),
    # QA round 38b: Java's ZonedDateTime, nanoseconds, Ukrainian "р.", a serial of six decimals
    ("2026-10-05T14:53:00+02:00[Europe/Paris]", "2026-10-05T12:53:00.000Z"),
    ("1791211980123456789", "2026-10-05T14:53:00.123Z"), ("5 жовтня 2026 р. 14:30", "2026-10-05T14:30:00.000Z"),
])
def test_it_reads_a_fixed_zones_abbreviation_german_times_and_month_names(stamp, sent) -> None:
    """QA round 34b: each was refused (EDT and EST even tell the two 01:30s of a night apart)."""
    row = one(stamp=stamp)
    assert (row.status, row.item["submitted_at"]) == ("valid", sent)


@pytest.mark.parametrize(("text", "message"), [
    ("31/02/2026 10:00", "has month 31, which does not exist (this column is read as month/day/year). Enter a real "
                         "date: neither day/month nor month/day gives one."),  # not "choose that Date order" (QA 67b C2)
    ("2026-02-30 10:00:00", "30 February does not exist in 2026"),
    ("yesterday", "'yesterday' is not a date"),
    ("2099-01-01 09:00:00", "2099-01-01 is in the future"),
    ("1999-12-31 23:00:00", "1999-12-31 is before 2000"),
    ("2026-10-05 24:00:00", "has no such time of day"),
    ("12345", "12345 is a number, not a date"),
    ("60", "29 February 1900"),
    ("9999-12-31 23:00:00", "has the year 9999"),
    ("0000-01-01 10:00", "has the year 0"),
    ("########", "'########' is what Excel shows for a date too wide for its column, saved in its place. Enter the "
                 "date and time (such as 2026-10-05 14:48:00), or widen the column in Excel and save the file again."),
    # a team sheet's dates without a year (QA round 60b: "is not a date")
    ("Tue 10 Nov", "'Tue 10 Nov' has no year, so it could be any year's date. Enter the date with its year and time, "
                   "such as 2026-10-05 14:48:00."),
    ("10/11", "'10/11' has no year"), ("Nov 17th", "'Nov 17th' has no year"),
])
def test_it_refuses_bad_dates(text: str, message: str) -> None:
    row = one(stamp=text)
    assert [f for f, _c in codes(row)] == ["submitted_at"]
    assert message in row.errors[0].message


def test_a_month_above_12_offers_the_other_date_order_when_it_reads_so() -> None:
    rows = check(["10/13/2026 10:00", "50101", "381", "", "5", ""], ["31/10/2026 10:00", "50102", "381", "", "5", ""])
    assert rows[1].errors[0].message == (
        "Row 3, column 'submitted_at': '31/10/2026 10:00' has month 31, which does not exist (this column is read as "
        "month/day/year). Enter a real date; if the whole column is written day/month/year, choose that Date order on "
        "the mapping page.")


def test_a_future_date_is_named_as_written_not_in_utc() -> None:
    """QA round 62a: 2099-12-31 23:59 typed in New York was "2100-01-01 is in the future"."""
    row = one(stamp="2099-12-31 23:59:00", time_zone="America/New_York")
    assert "2099-12-31 is in the future" in row.errors[0].message


def test_a_date_at_a_limit_in_its_own_day_is_named_with_its_utc_time() -> None:
    """QA round 67a: 2000-01-01 00:00 typed in Kolkata was "2000-01-01 is before 2000"; 2026-11-26 13:00 was "in
    the future" while 11:00 of the same day was not."""
    assert one(stamp="2000-01-01 00:00:00", time_zone="Asia/Kolkata").errors[0].message == (
        "Row 2, column 'submitted_at': 2000-01-01 00:00 (1999-12-31 18:30 UTC) is before 2000. Check the year.")
    assert one(stamp="2026-11-26T13:00:00Z").errors[0].message == (
        "Row 2, column 'submitted_at': 2026-11-26 13:00 UTC is more than a day after now (2026-11-25 12:00 UTC). "
        "Check the year and the date; a rating cannot come from the future.")


def test_it_allows_a_date_less_than_a_day_ahead() -> None:
    assert one(stamp="2026-11-26T11:00:00Z").status == "valid"
    assert one(stamp="2026-11-26T13:00:00Z").status == "invalid"


def test_it_reads_an_excel_serial_with_a_warning() -> None:
    row = one(stamp="46089.3125")
    assert row.item["submitted_at"] == "2026-03-08T07:30:00.000Z" and warning_codes(row) == ["excel_serial"]


def test_it_prefers_the_declared_zone_then_the_preset_zone() -> None:
    declared = _stamps("2026-10-20 08:45:59", declared_time_zones={"submitted_at": "America/Los_Angeles"})
    assert declared.rows[0].item["submitted_at"] == "2026-10-20T15:45:59.000Z"
    assert "'submitted_at' read in America/Los_Angeles, declared by the file" in declared.decisions
    preset = mapping.Preset(name="Berlin", columns=PLAIN.columns, time_zone="Europe/Berlin")
    assert _stamps("2026-10-20 08:45:59", preset=preset).rows[0].item["submitted_at"] == "2026-10-20T06:45:59.000Z"


def test_it_refuses_an_unknown_time_zone() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        one(time_zone="Mars/Olympus")


# clarifying answers: samples README section 5

def _survey(*rows: list[str]) -> list[RowResult]:
    columns = ["Ticket ID", "Agent ID", "Recorded Date", "Q1 - How satisfied?", "Q1 - Comment",
               "Q2 - How easy was it?", "Q2 - Comment", "Q3 - Resolved first time?"]
    data = sheet(columns, *rows)
    preset, _why = mapping.choose_preset(data, mapping.builtin_presets())
    return validation.check_sheet(data, preset, time_zone="UTC", now=NOW).rows


def test_it_builds_clarifying_answers() -> None:
    row = _survey(["1", "381", "2026-10-14T14:52:39-04:00", "5", "", "4", "Timed out.", "Yes"],
                  ["2", "381", "2026-10-14T14:52:39-04:00", "4", "", "", "", "no"])[0]
    assert row.item["clarifying_answers"] == [
        {"question": "How easy was it?", "score": 4, "comment": "Timed out.", "score_label": "Neutral",
         "min_score": 1, "max_score": 7},
        {"question": "Resolved first time?", "score": 1, "score_label": "Yes", "min_score": 0, "max_score": 1}]


def test_it_leaves_out_unanswered_questions() -> None:
    rows = _survey(["1", "381", "2026-10-14T14:52:39Z", "5", "", "", "", "Yes"],
                   ["2", "381", "2026-10-14T14:52:39Z", "5", "", "", "", ""],
                   ["3", "381", "2026-10-14T14:52:39Z", "5", "", "6", "", "No"])
    assert [a["question"] for a in rows[0].item["clarifying_answers"]] == ["Resolved first time?"]
    assert "clarifying_answers" not in rows[1].item


def test_it_rejects_the_row_for_an_answer_out_of_range() -> None:
    row = _survey(["1", "381", "2026-10-14T14:52:39Z", "5", "", "9", "", "Yes"],
                  ["2", "381", "2026-10-14T14:52:39Z", "5", "", "1", "", "No"])[0]
    assert codes(row) == [("clarifying_answers[Q2].score", "above_max")]


def test_it_warns_about_a_comment_without_a_score() -> None:
    row = _survey(["1", "381", "2026-10-14T14:52:39Z", "5", "", "", "Hard.", "Yes"],
                  ["2", "381", "2026-10-14T14:52:39Z", "5", "", "1", "", "No"])[0]
    assert row.status == "valid" and warning_codes(row) == ["answer_without_score"]


# skips, warn rules, splits (samples README sections 1 and 2)

SPLIT = mapping.Preset.from_json({
    "name": "Split", "columns": {"submitted_at": "submitted_at", "score": "score", "agent_id": "agent_id"},
    "splits": [{"column": "ref", "separator": "|", "fields": ["ticket_id", "agent_id"]}],
    "skip_rules": [{"column": "Status", "values": {"1": "Survey Preview"}, "reason": "not a real customer response"}],
    "skip_values": {"score": {"offered": "survey not answered (not a rating)"}},
    "warn_rules": [{"column": "Finished", "values": ["0"], "if_present": "score",
                    "message": "partial response ({column}={value}) but {field_column} answered; imported"}]})
SPLIT_COLUMNS = ["submitted_at", "ref", "agent_id", "score", "Status", "Finished"]


def _split(*rows: list[str]) -> list[RowResult]:
    return check(*rows, columns=SPLIT_COLUMNS, preset=SPLIT)


def test_it_splits_ticket_and_agent() -> None:
    row = _split(["2026-10-05T14:48:00Z", " 004711 | 381 ", "", "5", "0", "1"])[0]
    assert (row.item["ticket_id"], row.item["agent_id"]) == ("004711", "381")


def test_a_split_cell_with_more_parts_than_fields_is_refused() -> None:
    """QA round 71b: "48303|7001234568|EMEA" went out as agent_id "7001234568|EMEA"."""
    rows = _split(["2026-10-05T14:48:00Z", "48303|7001234568|EMEA", "", "5", "0", "1"],
                  ["2026-10-05T14:48:00Z", "48304|7001234568| ", "", "5", "0", "1"])
    assert [problem.message for problem in rows[0].errors] == [
        "Row 2, column 'ref': '48303|7001234568|EMEA' holds 3 parts split at '|', where the mapping takes 2 "
        "(ticket_id|agent_id). Correct the cell, or leave the row out."]
    assert (rows[0].errors[0].field, rows[0].errors[0].code) == ("agent_id", "split_parts")
    assert rows[1].item["agent_id"] == "7001234568"
    dashed = replace(SPLIT, splits=[replace(SPLIT.splits[0], separator="-", fields=["ticket_id", "agent_email"])])
    row = check(["2026-10-05T14:48:00Z", "48700-ana-maria.lopez@acme.com", "", "5", "0", "1"],
                columns=SPLIT_COLUMNS, preset=dashed)[0]  # QA round 72b: refused as 3 parts
    assert (row.item["ticket_id"], row.item["agent_email"]) == ("48700", "ana-maria.lopez@acme.com")
    agent_first = replace(SPLIT, splits=[replace(SPLIT.splits[0], fields=["agent_id", "ticket_id"])])
    row = check(["2026-10-05T14:48:00Z", "ben@acme.com|48951|EMEA", "", "5", "0", "1"],
                columns=SPLIT_COLUMNS, preset=agent_first)[0]  # QA round 74a: ticket_id "48951|EMEA" was sent
    assert [(problem.field, problem.code) for problem in row.errors] == [("ticket_id", "split_parts")]
    rows = _split(["2026-10-05T14:48:00Z", "48301|EMEA|ana.lopez@acme.com", "", "5", "0", "1"])  # QA round 75a: sent
    assert [(problem.field, problem.code) for problem in rows[0].errors] == [("agent_email", "split_parts")]
    spaced = replace(SPLIT, splits=[replace(SPLIT.splits[0], separator=" - ")])
    row = check(["2026-10-05T14:48:00Z", "48303 - 7001234569 - EMEA", "", "5", "0", "1"], columns=SPLIT_COLUMNS,
                preset=spaced)[0]  # QA round 75a: " - " was taken for an id's own hyphen
    assert [(problem.field, problem.code) for problem in row.errors] == [("agent_id", "split_parts")]


def test_a_row_with_no_agent_names_the_blank_email_cell_not_the_split_ticket() -> None:
    """QA round 53a: a Qualtrics row's blank AgentEmail was reported on ExternalReference, which holds the ticket."""
    preset = replace(SPLIT, columns={**SPLIT.columns, "agent_email": "AgentEmail"})
    row = check(["2026-10-05T14:48:00Z", "004711", "", "5", "", ""],
                columns=["submitted_at", "ref", "AgentEmail", "score", "Status", "Finished"], preset=preset)[0]
    assert [problem.message for problem in row.errors] == [
        "Row 2, column 'AgentEmail': agent_id or agent_email required: agent_id and agent_email both blank, no agent "
        "to credit. Fill in the agent's id or email, or map an agent column on the mapping page."]


LONG = mapping.Preset.from_json({
    "name": "Long", "columns": {"submitted_at": "at", "ticket_id": "case", "agent_id": "owner", "score": "value",
                                "comment": "text"},
    "comment_rows": {"by": "response", "question": "question", "match": "comment|anything else"},
    "skip_rules": [{"column": "question", "values": ["Any comments?", "Resolved?"], "reason": "another question"}]})
LONG_COLUMNS = ["response", "question", "at", "case", "owner", "value", "text"]


def test_it_takes_a_long_exports_comment_from_its_responses_comment_row() -> None:
    rows = [["R1", "Satisfied?", "2026-10-05T14:48:00Z", "00101", "381", "4", ""],
            ["R1", "Any comments?", "2026-10-05T14:48:00Z", "00101", "381", "", "Quick and kind"],
            ["R1", "Resolved?", "2026-10-05T14:48:00Z", "00101", "381", "", "Yes"],
            ["R2", "Satisfied?", "2026-10-05T14:48:00Z", "00102", "381", "2", "Inline"],
            ["R2", "Any comments?", "2026-10-05T14:48:00Z", "00102", "381", "", "Second"]]
    result = validation.check_sheet(sheet(LONG_COLUMNS, *rows), LONG, time_zone="UTC", now=NOW)

    assert [row.item.get("comment") if row.item else row.skip_reason for row in result.rows] == [
        "Quick and kind",
        "question=Any comments?: another question; its answer is sent as the comment of this response's rated row",
        "question=Resolved?: another question", "Inline",
        "question=Any comments?: another question; its answer is not sent: this response's rated row has a comment "
        "of its own (copy this text there if it belongs in the item)"]
    assert [problem.message for problem in result.rows[0].warnings] == [
        "Row 2, column 'text (row 3)': this row's own comment is blank, so the answer in row 3 (this response's "
        "comment question) is sent as its comment."]
    assert result.rows[3].warnings == []
    again = validation.check_row(rows[0], 2, LONG_COLUMNS, LONG, result.context, time_zone="UTC", now=NOW)
    assert again.item == result.rows[0].item and again.warnings == result.rows[0].warnings


SCALED = mapping.Preset(name="Scaled", columns={name: name for name in mapping.FIELDS}, score_scales=[[1, 5], [1, 7]],
                        score_typos=True)


@pytest.mark.parametrize(("scores", "scale", "invalid"), [
    (["5", "4", "6", "5", "3", "5", "4", "5", "2", "5"], (1, 5), [4]),  # one 6 among ten: a typo
    (["5", "4", "6", "5", "3", "5", "7", "5", "2", "5"], (1, 7), []),  # 6 and 7: a 7-point survey
    (["5", "4", "6", "5", "3"], (1, 7), []),  # a fifth of the scores: a 7-point survey
    (["5", "4", "6", "5", "3", "5", "4", "5", "2", "5", "5", "4", "3", "5", "4", "5", "2", "5", "7", "4"], (1, 5),
     [4, 20]),  # a 6 and a 7 among twenty: typos of a 1..5 sheet (samples/README.md sections 2 and 3)
])
def test_it_takes_a_lone_score_outside_the_first_scale_for_a_typo(scores, scale, invalid) -> None:
    rows = [["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, ""] for n, score in enumerate(scores)]
    result = validation.check_sheet(sheet(API, *rows), SCALED, time_zone="UTC", now=NOW)

    assert {(row.item or {}).get("max_score") for row in result.rows if row.item} == {scale[1]}
    assert [row.row_number for row in result.rows if row.status == "invalid"] == invalid
    if invalid:
        assert result.decisions[-1] == {
            1: "Scores read on the scale 1..5, the first of 1..5, 1..7: it holds every score in this file but one, "
               "6 in row 4, taken for a typo (that row is invalid until fixed)",
            2: "Scores read on the scale 1..5, the first of 1..5, 1..7: it holds every score in this file but 2, 6 "
               "in row 4, 7 in row 20, taken for typos (those rows are invalid until fixed)"}[len(invalid)]


def test_zeros_where_no_answer_reaches_five_hold_the_rows_for_a_scale_scored_from_0() -> None:
    scores = ["4", "0", "3", "4", "0", "2", "4", "1", "4", "3", "0", "4"]  # 0..4, never 5 (QA round 49a)
    rows = [["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, ""] for n, score in enumerate(scores)]
    result = validation.check_sheet(sheet(API, *rows), SCALED, time_zone="UTC", now=NOW)
    assert {row.status for row in result.rows} == {"invalid"}  # not 4 of 5 where the survey's top is 4
    assert result.decisions[-1] == (
        "3 scores lie outside 1..5, the scale used when a file names none (this file's run from 0 to 4): if the "
        "survey's scale is 0..4, set Lowest score 0 and Highest score 4 on the mapping page; until then every row is "
        "invalid, those inside 1..5 too")


@pytest.mark.parametrize(("header", "scale"), [
    ("CSAT (1-10)", (1, 10)), ("On a scale of 1 to 10, how satisfied are you?", (1, 10)),
    ("On a scale of 0-10, how satisfied are you?", (0, 10)), ("Auf einer Skala von 0 bis 10: Zufriedenheit", (0, 10)),
    ("Su una scala da 1 a 10, quanto è soddisfatto?", (1, 10)), ("Op een schaal van 1 tot 10, hoe tevreden?", (1, 10)),
    ("W skali od 1 do 10, jak bardzo jesteś zadowolony?", (1, 10)),
    ("Satisfaction, 1-7 scale", (1, 7)), ("Rating [0–10]", (0, 10)),
])
def test_it_reads_the_scale_a_score_header_names(header, scale) -> None:
    columns = ["submitted_at", "ticket_id", "agent_id", header]
    preset = mapping.Preset(name="Team", columns={"submitted_at": "submitted_at", "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": header})
    result = validation.check_sheet(sheet(columns, ["2026-10-05T14:48:00Z", "1", "381", "7"]), preset,
                                    time_zone="UTC", now=NOW)

    assert (result.rows[0].item["score"], result.rows[0].item["min_score"], result.rows[0].item["max_score"]) == (
        7, *scale)
    assert result.decisions[-1] == f"Scores read on the scale {scale[0]}..{scale[1]}, which the header '{header}' names"


@pytest.mark.parametrize(("header", "scores", "scale"), [
    ("Score /10", ["7", "3"], (1, 10)), ("Rating (out of 10)", ["7", "0"], (0, 10)), ("Score 1-10", ["7", "3"], (1, 10))])
def test_it_reads_the_top_a_score_header_names(header, scores, scale) -> None:
    columns = ["submitted_at", "ticket_id", "agent_id", header]
    preset = mapping.Preset(name="Team", columns={"submitted_at": "submitted_at", "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": header})
    data = sheet(columns, *[["2026-10-05T14:48:00Z", str(n), "381", score] for n, score in enumerate(scores)])
    result = validation.check_sheet(data, preset, time_zone="UTC", now=NOW)

    assert [(row.item["min_score"], row.item["max_score"]) for row in result.rows] == [scale] * len(scores)
    if header == "Score /10":
        assert result.decisions[-1] == (
            "Scores read on the scale 1..10: the header 'Score /10' names its top, and its bottom is 1 as no score "
            "is 0 (set Lowest score and Highest score on the mapping page if the survey's differ)")


@pytest.mark.parametrize("header", ["CSAT 10/25", "CSAT (2026/27)", "Rating 24/7", "Satisfaction week 1-2"])
def test_it_takes_no_date_or_year_in_a_header_for_the_scale(header) -> None:
    columns = ["submitted_at", "ticket_id", "agent_id", header]
    preset = mapping.Preset(name="Team", columns={"submitted_at": "submitted_at", "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": header})
    result = validation.check_sheet(sheet(columns, ["2026-10-05T14:48:00Z", "1", "381", "4"]), preset,
                                    time_zone="UTC", now=NOW)
    assert (result.rows[0].item["min_score"], result.rows[0].item["max_score"]) == (1, 5)


def test_it_takes_no_age_group_in_a_header_for_the_scale() -> None:
    columns = ["submitted_at", "ticket_id", "agent_id", "Rating (18-65)"]
    preset = mapping.Preset(name="Team", columns={"submitted_at": "submitted_at", "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": "Rating (18-65)"})
    result = validation.check_sheet(sheet(columns, ["2026-10-05T14:48:00Z", "1", "381", "4"]), preset,
                                    time_zone="UTC", now=NOW)
    assert (result.rows[0].item["score"], result.rows[0].item["max_score"]) == (4, 5)


# QA round 64b: "- fast reply, thanks" became #NAME? when Excel opened the CSV
FORMULA_TEXT = (". If the customer wrote text starting with '=', '+' or '-', a spreadsheet read it as a formula: export "
                "the file again and upload it without opening it in a spreadsheet to keep the words.")


@pytest.mark.parametrize(("fields", "errors", "warnings"), [
    ({"ticket": "#VALUE!"}, ["Row 2, column 'ticket_id': #VALUE! is the error a spreadsheet formula gave in this "
                             "cell, not the ticket id. Type the ticket id, or correct the formula in the spreadsheet "
                             "and save the file again."], []),
    ({"ticket": "#N/A"}, ["Row 2, column 'ticket_id': #N/A is what a spreadsheet lookup (VLOOKUP, XLOOKUP) gives "
                          "when it finds nothing, not the ticket id. Type the ticket id, or correct the lookup in the "
                          "spreadsheet and save the file again."], []),  # QA round 52a: it was sent
    ({"agent": "#N/A"}, ["Row 2, column 'agent_id': #N/A is what a spreadsheet lookup (VLOOKUP, XLOOKUP) gives when "
                         "it finds nothing, not the agent id. Type the agent's id or email, or correct the lookup in "
                         "the spreadsheet and save the file again."], []),  # QA round 51b: it was sent
    ({"score": "#N/A"}, ["Row 2, column 'score': #N/A is the error a spreadsheet formula gave in this cell, not the "
                         "score. Enter a whole number from 1 to 5, or correct the formula in the spreadsheet and save "
                         "the file again."], []),  # QA round 51b: "'#N/A' is not an integer"
    ({"agent": "#REF!"}, ["Row 2, column 'agent_id': #REF! is the error a spreadsheet formula gave in this cell, not "
                          "the agent id. Type the agent id, or correct the formula in the spreadsheet and save the "
                          "file again."], []),
    ({"comment": "#NAME?"}, [], ["Row 2, column 'comment': comment #NAME? is the error a spreadsheet formula gave in "
                                 "this cell, not the customer's words: left out" + FORMULA_TEXT]),
    ({"comment": "#ERROR!"}, [], ["Row 2, column 'comment': comment #ERROR! is the error a spreadsheet formula gave in "
                                  "this cell, not the customer's words: left out" + FORMULA_TEXT]),  # Google Sheets'
    ({"comment": "Err:509"}, [], ["Row 2, column 'comment': comment Err:509 is the error a spreadsheet formula gave in "
                                  "this cell, not the customer's words: left out" + FORMULA_TEXT]),  # LibreOffice's
    ({"comment": "#DIV/0!"}, [], ["Row 2, column 'comment': comment #DIV/0! is the error a spreadsheet formula gave in "
                                  "this cell, not the customer's words: left out."]),
])
def test_it_refuses_a_formulas_error_value_saved_as_text(fields, errors, warnings) -> None:
    row = one(**fields)

    assert ([problem.message for problem in row.errors], [problem.message for problem in row.warnings]) == (
        errors, warnings)
    assert "comment" not in (row.item or {})


def test_it_sends_a_typed_na_comment_as_typed() -> None:
    """shared/cases B03: the customer's N/A is words; a lookup's #N/A is not (QA round 53b: it was sent)."""
    assert one(comment="N/A").item["comment"] == "N/A"
    row = one(comment="#N/A")
    assert "comment" not in row.item
    assert [problem.message for problem in row.warnings] == [
        "Row 2, column 'comment': comment #N/A is what a spreadsheet lookup (VLOOKUP, XLOOKUP) gives when it finds "
        "nothing, not the customer's words: left out."]


@pytest.mark.parametrize(("agent", "errors", "warnings"), [
    ("381", [], ["Row 2, column 'agent_email': agent_email '#N/A' is invalid and was dropped; agent_id used (an "
                 "invalid email is never sent: #N/A is what a spreadsheet lookup (VLOOKUP, XLOOKUP) gives when it "
                 "finds nothing, not the agent email)."]),
    ("", ["Row 2, column 'agent_email': #N/A is what a spreadsheet lookup (VLOOKUP, XLOOKUP) gives when it finds "
          "nothing, not the agent email. Type the agent's email, or correct the formula in the spreadsheet and save "
          "the file again."], []),
])
def test_a_lookups_na_agent_email_is_named_so(agent, errors, warnings) -> None:
    """QA round 53b: "'#N/A' is not an email address: an email address must have an @-sign"."""
    row = one(agent=agent, email="#N/A")
    assert ([problem.message for problem in row.errors], [problem.message for problem in row.warnings]) == (
        errors, warnings)


@pytest.mark.parametrize(("scores", "decision"), [
    (["0", "10", "7", "9", "3"], "4 scores lie outside 1..5, the scale used when a file names none (this file's run "
                                 "from 0 to 10): if the survey's scale is 0..10, set Lowest score 0 and Highest score "
                                 "10 on the mapping page; until then every row is invalid, those inside "
                                 "1..5 too"),
    (["8/10", "10/10", "0/10", "7/10"], "4 scores lie outside 1..5, the scale used when a file names none (this "
                                        "file's run from 0 to 10): if the survey's scale is 0..10, set Lowest score 0 "
                                        "and Highest score 10 on the mapping page; until then every row is "
                                        "invalid, those inside 1..5 too"),
    (["5", "8", "0", "4", "3"], "2 scores lie outside 1..5, the scale used when a file names none (this file's run "
                                "from 0 to 8): if the survey's scale is 0..10, set Lowest score 0 and Highest score "
                                "10 on the mapping page; until then every row is invalid, those inside 1..5 too"),
    (["5", "4", "6", "5", "3", "5", "7", "5", "2", "5"], None),  # two in ten: errors to fix, not another scale
    (["5", "4", "6", "5"], None),  # one 6 is a typo
])
def test_it_names_the_files_own_range_when_scores_leave_the_default_scale(scores, decision) -> None:
    result = validation.check_sheet(sheet(API, *[["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, ""]
                                                 for n, score in enumerate(scores)]), PLAIN, time_zone="UTC", now=NOW)

    assert [row.item["score"] for row in result.rows if row.item] == ([] if decision else [  # held (QA round 37c)
        int(s) for s in scores if s.isdigit() and 1 <= int(s) <= 5])
    assert {row.item["max_score"] for row in result.rows if row.item} <= {5}
    assert [text for text in result.decisions if "outside 1..5" in text] == ([decision] if decision else [])
    if decision and scores[1] == "10":  # the row says where the fix is too, not only to change the answer (QA 35b)
        assert result.rows[1].errors[0].message == (
            "Row 3, column 'score': 10 is above max_score 5. Enter a whole number from 1 to 5; or, if the survey's "
            "scale is 0..10, set Lowest score 0 and Highest score 10 on the mapping page.")


def test_labels_of_a_wording_beside_the_scores_settle_the_scale_so_two_typos_hold_no_other_row() -> None:
    scores = [("5", "Very satisfied"), ("6", ""), ("4", "Satisfied"), ("0", ""), ("2", "Dissatisfied"),
              ("3", "Neither satisfied nor dissatisfied"), ("1", "Very dissatisfied"), ("5", "")]
    result = validation.check_sheet(sheet(API + ["score_label"], *[
        ["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, "", label] for n, (score, label) in enumerate(scores)]),
        PLAIN, time_zone="UTC", now=NOW)  # QA round 47a: every row was held, as if the survey's scale were 0..6
    assert [row.item["score"] if row.item else codes(row) for row in result.rows] == [
        5, [("score", "above_max")], 4, [("score", "below_min")], 2, 3, 1, 5]
    assert result.decisions[1] == (
        "Scores read on the scale 1..5: the labels beside them are a 5-point wording's, each at its own score (very "
        "satisfied 5, satisfied 4, neither satisfied nor dissatisfied 3, dissatisfied 2, very dissatisfied 1); a "
        "score outside it is a typo, refused on its row")


@pytest.mark.parametrize("labels", [
    [("5", "Very satisfied"), ("6", ""), ("4", ""), ("1", "Very dissatisfied"), ("0", ""), ("3", ""), ("2", "")],
    [("5", "5 - Very satisfied"), ("6", "Very satisfied"), ("4", "4 - Satisfied"), ("1", "1 - Very dissatisfied"),
     ("0", ""), ("3", ""), ("2", "")],  # the typo's label, and labels repeating their number (QA round 48b)
])
def test_labels_at_both_ends_or_beside_a_typo_settle_the_scale(labels) -> None:
    result = validation.check_sheet(sheet(API + ["score_label"], *[
        ["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, "", label] for n, (score, label) in enumerate(labels)]),
        PLAIN, time_zone="UTC", now=NOW)
    assert [row.status for row in result.rows] == ["valid", "invalid", "valid", "valid", "invalid", "valid", "valid"]


@pytest.mark.parametrize("labels", [
    [("5", "Very satisfied"), ("4", "Very satisfied"), ("2", "Dissatisfied")],  # 4 is no label's score
    [("9", "Very satisfied"), ("7", "Satisfied"), ("2", "Very dissatisfied")],  # a 1..10 survey labelled by hand
    [("5", "Very satisfied"), ("4", "Satisfied")],  # two scores settle nothing
    [("5", "Very satisfied"), ("3", "Neither satisfied nor dissatisfied"), ("1", "Very dissatisfied"), ("9", ""),
     ("10", ""), ("7", "")],  # unlabelled scores up to 10 beside them: a wider survey (QA round 48b)
])
def test_labels_that_do_not_sit_at_their_scores_settle_no_scale(labels) -> None:
    result = validation.check_sheet(sheet(API + ["score_label"], *[
        ["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, "", label] for n, (score, label) in enumerate(labels)]),
        PLAIN, time_zone="UTC", now=NOW)
    assert not any("labels beside them" in text for text in result.decisions)


def test_it_says_when_a_day_first_zone_meets_dates_read_month_first() -> None:
    """An Australian 5/10/2026 file in Australia/Sydney stays month first (a US 3/10/2026 pads nothing either:
    review 29c), so the decision says what the zone suggests and where to choose (QA round 35b)."""
    stamps = [["5/10/2026 9:14", "1", "381", "", "5", ""], ["6/10/2026 9:14", "2", "381", "", "5", ""]]
    result = validation.check_sheet(sheet(API, *stamps), PLAIN, time_zone="Australia/Sydney", now=NOW)
    assert ("Australia/Sydney usually writes dates day first: if 'submitted_at' is day/month/year (5/10/2026 for "
            "5 October), choose Day-month-year under Date order on the mapping page") in result.decisions


@pytest.mark.parametrize(("text", "score", "message"), [
    ("4/5", 4, None), ("5/5", 5, None), ("4 / 5", 4, None), ("3 out of 5", 3, None), ("2 of 5", 2, None),
    ("★★★★☆", 4, None), ("⭐⭐⭐", 3, None), ("⭐️⭐️", 2, None), ("4 stars", 4, None), ("1 Star", 1, None),
    ("4 Sterne", 4, None), ("3 étoiles", 3, None),
    ("4 von 5", 4, None), ("4 sur 5", 4, None), ("3 de 5", 3, None), ("2 van 5", 2, None),  # QA round 77b
    ("5 - Very satisfied", 5, None), ("1: Not at all", 1, None), ("2) Unhappy", 2, None),
    ("5 (Very satisfied)", 5, None), ("Very satisfied (5)", 5, None), ("4 - Very satisfied", 4, None),
    ("8/10", None, "Row 2, column 'score': '8/10' is a score out of 10, but max_score is 5. If the survey's scale is "
                   "1..10, set Lowest score 1 and Highest score 10 on the mapping page; else enter a whole number "
                   "from 1 to 5."),
    ("0/10", None, "Row 2, column 'score': '0/10' is a score out of 10, but max_score is 5. If the survey's scale is "
                   "0..10, set Lowest score 0 and Highest score 10 on the mapping page; else enter a whole number "
                   "from 1 to 5."),
    ("★★★☆☆☆☆", None, "Row 2, column 'score': '★★★☆☆☆☆' is a score out of 7, but max_score is 5. If the survey's "
                       "scale is 1..7, set Lowest score 1 and Highest score 7 on the mapping page; else enter a whole "
                       "number from 1 to 5."),
    ("5 - Very poor", None, "Row 2, column 'score': '5 - Very poor': the number and the words disagree (5 on 1..5 is "
                            "not where 'Very poor' is on its scale; the survey may number its choices otherwise). "
                            "Enter a whole number from 1 to 5."),
    ("4 - Unsatisfied", None, "Row 2, column 'score': '4 - Unsatisfied': the number and the words disagree (4 on "
                              "1..5 is not where 'Unsatisfied' is on its scale; the survey may number its choices "
                              "otherwise). Enter a whole number from 1 to 5."),
    ("3 - Neither satisfied nor dissatisfied", 3, None), ("2 - Poor", 2, None), ("1 - Bad", 1, None),
    ("3 - Very satisfied", None, "Row 2, column 'score': '3 - Very satisfied': the number and the words disagree (3 "
                                 "on 1..5 is not where 'Very satisfied' is on its scale; the survey may number its "
                                 "choices otherwise). Enter a whole number from 1 to 5."),
    ("1 - Very satisfied", None, "Row 2, column 'score': '1 - Very satisfied': the number and the words disagree (1 "
                                 "on 1..5 is not where 'Very satisfied' is on its scale; the survey may number its "
                                 "choices otherwise). Enter a whole number from 1 to 5."),
    ("6 out of 5", None, "Row 2, column 'score': 6 is above max_score 5. Enter a whole number from 1 to 5."),
    ("★★★★★★", None, "Row 2, column 'score': 6 is above max_score 5. Enter a whole number from 1 to 5."),
])
def test_it_reads_a_score_written_with_its_scale(text, score, message) -> None:
    row = one(score=text)

    assert (row.item or {}).get("score") == score
    assert [problem.message for problem in row.errors] == ([message] if message else [])


@pytest.mark.parametrize("text", ["5-Apr", "Apr-05", "04. Mai", "3. Okt", "4-May", "2-Mar", "5 May 2026", "4-maj",
                                  "04.05.26", "2026-04-05"])
def test_it_refuses_a_score_a_spreadsheet_turned_into_a_date(text) -> None:
    """4/5 shown as 5-Apr, 4.5 as 04. Mai: the number left is a day or a month (QA round 29b); "5 - Very
    satisfied" is still a score with its words."""
    assert [problem.message for problem in one(score=text).errors] == [
        f"Row 2, column 'score': '{text}' is a date a spreadsheet made of the score (4/5 or 4.5 typed into a cell "
        "formatted as a date). Enter a whole number from 1 to 5; in the file, format the column as Text and type the "
        "scores again."]
    assert one(score="5 - Very satisfied").item["score"] == 5


@pytest.mark.parametrize(("header", "extra", "zone", "reason"), [
    ("Fecha", {}, "UTC", "the order of the language this header is written in"),
    ("submitted_at", {"delimiter": ";"}, "UTC", "the order of a file separated by semicolons, as Excel saves CSV "
                                                "where the decimal mark is a comma"),
    ("submitted_at", {}, "Europe/London", "the order used in Europe/London, the time zone chosen for this upload"),
    ("submitted_at", {"stamp": "5/03/2026 14:48"}, "Australia/Sydney",  # Australia's Excel: d/mm/yyyy
     "the order used in Australia/Sydney, the time zone chosen for this upload"),
    ("submitted_at", {"stamp": "5/10/2026 14:48", "declared_time_zones": {"submitted_at": "Pacific/Auckland"}}, "UTC",
     "the order used in Pacific/Auckland, the time zone the file declares for this column"),  # Qualtrics via Excel
    ("submitted_at", {"stamp": "5/10/2026 14:48", "declared_time_zones": {"submitted_at": "Pacific/Chatham"}}, "UTC",
     "the order used in Pacific/Chatham, the time zone the file declares for this column"),  # QA round 67a
    ("Submitted (UK time)", {}, "UTC", "the order used in Europe/London, the place its header names"),
    ("Submitted (BST)", {}, "UTC", "the order used in Europe/London, the place its header names"),  # QA round 34a
    ("Date (dd/mm/yyyy)", {}, "America/New_York", "the format its header names (dd/mm/yyyy)"),  # QA round 35a
    ("submitted_at", {"stamp": "05/10/2026 14:48 BST"}, "UTC",
     "the order used in Europe/London, the place its values' zone names"),
    ("submitted_at", {}, "America/Monterrey", "the order used in America/Monterrey, the time zone chosen for this "
                                              "upload"),  # all of Mexico writes day first (QA round 33b)
])
def test_it_reads_unsettled_dates_day_first_when_the_file_tells_a_european_locale(header, extra, zone, reason) -> None:
    columns = [header, "ticket_id", "agent_id", "score"]
    preset = mapping.Preset(name="Team", columns={"submitted_at": header, "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": "score"})
    sheet_extra = {key: value for key, value in extra.items() if key != "stamp"}
    stamp = extra.get("stamp", "05/10/2026 14:48")
    result = validation.check_sheet(sheet(columns, [stamp, "1", "381", "5"], **sheet_extra), preset, time_zone=zone,
                                    now=NOW)

    assert result.rows[0].item["submitted_at"][:10] == ("2026-03-05" if stamp.startswith("5/03") else "2026-10-05")
    assert result.decisions[0] == (f"'{header}' read as day/month/year, {reason} (no value settles the order: none "
                                   "is a real date with a day above 12)")


@pytest.mark.parametrize(("stamps", "declared", "day"), [
    (["3/1/2026 9:00:10"], {}, "2026-03-01"),
    (["3/10/2026 9:00:10", "3/11/2026 9:00:10"], {}, "2026-03-10"),  # no month visibly padded: a US sheet (review 29c)
    (["03/10/2026 9:00:10"], {"submitted_at": "America/Denver"}, "2026-03-10"),  # a US account's Qualtrics export
])
def test_it_reads_unpadded_slashed_dates_month_first_whatever_the_zone(stamps, declared, day) -> None:
    """3/1/2026 is the United States' M/D/YYYY (Google Forms in a US locale); a UK sheet writes 03/01/2026."""
    preset = mapping.Preset(name="Team", columns={"submitted_at": "submitted_at", "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": "score"})
    data = sheet(["submitted_at", "ticket_id", "agent_id", "score"], *[[stamp, "1", "381", "5"] for stamp in stamps],
                 declared_time_zones=declared)
    result = validation.check_sheet(data, preset, time_zone="Europe/London", now=NOW)
    assert result.rows[0].item["submitted_at"][:10] == day


def test_it_reads_dates_a_spreadsheet_changed_in_the_order_that_puts_them_among_the_columns_other_dates() -> None:
    """A UK Excel turned the naive timestamps into 01/10/2026 and left 2026-10-03T09:00:00Z as it was
    (QA round 29b): only day first puts the changed ones in the first week of October with the others."""
    rows = check(["2026-10-03T09:00:00Z", "1", "381", "", "5", ""], ["01/10/2026 08:37", "2", "381", "", "5", ""],
                 ["05/10/2026 11:00", "3", "381", "", "5", ""], ["2026-10-07T09:00:00Z", "4", "381", "", "5", ""])
    assert [row.item["submitted_at"][:10] for row in rows] == ["2026-10-03", "2026-10-01", "2026-10-05", "2026-10-07"]


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "America/Toronto", "Asia/Tokyo"])
def test_it_reads_unsettled_slashed_dates_month_first_elsewhere(zone) -> None:
    preset = mapping.Preset(name="Team", columns={"submitted_at": "submitted_at", "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": "score"})
    data = sheet(["submitted_at", "ticket_id", "agent_id", "score"], ["05/10/2026 14:48", "1", "381", "5"])
    result = validation.check_sheet(data, preset, time_zone=zone, now=NOW)
    assert result.decisions[0].startswith("'submitted_at' read as month/day/year, the default for dates with slashes")


def test_it_checks_a_mistyped_email_in_the_agent_part_as_an_email() -> None:
    row = _split(["2026-10-05T14:48:00Z", "48500|ana(at)acme.example", "", "5", "0", "1"])[0]
    assert codes(row) == [("agent_email", "not_email")]


def test_it_takes_an_email_in_the_agent_part_as_agent_email() -> None:
    row = _split(["2026-10-05T14:48:00Z", "48500| ana@acme.example", "", "5", "0", "1"])[0]
    assert json.dumps(row.item) == json.dumps({
        "submitted_at": "2026-10-05T14:48:00.000Z", "ticket_id": "48500", "agent_email": "ana@acme.example",
        "score": 5, "min_score": 1, "max_score": 5})


def test_it_prefers_a_mapped_column_over_a_split_part() -> None:
    row = _split(["2026-10-05T14:48:00Z", "48500|381", "999", "5", "0", "1"])[0]
    assert row.item["agent_id"] == "999"


def test_it_names_the_split_column_when_a_part_is_missing() -> None:
    row = _split(["2026-10-05T14:48:00Z", "48500", "", "5", "0", "1"])[0]
    assert codes(row) == [("agent_id", "no_agent")]
    assert "ref has no '|agentid' part and the file has no agent email column" in row.errors[0].message


def test_it_skips_rows_by_rule_and_by_value() -> None:
    preview, offered = _split(["2026-10-05T14:48:00Z", "1|2", "", "5", "1", "1"],
                              ["2026-10-05T14:48:00Z", "1|2", "", "Offered", "0", "1"])
    assert (preview.status, preview.skip_reason) == ("skipped", "Status=1 (Survey Preview): not a real customer response")
    assert offered.skip_reason == "score 'Offered': survey not answered (not a rating)"


def test_it_warns_by_rule_only_when_the_field_is_present() -> None:
    answered, blank = _split(["2026-10-05T14:48:00Z", "1|2", "", "5", "0", "0"],
                             ["2026-10-05T14:48:00Z", "1|2", "", "", "0", "0"])
    assert answered.warnings[0].message == (
        "Row 2, column 'Finished': partial response (Finished=0) but score answered; imported.")
    assert codes(blank) == [("score", "required")] and [problem.message for problem in blank.warnings] == [
        "Row 3, column 'Finished': score is blank because this is a partial response (Finished=0): the customer "
        "never answered it; exclude the row."]  # why it is blank (QA round 69b)


def test_it_skips_an_empty_row() -> None:
    assert one(stamp="", ticket="", agent="", score="").skip_reason == "empty row"


def test_it_uses_constants_and_text_value_maps() -> None:
    preset = mapping.Preset(name="C", columns={k: k for k in ["submitted_at", "ticket_id", "agent_id", "score"]},
                            constants={"agent_email": "team@example.com"},
                            value_maps={"agent_id": {"jane doe": "3812345670011"}})
    row = one(agent="Jane Doe", preset=preset)
    assert (row.item["agent_id"], row.item["agent_email"]) == ("3812345670011", "team@example.com")


def test_it_reports_an_unmapped_required_field() -> None:
    preset = mapping.Preset(name="No date", columns={k: k for k in ["ticket_id", "agent_id", "score"]})
    row = one(preset=preset)
    assert codes(row) == [("submitted_at", "required")]
    assert row.errors[0].message == ("Row 2: submitted_at is required but no column is mapped to it. "
                                     "Choose the submitted_at column on the mapping page.")


# duplicates

def test_it_marks_duplicates_of_an_earlier_valid_row() -> None:
    same = ["2026-10-05T14:48:00Z", "50114", "381", "", "2", "Twice."]
    rows = check(same, ["2026-10-05T14:48:00Z", "9", "381", "", "9", ""], same, same)
    validation.mark_duplicates(rows)
    assert [(r.status, r.duplicate_of) for r in rows] == [
        ("valid", None), ("invalid", None), ("duplicate", 2), ("duplicate", 2)]
    assert rows[2].skip_reason == "identical to row 2 in every mapped field"


def test_it_settles_duplicates_again_after_an_edit() -> None:
    same = ["2026-10-05T14:48:00Z", "50114", "381", "", "2", ""]
    rows = check(same, same)
    validation.mark_duplicates(rows)
    rows[0] = one(ticket="50115")
    validation.mark_duplicates(rows)
    assert [(r.status, r.duplicate_of, r.skip_reason) for r in rows] == [("valid", None, None)] * 2


def test_it_marks_duplicates_fast() -> None:
    rows = [RowResult(n, "valid", {"ticket_id": str(n % 50_000), "score": 5}) for n in range(100_000)]
    started = time.perf_counter()
    validation.mark_duplicates(rows)
    assert time.perf_counter() - started < 2
    assert sum(r.status == "duplicate" for r in rows) == 50_000


# JSON and speed

def test_it_round_trips_results_as_json() -> None:
    row = one(score="6", comment="=x")
    data = json.loads(json.dumps(row.to_json()))
    assert RowResult.from_json(data) == row
    assert Problem.from_json(data["errors"][0]) == row.errors[0]
    assert data["errors"][0] == {"field": "score", "column": "score", "value": "6", "code": "above_max",
                                 "message": "Row 2, column 'score': 6 is above max_score 5. "
                                            "Enter a whole number from 1 to 5."}


def test_it_rechecks_an_edited_row_with_the_stored_context() -> None:
    rows = [["15/3/2026 10:00", "1", "381", "", "5", ""], ["3/4/2026 10:00", "2", "381", "", "9", ""]]
    data = sheet(API, *rows)
    result = validation.check_sheet(data, PLAIN, time_zone="UTC", now=NOW)
    context = json.loads(json.dumps(result.context))
    edited = validation.check_row(["3/4/2026 10:00", "2", "381", "", "4", ""], 3, API, PLAIN, context,
                                  time_zone="UTC", now=NOW)
    assert edited.item["submitted_at"] == "2026-04-03T10:00:00.000Z"  # the column was read day-first


def test_it_checks_100k_rows_in_a_few_seconds() -> None:
    rows = [[f"2026-10-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00", str(900000 + i), str(381 + i % 40),
             f"agent{i % 40}@example.com", str(1 + i % 5), f"comment {i}"] for i in range(100_000)]
    data = sheet(API, *rows)
    started = time.perf_counter()
    result = validation.check_sheet(data, PLAIN, time_zone="America/New_York", now=NOW)
    assert time.perf_counter() - started < 10
    assert result.counts()["valid"] == 100_000


def test_it_refuses_a_persons_name_as_an_agent_id_unless_the_row_has_the_email() -> None:
    """QA round 37c: "Ana Lee" was sent as agent_id (with a warning), which MaestroQA takes over the email."""
    row = one(agent="Jane Doe")
    assert row.status == "invalid" and [error.message for error in row.errors] == [
        "Row 2, column 'agent_id': 'Jane Doe' is a person's name, not the helpdesk's agent id (MaestroQA credits an "
        "agent by its helpdesk id or email). Enter the agent's email or helpdesk id."]  # the email column is mapped
    assert codes(one(agent="Ana")) == codes(one(agent="Lee, Ana")) == [("agent_id", "name_not_id")]  # QA round 48b
    both = one(agent="Jane Doe", email="jane@example.com")
    assert (both.item.get("agent_id"), both.item["agent_email"], warning_codes(both)) == (
        None, "jane@example.com", ["name_dropped"])
    assert one(agent="A-17").warnings == [] and one(agent="jdoe").warnings == [] and one(agent="ABC").errors == []
    assert one(agent="Support").errors == [] and one(agent="Admin").errors == []  # accounts (QA round 38b)
    queue = one(agent="00G5e000001QueUEAS", email="jane@example.com")  # a case a Salesforce queue owns
    assert (queue.item.get("agent_id"), queue.item["agent_email"]) == (None, "jane@example.com")
    assert codes(one(agent="00G5e000001QueUEAS")) == [("agent_id", "queue_id")]


def test_it_warns_on_a_row_with_cells_not_read_until_the_row_is_edited():
    from uploads.parsing import parse_file

    sheet = parse_file(b"submitted_at,ticket_id,agent_id,score,comment\n"
                       b"2026-10-05 09:00,1,A1,5,Great service, thanks\n2026-10-05 10:00,2,A1,4,fine\n")
    checked = validation.check_sheet(sheet, PLAIN, time_zone="UTC")
    warned = checked.rows[0]
    note = ("Row 2: 'comment' held ',' without quotes, which split it into 2 cells: they were read back together as "
            "one. Check the cell.")

    assert (warned.status, warned.item["comment"]) == ("valid", "Great service, thanks")  # QA round 47b
    assert warned.warnings == [Problem("row", None, "", note, "reader_note")]
    assert checked.rows[1].warnings == []
    again = validation.check_row(sheet.rows[0], 2, sheet.columns, PLAIN, checked.context, time_zone="UTC")
    assert again.warnings == warned.warnings
    fixed = validation.check_row(sheet.rows[0][:4] + ["Great service, thanks!"], 2, sheet.columns, PLAIN,
                                 checked.context, time_zone="UTC")
    assert (fixed.status, fixed.warnings, fixed.item["comment"]) == ("valid", [], "Great service, thanks!")


def test_it_refuses_an_id_or_score_an_unquoted_separator_split_at_the_end_of_a_row():
    from uploads.parsing import parse_file

    sheet = parse_file(b"submitted_at,agent_id,comment,score,ticket_id\n2026-10-05 09:00,A1,ok,5,49301, 49302\n"
                       b"2026-10-05 10:00,A1,fine,4,5,5\n2026-10-05 11:00,A1,,3,49303,see Slack\n"
                       b"2026-10-05 12:00,A1,,4,49304\n")
    rows = validation.check_sheet(sheet, PLAIN, time_zone="UTC").rows  # QA round 48b: 49301 and 5 had gone out
    assert [problem.message for problem in rows[0].errors] == [
        "Row 2, column 'ticket_id': may be only part of its value: this row has more cells than the header; column F "
        "('49302') right of the last named column was not read. Type the cell's whole value here, or put it in "
        "quotes in the file and upload it again."]
    assert [problem.code for problem in rows[1].errors] == ["split_cell"]
    assert (rows[2].status, rows[2].item["ticket_id"], [problem.code for problem in rows[2].warnings]) == (
        "valid", "49303", ["reader_note"])  # a note in words beside it


@pytest.mark.parametrize(("header", "zone"), [("Rated at (UTC)", "UTC"), ("created_utc", "UTC"),
                                               ("Time (Europe/Berlin)", "Europe/Berlin"), ("Time (UTC+2)", "UTC+02:00"),
                                               ("Rated at (UTC -05:00)", "UTC-05:00"),
                                               ("Date (GMT+05:30)", "UTC+05:30"), ("Date (CST)", None),
                                               ("created_utc_offset", None), ("utc_timestamp", "UTC"),
                                               ("Date/Time (EST)", "UTC-05:00"), ("Date (ET)", "America/New_York"),
                                               ("Date (Eastern Standard Time)", "UTC-05:00"),
                                               ("Date (PST/PDT)", "America/Los_Angeles"),
                                               ("Date (PDT/PST)", "America/Los_Angeles"),
                                               ("Timestamp (Pacific Time)", "America/Los_Angeles"),
                                               ("Rated at (SGT)", "UTC+08:00"), ("Created (HKT)", "UTC+08:00"),
                                               ("Datum (MEZ)", "UTC+01:00"), ("Date (NZDT)", "UTC+13:00"),
                                               ("Response Date (Central European Time)", "Europe/Berlin"),
                                               ("Submitted (UK time)", "Europe/London"), ("Date (GALT)", None),
                                               ("Date (Gulf time)", None), ("Submitted (Etc/GMT+5)", "Etc/GMT+5"),
                                               ("Submitted (GMT/BST)", "Europe/London"),  # review 36: not UTC
                                               ("Date (West)", None), ("Submitted (America/Argentina)", None),
                                               ("Date (Pacific)", "America/Los_Angeles"),
                                               # QA round 37b: a place's own name for its time, full-width brackets
                                               ("Date (МСК)", "Europe/Moscow"), ("Date（北京时间）", "Asia/Shanghai"),
                                               ("Date (Moscow time)", "Europe/Moscow"), ("Tarih (TSİ)", "Europe/Istanbul"),
                                               ("Date (Israel time)", "Asia/Jerusalem"), ("Date (TRT)", "Europe/Istanbul"),
                                               ("Date (Berlin time)", "Europe/Berlin"),
                                               # QA round 38b: Moscow's offsets, big cities, not a state's name
                                               ("Дата (МСК+4)", "UTC+07:00"), ("Date (Bangalore time)", "Asia/Kolkata"),
                                               ("Date (San Francisco time)", "America/Los_Angeles"),
                                               ("Date (Victoria time)", None),
                                               ("Datum (Berliner Zeit)", "Europe/Berlin"),  # QA round 39a
                                               ("Fecha (hora peninsular)", "Europe/Madrid"),
                                               # QA round 67c: past a date layout in brackets
                                               ("Survey date (dd/mm/yyyy) (America/New_York)", "America/New_York"),
                                               ("Date (dd/mm/yyyy, Europe/Berlin)", "Europe/Berlin")])
def test_it_reads_naive_times_in_the_zone_their_header_names(header, zone) -> None:
    columns = [header, "ticket_id", "agent_id", "score"]
    preset = mapping.Preset(name="Team", columns={"submitted_at": header, "ticket_id": "ticket_id",
                                                  "agent_id": "agent_id", "score": "score"})
    result = validation.check_sheet(sheet(columns, ["2026-10-05 14:48:00", "1", "381", "5"]), preset,
                                    time_zone="America/New_York", now=NOW)

    expected = {"UTC": "2026-10-05T14:48:00.000Z", "Europe/Berlin": "2026-10-05T12:48:00.000Z",
                "UTC+02:00": "2026-10-05T12:48:00.000Z", "UTC-05:00": "2026-10-05T19:48:00.000Z",
                "UTC+05:30": "2026-10-05T09:18:00.000Z",
                "America/New_York": "2026-10-05T18:48:00.000Z", "America/Los_Angeles": "2026-10-05T21:48:00.000Z",
                "UTC+08:00": "2026-10-05T06:48:00.000Z", "UTC+01:00": "2026-10-05T13:48:00.000Z",
                "UTC+13:00": "2026-10-05T01:48:00.000Z", "Europe/London": "2026-10-05T13:48:00.000Z",
                "Etc/GMT+5": "2026-10-05T19:48:00.000Z",  # IANA's Etc signs are the other way (QA round 34b)
                "Europe/Moscow": "2026-10-05T11:48:00.000Z", "Europe/Istanbul": "2026-10-05T11:48:00.000Z",
                "Asia/Jerusalem": "2026-10-05T11:48:00.000Z", "Asia/Shanghai": "2026-10-05T06:48:00.000Z",
                "UTC+07:00": "2026-10-05T07:48:00.000Z", "Asia/Kolkata": "2026-10-05T09:18:00.000Z",
                "Europe/Madrid": "2026-10-05T12:48:00.000Z",
                None: "2026-10-05T18:48:00.000Z"}[zone]
    assert result.rows[0].item["submitted_at"] == expected
    bracket = header[header.index("(") + 1:-1] if "(" in header else ""
    named = bracket if bracket in ("CST", "GALT", "Gulf time", "Victoria time") else ""  # asked; "West" a region
    unread = f" (the file names '{named}' as its zone, which is no time zone read here: choose the zone it means)"
    chosen = ", not America/New_York, the zone chosen for this upload" if zone != "America/New_York" else ""
    assert result.decisions[0] == (f"'{header}' read in {zone}, named in its header{chosen}" if zone else
                                   f"'{header}' read in America/New_York, the time zone chosen for this upload"
                                   + (unread if named else ""))


def test_times_read_in_utc_for_want_of_a_zone_say_how_to_choose_the_teams() -> None:
    """QA round 53c: a German team's local times went out as UTC, the decision saying UTC was chosen."""
    data = sheet(["Datum", "ticket_id", "agent_id", "score"], ["05.10.2026 14:48", "1", "381", "5"])
    result = validation.check_sheet(data, mapping.choose_preset(data, mapping.builtin_presets())[0], time_zone="UTC",
                                    now=NOW)
    assert "'Datum' read in UTC, the upload's time zone: if these are a team's local times, not UTC, choose their " \
           "time zone on the mapping page" in result.decisions


def test_it_reads_a_comment_pandas_wrote_for_an_empty_cell_as_blank() -> None:
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "5", "nan"], ["2026-10-05T14:48:00Z", "2", "381", "", "5",
                                                                        "None"])
    assert [row.item.get("comment") for row in rows] == [None, "None"]
    assert [problem.message for problem in rows[0].warnings] == [
        "Row 2, column 'comment': comment 'nan' is what pandas writes for an empty cell: read as blank."]
    assert rows[1].warnings == []


@pytest.mark.parametrize("ticket", ["922.250.816.601", "922,250,816,605", "922 250 816 604"])
def test_it_refuses_an_id_written_with_thousands_separators(ticket) -> None:
    row = one(ticket=ticket)
    digits = ticket.replace(ticket[3], "")
    assert [problem.message for problem in row.errors] == [
        f"Row 2, column 'ticket_id': {ticket} is a number written with thousands separators (a spreadsheet's number "
        f"format), not the id as the helpdesk shows it. Type the ticket id without the separators ({digits} if "
        "that is the real id), or export the ids as text (in the table, Bulk fix's Find and replace takes them out "
        "of a whole column)."]


def test_a_response_rated_only_on_another_question_has_no_rated_row_for_its_comment() -> None:
    rows = [["R3", "Resolved?", "2026-10-05T14:48:00Z", "00103", "381", "1", ""],
            ["R3", "Any comments?", "2026-10-05T14:48:00Z", "00103", "381", "", "Only this"]]
    result = validation.check_sheet(sheet(LONG_COLUMNS, *rows), LONG, time_zone="UTC", now=NOW)

    assert result.rows[1].skip_reason == (
        "question=Any comments?: another question; this response has no rated row, so its comment is not sent (an "
        "item needs a score)")


def test_it_warns_on_a_dotted_date_in_a_column_read_month_first() -> None:
    rows = check(["10/13/2026 09:00", "1", "381", "", "5", ""], ["05.10.2026 14:48", "2", "381", "", "5", ""])
    assert rows[1].item["submitted_at"] == "2026-05-10T14:48:00.000Z"
    assert [problem.message for problem in rows[1].warnings] == [
        "Row 3, column 'submitted_at': '05.10.2026 14:48' is read as month.day.year like the rest of this column, "
        "but dates written with dots are usually day.month.year: check it."]


def test_it_reads_a_year_first_dotted_date_beside_month_first_ones() -> None:
    rows = check(["2026.10.05 14:00", "1", "381", "", "5", ""], ["10/25/2026 10:00", "2", "381", "", "4", ""])
    assert [row.item["submitted_at"] for row in rows] == ["2026-10-05T14:00:00.000Z", "2026-10-25T10:00:00.000Z"]


def test_it_refuses_a_two_digit_year_that_reads_as_over_a_year_ago() -> None:
    rows = check(["26-10-05 14:48", "1", "381", "", "5", ""], ["05/10/26 14:48", "2", "381", "", "5", ""])
    assert rows[0].errors[0].message == (
        "Row 2, column 'submitted_at': '26-10-05 14:48' has a two-digit year and reads as 2005-10-26, over a year "
        "ago: its parts may be in another order (26-10-05 is also 2026-10-05). Write the year in full, e.g. 2026.")
    assert rows[1].item["submitted_at"] == "2026-10-05T14:48:00.000Z"  # day first, as 26-10-05 decided
    older = check(["12/25/24 10:00", "3", "381", "", "5", ""])[0]  # no year-first reading: last year's answer
    assert older.item["submitted_at"] == "2024-12-25T10:00:00.000Z"


FALLBACK = mapping.Preset.from_json({
    "name": "Teammates", "columns": {"submitted_at": "at", "ticket_id": "id", "agent_id": "teammate",
                                     "agent_email": "teammate email", "score": "rating"},
    "fallback_columns": {"agent_id": "assignee"}})


def test_a_fallback_fills_an_agent_only_when_the_row_names_none() -> None:
    columns = ["at", "id", "teammate", "teammate email", "assignee", "rating"]
    rows = check(["2026-10-05T10:00:00Z", "1", "", "six@acme.example", "5123405", "4"],
                 ["2026-10-05T10:00:00Z", "2", "", "", "5123405", "4"], columns=columns, preset=FALLBACK)
    assert [(row.item.get("agent_id"), row.item.get("agent_email")) for row in rows] == [
        (None, "six@acme.example"), ("5123405", None)]
    shared = mapping.Preset.from_json({**FALLBACK.to_json(), "columns": {
        **FALLBACK.columns, "agent_email": "teammate"}})
    row = check(["2026-10-05T10:00:00Z", "3", "ana@acme.example", "", "", "4"], columns=columns, preset=shared)[0]
    assert (row.item.get("agent_id"), row.item["agent_email"]) == (None, "ana@acme.example")


@pytest.mark.parametrize("text", ["N/A", "-", "?", "TBC", "k.A."])
def test_it_refuses_a_score_cell_marking_no_answer_saying_so(text: str) -> None:
    """QA round 44b: a team sheet's "N/A" had the message 'Enter a whole number', inviting a made-up score."""
    row = one(score=text)
    assert [(problem.code, problem.message) for problem in row.errors] == [(
        "no_answer", f"Row 2, column 'score': '{text}' marks a row with no score to send. Enter a whole number from 1 "
        "to 5 if the customer gave one, or exclude the row.")]


def test_a_builtin_scales_value_map_without_bounds_reads_on_that_scale() -> None:
    """QA round 61b: Lowest and Highest score typed as 1 and 5 on the mapping page, then cleared, left Zendesk's
    good = 1, bad = 0 map on 1..5: every Good went out as 1 of 5."""
    from uploads.wordings import SCALES

    preset = mapping.Preset(name="Cleared", columns={name: name for name in mapping.FIELDS},
                            value_maps={"score": dict(SCALES["good_bad"]["value_map"])})
    rows = check(["2026-10-05T14:48:00Z", "1", "381", "", "Good", ""], ["2026-10-05T14:48:00Z", "2", "381", "", "Bad",
                                                                       ""], preset=preset)
    assert [(row.status, row.item["score"], row.item["min_score"], row.item["max_score"]) for row in rows] == [
        ("valid", 1, 0, 1), ("valid", 0, 0, 1)]


@pytest.mark.parametrize("marker", ["null", "undefined"])
def test_a_json_tools_empty_comment_is_no_comment(marker: str) -> None:
    """QA round 61c: a JSON-to-CSV tool's null went out as the customer's comment "null"; "None" stays (B03)."""
    row = one(comment=marker)
    assert (row.status, "comment" in row.item, [(problem.code, problem.message) for problem in row.warnings]) == (
        "valid", False, [("missing_marker", f"Row 2, column 'comment': comment '{marker}' is what a JSON or JavaScript "
                                            "tool writes for an empty cell: read as blank.")])
    assert one(comment="None").item["comment"] == "None"


def test_it_refuses_a_percentage_saying_it_is_one() -> None:
    """QA round 60b: a team sheet's "80%" was "not an integer", with no word of what it is."""
    assert [(problem.code, problem.message) for problem in one(score="80%").errors] == [(
        "not_integer", "Row 2, column 'score': '80%' is a percentage, not a score on 1..5. Enter a whole number from 1 "
        "to 5: the answer the customer gave.")]


def test_a_value_map_does_not_read_a_word_among_numbers_it_does_not_cover() -> None:
    mapped = mapping.Preset(name="Mapped", columns={name: name for name in mapping.FIELDS},
                            value_maps={"score": {"satisfied": 4}}, constants={"min_score": 1, "max_score": 7})
    rows = check(*[["2026-10-05T14:48:00Z", str(n), "381", "", score, ""] for n, score in
                   enumerate(["7", "6", "7", "Satisfied"])], preset=mapped)
    assert [row.status for row in rows] == ["valid", "valid", "valid", "invalid"]
    assert [problem.code for problem in rows[3].errors] == ["not_integer"]
    fin = mapping.Preset(name="Fin", columns=mapped.columns, value_maps={"score": {"terrible": 1, "amazing": 5}})
    rows = check(*[["2026-10-05T14:48:00Z", str(n), "381", "", score, ""] for n, score in
                   enumerate(["4", "5", "3", "amazing"])], preset=fin)
    assert rows[3].item["score"] == 5  # a word the map covers beside numbers it covers (Intercom's Fin)


def test_it_refuses_an_id_that_is_a_list() -> None:
    row = one(agent="['5f1e01', '5f1e02']", email="")
    assert [problem.message for problem in row.errors] == [
        "Row 2, column 'agent_id': ['5f1e01', '5f1e02'] is a list a data tool wrote into one cell, not one agent id. "
        "Type the one agent id this row is about."]


def test_it_says_when_every_time_is_midnight() -> None:
    stamps = ["2026-10-05 00:00", "2026-10-06 00:00:00", "2026-10-07T00:00:00Z"]
    result = validation.check_sheet(sheet(API, *[[stamp, f"T-{n}", "381", "", "5", ""] for n, stamp in enumerate(stamps)]),
                                    PLAIN, time_zone="UTC", now=NOW)
    other = validation.check_sheet(sheet(API, *[[stamp, f"T-{n}", "381", "", "5", ""] for n, stamp in enumerate(
        stamps[:2] + ["2026-10-07 09:12"])]), PLAIN, time_zone="UTC", now=NOW)

    assert ("Every time in 'submitted_at' is 00:00: if the times were lost (a spreadsheet's date-only format), they "
            "are sent as midnight; export the file again with its times") in result.decisions
    assert not [text for text in other.decisions if "00:00" in text]


TEN = mapping.Preset(name="Ten", columns={name: name for name in mapping.FIELDS},
                     constants={"min_score": 0, "max_score": 10})


@pytest.mark.parametrize(("text", "score", "code"), [
    ("8/10", 8, None), ("10 - Extremely satisfied", 10, None), ("0 (Not at all satisfied)", 0, None),
    ("5 - Very satisfied", None, "number_against_words"),  # the top of a 5-point survey is no 5 of 10
    ("8 stars", 8, None), ("★★★★☆", None, "other_scale"), ("4 (out of 10)", 4, None), ("4 (out of 5)", None,
                                                                                        "other_scale"),
    ("Extremely satisfied (10)", 10, None), ("1 - Très insatisfait", 1, None), ("1 - Muy insatisfecho", 1, None),
])
def test_it_reads_written_scores_on_a_10_point_scale_only_when_they_fit(text, score, code) -> None:
    row = one(score=text, preset=TEN)
    assert ((row.item or {}).get("score"), [problem.code for problem in row.errors]) == (score, [code] if code else [])


@pytest.mark.parametrize(("score", "label", "errors"), [
    ("1", "Very satisfied", ["Row 2, column 'score_label': the label 'Very satisfied' and the score 1 disagree (1 on "
                             "1..5 is not where 'Very satisfied' is on its scale). Correct the score or the label."]),
    ("3", "Bad", []),  # Zendesk labels a 5-point 3 "Bad"
    ("5", "Good", []), ("4", "Satisfied", []),
    ("1", "Great support!", []),  # free text is no scale's word
])
def test_it_refuses_a_label_from_another_column_that_says_the_opposite_of_the_score(score, label, errors) -> None:
    columns = ["submitted_at", "ticket_id", "agent_id", "score", "score_label"]
    rows = check(["2026-10-05T14:48:00Z", "T-1", "381", score, label], columns=columns)
    assert [problem.message for problem in rows[0].errors] == errors


def test_it_reads_an_old_date_with_a_month_name_and_a_two_digit_year() -> None:
    assert one(stamp="4-May-24 10:00").item["submitted_at"] == "2024-05-04T10:00:00.000Z"


def test_it_takes_a_lone_written_score_outside_the_first_scale_for_a_typo() -> None:
    rows = [["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, ""]
            for n, score in enumerate(["5", "4", "3", "5", "4", "5", "2", "5", "4", "5", "6 stars"])]
    result = validation.check_sheet(sheet(API, *rows), SCALED, time_zone="UTC", now=NOW)
    assert [row.row_number for row in result.rows if row.status == "invalid"] == [12]


def test_it_decides_the_scale_without_the_summary_lines() -> None:
    rows = [["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, ""] for n, score in enumerate("54354")]
    result = validation.check_sheet(sheet(API, *rows, ["Total", "", "", "", "21", ""]), SCALED, time_zone="UTC",
                                    now=NOW)
    assert {row.item["max_score"] for row in result.rows if row.item} == {5}


def test_it_names_the_row_of_a_lone_written_score_whose_top_leaves_the_scale() -> None:
    rows = [["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, ""]
            for n, score in enumerate(["5", "4", "3", "5", "4", "5", "2", "5", "4", "5", "3/10"])]
    result = validation.check_sheet(sheet(API, *rows), SCALED, time_zone="UTC", now=NOW)
    assert result.decisions[-1].startswith("Scores read on the scale 1..5, the first of 1..5, 1..7: it holds every "
                                           "score in this file but one, 10 in row 12")


def test_it_takes_no_typos_where_a_system_exports_the_scores() -> None:
    delighted = mapping.Preset(name="Exported", columns={name: name for name in mapping.FIELDS},
                               score_scales=[[1, 5], [0, 10]])
    rows = [["2026-10-05T14:48:00Z", f"T-{n}", "381", "", score, ""] for n, score in enumerate("543545432" + "0")]
    result = validation.check_sheet(sheet(API, *rows), delighted, time_zone="UTC", now=NOW)
    assert {(row.status, row.item["min_score"], row.item["max_score"]) for row in result.rows} == {("valid", 0, 10)}


def test_it_marks_a_retyped_row_whose_email_differs_only_in_case_a_duplicate() -> None:
    rows = check(["2026-10-05T14:48:00Z", "50101", "", "ben@example.com", "5", "ok"],
                 ["2026-10-05T14:48:00Z", "50101", "", "BEN@EXAMPLE.COM", "5", "ok"])
    validation.mark_duplicates(rows)

    assert [(row.status, row.item["agent_email"]) for row in rows] == [
        ("valid", "ben@example.com"), ("duplicate", "BEN@EXAMPLE.COM")]


def test_it_warns_of_a_zone_abbreviation_of_the_other_season() -> None:
    """Many sheets write PST all year: read at PST's offset, with a word when Los Angeles was on PDT (review 36)."""
    row = one(stamp="7/5/2026 10:00 AM PST")
    assert (row.item["submitted_at"], [problem.message for problem in row.warnings]) == ("2026-07-05T18:00:00.000Z", [
        "Row 2, column 'submitted_at': PST is UTC-08:00, but America/Los_Angeles was on UTC-07:00 that day: read at "
        "PST's offset; if the time is that place's clock, it is an hour off."])
    assert one(stamp="11/5/2026 10:00 AM PST").warnings == []
    # Perth's and Adelaide's own clocks, not Sydney's, said "an hour off" (QA round 67a)
    assert [one(stamp=f"2026-07-01 10:00:00 {word}").warnings for word in ("AWST", "ACST")] == [[], []]
    assert [problem.message for problem in one(stamp="2026-07-01 10:00:00 ACDT").warnings] == [
        "Row 2, column 'submitted_at': ACDT is UTC+10:30, but Australia/Adelaide was on UTC+09:30 that day: read at "
        "ACDT's offset; if the time is that place's clock, it is an hour off."]


def test_a_date_alone_on_a_night_without_midnight_is_read_at_one() -> None:
    """QA round 34b: Santiago skips 00:00 on 6 September 2026; the user typed no time, so the date is no error."""
    row = one(stamp="2026-09-06", time_zone="America/Santiago")
    assert (row.status, row.item["submitted_at"]) == ("valid", "2026-09-06T04:00:00.000Z")
    assert [problem.message for problem in row.warnings] == [
        "Row 2, column 'submitted_at': '2026-09-06' has no time part, and midnight does not exist in "
        "America/Santiago on 2026-09-06 (clocks skip it): 01:00 assumed."]


def test_it_reads_an_agent_email_saying_no_agent_as_blank() -> None:
    """A PivotTable's "(blank)" in the email column was refused as no address (QA round 34a)."""
    row = one(agent="381", email="(blank)")
    assert (row.status, row.item.get("agent_email"), warning_codes(row)) == ("valid", None, ["no_agent_word"])
    assert one(agent="", email="(blank)").errors[0].code == "no_agent"


def test_it_takes_the_order_that_keeps_every_date_before_tomorrow_when_it_spreads_them_less() -> None:
    """QA round 34b: 1-12 October and November written day first reached December read month first; QA round
    35a: one mistyped December date among November answers did not turn the column day first."""
    months = _stamps(*[f"{day:02d}/{month}/2026 10:00" for month in (10, 11) for day in range(1, 13)])
    assert [row.item["submitted_at"][:10] for row in months.rows][:2] == ["2026-10-01", "2026-10-02"]
    assert months.decisions[0].startswith(
        "'submitted_at' read as day/month/year, as read month/day/year 2 of its dates would be after today")
    typo = _stamps(*[f"11/{day}/2026 10:00" for day in range(2, 11)], "12/4/2026 10:02")
    assert [row.item["submitted_at"][:10] for row in typo.rows[:2]] == ["2026-11-02", "2026-11-03"]
    assert (typo.rows[-1].status, typo.rows[-1].errors[0].code) == ("invalid", "future")
    month_first = replace(PLAIN, date_order="MDY")  # SurveyMonkey's, re-saved by a UK Excel (QA round 48b)
    resaved = _stamps(*[f"{day:02d}/10/2026 10:00" for day in range(1, 13)], preset=month_first)
    assert [row.item["submitted_at"][:10] for row in resaved.rows][-1] == "2026-10-12"
    assert resaved.decisions[0].endswith(", though the mapping's Date order says month/day/year (no value settles "
                                         "the order: none is a real date with a day above 12)")


def test_a_month_first_date_order_that_dotted_dates_overrule_says_so() -> None:
    """QA round 53c: Month-day-year chosen for 03.10.2026 changed nothing, without a word."""
    dotted = _stamps("03.10.2026 08:30", "04.10.2026 09:30", preset=replace(PLAIN, date_order="MDY"))
    assert [row.item["submitted_at"][:10] for row in dotted.rows] == ["2026-10-03", "2026-10-04"]
    assert dotted.decisions[0] == (
        "'submitted_at' read as day/month/year, the default for dates with dots or dashes (no value settles the "
        "order: none is a real date with a day above 12), not month/day/year as the mapping's Date order says: no "
        "locale writes a date with dots month first")


def test_a_date_either_order_reads_gets_a_warning_in_a_column_of_both_orders() -> None:
    """QA round 37c: beside 09/15/2026 and 17/09/2026, 10/09/2026 was sent as 9 October without a word."""
    rows = [[stamp, f"T-{n}", "381", "", "5", ""] for n, stamp in enumerate(
        ["09/15/2026 09:00", "09/16/2026 09:00", "17/09/2026 09:00", "10/09/2026 09:00"])]
    result = validation.check_sheet(sheet(API, *rows), PLAIN, time_zone="UTC", now=NOW)
    assert [row.status for row in result.rows] == ["valid", "valid", "invalid", "valid"]
    assert [warning.message for warning in result.rows[3].warnings] == [
        "Row 5, column 'submitted_at': '10/09/2026 09:00' could be read either way, and this column holds dates of "
        "both orders (see the decisions): read as month/day/year like most of them; check it."]


def test_a_score_column_of_words_chosen_under_a_header_of_its_own_is_read_on_its_wording() -> None:
    """QA round 55b: chosen on the mapping page, "How did we do?" of Very satisfied .. Dissatisfied refused every
    row ("'Very satisfied' is not an integer"); under "Rating" the words were read."""
    data = sheet(["Ticket", "Date", "Agent email", "How did we do?"],
                 *[[str(100 + n), "2026-10-05 10:00", "a@example.com", word]
                   for n, word in enumerate(["Very satisfied", "Satisfied", "Neutral", "Dissatisfied"])])
    preset = mapping.Preset(name="Chosen", columns={"ticket_id": "Ticket", "submitted_at": "Date",
                                                    "agent_email": "Agent email", "score": "How did we do?"})
    result = validation.check_sheet(data, preset, time_zone="UTC", now=NOW)
    assert [(row.item["score"], row.item["max_score"]) for row in result.rows] == [(5, 5), (4, 5), (3, 5), (2, 5)]


@pytest.mark.parametrize(("header", "said"), [("Ticket created", True), ("Conversation started at", True),
                                              ("Conversation rating created at", False), ("Date", False)])
def test_it_says_when_the_date_sent_is_the_tickets_creation_and_not_the_answers(header: str, said: bool) -> None:
    """QA round 56a F2: a team sheet whose only date is 'Ticket created' sent it without a word."""
    preset = mapping.Preset(name="Sheet", columns={**PLAIN.columns, "submitted_at": header})
    result = validation.check_sheet(sheet([header, *API[1:]], ["2026-10-05 14:48", "50101", "381", "", "5", ""]),
                                    preset, time_zone="UTC", now=NOW)
    sentence = (f"'{header}' is when each ticket was opened, not when its survey was answered: it is sent as "
                "submitted_at because no other column dates the answers. If the file has one, map it on the mapping "
                "page")
    assert (sentence in result.decisions) == said


def test_a_workbooks_null_comment_is_sent_as_typed_with_a_warning_and_a_null_score_reads_blank() -> None:
    """QA round 57a: an SSMS grid pasted into Excel; B03 keeps typed text, so the comment is kept, with a word."""
    row = one(comment="NULL")
    assert (row.item["comment"], [w.message for w in row.warnings]) == ("NULL", [
        "Row 2, column 'comment': comment 'NULL' is what a database's grid shows for an empty cell: sent as typed; "
        "clear the cell if the customer wrote nothing."])
    row = one(score="NULL")
    assert (codes(row), [w.message for w in row.warnings]) == ([("score", "required")], [
        "Row 2, column 'score': score 'NULL' is what a database export writes for an empty cell: read as blank."])
    assert items.clean_label("NULL", {}, True) == items.clean_label("", {}, True)  # the score's warning says it


def test_words_line_break_in_a_comment_is_sent_as_a_line_break_with_a_warning() -> None:
    """QA round 57d: Shift+Enter in Word, pasted into a sheet, refused the row as a control character."""
    row = one(comment="First line\x0bsecond line")
    assert (row.item["comment"], [w.message for w in row.warnings]) == ("First line\nsecond line", [
        "Row 2, column 'comment': comment held Word's line break (U+000B, a vertical tab): sent as a line break."])
    row = one(comment="Page one\x0cPage two")  # Word's page break (QA round 59b)
    assert (row.item["comment"], [w.message for w in row.warnings]) == ("Page one\nPage two", [
        "Row 2, column 'comment': comment held Word's page break (U+000C, a form feed): sent as a line break."])


def test_it_says_when_no_score_comes_near_the_top_of_a_wide_scale() -> None:
    """QA round 64c: 0..1000 set on the mapping page for answers 1..5 was taken without a word."""
    preset = replace(PLAIN, constants={"min_score": 0, "max_score": 1000})
    result = validation.check_sheet(sheet(API, ["2026-10-05T14:48:00Z", "50101", "381", "", "5", ""],
                                          ["2026-10-05T14:49:00Z", "50102", "381", "", "2", ""]),
                                    preset, time_zone="UTC", now=NOW)
    assert result.rows[0].item["max_score"] == 1000
    assert ("No score in this file is above 5, yet the scale is 0..1000: each is sent as that many of 1000. If the "
            "survey's scale is smaller, set it as Lowest score and Highest score on the mapping page") in result.decisions


def test_the_score_hint_offers_words_only_on_their_own_scale() -> None:
    """QA round 65a: a 0..10 survey's blank score offered 'very satisfied = 5', which was then refused."""
    words = {"very satisfied": 5, "satisfied": 4, "neutral": 3, "dissatisfied": 2, "very dissatisfied": 1}
    assert scorecells.scale_hint(0, 10, words) == "Enter a whole number from 0 to 10"
    assert scorecells.scale_hint(1, 5, words) == (
        "Enter a whole number from 1 to 5 (or a word: very satisfied = 5, satisfied = 4, neutral = 3, "
        "dissatisfied = 2, very dissatisfied = 1)")


def test_it_names_pandas_empty_date() -> None:
    """QA round 65a: NaT got the generic "not a date"."""
    assert [problem.message for problem in one(stamp="NaT").errors] == [
        "Row 2, column 'submitted_at': 'NaT' is what pandas writes for an empty date: this row has no date. Enter when "
        "the customer answered, e.g. 2026-10-05 14:48:00."]
