"""Complaints and suggestions in plain words ("链接打不开", "你们发的招聘会时间是错的").

The follower is thanked and offered, in one step, to have the message recorded as feedback:
replying "1" (or 好 / 可以 / 记下来) stores it through the feedback flow (handlers/offer.py).
"""

from __future__ import annotations

from typing import Any

from config.texts import reply
from handlers.base import Handler
from handlers.context import Context
from handlers.feedback import full_text, offer_to_record
from handlers.matching import is_text
from handlers.replies import Reply, Text
from handlers.understand import reply_key, understand


class Complaint(Handler):
    """Recognises a complaint or suggestion about the account and offers to record it."""

    name = "complaint"

    def check(self, msg: Any, ctx: Context) -> tuple[str, str] | None:
        if not is_text(msg):
            return None
        u = understand(ctx)
        # 留言问工伤的事 一个礼拜没动静 / 问工资给我发培训的 答非所问 / 建议加个查最低工资的功能:
        # about the account, not the topic named
        firm = u.intent("unanswered", "misanswered", "feature", "hotline_complaint",
                        "wrong_region", "conflicting", "charged_free")
        if firm is not None and firm.name == "wrong_region" and not u.places:
            return "complaint", full_text(msg, ctx)  # 天天发些没用的: no place, no region to fix
        if firm is not None:
            return firm.name, full_text(msg, ctx)
        found = u.intent("complaint", "suggestion")
        if found is None:
            return None
        topic = u.best_faq()
        if topic is not None and topic.score > found.score:
            return None  # a question about wages or benefits that merely sounds cross
        return found.name, full_text(msg, ctx)

    def handle(self, msg: Any, ctx: Context, match: tuple[str, str]) -> Reply:
        kind, text = match
        ctx.route = "complaint"
        offer_to_record(ctx, text)
        return Text(reply(reply_key(kind), hotline=ctx.hotline))
