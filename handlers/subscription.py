"""订阅湖北 / 订阅荆州 → remember the follower's region; 退订 / 取消订阅 → forget it."""

from __future__ import annotations

from typing import Any

from config.texts import intent_table, reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import is_text
from handlers.phrases import core, longest_first, said, split_suffix
from handlers.replies import Reply, Text
from knowledge import find_region
from knowledge.geo import region_named

_NO_PLACE = ""  # the match for 订阅 with no usable place
MAX_PLACE_CHARS = 12


def subscribe(ctx: Context, region: str) -> Reply:
    """Subscribe the follower to `region` and say so."""
    if ctx.followers is None:
        return Text(reply("subscription_off", hotline=ctx.hotline))
    old = ctx.followers.region_of(ctx.openid)
    ctx.followers.subscribe_region(ctx.openid, region)
    if old == region:
        return Text(reply("subscribed_already", region=region))
    return Text(reply("subscribed", region=region))


def place_after_prefix(text: str) -> str | None:
    """The place part of '订阅湖北新闻' ('湖北'), '' for a bare 订阅, None if not a subscribe."""
    table = intent_table("subscribe")
    s = core(text)
    for _, p in longest_first(tuple(table["prefixes"])):
        if s.startswith(p):
            rest = s[len(p):]
            if len(rest) > MAX_PLACE_CHARS:
                return None  # a sentence that starts with 订阅 is a question, not a request
            split = split_suffix(rest, tuple(table["suffixes"]))
            return split[0] if split else rest
    return None


class Subscribe(Handler):
    """订阅<地区>: the follower's region for broadcasts."""

    name = "subscribe_region"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if not is_text(msg):
            return None
        place = place_after_prefix(ctx.text)
        if place is None:
            return None
        # 订阅火星 still matches, to be told which places work.
        return (region_named(place) or find_region(place) or _NO_PLACE) if place else _NO_PLACE

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        if match:
            return subscribe(ctx, match)
        current = ctx.followers.region_of(ctx.openid) if ctx.followers else None
        if current:
            return Text(reply("subscribe_how_current", region=current))
        return Text(reply("subscribe_how"))


class Unsubscribe(Handler):
    """退订 / 取消订阅 → forget the follower's region."""

    name = "unsubscribe_region"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if not is_text(msg):
            return None
        return said(ctx.text, "unsubscribe")

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        if ctx.followers is None:
            return Text(reply("subscription_off", hotline=ctx.hotline))
        old = ctx.followers.unsubscribe_region(ctx.openid)
        if old is None:
            return Text(reply("unsubscribed_nothing"))
        return Text(reply("unsubscribed", region=old))
