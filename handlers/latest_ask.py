"""The newest articles asked in everyday words: 今天更新了吗, 有啥新消息没, 最近有什么新政策.

handlers/news.py reads the set phrases (最新, 今日, 头条); this reads [intent.latest] of
config/meaning.toml. A message naming a place is regional news, not this.
"""

from __future__ import annotations

from typing import Any

from handlers import news
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import is_text
from handlers.replies import Reply
from handlers.understand import understand


class LatestAsk(Handler):
    """Everyday words for "what's new" → the newest articles, as a list."""

    name = "latest"

    def check(self, msg: Any, ctx: Context) -> bool | None:
        if not is_text(msg):
            return None
        u = understand(ctx)
        found = u.intent("latest", "latest_recall")
        if found is None or u.places or (u.best_faq() and u.best_faq().score > found.score):
            return None
        cross = u.intent("complaint", "suggestion")
        if cross is not None and cross.score >= found.score:
            return None  # 推的都是去年的旧闻 / 建议别半夜推送: feedback, not a request for news
        return True

    def handle(self, msg: Any, ctx: Context, match: bool) -> Reply:
        return news.latest_news(ctx)
