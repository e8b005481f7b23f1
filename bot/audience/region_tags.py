"""Region targeting: one WeChat user tag per region, created on first need.

Tag ids are cached in Redis (with a TTL: WeChat is the source of truth, and a tag deleted in
the console is found again or recreated). `retag(openid, old, new)` is the hook the
followers service calls when a follower changes region (bot.audience.followers.RegionTagger).
"""

from __future__ import annotations

import logging
from typing import Any

import redis

from bot.platform.redis_locks import held
from bot.wechat.errors import WeChatAPIError
from knowledge.regions import NATIONWIDE, REGIONS

log = logging.getLogger("bot.tags")

TAG_PREFIX = "地区-"  # tag names staff see in the console: 地区-湖北
CACHE_TTL = 7 * 86400


def check_region(region: str) -> str:
    """The region if it can be targeted by a tag; ValueError with a Chinese reason if not."""
    region = (region or "").strip()
    if region == NATIONWIDE:  # everyone: no tag needed
        raise ValueError("“全国”就是全部粉丝，请用 --all（接口里用 all: true）")
    if region not in REGIONS:
        raise ValueError(f"“{region}”不是网站的地区名（如 湖北、内蒙古、香港）")
    return region


class RegionTags:
    """Region -> WeChat tag id, and tagging followers, through the bot's API client."""

    def __init__(self, api: Any, client: redis.Redis, prefix: str) -> None:
        self.api = api
        self.redis = client
        self.key = prefix + "{wechat}:region_tags"

    def tag_id(self, region: str) -> int:
        """The region's tag id, finding or creating the tag on first need."""
        region = check_region(region)
        cached = self.redis.hget(self.key, region)
        if cached:
            return int(cached)
        # One creator at a time: two workers creating 地区-湖北 at once would get 45157.
        with held(self.redis, self.key + ":lock", timeout=30, wait=30) as acquired:
            if not acquired:
                raise redis.exceptions.LockError(f"waited too long to create the tag of {region}")
            cached = self.redis.hget(self.key, region)
            if cached:
                return int(cached)
            tag_id = self._find_or_create(TAG_PREFIX + region)
            with self.redis.pipeline(transaction=True) as pipe:
                pipe.hset(self.key, region, tag_id)
                pipe.expire(self.key, CACHE_TTL)
                pipe.execute()
        return tag_id

    def _find_or_create(self, name: str) -> int:
        try:
            created = self.api.tag.create(name)
        except WeChatAPIError as exc:
            if exc.errcode != 45157:  # 45157: the name exists (made earlier or in the console)
                raise
            for tag in self.api.tag.get():
                if tag.get("name") == name:
                    return int(tag["id"])
            raise
        log.info("created WeChat tag %s", name)
        return int(created["id"])  # wechatpy returns the `tag` object

    def forget(self, region: str) -> None:
        """Drop a cached tag id that WeChat no longer knows."""
        self.redis.hdel(self.key, region)

    def _members(self, endpoint: str, openid: str, region: str) -> None:
        for attempt in (1, 2):
            tag_id = self.tag_id(region)
            try:
                self.api.post(endpoint, data={"openid_list": [openid], "tagid": tag_id})
                return
            except WeChatAPIError as exc:
                if exc.errcode == 45159 and attempt == 1:  # tag deleted in the console
                    self.forget(region)
                    continue
                raise

    def tag_follower(self, openid: str, region: str) -> None:
        """Put the follower under the region's tag (region broadcasts reach them)."""
        self._members("tags/members/batchtagging", openid, region)

    def untag_follower(self, openid: str, region: str) -> None:
        """Take the follower out of the region's tag."""
        self._members("tags/members/batchuntagging", openid, region)

    def retag(self, openid: str, old: str | None, new: str | None) -> None:
        """Move a follower from `old` to `new` region (either may be None or 全国)."""
        if old and old != NATIONWIDE and old != new:
            self.untag_follower(openid, old)
        if new and new != NATIONWIDE and new != old:
            self.tag_follower(openid, new)
