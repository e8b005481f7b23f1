"""Messages that are not text: a shared location, and what the bot cannot read."""

from __future__ import annotations

from typing import Any

from config.texts import reply
from handlers.base import Handler
from handlers.context import Context
from handlers.events import located, remember_location
from handlers.news import region_news
from handlers.replies import Reply, Text

# What a follower can send besides text, voice and location. Types WeChat has not
# documented stay unanswered (`success`), like unknown events.
OTHER_KINDS = ("image", "video", "shortvideo", "link", "file", "miniprogrampage")


class Location(Handler):
    """A shared location → its province, remembered, answered with that region's news."""

    name = "location"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if getattr(msg, "type", "") != "location":
            return None
        # Location_X is the latitude and Location_Y the longitude in WeChat's XML.
        return located(getattr(msg, "location_x", None), getattr(msg, "location_y", None)) or ""

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        if not match:
            return Text(reply("location_unknown"))
        remember_location(ctx, match)
        return region_news(ctx, match)


class Voice(Handler):
    """A voice message WeChat could not transcribe: ask the follower to type."""

    name = "voice"

    def check(self, msg: Any, ctx: Context) -> bool | None:
        return True if getattr(msg, "type", "") == "voice" and not ctx.text else None

    def handle(self, msg: Any, ctx: Context, match: bool) -> Reply:
        return Text(reply("voice_unrecognized"))


class Unreadable(Handler):
    """Pictures, videos, links, files: say kindly what the bot can do."""

    name = "unreadable"

    def check(self, msg: Any, ctx: Context) -> str | None:
        kind = getattr(msg, "type", "")
        if kind == "unknown":
            # wechatpy 1.8.18 has no class for file messages: read the raw MsgType.
            raw = getattr(msg, "_data", None)
            kind = str(raw.get("MsgType", "")).lower() if isinstance(raw, dict) else ""
        return kind if kind in OTHER_KINDS else None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        return Text(reply("unsupported", hotline=ctx.hotline))
