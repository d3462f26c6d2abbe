"""The upload and mapping pages: bad files, presets saved per source, reading overrides."""

import html
import json
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from uploads.models import SavedPreset, Upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client):
    user = get_user_model().objects.create_user("maria", password="pw-123456789")
    client.force_login(user)
    return client


def upload(client, name: str, content: bytes, time_zone: str = "UTC"):
    return client.post("/uploads/new/", {"file": SimpleUploadedFile(name, content), "time_zone": time_zone})


def test_it_requires_a_login(client):
    assert client.get("/").status_code == 302
    assert client.get("/").url.startswith("/login/")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "This file is empty (0 bytes): export it again from the survey tool or helpdesk, or save it again "
              "from the spreadsheet, and upload that file."),
        (b"ticket_id,score\n", "The file has a header row but no data rows."),
        (b"name,colour\nann,red\n", "No column could be a ticket id"),
    ],
)
def test_it_explains_a_bad_file_and_stores_nothing(client_in, content, message):
    response = upload(client_in, "bad.csv", content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Upload.objects.count() == 0


def test_it_reads_a_file_in_the_encoding_chosen_on_the_upload_form(client_in):
    greek = "\u0395\u03c5\u03c7\u03b1\u03c1\u03b9\u03c3\u03c4\u03ce \u03c0\u03bf\u03bb\u03cd"
    content = f"ticket_id,agent_id,score,submitted_at,comment\n7,A1,5,2026-10-01T10:00:00Z,{greek}\n".encode("cp1253")
    form = {"file": SimpleUploadedFile("g.csv", content), "time_zone": "UTC", "encoding": "cp1253"}
    created = Upload.objects.get(pk=int(client_in.post("/uploads/new/", form).url.split("/")[2]))
    assert (created.encoding, created.rows.get().item["comment"]) == ("cp1253", greek)
    page = client_in.get(f"/uploads/{created.pk}/mapping/").content.decode()
    assert '<option value="cp1253" selected>Windows-1253 (Greek)</option>' in page  # read again in it by default


def test_a_utf16_file_without_a_byte_order_mark_is_named_and_read_again_as_utf16(client_in):
    """QA round 76c: the page said "encoding utf-16-le" while the Text encoding box showed Detect."""
    content = "ticket_id,agent_id,score,submitted_at\n7,A1,5,2026-10-01T10:00:00Z\n".encode("utf-16-le")
    created = Upload.objects.get(pk=int(upload(client_in, "u.csv", content).url.split("/")[2]))
    page = client_in.get(f"/uploads/{created.pk}/mapping/").content.decode()
    assert (created.encoding, created.rows.get().status) == ("utf-16-le", "valid")
    assert '<option value="utf-16" selected>UTF-16 (Excel Unicode Text)</option>' in page
    assert "encoding utf-16-le" not in page


def test_a_double_quote_a_browser_sent_as_percent_22_is_the_file_names_own(client_in):
    """QA round 76c: 'survey "final".csv' showed as survey %22final%22.csv on every page and report."""
    content = b"ticket_id,agent_id,score,submitted_at\n7,A1,5,2026-10-01T10:00:00Z\n"
    created = Upload.objects.get(pk=int(upload(client_in, "survey %22final%22.csv", content).url.split("/")[2]))
    assert created.filename == 'survey "final".csv'


def test_it_shows_the_mapping_with_samples_and_reasons(client_in, shared):
    response = upload(client_in, "z.csv", (shared / "samples/zendesk_satisfaction_ratings.csv").read_bytes())
    page = client_in.get(response.url).content.decode()
    assert "Mapping: <strong>Zendesk satisfaction ratings</strong> — matched columns " in page  # named once (71c)
    assert "assignee_id" in page


def test_a_header_of_pasted_text_is_shortened_on_the_pages(client_in):
    """QA round 53c: a 51,000-character header made the pages 400,000 px wide and 14,000 px tall."""
    long = "Please tell us more " * 50
    content = f"ticket_id,agent_email,score,submitted_at,{long}\n42,a@example.com,5,2026-10-01 10:00:00,x\n".encode()
    created = Upload.objects.get(pk=int(upload(client_in, "a.csv", content).url.split("/")[2]))
    mapping_page = client_in.get(f"/uploads/{created.pk}/mapping/").content.decode()
    table_page = client_in.get(f"/uploads/{created.pk}/").content.decode()
    assert long not in mapping_page and long not in table_page.replace(f'title="{long}"', "")
    assert f">{long[:79]}…</option>" in mapping_page and f">{long[:79]}…</a>" in table_page


def test_a_column_the_user_chose_says_so_on_the_mapping_page(client_in):
    """QA round 53c: the Why column said the preset took the comment from the column the user had chosen."""
    content = b"ticket_id,agent_email,score,submitted_at,Notes\n42,a@example.com,5,2026-10-01 10:00:00,Quick\n"
    created = Upload.objects.get(pk=int(upload(client_in, "a.csv", content).url.split("/")[2]))
    form = {"time_zone": "UTC", "field_ticket_id": "ticket_id", "field_agent_email": "agent_email",
            "field_score": "score", "field_submitted_at": "submitted_at", "field_comment": "Notes"}
    client_in.post(f"/uploads/{created.pk}/mapping/", form)
    created.refresh_from_db()
    assert created.preset["reasons"]["comment"] == "chosen by you on the mapping page"
    assert created.preset["reasons"]["ticket_id"] != "chosen by you on the mapping page"


def test_it_saves_a_mapping_and_applies_it_to_the_next_file_with_those_columns(client_in):
    content = b"Case,Rep,Stars,When\n00042,agent.one@example.com,5,2026-10-01 10:00:00\n"
    first = Upload.objects.get(pk=int(upload(client_in, "a.csv", content).url.split("/")[2]))
    form = {"time_zone": "UTC", "field_ticket_id": "Case", "field_agent_email": "Rep",
            "field_score": "Stars", "field_submitted_at": "When"}
    client_in.post(f"/uploads/{first.pk}/mapping/", form)
    first.refresh_from_db()
    assert first.rows.get().item == {
        "submitted_at": "2026-10-01T10:00:00.000Z", "ticket_id": "00042",
        "agent_email": "agent.one@example.com", "score": 5, "min_score": 1, "max_score": 5,
    }
    saved = client_in.post(f"/uploads/{first.pk}/mapping/save/", {"name": "Team sheet"}, follow=True)
    assert sorted(SavedPreset.objects.get().data["detect"]) == ["Case", "Rep", "Stars", "When"]
    assert 'name="name" value="Team sheet"' in saved.content.decode()  # Export names it so (QA round 52b)
    assert first.events.get(action="preset_saved").details == {"name": "Team sheet"}

    second = Upload.objects.get(pk=int(upload(client_in, "b.csv", content).url.split("/")[2]))
    assert second.preset_name == "Team sheet"
    assert second.preset_reason == (  # whose, and when: not a built-in (QA round 47c)
        f"matched Team sheet: columns Case, Rep, Stars, When (a preset saved by maria on "
        f"{SavedPreset.objects.get().created_at:%d %b %Y})")
    assert second.rows.get().status == "valid"
    exported = json.loads(client_in.get(f"/uploads/{second.pk}/mapping/preset.json").content)
    assert exported["columns"]["ticket_id"] == "Case"


def test_a_saved_mapping_is_not_taken_for_a_file_with_more_columns_and_keeps_its_zone(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    form = {"time_zone": "Europe/London", "date_order": "DMY", "field_ticket_id": "ticket_id",
            "field_agent_id": "agent_id", "field_score": "score", "field_submitted_at": "submitted_at"}
    client_in.post(f"/uploads/{created.pk}/mapping/", form)
    client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "UK slash London"})

    wider = b"submitted_at,ticket_id,agent_id,agent_email,score\n2026-10-05T10:00:00Z,9,,b@example.com,4\n"
    other = Upload.objects.get(pk=int(upload(client_in, "wider.csv", wider).url.split("/")[2]))
    assert other.preset_name == "Plain API fields"
    assert other.rows.get().item["agent_email"] == "b@example.com"

    again = Upload.objects.get(pk=int(upload(client_in, "uk2.csv", UK_DATES, time_zone="").url.split("/")[2]))
    assert (again.preset_name, again.time_zone) == ("UK slash London", "Europe/London")
    assert again.rows.order_by("number").first().item["submitted_at"] == "2026-10-05T09:00:00.000Z"
    chosen = Upload.objects.get(pk=int(upload(client_in, "uk3.csv", UK_DATES, "America/New_York").url.split("/")[2]))
    assert (chosen.preset_name, chosen.time_zone) == ("UK slash London", "America/New_York")  # the uploader's choice
    assert chosen.rows.order_by("number").first().item["submitted_at"] == "2026-10-05T14:00:00.000Z"


