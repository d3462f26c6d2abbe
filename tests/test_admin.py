"""The admin for review: filters, search, read-only history, teams and presets managed by admins."""

import html
import importlib
import json

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from tests.people import make_people, make_upload
from uploads import saved_presets
from uploads.models import SavedPreset, Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return make_people()


def _admin(people) -> Client:
    client = Client()
    client.force_login(people["ada"])
    return client


def test_it_filters_uploads_by_status_team_uploader_and_date(people):
    alpha = make_upload(people["maria"], people["alpha"])
    make_upload(people["bob"], people["beta"], status="done")
    client = _admin(people)
    for query in ({"status__exact": "ready"}, {"team__id__exact": people["alpha"].pk},
                  {"owner__id__exact": people["maria"].pk}, {"q": "maria"}):
        response = client.get("/admin/uploads/upload/", query)
        assert [u.pk for u in response.context["cl"].result_list] == [alpha.pk], query
    response = client.get("/admin/uploads/upload/", {"created_at__gte": "2000-01-01 00:00:00+00:00"})
    assert len(response.context["cl"].result_list) == 2


def test_it_keeps_results_and_batches_read_only(people):
    upload = make_upload(people["maria"], people["alpha"])
    client = _admin(people)
    page = client.get(f"/admin/uploads/upload/{upload.pk}/change/").content.decode()
    assert 'name="status"' not in page and "Open the upload" in page
    row = upload.rows.first()
    assert 'name="result"' not in client.get(f"/admin/uploads/row/{row.pk}/change/").content.decode()
    assert client.get("/admin/uploads/row/add/").status_code == 403
    assert client.post(f"/admin/uploads/upload/{upload.pk}/delete/").status_code == 403


def test_the_upload_page_says_how_the_file_was_read_in_words(people):
    upload = make_upload(people["maria"], people["alpha"])
    upload.preset["constants"] = {"min_score": 0, "max_score": 1}
    upload.preset["value_maps"] = {"score": {"good": 1}}  # one word: jsonb (PostgreSQL) reorders an object's keys
    upload.decisions = ["Scores read on the scale 0..1 <good/bad>"]
    upload.notices = ["Header found on row 3"]
    upload.save()
    page = _admin(people).get(f"/admin/uploads/upload/{upload.pk}/change/").content.decode()
    assert "<div><b>ticket_id</b>: column &#x27;ticket_id&#x27;</div>" in page
    assert "<div><b>max_score</b>: always 1</div>" in page
    assert "<div><b>score</b>: words read as good = 1</div>" in page
    assert ('<ul class="decisions"><li>Scores read on the scale 0..1 &lt;good/bad&gt;</li>'
            "<li>Header found on row 3</li></ul>") in page
    assert "As stored (JSON)" in page
    assert 'href="/static/uploads/css/admin.css"' in page and "style=" not in page.split("<body", 1)[1]


def test_it_lists_the_zone_a_file_declares_over_the_upload_s(people):
    """QA round 64c: a Qualtrics upload read in America/Denver, as its third header row says, was listed as UTC."""
    upload = make_upload(people["maria"], people["alpha"])
    upload.check_context = {"dates": {"zone": "America/Denver"}}
    upload.save()
    page = _admin(people).get("/admin/uploads/upload/").content.decode()
    assert '<td class="field-zone_read">America/Denver (given by the file)</td>' in page


def test_it_lets_admins_manage_teams_and_members(people):
    client = _admin(people)
    response = client.post("/admin/uploads/team/add/", {"name": "Gamma", "members": [people["bob"].pk]})
    assert response.status_code == 302
    assert list(Team.objects.get(name="Gamma").members.values_list("username", flat=True)) == ["bob"]
    listed = client.get("/admin/uploads/team/").context["cl"]
    assert {team.name: listed.model_admin.member_names(team) for team in listed.result_list}["Gamma"] == "bob"
    assert client.get("/admin/auth/user/").status_code == 200
    assert client.get("/admin/uploads/savedpreset/").status_code == 200


def test_it_checks_a_saved_presets_json_as_an_imported_file_is(people):
    """QA round 28b: a pattern that does not compile, saved in the admin, was a 500 on the next upload."""
    preset = SavedPreset.objects.create(name="Team sheet", data={"name": "Team sheet", "columns": {"score": "Stars"}})
    client = _admin(people)
    url = f"/admin/uploads/savedpreset/{preset.pk}/change/"

    for data, message in [
        ({"name": "Team sheet", "columns": {"score": "re:(("}}, "missing ), unterminated subpattern"),
        ({"name": "Team sheet", "time_zone": "Mars/Olympus"}, '"time_zone" "Mars/Olympus" is no IANA time zone'),
        ({"name": "Team sheet", "columns": 5}, '"columns" must be an object'),
        ("Team sheet", "it must be one JSON object"),
        (5, "it must be one JSON object"),
    ]:
        response = client.post(url, {"name": "Team sheet", "data": json.dumps(data)})
        assert response.status_code == 200 and message in html.unescape(response.content.decode()), data
    assert SavedPreset.objects.get().data == {"name": "Team sheet", "columns": {"score": "Stars"}}

    response = client.post(url, {"name": "Plain API fields", "data": json.dumps({"name": "x"})})
    assert "is the name of a built-in preset; choose another name." in html.unescape(response.content.decode())
    SavedPreset.objects.create(name="GF New York", data={"name": "GF New York"})
    response = client.post(url, {"name": "gf NEW york", "data": json.dumps({"name": "x"})})  # found in any case
    assert "A preset called 'gf NEW york' already exists; choose another name." in html.unescape(
        response.content.decode())
    response = client.post(url, {"name": "Team sheet v2", "data": json.dumps({"name": "x", "columns": {"score": "Q1"}})})
    assert response.status_code == 302
    assert SavedPreset.objects.get(pk=preset.pk).data == {"name": "Team sheet v2", "columns": {"score": "Q1"}}


def test_the_database_holds_preset_names_unique_in_any_case():
    """check_name refuses a clash first; the constraint holds two saves at the same instant too."""
    SavedPreset.objects.create(name="Team sheet", data={"name": "Team sheet"})

    with pytest.raises(IntegrityError), transaction.atomic():
        SavedPreset.objects.create(name="TEAM SHEET", data={"name": "TEAM SHEET"})

    migration = importlib.import_module("uploads.migrations.0009_preset_name_any_case")
    assert migration.free_names(["Team", "team", "Other", "TEAM", "team (2)"]) == [
        "Team", "team (3)", "Other", "TEAM (4)", "team (2)"]  # a preset already called "team (2)" keeps it
    SavedPreset.objects.create(name="Équipe Lyon", data={"name": "Équipe Lyon"})
    with pytest.raises(ValueError, match="already exists"):  # SQLite's LOWER folds ASCII only: checked in Python
        saved_presets.check_name("ÉQUIPE LYON")


def test_a_stored_preset_that_does_not_read_is_left_out_not_a_failed_upload():
    from uploads import mapping

    SavedPreset.objects.create(name="Written by hand", data="Team sheet")  # never through a checked form
    assert saved_presets.all_presets() == mapping.builtin_presets()
