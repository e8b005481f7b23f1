"""The protocol's floor: a bare wechatpy + Flask bot that echoes text back, same crypto, no work.

Serve it as the bot is served: `gunicorn -w 2 bench.echo_app:app`.
"""

from __future__ import annotations

import os

from flask import Flask, abort, request
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature

from bench.wechat import AES_KEY, APP_ID, TOKEN


def create_echo_app() -> Flask:
    """The echo bot, configured from the same environment variables as the real one."""
    token = os.environ.get("WECHAT_TOKEN", TOKEN)
    crypto = WeChatCrypto(
        token,
        os.environ.get("WECHAT_ENCODING_AES_KEY", AES_KEY),
        os.environ.get("WECHAT_APP_ID", APP_ID),
    )
    app = Flask(__name__)

    @app.post("/wechat")
    def wechat() -> tuple[str, int, dict]:
        args = request.args
        try:
            check_signature(token, args["signature"], args["timestamp"], args["nonce"])
            plain = crypto.decrypt_message(
                request.get_data(), args["msg_signature"], args["timestamp"], args["nonce"]
            )
        except (KeyError, InvalidSignatureException):
            abort(403)
        msg = parse_message(plain)
        content = getattr(msg, "content", "") or "success"
        reply = create_reply(content, msg).render()
        return crypto.encrypt_message(reply, args["nonce"]), 200, {"Content-Type": "text/xml"}

    return app


app = create_echo_app()
