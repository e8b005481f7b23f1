"""The WeChat platform's side of the webhook: builds, signs and encrypts messages as
WeChat does, posts them, and reads the reply as a follower's phone would.

`flask chat` uses it against a running bot; the tests use it against the app over HTTP.
"""

from __future__ import annotations

import itertools
import random
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from typing import Any

import requests
import xmltodict

from bot.wechat.crypto import MessageCrypto
from bot.wechat.signature import sign, verify

_ids = itertools.count(random.randrange(10**17, 9 * 10**17))


def next_msg_id() -> int:
    """A fresh MsgId, unique within this process (random start, then counting)."""
    return next(_ids)


def cdata(value: Any) -> str:
    """A CDATA section holding `value` (a `]]>` inside is split, as XML requires)."""
    return "<![CDATA[" + str(value).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def message_xml(fields: dict[str, Any]) -> str:
    """WeChat's message XML: strings as CDATA, numbers bare, dicts as nested elements."""
    parts = ["<xml>"]
    for name, value in fields.items():
        if isinstance(value, dict):
            inner = "".join(f"<{k}>{cdata(v)}</{k}>" for k, v in value.items())
            parts.append(f"<{name}>{inner}</{name}>")
        elif isinstance(value, (int, float)):
            parts.append(f"<{name}>{value}</{name}>")
        else:
            parts.append(f"<{name}>{cdata(value)}</{name}>")
    parts.append("</xml>")
    return "".join(parts)


@dataclass
class Delivery:
    """What came back for one posted message."""

    status: int
    body: str
    reply: dict | None  # the plaintext reply's fields; None for `success` or an error

    @property
    def text(self) -> str:
        """The reply as the follower sees it: text, or a news card, links as plain text."""
        if not self.reply:
            return ""
        if self.reply.get("MsgType") == "news":
            items = self.reply.get("Articles", {}).get("item", [])
            items = items if isinstance(items, list) else [items]
            return "\n".join(
                f"[图文] {i.get('Title', '')}\n{i.get('Description', '')}\n{i.get('Url', '')}"
                for i in items
            )
        return as_plain_text(self.reply.get("Content", ""))


def as_plain_text(content: str) -> str:
    """WeChat shows `<a href="u">t</a>` as a link; a terminal shows 't (u)'."""
    content = re.sub(r'<a\s+href="([^"]*)"[^>]*>(.*?)</a>', r"\2 (\1)", content, flags=re.S)
    return unescape(content)


Transport = Callable[[str, dict, bytes], tuple[int, str]]


def http_transport(base_url: str, timeout: float = 10.0) -> Transport:
    """POST over real HTTP with requests."""
    session = requests.Session()

    def post(path: str, params: dict, body: bytes) -> tuple[int, str]:
        resp = session.post(base_url.rstrip("/") + path, params=params, data=body,
                            headers={"Content-Type": "text/xml"}, timeout=timeout)
        return resp.status_code, resp.content.decode("utf-8", errors="replace")

    return post


class WeChatSide:
    """Talks to the bot the way WeChat's servers do, for one account."""

    def __init__(
        self,
        transport: Transport,
        token: str,
        aes_key: str = "",
        app_id: str = "",
        mode: str = "auto",
        account: str = "gh_jiuyeqiao",
        path: str = "/wechat",
    ) -> None:
        if mode == "auto":
            mode = "safe" if aes_key else "plain"
        if mode not in ("plain", "compat", "safe"):
            raise ValueError(f"unknown mode {mode!r}")
        self.post_raw = transport
        self.token = token
        self.mode = mode
        self.account = account
        self.path = path
        self.crypto = MessageCrypto(token, aes_key, app_id) if mode != "plain" else None

    # -- building -------------------------------------------------------------------------
    def fields(self, openid: str, msg_type: str, **extra: Any) -> dict[str, Any]:
        """The common fields of a message from `openid`, then `extra` in order."""
        out: dict[str, Any] = {
            "ToUserName": self.account,
            "FromUserName": openid,
            "CreateTime": int(time.time()),
            "MsgType": msg_type,
        }
        out.update(extra)
        return out

    def text_fields(self, openid: str, content: str, msg_id: int | None = None) -> dict:
        """A text message."""
        return self.fields(openid, "text", Content=content, MsgId=msg_id or next(_ids))

    def event_fields(self, openid: str, event: str, **extra: Any) -> dict:
        """An event (subscribe, CLICK, LOCATION, MASSSENDJOBFINISH …)."""
        return self.fields(openid, "event", Event=event, **extra)

    # -- sending --------------------------------------------------------------------------
    def text(self, openid: str, content: str, msg_id: int | None = None) -> Delivery:
        """Send a text message and read the reply."""
        return self.send(self.text_fields(openid, content, msg_id))

    def event(self, openid: str, event: str, **extra: Any) -> Delivery:
        """Send an event and read the reply."""
        return self.send(self.event_fields(openid, event, **extra))

    def send(self, fields: dict[str, Any]) -> Delivery:
        """Sign (and encrypt) a message built from `fields` and post it."""
        return self.post_xml(message_xml(fields))

    def post_xml(self, xml: str, timestamp: str | None = None, nonce: str | None = None
                 ) -> Delivery:
        """Post plaintext message `xml` exactly as WeChat would in this side's mode."""
        timestamp = timestamp or str(int(time.time()))
        nonce = nonce or str(secrets.randbelow(10**10))
        params = {"signature": sign(self.token, timestamp, nonce), "timestamp": timestamp,
                  "nonce": nonce, "openid": _field(xml, "FromUserName")}
        body = xml
        if self.crypto is not None:
            encrypt = self.crypto.encrypt_payload(xml)
            inner = xml[len("<xml>"):] if self.mode == "compat" else ""
            to_user = cdata(_field(xml, "ToUserName"))
            body = f"<xml><ToUserName>{to_user}</ToUserName><Encrypt>{cdata(encrypt)}</Encrypt>"
            body += inner if inner else "</xml>"
            params.update(encrypt_type="aes",
                          msg_signature=sign(self.token, timestamp, nonce, encrypt))
        status, text = self.post_raw(self.path, params, body.encode("utf-8"))
        return Delivery(status=status, body=text, reply=self.read_reply(status, text))

    def read_reply(self, status: int, text: str) -> dict | None:
        """Parse (and decrypt and verify) a reply the way WeChat does."""
        if status != 200 or not text.strip() or text.strip() == "success":
            return None
        doc = xmltodict.parse(text)["xml"]
        if self.crypto is not None:
            encrypt = doc["Encrypt"]
            if not verify((self.token, doc["TimeStamp"], doc["Nonce"], encrypt),
                          doc["MsgSignature"]):
                raise AssertionError("reply MsgSignature does not verify")
            doc = xmltodict.parse(self.crypto.decrypt(encrypt))["xml"]
        return doc


def _field(xml: str, name: str) -> str:
    """One top-level CDATA/text field of message XML (for query params)."""
    m = re.search(rf"<{name}>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</{name}>", xml, re.S)
    return m.group(1) if m else ""
