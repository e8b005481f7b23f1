"""Where a service answer applies, and what that place's own articles say.

The place a question is about (where the follower is, over where their 户口 is), a place
carried from the last reply, the province's article and its sentence that states a rule
(天津：…每月2800元), the national article's sentence that names the place, and the place's
newest job fairs. handlers/faq.py puts these lines beside the entry's answer.
"""

from __future__ import annotations

import re
from typing import Any

from handlers.context import Context
from knowledge.regions import mentions
from knowledge.summary import fit, sentences

JOB_FAIRS = 3  # job-fair articles listed for a job seeker's place
JOB_WORDS = ("招聘", "岗位", "零工", "用工", "招工")
SHORT_TEXT = 8  # characters: a follow-up this short (那山东呢) says too little to search
FOLLOW_TEXT = 20  # characters: a follow-up shorter than this is read with its question
LOCAL_COVERAGE = 0.6  # of a question asked again of another place that its article must hold
OUTSIDE = ("香港", "澳门", "台湾")  # our service answers state mainland rules only
NAMING_CHARS = 90  # a national article's sentence naming the place asked of, at most


def last_place(ctx: Context) -> tuple[str, str] | None:
    """The mainland place the follower's last reply was about (a search naming it, a region's
    news, a service answer for it), if any."""
    last = ctx.session.last_topic() or {}
    kind = last.get("kind")
    if kind == "faq" and last.get("place"):
        found = (str(last["place"]), str(last.get("region") or ""))
    elif kind == "region" and last.get("region"):
        found = (str(last["region"]), str(last["region"]))
    elif kind == "search":
        found = next(iter(mentions(str(last.get("query") or ""))), None)
    else:
        found = None
    return found if found and found[1] and found[1] not in OUTSIDE else None


_HOME = ("户口", "户籍", "老家", "籍贯")  # 户口河南的 在南京跑外卖: the rules of 南京 apply


def where(text: str, places: list[tuple[str, str]],
          rules: bool = False) -> tuple[str, str] | None:
    """The place the question is about: for a rule (`rules`), a mainland place over 港澳台;
    where the follower is (在南京) over where their 户口 or 老家 is; else the first place
    named. (A job seeker from Hong Kong going to 深圳 keeps 香港: the schemes for them are
    filed there.)"""
    if len(places) < 2:
        return places[0] if places else None
    mainland = [p for p in places if p[1] not in OUTSIDE]
    if rules and mainland and len(mainland) < len(places):
        places = mainland  # 台湾过来福建创业: the service answers state 福建's rules
        if len(places) == 1:
            return places[0]

    def before(name: str) -> str:
        at = text.find(name)
        return text[max(0, at - 3):at] if at >= 0 else ""

    here = next((p for p in places if "在" in before(p[0])[-2:]), None)
    if here is not None:
        return here
    away = [p for p in places if not any(h in before(p[0]) for h in _HOME)]
    return away[0] if away else places[0]



def going_to(text: str, origin: str) -> str | None:
    """The mainland province a follower from 港澳台 (`origin`) says they are going to (台湾青年
    想去厦门上班 → 福建), if they name one."""
    if origin not in OUTSIDE:
        return None
    return next((p for _, p in mentions(text) if p and p != origin and p not in OUTSIDE), None)


def titled(ctx: Context, name: str) -> list[Any]:
    """The article whose title names the city or zone (横琴为澳门青年就业搭桥), if one does."""
    if ctx.kb is None:
        return []
    return [h.article for h in ctx.kb.search(name, limit=3).hits if name in h.article.title][:1]


def local_articles(ctx: Context, region: str, limit: int) -> list[Any]:
    """The best articles of the follower's own words that are about their province."""
    return local_search(ctx, ctx.text, region)[1][:limit]


