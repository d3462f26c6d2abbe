"""Delivery benchmark: how close the portal runs to MaestroQA's ceiling, with real workers.

    .venv/bin/python bench/delivery.py [--items 30000] [--concurrent-items 10000]

Runs against tests/fakemaestro.py on loopback (in this process), enforcing the
contract's real limits (10/s and 100/min, 100 items a request): a request that
breaks a window gets a 429 there. Two runs, each on a fresh fake server and
token so their windows start empty:

1. one upload of --items rows on one worker;
2. three uploads of --concurrent-items rows each, submitted at once, on three workers.

For each run it prints the effective items per minute, the count of 429s and the
pacing ratio: the shortest time the limits allow for N requests,
60·⌊(N−1)/100⌋ + ((N−1) mod 100)/10 s, over the measured time from the first
request's arrival to the last response. Target: ratio >= 0.97, zero 429s.
The last line is one JSON object with every figure. Takes several minutes by nature.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import processes  # noqa: E402
from tests.fakemaestro import CONTRACT_LIMITS, FakeMaestro  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=30_000)
    parser.add_argument("--concurrent-items", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="csat-bench-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="csatportal.settings", CSATPORTAL_VAR_DIR=str(folder),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}", CSATPORTAL_REDIS_SOCKET=str(folder / "redis.sock"),
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    figures = {
        "single": run(folder, "single", [args.items], workers=1),
        "concurrent": run(folder, "concurrent", [args.concurrent_items] * 3, workers=3),
    }
    for name, result in figures.items():
        print(
            f"{name}: {result['requests']} requests, {result['items_per_minute']:.0f} items/min, "
            f"{result['http_429']} x 429, pacing ratio {result['pacing_ratio']:.4f}"
        )
    _stop_redis()
    print(json.dumps(figures))


def run(folder: Path, name: str, sizes: list[int], workers: int) -> dict:
    """Deliver uploads of `sizes` rows on `workers` worker processes; the run's figures."""
    from django.conf import settings

    from uploads import delivery
    from uploads.models import Upload

    with FakeMaestro(limits=CONTRACT_LIMITS) as fake:
        env = processes.worker_env(
            Path(settings.DATABASES["default"]["NAME"]), settings.REDIS_URL, fake.base_url,
            MAESTROQA_API_TOKEN=f"bench-{name}-token-not-real",
        )
        started = [processes.start_worker(env, folder / f"{name}-worker-{n}.log") for n in range(workers)]
        try:
            uploads = [_make_upload(f"{name}-{n}", size) for n, size in enumerate(sizes)]
            for upload in uploads:
                delivery.submit_upload(upload, upload.owner)
            while Upload.objects.filter(pk__in=[u.pk for u in uploads], status__in=delivery.ACTIVE).exists():
                time.sleep(0.5)
        finally:
            for process in started:
                processes.stop_worker(process)
        return _figures(fake, uploads)


def _make_upload(name: str, size: int):
    from django.contrib.auth import get_user_model

    from uploads.models import Row, Upload

    owner = get_user_model().objects.get_or_create(username="bench")[0]
    upload = Upload.objects.create(
        owner=owner, filename=f"{name}.csv", file_format="csv", columns=["ticket_id"], status=Upload.Status.READY
    )
    Row.objects.bulk_create(
        (Row(upload=upload, number=n, cells=[f"{name}-{n}"], status=Row.Status.VALID, item={
            "submitted_at": "2026-10-01T08:00:00.000Z", "ticket_id": f"{name}-{n}",
            "agent_id": "3812345670011", "score": 5, "min_score": 1, "max_score": 5,
        }) for n in range(2, size + 2)),
        batch_size=2000,
    )
    return upload


def _figures(fake: FakeMaestro, uploads: list) -> dict:
    from uploads.models import Attempt, Row

    requests = [request for request in fake.requests if request.method == "POST"]
    attempts = Attempt.objects.filter(batch__submission__upload__in=uploads)
    last_response = max(a.started_at + timedelta(milliseconds=a.duration_ms) for a in attempts).timestamp()
    elapsed = last_response - min(request.time for request in requests)
    count = len(requests)
    shortest = 60 * ((count - 1) // 100) + ((count - 1) % 100) / 10
    created = Row.objects.filter(upload__in=uploads, result=Row.Result.CREATED).count()
    return {
        "requests": count, "items_created": created, "seconds": round(elapsed, 3),
        "items_per_minute": round(created / elapsed * 60, 1),
        "http_429": sum(1 for request in requests if request.action == "429"),
        "window_violations": fake.violations, "shortest_seconds": shortest,
        "pacing_ratio": round(shortest / elapsed, 4),
        "statuses": sorted(upload.status for upload in _reloaded(uploads)),
    }


def _reloaded(uploads: list) -> list:
    for upload in uploads:
        upload.refresh_from_db()
    return uploads


def _stop_redis() -> None:
    import django_rq

    django_rq.get_connection("default").shutdown(nosave=True)


if __name__ == "__main__":
    main()
