"""Feedback conversations through the handler registry, with a real store and a hand-moved clock."""

from __future__ import annotations

import re

import pytest

from bot.feedback.query import Filter, iterate
from bot.feedback.store import FeedbackStore
from bot.platform.redis_url import open_client
from tests.feedback_chat import Chat

TICKET = re.compile(r"FK-20261128-\d{4}")


@pytest.fixture
def store(redis_url):
    client = open_client(redis_url)
    yield FeedbackStore(client, "jyq:", per_hour=5)
    client.close()


@pytest.fixture
def chat(store):
    return Chat(store)


def stored(store) -> list:
    return list(iterate(store, Filter()))


def test_liuyan_opens_the_mode_and_the_next_message_is_kept(chat, store):
    prompt = chat.say("留言")
    assert "取消" in prompt and "10 分钟" in prompt
    thanks = chat.say("希望能多发布一些湖北的招聘会信息")
    ticket = TICKET.search(thanks).group(0)
    assert "感谢" in thanks and chat.answered_by == "feedback"
    [rec] = stored(store)
    assert (rec.ticket, rec.text, rec.openid) == (ticket, "希望能多发布一些湖北的招聘会信息",
                                                  chat.openid)
    # The mode is over: the next message is an ordinary question again.
    chat.say("热线")
    assert chat.answered_by == "hotline"
    assert len(stored(store)) == 1


def test_the_menu_click_opens_the_mode_and_an_image_keeps_media_id_and_pic_url(chat, store):
    assert "取消" in chat.send("click", key="FEEDBACK").content
    thanks = chat.send("image").content
    assert TICKET.search(thanks)
    [rec] = stored(store)
    assert rec.text == ""
    assert rec.media == {"type": "image", "media_id": "MEDIA_ID_feedback_screenshot",
                         "pic_url": "http://mmbiz.qpic.cn/mmbiz_jpg/feedback-screenshot/0"}


def test_other_menu_clicks_are_not_feedback(chat):
    chat.send("click", key="LATEST")
    assert chat.answered_by != "feedback"


def test_a_voice_message_keeps_its_recognition_and_media(chat, store):
    chat.say("意见")
    assert TICKET.search(chat.send("voice", content="客服电话总是占线").content)
    [rec] = stored(store)
    assert rec.text == "客服电话总是占线"
    assert rec.media["media_id"] == "MEDIA_ID_feedback_voice"


@pytest.mark.parametrize("message,kept", [
    ("建议:多发布湖北的培训补贴政策", "多发布湖北的培训补贴政策"),
    ("意见：页面字太小了", "页面字太小了"),
    ("留言 搜索结果不准确", "搜索结果不准确"),
    ("投诉建议，热线打不通", "热线打不通"),
    ("我要留言：希望开通在线客服", "希望开通在线客服"),
])
def test_one_shot_feedback_is_recorded_at_once(chat, store, message, kept):
    assert TICKET.search(chat.say(message))
    assert [r.text for r in stored(store)] == [kept]
    assert chat.session.get("mode") is None


def test_a_word_without_a_separator_is_an_ordinary_question(chat, store):
    chat.say("建议增加培训")
    assert chat.answered_by != "feedback"
    assert stored(store) == []


def test_cancel_leaves_and_stores_nothing(chat, store):
    chat.say("反馈")
    assert "退出" in chat.say("取消")
    assert chat.session.get("mode") is None
    chat.say("这句不是留言")
    assert chat.answered_by != "feedback"
    assert stored(store) == []


def test_the_mode_ends_by_itself_after_ten_minutes(chat, store):
    chat.say("留言")
    chat.tick(minutes=10, seconds=1)
    chat.say("过期以后说的话")
    assert chat.answered_by != "feedback"
    assert chat.session.get("mode") is None
    assert stored(store) == []


def test_within_ten_minutes_the_mode_still_holds(chat, store):
    chat.say("留言")
    chat.tick(minutes=9, seconds=59)
    assert TICKET.search(chat.say("九分多钟后说的话"))
    assert len(stored(store)) == 1


def test_empty_and_too_long_feedback_get_a_reason_and_nothing_is_stored(chat, store):
    chat.say("留言")
    assert "空" in chat.say("   ")
    too_long = chat.say("很" * 1001)
    assert "1001" in too_long and "1000" in too_long
    assert stored(store) == []
    assert chat.session.get("mode") == "feedback"  # the follower may try again
    assert TICKET.search(chat.say("好" * 1000))
    assert "1001" in chat.say("建议：" + "长" * 1001)
    assert "8000" in chat.say("建议：" + "长" * 8000)  # counted in full, not as the matcher's cut
    assert len(stored(store)) == 1


def test_the_sixth_feedback_in_an_hour_is_refused_politely(chat, store):
    for i in range(5):
        assert TICKET.search(chat.say(f"建议：第{i + 1}条建议"))
        chat.tick(minutes=1)
    refused = chat.say("建议：第6条建议")
    assert "5 条" in refused and not TICKET.search(refused)
    assert len(stored(store)) == 5
    chat.tick(minutes=56)
    assert TICKET.search(chat.say("建议：一小时后的建议"))


def test_a_retried_message_answers_the_same_ticket(chat, store):
    first = chat.say("建议：重试的消息", msgid="424242")
    again = chat.say("建议：重试的消息", msgid="424242")
    assert TICKET.search(first).group(0) == TICKET.search(again).group(0)
    assert [r.text for r in stored(store)] == ["重试的消息"]


def test_a_retry_after_the_mode_ended_still_gets_its_ticket(chat, store):
    # The first try's worker saved the session (mode over) but died before caching its reply.
    chat.say("留言")
    first = chat.say("页面上的热线号码显示不全", msgid="515151")
    again = chat.say("页面上的热线号码显示不全", msgid="515151")
    assert TICKET.search(first).group(0) == TICKET.search(again).group(0)
    assert len(stored(store)) == 1
    chat.say("页面上的热线号码显示不全", msgid="515152")  # a new message is not feedback
    assert chat.answered_by != "feedback"


def test_unsupported_messages_in_the_mode_are_not_kept_and_the_mode_stays(chat, store):
    chat.say("留言")
    assert "文字或图片" in chat.send("location").content
    assert stored(store) == []
    assert TICKET.search(chat.say("定位发错了，这才是留言"))


def test_saying_liuyan_again_prompts_again(chat, store):
    chat.say("留言")
    assert "取消" in chat.say("留言")
    assert stored(store) == []


def test_without_a_store_the_follower_is_told_and_the_mode_stays():
    chat = Chat(None)
    chat.say("留言")
    assert "暂时不可用" in chat.say("一条留言")
    assert chat.session.get("mode") == "feedback"
