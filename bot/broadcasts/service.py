"""What staff ask for (CLI and staff API alike): preview, send now or later, status, workers."""

from __future__ import annotations

import logging
import os
import socket
import time
from typing import Any

from bot.audience.region_tags import RegionTags, check_region
from bot.broadcasts.jobs import BroadcastStore, Job, new_job_id
from bot.broadcasts.quotas import Quota
from bot.broadcasts.runner import JobRunner
from bot.platform.china_time import fmt_ts, parse_local
from bot.platform.safe_fetch import SafeFetcher
from bot.services import Services
from bot.wechat.errors import API_OFF

log = logging.getLogger("bot.broadcasts")


class BroadcastError(ValueError):
    """A request staff must fix; the message is Chinese and names the field."""


class QuotaRefused(BroadcastError):
    """A scheduled send whose day (or month) is already full; nothing was stored."""


class Broadcasts:
    """Creates, runs and reports broadcast jobs; one per app (`services.broadcasts`)."""

    def __init__(self, services: Services) -> None:
        settings = services.settings
        self.services = services
        self.store = BroadcastStore(services.redis, settings.key_prefix)
        self.quota = Quota(services.redis, settings.key_prefix, settings.wechat_account_type)
        self.fetcher = SafeFetcher(allow=settings.fetch_allow)
        self.lease = float(settings.broadcast_lease)
        self.retry_delays = tuple(settings.broadcast_retry_delays)
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}"
        self.tags = (RegionTags(services.api, services.redis, settings.key_prefix)
                     if services.api is not None else None)

    # MASSSENDJOBFINISH (handlers.context.MassJobs)
    def record_finish(self, msg_id: str, status: str, total: int, filtered: int, sent: int,
                      errors: int) -> Job | None:
        """Close the job WeChat's msg_id belongs to; None when it is not ours."""
        return self.store.record_finish(msg_id, status, total, filtered, sent, errors)

    def request(self, article_id: str, *, send_all: bool = False, region: str | None = None,
                preview_openid: str | None = None, send_at: str | None = None) -> Job:
        """Validate and create a job; run it at once unless scheduled. BroadcastError if bad."""
        if self.services.api is None:
            raise BroadcastError(API_OFF + "，无法群发")
        article_id = (article_id or "").strip()
        if not article_id:
            raise BroadcastError("article_id：缺少文章 ID")
        article = self._article(article_id)
        if preview_openid is not None:
            kind, target = "preview", ""
            if not preview_openid.strip():
                raise BroadcastError("preview_openid：预览需要接收人的 OpenID")
            if send_all or region or send_at:
                raise BroadcastError(
                    "预览会立即发到预览人的手机，不能同时指定 all、region 或 send_at")
        else:
            kind = "send"
            if bool(send_all) == bool(region):
                raise BroadcastError("请指定群发对象：全部粉丝（all）或一个地区（region），二选一")
            try:
                target = "all" if send_all else check_region(region)
            except ValueError as exc:
                raise BroadcastError(f"region：{exc}") from None
        now = time.time()
        due = now
        if send_at:
            try:
                due = parse_local(send_at)
            except ValueError as exc:
                raise BroadcastError(f"send_at：{exc}") from None
            if due < now - 60:
                raise BroadcastError(f"send_at：{fmt_ts(due)} 已经过去，请填写将来的时间")
            if kind == "send":
                check = self.quota.peek(target, due)  # the slot itself is taken at send time
                if not check.ok:
                    raise QuotaRefused(check.message)
        job = Job(id=new_job_id(now), kind=kind, article_id=article_id,
                  title=str(getattr(article, "title", "")), target=target,
                  preview_openid=(preview_openid or "").strip(), due_at=max(due, now))
        job = self.store.create(job)
        log.info("job %s created: %s %s -> %s at %s", job.id, kind, article_id,
                 target or job.preview_openid, fmt_ts(job.due_at))
        if job.status == "pending":
            return self.run(job.id) or job
        return job

    def _article(self, article_id: str) -> Any:
        kb = self.services.kb
        try:
            article = kb.get(article_id) if kb is not None else None
        except KeyError:
            article = None
        if article is None:
            raise BroadcastError(f"article_id：知识库里没有文章 {article_id}")
        return article

    def runner(self) -> JobRunner:
        """A runner bound to the app's API client and knowledge base."""
        return JobRunner(self.store, self.quota, self.services.api, self.services.kb,
                         self.tags, retry_delays=self.retry_delays, fetcher=self.fetcher)

    def run(self, job_id: str, now: float | None = None) -> Job | None:
        """Claim and run one job; None when someone else holds it (or it is not due)."""
        now = time.time() if now is None else now
        if not self.store.claim(job_id, self.worker_id, self.lease, now):
            return None
        return self.runner().execute(self.store.get(job_id), now)

    def run_due(self, now: float | None = None) -> list[Job]:
        """Run every due job this process manages to claim (what `worker` does each tick)."""
        done = []
        for job_id in self.store.due_ids(now):
            job = self.run(job_id, now)
            if job is not None:
                done.append(job)
        return done

    def get(self, job_id: str) -> Job | None:
        """One job."""
        return self.store.get(job_id)

    def recent(self, limit: int = 20) -> list[Job]:
        """The newest jobs."""
        return self.store.recent(limit)

    def quota_usage(self) -> dict:
        """This period's counters and the limit, for status output."""
        now = time.time()
        return {"account_type": self.quota.kind, "limit": self.quota.limit,
                "period": self.quota.period(now), "used": self.quota.usage(now)}
