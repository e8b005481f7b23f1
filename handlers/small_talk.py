"""The safe default for short messages that ask nothing: a social line, never "nothing found".

喂, 早, 嗯嗯, 行 我试试, 端午安康, 我先下了 回头再问: short, with no topic, service answer,
place or clear article behind them. Such a message gets a short line saying what the account
can do, instead of a random article list or a not-found reply that quotes it back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from config.texts import meaning_table, reply
from handlers.context import Context
from handlers.replies import Text
from handlers.understand import understand
from knowledge.sense import shared_tokenizer

# Intents that mean the message is about something (then it is searched or answered as such).
CONTENT = ("topic_rights", "topic_jobs", "topic_policy", "latest", "offtopic", "complaint",
           "suggestion")


Titles = Callable[[], Iterable[str]]  # what search found, asked for only when it matters


def is_small_talk(ctx: Context, titles: Titles = tuple) -> bool:
    """True for a short message that asks nothing: no topic, service answer, place or
    question word, and none of its words in the titles of the articles search found."""
    u = understand(ctx)
    table = meaning_table("small_talk")
    if not u.plain or len(u.plain) > int(table.get("max_chars", 10)):
        return False
    if u.places or u.best_faq() or any(f.name in CONTENT for f in u.intents):
        return False
    if any(w in u.plain for w in (*table.get("content", ()), *table.get("asks", ()))):
        return False
    words = [w for w in shared_tokenizer().cut(u.plain) if len(w) >= 2]
    found = tuple(titles()) if words else ()
    return not any(w in t for w in words for t in found)


def small_talk(ctx: Context, titles: Titles = tuple) -> Text | None:
    """The short social line for a message that asks nothing (see is_small_talk), else None."""
    if not is_small_talk(ctx, titles):
        return None
    ctx.route = "social:small_talk"
    return Text(reply("small_talk", hotline=ctx.hotline))
