"""Greeting and help: say what the bot does, with example questions."""

from __future__ import annotations

from typing import Any

from config.texts import intent_words, reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import exact_word, is_text
from handlers.replies import Reply, Text


class Greeting(Handler):
    """你好 / 在吗 → a short welcome with examples."""

    name = "greeting"

    def check(self, msg: Any, ctx: Context) -> str | None:
        return exact_word(ctx.text, intent_words("greeting")) if is_text(msg) else None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        return Text(reply("greeting", hotline=ctx.hotline))


class Help(Handler):
    """帮助 / 菜单 → what the bot can do."""

    name = "help"

    def check(self, msg: Any, ctx: Context) -> str | None:
        return exact_word(ctx.text, intent_words("help")) if is_text(msg) else None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        return Text(reply("help", hotline=ctx.hotline))
