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
from dataclasses import dataclass
from typing import Any

import redis

from bot.platform.redis_locks import compare_and_delete
from bot.platform.slots import follower_slot

PENDING = b"pending:"
DONE = b"done:"
MASK = "\x00follower\x00"  # stands for the follower's openid inside a cached reply


# Claim a message: KEYS[1] its dedup key, KEYS[2] (optional) the follower's rate counter,
# counted only by the try that wins the claim, so a retry is never counted. ARGV: the claim,
# the lease in ms, the counter's TTL. Returns {1, count} to the winner, else {0, value held}.
# Both keys carry the follower's hash tag (bot/platform/slots.py): one slot on Redis Cluster.
CLAIM = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local n = 0
  if KEYS[2] then
    n = redis.call('INCR', KEYS[2])
    redis.call('EXPIRE', KEYS[2], ARGV[3])
  end
  return {1, n}
end
return {0, redis.call('GET', KEYS[1])}
"""


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


@dataclass
class Claim:
    """What one try of a message got: the claim (and its follower's new count), or the
    value another try holds (pending, or the finished reply)."""

    rkey: str
    token: bytes
    won: bool
    count: int = 0
    held: bytes | None = None

    def cached(self, openid: str = "") -> str | None:
        """The finished reply another try cached, with the follower put back; else None."""
        if self.held is None or not self.held.startswith(DONE):
            return None
        text = self.held[len(DONE):].decode("utf-8")
        return text.replace(MASK, openid) if openid else text


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
        self.wait_s = wait
        self.poll = poll
        # A claim is freed only while it is still ours: a crashed-and-replaced worker must not
        # free another's.
        self._release = compare_and_delete(client)

    def rkey(self, key: str, openid: str = "") -> str:
        """The Redis key of message `key`, tagged with its follower's slot."""
        return f"{self.prefix}dedup:{follower_slot(openid or key)}:{key}"

    def queue_claim(self, pipe: Any, key: str, openid: str = "", rate_key: str = "",
                    rate_ttl: int = 120) -> Callable[[Any], Claim]:
        """Queue a claim of `key` on `pipe` (counting `rate_key` when the claim is won);
        returns how to read the claim from the pipeline's result."""
        rkey = self.rkey(key, openid)
        token = PENDING + uuid.uuid4().hex.encode()
        keys = [rkey, rate_key] if rate_key else [rkey]
        # By name: a Cluster pipeline routes EVAL by its keys but hides the eval() method.
        pipe.execute_command("EVAL", CLAIM, len(keys), *keys, token, self.lease_ms, rate_ttl)

        def read(result: Any) -> Claim:
            won, value = (list(result) + [None])[:2]
            if won:
                return Claim(rkey, token, True, count=int(value or 0))
            return Claim(rkey, token, False, held=value)

        return read

    def claim(self, key: str, openid: str = "") -> Claim:
        """Try to claim `key` now (one round trip)."""
        pipe = self.redis.pipeline(transaction=False)
        read = self.queue_claim(pipe, key, openid)
        return read(pipe.execute()[0])

    def queue_finish(self, pipe: Any, claim: Claim, result: str, openid: str = "") -> None:
        """Queue caching the rendered reply of a won claim (`openid` masked in the copy)."""
        text = result.replace(openid, MASK) if openid else result
        pipe.set(claim.rkey, DONE + text.encode("utf-8"), ex=self.keep)

    def release(self, claim: Claim) -> None:
        """Give a won claim up (the work failed): another try may claim the message."""
        self._release(claim.rkey, claim.token)

    def wait(self, key: str, first: Claim, openid: str,
             on_claim: Callable[[Claim], str]) -> str | None:
        """After losing `first`: the reply another try caches within our wait, else None.
        When that try's lease lapses (it crashed) we claim the message: `on_claim` answers."""
        deadline = time.monotonic() + self.wait_s
        claim = first
        while True:
            found = claim.cached(openid)
            if found is not None:
                return found
            if time.monotonic() >= deadline:
                return None
            time.sleep(self.poll)
            claim = self.claim(key, openid)
            if claim.won:
                return on_claim(claim)

    def _work(self, claim: Claim, work: Callable[[], str], openid: str) -> str:
        try:
            result = work()
        except BaseException:
            self.release(claim)
            raise
        pipe = self.redis.pipeline(transaction=False)
        self.queue_finish(pipe, claim, result, openid)
        pipe.execute()
        return result

    def run(self, key: str, work: Callable[[], str], openid: str = "") -> str | None:
        """The reply for `key`: computed by `work` once, or the one another try computed.

        None when another try holds the claim past our wait (the caller answers `success`;
        WeChat will retry and get the cached reply). `openid` is masked in the cached copy.
        """
        claim = self.claim(key, openid)
        if claim.won:
            return self._work(claim, work, openid)
        return self.wait(key, claim, openid, lambda won: self._work(won, work, openid))
