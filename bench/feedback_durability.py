"""What `appendfsync always` costs next to `everysec`: feedback submits and plain session writes.

Run: `.venv/bin/python -m bench.feedback_durability [--threads 8] [--per-thread 250]`.
Each policy gets its own redis-server (AOF on, data in a temporary folder on this disk).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

import redis

from bot.feedback.store import FeedbackStore
from tests.support.redis_server import RedisServer


def _run(threads: int, per_thread: int, work) -> tuple[list[float], float]:
    """Call work(thread, i) threads × per_thread times; per-call latencies (ms) and wall time."""
    latencies: list[float] = []
    lock = threading.Lock()

    def loop(t: int) -> None:
        mine = []
        for i in range(per_thread):
            start = time.perf_counter()
            work(t, i)
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=loop, args=(t,)) for t in range(threads)]
    start = time.perf_counter()
    [w.start() for w in workers]
    [w.join() for w in workers]
    return latencies, time.perf_counter() - start


def _line(name: str, latencies: list[float], wall: float) -> str:
    q = statistics.quantiles(latencies, n=100)
    return (f"{name:<28} {len(latencies) / wall:>8.0f}/s   p50 {q[49]:6.2f} ms   "
            f"p99 {q[98]:6.2f} ms")


def measure(policy: str, threads: int, per_thread: int) -> list[str]:
    """Submits and session-style SETs against a fresh server with `policy`."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        server = RedisServer(Path(tmp), appendfsync=policy).start()
        try:
            client = redis.Redis.from_url(server.url, max_connections=threads * 2)
            store = FeedbackStore(client, "bench:", per_hour=0)
            text = "希望能多发布一些湖北的招聘会信息，" * 4
            sub = _run(threads, per_thread,
                       lambda t, i: store.submit(f"o{t}", f"m{t}:{i}", text, None))
            ses = _run(threads, per_thread,
                       lambda t, i: client.set(f"bench:session:o{t}:{i}", text, ex=1800))
            client.close()
        finally:
            server.stop()
    return [_line(f"{policy} feedback submit", *sub), _line(f"{policy} session SET", *ses)]


def main() -> None:
    """Print one line per policy and operation."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--per-thread", type=int, default=250)
    args = ap.parse_args()
    print(f"{args.threads} threads × {args.per_thread} operations each")
    for policy in ("everysec", "always"):
        for line in measure(policy, args.threads, args.per_thread):
            print(line, flush=True)


if __name__ == "__main__":
    main()
