"""`manage.py runportal`: its children serve at the address given; a SIGTERM stops every one of them."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests import processes

pytestmark = pytest.mark.django_db(transaction=True)


def _start_portal(settings, tmp_path):
    """(runportal at a free port, its port, its log file open for writing)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = processes.worker_env(connection.settings_dict, settings.REDIS_URL, "http://127.0.0.1:9/")
    log = (tmp_path / "portal.log").open("wb")
    portal = subprocess.Popen([sys.executable, str(processes.ROOT / "manage.py"), "runportal", f"127.0.0.1:{port}"],
                              cwd=processes.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return portal, port, log


def test_a_sigterm_stops_every_process_it_started(settings, queue, tmp_path):
    portal, port, log = _start_portal(settings, tmp_path)
    try:
        deadline = time.monotonic() + 60
        while len(processes.descendants(portal.pid)) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        children = processes.descendants(portal.pid)
        assert len(children) >= 3
        environ = (Path("/proc") / str(children[0]) / "environ").read_bytes().split(b"\0")
        assert f"PORTAL_URL=http://127.0.0.1:{port}".encode() in environ  # the sandbox URL follows the address

        os.kill(portal.pid, signal.SIGTERM)

        assert portal.wait(timeout=45) == 0
        # A grandchild (RQ's scheduler, forked by the worker) may take a moment to exit after its parent.
        deadline = time.monotonic() + 15
        while [pid for pid in children if _alive(pid)] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [pid for pid in children if _alive(pid)] == []
    finally:
        processes.stop_worker(portal)
        log.close()


def test_a_worker_that_dies_is_started_again_and_the_web_server_keeps_serving(settings, queue, tmp_path):
    """QA round 40c: a kill -9 of the worker took the web server, the cron and the embedded Redis down too."""
    portal, _port, log = _start_portal(settings, tmp_path)
    try:
        first = _wait_for_worker(portal.pid, None)
        os.kill(first, signal.SIGKILL)

        second = _wait_for_worker(portal.pid, first)

        assert second != first and portal.poll() is None
        assert b"'rqworker' stopped (exit -9): starting it again." in (tmp_path / "portal.log").read_bytes()
    finally:
        os.kill(portal.pid, signal.SIGTERM)
        portal.wait(timeout=45)
        processes.stop_worker(portal)
        log.close()


def _wait_for_worker(parent: int, not_this: int | None) -> int:
    """The pid of runportal's rqworker child (not the scheduler it forks) other than `not_this`, waiting up to
    60 s for it."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for pid in processes.descendants(parent):
            try:
                command = (Path("/proc") / str(pid) / "cmdline").read_bytes()
                ppid = int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if b"rqworker" in command and ppid == parent and pid != not_this and _alive(pid):
                return pid
        time.sleep(0.2)
    raise AssertionError("no rqworker started")


def _alive(pid: int) -> bool:
    """False for a process that is gone or a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
