"""Articles: the knowledge base's service, its public article pages, staff API and `kb` CLI."""

from __future__ import annotations

import logging

import redis
from flask import Flask

from bot.services import Services

log = logging.getLogger("bot.articles")


def init_app(app: Flask, services: Services) -> None:
    """Open the knowledge base; register article pages, the articles staff API and `kb`."""
    from bot.articles import cli, page, staff_api
    from knowledge import KnowledgeBase

    settings = services.settings
    services.kb = KnowledgeBase(services.redis, settings.key_prefix, settings.data_dir)
    if settings.extra.get("kb_bundled", True):
        try:
            services.kb.load_bundled()  # an empty store starts with the sample articles
        except redis.RedisError as exc:  # the store failed over while this worker booted
            log.warning("bundled articles not loaded by this worker: %s", type(exc).__name__)
    app.register_blueprint(page.bp)
    app.register_blueprint(staff_api.bp)
    app.cli.add_command(cli.kb_cli)
