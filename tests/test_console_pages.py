"""Console pages over the test client: staff management, broadcasts, articles, feedback."""

from __future__ import annotations

import json

import pytest

from bot.services import get_services
from tests.console_support import FIXTURES, light_config, log_in, post


@pytest.fixture
def app_config(app_config):
    return light_config(app_config, articles=False)


def state(app):
    return get_services(app).extra["console"]


def test_admins_manage_accounts_and_every_change_is_audited(app):
    client, _ = log_in(app, "alice", "admin")
    assert post(client, "/admin/staff", {"action": "add", "username": "bob", "role": "editor",
                                         "password": "console-password"}).status_code == 302
    post(client, "/admin/staff", {"action": "role", "username": "bob", "role": "admin"})
    bob_client, _ = log_in(app, "bob")
    post(client, "/admin/staff", {"action": "password", "username": "bob",
                                  "password": "bob-password-2"})
    assert bob_client.get("/admin/").status_code == 302  # bob's session ended
    assert state(app).accounts.verify("bob", "bob-password-2").role == "admin"
    refused = post(client, "/admin/staff", {"action": "remove", "username": "alice"},
                   follow_redirects=True)
    assert "不能删除自己的账号" in refused.text and state(app).accounts.get("alice")
    unconfirmed = post(client, "/admin/staff", {"action": "remove", "username": "bob"},
                       follow_redirects=True)
    assert "请勾选“确认删除”" in unconfirmed.text and state(app).accounts.get("bob")
    post(client, "/admin/staff", {"action": "remove", "username": "bob", "confirm": "1"})
    assert state(app).accounts.get("bob") is None
    actions = [(e.who, e.action) for e in state(app).audit.page()]
    assert ("alice", "删除员工") in actions and ("alice", "修改角色") in actions
    assert "bob → 管理员" in client.get("/admin/audit").text


def test_an_editor_cannot_post_to_the_staff_page_either(app):
    client, _ = log_in(app, "ed", "editor")
    resp = post(client, "/admin/staff", {"action": "add", "username": "eve", "role": "admin",
                                         "password": "eve-password"})
    assert resp.status_code == 403 and state(app).accounts.get("eve") is None


def test_members_keep_their_own_preview_openid_and_password(app):
    client, _ = log_in(app, "alice", "editor")
    bad = post(client, "/admin/me", {"action": "preview", "preview_openid": "<x>"},
               follow_redirects=True)
    assert "OpenID 应为" in bad.text
    post(client, "/admin/me", {"action": "preview", "preview_openid": "oEditor0001"})
    assert state(app).accounts.get("alice").preview_openid == "oEditor0001"
    wrong = post(client, "/admin/me", {"action": "password", "old_password": "nope",
                                       "new_password": "alice-password-2"},
                 follow_redirects=True)
    assert "当前密码不正确" in wrong.text
    post(client, "/admin/me", {"action": "password", "old_password": "console-password",
                               "new_password": "alice-password-2"})
    assert state(app).accounts.verify("alice", "alice-password-2") is not None
    assert client.get("/admin/").status_code == 302  # logged out with the old password


def test_send_to_a_region_needs_confirmation_then_reaches_wechat(bc_app, fake_wechat):
    client, _ = log_in(bc_app, "alice", "editor")
    form = {"action": "send", "article_id": "jz-skills-2024", "audience": "region",
            "region": "湖北"}
    refused = post(client, "/admin/broadcasts", form, follow_redirects=True)
    assert "请勾选“确认群发”" in refused.text and fake_wechat.sent_jobs() == []
    post(client, "/admin/broadcasts", {**form, "confirm": "1"})
    [job] = get_services(bc_app).extra["broadcasts"].recent()
    assert (job.kind, job.target, job.status) == ("send", "湖北", "submitted")
    assert len(fake_wechat.sent_jobs()) == 1
    fragment = client.get("/admin/broadcasts/jobs").text
    assert 'data-live="1"' in fragment and "已提交微信" in fragment
    page = client.get("/admin/broadcasts").text
    assert 'id="quota-left">0<' in page


