"""The sandbox's one endpoint: MaestroQA's CSAT bulk ingestion, as shared/api/CONTRACT.md states it.

It answers like the real API (401, 405, 429 with Retry-After, 400, 413, then a
201 with one result per item) but stores nothing. It is deterministic where the
real API depends on data we cannot see: an item whose ticket_id starts with
"FAIL-" comes back "Failed: ticket not found".

It imports nothing from `uploads` but the shared limiter, so that deleting this
app leaves the client untouched.
"""

from __future__ import annotations

import json
import math
import re
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any

import django_rq
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from uploads import ratelimit

# shared/api/CONTRACT.md "Limits"; settings can lower them to rehearse a vendor change.
MAX_ITEMS = 100
RATE_LIMITS: list[tuple[int, float]] = [(10, 1.0), (100, 60.0)]
KEY_PREFIX = "sandbox:"
# CONTRACT.md "Request body": ISO-8601 UTC with milliseconds, e.g. 2021-10-05T14:48:00.000Z.
SUBMITTED_AT_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
SUBMITTED_AT_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
SUBMITTED_AT_EXAMPLE = "2021-10-05T14:48:00.000Z"

Check = Callable[[dict[str, Any]], list[str]]


@csrf_exempt
@require_POST
def create_customer_feedback(request: HttpRequest) -> JsonResponse:
    """POST {"data": [item, ...]} -> 201 {"status": "completed", "total": N, "results": [...]}.

    Request-level refusals come first, in this order: 401 without an apiToken header,
    429 past SANDBOX_RATE_LIMITS for that token (every request counts), 400 for a body
    that is not {"data": [...]} JSON, 413 for more than SANDBOX_MAX_ITEMS items.
    """
    token = request.headers.get("apiToken", "").strip()
    if not token:
        return _error(401, "missing apiToken header")
    wait = _limiter(token).try_acquire()
    if wait > 0:
        response = _error(429, "rate limit exceeded")
        response["Retry-After"] = str(math.ceil(wait))
        return response
    items, problem = _read_items(request)
    if items is None:
        return _error(400, problem)
    max_items = getattr(settings, "SANDBOX_MAX_ITEMS", MAX_ITEMS)
    if len(items) > max_items:
        return _error(413, f"at most {max_items} items per request")
    results = [_item_result(item) for item in items]
    return JsonResponse({"status": "completed", "total": len(results), "results": results}, status=201)


def _item_result(item: Any) -> dict[str, Any]:
    """One item's result: created with a random 17-hex `_id`, or "Failed: <problems>".

    Reference: shared/api/CONTRACT.md "Responses".
    """
    problems = _item_problems(item)
    if not problems and item["ticket_id"].startswith("FAIL-"):
        problems = ["ticket not found"]
    if problems:
        return {"action": "create", "status": "Failed: " + "; ".join(problems), "success": False}
    return {"action": "create", "_id": secrets.token_hex(9)[:17], "status": "Created", "success": True}


def _item_problems(item: Any) -> list[str]:
    """What is wrong with one item under shared/api/CONTRACT.md "Request body"; [] when nothing.

    Optional fields may be left out, but one that is present must have its type (null too
    is refused), so that the portal's items are checked strictly.
    """
    if not isinstance(item, dict):
        return ["item must be an object"]
    checks: list[Check] = [
        _check_submitted_at,
        _required_string("ticket_id"),
        _check_agent,
        _required_integer("score"),
        _optional_string("comment"),
        _optional_string("score_label"),
        _optional_integer("min_score"),
        _optional_integer("max_score"),
        _check_clarifying_answers,
    ]
    return [problem for check in checks for problem in check(item)]


def _limiter(token: str) -> ratelimit.SlidingWindowLimiter:
    limits = getattr(settings, "SANDBOX_RATE_LIMITS", RATE_LIMITS)
    key = ratelimit.token_key(KEY_PREFIX, token)
    return ratelimit.SlidingWindowLimiter(django_rq.get_connection("default"), key, limits)


def _read_items(request: HttpRequest) -> tuple[list[Any] | None, str]:
    if request.content_type != "application/json":
        return None, "Content-Type must be application/json"
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, "the body is not JSON"
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        return None, 'the body must be {"data": [item, ...]}'
    return body["data"], ""


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _check_submitted_at(item: dict[str, Any]) -> list[str]:
    if "submitted_at" not in item:
        return ["submitted_at is required"]
    value = item["submitted_at"]
    if isinstance(value, str) and SUBMITTED_AT_RE.fullmatch(value):
        try:
            datetime.strptime(value, SUBMITTED_AT_FORMAT)
            return []
        except ValueError:
            pass
    return [f"submitted_at must be a UTC time like {SUBMITTED_AT_EXAMPLE}"]


def _check_agent(item: dict[str, Any]) -> list[str]:
    problems = [
        f"{name} must be a non-empty string"
        for name in ("agent_id", "agent_email")
        if name in item and not _is_text(item[name])
    ]
    if not problems and "agent_id" not in item and "agent_email" not in item:
        problems.append("agent_id or agent_email is required")
    return problems


def _check_clarifying_answers(item: dict[str, Any]) -> list[str]:
    answers = item.get("clarifying_answers", [])
    if not isinstance(answers, list):
        return ["clarifying_answers must be a list"]
    return [
        problem
        for index, answer in enumerate(answers)
        for problem in _answer_problems(answer, f"clarifying_answers[{index}]")
    ]


def _answer_problems(answer: Any, where: str) -> list[str]:
    """CONTRACT.md "Request body", a clarifying answer: question and score required."""
    if not isinstance(answer, dict):
        return [f"{where} must be an object"]
    checks = [
        _required_string("question"),
        _required_integer("score"),
        _optional_string("comment"),
        _optional_string("score_label"),
        _optional_integer("min_score"),
        _optional_integer("max_score"),
    ]
    return [f"{where}.{problem}" for check in checks for problem in check(answer)]


def _required_string(name: str) -> Check:
    def check(item: dict[str, Any]) -> list[str]:
        if name not in item:
            return [f"{name} is required"]
        return [] if _is_text(item[name]) else [f"{name} must be a non-empty string"]

    return check


def _required_integer(name: str) -> Check:
    def check(item: dict[str, Any]) -> list[str]:
        if name not in item:
            return [f"{name} is required"]
        return [] if _is_integer(item[name]) else [f"{name} must be an integer"]

    return check


def _optional_string(name: str) -> Check:
    def check(item: dict[str, Any]) -> list[str]:
        return [] if name not in item or isinstance(item[name], str) else [f"{name} must be a string"]

    return check


def _optional_integer(name: str) -> Check:
    def check(item: dict[str, Any]) -> list[str]:
        return [] if name not in item or _is_integer(item[name]) else [f"{name} must be an integer"]

    return check
