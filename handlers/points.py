"""The one sentence of an article that answers a follow-up's own point (利息怎么算, 给几年).

A follow-up that asks one thing of what was just shown gets that thing: the sentence of the
article that holds the follow-up's new words, not the same answer or card again.
"""

from __future__ import annotations

import re
from typing import Any

from config.texts import meaning_table
from handlers.context import Context
from handlers.understand import understand
from knowledge.extract import asks_span, asks_where
from knowledge.regions import mentions
from knowledge.sense import shared_tokenizer
from knowledge.wordlists import stop_words, synonyms

MAX_POINT = 12  # plain characters: a follow-up on one point is short; a story is not
_SPAN = re.compile(r"\d+\s*(?:个月|年|天|周)")


def point_of(ctx: Context, article: Any, asked: str) -> str:
    """The article's sentence that answers the follow-up itself: it must hold at least half
    the follow-up's words that the question it leans on (`asked`) did not have (利息); else
    "" (a sentence that shares one word of a story is no answer to it)."""
    said = understand(ctx).plain
    if ctx.kb is None or article is None or not said or len(said) > MAX_POINT:
        return ""
    asking = tuple(meaning_table("followup").get("asking", ()))
    new = [w for w in shared_tokenizer().cut(said) if len(w) >= 2 and w not in asked
           and w not in stop_words() and not any(a in w for a in asking)]
    if not new:
        # 那能领几个月 / 哪些省能参加 after a service answer: no new word, but a span of time or
        # the places asked; the sentence of the question it leans on stating them answers it
        if not (asks_span(said) or asks_where(said)):
            return ""
        point = ctx.kb.sentence_for(f"{asked} {ctx.text}", article)
        return point if _SPAN.search(point) or len(mentions(point)) >= 2 else ""
    point = ctx.kb.sentence_for(ctx.text, article)
    held = sum(_holds(point, w) for w in new)
    return point if point and 2 * held >= len(new) else ""


def _holds(text: str, word: str) -> bool:
    """The word, a synonym of it (执行 ~ 施行) or its stem (本科生 ~ 本科) is in `text`."""
    forms = (word, *synonyms().get(word, ()), *((word[:2],) if len(word) >= 3 else ()))
    return any(f in text for f in forms)
