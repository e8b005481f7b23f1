"""The one sentence of an article that answers the question (a query-focused extract).

Each sentence (or, in a long one, each run of clauses within the limit) is scored by the
weight of the question's concepts it contains; figures (amounts, dates, counts) and an early
position break ties, since answers to "how much" and "when" are figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from knowledge.query import Group
from knowledge.regions import NATIONWIDE, REGIONS
from knowledge.summary import sentences

MAX_CHARS = 80
PLACE_SHARE = 0.1  # of a named place's weight, counted towards a passage's score
SPEAKER_SHARE = 0.5  # a speaker's words, or the line naming the speaker, rarely state the rule
TITLE_SHARE = 0.3  # of the weight of a telling concept the article's title already names
SUBJECT_SHARE = 0.5  # of the question's weightiest concept: from there a concept is telling
# A question asking how much is answered by a passage stating a sum, when one holds any of
# its words (十堰…企业每个学徒补多少 → 每人每年5000元, not the opening ceremony).
AMOUNT_FIRST = 1000.0
NEED_FIRST = 500.0
SPAN_FIRST = 100.0
_CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]?")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|%|％|元|天|个月|年|日|月|岁|小时|倍|人|项)")
_MONEY = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:元|港元|澳门元|块)")
_SHARE = re.compile(r"\d+(?:\.\d+)?\s*[%％]")
# What a question asks the amount of: a sum or a share, money itself, or a subsidy's sum
SUM, MONEY, SUBSIDY = 1, 2, 3
_SUBSIDY_WORDS = re.compile(r"补贴|补助|津贴|奖补|奖励|资助|贴息")
# 补多少 / 一个月几多钱 / 啥标准: the answer is a sum, so a passage stating one is the answer;
# 多少 beside an age or a time (年龄卡多少, 能领多久) asks something else
_ASKS_SUM = re.compile(r"多少钱|多钱|几多钱|几千|几万|[补给拿领发交贷返]多少|[补给发]几|"
                       r"啥标准|什么标准|补贴标准|标准是|咋算|怎么算")
# 有生活补贴莫: whether there is a subsidy is answered by the sentence stating its sum
_HAS_SUBSIDY = re.compile(r"有[^，。,]{0,6}(?:补贴|补助|津贴|奖补)[吗不没莫么嘛]")
_ASKS_AMOUNT = re.compile(r"多少(?!个?月|天|年|岁|人|次|小时|遍|家|条|期|分|个)"
                          r"|几多(?!个?月|天|年)")
_NOT_A_SUM = re.compile(r"年龄|岁|多大|多久|多长|几年|几个月|几天|人数|名额")
# 能领几个月 / 要干几年: the passage stating spans of time answers it, the more the better
_ASKS_SPAN = re.compile(r"(?<!好)(?:几个月|几年|几天)|多少个月|多久|多长时间|多少年|多少天")
_SPAN = re.compile(r"\d+(?:\.\d+)?\s*(?:个月|年|天|周)")
# 哪些省能参加 / 哪些地方有: the passage naming the most provinces answers it
_ASKS_WHERE = re.compile(r"哪些省|哪几个省|哪些地方|哪些城市|哪些地区|哪些市|覆盖哪")
_PROVINCE = re.compile("|".join(r for r in REGIONS if r != NATIONWIDE))
# 企业要自己申请吗 / 用不用交材料: a passage saying whether one must (无需, 须) answers it
_ASKS_NEED = re.compile(r"[要得]自己|需要.{0,8}[吗不么]|需不需要|用不用|要不要|得不得|"
                        r"[要得].{0,6}申请[吗不么]")
_NEED = re.compile(r"无需|不需|不用|不必|免申|免于|直接|须|必须|应当")
_QUOTED = "“「\""
_CLOSING = "”」’"
_LEADING = re.compile(r"^[”」\"’)）,，、\s]+")
_TRAILING = re.compile(r"[；;：:，,]+$")


def asks_amount(text: str) -> int:
    """What a question asks the amount of: SUBSIDY (有生活补贴莫), MONEY (补多少钱, 几多钱),
    SUM (返多少, 啥标准: a sum or a share), or 0."""
    if _HAS_SUBSIDY.search(text):
        return SUBSIDY
    if not (_ASKS_SUM.search(text) or (_ASKS_AMOUNT.search(text)
                                       and not _NOT_A_SUM.search(text))):
        return 0
    return MONEY if re.search("钱|元|块", text) else SUM


def asks_span(text: str) -> bool:
    """Whether a question asks how long (能领几个月, 要干几年)."""
    return bool(_ASKS_SPAN.search(text))


def asks_where(text: str) -> bool:
    """Whether a question asks which places (哪些省能参加)."""
    return bool(_ASKS_WHERE.search(text))


def asks_need(text: str) -> bool:
    """Whether a question asks if one must do something (要自己申请吗, 需要交材料不)."""
    return bool(_ASKS_NEED.search(text))


def best_sentence(body: str, concepts: Sequence[tuple[Group, float]],
                  limit: int = MAX_CHARS, title: str = "", amount: int = 0,
                  need: bool = False, span: bool = False, where: bool = False) -> str:
    """The passage of `body` (≤ `limit` characters) holding most of the question's
    `concepts` ((group, weight) pairs); "" when none holds any. `amount`: the question asks
    how much, so a passage stating a sum comes first; `need`: whether one must, so a
    passage saying so (无需提交申请) comes first; `span`: how long, so the passage stating the
    most spans of time comes first; `where`: which places, so the one naming most of them."""
    best, best_score = "", 0.0
    terms = {t for g, _ in concepts for t in g.terms}
    topics = [_Concept(g, w) for g, w in concepts if g.province is None]
    # A telling concept the title names in full is what made the article the answer (西部计划
    # in 西部计划考研加分); the sentence that answers is the one holding the rest of the
    # question (考研, 加分), so that subject weighs little. A common word the title also names
    # (补贴) is still what is asked, and keeps its weight.
    low_title = title.lower()
    telling = SUBJECT_SHARE * max((c.weight for c in topics), default=0.0)
    for c in topics if len(topics) > 1 else ():
        if c.weight >= telling and c.held({t for t in c.terms if t in low_title}) >= c.weight:
            c.weight *= TITLE_SHARE
    # A place the question names breaks ties only: the article is already about that place,
    # and a sentence that merely names it (山东省人社厅印发通知) does not state the rule asked for.
    places = [_Concept(g, PLACE_SHARE * w) for g, w in concepts if g.province]
    place_terms = {t for c in places for t in c.terms}
    prepared = _prepared(body, limit)
    at, held = -1, set()
    for index, (position, low, passages, _, _) in enumerate(prepared):
        present = [t for t in terms if t in low]
        if not present:
            continue  # most sentences hold none of the question's words: skip them cheaply
        for passage, text, bonus, share, money in passages:
            here = {t for t in present if t in text}
            topic = sum(c.held(here) for c in topics)
            if topic <= 0:
                continue  # naming the place alone answers nothing
            if amount and money >= amount:
                bonus += AMOUNT_FIRST
            if need and _NEED.search(passage):
                bonus += NEED_FIRST  # after a sum, when both are asked (多少钱 要自己申请吗)
            if span:
                bonus += SPAN_FIRST * min(len(_SPAN.findall(passage)), 3)
            if where:
                bonus += SPAN_FIRST * min(len(set(_PROVINCE.findall(passage))), 5)
            score = (share * (topic + sum(c.held(here) for c in places)) + bonus
                     - 0.01 * position)
            if score > best_score:
                best, best_score, at, held = passage, score, index, here - place_terms
    return _continued(best, prepared, at, held, limit, bool(amount or span)) if best else best


def _continued(best: str, prepared: tuple, at: int, held: set[str], limit: int,
               figures: bool) -> str:
    """A passage cut at ；followed by clauses of the same run that hold its words and a figure
    too (满1年不足5年的,最长领取12个月;满5年…最长18个月;10年以上的,最长24个月): the run, while
    it fits. (A clause without a figure is another rule: 盲人按摩机构可申请场地租赁补贴.) When
    the question asks for `figures` (几个月, 多少), a clause with one goes on the run anyway."""
    position, _, _, whole, run = prepared[at]
    if best != whole or not run:
        return best
    for next_position, low, _, tidy, next_run in prepared[at + 1:]:
        joined = f"{best[:-1]}{run}{tidy}"
        if next_position != position + 1 or not (figures or any(t in low for t in held)) \
                or not _FIGURE.search(tidy) or len(joined) > limit:
            break
        best, position, run = joined, next_position, next_run
        if not run:
            break
    return best


class _Concept:
    """A question's concept as the extract weighs it: its weight and its alternatives."""

    __slots__ = ("weight", "alts", "terms")

    def __init__(self, group: Group, weight: float) -> None:
        self.weight = weight
        self.alts = [(alt.weight / len(alt.terms), alt.terms) for alt in group.alts
                     if alt.terms]
        self.terms = frozenset(group.terms)

    def held(self, here: set[str]) -> float:
        """Weight times how much of the concept the passage's terms `here` hold: its best
        alternative, parts counted in share."""
        if self.terms.isdisjoint(here):
            return 0.0
        return self.weight * max(share * sum(t in here for t in terms)
                                 for share, terms in self.alts)


