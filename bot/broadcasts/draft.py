"""Turn a knowledge-base article into a WeChat draft: the cover image and the HTML body."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import Any

from bot.platform.safe_fetch import FetchRefused, SafeFetcher
from config.wechat_limits import (
    DRAFT_CONTENT_CHARS,
    DRAFT_DIGEST_CHARS,
    DRAFT_TITLE_CHARS,
)

log = logging.getLogger("bot.article_draft")

DEFAULT_COVER = Path(__file__).resolve().parent / "assets" / "default_cover.png"
IMAGE_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png", b"GIF8": "image/gif"}
TITLE_LIMIT = DRAFT_TITLE_CHARS
TITLE_MIN_KEEP = 16  # a cut at a natural break keeps at least half of the allowed length
BREAK_AFTER = "，。；：！？、,;:!?"  # cut after these (the mark itself is dropped)
BREAK_BEFORE = " 　（(【[—|｜"  # or before these (an aside or a subtitle follows)
DIGEST_LIMIT = DRAFT_DIGEST_CHARS
CONTENT_BUDGET = DRAFT_CONTENT_CHARS - 1_000  # the rest is for the footer


def _sniff(data: bytes) -> str | None:
    """The image MIME type from the first bytes, or None when it is not an image WeChat takes."""
    for magic, mime in IMAGE_MAGIC.items():
        if data.startswith(magic):
            return mime
    return None


def fetch_cover(url: str, fetcher: SafeFetcher) -> tuple[str, bytes, str] | None:
    """Download the article's cover if public (or allowed), an image, in time; else None."""
    if not url:
        return None
    try:
        data, _ = fetcher.fetch_image(url)
    except FetchRefused as exc:
        log.info("cover of the article not used (%s); using the default cover", exc)
        return None
    mime = _sniff(data)
    if mime is None:
        log.info("cover of the article is not a usable image; using the default cover")
        return None
    name = "cover." + mime.split("/")[1].replace("jpeg", "jpg")
    return name, data, mime


def default_cover() -> tuple[str, bytes, str]:
    """The bundled cover image."""
    return DEFAULT_COVER.name, DEFAULT_COVER.read_bytes(), "image/png"


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs (split on blank lines; single newlines joined)."""
    parts = re.split(r"\n\s*\n", (body or "").strip())
    return [re.sub(r"\s*\n\s*", "", p).strip() for p in parts if p.strip()]


def _field(article: Any, name: str) -> str:
    value = getattr(article, name, None)
    if value is None and isinstance(article, dict):
        value = article.get(name)
    return "" if value is None else str(value)


def content_html(article: Any) -> str:
    """The draft body: the paragraphs, then source and date, then the original's address.

    WeChat refuses content over 20,000 characters (45002): a long article is cut at a
    paragraph end and points to the original for the rest.
    """
    out: list[str] = []
    size = 0
    for para in paragraphs(_field(article, "body")):
        block = f'<p style="text-indent:2em;line-height:1.75;">{html.escape(para)}</p>'
        if size + len(block) > CONTENT_BUDGET:
            out.append('<p style="color:#888888;">（篇幅所限，全文请见原文链接）</p>')
            break
        out.append(block)
        size += len(block) + 1
    meta = []
    if _field(article, "source"):
        meta.append("来源：" + html.escape(_field(article, "source")))
    if _field(article, "published"):
        meta.append("发布日期：" + html.escape(_field(article, "published")[:10]))
    if meta:
        out.append('<p style="color:#888888;font-size:14px;">' + "　".join(meta) + "</p>")
    url = _field(article, "url")
    if url:
        out.append('<p style="color:#888888;font-size:14px;">原文链接：'
                   f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a></p>')
    return "\n".join(out)


def digest(article: Any) -> str:
    """The card summary: the article's summary, else its first paragraph, cut to WeChat's limit."""
    text = _field(article, "summary") or next(iter(paragraphs(_field(article, "body"))), "")
    return text if len(text) <= DIGEST_LIMIT else text[: DIGEST_LIMIT - 1] + "…"


def fit_title(title: str, limit: int = TITLE_LIMIT) -> str:
    """The title within WeChat's limit: whole if it fits, else cut at the last natural break
    (a comma, colon, space, bracket or dash) that keeps enough of it, with "…"."""
    title = (title or "").strip()
    if len(title) <= limit:
        return title
    room = limit - 1  # for the "…"
    for end in range(room, TITLE_MIN_KEEP - 1, -1):
        if title[end] in BREAK_BEFORE and title[:end].strip():
            return title[:end].rstrip(BREAK_AFTER + BREAK_BEFORE) + "…"
        if title[end - 1] in BREAK_AFTER:
            return title[: end - 1].rstrip(BREAK_AFTER + BREAK_BEFORE) + "…"
    return title[:room] + "…"


def draft_article(article: Any, thumb_media_id: str) -> dict:
    """One entry of draft/add's `articles`; a title cut to fit is given whole atop the body."""
    title = _field(article, "title")
    short = fit_title(title)
    content = content_html(article)
    if short != title.strip():
        content = ('<p style="font-size:18px;font-weight:bold;line-height:1.5;">'
                   f"{html.escape(title.strip())}</p>\n" + content)
    return {
        "title": short,
        "author": "就业桥",
        "digest": digest(article),
        "content": content,
        "content_source_url": _field(article, "url"),
        "thumb_media_id": thumb_media_id,
        "need_open_comment": 0,
        "only_fans_can_comment": 0,
    }
