"""HTTP client for MaestroQA's CSAT bulk-ingestion endpoint, and nothing else.

One function per endpoint (`send_batch`). It sets the headers, the timeouts
and the token in exactly one place, and turns every HTTP outcome into one
`OutcomeKind`. It never retries, sleeps or decides policy: `delivery` does.

The API token is a secret (shared/api/CONTRACT.md "Endpoint and
authentication"): no `BatchOutcome`, message, exception or repr made here holds
it. Any text that comes back from the wire is masked before it is kept.
"""

from __future__ import annotations

import enum
import json
import re
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError
from urllib3.util.retry import Retry

USER_AGENT = "csatportal/1.0"
ENDPOINT = "create-customer-feedback"
MASK = "[token]"
# A 201 for 100 items is about 10 KB; anything far larger is kept only in part.
MAX_BODY_CHARS = 65_536
MAX_DETAIL_CHARS = 300

SIZE_MESSAGE = "the item limit changed: lower MAESTROQA_BATCH_SIZE"
TOKEN_MESSAGE = "the API token is wrong or lacks access"
UNKNOWN_HINT = "the items may or may not have been created: do not resend without checking"

# Header values may hold visible ASCII and inner spaces (RFC 9110 field-value);
# checked here so that requests never builds an error message that quotes it.
_TOKEN_RE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")
_SIZE_400_RE = re.compile(r"too many|too large|limit|maximum|exceed|size", re.IGNORECASE)
_SECONDS_RE = re.compile(r"\d+(?:\.\d+)?")


class OutcomeKind(enum.StrEnum):
    """What one POST of a batch came to; `delivery` picks a policy per kind.

    CREATED: 201 with one documented result per item (items may still fail one by one).
    RATE_LIMITED: 429; wait `retry_after_seconds` (when given) and send again.
    RETRY_SAFE: nothing was created (refused before sending, 502, 503); sending again is safe.
    REJECTED: the whole request was refused (400, 401, 403, 404, 413, other 4xx, 3xx);
        sending again unchanged will not help, `message` says what to fix.
    UNKNOWN: the items may or may not have been created (timeout after sending, dropped
        connection, 500, 504, a 201 not in the documented shape). Resending can create
        duplicates: shared/api/CONTRACT.md "What the API does not give".
    """

    CREATED = "created"
    RATE_LIMITED = "rate_limited"
    RETRY_SAFE = "retry_safe"
    REJECTED = "rejected"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ItemResult:
    """MaestroQA's answer for one item of a 201, in request order.

    success: the item was created. maestro_id: MaestroQA's `_id` (17 hex characters in
    the vendor's example) when created, else None. status: the text as sent, "Created"
    or "Failed: <message>". Reference: shared/api/CONTRACT.md "Responses".
    """

    success: bool
    maestro_id: str | None
    status: str


@dataclass(frozen=True)
class BatchOutcome:
    """The outcome of one POST, ready to store as an attempt.

    kind: see `OutcomeKind`. http_status: the response's status, None when no response
    came. results: one `ItemResult` per item for CREATED, else empty.
    retry_after_seconds: from a Retry-After header (seconds, >= 0), else None.
    message: one sentence for people and logs, saying what happened and what to do.
    body_text: the response body (at most MAX_BODY_CHARS), "" when none.
    duration_ms: wall time of the request in milliseconds.
    """

    kind: OutcomeKind
    http_status: int | None
    results: tuple[ItemResult, ...]
    retry_after_seconds: float | None
    message: str
    body_text: str
    duration_ms: int


class ConfigurationError(Exception):
    """base_url or token cannot make a request at all; a person must fix the settings.

    Raised before anything is sent. The message never holds the token.
    """


