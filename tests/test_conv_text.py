"""Text intents that need no articles: cancel, subscriptions, hotline words, other kinds."""

from __future__ import annotations

import pytest

from bot.audience.followers import Followers
from bot.platform.redis_url import open_client
from handlers.context import Session
from handlers.replies import Text
from tests.support.messages import context, message
from tests.test_conv_events import answer


@pytest.fixture
def followers(redis_url):
    client = open_client(redis_url)
    yield Followers(client, "t:")
    client.close()


def say(text: str, session: Session | None = None, followers=None):
    msg = message("text", Content=text)
    return answer(msg, context(msg, session, followers=followers))


def test_cancel_leaves_a_mode_and_says_which():
    session = Session({"mode": "feedback", "mode_expires": 1.0, "feedback_draft": "x",
                       "last": {"ids": ["a"]}, "located": "湖北"})
    name, reply = say("取消", session)
    assert name == "cancel" and "已退出留言" in reply.content
    assert session.data == {"located": "湖北"}


def test_cancel_keeps_what_is_not_a_mode():
    session = Session({"located": "湖北", "last": {"kind": "latest", "ids": ["a"]}})
    name, reply = say("算了", session)
    assert name == "cancel" and "已取消" in reply.content
    assert session.data == {"located": "湖北"}


def test_cancel_with_nothing_to_cancel_is_still_polite():
    name, reply = say("退出")
    assert name == "cancel" and reply.content.startswith("好的")


@pytest.mark.parametrize("text", ["订阅湖北", "订阅 荆州", "请订阅湖北省新闻", "订阅恩施的资讯"])
def test_subscribe_to_a_region(followers, text):
    name, reply = say(text, followers=followers)
    assert name == "subscribe_region" and "已为您订阅湖北地区资讯" in reply.content
    assert followers.region_of("o_follower_1") == "湖北"


def test_subscribe_twice_and_switch(followers):
    say("订阅湖北", followers=followers)
    assert "已经订阅" in say("订阅湖北", followers=followers)[1].content
    assert "广东" in say("订阅深圳", followers=followers)[1].content
    assert followers.region_of("o_follower_1") == "广东"


def test_subscribe_without_a_known_place_explains(followers):
    for text in ("订阅", "订阅火星"):
        name, reply = say(text, followers=followers)
        assert name == "subscribe_region" and "订阅湖北" in reply.content
    assert followers.region_of("o_follower_1") is None
    followers.subscribe_region("o_follower_1", "全国")
    assert "全国" in say("订阅", followers=followers)[1].content


@pytest.mark.parametrize("text", ["退订", "取消订阅"])
def test_unsubscribe(followers, text):
    followers.subscribe_region("o_follower_1", "湖北")
    name, reply = say(text, followers=followers)
    assert name == "unsubscribe_region" and "已为您退订湖北" in reply.content
    assert followers.region_of("o_follower_1") is None
    assert "还没有订阅" in say(text, followers=followers)[1].content


def test_subscription_without_the_service_is_polite():
    name, reply = say("订阅湖北")
    assert name == "subscribe_region" and "暂时用不了" in reply.content


def test_tousu_is_the_hotline_but_tousu_jianyi_is_not():
    assert say("投诉电话")[0] == "hotline"
    assert say("投诉建议")[0] != "hotline"


def test_voice_with_recognition_is_text():
    msg = message("voice", Recognition="热线电话。")
    name, reply = answer(msg, context(msg))
    assert name == "hotline" and "400-633-0111" in reply.content


def test_voice_without_recognition_asks_to_type():
    msg = message("voice_unrecognized")
    name, reply = answer(msg, context(msg))
    assert name == "voice" and "打字" in reply.content


@pytest.mark.parametrize("kind", ["image", "video", "shortvideo", "link", "file"])
def test_other_kinds_hear_what_the_bot_can_do(kind):
    msg = message(kind)
    name, reply = answer(msg, context(msg))
    assert name == "unreadable"
    assert isinstance(reply, Text) and "关键词" in reply.content and "帮助" in reply.content


def test_location_abroad_is_told_politely():
    msg = message("location", Location_X="48.85", Location_Y="2.35")
    session = Session()
    name, reply = answer(msg, context(msg, session))
    assert name == "location" and "没能认出" in reply.content
    assert session.get("located") is None
