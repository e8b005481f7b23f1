"""Shared fixtures: a real Redis server per test session, a fresh app per test."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis

from bot import create_app
from tests.fakes.fixtures import *  # noqa: F401,F403  (fake WeChat API fixtures)
from tests.support.redis_server import RedisServer

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server) -> str:
    """The test Redis, emptied before each test."""
    client = redis.Redis.from_url(redis_server.url)
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
        "admin_token": "staff-secret",
        "ENVIRON": {},
        "TESTING": True,
    }


@pytest.fixture
def app(app_config):
    return create_app(app_config)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def fixture_text(name: str) -> str:
    """The text of a file under tests/fixtures."""
    return (FIXTURES / name).read_text(encoding="utf-8")
