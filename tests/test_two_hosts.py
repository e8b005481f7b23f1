"""Two hosts, one Redis: each host its own BOT_DATA_DIR and its own `gunicorn -w 2`.

What a load balancer in front of them must be able to count on: an article imported on one
host is served by the other within seconds; a follower's session (lists, paging, feedback
mode) follows them from host to host; WeChat's retry landing on the other host gets the same
reply; `worker` processes on both hosts never send a broadcast twice.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests

from knowledge.base import BUNDLED_DIR
from tests.fakes.wechat_api import FakeWeChatAPI
from tests.support.gunicorn import ROOT, Gunicorn
from tests.support.redis_server import RedisServer
from tests.support.redis_topologies import wait_until
from tests.support.traffic import Courier, read_back, ticket_of

TOKEN = "twohoststoken"
ADMIN = "two-hosts-staff-token-0001"
APPID, SECRET = "wxfake0000000002", "fakesecret2"
ARTICLE = Path(__file__).parent / "fixtures" / "two_hosts" / "article.jsonl"
TITLE = "工友下班后免费学电工焊工"
ARTICLE_CLI = ARTICLE.with_name("article_cli.jsonl")
CLI_TITLE = "货车司机驿站再添五十家"
_msg_ids = itertools.count(880000000000001)


class Host:
    """One host: its data dir, its gunicorn and the environment its CLI commands get."""

    def __init__(self, name: str, env: dict[str, str], base: Path) -> None:
        self.env = {**env, "BOT_DATA_DIR": str(base / name)}
        self.web = Gunicorn(self.env, workers=2, log_dir=base)

    @property
    def url(self) -> str:
        return self.web.url

    def flask(self, *args: str) -> subprocess.Popen:
        """`flask --app wsgi ARGS` on this host (its data dir), in its own process."""
        return subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", *args],
                                cwd=ROOT, env={**os.environ, **self.env}, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def fake():
    api = FakeWeChatAPI(APPID, SECRET, mass_quota=None).start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def hosts(tmp_path_factory, fake):
    base = tmp_path_factory.mktemp("two-hosts")
    store = RedisServer(base / "redis").start()
    env = {"REDIS_URL": store.url, "WECHAT_TOKEN": TOKEN, "ADMIN_TOKEN": ADMIN,
           "BOT_RATE_LIMIT": "0", "WECHAT_API_BASE": fake.url, "WECHAT_APP_ID": APPID,
           "WECHAT_APP_SECRET": SECRET, "WECHAT_ACCOUNT_TYPE": "service",
           # behind one load balancer: article-page links name it, not the host that answered
           "BOT_PUBLIC_URL": "https://bot.example.cn"}
    pair = [Host(name, env, base) for name in ("host-a", "host-b")]
    # wsgi:app never fills a store: the sample articles go in as staff would import them.
    samples = pair[0].flask("kb", "import", str(BUNDLED_DIR))
    out, err = samples.communicate(timeout=120)
    assert samples.returncode == 0, out + err
    try:
        with ThreadPoolExecutor(2) as pool:  # both boot at once, as after a deploy
            list(pool.map(lambda h: h.web.start(timeout=60), pair))
        yield pair
    finally:
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda h: h.web.stop(), pair))
        store.stop()


REFRESH_INTERVAL = 1.0  # knowledge/base.py: how often a worker asks for the index version


def staff(method: str, url: str, **kwargs) -> requests.Response:
    return requests.request(method, url, timeout=10, **kwargs,
                            headers={"Authorization": f"Bearer {ADMIN}"})


def numbered(text: str) -> list[int]:
    """The item numbers of a list reply."""
    return [int(n) for n in re.findall(r"^(\d+)\. ", text, flags=re.M)]


def test_an_article_imported_on_one_host_is_found_on_the_other(hosts):
    a, b = hosts
    courier = Courier(TOKEN)
    ask = lambda: courier.deliver([b.url], courier.side(b.url).text_fields(  # noqa: E731
        "oTwoHostsReader00000001", "蓝领夜校", msg_id=next(_msg_ids))).text
    assert TITLE not in ask()
    resp = staff("POST", a.url + "/admin/api/articles", data=ARTICLE.read_bytes())
    assert resp.status_code in (200, 201), resp.text
    imported = time.monotonic()
    wait_until(lambda: TITLE in ask(), 5, "host B serving host A's new article")
    print(f"host B served it {time.monotonic() - imported:.2f} s after host A stored it")
    # Every worker of host B serves it within one refresh interval (each checks the store's
    # version at most once a second), not just the one that answered first.
    time.sleep(REFRESH_INTERVAL)
    assert all(TITLE in ask() for _ in range(6))

    # The same through the staff CLI on host A (which also rebuilds host A's own index).
    cli = a.flask("kb", "import", str(ARTICLE_CLI))
    out, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, out + err
    wait_until(lambda: CLI_TITLE in courier.deliver([b.url], courier.side(b.url).text_fields(
        "oTwoHostsReader00000002", "货车司机驿站", msg_id=next(_msg_ids))).text, 5,
        "host B serving the article host A's CLI imported")


def test_session_paging_and_feedback_mode_follow_the_follower_across_hosts(hosts):
    a, b = hosts
    courier = Courier(TOKEN)
    side = courier.side(a.url)
    openid = "oTwoHostsWalker00000001"

    def say(host: Host, text: str) -> str:
        fields = side.text_fields(openid, text, msg_id=next(_msg_ids))
        return courier.deliver([host.url], fields).text

    assert numbered(say(a, "最新")) == [1, 2, 3, 4, 5]
    assert numbered(say(b, "更多")) == [6, 7, 8, 9, 10]
    assert numbered(say(a, "下一页")) == [11, 12, 13, 14, 15]
    assert numbered(say(b, "上一页")) == [6, 7, 8, 9, 10]
    seventh = say(a, "7")
    assert seventh.startswith("[图文]")  # the card of the 7th newest article
    assert say(b, "第7条") == seventh

    assert ticket_of(courier.deliver([b.url], side.text_fields(
        openid, "留言", msg_id=next(_msg_ids)))) is None  # host B opens feedback mode
    text = "希望夜校也能开到县城，谢谢"
    ticket = ticket_of(courier.deliver([a.url], side.text_fields(
        openid, text, msg_id=next(_msg_ids))))  # host A records it
    assert ticket
    record = staff("GET", f"{b.url}/admin/api/feedback/{ticket}").json()
    assert (record["openid"], record["text"]) == (openid, text)
    hotline = say(b, "热线")  # the mode ended with the feedback: a normal answer, no ticket
    assert "400-633-0111" in hotline and "工单号" not in hotline


def test_wechat_retry_on_the_other_host_gets_the_same_reply(hosts):
    a, b = hosts
    courier = Courier(TOKEN)
    side = courier.side(a.url)
    question = side.text_fields("oTwoHostsRetry000000001", "湖北培训补贴", msg_id=next(_msg_ids))
    first, retry = courier.post(a.url, question), courier.post(b.url, question)
    assert first.status == retry.status == 200 and first.reply
    assert retry.body == first.body  # the same bytes, from the cache host A filled

    # Feedback arriving on both hosts at once (WeChat gave up on one try): one record.
    before = len(read_back(a.url, ADMIN))
    fields = side.text_fields("oTwoHostsRetry000000002", "建议：夜校增加周末班",
                              msg_id=next(_msg_ids))
    with ThreadPoolExecutor(4) as pool:
        replies = list(pool.map(lambda url: courier.deliver([url], fields),
                                [a.url, b.url, a.url, b.url]))
    tickets = {ticket_of(r) for r in replies}
    assert len(tickets) == 1 and None not in tickets
    assert len({r.body for r in replies}) == 1
    assert len(read_back(b.url, ADMIN)) == before + 1


def _china_iso(seconds_from_now: float) -> str:
    """An ISO time with the +08:00 offset, `seconds_from_now` ahead."""
    china = timezone(timedelta(hours=8))
    return (datetime.now(china) + timedelta(seconds=seconds_from_now)).isoformat(
        timespec="seconds")


def test_workers_on_two_hosts_never_send_a_broadcast_twice(hosts, fake):
    a, b = hosts
    sends = [{"article_id": "two-hosts-night-school-2026", "all": True},
             {"article_id": "hk-youth-gba-employment-2023-03", "region": "湖北"},
             {"article_id": "hk-youth-gba-employment-2023-03", "region": "广东"}]
    assert staff("POST", a.url + "/admin/api/articles", data=ARTICLE.read_bytes()).ok
    jobs = []
    for n, send in enumerate(sends):  # scheduled through either host, due in a few seconds
        host = (a, b)[n % 2]
        resp = staff("POST", host.url + "/admin/api/broadcasts",
                     json={**send, "send_at": _china_iso(3)})
        assert resp.status_code == 201, resp.text
        jobs.append(resp.json()["job"]["id"])
    fake.slow("message/mass/sendall", 0.3)  # both workers are awake while a send is in flight
    workers = [host.flask("worker", "--interval", "0.1") for host in (a, b, a, b)]
    try:
        wait_until(lambda: all(staff("GET", f"{a.url}/admin/api/broadcasts/{j}").json()[
            "job"]["status"] == "submitted" for j in jobs), 30, "all jobs submitted")
        time.sleep(0.5)  # more ticks of every worker: none may touch a job again
    finally:
        for proc in workers:
            proc.terminate()
        fake.slow("message/mass/sendall", 0)
    outs = [proc.communicate(timeout=30) for proc in workers]
    # A worker still importing when the jobs were done is stopped before its signal handler
    # exists (-15 on a busy machine); one that started must stop cleanly.
    started = ["started" in err for _, err in outs]
    assert any(started), outs
    assert [p.returncode for p, up in zip(workers, started, strict=True) if up] == \
        [0] * sum(started), outs
    sendalls = fake.calls_to("message/mass/sendall")
    ids = [c.json["clientmsgid"] for c in sendalls]
    assert sorted(ids) == sorted(f"jyq-bc-{j}" for j in jobs)  # one try per job, no repeat
    assert [c.errcode for c in sendalls] == [0, 0, 0]
    assert len(fake.sent_jobs()) == 3
    ran_by = [sum(out.count(j) for out, _ in outs) for j in jobs]
    assert ran_by == [1, 1, 1], outs  # each job reported by exactly one worker process
