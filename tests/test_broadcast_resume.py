"""Crashes, restarts and concurrent workers: nothing is lost and nothing is sent twice."""

import subprocess
import sys
import time
from pathlib import Path

from bot.services import get_services
from tests.support.articles import ArticleShelf

ROOT = Path(__file__).resolve().parent.parent


def _proc(mode, redis_url, fake, start_at):
    args = [sys.executable, "-m", "tests.support.bc_proc", mode, redis_url, fake.url,
            fake.appid, fake.secret, f"{start_at:.3f}"]
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_crash_between_draft_and_send_resumes_without_a_double_send(bc_app, fake_wechat,
                                                                    redis_url):
    fake_wechat.slow("message/mass/sendall", 1.0)
    proc = _proc("send", redis_url, fake_wechat, time.time())
    try:
        _wait_for(lambda: fake_wechat.calls_to("message/mass/sendall"))
    finally:
        proc.kill()  # dies with its sendall in flight: WeChat gets it, the job never learns
        proc.communicate(timeout=10)
    fake_wechat.slow("message/mass/sendall", 0)
    _wait_for(lambda: fake_wechat.sent_jobs())
    bc = get_services(bc_app).extra["broadcasts"]
    (job,) = bc.recent()
    assert job.status == "running" and job.draft_media_id and not job.msg_id

    assert bc.run_due(now=time.time()) == []  # the dead run's lease still holds
    (resumed,) = bc.run_due(now=time.time() + bc.lease + 1)
    assert resumed.id == job.id and resumed.status == "submitted"
    (sent,) = fake_wechat.sent_jobs()
    assert resumed.msg_id == str(sent.msg_id)
    assert len(fake_wechat.calls_to("draft/add")) == 1  # resumed after the draft step
    assert len(fake_wechat.calls_to("material/add_material")) == 1
    sendalls = fake_wechat.calls_to("message/mass/sendall")
    assert [c.errcode for c in sendalls] == [0, 45065]
    assert {c.json["clientmsgid"] for c in sendalls} == {job.clientmsgid}


def test_scheduled_job_runs_once_with_two_workers(bc_app, fake_wechat, redis_url):
    bc = get_services(bc_app).extra["broadcasts"]
    due = time.time() + 1.5
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(due)) + time.strftime("%z")
    job = bc.request("jz-skills-2024", send_all=True, send_at=stamp[:-2] + ":" + stamp[-2:])
    assert job.status == "scheduled"
    assert bc.run_due() == [] and fake_wechat.calls == []  # not yet due

    fake_wechat.slow("message/mass/sendall", 0.5)  # both workers overlap on the job
    start_at = due + 0.3
    procs = [_proc("worker", redis_url, fake_wechat, start_at) for _ in range(2)]
    outs = [p.communicate(timeout=30) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert sum(out.count(job.id) for out, _ in outs) == 1
    assert len(fake_wechat.calls_to("message/mass/sendall")) == 1
    assert len(fake_wechat.calls_to("draft/add")) == 1
    assert bc.get(job.id).status == "submitted"


def test_a_restart_loses_no_scheduled_job(bc_app, fake_wechat, app_config, redis_server):
    from bot import create_app

    bc = get_services(bc_app).extra["broadcasts"]
    job = bc.request("jz-skills-2024", region="湖北", send_at="2099-12-01 09:00")
    redis_server.restart()  # the store itself restarts from its append-only file
    app = create_app(app_config)  # and so does the bot
    get_services(app).kb = ArticleShelf()
    fresh = get_services(app).extra["broadcasts"]
    kept = fresh.get(job.id)
    assert kept.status == "scheduled" and kept.target == "湖北"
    assert kept.to_dict()["due_time"] == "2099-12-01 09:00:00"  # China time, as typed
    assert get_services(app).redis.ttl(fresh.store.job_key(job.id)) == -1  # never expires
    (ran,) = fresh.run_due(now=job.due_at + 1)
    assert ran.status == "submitted"
