"""Broadcast jobs in Redis: the record, its state machine, claiming and the finish event.

A job is one hash `{prefix}{bc}:job:<id>` that never expires. States:

    scheduled --(due)--> running --> submitted --(MASSSENDJOBFINISH)--> finished | failed
    pending ----------->    |    --> confirming (群发保护: an administrator must confirm a
                            |         send to everyone within 30 minutes) --> the same event
                            |    --> previewed              (preview jobs end here)
                            |    --> failed | refused       (WeChat error / quota)
    running with an expired lease (the worker died) is claimable again and resumes from the
    last recorded step; the clientmsgid makes a repeated sendall a no-op at WeChat.

Every key shares the `{bc}` hash tag, so the Lua scripts may touch several of them.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass, fields
from datetime import datetime

import redis

from bot.broadcasts.report import status_text
from bot.platform.china_time import CHINA, fmt_ts
from bot.platform.scrub import scrub

OPEN = ("scheduled", "pending", "running")
DONE = ("previewed", "submitted", "confirming", "finished", "failed", "refused")
CONFIRM_WINDOW = 30 * 60  # 群发保护: the administrator has 30 minutes to confirm

# KEYS: job, due zset. ARGV: now, lease_until, worker. 1 when this caller now runs the job.
_CLAIM = """
local st = redis.call('HGET', KEYS[1], 'status')
local now = tonumber(ARGV[1])
if st == 'pending' or st == 'scheduled' then
  if tonumber(redis.call('HGET', KEYS[1], 'due_at') or '0') > now then return 0 end
elseif st == 'running' then
  if tonumber(redis.call('HGET', KEYS[1], 'lease_until') or '0') > now then return 0 end
else
  redis.call('ZREM', KEYS[2], redis.call('HGET', KEYS[1], 'id') or '')
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'running', 'lease_until', ARGV[2], 'worker', ARGV[3],
           'updated_at', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'runs', 1)
