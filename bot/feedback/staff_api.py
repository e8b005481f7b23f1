"""Staff API for feedback: list it (paged, filtered), answer a follower through WeChat, and
close or reopen a ticket."""

from __future__ import annotations

import logging

import requests
from flask import jsonify, request
from wechatpy.exceptions import WeChatClientException

from bot.feedback import query as q
from bot.feedback.record import is_pseudonym, parse_day
from bot.platform.staff import error, staff_blueprint
from bot.services import get_services

log = logging.getLogger("bot.feedback")

bp = staff_blueprint("admin_feedback", __name__)

MAX_PER_PAGE = 100
MAX_REPLY_BYTES = 2048  # WeChat's limit for a customer-service text
OUTSIDE_WINDOW = 45015  # the follower has not written to the account in 48 hours
OUT_OF_REPLIES = 45047  # five customer-service messages already answered the follower's last one
KEEPS = "回复没有发送，工单状态不变。"
OUTSIDE_TEXT = "粉丝已超过 48 小时没有与公众号互动，微信不允许再向其发送客服消息"
USED_UP_TEXT = ("微信限制客服消息条数：粉丝发消息后 48 小时内最多 5 条，"
                "点击菜单、关注或扫码后 1 分钟内最多 3 条，这位粉丝的额度已经用完")
AGAIN = "；等粉丝再发消息后可以继续回复。"
# What the bot's own record of the follower's windows says (bot/wechat/cs_window.py), before WeChat.
WINDOW_REFUSALS = {
    "outside": (409, OUTSIDE_TEXT + "（按本机记录，未调用微信）。", "outside_48h_window"),
    "used_up": (409, USED_UP_TEXT + "（按本机记录，未调用微信）" + AGAIN, "reply_quota_used"),
}
SETTABLE = ("done", "new")  # "replied" is set by sending a reply, never by hand


