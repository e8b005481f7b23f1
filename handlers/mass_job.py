"""MASSSENDJOBFINISH: WeChat reports a mass send's outcome; the broadcast job is closed.

The job store is reached through `ctx.broadcasts` (handlers.context.MassJobs); the event
gets no reply.
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
            msg.error_count,
        )
        if job is None:
            log.info("MASSSENDJOBFINISH for msg_id %s not sent by the bot (console?)", msg.id)
        return SILENT