def test_a_manager_replaces_their_own_preset_and_the_newer_of_two_matching_presets_wins(client_in):
    """QA round 71c: saving a corrected mapping under the same name was refused, and a copy saved under another
    name never won over the old preset: its wrong zone was applied to every later file."""
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    form = {"time_zone": "Europe/London", "date_order": "DMY", "field_ticket_id": "ticket_id",
            "field_agent_id": "agent_id", "field_score": "score", "field_submitted_at": "submitted_at"}
    client_in.post(f"/uploads/{created.pk}/mapping/", form)
    client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "UK sheet"})
    client_in.post(f"/uploads/{created.pk}/mapping/", {**form, "time_zone": "America/New_York"})
    page = client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "uk SHEET"}, follow=True)
    assert ("You saved a preset called 'UK sheet' on " in html.unescape(page.content.decode())
            and SavedPreset.objects.get().data["time_zone"] == "Europe/London")
    page = client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "UK sheet", "replace": "on"}, follow=True)
    assert SavedPreset.objects.get().data["time_zone"] == "America/New_York"
    assert "Replaced the preset 'UK sheet'." in html.unescape(page.content.decode())
    other = get_user_model().objects.create_user("tom", password="pw-123456789")
    client_in.force_login(other)
    his = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    page = client_in.post(f"/uploads/{his.pk}/mapping/save/", {"name": "uk sheet", "replace": "on"}, follow=True)
    assert ("A preset called 'UK sheet' already exists, saved by maria: only they can replace it. Choose another "
            "name.") in html.unescape(page.content.decode())
    client_in.force_login(SavedPreset.objects.get().created_by)

    client_in.post(f"/uploads/{created.pk}/mapping/", {**form, "time_zone": "Asia/Kolkata"})
    client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "UK sheet (India)"})
    later = Upload.objects.get(pk=int(upload(client_in, "uk2.csv", UK_DATES, time_zone="").url.split("/")[2]))
    assert (later.preset_name, later.time_zone) == ("UK sheet (India)", "Asia/Kolkata")


def test_it_refuses_to_save_a_preset_under_a_built_in_name(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    page = client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "plain API FIELDS"}, follow=True)
    assert "&#x27;plain API FIELDS&#x27; is the name of a built-in preset; choose another name." in page.content.decode()


def test_it_says_why_a_preset_was_not_saved_or_the_file_not_read_again(client_in):
    """QA round 76c: a name of spaces only, a header row of 100000 or "abc" did nothing and said nothing."""
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    said = {data.get("name", data.get("header_row")): html.unescape(client_in.post(
        f"/uploads/{created.pk}/mapping/{'save' if 'name' in data else 'reread'}/", data, follow=True).content.decode())
        for data in ({"name": "   "}, {"name": "x" * 101}, {"header_row": "100000"}, {"header_row": "abc"})}

    assert "Nothing was saved: Save this mapping as: Enter a name for the preset." in said["   "]
    assert ("Nothing was saved: Save this mapping as: A preset's name has at most 100 characters (it has 101)."
            in said["x" * 101])
    assert ("Nothing was read again: Header row: Ensure this value is less than or equal to 1000."
            in said["100000"])
    assert "Nothing was read again: Header row: Enter a whole number." in said["abc"]


