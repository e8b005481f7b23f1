"""The audience: followers' region, scene and place, their region tags, and forgetting them."""

from __future__ import annotations

from flask import Flask

from bot.services import Services


def init_app(app: Flask, services: Services) -> None:
    """Build the followers service (tagging through the region tags when the API is on) and
    the privacy service that forgets a follower who unsubscribes."""
    from bot.audience.followers import Followers
    from bot.audience.privacy import FollowerPrivacy

    tags = services.region_tags
    tagger = tags.retag if tags else None
    services.followers = Followers(services.redis, services.settings.key_prefix, tagger=tagger)
    services.privacy = FollowerPrivacy(services)  # unsubscribe forgets the follower
