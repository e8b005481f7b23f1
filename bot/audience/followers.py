"""Follower preferences that outlive sessions: the subscribed region, the QR scene, the place.

One Redis hash per follower, `{prefix}follower:{openid}`, with no TTL: a region subscription
is a preference the follower set and keeps until they change it. When the WeChat API is on,
the follower's WeChat region tag is brought in line with it off the message path (WeChat's
API may take seconds; the reply may not): the hash's `tagged` field says what WeChat has, and
followers whose tag still differs wait in `{prefix}followers:untagged` until a sync succeeds
(the next change of anyone's region retries a few; `flask worker` retries them all).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

import redis
from wechatpy.exceptions import WeChatException

from bot.platform.redis_locks import held

log = logging.getLogger("bot.followers")

# Called with (openid, old_region, new_region) after a change; new_region None = unsubscribed.
RegionTagger = Callable[[str, str | None, str | None], None]
SYNC_ROUNDS = 3  # a change that lands during a sync is picked up by the same sync
OPPORTUNISTIC = 5  # earlier failures retried alongside each new change
TAG_ERRORS = (WeChatException, OSError, ValueError, redis.exceptions.LockError)
GONE = (40003, 43004, 50005)  # WeChat no longer knows the openid as a follower: nothing to undo
UNTAG_TRIES = 3


class Followers:
    """The Redis-backed `handlers.context.Followers` service."""

    def __init__(
        self, client: redis.Redis, prefix: str, tagger: RegionTagger | None = None
    ) -> None:
        self.redis = client
        self.prefix = prefix
        self.tagger = tagger
        self.untagged_key = f"{prefix}followers:untagged"
        self._pool: ThreadPoolExecutor | None = None
        self._futures: list[Future] = []
        self._lock = threading.Lock()  # request threads share the pool

    def key(self, openid: str) -> str:
        """The follower's hash key."""
        return f"{self.prefix}follower:{openid}"

    def _get(self, openid: str, field: str) -> str | None:
        value = self.redis.hget(self.key(openid), field)
        return value.decode("utf-8") if value is not None else None

    def subscribe_region(self, openid: str, region: str) -> None:
        """Remember the follower's region and tag them for region broadcasts."""
        old = self._swap_region(openid, region)
        if old != region:
            self._tag(openid, old, region)

    def unsubscribe_region(self, openid: str) -> str | None:
        """Forget the follower's region; return the region it was, if any."""
        old = self._swap_region(openid, None)
        if old is not None:
            self._tag(openid, old, None)
        return old

    def region_of(self, openid: str) -> str | None:
        """The follower's subscribed region, if any."""
        return self._get(openid, "region")

    def note_scene(self, openid: str, scene: str) -> None:
        """Remember the QR scene the follower last came through (for staff statistics)."""
        self.redis.hset(self.key(openid), mapping={"scene": scene, "scene_at": int(time.time())})

    def scene_of(self, openid: str) -> str | None:
        """The QR scene the follower last came through, if any."""
        return self._get(openid, "scene")

    def note_location(self, openid: str, region: str) -> None:
        """Remember the region the follower's last shared location lies in."""
        self.redis.hset(
            self.key(openid), mapping={"located": region, "located_at": int(time.time())}
        )

    def located_region(self, openid: str) -> str | None:
        """The region of the follower's last shared location, if any."""
        return self._get(openid, "located")

    def _swap_region(self, openid: str, region: str | None) -> str | None:
        """Set (or delete) the region and return the old one, in one round trip."""
        key = self.key(openid)
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.hget(key, "region")
            if region is None:
                pipe.hdel(key, "region", "region_at")
            else:
                pipe.hset(key, mapping={"region": region, "region_at": int(time.time())})
            old = pipe.execute()[0]
        return old.decode("utf-8") if old is not None else None

    def forget(self, openid: str) -> None:
        """Delete the follower's record (unsubscribe); their region tag is removed at WeChat
        in the background, keeping nothing in Redis that names them while it runs."""
        key = self.key(openid)
        with self.redis.pipeline(transaction=True) as pipe:  # one key: one Cluster slot
            pipe.hmget(key, "region", "tagged")
            pipe.delete(key)
            held = {v.decode("utf-8") for v in pipe.execute()[0] if v is not None}
        # Another slot than the record's, so not in the transaction (a Cluster refuses that).
        self.redis.srem(self.untagged_key, openid)
        if self.tagger is not None and held:
            self._spawn(self._untag_departed, openid, sorted(held))

    def _untag_departed(self, openid: str, regions: list[str]) -> None:
        """Take a departed follower out of their region tags; a few tries, then give up (the
        openid is not kept for a later retry: WeChat sends nothing to non-followers anyway)."""
        for region in regions:
            for attempt in range(1, UNTAG_TRIES + 1):
                try:
                    self.tagger(openid, region, None)
                    break
                except TAG_ERRORS as exc:
                    if getattr(exc, "errcode", None) in GONE:
                        break
                    log.warning("region tag %s of a departed follower not removed (try %d): %s",
                                region, attempt, exc)
                    time.sleep(0.2 * attempt)
        # A tag sync that was running when they left may have written to the record again.
        self.redis.delete(self.key(openid), self.key(openid) + ":tagsync")
        self.redis.srem(self.untagged_key, openid)

    def _spawn(self, fn: Callable, *args) -> None:
        """Run `fn(*args)` on the small background pool (WeChat's API never delays a reply)."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="region-tags")
            self._futures = [f for f in self._futures if not f.done()]
            self._futures.append(self._pool.submit(fn, *args))

    def _tag(self, openid: str, old: str | None, new: str | None) -> None:
        """Queue the follower for a WeChat tag sync, and start one in the background."""
        if self.tagger is None:
            return
        self.redis.sadd(self.untagged_key, openid)
        others = [m.decode() for m in self.redis.srandmember(self.untagged_key, OPPORTUNISTIC)]
        for who in dict.fromkeys([openid, *others]):
            self._spawn(self.sync_tag, who)

    def sync_tag(self, openid: str) -> bool:
        """Make the follower's WeChat region tag match their region; False if WeChat failed."""
        if self.tagger is None:
            return False
        key = self.key(openid)
        with held(self.redis, key + ":tagsync", timeout=60, wait=0) as acquired:
            if not acquired:
                return False  # another sync of this follower is running and re-checks at its end
            for _ in range(SYNC_ROUNDS):
                want, have = self.region_of(openid), self._get(openid, "tagged")
                if want == have:
                    self.redis.srem(self.untagged_key, openid)
                    return True
                try:
                    self.tagger(openid, have, want)
                except TAG_ERRORS as exc:
                    # The follower keeps their region; the worker retries the tag.
                    log.warning("region tag of %s not updated (%s → %s): %s", openid, have,
                                want, exc)
                    return False
                if want is None:
                    self.redis.hdel(key, "tagged")
                else:
                    self.redis.hset(key, "tagged", want)
            return False

    def sync_pending(self, limit: int = 100) -> int:
        """Retry the tag sync of up to `limit` waiting followers now; how many succeeded."""
        members = [m.decode() for m in self.redis.srandmember(self.untagged_key, limit)]
        return sum(self.sync_tag(openid) for openid in members)

    def pending(self) -> int:
        """How many followers wait for a WeChat tag sync."""
        return int(self.redis.scard(self.untagged_key))

    def wait(self, timeout: float = 30.0) -> None:
        """Wait for the background tag syncs started so far (tests, and orderly shutdown)."""
        with self._lock:
            futures = list(self._futures)
        wait(futures, timeout=timeout)


class KnownRegion:
    """`Followers` for one message whose subscribed region was read ahead (in the message's
    first round trip): region_of(openid) answers from memory until a handler changes it."""

    def __init__(self, followers: Followers, openid: str, region: str | None) -> None:
        self._followers = followers
        self._openid = openid
        self._region = region

    def __getattr__(self, name: str):
        return getattr(self._followers, name)

    def region_of(self, openid: str) -> str | None:
        """The follower's subscribed region (no round trip for the message's own follower)."""
        if openid == self._openid:
            return self._region
        return self._followers.region_of(openid)

    def subscribe_region(self, openid: str, region: str) -> None:
        """As Followers.subscribe_region, remembering the new region."""
        self._followers.subscribe_region(openid, region)
        if openid == self._openid:
            self._region = region

    def unsubscribe_region(self, openid: str) -> str | None:
        """As Followers.unsubscribe_region, remembering there is none now."""
        old = self._followers.unsubscribe_region(openid)
        if openid == self._openid:
            self._region = None
        return old

    def forget(self, openid: str) -> None:
        """As Followers.forget."""
        self._followers.forget(openid)
        if openid == self._openid:
            self._region = None