def test_it_keeps_the_upload_when_reading_again_fails(client_in):
    content = b"Team CSAT export\nticket_id,agent_id,score,submitted_at\n7,A1,5,2026-10-01T10:00:00Z\n"
    created = Upload.objects.get(pk=int(upload(client_in, "t.csv", content).url.split("/")[2]))
    assert created.header_row == 2
    response = client_in.post(f"/uploads/{created.pk}/mapping/reread/", {"header_row": "1"}, follow=True)
    created.refresh_from_db()
    assert (created.header_row, created.rows.count()) == (2, 1)
    assert ("Your settings under Read the file differently could not read the file, so nothing changed: it is "
            "still read as shown below. No column could be a ticket id") in html.unescape(response.content.decode())


def test_reading_again_keeps_the_mapping_the_user_set_while_its_columns_are_there(client_in):
    """QA round 71c: Read again (even with the detected settings) put back 1..5, Automatic date order and the comment
    column the user had left out, and said only that edits were dropped."""
    content = b"Team CSAT\nsubmitted_at,ticket_id,agent_id,score,comment\n05/10/2026 10:00,1,111,7,ok\n"
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", content).url.split("/")[2]))
    client_in.post(f"/uploads/{created.pk}/mapping/", {
        "time_zone": "UTC", "date_order": "DMY", "field_ticket_id": "ticket_id", "field_agent_id": "agent_id",
        "field_score": "score", "field_submitted_at": "submitted_at", "min_score": "0", "max_score": "10"})
    wanted = {"submitted_at": "2026-10-05T10:00:00.000Z", "ticket_id": "1", "agent_id": "111", "score": 7,
              "min_score": 0, "max_score": 10}
    created.refresh_from_db()
    assert created.rows.get().item == wanted
    page = client_in.post(f"/uploads/{created.pk}/mapping/reread/", {"encoding": "utf-8"}, follow=True)
    assert ("The file was read again with your settings; edits made in the table were dropped. Your mapping (its "
            "columns, scale and date order) was kept.") in html.unescape(page.content.decode())
    created.refresh_from_db()
    assert created.rows.get().item == wanted
    assert created.changes.first().description == "read the file again with encoding utf-8; earlier edits were dropped"
    assert "data-confirm" not in client_in.get(f"/uploads/{created.pk}/mapping/").content.decode()
    created.changes.create(action="edit", description="row 3: comment", cells_changed=1)
    assert ('data-confirm="Reading the file again drops the 1 change made in the rows table (edits, fixes, '
            'deletions), and they cannot be undone. Read it again?"') in client_in.get(
                f"/uploads/{created.pk}/mapping/").content.decode()  # QA round 72c: dropped without a word


def test_a_split_that_gives_a_field_nothing_says_so(client_in, shared):
    """QA round 53c: agent_id showed as mapped to ExternalReference's part 2, which no cell had."""
    content = (shared / "samples/qualtrics_csat_numeric_3header.csv").read_bytes()
    content = re.sub(rb",(\d+)\|\d+,", rb",\1,", content)
    created = Upload.objects.get(pk=int(upload(client_in, "q.csv", content).url.split("/")[2]))
    assert "part 2 of &#x27;ExternalReference&#x27; split at &#x27;|&#x27;: no cell of &#x27;ExternalReference&#x27; " \
           "has a part 2, so no row&#x27;s agent id comes from it" in client_in.get(
               f"/uploads/{created.pk}/mapping/").content.decode()


def test_the_table_page_names_the_zone_the_file_declares(client_in, shared):
    """QA round 53c: it said "time zone UTC" for a Qualtrics file whose times are read in its declared zone."""
    response = upload(client_in, "q.csv", (shared / "samples/qualtrics_csat_numeric_3header.csv").read_bytes())
    page = client_in.get(response.url.replace("/mapping/", "/")).content.decode()
    assert "time zone America/Los_Angeles (declared by the file)" in page


def test_it_says_when_the_rows_are_being_checked(client_in, shared):
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    created = Upload.objects.get(pk=int(response.url.split("/")[2]))
    Upload.objects.filter(pk=created.pk).update(status=Upload.Status.CHECKING)
    page = client_in.get(response.url).content.decode()
    assert ('<p class="notice" role="status" id="busy-notice">Checking rows: someone is reading or checking this '
            "upload's rows right now, so a change made here is refused until that is done. Reload this page in a minute.</p>"
            ) in page


