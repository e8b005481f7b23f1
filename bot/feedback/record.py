"""The feedback record as staff see it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

STATUSES = ("new", "replied", "done")
# A follower who unsubscribed is named on their tickets by this prefix and random hex: the
# same pseudonym on all of that follower's tickets, with no way back to the openid.
PSEUDONYM_PREFIX = "已退订-"


@dataclass
class FeedbackRecord:
    """One stored feedback message, with the staff replies it has had."""

    id: int
    ticket: str
    openid: str
    text: str
    media: dict | None
    created_at: str
    status: str
    replies: list = field(default_factory=list)
    duplicate: bool = False  # True when this submit was a retry of one already stored
    limited: bool = False  # a stored record was never refused; see `Refused`

    @classmethod
    def from_hash(cls, raw: dict) -> FeedbackRecord:
        """Build a record from the Redis hash (bytes or str fields)."""
        data = {as_str(k): as_str(v) for k, v in raw.items()}
        return cls(
            id=int(data["id"]),
            ticket=data["ticket"],
            openid=data["openid"],
            text=data.get("text", ""),
            media=json.loads(data["media"]) if data.get("media") else None,
            created_at=data["created_at"],
            status=data["status"],
            replies=json.loads(data.get("replies") or "[]"),
        )

    def to_dict(self) -> dict:
        """The JSON shape of the staff API and the JSONL export."""
        return {
            "id": self.id,
            "ticket": self.ticket,
            "openid": self.openid,
            "text": self.text,
            "media": self.media,
            "created_at": self.created_at,
            "status": self.status,
            "replies": self.replies,
        }


@dataclass(frozen=True)
class Refused:
    """A submit the store declined (the follower's hourly limit); nothing was stored."""

    reason: str
    limit: int
    ticket: None = None
    limited: bool = True
    duplicate: bool = False


def is_pseudonym(openid: str) -> bool:
    """True when a ticket's follower has unsubscribed and their openid was replaced."""
    return openid.startswith(PSEUDONYM_PREFIX)


def as_str(value: bytes | str) -> str:
    """A Redis reply as text, whether or not the client decodes responses."""
    return value.decode("utf-8") if isinstance(value, bytes) else value
