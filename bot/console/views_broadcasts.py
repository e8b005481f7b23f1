"""Broadcasts: pick an article by search, choose the audience, preview to one's own WeChat,
send now or at a time; the quota left and the jobs, refreshed while one runs."""

from __future__ import annotations

import time

import redis
from flask import flash, g, redirect, render_template, request, url_for

from bot.broadcasts.jobs import OPEN
from bot.broadcasts.service import BroadcastError
from bot.console.audience import region_counts
from bot.console.web import audit, bp
from bot.services import get_services
from knowledge.regions import REGIONS

LIVE = OPEN + ("submitted",)  # figures still to come from WeChat
KIND_NAMES = {"send": "群发", "preview": "预览"}
STATUS_NAMES = {"scheduled": "已定时", "pending": "等待中", "running": "发送中",
                "submitted": "已提交微信", "previewed": "已预览", "finished": "已完成",
                "failed": "失败", "refused": "被拒绝"}


def _jobs_context() -> dict:
    jobs = get_services().extra["broadcasts"].recent(20)
    return {"jobs": jobs, "live": any(j.status in LIVE for j in jobs),
            "status_names": STATUS_NAMES, "kind_names": KIND_NAMES}


def _quota() -> dict:
    service = get_services().extra["broadcasts"]
    check = service.quota.peek("all", time.time())
    kind = ("订阅号：每天 1 次" if service.quota.kind == "subscription"
            else "服务号：每位粉丝每月 4 次")
    return {"kind": kind, "used": check.used, "limit": check.limit,
            "left": max(0, check.limit - check.used)}


@bp.get("/broadcasts")
def broadcasts():
    """The compose form (with article search), the quota and the job list."""
    services = get_services()
    query = (request.args.get("q") or "").strip()[:200]
    hits = services.kb.search(query, limit=8).hits if query else []
    chosen = services.kb.get(request.args.get("article_id", "")) \
        if request.args.get("article_id") else None
    counts = region_counts(services)
    return render_template(
        "console/broadcasts.html", query=query, hits=hits, chosen=chosen, regions=REGIONS,
        counts=counts, known=sum(counts.values()), quota=_quota(),
        api_enabled=services.api is not None, **_jobs_context())


@bp.get("/broadcasts/jobs")
def broadcast_jobs():
    """The job table alone: the page's script swaps it in every few seconds while one runs."""
    return render_template("console/_jobs.html", **_jobs_context())


@bp.post("/broadcasts")
def broadcast_create():
    """Preview to the staff member's own WeChat, or send (now or at `send_at`)."""
    form = request.form
    article_id = form.get("article_id", "")
    back = redirect(url_for("console.broadcasts", article_id=article_id))
    service = get_services().extra["broadcasts"]
    try:
        if form.get("action") == "preview":
            if not g.staff.preview_openid:
                raise BroadcastError("请先在“我的账号”里填写接收预览的 OpenID")
            job = service.request(article_id, preview_openid=g.staff.preview_openid)
            what = f"预览 {article_id} → {g.staff.preview_openid}"
        else:
            if form.get("confirm") != "1":
                raise BroadcastError("群发前请勾选“确认群发”")
            region = form.get("region") if form.get("audience") == "region" else None
            job = service.request(article_id, send_all=form.get("audience") == "all",
                                  region=region or None, send_at=form.get("send_at") or None)
            what = f"群发 {article_id} → {job.target}" + (
                f"，定时 {form.get('send_at')}" if form.get("send_at") else "")
    except BroadcastError as exc:
        flash(str(exc), "error")
        return back
    except redis.RedisError as exc:
        flash(f"存储暂时不可用，请稍后再试（{type(exc).__name__}）", "error")
        return back
    audit("预览群发" if job.kind == "preview" else "创建群发",
          f"{what}：{STATUS_NAMES.get(job.status, job.status)} {job.error}".strip())
    if job.status in ("failed", "refused"):
        flash(f"任务 {job.id} {STATUS_NAMES[job.status]}：{job.error}", "error")
    elif job.kind == "preview":
        flash(f"预览已发到你的微信（{g.staff.preview_openid}），请在手机上查看。")
    else:
        flash(f"群发任务 {job.id} 已创建：{STATUS_NAMES.get(job.status, job.status)}。")
    return back
