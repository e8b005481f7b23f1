"""What the question log says about the last days: the share answered and the top questions.

The log is the search work's (services.questions); reading 30 days of it is a scan, so the
figures are cached in Redis for a minute and shared by every worker.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.platform.china_time import CHINA

CACHE_TTL = 60


@dataclass(frozen=True)
class Answered:
    """Questions asked and answered (not a gap: neither unanswered nor weak) in the period."""

    asked: int
    answered: int

    @property
    def share(self) -> float:
        """answered / asked (0 when nothing was asked)."""
        return self.answered / self.asked if self.asked else 0.0


def summary(services: Any, days: int, limit: int) -> tuple[Answered, list[tuple[str, int]]] | None:
    """(share answered, [(question, times asked)] most asked first) over the last `days`;
    None when the app has no question log."""
    questions = getattr(services, "questions", None)
    if questions is None:
        return None
    cache = f"{services.settings.key_prefix}console:insights:{days}:{limit}"
    cached = services.redis.get(cache)
    if cached:
        data = json.loads(cached)
        return Answered(*data["answered"]), [tuple(row) for row in data["top"]]
    since = (datetime.now(CHINA) - timedelta(days=days - 1)).date()
    asked = answered = 0
    counts: Counter[str] = Counter()
    wording: dict[str, str] = {}
    for entry in questions.entries(since):
        asked += 1
        answered += 0 if entry.gap else 1
        key = entry.key or entry.text
        counts[key] += 1
        wording[key] = entry.text  # the latest wording names the group
    top = [(wording[key], n) for key, n in counts.most_common(limit)]
    services.redis.set(cache, json.dumps({"answered": [asked, answered], "top": top},
                                         ensure_ascii=False), ex=CACHE_TTL)
    return Answered(asked, answered), top
