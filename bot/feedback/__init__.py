"""Followers' feedback: the durable store, staff queries, the staff API and `feedback` CLI."""

from __future__ import annotations

from flask import Flask

from bot.services import Services


def init_app(app: Flask, services: Services) -> None:
    """Open the feedback store; register the feedback staff API and the `feedback` CLI."""
    from bot.feedback import cli, staff_api
    from bot.feedback.store import build_store

    services.feedback = build_store(services.redis, services.settings)
    app.register_blueprint(staff_api.bp)
    app.cli.add_command(cli.feedback_cli)
