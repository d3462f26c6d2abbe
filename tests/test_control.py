"""The watchdog and job slices: deliveries whose job died or was lost go on by themselves."""

from datetime import timedelta

import django_rq
import pytest
from django.utils import timezone

from tests.test_delivery import make_upload
from uploads import control, delivery, intake
from uploads.models import Upload

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_resumes_a_delivery_whose_heartbeat_stopped(fake, queue, settings):
    upload = make_upload(150)
    delivery.submit_upload(upload, upload.owner)
    queue.empty()
    long_ago = timezone.now() - timedelta(seconds=settings.DELIVERY_STALE_SECONDS + 1)
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.SENDING, lease="dead", heartbeat_at=long_ago)

    assert control.check_deliveries() == [upload.pk]
    assert control.check_deliveries() == []
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert [len(r.json["data"]) for r in fake.requests] == [100, 50]


def test_it_requeues_a_continuation_that_redis_lost(fake, queue, settings):
    upload = make_upload(5)
    delivery.submit_upload(upload, upload.owner)
    queue.empty()
    long_ago = timezone.now() - timedelta(seconds=settings.DELIVERY_STALE_SECONDS + 1)
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.RATE_LIMITED, resume_at=long_ago)

    assert control.check_deliveries() == [upload.pk]
    delivery.wait_until_done(upload)
    assert len(fake.requests) == 1


def test_it_hands_over_to_a_new_job_after_each_slice(fake, queue, settings):
    settings.DELIVERY_SLICE_SECONDS = 0
    upload = make_upload(240)
    delivery.submit_upload(upload, upload.owner)
    delivery.wait_until_done(upload)
    upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE
    assert [len(r.json["data"]) for r in fake.requests] == [100, 100, 40]
    assert upload.job_id != ""


def test_a_worker_redoes_a_check_that_stopped_half_way(queue):
    upload = make_upload(5)
    long_ago = timezone.now() - timedelta(seconds=intake.STALE_SECONDS + 1)
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.CHECKING, lease="dead", heartbeat_at=long_ago)
    Upload.objects.filter(pk=upload.pk).update(preset={"name": "made", "columns": {"ticket_id": "ticket_id"}})

    assert control.check_uploads() == [upload.pk]
    assert [job.id for job in queue.jobs] == [f"recover-upload-{upload.pk}"]
    django_rq.get_worker("default", worker_class="rq.SimpleWorker").work(burst=True)

    upload.refresh_from_db()
    assert (upload.status, upload.lease, upload.heartbeat_at) == (Upload.Status.NEEDS_FIXES, "", None)
    assert control.check_uploads() == []