def asked_elsewhere(ctx: Context, question: str, region: str) -> bool:
    """A follow-up asking the last question of `region` when it was about another place
    (那北京呢 after 天津见习补贴多少)."""
    named = [p for _, p in mentions(question) if p]
    return question != ctx.text and bool(named) and region not in named


def asked_text(ctx: Context, question: str, place: str) -> str:
    """What to search the province's articles for: the follower's words; a follow-up that
    names its place (北京能多贷点不 after 创业担保贷款能贷多少) or is short in the same place
    (那博士呢 after 武汉本科…) with the question it leans on; else ""."""
    follow_up = question != ctx.text
    if follow_up and place and len(ctx.text) < FOLLOW_TEXT and (
            place in ctx.text or place in question):
        if place not in question:  # 那山东的呢 after 湖北…补贴标准: the question, of 山东
            for other, _ in mentions(question):
                question = question.replace(other, "")
        return f"{question} {ctx.text}"
    if len(ctx.text) >= SHORT_TEXT:
        return ctx.text
    return ""


def local_facts(ctx: Context, entry: Any, region: str, text: str,
                 name: str = "", strict: bool = False) -> list[tuple[Any, str]]:
    """The best article about the follower's province, with its sentence that answers
    `text` ("" when none states a rule). Without a text (那山东呢) the entry's question is
    asked in that province. `strict`: the question was about another place, so the article
    must answer most of it."""
    text = text or f"{region}{entry.question}"
    result, local = local_search(ctx, text, region, name)
    if not local or (strict and result.coverage < LOCAL_COVERAGE):
        return []  # 那北京呢 after 天津见习补贴: 北京's article on other subsidies answers nothing
    fact = result.answer_of(local[0]) if result.answer_of else ""
    return [(local[0], fact if states_a_rule(fact) else "")]


def lead_of(body: str) -> str:
    """The body's first sentence (a news lead says when and where), fitted to a line."""
    found = sentences(body)
    return fit(found[0], NAMING_CHARS) if found else ""


def naming(body: str, name: str, province: str) -> str:
    """The first sentence of `body` that names the place (its city or province), fitted to a
    line; "" when none does."""
    for sentence in sentences(body):
        if (name in sentence or province in sentence) and states_a_rule(sentence):
            return fit(sentence, NAMING_CHARS)
    return ""


def local_search(ctx: Context, text: str, region: str,
                  name: str = "") -> tuple[Any, list[Any]]:
    """The search for `text` with `region` preferred, and its hits about that region (or
    titled with the city or zone `name`: 横琴's article is filed under 澳门)."""
    if ctx.kb is None or not region:
        return None, []
    if not mentions(text):
        text = f"{region} {text}"  # a place carried from the last reply: search it there
    result = ctx.kb.search(text, region=region, limit=5)
    titled = name and name != region
    return result, [h.article for h in result.hits
                    if h.article.region == region or (titled and name in h.article.title)]


_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|元|%|％|个月|天|岁|年内|日内)")
_CHANNEL = ("App", "APP", "小程序", "平台", "网站", "窗口", "专窗", "专区", "信息库", "公众号",
            "热线", "申请", "申领", "办理")
# A reporter's story (一家企业的车工刘伟…, 记者获悉) is no rule to quote beside the answer.
_STORY = ("记者", "一家", "同学", "师傅", "告诉", "表示", "介绍说", "笑着", "今年考取", "入驻")


def states_a_rule(sentence: str) -> bool:
    """True for a sentence that states a figure or a channel, not a reporter's story."""
    if not sentence or any(w in sentence for w in _STORY):
        return False
    return bool(_FIGURE.search(sentence)) or any(w in sentence for w in _CHANNEL)


def job_fairs(ctx: Context, region: str | None) -> list[Any]:
    """The newest job-fair articles of the follower's province (None: of any)."""
    if ctx.kb is None or region == "":
        return []
    recent = ctx.kb.latest(region=region, limit=20)
    return [a for a in recent if any(w in a.title for w in JOB_WORDS)][:JOB_FAIRS]
