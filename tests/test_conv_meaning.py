"""Followers in their own words, through the webhook: social lines, contact, complaints,
service answers, the not-found reply and its numbers, follow-ups on the last answer."""

from __future__ import annotations

import re

import pytest

from bot.feedback.query import Filter, iterate
from bot.services import get_services
from tests.follower_eval import prepare, visible

HOTLINE = "400-633-0111"
TICKET = re.compile(r"FK-\d{8}-\d{4}")


@pytest.fixture
def app_config(app_config):
    app_config["rate_limit_per_minute"] = 0
    return app_config


class Follower:
    """One follower talking to the bot through the webhook."""

    def __init__(self, wechat, openid: str) -> None:
        self.wechat, self.openid = wechat, openid

    def say(self, text: str) -> str:
        return visible(self.wechat.text(self.openid, text))


@pytest.fixture
def follower(app):
    return Follower(prepare(app), "o_words")


SOCIAL = ["谢谢你们 帮了大忙了🙏", "好滴 晓得了", "拜拜", "👍", "新年快乐🧧", "你是机器人吗",
          "人呢", "？？？", "在吗在吗在吗"]


@pytest.mark.parametrize("text", SOCIAL)
def test_social_messages_get_a_short_line_and_no_search(follower, text):
    answer = follower.say(text)
    assert len(answer) <= 120 and "没有找到" not in answer and "为您找到" not in answer


@pytest.mark.parametrize("text", ["傻逼", "什么破玩意儿 狗屁用没有", "你们都是骗子 滚"])
def test_abuse_gets_a_calm_reply_that_never_repeats_it(follower, text):
    answer = follower.say(text)
    assert HOTLINE in answer and "留言" in answer and len(answer) <= 150
    for word in ("傻逼", "破玩意", "狗屁", "骗子", "滚"):
        assert word not in answer


@pytest.mark.parametrize("text", ["怎么联系你们", "我想找个真人说话", "热线几点到几点有人接",
                                  "能加个微信吗 私聊", "热线"])
def test_contact_questions_offer_the_hotline_and_liuyan(follower, text):
    answer = follower.say(text)
    assert HOTLINE in answer and "留言" in answer


def test_a_complaint_in_plain_words_is_recorded_in_one_step(follower, app):
    offer = follower.say("你们发的招聘会时间是错的 白跑一趟")
    assert "回复“1”" in offer and "留言" in offer
    thanks = follower.say("1")
    assert TICKET.search(thanks)
    records = list(iterate(get_services(app).feedback, Filter()))
    assert [r.text for r in records] == ["你们发的招聘会时间是错的 白跑一趟"]


def test_an_offer_lasts_one_turn(follower, app):
    follower.say("链接打不开")
    follower.say("谢谢")
    assert not TICKET.search(follower.say("1"))  # "1" now means nothing to record
    assert list(iterate(get_services(app).feedback, Filter())) == []


@pytest.mark.parametrize(("text", "facts"), [
    ("老板欠我三个月工资不给 咋办啊", ("12333", "劳动保障监察", "仲裁", "证据")),
    ("手被机器压了 厂里说不算工伤", ("工伤认定", "30日", "1年")),
    ("交了500押金 中介电话也不接了", ("报警", "110")),
    ("失业今咋申请", ("失业登记", "12333")),
])
def test_rights_and_policy_questions_get_the_service_answer_first(follower, text, facts):
    answer = follower.say(text)
    assert all(f in answer for f in facts), answer
    assert "失业今" not in answer  # the follower's typo is never quoted back


def test_a_job_seeker_is_told_where_vacancies_are_and_asked_for_the_city(follower):
    answer = follower.say("找工作")
    assert "不发布具体招聘岗位" in answer and "零工市场" in answer and "哪个城市" in answer
    city = follower.say("武汉")
    assert "湖北最新的招聘资讯" in city and "零工市场" in city


def test_a_job_seeker_with_a_place_gets_that_provinces_fairs(follower):
    answer = follower.say("我在东莞 想找个普工")
    assert "广东最新的招聘资讯" in answer and "佛山" in answer
    assert "襄阳" not in answer  # another province's fair is no help in 东莞


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("失业金怎么领", "能领吗", "电子社保卡"),
    ("创业贷款怎么贷", "详细点", "经办银行"),
    ("灵活就业社保怎么交", "一个月得交多少钱", "缴费基数"),
])
def test_follow_ups_refer_to_the_last_answer(follower, first, then, expected):
    follower.say(first)
    assert expected in follower.say(then)


def test_a_question_with_its_own_service_answer_is_no_follow_up_of_an_article(follower):
    assert "荆州" in follower.say("荆州技能人才")  # an article answers
    answer = follower.say("包工头跑了工资找谁要")  # short, with 找谁: yet a question of its own
    assert "12333" in answer and "荆州" not in answer


def test_a_place_follow_up_repeats_the_last_question_there(follower):
    follower.say("广东的就业政策")
    assert "湖北最新资讯" in follower.say("那湖北呢")
    follower.say("失业金怎么领")
    answer = follower.say("那湖北呢")
    assert "湖北的具体标准" in answer and "失业" in answer


def test_off_topic_gets_numbered_suggestions_and_a_number_picks_one(follower):
    answer = follower.say("讲个笑话")
    assert "就业" in answer and len(answer) <= 150 and "\n1. " in answer
    picked = follower.say("3")  # 失业金怎么领
    assert "失业保险金" in picked


@pytest.mark.parametrize("text", ["我觉得这个东西吧其实也没有什么特别大的意义就是想随便问问看看",
                                  "<b>qq</b>&", "啊啊啊啊啊啊啊啊啊啊啊啊啊"])
def test_not_found_never_echoes_long_or_odd_text(follower, text):
    answer = follower.say(text)
    assert text not in answer and "<b>" not in answer


def test_a_number_without_an_offer_still_picks_from_the_last_list(follower):
    follower.say("最新")
    assert follower.say("2").startswith("[图文]")


def test_a_service_answer_written_by_staff_is_escaped(follower, app):
    from knowledge.faq import FaqEntry

    get_services(app).faq.add(FaqEntry.from_dict({
        "id": "night-shift", "question": "夜班有补贴吗", "words": ["夜班+补贴"],
        "answer": "看合同<b>和</b>单位制度 & 当地规定。", "confirm": "12333"}))
    answer = follower.wechat.text(follower.openid, "上夜班有没有补贴").reply["Content"]
    assert "&lt;b&gt;和&lt;/b&gt;" in answer and "&amp; 当地规定" in answer and "<b>" not in answer