def test_it_refuses_a_preset_file_with_a_broken_pattern(client_in, shared):
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", b'{"name": "x", "columns": {"score": "re:(("}}')
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    assert "preset.columns.score: the pattern &#x27;((&#x27; is not a valid regular expression" in page.content.decode()
    both = SimpleUploadedFile("p.json", b'{"name": "x", "columns": {"score": "re:satisf && label:re:(("}}')
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": both}, follow=True)
    assert "preset.columns.score: the pattern &#x27;((&#x27; is not a valid regular expression" in page.content.decode()
    rows = SimpleUploadedFile("r.json", b'{"name": "x", "comment_rows": {"by": "a", "question": "b", "match": "(("}}')
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": rows}, follow=True)
    assert ("What did not fit: comment_rows.match &#x27;((&#x27; is not a valid regular expression "
            "(missing ), unterminated subpattern at position 1).") in page.content.decode()


UK_DATES = b"submitted_at,ticket_id,agent_id,score\n05/10/2026 10:00,1,111,5\n06/10/2026 11:00,2,111,4\n"


def _remap_dates(client, created: Upload, date_order: str) -> None:
    """Post the mapping page of an upload of the API's own columns with `date_order` ('DMY', 'MDY')."""
    client.post(f"/uploads/{created.pk}/mapping/", {
        "time_zone": "UTC", "date_order": date_order, "field_ticket_id": "ticket_id", "field_agent_id": "agent_id",
        "field_score": "score", "field_submitted_at": "submitted_at"})


def test_it_reads_dates_day_first_when_the_user_chooses_it(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    page = client_in.get(f"/uploads/{created.pk}/mapping/").content.decode()
    assert ("&#x27;submitted_at&#x27; read as month/day/year, the default for dates with slashes (no value "
            "settles the order: none is a real date with a day above 12); read day/month/year, 05/10/2026 would be 5 "
            "October 2026: if the file writes dates that way, choose that Date order on the mapping page. "
            '<a href="#id_date_order" id="date-order-link">') in page  # the other reading named: QA round 61a
    _remap_dates(client_in, created, "DMY")
    created.refresh_from_db()
    assert [row.item["submitted_at"] for row in created.rows.order_by("number")] == [
        "2026-10-05T10:00:00.000Z", "2026-10-06T11:00:00.000Z"]
    assert created.preset["date_order"] == "DMY"
    assert '<option value="DMY" selected>' in client_in.get(f"/uploads/{created.pk}/mapping/").content.decode()


def test_it_says_when_an_edit_settles_the_date_order_of_the_rows_nobody_edited(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    row = created.rows.get(number=3)
    client_in.post(f"/uploads/{created.pk}/cells/", {"row": row.pk, "column": 0, "text": "28/02/2026 10:00",
                                                          "old": "06/10/2026 11:00"})
    form = {"time_zone": "UTC", "date_order": "", "field_ticket_id": "ticket_id", "field_agent_id": "agent_id",
            "field_score": "score", "field_submitted_at": "submitted_at"}
    page = client_in.post(f"/uploads/{created.pk}/mapping/", form, follow=True).content.decode()
    assert ("&#x27;submitted_at&#x27; now read as day/month/year, no longer as month/day/year: any date in it "
            "written like 05/10/2026 (day and month both 12 or less) now reads the other way; because of "
            "28/02/2026 10:00 in row 3.") in page
    assert created.rows.get(number=2).item["submitted_at"] == "2026-10-05T10:00:00.000Z"
    assert "no longer as month/day/year" in created.changes.order_by("-pk").first().description


TEN_POINT = b"Date,Ticket,Agent,Score\n2026-10-05 10:00,1,111,0\n2026-10-06 11:00,2,111,10\n2026-10-07 11:00,3,111,8\n"
TEN_POINT_FORM = {"time_zone": "UTC", "date_order": "", "field_ticket_id": "Ticket", "field_agent_id": "Agent",
                  "field_score": "Score", "field_submitted_at": "Date"}


def test_it_reads_the_survey_scale_the_user_sets(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "team.csv", TEN_POINT).url.split("/")[2]))
    page = client_in.get(f"/uploads/{created.pk}/mapping/").content.decode()
    assert ("3 scores lie outside 1..5, the scale used when a file names none (this file&#x27;s run from 0 to 10): if "
            "the survey&#x27;s scale is 0..10, set Lowest score 0 and Highest score 10 on the mapping page") in page

    client_in.post(f"/uploads/{created.pk}/mapping/", {**TEN_POINT_FORM, "min_score": "0", "max_score": "10"})
    created.refresh_from_db()
    assert [(row.item["score"], row.item["min_score"], row.item["max_score"])
            for row in created.rows.order_by("number")] == [(0, 0, 10), (10, 0, 10), (8, 0, 10)]
    page = client_in.get(f"/uploads/{created.pk}/mapping/").content.decode()
    assert 'name="max_score" value="10"' in page
    assert "constant 10; the survey&#x27;s scale, set on the mapping page; sent on every row" in page

    client_in.post(f"/uploads/{created.pk}/mapping/", TEN_POINT_FORM)
    created.refresh_from_db()
    assert [row.status for row in created.rows.order_by("number")] == ["invalid", "invalid", "invalid"]


@pytest.mark.parametrize(("scale", "error"), [
    ({"min_score": "0"}, "Enter both the lowest and the highest score, or leave both blank."),
    ({"min_score": "5", "max_score": "5"}, "The highest score must be above the lowest."),
])
def test_it_refuses_a_half_or_upside_down_scale(client_in, scale, error):
    created = Upload.objects.get(pk=int(upload(client_in, "team.csv", TEN_POINT).url.split("/")[2]))
    page = client_in.post(f"/uploads/{created.pk}/mapping/", {**TEN_POINT_FORM, **scale}).content.decode()
    assert error in page
    created.refresh_from_db()
    assert "max_score" not in created.preset["constants"]


def test_it_refuses_a_mapping_without_a_required_field(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    form = {"time_zone": "UTC", "date_order": "", "field_score": "score", "field_submitted_at": "submitted_at"}
    page = client_in.post(f"/uploads/{created.pk}/mapping/", form).content.decode()
    assert ("ticket_id: Choose the column that holds ticket_id: without one every row is invalid "
            "(MaestroQA requires it).") in page
    assert ("Choose the column of agent_id or agent_email (or both): without one every row is invalid, as MaestroQA "
            "needs an agent to credit.") in page
    created.refresh_from_db()
    assert created.preset["columns"]["ticket_id"] == "ticket_id"  # the mapping as it was


def test_it_refuses_a_mapping_that_reads_one_column_for_the_ticket_and_the_agent(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    form = {"time_zone": "UTC", "date_order": "", "field_score": "score", "field_submitted_at": "submitted_at",
            "field_ticket_id": "ticket_id", "field_agent_id": "ticket_id", "field_agent_email": "ticket_id"}
    page = html.unescape(client_in.post(f"/uploads/{created.pk}/mapping/", form).content.decode())
    assert ("agent_id: ticket_id and agent_id both read the column 'ticket_id': one column cannot hold both. Choose "
            "the column that holds agent_id.") in page  # QA round 47c: sent on every row, crediting no agent
    assert "agent_email: ticket_id and agent_email both read" in page
    created.refresh_from_db()
    assert created.preset["columns"]["agent_id"] == "agent_id"  # the mapping as it was
    form.update(field_ticket_id="ticket_id", field_agent_id="agent_id", field_agent_email="agent_id")
    assert client_in.post(f"/uploads/{created.pk}/mapping/", form).status_code == 302  # one "Agent": id or email


def test_it_refuses_the_score_s_column_as_the_comment(client_in):
    """QA round 64c: the answer words went out as the comment, and the customer's own comment was lost."""
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    form = {"time_zone": "UTC", "date_order": "", "field_score": "score", "field_submitted_at": "submitted_at",
            "field_ticket_id": "ticket_id", "field_agent_id": "agent_id", "field_comment": "score"}
    page = html.unescape(client_in.post(f"/uploads/{created.pk}/mapping/", form).content.decode())
    assert "comment: score and comment both read the column 'score': one column cannot hold both." in page


GRID = (b"Timestamp,Ticket number,Agent email,How satisfied were you? [Speed],How satisfied were you? [Overall]\n"
        b"11/3/2026 14:05:09,48700,a@example.com,Very dissatisfied,Very satisfied\n")


def test_the_label_moves_with_the_score_to_another_grid_row(client_in):
    """QA round 64c: score moved to [Speed] and its label stayed on [Overall], so 1 went out as 'Very satisfied'."""
    created = Upload.objects.get(pk=int(upload(client_in, "forms.csv", GRID).url.split("/")[2]))
    assert created.preset["columns"]["score_label"] == "How satisfied were you? [Overall]"
    form = {"time_zone": "UTC", "date_order": "", "field_submitted_at": "Timestamp",
            "field_ticket_id": "Ticket number", "field_agent_email": "Agent email",
            "field_score": "How satisfied were you? [Speed]", "field_score_label": "How satisfied were you? [Overall]"}
    client_in.post(f"/uploads/{created.pk}/mapping/", form)
    created.refresh_from_db()
    assert created.preset["columns"]["score_label"] == "How satisfied were you? [Speed]"
    assert (created.rows.get().item["score"], created.rows.get().item["score_label"]) == (1, "Very dissatisfied")
    event = created.events.get(action="mapping_chosen")  # the activity log says which question moved
    assert (event.details["score"], event.details["score_label"]) == (
        "'How satisfied were you? [Overall]' → 'How satisfied were you? [Speed]'",) * 2


def test_it_keeps_the_reason_of_a_mapping_applied_unchanged(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    reason = created.preset_reason
    form = {"time_zone": "UTC", "date_order": "", "field_ticket_id": "ticket_id", "field_agent_id": "agent_id",
            "field_score": "score", "field_submitted_at": "submitted_at"}
    client_in.post(f"/uploads/{created.pk}/mapping/", form)
    created.refresh_from_db()
    assert created.preset_reason == reason and "changed by you" not in reason
    client_in.post(f"/uploads/{created.pk}/mapping/", {**form, "date_order": "DMY"})
    created.refresh_from_db()
    assert created.preset_reason == "changed by you"


def test_it_saves_and_exports_the_time_zone_date_order_and_name(client_in):
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", UK_DATES).url.split("/")[2]))
    form = {"time_zone": "Europe/Berlin", "date_order": "DMY", "field_ticket_id": "ticket_id",
            "field_agent_id": "agent_id", "field_score": "score", "field_submitted_at": "submitted_at"}
    client_in.post(f"/uploads/{created.pk}/mapping/", form)
    client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "UK team"})
    saved = SavedPreset.objects.get().data
    assert (saved["name"], saved["time_zone"], saved["date_order"]) == ("UK team", "Europe/Berlin", "DMY")

    response = client_in.post(f"/uploads/{created.pk}/mapping/preset.json", {"name": "Équipe UK"})
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Equipe UK.json\"; filename*=UTF-8''%C3%89quipe%20UK.json")
    exported = json.loads(response.content)
    assert (exported["name"], exported["time_zone"], exported["date_order"]) == ("Équipe UK", "Europe/Berlin", "DMY")
    unnamed = client_in.get(f"/uploads/{created.pk}/mapping/preset.json")  # the saved preset's (QA round 55b)
    assert unnamed["Content-Disposition"] == "attachment; filename=\"UK team.json\"; filename*=UTF-8''UK%20team.json"
    assert json.loads(unnamed.content)["name"] == "UK team"


def test_a_date_order_the_files_dates_overrule_is_said_and_not_saved(client_in):
    us_dates = b"submitted_at,ticket_id,agent_id,score\n11/02/2026 10:00,1,111,5\n11/13/2026 11:00,2,111,4\n"
    created = Upload.objects.get(pk=int(upload(client_in, "us.csv", us_dates).url.split("/")[2]))
    _remap_dates(client_in, created, "DMY")
    created.refresh_from_db()
    assert [row.item["submitted_at"] for row in created.rows.order_by("number")] == [
        "2026-11-02T10:00:00.000Z", "2026-11-13T11:00:00.000Z"]
    assert created.decisions[0] == (
        "'submitted_at' read as month/day/year, because of 11/13/2026 11:00 in row 3, which can only be "
        "month/day/year: the mapping's Date order (day/month/year) does not apply to this file, and a preset saved "
        "from it keeps month/day/year")  # QA round 47c: a saved preset had read next week's 11/02 as 11 February
    client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "US team"})
    assert SavedPreset.objects.get().data["date_order"] == "MDY"