@bp.get("/feedback")
def list_feedback():
    """Newest first; `page`/`per_page`, or `cursor` (from `next_cursor`); status/since/until."""
    args = request.args
    try:
        flt = q.Filter(
            status=args.get("status") or None,
            since=parse_day(args["since"]) if args.get("since") else None,
            until=parse_day(args["until"], end=True) if args.get("until") else None,
        )
        # Asking for more than a page holds is common and harmless: give the most we serve.
        per_page = min(_int_arg("per_page", 20, 1, 10**9), MAX_PER_PAGE)
        store = get_services().feedback
        if "cursor" in args:
            items, next_cursor = q.after(store, flt, args["cursor"] or None, per_page)
            return jsonify(items=[r.to_dict() for r in items], per_page=per_page,
                           next_cursor=next_cursor, total=q.count(store, flt))
        page = _int_arg("page", 1, 1, 10**9)
    except ValueError as exc:
        return error(400, str(exc))
    total = q.count(store, flt)
    items = q.page(store, flt, (page - 1) * per_page, per_page)
    return jsonify(items=[r.to_dict() for r in items], total=total, page=page,
                   per_page=per_page, pages=(total + per_page - 1) // per_page)


@bp.get("/feedback/<ref>")
def show_feedback(ref: str):
    """One record, by id or ticket."""
    record = get_services().feedback.get(ref)
    if record is None:
        return error(404, f"没有编号为 {ref} 的留言")
    return jsonify(record.to_dict())


@bp.post("/feedback/<ref>/reply")
def reply_to_feedback(ref: str):
    """Send `{"text": …}` to the follower as a customer-service message, then record it."""
    services = get_services()
    record = services.feedback.get(ref)
    if record is None:
        return error(404, f"没有编号为 {ref} 的留言")
    body = request.get_json(silent=True)
    text = body.get("text") if isinstance(body, dict) else None
    if not isinstance(text, str) or not text.strip():
        return error(400, '请求体应为 JSON：{"text": "回复内容"}，且回复内容不能为空')
    try:
        updated = deliver_reply(services, record, text)
    except ReplyRefused as refused:
        return error(refused.status, refused.message, **refused.extra)
    return jsonify(updated.to_dict())


class ReplyRefused(Exception):
    """A reply that was not sent; `message` says why in Chinese, the ticket is unchanged."""

    def __init__(self, status: int, message: str, **extra) -> None:
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


def deliver_reply(services, record, text: str, by: str = "staff"):
    """Send `text` to the record's follower through WeChat, then record it (staff API and
    console alike); ReplyRefused when it is empty, too long, or WeChat refuses it."""
    text = (text or "").strip()
    if not text:
        raise ReplyRefused(400, "回复内容不能为空")
    if len(text.encode("utf-8")) > MAX_REPLY_BYTES:
        raise ReplyRefused(400, f"回复内容过长：微信客服消息最多 {MAX_REPLY_BYTES} 字节，请精简")
    if services.api is None:
        raise ReplyRefused(503, "微信接口未启用（没有设置 WECHAT_APP_ID / WECHAT_APP_SECRET），"
                           + KEEPS, reason="api_disabled")
    if is_pseudonym(record.openid):
        raise ReplyRefused(409, "这位粉丝已取消关注，微信号已从工单中去除，无法再回复。" + KEEPS,
                           reason="unsubscribed")
    windows = services.extra.get("cs_windows")
    verdict, kind = windows.take(record.openid) if windows else ("unknown", "")
    if verdict in WINDOW_REFUSALS:
        log.info("feedback %s: reply held back (%s)", record.ticket, verdict)
        status, message, reason = WINDOW_REFUSALS[verdict]
        raise ReplyRefused(status, message + KEEPS, reason=reason)
    try:
        services.api.message.send_text(record.openid, text)
    except WeChatClientException as exc:
        if windows and exc.errcode not in (OUTSIDE_WINDOW, OUT_OF_REPLIES):
            windows.give_back(record.openid, kind)
        raise _wechat_error(record.ticket, exc) from None
    except requests.RequestException as exc:
        if windows:
            windows.give_back(record.openid, kind)
        log.warning("feedback %s: WeChat API unreachable: %s", record.ticket, exc)
        raise ReplyRefused(502, "无法连接微信接口，" + KEEPS, reason="api_unreachable") from None
    updated = services.feedback.add_reply(record.id, text, by=by)
    log.info("feedback %s answered by %s", record.ticket, by)
    return updated


@bp.post("/feedback/<ref>/status")
def set_feedback_status(ref: str):
    """`{"status": "done"}` closes a ticket; `{"status": "new"}` reopens it."""
    store = get_services().feedback
    if store.get(ref) is None:
        return error(404, f"没有编号为 {ref} 的留言")
    body = request.get_json(silent=True)
    status = body.get("status") if isinstance(body, dict) else None
    if status not in SETTABLE:
        return error(400, '请求体应为 JSON：{"status": "done"}（办结）'
                          '或 {"status": "new"}（重新打开）')
    record = store.set_status(ref, status)
    log.info("feedback %s marked %s by staff", record.ticket, status)
    return jsonify(record.to_dict())


def _wechat_error(ticket: str, exc: WeChatClientException) -> ReplyRefused:
    """A clear error for a refused customer-service message; the ticket is left as it was."""
    log.warning("feedback %s: WeChat refused the reply: %s %s", ticket, exc.errcode, exc.errmsg)
    if exc.errcode == OUTSIDE_WINDOW:
        return ReplyRefused(409, OUTSIDE_TEXT + "（errcode 45015）。" + KEEPS,
                            reason="outside_48h_window", errcode=exc.errcode)
    if exc.errcode == OUT_OF_REPLIES:
        return ReplyRefused(409, USED_UP_TEXT + "（errcode 45047）" + AGAIN + KEEPS,
                            reason="reply_quota_used", errcode=exc.errcode)
    # bot.wechat.api raises WeChatAPIError, whose `message` already explains the code in Chinese.
    reason = getattr(exc, "message", "") or f"微信接口错误 {exc.errcode}：{exc.errmsg}"
    if exc.errcode is None:
        return ReplyRefused(502, f"无法连接微信接口（{reason}），" + KEEPS,
                            reason="api_unreachable")
    return ReplyRefused(502, f"{reason}。" + KEEPS, reason="api_error", errcode=exc.errcode)


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    """A whole-number query argument within [low, high]; ValueError naming it otherwise."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ValueError(f"{name} 应为 {low} 到 {high} 之间的整数，收到“{raw}”")
    return int(raw)
