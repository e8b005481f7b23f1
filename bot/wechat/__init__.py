"""The WeChat protocol: webhook, inbound checks, crypto, replies, dedup, API client, menu."""

from __future__ import annotations

import logging

from flask import Flask

from bot.services import Services

log = logging.getLogger("bot")


def init_app(app: Flask, services: Services) -> None:
    """Build the API client, crypto, dedup, replay guard and customer-service windows;
    register the webhook and the `menu` CLI."""
    from bot.wechat import menu_cli, webhook
    from bot.wechat.api import build_api_client
    from bot.wechat.crypto import MessageCrypto
    from bot.wechat.cs_window import CustomWindows
    from bot.wechat.dedup import Deduplicator
    from bot.wechat.replay import ReplayGuard

    s = services.settings
    services.api = build_api_client(s, services.redis)
    if not s.api_enabled:
        log.warning("WECHAT_APP_ID/WECHAT_APP_SECRET not set: WeChat API features are off")
    if s.crypto_enabled:
        services.crypto = MessageCrypto(s.wechat_token, s.wechat_encoding_aes_key, s.wechat_app_id)
    # A reply is kept as long as its request could still be replayed (timestamps are taken
    # up to WECHAT_MAX_SKEW either side), so a replay never runs a handler a second time.
    services.dedup = Deduplicator(services.redis, s.key_prefix,
                                  keep=max(300, 2 * s.wechat_max_skew + 60))
    services.replay = ReplayGuard(services.redis, s.key_prefix, s.wechat_max_skew)
    # What WeChat lets staff send each follower (客服消息 windows), noted by the dispatcher.
    services.cs_windows = CustomWindows(services.redis, s.key_prefix,
                                        clock=lambda: services.clock())
    app.register_blueprint(webhook.bp)
    app.cli.add_command(menu_cli.menu)
