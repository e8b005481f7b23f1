"""The per-app service container: settings, the store and what is built on it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import redis
from flask import Flask, current_app

from config.settings import Settings

if TYPE_CHECKING:
    from bot.conversation.questions import QuestionLog

EXTENSION = "jyq"


@dataclass
class Services:
    """Everything the routes and CLI commands share within one app."""

    settings: Settings
    redis: redis.Redis
    kb: Any = None  # knowledge base (knowledge/)
    feedback: Any = None  # handlers.context.FeedbackSink
    followers: Any = None  # handlers.context.Followers
    faq: Any = None  # knowledge.faq_store.FaqStore: service answers (handlers.context.FaqService)
    api: Any = None  # WeChat API client, None when AppID/AppSecret are unset
    crypto: Any = None  # bot.wechat.crypto.MessageCrypto, None in plaintext-only mode
    dispatcher: Any = None
    turns: Any = None  # bot.conversation.turn.Turns: a message's two round trips
    dedup: Any = None
    replay: Any = None  # bot.wechat.replay.ReplayGuard
    clock: Callable[[], float] = time.time  # injectable: tests move time to probe windows
    # The question log: record(), entries(since), gaps(since, limit), dismiss(text); editors'
    # fixes live beside it on kb.editorial: add_synonym(), delete_synonym(), pin(), unpin().
    questions: QuestionLog | None = None
    extra: dict = field(default_factory=dict)

    def key(self, *parts: str) -> str:
        """A store key under the app's prefix: key('session', openid) -> 'jyq:session:openid'."""
        return self.settings.key_prefix + ":".join(parts)


def get_services(app: Flask | None = None) -> Services:
    """The Services of `app` (default: the current app)."""
    return (app or current_app).extensions[EXTENSION]
