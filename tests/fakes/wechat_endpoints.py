"""The fake WeChat API's endpoint table, and the token endpoints.

Each endpoint takes the state and the request and returns the JSON answer, or raises ApiError
with the documented errcode. Validation follows the official docs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from tests.fakes.wechat_custom import custom_send
from tests.fakes.wechat_mass import add_material, draft_add, draft_delete, mass_preview
from tests.fakes.wechat_request import Request, json_body
from tests.fakes.wechat_sendall import mass_get, mass_sendall
from tests.fakes.wechat_state import STABLE_GRACE, ApiError, FakeState
from tests.fakes.wechat_users import (
    menu_create,
    menu_delete,
    menu_get,
    tags_create,
    tags_delete,
    tags_get,
    tags_members_add,
    tags_members_remove,
)

__all__ = ["ENDPOINTS", "Request"]


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
    body = json_body(req)
    _credentials(state, body.get("appid"), body.get("secret"), body.get("grant_type"))
    now = time.time()
    current = state.stable
    left = state.tokens.get(current, 0) - now if current else 0
    if body.get("force_refresh") is True or left <= STABLE_GRACE:
        return dict(zip(("access_token", "expires_in"), state.issue("stable"), strict=True))
    return {"access_token": current, "expires_in": int(left)}


# path (under cgi-bin/) -> (handler, needs an access_token)
ENDPOINTS: dict[str, tuple[Callable[[FakeState, Request], dict], bool]] = {
    "token": (token, False),
    "stable_token": (stable_token, False),
    "material/add_material": (add_material, True),
    "draft/add": (draft_add, True),
    "draft/delete": (draft_delete, True),
    "message/mass/preview": (mass_preview, True),
    "message/mass/sendall": (mass_sendall, True),
    "message/mass/get": (mass_get, True),
    "tags/create": (tags_create, True),
    "tags/get": (tags_get, True),
    "tags/delete": (tags_delete, True),
    "tags/members/batchtagging": (tags_members_add, True),
    "tags/members/batchuntagging": (tags_members_remove, True),
    "message/custom/send": (custom_send, True),
    "menu/create": (menu_create, True),
    "menu/get": (menu_get, True),
    "menu/delete": (menu_delete, True),
}
