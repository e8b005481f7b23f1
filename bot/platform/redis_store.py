"""The Redis connection: `REDIS_URL` (server, Sentinel or Cluster), or the embedded server."""

from __future__ import annotations

import logging
import subprocess
import time

import redis
from redis.exceptions import RedisClusterException

from bot.platform.redis_url import describe_kind, open_client
from config.settings import Settings, SettingsError

log = logging.getLogger(__name__)


# A worker that boots while Redis fails over waits for the new master instead of failing:
# gunicorn stops the whole server when a worker fails to boot (and kills one silent for 30 s).
BOOT_WAIT = 20.0
STORE_DOWN = (redis.RedisError, RedisClusterException, OSError)


def connect(settings: Settings) -> redis.Redis:
    """Open the shared store and check it answers; SettingsError when it cannot be reached."""
    if settings.redis_url:
        return _reach(settings.redis_url, float(settings.extra.get("store_boot_wait", BOOT_WAIT)))
    return _embedded(settings)


def _reach(url: str, wait: float) -> redis.Redis:
    """A client of REDIS_URL once the store answers, trying for up to `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            client = open_client(url)  # one server, Sentinel or Cluster (which connects here)
            client.ping()
            return client
        except STORE_DOWN as exc:
            if time.monotonic() >= deadline:
                raise SettingsError(f"REDIS_URL is unreachable: {exc}") from None
            log.warning("store unreachable (%s); retrying for up to %.0f s",
                        type(exc).__name__, deadline - time.monotonic())
        time.sleep(0.25)


def _embedded(settings: Settings) -> redis.Redis:
    """The data dir's embedded server (started on first use, shared by every process)."""
    from bot.platform.embedded import open_embedded

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
