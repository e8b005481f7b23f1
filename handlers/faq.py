"""Service answers: a matching FAQ entry answers first, the best related article follows.

The entry's short answer, a line for the follower's place, one related article, where to
confirm. The entry is remembered as the last topic, so 详细点 / 能领吗 / 那湖北呢 refer to it.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from config.texts import Safe, meaning_table, reply
from handlers import lists
from handlers.base import Handler
from handlers.context import Context
from handlers.listing import article_link
from handlers.matching import is_text
from handlers.points import point_of
from handlers.replies import Reply, Text
from handlers.understand import understand
from knowledge.regions import NATIONWIDE, REGIONS, mentions
from knowledge.summary import fit, sentences

MIN_SCORE = 85.0  # below this an example-sentence match is too loose to answer with
JOB_FAIRS = 3  # job-fair articles listed for a job seeker's place
JOB_WORDS = ("招聘", "岗位", "零工", "用工", "招工")
TOPIC_LEAD = 1.6  # a job seeker's topic article leads the next hit's score by this much
TOPIC_COVERAGE = 0.5  # …and holds at least this share of the question's concepts
SHORT_TEXT = 8  # characters: a follow-up this short (那山东呢) says too little to search
FOLLOW_TEXT = 20  # characters: a follow-up shorter than this is read with its question
OUTSIDE = ("香港", "澳门", "台湾")  # our service answers state mainland rules only
NEWEST_FAIRS = 2  # job-fair articles shown while the follower's city is not known
FAIR_WORDS = ("招聘会", "招聘活动", "双选会", "专场", "最新")  # …when the follower asks for fairs
NAMING_CHARS = 90  # a national article's sentence naming the place asked of, at most


class FaqAnswer(Handler):
    """Answers with the best-matching service answer of ctx.faq."""

    name = "faq"

    def check(self, msg: Any, ctx: Context) -> Any | None:
        if not is_text(msg) or ctx.faq is None:
            return None
        u = understand(ctx)
        found = u.best_faq(MIN_SCORE)
        if found is not None and found.entry.asks_place and _names_a_programme(u.plain):
            return None  # 三支一扶今年招多少人: the scheme's article answers, not 找工作
        return found

    def handle(self, msg: Any, ctx: Context, match: Any) -> Reply:
        u = understand(ctx)
        place = where(u.plain, u.places)
        if place is None and len(u.plain) < FOLLOW_TEXT and not match.entry.asks_place:
            carried = last_place(ctx)  # 见习补贴一个月多少 right after 西藏's news: 西藏's figure
            if carried is not None:
                shown = tuple((ctx.session.last_topic() or {}).get("ids", ()))
                return answer(ctx, match.entry, carried, shown=shown)
        return answer(ctx, match.entry, place)


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


def _names_a_programme(text: str) -> bool:
    """True when the message names a scheme of [programs] (config/meaning.toml)."""
    return any(name in text for name in meaning_table("programs").get("names", ()))


_HOME = ("户口", "户籍", "老家", "籍贯")  # 户口河南的 在南京跑外卖: the rules of 南京 apply


def where(text: str, places: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The place the question is about: where the follower is (在南京) over where their
    户口 or 老家 is; else the first place named."""
    if len(places) < 2:
        return places[0] if places else None

    def before(name: str) -> str:
        at = text.find(name)
        return text[max(0, at - 3):at] if at >= 0 else ""

    here = next((p for p in places if "在" in before(p[0])[-2:]), None)
    if here is not None:
        return here
    away = [p for p in places if not any(h in before(p[0]) for h in _HOME)]
    return away[0] if away else places[0]


