"""The conversation over real HTTP: WeChat's side posts, the bot answers (no articles needed)."""

from __future__ import annotations

import pytest

from bot.services import get_services
from tests.support.conversation import click, post_fixture

HOTLINE = "400-633-0111"


@pytest.fixture
def followers(app):
    return get_services(app).followers


def test_subscribe_event_welcomes(wechat):
    d = post_fixture(wechat, "event_subscribe", "o_new")
    assert d.status == 200 and d.reply["MsgType"] == "text"
    assert "欢迎关注就业桥" in d.text and HOTLINE in d.text


def test_region_scene_subscribes_the_follower(wechat, followers):
    d = post_fixture(wechat, "event_subscribe_scene", "o_scene")
    assert "已为您订阅湖北地区资讯" in d.text
    assert followers.region_of("o_scene") == "湖北"
    assert followers.scene_of("o_scene") == "region_湖北"


def test_scan_of_a_region_scene(wechat, followers):
    d = post_fixture(wechat, "event_scan", "o_scan", EventKey="region_广东")
    assert "广东" in d.text and followers.region_of("o_scan") == "广东"


def test_unsubscribe_forgets_the_session_and_answers_success(wechat, app):
    wechat.text("o_gone", "订阅湖北")
    click(wechat, "o_gone", "MY_REGION")  # leaves a session behind (or a hint)
    store = get_services(app)
    d = post_fixture(wechat, "event_unsubscribe", "o_gone")
    assert d.status == 200 and d.body == "success"
    assert not list(store.redis.scan_iter(store.key("session", "o_gone") + "*"))


def test_view_event_is_acknowledged(wechat):
    d = post_fixture(wechat, "event_view", "o_view")
    assert d.reply is not None and d.text


def test_location_event_answers_success_and_is_remembered(wechat, followers):
    d = post_fixture(wechat, "event_location", "o_loc")
    assert d.body == "success"
    assert followers.located_region("o_loc") == "湖北"


def test_other_events_answer_success(wechat):
    assert post_fixture(wechat, "event_masssendjobfinish", "o_mass").body == "success"


@pytest.mark.parametrize(("key", "expected"), [("HOTLINE", HOTLINE), ("HELP", "就业桥可以帮您"),
                                               ("NO_SUCH_KEY", "就业桥可以帮您")])
def test_menu_clicks(wechat, key, expected):
    assert expected in click(wechat, "o_menu", key).text


def test_subscription_round_trip(wechat, followers):
    assert "已为您订阅湖北地区资讯" in wechat.text("o_sub", "订阅荆州").text
    assert followers.region_of("o_sub") == "湖北"
    assert "湖北" in wechat.text("o_sub", "订阅").text
    assert "已为您退订湖北" in wechat.text("o_sub", "取消订阅").text
    assert followers.region_of("o_sub") is None


def test_hotline_words(wechat):
    for text in ("热线", "客服电话多少", "投诉电话是多少", "转人工"):
        assert HOTLINE in wechat.text("o_hot", text).text, text


def test_voice(wechat):
    d = post_fixture(wechat, "voice", "o_voice", Recognition="热线电话。")
    assert HOTLINE in d.text
    d = post_fixture(wechat, "voice_unrecognized", "o_voice")
    assert "打字" in d.text


@pytest.mark.parametrize("kind", ["image", "video", "shortvideo", "link", "file"])
def test_other_message_kinds_get_a_polite_reply(wechat, kind):
    d = post_fixture(wechat, kind, "o_media")
    assert d.reply["MsgType"] == "text"
    assert "关键词" in d.text and "帮助" in d.text


def test_cancel_over_http(wechat):
    assert wechat.text("o_cancel", "取消").text.startswith("好的")


@pytest.mark.parametrize(
    "content",
    [
        "😀" * 600,
        "<script>alert(1)</script><b>热线</b>",
        "]]></Content><MsgType>event</MsgType>",
        "湖北培训补贴" * 834,  # 5,004 characters
        "&lt;&amp;&#x0;\u200b\ufeff",
    ],
)
def test_odd_messages_get_a_normal_answer(wechat, content):
    d = wechat.text("o_odd", content)
    assert d.status == 200 and d.reply is not None and d.reply["MsgType"] in ("text", "news")
    assert d.reply["ToUserName"] == "o_odd"
    if d.reply["MsgType"] == "text":
        assert 0 < len(d.reply["Content"].encode("utf-8")) <= 2048
