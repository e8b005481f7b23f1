"""The ordered handler registry: the first handler whose `check` matches answers.

Adding an intent is one new module in `handlers/` and one line here.
"""

from __future__ import annotations

from handlers import events, fixed, media, news, paging, subscription
from handlers.acknowledge import Acknowledged
from handlers.base import Handler
from handlers.cancel import Cancel
from handlers.complaint import Complaint
from handlers.fallback import Fallback
from handlers.faq import FaqAnswer
from handlers.feedback import Feedback
from handlers.followup import FollowUp
from handlers.latest_ask import LatestAsk
from handlers.mass_job import MassJobFinish
from handlers.menu_click import Click
from handlers.offer import Offer
from handlers.pinned import Pinned
from handlers.region_ask import RegionAsk
from handlers.search import Search
from handlers.social import Social, Wordless


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
        Offer(),  # "1" / 好的 answering the last reply's offer (record feedback, a suggestion)
        Pinned(),  # a question an editor pinned (kb pin) gets its article, whatever it says
        Wordless(),  # 👍 / ？？？ / 在吗在吗在吗: before help, which a lone "?" asks for
        Acknowledged(),  # 收到 我明天去人社局问问: an ok with the follower's own next step
        *fixed.answers(),  # 你好 / 帮助 / 热线 …: config/fixed_answers.toml
        Social(),  # thanks, ok, goodbye, who are you, impatience, abuse, contact by meaning
        subscription.Unsubscribe(),
        subscription.Subscribe(),
        paging.Paging(),
        paging.Pick(),
        FollowUp(),  # 详细点 / 能领吗 / 那湖北呢 on the last answer or list
        news.Latest(),
        news.RegionNews(),
        RegionAsk(),  # 荆州有啥新消息, 咱贵州的
        LatestAsk(),  # 今天更新了吗, 有啥新消息没
        media.Location(),
        media.Voice(),
        media.Unreadable(),
        Complaint(),  # "链接打不开": offered to be recorded as feedback
        FaqAnswer(),  # service answers first; their best article follows
        Search(),  # questions nobody above claimed; just before Fallback
        Fallback(),  # always last: it matches everything
    ]


def answering_handlers() -> list[Handler]:
    """The handlers that answer a question as such (a picked suggestion is asked again)."""
    return [news.Latest(), FaqAnswer(), Search(), Fallback()]
