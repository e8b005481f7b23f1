"""The console over Flask's test client: cookies, idle timeout, CSRF, redirects, escaping,
CSV export and the message counter (the browser tests cover the pages end to end)."""

from __future__ import annotations

import csv
import io

import pytest

from bot.services import get_services
from tests.console_support import csrf, light_config, log_in


@pytest.fixture
def app_config(app_config):
    return light_config(app_config, articles=False)


def session_keys(app) -> list[bytes]:
    return list(get_services(app).redis.scan_iter("jyq:{console}:session:*"))


def test_the_cookie_is_httponly_lax_and_secure_only_over_https(app):
    _, plain = log_in(app)
    cookie = plain.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    _, secure = log_in(app, base_url="https://localhost")
    assert "Secure" in secure.headers["Set-Cookie"]


def test_behind_a_tls_proxy_the_public_https_url_makes_the_cookie_secure(app_config):
    from bot import create_app

    app_config["bot_public_url"] = "https://bot.example.cn"
    _, resp = log_in(create_app(app_config))
    assert "Secure" in resp.headers["Set-Cookie"]


def test_console_pages_forbid_framing_foreign_scripts_and_caching(app):
    client, _ = log_in(app)
    for path in ("/admin/login", "/admin/"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY" and headers["Cache-Control"] == "no-store"


def test_idle_sessions_end_and_each_request_restarts_the_clock(app_config):
    from bot import create_app

    app_config["bot_console_idle_hours"] = "2"
    app = create_app(app_config)
    client, _ = log_in(app)
    r = get_services(app).redis
    [key] = session_keys(app)
    assert 7190 <= r.ttl(key) <= 7200
    r.expire(key, 30)
    assert client.get("/admin/").status_code == 200
    assert r.ttl(key) > 7000  # pushed back by the request
    r.delete(key)  # what Redis does when the idle time has passed
    resp = client.get("/admin/feedback")
    assert resp.status_code == 302 and "/admin/login" in resp.headers["Location"]


def test_logout_needs_the_token_and_ends_the_session_on_the_server(app):
    client, _ = log_in(app)
    assert client.post("/admin/logout").status_code == 400
    assert len(session_keys(app)) == 1
    client.post("/admin/logout", data={"csrf_token": csrf(client, "/admin/")})
    assert session_keys(app) == []
    assert client.get("/admin/").status_code == 302


def test_a_post_without_a_token_is_400_and_changes_nothing(app):
    store = get_services(app).feedback
    record = store.submit("oFollower001", "k1", "希望增加培训信息", None)
    client, _ = log_in(app)
    for data in ({"status": "done"}, {"status": "done", "csrf_token": "forged"}):
        resp = client.post(f"/admin/feedback/{record.ticket}/status", data=data)
        assert resp.status_code == 400 and "CSRF" in resp.text
    assert store.get(record.id).status == "new"
    assert [e.action for e in get_services(app).extra["console"].audit.page()] == ["登录"]


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/admin", "/wechat"])
def test_login_never_redirects_outside_the_console(app, target):
    state = get_services(app).extra["console"]
    state.accounts.add("alice", "editor", "console-password")
    client = app.test_client()
    resp = client.post("/admin/login?next=" + target, data={
        "username": "alice", "password": "console-password", "csrf_token": csrf(client)})
    assert resp.headers["Location"] == "/admin/"


def test_outside_text_is_escaped_on_every_page_that_shows_it(app):
    store = get_services(app).feedback
    record = store.submit("oFollower001", "k1", '<script>alert("x")</script>', None)
    client, _ = log_in(app)
    for path in ("/admin/feedback", f"/admin/feedback/{record.ticket}"):
        page = client.get(path).text
        assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_a_ticket_shows_the_followers_other_messages_and_image(app):
    store = get_services(app).feedback
    image = {"type": "image", "media_id": "MEDIA_1", "pic_url": "http://mmbiz.qpic.cn/x/0"}
    first = store.submit("oFollower001", "k1", "", image)
    second = store.submit("oFollower001", "k2", "补充一下刚才的图片", None)
    store.submit("oSomeoneElse", "k3", "别人的留言", None)
    client, _ = log_in(app)
    page = client.get(f"/admin/feedback/{second.ticket}").text
    assert first.ticket in page and "别人的留言" not in page
    page = client.get(f"/admin/feedback/{first.ticket}").text
    assert 'src="http://mmbiz.qpic.cn/x/0"' in page and 'referrerpolicy="no-referrer"' in page


def test_csv_export_follows_the_filter_and_defuses_formulas(app):
    store = get_services(app).feedback
    store.submit("oFollower001", "k1", "=HYPERLINK(\"http://evil\")", None)
    store.submit("oFollower002", "k2", "招聘会什么时候开", None)
    done = store.submit("oFollower003", "k3", "招聘会的地点在哪", None)
    store.set_status(done.id, "done")
    client, _ = log_in(app)
    resp = client.get("/admin/feedback/export.csv?status=new")
    assert resp.mimetype == "text/csv" and resp.text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(resp.text.lstrip("\ufeff"))))
    texts = [row[5] for row in rows[1:]]
    assert texts == ["'=HYPERLINK(\"http://evil\")", "招聘会什么时候开"]
    filtered = client.get("/admin/feedback/export.csv?text=招聘会").text
    assert "什么时候开" in filtered and "地点在哪" in filtered and "HYPERLINK" not in filtered
    audit = get_services(app).extra["console"].audit.page()[0]
    assert audit.action == "导出留言" and audit.detail.startswith("2 条")


def test_a_bad_date_filter_is_explained(app):
    client, _ = log_in(app)
    page = client.get("/admin/feedback?since=2026-13-45")
    assert page.status_code == 200 and "不是有效日期" in page.text
    assert client.get("/admin/feedback/export.csv?since=yesterday").status_code == 400


def test_messages_are_counted_per_day_for_the_dashboard(app, client):
    from bot.devtools.wechat_side import WeChatSide

    s = get_services(app).settings

    def transport(path, params, body):
        resp = client.post(path, query_string=params, data=body)
        return resp.status_code, resp.text

    side = WeChatSide(transport, s.wechat_token, s.wechat_encoding_aes_key, s.wechat_app_id)
    side.text("oFollower001", "热线电话")
    side.text("oFollower001", "热线电话")
    side.event("oFollower002", "subscribe")
    days = get_services(app).extra["traffic"].days(30)
    assert len(days) == 30 and days[-1][1] == 2
    staff, _ = log_in(app)
    page = staff.get("/admin/").text
    assert page.count('class="bar"') >= 30 and "今天 2 条" in page


def test_an_unknown_ticket_or_article_is_a_chinese_404(app):
    client, _ = log_in(app)
    for path in ("/admin/feedback/FK-20260101-0001", "/admin/articles/no-such-article"):
        resp = client.get(path)
        assert resp.status_code == 404 and "没有找到" in resp.text
