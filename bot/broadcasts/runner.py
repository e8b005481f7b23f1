"""Running a broadcast job: quota, cover, draft, then preview or sendall, resumable at each step.

Each step's result is written to the job before the next step starts, so a run that dies is
resumed by the next claimer from where it stopped. A draft that has been mass-sent leaves the
draft box (新增草稿: "被群发或发布后，该素材将从草稿箱中移除",
https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add.html), so a
run never re-uses a draft it may have handed to sendall: the job notes that draft first
(`sending_draft`), and a resumed run deletes it (if still there) and makes a fresh one. The
sendall carries the job's clientmsgid: if the earlier sendall did go out, WeChat answers the
repeat 45065 with the earlier msg_id (or 45066 within a minute: the job waits and tries again),
and nothing is delivered twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from bot.audience.region_tags import RegionTags
from bot.broadcasts import draft as article_draft
from bot.broadcasts.jobs import CONFIRM_WINDOW, BroadcastStore, Job
from bot.broadcasts.quotas import Quota
from bot.platform.safe_fetch import SafeFetcher
from bot.wechat.api import BotWeChatClient
from bot.wechat.errors import API_OFF, RETRY_AFTER_A_MINUTE, WeChatAPIError
from config.settings import BROADCAST_RETRY_DELAYS
from knowledge import Article, KnowledgeBase

log = logging.getLogger("bot.broadcasts")

MAX_RUNS = 5  # a job claimed this often without finishing is given up
REQUEUE_DELAY = 61.0  # WeChat asks for a minute between tries of one clientmsgid (45066)
BACKGROUND_DELAY = 30.0  # a job a staff request could not finish waits this long for `worker`


class JobRunner:
    """Executes claimed jobs against the WeChat API."""

    def __init__(self, store: BroadcastStore, quota: Quota, api: BotWeChatClient,
                 kb: KnowledgeBase, tags: RegionTags | None,
                 retry_delays: tuple[float, ...] = BROADCAST_RETRY_DELAYS,
                 sleep: Callable[[float], None] = time.sleep,
                 fetcher: SafeFetcher | None = None, ignore_reprint: bool = False,
                 mass_protection: bool = False, hand_over: bool = False) -> None:
        # hand_over: inside a staff request, a transient failure hands the job to `worker`
        # instead of sleeping through retries in a web worker followers also need.
        self.hand_over = hand_over
        self.ignore_reprint = ignore_reprint  # WECHAT_SEND_IGNORE_REPRINT
        self.mass_protection = mass_protection  # WECHAT_MASS_PROTECTION
        self.store = store
        self.fetcher = fetcher or SafeFetcher()
        self.quota = quota
        self.api = api
        self.kb = kb
        self.tags = tags
        self.retry_delays = tuple(retry_delays)
        self.sleep = sleep

    def call(self, what: str, fn: Callable[[], Any]) -> Any:
        """Call WeChat, retrying transient errors with backoff (bounded)."""
        for attempt, delay in enumerate((*self.retry_delays, None), start=1):
            try:
                return fn()
            except WeChatAPIError as exc:
                if not exc.transient or delay is None:
                    raise
                log.warning("%s: %s (attempt %d); retrying in %.2fs", what, exc, attempt, delay)
                self.sleep(delay)
        raise AssertionError("unreachable")

    def execute(self, job: Job, now: float) -> Job:
        """Run a job this process has claimed; returns it in its new state."""
        if job.runs > MAX_RUNS:
            self._fail(job, f"任务已尝试 {job.runs - 1} 次仍未完成，已停止；请检查日志后重新提交")
            return self.store.get(job.id)
        if self.api is None:
            self._fail(job, API_OFF + "，无法群发")
            return self.store.get(job.id)
        article = self._article(job)
        if article is None:
            return self.store.get(job.id)
        if job.kind == "send" and not job.quota_period:
            check = self.quota.reserve(job.target, now)
            if not check.ok:
                self.store.update(job.id, status="refused", error=check.message)
                log.info("job %s refused: %s", job.id, check.message)
                return self.store.get(job.id)
            job.quota_period = check.period
            self.store.update(job.id, quota_period=check.period)
        sending = False
        try:
            self._cover(job, article)
            self._draft(job, article)
            if job.kind == "preview":
                self._preview(job)
            else:
                sending = True
                self._sendall(job, article, now)
        except WeChatAPIError as exc:
            if self.hand_over and exc.transient:
                # resuming is safe even after sendall: the same clientmsgid is sent again
                self.store.requeue(job.id, now + BACKGROUND_DELAY,
                                   f"{exc.message}；任务已转入后台，由 worker 稍后自动重试")
                log.info("job %s: %s; handed over to the worker", job.id, exc.message)
                return self.store.get(job.id)
            if exc.errcode == RETRY_AFTER_A_MINUTE:
                # WeChat saw this clientmsgid moments ago; the job is safe to resume later.
                self.store.requeue(job.id, now + REQUEUE_DELAY, exc.message)
                log.info("job %s: %s; requeued", job.id, exc.message)
                return self.store.get(job.id)
            # A transient error at sendall may still have been accepted: keep the slot.
            keep_slot = sending and exc.transient
            self._fail(job, exc.message, release=not keep_slot)
        except (KeyError, TypeError, ValueError) as exc:  # an answer without media_id etc.
            log.exception("job %s: unexpected answer from WeChat", job.id)
            self._fail(job, f"微信返回了无法识别的应答（{type(exc).__name__}: {exc}）",
                       release=not sending)
        return self.store.get(job.id)

    def _article(self, job: Job) -> Article | None:
        try:
            article = self.kb.get(job.article_id)
        except KeyError:
            article = None
        if article is None:
            self._fail(job, f"知识库里没有文章 {job.article_id}")
        return article

    def _fail(self, job: Job, message: str, release: bool = True) -> None:
        if release and job.kind == "send" and job.quota_period:
            self.quota.release(job.target, job.quota_period)
            job.quota_period = ""
        self.store.update(job.id, status="failed", error=message, quota_period=job.quota_period)
        log.warning("job %s failed: %s", job.id, message)

    def _cover(self, job: Job, article: Article) -> None:
        if job.cover_media_id:
            return
        cover = article_draft.fetch_cover(getattr(article, "cover", "") or "", self.fetcher)
        source = "article" if cover else "default"
        name, data, mime = cover or article_draft.default_cover()
        res = self.call("cover upload", lambda: self.api.post(
            "material/add_material", params={"type": "image"},
            files={"media": (name, data, mime)}))
        job.cover_media_id = res["media_id"]
        self.store.update(job.id, cover_media_id=job.cover_media_id, cover_source=source)

    def _draft(self, job: Job, article: Article, fresh: bool = False) -> None:
        """Make the job's draft, unless it has one that no sendall may have consumed."""
        if job.draft_media_id and job.sending_draft != job.draft_media_id and not fresh:
            return
        if job.draft_media_id:  # possibly sent (and so gone): never depend on it
            self._drop_draft(job.draft_media_id)
        body = {"articles": [article_draft.draft_article(article, job.cover_media_id)]}
        res = self.call("draft/add", lambda: self.api.post("draft/add", data=body))
        job.draft_media_id, job.sending_draft = res["media_id"], ""
        self.store.update(job.id, draft_media_id=job.draft_media_id, sending_draft="")

    def _drop_draft(self, media_id: str) -> None:
        """Delete a draft we will not send, so the account's draft box does not fill up."""
        try:
            self.api.post("draft/delete", data={"media_id": media_id})
        except WeChatAPIError as exc:  # 40007: already gone (sent, or deleted by hand)
            log.info("draft %s not deleted: %s", media_id, exc.message)

    def _preview(self, job: Job) -> None:
        body = {"touser": job.preview_openid, "mpnews": {"media_id": job.draft_media_id},
                "msgtype": "mpnews"}
        res = self.call("mass/preview", lambda: self.api.post("message/mass/preview", data=body))
        self.store.update(job.id, status="previewed", msg_id=str(res.get("msg_id", "")),
                          finished_at=time.time())

    def _sendall(self, job: Job, article: Article, now: float) -> None:
        if job.target == "all":
            flt: dict = {"is_to_all": True}
        else:
            if not job.tag_id:
                job.tag_id = str(self.call("region tag", lambda: self.tags.tag_id(job.target)))
                self.store.update(job.id, tag_id=job.tag_id)
            flt = {"is_to_all": False, "tag_id": int(job.tag_id)}
        for attempt in (1, 2):
            res = self._sendall_once(job, flt)
            if res is not None:
                break
            if attempt == 2:
                raise WeChatAPIError(40007, "invalid media_id")
            # 40007: the draft left the box (sent, or deleted in the console): a fresh one.
            self._draft(job, article, fresh=True)
        fields: dict = {"status": "submitted", "msg_id": str(res.get("msg_id", "")),
                        "msg_data_id": str(res.get("msg_data_id", "")), "error": ""}
        if self.mass_protection and job.target == "all":
            # 群发保护: WeChat waits up to 30 minutes for an administrator to confirm.
            fields.update(status="confirming", confirm_by=now + CONFIRM_WINDOW)
        self.store.update(job.id, **fields)

    def _sendall_once(self, job: Job, flt: dict) -> dict | None:
        """One sendall with the job's draft; None when WeChat no longer has that draft."""
        body = {"filter": flt, "mpnews": {"media_id": job.draft_media_id}, "msgtype": "mpnews",
                "send_ignore_reprint": 1 if self.ignore_reprint else 0,
                "clientmsgid": job.clientmsgid}
        job.sending_draft = job.draft_media_id  # from here on the draft may be consumed
        self.store.update(job.id, sending_draft=job.sending_draft)
        try:
            return self.call("mass/sendall",
                             lambda: self.api.post("message/mass/sendall", data=body))
        except WeChatAPIError as exc:
            if exc.errcode == 45065:
                # Our own earlier attempt went out (the run died before recording it); the
                # draft made for this attempt was not used.
                res = _json(exc)
                log.info("job %s: sendall already accepted earlier (msg_id %s)", job.id,
                         res.get("msg_id"))
                self._drop_draft(job.draft_media_id)
                return res
            if not exc.transient:  # a definite refusal: the draft was not consumed
                job.sending_draft = ""
                self.store.update(job.id, sending_draft="")
            if exc.errcode == 40007:
                return None
            raise


def _json(exc: WeChatAPIError) -> dict:
    """The JSON body of the response behind an error (45065 carries the earlier msg_id)."""
    try:
        return exc.response.json() if exc.response is not None else {}
    except ValueError:
        return {}
