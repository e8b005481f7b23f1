"""The staff web console under /admin: Chinese, server-rendered, vendored assets only."""

from __future__ import annotations

from flask import Flask

from bot.services import Services


def init_app(app: Flask, services: Services) -> None:
    """Build the console's state, count messages for the dashboard, register the blueprint
    and the `staff` CLI."""
    from bot.console import (  # noqa: F401  (the view modules register their routes on bp)
        views_articles,
        views_auth,
        views_broadcasts,
        views_dashboard,
        views_faq,
        views_feedback,
        views_gaps,
        views_staff,
    )
    from bot.console.cli import staff_cli
    from bot.console.state import KEY, build_state
    from bot.console.traffic import CountingDispatcher, Traffic
    from bot.console.upload import MAX_UPLOAD
    from bot.console.web import bp, configure

    services.extra[KEY] = build_state(services)
    traffic = Traffic(services.redis, services.settings.key_prefix)
    services.extra["traffic"] = traffic
    if services.dispatcher is not None:
        services.dispatcher = CountingDispatcher(services.dispatcher, traffic)
    configure(app)
    app.register_blueprint(bp)
    app.config.setdefault("BODY_LIMITS", {})["/admin/articles/upload"] = MAX_UPLOAD
    app.cli.add_command(staff_cli)
