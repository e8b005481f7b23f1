"""The feedback store against a real Redis: exactly once, limits, no TTL, status changes."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from bot.feedback.store import FeedbackStore, durability_risk
from bot.platform.china_time import CHINA
from bot.platform.embedded import shutdown_embedded
from bot.platform.redis_store import connect
from bot.platform.redis_url import open_client
from config.settings import Settings
from tests.support.redis_server import RedisServer

T0 = datetime(2026, 11, 28, 9, 30, tzinfo=CHINA)


@pytest.fixture
def r(redis_url):
    client = open_client(redis_url)
    yield client
    client.close()


@pytest.fixture
def store(r):
    return FeedbackStore(r, "jyq:", per_hour=5)


def test_submit_stores_a_record_with_a_daily_ticket(store):
    first = store.submit("o1", "m1", "希望多发布湖北的招聘会", None, now=T0)
    second = store.submit("o2", "m2", "页面打不开", None, now=T0)
    assert first.ticket == "FK-20261128-0001"
    assert second.ticket == "FK-20261128-0002"
    assert not first.duplicate and not first.limited
    got = store.get(first.id)
    assert got.to_dict() == {
        "id": first.id, "ticket": "FK-20261128-0001", "openid": "o1",
        "text": "希望多发布湖北的招聘会", "media": None,
        "created_at": "2026-11-28T09:30:00+08:00", "status": "new", "replies": [],
    }
    assert store.get("fk-20261128-0002").openid == "o2"
    next_day = store.submit("o1", "m3", "再提一条", None, now=T0 + timedelta(days=1))
    assert next_day.ticket == "FK-20261129-0001"


def test_ticket_date_is_beijing_time(store):
    before = datetime.fromisoformat("2026-11-28T15:59:59+00:00")
    after = datetime.fromisoformat("2026-11-28T16:00:00+00:00")
    assert store.submit("o1", "m1", "x", None, now=before).ticket == "FK-20261128-0001"
    assert store.submit("o1", "m2", "y", None, now=after).ticket == "FK-20261129-0001"


def test_a_retry_returns_the_same_ticket_and_stores_nothing_new(store, r):
    first = store.submit("o1", "msg-42", "建议增加培训课程", None, now=T0)
    again = store.submit("o1", "msg-42", "建议增加培训课程", None, now=T0 + timedelta(seconds=5))
    assert again.ticket == first.ticket and again.id == first.id
    assert again.duplicate
    assert r.zcard("jyq:{feedback}:by_time") == 1


def test_records_and_indexes_have_no_ttl_and_every_key_is_prefixed(store, r):
    store.submit("o1", "m1", "内容", {"type": "image", "media_id": "MID", "pic_url": "http://p"},
                 now=T0)
    keys = [k.decode() for k in r.scan_iter("*")]
    assert keys and all(k.startswith("jyq:{feedback}:") for k in keys)
    for k in keys:
        ttl = r.ttl(k)
        if ":dedup:" in k or ":rate:" in k or ":seq:" in k:
            assert ttl > 0, k
        else:
            assert ttl == -1, k


def test_image_feedback_keeps_media_id_and_pic_url(store):
    media = {"type": "image", "media_id": "MEDIA_1", "pic_url": "http://mmbiz.qpic.cn/x.jpg"}
    rec = store.submit("o1", "m1", "", media, now=T0)
    assert store.get(rec.id).media == media


def test_the_sixth_in_an_hour_is_refused_and_not_stored(store, r):
    for i in range(5):
        assert store.submit("o1", f"m{i}", f"第{i}条", None, now=T0 + timedelta(minutes=i)).ticket
    refused = store.submit("o1", "m5", "第六条", None, now=T0 + timedelta(minutes=10))
    assert refused.limited and refused.ticket is None
    assert r.zcard("jyq:{feedback}:by_time") == 5
    # Someone else is not affected, and an hour after the first one frees a place.
    assert store.submit("o2", "x1", "别人的", None, now=T0 + timedelta(minutes=10)).ticket
    later = store.submit("o1", "m6", "一小时后", None, now=T0 + timedelta(minutes=60, seconds=1))
    assert later.ticket == "FK-20261128-0007"


def test_the_limit_is_configurable_and_zero_means_none(r):
    strict = FeedbackStore(r, "jyq:", per_hour=1)
    assert strict.submit("o1", "a", "一", None, now=T0).ticket
    assert strict.submit("o1", "b", "二", None, now=T0).limited
    free = FeedbackStore(r, "t2:", per_hour=0)
    assert all(free.submit("o1", f"k{i}", "x", None, now=T0).ticket for i in range(8))


def test_concurrent_retries_store_once(store, r):
    results, barrier = [], threading.Barrier(16)

    def send():
        barrier.wait()
        results.append(store.submit("o1", "same-msg", "并发重试", None, now=T0).ticket)

    threads = [threading.Thread(target=send) for _ in range(16)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert len(results) == 16 and len(set(results)) == 1
    assert r.zcard("jyq:{feedback}:by_time") == 1


def test_concurrent_distinct_messages_get_distinct_tickets_and_the_limit_holds(store, r):
    tickets, barrier = [], threading.Barrier(24)

    def send(i):
        barrier.wait()
        tickets.append(store.submit(f"o{i % 3}", f"msg{i}", f"第{i}条", None, now=T0).ticket)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(24)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    stored = [t for t in tickets if t]
    assert len(stored) == 15  # three followers, five each
    assert len(set(stored)) == 15
    assert r.zcard("jyq:{feedback}:by_time") == 15


def test_reply_and_status_changes_move_the_indexes(store, r):
    rec = store.submit("o1", "m1", "有问题", None, now=T0)
    replied = store.add_reply(rec.ticket, "您好，已处理。", now=T0 + timedelta(hours=1))
    assert replied.status == "replied"
    assert replied.replies == [
        {"text": "您好，已处理。", "at": "2026-11-28T10:30:00+08:00", "by": "staff"}]
    done = store.set_status(rec.id, "done")
    assert done.status == "done"
    again = store.add_reply(rec.id, "补充一句", now=T0)
    assert again.status == "done" and len(again.replies) == 2
    assert r.zcard("jyq:{feedback}:status:new") == 0
    assert r.zcard("jyq:{feedback}:status:replied") == 0
    assert r.zcard("jyq:{feedback}:status:done") == 1


def test_unknown_records_are_none_and_change_nothing(store, r):
    assert store.get(999) is None
    assert store.get("FK-20260101-0001") is None
    assert store.add_reply(999, "x") is None
    assert store.set_status("FK-20260101-0001", "done") is None
    assert list(r.scan_iter("*")) == []
    with pytest.raises(ValueError):
        store.set_status(1, "closed")


def test_records_survive_a_redis_restart_from_its_files(tmp_path):
    # restart() kills the server: only appendfsync always (what durability_risk asks for)
    # has the record on disk before the reply; everysec may still hold it in Redis's buffer
    # when the disk is busy, and a killed server then loses it.
    server = RedisServer(tmp_path / "redis", appendfsync="always").start()
    try:
        client = open_client(server.url)
        rec = FeedbackStore(client, "jyq:").submit("o1", "m1", "重启后还在吗", None, now=T0)
        client.close()
        server.restart()
        client = open_client(server.url)
        back = FeedbackStore(client, "jyq:").get(rec.ticket)
        assert back is not None and back.text == "重启后还在吗"
        client.close()
    finally:
        server.stop()


def test_durability_risk_names_what_could_lose_feedback(tmp_path, r):
    assert "everysec" in durability_risk(r)  # the shared test server fsyncs every second
    safe = RedisServer(tmp_path / "always", appendfsync="always").start()
    off = RedisServer(tmp_path / "off", appendonly=False).start()
    try:
        assert durability_risk(open_client(safe.url)) is None
        assert "appendonly is off" in durability_risk(open_client(off.url))
    finally:
        safe.stop()
        off.stop()


def test_the_embedded_store_fsyncs_before_answering(tmp_path):
    client = connect(Settings(bot_data_dir=str(tmp_path / "var")))
    try:
        assert durability_risk(client) is None
    finally:
        assert shutdown_embedded(tmp_path / "var")
