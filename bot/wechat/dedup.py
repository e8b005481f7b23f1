"""Exactly-once handling of WeChat's retries, across every worker and host.

WeChat gives up on a reply after 5 s and sends the same message again (three tries in all).
The first try to claim a message's key handles it; concurrent tries wait for its rendered
reply; later tries get the cached reply. A lease makes a crashed worker's claim expire.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import redis

from bot.platform.redis_locks import compare_and_delete

PENDING = b"pending:"
DONE = b"done:"



def dedup_key(msg: Any) -> str:
    """MsgId for messages; FromUserName + CreateTime + Event for events."""
    raw = getattr(msg, "_data", {}) or {}
    source, created = raw.get("FromUserName", ""), raw.get("CreateTime", "")
    if str(raw.get("MsgType", "")).lower() == "event":
        return f"ev:{source}:{created}:{str(raw.get('Event', '')).lower()}"
    msg_id = raw.get("MsgId") or raw.get("MsgID")
    if msg_id:
        return f"msg:{msg_id}"
    return f"msg:{source}:{created}:{raw.get('MsgType', '')}"


class Deduplicator:
    """Claims, waits for and caches rendered replies in Redis."""

    def __init__(
        self,
        client: redis.Redis,
        prefix: str,
        lease: float = 10.0,
        keep: int = 300,
        wait: float = 4.5,
        poll: float = 0.02,
    ) -> None:
        self.redis = client
        self.prefix = prefix
        self.lease_ms = int(lease * 1000)
        self.keep = keep
        self.wait = wait
        self.poll = poll
        # A claim is freed only while it is still ours: a crashed-and-replaced worker must not
        # free another's.
        self._release = compare_and_delete(client)

    def run(self, key: str, work: Callable[[], str]) -> str | None:
        """The reply for `key`: computed by `work` once, or the one another try computed.

        None when another try holds the claim past our wait (the caller answers `success`;
        WeChat will retry and get the cached reply).
        """
        rkey = f"{self.prefix}dedup:{key}"
        deadline = time.monotonic() + self.wait
        while True:
            claim = PENDING + uuid.uuid4().hex.encode()
            if self.redis.set(rkey, claim, nx=True, px=self.lease_ms):
                try:
                    result = work()
                except BaseException:
                    self._release(rkey, claim)
                    raise
                self.redis.set(rkey, DONE + result.encode("utf-8"), ex=self.keep)
                return result
            value = self.redis.get(rkey)
            if value is not None and value.startswith(DONE):
                return value[len(DONE):].decode("utf-8")
            if time.monotonic() >= deadline:
                return None
            time.sleep(self.poll)
