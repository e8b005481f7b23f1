"""Service answers: a matching FAQ entry answers first, the best related article follows.

The entry's short answer, a line for the follower's place, one related article, where to
confirm. The entry is remembered as the last topic, so 详细点 / 能领吗 / 那湖北呢 refer to it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from config.texts import Safe, meaning_table, reply
from handlers import faq_places as places
from handlers import lists
from handlers.base import Handler
from handlers.context import Context
from handlers.listing import article_link
from handlers.matching import is_text
from handlers.points import point_of
from handlers.replies import Reply, Text
from handlers.understand import understand
from handlers.verdicts import without_verdict
from knowledge import compensation, leave, overtime, probation, retirement
from knowledge.regions import NATIONWIDE, REGIONS, mentions

MIN_SCORE = 85.0  # below this an example-sentence match is too loose to answer with
TOPIC_LEAD = 1.6  # a job seeker's topic article leads the next hit's score by this much
TOPIC_COVERAGE = 0.5  # …and holds at least this share of the question's concepts
NEWEST_FAIRS = 2  # job-fair articles shown while the follower's city is not known
FAIR_WORDS = ("招聘会", "招聘活动", "双选会", "专场", "最新")  # …when the follower asks for fairs
# Service answers that compute the follower's own case from the message (出生年月 → 退休时间,
# 一年合同 试用期六个月 → the limit).
# …and those of them that compute from a span of service or contributions (干了两年零四个月),
# which a follow-up stating such a span also reaches (handlers/followup.py).
FROM_SPANS = {"dismissal": compensation.severance_line,
              "compensation-cap": compensation.severance_line,
              "contract-expiry": compensation.severance_line,
              "relocation": compensation.severance_line,
              "annual-leave": leave.annual_leave_line,
              "unemployment-benefit": compensation.benefit_line}
# …of which these keep their answer above the figure: whether it is owed at all is the point.
WITH_ANSWER = frozenset({"contract-expiry", "relocation"})
CALCULATED = {"retirement": retirement.answer_line, "probation": probation.probation_line,
              "overtime": overtime.overtime_line, **FROM_SPANS}
WHEN_WHERE = ("啥时候", "什么时候", "哪天", "几号", "几月", "在哪", "哪里办", "地点", "地址")


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
        place = places.where(u.plain, u.places, rules=not match.entry.asks_place)
        if place is None and len(u.plain) < places.FOLLOW_TEXT and not match.entry.asks_place:
            # 见习补贴一个月多少 right after 西藏's news: 西藏's figure
            carried = places.last_place(ctx)
            if carried is not None:
                shown = tuple((ctx.session.last_topic() or {}).get("ids", ()))
                return answer(ctx, match.entry, carried, shown=shown)
        return answer(ctx, match.entry, place)


def _names_a_programme(text: str) -> bool:
    """True when the message names a scheme of [programs] (config/meaning.toml)."""
    return any(name in text for name in meaning_table("programs").get("names", ()))


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
    local_facts = places.local_facts(
        ctx, entry, province, places.asked_text(ctx, question, name), name,
        strict=places.asked_elsewhere(ctx, question, province)) \
        if province and not entry.asks_place else []
    if shown is not None:
        local_facts = [(a, fact) for a, fact in local_facts if fact and a.id in shown]
        if not local_facts:
            name, province = "", ""
    body = without_verdict(entry.more if detail and entry.more else entry.answer, ctx.text)
    parts = [escape(body, quote=False)]  # staff wrote it, but it reaches WeChat as markup
    # A follow-up with a wage but no span (月薪6500的话 能赔多少) takes the span from the
    # question it leans on; one with a span of its own (那干了三年呢, 我工龄十二年呢) computes
    # from that, with the question's other words (年休假几天) but never its span as well. One
    # that states nothing to compute (那多出来的几个月能要回点啥, after an over-long probation)
    # computes from the question it leans on.
    calculate = CALCULATED.get(entry.id) if not detail else None
    own = calculate(ctx.text) if calculate is not None else None
    if own is None and calculate is not None and question != ctx.text:
        leaned = question
        if entry.id in FROM_SPANS and compensation.spans(ctx.text):
            leaned = compensation.without_spans(question)
        own = calculate(f"{leaned} {ctx.text}")
    if own:  # 70年12月生的 原来55退: the follower's own date instead of the general rule
        parts = [escape(own, quote=False)]
        if entry.id in WITH_ANSWER:  # 到期不续也要给: the answer's own point, then the figure
            parts.insert(0, escape(body, quote=False))
    ids: list[str] = []
    if entry.asks_place:
        # 退役军人专场招聘会: the one article about that, before the place's newest ones
        topic = _topic_article(ctx, question, province)
        if topic is not None and province and topic.region != province:
            parts.append(reply("faq_topic_elsewhere", place=name, region=topic.region,
                               link=Safe(_link(topic, ctx.base_url))))
        elif topic is not None:
            parts.append(reply("faq_article", link=Safe(_link(topic, ctx.base_url))))
        told_at = len(parts)  # where the topic article's own sentence goes
        if name:
            found = places.job_fairs(ctx, province) or places.local_articles(ctx, province, 2)
            going = places.going_to(question, province)
            if not found and going is not None and (topic is None or topic.region != going):
                # 台湾来的 想去福州找工作: nothing filed under where they come from; the
                # fairs of where they are going
                name = province = going
                found = places.job_fairs(ctx, province) or places.local_articles(ctx, province, 2)
            # 香港读完书 想去横琴: the article about each city or zone named (横琴, filed
            # under 澳门) first
            for other, _ in mentions(question):
                if other not in REGIONS:
                    found = places.titled(ctx, other) + found
            found = list({a.id: a for a in found}.values())
            found = [a for a in found if topic is None or a.id != topic.id]
            found.sort(key=lambda a: name not in a.title)  # 襄阳招聘会: 襄阳's article first
            ids = [a.id for a in found]
            if found:
                parts.append(reply("faq_place_jobs", region=province))
            elif topic is None or topic.region not in (province, going):
                parts.append(reply("faq_place_jobs_none", place=name))
            parts.extend(f"· {_link(a, ctx.base_url)}" for a in found)
            lead = ([topic] if topic is not None else []) + found
            fact = ctx.kb.sentence_for(question, lead[0]) if lead and ctx.kb else ""
            if places.states_a_rule(fact):  # 襄阳比亚迪招人不 一个月多少: the article says it
                parts.insert(told_at if topic is not None else told_at + 2,
                             escape(fact, quote=False))
            elif not found:  # 上海有没有返聘的活: the national article's sentence on 上海
                national = _articles(ctx, entry.articles, "")
                named = places.naming(national[0].body, name, province) if national else ""
                if named:
                    parts.append(escape(named, quote=False))
                    if topic is None or national[0].id != topic.id:  # else it is linked above
                        parts.append(reply("faq_article",
                                           link=Safe(_link(national[0], ctx.base_url))))
                        ids = [national[0].id]
        else:
            parts.append(reply("faq_ask_place"))
            asks_fairs = any(w in question or w in understand(ctx).plain for w in FAIR_WORDS)
            newest = [a for a in places.job_fairs(ctx, None) if asks_fairs
                      and (topic is None or a.id != topic.id)][:NEWEST_FAIRS]
            if newest:  # 最新的招聘会: the newest anywhere while the city is not known
                parts.append(reply("faq_place_jobs", region=NATIONWIDE))
                parts.extend(f"· {_link(a, ctx.base_url)}" for a in newest)
                ids = [a.id for a in newest]
        if topic is not None:
            ids.insert(0, topic.id)
        shown = ([topic] if topic is not None else []) + (found if name else [])
        if detail and shown and any(w in ctx.text for w in WHEN_WHERE):
            # 啥时候办的 在哪办的 after 襄阳招聘会: a news lead says when and where
            parts = [escape(places.lead_of(shown[0].body), quote=False),
                     reply("faq_article", link=Safe(_link(shown[0], ctx.base_url)))]
        for article in shown[:3] if focus and not own else ():
            point = point_of(ctx, article, f"{question} {entry.question}")
            if point:  # 包吃住不 after 襄阳招聘会: the fair's article says it
                parts = [escape(point, quote=False),
                         reply("faq_article", link=Safe(_link(article, ctx.base_url)))]
                break
    else:
        local = local_facts
        found = [a for a, _ in local] or _articles(ctx, _named_first(entry.articles, question),
                                                   province)
        if name and not any(fact for _, fact in local) and found \
                and found[0].region == NATIONWIDE:
            # 四川在试点里面不: the national article's sentence that names the place
            fact = places.naming(found[0].body, name, province)
            local = [(found[0], fact)] if fact else local
        ids = [a.id for a in found]
        # a figure computed for the follower's own case is the point: no sentence replaces it
        point = point_of(ctx, found[0], f"{question} {entry.question}") \
            if focus and found and not own else ""
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


def _named_first(keywords: tuple[str, ...], question: str) -> tuple[str, ...]:
    """The entry's article keywords, those the question names first (三支一扶 before 西部计划
    when the follower asked about 三支一扶)."""
    return tuple(sorted(keywords, key=lambda k: k not in question))


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


def _link(article: Any, base_url: str) -> str:
    title = escape(article.title, quote=False)
    return f'<a href="{escape(article_link(article, base_url))}">{title}</a>'
