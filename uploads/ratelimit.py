"""A sliding-window rate limiter in Redis, shared by every process and machine.

MaestroQA allows at most 10 requests per second and 100 per minute per token,
counted as sliding windows across every worker that shares the token
(shared/api/CONTRACT.md "Limits"). This module knows nothing about batches:
it hands out request slots.

How: one sorted set per key holds one member per slot taken in the longest
window, scored by the time it was taken in microseconds. A Lua script, which
Redis runs atomically, reads the clock, trims, counts every window and either
records the slot or answers how long to wait. The clock is the Redis server's
(`TIME`), so the clocks of the machines asking do not matter.
"""

from __future__ import annotations

import bisect
import hashlib
import secrets
import time
from collections.abc import Callable, Sequence

from redis import Redis

MICROS = 1_000_000

# KEYS[1]: sorted set, member "<micros>-<nonce>", score = micros since the epoch.
# ARGV[1]: now in micros, or "" for the server's TIME; ARGV[2]: a random nonce (Lua's
# math.random repeats the same sequence in every script call, so uniqueness comes
# from the caller); ARGV[3..]: pairs of (max slots, window in micros).
# A window is (now - window, now]: a slot is granted when each window holds fewer
# than its max, so no span shorter than a window ever holds more than its max.
# KEYS[2], optional: the caller's "not sent yet" mark, deleted in the same step as the slot is
# taken; when it is already gone, nothing is taken and the answer is -1.
# Returns 0 when the slot was taken, else the micros until one could be (>= 1).
_SCRIPT = """
local key = KEYS[1]
if #KEYS > 1 and redis.call("EXISTS", KEYS[2]) == 0 then
  return -1
end
local now
if ARGV[1] == "" then
  local t = redis.call("TIME")
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
else
  now = tonumber(ARGV[1])
end
local longest = 0
for i = 3, #ARGV, 2 do
  longest = math.max(longest, tonumber(ARGV[i + 1]))
end
redis.call("ZREMRANGEBYSCORE", key, "-inf", string.format("%d", now - longest))
local wait = 0
for i = 3, #ARGV, 2 do
  local max_slots = tonumber(ARGV[i])
  local window = tonumber(ARGV[i + 1])
  local since = "(" .. string.format("%d", now - window)
  local count = redis.call("ZCOUNT", key, since, "+inf")
  if count >= max_slots then
    local leaving = redis.call("ZRANGEBYSCORE", key, since, "+inf", "WITHSCORES",
                               "LIMIT", count - max_slots, 1)
    wait = math.max(wait, tonumber(leaving[2]) + window - now)
  end
end
if wait > 0 then
  return wait
end
local stamp = string.format("%d", now)
redis.call("ZADD", key, stamp, stamp .. "-" .. ARGV[2])
redis.call("PEXPIRE", key, string.format("%d", math.ceil(longest / 1000) + 1000))
if #KEYS > 1 then
  redis.call("DEL", KEYS[2])
end
return 0
"""


class AcquireTimeout(Exception):
    """No slot can be had within the deadline given to `SlidingWindowLimiter.acquire`.

    wait_seconds: how long from now until a slot could be taken (seconds, > 0).
    """

    def __init__(self, wait_seconds: float):
        self.wait_seconds = wait_seconds
        super().__init__(f"no request slot for another {wait_seconds:.3f} s")


class MarkGone(Exception):
    """The key passed as `clears` to `SlidingWindowLimiter.try_acquire` no longer exists: whoever
    deleted it now owns what it marked, so no slot was taken."""


def token_key(prefix: str, token: str) -> str:
    """A limiter key for an API token that does not reveal it: prefix + 16 hex of its sha256.

    e.g. token_key("maestroqa:", token) -> "maestroqa:9f86d081884c7d65".
    """
    return prefix + hashlib.sha256(token.encode("utf-8")).hexdigest()[:16]


class SlidingWindowLimiter:
    """Hands out request slots under several sliding windows at once.

    redis: a client of the Redis server all callers share (redis >= 5, for TIME inside
    a script that writes). key: the sorted-set key; derive it from the token with
    `token_key`, never pass the token itself. limits: (max requests, window seconds)
    pairs, e.g. [(10, 1.0), (100, 60.0)] for shared/api/CONTRACT.md "Limits".
    Raises ValueError for an empty or non-positive limit; Redis errors pass through.
    """

    def __init__(self, redis: Redis, key: str, limits: Sequence[tuple[int, float]]):
        if not limits or any(count < 1 or window <= 0 for count, window in limits):
            raise ValueError(f"limits must be (count >= 1, window > 0) pairs, got {limits!r}")
        self.key = key
        self.limits = list(limits)
        self._redis = redis
        self._script = redis.register_script(_SCRIPT)
        self._limit_args = [
            str(value) for count, window in limits for value in (count, round(window * MICROS))
        ]

    def __repr__(self) -> str:
        return f"SlidingWindowLimiter(key={self.key!r}, limits={self.limits!r})"

    def try_acquire(self, now: float | None = None, clears: str | None = None) -> float:
        """Take a slot if every window has room: 0.0, and the slot counts in every window.

        Otherwise nothing is recorded and the answer is the seconds (> 0) until a slot
        could be taken, if nobody else takes it first. now: seconds since the epoch, for
        tests only; by default the Redis server's clock is used. Do not mix the two on
        one key. clears: a Redis key deleted atomically with taking the slot, so a key
        that still exists proves no slot was taken for it; raises MarkGone (and takes
        nothing) when that key no longer exists.
        """
        now_arg = "" if now is None else str(round(now * MICROS))
        keys = [self.key] if clears is None else [self.key, clears]
        wait = self._script(keys=keys, args=[now_arg, secrets.token_hex(8), *self._limit_args])
        if wait < 0:
            raise MarkGone(clears)
        return int(wait) / MICROS

    def forecast(self, requests: int) -> float:
        """Seconds from now (the Redis server's clock) until the last of `requests` more slots could be taken,
        the slots already taken in the windows counted; nothing is recorded. For an ETA: other callers may take
        slots meanwhile (QA round 40c: "About 6 s left" while the minute's 100 requests were spent)."""
        if requests <= 0:
            return 0.0
        seconds, micros = self._redis.time()
        now = seconds + micros / MICROS
        since = f"({round((now - max(window for _, window in self.limits)) * MICROS)}"
        taken = sorted(score / MICROS for _, score in self._redis.zrangebyscore(self.key, since, "+inf",
                                                                                withscores=True))
        moment = now
        for _ in range(requests):
            while (later := max([moment] + [taken[-count] + window for count, window in self.limits
                                            if len(taken) - bisect.bisect_right(taken, moment - window) >= count])
                   ) > moment:
                moment = later
            taken.append(moment)
        return moment - now

    def acquire(
        self,
        deadline_seconds: float | None = None,
        sleep: Callable[[float], object] = time.sleep,
    ) -> float:
        """Wait for a slot and take it; returns the seconds spent sleeping.

        deadline_seconds: the most this call may sleep in total (None: no limit). When
        the next wait would pass it, raises AcquireTimeout at once, without sleeping, so
        the caller can reschedule itself instead of holding a worker.
        """
        slept = 0.0
        while (wait := self.try_acquire()) > 0:
            if deadline_seconds is not None and slept + wait > deadline_seconds:
                raise AcquireTimeout(wait)
            sleep(wait)
            slept += wait
        return slept
