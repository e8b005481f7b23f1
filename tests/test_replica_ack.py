"""A ticket is acknowledged only once a replica holds it (WAIT after the write)."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import redis

from bot import create_app
from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.feedback.replication import NotReplicated, ReplicaAck
from bot.feedback.store import FeedbackStore
from bot.services import get_services
from tests.support.live import LiveServer
from tests.support.redis_server import RedisServer
from tests.support.redis_topologies import wait_until
from tests.support.traffic import BUSY, ticket_of


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """A master and its replica."""
    base = tmp_path_factory.mktemp("replicated")
    master = RedisServer(base / "master").start()
    replica = RedisServer(base / "replica",
                          extra=("--replicaof", "127.0.0.1", str(master.port))).start()
    wait_until(lambda: redis.Redis(port=master.port).info("replication")[
        "connected_slaves"] == 1, 15, "replica attached")
    yield master, replica
    replica.stop()
    master.stop()


@pytest.fixture
def master(pair):
    client = redis.Redis(port=pair[0].port)
    client.flushall()
    return client


def _asleep(server: RedisServer, seconds: float) -> threading.Thread:
    """Block `server` (the replica) for a while: it reads nothing the master streams."""
    thread = threading.Thread(target=lambda: redis.Redis(port=server.port).execute_command(
        "DEBUG", "SLEEP", seconds), daemon=True)
    thread.start()
    # The sleep has begun once the replica stops answering (a fixed pause is not enough on
    # a loaded machine, where the thread may start late).
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _answers(server.port):
        time.sleep(0.01)
    return thread


def _answers(port: int) -> bool:
    """True when the server answers a PING within 50 ms (a raw socket: redis-py would retry)."""
    with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
        sock.settimeout(0.05)
        sock.sendall(b"PING\r\n")
        try:
            return sock.recv(16).startswith(b"+PONG")
        except TimeoutError:
            return False


def test_the_replica_holds_the_ticket_when_the_follower_is_thanked(pair, master):
    store = FeedbackStore(master, "jyq:")
    record = store.submit("oRep1", "msg:1", "希望增加夜校班次", None)
    assert store._ack.state(master).replicas == 1
    # Read from the replica at once: WAIT returned only after it had the record.
    on_replica = redis.Redis(port=pair[1].port).hget(store.key("rec", str(record.id)), "ticket")
    assert on_replica.decode() == record.ticket


def test_a_replica_that_does_not_confirm_means_no_ticket_yet_then_the_same_ticket(pair, master):
    store = FeedbackStore(master, "jyq:")
    store._ack = ReplicaAck(master, wait_ms=300)
    sleeper = _asleep(pair[1], 1.0)
    with pytest.raises(NotReplicated):
        store.submit("oRep2", "msg:2", "夜校能否开到县城", None)
    sleeper.join()
    wait_until(lambda: master.info("replication")["connected_slaves"] == 1, 10, "replica back")
    retry = store.submit("oRep2", "msg:2", "夜校能否开到县城", None)  # WeChat's retry
    assert retry.duplicate and retry.text == "夜校能否开到县城"
    assert len(master.zrange(store.key("by_time"), 0, -1)) == 1  # stored once


def test_a_server_without_replicas_is_not_waited_on(redis_url):
    client = redis.Redis.from_url(redis_url)
    ack = ReplicaAck(client)
    assert ack.state(client).replicas == 0
    store = FeedbackStore(client, "jyq:")
    assert store.submit("oRep3", "msg:3", "单机也能留言", None).ticket


def test_over_the_webhook_the_follower_gets_the_busy_reply_then_the_ticket(pair, master,
                                                                          tmp_path):
    app = create_app({"redis_url": f"redis://127.0.0.1:{pair[0].port}/0",
                      "bot_data_dir": str(tmp_path / "var"), "wechat_token": "acktoken",
                      "ENVIRON": {}, "TESTING": True})
    get_services(app).feedback._ack.wait_ms = 300
    with LiveServer(app) as live:
        side = WeChatSide(http_transport(live.url), "acktoken")
        # A cold worker's first message loads the word lists and matchers, which can take
        # longer than the replica sleeps: warm it first, so the sleep covers the write.
        assert side.send(side.text_fields("oRep5", "你好", msg_id=990000000000002)).status == 200
        fields = side.text_fields("oRep4", "建议：夜校增加周末班", msg_id=990000000000001)
        sleeper = _asleep(pair[1], 2.0)
        first = side.send(fields)
        assert first.status == 200 and first.text.strip() == BUSY
        sleeper.join()
        wait_until(lambda: master.info("replication")["connected_slaves"] == 1, 10,
                   "replica back")
        retry = side.send(fields)
        assert retry.status == 200 and ticket_of(retry)
        assert side.send(fields).body == retry.body  # later retries: the cached reply
