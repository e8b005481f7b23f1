"""What staff ask for (CLI and staff API alike): preview, send now or later, status, workers."""

from __future__ import annotations

import copy
import logging
import os
import socket
import time

from bot.audience.region_tags import RegionTags, check_region
from bot.broadcasts.jobs import BroadcastStore, Job, new_job_id
from bot.broadcasts.quotas import Quota
from bot.broadcasts.report import PROTECTION_FAILED, copyright_summary
from bot.broadcasts.runner import JobRunner
from bot.platform.china_time import fmt_ts, parse_local
from bot.platform.safe_fetch import SafeFetcher
from bot.services import Services
from bot.wechat.errors import API_OFF, WeChatAPIError
from knowledge import Article

log = logging.getLogger("bot.broadcasts")

INLINE_TIMEOUT = 5.0  # seconds per WeChat API call made while a staff request waits


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
                      errors: int, check: dict | None = None) -> Job | None:
        """Close the job WeChat's msg_id belongs to; None when it is not ours.

        `check` is the event's reprint check and article addresses ({"check_state",
        "items", "article_urls"}); its outcome reaches the job in Chinese. A send that
        reached nobody (stopped by the reprint check, refused under 群发保护) gives its
        quota slot back.
        """
        job_id = self.store.job_for_msg(msg_id)
        before = self.store.get(job_id) if job_id else None
        if before is None:
            return None
        check = check or {}
        state = int(check.get("check_state") or 0)
        summary = copyright_summary(state, check.get("items") or [],
                                    self.services.settings.wechat_send_ignore_reprint)
        error = ""
        if state == 3:
            error = "群发被微信原创校验拦截。" + summary
        elif before.status == "confirming" and status.strip().lower() != "send success":
            error = PROTECTION_FAILED
        urls = check.get("article_urls") or []
        job = self.store.record_finish(msg_id, status, total, filtered, sent, errors,
                                       error=error, copyright_state=state, copyright=summary,
                                       article_url=urls[0] if urls else before.article_url)
        if job is not None and job.status == "failed" and not sent:
            self._give_back(job)
        return self.store.get(job_id)

    def _give_back(self, job: Job) -> None:
        """Release the quota slot of a send that reached nobody."""
        if job.kind == "send" and job.quota_period:
            self.quota.release(job.target, job.quota_period)
            self.store.update(job.id, quota_period="")

    def check_confirming(self, now: float | None = None, grace: float = 120.0) -> list[Job]:
        """Ask WeChat about jobs whose 群发保护 time ran out without an event (worker tick)."""
        now = time.time() if now is None else now
        changed = []
        for job_id in self.store.confirming_ids(now - grace):
            job = self.store.get(job_id)
            if job is None or job.status != "confirming" or self.services.api is None:
                continue
            try:
                res = self.services.api.post("message/mass/get", data={"msg_id": job.msg_id})
            except WeChatAPIError as exc:
                log.warning("job %s: mass/get failed: %s", job.id, exc.message)
                continue
            if res.get("msg_status") == "SEND_FAIL":
                self.store.update(job.id, status="failed", error=PROTECTION_FAILED,
                                  wechat_status="SEND_FAIL", finished_at=now)
                self._give_back(job)
            elif res.get("msg_status") == "SEND_SUCCESS":  # confirmed; the event will follow
                self.store.update(job.id, status="submitted")
            else:
                continue
            changed.append(self.store.get(job.id))
        return changed

    def request(self, article_id: str, *, send_all: bool = False, region: str | None = None,
                preview_openid: str | None = None, send_at: str | None = None,
                web: bool = False) -> Job:
        """Validate and create a job; run it at once unless scheduled. BroadcastError if bad.

        `web`: the caller is a web request (see `runner`); the CLI may wait out retries.
        """
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
            return self.run(job.id, inline=web) or job
        return job

    def _article(self, article_id: str) -> Article:
        try:
            article = self.services.kb.get(article_id)
        except KeyError:
            article = None
        if article is None:
            raise BroadcastError(f"article_id：知识库里没有文章 {article_id}")
        return article

    def runner(self, inline: bool = False) -> JobRunner:
        """A runner bound to the app's API client and knowledge base.

        `inline` (a staff request waiting for the answer): short API timeouts and no retries;
        a transient failure leaves the job to `worker`, so a WeChat outage never holds a
        web worker that followers' messages need.
        """
        settings = self.services.settings
        api = self.services.api
        if inline and api is not None:
            api = copy.copy(api)
            api.timeout = min(api.timeout or INLINE_TIMEOUT, INLINE_TIMEOUT)
        return JobRunner(self.store, self.quota, api, self.services.kb,
                         self.tags, retry_delays=() if inline else self.retry_delays,
                         fetcher=self.fetcher, ignore_reprint=settings.wechat_send_ignore_reprint,
                         mass_protection=settings.wechat_mass_protection, hand_over=inline)

    def run(self, job_id: str, now: float | None = None, inline: bool = False) -> Job | None:
        """Claim and run one job; None when someone else holds it (or it is not due)."""
        now = time.time() if now is None else now
        if not self.store.claim(job_id, self.worker_id, self.lease, now):
            return None
        return self.runner(inline).execute(self.store.get(job_id), now)

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
                "period": self.quota.period(now), "used": self.quota.usage(now),
                "all_today": self.quota.sent_to_all_today(now)}
