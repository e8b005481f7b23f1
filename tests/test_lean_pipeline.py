"""The message path's lean pipeline answers exactly as redis-py's own pipeline does."""

import pytest
import redis
from redis._parsers.hiredis import _HiredisParser

from bot.platform.lean_pipeline import LeanPipeline
from bot.platform.redis_url import open_client

SCRIPT = "return {redis.call('INCRBY', KEYS[1], ARGV[1]), ARGV[2]}"


def _queue(pipe) -> None:
    pipe.set("p:pair", "owner", nx=True, ex=60)
    pipe.get("p:pair")
    pipe.set("p:pair", "other", nx=True, ex=60)  # refused: None, not an error
    pipe.hset("p:h", "region", "湖北")
    pipe.expire("p:h", 60)
    pipe.hincrby("p:h", "count", 2)
    pipe.hget("p:h", "region")
    pipe.execute_command("EVAL", SCRIPT, 1, "p:n", 5, "tag")
    pipe.get("p:missing")


@pytest.fixture
def clients(redis_url):
    if isinstance(open_client(redis_url), redis.RedisCluster):
        pytest.skip("a Redis Cluster keeps redis-py's cluster pipeline")
    lean = open_client(redis_url)  # the bot's own settings: its retry policy included
    plain = redis.Redis.from_url(redis_url)
    yield lean, plain
    lean.close()
    plain.close()


def test_replies_match_redis_py_for_the_commands_a_message_sends(clients):
    lean, plain = clients
    pipe = lean.pipeline(transaction=False)
    assert isinstance(pipe, LeanPipeline)
    _queue(pipe)
    got = pipe.execute()
    plain.flushdb()
    expected_pipe = plain.pipeline(transaction=False)
    _queue(expected_pipe)
    assert got == expected_pipe.execute()
    assert got[:3] == [True, b"owner", None] and got[7] == [5, b"tag"]
    assert pipe.command_stack == [] and lean.get("p:pair") == b"owner"


def test_an_error_stays_in_place_or_is_raised_and_the_connection_stays_in_step(clients):
    lean, _ = clients
    lean.set("p:text", "not a number")
    pipe = lean.pipeline(transaction=False)
    pipe.incr("p:text")
    pipe.get("p:text")
    first, second = pipe.execute(raise_on_error=False)
    assert isinstance(first, redis.ResponseError) and second == b"not a number"
    pipe.incr("p:text")
    pipe.set("p:after", "1")
    with pytest.raises(redis.ResponseError, match="Command # 1"):
        pipe.execute()
    assert lean.get("p:after") == b"1"  # every command ran, every reply was read
    assert lean.ping() is True


def test_a_dropped_connection_is_retried_on_a_fresh_one(clients):
    lean, plain = clients
    pipe = lean.pipeline(transaction=False)
    pipe.client_id()
    (mine,) = pipe.execute()
    plain.client_kill_filter(_id=mine)  # the pooled connection is gone under the client
    pipe.set("p:retried", "yes")
    pipe.get("p:retried")
    assert pipe.execute() == [True, b"yes"]


def test_transactions_and_scripts_keep_redis_py_s_own_execute(clients):
    lean, _ = clients
    assert not isinstance(lean.pipeline(), LeanPipeline)  # MULTI/EXEC
    script = lean.register_script(SCRIPT)
    pipe = lean.pipeline(transaction=False)
    script(keys=["p:s"], args=[3, "x"], client=pipe)  # EVALSHA, loaded first by redis-py
    assert pipe.execute() == [[3, b"x"]]


def test_the_bot_s_clients_use_it(redis_url):
    client = open_client(redis_url)
    if isinstance(client, redis.RedisCluster):
        pytest.skip("a Redis Cluster keeps redis-py's cluster pipeline")
    assert isinstance(client.pipeline(transaction=False), LeanPipeline)


def test_a_connection_error_mid_read_disconnects_and_tries_again(clients, monkeypatch):
    lean, _ = clients
    lean.ping()  # connected: the pipeline's own read is the first to fail
    parser_class = type(lean.connection_pool.get_connection()._parser)
    assert parser_class is _HiredisParser  # the fast read, straight from hiredis's reader
    real, failed = parser_class.read_from_socket, []

    def flaky(self, *args, **kwargs):
        if not failed:
            failed.append(True)
            raise redis.ConnectionError("dropped")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(parser_class, "read_from_socket", flaky)
    pipe = lean.pipeline(transaction=False)
    pipe.set("p:again", "1")
    pipe.get("p:again")
    assert pipe.execute() == [True, b"1"] and failed == [True]


def test_floats_bools_and_multi_word_commands_pack_as_redis_py_packs_them(clients):
    lean, plain = clients
    pipe = lean.pipeline(transaction=False)
    pipe.hset("p:f", "at", 1712345678.125)  # the customer-service window's time
    pipe.hset("p:f", "small", 1e-07)
    pipe.hget("p:f", "at")
    pipe.hget("p:f", "small")
    pipe.execute_command("CLIENT SETNAME", "lean")  # split into two words, as redis-py does
    assert pipe.execute() == [1, 1, b"1712345678.125", b"1e-07", True]
    assert plain.hget("p:f", "small") == repr(1e-07).encode()
    pipe.set("p:bool", True)
    with pytest.raises(redis.DataError):  # refused by redis-py's encoder, nothing sent
        pipe.execute()
    assert plain.get("p:bool") is None and lean.ping() is True
