"""Staff replies respect WeChat's customer-service windows (客服消息下发规则).

The follower's actions reach the bot over the webhook; the fake WeChat API is told of the same
actions, so both keep the documented windows (5 in 48 hours after a message, 3 in a minute
after a menu click, follow or scan), and the bot refuses, in Chinese, what WeChat would refuse.
"""

import re

from bot.services import get_services

AUTH = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}
OPENID = "oWindow00001"
TICKET = re.compile(r"FK-\d{8}-\d{4}")


def _reply(client, ticket, n=1):
    return [client.post(f"/admin/api/feedback/{ticket}/reply", headers=AUTH,
                        json={"text": f"您好，第{i + 1}条回复"}) for i in range(n)]


def test_five_replies_after_a_message_then_a_chinese_refusal(fake_wechat, app, wechat, client):
    fake_wechat.add_follower(OPENID)  # the follower writes (WeChat opens 5 in 48 hours) ...
    ticket = TICKET.search(wechat.text(OPENID, "留言：荆州的招聘会信息能否早点发布").text).group(0)
    replies = _reply(client, ticket, 6)
    assert [r.status_code for r in replies] == [200] * 5 + [409]
    refused = replies[-1].get_json()
    assert refused["reason"] == "reply_quota_used"
    assert "48 小时内最多 5 条" in refused["error"] and "未调用微信" in refused["error"]
    assert len(fake_wechat.calls_to("message/custom/send")) == 5  # the sixth never left

    wechat.text(OPENID, "谢谢，收到了")  # a new message: five more
    fake_wechat.interact(OPENID, "message")
    assert [r.status_code for r in _reply(client, ticket, 1)] == [200]
    assert [c.errcode for c in fake_wechat.calls_to("message/custom/send")] == [0] * 6


def test_a_menu_click_opens_three_replies_for_a_minute(fake_wechat, app, wechat, client):
    services = get_services(app)
    fake_wechat.add_follower(OPENID, interacted=False)
    record = services.feedback.submit(OPENID, "msg:old-1", "上周的留言", None)
    windows = services.cs_windows
    wechat.event(OPENID, "CLICK", EventKey="HELP")  # only the one-minute allowance
    fake_wechat.interact(OPENID, "click")
    replies = _reply(client, record.ticket, 4)
    assert [r.status_code for r in replies] == [200, 200, 200, 409]
    assert "1 分钟内最多 3 条" in replies[-1].get_json()["error"]

    later = windows.clock() + 61
    windows.clock = lambda: later  # the minute is over, and no message in 48 hours
    late = _reply(client, record.ticket)[0]
    assert late.status_code == 409 and late.get_json()["reason"] == "outside_48h_window"
    assert "48 小时" in late.get_json()["error"]
    assert len(fake_wechat.calls_to("message/custom/send")) == 3


def test_without_a_record_wechat_decides_and_its_refusal_is_shown_in_chinese(
        fake_wechat, app, client):
    record = get_services(app).feedback.submit(OPENID, "msg:old-2", "很早的留言", None)
    fake_wechat.add_follower(OPENID, interacted=False)
    resp = _reply(client, record.ticket)[0]
    assert resp.status_code == 409 and resp.get_json()["errcode"] == 45015
    assert "粉丝已超过 48 小时没有与公众号互动" in resp.get_json()["error"]
