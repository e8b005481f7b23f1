"""Service answers (FAQ): the Redis store as `services.faq`, and the `faq` CLI group."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from bot.services import Services
from config.texts import CONFIG_DIR
from knowledge.faq import read_entries
from knowledge.faq_store import FaqStore

STARTER = CONFIG_DIR / "faq.toml"  # the bundled starter set; `make run` loads it


def wire(services: Services) -> None:
    """Build the store; the dispatcher hands it to handlers as ctx.faq."""
    services.faq = FaqStore(services.redis, services.settings.key_prefix)


def init_app(app: Flask, services: Services) -> None:
    """Build the store (services.faq) and register the `faq` CLI group."""
    from bot.faq.cli import faq_cli

    wire(services)
    app.cli.add_command(faq_cli)


def load_starter(store: FaqStore, path: Path = STARTER) -> int:
    """Fill an empty store with the starter set; how many entries were added."""
    loaded = read_entries(path)
    if loaded.errors:
        raise ValueError("; ".join(loaded.errors))
    return store.load_starter(loaded.entries)
