"""取消 / 退出 / 算了 → leave whatever mode the follower is in, and say so."""

from __future__ import annotations

from typing import Any

from config.texts import intent_table, intent_words, reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import exact_word, is_text
from handlers.replies import Reply, Text


class Cancel(Handler):
    """Drops the session's mode (留言 and the like) and its last list."""

    name = "cancel"

    def check(self, msg: Any, ctx: Context) -> str | None:
        return exact_word(ctx.text, intent_words("cancel")) if is_text(msg) else None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        mode = ctx.session.get("mode")
        had_list = ctx.session.get("last") is not None
        # A mode keeps its state under "mode_*" keys (feedback's mode_expires) or keys named
        # after it; all of it goes with the mode.
        prefixes = ("mode", str(mode)) if mode else ("mode",)
        for key in [k for k in ctx.session.data if k.startswith(prefixes) or k == "last"]:
            ctx.session.pop(key)
        if mode:
            names = intent_table("cancel").get("mode_names", {})
            what = names.get(mode, "")
            return Text(reply("cancelled_mode", what=what or "当前操作"))
        if had_list:
            return Text(reply("cancelled_list"))
        return Text(reply("cancelled_nothing"))