@time_machine.travel("2026-11-25 12:00Z")
def test_a_date_order_that_would_put_answers_after_today_is_not_saved(client_in):
    stamps = [f"{day:02d}/10/2026 10:00" for day in range(1, 13)]  # read month first, 12/10 is 10 December
    uk = "submitted_at,ticket_id,agent_id,score\n" + "".join(f"{stamp},{n},111,5\n" for n, stamp in enumerate(stamps))
    created = Upload.objects.get(pk=int(upload(client_in, "uk.csv", uk.encode()).url.split("/")[2]))
    _remap_dates(client_in, created, "MDY")
    client_in.post(f"/uploads/{created.pk}/mapping/save/", {"name": "UK rota"})
    assert SavedPreset.objects.get().data["date_order"] == "DMY"  # QA round 49b: next week's read month first


def test_it_names_the_missing_key_of_an_imported_preset(client_in, shared):
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", b'{"columns": {"score": "x"}}')
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    assert ("This preset JSON is malformed: it has no &#x27;name&#x27; key (every preset needs one, "
            "e.g. &quot;name&quot;: &quot;Team sheet&quot;).") in page.content.decode()


def test_an_imported_presets_value_map_and_skip_values_show_on_the_mapping_page(client_in):
    """QA round 71c: an imported map (great to 5) and skip value (n/a) showed only in the results download; nothing
    said the import was not saved."""
    content = b"Tkt,Rep,When,Stars\n1,a@example.com,2026-10-01 10:00,great\n2,a@example.com,2026-10-01 11:00,n/a\n"
    response = upload(client_in, "t.csv", content)
    preset = SimpleUploadedFile("p.json", json.dumps({
        "name": "Team sheet v2", "columns": {"ticket_id": "Tkt", "agent_email": "Rep", "submitted_at": "When",
                                             "score": "Stars"},
        "value_maps": {"score": {"great": 5, "meh": 3}}, "skip_values": {"score": {"n/a": "no survey sent"}}}).encode())
    page = html.unescape(client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset},
                                        follow=True).content.decode())
    assert ("Applied the preset 'Team sheet v2'. It was imported, not saved: save it below so that later files with "
            "these columns use it.") in page
    assert ("preset 'Team sheet v2' takes score from column 'Stars'; the preset maps great to 5, meh to 3; it skips "
            "'n/a' (no survey sent)") in page


