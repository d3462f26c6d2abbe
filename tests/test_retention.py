"""Retention: files and comments go after RETENTION_DAYS; counts, results and item ids stay."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from tests.people import make_people, make_upload
from uploads import intake, jobs, retention, rowcheck
from uploads.models import Change, Row, Upload

pytestmark = pytest.mark.django_db


def _age(upload: Upload, days: int) -> None:
    Upload.objects.filter(pk=upload.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_it_purges_files_and_comments_of_old_uploads_only(shared, settings, capsys):
    settings.RETENTION_DAYS = 90
    owner = get_user_model().objects.create_user("maria")
    path = shared / "cases" / "B16-formula-comments.csv"
    old = intake.create_upload(owner, path, path.name, intake.ReadOptions())
    recent = intake.create_upload(owner, path, path.name, intake.ReadOptions())
    rowcheck.edit_cell(old.rows.get(number=2), 4, "edited comment")
    Change.objects.create(upload=old, action="edit", description="comment", before=[[1, 4, "=1+1"]])
    Row.objects.filter(upload=old, number=3).update(result=Row.Result.CREATED, maestro_id="mq-3")
    file_path = Path(old.file.path)
    _age(old, 91)
    _age(recent, 89)

    call_command("purge_old_uploads")
    assert capsys.readouterr().out == "Purged 1 upload(s).\n"

    old.refresh_from_db()
    assert old.purged_at is not None and not old.file
    assert not file_path.exists()
    rows = list(old.rows.order_by("number"))
    assert {row.cells[4] for row in rows} == {""}
    assert rows[0].edits == {}
    assert [row.cells[0] for row in rows][:2] == ["T-1501", "T-1502"]
    assert (rows[1].result, rows[1].maestro_id) == (Row.Result.CREATED, "mq-3")
    assert old.rows.count() == 9
    assert list(old.changes.values_list("before", flat=True)) == [[]]
    assert old.events.filter(action="purged").count() == 1
    recent.refresh_from_db()
    assert recent.purged_at is None and recent.file
    assert recent.rows.get(number=2).cells[4] == "=1+1"

    call_command("purge_old_uploads")
    assert capsys.readouterr().out == "Purged 0 upload(s).\n"


def test_it_removes_comments_from_stored_items(settings):
    people = make_people()
    upload = make_upload(people["maria"], people["alpha"], rows=1)
    Row.objects.filter(upload=upload).update(item={
        "ticket_id": "T-2", "score": 5, "comment": "secret story",
        "clarifying_answers": [{"question": "Easy?", "score": 4, "comment": "another story"}],
    })
    _age(upload, settings.RETENTION_DAYS + 1)
    assert jobs.purge_old_uploads() is None
    row = upload.rows.get()
    assert row.item == {"ticket_id": "T-2", "score": 5, "clarifying_answers": [{"question": "Easy?", "score": 4}]}
    assert row.cells == ["T-2", "A-01", "5", ""]


def test_it_leaves_an_upload_being_delivered_alone(settings):
    people = make_people()
    upload = make_upload(people["maria"], people["alpha"], status=Upload.Status.SENDING)
    _age(upload, settings.RETENTION_DAYS + 5)
    assert retention.purge_old_uploads() == 0


def test_it_schedules_the_purge_daily():
    from rq import cron

    import uploads.cron  # noqa: F401  (registers on import)

    registered = [job for job in cron._job_data_registry if job["name"] == "purge_old_uploads"]
    assert [(job["func"], job["interval"], job["queue_name"]) for job in registered] == [
        (jobs.purge_old_uploads, 86400, "default")
    ]
