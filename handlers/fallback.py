"""The last handler: always matches, and is useful on its own."""

from __future__ import annotations

from typing import Any

from config.texts import reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import is_text
from handlers.notfound import not_found
from handlers.replies import SILENT, Reply, Text


class Fallback(Handler):
    """Text nobody understood gets topics and the hotline; other messages get what we can do."""

    name = "fallback"

    def check(self, msg: Any, ctx: Context) -> bool:
        return True

    def handle(self, msg: Any, ctx: Context, match: bool) -> Reply:
        hotline = ctx.hotline
        if is_text(msg):
            return not_found(ctx)
        if getattr(msg, "type", "") in ("event", "unknown"):
            return SILENT  # unknown message or event types, and events nobody handled
        return Text(reply("unsupported", hotline=hotline))