return 1
"""


@dataclass
class Job:
    """One broadcast (or preview) as staff see it."""

    id: str
    kind: str  # 'send' or 'preview'
    article_id: str
    title: str = ""
    target: str = "all"  # 'all' or a region name
    preview_openid: str = ""
    status: str = "pending"
    error: str = ""
    created_at: float = 0.0
    due_at: float = 0.0
    updated_at: float = 0.0
    lease_until: float = 0.0
    worker: str = ""
    runs: int = 0
    cover_media_id: str = ""
    cover_source: str = ""  # 'article' or 'default'
    draft_media_id: str = ""
    sending_draft: str = ""  # the draft a sendall was handed that may have consumed it
    tag_id: str = ""
    clientmsgid: str = ""
    quota_period: str = ""  # set once a quota slot is held for this job
    msg_id: str = ""
    msg_data_id: str = ""
    wechat_status: str = ""
    confirm_by: float = 0.0  # 群发保护: when the administrator's 30 minutes end
    copyright_state: int = 0  # CopyrightCheckResult.CheckState (0: no result yet)
    copyright: str = ""  # the reprint check's outcome for staff, in Chinese
    article_url: str = ""  # the sent article's address (ArticleUrlResult)
    total: int = 0
    filtered: int = 0
    sent: int = 0
    errors: int = 0
    finished_at: float = 0.0

    def to_dict(self) -> dict:
        """JSON for staff: the record plus readable local (China) times."""
        out = asdict(self)
        out.pop("sending_draft")
        for name in ("created_at", "due_at", "updated_at", "finished_at"):
            out[name.replace("_at", "_time")] = fmt_ts(getattr(self, name))
        out["confirm_by_time"] = fmt_ts(self.confirm_by) if self.confirm_by else ""
        out["status_text"] = status_text(self.status)
        return out


_TYPES = {f.name: f.type for f in fields(Job)}


def _decode(raw: dict) -> Job:
    values = {}
    for k, v in raw.items():
        name = k.decode()
        if name not in _TYPES:
            continue
        text = v.decode("utf-8")
        kind = _TYPES[name]
        values[name] = int(text or 0) if kind == "int" else (
            float(text or 0) if kind == "float" else text)
    return Job(**values)


def new_job_id(now: float) -> str:
    """'20261128-0915-a1b2c3': sortable, readable, and unique without a counter."""
    stamp = datetime.fromtimestamp(now, CHINA).strftime("%Y%m%d-%H%M")
    return f"{stamp}-{secrets.token_hex(3)}"


class BroadcastStore:
    """Durable broadcast jobs (no TTL) with atomic claiming for workers."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.redis = client
        self.base = prefix + "{bc}:"
        self.all_key = self.base + "jobs"  # zset id -> created_at
        self.due_key = self.base + "due"  # zset id -> due_at, while the job is open
        self.confirming_key = self.base + "confirming"  # zset id -> confirm_by (群发保护)
        self._claim = client.register_script(_CLAIM)

    def job_key(self, job_id: str) -> str:
        """The hash key of one job."""
        return self.base + "job:" + job_id

    def msg_key(self, msg_id: str) -> str:
        """WeChat msg_id -> job id (for MASSSENDJOBFINISH)."""
        return self.base + "msg:" + str(msg_id)

    def create(self, job: Job) -> Job:
        """Store a new job and queue it for its due time."""
        now = time.time()
        job.created_at = job.created_at or now
        job.updated_at = now
        job.due_at = job.due_at or now
        job.status = "scheduled" if job.due_at > now else "pending"
        job.clientmsgid = job.clientmsgid or f"jyq-bc-{job.id}"
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(self.job_key(job.id), mapping=_encode(asdict(job)))
            pipe.zadd(self.all_key, {job.id: job.created_at})
            pipe.zadd(self.due_key, {job.id: job.due_at})
            pipe.execute()
        return job

    def get(self, job_id: str) -> Job | None:
        """The job, or None when there is no such id."""
        raw = self.redis.hgetall(self.job_key(job_id))
        return _decode(raw) if raw else None

    def update(self, job_id: str, **values) -> None:
        """Record progress on a job; closing states also leave the due queue."""
        values["updated_at"] = time.time()
        if "error" in values:  # job records have no TTL: no credential may ever land in one
            values["error"] = scrub(values["error"])
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(self.job_key(job_id), mapping=_encode(values))
            if values.get("status") in DONE:
                pipe.zrem(self.due_key, job_id)
            if values.get("status") == "confirming":
                pipe.zadd(self.confirming_key, {job_id: float(values.get("confirm_by") or 0)})
            elif values.get("status") is not None:
                pipe.zrem(self.confirming_key, job_id)
            if values.get("msg_id"):
                pipe.set(self.msg_key(values["msg_id"]), job_id)
            pipe.execute()

    def requeue(self, job_id: str, due_at: float, reason: str) -> None:
        """Put a job back in the queue for `due_at` (it resumes from its recorded steps)."""
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(self.job_key(job_id), mapping=_encode(
                {"status": "scheduled", "due_at": due_at, "error": scrub(reason),
                 "lease_until": 0, "updated_at": time.time()}))
            pipe.zadd(self.due_key, {job_id: due_at})
            pipe.execute()

    def claim(self, job_id: str, worker: str, lease: float, now: float | None = None) -> bool:
        """Atomically take a due job (or one whose runner's lease ran out); True if ours."""
        now = time.time() if now is None else now
        got = self._claim(keys=[self.job_key(job_id), self.due_key],
                          args=[repr(now), repr(now + lease), worker])
        return bool(got)

    def due_ids(self, now: float | None = None, limit: int = 20) -> list[str]:
        """Ids of open jobs whose time has come (claim them before running)."""
        now = time.time() if now is None else now
        ids = self.redis.zrangebyscore(self.due_key, "-inf", now, start=0, num=limit)
        return [i.decode() for i in ids]

    def recent(self, limit: int = 20) -> list[Job]:
        """The newest jobs first."""
        ids = self.redis.zrevrange(self.all_key, 0, limit - 1)
        jobs = (self.get(i.decode()) for i in ids)
        return [j for j in jobs if j is not None]

    def confirming_ids(self, until: float) -> list[str]:
        """Jobs waiting for 群发保护 whose confirmation time ended by `until`."""
        return [i.decode() for i in self.redis.zrangebyscore(self.confirming_key, "-inf", until)]

    def job_for_msg(self, msg_id: str) -> str | None:
        """The job that WeChat's msg_id belongs to."""
        raw = self.redis.get(self.msg_key(msg_id))
        return raw.decode() if raw else None

    def record_finish(self, msg_id: str, status: str, total: int, filtered: int, sent: int,
                      errors: int, error: str = "", **extra) -> Job | None:
        """Apply a MASSSENDJOBFINISH event; None when the msg_id is not one of ours.

        `error` explains a failed send for staff; `extra` are further job fields (the reprint
        check's outcome, the article's address).
        """
        job_id = self.job_for_msg(msg_id)
        if job_id is None:
            return None
        ok = status.strip().lower() == "send success"
        self.update(job_id, status="finished" if ok else "failed", wechat_status=status,
                    total=total, filtered=filtered, sent=sent, errors=errors,
                    finished_at=time.time(), **extra,
                    **({} if ok else {"error": error or f"微信群发结果：{status}"}))
        return self.get(job_id)


def _encode(values: dict) -> dict:
    return {k: ("" if v is None else str(v)) for k, v in values.items()}
