"""Feedback end to end over HTTP: a follower through the webhook, staff through the staff API."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import requests

TICKET = re.compile(r"FK-\d{8}-\d{4}")
AUTH = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}
OPENID = "oScenarioFollower0000000001"


def staff_list(live_bot, **params) -> list[dict]:
    resp = requests.get(live_bot.url + "/admin/api/feedback", params=params, headers=AUTH,
                        timeout=10)
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]


def test_follower_leaves_feedback_and_staff_answer_it(fake_wechat, wechat, live_bot):
    fake_wechat.add_follower(OPENID)
    assert "取消" in wechat.text(OPENID, "留言").text
    thanks = wechat.text(OPENID, "希望能多推送湖北的技能培训补贴信息").text
    ticket = TICKET.search(thanks).group(0)
    [item] = staff_list(live_bot)
    assert (item["ticket"], item["openid"], item["status"]) == (ticket, OPENID, "new")
    assert item["text"] == "希望能多推送湖北的技能培训补贴信息"

    answer = "您好，湖北培训补贴的资讯已经上线，发“湖北培训补贴”即可查看。"
    resp = requests.post(f"{live_bot.url}/admin/api/feedback/{item['id']}/reply", headers=AUTH,
                         json={"text": answer}, timeout=10)
    assert resp.status_code == 200, resp.text
    assert fake_wechat.custom_messages[-1]["touser"] == OPENID
    assert "湖北培训补贴" in fake_wechat.custom_messages[-1]["text"]["content"]
    [item] = staff_list(live_bot, status="replied")
    assert item["replies"][0]["text"].startswith("您好")


def test_the_menu_button_then_an_image(wechat, live_bot):
    assert "取消" in wechat.event(OPENID, "CLICK", EventKey="FEEDBACK").text
    image = wechat.fields(OPENID, "image", PicUrl="http://mmbiz.qpic.cn/mmbiz_jpg/abc/0",
                          MediaId="MEDIA_abc", MsgId=770000000000001)
    assert TICKET.search(wechat.send(image).text)
    [item] = staff_list(live_bot)
    assert item["media"] == {"type": "image", "media_id": "MEDIA_abc",
                             "pic_url": "http://mmbiz.qpic.cn/mmbiz_jpg/abc/0"}


def test_retries_of_one_message_store_it_once_and_answer_one_ticket(wechat, live_bot):
    wechat.text(OPENID, "留言")
    fields = wechat.text_fields(OPENID, "热线经常占线，希望增加人工客服", msg_id=770000000000002)
    with ThreadPoolExecutor(3) as pool:
        replies = [d.text for d in pool.map(lambda _: wechat.send(fields), range(3))]
    later = wechat.send(fields).text  # WeChat's last retry, after the others were answered
    tickets = {TICKET.search(r).group(0) for r in replies + [later]}
    assert len(tickets) == 1
    assert [i["ticket"] for i in staff_list(live_bot)] == list(tickets)


def test_one_shot_cancel_and_limits_over_http(wechat, live_bot):
    assert TICKET.search(wechat.text(OPENID, "建议：招聘会信息能按城市筛选").text)
    wechat.text(OPENID, "意见")
    assert "退出" in wechat.text(OPENID, "取消").text
    assert "1000" in wechat.text(OPENID, "留言 " + "太" * 1200).text
    for i in range(4):
        assert TICKET.search(wechat.text(OPENID, f"建议：第{i + 2}条").text)
    refused = wechat.text(OPENID, "建议：第6条").text
    assert not TICKET.search(refused) and "5 条" in refused
    assert len(staff_list(live_bot)) == 5


def test_encrypted_feedback_in_safe_mode(safe_config, wechat, live_bot):
    assert wechat.mode == "safe"
    assert TICKET.search(wechat.text(OPENID, "反馈：加密模式下也能留言").text)
    assert staff_list(live_bot)[0]["text"] == "加密模式下也能留言"
