"""Latest news (最新, 今日, 头条) and region news (湖北新闻, 荆州的资讯, 全国, 湖北)."""

from __future__ import annotations

from typing import Any

from config.texts import intent_table, reply
from handlers import lists
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import is_text
from handlers.phrases import core, said, split_suffix
from handlers.replies import Reply, Text
from knowledge.geo import province_short, region_named
from knowledge.regions import NATIONWIDE

APART = ("香港", "澳门", "台湾")


def latest_news(ctx: Context) -> Reply:
    """The newest articles of every region, as a list the follower can page and pick from."""
    articles = ctx.kb.latest(limit=lists.MAX_IDS) if ctx.kb else []
    if not articles:
        return Text(reply("no_news", hotline=ctx.hotline))
    last = lists.remember(ctx, "latest", [a.id for a in articles])
    return lists.show_page(ctx, last, 0)


def region_news(ctx: Context, region: str, lead: str = "", national: bool = True) -> Reply:
    """The newest articles of one region (全国 or a province short name), under `lead` when
    given. A region without articles of its own gets the national ones when `national`."""
    articles = ctx.kb.latest(region=region, limit=lists.MAX_IDS) if ctx.kb else []
    everywhere = ctx.kb.latest(region=NATIONWIDE, limit=lists.MAX_IDS) \
        if not articles and national and region != NATIONWIDE and ctx.kb is not None else []
    if everywhere:
        # 青海的: none of its own yet; the national news applies there too. 港澳台 have
        # their own rules: the mainland's national policies are no answer there.
        key = "no_region_news_apart" if region in APART else "no_region_news_national"
        lead = "\n".join(x for x in (lead, reply(key, region=region)) if x)
        region, articles = NATIONWIDE, everywhere
    if not articles:
        return Text(lead or reply("no_region_news", region=region, hotline=ctx.hotline))
    last = lists.remember(ctx, "region", [a.id for a in articles], region=region)
    shown = lists.show_page(ctx, last, 0)
    return Text(f"{lead}\n{shown.content}") if lead and isinstance(shown, Text) else shown


def region_asked(text: str) -> str | None:
    """The region a message asks news of: '荆州的资讯' -> '湖北', '湖北' -> '湖北', else None."""
    s = core(text)
    if not s:
        return None
    bare = region_named(s)
    if bare is not None and (bare == NATIONWIDE or province_short(s) == bare):
        return bare  # a province (or 全国) alone; a bare city name is left to search
    split = split_suffix(s, tuple(intent_table("region_news")["suffixes"]))
    if split is None:
        return None
    place = split[0].removesuffix("的").removesuffix("地区")
    return region_named(place) if place else None


class Latest(Handler):
    """最新 / 今日 / 头条 / 有什么新闻 → the newest articles."""

    name = "latest"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if not is_text(msg):
            return None
        return said(ctx.text, "latest")

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        return latest_news(ctx)


class RegionNews(Handler):
    """湖北新闻 / 荆州的资讯 / 全国 / 湖北 → that region's newest articles."""

    name = "region_news"

    def check(self, msg: Any, ctx: Context) -> str | None:
        return region_asked(ctx.text) if is_text(msg) else None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        return region_news(ctx, match)
