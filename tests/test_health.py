"""`/healthz` and structured logs."""

import json
import logging
from unittest import mock

import pytest
import redis
from django.test import Client

from csatportal import logs

pytestmark = pytest.mark.django_db


def test_it_reports_healthy_database_and_redis():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_it_answers_503_when_redis_is_down():
    # Injected failure: stopping the shared test Redis would disturb other tests.
    with mock.patch.object(redis.Redis, "ping", side_effect=redis.ConnectionError("refused")):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "redis": "error: ConnectionError"}


def test_it_writes_one_json_object_per_line():
    record = logging.LogRecord("uploads.delivery", logging.INFO, __file__, 1, "sent %d items", (100,), None)
    record.upload_id = 12
    line = logs.JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert {k: entry[k] for k in ("level", "logger", "message", "upload_id")} == {
        "level": "INFO", "logger": "uploads.delivery", "message": "sent 100 items", "upload_id": 12,
    }


def test_it_redacts_the_token_from_log_lines(settings):
    settings.MAESTROQA_API_TOKEN = "tok-very-secret-123456"
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "header apiToken=%s", ("tok-very-secret-123456",), None)
    assert logs.RedactSecrets().filter(record)
    assert record.getMessage() == "header apiToken=[redacted]"


def test_it_answers_the_browsers_favicon_request_with_the_portal_icon():
    response = Client().get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/uploads/img/favicon.svg")
