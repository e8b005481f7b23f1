"""Crashes, restarts and concurrent workers: nothing is lost and nothing is sent twice."""

import os
import subprocess
import sys
import time
from pathlib import Path

from bot.services import get_services

ROOT = Path(__file__).resolve().parent.parent
FLASK = [sys.executable, "-m", "flask", "--app", "wsgi"]


def _flask(args, redis_url, fake, tmp_path):
    """`flask --app wsgi ARGS` in its own process, configured only by the environment."""
    env = dict(os.environ, REDIS_URL=redis_url, WECHAT_API_BASE=fake.url,
               WECHAT_APP_ID=fake.appid, WECHAT_APP_SECRET=fake.secret,
               WECHAT_TOKEN="testtoken", BOT_DATA_DIR=str(tmp_path / "proc-var"))
    return subprocess.Popen(FLASK + args, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_crash_between_draft_and_send_resumes_without_a_double_send(bc_app, fake_wechat,
                                                                    redis_url, tmp_path):
    fake_wechat.slow("message/mass/sendall", 1.0)
    proc = _flask(["broadcast", "send", "jz-skills-2024", "--all"], redis_url, fake_wechat,
                  tmp_path)
    try:
        _wait_for(lambda: fake_wechat.calls_to("message/mass/sendall"))
    finally:
        proc.kill()  # dies with its sendall in flight: WeChat gets it, the job never learns
        proc.communicate(timeout=10)
    fake_wechat.slow("message/mass/sendall", 0)
    _wait_for(lambda: fake_wechat.sent_jobs())
    bc = get_services(bc_app).broadcasts
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


def test_scheduled_job_runs_once_with_two_workers(bc_app, fake_wechat, redis_url, tmp_path):
    bc = get_services(bc_app).broadcasts
    due = time.time() + 1.5
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(due)) + time.strftime("%z")
    job = bc.request("jz-skills-2024", send_all=True, send_at=stamp[:-2] + ":" + stamp[-2:])
    assert job.status == "scheduled"
    assert bc.run_due() == [] and fake_wechat.calls == []  # not yet due

    fake_wechat.slow("message/mass/sendall", 0.5)  # the two workers overlap on the job
    procs = [_flask(["worker", "--interval", "0.1"], redis_url, fake_wechat, tmp_path)
             for _ in range(2)]
    try:
        _wait_for(lambda: bc.get(job.id).status == "submitted")
        time.sleep(0.5)  # a few more ticks of both workers: neither may touch it again
    finally:
        for p in procs:
            p.terminate()
    outs = [p.communicate(timeout=30) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert sum(out.count(job.id) for out, _ in outs) == 1
    assert len(fake_wechat.calls_to("message/mass/sendall")) == 1
    assert len(fake_wechat.calls_to("draft/add")) == 1
    assert bc.get(job.id).status == "submitted"


def test_a_restart_loses_no_scheduled_job(bc_app, fake_wechat, app_config, redis_server):
    from bot import create_app

    bc = get_services(bc_app).broadcasts
    job = bc.request("jz-skills-2024", region="湖北", send_at="2099-12-01 09:00")
    redis_server.stop()  # the store itself restarts (a clean shutdown) from its files
    redis_server.start()
    app = create_app(app_config)  # and so does the bot
    fresh = get_services(app).broadcasts
    kept = fresh.get(job.id)
    assert kept.status == "scheduled" and kept.target == "湖北"
    assert kept.to_dict()["due_time"] == "2099-12-01 09:00:00"  # China time, as typed
    assert get_services(app).redis.ttl(fresh.store.job_key(job.id)) == -1  # never expires
    (ran,) = fresh.run_due(now=job.due_at + 1)
    assert ran.status == "submitted"
