"""Per-follower rate limit: N messages a minute; the first refusal is polite, then silence."""

from __future__ import annotations

import time
from enum import Enum

import redis


class Verdict(Enum):
    """What to do with a message under the limit."""

    ALLOW = "allow"
    WARN = "warn"  # the first message over the limit: tell the follower once
    DROP = "drop"  # later ones: answer `success`


class RateLimiter:
    """A fixed one-minute window counter per follower in Redis."""

    def __init__(self, client: redis.Redis, prefix: str, per_minute: int = 30) -> None:
        self.redis = client
        self.prefix = prefix
        self.per_minute = per_minute

    def check(self, openid: str, now: float | None = None) -> Verdict:
        """Count one message of `openid` and say whether to answer it."""
        if self.per_minute <= 0:
            return Verdict.ALLOW
        window = int((now if now is not None else time.time()) // 60)
        key = f"{self.prefix}rate:{openid}:{window}"
        pipe = self.redis.pipeline()
        pipe.incr(key)
        pipe.expire(key, 120)
        count = pipe.execute()[0]
        if count <= self.per_minute:
            return Verdict.ALLOW
        return Verdict.WARN if count == self.per_minute + 1 else Verdict.DROP
