"""The upload and mapping pages: bad files, presets saved per source, reading overrides."""

import json

import pytest
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
        (b"", "The submitted file is empty."),
        (b"ticket_id,score\n", "The file has a header row but no data rows."),
        (b"name,colour\nann,red\n", "No column could be a ticket id"),
    ],
)
def test_it_explains_a_bad_file_and_stores_nothing(client_in, content, message):
    response = upload(client_in, "bad.csv", content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Upload.objects.count() == 0


def test_it_shows_the_mapping_with_samples_and_reasons(client_in, shared):
    response = upload(client_in, "z.csv", (shared / "samples/zendesk_satisfaction_ratings.csv").read_bytes())
    page = client_in.get(response.url).content.decode()
    assert "matched Zendesk satisfaction ratings" in page
    assert "assignee_id" in page


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
    client_in.post(f"/uploads/{first.pk}/mapping/save/", {"name": "Team sheet"})
    assert sorted(SavedPreset.objects.get().data["detect"]) == ["Case", "Rep", "Stars", "When"]

    second = Upload.objects.get(pk=int(upload(client_in, "b.csv", content).url.split("/")[2]))
    assert second.preset_name == "Team sheet"
    assert second.rows.get().status == "valid"
    exported = json.loads(client_in.get(f"/uploads/{second.pk}/mapping/preset.json").content)
    assert exported["columns"]["ticket_id"] == "Case"


def test_it_keeps_the_upload_when_reading_again_fails(client_in):
    content = b"Team CSAT export\nticket_id,agent_id,score,submitted_at\n7,A1,5,2026-10-01T10:00:00Z\n"
    created = Upload.objects.get(pk=int(upload(client_in, "t.csv", content).url.split("/")[2]))
    assert created.header_row == 2
    response = client_in.post(f"/uploads/{created.pk}/mapping/reread/", {"header_row": "1"}, follow=True)
    created.refresh_from_db()
    assert (created.header_row, created.rows.count()) == (2, 1)
    assert "No column could be a ticket id" in response.content.decode()


def test_it_refuses_a_preset_file_with_a_broken_pattern(client_in, shared):
    response = upload(client_in, "b.csv", (shared / "samples/basic_api_fields.csv").read_bytes())
    preset = SimpleUploadedFile("p.json", b'{"name": "x", "columns": {"score": "re:(("}}')
    page = client_in.post(response.url.replace("mapping/", "mapping/apply/"), {"preset_file": preset}, follow=True)
    assert "preset.columns.score: the pattern &#x27;((&#x27; is not a valid regular expression" in page.content.decode()
