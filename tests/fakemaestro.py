"""A fake MaestroQA bulk endpoint for tests: real HTTP on 127.0.0.1, scriptable.

This is test equipment, written apart from the `sandbox` app on purpose, so that
the client is checked against a second reading of shared/api/CONTRACT.md.

In a test::

    with FakeMaestro(limits=CONTRACT_LIMITS) as server:
        server.script([("201",), ("429", {"Retry-After": "2"}), ("timeout",), ("drop",)])
        maestro.send_batch(items, base_url=server.base_url, token="test-token")
        server.requests[0].json  # -> {"data": [...]}

As a process (for a worker started apart)::

    python tests/fakemaestro.py --port 0 --log requests.jsonl [--limits] [--script JSON]

prints "listening on <base_url>" once ready, writes one JSON line per request to
the log, and stops on SIGTERM or SIGINT.

A step is (action,) or (action, headers) or (action, headers, body):
- action "201".."599": answer that status. A 201 without a body gets one result
  per item: created with a random 17-hex `_id`, or, for an item whose ticket_id
  starts with "FAIL-", "Failed: ticket not found" (the sandbox's convention too).
  Other statuses get {"error": "<reason>"} unless a body is given.
- "timeout": read the request, answer nothing for `hang_seconds`, then a 201
  (the items count as created, as they might be at the real API).
- "drop": read the request, then close the connection without an answer.
headers replace the default ones (a "Date" header replaces the server's).
Once the script is used up, every request gets the default 201.
"""

from __future__ import annotations

import argparse
import collections
import json
import secrets
import signal
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# shared/api/CONTRACT.md "Limits": 10 per second and 100 per minute per token.
CONTRACT_LIMITS: list[tuple[int, float]] = [(10, 1.0), (100, 60.0)]
ENDPOINT_SUFFIX = "/create-customer-feedback"
ACTIONS_WITHOUT_STATUS = ("timeout", "drop")

Step = tuple[Any, ...]


@dataclass
class RecordedRequest:
    """One request as the fake saw it.

    time: arrival, seconds since the epoch. monotonic: arrival on time.monotonic().
    headers: as sent (names as the client wrote them). json: the parsed body, None
    when it is not JSON. action: the step applied ("201", "timeout", ...).
    violation: it arrived while a rate-limit window was already full.
    """

    time: float
    monotonic: float
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    json: Any
    action: str
    violation: bool


class SlidingWindows:
    """Counts arrivals in sliding windows, to tell when a client sends too fast.

    Written independently of uploads.ratelimit, to check it. An arrival is a
    violation when a window (t - w, t] already holds its max arrivals; every arrival
    counts, violating or not, as the strictest reading of the vendor's limits.
    """

    def __init__(self, limits: Sequence[tuple[int, float]]):
        self.limits = list(limits)
        self.arrivals: list[float] = []

    def arrive(self, now: float) -> bool:
        """Record an arrival at `now` (seconds); True when it breaks a window."""
        broken = any(
            sum(1 for seen in self.arrivals if seen > now - window) >= count for count, window in self.limits
        )
        self.arrivals.append(now)
        return broken


