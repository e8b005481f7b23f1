"""Whether the Redis behind feedback could lose a message the follower was already thanked for."""

from __future__ import annotations

import redis

from bot.feedback.record import as_str


def durability_risk(client: redis.Redis) -> str | None:
    """How acknowledged feedback could be lost on this server's settings; None when it cannot."""
    try:
        conf = client.config_get("append*")
    except redis.ResponseError:  # managed services often disable CONFIG
        return ("cannot read the server's persistence settings; it needs appendonly yes and "
                "appendfsync always (README, Feedback)")
    except redis.RedisError as exc:  # failing over while this process starts: say so, go on
        return f"cannot read the server's persistence settings now ({type(exc).__name__})"
    conf = {as_str(k): as_str(v) for k, v in conf.items()}
    if conf.get("appendonly") != "yes":
        return "appendonly is off: a Redis restart loses feedback since the last snapshot"
    if conf.get("appendfsync") != "always":
        return (f"appendfsync is {conf.get('appendfsync')}: a Redis crash can lose feedback "
                "acknowledged in its last second or two; use appendfsync always")
    return None
