"""A cover URL from an article never reaches inside (issue 11, finding 3)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot import create_app
from bot.platform.safe_fetch import FetchRefused, SafeFetcher, is_public
from bot.services import get_services
from tests.fakes.fixtures import FOLLOWERS
from tests.support.articles import FIXTURES, load_articles

PNG = (FIXTURES / "static" / "article_cover.png").read_bytes()


class _Server:
    """A loopback web server whose answers a test chooses; it counts the requests it gets."""

    def __init__(self, answer):
        self.hits = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                outer.hits += 1
                answer(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()
        self.hostport = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.url = f"http://{self.hostport}/cover.png"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _png(h):
    h.send_response(200)
    h.send_header("Content-Type", "image/png")
    h.send_header("Content-Length", str(len(PNG)))
    h.end_headers()
    h.wfile.write(PNG)


@pytest.fixture
def servers():
    made = []

    def make(answer):
        made.append(_Server(answer))
        return made[-1]

    yield make
    for s in made:
        s.close()


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.9", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("::1", False),
    ("::ffff:127.0.0.1", False), ("fe80::1", False), ("fc00::1", False), ("224.0.0.1", False),
    ("::7f00:1", False), ("64:ff9b::7f00:1", False), ("64:ff9b::a00:1", False),
    ("2002:7f00:1::", False), ("fec0::1", False), ("2001:0:4136:e378:8000:63bf:80ff:fffe", False),
    ("64:ff9b::808:808", True), ("2002:808:808::1", True),
    ("8.8.8.8", True), ("2400:3200::1", True), ("not-an-ip", False),
])
def test_only_public_unicast_addresses_count_as_public(address, public):
    assert is_public(address) is public


def test_loopback_and_localhost_are_refused_and_never_contacted(servers):
    inside = servers(_png)
    for url in (inside.url, inside.url.replace("127.0.0.1", "localhost")):
        with pytest.raises(FetchRefused):
            SafeFetcher().fetch_image(url)
    assert inside.hits == 0


def test_an_allowed_host_serves_but_its_redirect_inside_is_refused(servers):
    inside = servers(_png)

    def redirect(h):
        h.send_response(302)
        h.send_header("Location", inside.url)
        h.send_header("Content-Length", "0")
        h.end_headers()

    allowed, hop = servers(_png), servers(redirect)
    data, kind = SafeFetcher(allow=frozenset({allowed.hostport})).fetch_image(allowed.url)
    assert data == PNG and kind == "image/png"
    with pytest.raises(FetchRefused):
        SafeFetcher(allow=frozenset({hop.hostport})).fetch_image(hop.url)
    assert hop.hits == 1 and inside.hits == 0


def test_a_trickling_server_is_cut_off_at_the_deadline(servers):
    def trickle(h):
        h.send_response(200)
        h.send_header("Content-Type", "image/png")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        try:
            for _ in range(40):
                h.wfile.write(b"\x89")
                h.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    slow = servers(trickle)
    fetcher = SafeFetcher(allow=frozenset({slow.hostport}), deadline=0.6, op_timeout=0.5)
    with pytest.raises(FetchRefused, match="slow"):
        fetcher.fetch_image(slow.url)


@pytest.mark.parametrize("kind, length, body", [
    ("text/html", None, b"<html>admin panel</html>"),
    ("image/png", str(20 * 1024 * 1024), PNG),
])
def test_non_images_and_oversized_bodies_are_refused(servers, kind, length, body):
    def answer(h):
        h.send_response(200)
        h.send_header("Content-Type", kind)
        h.send_header("Content-Length", length or str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    server = servers(answer)
    with pytest.raises(FetchRefused):
        SafeFetcher(allow=frozenset({server.hostport})).fetch_image(server.url)


def test_a_broadcast_preview_with_an_internal_cover_uploads_the_default_one(
        servers, fake_wechat, app_config, tmp_path):
    inside = servers(_png)
    for openid in FOLLOWERS:
        fake_wechat.add_follower(openid)
    app = create_app(app_config)
    load_articles(get_services(app).kb, inside.url, tmp_path)
    result = app.test_cli_runner().invoke(
        args=["broadcast", "preview", "gd-fair-2024", "--to", "oEditor0001"])
    assert result.exit_code == 0, result.output
    upload = fake_wechat.calls_to("material/add_material")
    assert upload[0].files["media"][0] == "default_cover.png"
    assert upload[0].files["media"][1] != PNG
    assert inside.hits == 0
