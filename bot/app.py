"""The Flask app factory."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import redis
from flask import Flask

from bot.broadcast_service import Broadcasts
from bot.feedback import build_store
from bot.followers import Followers
from bot.services import EXTENSION, Services
from bot.store import connect
from bot.wechat_api import build_api_client
from config.settings import load_settings

log = logging.getLogger("bot")

MAX_BODY = 1024 * 1024  # WeChat messages are tiny; anything over 1 MiB is refused with 413


def create_app(test_config: Mapping | None = None) -> Flask:
    """Build the app. `test_config` overrides settings (lower-case names) and Flask config."""
    test_config = dict(test_config or {})
    environ = test_config.pop("ENVIRON", None)
    settings = load_settings(environ, overrides=test_config)
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_BODY, JSON_AS_ASCII=False)
    app.config.update({k: v for k, v in test_config.items() if k.isupper()})
    app.json.ensure_ascii = False
    _configure_logging()

    services = Services(settings=settings, redis=connect(settings))
    app.extensions[EXTENSION] = services
    _wire_services(services)
    _wire_message_path(services)
    _register_routes_and_commands(app)
    return app


def _wire_services(services: Services) -> None:
    """The knowledge base, feedback store, WeChat API client, broadcasts and followers."""
    from knowledge import KnowledgeBase

    settings = services.settings
    # Never fills the store: only the development server loads the bundled samples.
    services.kb = KnowledgeBase(services.redis, settings.key_prefix, settings.data_dir)
    services.feedback = build_store(services.redis, settings.key_prefix, settings.extra)
    services.api = build_api_client(services)
    if not settings.api_enabled:
        log.warning("WECHAT_APP_ID/WECHAT_APP_SECRET not set: WeChat API features are off")
    broadcasts = Broadcasts(services)
    services.extra["broadcasts"] = broadcasts
    services.extra["region_tags"] = broadcasts.tags  # None while the WeChat API is off
    tagger = broadcasts.tags.retag if broadcasts.tags else None
    services.followers = Followers(services.redis, settings.key_prefix, tagger=tagger)


def _register_routes_and_commands(app: Flask) -> None:
    """Blueprints (webhook, health, article pages, staff API), CLI groups, error pages."""
    from bot import (
        admin_articles,
        admin_broadcasts,
        admin_feedback,
        article_page,
        cli_broadcast,
        cli_chat,
        cli_feedback,
        cli_kb,
        cli_menu,
        health,
        webhook,
    )
    from bot.articles import kb_editorial

    kb_editorial.register(cli_kb.kb_cli)
    for module in (health, webhook, article_page, admin_articles, admin_broadcasts,
                   admin_feedback):
        app.register_blueprint(module.bp)
    for command in (cli_chat.chat, cli_kb.kb_cli, cli_menu.menu, cli_broadcast.broadcast_cli,
                    cli_broadcast.worker, cli_feedback.feedback_cli):
        app.cli.add_command(command)
    app.register_error_handler(413, _too_large)
    app.register_error_handler(redis.RedisError, _store_down)


def _wire_message_path(services: Services) -> None:
    """Crypto, sessions, rate limit, dedup and the dispatcher over the handler registry."""
    from bot.conversation.questions import QuestionLog
    from bot.crypto import MessageCrypto
    from bot.dedup import Deduplicator
    from bot.dispatcher import Dispatcher
    from bot.ratelimit import RateLimiter
    from bot.sessions import SessionStore
    from handlers.registry import build_registry

    s = services.settings
    if s.crypto_enabled:
        services.crypto = MessageCrypto(s.wechat_token, s.wechat_encoding_aes_key, s.wechat_app_id)
    services.dedup = Deduplicator(services.redis, s.key_prefix)
    services.questions = QuestionLog(services.redis, s.key_prefix, s.question_log_days,
                                     s.wechat_token)
    services.dispatcher = Dispatcher(
        services,
        build_registry(),
        SessionStore(services.redis, s.key_prefix),
        RateLimiter(services.redis, s.key_prefix, s.rate_limit_per_minute),
    )


def _store_down(exc):
    """503 with a reason when Redis fails outside the message path (which answers politely)."""
    from flask import jsonify

    log.error("store unavailable: %s", type(exc).__name__)
    resp = jsonify(error="存储暂时不可用，请稍后再试")
    resp.status_code = 503
    return resp


def _too_large(exc):
    """413 for bodies over MAX_BODY, logged on one line like every refusal."""
    from flask import Response, request

    log.warning("refused %s %s: 413 body over %d bytes", request.method, request.path, MAX_BODY)
    return Response("body too large", status=413, mimetype="text/plain")


def _configure_logging() -> None:
    """One line per event on stderr, unless the host (gunicorn, pytest) configured logging."""
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
