"""The pictures above the fix-it table: rows to send per score of the scale and per UTC day."""

import pytest
from django.contrib.auth import get_user_model

from tests.test_table import answer, make_upload
from uploads import charts

pytestmark = pytest.mark.django_db


def test_it_draws_charts_from_valid_rows(tmp_path):
    uploader = get_user_model().objects.create_user("maria", password="correct horse 7")
    upload = make_upload(uploader, tmp_path, [answer(1, "3"), answer(2, "5"), answer(6, "5"), answer(3, "9")])
    drawn = charts.charts(upload)
    assert [(bar["score"], bar["rows"]) for bar in drawn["scores"]] == [(1, 0), (2, 0), (3, 1), (4, 0), (5, 2)]
    assert [(bar["day"], bar["rows"]) for bar in drawn["days"]] == [("2026-10-02", 2), ("2026-10-03", 1)]
    assert drawn["total"] == 3
    duplicate = upload.rows.get(number=4)
    duplicate.status, duplicate.include_anyway = "duplicate", True  # sent too (QA round 47c)
    duplicate.save()
    assert charts.charts(upload)["total"] == 3
    upload.rows.filter(number=3).update(status="duplicate", include_anyway=False)
    assert [(bar["score"], bar["rows"]) for bar in charts.charts(upload)["scores"]][2:] == [(3, 1), (4, 0), (5, 1)]
