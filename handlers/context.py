"""What a handler is given besides the message: the follower, the session and the services.

The services are described as Protocols so `handlers/` depends on no part of `bot/`;
`bot/` builds the real ones (Redis-backed) and tests may pass fakes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from config.settings import Settings

OFFER_KEY = "offer"


class Session:
    """A follower's conversation state (a JSON-able dict); the dispatcher persists changes."""

    def __init__(self, data: dict | None = None) -> None:
        self.data: dict = dict(data or {})
        self.changed = False
        self.cleared = False
        self._offered = False  # an offer was made during this turn (see offer / end_turn)

    def get(self, key: str, default: Any = None) -> Any:
        """Read one value."""
        return self.data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Write one value (kept for the session's TTL)."""
        self.data[key] = value
        self.changed = True

    def pop(self, key: str, default: Any = None) -> Any:
        """Remove one value and return it."""
        self.changed = True
        return self.data.pop(key, default)

    def offer(self, value: dict) -> None:
        """Remember what the follower may pick next ("回复 1 …"); it lasts one turn only."""
        self.set(OFFER_KEY, value)
        self._offered = True

    def end_turn(self) -> None:
        """Forget an offer made before this turn: a picked number refers to the last reply."""
        if not self._offered and OFFER_KEY in self.data:
            self.pop(OFFER_KEY)
        self._offered = False

    def clear(self) -> None:
        """Forget everything (unsubscribe)."""
        self.data.clear()
        self.changed = True
        self.cleared = True


class FeedbackSink(Protocol):
    """Durable feedback storage (implemented in bot/feedback/store.py)."""

    def submit(
        self, openid: str, dedup_key: str, text: str, media: dict | None,
        now: datetime | None = None,
    ) -> Any:
        """Store one message exactly once per dedup key, durably, before returning.

        The result has `ticket` (the same one for every retry of a dedup key), `duplicate`
        (True for a retry) and `limited` (True, with `ticket` None and nothing stored, when
        the follower is over the hourly `limit`).
        """


class Followers(Protocol):
    """Follower-level state that outlives sessions: region subscriptions, scenes."""

    def subscribe_region(self, openid: str, region: str) -> None:
        """Remember the follower's region and tag them for region broadcasts."""

    def unsubscribe_region(self, openid: str) -> str | None:
        """Forget the follower's region; return the region it was, if any."""

    def region_of(self, openid: str) -> str | None:
        """The follower's subscribed region, if any."""

    def note_scene(self, openid: str, scene: str) -> None:
        """Remember the QR scene the follower came through."""

    def note_location(self, openid: str, region: str) -> None:
        """Remember the region of the follower's last shared location."""

    def located_region(self, openid: str) -> str | None:
        """The region of the follower's last shared location, if any."""


class FaqService(Protocol):
    """Service answers (implemented in knowledge/faq_store.py), as ctx.services["faq"]."""

    def list(self) -> list[Any]:
        """Every entry (knowledge.faq.FaqEntry), by id."""

    def get(self, entry_id: str) -> Any | None:
        """One entry, or None."""

    def add(self, entry: Any) -> bool:
        """Store (or replace) an entry; True when it is new."""

    def delete(self, entry_id: str) -> bool:
        """Remove an entry; False when there was none."""

    def match(self, text: str, limit: int = 3, already_plain: bool = False) -> list[Any]:
        """Entries matching the follower's words (knowledge.faq_store.FaqMatch), best first."""


class Privacy(Protocol):
    """Forgetting followers (implemented in bot/privacy.py), as ctx.services["privacy"]."""

    def forget(self, openid: str) -> Any:
        """Delete, or pseudonymise where staff need the record, all that is kept about them."""


class MassJobs(Protocol):
    """Broadcast jobs (implemented in bot/broadcasts/service.py), as ctx.services["broadcasts"]."""

    def record_finish(
        self, msg_id: str, status: str, total: int, filtered: int, sent: int, errors: int,
        check: dict | None = None,
    ) -> Any:
        """Close the job WeChat's msg_id belongs to; None when it is not one of ours.

        `check`: the reprint check and article addresses of the event
        ({"check_state": int, "items": [dict], "article_urls": [str]}).
        """


@dataclass
class Context:
    """Everything a handler may use to answer one message."""

    openid: str
    text: str
    session: Session
    settings: Settings
    dedup_key: str = ""
    now: datetime = field(default_factory=datetime.now)
    kb: Any = None  # knowledge.KnowledgeBase: search over the shared articles
    feedback: FeedbackSink | None = None
    followers: Followers | None = None
    services: dict = field(default_factory=dict)
    route: str = ""  # a finer name than the handler's for logs and evaluation ("social:thanks")
    # What the answer was, for the question log: `kind` (answer, list, none, faq, …),
    # `articles` (ids offered), `answers` (service answers given), `coverage`.
    outcome: dict = field(default_factory=dict)
