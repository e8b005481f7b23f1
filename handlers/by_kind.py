"""A message no rule claimed, answered by its kind when the kind model is sure of it.

Without this, a suggestion worded in a way no rule foresaw (文章底下加个一键拨号呗) got "I
cannot answer that", and a question about the account (你们这是国家办的还是私人搞的) a list
of unrelated articles. The kind model (knowledge/kinds.py) reads such a message by what it
shares with thousands of labelled ones, and the message gets the reply its kind wants: the
account's own answer about itself, the hotline, an offer to record a complaint, the rights
next steps. Rules keep precedence: this is asked only where they gave nothing.
"""

from __future__ import annotations

from config.texts import reply
from handlers.context import Context
from handlers.feedback import offer_to_record
from handlers.replies import Text
from handlers.understand import understand
from knowledge.kinds import Guess, model

SURE = 0.99  # each set guessed by a model of the others: 95% of those this sure are right
# kind → (reply key, route as the rule-based handler of that reply logs it)
SOCIAL = {
    "about": ("about", "social:about"),
    "identity": ("identity", "social:identity"),
    "contact": ("hotline", "social:contact"),
    "impatience": ("impatience", "social:impatience"),
    "abuse": ("abuse", "social:abuse"),
    "chitchat": ("small_talk", "social:small_talk"),
}
OFFERS = {"complaint": "complaint_offer", "suggestion": "suggestion_offer"}
# kind → the not-found reply fitted to it (handlers/notfound.py)
NOT_FOUND = {"offtopic": "offtopic", "rights": "rights", "policy": "policy",
             "job_seeking": "jobs"}
ABOUT_US = (*SOCIAL, *OFFERS, "offtopic")  # kinds that never want a list of articles


def sure_kind(ctx: Context) -> str | None:
    """The message's kind when the model is sure of it, else None."""
    if "kind_guess" not in ctx.outcome:
        guess: Guess | None = model().guess(ctx.text) if ctx.text.strip() else None
        ctx.outcome["kind_guess"] = guess.kind if guess and guess.p >= SURE else None
    return ctx.outcome["kind_guess"]


def by_kind(ctx: Context, kinds: tuple[str, ...] = (*ABOUT_US, *NOT_FOUND)) -> Text | None:
    """The reply for the message's kind when it is one of `kinds` and the model is sure;
    else None. A topic (a service answer, a place) keeps the message for the rules' reply."""
    if ctx.leaning:
        return None  # 就那个绣娘的 点开看看: answered as the question before it
    kind = sure_kind(ctx)
    if kind is None or kind not in kinds:
        return None
    u = understand(ctx)
    if kind in ABOUT_US and (u.best_faq() is not None or u.places):
        return None  # 广州的招聘会能不能写清楚地址: about a place's news, not only about us
    if kind in ABOUT_US and kind != "offtopic":
        ctx.outcome["kind"] = "reply"  # answered in kind: not a question left unanswered
    if kind in SOCIAL:
        key, route = SOCIAL[kind]
        ctx.route = route
        return Text(reply(key, hotline=ctx.hotline))
    if kind in OFFERS:
        ctx.route = "complaint"
        offer_to_record(ctx, ctx.text)
        return Text(reply(OFFERS[kind], hotline=ctx.hotline))
    from handlers.notfound import not_found  # not_found asks us first

    return not_found(ctx, NOT_FOUND[kind])