def test_an_imported_preset_named_as_a_built_in_one_says_it_is_imported(client_in, shared):
    """QA round 38a: the upload's page called a file's mapping "Zendesk satisfaction ratings", the built-in one."""
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", b'{"name": "Zendesk satisfaction ratings", "columns": {"ticket_id": "ticket_id"}}')
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    assert "Applied the preset &#x27;Zendesk satisfaction ratings (imported)&#x27;." in page.content.decode()
    exported = json.loads(client_in.get(response.url.replace("mapping/", "mapping/preset.json")).content)
    assert exported["name"] == "Zendesk satisfaction ratings (imported)"  # its own name (QA round 47c)


def test_an_imported_preset_renamed_in_its_file_names_itself_in_the_why_column(client_in, shared):
    """QA round 57d: a copy renamed "Billing US sheet" said "preset 'Tier 2 team sheet' takes …" on every field."""
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", json.dumps({
        "name": "Billing US sheet", "columns": {"ticket_id": "ticket_id"},
        "reasons": {"ticket_id": "preset 'Tier 2 team sheet' takes ticket_id from column 'ticket_id'"}}).encode())
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    text = page.content.decode()
    assert "Tier 2 team sheet" not in text and "preset &#x27;Billing US sheet&#x27; takes ticket_id" in text


def test_an_imported_preset_reading_one_column_as_ticket_and_agent_is_not_applied(client_in, shared):
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", b'{"name": "Slip", "columns": {"ticket_id": "ticket_id", '
                                          b'"agent_id": "ticket_id"}}')
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    assert ("The preset 'Slip' was not applied: ticket_id and agent_id both read the column 'ticket_id': one column "
            "cannot hold both. Choose the columns below, or apply another preset.") in html.unescape(
        page.content.decode())  # QA round 49b: approved and sent with the ticket number as agent_id
    created = Upload.objects.get(pk=int(response.url.split("/")[2]))
    assert created.preset["columns"]["agent_id"] == "agent_id"


@pytest.mark.parametrize(("columns", "said"), [
    (b'{"ticket_id": "Case", "score": "Stars"}', "None of the columns the preset 'Other columns' names is in this "
                                                 "file: for ticket_id, score it names"),
    (b'{"ticket_id": "ticket_id", "score": "Stars"}', "Not every column the preset 'Other columns' names is in this "
                                                      "file: for score it names"),
])
def test_an_applied_preset_names_the_fields_whose_columns_the_file_lacks(client_in, shared, columns, said):
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", b'{"name": "Other columns", "columns": ' + columns + b"}")
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    assert (said + " columns this file does not have, so those fields were found from the headers, or left "
            "unmapped. Check the mapping below.") in html.unescape(page.content.decode())  # QA round 47c


def test_it_sends_a_get_of_the_upload_address_to_the_upload_form(client_in):
    response = client_in.get("/uploads/new/", HTTP_REFERER="http://testserver/login/?next=/uploads/new/")
    assert (response.status_code, response.url) == (302, "/")
    assert [str(message) for message in client_in.get("/").context["messages"]] == [  # QA round 38a
        "The file was not uploaded: your session had expired when you sent it. Choose it again below."]
    response = client_in.get("/uploads/new/")  # typed in, or a bookmark: no upload was lost (QA round 46b)
    assert (response.status_code, response.url) == (302, "/")
    assert list(client_in.get("/").context["messages"]) == []


def test_it_lists_uploads_newest_first_fifty_a_page(client_in):
    from uploads import views

    owner = get_user_model().objects.get(username="maria")
    Upload.objects.bulk_create([Upload(owner=owner, filename=f"f{n}.csv", file_format="csv")
                                for n in range(views.HOME_PAGE_SIZE + 1)])
    first = client_in.get("/")
    assert [upload.filename for upload in first.context["uploads"]][:2] == ["f50.csv", "f49.csv"]
    assert "Page 1 of 2 · 51 uploads" in first.content.decode()
    assert [upload.filename for upload in client_in.get("/?page=2").context["uploads"]] == ["f0.csv"]


