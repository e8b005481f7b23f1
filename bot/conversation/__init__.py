"""The conversation: the dispatcher over the handler registry, sessions, rate limit, questions."""

from __future__ import annotations

from flask import Flask

from bot.services import Services


def init_app(app: Flask, services: Services) -> None:
    """Build the question log and the dispatcher with its session store and rate limiter."""
    from bot.conversation.dispatcher import Dispatcher
    from bot.conversation.questions import QuestionLog
    from bot.conversation.ratelimit import RateLimiter
    from bot.conversation.sessions import SessionStore
    from bot.conversation.turn import Turns
    from handlers.registry import build_registry

    s = services.settings
    services.questions = QuestionLog(services.redis, s.key_prefix, s.question_log_days,
                                     s.wechat_token)
    services.dispatcher = Dispatcher(
        services,
        build_registry(),
        SessionStore(services.redis, s.key_prefix),
        RateLimiter(services.redis, s.key_prefix, s.rate_limit_per_minute),
    )
    services.turns = Turns(services)
