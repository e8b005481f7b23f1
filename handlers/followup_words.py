"""How a follow-up's words are read: whether it asks, whether it asks for more of the last
answer or the same answer for its own case, the place it asks of, and its word lists
([followup] of config/meaning.toml). handlers/followup.py decides from these what it means.
"""

from __future__ import annotations

from typing import Any

from config.texts import meaning_table
from handlers import faq_places as places
from handlers.context import Context
from knowledge.regions import mentions

BRIEF = 10  # plain characters of a question that leans on the last reply
LEAN, LEAN_LONG = 20, 26  # plain characters of a message that leans on the last answer
AGAIN_LEN = 20  # 都过去一个多月了 老板一直没报 还来得及吗: still about the last answer
ORIGIN = ("人", "来的", "籍", "户口")  # 我是台湾人, 湖南来的: where from, not where asked of
FROM = ("户口", "户籍", "老家", "籍贯", "老家是")  # 户口河南的: the same, said before the place


def listed(name: str) -> tuple[str, ...]:
    return tuple(meaning_table("followup").get(name, ()))


def says(s: str, name: str) -> bool:
    """The message holds a word of the [followup] list `name`."""
    return any(w in s for w in listed(name))


def is_more(s: str) -> bool:
    """详细点 / 说清楚点 / 能领吗 / 去哪办 … (config/meaning.toml [followup] asks)."""
    # 一人1500的话 三个就是4500吧 去哪申请: a longer one that ends by asking where or how
    return len(s) <= 16 and any(w in s for w in listed("asks")) \
        or len(s) <= LEAN_LONG and s.endswith(tuple(listed("bring")))


def asks_condition(s: str, answer: str) -> bool:
    """交失业保险不满一年能申请吗 right after the skills subsidy: whether the follower meets a
    condition the last answer states (its subject, 失业保险, is in that answer's text), not a
    new question about the subject itself."""
    return says(s, "condition") and says(s, "eligible") and any(
        w in s and w in answer for w in listed("subjects"))


def asks_again(s: str) -> bool:
    """能贷多少 / 最多能要几个月的 / 没看懂: a question the last answer itself covers."""
    return len(s) <= AGAIN_LEN and any(w in s for w in listed("again"))


def leans(s: str, u: Any) -> bool:
    """那春节呢 / 俺交了6年 / 公司拖着不给申请咋整: short, opening with a word that leans on
    the last answer, and no service answer of its own."""
    # 那 / 要是 / 如果 lean hard: 那我们去年裁了两个人 还能领不 一共二十八个人 is still about it
    # 厂里不帮我弄 我能自己去交材料不 都要些啥: asking what to bring leans as hard
    hard = s.startswith(("那", "要是", "如果")) or says(s, "bring")
    limit = LEAN_LONG if hard else LEAN
    return len(s) <= limit and not u.faq and s.startswith(tuple(listed("leans")))


def asks_briefly(ctx: Context, u: Any) -> bool:
    """要会外语不 / 能干到退休不: a short question with no topic, place or intent of its own
    asks about what was just shown."""
    s = u.plain
    if len(s) > BRIEF or u.faq or u.places or own_intent(u):
        return False
    return is_question(ctx, s)


def places_asked_of(u: Any, text: str) -> list[tuple[str, str]]:
    """The mainland places a follow-up asks about: not where the follower is from (我是台湾人,
    湖南来的, 户口河南的) nor 港澳台, whose rules our service answers do not state."""
    found = []
    for name, province in u.places:
        at = text.find(name)
        before, after = (text[:at], text[at + len(name):][:2]) if at >= 0 else ("", "")
        origin = after.startswith(ORIGIN) or before.endswith(FROM) \
            or before.endswith("是") and after.startswith("的")
        if province not in places.OUTSIDE and not origin:
            found.append((name, province))
    return found


def own_intent(u: Any) -> bool:
    """The message has an intent of its own (a topic word aside)."""
    return any(not f.name.startswith("topic_") for f in u.intents)


def is_question(ctx: Context, s: str) -> bool:
    """The message asks something: a question mark or particle, 不/没 at the end, a question
    word."""
    raw = ctx.text or ""
    return any(m in raw for m in "?？吗呢么") or s.endswith(("不", "没", "没有")) \
        or any(w in s for w in meaning_table("small_talk").get("asks", ()))


def marked(s: str) -> bool:
    """那湖北呢 / 湖北的呢 / 换成湖北: words that say "the same, but …"."""
    return any(w in s for w in listed("markers"))


def place_only(u: Any) -> tuple[str, str] | None:
    """The place when the message is little more than a place ('那湖北呢', '武汉', '我在武汉')."""
    if not u.places:
        return None
    rest = u.plain
    for name, _ in u.places:
        rest = rest.replace(name, "")
    for w in sorted(listed("markers") + listed("filler"), key=len, reverse=True):
        rest = rest.replace(w, "")
    return u.places[0] if len(rest) <= 1 else None


def swap_place(query: str, place: str) -> str:
    """The last query about `place` instead: '广东的就业政策' → '湖北 就业政策'."""
    for name, _ in mentions(query):
        query = query.replace(name, "")
    return f"{place} {query.strip('的 ')}".strip()
