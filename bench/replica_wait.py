"""What acknowledging a ticket only once a replica has it (WAIT) costs per ticket.

Run: `.venv/bin/python -m bench.replica_wait [--threads 8] [--per-thread 250]`.
For each AOF policy: a master alone (the bot does not wait: nothing to wait for), then the
same master with one replica attached (the bot sends `WAIT 1 1000` after each ticket's
script, on the same connection). Everything on 127.0.0.1, on this machine's disk.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import redis

from bench.feedback_durability import _line, _run
from bot.feedback.store import FeedbackStore
from tests.support.redis_server import RedisServer
from tests.support.redis_topologies import wait_until

TEXT = "希望能多发布一些湖北的招聘会信息，" * 4


def _submits(client: redis.Redis, threads: int, per_thread: int, tag: str):
    store = FeedbackStore(client, f"bench:{tag}:", per_hour=0)
    return _run(threads, per_thread,
                lambda t, i: store.submit(f"o{t}", f"{tag}:{t}:{i}", TEXT, None))


def measure(policy: str, threads: int, per_thread: int) -> list[str]:
    """One line without a replica and one with it, for `policy` on both servers."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        master = RedisServer(Path(tmp) / "m", appendfsync=policy).start()
        replica = None
        try:
            client = redis.Redis.from_url(master.url, max_connections=threads * 2)
            alone = _submits(client, threads, per_thread, "alone")
            replica = RedisServer(Path(tmp) / "r", appendfsync=policy, extra=(
                "--replicaof", "127.0.0.1", str(master.port))).start()
            wait_until(lambda: client.info("replication")["connected_slaves"] == 1, 15,
                       "replica attached")
            wait_until(lambda: redis.Redis(port=replica.port).info("replication")[
                "master_link_status"] == "up", 15, "replica in sync")
            waited = _submits(client, threads, per_thread, "waited")
            client.close()
        finally:
            if replica:
                replica.stop()
            master.stop()
    return [_line(f"{policy}, no replica", *alone), _line(f"{policy}, WAIT 1 replica", *waited)]


def main() -> None:
    """Print one line per policy, with and without the replica wait, for 1 and N threads."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--per-thread", type=int, default=250)
    args = ap.parse_args()
    for threads in (1, args.threads):
        print(f"{threads} thread(s) × {args.per_thread} tickets each")
        for policy in ("everysec", "always"):
            for line in measure(policy, threads, args.per_thread):
                print("  " + line, flush=True)


if __name__ == "__main__":
    main()
