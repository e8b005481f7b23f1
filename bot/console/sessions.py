"""Server-side console sessions: a random id in the cookie, the username in Redis.

The Redis key expires after the idle time and every request pushes it back, so an idle
session ends on its own; logging out, a password change or removing the account ends it now.
"""

from __future__ import annotations

import secrets

import redis


class StaffSessions:
    """Console sessions with a sliding idle timeout."""

    def __init__(self, client: redis.Redis, prefix: str, idle_seconds: int) -> None:
        self.r = client
        self.prefix = prefix
        self.idle = max(60, int(idle_seconds))

    # One hash tag for every session key: start and end_all touch several at once, which a
    # Redis Cluster allows only within one slot (sessions are few and small).
    def _key(self, sid: str) -> str:
        return f"{self.prefix}{{console}}:session:{sid}"

    def _user_key(self, username: str) -> str:
        return f"{self.prefix}{{console}}:sessions_of:{username}"

    def start(self, username: str) -> str:
        """A new session for `username`; returns its id."""
        sid = secrets.token_urlsafe(32)
        with self.r.pipeline() as pipe:
            pipe.set(self._key(sid), username, ex=self.idle)
            pipe.sadd(self._user_key(username), sid)
            pipe.expire(self._user_key(username), self.idle)
            pipe.execute()
        return sid

    def touch(self, sid: str) -> str | None:
        """The session's username, its idle clock restarted; None when it has ended."""
        if not sid or len(sid) > 100:
            return None
        with self.r.pipeline() as pipe:
            pipe.get(self._key(sid))
            pipe.expire(self._key(sid), self.idle)
            username, _ = pipe.execute()
        if username is None:
            return None
        username = username.decode()
        self.r.expire(self._user_key(username), self.idle)
        return username

    def end(self, sid: str) -> None:
        """Log one session out."""
        username = self.r.getdel(self._key(sid)) if sid else None
        if username is not None:
            self.r.srem(self._user_key(username.decode()), sid)

    def end_all(self, username: str) -> int:
        """Log every session of `username` out (password changed, account removed)."""
        sids = [s.decode() for s in self.r.smembers(self._user_key(username))]
        if sids:
            self.r.delete(*(self._key(s) for s in sids))
        self.r.delete(self._user_key(username))
        return len(sids)