def answer(ctx: Context, entry: Any, place: tuple[str, str] | None, detail: bool = False,
           question: str | None = None, focus: bool = False,
           shown: tuple[str, ...] | None = None) -> Text:
    """The entry (its `more` when `detail`), place line, related article and where to confirm.
    `question` is what the answer is about (a follow-up's is the one it leans on); with
    `focus`, the follow-up's own point (利息怎么算) leads from the related article when a
    sentence of it answers, instead of the same answer again. A place carried from the last
    reply comes with the articles it `shown`: it counts only where one of them states the
    place's rule (西藏's 3000元 after 西藏's news), never as a guess of where the follower is."""
    ctx.route = f"faq:{entry.id}"
    question = ctx.text if question is None else question
    name, province = place if place else ("", "")
    local_facts = _local_facts(ctx, entry, province, _asked(ctx, question, name), name) \
        if province and not entry.asks_place else []
    if shown is not None:
        local_facts = [(a, fact) for a, fact in local_facts if fact and a.id in shown]
        if not local_facts:
            name, province = "", ""
    body = entry.more if detail and entry.more else entry.answer
    parts = [escape(body, quote=False)]  # staff wrote it, but it reaches WeChat as markup
    ids: list[str] = []
    if entry.asks_place:
        # 退役军人专场招聘会: the one article about that, before the place's newest ones
        topic = _topic_article(ctx, question, province)
        if topic is not None and province and topic.region != province:
            parts.append(reply("faq_topic_elsewhere", place=name, region=topic.region,
                               link=Safe(_link(topic, ctx.base_url))))
        elif topic is not None:
            parts.append(reply("faq_article", link=Safe(_link(topic, ctx.base_url))))
        if name:
            found = _job_fairs(ctx, province) or _local(ctx, province, 2)
            # 香港读完书 想去横琴: the article about each city or zone named (横琴, filed
            # under 澳门) first
            for other, _ in mentions(question):
                if other not in REGIONS:
                    found = _titled(ctx, other) + found
            found = list({a.id: a for a in found}.values())
            found = [a for a in found if topic is None or a.id != topic.id]
            found.sort(key=lambda a: name not in a.title)  # 襄阳招聘会: 襄阳's article first
            ids = [a.id for a in found]
            if found:
                parts.append(reply("faq_place_jobs", region=province))
            elif topic is None or topic.region != province:
                parts.append(reply("faq_place_jobs_none", place=name))
            parts.extend(f"· {_link(a, ctx.base_url)}" for a in found)
        else:
            parts.append(reply("faq_ask_place"))
            asks_fairs = any(w in question for w in FAIR_WORDS)
            newest = [a for a in _job_fairs(ctx, None) if asks_fairs
                      and (topic is None or a.id != topic.id)][:NEWEST_FAIRS]
            if newest:  # 最新的招聘会: the newest anywhere while the city is not known
                parts.append(reply("faq_place_jobs", region=NATIONWIDE))
                parts.extend(f"· {_link(a, ctx.base_url)}" for a in newest)
                ids = [a.id for a in newest]
        if topic is not None:
            ids.insert(0, topic.id)
        shown = ([topic] if topic is not None else []) + (found if name else [])
        for article in shown[:3] if focus else ():
            point = point_of(ctx, article, f"{question} {entry.question}")
            if point:  # 包吃住不 after 襄阳招聘会: the fair's article says it
                parts = [escape(point, quote=False),
                         reply("faq_article", link=Safe(_link(article, ctx.base_url)))]
                break
    else:
        local = local_facts
        found = [a for a, _ in local] or _articles(ctx, entry.articles, province)
        if name and not any(fact for _, fact in local) and found \
                and found[0].region == NATIONWIDE:
            # 四川在试点里面不: the national article's sentence that names the place
            fact = _naming(found[0].body, name, province)
            local = [(found[0], fact)] if fact else local
        ids = [a.id for a in found]
        point = point_of(ctx, found[0], f"{question} {entry.question}") \
            if focus and found else ""
        if point:
            parts = [escape(point, quote=False)]
            local = []
        # the province's own figures and channels (辽事通, 2600元) beside the national rule
        parts.extend(reply("faq_local_fact", region=a.region, fact=fact)
                     for a, fact in local if fact)
        if name:
            # where to confirm is the entry's own (医保, 税务 …), in the place named
            parts.append(reply("faq_place_differs", place=name,
                               confirm=entry.confirm or f"12333或{name}当地人社部门"))
        parts.extend(reply("faq_article", link=Safe(_link(a, ctx.base_url))) for a in found)
    if entry.confirm and not name and not entry.asks_place:
        parts.append(reply("faq_confirm", confirm=entry.confirm))
    if entry.more and not detail:
        parts.append(reply("faq_more_hint"))
    lists.remember(ctx, "faq", ids, page=-1, faq=entry.id, query=question[:100], place=name,
                   region=province)
    return Text("\n".join(p for p in parts if p))  # every part is escaped or Safe


def _articles(ctx: Context, keywords: tuple[str, ...], region: str) -> list[Any]:
    """The best article for the entry: one of its ids, else a search hit whose title holds
    one of its keywords (a hit on the keyword's parts alone is too loose to recommend)."""
    if ctx.kb is None:
        return []
    for key in keywords:
        exact = ctx.kb.get(key)
        if exact is not None:
            return [exact]
        result = ctx.kb.search(f"{key} {region}".strip(), region=region or None, limit=5)
        for hit in result.hits:
            if key in hit.article.title and (not region or hit.article.region in (region, "全国")):
                return [hit.article]
    return []


