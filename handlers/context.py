"""What a handler is given besides the message: the follower, the session and the services.

The services are described as Protocols so `handlers/` depends on no part of `bot/`;
`bot/` builds the real ones (Redis-backed) and tests may pass fakes. A handler sees the
hotline and the public base URL, never the settings with their secrets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from config.settings import DEFAULT_HOTLINE
from handlers.session import OFFER_KEY, Session
from knowledge.article import Article
from knowledge.faq import FaqEntry
from knowledge.faq_store import FaqMatch
from knowledge.results import SearchResult

__all__ = ["OFFER_KEY", "Articles", "Context", "FaqService", "FeedbackSink", "Followers",
           "MassJobs", "Privacy", "Session"]


class Articles(Protocol):
    """The knowledge base as handlers use it (implemented by knowledge.KnowledgeBase)."""

    def search(self, query: str, *, region: str | None = None, limit: int = 5) -> SearchResult:
        """The best articles for a follower's question, the preferred region first."""

    def latest(self, region: str | None = None, limit: int = 5, offset: int = 0) -> list[Article]:
        """The newest articles, of one region when given."""

    def get(self, article_id: str) -> Article | None:
        """One article by id."""

    def get_many(self, ids: list[str]) -> list[Article]:
        """The articles of `ids` that still exist, in that order."""

    def sentence_for(self, query: str, article: Article) -> str:
        """The article's sentence that answers `query` ("" when none holds its words)."""

    def summary_of(self, article: Article) -> str:
        """A short summary of the article."""


class Submitted(Protocol):
    """What storing one feedback message gave (a record, or a refusal over the limit)."""

    ticket: str | None  # the same for every retry of a dedup key; None when refused
    duplicate: bool  # True for a retry of a message already stored
    limited: bool  # True when the follower is over the hourly limit and nothing was stored


class FeedbackSink(Protocol):
    """Durable feedback storage (implemented in bot/feedback/store.py)."""

    def submit(
        self, openid: str, dedup_key: str, text: str, media: dict | None,
        now: datetime | None = None,
    ) -> Submitted:
        """Store one message exactly once per dedup key, durably, before returning."""


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
    """Service answers (implemented in knowledge/faq_store.py), as ctx.faq."""

    def list(self) -> list[FaqEntry]:
        """Every entry, by id."""

    def get(self, entry_id: str) -> FaqEntry | None:
        """One entry, or None."""

    def add(self, entry: FaqEntry) -> bool:
        """Store (or replace) an entry; True when it is new."""

    def delete(self, entry_id: str) -> bool:
        """Remove an entry; False when there was none."""

    def match(self, text: str, limit: int = 3, already_plain: bool = False) -> list[FaqMatch]:
        """Entries matching the follower's words, best first."""


class Privacy(Protocol):
    """Forgetting followers (implemented in bot/audience/privacy.py)."""

    def forget(self, openid: str) -> object:
        """Delete, or pseudonymise where staff need the record, all that is kept about them."""


class MassJobs(Protocol):
    """Broadcast jobs (implemented in bot/broadcasts/service.py)."""

    def record_finish(
        self, msg_id: str, status: str, total: int, filtered: int, sent: int, errors: int,
        check: dict | None = None,
    ) -> object | None:
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
    hotline: str = DEFAULT_HOTLINE
    base_url: str = ""  # where followers reach the bot's own pages; "" leaves links relative
    dedup_key: str = ""
    now: datetime = field(default_factory=lambda: datetime.now().astimezone())
    kb: Articles | None = None
    feedback: FeedbackSink | None = None
    followers: Followers | None = None
    broadcasts: MassJobs | None = None
    privacy: Privacy | None = None
    faq: FaqService | None = None
    route: str = ""  # a finer name than the handler's for logs and evaluation ("social:thanks")
    # What the answer was, for the question log: `kind` (answer, list, none, faq, …),
    # `articles` (ids offered), `answers` (service answers given), `coverage`.
    outcome: dict = field(default_factory=dict)
    # True while the message is answered as the question it leans on (a follow-up asked
    # again, the list behind 更多): its own words are then not what is being answered.
    leaning: bool = False
