"""Exactly-once handling of WeChat's retries, across every worker and host.

WeChat gives up on a reply after 5 s and sends the same message again (three tries in all).
The first try to claim a message's key handles it; concurrent tries wait for its rendered
reply; later tries get the cached reply. A lease makes a crashed worker's claim expire.

Nothing here names a follower in Redis: keys built from FromUserName are hashed, and a cached
reply is stored with the follower's openid (ToUserName of a plaintext reply) masked and put back
when read, so an unsubscribed follower leaves no openid behind in these short-lived keys.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable
from typing import Any

import redis

from bot.platform.redis_locks import compare_and_delete

PENDING = b"pending:"
DONE = b"done:"
MASK = "\x00follower\x00"  # stands for the follower's openid inside a cached reply



def _digest(*parts: Any) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode("utf-8")).hexdigest()[:32]


def dedup_key(msg: Any) -> str:
    """MsgId for messages; FromUserName + CreateTime + Event (hashed) for events."""
    raw = getattr(msg, "_data", {}) or {}
    source, created = raw.get("FromUserName", ""), raw.get("CreateTime", "")
    if str(raw.get("MsgType", "")).lower() == "event":
        return "ev:" + _digest(source, created, str(raw.get("Event", "")).lower())
    msg_id = raw.get("MsgId") or raw.get("MsgID")
    if msg_id:
        return f"msg:{msg_id}"
    return "msg:" + _digest(source, created, raw.get("MsgType", ""))


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

    def run(self, key: str, work: Callable[[], str], openid: str = "") -> str | None:
        """The reply for `key`: computed by `work` once, or the one another try computed.

        None when another try holds the claim past our wait (the caller answers `success`;
        WeChat will retry and get the cached reply). `openid` is masked in the cached copy.
        """
        def mask(text: str) -> str:
            return text.replace(openid, MASK) if openid else text

        def unmask(text: str) -> str:
            return text.replace(MASK, openid) if openid else text

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
                self.redis.set(rkey, DONE + mask(result).encode("utf-8"), ex=self.keep)
                return result
            value = self.redis.get(rkey)
            if value is not None and value.startswith(DONE):
                return unmask(value[len(DONE):].decode("utf-8"))
            if time.monotonic() >= deadline:
                return None
            time.sleep(self.poll)
