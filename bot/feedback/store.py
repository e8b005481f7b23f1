"""The feedback store: records written once, atomically and durably, before anyone is thanked.

Every key shares the `{feedback}` hash tag, so one Lua script can write the record, its indexes,
the ticket counter, the follower's hourly window and the idempotency key together: after a crash
either all of them are in the append-only file or none is. Records and indexes have no TTL.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime

import redis

from bot.feedback.durability import durability_risk
from bot.feedback.record import CST, STATUSES, FeedbackRecord, Refused, as_str, china_time
from bot.feedback.replication import ReplicaAck
from config.texts import intent_table

log = logging.getLogger("bot.feedback")

WINDOW_MS = 3600 * 1000  # the follower's limit counts the last hour
DEDUP_TTL = 2 * 24 * 3600  # far beyond WeChat's retries (three tries within 15 s)
DAY_SEQ_TTL = 3 * 24 * 3600  # the per-day ticket counter is only needed on its own day

# KEYS: dedup, rate window, day counter, record, by-time index, status:new index, ticket map,
#       the follower's records (by_openid, so unsubscribing finds them), the id the
#       by_openid index starts at (records before it predate the index)
# ARGV: id, now_ms, window_ms, limit, ticket prefix, openid, text, media, created_at,
#       dedup_ttl, day_ttl, member, dedup_key
_SUBMIT = """
local existing = redis.call('GET', KEYS[1])
if existing then
  -- A write, so that a WAIT after this script covers the first try's record too.
  redis.call('EXPIRE', KEYS[1], ARGV[10])
  return {'dup', existing}
end
local now = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - tonumber(ARGV[3])))
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return {'limited', ''} end
local ticket
repeat
  local n = redis.call('INCR', KEYS[3])
  ticket = ARGV[5] .. string.format('%04d', n)
until redis.call('HSETNX', KEYS[7], ticket, ARGV[1]) == 1
redis.call('EXPIRE', KEYS[3], ARGV[11])
redis.call('HSET', KEYS[4], 'id', ARGV[1], 'ticket', ticket, 'openid', ARGV[6],
  'text', ARGV[7], 'media', ARGV[8], 'created_at', ARGV[9], 'created_ms', ARGV[2],
  'status', 'new', 'replies', '[]', 'dedup_key', ARGV[13])
redis.call('ZADD', KEYS[5], now, ARGV[12])
redis.call('ZADD', KEYS[6], now, ARGV[12])
redis.call('ZADD', KEYS[2], now, ARGV[12])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('SADD', KEYS[8], ARGV[1])
redis.call('SETNX', KEYS[9], ARGV[1])
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[10])
return {'new', ARGV[1]}
"""

# KEYS: record, status:new, status:replied, status:done. ARGV: member, target status,
# reply JSON ('' for none), only_from ('' or the one status the change may start from)
_UPDATE = """
local cur = redis.call('HGET', KEYS[1], 'status')
if not cur then return nil end
local target = ARGV[2]
if ARGV[4] ~= '' and cur ~= ARGV[4] then target = cur end
if ARGV[3] ~= '' then
  local replies = redis.call('HGET', KEYS[1], 'replies')
  if replies == '[]' then replies = '[' .. ARGV[3] .. ']'
  else replies = string.sub(replies, 1, -2) .. ',' .. ARGV[3] .. ']' end
  redis.call('HSET', KEYS[1], 'replies', replies)
end
if target ~= cur then
  local score = redis.call('HGET', KEYS[1], 'created_ms')
  for i = 2, 4 do redis.call('ZREM', KEYS[i], ARGV[1]) end
  local idx = {new = KEYS[2], replied = KEYS[3], done = KEYS[4]}
  redis.call('ZADD', idx[target], score, ARGV[1])
  redis.call('HSET', KEYS[1], 'status', target)
end
return target
"""


def member(record_id: int) -> str:
    """The index member of a record: zero-padded so equal timestamps still sort by id."""
    return f"{record_id:012d}"


class FeedbackStore:
    """Durable feedback storage on Redis; implements handlers.context.FeedbackSink."""

    def __init__(self, client: redis.Redis, prefix: str, per_hour: int = 5) -> None:
        self.r = client
        self.prefix = prefix
        self.per_hour = per_hour
        self._submit = client.register_script(_SUBMIT)
        self._update = client.register_script(_UPDATE)
        self._ack = ReplicaAck(client)  # a ticket is thanked for once a replica has it

    def key(self, *parts: str) -> str:
        """A key of this store: '<prefix>{feedback}:<parts>'."""
        return self.prefix + ":".join(("{feedback}",) + parts)

    def submit(
        self, openid: str, dedup_key: str, text: str, media: dict | None,
        now: datetime | None = None,
    ) -> FeedbackRecord | Refused:
        """Store one message exactly once per dedup key; a retry returns the first record."""
        moment = china_time(now)
        record_id = self.r.incr(self.key("id"))
        # Without a dedup key the message cannot be recognised on retry: give it a unique one.
        dedup = dedup_key or f"id:{record_id}"
        limit = self.per_hour if self.per_hour > 0 else 2**31
        outcome, found = self._ack.run(
            self._submit,
            keys=[
                self.key("dedup", dedup), self.key("rate", openid),
                self.key("seq", moment.strftime("%Y%m%d")), self.key("rec", str(record_id)),
                self.key("by_time"), self.key("status", "new"), self.key("tickets"),
                self.key("by_openid", openid), self.key("by_openid_from"),
            ],
            args=[
                record_id, int(moment.timestamp() * 1000), WINDOW_MS, limit,
                moment.strftime("FK-%Y%m%d-"), openid, text,
                json.dumps(media, ensure_ascii=False) if media else "",
                moment.isoformat(timespec="seconds"), DEDUP_TTL, DAY_SEQ_TTL,
                member(record_id), dedup_key,
            ],
        )
        outcome = as_str(outcome)  # bytes, unless the client decodes responses
        if outcome == "limited":
            return Refused(reason="limited", limit=self.per_hour)
        record = self.get(int(found))
        if record is None:  # the dedup key outlived its record: only a manual delete does that
            raise LookupError(f"feedback {int(found)} is missing")
        record.duplicate = outcome == "dup"
        return record

    def get(self, ref: int | str) -> FeedbackRecord | None:
        """The record with this id, or with this ticket (FK-…); None when there is none."""
        record_id = self.resolve(ref)
        if record_id is None:
            return None
        raw = self.r.hgetall(self.key("rec", str(record_id)))
        return FeedbackRecord.from_hash(raw) if raw else None

    def get_many(self, ids: list[int]) -> list[FeedbackRecord]:
        """The records of `ids`, in that order, skipping any that do not exist."""
        pipe = self.r.pipeline(transaction=False)
        for record_id in ids:
            pipe.hgetall(self.key("rec", str(record_id)))
        return [FeedbackRecord.from_hash(raw) for raw in pipe.execute() if raw]

    def resolve(self, ref: int | str) -> int | None:
        """The id that `ref` (an id or a ticket) names, without checking that it exists."""
        text = str(ref).strip()
        if text.isdigit():
            return int(text)
        found = self.r.hget(self.key("tickets"), text.upper())
        return int(found) if found else None

    def add_reply(self, ref: int | str, text: str, now: datetime | None = None,
                  by: str = "staff") -> FeedbackRecord | None:
        """Record a reply sent to the follower; a new ticket becomes 'replied'."""
        reply = {"text": text, "at": china_time(now).isoformat(timespec="seconds"), "by": by}
        return self._change(ref, "replied", json.dumps(reply, ensure_ascii=False), "new")

    def set_status(self, ref: int | str, status: str) -> FeedbackRecord | None:
        """Move a record to `status` (new, replied or done); None when it does not exist."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        return self._change(ref, status, "", "")

    def _change(self, ref: int | str, target: str, reply: str, only_from: str):
        record_id = self.resolve(ref)
        if record_id is None:
            return None
        keys = [self.key("rec", str(record_id))] + [self.key("status", s) for s in STATUSES]
        if self._update(keys=keys, args=[member(record_id), target, reply, only_from]) is None:
            return None
        return self.get(record_id)


def build_store(client: redis.Redis, prefix: str, extra: dict) -> FeedbackStore:
    """The app's store: the hourly limit from intents.toml, or `feedback_per_hour` in extra."""
    per_hour = extra.get("feedback_per_hour", intent_table("feedback")["per_hour"])
    risk = durability_risk(client)
    if risk:
        log.warning("feedback durability: %s", risk)
    return FeedbackStore(client, prefix, per_hour=int(per_hour))


__all__ = ["CST", "FeedbackStore", "FeedbackRecord", "Refused", "durability_risk", "member"]
