"""Development tools: the dev server, terminal chat and WeChat's side of the protocol."""

from __future__ import annotations

from flask import Flask

from bot.services import Services


def init_app(app: Flask, services: Services) -> None:
    """Register the `chat` CLI (talks to a running bot as a follower would)."""
    from bot.devtools import chat

    app.cli.add_command(chat.chat)
