"""Staff API: POST /admin/api/broadcasts and GET /admin/api/broadcasts/<id>."""

from __future__ import annotations

import redis
from flask import jsonify, request

from bot.broadcasts.service import BroadcastError, QuotaRefused
from bot.platform.staff import error, staff_blueprint
from bot.services import get_services

bp = staff_blueprint("admin_broadcasts", __name__)

FIELDS = ("article_id", "all", "region", "preview_openid", "send_at")


@bp.post("/broadcasts")
def create_broadcast():
    """Create a preview or a send (now or at `send_at`); 201 done/scheduled, 409 refused."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return error(400, "请求体必须是 JSON 对象")
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        return error(400, f"{unknown[0]}：未知字段（可用：{'、'.join(FIELDS)}）")
    for name in ("article_id", "region", "preview_openid", "send_at"):
        if body.get(name) is not None and not isinstance(body[name], str):
            return error(400, f"{name}：必须是字符串")
    if body.get("all") is not None and not isinstance(body["all"], bool):
        return error(400, "all：必须是 true 或 false")
    try:
        job = get_services().broadcasts.request(
            body.get("article_id") or "",
            send_all=bool(body.get("all")),
            region=body.get("region") or None,
            preview_openid=body.get("preview_openid"),
            send_at=body.get("send_at") or None,
            web=True,
        )
    except QuotaRefused as exc:
        return error(409, str(exc))
    except BroadcastError as exc:
        return error(400, str(exc))
    except redis.RedisError as exc:
        return error(503, f"存储暂时不可用，请稍后再试（{type(exc).__name__}）")
    if job.status == "refused":
        return error(409, job.error, job=job.to_dict())
    if job.status == "failed":
        return error(502, job.error, job=job.to_dict())
    resp = jsonify(job=job.to_dict())
    resp.status_code = 201
    return resp


@bp.get("/broadcasts/<job_id>")
def get_broadcast(job_id: str):
    """One job's state and counts."""
    try:
        job = get_services().broadcasts.get(job_id)
    except redis.RedisError as exc:
        return error(503, f"存储暂时不可用，请稍后再试（{type(exc).__name__}）")
    if job is None:
        return error(404, f"没有群发任务 {job_id}")
    return jsonify(job=job.to_dict())
