import threading

import pytest
from wechatpy import parse_message

from bot.conversation.ratelimit import rate_key
from bot.platform.redis_url import open_client
from bot.wechat.dedup import Deduplicator, dedup_key
from tests.conftest import fixture_text


@pytest.fixture
def store(redis_url):
    return open_client(redis_url)


def test_message_key_is_msg_id_and_event_key_is_sender_time_event():
    assert dedup_key(parse_message(fixture_text("text_message.xml"))) == "msg:24000000000000001"
    event = parse_message(fixture_text("unknown_event.xml"))
    key = dedup_key(event)
    assert key.startswith("ev:") and "o_follower_1" not in key  # hashed: names nobody
    assert key == dedup_key(parse_message(fixture_text("unknown_event.xml")))
    event._data["CreateTime"] = "1764316802"
    assert dedup_key(event) != key  # another time, another event


def test_cached_replies_keep_no_openid(store):
    dedup = Deduplicator(store, "t:")
    reply = "<xml><ToUserName><![CDATA[oSecret01]]></ToUserName><Content>好</Content></xml>"
    assert dedup.run("k1", lambda: reply, "oSecret01") == reply
    assert b"oSecret01" not in store.get(dedup.rkey("k1", "oSecret01"))
    assert dedup.run("k1", lambda: "never", "oSecret01") == reply  # a retry: the same bytes


def test_concurrent_tries_run_the_work_once_and_share_the_reply(store):
    dedup = Deduplicator(store, "t:")
    calls = []
    gate = threading.Event()

    def work():
        calls.append(1)
        gate.wait(2)
        return "<xml>reply</xml>"

    results = []
    threads = [threading.Thread(target=lambda: results.append(dedup.run("k1", work)))
               for _ in range(3)]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join()
    assert calls == [1]
    assert results == ["<xml>reply</xml>"] * 3


def test_a_failed_try_releases_the_claim_so_a_retry_can_answer(store):
    dedup = Deduplicator(store, "t:")

    def boom():
        raise RuntimeError("handler crashed")

    with pytest.raises(RuntimeError):
        dedup.run("k2", boom)
    assert dedup.run("k2", lambda: "ok") == "ok"


def test_a_crashed_workers_claim_expires_after_the_lease(store):
    dedup = Deduplicator(store, "t:", lease=0.2, wait=2)
    store.set(dedup.rkey("k3"), b"pending:someone-dead", px=200)
    assert dedup.run("k3", lambda: "recovered") == "recovered"


def test_waiting_gives_up_before_wechats_timeout(store):
    dedup = Deduplicator(store, "t:", lease=30, wait=0.1)
    store.set(dedup.rkey("k4"), b"pending:slow", px=30000)
    assert dedup.run("k4", lambda: "never") is None


def test_cached_replies_expire(store):
    dedup = Deduplicator(store, "t:", keep=300)
    dedup.run("k5", lambda: "x")
    assert 0 < store.ttl(dedup.rkey("k5")) <= 300


def test_a_claim_counts_the_followers_rate_only_for_the_winning_try(store):
    dedup = Deduplicator(store, "t:")
    rate = rate_key("t:", "oSecret01", 1)  # the follower's slot, as the claim's
    for expected_won in (True, False):  # the second try is a retry: not counted again
        pipe = store.pipeline(transaction=False)
        read = dedup.queue_claim(pipe, "k6", "oSecret01", rate_key=rate)
        claim = read(pipe.execute()[0])
        assert claim.won is expected_won
    assert claim.held.startswith(b"pending:")
    assert int(store.get(rate)) == 1 and 0 < store.ttl(rate) <= 120
    assert b"oSecret01" not in claim.rkey.encode()
