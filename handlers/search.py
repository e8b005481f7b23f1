"""Search: any question nobody else claimed gets the best articles, or an honest "none"."""

from __future__ import annotations

import logging
from typing import Any

from config.texts import reply
from handlers.base import Handler
from handlers.context import Context
from handlers.listing import article_card, article_list
from handlers.matching import is_text
from handlers.notfound import not_found
from handlers.replies import Reply
from handlers.small_talk import small_talk

log = logging.getLogger(__name__)

LIST_SIZE = 5
PAGE_SIZE = 5


class Search(Handler):
    """Text or recognised voice → one card when there is a clear winner, else a list."""

    name = "search"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if ctx.kb is None or not is_text(msg):
            return None
        query = " ".join((ctx.text or "").split())
        return query or None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        preferred = None
        if ctx.followers is not None:
            preferred = ctx.followers.region_of(ctx.openid)
        result = ctx.kb.search(match, region=preferred, limit=LIST_SIZE)
        shown = match[:30]
        titles = tuple(h.article.title + ctx.kb.summary_of(h.article) for h in result.hits[:3])
        if not result.confident and (line := small_talk(ctx, titles)) is not None:
            return line  # 喂 / 行 我试试: no article is what a short social message wants
        if not result.hits:
            return not_found(ctx)
        # After a single card, 更多 should show the list from its first page (page -1 + 1).
        page = -1 if result.confident else 0
        ctx.session.set("last", {"kind": "search", "query": match, "ids": result.ranked_ids,
                                 "page": page, "page_size": PAGE_SIZE})
        if result.confident:
            top = result.hits[0].article
            return article_card(top, ctx.kb.summary_of(top))
        articles = [h.article for h in result.hits]
        return article_list(
            articles,
            header=reply("search_header", query=shown),
            footer=reply("search_footer") if len(result.ranked_ids) > len(articles) else "",
            summaries=[ctx.kb.summary_of(a) for a in articles],
        )
