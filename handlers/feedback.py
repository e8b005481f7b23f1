"""Feedback by chat: 留言 / 建议 / the FEEDBACK menu open feedback mode, the next message is kept.

"建议：…" with text after the word is recorded at once. The record is stored (durably, once per
WeChat message) by `ctx.feedback` before the follower is thanked with a ticket number.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from config.texts import intent_table, reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import exact_word, is_text
from handlers.replies import Reply, Text

MODE = "feedback"  # the session mode (handlers/session.py) the next message is kept in
# The dedup key of the last message kept in feedback mode. A worker that dies after saving the
# session (mode left) but before caching its reply makes WeChat's retry arrive outside the mode;
# this lets the retry still be recognised and answered with its ticket.
LAST_KEY = "feedback_last_msg"
KEPT_TYPES = ("text", "voice", "image")


class Feedback(Handler):
    """Open feedback mode, take the next message as feedback, or record a one-shot 建议：…."""

    name = "feedback"

    @cached_property
    def conf(self) -> dict:
        """The [feedback] table of intents.toml: words, limits, the menu key."""
        return intent_table("feedback")

    @cached_property
    def one_shot(self) -> re.Pattern:
        """'建议：…', '意见，…', '留言 …': a prefix word, a separator, then the feedback."""
        words = "|".join(re.escape(w) for w in self.conf["prefixes"])
        return re.compile(rf"^\s*(?:{words})(?:\s*[:：,，、;；]|\s)\s*(\S.*)$", re.S)

    def check(self, msg: Any, ctx: Context) -> tuple[str, str] | None:
        kind = getattr(msg, "type", "")
        if kind == "event":
            opens = msg.event == "click" and getattr(msg, "key", "") == self.conf["menu_key"]
            return ("open", "") if opens else None
        if ctx.dedup_key and ctx.session.get(LAST_KEY) == ctx.dedup_key and kind in KEPT_TYPES:
            return ("submit", self._words_of(msg, ctx))  # a retry of a message already kept
        if in_mode(ctx):
            if is_text(msg) and exact_word(ctx.text, tuple(self.conf["cancel"])):
                return ("cancel", "")
            if is_text(msg) and exact_word(ctx.text, tuple(self.conf["words"])):
                return ("open", "")
            return ("submit", full_text(msg, ctx)) if kind in KEPT_TYPES else ("unsupported", "")
        if not is_text(msg):
            return None
        if exact_word(ctx.text, tuple(self.conf["words"])):
            return ("open", "")
        found = self.one_shot.match(full_text(msg, ctx))
        return ("submit", found.group(1).strip()) if found else None

    def _words_of(self, msg: Any, ctx: Context) -> str:
        """The feedback in a message: the text after a one-shot word, else all of it."""
        text = full_text(msg, ctx)
        found = self.one_shot.match(text)
        return found.group(1).strip() if found else text

    def handle(self, msg: Any, ctx: Context, match: tuple[str, str]) -> Reply:
        action, text = match
        if action == "open":
            return open_feedback(ctx)
        if action == "cancel":
            ctx.session.leave_mode(MODE)
            return Text(reply("feedback_cancelled"))
        if action == "unsupported":
            return Text(reply("feedback_unsupported"))
        return self._submit(msg, ctx, text)

    def _submit(self, msg: Any, ctx: Context, text: str) -> Reply:
        """Check the message, store it, then thank the follower with the ticket."""
        hotline = ctx.hotline
        media = media_of(msg)
        text = text.strip()
        max_chars = int(self.conf["max_chars"])
        if not text and media is None:
            return Text(reply("feedback_empty"))
        if len(text) > max_chars:
            return Text(reply("feedback_too_long", length=len(text), max_chars=max_chars))
        if ctx.feedback is None:
            return Text(reply("feedback_unavailable", hotline=hotline))
        result = ctx.feedback.submit(ctx.openid, ctx.dedup_key, text, media, now=ctx.now)
        ctx.session.leave_mode(MODE)
        if ctx.dedup_key:
            ctx.session.set(LAST_KEY, ctx.dedup_key)
        if result.limited:
            return Text(reply("feedback_limited", limit=result.limit, hotline=hotline))
        return Text(reply("feedback_thanks", ticket=result.ticket, hotline=hotline))


OFFERED_CHARS = 1000  # a feedback offer keeps this much of the message it would record


def open_feedback(ctx: Context) -> Text:
    """Enter feedback mode: the follower's next message is kept as feedback."""
    conf = intent_table("feedback")
    minutes = int(conf["mode_minutes"])
    ctx.session.enter_mode(MODE, ctx.now, minutes)
    return Text(reply("feedback_prompt", minutes=minutes, max_chars=conf["max_chars"]))


def in_mode(ctx: Context) -> bool:
    """True while the follower's feedback mode is open and not yet expired."""
    mode = ctx.session.mode(ctx.now)
    return mode is not None and mode.name == MODE


def offer_to_record(ctx: Context, text: str) -> None:
    """Offer, for the next turn, to keep `text` as feedback ("1" records it: handlers/offer.py)."""
    ctx.session.offer({"kind": "feedback", "text": text[:OFFERED_CHARS]})


def full_text(msg: Any, ctx: Context) -> str:
    """All the follower wrote: ctx.text is cut short for matching, feedback keeps every word."""
    if getattr(msg, "type", "") == "text":
        return (getattr(msg, "content", "") or "").strip()
    return ctx.text


def media_of(msg: Any) -> dict | None:
    """What staff need to fetch an image or voice later: its MediaId (and the image's PicUrl)."""
    kind = getattr(msg, "type", "")
    if kind == "image":
        return {"type": "image", "media_id": msg.media_id, "pic_url": msg.image}
    if kind == "voice" and getattr(msg, "media_id", None):
        return {"type": "voice", "media_id": msg.media_id, "format": msg.format}
    return None
