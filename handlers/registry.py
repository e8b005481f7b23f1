"""The ordered handler registry: the first handler whose `check` matches answers.

Adding an intent is one new module in `handlers/` and one line here.
"""

from __future__ import annotations

from handlers import events, fixed, media, news, paging, subscription
from handlers.base import Handler
from handlers.cancel import Cancel
from handlers.fallback import Fallback
from handlers.feedback import Feedback
from handlers.mass_job import MassJobFinish
from handlers.menu_click import Click
from handlers.search import Search


def build_registry() -> list[Handler]:
    """A fresh list of handler instances, in the order they are asked."""
    return [
        MassJobFinish(),  # a WeChat event, never a follower's words: answer it first
        # Events first: they carry no text, and WeChat expects them answered quickly.
        events.Subscribe(),
        events.Unsubscribe(),
        events.Scan(),
        Click(),  # FEEDBACK is left to the feedback handler below
        events.View(),
        events.LocationEvent(),
        Cancel(),  # leaves any mode, so it comes before every mode's handler
        Feedback(),  # 留言 / 意见 / 建议 / 反馈 / 投诉建议, the FEEDBACK click, and its mode
        *fixed.answers(),  # 你好 / 帮助 / 热线 …: config/fixed_answers.toml
        subscription.Unsubscribe(),
        subscription.Subscribe(),
        paging.Paging(),
        paging.Pick(),
        news.Latest(),
        news.RegionNews(),
        media.Location(),
        media.Voice(),
        media.Unreadable(),
        Search(),  # questions nobody above claimed; just before Fallback
        Fallback(),  # always last: it matches everything
    ]
