"""A fresh worker process: open the knowledge base from its persisted index, answer one query.

python -m bench.worker --redis-url URL --data-dir DIR --query Q [--bare]
prints one JSON line once it has answered, then stays alive until stdin closes, so the parent
can read its resident memory. `--bare` imports the same modules and stops there: the floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main() -> None:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--redis-url", required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--query", required=True)
    parser.add_argument("--bare", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    import redis

    from bench import kbapi

    client = redis.Redis.from_url(args.redis_url)
    client.ping()
    answer: dict = {"hits": 0}
    if not args.bare:
        result = kbapi.open_kb(client, args.data_dir).search(args.query)
        answer = {"hits": len(result.hits), "top": kbapi.top_ids(result, 1)}
    answer["inside_s"] = time.perf_counter() - started
    print(json.dumps(answer, ensure_ascii=False), flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
