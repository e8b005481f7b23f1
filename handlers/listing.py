"""Article lists and cards as reply values, shared by search, latest news and paging."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from handlers.replies import News, NewsItem, Text
from knowledge.article import Article

MAX_BYTES = 2048  # WeChat's limit for a text reply
SUMMARY_CHARS = 40


def _item(n: int, article: Article, summary: str) -> str:
    title = escape(article.title, quote=False)
    link = f'<a href="{escape(article.url)}">{title}</a>' if article.url else title
    date = article.published[:10]
    line = f"{n}. {link}\n{date} · {article.region}"
    if summary:
        short = summary if len(summary) <= SUMMARY_CHARS else summary[:SUMMARY_CHARS - 1] + "…"
        line += f"\n{short}"
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
        cost = len(item.encode()) + 2
        if used + cost > MAX_BYTES:
            short = _item(start + i, article, "")  # try once more without the summary
            if used + len(short.encode()) + 2 > MAX_BYTES:
                break
            item, cost = short, len(short.encode()) + 2
        parts.append(item)
        used += cost
    return Text("\n\n".join(parts) + tail)


def article_card(article: Article, summary: str) -> News:
    """One article as a news reply: title, summary, cover and link."""
    return News((NewsItem(title=article.title, description=summary, url=article.url,
                          image=article.cover),))
