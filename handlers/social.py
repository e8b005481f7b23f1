"""Social messages by meaning: thanks, ok, goodbye, who are you, impatience, abuse, contact.

Each gets a line in kind from replies.toml and never a search. A message that mixes a social
word with a real question (谢谢，失业金怎么领) is left to the handlers that answer questions.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from config.texts import meaning_table, reply
from handlers.acknowledge import without_openers
from handlers.base import Handler
from handlers.context import Context
from handlers.feedback import full_text, offer_to_record, open_feedback
from handlers.matching import is_text, squash
from handlers.news import region_news
from handlers.notfound import not_found
from handlers.replies import Reply, Text
from handlers.subscription import subscribe
from handlers.understand import reply_key, understand
from knowledge.sense import WORD_SCORE

SOCIAL = ("crisis", "abuse", "greeting", "festive", "thanks", "thanks_done", "compliment", "ok",
          "mistake", "goodbye", "identity", "official", "impersonation", "impatience", "hurry",
          "about", "hours", "hotline_busy", "our_hotline", "contact", "submit", "coverage",
          "only_region", "website", "voice", "can_ask", "offtopic", "abroad_contact",
          "leave_message", "care", "workday", "dialect", "feedback_where", "phone_direct",
          "memory", "how_it_works", "nickname", "testing", "goodnight", "thanks_warm", "privacy",
          "sharing", "vs_hotline", "pushes", "named_staff", "sms", "callback", "weather_hello",
          "dialect_staff", "send_photo", "office_complaint", "postal", "office_visit",
          "festive_chat", "read_first", "waiting", "contact_any", "channels", "push_time",
          "call_cost", "account_name", "payday", "arrived", "what_we_see", "reviewed", "got_it",
          "gone_quiet", "message_instead", "staff_person", "hours_late", "write_for_me",
          "translate", "joke")
# These stand even beside a topic: a crisis, a person asked for, or an insult.
FIRM = ("crisis", "abuse", "contact", "our_hotline", "phone_direct", "hours", "hotline_busy",
        "thanks_done", "official", "impersonation", "submit", "can_ask", "abroad_contact",
        "leave_message", "goodnight", "thanks_warm", "privacy", "sharing", "vs_hotline", "pushes",
        "named_staff", "sms", "callback", "dialect_staff", "send_photo", "office_complaint",
        "postal", "office_visit", "contact_any", "channels", "push_time", "call_cost",
        "account_name", "staff_person", "hours_late", "write_for_me", "translate", "joke")
# These get the off-topic decline, though a job word is inside (帮我翻译 我想应聘这个岗位).
DECLINED = ("offtopic", "translate", "joke")
# These give way to a follow-up marked by 那 / 那我 right after an answer (handlers/followup.py).
LEANS = ("contact", "hours", "about", "ok", "thanks", "identity")
SUGGESTS = ("建议", "希望")  # 建议按省份推送 我只想看广西的: a wish for everyone, too
# An insult with one of these is aimed at the account, whatever question it holds.
US = ("你们", "公众号", "这个号", "就业桥", "小编", "平台", "机器人")
_MARKS = re.compile(r"^[?？.。…!！~～,，、]+$")
_ANGRY = frozenset("😡😠🤬💢👎😤")
_STICKERS = re.compile(r"\[([^\[\]\s]{1,6})\]")  # WeChat sticker codes sent as text
_ANGRY_NAMES = frozenset(("怒", "发怒", "抓狂", "咒骂", "鄙视", "白眼", "敲打"))
_REPEAT = re.compile(r"^(.{2,4})\1+$")


class Social(Handler):
    """Answers chit-chat, identity, impatience, abuse and contact questions in a line or two."""

    name = "social"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if not is_text(msg):
            return None
        u = understand(ctx)
        if u.intent("crisis"):
            return "crisis"  # 我不想活了 工资一直要不到: care and help first, before any topic
        abuse = u.intent("abuse")
        # 留的言三天没人理: feedback about the account, not impatience with this chat
        complaint = u.intent("complaint", "suggestion", "unanswered", "misanswered",
                             "hotline_complaint", "wrong_region", "feature", "conflicting",
                             "charged_free")
        if abuse and not (complaint and complaint.score > abuse.score):
            if u.best_faq(WORD_SCORE) and _asks(ctx.text, u.plain):
                return None  # 你个锤子 工钱到底咋要: the question is answered, the insult unquoted
            return "abuse"  # 你们这啥玩意儿 信息都是去年的: a complaint said crossly
        found = next((f for f in u.intents if f.name in SOCIAL), None)
        if found is None:
            return None
        if found.name in LEANS and _leans_on_last(u.plain, ctx):
            return None  # 那我该找谁, right after an answer, asks about that answer
        if complaint and complaint.score > found.score:
            return None  # "热线态度很差" is a complaint, not a contact question
        topic = u.best_faq()
        if found.name not in FIRM and topic and topic.score >= found.score:
            return None
        return found.name

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        if match in DECLINED:
            return not_found(ctx, "offtopic")
        ctx.route = f"social:{match}"
        if match == "leave_message":
            return open_feedback(ctx)  # 能留言不: yes, and the next message is the message
        line = reply(reply_key(match), hotline=ctx.hotline)
        if match == "coverage":
            return _with_place_news(ctx, line)
        if match == "only_region":
            return _subscribed_to_place(msg, ctx, line)
        return Text(line)


def _subscribed_to_place(msg: Any, ctx: Context, line: str) -> Reply:
    """只给我推广西的: the one province named is subscribed at once (else how to); said as a
    suggestion (建议按省份推送 我只想看广西的), it is also offered to be kept as feedback."""
    u = understand(ctx)
    provinces = {p for _, p in u.places if p}
    if len(provinces) != 1 or ctx.followers is None:
        # 能按城市推送不: how to subscribe a province, and the wish kept if the follower says so
        offer_to_record(ctx, full_text(msg, ctx))
        return Text(f"{line}\n{reply('suggestion_offer')}")
    done = subscribe(ctx, provinces.pop())
    suggested = u.intent("suggestion", "feature") or any(w in u.plain for w in SUGGESTS)
    if not (isinstance(done, Text) and suggested):
        return done
    offer_to_record(ctx, full_text(msg, ctx))
    return Text(f"{done.content}\n{reply('suggestion_offer')}")


def _with_place_news(ctx: Context, line: str) -> Text:
    """澳门那边的你们也发吗: the coverage line, then the news of the place named, if any."""
    province = next((p for _, p in understand(ctx).places if p), None)
    if province is None:
        return Text(line)
    found = region_news(ctx, province, lead=f"{line}\n", national=False)
    return found if isinstance(found, Text) else Text(line)


class Wordless(Social):
    """Messages with no words: '？？？' and '在吗在吗' are impatience, '👍' is an ok."""

    name = "wordless"

    def check(self, msg: Any, ctx: Context) -> str | None:
        return _by_shape(ctx.text) if is_text(msg) else None


def _asks(text: str, plain: str) -> bool:
    """The message asks something (a question mark, 吗, a question word, 问的是), not merely
    ending on 没有 (狗屁用没有), and the insult is not about us (你们都是什么骗子)."""
    if any(w in plain for w in US):
        return False
    words = (*meaning_table("small_talk").get("asks", ()), "问的是")
    return any(m in (text or "") for m in "?？吗") or any(w in plain for w in words)


def _leans_on_last(plain: str, ctx: Context) -> bool:
    """'那我该找谁' / '那我该咋办' right after a service answer or list, '还能找谁' right after a
    service answer: a follow-up."""
    last = ctx.session.last_topic()
    rest = without_openers(plain)  # 嗯嗯 谢了 那吉林呢: the thanks is said on the way
    if not isinstance(last, dict) or len(rest) > 12:
        return False
    if last.get("kind") == "faq" and any(w in rest for w in meaning_table("followup")["ways"]):
        return True  # 还能找谁 after "12333 is busy": other channels than that answer's
    return rest.startswith("那") and last.get("kind") in ("faq", "search")


def _by_shape(text: str) -> str | None:
    """Messages with no words: '？？？' and '在吗在吗' are impatience, '👍' is an ok."""
    t = unicodedata.normalize("NFKC", text or "").strip()
    if not t or t in ("?", "？"):
        return None  # a lone question mark is help (handlers/fixed.py)
    if _MARKS.match(t):
        return "impatience"
    stickers = _STICKERS.findall(t)
    if stickers and not _STICKERS.sub("", t).strip():
        return "impatience" if _ANGRY_NAMES & set(stickers) else "ok"  # [微笑] / [发怒]
    s = squash(t)
    if not s:
        return "impatience" if _ANGRY & set(t) else "ok"
    repeat = _REPEAT.match(s)
    if repeat and repeat.group(1) in ("在吗", "在不在", "有人吗", "人呢", "喂喂", "回话"):
        return "impatience"
    return None
