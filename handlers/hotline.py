"""Hotline: 热线 / 电话 / 客服 / 人工 … → the hotline number."""

from __future__ import annotations

from typing import Any

from config.texts import intent_table, intent_words, reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import contained_word, is_text
from handlers.replies import Reply, Text


class Hotline(Handler):
    """Answers any short message that asks how to reach a person."""

    name = "hotline"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if not is_text(msg):
            return None
        if contained_word(ctx.text, tuple(intent_table("hotline").get("exclude", ())), 10**6):
            return None  # 投诉建议 is feedback even where the feedback handler is absent
        return contained_word(ctx.text, intent_words("hotline"))

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        return Text(reply("hotline", hotline=ctx.hotline))
