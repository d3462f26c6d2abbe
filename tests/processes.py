"""Portal processes for multi-process tests and the benchmark: RQ workers over a shared file DB.

Each worker is `manage.py rqworker default --with-scheduler` (the portal's
DeliveryWorker) in its own process group. rq puts each job's work horse in a
group of its own, so `kill_worker` kills the worker and every descendant, as a
crashed machine would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for the database a connection's settings name (the test database itself)."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    return (
        f"postgres://{quote(settings_dict['USER'])}:{quote(settings_dict['PASSWORD'])}"
        f"@{settings_dict['HOST']}:{settings_dict['PORT']}/{quote(settings_dict['NAME'])}"
    )


def worker_env(settings_dict: dict, redis_url: str, api_url: str, **settings: object) -> dict[str, str]:
    """The environment for a worker: the test database, Redis, fake API, plus settings (as text)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url(settings_dict), REDIS_URL=redis_url, MAESTROQA_API_URL=api_url,
        MAESTROQA_API_TOKEN="test-token-not-real", DJANGO_SETTINGS_MODULE="csatportal.settings",
        LOG_LEVEL="WARNING",
    )
    env.update({name: str(value) for name, value in settings.items()})
    return env


def start_worker(env: dict[str, str], log_path: Path) -> subprocess.Popen:
    """Start one worker; its output goes to `log_path`."""
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "rqworker", "default", "--with-scheduler"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )


def kill_worker(process: subprocess.Popen) -> None:
    """SIGKILL the worker and all its descendants (work horse, scheduler) at once."""
    for pid in [process.pid, *descendants(process.pid)]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait()


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, from /proc (Linux)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found.extend(children)
        frontier.extend(children)
    return found


def stop_worker(process: subprocess.Popen, timeout: float = 10) -> None:
    """Stop a worker and its children: SIGTERM, then SIGKILL after `timeout` seconds."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass
