"""Customer-service messages (客服消息) and the windows a follower's actions open.

Follows 客服消息介绍 / 客服消息下发规则:
https://developers.weixin.qq.com/doc/subscription/guide/product/kf/intro.html

| the follower              | messages allowed | within     |
|---------------------------|------------------|------------|
| sends a message           | 5                | 48 hours   |
| clicks a menu (click/scan push), follows, scans a QR code | 3 | 1 minute |

A menu click opens only the one-minute allowance, never the 48-hour one ("不会产生用户发送消息场景
的客服消息下发额度"). A new action of the same kind starts its allowance afresh. With no open
window WeChat answers 45015 ("response out of time limit or subscription is canceled"); with
windows open but their messages used up, 45047 ("out of response count limit").
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.fakes.wechat_request import Request, json_body
from tests.fakes.wechat_state import ApiError, FakeState

# kind -> (messages allowed, seconds the allowance lasts)
RULES = {
    "message": (5, 48 * 3600),
    "click": (3, 60),
    "subscribe": (3, 60),
    "scan": (3, 60),
}


@dataclass
class Grant:
    """One allowance opened by a follower's action."""

    kind: str
    at: float
    used: int = 0

    def open(self, now: float) -> bool:
        """Still within its time limit."""
        return now - self.at <= RULES[self.kind][1]

    def left(self) -> int:
        """Messages it still allows."""
        return RULES[self.kind][0] - self.used


def grant(state: FakeState, openid: str, kind: str) -> None:
    """Open (or restart) the allowance of `kind` for the follower; caller holds the lock."""
    if kind not in RULES:
        raise ValueError(f"unknown interaction {kind!r}; one of {sorted(RULES)}")
    now = state.now()
    grants = [g for g in state.grants.get(openid, []) if g.kind != kind and g.open(now)]
    state.grants[openid] = [*grants, Grant(kind, now)]
    if kind == "message":
        state.followers[openid] = now


def custom_send(state: FakeState, req: Request) -> dict:
    """POST cgi-bin/message/custom/send: one message from an open allowance, else 45015/45047."""
    body = json_body(req)
    openid = body.get("touser")
    msgtype = body.get("msgtype")
    if not openid or not msgtype or not isinstance(body.get(msgtype), dict):
        raise ApiError(40035)
    if openid not in state.followers:
        raise ApiError(40003)
    now = state.now()
    open_grants = [g for g in state.grants.get(openid, []) if g.open(now)]
    if not open_grants:
        raise ApiError(45015)
    usable = sorted((g for g in open_grants if g.left() > 0),
                    key=lambda g: g.at + RULES[g.kind][1])  # the soonest to lapse first
    if not usable:
        raise ApiError(45047)
    usable[0].used += 1
    state.custom_messages.append(body)
    return {"errcode": 0, "errmsg": "ok"}
