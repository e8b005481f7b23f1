"""Forgetting a follower who unsubscribes (取消关注).

WeChat's 接收事件推送 documentation, 关注/取消关注事件: "为保护用户数据隐私，开发者收到用户取消关注
事件时需要删除该用户的所有信息" (on receiving an unsubscribe event, delete all of that user's data):
https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html

What goes, at once, while WeChat's unsubscribe event is answered: the follower record (region,
QR scene, located province and their times), the conversation session, the rate-limit and
customer-service window counters, the follower's question-log entries (when a question log is
kept), and the follower's region tag at WeChat (in the background, when the API is on). What
stays: feedback tickets, for staff, with the openid replaced by a pseudonym (see
bot/feedback/privacy.py), and broadcast jobs, which name no follower. Dedup keys never held an
openid in clear (bot/wechat/dedup.py).
"""

from __future__ import annotations

import logging
import time

from bot.conversation.ratelimit import rate_key
from bot.feedback.privacy import pseudonymise
from bot.services import Services

log = logging.getLogger("bot.privacy")


class FollowerPrivacy:
    """`services.privacy`, handed to handlers as `ctx.privacy` (handlers.context.Privacy)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def forget(self, openid: str) -> dict:
        """Delete or pseudonymise what is kept about `openid`; counts of what changed."""
        if not openid:
            return {}
        s = self.services
        prefix = s.settings.key_prefix
        window = int(time.time() // 60)  # the rate limiter's keys live two minutes at most
        keys = [f"{prefix}session:{openid}",
                *(rate_key(prefix, openid, w) for w in (window - 1, window, window + 1))]
        keys.append(s.cs_windows.key(openid))
        deleted = s.redis.delete(*keys)
        s.followers.forget(openid)
        tickets = pseudonymise(s.feedback, openid)
        questions = s.questions.forget(openid)  # the question log's entries of this follower
        log.info("a follower unsubscribed: %d key(s) deleted, %d ticket(s) pseudonymised, "
                 "%d question(s) removed", deleted, tickets, questions or 0)
        return {"keys": deleted, "tickets": tickets, "questions": questions or 0}
