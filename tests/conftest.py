"""Shared test setup: the test database file, the shared folder, and queue helpers.

Test-only environment (a Redis of the tests' own, no API token) is set in
csatportal/test_settings.py, which pytest.ini names.
"""

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def django_db_modify_db_settings():
    """On SQLite the test database is a file (under var/, one per test run), so worker processes can share it."""
    from django.db import connections

    if connections["default"].vendor == "sqlite":
        path = Path(__file__).resolve().parent.parent / "var" / f"test-db-{os.getpid()}.sqlite3"
        connections["default"].settings_dict["TEST"]["NAME"] = str(path)


@pytest.fixture(scope="session", autouse=True)
def empty_test_redis():
    """The tests' own Redis starts empty: no job or limiter key left from an interrupted run."""
    import django_rq

    django_rq.get_connection("default").flushdb()


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


@pytest.fixture
def fake(settings, queue):
    """A fake MaestroQA on loopback (tests/fakemaestro.py) that counts 10/s and 100/min violations;
    the client points at it with a test token."""
    from tests.fakemaestro import FakeMaestro

    with FakeMaestro(limits=[(10, 1.0), (100, 60.0)]) as server:
        settings.MAESTROQA_API_URL = server.base_url
        settings.MAESTROQA_API_TOKEN = "test-token-not-real"
        yield server
