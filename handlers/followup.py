"""Follow-ups that lean on the last reply: 详细点, 说清楚点, 能领吗, 那湖北呢, 第一条讲的啥.

They refer to the follower's `last` (a service answer, a search, a region or latest list).
A follow-up that is a full question of its own is left to the handlers that answer questions.
"""

from __future__ import annotations

import re
from typing import Any

from config.texts import meaning_table
from handlers import faq, news, paging
from handlers import faq_places as places
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import is_text
from handlers.phrases import chinese_number
from handlers.replies import Reply
from handlers.search import Search
from handlers.understand import understand
from knowledge.plain import plain
from knowledge.regions import mentions
from knowledge.sense import shared_tokenizer

BRIEF = 10  # plain characters of a question that leans on the last reply
ORIGIN = ("人", "来的", "籍", "户口")  # 我是台湾人, 湖南来的: where from, not where asked of
OWN_QUESTION = 92.0  # a service answer this strong means the message is a new question
MAX_NAMED = 20  # list items whose titles are read to find the one the follower names
AGAIN_LEN = 20  # 都过去一个多月了 老板一直没报 还来得及吗: still about the last answer
# 第一条讲的啥, 第2个, 3条: with 第 any measure word; without it only 条 / 篇 (一个月 is no item)
_ITEM = re.compile(r"^(?:第([0-9]{1,2}|[一二两三四五六七八九十]{1,3})[条篇个项]"
                   r"|([0-9]{1,2}|[一二两三四五六七八九十]{1,3})[条篇])")


class FollowUp(Handler):
    """Answers a short follow-up from the follower's last topic."""

    name = "followup"

    def check(self, msg: Any, ctx: Context) -> tuple[str, Any] | None:
        last = ctx.session.last_topic()
        if not is_text(msg) or last is None:
            return None
        u = understand(ctx)
        s = u.plain
        if not s:
            return None
        item = _ITEM.match(s)
        if item and last.get("ids"):
            word = item.group(1) or item.group(2)
            n = int(word) if word.isdigit() else chinese_number(word)
            return ("pick", n) if n else None
        if last.get("ids") and len(s) <= 2 * BRIEF and any(w in s for w in _words("open")):
            return ("open", None)  # 原文链接发一下 / 就那个绣娘的 点开看看
        if last.get("kind") == "faq" and len(s) <= BRIEF and any(w in s for w in _words("ways")):
            return ("faq_more", None)  # 还有别的办法没 after 12333 was busy: the other channels
        if len(s) <= BRIEF and any(w in s for w in _words("another")):
            return ("another", None)  # 还有没有 再来几条
        place = _place_only(u)
        own = u.best_faq(OWN_QUESTION)
        kind = last.get("kind")
        if kind == "faq":
            if place:
                return ("faq_place", place)
            if len(s) <= AGAIN_LEN and any(w in s for w in _words("late")):
                return ("faq_again", None)  # 还来得及吗: the deadlines of the last answer
            if own and own.entry.id != last.get("faq") and not _back_to(s, u, last):
                return None
            asked_of = _place_asked_of(u, ctx.text)
            if asked_of and len(s) <= BRIEF and _is_question(ctx, s) and not _own_intent(u):
                return ("faq_place", asked_of)  # 北京能多贷点不: the answer, for that place
            again = _asks_again(s)
            if _is_more(s) and not again:
                return ("faq_more", None)  # 那我自己去申请要带啥材料: the details
            if own or again or _leans(s, u) or _asks_briefly(ctx, u):
                return ("faq_again", None)  # 俺交了6年 / 能贷多少: the answer covers the case
            return None
        if kind in ("search", "region", "latest") and last.get("ids") \
                and any(w in s for w in _words("back")):
            page = max(int(last.get("page", 0) or 0), 0)  # 刚才那个岗位最长能干几年: the item
            return ("pick", page * int(last.get("page_size", 5) or 5) + 1)  # shown first
        if own is not None:  # 包工头跑了工资找谁要 after an article: a question of its own
            return None
        if place and (_marked(s) or kind == "search") and kind in ("search", "region", "latest"):
            return ("list_place", place)
        other = _other_subject(s, last) if kind in ("search", "region", "latest") else None
        if other:
            return ("other", other)  # 那西部计划呢 after 三支一扶: the same question, of that
        if kind in ("search", "region", "latest") and last.get("ids") \
                and (_is_more(s) or _asks_briefly(ctx, u)):
            page = max(int(last.get("page", 0) or 0), 0)
            return ("pick", page * int(last.get("page_size", 5) or 5) + 1)
        return None

    def handle(self, msg: Any, ctx: Context, match: tuple[str, Any]) -> Reply:
        action, value = match
        last = ctx.session.last_topic() or {}
        ctx.route = f"followup:{action}"
        if action == "pick":
            return paging.Pick().handle(msg, ctx, value)
        if action == "other":
            return Search().handle(msg, ctx, _in_last_place(value, last))
        if action == "open":
            return paging.Pick().handle(msg, ctx, _named(ctx, last))
        if action == "another" and last.get("kind") != "faq" and last.get("ids"):
            return paging.Paging().handle(msg, ctx, 1)
        if action == "another":
            return Search().handle(msg, ctx, str(last.get("query", "")) or ctx.text)
        if action in ("faq_place", "faq_more", "faq_again"):
            entry = ctx.faq.get(last.get("faq", ""))
            if entry is not None:
                place = value or ((last.get("place"), last.get("region"))
                                  if last.get("place") else None)
                reply = faq.answer(ctx, entry, place, detail=action == "faq_more",
                                   question=str(last.get("query", "")) or None,
                                   focus=action == "faq_again" and value is None)
                ctx.route = f"followup:{action}"
                return reply
        name, province = value if action == "list_place" else ("", "")
        if last.get("kind") in ("region", "latest"):
            return news.region_news(ctx, province)
        query = _swap_place(str(last.get("query", "")), name)
        return Search().handle(msg, ctx, query)


