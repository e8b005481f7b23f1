"""Messages per China day, counted as the dispatcher sees them, for the dashboard's chart.

A thin wrapper around the app's dispatcher: one HINCRBY per message, riding in the message's
last Redis round trip (WeChat's retries are answered from the dedup cache and never reach the
dispatcher, so each message counts once).
Day counters expire after 40 days; the chart shows 30.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from typing import Any

import redis

from bot.platform.china_time import CHINA

log = logging.getLogger("bot.console")

KEEP = 40 * 24 * 3600


class Traffic:
    """Per-day counters of followers' messages (events are counted apart)."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.r = client
        self.prefix = prefix

    def _key(self, day: str) -> str:
        return f"{self.prefix}console:traffic:{day}"

    def count(self, kind: str, now: float | None = None) -> None:
        """Count one inbound message of `kind` ('message' or 'event') today."""
        with self.r.pipeline(transaction=False) as pipe:
            self.queue_count(pipe, kind, now)
            pipe.execute()

    def queue_count(self, pipe: Any, kind: str, now: float | None = None) -> None:
        """`count` queued on a pipeline (a message's last round trip)."""
        day = datetime.fromtimestamp(time.time() if now is None else now, CHINA)
        key = self._key(day.strftime("%Y-%m-%d"))
        pipe.hincrby(key, kind, 1)
        pipe.expire(key, KEEP)

    def days(self, n: int = 30, now: float | None = None) -> list[tuple[str, int]]:
        """(YYYY-MM-DD, messages) for the last `n` China days, oldest first."""
        today = datetime.fromtimestamp(time.time() if now is None else now, CHINA).date()
        days = [(today - timedelta(days=i)).isoformat() for i in range(n - 1, -1, -1)]
        with self.r.pipeline(transaction=False) as pipe:
            for day in days:
                pipe.hget(self._key(day), "message")
            counts = pipe.execute()
        return [(day, int(c or 0)) for day, c in zip(days, counts, strict=True)]


class CountingDispatcher:
    """The app's dispatcher, counting each message before handing it on."""

    def __init__(self, inner: Any, traffic: Traffic) -> None:
        self.inner = inner
        self.traffic = traffic

    def dispatch(self, msg: Any, turn: Any, *args: Any, **kwargs: Any) -> Any:
        """Count with the turn's last round trip (whose queued writes may fail without
        costing the follower the reply, bot/conversation/turn.py), then dispatch."""
        kind = "event" if getattr(msg, "type", "") == "event" else "message"
        turn.later.append(lambda pipe: self.traffic.queue_count(pipe, kind))
        return self.inner.dispatch(msg, turn, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
