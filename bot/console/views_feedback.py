"""The feedback inbox: filter, read a ticket, reply through WeChat, close or reopen, export."""

from __future__ import annotations

import io
from datetime import datetime

from flask import Response, abort, flash, g, redirect, render_template, request, url_for

from bot.console.web import audit, bp, page_number
from bot.feedback import query as q
from bot.feedback.cli import write_records
from bot.feedback.record import STATUSES, parse_day
from bot.feedback.staff_api import SETTABLE, ReplyRefused, deliver_reply
from bot.services import get_services

PER_PAGE = 20
SCAN_LIMIT = 20000  # a text filter reads at most this many of the newest records
STATUS_NAMES = {"new": "待处理", "replied": "已回复", "done": "已办结"}


def _filter() -> tuple[q.Filter, str, str]:
    """The inbox filter from the query string, its free text, and an error to show ('')."""
    args = request.args
    status = args.get("status") or None
    try:
        flt = q.Filter(
            status=status if status in STATUSES else None,
            since=parse_day(args["since"]) if args.get("since") else None,
            until=parse_day(args["until"], end=True) if args.get("until") else None,
        )
    except ValueError as exc:
        return q.Filter(status=status if status in STATUSES else None), "", str(exc)
    return flt, (args.get("text") or "").strip()[:100], ""


def _matches(record, text: str) -> bool:
    needle = text.lower()
    return any(needle in (value or "").lower()
               for value in (record.text, record.ticket, record.openid))


def _newest(store, flt: q.Filter, text: str, offset: int, limit: int) -> tuple[list, int]:
    """One page of matches, newest first, and how many match in all."""
    if not text:
        return q.page(store, flt, offset, limit), q.count(store, flt)
    found, scanned = [], 0
    while scanned < SCAN_LIMIT:
        batch = q.page(store, flt, scanned, 500)
        if not batch:
            break
        scanned += len(batch)
        found += [r for r in batch if _matches(r, text)]
    return found[offset:offset + limit], len(found)


@bp.get("/feedback")
def feedback_list():
    """Newest first, with status, date and text filters, and the count of new tickets."""
    store = get_services().feedback
    flt, text, problem = _filter()
    page = page_number()
    items, total = _newest(store, flt, text, (page - 1) * PER_PAGE, PER_PAGE)
    new_count = q.count(store, q.Filter(status="new"))
    return render_template(
        "console/feedback_list.html", items=items, total=total, page=page,
        pages=max(1, (total + PER_PAGE - 1) // PER_PAGE), new_count=new_count, problem=problem,
        statuses=STATUS_NAMES, args=request.args)


@bp.get("/feedback/export.csv")
def feedback_export():
    """The current filter as CSV (UTF-8 with BOM for Excel; formulas neutralised)."""
    store = get_services().feedback
    flt, text, problem = _filter()
    if problem:
        abort(400, problem)
    records = (r for r in q.iterate(store, flt) if not text or _matches(r, text))
    buf = io.StringIO()
    buf.write("\ufeff")
    n = write_records(buf, records, "csv")
    audit("导出留言", f"{n} 条；" + "，".join(f"{k}={v}" for k, v in request.args.items() if v))
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    return Response(buf.getvalue(), mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="feedback-{stamp}.csv"'})


@bp.get("/feedback/<ticket>")
def feedback_ticket(ticket: str):
    """One ticket: the follower's message and image, the replies, the reply form."""
    store = get_services().feedback
    record = store.get(ticket)
    if record is None or record.ticket != ticket.upper():
        abort(404)
    return render_template("console/feedback_ticket.html", r=record, statuses=STATUS_NAMES,
                           draft="", others=_others(store, record))


def _others(store, record, scan: int = 500) -> list:
    """The same follower's other messages among the newest `scan` (no per-follower index)."""
    recent = q.page(store, q.Filter(), 0, scan)
    return [r for r in recent if r.openid == record.openid and r.id != record.id][:10]


@bp.post("/feedback/<ticket>/reply")
def feedback_reply(ticket: str):
    """Send the reply through WeChat; a refusal is shown and the ticket keeps its status."""
    services = get_services()
    record = services.feedback.get(ticket)
    if record is None:
        abort(404)
    text = request.form.get("text", "")
    try:
        deliver_reply(services, record, text, by=g.staff.username)
    except ReplyRefused as refused:
        audit("回复留言失败", f"{record.ticket}：{refused.message}")
        flash(refused.message, "error")
        return render_template("console/feedback_ticket.html", r=services.feedback.get(ticket),
                               statuses=STATUS_NAMES, draft=text,
                               others=_others(services.feedback, record)), refused.status
    audit("回复留言", f"{record.ticket}：{text.strip()[:100]}")
    flash("回复已通过微信客服消息发送。")
    return redirect(url_for("console.feedback_ticket", ticket=record.ticket))


@bp.post("/feedback/<ticket>/status")
def feedback_status(ticket: str):
    """Mark done, or reopen."""
    store = get_services().feedback
    status = request.form.get("status")
    if store.get(ticket) is None:
        abort(404)
    if status not in SETTABLE:
        abort(400, "状态只能是 done（办结）或 new（重新打开）")
    record = store.set_status(ticket, status)
    audit("办结留言" if status == "done" else "重新打开留言", record.ticket)
    flash(f"{record.ticket} 已{'办结' if status == 'done' else '重新打开'}。")
    return redirect(url_for("console.feedback_ticket", ticket=record.ticket))
