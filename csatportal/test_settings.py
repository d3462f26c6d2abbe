"""Settings for the test suite: the portal's own settings, with test-only environment first.

pytest-django imports settings before any conftest runs, so what tests need from the
environment is set here: a Redis of their own (never `make run`'s), no API token, and
database connections that close after each request (Postgres can then drop the test database).
Subprocesses that tests start inherit DJANGO_SETTINGS_MODULE and so these settings too.
"""

import os
from pathlib import Path

os.environ.setdefault(
    "CSATPORTAL_REDIS_SOCKET", str(Path(__file__).resolve().parent.parent / "var" / "test-redis.sock")
)
# Playwright's sync API runs an event loop in the test thread; the ORM calls there are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
os.environ["DATABASE_CONN_MAX_AGE"] = "0"
os.environ.pop("MAESTROQA_API_TOKEN", None)
os.environ.pop("MAESTROQA_API_TOKEN_FILE", None)

from csatportal.settings import *  # noqa: E402,F403
