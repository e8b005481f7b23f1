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
from knowledge.summary import sentences

MAX_CHARS = 80
PLACE_SHARE = 0.1  # of a named place's weight, counted towards a passage's score
SPEAKER_SHARE = 0.5  # a speaker's words, or the line naming the speaker, rarely state the rule
TITLE_SHARE = 0.3  # of the weight of a telling concept the article's title already names
SUBJECT_SHARE = 0.5  # of the question's weightiest concept: from there a concept is telling
_CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]?")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|%|％|元|天|个月|年|日|月|岁|小时|倍|人|项)")
_QUOTED = "“「\""
_CLOSING = "”」’"
_LEADING = re.compile(r"^[”」\"’)）,，、\s]+")
_TRAILING = re.compile(r"[；;：:，,]+$")


def best_sentence(body: str, concepts: Sequence[tuple[Group, float]],
                  limit: int = MAX_CHARS, title: str = "") -> str:
    """The passage of `body` (≤ `limit` characters) holding most of the question's
    `concepts` ((group, weight) pairs); "" when none holds any."""
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
    for position, low, passages in _prepared(body, limit):
        present = [t for t in terms if t in low]
        if not present:
            continue  # most sentences hold none of the question's words: skip them cheaply
        for passage, text, bonus, share in passages:
            here = {t for t in present if t in text}
            topic = sum(c.held(here) for c in topics)
            if topic <= 0:
                continue  # naming the place alone answers nothing
            score = (share * (topic + sum(c.held(here) for c in places)) + bonus
                     - 0.01 * position)
            if score > best_score:
                best, best_score = passage, score
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
def _prepared(body: str, limit: int) -> tuple[tuple[int, str, tuple], ...]:
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
            passages.append((passage, passage.lower(), bonus, share))
        out.append((position, sentence.lower(), tuple(passages)))
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
