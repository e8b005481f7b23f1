"""Ask each handler in order; the first match answers. Sessions and rate limits live here."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

import redis

from bot.conversation.ratelimit import RateLimiter, Verdict
from bot.conversation.sessions import SessionStore
from bot.conversation.turn import Turn
from bot.platform.china_time import china_time, parse_day
from bot.services import Services
from config.texts import reply as reply_text
from handlers.base import Handler
from handlers.context import Context
from handlers.replies import SILENT, Reply, Text

log = logging.getLogger("bot.dispatch")

MAX_TEXT = 5000  # longer messages are cut before matching; nothing reads that far anyway


def message_text(msg: Any) -> str:
    """What the follower said: text content, or WeChat's voice recognition."""
    kind = getattr(msg, "type", "")
    if kind == "text":
        return (getattr(msg, "content", "") or "").strip()[:MAX_TEXT]
    if kind == "voice":
        return (getattr(msg, "recognition", "") or "").strip()[:MAX_TEXT]
    return ""


class Dispatcher:
    """Routes one parsed message to the first matching handler of the registry."""

    def __init__(
        self,
        services: Services,
        handlers: list[Handler],
        sessions: SessionStore,
        limiter: RateLimiter,
    ) -> None:
        self.services = services
        self.handlers = handlers
        self.sessions = sessions
        self.limiter = limiter

    def dispatch(self, msg: Any, turn: Turn, dedup_key: str = "", base_url: str = "") -> Reply:
        """The reply value for `msg`, from what `turn` read ahead; never raises for a
        handler's failure. The session goes back with the turn's last round trip.

        `base_url` is where followers reach this bot (links to its own article pages).
        """
        settings = self.services.settings
        openid = turn.openid
        if turn.verdict is Verdict.WARN:
            log.info("rate limit reached by %s", openid)
            return Text(reply_text("rate_limited", hotline=settings.bot_hotline))
        if turn.verdict is Verdict.DROP:
            return SILENT
        ctx = Context(
            openid=openid,
            text=message_text(msg),
            session=turn.session,
            hotline=settings.bot_hotline,
            base_url=base_url,
            dedup_key=dedup_key,
            now=self._now(),
            kb=self.services.kb,
            feedback=self.services.feedback,
            followers=turn.followers,
            broadcasts=self.services.broadcasts,
            privacy=self.services.privacy,
            faq=turn.faq if turn.faq is not None else self.services.faq,
        )
        for handler in self.handlers:
            try:
                match = handler.check(msg, ctx)
                if match is None or match is False:
                    continue
                result = handler.handle(msg, ctx, match)
            except redis.RedisError:
                # The store failed (down, failing over, a write not yet on a replica): let the
                # webhook answer politely without caching, so WeChat's retry is handled afresh.
                raise
            except Exception:  # one broken handler must not take the worker down
                log.exception("handler %s failed on %s", handler.name, dedup_key or openid)
                self._log_question(turn, ctx, handler.name, {"kind": "error"})
                return Text(reply_text("error", hotline=settings.bot_hotline))
            ctx.session.end_turn()
            turn.save_session = True
            log.info("%s answered %s", ctx.route or handler.name, dedup_key or openid)
            self._log_question(turn, ctx, ctx.route or handler.name, ctx.outcome)
            return result
        return SILENT

    def _now(self) -> datetime:
        """China time now; BOT_TODAY pins the date (evaluation runs) and keeps the time."""
        now = china_time()
        pinned = self.services.settings.bot_today
        if pinned:
            day = parse_day(pinned)
            now = now.replace(year=day.year, month=day.month, day=day.day)
        return now

    def _log_question(self, turn: Turn, ctx: Context, intent: str, outcome: dict) -> None:
        """Every follower text (or recognised voice) goes to the question log, whatever
        answered it, with the turn's last round trip; a log that cannot be written never
        costs the follower the reply (bot/conversation/turn.py)."""
        questions = self.services.questions
        if questions is None or not ctx.text:
            return
        outcome = dict(outcome)
        if not outcome.get("kind"):  # handlers that say nothing of their outcome: by route
            if ctx.route.startswith("notfound:"):
                outcome["kind"] = "none"
            elif ctx.route.startswith("faq:"):
                outcome.update(kind="faq", answers=[ctx.route[len("faq:"):]])
        openid, text, intent = ctx.openid, ctx.text, outcome.get("intent") or intent
        turn.later.append(lambda pipe: questions.queue_record(pipe, openid, text, intent,
                                                              outcome))
