"""Security: deploy checks, CSP with no inline code, CSRF, login throttling, the token kept secret."""

import io
import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.fakemaestro import FakeMaestro
from tests.people import PASSWORD, make_people, make_upload
from uploads import delivery
from uploads.models import Upload

BASE = Path(django_settings.BASE_DIR)


def test_it_passes_check_deploy_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # a test-only switch
        "DJANGO_SETTINGS_MODULE": "csatportal.settings",
        "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "csat.example.com",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "System check identified no issues (0 silenced).\n"
    assert "WARNING" not in done.stderr and "?:" not in done.stderr


def test_it_refuses_to_start_without_a_secret_key_in_production():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "csatportal.settings", "DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": ""}
    done = subprocess.run([sys.executable, "manage.py", "check"], cwd=BASE, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off." in done.stderr


def test_it_has_no_inline_script_or_style_in_any_template():
    for path in (BASE / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
        assert not re.search(r"\sstyle\s*=", text), path
        assert not re.search(r"\son[a-z]+\s*=", text), path
        assert "<style" not in text, path


@pytest.mark.django_db
def test_it_sends_a_content_security_policy_without_unsafe_inline():
    response = Client().get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe" not in policy


@pytest.mark.django_db
def test_it_checks_csrf_on_forms_and_json_requests():
    people = make_people()
    upload = make_upload(people["maria"], people["alpha"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["maria"])
    assert client.post(reverse("uploads:edit_cell", args=[upload.pk]), {"row": 1, "column": 0, "text": "x"}).status_code == 403
    assert client.post(reverse("uploads:submit", args=[upload.pk])).status_code == 403
    upload.refresh_from_db()
    assert upload.status == Upload.Status.READY


@pytest.mark.django_db
def test_it_locks_out_login_guessing():
    make_people()
    client = Client()
    limit = django_settings.AXES_FAILURE_LIMIT
    statuses = [client.post(reverse("login"), {"username": "maria", "password": "wrong guess"}).status_code
                for _ in range(limit)]
    assert statuses == [200] * (limit - 1) + [429]
    response = client.post(reverse("login"), {"username": "maria", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    minutes = django_settings.AXES_COOLOFF_TIME * 60
    assert (f"There were {limit} wrong passwords in a row for “maria” from this address, so signing in is "
            f"locked for {minutes:g} minutes.") in response.content.decode()


@pytest.mark.django_db
def test_it_lets_the_right_password_in_before_the_limit():
    make_people()
    client = Client()
    client.post(reverse("login"), {"username": "maria", "password": "wrong guess"})
    response = client.post(reverse("login"), {"username": "maria", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"


TOKEN = "tok-RECOGNISABLE-" + "9f3c1a7e5b2d4c6f8a0e1b3d5f7a9c2e"


@pytest.mark.django_db(transaction=True)
def test_it_never_shows_stores_or_logs_the_api_token(settings, queue, shared, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    with FakeMaestro(limits=[(10, 1.0), (100, 60.0)]) as server:
        settings.MAESTROQA_API_URL, settings.MAESTROQA_API_TOKEN = server.base_url, TOKEN
        settings.MAESTROQA_SANDBOX, settings.REQUIRE_APPROVAL = False, True
        server.script([("401",)])
        bodies = _walk_every_page(make_people(), shared)
    assert server.requests[0].headers["apiToken"] == TOKEN  # the token was really in use
    for url, body in bodies:
        assert TOKEN not in body, url
    assert TOKEN not in caplog.text
    captured = capsys.readouterr()
    assert TOKEN not in captured.out + captured.err
    dump = io.StringIO()
    call_command("dumpdata", exclude=["django_rq"], stdout=dump)
    assert TOKEN not in dump.getvalue()


def _walk_every_page(people, shared) -> list[tuple[str, str]]:
    """Upload, map, edit, submit, approve, fail at the API, then fetch every page and report."""
    maria, ada = Client(), Client()
    maria.force_login(people["maria"])
    ada.force_login(people["ada"])
    seen = []

    def fetch(client, url, data=None):
        response = client.post(url, data or {}) if data is not None else client.get(url)
        body = b"".join(response) if response.streaming else response.content
        seen.append((url, body.decode("utf-8", "replace") + str(response.headers)))
        return response

    fetch(maria, reverse("uploads:home"))
    with open(shared / "samples" / "basic_api_fields.csv", "rb") as handle:
        maria.post(reverse("uploads:new"), {"file": handle, "time_zone": "UTC"})
    upload = Upload.objects.get()
    pk = upload.pk
    fetch(maria, reverse("uploads:mapping", args=[pk]))
    row = upload.rows.filter(status="invalid").first()
    fetch(maria, reverse("uploads:edit_cell", args=[pk]), {"row": row.pk, "column": 0, "text": "T-1"})
    fetch(maria, reverse("uploads:submit", args=[pk]), {})
    fetch(ada, reverse("uploads:review", args=[pk]))
    fetch(ada, reverse("uploads:approve", args=[pk]), {})
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.FAILED  # the API said 401: the message must not hold the token
    for name in ("table", "progress", "errors_csv", "errors_xlsx", "results_csv", "results_xlsx"):
        fetch(maria, reverse(f"uploads:{name}", args=[pk]))
    fetch(ada, reverse("uploads:find") + "?q=T-2")
    fetch(ada, reverse("healthz"))
    batch = upload.submissions.get().batches.first()
    for url in ["/admin/", "/admin/uploads/upload/", f"/admin/uploads/upload/{pk}/change/", "/admin/uploads/row/",
                f"/admin/uploads/batch/{batch.pk}/change/", "/admin/uploads/auditevent/", "/admin/uploads/team/",
                "/django-rq/"]:
        fetch(ada, url)
    fetch(Client(), reverse("login"), {"username": "maria", "password": "wrong"})
    return seen


def test_it_reads_the_token_from_a_secret_file(tmp_path):
    secret = tmp_path / "maestroqa"
    secret.write_text(TOKEN + "\n", encoding="utf-8")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "csatportal.settings",
           "MAESTROQA_API_TOKEN_FILE": str(secret), "MAESTROQA_API_TOKEN": ""}
    code = f"from django.conf import settings; print(settings.MAESTROQA_API_TOKEN == {TOKEN!r}, settings.MAESTROQA_SANDBOX)"
    done = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=BASE, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout == "True False\n", done.stderr
    assert TOKEN not in done.stderr


def test_it_names_a_missing_secret_file_without_revealing_anything(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "csatportal.settings",
           "MAESTROQA_API_TOKEN_FILE": str(tmp_path / "missing")}
    done = subprocess.run([sys.executable, "manage.py", "check"], cwd=BASE, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "MAESTROQA_API_TOKEN_FILE cannot be read: No such file or directory." in done.stderr
