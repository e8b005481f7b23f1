"""Extractive summaries of at most 120 characters, preferring sentences with figures."""

from __future__ import annotations

import re

MAX_CHARS = 120
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|%|％|人|个|家|元|次|名|项|场|所|岗位)")
_QUOTE_OPEN = "“「"


def sentences(text: str) -> list[str]:
    """The body's sentences of at least 8 characters, headings left out."""
    out = []
    for para in text.split("\n"):
        para = para.strip()
        # Headings (short lines without a full stop) say little on their own.
        if len(para) < 25 and not re.search("[。！？!?]$", para):
            continue
        out += [s.strip() for s in _SENTENCE.findall(para) if len(s.strip()) >= 8]
    return out


def _score(sentence: str, position: int) -> float:
    figures = len(_FIGURE.findall(sentence))
    score = 2.0 * min(figures, 3) - 0.15 * position
    if sentence[0] in _QUOTE_OPEN:
        score -= 2.0  # a quoted speaker rarely summarises the article
    return score


def fit(text: str, limit: int) -> str:
    """Cut at a clause boundary within `limit`, else hard-cut with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    for mark in ("。", "；", "，", ",", "、"):
        cut = head.rfind(mark)
        if cut >= limit // 2:
            return head[:cut] + "……"
    return head + "…"


def summarise(body: str, title: str = "", limit: int = MAX_CHARS) -> str:
    """A summary of `body` in at most `limit` characters."""
    found = sentences(body)
    if not found:
        return fit(title, limit)
    ranked = sorted(range(len(found)), key=lambda i: -_score(found[i], i))
    best = found[ranked[0]]
    chosen = [ranked[0]]
    for i in ranked[1:3]:  # add a neighbouring strong sentence when it fits
        if len(best) + len(found[i]) <= limit and _score(found[i], i) > 0:
            chosen.append(i)
            best = "".join(found[j] for j in sorted(chosen))
    return fit(best, limit)
