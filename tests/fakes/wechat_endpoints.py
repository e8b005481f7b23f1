"""The fake WeChat API's endpoints: each takes the state and the request, returns the JSON.

Validation follows the official docs: required fields, sizes, known ids, token checks.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.fakes.wechat_state import (
    CLIENTMSGID_WINDOW,
    STABLE_GRACE,
    SYSTEM_TAGS,
    ApiError,
    FakeState,
    MassJob,
)

IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM")
MAX_IMAGE = 10 * 1024 * 1024
CUSTOM_WINDOW = 48 * 3600


@dataclass
class Request:
    """What an endpoint needs of one HTTP request."""

    method: str
    query: dict
    json: Any  # parsed body, None when empty
    raw: bytes
    files: dict  # multipart field name -> (filename, bytes)


def _body(req: Request) -> dict:
    """The JSON object of a POST, or the documented errcode for an empty/malformed one."""
    if req.method != "POST":
        raise ApiError(43002)
    if not req.raw.strip():
        raise ApiError(44002)
    if not isinstance(req.json, dict):
        raise ApiError(47001)
    return req.json


def _credentials(state: FakeState, appid: Any, secret: Any, grant: Any) -> None:
    if grant != "client_credential":
        raise ApiError(40002)
    if not appid:
        raise ApiError(41002)
    if not secret:
        raise ApiError(41004)
    if appid != state.appid:
        raise ApiError(40013)
    if secret != state.secret:
        raise ApiError(40125)


def token(state: FakeState, req: Request) -> dict:
    """GET cgi-bin/token: a new classic token each call."""
    q = req.query
    _credentials(state, q.get("appid"), q.get("secret"), q.get("grant_type"))
    tok, ttl = state.issue("classic")
    return {"access_token": tok, "expires_in": ttl}


def stable_token(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/stable_token: the current stable token unless expiring or forced."""
    body = _body(req)
    _credentials(state, body.get("appid"), body.get("secret"), body.get("grant_type"))
    now = time.time()
    current = state.stable
    left = state.tokens.get(current, 0) - now if current else 0
    if body.get("force_refresh") is True or left <= STABLE_GRACE:
        return dict(zip(("access_token", "expires_in"), state.issue("stable"), strict=True))
    return {"access_token": current, "expires_in": int(left)}


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
    articles = _body(req).get("articles")
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
    body = _body(req)
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
    body = _body(req)
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
    today = time.strftime("%Y-%m-%d", time.localtime(now))
    sent_today = sum(1 for j in state.sent_jobs()
                     if time.strftime("%Y-%m-%d", time.localtime(j.at)) == today)
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
    msg_id = _body(req).get("msg_id")
    try:
        job = state.jobs[int(msg_id)]
    except (TypeError, ValueError, KeyError):
        raise ApiError(40035) from None
    return {"msg_id": job.msg_id, "msg_status": "SEND_SUCCESS"}


def tags_create(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/tags/create {"tag": {"name": ...}}."""
    name = (_body(req).get("tag") or {}).get("name")
    if not isinstance(name, str) or not name.strip() or name in state.tags.values():
        raise ApiError(45157)
    if len(name.encode()) > 30:
        raise ApiError(45158)
    if len(state.tags) - len(SYSTEM_TAGS) >= 100:
        raise ApiError(45056)
    tag_id = state.next_tag
    state.next_tag += 1
    state.tags[tag_id] = name
    return {"tag": {"id": tag_id, "name": name}}


def tags_get(state: FakeState, req: Request) -> dict:
    """GET cgi-bin/tags/get: every tag with its follower count."""
    return {"tags": [
        {"id": tid, "name": name,
         "count": sum(1 for tags in state.user_tags.values() if tid in tags)}
        for tid, name in sorted(state.tags.items())
    ]}


def _tag_id(state: FakeState, value: Any) -> int:
    try:
        tag_id = int(value)
    except (TypeError, ValueError):
        raise ApiError(40035) from None
    if tag_id in SYSTEM_TAGS:
        raise ApiError(45058)
    if tag_id not in state.tags:
        raise ApiError(45159)
    return tag_id


def tags_delete(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/tags/delete {"tag": {"id": ...}}."""
    tag_id = _tag_id(state, (_body(req).get("tag") or {}).get("id"))
    del state.tags[tag_id]
    for tags in state.user_tags.values():
        tags.discard(tag_id)
    return {"errcode": 0, "errmsg": "ok"}


def _members(state: FakeState, req: Request, add: bool) -> dict:
    body = _body(req)
    openids = body.get("openid_list")
    if not isinstance(openids, list) or not 1 <= len(openids) <= 50:
        raise ApiError(40032)
    tag_id = _tag_id(state, body.get("tagid"))
    if any(o not in state.followers for o in openids):
        raise ApiError(40003)
    for openid in openids:
        tags = state.user_tags.setdefault(openid, set())
        if add and tag_id not in tags and len(tags) >= 20:
            raise ApiError(45059)
        (tags.add if add else tags.discard)(tag_id)
    return {"errcode": 0, "errmsg": "ok"}


def custom_send(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/message/custom/send: only within 48 h of the follower's last message."""
    body = _body(req)
    openid = body.get("touser")
    msgtype = body.get("msgtype")
    if not openid or not msgtype or not isinstance(body.get(msgtype), dict):
        raise ApiError(40035)
    if openid not in state.followers:
        raise ApiError(40003)
    if time.time() - state.followers[openid] > CUSTOM_WINDOW:
        raise ApiError(45015)
    state.custom_messages.append(body)
    return {"errcode": 0, "errmsg": "ok"}


def menu_create(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/menu/create: one to three top-level buttons."""
    buttons = _body(req).get("button")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        raise ApiError(40016)
    state.menu = {"button": buttons}
    return {"errcode": 0, "errmsg": "ok"}


def menu_get(state: FakeState, req: Request) -> dict:
    """GET cgi-bin/menu/get."""
    if state.menu is None:
        raise ApiError(46003)
    return {"menu": state.menu}


def menu_delete(state: FakeState, req: Request) -> dict:
    """GET cgi-bin/menu/delete."""
    state.menu = None
    return {"errcode": 0, "errmsg": "ok"}


# path (under cgi-bin/) -> (handler, needs an access_token)
ENDPOINTS: dict[str, tuple[Callable[[FakeState, Request], dict], bool]] = {
    "token": (token, False),
    "stable_token": (stable_token, False),
    "material/add_material": (add_material, True),
    "draft/add": (draft_add, True),
    "message/mass/preview": (mass_preview, True),
    "message/mass/sendall": (mass_sendall, True),
    "message/mass/get": (mass_get, True),
    "tags/create": (tags_create, True),
    "tags/get": (tags_get, True),
    "tags/delete": (tags_delete, True),
    "tags/members/batchtagging": (lambda s, r: _members(s, r, True), True),
    "tags/members/batchuntagging": (lambda s, r: _members(s, r, False), True),
    "message/custom/send": (custom_send, True),
    "menu/create": (menu_create, True),
    "menu/get": (menu_get, True),
    "menu/delete": (menu_delete, True),
}