@lru_cache(maxsize=4096)
def _prepared(body: str, limit: int) -> tuple[tuple[int, str, tuple, str, str], ...]:
    """The body's sentences, each lowered for the term test, with its passages ready to
    score: (passage, lowered, bonus). The same few articles answer most questions, so this
    work is done once per body, not once per question."""
    out = []
    for position, sentence in enumerate(sentences(body)):
        tidy = _tidy(sentence)
        if len(tidy) < 8:
            continue
        # the line after a quote (”毕业于…的陈家豪…) names the speaker: a story, not the rule
        told = sentence[0] in _CLOSING
        passages = []
        for passage in _passages(tidy, limit):
            if passage[-1] in "?？":
                continue  # a question the article asks (评上了有什么待遇?) answers nothing
            # terms are normalised; bodies are simplified Chinese
            bonus = 0.15 * min(len(_FIGURE.findall(passage)), 2)
            share = SPEAKER_SHARE if told or passage[0] in _QUOTED else 1.0
            money = (SUBSIDY if _SUBSIDY_WORDS.search(passage) else MONEY) \
                if _MONEY.search(passage) else SUM if _SHARE.search(passage) else 0
            passages.append((passage, passage.lower(), bonus, share, money))
        run = sentence[-1] if sentence[-1] in "；;" else ""  # the clause run goes on
        out.append((position, sentence.lower(), tuple(passages), tidy, run))
    return tuple(out)


def _tidy(sentence: str) -> str:
    """Without the closing quote a split left at its start; a clause cut at ；/： ends in …"""
    sentence = _LEADING.sub("", sentence)
    stripped = _TRAILING.sub("", sentence)
    return stripped + "…" if stripped != sentence else sentence


def _passages(sentence: str, limit: int) -> list[str]:
    """The sentence itself when short enough, else runs of whole clauses that fit."""
    if len(sentence) <= limit:
        return [sentence]
    clauses = _CLAUSE.findall(sentence)
    out = []
    for start in range(len(clauses)):
        run = ""
        for clause in clauses[start:]:
            if len(run) + len(clause) > limit - 1:
                break
            run += clause
        if run:
            out.append(run.rstrip("，,；;：:") + "…" if run != sentence else run)
    return out or [sentence[:limit - 1] + "…"]
