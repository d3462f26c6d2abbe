"""Who sees what, through every URL of uploads/urls.py (new URLs are covered when they are added)."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from tests.people import make_people, make_upload
from uploads import access, urls
from uploads.models import Upload

pytestmark = pytest.mark.django_db


def _upload_urls(pk: int) -> list[str]:
    """Every pattern of uploads.urls that names an upload, with <pk> = `pk` (other parameters filled too)."""
    found = []
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if "pk" not in pattern.pattern.converters:
            continue
        kwargs = {name: (pk if name == "pk" else 1 if converter.regex == "[0-9]+" else "x")
                  for name, converter in pattern.pattern.converters.items()}
        found.append(reverse(f"uploads:{pattern.name}", kwargs=kwargs))
    return found


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people():
    return make_people()


@pytest.fixture
def beta_upload(people):
    return make_upload(people["bob"], people["beta"])


def test_it_finds_every_upload_url(beta_upload):
    paths = _upload_urls(beta_upload.pk)
    assert len(paths) >= 13
    assert f"/uploads/{beta_upload.pk}/reports/errors.xlsx" in paths


def _not_allowed(path: str, method: str) -> bool:
    """True when `method` is refused on `path` even for an admin (405 before any lookup: reveals nothing)."""
    from django.contrib.auth import get_user_model

    return getattr(_client(get_user_model().objects.get(username="ada")), method)(path).status_code == 405


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_hides_another_teams_upload_on_every_url(people, beta_upload, method):
    client = _client(people["maria"])
    for path in _upload_urls(beta_upload.pk):
        response = getattr(client, method)(path)
        if response.status_code == 405:
            assert _not_allowed(path, method), (method, path)
        else:
            assert response.status_code == 404, (method, path, response.status_code)
    beta_upload.refresh_from_db()
    assert beta_upload.status == Upload.Status.READY
    assert beta_upload.events.filter(user=people["maria"]).count() == 0


@pytest.mark.parametrize("admin", ["ada", "gina"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_lets_admins_reach_every_url(people, beta_upload, method, admin):
    client = _client(people[admin])
    for path in _upload_urls(beta_upload.pk):
        response = getattr(client, method)(path)
        assert response.status_code != 404, (method, path)
        assert response.status_code < 500, (method, path)


def test_it_lets_a_manager_see_their_teams_upload_but_not_review_it(people):
    alpha_upload = make_upload(people["ada"], people["alpha"])
    client = _client(people["maria"])
    assert client.get(reverse("uploads:table", args=[alpha_upload.pk])).status_code == 200
    assert client.get(reverse("uploads:errors_csv", args=[alpha_upload.pk])).status_code == 200
    assert client.get(reverse("uploads:review", args=[alpha_upload.pk])).status_code == 404
    assert client.post(reverse("uploads:approve", args=[alpha_upload.pk])).status_code == 404
    assert client.get(reverse("uploads:find")).status_code == 404


def test_it_lists_only_the_teams_uploads_on_home(people, beta_upload):
    mine = make_upload(people["maria"], people["alpha"])
    response = _client(people["maria"]).get(reverse("uploads:home"))
    assert [u.pk for u in response.context["uploads"]] == [mine.pk]
    page = response.content.decode()  # a colleague's uploads too, each with its uploader (QA round 67b W7)
    assert "<h2>Your team's uploads</h2>" in page and "<th>By</th>" in page
    response = _client(people["ada"]).get(reverse("uploads:home"))
    assert sorted(u.pk for u in response.context["uploads"]) == sorted([mine.pk, beta_upload.pk])


def test_it_requires_login_on_every_url(beta_upload):
    client = Client()
    paths = _upload_urls(beta_upload.pk) + [
        reverse(f"uploads:{p.name}") for p in urls.urlpatterns if not p.pattern.converters
    ]
    for path in paths:
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            if path == reverse("uploads:edit_cell", args=[beta_upload.pk]):  # fetch() from the table: JSON, not a redirect
                assert (response.status_code, response.json()["session_expired"]) == (401, True), method
                continue
            assert response.status_code == 302, (method, path)
            assert re.match(r"^/login/\?next=", response["Location"]), path


def test_it_gives_a_new_upload_its_uploaders_team(people):
    assert access.team_for(people["maria"]) == people["alpha"]
    assert access.team_for(people["ada"]) is None


def test_it_hides_the_admin_from_managers(people, beta_upload):
    response = _client(people["maria"]).get(f"/admin/uploads/upload/{beta_upload.pk}/change/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_button_pressed_after_the_session_expired_leads_back_to_the_upload(people):
    alpha_upload = make_upload(people["maria"], people["alpha"])
    response = _client(people["maria"]).get(reverse("uploads:submit", args=[alpha_upload.pk]), follow=True)
    assert response.redirect_chain == [(reverse("uploads:table", args=[alpha_upload.pk]), 302)]
    assert access.PRESS_AGAIN in [str(message) for message in response.context["messages"]]
    alpha_upload.refresh_from_db()
    assert alpha_upload.status == Upload.Status.READY
