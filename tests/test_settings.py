"""Settings come from the environment; a bad value stops start-up naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "csatportal.settings", **env}, timeout=120,
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("MAESTROQA_BATCH_SIZE", "500", "MAESTROQA_BATCH_SIZE must be between 1 and 100, not 500."),
        ("MAESTROQA_MAX_REQUESTS_PER_SECOND", "ten", "MAESTROQA_MAX_REQUESTS_PER_SECOND must be a whole number, not 'ten'."),
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG must be true or false, not 'maybe'."),
        ("DELIVERY_MAX_RETRIES", "0", "DELIVERY_MAX_RETRIES must be 1 or more, not 0."),
        ("MAESTROQA_API_TOKEN_FILE", "/nonexistent/token", "MAESTROQA_API_TOKEN_FILE cannot be read"),
    ],
)
def test_it_stops_on_a_bad_value_naming_the_variable(name, value, message):
    result = run_check(**{name: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_it_reads_the_token_from_a_secret_file(tmp_path):
    secret = tmp_path / "token"
    secret.write_text("file-token-value\n")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print(settings.MAESTROQA_SANDBOX, settings.MAESTROQA_API_TOKEN == 'file-token-value')"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "csatportal.settings", "MAESTROQA_API_TOKEN_FILE": str(secret)},
    )
    assert result.stdout.split() == ["False", "True"]
