"""取消 / 退出 / 算了 → leave whatever mode the follower is in, and say so."""

from __future__ import annotations

from typing import Any

from config.texts import intent_table, intent_words, reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import exact_word, is_text
from handlers.replies import Reply, Text


class Cancel(Handler):
    """Leaves the session's mode (留言 and the like) and drops its last list."""

    name = "cancel"

    def check(self, msg: Any, ctx: Context) -> str | None:
        return exact_word(ctx.text, intent_words("cancel")) if is_text(msg) else None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        mode = ctx.session.mode(ctx.now)
        ctx.session.leave_mode()
        had_list = ctx.session.drop_list()
        if mode is not None:
            what = intent_table("cancel").get("mode_names", {}).get(mode.name, "")
            return Text(reply("cancelled_mode", what=what or "当前操作"))
        if had_list:
            return Text(reply("cancelled_list"))
        return Text(reply("cancelled_nothing"))
