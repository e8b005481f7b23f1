"""The dashboard: messages per day, the share answered, top questions, open feedback and
followers per region, drawn as server-rendered SVG charts."""

from __future__ import annotations

from flask import render_template

from bot.console import charts, insights
from bot.console.audience import region_counts
from bot.console.views_feedback import STATUS_NAMES
from bot.console.web import bp
from bot.feedback import query as q
from bot.services import get_services

DAYS = 30
TOP = 10


@bp.get("/")
def dashboard():
    """Overview of the last 30 days."""
    services = get_services()
    per_day = services.extra["traffic"].days(DAYS)
    store = services.feedback
    feedback = [(STATUS_NAMES[s], q.count(store, q.Filter(status=s))) for s in STATUS_NAMES]
    regions = [(name or "未订阅地区", n) for name, n in region_counts(services).items()][:12]
    answered, top = insights.summary(services, DAYS, TOP) or (None, [])
    return render_template(
        "console/dashboard.html",
        per_day=charts.columns([(d[5:], n) for d, n in per_day]),
        total=sum(n for _, n in per_day), today=per_day[-1][1],
        answered=answered, ring=charts.ring(answered.share) if answered else None,
        top=charts.rows(top, label_w=170) if top else None,
        feedback=charts.rows(feedback, label_w=80), open_count=feedback[0][1] + feedback[1][1],
        new_count=feedback[0][1],
        regions=charts.rows(regions, label_w=90) if regions else None,
        articles=services.kb.count())
