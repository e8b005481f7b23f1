"""Follower preferences that outlive sessions: the subscribed region, the QR scene, the place.

One Redis hash per follower, `{prefix}follower:{openid}`, with no TTL: a region subscription
is a preference the follower set and keeps until they change it. When the WeChat API is on,
a region change is mirrored to the follower's WeChat region tag so broadcasts reach them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import redis
from wechatpy.exceptions import WeChatException

log = logging.getLogger("bot.followers")

# Called with (openid, old_region, new_region) after a change; new_region None = unsubscribed.
RegionTagger = Callable[[str, str | None, str | None], None]


class Followers:
    """The Redis-backed `handlers.context.Followers` service."""

    def __init__(
        self, client: redis.Redis, prefix: str, tagger: RegionTagger | None = None
    ) -> None:
        self.redis = client
        self.prefix = prefix
        self.tagger = tagger

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

    def _tag(self, openid: str, old: str | None, new: str | None) -> None:
        """Mirror a region change to WeChat tags; the preference stands even if WeChat fails."""
        if self.tagger is None:
            return
        try:
            self.tagger(openid, old, new)
        except (WeChatException, OSError, ValueError) as exc:
            # WeChat being down must not cost the follower their answer; broadcasts retag later.
            log.warning("region tag for %s not updated (%s → %s): %s", openid, old, new, exc)
