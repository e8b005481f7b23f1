"""Follow-ups that lean on the last reply: 详细点, 说清楚点, 能领吗, 那湖北呢, 第一条讲的啥.

They refer to the follower's `last` (a service answer, a search, a region or latest list).
A follow-up that is a full question of its own is left to the handlers that answer questions.
"""

from __future__ import annotations

import re
from typing import Any

from handlers import faq, lists, news, paging
from handlers import followup_words as words
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import is_text
from handlers.phrases import chinese_number
from handlers.replies import Reply
from handlers.search import Search
from handlers.understand import understand
from knowledge.compensation import NUM, spans
from knowledge.plain import plain
from knowledge.regions import mentions
from knowledge.sense import shared_tokenizer

OWN_QUESTION = 92.0  # a service answer this strong means the message is a new question
MAX_NAMED = 20  # list items whose titles are read to find the one the follower names
# 第一条讲的啥, 第2个, 3条: with 第 any measure word; without it only 条 / 篇 (一个月 is no item)
_ITEM = re.compile(r"^(?:第([0-9]{1,2}|[一二两三四五六七八九十]{1,3})[条篇个项]"
                   r"|([0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?:[条篇]|号(?=那|的|$)))")
# A message that is only a figure (日薪260, 月薪6500的话 给多少): it completes the last question,
# where 一天300块的活有吗 asks a question of its own.
_FIGURES = re.compile(rf"(?:那|要是|如果)?(?:我|俺)?(?:日薪|月薪|时薪|日工资|月工资|工资|底薪|"
                      rf"一天|每天|每月|一个月|一小时)?(?:是|有|才|按)?(?:{NUM})(?:块钱|块|元|千|万|k|K)?"
                      rf"(?:一天|一个月|一小时)?(?:的话|呢|吧)?(?:该给多少|给多少|能拿多少|多少钱|"
                      rf"能给多少|能赔多少|赔多少|咋算|怎么算)?$")


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
            return ("pick", lists.on_page(last, n, bare=False)) if n else None
        if last.get("ids") and len(s) <= 2 * words.BRIEF and words.says(s, "open"):
            return ("open", None)  # 原文链接发一下 / 就那个绣娘的 点开看看
        if last.get("kind") == "faq" and len(s) <= words.BRIEF and words.says(s, "ways"):
            return ("faq_more", None)  # 还有别的办法没 after 12333 was busy: the other channels
        if len(s) <= words.BRIEF and words.says(s, "another"):
            return ("another", None)  # 还有没有 再来几条
        if len(s) <= 2 * words.BRIEF and words.says(s, "brief") and not u.faq:
            if last.get("kind") == "faq":
                return ("faq_again", None)  # 太长了看不完: the answer's sentence for the case
            if last.get("ids"):
                return ("pick", _first_shown(last))  # 挑最要紧的说: the first item's summary
        place = words.place_only(u)
        own = u.best_faq(OWN_QUESTION)
        kind = last.get("kind")
        if kind == "faq":
            if place:
                return ("faq_place", place)
            if len(s) <= words.AGAIN_LEN and words.says(s, "late"):
                return ("faq_again", None)  # 还来得及吗: the deadlines of the last answer
            if last.get("faq") in faq.FROM_SPANS and spans(ctx.text) and (
                    own is None or own.entry.id == last.get("faq")
                    or len(s) <= words.AGAIN_LEN and words.says(s, "again")):
                # 干了两年零四个月 月工资六千: the follower's own N; 我交了五年 被裁员的 能领几个月
                # after the benefit: its months, though 被裁员 is also the dismissal answer's word
                return ("faq_again", None)
            if own is None and _FIGURES.match(s) and _completes(last, ctx.text):
                return ("faq_again", None)  # 日薪260, after 周末加班咋算: the pay, computed
            if own and own.entry.id != last.get("faq"):
                entry = ctx.faq.get(last.get("faq", "")) if ctx.faq is not None else None
                if entry is not None and words.asks_condition(s, entry.answer):
                    return ("faq_again", None)  # 交失业保险不满一年能申请吗, after 考证补贴
                if not _back_to(s, u, last):
                    return None
            asked = words.places_asked_of(u, ctx.text)
            asked_of = asked[0] if asked else None
            # 北京能多贷点不 / 那杭州那边呢 俺户口在安徽: the answer, for the place asked of
            # 我公司注册在河北燕郊 能享受不, after 北京's rule: a longer question about the one
            # other place it names (with two, 俺是河南的 在湖北…, which one is asked is unclear)
            other = asked_of is not None and asked_of[1] != last.get("region") \
                and len({province for _, province in asked}) == 1
            if asked_of and not words.own_intent(u) and (
                    len(s) <= words.BRIEF and words.is_question(ctx, s)
                    or s.startswith("那") and "呢" in s
                    or other and len(s) <= words.AGAIN_LEN and words.is_question(ctx, s)):
                return ("faq_place", asked_of)
            again = words.asks_again(s)
            detail = words.is_more(s) or words.says(s, "bring") and words.leans(s, u)
            if detail and not again:
                return ("faq_more", None)  # 那我自己去申请要带啥材料: the details
            if own or again or words.leans(s, u) or words.asks_briefly(ctx, u):
                return ("faq_again", None)  # 俺交了6年 / 能贷多少: the answer covers the case
            return None
        listed = kind in ("search", "region", "latest") and bool(last.get("ids"))
        if listed and words.says(s, "back"):
            return ("pick", _first_shown(last))  # 刚才那个岗位最长能干几年: the item shown first
        if own is not None:  # 包工头跑了工资找谁要 after an article: a question of its own
            return None
        if place and (words.marked(s) or kind == "search") \
                and kind in ("search", "region", "latest"):
            return ("list_place", place)
        other = _other_subject(s, last) if kind in ("search", "region", "latest") else None
        if other:
            return ("other", other)  # 那西部计划呢 after 三支一扶: the same question, of that
        if listed and (words.is_more(s) or words.asks_briefly(ctx, u)):
            return ("pick", _first_shown(last))
        return None

    def handle(self, msg: Any, ctx: Context, match: tuple[str, Any]) -> Reply:
        action, value = match
        last = ctx.session.last_topic() or {}
        ctx.route = f"followup:{action}"
        ctx.leaning = True
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
        query = words.swap_place(str(last.get("query", "")), name)
        return Search().handle(msg, ctx, query)


