"""The audit log: every staff action (who, what, when), in Redis without a TTL."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

import redis

from bot.platform.china_time import fmt_ts


@dataclass(frozen=True)
class Entry:
    """One recorded action."""

    at: float
    who: str
    action: str
    detail: str

    @property
    def time(self) -> str:
        """China time, for display."""
        return fmt_ts(self.at)


class AuditLog:
    """Append-only list of staff actions, newest first."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.r = client
        self.key = f"{prefix}console:audit"

    def record(self, who: str, action: str, detail: str = "") -> None:
        """Append one action (kept for good: the list has no TTL)."""
        entry = {"at": time.time(), "who": who, "action": action, "detail": detail[:500]}
        self.r.lpush(self.key, json.dumps(entry, ensure_ascii=False))

    def page(self, offset: int = 0, limit: int = 50) -> list[Entry]:
        """Entries `offset`…`offset+limit`, newest first."""
        raw = self.r.lrange(self.key, offset, offset + limit - 1)
        return [Entry(**json.loads(item)) for item in raw]

    def count(self) -> int:
        """How many actions were recorded."""
        return int(self.r.llen(self.key))
