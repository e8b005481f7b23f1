"""The staff API for broadcasts: validation, creation, status."""

import pytest

STAFF = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}


def test_needs_the_staff_token(bc_app):
    client = bc_app.test_client()
    assert client.post("/admin/api/broadcasts", json={}).status_code == 401
    assert client.get("/admin/api/broadcasts/x", headers={"Authorization": "Bearer no"}
                      ).status_code == 403


@pytest.mark.parametrize("body,field", [
    (None, "JSON"),
    ({"article_id": "jz-skills-2024"}, "all"),
    ({"article_id": "jz-skills-2024", "all": True, "region": "湖北"}, "二选一"),
    ({"article_id": "nope", "all": True}, "article_id"),
    ({"article_id": "jz-skills-2024", "region": "全国"}, "--all"),
    ({"article_id": "jz-skills-2024", "all": "yes"}, "all"),
    ({"article_id": "jz-skills-2024", "all": True, "send_at": "明天"}, "send_at"),
    ({"article_id": "jz-skills-2024", "all": True, "send_at": "2020-01-01 09:00"}, "已经过去"),
    ({"article_id": "jz-skills-2024", "preview_openid": " "}, "preview_openid"),
    ({"article_id": "jz-skills-2024", "al": True}, "al"),
])
def test_bad_requests_get_400_and_change_nothing(bc_app, fake_wechat, body, field):
    client = bc_app.test_client()
    resp = client.post("/admin/api/broadcasts", headers=STAFF,
                       **({"json": body} if body is not None else {"data": "x"}))
    assert resp.status_code == 400
    assert field in resp.get_json()["error"]
    assert fake_wechat.calls == []
    assert bc_app.extensions["jyq"].broadcasts.recent() == []


def test_preview_then_scheduled_send_then_status(bc_app, fake_wechat):
    client = bc_app.test_client()
    resp = client.post("/admin/api/broadcasts", headers=STAFF,
                       json={"article_id": "jz-skills-2024", "preview_openid": "oEditor0001"})
    assert resp.status_code == 201
    assert resp.get_json()["job"]["status"] == "previewed"
    resp = client.post("/admin/api/broadcasts", headers=STAFF,
                       json={"article_id": "jz-skills-2024", "region": "湖北",
                             "send_at": "2099-12-01 09:00"})
    assert resp.status_code == 201
    job = resp.get_json()["job"]
    assert job["status"] == "scheduled" and job["due_time"] == "2099-12-01 09:00:00"
    got = client.get(f"/admin/api/broadcasts/{job['id']}", headers=STAFF)
    assert got.status_code == 200 and got.get_json()["job"]["target"] == "湖北"
    assert client.get("/admin/api/broadcasts/none", headers=STAFF).status_code == 404
    assert fake_wechat.calls_to("message/mass/sendall") == []


def test_quota_refusal_is_409(bc_app, fake_wechat):
    client = bc_app.test_client()
    body = {"article_id": "jz-skills-2024", "all": True}
    assert client.post("/admin/api/broadcasts", headers=STAFF, json=body).status_code == 201
    resp = client.post("/admin/api/broadcasts", headers=STAFF, json=body)
    assert resp.status_code == 409
    assert "订阅号每天只能群发" in resp.get_json()["error"]
    assert len(fake_wechat.calls_to("message/mass/sendall")) == 1


def test_without_app_credentials_broadcasts_are_refused_clearly(app):
    resp = app.test_client().post("/admin/api/broadcasts", headers=STAFF,
                                  json={"article_id": "a", "all": True})
    assert resp.status_code == 400
    assert "WECHAT_APP_ID" in resp.get_json()["error"]


def test_a_wechat_outage_hands_the_job_to_the_worker_without_holding_the_request(
        bc_app, fake_wechat):
    """The web worker is shared with followers: no retries slept through in a staff request."""
    fake_wechat.fail("material/add_material", -1, times=10)
    resp = bc_app.test_client().post(
        "/admin/api/broadcasts", headers=STAFF,
        json={"article_id": "jz-skills-2024", "preview_openid": "oEditor0001"})
    assert resp.status_code == 201
    job = resp.get_json()["job"]
    assert job["status"] == "scheduled" and "worker" in job["error"]
    assert len(fake_wechat.calls_to("material/add_material")) == 1
