"""Followers per subscribed region, counted from the follower hashes (cached for a minute).

Followers keep their region in `{prefix}follower:<openid>` (bot.followers); there is no
per-region counter, so the console scans them in batches and caches the tally in Redis, which
keeps the dashboard and the broadcast form cheap on every worker.
"""

from __future__ import annotations

import json
from typing import Any

CACHE_TTL = 60
SCAN_BATCH = 1000


def region_counts(services: Any, fresh: bool = False) -> dict[str, int]:
    """{region: followers subscribed to it}, largest first; '' counts followers with none."""
    r, prefix = services.redis, services.settings.key_prefix
    cache = f"{prefix}console:region_counts"
    if not fresh:
        cached = r.get(cache)
        if cached:
            return json.loads(cached)
    counts: dict[str, int] = {}
    pattern = f"{prefix}follower:*"
    skip = len(prefix) + len("follower:")
    batch: list[bytes] = []
    for key in r.scan_iter(match=pattern, count=SCAN_BATCH):
        if b":" in key[skip:]:
            continue  # a lock or helper key beside the follower hash
        batch.append(key)
        if len(batch) >= SCAN_BATCH:
            _tally(r, batch, counts)
            batch = []
    _tally(r, batch, counts)
    ordered = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    r.set(cache, json.dumps(ordered, ensure_ascii=False), ex=CACHE_TTL)
    return ordered


def _tally(r, keys: list[bytes], counts: dict[str, int]) -> None:
    if not keys:
        return
    with r.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.hget(key, "region")
        for region in pipe.execute():
            name = region.decode() if region else ""
            counts[name] = counts.get(name, 0) + 1