def _topic_article(ctx: Context, question: str, region: str) -> Any | None:
    """The article a job seeker's question names when one clearly leads the search
    (退役军人专场招聘会, 残疾人招聘会); None for a question any job fair answers (有招聘会吗)."""
    if ctx.kb is None or not question:
        return None
    result = ctx.kb.search(question, region=region or None, limit=2)
    hits = result.hits
    if not hits or result.coverage < TOPIC_COVERAGE:
        return None
    if not any(len(t) >= 2 and t in hits[0].article.title for t in result.terms):
        return None  # the title names none of the question's words: no article about it
    if len(hits) > 1 and hits[0].score < TOPIC_LEAD * hits[1].score:
        return None
    return hits[0].article


def _titled(ctx: Context, name: str) -> list[Any]:
    """The article whose title names the city or zone (横琴为澳门青年就业搭桥), if one does."""
    if ctx.kb is None:
        return []
    return [h.article for h in ctx.kb.search(name, limit=3).hits if name in h.article.title][:1]


def _local(ctx: Context, region: str, limit: int) -> list[Any]:
    """The best articles of the follower's own words that are about their province."""
    return _local_search(ctx, ctx.text, region)[1][:limit]


def _asked(ctx: Context, question: str, place: str) -> str:
    """What to search the province's articles for: the follower's words; a follow-up that
    names its place (北京能多贷点不 after 创业担保贷款能贷多少) or is short in the same place
    (那博士呢 after 武汉本科…) with the question it leans on; else ""."""
    follow_up = question != ctx.text
    if follow_up and place and len(ctx.text) < FOLLOW_TEXT and (
            place in ctx.text or place in question):
        return f"{question} {ctx.text}"
    if len(ctx.text) >= SHORT_TEXT:
        return ctx.text
    return ""


def _local_facts(ctx: Context, entry: Any, region: str, text: str,
                 name: str = "") -> list[tuple[Any, str]]:
    """The best article about the follower's province, with its sentence that answers
    `text` ("" when none states a rule). Without a text (那山东呢) the entry's question is
    asked in that province."""
    text = text or f"{region}{entry.question}"
    result, local = _local_search(ctx, text, region, name)
    if not local:
        return []
    fact = result.answer_of(local[0]) if result.answer_of else ""
    return [(local[0], fact if _states_a_rule(fact) else "")]


def _naming(body: str, name: str, province: str) -> str:
    """The first sentence of `body` that names the place (its city or province), fitted to a
    line; "" when none does."""
    for sentence in sentences(body):
        if (name in sentence or province in sentence) and _states_a_rule(sentence):
            return fit(sentence, NAMING_CHARS)
    return ""


def _local_search(ctx: Context, text: str, region: str,
                  name: str = "") -> tuple[Any, list[Any]]:
    """The search for `text` with `region` preferred, and its hits about that region (or
    titled with the city or zone `name`: 横琴's article is filed under 澳门)."""
    if ctx.kb is None or not region:
        return None, []
    if not any(name in text for name, _ in mentions(text)):
        text = f"{region} {text}"  # a place carried from the last reply: search it there
    result = ctx.kb.search(text, region=region, limit=5)
    titled = name and name != region
    return result, [h.article for h in result.hits
                    if h.article.region == region or (titled and name in h.article.title)]


_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|元|%|％|个月|天|岁|年内|日内)")
_CHANNEL = ("App", "APP", "小程序", "平台", "网站", "窗口", "公众号", "热线", "申请", "申领",
            "办理")
# A reporter's story (一家企业的车工刘伟…, 记者获悉) is no rule to quote beside the answer.
_STORY = ("记者", "一家", "同学", "师傅", "告诉", "表示", "介绍说", "笑着", "今年考取", "入驻")


def _states_a_rule(sentence: str) -> bool:
    """True for a sentence that states a figure or a channel, not a reporter's story."""
    if not sentence or any(w in sentence for w in _STORY):
        return False
    return bool(_FIGURE.search(sentence)) or any(w in sentence for w in _CHANNEL)


def _job_fairs(ctx: Context, region: str | None) -> list[Any]:
    """The newest job-fair articles of the follower's province (None: of any)."""
    if ctx.kb is None or region == "":
        return []
    recent = ctx.kb.latest(region=region, limit=20)
    return [a for a in recent if any(w in a.title for w in JOB_WORDS)][:JOB_FAIRS]


def _link(article: Any, base_url: str) -> str:
    title = escape(article.title, quote=False)
    return f'<a href="{escape(article_link(article, base_url))}">{title}</a>'
