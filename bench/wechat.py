"""The WeChat side of the benchmark: signed, AES-encrypted text messages and their replies."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from wechatpy.crypto import WeChatCrypto

# Fixed credentials of the benchmark's own account; nothing here is a secret.
TOKEN = "benchtoken"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wxbench000000000"
APP_SECRET = "benchsecret"
ACCOUNT = "gh_bench00000000"


@dataclass(frozen=True)
class Request:
    """One message as WeChat posts it: the query string and the raw body."""

    query: str
    body: bytes
    timestamp: str
    nonce: str


class WeChatSide:
    """Builds encrypted messages as the WeChat platform does, and opens encrypted replies."""

    def __init__(self, token: str = TOKEN, aes_key: str = AES_KEY, app_id: str = APP_ID) -> None:
        self.token = token
        self.crypto = WeChatCrypto(token, aes_key, app_id)

    def _signature(self, *parts: str) -> str:
        return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()

    def text(self, openid: str, content: str, msg_id: int) -> Request:
        """A safe-mode text message from `openid`, with a MsgId of its own."""
        timestamp = str(int(time.time()))
        nonce = f"{msg_id % 10**9:09d}"
        plain = (
            f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
        )
        sealed = self.crypto.encrypt_message(plain, nonce, timestamp)
        encrypt = sealed.split("<Encrypt><![CDATA[", 1)[1].split("]]>", 1)[0]
        body = (
            f"<xml><ToUserName><![CDATA[{escape(ACCOUNT)}]]></ToUserName>"
            f"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        ).encode()
        query = urlencode({
            "signature": self._signature(self.token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "openid": openid,
            "encrypt_type": "aes",
            "msg_signature": self._signature(self.token, timestamp, nonce, encrypt),
        })
        return Request(query=query, body=body, timestamp=timestamp, nonce=nonce)

    def open_reply(self, body: bytes) -> str:
        """The plaintext XML inside an encrypted reply (raises when its signature is wrong)."""
        text = body.decode()
        signature = text.split("<MsgSignature><![CDATA[", 1)[1].split("]]>", 1)[0]
        timestamp = text.split("<TimeStamp>", 1)[1].split("</TimeStamp>", 1)[0]
        nonce = text.split("<Nonce><![CDATA[", 1)[1].split("]]>", 1)[0]
        return self.crypto.decrypt_message(text, signature, timestamp, nonce)


def bench_env() -> dict[str, str]:
    """Settings both the bot and the echo bot read, so they share one account and crypto."""
    return {
        "WECHAT_TOKEN": TOKEN,
        "WECHAT_ENCODING_AES_KEY": AES_KEY,
        "WECHAT_APP_ID": APP_ID,
        "WECHAT_APP_SECRET": APP_SECRET,
        # Never let a benchmark reach the real WeChat API.
        "WECHAT_API_BASE": "http://127.0.0.1:9/",
    }
