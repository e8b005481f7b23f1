"""The Flask app factory."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import redis
from flask import Flask

from bot import (
    articles,
    audience,
    broadcasts,
    console,
    conversation,
    devtools,
    faq,
    feedback,
    platform,
    wechat,
)
from bot.platform.body_limit import BodyLimit
from bot.platform.redis_store import connect
from bot.platform.scrub import install_log_scrubber, register_secrets
from bot.platform.strict_json import StrictJSONProvider
from bot.services import EXTENSION, Services
from config.settings import load_settings

log = logging.getLogger("bot")

MAX_BODY = 1024 * 1024  # WeChat messages are tiny; anything over 1 MiB is refused with 413


def create_app(test_config: Mapping | None = None) -> Flask:
    """Build the app. `test_config` overrides settings (lower-case names) and Flask config."""
    test_config = dict(test_config or {})
    environ = test_config.pop("ENVIRON", None)
    settings = load_settings(environ, overrides=test_config)
    app = Flask(__name__)
    app.json = StrictJSONProvider(app)
    app.config.update(MAX_CONTENT_LENGTH=MAX_BODY, JSON_AS_ASCII=False)
    app.config.update({k: v for k, v in test_config.items() if k.isupper()})
    app.json.ensure_ascii = False
    _configure_logging()
    register_secrets((settings.wechat_app_secret, settings.admin_token,
                      settings.wechat_encoding_aes_key, settings.wechat_token))

    services = Services(settings=settings, redis=connect(settings))
    app.extensions[EXTENSION] = services
    # Each package builds its services and registers its routes and CLI commands; the order
    # is the order of need (broadcasts' region tags before followers, all before dispatch).
    platform.init_app(app, services)
    articles.init_app(app, services)
    feedback.init_app(app, services)
    wechat.init_app(app, services)
    broadcasts.init_app(app, services)
    audience.init_app(app, services)
    faq.init_app(app, services)
    conversation.init_app(app, services)
    devtools.init_app(app, services)
    console.init_app(app, services)  # last: it wraps the dispatcher to count messages
    # chunked bodies too; a package may allow one path more (the console's article upload)
    app.wsgi_app = BodyLimit(app.wsgi_app, MAX_BODY, per_path=app.config.get("BODY_LIMITS"))
    app.register_error_handler(413, _too_large)
    app.register_error_handler(redis.RedisError, _store_down)
    return app


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
    """One line per event on stderr, unless the host (gunicorn, pytest) configured logging;
    every record scrubbed of URL query strings and secrets either way."""
    install_log_scrubber()
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
