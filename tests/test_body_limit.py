"""A body over 1 MiB is refused with 413 however it is framed (issue 11, finding 6)."""

import json

import pytest
import redis
import requests

from tests.support.gunicorn import Gunicorn

ADMIN = "body-limit-staff-token-0123456789"
MiB = 1024 * 1024


@pytest.fixture(scope="module")
def gunicorn(redis_server, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("limit")
    server = Gunicorn({"REDIS_URL": redis_server.url, "WECHAT_TOKEN": "limittoken",
                       "ADMIN_TOKEN": ADMIN, "BOT_DATA_DIR": str(tmp / "var")},
                      workers=1, log_dir=tmp).start()
    yield server
    server.stop()


def _records(count: int, prefix: str) -> list[bytes]:
    return [json.dumps({"id": f"{prefix}-{n:05d}", "title": f"限额测试第{n}篇招聘会",
                        "published": "2026-11-01", "region": "湖北",
                        "body": "招聘会" * 60}, ensure_ascii=False).encode() + b"\n"
            for n in range(count)]


def _chunked(lines: list[bytes]):
    """A generator body: requests sends it chunked, with no Content-Length."""
    yield from lines


def test_a_chunked_import_over_the_limit_is_refused_whole(gunicorn, redis_server):
    lines = _records(5000, "big")
    assert sum(map(len, lines)) > 2 * MiB
    resp = requests.post(gunicorn.url + "/admin/api/articles", data=_chunked(lines),
                         headers={"Authorization": f"Bearer {ADMIN}"}, timeout=30)
    assert resp.status_code == 413
    store = redis.Redis.from_url(redis_server.url)
    assert not any(b"big-" in k for k in store.scan_iter(count=1000))  # nothing half-written


def test_a_chunked_import_under_the_limit_is_taken_whole(gunicorn):
    lines = _records(200, "small")
    resp = requests.post(gunicorn.url + "/admin/api/articles", data=_chunked(lines),
                         headers={"Authorization": f"Bearer {ADMIN}"}, timeout=30)
    assert resp.status_code == 200, resp.text
    assert resp.json()["added"] == 200 and resp.json()["failed"] == 0


@pytest.mark.parametrize("chunked", [True, False])
def test_a_large_webhook_body_is_refused(gunicorn, chunked):
    body = b"<xml>" + b"x" * (2 * MiB) + b"</xml>"
    data = _chunked([body[i:i + 65536] for i in range(0, len(body), 65536)]) if chunked \
        else body
    resp = requests.post(gunicorn.url + "/wechat", data=data, timeout=30)
    assert resp.status_code == 413