def new_session() -> requests.Session:
    """A Session whose adapters never retry: a resent POST can duplicate items.

    Pass it to `send_batch` to reuse connections across batches.
    """
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=Retry(total=0))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def send_batch(
    items: list[dict[str, Any]],
    *,
    base_url: str,
    token: str,
    timeout: tuple[float, float] = (5, 60),
    session: requests.Session | None = None,
) -> BatchOutcome:
    """POST one batch to `{base_url}/create-customer-feedback` and classify the outcome.

    items: API items as in shared/api/CONTRACT.md "Request body" (at most 100 per
    request: CONTRACT.md "Limits"; not checked here, the API answers 413).
    base_url: e.g. "https://app.maestroqa.com/api/v1" (configuration, never a literal).
    timeout: (connect, read) seconds. session: ideally from `new_session()`; a session
    with urllib3 retries would resend POSTs.
    Raises ConfigurationError for an empty or unsendable token or an invalid base_url.
    Every other failure, network ones included, comes back as a BatchOutcome.
    """
    # Reference: CONTRACT.md "Endpoint and authentication".
    _check_token(token)
    url = f"{base_url.rstrip('/')}/{ENDPOINT}"
    body = json.dumps({"data": items}, ensure_ascii=False).encode("utf-8")
    headers = {
        "apiToken": token,
        "Content-Type": "application/json",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
    }
    own_session = session is None
    http = new_session() if session is None else session
    started = time.monotonic()
    try:
        response = http.post(url, data=body, headers=headers, timeout=timeout, allow_redirects=False)
    except requests.RequestException as exc:
        return _outcome_from_exception(exc, token, _elapsed_ms(started))
    finally:
        if own_session:
            http.close()
    return _classify_response(response, len(items), token, _elapsed_ms(started))


def _classify_response(
    response: requests.Response, item_count: int, token: str, duration_ms: int
) -> BatchOutcome:
    """Sort an HTTP response into a BatchOutcome (shared/api/CONTRACT.md "Responses").

    `token` is only used to mask it out of the kept body and messages.
    """
    status = response.status_code
    body_text = _mask(response.text, token)[:MAX_BODY_CHARS]
    retry_after = _retry_after_seconds(response.headers)

    def outcome(kind: OutcomeKind, message: str) -> BatchOutcome:
        masked = _mask(message, token)
        return BatchOutcome(kind, status, (), retry_after, masked, body_text, duration_ms)

    if status == 201:
        return _created_outcome(response, item_count, token, duration_ms, body_text)
    if status == 429:
        return outcome(OutcomeKind.RATE_LIMITED, "MaestroQA's rate limit was hit (HTTP 429)")
    if status in (502, 503):
        return outcome(OutcomeKind.RETRY_SAFE, f"MaestroQA is unavailable (HTTP {status})")
    if 300 <= status < 500:
        return outcome(OutcomeKind.REJECTED, _rejection_message(status, body_text, response))
    return outcome(
        OutcomeKind.UNKNOWN,
        f"MaestroQA answered HTTP {status}: {UNKNOWN_HINT} ({_excerpt(body_text)})",
    )


