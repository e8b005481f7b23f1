"""Crashes, restarts and concurrent workers: nothing is lost and nothing is sent twice."""

import os
import subprocess
import sys
import time
from pathlib import Path

from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.services import get_services
from tests.support.live import LiveServer

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


def test_killed_after_an_accepted_sendall_delivers_once_and_finishes(bc_app, fake_wechat,
                                                                     redis_url, tmp_path):
    fake_wechat.hold("message/mass/sendall", 30)  # WeChat accepts; the answer never arrives
    proc = _flask(["broadcast", "send", "jz-skills-2024", "--all"], redis_url, fake_wechat,
                  tmp_path)
    try:
        _wait_for(lambda: fake_wechat.sent_jobs())
    finally:
        proc.kill()  # the send went out; the job never learns
        proc.communicate(timeout=10)
    fake_wechat.hold("message/mass/sendall", 0)
    (sent,) = fake_wechat.sent_jobs()
    bc = get_services(bc_app).broadcasts
    (job,) = bc.recent()
    assert job.status == "running" and not job.msg_id
    assert job.sending_draft == job.draft_media_id  # handed to sendall: it may be gone
    assert job.draft_media_id not in fake_wechat.drafts  # and it is: sent drafts leave the box

    assert bc.run_due(now=time.time()) == []  # the dead run's lease still holds
    (resumed,) = bc.run_due(now=time.time() + bc.lease + 1)
    # A fresh draft, the same clientmsgid: within a minute WeChat says "too fast" (45066).
    assert resumed.status == "scheduled" and "45066" in resumed.error
    assert resumed.draft_media_id != job.draft_media_id
    fake_wechat.advance(62)
    (done,) = bc.run_due(now=time.time() + bc.lease + 64)
    assert done.status == "submitted" and done.msg_id == str(sent.msg_id)  # 45065: it was sent

    sendalls = fake_wechat.calls_to("message/mass/sendall")
    assert [c.errcode for c in sendalls] == [0, 45066, 45065]
    assert {c.json["clientmsgid"] for c in sendalls} == {job.clientmsgid}
    assert len(fake_wechat.calls_to("draft/add")) == 2
    assert len(fake_wechat.calls_to("material/add_material")) == 1  # the cover is permanent
    assert fake_wechat.drafts == {}  # the unused second draft was deleted

    settings = get_services(bc_app).settings
    with LiveServer(bc_app) as server:
        side = WeChatSide(http_transport(server.url), settings.wechat_token, "", "")
        side.post_xml(fake_wechat.finish_event(sent.msg_id))
    final = bc.get(job.id)
    assert final.status == "finished" and final.sent == len(sent.recipients) == 5
    assert [fake_wechat.deliveries(o) for o in sent.recipients] == [1] * 5
    assert final.quota_period  # the slot stays spent: the message went out


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
