"""uploads.maestro against the fake MaestroQA over real loopback HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from requests.adapters import HTTPAdapter

from tests.fakemaestro import FakeMaestro
from uploads import maestro
from uploads.maestro import BatchOutcome, ItemResult, OutcomeKind

TOKEN = "fake-token-for-tests"
ITEMS: list[dict[str, Any]] = [
    {
        "submitted_at": "2021-10-05T14:48:00.000Z",
        "ticket_id": "922250816601",
        "agent_email": "bob@example.com",
        "score": 5,
        "comment": "Très bien ✓",
        "min_score": 1,
        "max_score": 5,
    },
    {"submitted_at": "2021-10-05T15:00:00.000Z", "ticket_id": "00123", "agent_id": "42", "score": 2},
]
CREATED_BODY: dict[str, Any] = {
    "status": "completed",
    "total": 2,
    "results": [
        {"action": "create", "_id": "5840ec43ac414d9c9", "status": "Created", "success": True},
        {"action": "create", "status": "Failed: agent not found", "success": False},
    ],
}


@pytest.fixture
def server() -> Iterator[FakeMaestro]:
    with FakeMaestro(hang_seconds=2.0) as fake:
        yield fake


def send(server: FakeMaestro, **kwargs: Any) -> BatchOutcome:
    return maestro.send_batch(ITEMS, base_url=server.base_url, token=TOKEN, **kwargs)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_it_posts_the_items_with_the_documented_headers(server: FakeMaestro) -> None:
    send(server)

    [request] = server.requests
    assert request.method == "POST"
    assert request.path == "/api/v1/create-customer-feedback"
    assert request.headers["apiToken"] == TOKEN
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"] == "csatportal/1.0"
    assert request.body == json.dumps({"data": ITEMS}, ensure_ascii=False).encode("utf-8")
    assert "Très bien ✓".encode() in request.body
    assert request.json == {"data": ITEMS}


def test_it_joins_a_base_url_with_a_trailing_slash(server: FakeMaestro) -> None:
    maestro.send_batch(ITEMS, base_url=server.base_url + "/", token=TOKEN)

    assert server.requests[0].path == "/api/v1/create-customer-feedback"


def test_it_returns_one_result_per_item_for_a_201(server: FakeMaestro) -> None:
    server.script([("201", {}, CREATED_BODY)])

    outcome = send(server)

    assert outcome.kind == OutcomeKind.CREATED
    assert outcome.http_status == 201
    assert outcome.results == (
        ItemResult(success=True, maestro_id="5840ec43ac414d9c9", status="Created"),
        ItemResult(success=False, maestro_id=None, status="Failed: agent not found"),
    )
    assert outcome.message == "1 of 2 items created"
    assert json.loads(outcome.body_text) == CREATED_BODY
    assert outcome.retry_after_seconds is None
    assert outcome.duration_ms >= 0


def test_it_reuses_a_session_without_urllib3_retries(server: FakeMaestro) -> None:
    session = maestro.new_session()

    first = send(server, session=session)
    second = send(server, session=session)

    adapter = session.get_adapter("https://app.maestroqa.com")
    assert isinstance(adapter, HTTPAdapter)
    assert adapter.max_retries.total == 0
    assert [first.kind, second.kind] == [OutcomeKind.CREATED, OutcomeKind.CREATED]
    assert [len(first.results), len(second.results)] == [2, 2]
    session.close()


def test_it_honours_retry_after_in_seconds(server: FakeMaestro) -> None:
    server.script([("429", {"Retry-After": "2"})])

    outcome = send(server)

    assert outcome.kind == OutcomeKind.RATE_LIMITED
    assert outcome.http_status == 429
    assert outcome.retry_after_seconds == 2.0
    assert outcome.results == ()
    assert outcome.message == "MaestroQA's rate limit was hit (HTTP 429)"


def test_it_reads_retry_after_as_an_http_date_against_the_server_date(server: FakeMaestro) -> None:
    headers = {"Date": "Wed, 21 Oct 2015 07:28:00 GMT", "Retry-After": "Wed, 21 Oct 2015 07:28:30 GMT"}
    server.script([("429", headers)])

    assert send(server).retry_after_seconds == 30.0


def test_it_leaves_retry_after_empty_when_absent_or_unreadable(server: FakeMaestro) -> None:
    server.script([("429",), ("429", {"Retry-After": "soon"})])

    assert [send(server).retry_after_seconds, send(server).retry_after_seconds] == [None, None]


@pytest.mark.parametrize("status", ["502", "503"])
def test_it_calls_a_gateway_error_retry_safe(server: FakeMaestro, status: str) -> None:
    server.script([(status, {"Retry-After": "7"})])

    outcome = send(server)

    assert outcome.kind == OutcomeKind.RETRY_SAFE
    assert outcome.http_status == int(status)
    assert outcome.retry_after_seconds == 7.0
    assert outcome.message == f"MaestroQA is unavailable (HTTP {status})"


def test_it_calls_a_refused_connection_retry_safe() -> None:
    base_url = f"http://127.0.0.1:{closed_port()}/api/v1"

    outcome = maestro.send_batch(ITEMS, base_url=base_url, token=TOKEN, timeout=(1, 1))

    assert outcome.kind == OutcomeKind.RETRY_SAFE
    assert outcome.http_status is None
    assert outcome.message.startswith("could not connect to MaestroQA, nothing was sent (")
    assert outcome.body_text == ""


def test_it_calls_a_dns_failure_retry_safe() -> None:
    base_url = "http://csatportal-test.invalid/api/v1"

    outcome = maestro.send_batch(ITEMS, base_url=base_url, token=TOKEN, timeout=(1, 1))

    assert outcome.kind == OutcomeKind.RETRY_SAFE
    assert outcome.message.startswith("could not connect to MaestroQA, nothing was sent (")


def test_it_calls_a_read_timeout_unknown(server: FakeMaestro) -> None:
    server.script([("timeout",)])

    outcome = send(server, timeout=(1, 0.3))

    assert outcome.kind == OutcomeKind.UNKNOWN
    assert outcome.http_status is None
    assert outcome.message.startswith(
        "MaestroQA did not answer in time: the items may or may not have been created: "
        "do not resend without checking ("
    )
    assert 300 <= outcome.duration_ms < 2000
    assert len(server.requests) == 1


def test_it_calls_a_dropped_connection_unknown(server: FakeMaestro) -> None:
    server.script([("drop",)])

    outcome = send(server)

    assert outcome.kind == OutcomeKind.UNKNOWN
    assert outcome.http_status is None
    assert outcome.message.startswith("the connection failed after sending: the items may or may not")
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", ["500", "504"])
def test_it_calls_a_server_error_unknown(server: FakeMaestro, status: str) -> None:
    server.script([(status, {}, "upstream exploded")])

    outcome = send(server)

    assert outcome.kind == OutcomeKind.UNKNOWN
    assert outcome.http_status == int(status)
    assert outcome.message == (
        f"MaestroQA answered HTTP {status}: the items may or may not have been created: "
        "do not resend without checking (upstream exploded)"
    )
    assert outcome.body_text == "upstream exploded"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            {"status": "completed", "total": 1, "results": CREATED_BODY["results"][:1]},
            "it holds 1 results for 2 items",
        ),
        ("<html>OK</html>", "the body is not JSON"),
        ({"status": "completed", "total": 2}, "the body has no results list"),
        (
            {"results": [{"success": True, "status": "Created"}] * 2},
            "a result is not in the documented shape",
        ),
        (
            {"results": [{"success": "yes", "_id": "a", "status": "Created"}] * 2},
            "a result is not in the documented shape",
        ),
    ],
)
def test_it_calls_an_undocumented_201_unknown(server: FakeMaestro, body: Any, problem: str) -> None:
    server.script([("201", {}, body)])

    outcome = send(server)

    assert outcome.kind == OutcomeKind.UNKNOWN
    assert outcome.http_status == 201
    assert outcome.results == ()
    assert outcome.message == (
        f"MaestroQA answered 201 but {problem}: the items may or may not have been created: "
        "do not resend without checking"
    )


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (
            "401",
            None,
            "MaestroQA refused the request (HTTP 401): the API token is wrong or lacks access; "
            "check MAESTROQA_API_TOKEN",
        ),
        (
            "403",
            None,
            "MaestroQA refused the request (HTTP 403): the API token is wrong or lacks access; "
            "check MAESTROQA_API_TOKEN",
        ),
        (
            "413",
            None,
            "MaestroQA refused the batch as too large (HTTP 413): "
            "the item limit changed: lower MAESTROQA_BATCH_SIZE",
        ),
        (
            "400",
            {"error": "Too many items in data"},
            "MaestroQA refused the batch as too large (HTTP 400): "
            "the item limit changed: lower MAESTROQA_BATCH_SIZE",
        ),
        (
            "400",
            {"error": "data must be a list"},
            'MaestroQA refused the request (HTTP 400): {"error": "data must be a list"}',
        ),
        ("404", None, "MaestroQA has no such endpoint (HTTP 404): check MAESTROQA_API_URL"),
        ("422", "no", "MaestroQA refused the request (HTTP 422): no"),
    ],
)
def test_it_calls_a_refused_request_rejected(
    server: FakeMaestro, status: str, body: Any, message: str
) -> None:
    server.script([(status, {}, body) if body is not None else (status,)])

    outcome = send(server)

    assert outcome.kind == OutcomeKind.REJECTED
    assert outcome.http_status == int(status)
    assert outcome.results == ()
    assert outcome.message == message


def test_it_does_not_follow_a_redirect_with_the_token(server: FakeMaestro) -> None:
    with FakeMaestro() as elsewhere:
        server.script([("307", {"Location": elsewhere.base_url + "/create-customer-feedback"})])

        outcome = send(server)

        assert outcome.kind == OutcomeKind.REJECTED
        assert outcome.http_status == 307
        assert outcome.message.endswith("(HTTP 307): check MAESTROQA_API_URL")
        assert elsewhere.requests == []


@pytest.mark.parametrize(
    "step",
    [
        ("201",),
        ("401", {}, f"bad token {TOKEN}"),
        ("500", {}, {"echo": TOKEN}),
        ("429",),
        ("drop",),
        ("timeout",),
    ],
)
def test_it_never_keeps_the_token(server: FakeMaestro, step: tuple[Any, ...]) -> None:
    server.script([step])

    outcome = send(server, timeout=(1, 0.3))

    assert TOKEN not in repr(outcome)
    assert TOKEN not in str(outcome)
    assert TOKEN not in outcome.message
    assert TOKEN not in outcome.body_text


def test_it_masks_a_token_echoed_in_the_body(server: FakeMaestro) -> None:
    server.script([("401", {}, f"bad token {TOKEN}")])

    assert send(server).body_text == "bad token [token]"


def test_it_keeps_the_token_out_of_a_refused_connection() -> None:
    base_url = f"http://127.0.0.1:{closed_port()}/api/v1"

    outcome = maestro.send_batch(ITEMS, base_url=base_url, token=TOKEN, timeout=(1, 1))

    assert TOKEN not in repr(outcome)


@pytest.mark.parametrize("token", ["", " padded ", "line\nbreak", "naïve"])
def test_it_refuses_an_unsendable_token_without_quoting_it(server: FakeMaestro, token: str) -> None:
    with pytest.raises(maestro.ConfigurationError) as raised:
        maestro.send_batch(ITEMS, base_url=server.base_url, token=token)

    assert token.strip() == "" or token.strip() not in str(raised.value)
    assert server.requests == []


def test_it_refuses_an_unusable_base_url() -> None:
    with pytest.raises(maestro.ConfigurationError) as raised:
        maestro.send_batch(ITEMS, base_url="app.maestroqa.com/api/v1", token=TOKEN)

    assert str(raised.value).startswith("MAESTROQA_API_URL is not a usable URL (")
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__ is True


def test_it_flags_requests_that_break_the_fakes_windows() -> None:
    with FakeMaestro(limits=[(2, 1.0)]) as server:
        kinds = [send(server).kind for _ in range(3)]

        assert kinds == [OutcomeKind.CREATED, OutcomeKind.CREATED, OutcomeKind.RATE_LIMITED]
        assert server.violations == 1
        assert [request.violation for request in server.requests] == [False, False, True]


def test_it_fails_items_whose_ticket_starts_with_fail_in_the_fake(server: FakeMaestro) -> None:
    items = [dict(ITEMS[0], ticket_id="FAIL-1"), ITEMS[1]]

    outcome = maestro.send_batch(items, base_url=server.base_url, token=TOKEN)

    assert [result.status for result in outcome.results] == ["Failed: ticket not found", "Created"]
    assert len(outcome.results[1].maestro_id or "") == 17


def test_it_runs_the_fake_as_a_separate_process(tmp_path: Path) -> None:
    log = tmp_path / "requests.jsonl"
    fake = Path(__file__).with_name("fakemaestro.py")
    command = [sys.executable, str(fake), "--port", "0", "--log", str(log), "--script", '[["503"]]']
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip().removeprefix("listening on ")
        kinds = [maestro.send_batch(ITEMS, base_url=base_url, token=TOKEN).kind for _ in range(2)]
    finally:
        process.terminate()
        process.wait(timeout=10)

    assert kinds == [OutcomeKind.RETRY_SAFE, OutcomeKind.CREATED]
    assert process.returncode == 0
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [entry["action"] for entry in entries] == ["503", "201"]
    assert entries[0]["json"] == {"data": ITEMS}
    assert entries[0]["headers"]["User-Agent"] == "csatportal/1.0"
