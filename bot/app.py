"""The Flask app factory."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Flask

from bot.feedback import build_store
from bot.services import EXTENSION, Services
from bot.store import connect
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
    services.feedback = build_store(services.redis, settings.key_prefix, settings.extra)
    if not settings.api_enabled:
        log.warning("WECHAT_APP_ID/WECHAT_APP_SECRET not set: WeChat API features are off")

    from bot import health

    app.register_blueprint(health.bp)

    from bot import admin_feedback, cli_feedback

    app.register_blueprint(admin_feedback.bp)
    app.cli.add_command(cli_feedback.feedback_cli)
    return app


def _configure_logging() -> None:
    """One line per event on stderr, unless the host (gunicorn, pytest) configured logging."""
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
