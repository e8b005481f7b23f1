"""Mass-send quotas by account type, checked (and held) before WeChat is called.

Following 群发接口和原创校验 (https://developers.weixin.qq.com/doc/service/guide/product/message/Batch_Sends.html)
and 根据标签群发消息 (https://developers.weixin.qq.com/doc/subscription/api/notify/message/api_sendall.html):

- subscription (订阅号): one mass send per China calendar day, whatever its audience.
- service (服务号): four per calendar month *per follower*. A follower has at most one region,
  so a follower of 湖北 has received `all + region:湖北` sends this month; a send to everyone
  is allowed while the busiest region is under the limit, a region send while its own is.
  Besides, a service account may send to everyone (`is_to_all`) successfully only once a
  China calendar day, so a second send to all on one day is refused even with months to spare.

A job holds its slot as `quota_period`: 'day:2026-11-28', 'month:2026-11', or for a service
account's send to everyone 'month:2026-11|day:2026-11-28' (both counters), given back whole.
"""

from __future__ import annotations

from dataclasses import dataclass

import redis

from bot.platform.china_time import china_day, china_month

LIMITS = {"subscription": 1, "service": 4}
PERIOD_TTL = {"subscription": 3 * 86400, "service": 40 * 86400}  # counters are ephemeral

# KEYS: the period's counter hash, the day's send-to-all counter (service accounts).
# ARGV: account type, limit, target field, ttl, dry run.
# Returns {1, used_after} when a slot was taken (or, dry, would be), {0, used} when the period
# is full, {-1, 1} when a service account already sent to everyone today.
_RESERVE = """
local kind, limit, target = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local h = redis.call('HGETALL', KEYS[1])
local all, busiest, this, total = 0, 0, 0, 0
for i = 1, #h, 2 do
  local v = tonumber(h[i + 1])
  total = total + v
  if h[i] == 'all' then all = v else
    if v > busiest then busiest = v end
    if h[i] == target then this = v end
  end
end
local used
if kind == 'subscription' then used = total
elseif target == 'all' then used = all + busiest
else used = all + this end
if used >= limit then return {0, used} end
local daily = kind == 'service' and target == 'all'
if daily and tonumber(redis.call('GET', KEYS[2]) or '0') >= 1 then return {-1, 1} end
if ARGV[5] == '1' then return {1, used} end
redis.call('HINCRBY', KEYS[1], target, 1)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
if daily then
  redis.call('INCR', KEYS[2])
  redis.call('EXPIRE', KEYS[2], 3 * 86400)
end
return {1, used + 1}
"""


@dataclass(frozen=True)
class QuotaCheck:
    """The outcome of a reservation."""

    ok: bool
    used: int
    limit: int
    period: str  # 'day:2026-11-28', 'month:2026-11' or 'month:2026-11|day:2026-11-28'
    message: str = ""


class Quota:
    """Counts mass sends per period in Redis and refuses the one over the limit."""

    def __init__(self, client: redis.Redis, prefix: str, account_type: str) -> None:
        self.redis = client
        self.base = prefix + "{bc}:quota:"
        self.kind = account_type
        self.limit = LIMITS[account_type]
        self._reserve = client.register_script(_RESERVE)

    def period(self, now: float) -> str:
        """The counting period that `now` falls in."""
        if self.kind == "subscription":
            return "day:" + china_day(now)
        return "month:" + china_month(now)

    @staticmethod
    def field(target: str) -> str:
        """The counter field of an audience: 'all' or 'region:湖北'."""
        return "all" if target == "all" else "region:" + target

    def _all_day_key(self, day: str) -> str:
        return self.base + "all_day:" + day

    def reserve(self, target: str, now: float, dry_run: bool = False) -> QuotaCheck:
        """Take one send slot for `target` ('all' or a region), or explain why not."""
        period = self.period(now)
        day = china_day(now)
        ok, used = self._reserve(
            keys=[self.base + period, self._all_day_key(day)],
            args=[self.kind, self.limit, self.field(target), PERIOD_TTL[self.kind],
                  "1" if dry_run else "0"],
        )
        if ok == 1:
            if self.kind == "service" and target == "all":
                period = f"{period}|day:{day}"
            return QuotaCheck(True, int(used), self.limit, period)
        if ok == -1:
            return QuotaCheck(False, 1, 1, period,
                              f"服务号每天只能成功群发给全部粉丝 1 次，今天（{day}，北京时间）"
                              "已经发过；可以改发给某个地区，或明天再发")
        if self.kind == "subscription":
            msg = (f"订阅号每天只能群发 {self.limit} 次，"
                   f"{period[4:]}（北京时间）的额度已用完，请换一天再发")
        else:
            who = "全部粉丝" if target == "all" else f"{target}的粉丝"
            msg = (f"服务号每位粉丝每月最多收到 {self.limit} 次群发，"
                   f"{who}本月（{period[6:]}）已收到 {used} 次，不能再发")
        return QuotaCheck(False, int(used), self.limit, period, msg)

    def peek(self, target: str, when: float) -> QuotaCheck:
        """Whether a send at `when` would fit, taking nothing (for scheduling)."""
        return self.reserve(target, when, dry_run=True)

    def release(self, target: str, period: str) -> None:
        """Give back a slot taken for a send WeChat refused (or that reached nobody)."""
        for part in period.split("|"):
            if part.startswith("day:") and self.kind == "service":
                key = self._all_day_key(part[4:])
                if self.redis.decr(key) < 0:
                    self.redis.set(key, 0, ex=3 * 86400)
                continue
            key = self.base + part
            if self.redis.hincrby(key, self.field(target), -1) < 0:
                self.redis.hset(key, self.field(target), 0)

    def sent_to_all_today(self, now: float) -> bool:
        """Whether a service account has used today's send to everyone."""
        return int(self.redis.get(self._all_day_key(china_day(now))) or 0) > 0

    def usage(self, now: float) -> dict[str, int]:
        """The counters of the current period (for `broadcast status`)."""
        raw = self.redis.hgetall(self.base + self.period(now))
        return {k.decode(): int(v) for k, v in raw.items()}
