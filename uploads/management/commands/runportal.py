"""`manage.py runportal`: web server and one RQ worker together; Ctrl-C (or SIGTERM/SIGHUP) stops both.

A worker (or the cron) that dies is started again, at most RESTARTS times a minute, then left stopped while
the web server serves on (QA rounds 40c, 42b: a `kill -9` of the worker took the web server and the embedded
Redis down with it); the web server's end ends them all. With the embedded Redis (no REDIS_URL), Redis stops with them.
"""

import os
import signal
import subprocess
import sys
import time
from collections import deque

import redis
from django.conf import settings
from django.core.management.base import BaseCommand

RESTARTS = 5  # a child started again more often than this in a minute is left stopped (the web server serves on)


class Command(BaseCommand):
    help = "Start the web server and an RQ worker (and stop the embedded Redis on exit)."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, address: str, **options):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        # The portal's own address (links in emails, the sandbox's URL) is this one unless PORTAL_URL says otherwise.
        env = {"PORTAL_URL": f"http://{address}", **os.environ}
        # A kill or a closed terminal stops all of it, as Ctrl-C does; set before any child starts, so that
        # a signal arriving while they start stops the ones already running (exec resets it in them).
        for stop in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(stop, _interrupt)
        commands = (["rqworker", "default", "--with-scheduler"],
                    ["rqcron", "uploads.cron"],  # daily retention purge
                    ["runserver", address, "--noreload"])
        children: list[subprocess.Popen] = []
        try:
            for command in commands:
                children.append(subprocess.Popen(manage + command, env=env))
            self.stdout.write(f"The portal is at http://{address}/ (Ctrl-C stops it).")
            self._watch(children, [manage + command for command in commands], env)
        except KeyboardInterrupt:
            pass
        finally:
            # A group kill (kill -- -PGID) or a second Ctrl-C would interrupt the stopping below and leave
            # the embedded Redis running: from here on, the stop runs to its end (at most 30 s a child).
            for stop in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
                signal.signal(stop, signal.SIG_IGN)
            for child in children:
                if child.poll() is None:
                    child.terminate()  # the worker finishes its current job first (RQ's warm shutdown)
            for child in children:
                try:
                    child.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    child.kill()
            self._stop_embedded_redis()

    def _watch(self, children: list[subprocess.Popen], commands: list[list[str]], env: dict) -> None:
        """Return when the web server (the last child) ends; start a worker or the cron that ended again."""
        starts = [deque(maxlen=RESTARTS) for _ in children]
        given_up: set[int] = set()
        while children[-1].poll() is None:
            for at, child in enumerate(children[:-1]):
                if child.poll() is None or at in given_up:
                    continue
                if len(starts[at]) == RESTARTS and time.monotonic() - starts[at][0] < 60:
                    self.stderr.write(f"'{commands[at][2]}' stopped {RESTARTS} times in a minute: not started again "
                                      "(see its errors above; `make worker` starts one by hand).")
                    given_up.add(at)
                    continue
                self.stderr.write(f"'{commands[at][2]}' stopped (exit {child.returncode}): starting it again.")
                starts[at].append(time.monotonic())
                children[at] = subprocess.Popen(commands[at], env=env)
            time.sleep(0.5)

    def _stop_embedded_redis(self) -> None:
        if os.environ.get("REDIS_URL"):
            return
        try:
            redis.Redis.from_url(settings.REDIS_URL).shutdown(nosave=False)
        except redis.ConnectionError:
            pass


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
