"""Platform plumbing: the Redis connection (server, Sentinel, Cluster), auth, health, time."""

from __future__ import annotations

from flask import Flask

from bot.services import Services


def init_app(app: Flask, services: Services) -> None:
    """Register the health check."""
    from bot.platform import health

    app.register_blueprint(health.bp)
