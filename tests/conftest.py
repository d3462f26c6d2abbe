"""Shared test setup: a separate embedded Redis for tests, people, and queue helpers.

The test Redis lives on its own socket so that tests never meet the jobs of a
`make run` going on beside them.
"""

import os
from pathlib import Path

os.environ.setdefault(
    "CSATPORTAL_REDIS_SOCKET", str(Path(__file__).resolve().parent.parent / "var" / "test-redis.sock")
)
# Playwright's sync API runs an event loop in the test thread; the ORM calls there are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# Live-server threads must not keep connections open, or Postgres cannot drop the test database.
os.environ["DATABASE_CONN_MAX_AGE"] = "0"
os.environ.pop("MAESTROQA_API_TOKEN", None)
os.environ.pop("MAESTROQA_API_TOKEN_FILE", None)


import pytest  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def django_db_modify_db_settings():
    """On SQLite the test database is a file (under var/, one per test run), so worker processes can share it."""
    from django.db import connections

    if connections["default"].vendor == "sqlite":
        path = Path(__file__).resolve().parent.parent / "var" / f"test-db-{os.getpid()}.sqlite3"
        connections["default"].settings_dict["TEST"]["NAME"] = str(path)


@pytest.fixture
def shared() -> Path:
    """The team's shared folder: samples, cases, the peer CSV suite."""
    return SHARED


@pytest.fixture
def queue():
    """The default RQ queue on the embedded test Redis, emptied before and after the test."""
    import django_rq

    redis = django_rq.get_connection("default")
    redis.flushdb()
    yield django_rq.get_queue("default")
    redis.flushdb()
