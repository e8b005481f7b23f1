"""Article lists and cards as reply values, shared by search, latest news and paging."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from config.wechat_limits import TEXT_BYTES
from handlers.replies import News, NewsItem, Text
from knowledge.article import Article

MAX_BYTES = TEXT_BYTES
SUMMARY_CHARS = 40
PAGE_PATH = "/articles/"  # the bot's own page of an article, under the public base URL


def article_link(article: Article, base_url: str) -> str:
    """The article's own URL, else the bot's page of it on `base_url` (ctx.base_url).

    `base_url` is required so no handler forgets it: a follower's phone cannot open a path.
    """
    if article.url:
        return article.url
    return base_url.rstrip("/") + PAGE_PATH + quote(article.id, safe="")


def _item(n: int, article: Article, summary: str, base_url: str,
          limit: int = SUMMARY_CHARS) -> str:
    title = escape(article.title, quote=False)
    link = f'<a href="{escape(article_link(article, base_url))}">{title}</a>'
    date = article.published[:10]
    line = f"{n}. {link}\n{date} · {article.region}"
    if summary:
        short = summary if len(summary) <= limit else summary[:limit - 1] + "…"
        line += f"\n{escape(short, quote=False)}"  # cut first: never inside an entity
    return line


def article_list(articles: Sequence[Article], start: int = 1, header: str = "",
                 footer: str = "", summaries: Sequence[str] | None = None, *,
                 base_url: str, first_chars: int = SUMMARY_CHARS) -> Text:
    """A numbered list (linked title, date, region, one-line summary) within 2048 bytes.

    Links to the bot's own pages are made absolute on `base_url` here, so the budget counts
    every byte the follower gets. Items that do not fit are dropped whole, never cut mid-tag.
    The first item's summary may run to `first_chars` (the sentence that answers the
    question, whole: 硕士1.5万元 sits past the usual cut).
    """
    parts = [header.strip()] if header.strip() else []
    tail = f"\n\n{footer.strip()}" if footer.strip() else ""
    used = len("\n\n".join(parts).encode()) + len(tail.encode())
    for i, article in enumerate(articles):
        summary = summaries[i] if summaries and i < len(summaries) else article.summary
        item = _item(start + i, article, summary or "", base_url,
                     first_chars if i == 0 else SUMMARY_CHARS)
        cost = _cost(item)
        if used + cost > MAX_BYTES:
            short = _item(start + i, article, "", base_url)  # once more without the summary
            if used + _cost(short) > MAX_BYTES:
                break
            item, cost = short, _cost(short)
        parts.append(item)
        used += cost
    return Text("\n\n".join(parts) + tail)


def _cost(item: str) -> int:
    """Bytes an item takes in the list, with the blank line before it."""
    return len(item.encode()) + 2


def article_card(article: Article, summary: str, base_url: str) -> News:
    """One article as a news reply: title, summary, cover and link."""
    link = article_link(article, base_url)
    return News((NewsItem(title=article.title, description=summary, url=link,
                          image=article.cover),))


def answer_first(article: Article, sentence: str, lead: str = "", footer: str = "", *,
                 base_url: str) -> Text:
    """The sentence that answers, then the article's link, date and region (and any note
    before, any hint after)."""
    title = escape(article.title, quote=False)
    link = f'<a href="{escape(article_link(article, base_url))}">{title}</a>'
    parts = [lead.strip()] if lead.strip() else []
    parts += [escape(sentence, quote=False),
              f"详见：{link}\n{article.published[:10]} · {article.region}"]
    if footer.strip():
        parts.append(footer.strip())
    return Text("\n\n".join(parts))
