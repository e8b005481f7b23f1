"""Per-follower rate limit: N messages a minute; the first refusal is polite, then silence.

The count is taken together with the message's dedup claim (one script, one round trip:
bot/wechat/dedup.py), so WeChat's retries of a message are never counted; `check` does the
same on its own for callers outside the webhook.
"""

from __future__ import annotations

import time
from enum import Enum

import redis

from bot.platform.slots import follower_slot

TTL = 120  # a one-minute window, kept a minute longer


class Verdict(Enum):
    """What to do with a message under the limit."""

    ALLOW = "allow"
    WARN = "warn"  # the first message over the limit: tell the follower once
    DROP = "drop"  # later ones: answer `success`


def rate_key(prefix: str, openid: str, window: int) -> str:
    """The counter of `openid` for one-minute `window` (tagged like the dedup claim)."""
    return f"{prefix}rate:{follower_slot(openid)}:{window}"


class RateLimiter:
    """A fixed one-minute window counter per follower in Redis."""

    def __init__(self, client: redis.Redis, prefix: str, per_minute: int = 30) -> None:
        self.redis = client
        self.prefix = prefix
        self.per_minute = per_minute

    @property
    def enabled(self) -> bool:
        """False when the limit is switched off (0): nothing is counted."""
        return self.per_minute > 0

    def key(self, openid: str, now: float | None = None) -> str:
        """The counter a message of `openid` arriving `now` goes into."""
        return rate_key(self.prefix, openid,
                        int((now if now is not None else time.time()) // 60))

    def judge(self, count: int) -> Verdict:
        """The verdict for the `count`-th message of a window."""
        if not self.enabled or count <= self.per_minute:
            return Verdict.ALLOW
        return Verdict.WARN if count == self.per_minute + 1 else Verdict.DROP

    def check(self, openid: str, now: float | None = None) -> Verdict:
        """Count one message of `openid` and say whether to answer it."""
        if not self.enabled:
            return Verdict.ALLOW
        pipe = self.redis.pipeline()
        pipe.incr(self.key(openid, now))
        pipe.expire(self.key(openid, now), TTL)
        return self.judge(pipe.execute()[0])
