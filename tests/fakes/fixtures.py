"""Pytest fixtures for the fake WeChat API (imported by tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.fakes.wechat_api import FakeWeChatAPI

FAKE_APPID = "wxfake0000000001"
FAKE_SECRET = "fakesecret"


@pytest.fixture
def fake_wechat(app_config):
    """A fresh fake WeChat API on a free port; the test app is pointed at it."""
    fake = FakeWeChatAPI(FAKE_APPID, FAKE_SECRET).start()
    app_config.update(
        wechat_api_base=fake.url, wechat_app_id=FAKE_APPID, wechat_app_secret=FAKE_SECRET
    )
    yield fake
    fake.stop()
