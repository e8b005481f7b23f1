"""Refusing a replayed request: each timestamp + nonce pair is good for one message only.

A signature proves a request came from WeChat once; without this, a captured request (or,
in plaintext mode, a signature triple from any logged URL) could be sent again and again
within the timestamp window. WeChat's own retries of a message are not replays: they carry
the same message, so they may reuse the pair and still get the cached reply.
"""

from __future__ import annotations

import redis


class ReplayGuard:
    """Claims timestamp + nonce pairs in Redis for as long as a timestamp stays acceptable."""

    def __init__(self, client: redis.Redis, prefix: str, window: int) -> None:
        self.redis = client
        self.prefix = prefix
        # A timestamp is accepted from `window` seconds before now to `window` after, so a
        # pair must be remembered for twice the window to outlive every acceptable use.
        self.ttl = 2 * window

    def claim(self, timestamp: str, nonce: str, owner: str) -> bool:
        """True when the pair is new, or was first used by the same `owner` (message)."""
        key = f"{self.prefix}nonce:{timestamp}:{nonce}"
        if self.redis.set(key, owner, nx=True, ex=self.ttl):
            return True
        first = self.redis.get(key)
        return first is not None and first.decode("utf-8", "replace") == owner
