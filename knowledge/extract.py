"""The one sentence of an article that answers the question (a query-focused extract).

Each sentence (or, in a long one, each run of clauses within the limit) is scored by the
weight of the question's concepts it contains; figures (amounts, dates, counts) and an early
position break ties, since answers to "how much" and "when" are figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.normal import normalise
from knowledge.summary import sentences

MAX_CHARS = 80
_CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]?")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|%|％|元|天|个月|年|日|月|岁|小时|倍|人|项)")
_QUOTED = "“「\""


def best_sentence(body: str, concepts: Sequence[tuple[Sequence[str], float]],
                  limit: int = MAX_CHARS) -> str:
    """The passage of `body` (≤ `limit` characters) holding most of the question's
    `concepts` ((alternative terms, weight) pairs); "" when none holds any."""
    best, best_score = "", 0.0
    for position, sentence in enumerate(sentences(body)):
        for passage in _passages(sentence, limit):
            text = normalise(passage)
            score = sum(w for terms, w in concepts if any(t in text for t in terms))
            if score <= 0:
                continue
            score += 0.15 * min(len(_FIGURE.findall(passage)), 2) - 0.01 * position
            if passage[0] in _QUOTED:
                score -= 0.2  # a speaker's words rarely state the rule
            if score > best_score:
                best, best_score = passage, score
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
