"""Scenario helpers: fixture messages posted through WeChat's side over HTTP."""

from __future__ import annotations

import itertools
import time

import xmltodict

from bot.devtools.wechat_side import Delivery, WeChatSide
from tests.support.messages import FIXTURES

# Events are deduplicated by sender + CreateTime + Event: give each one its own second.
_clock = itertools.count(int(time.time()) - 10**6)
_msg_ids = itertools.count(5 * 10**17)


def post_fixture(wechat: WeChatSide, name: str, openid: str, **fields: object) -> Delivery:
    """Post fixture `name`.xml as `openid`, with a fresh MsgId/CreateTime and `fields` set."""
    xml = (FIXTURES / f"{name}.xml").read_text(encoding="utf-8")
    data = dict(xmltodict.parse(xml)["xml"])
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data.update(FromUserName=openid, CreateTime=next(_clock))
    if "MsgId" in data:
        data["MsgId"] = next(_msg_ids)
    data.update(fields)
    return wechat.send(data)


def click(wechat: WeChatSide, openid: str, key: str) -> Delivery:
    """A menu click by `openid`."""
    return post_fixture(wechat, "event_click", openid, EventKey=key)
