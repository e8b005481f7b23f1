"""Service answers in Redis, and matching a follower's words against them.

Keys: `<prefix>{faq}:entries` (hash id → JSON) and `<prefix>{faq}:version` (bumped on every
change). They share the `{faq}` hash tag so one transaction writes both on Redis Cluster.
Each worker compiles the matcher once per version, not per message.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import redis

from knowledge.faq import FaqEntry
from knowledge.sense import SenseMatcher, SenseSpec

PRIORITY_STEP = 0.5  # score points one step of `priority` is worth between near-ties


@dataclass(frozen=True)
class FaqMatch:
    """An entry a follower's words matched: the score (0-100) and what matched."""

    entry: FaqEntry
    score: float
    how: str


class FaqStore:
    """list / get / add / delete / match over the shared service answers."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.redis = client
        self.entries_key = f"{prefix}{{faq}}:entries"
        self.version_key = f"{prefix}{{faq}}:version"
        self._lock = threading.Lock()
        self._compiled: tuple[int, SenseMatcher, dict[str, FaqEntry]] | None = None

    def version(self) -> int:
        """The store's version: it changes with every add, delete and import."""
        return int(self.redis.get(self.version_key) or 0)

    def list(self) -> list[FaqEntry]:
        """Every entry, by id."""
        raw = self.redis.hgetall(self.entries_key)
        return sorted((_decode(v) for v in raw.values()), key=lambda e: e.id)

    def get(self, entry_id: str) -> FaqEntry | None:
        """One entry, or None."""
        raw = self.redis.hget(self.entries_key, entry_id)
        return _decode(raw) if raw else None

    def count(self) -> int:
        """How many entries there are."""
        return int(self.redis.hlen(self.entries_key))

    def add(self, entry: FaqEntry) -> bool:
        """Store (or replace) an entry; True when it is new."""
        return self.add_many([entry])[0] == 1

    def add_many(self, entries: Iterable[FaqEntry]) -> tuple[int, int]:
        """Store entries in one transaction; (added, replaced)."""
        entries = list(entries)
        if not entries:
            return 0, 0
        ids = [e.id for e in entries]
        known = {i for i, raw in zip(ids, self.redis.hmget(self.entries_key, ids), strict=True)
                 if raw}
        pipe = self.redis.pipeline(transaction=True)
        pipe.hset(self.entries_key, mapping={e.id: _encode(e) for e in entries})
        pipe.incr(self.version_key)
        pipe.execute()
        added = len({e.id for e in entries} - known)
        return added, len({e.id for e in entries}) - added

    def delete(self, entry_id: str) -> bool:
        """Remove an entry; False when there was none."""
        pipe = self.redis.pipeline(transaction=True)
        pipe.hdel(self.entries_key, entry_id)
        pipe.incr(self.version_key)
        removed, _ = pipe.execute()
        return bool(removed)

    def load_starter(self, entries: Iterable[FaqEntry]) -> int:
        """Fill an empty store with the bundled starter set; how many were added (0: not empty)."""
        if self.count():
            return 0
        return self.add_many(entries)[0]

    def match(self, text: str, limit: int = 3, already_plain: bool = False) -> list[FaqMatch]:
        """The entries the follower's words match, best first."""
        matcher, by_name = self._matcher()
        return _ranked(matcher, by_name, text, limit, already_plain)

    def at_version(self, version: int) -> FaqAtVersion:
        """This store for one message whose version was read ahead (no round trip to match)."""
        return FaqAtVersion(self, version)

    def _matcher(self, version: int | None = None) -> tuple[SenseMatcher, dict[str, FaqEntry]]:
        version = self.version() if version is None else version
        compiled = self._compiled
        if compiled is None or compiled[0] != version:
            with self._lock:
                compiled = self._compiled
                if compiled is None or compiled[0] != version:
                    entries = self.list()
                    specs = tuple(SenseSpec(e.id, rules=e.words, examples=e.examples())
                                  for e in entries)
                    compiled = (version, _compiled_matcher(specs),
                                {e.id: e for e in entries})
                    self._compiled = compiled
        return compiled[1], compiled[2]


class FaqAtVersion:
    """A FaqStore whose version is known: `match` compiles (or reuses) that version's matcher
    without asking Redis; everything else goes to the store."""

    def __init__(self, store: FaqStore, version: int) -> None:
        self._store = store
        self._version = version

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def match(self, text: str, limit: int = 3, already_plain: bool = False) -> list[FaqMatch]:
        """As FaqStore.match, at the version read ahead."""
        matcher, by_name = self._store._matcher(self._version)
        return _ranked(matcher, by_name, text, limit, already_plain)

    def get(self, entry_id: str) -> FaqEntry | None:
        """As FaqStore.get, from the entries of the version read ahead (no round trip: a
        follow-up reads the last answer's entry on the message path)."""
        return self._store._matcher(self._version)[1].get(entry_id)


@lru_cache(maxsize=4)
def _compiled_matcher(specs: tuple[SenseSpec, ...]) -> SenseMatcher:
    """One matcher per set of entries in a process: stores with the same entries (workers'
    apps, a version bump that changed nothing) share it; compiling costs about 0.15 s."""
    return SenseMatcher(list(specs))


def _ranked(matcher: SenseMatcher, by_name: dict[str, FaqEntry], text: str, limit: int,
            already_plain: bool) -> list[FaqMatch]:
    """The entries `text` matches, best first (priority breaks near-ties)."""
    found = matcher.find(text, already_plain=already_plain)
    out = [FaqMatch(by_name[f.name], f.score + PRIORITY_STEP * by_name[f.name].priority, f.how)
           for f in found if f.name in by_name]
    return sorted(out, key=lambda m: -m.score)[:limit]


def _encode(entry: FaqEntry) -> str:
    return json.dumps(entry.to_dict(), ensure_ascii=False)


def _decode(raw: bytes | str) -> FaqEntry:
    return FaqEntry.from_dict(json.loads(raw))
