"""Bench the fix-it table at 200,000 rows: filtered page, single-cell save, bulk replace, remap, peak memory.

    .venv/bin/python bench/table.py [--rows 200000] [--keep DIR]   (DIR with an upload: reused)

A child process generates a CSV (5% of rows invalid: score 7 on a 1..5 scale), and
stores it through intake.create_upload into a fresh SQLite database in a temporary
folder. This process then plays the web process: it serves requests through Django's
test client (views, templates and all, no network) and reports server times. Peak
memory is this process's maximum resident set size (the generation ran elsewhere).
The last line is one JSON object with the figures. Not part of `make test`.
"""

import argparse
import csv
import json
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csatportal.settings")
    import django

    django.setup()


def generate(folder: Path, rows: int) -> int:
    """In a child process: migrate, write the CSV, create the upload; returns its id via a file."""
    setup(folder)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from uploads import intake

    settings.MEDIA_ROOT = str(folder / "media")
    settings.UPLOAD_MAX_ROWS = max(settings.UPLOAD_MAX_ROWS, rows)
    settings.UPLOAD_MAX_BYTES = max(settings.UPLOAD_MAX_BYTES, 200 * rows)
    call_command("migrate", verbosity=0)
    path = folder / "bench.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["submitted_at", "ticket_id", "agent_id", "agent_email", "score", "comment"])
        for n in range(rows):
            score = "7" if n % 20 == 7 else str(1 + n % 5)
            writer.writerow([f"2026-{1 + n % 9:02d}-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:00", f"{1000000 + n}",
                             f"38123{n % 400:05d}", f"agent{n % 400}@example.com", score, f"comment {n} fine"])
    owner = get_user_model().objects.create_user("bench")
    started = time.perf_counter()
    upload = intake.create_upload(owner, path, path.name, intake.ReadOptions(time_zone="UTC"))
    (folder / "upload.json").write_text(json.dumps({"id": upload.pk, "seconds": time.perf_counter() - started}))
    return upload.pk


def timed(call, times: int) -> list[float]:
    out = []
    for index in range(times):
        started = time.perf_counter()
        call(index)
        out.append(1000 * (time.perf_counter() - started))
    return out


def summary(ms: list[float]) -> dict:
    ordered = sorted(ms)
    return {"median_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[max(0, int(round(0.95 * len(ordered))) - 1)], 1), "n": len(ordered)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--keep", help="folder to keep the database in (default: a temporary one)")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="csat-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "upload.json").exists():  # --keep a folder to bench the same upload again
        child = multiprocessing.get_context("spawn").Process(target=generate, args=(folder, args.rows))
        child.start()
        child.join()
    made = json.loads((folder / "upload.json").read_text())
    print(f"generated {args.rows} rows in {made['seconds']:.1f} s ({folder})")

    setup(folder)
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from uploads import fixes, intake, mapping, submitplan
    from uploads.models import Row, Upload

    setup_test_environment()
    upload = Upload.objects.get(pk=made["id"])
    counts = submitplan.status_counts(upload)
    print("counts", counts)
    client = Client()
    client.force_login(get_user_model().objects.get(username="bench"))
    base = f"/uploads/{upload.pk}/"

    filters = [{"status": "invalid"}, {"kind": "score:above_max"}, {"status": "valid", "page": "50"},
               {"q": "comment 19999"}, {"status": "invalid", "size": "500"}, {"field": "score", "page": "3"}]

    def get_page(index):
        response = client.get(base, filters[index % len(filters)])
        assert response.status_code == 200, response.status_code

    get_page(0)
    page_ms = timed(get_page, 60)
    by_filter = {json.dumps(f): summary(page_ms[i::len(filters)])["median_ms"] for i, f in enumerate(filters)}

    invalid = list(upload.rows.filter(status=Row.Status.INVALID).values_list("pk", flat=True)[:40])

    def save(index):  # each row's score goes 7 -> 5 -> 7, sending the text the page showed as `old`
        text, old = ("5", "7") if index % 2 == 0 else ("7", "5")
        response = client.post(f"{base}cells/", {"row": invalid[index // 2], "column": 4, "text": text, "old": old})
        assert response.status_code == 200, response.content

    save_ms = timed(save, 80)

    def refresh_summary(index):  # what the page's script fetches after each save: never cached then
        save(index)
        started = time.perf_counter()
        assert client.get(f"{base}summary/").status_code == 200
        summary_ms.append(1000 * (time.perf_counter() - started))

    summary_ms: list[float] = []
    timed(refresh_summary, 10)

    started = time.perf_counter()
    rows = fixes.select_rows(upload, None, {"kind": "score:above_max"})
    step = fixes.apply_fix(upload, None, "replace", rows, "4", value="5", find="7")
    bulk_s = time.perf_counter() - started
    print(f"bulk replace: {step.description} in {bulk_s:.2f} s")
    started = time.perf_counter()
    fixes.undo_last(upload, None)
    undo_s = time.perf_counter() - started
    started = time.perf_counter()  # "Apply mapping and check rows" with a new time zone: every row re-checked
    intake.remap_upload(upload, mapping.Preset.from_json(upload.preset), "Europe/Berlin")
    remap_s = time.perf_counter() - started

    figures = {
        "rows": args.rows, "invalid": counts["invalid"], "create_upload_s": round(made["seconds"], 1),
        "filtered_page": summary(page_ms), "filtered_page_median_by_filter": by_filter,
        "cell_save": summary(save_ms), "summary_after_save": summary(summary_ms),
        "bulk_replace": {"cells": step.cells_changed, "seconds": round(bulk_s, 2)},
        "undo_bulk_replace_s": round(undo_s, 2), "remap_time_zone_s": round(remap_s, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "targets": {"filtered_page_ms": 150, "cell_save_ms": 100, "bulk_replace_s": 5},
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
