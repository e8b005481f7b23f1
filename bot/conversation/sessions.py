"""Follower sessions in Redis: a JSON blob per follower with a 30-minute TTL."""

from __future__ import annotations

import json
import logging
from typing import Any

import redis

from handlers.session import Session

log = logging.getLogger(__name__)

SESSION_TTL = 30 * 60


class SessionStore:
    """Loads and saves `handlers.context.Session` objects."""

    def __init__(self, client: redis.Redis, prefix: str, ttl: int = SESSION_TTL) -> None:
        self.redis = client
        self.prefix = prefix
        self.ttl = ttl

    def key(self, openid: str) -> str:
        """The follower's session key."""
        return f"{self.prefix}session:{openid}"

    def load(self, openid: str) -> Session:
        """The follower's session; an empty one when absent or unreadable."""
        return self.decode(openid, self.redis.get(self.key(openid)))

    def decode(self, openid: str, raw: bytes | None) -> Session:
        """The session stored as `raw` (read ahead by the message's first round trip)."""
        if not raw:
            return Session()
        try:
            data = json.loads(raw)
        except ValueError:
            log.warning("dropping unreadable session of %s", openid)
            return Session()
        return Session(data if isinstance(data, dict) else {})

    def save(self, openid: str, session: Session, pipe: Any = None) -> None:
        """Persist the session if a handler changed it (deleted when cleared and empty);
        queued on `pipe` when given (the message's last round trip)."""
        if not session.changed:
            return
        target = pipe if pipe is not None else self.redis
        if session.cleared and not session.data:
            target.delete(self.key(openid))
            return
        payload = json.dumps(session.data, ensure_ascii=False)
        target.set(self.key(openid), payload, ex=self.ttl)
