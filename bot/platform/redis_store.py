"""The Redis connection: `REDIS_URL`, or the embedded server persisted under BOT_DATA_DIR."""

from __future__ import annotations

import logging
import subprocess

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from config.settings import Settings, SettingsError

log = logging.getLogger(__name__)


def connect(settings: Settings) -> redis.Redis:
    """Open the shared store and check it answers; SettingsError when it cannot be reached."""
    if settings.redis_url:
        client = redis.Redis.from_url(
            settings.redis_url,
            socket_connect_timeout=3,
            socket_timeout=5,
            health_check_interval=30,
            retry=quick_retry(),
        )
        try:
            client.ping()
        except (redis.RedisError, OSError) as exc:
            raise SettingsError(f"REDIS_URL is unreachable: {exc}") from None
        return client
    return _embedded(settings)


def quick_retry() -> Retry:
    """Two fast retries: a store hiccup must not eat WeChat's 5-second window."""
    return Retry(ExponentialBackoff(cap=0.2, base=0.02), 2)


def _embedded(settings: Settings) -> redis.Redis:
    """The data dir's embedded server (started on first use, shared by every process)."""
    from bot.platform.embedded import open_embedded

    try:
        return open_embedded(settings.data_dir)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        raise SettingsError(f"cannot start the embedded store: {exc}") from None


def describe(client: redis.Redis) -> dict:
    """A small health summary of the store, never raising."""
    kwargs = client.connection_pool.connection_kwargs
    kind = "embedded" if str(kwargs.get("path", "")).endswith(".sock") else "redis"
    try:
        client.ping()
        info = client.info("server")
        return {"kind": kind, "ok": True, "version": info.get("redis_version")}
    except (redis.RedisError, OSError) as exc:
        return {"kind": kind, "ok": False, "error": type(exc).__name__}
