"""Reply values → WeChat reply XML (plaintext; `bot/wechat/webhook.py` encrypts when needed)."""

from __future__ import annotations

import re
from typing import Any

from wechatpy.replies import ArticlesReply, TextReply

from config.wechat_limits import NEWS_DESCRIPTION_BYTES, NEWS_TITLE_CHARS, TEXT_BYTES
from handlers.replies import News, Reply, Silent, Text

TEXT_LIMIT = TEXT_BYTES
ELLIPSIS = "…"
SUCCESS = "success"  # what WeChat expects when we have nothing to say

_BREAK = re.compile(r"\n|[。！？；!?;](?![^<]*>)")
_ANCHOR = re.compile(r"<a\s[^>]*>.*?</a>", re.S)


def fit_text(text: str, limit: int = TEXT_LIMIT) -> str:
    """`text` if it fits in `limit` bytes, else cut at a line or sentence end with '…'."""
    if len(text.encode("utf-8")) <= limit:
        return text
    budget = limit - len(ELLIPSIS.encode("utf-8"))
    # the longest prefix that fits, in characters (never splits a character)
    head = text.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    anchors = [(m.start(), m.end()) for m in _ANCHOR.finditer(text)]
    best = 0
    for m in _BREAK.finditer(head):
        end = m.end() if m.group() != "\n" else m.start()
        if end <= len(head) and not any(a < end < b for a, b in anchors):
            best = end
    if best == 0:  # one endless sentence: cut at the last character outside a link
        best = len(head)
        for a, b in anchors:
            if a < best < b:
                best = a
    return head[:best].rstrip() + ELLIPSIS


def cdata_safe(value: str) -> str:
    """`value` split where it holds `]]>`, so wechatpy's CDATA sections stay well-formed."""
    return value.replace("]]>", "]]]]><![CDATA[>")


def render(reply: Reply, msg: Any) -> str:
    """The reply XML for `reply` answering `msg`, or 'success' for Silent."""
    if isinstance(reply, Silent) or reply is None:
        return SUCCESS
    if isinstance(reply, Text):
        content = fit_text(reply.content.strip())
        return TextReply(message=msg, content=cdata_safe(content)).render()
    if isinstance(reply, News):
        if not reply.items:
            return SUCCESS
        item = reply.items[0]  # WeChat shows one article per news reply since 2018
        out = ArticlesReply(message=msg)
        out.add_article(
            {
                "title": cdata_safe(item.title[:NEWS_TITLE_CHARS]),
                "description": cdata_safe(fit_text(item.description, NEWS_DESCRIPTION_BYTES)),
                "image": cdata_safe(item.image),
                "url": cdata_safe(item.url),
            }
        )
        return out.render()
    raise TypeError(f"not a reply value: {reply!r}")
