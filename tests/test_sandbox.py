"""The sandbox endpoint through Django's test client, on the test Redis from the settings.

Runs under pytest-django with csatportal.test_settings (RQ_QUEUES["default"] on a real
Redis). The URLconf is this module's own, so the tests do not depend on whether
the portal is in sandbox mode.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

import django_rq
import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path

URL = "/sandbox/api/v1/create-customer-feedback"
urlpatterns = [path("sandbox/api/v1/", include("sandbox.urls"))]

ITEM: dict[str, Any] = {
    "submitted_at": "2021-10-05T14:48:00.000Z",
    "ticket_id": "922250816601",
    "agent_email": "bob@example.com",
    "score": 5,
    "comment": "Great service!",
    "score_label": "Perfect",
    "min_score": 0,
    "max_score": 5,
    "clarifying_answers": [
        {
            "question": "Did you like the product?",
            "score": 3,
            "comment": "OK",
            "score_label": "Meh",
            "min_score": 0,
            "max_score": 5,
        },
    ],
}
CREATED_ID = re.compile(r"[0-9a-f]{17}")
BAD_TIME = "Failed: submitted_at must be a UTC time like 2021-10-05T14:48:00.000Z"


@pytest.fixture(autouse=True)
def sandbox_urls(settings: Any) -> None:
    settings.ROOT_URLCONF = __name__


@pytest.fixture(autouse=True)
def fresh_windows() -> Iterator[None]:
    """Forget the sandbox's rate-limit windows before and after each test."""
    redis = django_rq.get_connection("default")
    _delete_sandbox_keys(redis)
    yield
    _delete_sandbox_keys(redis)


def _delete_sandbox_keys(redis: Any) -> None:
    keys = list(redis.scan_iter(match="sandbox:*"))
    if keys:
        redis.delete(*keys)


def post(data: Any, *, token: str | None = "sandbox", content_type: str = "application/json") -> HttpResponse:
    headers = {} if token is None else {"apiToken": token}
    body = data if isinstance(data, str) else json.dumps(data)
    return Client().post(URL, body, content_type=content_type, headers=headers)


def statuses(response: HttpResponse) -> list[str]:
    return [result["status"] for result in response.json()["results"]]


def test_it_creates_each_valid_item() -> None:
    response = post({"data": [ITEM, {**ITEM, "agent_email": "ann@example.com"}]})

    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["total"]) == ("completed", 2)
    assert [(r["action"], r["status"], r["success"]) for r in body["results"]] == [
        ("create", "Created", True)
    ] * 2
    ids = [result["_id"] for result in body["results"]]
    assert all(CREATED_ID.fullmatch(maestro_id) for maestro_id in ids)
    assert ids[0] != ids[1]


def test_it_takes_agent_id_or_agent_email_or_both() -> None:
    without_email = {key: value for key, value in ITEM.items() if key != "agent_email"}
    items = [{**without_email, "agent_id": "12345"}, ITEM, {**ITEM, "agent_id": "12345"}]

    assert statuses(post({"data": items})) == ["Created"] * 3


def test_it_fails_a_ticket_starting_with_fail_and_keeps_the_order() -> None:
    items = [ITEM, {**ITEM, "ticket_id": "FAIL-7"}, ITEM]

    response = post({"data": items})

    assert response.status_code == 201
    assert statuses(response) == ["Created", "Failed: ticket not found", "Created"]
    assert response.json()["results"][1] == {
        "action": "create",
        "status": "Failed: ticket not found",
        "success": False,
    }


def _without(*names: str) -> dict[str, Any]:
    return {key: value for key, value in ITEM.items() if key not in names}


