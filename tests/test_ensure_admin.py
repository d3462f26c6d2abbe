"""`manage.py ensure_admin`: the first admin, and where to sign in."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_it_points_at_the_address_the_portal_is_served_on(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = io.StringIO()
    call_command("ensure_admin", "0.0.0.0:9000", stdout=out)
    password = (tmp_path / "admin-password.txt").read_text().strip()
    assert out.getvalue() == (f"Created the first admin. Sign in at http://0.0.0.0:9000/login/ as 'admin' with password "
                              f"{password} (also saved in {tmp_path / 'admin-password.txt'}).\n")
    assert get_user_model().objects.get(username="admin").is_superuser


def test_it_falls_back_to_portal_url(settings, tmp_path):
    settings.VAR_DIR, settings.PORTAL_URL = tmp_path, "https://csat.example.test"
    get_user_model().objects.create_superuser("boss", "boss@example.test", "pw-not-real")
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    assert out.getvalue() == "Sign in at https://csat.example.test/login/ with your admin account.\n"
