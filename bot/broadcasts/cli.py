"""CLI: `flask --app wsgi broadcast preview|send|status` and `flask --app wsgi worker`."""

from __future__ import annotations

import logging
import signal
import threading

import click
from flask.cli import AppGroup, with_appcontext

from bot.broadcasts.jobs import Job
from bot.broadcasts.report import STATUS_TEXT
from bot.broadcasts.service import BroadcastError, Broadcasts
from bot.services import get_services

log = logging.getLogger("bot.worker")

broadcast_cli = AppGroup("broadcast", help="群发文章：预览、发送、查看状态")



def _broadcasts() -> Broadcasts:
    return get_services().broadcasts


def _show(job: Job) -> None:
    """Print a job for staff, one field a line."""
    d = job.to_dict()
    target = (f"预览 → {job.preview_openid}" if job.kind == "preview"
              else "全部粉丝" if job.target == "all" else f"地区：{job.target}")
    lines = [
        f"任务 {job.id}  {STATUS_TEXT.get(job.status, job.status)}",
        f"  文章：{job.article_id}  {job.title}",
        f"  对象：{target}",
        f"  创建：{d['created_time']}  计划发送：{d['due_time']}",
    ]
    if job.msg_id:
        lines.append(f"  微信 msg_id：{job.msg_id}")
    if job.status == "confirming":
        lines.append(f"  请管理员在 {d['confirm_by_time']} 前在微信中确认这次群发")
    if job.status == "finished" or job.wechat_status:
        lines.append(f"  结果：{job.wechat_status}  粉丝总数 {job.total}，过滤后 {job.filtered}，"
                     f"发送成功 {job.sent}，失败 {job.errors}")
    if job.copyright and job.copyright not in job.error:
        lines.append(f"  {job.copyright}")
    if job.article_url:
        lines.append(f"  文章地址：{job.article_url}")
    if job.error:
        lines.append(f"  原因：{job.error}")
    click.echo("\n".join(lines))


def _finish(job: Job) -> None:
    _show(job)
    if job.status in ("failed", "refused"):
        raise SystemExit(1)


@broadcast_cli.command("preview")
@click.argument("article_id")
@click.option("--to", "openid", required=True, help="接收预览的微信用户 OpenID")
def preview(article_id: str, openid: str) -> None:
    """把文章作为预览发到一个粉丝的手机上。"""
    try:
        job = _broadcasts().request(article_id, preview_openid=openid)
    except BroadcastError as exc:
        raise click.ClickException(str(exc)) from None
    _finish(job)


@broadcast_cli.command("send")
@click.argument("article_id")
@click.option("--all", "send_all", is_flag=True, help="群发给全部粉丝")
@click.option("--region", help="只群发给订阅了该地区的粉丝，如 湖北")
@click.option("--at", "send_at", help='定时发送（北京时间），如 "2026-12-01 09:00"')
def send(article_id: str, send_all: bool, region: str | None, send_at: str | None) -> None:
    """群发文章给全部粉丝或一个地区的粉丝，可定时。"""
    try:
        job = _broadcasts().request(article_id, send_all=send_all, region=region,
                                    send_at=send_at)
    except BroadcastError as exc:
        raise click.ClickException(str(exc)) from None
    _finish(job)
    if job.status == "scheduled":
        click.echo("  到时间后由 `flask --app wsgi worker` 执行。")


@broadcast_cli.command("status")
@click.argument("job_id", required=False)
@click.option("--limit", default=10, show_default=True, help="列出最近多少个任务")
def status(job_id: str | None, limit: int) -> None:
    """查看一个任务，或最近的任务和本期群发额度。"""
    broadcasts = _broadcasts()
    if job_id:
        job = broadcasts.get(job_id)
        if job is None:
            raise click.ClickException(f"没有任务 {job_id}")
        _show(job)
        return
    usage = broadcasts.quota_usage()
    kind, per = (("订阅号", "每天") if usage["account_type"] == "subscription"
                 else ("服务号", "每位粉丝每月"))
    used = "，".join(f"{'全部粉丝' if k == 'all' else k.removeprefix('region:')} {n} 次"
                    for k, n in sorted(usage["used"].items()) if n) or "无"
    click.echo(f"{kind}群发额度：{per} {usage['limit']} 次；"
               f"本期（{usage['period'].split(':')[1]}）已发：{used}")
    if usage["account_type"] == "service":
        click.echo("服务号每天只能成功群发给全部粉丝 1 次；今天"
                   + ("已经发过" if usage["all_today"] else "还没有发过"))
    jobs = broadcasts.recent(limit)
    if not jobs:
        click.echo("还没有群发任务。")
    for job in jobs:
        _show(job)


@click.command("worker")
@click.option("--interval", default=5.0, show_default=True, help="检查到期任务的间隔（秒）")
@click.option("--once", is_flag=True, help="只检查一次就退出")
@with_appcontext
def worker(interval: float, once: bool) -> None:
    """Run due scheduled broadcasts and retry failed region tags; any number may run at once."""
    broadcasts = _broadcasts()
    followers = get_services().followers
    stop = threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    log.info("worker %s started (every %ss)", broadcasts.worker_id, interval)
    while not stop.is_set():
        try:
            for job in broadcasts.run_due() + broadcasts.check_confirming():
                click.echo(f"{job.id}: {STATUS_TEXT.get(job.status, job.status)}"
                           + (f"（{job.error}）" if job.error else ""))
            if followers.pending():
                log.info("region tags retried: %d now match", followers.sync_pending())
        except Exception:  # the worker outlives any one job; the job's lease lets it resume
            log.exception("worker tick failed; will try again")
        if once:
            break
        stop.wait(interval)
    log.info("worker %s stopped", broadcasts.worker_id)
