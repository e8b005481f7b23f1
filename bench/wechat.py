"""The WeChat side of the benchmark: requests built by the bot's WeChat-side client, captured.

bot/devtools/wechat_side.py signs and encrypts messages exactly as WeChat does; here its
transport only records what it would post, so the benchmark can build requests before the
clock starts and send them any way it likes (WSGI in-process, raw sockets).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from bot.devtools.wechat_side import WeChatSide as PlatformSide

# Fixed credentials of the benchmark's own account; nothing here is a secret.
TOKEN = "benchtoken"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wxbench000000000"
APP_SECRET = "benchsecret"


@dataclass(frozen=True)
class Request:
    """One message as WeChat posts it: the query string and the raw body."""

    query: str
    body: bytes


class WeChatSide:
    """Builds encrypted text messages as the WeChat platform does, and opens the replies."""

    def __init__(self, token: str = TOKEN, aes_key: str = AES_KEY, app_id: str = APP_ID) -> None:
        self._captured: list[Request] = []
        self.side = PlatformSide(self._capture, token, aes_key, app_id, mode="safe")

    def _capture(self, path: str, params: dict, body: bytes) -> tuple[int, str]:
        self._captured.append(Request(query=urlencode(params), body=body))
        return 200, "success"

    def text(self, openid: str, content: str, msg_id: int) -> Request:
        """A safe-mode text message from `openid`, with a MsgId of its own."""
        self.side.text(openid, content, msg_id)
        return self._captured.pop()

    def open_reply(self, body: bytes) -> dict:
        """The fields of the plaintext reply inside an encrypted one (raises if it is forged)."""
        reply = self.side.read_reply(200, body.decode("utf-8"))
        if not reply:
            raise ValueError(f"no reply in {body[:80]!r}")
        return reply


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