def test_it_counts_each_listed_uploads_rows_invalid_duplicate_and_created(client_in):
    upload(client_in, "a.csv", b"submitted_at,ticket_id,agent_id,score\n"
           b"2026-10-05 09:00,1,A1,5\n2026-10-05 09:00,2,A1,9\n2026-10-05 09:00,3,A1,4\n2026-10-05 09:00,3,A1,4\n")
    upload(client_in, "b.csv", b"submitted_at,ticket_id,agent_id,score\n2026-10-05 09:00,1,A1,5\n")
    first = Upload.objects.get(filename="a.csv")
    first.rows.filter(number=2).update(result="created")

    page = client_in.get("/")
    listed = {item.filename: (item.n_rows, item.n_invalid, item.n_duplicate, item.n_created)
              for item in page.context["uploads"]}

    assert listed == {"a.csv": (4, 1, 1, 1), "b.csv": (1, 0, 0, 0)}
    assert f"a.csv</a> <span class=\"note-text\">#{first.pk}</span>" in page.content.decode()


def test_it_offers_only_geographic_time_zones():
    from uploads.forms import time_zone_choices

    zones = [zone for zone, _ in time_zone_choices()]
    assert zones[0] == "UTC" and "Europe/Berlin" in zones and "America/Argentina/Buenos_Aires" in zones
    assert not {"Factory", "localtime", "posixrules", "EST", "Etc/GMT+5", "US/Eastern"} & set(zones)


def test_it_names_a_tab_separator_in_words(client_in):
    response = upload(client_in, "t.tsv", b"ticket_id\tagent_id\tscore\n1\tA1\t5\n2\tA1\t4\n")
    assert ", separated by tabs, header in row 1" in client_in.get(response.url).content.decode()


def test_it_keeps_an_upload_zone_outside_the_list_and_shows_a_bad_zone(client_in):
    response = upload(client_in, "z.csv", b"submitted_at,ticket_id,agent_id,score\n2026-10-05 09:00,1,A1,5\n")
    made = Upload.objects.get()
    Upload.objects.filter(pk=made.pk).update(time_zone="US/Eastern")

    page = client_in.get(response.url).content.decode()
    assert '<option value="US/Eastern" selected>US/Eastern</option>' in page
    refused = client_in.post(response.url, {"time_zone": "Mars/Olympus", "field_ticket_id": "ticket_id"})
    assert refused.status_code == 200
    assert ("Time zone of timestamps without one: Select a valid choice. Mars/Olympus is not one of the "
            "available choices.") in refused.content.decode()


@pytest.mark.parametrize(("data", "message"), [
    (b'{"name": "x", "columns": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
     "This is not a preset JSON file: it is nested too deeply."),
    (b'{"name": "  "}', "This preset JSON is malformed: its &quot;name&quot; must be a text that is not blank."),
    (b'{"name": "x",\n', "This is not a preset JSON file: its text breaks off at line 2, column 1 (expecting "
                          "property name enclosed in double quotes). Choose the .json file the portal exported, or "
                          "fix that place in a text editor."),  # QA round 38a: Python's own message
    (b'{"name": "x",}', "This is not a preset JSON file: it is not valid JSON (a comma before a closing bracket is "
                        "a common slip) at line 1, column 14 (expecting property name enclosed in double quotes). "
                        "Choose the .json file the portal exported, or fix that place in a text editor."),
    (b'{"name": "x", "columns": {"csat": "Score"}}',
     "preset &#x27;x&#x27;: &#x27;csat&#x27; is no API field; the fields are submitted_at, ticket_id"),
    (b'{"name": "x", "clarifying": [{"question": "Easy?", "score": "Q2", "min_score": 5, "max_score": 1}]}',
     "the &quot;clarifying&quot; group &quot;Easy?&quot; has &quot;min_score&quot; 5, not below its "
     "&quot;max_score&quot; 1"),
    (b'{"name": "K\xf6ln"}', "This is not a preset JSON file: it is not UTF-8 text. Choose the .json file the "
                              "portal exported, or save the file as UTF-8."),
    (b'{"name": "x", "value_maps": []}',
     "This preset JSON is malformed: &quot;value_maps&quot; must be an object ({...}), not a list ([...])."),
    (b'{"name": "x", "comment_rows": {"by": 5, "question": "b", "match": "c"}}',
     "What did not fit: comment_rows needs &quot;by&quot; and &quot;question&quot; (a column name or a list of "
     "them) and &quot;match&quot; (a pattern)."),
    (b'{"name": "x", "header_row": true}',
     "This preset JSON is malformed: &quot;header_row&quot; must be a whole number or null, not true or false."),
    (b'{"name": "x", "clarifying": [{"question": "q"}]}',
     "This preset JSON is malformed: each &quot;clarifying&quot; group needs a &quot;question&quot; (a text) and a "
     "&quot;score&quot; column."),
    (b'{"name": "x", "columns": {"score": 5}}',  # QA round 30a: these were 500s on the next upload
     "This preset JSON is malformed: &quot;columns&quot; score must be a column name or a list of them."),
    (b'{"name": "x", "splits": [{"column": "A", "separator": "", "fields": ["ticket_id"]}]}',
     "This preset JSON is malformed: each &quot;splits&quot; entry needs a &quot;column&quot;, a &quot;separator"
     "&quot; that is not blank and &quot;fields&quot; naming API fields."),
    (b'{"name": "x", "score_scales": [[5]]}',
     "This preset JSON is malformed: each &quot;score_scales&quot; entry must be [lowest, highest], two whole "
     "numbers, lowest first."),
    (b'{"name": "x", "skip_rules": [{"column": 3, "values": ["1"]}]}',
     "This preset JSON is malformed: each &quot;skip_rules&quot; entry must be an object with a &quot;column&quot; "
     "(a name or a list of names) and &quot;values&quot;."),
    (b'{"name": "x", "splits": [{"column": "A", "fields": [["ticket_id"], "agent_id"]}]}',  # review 31: 500s
     "This preset JSON is malformed: each &quot;splits&quot; entry needs a &quot;column&quot;, a &quot;separator"
     "&quot; that is not blank and &quot;fields&quot; naming API fields."),
    (b'{"name": "x", "clarifying": [{"question": "q", "score": "Q2", "comment": 5}]}',
     "This preset JSON is malformed: a &quot;clarifying&quot; group&#x27;s &quot;comment&quot; and &quot;score_label"
     "&quot; are column names (or lists of them) or null."),
    (b'{"name": "x", "word_scales": ["csat9"]}',
     "This preset JSON is malformed: &quot;word_scales&quot; names &quot;csat9&quot;, which is no built-in scale of "
     "words"),
    (b'{"name": "x", "date_order": "YMD"}',
     "This preset JSON is malformed: &quot;date_order&quot; must be &quot;MDY&quot;, &quot;DMY&quot; or null."),
    (b'{"name": "x", "constants": {"min_score": 0, "max_score": 9.5}}',
     "This preset JSON is malformed: &quot;constants&quot; max_score must be a whole number from -1000 to 1000, not "
     "9.5."),
    (b'{"name": "x", "constants": {"min_score": 10, "max_score": 0}}',
     "This preset JSON is malformed: &quot;constants&quot; min_score (10) must be below max_score (0)."),
])
def test_it_refuses_a_bad_preset_json_with_a_sentence_never_a_500(client_in, shared, data, message):
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", data)
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    assert page.status_code == 200
    assert message in page.content.decode()


