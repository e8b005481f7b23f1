"""Refusing a replayed request: each timestamp + nonce pair is good for one message only.

A signature proves a request came from WeChat once; without this, a captured request (or,
in plaintext mode, a signature triple from any logged URL) could be sent again and again
within the timestamp window. WeChat's own retries of a message are not replays: they carry
the same message, so they may reuse the pair and still get the cached reply.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import redis


class ReplayGuard:
    """Claims timestamp + nonce pairs in Redis for as long as a timestamp stays acceptable."""

    def __init__(self, client: redis.Redis, prefix: str, window: int) -> None:
        self.redis = client
        self.prefix = prefix
        # A timestamp is accepted from `window` seconds before now to `window` after, so a
        # pair must be remembered for twice the window to outlive every acceptable use.
        self.ttl = 2 * window

    def key(self, timestamp: str, nonce: str) -> str:
        """The pair's key."""
        return f"{self.prefix}nonce:{timestamp}:{nonce}"

    def queue_claim(self, pipe: Any, timestamp: str, nonce: str,
                    owner: str) -> Callable[[Any, Any], bool]:
        """Queue the claim on `pipe` (set if new, then read who holds it); returns how to
        judge the two results: True when the pair is new or already `owner`'s."""
        key = self.key(timestamp, nonce)
        pipe.set(key, owner, nx=True, ex=self.ttl)
        pipe.get(key)

        def judge(was_set: Any, first: Any) -> bool:
            return bool(was_set) or (
                first is not None and first.decode("utf-8", "replace") == owner)

        return judge

    def claim(self, timestamp: str, nonce: str, owner: str) -> bool:
        """True when the pair is new, or was first used by the same `owner` (message)."""
        pipe = self.redis.pipeline(transaction=False)
        judge = self.queue_claim(pipe, timestamp, nonce, owner)
        return judge(*pipe.execute())