def test_a_scheduled_send_waits_and_a_preview_needs_an_openid(bc_app, fake_wechat):
    client, _ = log_in(bc_app, "alice", "editor")
    no_openid = post(client, "/admin/broadcasts", {"action": "preview",
                                                   "article_id": "jz-skills-2024"},
                     follow_redirects=True)
    assert "预览的 OpenID" in no_openid.text
    post(client, "/admin/broadcasts", {"action": "send", "article_id": "jz-skills-2024",
                                       "audience": "all", "confirm": "1",
                                       "send_at": "2099-01-01T09:00"})
    [job] = get_services(bc_app).extra["broadcasts"].recent()
    assert job.status == "scheduled" and fake_wechat.sent_jobs() == []
    past = post(client, "/admin/broadcasts", {"action": "send", "article_id": "jz-skills-2024",
                                              "audience": "all", "confirm": "1",
                                              "send_at": "2020-01-01T09:00"},
                follow_redirects=True)
    assert "已经过去" in past.text


def test_the_region_choice_shows_follower_counts(bc_app):
    followers = get_services(bc_app).followers
    for openid in ("oHubei00001", "oHubei00002"):
        followers.subscribe_region(openid, "湖北")
    followers.wait()
    client, _ = log_in(bc_app)
    page = client.get("/admin/broadcasts").text
    assert "湖北（2 人）" in page and "广东（0 人）" in page


def test_delete_asks_first_and_then_removes_the_article(bc_app):
    kb = get_services(bc_app).kb
    client, _ = log_in(bc_app)
    confirm = client.get("/admin/articles/gd-fair-2024/delete")
    assert "确认删除" in confirm.text and kb.get("gd-fair-2024") is not None
    assert "广东春季大型招聘会 &lt;3月&gt; 开幕" in confirm.text
    post(client, "/admin/articles/gd-fair-2024/delete", {})
    assert kb.get("gd-fair-2024") is None
    assert state(bc_app).audit.page()[0].action == "删除文章"


def test_uploads_over_the_webhook_body_limit_are_taken(bc_app, tmp_path):
    line = json.loads((FIXTURES / "upload_good.jsonl").read_text("utf-8").splitlines()[0])
    rows = [json.dumps({**line, "id": f"bulk-{n}", "body": line["body"] + "。" * 600},
                       ensure_ascii=False) for n in range(800)]
    big = tmp_path / "bulk.jsonl"
    big.write_text("\n".join(rows), encoding="utf-8")
    assert big.stat().st_size > 1024 * 1024
    client, _ = log_in(bc_app)
    with big.open("rb") as fh:
        resp = post(client, "/admin/articles/upload", {"file": (fh, "bulk.jsonl")},
                    content_type="multipart/form-data")
    assert resp.status_code == 200 and "新增 800 篇" in resp.text


def test_an_upload_without_files_says_what_to_choose(bc_app):
    client, _ = log_in(bc_app)
    resp = post(client, "/admin/articles/upload", {}, follow_redirects=True)
    assert "请选择要导入的文件" in resp.text


def test_the_inbox_filters_by_status_and_text(app):
    store = get_services(app).feedback
    store.submit("oA0000001", "k1", "招聘会什么时候开", None)
    done = store.submit("oA0000002", "k2", "培训补贴怎么领", None)
    store.set_status(done.id, "done")
    client, _ = log_in(app)
    page = client.get("/admin/feedback?text=补贴").text
    assert "培训补贴怎么领" in page and "招聘会什么时候开" not in page and "共 1 条" in page
    page = client.get("/admin/feedback?status=new").text
    assert "招聘会什么时候开" in page and "培训补贴怎么领" not in page
    assert "1 条待处理" in page
