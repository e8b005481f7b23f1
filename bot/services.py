"""The per-app service container: settings, the store and what each package builds on it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import redis
from flask import Flask, current_app

from config.settings import Settings

if TYPE_CHECKING:  # the packages import this module; their types are for readers and checkers
    from bot.audience.followers import Followers
    from bot.audience.privacy import FollowerPrivacy
    from bot.audience.region_tags import RegionTags
    from bot.broadcasts.service import Broadcasts
    from bot.console.state import ConsoleState
    from bot.console.traffic import Traffic
    from bot.conversation.dispatcher import Dispatcher
    from bot.conversation.questions import QuestionLog
    from bot.conversation.turn import Turns
    from bot.feedback.store import FeedbackStore
    from bot.wechat.api import BotWeChatClient
    from bot.wechat.crypto import MessageCrypto
    from bot.wechat.cs_window import CustomWindows
    from bot.wechat.dedup import Deduplicator
    from bot.wechat.replay import ReplayGuard
    from knowledge import KnowledgeBase
    from knowledge.faq_store import FaqStore

EXTENSION = "jyq"


@dataclass
class Services:
    """Everything the routes and CLI commands share within one app.

    `create_app` makes it with the settings and the store; each package's `init_app` then sets
    the fields it owns (articles: kb; faq: faq; feedback: feedback; wechat: api, crypto,
    dedup, replay, cs_windows; broadcasts: broadcasts, region_tags; audience: followers,
    privacy; conversation: dispatcher, questions; console: console, traffic).
    """

    settings: Settings
    redis: redis.Redis
    kb: KnowledgeBase = field(init=False)
    faq: FaqStore = field(init=False)  # service answers, handed to handlers as ctx.faq
    feedback: FeedbackStore = field(init=False)
    dedup: Deduplicator = field(init=False)
    replay: ReplayGuard = field(init=False)
    cs_windows: CustomWindows = field(init=False)  # what WeChat lets staff send each follower
    broadcasts: Broadcasts = field(init=False)
    followers: Followers = field(init=False)
    privacy: FollowerPrivacy = field(init=False)  # unsubscribe forgets the follower
    dispatcher: Dispatcher = field(init=False)
    api: BotWeChatClient | None = None  # None when WECHAT_APP_ID/WECHAT_APP_SECRET are unset
    crypto: MessageCrypto | None = None  # None in plaintext-only mode
    region_tags: RegionTags | None = None  # None while the WeChat API is off
    turns: Turns = field(init=False)  # a message's two round trips
    clock: Callable[[], float] = time.time  # injectable: tests move time to probe windows
    # The question log: record(), entries(since), gaps(since, limit), dismiss(text); editors'
    # fixes live beside it on kb.editorial: add_synonym(), delete_synonym(), pin(), unpin().
    questions: QuestionLog = field(init=False)
    console: ConsoleState = field(init=False)  # staff accounts, sessions, throttle, audit
    traffic: Traffic = field(init=False)  # messages per day, for the console's dashboard


def get_services(app: Flask | None = None) -> Services:
    """The Services of `app` (default: the current app)."""
    return (app or current_app).extensions[EXTENSION]
