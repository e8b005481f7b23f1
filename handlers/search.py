"""Search: any question nobody else claimed gets the answer first, a short list, or an
honest "none"."""

from __future__ import annotations

import logging
from typing import Any

from config.texts import reply
from handlers import lists
from handlers.base import Handler
from handlers.by_kind import ABOUT_US, by_kind
from handlers.context import Context
from handlers.listing import SUMMARY_CHARS, answer_first, article_card, article_list
from handlers.matching import is_text
from handlers.notfound import not_found, quotable, unsure_header
from handlers.replies import Reply
from handlers.small_talk import small_talk
from knowledge.extract import asks_amount
from knowledge.normal import normalise
from knowledge.wordlists import drop_framing

log = logging.getLogger(__name__)

PAGE_SIZE = 3  # a phone screen: at most three items, 更多 gives the rest
ANSWER_CHARS = 90  # the first item's answering sentence, whole (best_sentence keeps to 80)
KIND_OVER = 0.6  # the message's kind answers it only when the first hit answers less of it


class Search(Handler):
    """Text or recognised voice → the answering sentence and its article when one article
    clearly answers, else at most three articles; the question's place and time hold."""

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
        result = ctx.kb.search(match, region=preferred, limit=PAGE_SIZE, today=ctx.now.date())
        ctx.outcome.update(kind="none", articles=[], coverage=result.coverage)
        def titles():  # with summaries: worked out only for a short message
            return (h.article.title + ctx.kb.summary_of(h.article) for h in result.hits[:3])

        if not result.confident and (line := small_talk(ctx, titles)) is not None:
            ctx.outcome.update(kind="reply")
            return line  # 喂 / 行 我试试: no article is what a short social message wants
        # 你们小编是哪个: about the account, not a question for the articles found, which
        # answer little of it (有哪些劳务品牌的消息 is theirs, whatever its kind)
        if not result.confident and result.coverage < KIND_OVER and \
                (line := by_kind(ctx, ABOUT_US)) is not None:
            return line
        if not result.hits:
            return not_found(ctx)  # the follower-words handlers' reply (#13)
        # After a single answer, 更多 should show the list from its first page (page -1 + 1).
        page = -1 if result.confident else 0
        lists.remember(ctx, "search", result.ranked_ids, page=page, page_size=PAGE_SIZE,
                       query=match)
        articles = [h.article for h in result.hits]
        place = reply("search_place_missing", region=result.missing_place) \
            if result.missing_place else ""
        if result.confident:
            ctx.outcome.update(kind="answer", articles=[articles[0].id])
            if not result.answer:  # no sentence holds the question's words: the card says it
                return article_card(articles[0], ctx.kb.summary_of(articles[0]), ctx.base_url)
            more = reply("search_answer_more") if len(result.ranked_ids) > 1 else ""
            return answer_first(articles[0], result.answer, lead=place, footer=more,
                                base_url=ctx.base_url)
        ctx.outcome.update(kind="list", articles=[a.id for a in articles])
        summaries = [ctx.kb.summary_of(a) for a in articles]
        first = SUMMARY_CHARS
        # the first article's sentence that answers it; over an editor's summary too when a
        # sum is asked (公司每个月补几多钱: 每月1万港元, not the scheme's overview)
        if result.answer and (not articles[0].summary or asks_amount(match)):
            summaries[0] = result.answer
            first = ANSWER_CHARS
        return article_list(
            articles,
            header="\n".join(x for x in (place, _header(match, ctx), unsure_header(ctx)) if x),
            footer=reply("search_footer") if len(result.ranked_ids) > len(articles) else "",
            summaries=summaries,
            base_url=ctx.base_url,
            first_chars=first,
        )


def _header(text: str, ctx: Context) -> str:
    """The list's title: the follower's words when short and plain once the chatty framing
    is out (急死了 is never quoted back), else a plain title."""
    words = quotable(" ".join(drop_framing(normalise(text)).split()), ctx)
    return reply("search_header", query=words) if words else reply("search_header_plain")
