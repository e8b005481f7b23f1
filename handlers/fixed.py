"""Fixed answers: these words → this text, one row each of config/fixed_answers.toml."""

from __future__ import annotations

from typing import Any

from config.texts import fixed_answers, intent_table, reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import contained_word, exact_word, is_text
from handlers.replies import Reply, Text

MATCHES = ("exact", "contained")
ANYWHERE = 10**6  # an exclude word stops the row however long the message is


class FixedAnswer(Handler):
    """One row of the table: a message matching the intent's words gets the row's text."""

    def __init__(self, intent: str, match: str, reply_key: str,
                 defer: tuple[str, ...] = (), keep: tuple[str, ...] = ()) -> None:
        if match not in MATCHES:
            raise ValueError(f"fixed answer {intent!r}: match must be one of {MATCHES}")
        table = intent_table(intent)  # a KeyError names an intent missing from intents.toml
        self.name = intent
        self.words = tuple(table["words"])
        self.exclude = tuple(table.get("exclude", ()))
        self.exact = match == "exact"
        self.reply_key = reply_key
        self.defer = defer
        self.keep = keep

    def check(self, msg: Any, ctx: Context) -> str | None:
        if not is_text(msg):
            return None
        if self.exclude and contained_word(ctx.text, self.exclude, ANYWHERE):
            return None  # 投诉建议 is feedback even where the feedback handler is absent
        if self.defer and _after_answer(ctx) and contained_word(ctx.text, self.defer, ANYWHERE) \
                and not (self.keep and contained_word(ctx.text, self.keep, ANYWHERE)):
            return None  # 那我上哪投诉去 after the wage-arrears answer: that answer's channels
        if self.exact:
            return exact_word(ctx.text, self.words)
        return contained_word(ctx.text, self.words)

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        return Text(reply(self.reply_key, hotline=ctx.hotline))


def _after_answer(ctx: Context) -> bool:
    """The follower's last reply was a service answer (its follow-ups lean on it)."""
    last = ctx.session.last_topic()
    return bool(last) and last.get("kind") == "faq"


def answers() -> list[Handler]:
    """One FixedAnswer per row of config/fixed_answers.toml, in the table's order."""
    return [FixedAnswer(row["intent"], row["match"], row["reply"],
                        tuple(row.get("defer_after_answer", ())),
                        tuple(row.get("keep_after_answer", ()))) for row in fixed_answers()]
