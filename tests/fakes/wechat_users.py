"""Fake endpoints for user tags and the menu."""

from __future__ import annotations

from typing import Any

from tests.fakes.wechat_request import Request, json_body
from tests.fakes.wechat_state import SYSTEM_TAGS, ApiError, FakeState


def tags_create(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/tags/create {"tag": {"name": ...}}."""
    name = (json_body(req).get("tag") or {}).get("name")
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
    tag_id = _tag_id(state, (json_body(req).get("tag") or {}).get("id"))
    del state.tags[tag_id]
    for tags in state.user_tags.values():
        tags.discard(tag_id)
    return {"errcode": 0, "errmsg": "ok"}


def _members(state: FakeState, req: Request, add: bool) -> dict:
    body = json_body(req)
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


def menu_create(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/menu/create: one to three top-level buttons."""
    buttons = json_body(req).get("button")
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


def tags_members_add(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/tags/members/batchtagging {"openid_list": [...], "tagid": ...}."""
    return _members(state, req, True)


def tags_members_remove(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/tags/members/batchuntagging."""
    return _members(state, req, False)
