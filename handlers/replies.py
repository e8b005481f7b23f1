"""Reply values that handlers return; only `bot/` turns them into WeChat XML."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A text reply; `bot/` cuts it to WeChat's 2048-byte limit at a line or sentence end."""

    content: str


@dataclass(frozen=True)
class NewsItem:
    """One article card of a news reply."""

    title: str
    description: str
    url: str
    image: str = ""


@dataclass(frozen=True)
class News:
    """A news reply; WeChat shows at most one article since 2018, so `bot/` sends the first."""

    items: tuple[NewsItem, ...]


@dataclass(frozen=True)
class Silent:
    """No reply: WeChat gets the literal `success` and shows nothing."""


SILENT = Silent()

Reply = Text | News | Silent
