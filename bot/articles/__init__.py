"""Articles: the knowledge base's service, its public article pages, staff API and `kb` CLI
(with the editors' gaps, synonyms and pins)."""

from __future__ import annotations

from flask import Flask

from bot.services import Services


def init_app(app: Flask, services: Services) -> None:
    """Open the knowledge base; register article pages, the articles staff API and `kb`."""
    from bot.articles import cli, kb_editorial, page, staff_api
    from knowledge import KnowledgeBase

    settings = services.settings
    # Never fills the store: only the development server (make run) loads the samples.
    services.kb = KnowledgeBase(services.redis, settings.key_prefix, settings.data_dir)
    app.register_blueprint(page.bp)
    app.register_blueprint(staff_api.bp)
    kb_editorial.register(cli.kb_cli)
    app.cli.add_command(cli.kb_cli)
