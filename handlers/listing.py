"""Article lists and cards as reply values, shared by search, latest news and paging."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from handlers.replies import News, NewsItem, Text
from knowledge.article import Article

MAX_BYTES = 2048  # WeChat's limit for a text reply
SUMMARY_CHARS = 40
PAGE_PATH = "/articles/"  # the bot's own page of an article; `bot/` makes it absolute
BASE_RESERVE = 64  # bytes kept per relative link for the base URL `bot/` puts in front


def article_link(article: Article) -> str:
    """The article's own URL, else the bot's page of it (a path, made absolute by `bot/`)."""
    return article.url or PAGE_PATH + quote(article.id, safe="")


def _item(n: int, article: Article, summary: str) -> str:
    title = escape(article.title, quote=False)
    link = f'<a href="{escape(article_link(article))}">{title}</a>'
    date = article.published[:10]
    line = f"{n}. {link}\n{date} · {article.region}"
    if summary:
        short = summary if len(summary) <= SUMMARY_CHARS else summary[:SUMMARY_CHARS - 1] + "…"
        line += f"\n{escape(short, quote=False)}"  # cut first: never inside an entity
    return line


def article_list(articles: Sequence[Article], start: int = 1, header: str = "",
                 footer: str = "", summaries: Sequence[str] | None = None) -> Text:
    """A numbered list (linked title, date, region, one-line summary) within 2048 bytes.

    Items that do not fit are dropped whole, never cut mid-tag.
    """
    parts = [header.strip()] if header.strip() else []
    tail = f"\n\n{footer.strip()}" if footer.strip() else ""
    used = len("\n\n".join(parts).encode()) + len(tail.encode())
    for i, article in enumerate(articles):
        summary = summaries[i] if summaries and i < len(summaries) else article.summary
        item = _item(start + i, article, summary or "")
        cost = _cost(item, article)
        if used + cost > MAX_BYTES:
            short = _item(start + i, article, "")  # try once more without the summary
            if used + _cost(short, article) > MAX_BYTES:
                break
            item, cost = short, _cost(short, article)
        parts.append(item)
        used += cost
    return Text("\n\n".join(parts) + tail)


def _cost(item: str, article: Article) -> int:
    """Bytes an item takes in the list, with room for the base URL of a relative link."""
    return len(item.encode()) + 2 + (0 if article.url else BASE_RESERVE)


def article_card(article: Article, summary: str) -> News:
    """One article as a news reply: title, summary, cover and link."""
    return News((NewsItem(title=article.title, description=summary, url=article_link(article),
                          image=article.cover),))


def answer_first(article: Article, sentence: str, lead: str = "", footer: str = "") -> Text:
    """The sentence that answers, then the article's link, date and region (and any note
    before, any hint after)."""
    title = escape(article.title, quote=False)
    link = f'<a href="{escape(article_link(article))}">{title}</a>'
    parts = [lead.strip()] if lead.strip() else []
    parts += [escape(sentence, quote=False),
              f"详见：{link}\n{article.published[:10]} · {article.region}"]
    if footer.strip():
        parts.append(footer.strip())
    return Text("\n\n".join(parts))
