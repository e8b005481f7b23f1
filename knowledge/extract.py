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
_CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]?")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|%|％|元|天|个月|年|日|月|岁|小时|倍|人|项)")
_QUOTED = "“「\""
_LEADING = re.compile(r"^[”」\"’)）,，、\s]+")
_TRAILING = re.compile(r"[；;：:，,]+$")


def best_sentence(body: str, concepts: Sequence[tuple[Group, float]],
                  limit: int = MAX_CHARS) -> str:
    """The passage of `body` (≤ `limit` characters) holding most of the question's
    `concepts` ((group, weight) pairs); "" when none holds any."""
    best, best_score = "", 0.0
    terms = {t for g, _ in concepts for t in g.terms}
    for position, sentence in enumerate(_sentences(body)):
        low = sentence.lower()
        if not any(t in low for t in terms):
            continue  # most sentences hold none of the question's words: skip them cheaply
        sentence = _tidy(sentence)
        if len(sentence) < 8:
            continue
        for passage in _passages(sentence, limit):
            text = passage.lower()  # terms are normalised; bodies are simplified Chinese
            topic = sum(w * _held(g, text) for g, w in concepts if g.province is None)
            if topic <= 0:
                continue  # naming the place alone answers nothing
            score = topic + sum(w * _held(g, text) for g, w in concepts if g.province)
            score += 0.15 * min(len(_FIGURE.findall(passage)), 2) - 0.01 * position
            if passage[0] in _QUOTED:
                score -= 0.2  # a speaker's words rarely state the rule
            if score > best_score:
                best, best_score = passage, score
    return best


@lru_cache(maxsize=4096)
def _sentences(body: str) -> tuple[str, ...]:
    """The body's sentences (the same few articles answer most questions: split them once)."""
    return tuple(sentences(body))


def _tidy(sentence: str) -> str:
    """Without the closing quote a split left at its start; a clause cut at ；/： ends in …"""
    sentence = _LEADING.sub("", sentence)
    stripped = _TRAILING.sub("", sentence)
    return stripped + "…" if stripped != sentence else sentence


def _held(group: Group, text: str) -> float:
    """How much of a concept `text` holds: its best alternative, parts counted in share."""
    best = 0.0
    for alt in group.alts:
        share = sum(t in text for t in alt.terms) / len(alt.terms)
        best = max(best, alt.weight * share)
    return best


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
