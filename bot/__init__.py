"""The WeChat-facing service: app factory, webhook, dispatcher, staff API and CLI."""

from bot.app import create_app

__all__ = ["create_app"]
