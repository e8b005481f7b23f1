"""Fake message/mass/sendall and message/mass/get, with the rules WeChat documents.

Sources:
- 根据标签群发消息 (sendall: filter, send_ignore_reprint, clientmsgid, API 群发安全保护):
  https://developers.weixin.qq.com/doc/subscription/api/notify/message/api_sendall.html
- 群发接口和原创校验 (quotas, 45065 / 45066 / 45067, the reprint check, the result event):
  https://developers.weixin.qq.com/doc/service/guide/product/message/Batch_Sends.html

Modelled:
- the draft must still be in the draft box (40007 otherwise), and leaves it once sent;
- clientmsgid: the same id again within a minute answers 45066 ("retry too fast"), later
  within 24 hours 45065 with the msg_id of the send that went out; over 64 bytes 45067;
- subscription accounts: `mass_quota` accepted sends a day (45028 past it);
- service accounts: one successful send to everyone (`is_to_all`) a Beijing day (45028 for a
  second), and each follower receives at most four mass messages a calendar month: the rest
  are filtered out of the send (TotalCount vs FilterCount);
- the reprint check: an article marked with `mark_reprint` is judged a reprint; with
  `send_ignore_reprint` 0 (the default), or when the original forbids reprinting, the send
  stops (CheckState 3, Status "send fail", nobody receives it), with 1 it goes out
  (CheckState 2); the outcome arrives only in the MASSSENDJOBFINISH event (wechat_events.py);
- 群发保护 (`mass_protection`): a send to everyone is accepted but waits for an administrator's
  confirmation (`confirm`); refused, or not confirmed within 30 minutes, it fails.
"""

from __future__ import annotations

import secrets
import time

from tests.fakes.wechat_mass import mpnews_draft
from tests.fakes.wechat_request import Request, json_body
from tests.fakes.wechat_state import (
    CLIENTMSGID_RETRY,
    CLIENTMSGID_WINDOW,
    CONFIRM_WINDOW,
    ApiError,
    FakeState,
    MassJob,
)

MONTHLY_PER_FOLLOWER = 4  # service accounts: a follower receives four mass messages a month


def beijing(ts: float, fmt: str = "%Y-%m-%d") -> str:
    """A day (or, with '%Y-%m', a month) in Beijing time: WeChat counts by Beijing days."""
    return time.strftime(fmt, time.gmtime(ts + 8 * 3600))


def _check_clientmsgid(state: FakeState, cid: object, now: float) -> None:
    if cid is None:
        return
    cid = str(cid)
    if len(cid.encode()) > 64:
        raise ApiError(45067)
    last_try = state.cid_tries.get(cid)
    state.cid_tries[cid] = now
    if last_try is not None and now - last_try < CLIENTMSGID_RETRY:
        raise ApiError(45066)
    seen = state.clientmsgids.get(cid)
    if seen and now - seen[0] < CLIENTMSGID_WINDOW:
        raise ApiError(45065, msg_id=seen[1])


def _check_quota(state: FakeState, to_all: bool, now: float) -> None:
    today = beijing(now)
    went_out = [j for j in state.sent_jobs()
                if beijing(j.at) == today and j.state in ("sent", "awaiting_confirmation")]
    if state.mass_quota is not None and len(went_out) >= state.mass_quota:
        raise ApiError(45028)
    if state.account_type == "service" and to_all and any(j.to_all for j in went_out):
        raise ApiError(45028)  # one successful send to everyone a day


def _audience(state: FakeState, to_all: bool, tag_id: int | None, now: float):
    """(everyone targeted, those left after the monthly per-follower filter)."""
    targeted = sorted(o for o, tags in state.user_tags.items() if to_all or tag_id in tags)
    if state.account_type != "service":
        return targeted, targeted
    month = beijing(now, "%Y-%m")
    received = {o: 0 for o in targeted}
    for job in state.sent_jobs():
        if beijing(job.at, "%Y-%m") == month:
            for o in job.delivered:
                if o in received:
                    received[o] += 1
    return targeted, [o for o in targeted if received[o] < MONTHLY_PER_FOLLOWER]


def _reprint_check(state: FakeState, articles: list[dict], ignore: bool) -> tuple[int, list]:
    """(CheckState, ResultList items) of the 原创校验 for the draft's articles."""
    items = []
    for idx, art in enumerate(articles, start=1):
        original = (state.reprints.get(art.get("content_source_url") or "")
                    or state.reprints.get(art.get("title") or ""))
        if original:
            items.append({"ArticleIdx": idx, "UserDeclareState": 0, "AuditState": 2,
                          "OriginalArticleUrl": original["url"], "OriginalArticleType": 1,
                          "CanReprint": int(original["can_reprint"]), "NeedReplaceContent": 1,
                          "NeedShowReprintSource": 1})
    if not items:
        return 1, items
    if ignore and all(i["CanReprint"] for i in items):
        return 2, items
    return 3, items


def mass_sendall(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/message/mass/sendall: to everyone or one tag."""
    body = json_body(req)
    flt = body.get("filter")
    if not isinstance(flt, dict) or "is_to_all" not in flt:
        raise ApiError(40035)
    media_id = mpnews_draft(state, body)
    to_all = flt["is_to_all"] is True
    tag_id = None if to_all else flt.get("tag_id")
    if not to_all and (tag_id is None or int(tag_id) not in state.tags):
        raise ApiError(45159)
    tag_id = None if to_all else int(tag_id)
    now = state.now()
    cid = body.get("clientmsgid")
    _check_clientmsgid(state, cid, now)
    _check_quota(state, to_all, now)
    targeted, recipients = _audience(state, to_all, tag_id, now)
    articles = state.drafts[media_id]["articles"]
    check_state, reprints = _reprint_check(state, articles,
                                           body.get("send_ignore_reprint") in (1, "1"))
    msg_id, data_id = state.new_msg_ids()
    job = MassJob(msg_id, data_id, media_id, to_all, tag_id,
                  None if cid is None else str(cid), recipients, at=now,
                  check_state=check_state, reprints=reprints, total=len(targeted))
    if check_state == 3:
        job.state, job.status = "stopped", "send fail"
    else:
        del state.drafts[media_id]  # "被群发或发布后，该素材将从草稿箱中移除"
        job.article_urls = [f"http://mp.weixin.qq.com/s/{secrets.token_urlsafe(16)}"
                            for _ in articles]
        if state.mass_protection and to_all:
            job.state, job.confirm_by = "awaiting_confirmation", now + CONFIRM_WINDOW
    state.jobs[msg_id] = job
    if cid is not None:
        state.clientmsgids[str(cid)] = (now, msg_id)
    return {"errcode": 0, "errmsg": "send job submission success", "msg_id": msg_id,
            "msg_data_id": data_id}


def settle(state: FakeState, job: MassJob) -> None:
    """A send waiting for 群发保护 past its 30 minutes fails."""
    if job.state == "awaiting_confirmation" and state.now() > job.confirm_by:
        job.state, job.status = "expired", "send fail"


def mass_get(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/message/mass/get: SEND_SUCCESS, SENDING (awaiting 群发保护) or SEND_FAIL."""
    msg_id = json_body(req).get("msg_id")
    try:
        job = state.jobs[int(msg_id)]
    except (TypeError, ValueError, KeyError):
        raise ApiError(40035) from None
    settle(state, job)
    status = {"sent": "SEND_SUCCESS", "awaiting_confirmation": "SENDING"}.get(job.state,
                                                                             "SEND_FAIL")
    return {"msg_id": job.msg_id, "msg_status": status}