def _retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from a Retry-After header, given as seconds or as an HTTP-date.

    A date is measured from the response's own Date header when present (so our clock's
    skew does not count), else from now. Past dates give 0.0; no header or an unreadable
    one gives None. Reference: CONTRACT.md "Limits" (honour Retry-After).
    """
    value = headers.get("Retry-After", "").strip()
    if _SECONDS_RE.fullmatch(value):
        return float(value)
    retry_at = _parse_http_date(value)
    if retry_at is None:
        return None
    reference = _parse_http_date(headers.get("Date", "")) or datetime.now(UTC)
    return max(0.0, (retry_at - reference).total_seconds())


def _check_token(token: str) -> None:
    if not token:
        raise ConfigurationError("the API token is empty: set MAESTROQA_API_TOKEN")
    if not _TOKEN_RE.fullmatch(token):
        raise ConfigurationError(
            "the API token holds characters an HTTP header cannot carry "
            "(spaces at either end, line breaks, non-ASCII): check MAESTROQA_API_TOKEN"
        )


def _created_outcome(
    response: requests.Response, item_count: int, token: str, duration_ms: int, body_text: str
) -> BatchOutcome:
    results, problem = _parse_results(response, item_count, token)
    if results is None:
        message = f"MaestroQA answered 201 but {problem}: {UNKNOWN_HINT}"
        return BatchOutcome(OutcomeKind.UNKNOWN, 201, (), None, message, body_text, duration_ms)
    created = sum(result.success for result in results)
    message = f"{created} of {item_count} items created"
    return BatchOutcome(OutcomeKind.CREATED, 201, results, None, message, body_text, duration_ms)


def _parse_results(
    response: requests.Response, item_count: int, token: str
) -> tuple[tuple[ItemResult, ...] | None, str]:
    """(results, "") for the documented 201 body, else (None, what is wrong with it)."""
    try:
        payload = response.json()
    except ValueError:
        return None, "the body is not JSON"
    raw = payload.get("results") if isinstance(payload, dict) else None
    if not isinstance(raw, list):
        return None, "the body has no results list"
    if len(raw) != item_count:
        return None, f"it holds {len(raw)} results for {item_count} items"
    parsed = [_parse_result(entry, token) for entry in raw]
    results = tuple(result for result in parsed if result is not None)
    if len(results) != item_count:
        return None, "a result is not in the documented shape"
    return results, ""


def _parse_result(entry: Any, token: str) -> ItemResult | None:
    if not isinstance(entry, dict):
        return None
    success, maestro_id, status = entry.get("success"), entry.get("_id"), entry.get("status")
    if not isinstance(success, bool) or not isinstance(status, str):
        return None
    if success and not (isinstance(maestro_id, str) and maestro_id):
        return None
    return ItemResult(success, maestro_id if success else None, _mask(status, token))


def _rejection_message(status: int, body_text: str, response: requests.Response) -> str:
    if status in (401, 403):
        return f"MaestroQA refused the request (HTTP {status}): {TOKEN_MESSAGE}; check MAESTROQA_API_TOKEN"
    if status == 413 or (status == 400 and _SIZE_400_RE.search(body_text)):
        return f"MaestroQA refused the batch as too large (HTTP {status}): {SIZE_MESSAGE}"
    if status == 404:
        return "MaestroQA has no such endpoint (HTTP 404): check MAESTROQA_API_URL"
    if status < 400:
        location = response.headers.get("Location", "")
        return f"MaestroQA redirected to {location!r} (HTTP {status}): check MAESTROQA_API_URL"
    return f"MaestroQA refused the request (HTTP {status}): {_excerpt(body_text)}"


_URL_ERRORS = (
    requests.exceptions.InvalidURL,
    requests.exceptions.MissingSchema,
    requests.exceptions.InvalidSchema,
)
# Errors that can only happen while connecting, before a byte of the request is sent.
_CONNECT_ERRORS = (ConnectTimeoutError, requests.exceptions.ConnectTimeout, ssl.SSLCertVerificationError)


def _outcome_from_exception(exc: requests.RequestException, token: str, duration_ms: int) -> BatchOutcome:
    detail = _excerpt(_mask(str(exc), token))
    if isinstance(exc, _URL_ERRORS):
        raise ConfigurationError(f"MAESTROQA_API_URL is not a usable URL ({detail})") from None
    if _sent_nothing(exc):
        kind = OutcomeKind.RETRY_SAFE
        message = f"could not connect to MaestroQA, nothing was sent ({detail})"
    elif isinstance(exc, requests.exceptions.ReadTimeout):
        kind = OutcomeKind.UNKNOWN
        message = f"MaestroQA did not answer in time: {UNKNOWN_HINT} ({detail})"
    else:
        kind = OutcomeKind.UNKNOWN
        message = f"the connection failed after sending: {UNKNOWN_HINT} ({detail})"
    return BatchOutcome(kind, None, (), None, message, "", duration_ms)


def _sent_nothing(exc: BaseException) -> bool:
    """True when the request failed while connecting, before anything was sent.

    That is: connection refused, DNS failure, connect timeout, untrusted certificate.
    requests wraps urllib3's errors several layers deep (ConnectionError ->
    MaxRetryError.reason -> NewConnectionError, a ConnectTimeoutError subclass), so the
    whole chain is searched. A dropped connection or a read timeout is not in it.
    """
    seen: set[int] = set()
    pending: list[Any] = [exc]
    while pending:
        current = pending.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, _CONNECT_ERRORS):
            return True
        pending.extend(current.args)
        pending.extend([getattr(current, "reason", None), current.__cause__, current.__context__])
    return False


def _parse_http_date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _mask(text: str, token: str) -> str:
    return text.replace(token, MASK) if token else text


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_DETAIL_CHARS else text[: MAX_DETAIL_CHARS - 1] + "…"


def _elapsed_ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)
