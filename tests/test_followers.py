"""bot.followers: region subscriptions, scenes and places in Redis, with WeChat tagging."""

from __future__ import annotations

import pytest
import redis
from wechatpy.exceptions import WeChatClientException

from bot.followers import Followers
from bot.services import get_services


@pytest.fixture
def store(redis_url):
    client = redis.Redis.from_url(redis_url)
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
    followers.subscribe_region("o1", "湖北")  # unchanged: no WeChat call
    followers.subscribe_region("o1", "广东")
    followers.unsubscribe_region("o1")
    followers.unsubscribe_region("o1")
    assert calls == [("o1", None, "湖北"), ("o1", "湖北", "广东"), ("o1", "广东", None)]


def test_a_failing_tagger_keeps_the_preference(store):
    def broken(openid, old, new):
        raise WeChatClientException(45009, "api freq out of limit")

    followers = Followers(store, "t:", tagger=broken)
    followers.subscribe_region("o1", "湖北")
    assert followers.region_of("o1") == "湖北"


def test_app_wires_followers_under_the_prefix(app):
    services = get_services(app)
    services.followers.subscribe_region("o9", "全国")
    assert services.redis.hget(services.key("follower", "o9"), "region") == "全国".encode()
