"""The Flask side: the app factory, the service container and one package per feature."""

from bot.app import create_app

__all__ = ["create_app"]
