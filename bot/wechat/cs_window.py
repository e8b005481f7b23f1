"""Customer-service windows (客服消息下发规则): how many messages WeChat lets us send a follower.

https://developers.weixin.qq.com/doc/subscription/guide/product/kf/intro.html

| the follower                                       | messages | within   |
|----------------------------------------------------|----------|----------|
| sends a message                                    | 5        | 48 hours |
| clicks a menu (click / scan push), follows, scans  | 3        | 1 minute |

A menu click opens only its one-minute allowance, not the 48-hour one; a new action of a kind
starts that kind's allowance afresh. The webhook notes every such action here (one hash per
follower, kept a day past the longest window so "out of time" is known too); staff replies
take a message from the allowance that lapses first before WeChat is called, so a reply WeChat
would refuse (45015, 45047) is refused here with the same Chinese reason. With no record of
the follower at all (e.g. from before this was deployed) WeChat decides.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import redis

RULES = {"message": (5, 48 * 3600), "click": (3, 60), "subscribe": (3, 60), "scan": (3, 60)}
KEEP = 48 * 3600 + 86400
CLICK_EVENTS = ("click", "scancode_push", "scancode_waitmsg")  # the menu types that count

# KEYS: the follower's hash. ARGV: now, then kind, limit, seconds for each kind.
# Returns {'ok', kind}, {'used_up', ''} (windows open, messages used) or {'outside', ''}.
_TAKE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return {'unknown', ''} end
local now, best, best_end, any_open = tonumber(ARGV[1]), nil, nil, false
for i = 2, #ARGV, 3 do
  local kind, limit, span = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  local at = tonumber(redis.call('HGET', KEYS[1], kind .. ':at') or '-1')
  if at >= 0 and now - at <= span then
    any_open = true
    local used = tonumber(redis.call('HGET', KEYS[1], kind .. ':used') or '0')
    if used < limit and (best_end == nil or at + span < best_end) then
      best, best_end = kind, at + span
    end
  end
end
if best then
  redis.call('HINCRBY', KEYS[1], best .. ':used', 1)
  return {'ok', best}
end
if any_open then return {'used_up', ''} end
return {'outside', ''}
"""


def interaction(msg: Any) -> str | None:
    """The kind of allowance a message or event opens, or None."""
    if getattr(msg, "type", "") != "event":
        return "message"
    event = str(getattr(msg, "event", "")).lower()
    if event in CLICK_EVENTS:
        return "click"
    if event in ("subscribe", "subscribe_scan"):
        return "subscribe"
    return "scan" if event == "scan" else None


class CustomWindows:
    """The customer-service allowances of every follower, in Redis."""

    def __init__(self, client: redis.Redis, prefix: str,
                 clock: Callable[[], float] = time.time) -> None:
        self.redis = client
        self.prefix = prefix
        self.clock = clock
        self._take = client.register_script(_TAKE)

    def key(self, openid: str) -> str:
        """The follower's hash."""
        return f"{self.prefix}cs:{openid}"

    def note(self, openid: str, msg: Any, pipe: Any = None) -> None:
        """Record what the follower just did, if it opens an allowance; queued on `pipe`
        when given (the message's last round trip)."""
        kind = interaction(msg)
        if not openid or kind is None:
            return
        own = pipe is None
        if own:
            pipe = self.redis.pipeline(transaction=True)
        pipe.hset(self.key(openid), mapping={f"{kind}:at": self.clock(), f"{kind}:used": 0})
        pipe.expire(self.key(openid), KEEP)
        if own:
            pipe.execute()

    def take(self, openid: str) -> tuple[str, str]:
        """('ok', kind) with one message taken, ('used_up' | 'outside' | 'unknown', '')."""
        args: list = [self.clock()]
        for kind, (limit, span) in RULES.items():
            args += [kind, limit, span]
        verdict, kind = self._take(keys=[self.key(openid)], args=args)
        as_text = [v.decode() if isinstance(v, bytes) else v for v in (verdict, kind)]
        return as_text[0], as_text[1]

    def give_back(self, openid: str, kind: str) -> None:
        """Return a message taken for a send that did not go out."""
        if kind:
            self.redis.hincrby(self.key(openid), f"{kind}:used", -1)

    def forget(self, openid: str) -> None:
        """Drop everything about the follower (unsubscribe)."""
        self.redis.delete(self.key(openid))
