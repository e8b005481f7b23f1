"""Without AppID/AppSecret every feature that needs the WeChat API says so, in the same words."""

from bot.services import get_services
from bot.wechat.errors import API_OFF

AUTH = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}


def test_a_broadcast_is_refused_with_the_reason(client):
    res = client.post("/admin/api/broadcasts", json={"article_id": "x", "all": True},
                      headers=AUTH)
    assert res.status_code == 400 and API_OFF in res.get_json()["error"]


def test_a_feedback_reply_is_refused_and_the_ticket_kept(app, client):
    record = get_services(app).feedback.submit("o_fb", "msg:1", "页面打不开", None)
    res = client.post(f"/admin/api/feedback/{record.ticket}/reply", json={"text": "已修复"},
                      headers=AUTH)
    assert res.status_code == 503 and API_OFF in res.get_json()["error"]
    assert get_services(app).feedback.get(record.ticket).status == "new"


def test_pushing_the_menu_is_refused(runner):
    result = runner.invoke(args=["menu", "push"])
    assert result.exit_code != 0 and API_OFF in result.output
