"""Event handlers, in-process: fixture XML parsed by wechatpy, answered by the registry."""

from __future__ import annotations

import pytest

from bot.audience.followers import Followers
from bot.platform.redis_url import open_client
from handlers.context import Session
from handlers.registry import build_registry
from handlers.replies import SILENT, Text
from tests.support.messages import context, message


@pytest.fixture
def followers(redis_url):
    client = open_client(redis_url)
    yield Followers(client, "t:")
    client.close()


def answer(msg, ctx):
    """The first matching handler's name and reply, as the dispatcher would pick it."""
    for handler in build_registry():
        match = handler.check(msg, ctx)
        if match is not None:
            return handler.name, handler.handle(msg, ctx, match)
    raise AssertionError("Fallback should always match")


def test_subscribe_welcomes_with_examples_and_hotline(followers):
    msg = message("event_subscribe")
    name, reply = answer(msg, context(msg, followers=followers))
    assert name == "subscribe_event"
    assert isinstance(reply, Text)
    assert "欢迎关注就业桥" in reply.content and "400-633-0111" in reply.content
    assert reply.content.count("·") == 3  # three example questions
    assert followers.region_of(msg.source) is None


def test_subscribe_with_region_scene_subscribes_and_notes_it(followers):
    msg = message("event_subscribe_scene")
    assert msg.event == "subscribe_scan"
    name, reply = answer(msg, context(msg, followers=followers))
    assert name == "subscribe_event"
    assert "已为您订阅湖北地区资讯" in reply.content
    assert followers.region_of(msg.source) == "湖北"
    assert followers.scene_of(msg.source) == "region_湖北"


def test_unsubscribe_forgets_the_session_silently(followers):
    msg = message("event_unsubscribe")
    session = Session({"last": {"kind": "latest", "ids": ["a"]}, "mode": "feedback"})
    name, reply = answer(msg, context(msg, session, followers=followers))
    assert (name, reply) == ("unsubscribe_event", SILENT)
    assert session.cleared and session.data == {}


def test_scan_with_a_scene_naming_a_place_subscribes(followers):
    msg = message("event_scan")
    name, reply = answer(msg, context(msg, followers=followers))
    assert name == "scan_event"
    assert "湖北" in reply.content
    assert followers.region_of(msg.source) == "湖北"
    assert followers.scene_of(msg.source) == "jobfair_荆州"


def test_scan_with_a_plain_scene_welcomes_back(followers):
    msg = message("event_scan", EventKey="1024")
    name, reply = answer(msg, context(msg, followers=followers))
    assert name == "scan_event" and "欢迎回来" in reply.content
    assert followers.region_of(msg.source) is None
    assert followers.scene_of(msg.source) == "1024"


def test_view_is_acknowledged(followers):
    msg = message("event_view")
    name, reply = answer(msg, context(msg, followers=followers))
    assert name == "view_event" and isinstance(reply, Text) and reply.content


def test_location_event_remembers_the_province_silently(followers):
    msg = message("event_location")
    session = Session()
    name, reply = answer(msg, context(msg, session, followers=followers))
    assert (name, reply) == ("location_event", SILENT)
    assert session.get("located") == "湖北"
    assert followers.located_region(msg.source) == "湖北"


def test_location_event_abroad_or_garbled_changes_nothing(followers):
    for fields in ({"Latitude": "48.85", "Longitude": "2.35"}, {"Latitude": "北纬"}):
        msg = message("event_location", **fields)
        session = Session()
        assert answer(msg, context(msg, session, followers=followers))[1] is SILENT
        assert session.get("located") is None
    assert followers.located_region(msg.source) is None


@pytest.mark.parametrize(("key", "words"), [("HOTLINE", "400-633-0111"), ("HELP", "订阅湖北")])
def test_click_fixed_keys(followers, key, words):
    msg = message("event_click", EventKey=key)
    name, reply = answer(msg, context(msg, followers=followers))
    assert name == "click" and words in reply.content


def test_click_unknown_key_answers_help(followers):
    msg = message("event_click", EventKey="SOMETHING_NEW")
    name, reply = answer(msg, context(msg, followers=followers))
    assert name == "click" and "就业桥可以帮您" in reply.content


def test_click_feedback_is_left_to_the_feedback_handler(followers):
    msg = message("event_click", EventKey="FEEDBACK")
    name, _ = answer(msg, context(msg, followers=followers))
    assert name not in {"click", "help"}


def test_click_my_region_without_a_region_asks(followers):
    msg = message("event_click", EventKey="MY_REGION")
    name, reply = answer(msg, context(msg, followers=followers))
    assert name == "click" and "订阅湖北" in reply.content


def test_other_events_answer_nothing(followers):
    msg = message("event_masssendjobfinish")
    assert answer(msg, context(msg, followers=followers))[1] is SILENT
