"""The admin shows each upload's batches with their attempts, and each batch's per-item results."""

import django_rq
import pytest
from django.contrib.auth import get_user_model

from tests.fakemaestro import FakeMaestro
from tests.test_delivery import make_upload
from uploads import delivery
from uploads.models import Batch

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_shows_batches_attempts_and_item_results(client, settings, queue):
    with FakeMaestro() as server:
        server.script([("429", {"Retry-After": "0"}), ("201",), ("504",)])
        settings.MAESTROQA_API_URL, settings.MAESTROQA_API_TOKEN = server.base_url, "test-token-not-real"
        upload = make_upload(150)
        delivery.submit_upload(upload, upload.owner)
        django_rq.get_worker("default", worker_class="rq.SimpleWorker").work(burst=True)
    admin = get_user_model().objects.create_superuser("boss", "boss@example.test", "pw-not-real")
    client.force_login(admin)

    page = client.get(f"/admin/uploads/upload/{upload.pk}/change/").content.decode()
    assert "<td>Answered</td><td>100</td><td>429 rate_limited, 201 created</td>" in page
    assert "<td>Not confirmed</td><td>50</td><td>504 unknown</td>" in page

    first = Batch.objects.get(sequence=1)
    page = client.get(f"/admin/uploads/batch/{first.pk}/change/").content.decode()
    created = upload.rows.get(number=2)
    assert created.maestro_id in page
    assert page.count("Created") >= 100


def test_it_calls_them_batches_in_the_admin():
    assert str(Batch._meta.verbose_name_plural) == "batches"
