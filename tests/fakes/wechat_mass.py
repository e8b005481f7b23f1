"""Fake endpoints for material, drafts (草稿箱) and the mass preview.

draft/add follows 新增草稿:
https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add.html
(title "总长度不超过32个字"; a draft that has been mass-sent or published "将从草稿箱中移除").
An over-long title is refused with 45003 "title size out of limit", the code WeChat's global
return-code list gives for it. Mass sends themselves are in wechat_sendall.py.
"""

from __future__ import annotations

import secrets

from tests.fakes.wechat_request import Request, json_body
from tests.fakes.wechat_state import ApiError, FakeState, MassJob

IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM")
MAX_IMAGE = 10 * 1024 * 1024
TITLE_LIMIT = 32  # draft/add: "标题，总长度不超过32个字"


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
        if len(art["title"]) > TITLE_LIMIT:  # characters, not bytes
            raise ApiError(45003)
        if len(art.get("digest") or "") > 120:
            raise ApiError(45004)
        if len(art["content"]) > 20000:
            raise ApiError(45002)
    media_id = secrets.token_urlsafe(32)
    state.drafts[media_id] = {"articles": articles, "at": state.now()}
    return {"media_id": media_id}


def draft_delete(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/draft/delete {"media_id"}: 40007 when the draft is not (or no longer) there.

    https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_delete.html
    """
    media_id = json_body(req).get("media_id")
    if media_id not in state.drafts:
        raise ApiError(40007)
    del state.drafts[media_id]
    return {"errcode": 0, "errmsg": "ok"}


def mpnews_draft(state: FakeState, body: dict) -> str:
    """The draft an mpnews send names; 40007 once it has left the draft box."""
    if body.get("msgtype") != "mpnews":
        raise ApiError(40008 if body.get("msgtype") else 40035)
    media_id = (body.get("mpnews") or {}).get("media_id")
    if media_id not in state.drafts:
        raise ApiError(40007)
    return media_id


def mass_preview(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/message/mass/preview: one follower's phone gets the draft."""
    body = json_body(req)
    media_id = mpnews_draft(state, body)
    openid = body.get("touser")
    if not openid and not body.get("towxname"):
        raise ApiError(40035)
    if openid and openid not in state.followers:
        raise ApiError(40003)
    msg_id, data_id = state.new_msg_ids()
    state.jobs[msg_id] = MassJob(msg_id, data_id, media_id, False, None, None,
                                 [openid or body["towxname"]], preview=True)
    return {"errcode": 0, "errmsg": "preview success", "msg_id": msg_id}
