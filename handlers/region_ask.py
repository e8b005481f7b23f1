"""Regional news asked in everyday words: 荆州有啥新消息, 咱贵州的, 河南有啥好政策没.

handlers/news.py reads the set phrases (湖北新闻, a province alone); this reads a place with
a few news words around it. A bare city stays a search, as before.
"""

from __future__ import annotations

from typing import Any

from config.texts import meaning_table
from handlers import news
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import is_text
from handlers.replies import Reply
from handlers.understand import understand
from knowledge.geo import province_short

# Beside these, a few words of the follower's own make the message something else: a topic,
# or a wish or complaint about our news (希望多发点河北的消息 is a suggestion).
OTHER = ("topic_rights", "topic_jobs", "topic_policy", "suggestion", "complaint", "feature",
         "wrong_region", "only_region", "coverage")


# 住在珠海 想看澳门的消息: the place the follower lives in is not the place asked of.
LIVES = ("住在", "家在", "身在", "人在", "我在", "住", "在")  # longest first


def _asked_of(plain: str, places: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The places named, less where the follower says they live when two provinces are named;
    empty when the region asked of is not one province."""
    if len({p for _, p in places}) > 1:
        places = [(n, p) for n, p in places
                  if not any(plain[:plain.find(n)].endswith(w) for w in LIVES)]
    return places if len({p for _, p in places}) == 1 else []


class RegionAsk(Handler):
    """A place plus only news words ('有啥新消息', '的就业政策') → that region's newest articles."""

    name = "region_ask"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if not is_text(msg):
            return None
        u = understand(ctx)
        asked = _asked_of(u.plain, u.places)
        if not asked:
            return None
        rest = u.plain
        for name, province in u.places:
            if (name, province) not in asked:  # 住在珠海: where they live goes with its verb
                rest = next((rest.replace(w + name, "") for w in LIVES if w + name in rest), rest)
            rest = rest.replace(name, "")
        table = meaning_table("region_ask")
        said_news = False
        for word in sorted(table.get("news", ()), key=len, reverse=True):
            if word in rest:
                said_news = True
                rest = rest.replace(word, "")
        for word in sorted(table.get("filler", ()), key=len, reverse=True):
            rest = rest.replace(word, "")
        name, province = asked[0]
        is_province = province_short(name) == province or name == province
        if not (said_news or is_province):
            return None
        if rest and not (said_news and len(rest) <= int(table.get("max_rest", 0))
                         and not u.faq and not u.intent(*OTHER)):
            return None  # 绵阳有啥消息 我屋头在那: a few words of their own beside the news
        return province

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        ctx.route = "region_ask"
        return news.region_news(ctx, match)
