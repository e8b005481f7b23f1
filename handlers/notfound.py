"""The reply when nothing answers: fits the kind of question and offers numbered suggestions.

The follower picks a suggestion by replying its number (handlers/offer.py). The message is
quoted back only when it is short and plain; long, abusive or odd text never is.
"""

from __future__ import annotations

import re
from html import escape

from config.texts import meaning_table, reply
from handlers.context import Context
from handlers.replies import Text
from handlers.understand import understand

KINDS = ("rights", "jobs", "policy", "offtopic", "general")
_PLAIN_QUERY = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9 ]{1,12}$")


def question_kind(ctx: Context) -> str:
    """rights, jobs, policy or offtopic by the topic words of config/meaning.toml; else general."""
    u = understand(ctx)
    for kind in ("rights", "jobs", "policy", "offtopic"):
        if u.intent(f"topic_{kind}" if kind != "offtopic" else "offtopic"):
            return kind
    return "general"


def unsure_header(ctx: Context) -> str | None:
    """For an unsure list: the rights or policy next step shown under its title, else None."""
    kind = question_kind(ctx)
    return reply(f"search_unsure_{kind}") if kind in ("rights", "policy") else None


def quotable(text: str, ctx: Context) -> str | None:
    """The follower's words when safe to quote (short, plain, not abusive), else None."""
    t = " ".join((text or "").split())
    if not _PLAIN_QUERY.match(t) or understand(ctx).intent("abuse"):
        return None
    return t


def not_found(ctx: Context, kind: str | None = None) -> Text:
    """The not-found reply for ctx.text, with numbered suggestions remembered for one turn."""
    if kind is None and question_kind(ctx) == "general":
        from handlers.small_talk import small_talk  # small_talk imports understand, as we do

        line = small_talk(ctx)
        if line is not None:
            return line
        from handlers.by_kind import ABOUT_US, by_kind  # by_kind answers through us

        far = _far_from_us(ctx)
        # 文章底下加个一键拨号呗: a suggestion no rule foresaw, not "ask me again"; a message
        # sharing no word with ours is never taken for a question about work by its kind
        line = by_kind(ctx, ABOUT_US) if far else by_kind(ctx)
        if line is not None:
            return line
        if far:
            kind = "offtopic"  # 酸菜咋腌才够味: a short decline, not "ask me again"
    kind = kind or question_kind(ctx)
    if kind == "jobs" and (answer := _jobs_answer(ctx)) is not None:
        return answer
    options = list(meaning_table("suggestions").get(kind, ()))[:5]
    # an off-topic decline never quotes the message back: it reads as a robot repeating you
    quoted = quotable(ctx.text, ctx) if kind != "offtopic" else None
    head = reply(f"not_found_{kind}", hotline=ctx.hotline,
                 query=f"“{quoted}”" if quoted else "这个问题")
    lines = [head]
    if options:
        lines.append(reply("not_found_pick"))
        lines.extend(f"{n}. {escape(text, quote=False)}" for n, text in enumerate(options, 1))
        ctx.session.offer({"kind": "suggest", "options": options})
    tail = reply("not_found_tail", hotline=ctx.hotline)
    if tail:
        lines.append(tail)
    ctx.route = f"notfound:{kind}"
    return Text("\n".join(lines))


def _far_from_us(ctx: Context) -> bool:
    """True when nothing of the message is ours: the search found no article sharing a
    word with it, and it names no place, service answer, intent or word of [not_found] ours
    (the account, its articles, work)."""
    if ctx.outcome.get("coverage") != 0.0 or ctx.outcome.get("articles"):
        return False  # not asked by the search, or it found something
    if ctx.session.last_topic() is not None:
        return False  # 反过来呢 / 差的咋办 right after an answer: about it, however worded
    u = understand(ctx)
    if u.places or u.faq or u.intents:
        return False
    table = meaning_table("not_found")
    if u.plain.startswith(tuple(table.get("openers", ()))):
        return False  # 早啊 今天降温了: a greeting first is chat, not a request to decline
    return not any(w in u.plain for w in table.get("ours", ()))


def _jobs_answer(ctx: Context) -> Text | None:
    """A job seeker nobody else answered gets the job-seeking service answer: where vacancies
    are, and that place's job fairs or a question for the city ([not_found] jobs_answer)."""
    from handlers.faq import answer  # handlers.faq answers through handlers that import us

    faq = ctx.faq
    entry_id = str(meaning_table("not_found").get("jobs_answer", ""))
    entry = faq.get(entry_id) if faq is not None and entry_id else None
    if entry is None:
        return None
    places = understand(ctx).places
    return answer(ctx, entry, places[0] if places else None)
