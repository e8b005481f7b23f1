"""Over HTTP: the bot and the echo bot under gunicorn -w 2, loaded from a separate process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tests.support.redis_server import free_port

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float) -> None:
    """Block until something accepts connections on `port`, or fail with the server's reason."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"gunicorn did not listen on {port} within {timeout:.0f} s")


@contextmanager
def gunicorn(app_spec: str, env: dict[str, str], log: Path, timeout: float = 120.0):
    """Run `gunicorn -w 2 app_spec` on a free 127.0.0.1 port; yields (port, start seconds)."""
    port = free_port()
    args = [
        sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}",
        "--log-level", "warning", "--timeout", "60", app_spec,
    ]
    full_env = {**os.environ, **env}
    started = time.perf_counter()
    with log.open("ab") as log_file:
        proc = subprocess.Popen(args, cwd=ROOT, env=full_env, stdout=log_file, stderr=log_file)
    try:
        _wait_for_port(port, proc, timeout)
        yield port, time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def load(port: int, queries_file: Path, count: int, duration: float, concurrency: int) -> dict:
    """Run the load generator in its own process and return its figures."""
    args = [
        sys.executable, "-m", "bench.load", "--port", str(port), "--queries", str(queries_file),
        "--count", str(count), "--duration", str(duration), "--concurrency", str(concurrency),
    ]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=duration + 120)
    if done.returncode != 0:
        raise RuntimeError(f"load generator failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_http(bot_env: dict[str, str], texts: list[str], out: Path, count: int,
               duration: float, concurrency: int = 4) -> dict:
    """Requests/s and p99 of the bot and of the echo bot, measured back to back."""
    out.mkdir(parents=True, exist_ok=True)
    queries_file = out / "http-queries.txt"
    queries_file.write_text("\n".join(texts) + "\n", encoding="utf-8")
    log = out / "gunicorn.log"
    results = {}
    for name, spec in (("echo", "bench.echo_app:app"), ("bot", "wsgi:app")):
        with gunicorn(spec, bot_env, log) as (port, _start):
            results[name] = load(port, queries_file, count, duration, concurrency)
    echo_rps = results["echo"]["rps"]
    results["ratio"] = results["bot"]["rps"] / echo_rps if echo_rps else 0.0
    return results
