"""GET /healthz: the store's state and the article count."""

from __future__ import annotations

from flask import Blueprint, jsonify

from bot.platform.redis_store import describe
from bot.services import get_services

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """200 with `status`, `articles` and `store`; 503 (`status` degraded) when the store is
    down, so a load balancer takes the host out of rotation."""
    services = get_services()
    store = describe(services.redis)
    articles = 0
    if store["ok"]:
        articles = services.kb.count()
    status = "ok" if store["ok"] else "degraded"
    resp = jsonify(status=status, articles=articles, store=store)
    resp.status_code = 200 if store["ok"] else 503
    return resp
