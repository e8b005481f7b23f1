"""Login throttling: 5 failed logins for one username within 15 minutes lock it for a while.

Failures are timestamps in a sorted set per username (trimmed to the window). The fifth sets
a lock key that expires after the window; while it exists every login for that username is
refused with the time left, even with the right password, and refused tries are not counted
(an attacker cannot keep the owner out for longer than one window).
"""

from __future__ import annotations

import time

import redis

MAX_FAILURES = 5
WINDOW = 15 * 60


class LoginThrottle:
    """Counts failed logins per username in Redis."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.r = client
        self.prefix = prefix

    def _fails(self, username: str) -> str:
        return f"{self.prefix}console:login_fails:{username.lower()}"

    def _lock(self, username: str) -> str:
        return f"{self.prefix}console:login_lock:{username.lower()}"

    def locked_for(self, username: str) -> int:
        """Seconds until `username` may try again; 0 when it is not locked."""
        ttl = self.r.ttl(self._lock(username))
        return max(0, int(ttl)) if ttl and ttl > 0 else 0

    def failed(self, username: str, now: float | None = None) -> int:
        """Record a failure; returns the seconds of the lock it caused (0: not locked yet)."""
        now = time.time() if now is None else now
        key = self._fails(username)
        with self.r.pipeline() as pipe:
            pipe.zadd(key, {f"{now:.6f}": now})
            pipe.zremrangebyscore(key, "-inf", now - WINDOW)
            pipe.zcard(key)
            pipe.expire(key, WINDOW)
            count = pipe.execute()[2]
        if count < MAX_FAILURES:
            return 0
        self.r.set(self._lock(username), "1", ex=WINDOW)
        self.r.delete(key)
        return WINDOW

    def succeeded(self, username: str) -> None:
        """A right password outside a lock clears the failures."""
        self.r.delete(self._fails(username))


def locked_text(seconds: int) -> str:
    """The login page's refusal, with the wait in minutes (or seconds under one)."""
    wait = f"{(seconds + 59) // 60} 分钟" if seconds >= 60 else f"{seconds} 秒"
    return f"登录失败次数过多，该账号已暂时锁定，请 {wait}后再试。"
