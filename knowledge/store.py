"""Articles in Redis: one JSON per article, date-sorted sets per region, a change log.

Every key shares the `{kb}` hash tag, so one Lua script can write an article and all its
indexes atomically (and a move to Redis Cluster keeps working). Each write bumps the index
version and records the changed ids under that version, which is how workers catch up.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator

import redis

from knowledge.article import Article

# KEYS: version, changes, all-by-date, urls. ARGV: prefix, then (id, json, region, ts, url)*
_UPSERT = """
local v = redis.call('INCR', KEYS[1])
local prefix = ARGV[1]
for i = 2, #ARGV, 5 do
  local id, doc, region, ts, url = ARGV[i], ARGV[i+1], ARGV[i+2], ARGV[i+3], ARGV[i+4]
  local key = prefix .. 'art:' .. id
  local old = redis.call('GET', key)
  if old then
    local prev = cjson.decode(old)
    redis.call('ZREM', prefix .. 'date:' .. prev['region'], id)
    if prev['url'] and prev['url'] ~= '' and prev['url'] ~= url then
      redis.call('HDEL', KEYS[4], prev['url'])
    end
  end
  redis.call('SET', key, doc)
  redis.call('ZADD', KEYS[3], ts, id)
  redis.call('ZADD', prefix .. 'date:' .. region, ts, id)
  if url ~= '' then redis.call('HSET', KEYS[4], url, id) end
  redis.call('ZADD', KEYS[2], v, id)
end
return v
"""

# KEYS: version, changes, all-by-date, urls. ARGV: prefix, ids...
_DELETE = """
local prefix = ARGV[1]
local gone = 0
local v = nil
for i = 2, #ARGV do
  local id = ARGV[i]
  local key = prefix .. 'art:' .. id
  local old = redis.call('GET', key)
  if old then
    if not v then v = redis.call('INCR', KEYS[1]) end
    local prev = cjson.decode(old)
    redis.call('DEL', key)
    redis.call('ZREM', prefix .. 'date:' .. prev['region'], id)
    redis.call('ZREM', KEYS[3], id)
    if prev['url'] and prev['url'] ~= '' then redis.call('HDEL', KEYS[4], prev['url']) end
    redis.call('ZADD', KEYS[2], v, id)
    gone = gone + 1
  end
end
return gone
"""


class ArticleStore:
    """The Redis side of the knowledge base (no search: see index.py)."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.r = client
        self.base = f"{prefix}{{kb}}:"
        self.k_version = self.base + "version"
        self.k_changes = self.base + "changes"
        self.k_all = self.base + "date:*"
        self.k_urls = self.base + "urls"
        self.k_seed_lock = self.base + "seed-lock"
        self.k_store_id = self.base + "store-id"
        self._upsert = client.register_script(_UPSERT)
        self._delete = client.register_script(_DELETE)

    def _keys(self) -> list[str]:
        return [self.k_version, self.k_changes, self.k_all, self.k_urls]

    def count(self) -> int:
        """How many articles are stored."""
        return int(self.r.zcard(self.k_all))

    def version(self) -> int:
        """The index version: bumped by every write."""
        return int(self.r.get(self.k_version) or 0)

    def state(self) -> tuple[str, int]:
        """(the store's identity, the index version) in one round trip.

        The identity is a random id made the first time it is asked for: an emptied and
        refilled store gets a new one even where its version number comes out the same, so
        an index persisted from the old store's articles is never taken for the new one's.
        """
        sid, version = self.r.mget(self.k_store_id, self.k_version)
        return self.read_state([sid, version])

    def queue_state(self, pipe) -> int:
        """Queue the read of `state` on a pipeline (the message's first round trip); how many
        results it adds (two GETs: a Cluster pipeline refuses MGET)."""
        pipe.get(self.k_store_id)
        pipe.get(self.k_version)
        return 2

    def read_state(self, raw: list) -> tuple[str, int]:
        """`state` from the values `queue_state` read (an identity is made if none)."""
        sid, version = raw
        if sid is None:
            self.r.set(self.k_store_id, uuid.uuid4().hex, nx=True)
            sid = self.r.get(self.k_store_id)
        return sid.decode("ascii"), int(version or 0)

    def get_many(self, ids: list[str]) -> list[Article | None]:
        """The articles of `ids`, None where missing."""
        if not ids:
            return []
        raw = self.r.mget([self.base + "art:" + i for i in ids])
        return [Article(**json.loads(doc)) if doc else None for doc in raw]

    def id_for_url(self, url: str) -> str | None:
        """The id already stored for `url`, if any (so a re-import by URL updates it)."""
        found = self.r.hget(self.k_urls, url) if url else None
        return found.decode() if isinstance(found, bytes) else found

    def upsert(self, articles: list[Article]) -> int:
        """Write a batch atomically (one script); returns the new version."""
        argv: list = [self.base]
        for a in articles:
            doc = json.dumps(a.to_dict(), ensure_ascii=False)
            argv += [a.id, doc, a.region, a.timestamp, a.url]
        return int(self._upsert(keys=self._keys(), args=argv))

    def delete(self, ids: list[str]) -> int:
        """Delete articles by id atomically; returns how many existed."""
        if not ids:
            return 0
        return int(self._delete(keys=self._keys(), args=[self.base, *ids]))

    def latest_ids(self, region: str | None, limit: int, offset: int = 0) -> list[str]:
        """Ids newest first, of one region or all."""
        key = self.k_all if region is None else self.base + "date:" + region
        ids = self.r.zrevrange(key, offset, offset + limit - 1)
        return [i.decode() for i in ids]

    def changed_since(self, version: int) -> dict[str, int]:
        """Ids written or deleted after `version`, with the version of their last change."""
        pairs = self.r.zrangebyscore(self.k_changes, f"({version}", "+inf", withscores=True)
        return {i.decode(): int(s) for i, s in pairs}

    def all_ids(self) -> list[str]:
        """The ids of every stored article, oldest first (a snapshot)."""
        return [i.decode() for i in self.r.zrange(self.k_all, 0, -1)]

    def iter_all(self, batch: int = 1000) -> Iterator[Article]:
        """Every stored article (for an index build), oldest first, each id once."""
        ids = self.all_ids()
        for start in range(0, len(ids), batch):
            yield from (a for a in self.get_many(ids[start:start + batch]) if a is not None)

    def acquire_seed_lock(self, ttl: int = 120) -> bool:
        """One loader of the bundled articles among workers starting at once."""
        return bool(self.r.set(self.k_seed_lock, "1", nx=True, ex=ttl))

    def release_seed_lock(self) -> None:
        """Let another worker seed again (only needed after a failure)."""
        self.r.delete(self.k_seed_lock)

    def region_counts(self, regions: Iterable[str]) -> dict[str, int]:
        """Articles per region."""
        pipe = self.r.pipeline(transaction=False)
        names = list(regions)
        for name in names:
            pipe.zcard(self.base + "date:" + name)
        return {n: int(c) for n, c in zip(names, pipe.execute(), strict=True) if c}
