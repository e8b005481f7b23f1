"""The Redis connection: `REDIS_URL` (server, Sentinel or Cluster), or the embedded server."""

from __future__ import annotations

import logging
import subprocess

import redis

from bot.platform.redis_url import describe_kind, open_client
from config.settings import Settings, SettingsError

log = logging.getLogger(__name__)


def connect(settings: Settings) -> redis.Redis:
    """Open the shared store and check it answers; SettingsError when it cannot be reached."""
    if settings.redis_url:
        client = open_client(settings.redis_url)  # one server, Sentinel or Cluster
        try:
            client.ping()
        except (redis.RedisError, OSError) as exc:
            raise SettingsError(f"REDIS_URL is unreachable: {exc}") from None
        return client
    return _embedded(settings)


def _embedded(settings: Settings) -> redis.Redis:
    """The data dir's embedded server (started on first use, shared by every process)."""
    from bot.embedded import open_embedded

    try:
        return open_embedded(settings.data_dir)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        raise SettingsError(f"cannot start the embedded store: {exc}") from None


def describe(client: redis.Redis) -> dict:
    """A small health summary of the store, never raising."""
    kind = describe_kind(client)
    try:
        client.ping()
        info = client.info("server")
        if kind == "cluster":  # one answer per node; they run one version
            info = next(iter(info.values()), {}) if _per_node(info) else info
        return {"kind": kind, "ok": True, "version": info.get("redis_version")}
    except (redis.RedisError, OSError) as exc:
        return {"kind": kind, "ok": False, "error": type(exc).__name__}


def _per_node(info: dict) -> bool:
    """True when a cluster client answered INFO with one dict per node."""
    return bool(info) and all(isinstance(v, dict) for v in info.values())