@pytest.mark.parametrize(
    ("item", "status"),
    [
        ("not an object", "Failed: item must be an object"),
        (_without("submitted_at"), "Failed: submitted_at is required"),
        ({**ITEM, "submitted_at": "2021-10-05T14:48:00Z"}, BAD_TIME),
        ({**ITEM, "submitted_at": "2021-02-30T14:48:00.000Z"}, BAD_TIME),
        ({**ITEM, "submitted_at": "2021-10-05 14:48:00.000"}, BAD_TIME),
        (_without("ticket_id"), "Failed: ticket_id is required"),
        ({**ITEM, "ticket_id": ""}, "Failed: ticket_id must be a non-empty string"),
        ({**ITEM, "ticket_id": 922250816601}, "Failed: ticket_id must be a non-empty string"),
        (_without("agent_email"), "Failed: agent_id or agent_email is required"),
        ({**ITEM, "agent_id": None}, "Failed: agent_id must be a non-empty string"),
        (_without("score"), "Failed: score is required"),
        ({**ITEM, "score": "5"}, "Failed: score must be an integer"),
        ({**ITEM, "score": 4.5}, "Failed: score must be an integer"),
        ({**ITEM, "score": True}, "Failed: score must be an integer"),
        ({**ITEM, "min_score": "1"}, "Failed: min_score must be an integer"),
        ({**ITEM, "max_score": None}, "Failed: max_score must be an integer"),
        ({**ITEM, "comment": 5}, "Failed: comment must be a string"),
        ({**ITEM, "clarifying_answers": {"question": "Q"}}, "Failed: clarifying_answers must be a list"),
        ({**ITEM, "clarifying_answers": ["Q"]}, "Failed: clarifying_answers[0] must be an object"),
        (
            {**ITEM, "clarifying_answers": [{"question": "Q"}]},
            "Failed: clarifying_answers[0].score is required",
        ),
        (
            {**ITEM, "clarifying_answers": [{"question": "Q", "score": 1}, {"score": 2, "max_score": "5"}]},
            "Failed: clarifying_answers[1].question is required; "
            "clarifying_answers[1].max_score must be an integer",
        ),
        (
            {**_without("agent_email", "score"), "ticket_id": "FAIL-1"},
            "Failed: agent_id or agent_email is required; score is required",
        ),
    ],
)
def test_it_fails_an_item_that_breaks_the_contract(item: Any, status: str) -> None:
    response = post({"data": [ITEM, item]})

    assert response.status_code == 201
    assert response.json()["results"][1] == {"action": "create", "status": status, "success": False}
    assert statuses(response)[0] == "Created"


def test_it_takes_100_items_and_refuses_101() -> None:
    accepted = post({"data": [ITEM] * 100})
    refused = post({"data": [ITEM] * 101})

    assert (accepted.status_code, accepted.json()["total"]) == (201, 100)
    assert refused.status_code == 413
    assert refused.json() == {"error": "at most 100 items per request"}


def test_it_follows_a_lowered_item_limit(settings: Any) -> None:
    settings.SANDBOX_MAX_ITEMS = 2

    response = post({"data": [ITEM] * 3})

    assert (response.status_code, response.json()) == (413, {"error": "at most 2 items per request"})


@pytest.mark.parametrize("token", [None, "", "   "])
def test_it_requires_an_api_token(token: str | None) -> None:
    response = post({"data": [ITEM]}, token=token)

    assert response.status_code == 401
    assert response.json() == {"error": "missing apiToken header"}


def test_it_answers_only_post() -> None:
    response = Client().get(URL, headers={"apiToken": "sandbox"})

    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    ("data", "content_type", "error"),
    [
        ("{not json", "application/json", "the body is not JSON"),
        ({"items": [ITEM]}, "application/json", 'the body must be {"data": [item, ...]}'),
        ({"data": ITEM}, "application/json", 'the body must be {"data": [item, ...]}'),
        ([ITEM], "application/json", 'the body must be {"data": [item, ...]}'),
        ({"data": [ITEM]}, "text/plain", "Content-Type must be application/json"),
    ],
)
def test_it_refuses_a_malformed_body(data: Any, content_type: str, error: str) -> None:
    response = post(data, content_type=content_type)

    assert (response.status_code, response.json()) == (400, {"error": error})


def test_it_allows_10_requests_a_second() -> None:
    responses = [post({"data": [ITEM]}) for _ in range(11)]

    assert [response.status_code for response in responses] == [201] * 10 + [429]
    assert responses[-1]["Retry-After"] == "1"


def test_it_answers_429_with_retry_after_per_token(settings: Any) -> None:
    settings.SANDBOX_RATE_LIMITS = [(2, 60.0)]

    codes = [post({"data": [ITEM]}, token="token-a").status_code for _ in range(3)]
    refused = post({"data": [ITEM]}, token="token-a")
    other = post({"data": [ITEM]}, token="token-b")

    assert codes == [201, 201, 429]
    assert refused.json() == {"error": "rate limit exceeded"}
    assert refused["Retry-After"] == "60"
    assert other.status_code == 201


def test_it_counts_refused_requests_in_the_window(settings: Any) -> None:
    settings.SANDBOX_RATE_LIMITS = [(2, 60.0)]

    codes = [post("{not json").status_code for _ in range(2)] + [post({"data": [ITEM]}).status_code]

    assert codes == [400, 400, 429]


def test_it_keys_the_window_by_a_hash_of_the_token() -> None:
    post({"data": [ITEM]}, token="secret-sandbox-token")

    keys = [key.decode() for key in django_rq.get_connection("default").scan_iter(match="sandbox:*")]
    assert keys == ["sandbox:" + hashlib.sha256(b"secret-sandbox-token").hexdigest()[:16]]
