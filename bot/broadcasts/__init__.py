"""Broadcasts: job store, service, runner, drafts, quotas, WeChat's reports, staff API and CLI."""

from __future__ import annotations

from flask import Flask

from bot.services import Services


def init_app(app: Flask, services: Services) -> None:
    """Build the broadcast service; register its staff API and the `broadcast`/`worker` CLI."""
    from bot.broadcasts import cli, staff_api
    from bot.broadcasts.service import Broadcasts

    services.broadcasts = Broadcasts(services)
    services.region_tags = services.broadcasts.tags
    app.register_blueprint(staff_api.bp)
    app.cli.add_command(cli.broadcast_cli)
    app.cli.add_command(cli.worker)
