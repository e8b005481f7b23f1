"""Pytest fixtures for the fake WeChat API and broadcast tests (imported by tests/conftest.py)."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot import create_app
from bot.services import get_services
from tests.fakes.wechat_api import FakeWeChatAPI
from tests.support.articles import load_articles

__all__ = ["fake_wechat", "static_site", "bc_app"]

FAKE_APPID = "wxfake0000000001"
FAKE_SECRET = "fakesecret"
STATIC = Path(__file__).resolve().parent.parent / "fixtures" / "static"
FOLLOWERS = ("oEditor0001", "oHubei00001", "oHubei00002", "oGuangdong01", "oNoRegion01")


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_wechat(app_config):
    """A fresh fake WeChat API on a free port; the test app is pointed at it."""
    fake = FakeWeChatAPI(FAKE_APPID, FAKE_SECRET).start()
    app_config.update(
        wechat_api_base=fake.url, wechat_app_id=FAKE_APPID, wechat_app_secret=FAKE_SECRET
    )
    yield fake
    fake.stop()


@pytest.fixture
def static_site():
    """A plain web server on 127.0.0.1 serving tests/fixtures/static (article covers)."""
    handler = functools.partial(_QuietFiles, directory=str(STATIC))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def bc_app(fake_wechat, app_config, static_site, tmp_path):
    """An app wired to the fake API, with followers known to it and test articles to send."""
    app_config.setdefault("extra", {}).update(
        {"broadcast_retry_delays": (0.01, 0.02, 0.04), "kb_bundled": False})
    # the covers' server is on loopback, which a cover fetch refuses unless allowed by name
    app_config["bot_fetch_allow"] = static_site.split("//")[1].rstrip("/")
    for openid in FOLLOWERS:
        fake_wechat.add_follower(openid)
    app = create_app(app_config)
    load_articles(get_services(app).kb, static_site + "article_cover.png", tmp_path)
    return app
