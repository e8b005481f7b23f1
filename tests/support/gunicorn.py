"""Run `gunicorn -w N wsgi:app` as WeChat would meet it, for multi-worker tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import requests

from tests.support.redis_server import free_port

ROOT = Path(__file__).resolve().parents[2]


class Gunicorn:
    """One gunicorn master with `workers` sync workers, configured through the environment."""

    def __init__(self, env: dict[str, str], workers: int = 2, log_dir: Path | None = None):
        self.port = free_port()
        self.env = {**os.environ, **env}
        self.workers = workers
        self.log_path = (log_dir or Path("/tmp")) / f"gunicorn-{self.port}.log"
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> Gunicorn:
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(self.workers), "-b",
             f"127.0.0.1:{self.port}", "--timeout", "30", "wsgi:app"],
            cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).status_code == 200:
                    if len(self.worker_pids()) >= self.workers:
                        return self
            except requests.RequestException:  # not up yet, or still booting
                pass
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not come up; see {self.log_path}")

    def worker_pids(self) -> list[int]:
        """PIDs of the live worker processes."""
        if not self.proc:
            return []
        return [c.pid for c in psutil.Process(self.proc.pid).children()]

    def kill_worker(self, pid: int | None = None) -> int:
        """SIGKILL one worker (gunicorn's master starts a replacement)."""
        pid = pid or self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        if hasattr(self, "_log"):
            self._log.close()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")
