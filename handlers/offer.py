"""The follower's answer to an offer of the last reply: "1" picks a suggestion or records feedback.

An offer lasts one turn (Session.offer / end_turn), so a number sent later still means an
item of the last article list (handlers/paging.py).
"""

from __future__ import annotations

from typing import Any

from config.texts import meaning_table
from handlers.base import Handler
from handlers.context import OFFER_KEY, Context
from handlers.feedback import Feedback
from handlers.matching import is_text
from handlers.phrases import core, ordinal
from handlers.replies import Reply


class Offer(Handler):
    """Answers a number (or a yes) that refers to the offer the last reply made."""

    name = "offer"

    def check(self, msg: Any, ctx: Context) -> tuple[str, Any] | None:
        offer = ctx.session.get(OFFER_KEY)
        if not is_text(msg) or not isinstance(offer, dict):
            return None
        n = ordinal(ctx.text)
        if offer.get("kind") == "feedback" and (n == 1 or core(ctx.text) in _yes()):
            return ("feedback", str(offer.get("text", "")))
        options = offer.get("options") or []
        if offer.get("kind") == "suggest" and n is not None and 1 <= n <= len(options):
            return ("ask", str(options[n - 1]))
        return None

    def handle(self, msg: Any, ctx: Context, match: tuple[str, Any]) -> Reply:
        kind, value = match
        ctx.session.pop(OFFER_KEY)
        if kind == "feedback":
            ctx.route = "feedback:offer"
            return Feedback().handle(msg, ctx, ("submit", value))
        return ask_again(msg, ctx, value)


def _yes() -> tuple[str, ...]:
    """Words that accept an offer (config/meaning.toml [offer] yes)."""
    return tuple(meaning_table("offer").get("yes", ()))


def ask_again(msg: Any, ctx: Context, text: str) -> Reply:
    """Answer `text` as if the follower had sent it (a picked suggestion)."""
    from handlers.registry import answering_handlers  # the registry imports this module

    ctx.text = text
    for handler in answering_handlers():
        match = handler.check(msg, ctx)
        if match is not None and match is not False:
            return handler.handle(msg, ctx, match)
    raise LookupError("the fallback handler always answers")
