"""Follower sessions in Redis: a JSON blob per follower with a 30-minute TTL."""

from __future__ import annotations

import json
import logging

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

    def _key(self, openid: str) -> str:
        return f"{self.prefix}session:{openid}"

    def load(self, openid: str) -> Session:
        """The follower's session; an empty one when absent or unreadable."""
        raw = self.redis.get(self._key(openid))
        if not raw:
            return Session()
        try:
            data = json.loads(raw)
        except ValueError:
            log.warning("dropping unreadable session of %s", openid)
            return Session()
        return Session(data if isinstance(data, dict) else {})

    def save(self, openid: str, session: Session) -> None:
        """Persist the session if a handler changed it (deleted when cleared and empty)."""
        if not session.changed:
            return
        if session.cleared and not session.data:
            self.redis.delete(self._key(openid))
            return
        payload = json.dumps(session.data, ensure_ascii=False)
        self.redis.set(self._key(openid), payload, ex=self.ttl)
