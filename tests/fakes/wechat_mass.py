"""Fake endpoints for material, drafts and mass sends (preview, sendall, get)."""

from __future__ import annotations

import secrets
import time

from tests.fakes.wechat_request import Request, json_body
from tests.fakes.wechat_state import CLIENTMSGID_WINDOW, ApiError, FakeState, MassJob

IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM")
MAX_IMAGE = 10 * 1024 * 1024


def _beijing_day(ts: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(ts + 8 * 3600))


def add_material(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/material/add_material?type=image: multipart field `media`."""
    kind = req.query.get("type")
    if kind not in ("image", "thumb", "voice", "video"):
        raise ApiError(40004)
    if req.method != "POST":
        raise ApiError(43002)
    if "media" not in req.files:
        raise ApiError(41005)
    filename, data = req.files["media"]
    if kind in ("image", "thumb"):
        if not data.startswith(IMAGE_MAGIC):
            raise ApiError(40113)
        if len(data) > MAX_IMAGE:
            raise ApiError(40009)
    media_id = secrets.token_urlsafe(32)
    url = f"http://mmbiz.qpic.cn/mmbiz_jpg/{media_id[:16]}/0?wx_fmt=jpeg"
    state.materials[media_id] = {"type": kind, "filename": filename, "size": len(data),
                                 "url": url}
    return {"media_id": media_id, "url": url} if kind == "image" else {"media_id": media_id}


def draft_add(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/draft/add: articles with title, content and a permanent thumb."""
    articles = json_body(req).get("articles")
    if not isinstance(articles, list) or not articles:
        raise ApiError(40035)
    for art in articles:
        if not isinstance(art, dict) or not art.get("title") or not art.get("content"):
            raise ApiError(40035)
        if art.get("thumb_media_id") not in state.materials:
            raise ApiError(40007)
        if len(art["title"]) > 64:
            raise ApiError(45003)
        if len(art.get("digest") or "") > 120:
            raise ApiError(45004)
        if len(art["content"]) > 20000:
            raise ApiError(45002)
    media_id = secrets.token_urlsafe(32)
    state.drafts[media_id] = {"articles": articles, "at": time.time()}
    return {"media_id": media_id}


def _mpnews(state: FakeState, body: dict) -> str:
    if body.get("msgtype") != "mpnews":
        raise ApiError(40008 if body.get("msgtype") else 40035)
    media_id = (body.get("mpnews") or {}).get("media_id")
    if media_id not in state.drafts:
        raise ApiError(40007)
    return media_id


def mass_preview(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/message/mass/preview: one follower's phone gets the draft."""
    body = json_body(req)
    media_id = _mpnews(state, body)
    openid = body.get("touser")
    if not openid and not body.get("towxname"):
        raise ApiError(40035)
    if openid and openid not in state.followers:
        raise ApiError(40003)
    msg_id, data_id = state.new_msg_ids()
    state.jobs[msg_id] = MassJob(msg_id, data_id, media_id, False, None, None,
                                 [openid or body["towxname"]], preview=True)
    return {"errcode": 0, "errmsg": "preview success", "msg_id": msg_id}


def mass_sendall(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/message/mass/sendall: to everyone or one tag; clientmsgid dedup; quota."""
    body = json_body(req)
    flt = body.get("filter")
    if not isinstance(flt, dict) or "is_to_all" not in flt:
        raise ApiError(40035)
    media_id = _mpnews(state, body)
    to_all = flt["is_to_all"] is True
    tag_id = None if to_all else flt.get("tag_id")
    if not to_all and (tag_id is None or int(tag_id) not in state.tags):
        raise ApiError(45159)
    cid = body.get("clientmsgid")
    now = time.time()
    if cid is not None:
        if len(str(cid).encode()) > 64:
            raise ApiError(45067)
        seen = state.clientmsgids.get(str(cid))
        if seen and now - seen[0] < CLIENTMSGID_WINDOW:
            raise ApiError(45065, msg_id=seen[1])
    today = _beijing_day(now)  # WeChat's days are Beijing days
    sent_today = sum(1 for j in state.sent_jobs() if _beijing_day(j.at) == today)
    if state.mass_quota is not None and sent_today >= state.mass_quota:
        raise ApiError(45028)
    recipients = sorted(o for o, tags in state.user_tags.items()
                        if to_all or int(tag_id) in tags)
    msg_id, data_id = state.new_msg_ids()
    state.jobs[msg_id] = MassJob(msg_id, data_id, media_id, to_all,
                                 None if to_all else int(tag_id), cid, recipients)
    if cid is not None:
        state.clientmsgids[str(cid)] = (now, msg_id)
    return {"errcode": 0, "errmsg": "send job submission success", "msg_id": msg_id,
            "msg_data_id": data_id}


def mass_get(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/message/mass/get: a job's status."""
    msg_id = json_body(req).get("msg_id")
    try:
        job = state.jobs[int(msg_id)]
    except (TypeError, ValueError, KeyError):
        raise ApiError(40035) from None
    return {"msg_id": job.msg_id, "msg_status": "SEND_SUCCESS"}
