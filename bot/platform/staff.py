"""Staff API authentication: every /admin/api route needs `Authorization: Bearer $ADMIN_TOKEN`."""

from __future__ import annotations

import hmac
import logging

from flask import Blueprint, jsonify, request

from bot.platform.scrub import scrub
from bot.services import get_services

log = logging.getLogger("bot.staff")

API_PREFIX = "/admin/api"


def staff_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint under /admin/api whose every route is refused without the staff token."""
    bp = Blueprint(name, import_name, url_prefix=API_PREFIX)
    bp.before_request(_require_staff)
    return bp


def _require_staff():
    """401 without a bearer token, 403 with a wrong one (or when ADMIN_TOKEN is unset)."""
    expected = get_services().settings.admin_token
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return error(401, "需要 Authorization: Bearer <ADMIN_TOKEN>")
    if not expected:
        log.warning("staff API refused: ADMIN_TOKEN is not set")
        return error(403, "员工接口未启用：服务器没有设置 ADMIN_TOKEN")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        log.warning("staff API refused: wrong token from %s", request.remote_addr)
        return error(403, "令牌不正确")
    return None


def error(status: int, message: str, **extra):
    """A JSON error response `{"error": message, ...}` with `status`."""
    resp = jsonify(error=scrub(message), **extra)
    resp.status_code = status
    return resp