class FakeMaestro:
    """A threaded HTTP server on 127.0.0.1 that stands in for MaestroQA's bulk endpoint.

    port: 0 for a free one. limits: when given, (count, window seconds) pairs to
    enforce; a request that breaks one gets a 429 with Retry-After "1" and adds one
    to `violations`. log_path: append one JSON line per request. hang_seconds: how
    long a "timeout" step holds the answer. Use as a context manager.
    """

    def __init__(
        self,
        *,
        port: int = 0,
        limits: Sequence[tuple[int, float]] | None = None,
        log_path: Path | str | None = None,
        hang_seconds: float = 5.0,
    ):
        self.hang_seconds = hang_seconds
        self.windows = SlidingWindows(limits) if limits else None
        self.log_path = Path(log_path) if log_path else None
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._steps: collections.deque[Step] = collections.deque()
        self._requests: list[RecordedRequest] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The value for MAESTROQA_API_URL, e.g. "http://127.0.0.1:40123/api/v1"."""
        return f"http://127.0.0.1:{self.port}/api/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request so far, in arrival order (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def violations(self) -> int:
        """How many requests broke a rate-limit window (0 when limits are not enforced)."""
        return sum(1 for request in self.requests if request.violation)

    def script(self, steps: Iterable[Step]) -> None:
        """Queue steps for the next requests to the endpoint, one step per request.

        Raises ValueError for an action that is neither a status nor "timeout"/"drop".
        """
        steps = [tuple(step) for step in steps]
        for step in steps:
            action = str(step[0])
            if action not in ACTIONS_WITHOUT_STATUS and not (action.isdigit() and 200 <= int(action) <= 599):
                raise ValueError(f"unknown step {step!r}")
        with self._lock:
            self._steps.extend(steps)

    def __enter__(self) -> FakeMaestro:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def next_step(self, now: float) -> tuple[Step, bool]:
        """The step for an endpoint request arriving at monotonic `now`, and whether it broke a window.

        A request that breaks a window gets a 429 and leaves the script as it is.
        """
        with self._lock:
            if self.windows and self.windows.arrive(now):
                return ("429", {"Retry-After": "1"}), True
            return (self._steps.popleft() if self._steps else ("201",)), False

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)
            if self.log_path:
                with self.log_path.open("a", encoding="utf-8") as log:
                    log.write(json.dumps(_log_entry(request), ensure_ascii=False) + "\n")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeMaestro/1.0"

    @property
    def fake(self) -> FakeMaestro:
        return self.server.fake  # type: ignore[attr-defined,no-any-return]

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: requests are recorded, not printed."""

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        arrived, arrived_mono = time.time(), time.monotonic()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        parsed = _parse_json(body)
        if self.command == "POST" and self.path.endswith(ENDPOINT_SUFFIX):
            step, violation = self.fake.next_step(arrived_mono)
        else:
            step, violation = ("404",) if self.command == "POST" else ("405",), False
        headers = dict(self.headers.items())
        self.fake.record(
            RecordedRequest(
                arrived, arrived_mono, self.command, self.path, headers, body, parsed, step[0], violation
            )
        )
        self._apply(step, parsed)

    def _apply(self, step: Step, parsed: Any) -> None:
        action, headers, body = step[0], (step[1] if len(step) > 1 else {}), step[2:3]
        if action == "drop":
            self.close_connection = True
            return
        if action == "timeout":
            if self.fake.stopping.wait(self.fake.hang_seconds):
                self.close_connection = True
                return
            action = "201"
        status = int(action)
        payload = body[0] if body else _default_body(status, parsed)
        self._send(status, headers, payload)

    def _send(self, status: int, headers: dict[str, str], payload: Any) -> None:
        data = payload if isinstance(payload, bytes) else _encode(payload)
        self.send_response_only(status)
        if "Date" not in headers:
            self.send_header("Date", self.date_time_string())
        for name, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def _default_body(status: int, parsed: Any) -> Any:
    if status != 201:
        return {"error": _reason(status)}
    items = parsed.get("data") if isinstance(parsed, dict) else None
    results = [_default_result(item) for item in (items if isinstance(items, list) else [])]
    return {"status": "completed", "total": len(results), "results": results}


def _default_result(item: Any) -> dict[str, Any]:
    ticket_id = item.get("ticket_id") if isinstance(item, dict) else None
    if isinstance(ticket_id, str) and ticket_id.startswith("FAIL-"):
        return {"action": "create", "status": "Failed: ticket not found", "success": False}
    return {"action": "create", "_id": secrets.token_hex(9)[:17], "status": "Created", "success": True}


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"


def _encode(payload: Any) -> bytes:
    if isinstance(payload, str):
        return payload.encode("utf-8")
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def _parse_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def _log_entry(request: RecordedRequest) -> dict[str, Any]:
    entry = asdict(request)
    entry["body"] = request.body.decode("utf-8", errors="replace")
    return entry


def main(argv: list[str] | None = None) -> None:
    """Run the fake as a process until SIGTERM or SIGINT (see the module docstring)."""
    parser = argparse.ArgumentParser(description="Fake MaestroQA bulk endpoint for tests.")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--log", help="append one JSON line per request to this file")
    parser.add_argument("--limits", action="store_true", help="enforce 10/s and 100/min")
    parser.add_argument(
        "--script", default="[]", help='JSON list of steps, e.g. [["429", {"Retry-After": "1"}]]'
    )
    parser.add_argument("--hang", type=float, default=5.0, help="seconds a timeout step holds the answer")
    args = parser.parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    limits = CONTRACT_LIMITS if args.limits else None
    with FakeMaestro(port=args.port, limits=limits, log_path=args.log, hang_seconds=args.hang) as server:
        server.script(json.loads(args.script))
        print(f"listening on {server.base_url}", flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
