"""Staff API for feedback: paged, filtered listing, and replies through the fake WeChat API."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot import create_app
from bot.platform.china_time import CHINA
from bot.services import get_services

AUTH = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=CHINA)


def seed(app, n: int, start: datetime = T0, step: timedelta = timedelta(hours=1)) -> list:
    """n records from n different followers, `step` apart."""
    store = get_services(app).feedback
    return [store.submit(f"oUser{i:04d}", f"msg{i}", f"第{i}条意见", None, now=start + step * i)
            for i in range(n)]


def test_listing_needs_the_staff_token(client):
    assert client.get("/admin/api/feedback").status_code == 401
    bad = client.get("/admin/api/feedback", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 403


def test_without_an_admin_token_every_feedback_route_refuses(app_config):
    app_config["admin_token"] = ""
    client = create_app(app_config).test_client()
    anyone = {"Authorization": "Bearer anything"}
    assert client.get("/admin/api/feedback", headers=anyone).status_code == 403
    assert client.get("/admin/api/feedback/1", headers=anyone).status_code == 403
    resp = client.post("/admin/api/feedback/1/reply", headers=anyone, json={"text": "您好"})
    assert resp.status_code == 403


def test_listing_returns_every_field_newest_first(app, client):
    media = {"type": "image", "media_id": "MID1", "pic_url": "http://mmbiz.qpic.cn/1"}
    get_services(app).feedback.submit("oA", "m1", "截图里的页面打不开", media, now=T0)
    get_services(app).feedback.submit("oB", "m2", "希望增加荆州的岗位", None,
                                      now=T0 + timedelta(minutes=5))
    body = client.get("/admin/api/feedback", headers=AUTH).get_json()
    assert body["total"] == 2 and body["page"] == 1
    first, second = body["items"]
    assert first["text"] == "希望增加荆州的岗位"
    assert set(second) == {"id", "ticket", "openid", "text", "media", "created_at", "status",
                           "replies"}
    assert second["media"] == media and second["ticket"] == "FK-20261120-0001"
    assert second["created_at"] == "2026-11-20T09:00:00+08:00"
    assert second["status"] == "new" and second["replies"] == []


def test_page_and_per_page(app, client):
    seed(app, 5)
    body = client.get("/admin/api/feedback?page=2&per_page=2", headers=AUTH).get_json()
    assert [i["text"] for i in body["items"]] == ["第2条意见", "第1条意见"]
    assert (body["total"], body["pages"]) == (5, 3)
    capped = client.get("/admin/api/feedback?per_page=1000", headers=AUTH).get_json()
    assert capped["per_page"] == 100 and len(capped["items"]) == 5


def test_cursor_paging_visits_every_record_once_even_with_equal_times(app, client):
    seed(app, 7, step=timedelta(0))  # all in the same millisecond
    seen, cursor = [], ""
    for _ in range(10):
        body = client.get(f"/admin/api/feedback?per_page=3&cursor={cursor}",
                          headers=AUTH).get_json()
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 7
    assert body["total"] == 7


def test_status_and_date_filters(app, client):
    recs = seed(app, 4, step=timedelta(days=1))  # 11-20 … 11-23
    get_services(app).feedback.set_status(recs[1].id, "done")
    done = client.get("/admin/api/feedback?status=done", headers=AUTH).get_json()
    assert [i["id"] for i in done["items"]] == [recs[1].id]
    window = client.get("/admin/api/feedback?since=2026-11-21&until=2026-11-22",
                        headers=AUTH).get_json()
    assert sorted(i["id"] for i in window["items"]) == [recs[1].id, recs[2].id]
    new_in_window = client.get("/admin/api/feedback?status=new&since=2026-11-21&until=2026-11-22",
                               headers=AUTH).get_json()
    assert [i["id"] for i in new_in_window["items"]] == [recs[2].id]


@pytest.mark.parametrize("query", ["status=closed", "since=yesterday", "until=2026-13-01",
                                   "per_page=0", "per_page=ten", "page=-1", "cursor=abc"])
def test_bad_query_arguments_get_400_with_a_reason(client, query):
    resp = client.get(f"/admin/api/feedback?{query}", headers=AUTH)
    assert resp.status_code == 400
    assert resp.get_json()["error"]


def test_show_one_by_id_or_ticket(app, client):
    [rec] = seed(app, 1)
    assert client.get(f"/admin/api/feedback/{rec.id}", headers=AUTH).get_json()["text"] == rec.text
    assert client.get(f"/admin/api/feedback/{rec.ticket}", headers=AUTH).get_json()["id"] == rec.id
    assert client.get("/admin/api/feedback/FK-20000101-0001", headers=AUTH).status_code == 404


def test_reply_sends_a_customer_service_message_and_records_it(fake_wechat, app, client):
    [rec] = seed(app, 1)
    fake_wechat.add_follower(rec.openid)
    resp = client.post(f"/admin/api/feedback/{rec.ticket}/reply", headers=AUTH,
                       json={"text": "您好，湖北的招聘会信息已经更新，感谢建议！"})
    assert resp.status_code == 200, resp.get_json()
    body = resp.get_json()
    assert body["status"] == "replied"
    assert body["replies"][0]["text"] == "您好，湖北的招聘会信息已经更新，感谢建议！"
    assert fake_wechat.custom_messages == [{
        "touser": rec.openid, "msgtype": "text",
        "text": {"content": "您好，湖北的招聘会信息已经更新，感谢建议！"}}]
    listed = client.get("/admin/api/feedback?status=replied", headers=AUTH).get_json()
    assert [i["id"] for i in listed["items"]] == [rec.id]


def test_outside_the_48_hour_window_staff_get_409_and_the_ticket_is_unchanged(
        fake_wechat, app, client):
    [rec] = seed(app, 1)
    fake_wechat.add_follower(rec.openid, interacted=False)
    resp = client.post(f"/admin/api/feedback/{rec.id}/reply", headers=AUTH, json={"text": "您好"})
    assert resp.status_code == 409
    body = resp.get_json()
    assert "48 小时" in body["error"] and body["errcode"] == 45015
    after = get_services(app).feedback.get(rec.id)
    assert (after.status, after.replies) == ("new", [])
    assert fake_wechat.custom_messages == []


def test_after_five_replies_wechat_refuses_and_staff_get_409(fake_wechat, app, client):
    [rec] = seed(app, 1)
    fake_wechat.add_follower(rec.openid)
    fake_wechat.fail("message/custom/send", 45047)
    resp = client.post(f"/admin/api/feedback/{rec.id}/reply", headers=AUTH, json={"text": "您好"})
    assert resp.status_code == 409
    assert resp.get_json()["reason"] == "reply_quota_used" and "5 条" in resp.get_json()["error"]
    assert get_services(app).feedback.get(rec.id).status == "new"


def test_other_wechat_errors_are_502_with_the_reason(fake_wechat, app, client):
    [rec] = seed(app, 1)  # never added to the fake: WeChat answers 40003
    resp = client.post(f"/admin/api/feedback/{rec.id}/reply", headers=AUTH, json={"text": "您好"})
    assert resp.status_code == 502
    assert resp.get_json()["errcode"] == 40003 and "OpenID" in resp.get_json()["error"]
    assert get_services(app).feedback.get(rec.id).status == "new"


def test_with_the_api_off_staff_get_503_and_nothing_changes(app, client):
    [rec] = seed(app, 1)
    resp = client.post(f"/admin/api/feedback/{rec.id}/reply", headers=AUTH, json={"text": "您好"})
    assert resp.status_code == 503
    assert "WECHAT_APP_ID" in resp.get_json()["error"]
    assert get_services(app).feedback.get(rec.id).replies == []


@pytest.mark.parametrize("kwargs", [
    {"data": "{not json", "content_type": "application/json"},
    {"json": {"text": "   "}}, {"json": {"text": 42}}, {"json": ["您好"]}, {"json": {}},
    {"json": {"text": "长" * 700}},
])
def test_bad_reply_bodies_get_400(fake_wechat, app, client, kwargs):
    [rec] = seed(app, 1)
    fake_wechat.add_follower(rec.openid)
    resp = client.post(f"/admin/api/feedback/{rec.id}/reply", headers=AUTH, **kwargs)
    assert resp.status_code == 400 and resp.get_json()["error"]
    assert fake_wechat.custom_messages == []
    assert get_services(app).feedback.get(rec.id).status == "new"


def test_reply_to_an_unknown_id_is_404(client):
    resp = client.post("/admin/api/feedback/12345/reply", headers=AUTH, json={"text": "您好"})
    assert resp.status_code == 404 and "12345" in resp.get_json()["error"]


def test_staff_close_and_reopen_a_ticket(app, client):
    [rec] = seed(app, 1)
    url = f"/admin/api/feedback/{rec.ticket}/status"
    done = client.post(url, json={"status": "done"}, headers=AUTH)
    assert done.status_code == 200 and done.get_json()["status"] == "done"
    listed = client.get("/admin/api/feedback?status=done", headers=AUTH).get_json()
    assert [r["id"] for r in listed["items"]] == [rec.id]
    again = client.post(url, json={"status": "new"}, headers=AUTH)
    assert again.get_json()["status"] == "new"
    assert client.get("/admin/api/feedback?status=done", headers=AUTH).get_json()["total"] == 0


@pytest.mark.parametrize("body", [{"status": "replied"}, {"status": "closed"}, {}, None])
def test_a_bad_status_change_is_400_and_changes_nothing(app, client, body):
    [rec] = seed(app, 1)
    resp = client.post(f"/admin/api/feedback/{rec.id}/status", json=body, headers=AUTH)
    assert resp.status_code == 400 and "status" in resp.get_json()["error"]
    assert get_services(app).feedback.get(rec.id).status == "new"


def test_status_of_an_unknown_ticket_is_404_and_needs_the_token(client):
    url = "/admin/api/feedback/FK-20000101-0001/status"
    assert client.post(url, json={"status": "done"}).status_code == 401
    assert client.post(url, json={"status": "done"}, headers=AUTH).status_code == 404
