"""The question log: every follower question, what answered it, and the editors' gap list.

Entries live in one Redis stream (`{prefix}{questions}:log`), trimmed by age on every write
(XADD MINID), so retention is bounded without a sweeper: BOT_QUESTION_LOG_DAYS, default 90.
The openid is kept only as a keyed hash: enough to count people, not to name them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import redis

from bot.platform.china_time import CHINA
from knowledge.editorial import question_key

WEAK_COVERAGE = 0.6  # a list whose best article answers less than this is a weak answer
NO_ANSWER = frozenset({"none", "not_found"})  # outcome kinds that answered nothing
MAX_TEXT = 500
CHUNK = 1000


@dataclass
class Entry:
    """One logged question."""

    at: datetime
    text: str
    key: str
    intent: str
    kind: str
    articles: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    coverage: float | None = None
    who: str = ""

    @property
    def gap(self) -> bool:
        """No answer, or a list whose best article covers little of the question."""
        if self.kind in NO_ANSWER:
            return True
        return self.kind == "list" and (self.coverage or 0.0) < WEAK_COVERAGE


@dataclass
class Gap:
    """Questions with one normalised text that went unanswered or weakly answered."""

    key: str
    text: str  # the latest wording
    count: int
    people: int
    last_asked: datetime
    kind: str  # the latest outcome: none, list …
    coverage: float | None


class QuestionLog:
    """Writes and reads the log; `gaps` and `dismiss` are the editors' (and console's) view."""

    def __init__(self, client: redis.Redis, prefix: str, days: int, secret: str) -> None:
        self.redis = client
        self.log_key = f"{prefix}{{questions}}:log"
        self.dismissed_key = f"{prefix}{{questions}}:dismissed"
        self._by_prefix = f"{prefix}{{questions}}:by:"  # + hashed openid: that follower's ids
        self.days = days
        self._secret = secret.encode()
        self._record = client.register_script(_RECORD)  # EVALSHA, reloaded if Redis lost it

    def record(self, openid: str, text: str, intent: str, outcome: dict,
               now: float | None = None) -> None:
        """Log one question (and drop entries older than the retention)."""
        keys, args = self._entry(openid, text, intent, outcome, now)
        self._record(keys=keys, args=args)

    def queue_record(self, pipe, openid: str, text: str, intent: str, outcome: dict,
                     now: float | None = None) -> None:
        """`record` queued on a pipeline (the message's last round trip)."""
        keys, args = self._entry(openid, text, intent, outcome, now)
        # By name: a Cluster pipeline routes EVAL by its keys but hides the eval() method.
        pipe.execute_command("EVAL", _RECORD, len(keys), *keys, *args)

    def _entry(self, openid: str, text: str, intent: str, outcome: dict,
               now: float | None) -> tuple[list[str], list]:
        """The record script's keys and arguments for one question."""
        now = time.time() if now is None else now
        fields = {
            "t": f"{now:.3f}", "q": text[:MAX_TEXT], "intent": intent,
            "kind": str(outcome.get("kind") or "reply"),
            "articles": json.dumps(list(outcome.get("articles") or [])),
            "answers": json.dumps(list(outcome.get("answers") or []), ensure_ascii=False),
            "who": self.hash(openid),
        }
        if outcome.get("coverage") is not None:
            fields["cov"] = f"{float(outcome['coverage']):.3f}"
        cutoff_ms = int((now - self.days * 86400) * 1000)
        # Exact trimming: each write evicts only the few entries that just aged out. The
        # follower's list of entry ids (for forget) lives as long as the entries; one script
        # keeps the two together, in one round trip.
        return ([self.log_key, self._by_prefix + fields["who"]],
                [max(cutoff_ms, 0), self.days * 86400, *_flat(fields)])

    def forget(self, openid: str) -> int:
        """Delete every question `openid` asked (they unsubscribed); how many were deleted."""
        by = self._by_prefix + self.hash(openid)
        ids = self.redis.lrange(by, 0, -1)
        gone = self.redis.xdel(self.log_key, *ids) if ids else 0
        self.redis.delete(by)
        return int(gone)

    def hash(self, openid: str) -> str:
        """The openid as stored: a keyed hash, the same for one follower across entries."""
        return hmac.new(self._secret, openid.encode(), hashlib.sha256).hexdigest()[:16]

    def entries(self, since: date | None = None) -> Iterator[Entry]:
        """Logged questions from `since` (China date; default: all kept), oldest first."""
        start, start_at = "-", None
        if since is not None:
            start_at = datetime(since.year, since.month, since.day, tzinfo=CHINA)
            # Stream ids are the server's clock: start a day early, then go by the entry's own
            start = str(max(0, int((start_at.timestamp() - 86400) * 1000)))
        while True:
            batch = self.redis.xrange(self.log_key, min=start, max="+", count=CHUNK)
            for _id, raw in batch:
                entry = _entry(raw)
                if start_at is None or entry.at >= start_at:
                    yield entry
            if len(batch) < CHUNK:
                return
            start = "(" + batch[-1][0].decode()

    def gaps(self, since: date | None = None, limit: int = 50) -> list[Gap]:
        """Questions with no answer or a weak one, grouped by normalised text, most asked
        first; a dismissed group returns only when asked again after its dismissal."""
        dismissed = {k.decode(): float(v) for k, v in
                     self.redis.hgetall(self.dismissed_key).items()}
        groups: dict[str, Gap] = {}
        people: dict[str, set[str]] = {}
        for e in self.entries(since):
            if not e.gap or not e.key or e.at.timestamp() <= dismissed.get(e.key, 0.0):
                continue
            g = groups.get(e.key)
            if g is None:
                g = groups[e.key] = Gap(e.key, e.text, 0, 0, e.at, e.kind, e.coverage)
            g.count += 1
            g.text, g.last_asked, g.kind, g.coverage = e.text, e.at, e.kind, e.coverage
            people.setdefault(e.key, set()).add(e.who)
        for key, g in groups.items():
            g.people = len(people[key])
        ranked = sorted(groups.values(), key=lambda g: (-g.count, -g.last_asked.timestamp()))
        return ranked[:max(0, limit)]

    def dismiss(self, text_or_key: str, now: float | None = None) -> str:
        """Take a question off the gap list (until it is asked again); returns its key."""
        key = question_key(text_or_key)
        if not key:
            raise ValueError("问题不能为空")
        self.redis.hset(self.dismissed_key, key, f"{time.time() if now is None else now:.3f}")
        return key


# KEYS: the log, the follower's id list; ARGV: min id, seconds to keep, field, value, …
_RECORD = """
local id = redis.call('XADD', KEYS[1], 'MINID', ARGV[1], '*', unpack(ARGV, 3))
redis.call('RPUSH', KEYS[2], id)
redis.call('EXPIRE', KEYS[2], ARGV[2])
return id
"""


def _flat(fields: dict[str, str]) -> list[str]:
    return [x for pair in fields.items() for x in pair]


def _entry(raw: dict) -> Entry:
    get = {k.decode(): v.decode() for k, v in raw.items()}
    text = get.get("q", "")
    return Entry(
        at=datetime.fromtimestamp(float(get.get("t", "0")), CHINA), text=text,
        key=question_key(text), intent=get.get("intent", ""), kind=get.get("kind", ""),
        articles=json.loads(get.get("articles", "[]")),
        answers=json.loads(get.get("answers", "[]")),
        coverage=float(get["cov"]) if "cov" in get else None, who=get.get("who", ""),
    )


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date, or ValueError with the reason in Chinese."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"日期应为 YYYY-MM-DD，收到 {text!r}") from None


def days_ago(days: int, today: date | None = None) -> date:
    """The China date `days` days before today."""
    return (today or datetime.now(CHINA).date()) - timedelta(days=days)
