"""REDIS_URL forms: one server, Sentinel, Cluster; bad ones stop start-up with a reason."""

from __future__ import annotations

import threading

import pytest
import redis
from redis.cluster import RedisCluster

from bot import create_app
from bot.feedback.replication import ReplicaAck
from bot.platform.redis_url import describe_kind, kind_of, open_client, parse
from bot.services import get_services
from config.settings import SettingsError


def test_sentinel_url_names_sentinels_service_db_and_password():
    a = parse("redis+sentinel://:s3cret@10.0.0.1:26379,10.0.0.2:26380/mymaster/2"
              "?sentinel_password=sp")
    assert (a.kind, a.service, a.db, a.password) == ("sentinel", "mymaster", 2, "s3cret")
    assert a.nodes == (("10.0.0.1", 26379), ("10.0.0.2", 26380))
    assert a.options == {"sentinel_password": "sp"} and not a.tls
    assert parse("rediss+sentinel://[::1]:26379/m").nodes == (("::1", 26379),)
    assert parse("rediss+sentinel://[::1]:26379/m").tls


def test_cluster_url_names_its_seed_nodes():
    a = parse("redis+cluster://user:pw@127.0.0.1:7000,127.0.0.1:7001")
    assert (a.kind, a.username, a.password, a.db) == ("cluster", "user", "pw", 0)
    assert a.nodes == (("127.0.0.1", 7000), ("127.0.0.1", 7001))
    assert kind_of("redis://localhost:6379/0") == "redis"


@pytest.mark.parametrize(("url", "reason"), [
    ("redis+sentinel://127.0.0.1:26379", "needs the service"),
    ("redis+sentinel://127.0.0.1:26379/m/x", "db 'x' is not a number"),
    ("redis+sentinel://127.0.0.1/m", "is not host:port"),
    ("redis+sentinel:///m", "names no host:port"),
    ("redis+cluster://127.0.0.1:7000/3", "only db 0"),
    ("redis+cluster://127.0.0.1:7000?cluster=1", "unknown option 'cluster'"),
])
def test_bad_urls_are_refused_with_a_reason(url, reason):
    with pytest.raises(SettingsError, match=reason):
        parse(url)


def test_a_bad_url_stops_start_up_with_the_reason(tmp_path):
    with pytest.raises(SettingsError, match="needs the service"):
        create_app({"redis_url": "redis+sentinel://127.0.0.1:1", "bot_data_dir": str(tmp_path),
                    "wechat_token": "t", "ENVIRON": {}})


@pytest.mark.parametrize("url", ["redis+cluster://127.0.0.1:1", "redis+sentinel://127.0.0.1:1/m"])
def test_an_unreachable_store_stops_start_up_with_a_reason(url, tmp_path):
    with pytest.raises(SettingsError, match="REDIS_URL is unreachable"):
        create_app({"redis_url": url, "bot_data_dir": str(tmp_path), "wechat_token": "t",
                    "ENVIRON": {}, "extra": {"store_boot_wait": 0}})


def test_each_form_opens_the_right_client(redis_url):
    single = open_client(redis_url)
    assert isinstance(single, redis.Redis) and describe_kind(single) == "redis"
    sentinel = open_client("redis+sentinel://127.0.0.1:1/mymaster/0")
    assert describe_kind(sentinel) == "sentinel"
    assert sentinel.connection_pool.service_name == "mymaster"
    with pytest.raises(redis.ConnectionError):  # no sentinel answers there
        sentinel.ping()


def test_a_cluster_url_reaches_every_slot(tmp_path):
    from tests.support.redis_topologies import ClusterSet

    cluster = ClusterSet(tmp_path / "cluster").start()
    try:
        client = open_client(cluster.url)
        assert isinstance(client, RedisCluster) and describe_kind(client) == "cluster"
        for n in range(30):  # keys spread over the three masters
            client.set(f"k{n}", n)
        assert [int(client.get(f"k{n}")) for n in range(30)] == list(range(30))
        assert len({client.get_node_from_key(f"k{n}").name for n in range(30)}) == 3
        # The ticket wait talks to the one node that owns {feedback}, not to the cluster.
        node = ReplicaAck(client).node_for("jyq:{feedback}:dedup:x")
        owner = client.get_node_from_key("jyq:{feedback}:rec:1")
        assert node.connection_pool.connection_kwargs["port"] == owner.port
        assert ReplicaAck(client).state(node).replicas == 0  # so no wait on this cluster
    finally:
        cluster.stop()


def test_a_worker_booting_while_the_store_is_away_waits_for_it(tmp_path):
    from tests.support.redis_server import RedisServer

    server = RedisServer(tmp_path / "redis")
    # Nothing listens on its port yet: the app waits, and the server comes up a moment later.
    timer = threading.Timer(1.0, server.start, kwargs={"attempts": 1})
    timer.start()
    try:
        app = create_app({"redis_url": server.url, "bot_data_dir": str(tmp_path / "var"),
                          "wechat_token": "t", "ENVIRON": {}, "extra": {"kb_bundled": False}})
        assert get_services(app).redis.ping()
    finally:
        timer.join()
        server.stop()
