"""MASSSENDJOBFINISH: WeChat reports a mass send's outcome; the broadcast job is closed.

The job store is reached through `ctx.broadcasts` (handlers.context.MassJobs); the event
gets no reply. Besides the counts, the event carries the reprint check
(CopyrightCheckResult) and the sent articles' addresses (ArticleUrlResult), as documented in
事件推送群发结果: https://developers.weixin.qq.com/doc/service/guide/product/message/Batch_Sends.html
"""

from __future__ import annotations

import logging
from typing import Any

from handlers.base import Handler
from handlers.context import Context
from handlers.replies import SILENT, Reply

log = logging.getLogger("handlers.mass_job")


class MassJobFinish(Handler):
    """Records status and counts of the job whose msg_id WeChat names."""

    name = "mass_job"

    def check(self, msg: Any, ctx: Context) -> bool | None:
        finished = getattr(msg, "type", "") == "event" and getattr(msg, "event", "") == (
            "masssendjobfinish")
        return True if finished else None

    def handle(self, msg: Any, ctx: Context, match: bool) -> Reply:
        if ctx.broadcasts is None:
            log.warning("MASSSENDJOBFINISH %s ignored: no broadcast store", getattr(msg, "id", ""))
            return SILENT
        job = ctx.broadcasts.record_finish(
            str(msg.id), msg.status or "", msg.total_count, msg.filter_count, msg.sent_count,
            msg.error_count, check=check_result(getattr(msg, "_data", {}) or {}),
        )
        if job is None:
            log.info("MASSSENDJOBFINISH for msg_id %s not sent by the bot (console?)", msg.id)
        return SILENT


def _rows(box: Any) -> list[dict]:
    """The `item`s of a ResultList, whether XML gave none, one (a dict) or several (a list)."""
    results = box.get("ResultList") if isinstance(box, dict) else None
    items = results.get("item") if isinstance(results, dict) else None
    if isinstance(items, dict):
        items = [items]
    return [i for i in items or [] if isinstance(i, dict)]


def check_result(raw: dict) -> dict:
    """{"check_state", "items", "article_urls"} from the event's two result blocks."""
    check = raw.get("CopyrightCheckResult")
    state = str(check.get("CheckState") or "0").strip() if isinstance(check, dict) else "0"
    urls = [str(r.get("ArticleUrl") or "") for r in _rows(raw.get("ArticleUrlResult"))]
    return {"check_state": int(state) if state.isdigit() else 0, "items": _rows(check),
            "article_urls": [u for u in urls if u]}
