"""No credential leaves through an error (issue 11, finding 1).

A gateway in front of WeChat fails at the HTTP level; the exception texts requests builds
hold the whole URL, with `access_token` (or `appid` and `secret` on the token endpoint) in
its query string. Neither may reach the log, the staff API, the job record or the CLI.
"""

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import redis

from bot import create_app
from bot.platform.scrub import scrub
from bot.services import get_services
from tests.support.articles import load_articles

SECRET = "S3cretAppSecretValue0042"
ACCESS_TOKEN = "ACCESS-TOKEN-VALUE-9b1d2c"
AUTH = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}


def _gateway(mode: str):
    """A broken gateway: 'token' fails the token fetch with 502; 'call' fails every API call."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, status, body):
            data = json.dumps(body).encode() if isinstance(body, dict) else body
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.startswith("/cgi-bin/stable_token"):
                if mode == "token":
                    return self._answer(404, b"no such endpoint")
                return self._answer(200, {"access_token": ACCESS_TOKEN, "expires_in": 7200})
            return self._answer(500, b"<html>upstream error</html>")

        def do_GET(self):
            self._answer(502, b"<html>bad gateway</html>")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


@pytest.mark.parametrize("mode", ["token", "call"])
def test_http_failures_leak_no_credential_anywhere(app_config, tmp_path, caplog, mode):
    gateway = _gateway(mode)
    try:
        app_config.update(wechat_api_base=f"http://127.0.0.1:{gateway.server_address[1]}/",
                          wechat_app_id="wxleaktest0000001", wechat_app_secret=SECRET,
                          broadcast_retry_delays=(0.01,))
        app = create_app(app_config)
        services = get_services(app)
        load_articles(services.kb, "", tmp_path)
        caplog.set_level(logging.DEBUG)
        resp = app.test_client().post("/admin/api/broadcasts", headers=AUTH,
                                      json={"article_id": "jz-skills-2024", "all": True})
        # the web request hands the job to the worker; the worker's run then fails for good
        assert resp.status_code == 201
        job_id = resp.get_json()["job"]["id"]
        api_error = resp.get_json()["job"]["error"]
        assert "微信接口" in api_error and "后台" in api_error
        final = services.broadcasts.run(job_id, now=time.time() + 3600)
        assert final.status == "failed" and "微信接口" in final.error
        status = app.test_cli_runner().invoke(args=["broadcast", "status", job_id]).output
        client = redis.Redis.from_url(app_config["redis_url"])
        stored = " ".join(
            " ".join(v.decode("utf-8", "replace") for v in client.hgetall(k).values())
            for k in client.scan_iter(match="*bc*") if client.type(k) == b"hash")
        assert "broadcast" in status or job_id in status
        for place, text in (("log", caplog.text), ("staff API", api_error),
                            ("job record", stored), ("broadcast status", status)):
            for secret in (SECRET, ACCESS_TOKEN, "secret=", "access_token="):
                assert secret not in text, f"{secret!r} leaked into the {place}"
    finally:
        gateway.shutdown()
        gateway.server_close()


@pytest.mark.parametrize("text, kept", [
    ("GET https://api.weixin.qq.com/cgi-bin/token?grant_type=x&appid=wx1&secret=abc failed",
     "https://api.weixin.qq.com/cgi-bin/token?***"),
    ("500 Server Error for url: /cgi-bin/message/mass/sendall?access_token=tok", "sendall?***"),
    ("{'appid': 'wx1', 'secret': 'abc'}", "'secret': '***"),
])
def test_scrub_cuts_query_strings_and_credential_pairs(text, kept):
    out = scrub(text)
    assert kept in out
    assert "abc" not in out and "tok" not in out.replace("token", "")