def _completes(last: dict, text: str) -> bool:
    """True when `text` brings the figures the last calculated answer lacked: its question
    computes nothing alone and something with them."""
    calculate = faq.CALCULATED.get(str(last.get("faq", "")))
    question = str(last.get("query", ""))
    return calculate is not None and bool(question) and calculate(question) is None \
        and calculate(f"{question} {text}") is not None


def _first_shown(last: dict) -> int:
    """The number of the first item of the page of the last list the follower was shown."""
    page = max(int(last.get("page", 0) or 0), 0)
    return page * int(last.get("page_size", 5) or 5) + 1


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
    if not closed and any(w in head for w in words.listed("asking")):
        return None  # 那补贴一年多少钱: a question about the last subject, not a new subject
    rest = head
    for w in sorted(words.listed("markers"), key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = rest.strip("的")
    if rest.startswith(tuple(words.listed("leans"))):
        return None  # 那我们厂能评吗: about the last answer, for the follower's own case
    query = str(last.get("query") or "")
    if len(rest) < 2 or rest in query:
        return None
    return f"{rest} {ask}" if ask else rest


def _back_to(s: str, u: Any, last: dict) -> bool:
    """刚才说的那个失业金 …: the message points back, and the last service answer is among
    its matches."""
    return any(w in s for w in words.listed("back")) and any(
        m.entry.id == last.get("faq") for m in u.faq)


def _in_last_place(subject: str, last: dict) -> str:
    """那硕士呢 after 武汉本科生租房补贴: the new subject, asked of the last question's places
    (硕士 武汉), so the answer stays where the follower is."""
    query = plain(str(last.get("query") or ""))
    names = [name for name, _ in mentions(query) if name not in subject]
    return " ".join([subject, *dict.fromkeys(names)])
