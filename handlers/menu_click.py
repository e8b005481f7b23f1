"""Menu clicks: the keys of config/menu.toml (LATEST, HOTLINE, HELP, MY_REGION, REGION_<地区>).

FEEDBACK is left to the feedback handler further down the registry; any key this module
does not know answers with help, so a menu edited ahead of the bot still gets an answer.
"""

from __future__ import annotations

from typing import Any

from config.menu import region_of_key
from config.texts import reply
from handlers.base import Handler
from handlers.context import Context
from handlers.events import event_of
from handlers.news import latest_news, region_news
from handlers.replies import Reply, Text
from knowledge.geo import region_named

LEFT_TO_OTHERS = ("FEEDBACK",)


def my_region(ctx: Context) -> str | None:
    """The follower's subscribed region, else where they last shared their location."""
    if ctx.followers is not None:
        region = ctx.followers.region_of(ctx.openid)
        if region:
            return region
    located = ctx.session.get("located")
    if located:
        return located
    return ctx.followers.located_region(ctx.openid) if ctx.followers is not None else None


class Click(Handler):
    """A click on a menu button."""

    name = "click"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if event_of(msg) != "click":
            return None
        key = str(getattr(msg, "key", "") or "").strip()
        return None if key in LEFT_TO_OTHERS else key

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        hotline = ctx.hotline
        if match == "LATEST":
            return latest_news(ctx)
        if match == "HOTLINE":
            return Text(reply("hotline", hotline=hotline))
        if match == "MY_REGION":
            region = my_region(ctx)
            return region_news(ctx, region) if region else Text(reply("my_region_unknown"))
        named = region_of_key(match)
        region = region_named(named) if named else None
        if region is not None:
            return region_news(ctx, region)
        return Text(reply("help", hotline=hotline))  # HELP, and any key we do not know
