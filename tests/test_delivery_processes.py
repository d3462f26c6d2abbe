"""Delivery with real worker processes, real Redis and a SQLite file shared by all of them."""

import time
from collections import Counter

import pytest
from django.db import connection

from tests import processes
from tests.fakemaestro import FakeMaestro
from tests.test_delivery import make_upload
from uploads import delivery
from uploads.models import Attempt, Row, Upload

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s")
        time.sleep(0.2)


def finished(*uploads: Upload) -> bool:
    return not Upload.objects.filter(pk__in=[u.pk for u in uploads], status__in=delivery.ACTIVE).exists()


def env_for(fake: FakeMaestro, settings, **overrides) -> dict[str, str]:
    return processes.worker_env(connection.settings_dict, settings.REDIS_URL, fake.base_url,
                                MAESTROQA_BATCH_SIZE=10, **overrides)


def test_it_keeps_every_window_with_three_workers_and_three_uploads(queue, settings, tmp_path):
    settings.MAESTROQA_BATCH_SIZE = 10
    with FakeMaestro(limits=[(5, 1.0), (20, 60.0)]) as fake:
        env = env_for(fake, settings, MAESTROQA_MAX_REQUESTS_PER_SECOND=5, MAESTROQA_MAX_REQUESTS_PER_MINUTE=20,
                      DELIVERY_WATCHDOG_SECONDS=2)
        workers = [processes.start_worker(env, tmp_path / f"worker{n}.log") for n in range(3)]
        try:
            uploads = [make_upload(80, prefix=f"U{n}-") for n in range(3)]
            for upload in uploads:
                delivery.submit_upload(upload, upload.owner)
            wait_for(lambda: finished(*uploads), timeout=100)
        finally:
            for worker in workers:
                processes.stop_worker(worker)

    assert len(fake.requests) == 24
    assert (fake.violations, [r.action for r in fake.requests].count("429")) == (0, 0)
    sent = Counter(item["ticket_id"] for request in fake.requests for item in request.json["data"])
    assert sent == Counter({f"U{u}-{n:06d}": 1 for u in range(3) for n in range(2, 82)})
    assert Row.objects.filter(result=Row.Result.CREATED).count() == 240
    assert fake.requests[20].time - fake.requests[0].time >= 60.0


def test_it_resumes_after_the_worker_is_killed_and_sends_each_item_once(queue, settings, tmp_path):
    settings.MAESTROQA_BATCH_SIZE = 10
    with FakeMaestro(limits=[(5, 1.0)], hang_seconds=30) as fake:
        fake.script([("201",)] * 5 + [("timeout",)])
        env = env_for(fake, settings, MAESTROQA_MAX_REQUESTS_PER_SECOND=5, DELIVERY_STALE_SECONDS=3,
                      DELIVERY_WATCHDOG_SECONDS=1)
        upload = make_upload(200)
        first = processes.start_worker(env, tmp_path / "first.log")
        delivery.submit_upload(upload, upload.owner)
        try:
            wait_for(lambda: len(fake.requests) == 6, timeout=30)
        finally:
            processes.kill_worker(first)
        killed_at = time.monotonic()
        second = processes.start_worker(env, tmp_path / "second.log")
        try:
            wait_for(lambda: finished(upload), timeout=90)
        finally:
            processes.stop_worker(second)
        assert time.monotonic() - killed_at < 90

    sent = Counter(item["ticket_id"] for request in fake.requests for item in request.json["data"])
    assert sent == Counter({f"{n:06d}": 1 for n in range(2, 202)})
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE_WITH_ERRORS
    assert list(upload.rows.filter(result=Row.Result.UNCONFIRMED).values_list("number", flat=True)) == list(
        range(52, 62)
    )
    assert upload.rows.filter(result=Row.Result.CREATED).count() == 190
    assert list(Attempt.objects.filter(batch__sequence=6).values_list("outcome", "message")) == [
        ("unknown", "the worker stopped before the answer came")
    ]
