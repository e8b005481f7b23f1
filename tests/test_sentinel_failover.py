"""Sentinel failover under traffic: the master is SIGKILLed while followers write.

A master, one replica and three sentinels (quorum 2, down-after 400 ms, failover-timeout
2 s) from the shipped redis-server; `gunicorn -w 2` reaches them through
`REDIS_URL=redis+sentinel://…`, whose first sentinel is a dead address. Eight followers
send feedback (“建议：…”, each retried with its MsgId until it gets a ticket, as WeChat
retries) and questions. After some tickets the master is killed. During the failover
followers get the polite busy reply and never a 5xx; afterwards the same workers answer
again; every ticket given out, before or after the kill, is read back through the staff
API, none twice.

`JYQ_FAILOVER_RUNS=20` repeats it (docs/deploy.md reports the runs made).
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support.gunicorn import Gunicorn
from tests.support.redis_server import free_port
from tests.support.redis_topologies import SentinelSet, wait_until
from tests.support.traffic import Courier, read_back, ticket_of

TOKEN = "failovertoken"
ADMIN = "failover-test-staff-token"
SENDERS = 8
KILL_AFTER = 16  # tickets acknowledged before the master is killed
AFTER_FAILOVER = 16  # tickets acknowledged after the sentinels named the new master
RUNS = int(os.environ.get("JYQ_FAILOVER_RUNS", "1"))
_msg_ids = itertools.count(770000000000001)


@pytest.fixture
def sentinels(tmp_path):
    group = SentinelSet(tmp_path / "redis").start()
    yield group
    group.stop()


@pytest.fixture
def gunicorn(sentinels, tmp_path):
    # The first sentinel listed is one that never answers (a dead machine): the bot moves on
    # to the next at once, before and during the failover.
    url = sentinels.url.replace("://", f"://127.0.0.1:{free_port()},", 1)
    server = Gunicorn({"REDIS_URL": url, "WECHAT_TOKEN": TOKEN, "ADMIN_TOKEN": ADMIN,
                       "BOT_DATA_DIR": str(tmp_path / "var"), "BOT_RATE_LIMIT": "0"},
                      workers=2, log_dir=tmp_path).start()
    yield server
    server.stop()


def _alive(futures) -> bool:
    """True while no sender has failed; a failed sender's error is raised at once."""
    for future in futures:
        if future.done() and future.exception():
            raise future.exception()
    return True


@pytest.mark.parametrize("run", range(RUNS))
def test_failover_loses_no_acknowledged_ticket_and_never_answers_5xx(run, sentinels, gunicorn):
    courier = Courier(TOKEN)
    builder = courier.side(gunicorn.url)
    workers_before = sorted(gunicorn.worker_pids())
    acked: dict[str, tuple[str, str]] = {}  # ticket -> (openid, text)
    lock, stop = threading.Lock(), threading.Event()
    state = {"killed": False, "after": None}  # tickets held when the new master was named

    def sender(n: int) -> None:
        for i in itertools.count():
            if stop.is_set():
                return
            openid = f"oFail{n:02d}{i:020d}"  # a new follower each time: no hourly limit
            if i % 3 == 2:  # a question between feedback messages: the normal path too
                courier.deliver([gunicorn.url], builder.text_fields(
                    openid, "荆州技能人才", msg_id=next(_msg_ids)))
                continue
            text = f"第{n}位粉丝的第{i}条建议：希望多发培训信息"
            fields = builder.text_fields(openid, "建议：" + text, msg_id=next(_msg_ids))
            ticket = ticket_of(courier.deliver([gunicorn.url], fields))
            assert ticket, "feedback answered without a ticket"
            with lock:
                assert ticket not in acked, f"{ticket} given twice"
                acked[ticket] = (openid, text)
                if len(acked) >= KILL_AFTER and not state["killed"]:
                    state["killed"] = True
                    state["before"] = dict(acked)
                    sentinels.master.stop(kill=True)
                    state["killed_at"] = time.monotonic()

    with ThreadPoolExecutor(SENDERS) as pool:
        futures = [pool.submit(sender, n) for n in range(SENDERS)]
        try:
            wait_until(lambda: state["killed"], 60, "tickets before the kill")
            wait_until(lambda: sentinels.master_port() == sentinels.replica.port, 30,
                       "failover")
            with lock:
                state["after"] = len(acked)
                state["named_at"] = time.monotonic()
            wait_until(lambda: _alive(futures) and len(acked) >= state["after"] + AFTER_FAILOVER,
                       60, "tickets after the failover")
        finally:
            stop.set()
        for future in futures:
            future.result()  # a sender's failed assertion fails the test

    assert courier.server_errors() == 0, courier.statuses
    assert set(courier.statuses) == {200}, courier.statuses
    assert courier.busy > 0, "no follower met the failover"
    assert sorted(gunicorn.worker_pids()) == workers_before  # no restart was needed

    stored = {item["ticket"]: item for item in read_back(gunicorn.url, ADMIN)}
    lost = [t for t in state["before"] if t not in stored]
    assert not lost, f"acknowledged before the kill, gone after the failover: {lost}"
    for ticket, (openid, text) in acked.items():
        assert ticket in stored, f"acknowledged {ticket} is gone"
        assert (stored[ticket]["openid"], stored[ticket]["text"]) == (openid, text)
    texts = [item["text"] for item in stored.values()]
    assert len(set(texts)) == len(texts), "a message was stored twice"
    print(f"failover run {run}: {len(state['before'])} tickets before the kill, "
          f"{len(acked)} in all, 0 lost; new master named "
          f"{state['named_at'] - state['killed_at']:.1f} s after the kill; "
          f"{courier.busy} busy replies, statuses {dict(courier.statuses)}")
