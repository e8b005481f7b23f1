"""Gaps over the test client: the question log's rows, synonyms, pins, dismissal, and the
dashboard's share answered and top questions."""

from __future__ import annotations

import pytest

from bot.devtools.wechat_side import WeChatSide
from bot.services import get_services
from tests.console_support import light_config, log_in, post


@pytest.fixture
def app_config(app_config):
    return light_config(app_config)


def ask(app, client, openid: str, text: str) -> str:
    s = get_services(app).settings

    def transport(path, params, body):
        resp = client.post(path, query_string=params, data=body)
        return resp.status_code, resp.text

    return WeChatSide(transport, s.wechat_token, s.wechat_encoding_aes_key,
                      s.wechat_app_id).text(openid, text).text


def test_a_dismissed_gap_leaves_the_list_until_asked_again(app):
    follower = app.test_client()
    ask(app, follower, "oFollower001", "火星上有招聘会吗")
    client, _ = log_in(app, "ed", "editor")
    assert "<td>火星上有招聘会吗</td>" in client.get("/admin/gaps").text
    post(client, "/admin/gaps/dismiss", {"question": "火星上有招聘会吗"})
    assert "<td>火星上有招聘会吗</td>" not in client.get("/admin/gaps").text
    ask(app, follower, "oFollower002", "火星上有招聘会吗")
    assert "<td>火星上有招聘会吗</td>" in client.get("/admin/gaps").text
    actions = [e.action for e in get_services(app).extra["console"].audit.page()]
    assert "忽略未答问题" in actions


def test_synonyms_are_added_listed_and_deleted(app):
    client, _ = log_in(app, "ed", "editor")
    post(client, "/admin/gaps/synonym", {"word": "打散工", "meanings": "零工 灵活就业"})
    editorial = get_services(app).kb.editorial
    assert editorial.synonym_lines()["打散工"] == ("零工", "灵活就业")
    page = client.get("/admin/gaps").text
    assert "打散工" in page and "零工 灵活就业" in page
    bad = post(client, "/admin/gaps/synonym", {"word": "零工", "meanings": ""},
               follow_redirects=True)
    assert "同义词需要" in bad.text
    post(client, "/admin/gaps/synonym/delete", {"word": "打散工"})
    assert "打散工" not in editorial.synonym_lines()


def test_pinning_an_unknown_article_is_refused(app):
    client, _ = log_in(app, "ed", "editor")
    resp = post(client, "/admin/gaps/pin", {"question": "补贴", "article_id": "nope"})
    assert resp.status_code == 400 and get_services(app).kb.editorial.pins() == {}


def test_the_dashboard_shows_the_share_answered_and_the_top_questions(app):
    follower = app.test_client()
    for text in ("火星上有招聘会吗", "火星上有招聘会吗", "热线电话"):
        ask(app, follower, "oFollower001", text)
    client, _ = log_in(app)
    page = client.get("/admin/").text
    assert "提问 3 次" in page and "火星上有招聘会吗" in page
    assert 'aria-label="热门问题"' in page
