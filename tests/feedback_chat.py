"""An in-process follower for handler tests: fixture XML through wechatpy and the registry."""

from __future__ import annotations

import itertools
import string
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

import wechatpy

from bot.conversation.dispatcher import message_text
from bot.platform.china_time import CHINA
from handlers.context import Context, Session
from handlers.registry import build_registry
from tests.conftest import FIXTURES

_ids = itertools.count(9_000_000_000)


def parse_fixture(name: str, **values: str) -> object:
    """A wechatpy message from tests/fixtures/feedback/<name>.xml with $placeholders filled."""
    template = string.Template((FIXTURES / "feedback" / f"{name}.xml").read_text("utf-8"))
    return wechatpy.parse_message(template.substitute({k: escape(v) for k, v in values.items()}))


class Chat:
    """One follower talking to the handlers, with a clock the test moves by hand."""

    def __init__(self, feedback, openid: str = "oFollower000000000000000001",
                 now: datetime | None = None) -> None:
        self.feedback = feedback
        self.openid = openid
        self.now = now or datetime(2026, 11, 28, 10, 0, tzinfo=CHINA)  # as the dispatcher's
        self.session = Session()
        self.registry = build_registry()
        self.answered_by = ""

    def tick(self, **delta: float) -> None:
        """Move the clock forward."""
        self.now += timedelta(**delta)

    def send(self, name: str = "text", msgid: str | None = None, **values: str) -> object:
        """Deliver one message; return the reply value of the first handler that matches."""
        msgid = msgid or str(next(_ids))
        msg = parse_fixture(name, openid=self.openid, msgid=msgid, **values)
        ctx = Context(
            openid=self.openid, text=message_text(msg), session=self.session,
            dedup_key=f"msg:{msgid}", now=self.now,
            feedback=self.feedback,
        )
        for handler in self.registry:
            match = handler.check(msg, ctx)
            if match is not None:
                self.answered_by = handler.name
                return handler.handle(msg, ctx, match)
        raise AssertionError("no handler answered")

    def say(self, content: str, msgid: str | None = None) -> str:
        """Send a text message and return the reply's text."""
        return self.send("text", msgid=msgid, content=content).content
