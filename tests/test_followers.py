"""bot.audience.followers: region subscriptions, scenes and places in Redis, with WeChat tagging."""

from __future__ import annotations

import pytest
from wechatpy.exceptions import WeChatClientException

from bot.audience.followers import Followers
from bot.platform.redis_url import open_client
from bot.services import get_services


@pytest.fixture
def store(redis_url):
    client = open_client(redis_url)
    yield client
    client.close()


def test_subscribe_region_is_kept_without_ttl(store):
    followers = Followers(store, "t:")
    followers.subscribe_region("o1", "湖北")
    assert followers.region_of("o1") == "湖北"
    assert store.ttl("t:follower:o1") == -1  # a preference: no expiry
    assert followers.region_of("o2") is None


def test_unsubscribe_returns_the_old_region(store):
    followers = Followers(store, "t:")
    followers.subscribe_region("o1", "湖北")
    followers.subscribe_region("o1", "广东")
    assert followers.unsubscribe_region("o1") == "广东"
    assert followers.region_of("o1") is None
    assert followers.unsubscribe_region("o1") is None


def test_scene_and_location_are_noted(store):
    followers = Followers(store, "t:")
    followers.note_scene("o1", "region_湖北")
    followers.note_location("o1", "广东")
    assert followers.scene_of("o1") == "region_湖北"
    assert followers.located_region("o1") == "广东"
    assert followers.region_of("o1") is None  # noting a place subscribes nobody


def test_tagger_sees_each_change_once(store):
    calls = []
    followers = Followers(store, "t:", tagger=lambda *args: calls.append(args))
    followers.subscribe_region("o1", "湖北")
    followers.wait()
    followers.subscribe_region("o1", "湖北")  # unchanged: no WeChat call
    followers.wait()
    followers.subscribe_region("o1", "广东")
    followers.wait()
    followers.unsubscribe_region("o1")
    followers.wait()
    followers.unsubscribe_region("o1")
    followers.wait()
    assert calls == [("o1", None, "湖北"), ("o1", "湖北", "广东"), ("o1", "广东", None)]
    assert followers.pending() == 0


def test_a_failing_tagger_keeps_the_preference_and_retries_later(store):
    calls = []

    def flaky(openid, old, new):
        calls.append((openid, old, new))
        if len(calls) <= 2:
            raise WeChatClientException(45009, "api freq out of limit")

    followers = Followers(store, "t:", tagger=flaky)
    followers.subscribe_region("o1", "湖北")
    followers.wait()
    followers.subscribe_region("o1", "广东")  # WeChat still has no tag: None → 广东
    followers.wait()
    assert followers.region_of("o1") == "广东"
    assert followers.pending() == 1
    assert followers.sync_pending() == 1
    assert calls[-1] == ("o1", None, "广东") and followers.pending() == 0


def test_app_wires_followers_under_the_prefix(app):
    services = get_services(app)
    services.followers.subscribe_region("o9", "全国")
    assert services.redis.hget(services.key("follower", "o9"), "region") == "全国".encode()


def test_subscribing_tags_the_follower_in_wechat(fake_wechat, app_config, wechat, app):
    fake_wechat.add_follower("o_tagged")
    assert "已为您订阅湖北" in wechat.text("o_tagged", "订阅荆州").text
    followers = get_services(app).followers
    followers.wait()
    hubei = next(i for i, name in fake_wechat.tags.items() if name == "地区-湖北")
    assert fake_wechat.user_tags["o_tagged"] == {hubei}
    wechat.text("o_tagged", "订阅广东")
    followers.wait()
    guangdong = next(i for i, name in fake_wechat.tags.items() if name == "地区-广东")
    assert fake_wechat.user_tags["o_tagged"] == {guangdong}
    wechat.text("o_tagged", "退订")
    followers.wait()
    assert fake_wechat.user_tags["o_tagged"] == set() and followers.pending() == 0


def test_wechat_refusing_a_tag_does_not_cost_the_answer(fake_wechat, wechat, app):
    fake_wechat.add_follower("o_refused")
    fake_wechat.fail("tags/members/batchtagging", 45009)
    d = wechat.text("o_refused", "订阅湖北")
    assert "已为您订阅湖北" in d.text
    followers = get_services(app).followers
    followers.wait()
    assert followers.region_of("o_refused") == "湖北" and followers.pending() == 1
    assert followers.sync_pending() == 1
    assert fake_wechat.user_tags["o_refused"] and followers.pending() == 0
