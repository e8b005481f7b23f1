"""Paging (更多 / 下一页 / 上一页) and picking (2, 第三条, 第3篇) on the follower's last list."""

from __future__ import annotations

from typing import Any

from config.texts import reply
from handlers import lists
from handlers.base import Handler
from handlers.context import Context
from handlers.listing import article_card
from handlers.matching import is_text
from handlers.phrases import ordinal, said
from handlers.points import point_of
from handlers.replies import Reply, Text


class Paging(Handler):
    """更多 / 下一页 → the next page; 上一页 → the previous one."""

    name = "paging"

    def check(self, msg: Any, ctx: Context) -> int | None:
        if not is_text(msg):
            return None
        if said(ctx.text, "more"):
            return 1
        if said(ctx.text, "previous"):
            return -1
        return None

    def handle(self, msg: Any, ctx: Context, match: int) -> Reply:
        last = lists.last_list(ctx)
        if last is None and (found := _list_behind(msg, ctx)) is not None:
            return found
        if last is None:
            return Text(reply("no_list"))
        page = int(last.get("page", 0)) + match
        if page >= lists.page_count(last):
            return Text(reply("no_more", count=len(last["ids"])))
        if page < 0:
            return Text(reply("first_page"))
        return lists.show_page(ctx, last, page)


class Pick(Handler):
    """A number pointing into the last list → that article's summary and link."""

    name = "pick"

    def check(self, msg: Any, ctx: Context) -> int | None:
        n = ordinal(ctx.text) if is_text(msg) else None
        return lists.shown(ctx, n, bare=ctx.text.strip().isdigit()) if n else n

    def handle(self, msg: Any, ctx: Context, match: int) -> Reply:
        last = lists.last_list(ctx)
        if last is None and (found := _list_behind(msg, ctx)) is not None:
            return found
        if last is None:
            return Text(reply("pick_without_list"))
        ids = last["ids"]
        if match > len(ids):
            return Text(reply("pick_out_of_range", count=len(ids)))
        article = ctx.kb.get(ids[match - 1]) if ctx.kb else None
        if article is None:
            return Text(reply("list_gone", hotline=ctx.hotline))
        return article_card(article, _told(ctx, last, article), ctx.base_url)


def _told(ctx: Context, last: dict, article: Any) -> str:
    """What the card says: an editor's summary, else the article's sentence that answers
    the question behind the list and the follower's words now (三支一扶 → 补贴一年多少钱: the
    sentence on the subsidy), else its lead."""
    asked = str(last.get("query") or "")
    point = point_of(ctx, article, asked)
    if point:  # 本科的呢 给几年: the sentence on that, even beside an editor's summary
        return point
    query = " ".join(x for x in (asked, ctx.text or "") if x)
    if article.summary or not query:
        return ctx.kb.summary_of(article)
    return ctx.kb.sentence_for(query, article) or ctx.kb.summary_of(article)


def _list_behind(msg: Any, ctx: Context) -> Reply | None:
    """更多 / 第二条 after an answer that showed no list (最新的招聘会 → the city asked for):
    the articles behind that question, as a list to page and pick from; else None."""
    last = ctx.session.last_topic()
    if last is None or last.get("ids") or not last.get("query") or ctx.kb is None:
        return None
    from handlers.search import Search  # the one search path; search imports the list helpers

    said, ctx.text = ctx.text, str(last["query"])  # answered as the question it leans on
    ctx.leaning = True
    try:
        return Search().handle(msg, ctx, ctx.text)
    finally:
        ctx.text, ctx.leaning = said, False  # the question log keeps what the follower wrote