def _named(ctx: Context, last: dict) -> int:
    """Which item of the last list the follower names (那个绣娘的): the first whose title
    holds one of their words, else the first item of the page shown."""
    ids = list(last.get("ids", ()))
    page = max(int(last.get("page", 0) or 0), 0)
    first = min(page * int(last.get("page_size", 5) or 5), len(ids) - 1)
    words = [w for w in shared_tokenizer().cut(understand(ctx).plain) if len(w) >= 2]
    if ctx.kb is not None and words:
        for article in ctx.kb.get_many(ids[:MAX_NAMED]):
            if any(w in article.title for w in words):
                return ids.index(article.id) + 1
    return first + 1


def _other_subject(s: str, last: dict) -> str | None:
    """'那西部计划呢' after a list about something else: 西部计划 (None when the words are the
    last question's own, or too few to search)."""
    if not s.startswith("那"):
        return None
    # 那西部计划呢 啥时候报名: 呢 closes the new subject, and what follows asks about it
    head, closed, ask = s[1:].partition("呢")
    if not closed and any(w in head for w in _words("asking")):
        return None  # 那补贴一年多少钱: a question about the last subject, not a new subject
    rest = head
    for w in sorted(_words("markers"), key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = rest.strip("的")
    if rest.startswith(tuple(_words("leans"))):
        return None  # 那我们厂能评吗: about the last answer, for the follower's own case
    query = str(last.get("query") or "")
    if len(rest) < 2 or rest in query:
        return None
    return f"{rest} {ask}" if ask else rest


def _back_to(s: str, u: Any, last: dict) -> bool:
    """刚才说的那个失业金 …: the message points back, and the last service answer is among
    its matches."""
    return any(w in s for w in _words("back")) and any(
        m.entry.id == last.get("faq") for m in u.faq)


def _in_last_place(subject: str, last: dict) -> str:
    """那硕士呢 after 武汉本科生租房补贴: the new subject, asked of the last question's places
    (硕士 武汉), so the answer stays where the follower is."""
    query = plain(str(last.get("query") or ""))
    names = [name for name, _ in mentions(query) if name not in subject]
    return " ".join([subject, *dict.fromkeys(names)])


def _words(name: str) -> tuple[str, ...]:
    return tuple(meaning_table("followup").get(name, ()))


def _is_more(s: str) -> bool:
    """详细点 / 说清楚点 / 能领吗 / 去哪办 … (config/meaning.toml [followup] asks)."""
    return len(s) <= 16 and any(w in s for w in _words("asks"))


def _asks_again(s: str) -> bool:
    """能贷多少 / 最多能要几个月的 / 没看懂: a question the last answer itself covers."""
    return len(s) <= AGAIN_LEN and any(w in s for w in _words("again"))


def _leans(s: str, u: Any) -> bool:
    """那春节呢 / 俺交了6年 / 公司拖着不给申请咋整: short, opening with a word that leans on
    the last answer, and no service answer of its own."""
    return len(s) <= 16 and not u.faq and s.startswith(tuple(_words("leans")))


def _asks_briefly(ctx: Context, u: Any) -> bool:
    """要会外语不 / 能干到退休不: a short question with no topic, place or intent of its own
    asks about what was just shown."""
    s = u.plain
    if len(s) > BRIEF or u.faq or u.places or _own_intent(u):
        return False
    return _is_question(ctx, s)


def _place_asked_of(u: Any, text: str) -> tuple[str, str] | None:
    """The mainland place a follow-up asks about; None for where the follower is from (我是
    台湾人, 湖南来的) or 港澳台, whose rules our service answers do not state."""
    for name, province in u.places:
        after = text[text.find(name) + len(name):][:2] if name in text else ""
        if province not in places.OUTSIDE and not after.startswith(ORIGIN):
            return name, province
    return None


def _own_intent(u: Any) -> bool:
    """The message has an intent of its own (a topic word aside)."""
    return any(not f.name.startswith("topic_") for f in u.intents)


def _is_question(ctx: Context, s: str) -> bool:
    """The message asks something: a question mark or particle, 不/没 at the end, a question
    word."""
    raw = ctx.text or ""
    return any(m in raw for m in "?？吗呢么") or s.endswith(("不", "没", "没有")) \
        or any(w in s for w in meaning_table("small_talk").get("asks", ()))


def _marked(s: str) -> bool:
    """那湖北呢 / 湖北的呢 / 换成湖北: words that say "the same, but …"."""
    return any(w in s for w in _words("markers"))


def _place_only(u: Any) -> tuple[str, str] | None:
    """The place when the message is little more than a place ('那湖北呢', '武汉', '我在武汉')."""
    if not u.places:
        return None
    rest = u.plain
    for name, _ in u.places:
        rest = rest.replace(name, "")
    for w in sorted(_words("markers") + _words("filler"), key=len, reverse=True):
        rest = rest.replace(w, "")
    return u.places[0] if len(rest) <= 1 else None


def _swap_place(query: str, place: str) -> str:
    """The last query about `place` instead: '广东的就业政策' → '湖北 就业政策'."""
    from knowledge.regions import mentions

    for name, _ in mentions(query):
        query = query.replace(name, "")
    return f"{place} {query.strip('的 ')}".strip()
