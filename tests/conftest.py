"""Shared fixtures: a real Redis server per test session, a fresh app per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot import create_app
from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.platform.redis_url import open_client
from bot.services import get_services
from tests.fakes.fixtures import *  # noqa: F401,F403  (fake WeChat API fixtures)
from tests.support.browser import browser  # noqa: F401  (one Chromium per test session)
from tests.support.live import LiveServer
from tests.support.redis_server import RedisServer
from tests.support.redis_topologies import ClusterSet

FIXTURES = Path(__file__).parent / "fixtures"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wx2c2769f8efd9abc2"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """One redis-server; with JYQ_TEST_STORE=cluster a three-master Redis Cluster instead."""
    if os.environ.get("JYQ_TEST_STORE") == "cluster":  # `make test-cluster`
        server = ClusterSet(tmp_path_factory.mktemp("cluster")).start()
    else:
        server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server) -> str:
    """The test Redis, emptied before each test."""
    client = open_client(redis_server.url)
    client.flushall()
    client.close()
    return redis_server.url


@pytest.fixture
def app_config(redis_url, tmp_path) -> dict:
    """Settings for a test app; tests may tweak this dict before `app` is built."""
    return {
        "redis_url": redis_url,
        "bot_data_dir": str(tmp_path / "var"),
        "wechat_token": "testtoken",
        "admin_token": "staff-secret-for-the-tests-0123",
        "ENVIRON": {},
        "TESTING": True,
    }


@pytest.fixture
def app(app_config):
    """The app; most tests want the bundled samples, which only the dev server loads by
    itself, so they are loaded here unless a test sets app_config["kb_bundled"] to False
    (a key of this fixture, not a setting)."""
    bundled = app_config.pop("kb_bundled", True)
    app = create_app(app_config)
    if bundled:
        get_services(app).kb.load_bundled()
    return app


@pytest.fixture
def say(app_config, request):
    """One follower chatting with the app, with no rate limit (a test may send many
    messages): say(text) -> what the follower reads."""
    from tests.follower_eval import say_as

    app_config["rate_limit_per_minute"] = 0
    return say_as(request.getfixturevalue("app"), "o_chat")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def fixture_text(name: str) -> str:
    """The text of a file under tests/fixtures."""
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture
def live_bot(app):
    """The test app served over real HTTP on 127.0.0.1."""
    with LiveServer(app) as server:
        yield server


@pytest.fixture
def wechat(app, live_bot) -> WeChatSide:
    """WeChat's side, posting signed (and, with a key, encrypted) messages to `live_bot`."""
    s = get_services(app).settings
    return WeChatSide(http_transport(live_bot.url), s.wechat_token,
                      s.wechat_encoding_aes_key, s.wechat_app_id)


@pytest.fixture
def safe_config(app_config) -> dict:
    """`app_config` with an EncodingAESKey and AppID: safe and compatible mode."""
    app_config.update(wechat_encoding_aes_key=AES_KEY, wechat_app_id=APP_ID)
    return app_config
