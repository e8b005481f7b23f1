"""A message costs at most two Redis round trips: one before the handlers, one after."""

from __future__ import annotations

import time

import pytest
import redis

from bot.conversation.ratelimit import rate_key
from bot.devtools.wechat_side import WeChatSide, message_xml
from bot.services import get_services
from tests.support.round_trips import counting


@pytest.fixture
def side(app):
    client = app.test_client()

    def post(path, params, body):
        resp = client.post(path, query_string=params, data=body, content_type="text/xml")
        return resp.status_code, resp.data.decode("utf-8")

    s = get_services(app).settings
    side = WeChatSide(post, s.wechat_token)
    side.text("o_warm", "湖北培训补贴")  # the index and the service answers are loaded once
    return side


@pytest.mark.parametrize("text", ["湖北培训补贴", "荆州技能人才", "你好", "谢谢"])
def test_a_text_message_takes_two_round_trips(side, text):
    side.text("o_rt", "热线")  # a follower with a session already
    with counting() as trips:
        delivery = side.text("o_rt", text)
    assert delivery.reply is not None and "没有找到" not in delivery.text  # answered
    assert len(trips) <= 2, trips.trips
    before, after = (t.split(" | ") for t in trips.trips)
    assert "EVAL" in before  # the claim, with the rate count
    assert "SET" in after and after.count("EVAL") == 1  # the cached reply, the question log


def test_the_index_version_check_rides_in_the_first_round_trip(app, side):
    kb = get_services(app).kb
    first = []
    for n, due in enumerate((False, True)):
        if due:
            kb.index._checked = 0.0  # the once-a-second index check is due
        with counting() as trips:
            side.text(f"o_rt2_{n}", "湖北培训补贴")
        assert len(trips) == 2, trips.trips
        first.append(trips.trips[0].split(" | "))
    assert len(first[1]) == len(first[0]) + 2  # the store's identity and version, read along
    assert first[1][-2:] == ["GET", "GET"]


def test_a_retry_gets_the_cached_reply_in_one_round_trip(side):
    fields = side.text_fields("o_rt3", "湖北培训补贴")
    first = side.send(fields)
    with counting() as trips:
        again = side.send(fields)
    assert again.reply == first.reply
    assert len(trips) == 1, trips.trips


def test_a_replayed_pair_is_refused_and_leaves_no_count(app, side, redis_url):
    store = redis.Redis.from_url(redis_url)
    now = str(int(time.time()))

    def xml(msg_id: int) -> str:
        return message_xml(side.text_fields("o_rt4", "你好", msg_id=msg_id))

    assert side.post_xml(xml(71), now, "4242").status == 200
    assert side.post_xml(xml(72), now, "4242").status == 403  # same pair, another message
    window = int(get_services(app).clock() // 60)
    assert int(store.get(rate_key("jyq:", "o_rt4", window))) == 1
    # the refused request's claim was given back: the message's own delivery is answered
    assert side.post_xml(xml(72), now, "4343").reply["MsgType"] == "text"


def test_a_failed_question_log_write_never_costs_the_reply(app, side, redis_url):
    store = redis.Redis.from_url(redis_url)
    store.set(get_services(app).questions.log_key, "not a stream")  # XADD fails: WRONGTYPE
    fields = side.text_fields("o_rt5", "谢谢")
    first = side.send(fields)
    assert "不客气" in first.text  # the answer, not the busy reply
    assert side.send(fields).reply == first.reply  # and it was cached for WeChat's retry