def test_it_takes_a_file_without_a_known_ticket_header_to_the_mapping_page(client_in):
    response = upload(client_in, "noticket.csv", b"submitted_at,Ref,agent_id,score\n2026-10-05 09:00,R-1,A1,5\n")
    created = Upload.objects.get()
    assert response.url == f"/uploads/{created.pk}/mapping/"
    assert created.notices == [
        "No column was recognised as the ticket id (headers such as 'ticket_id', 'Ticket number', 'Conversation "
        "ID'): choose the ticket_id column on the mapping page. Until then every row is invalid."]
    form = {"time_zone": "UTC", "date_order": "", "field_ticket_id": "Ref", "field_agent_id": "agent_id",
            "field_score": "score", "field_submitted_at": "submitted_at"}
    client_in.post(f"/uploads/{created.pk}/mapping/", form)
    assert created.rows.get().item["ticket_id"] == "R-1"


def test_it_names_split_sources_and_a_declared_zone_on_the_mapping_page(client_in, shared):
    content = (shared / "samples/qualtrics_csat_numeric_3header.csv").read_bytes()
    page = client_in.get(upload(client_in, "q.csv", content).url).content.decode()
    assert ('<select name="field_ticket_id" id="id_field_ticket_id">\n  <option value="" selected>'
            "(from &#x27;ExternalReference&#x27;, split at &#x27;|&#x27;)</option>") in page
    assert "(from &#x27;ExternalReference&#x27;, split at &#x27;|&#x27;)</option>" in page.split('id="id_field_agent_id"')[1]
    assert ("The file declares America/Los_Angeles for 'RecordedDate', so its times are read in that zone, "
            "whatever is chosen here.") in page
    assert '<option value="Q1" selected>Q1 — How satisfied were you with the support you received?</option>' in page
    assert '<option value="StartDate">StartDate</option>' in page  # "Start Date" says it again


def test_it_says_a_zone_the_date_header_names_wins_on_the_mapping_page(client_in):
    content = b"Rated at (UTC+2),Ticket ID,Agent Email,Score\n2026-10-05 14:48,1,a@example.com,5\n"
    page = client_in.get(upload(client_in, "z.csv", content).url).content.decode()
    assert ("The file declares UTC+02:00 for 'Rated at (UTC+2)', so its times are read in that zone, whatever is "
            "chosen here.") in page


def test_it_leaves_the_time_column_with_its_date_column(client_in):
    content = (b"Rated on,Time,Resolved on,Ticket,Agent,Score\n2026-10-04,13:45,2026-10-02,1,a@example.com,5\n"
               b"2026-10-05,09:15,2026-10-03,2,a@example.com,4\n")
    created = Upload.objects.get(pk=int(upload(client_in, "t.csv", content).url.split("/")[2]))
    assert created.preset["time_column"] == "Time"
    form = {"time_zone": "UTC", "date_order": "", "field_ticket_id": "Ticket", "field_agent_email": "Agent",
            "field_score": "Score", "field_submitted_at": "Resolved on"}
    client_in.post(f"/uploads/{created.pk}/mapping/", form)
    created.refresh_from_db()
    assert [row.item["submitted_at"] for row in created.rows.order_by("number")] == [
        "2026-10-02T00:00:00.000Z", "2026-10-03T00:00:00.000Z"]  # the Time is Rated on's, not Resolved on's
    assert "time_column" not in created.preset or created.preset["time_column"] is None


def test_it_refuses_a_preset_with_one_end_of_the_scale_past_the_other_ends_default(client_in, shared):
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", b'{"name": "x", "constants": {"min_score": 7}}')
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    assert ("This preset JSON is malformed: &quot;constants&quot; min_score (7) must be below max_score (5, the "
            "default).") in page.content.decode()


def test_it_shortens_a_long_sample_value_on_the_mapping_page(client_in):
    long_comment = "slow " * 2000
    content = f"submitted_at,ticket_id,agent_id,score,comment\n2026-10-01T10:00:00Z,1,A1,5,{long_comment}\n".encode()
    page = client_in.get(upload(client_in, "long.csv", content).url).content.decode()
    assert "<code>" + ("slow " * 16).strip() + "…</code>" in page and long_comment not in page


def test_it_shows_the_scale_read_from_the_file_for_min_and_max_score(client_in):
    content = b"Ticket,Agent email,Score /10,Survey date\n7001,a@example.com,9,2026-10-01 10:00\n"
    page = client_in.get(upload(client_in, "of10.csv", content).url).content.decode()
    assert "constant 1; the scale read from the file (see above); sent with every answer" in page
    assert "constant 10; the scale read from the file (see above); sent with every answer" in page
