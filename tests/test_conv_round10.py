"""Round 10, from set13's notes, in words of our own: complaining after a rights answer,
"can I ask about X here", prices of goods, coverage of a named place, a topic kept when a
job seeker names their province, moving a file out of the 人才市场, news of "our parts".

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest


def test_where_to_complain_after_unpaid_wages_gets_the_channels_not_our_hotline(say):
    say("在兰州干了三个月老板一分钱没给")
    answer = say("那我上哪投诉去")
    assert "12333" in answer and "劳动保障监察" in answer
    assert not answer.startswith("就业桥服务热线")


def test_complaint_alone_still_gets_the_hotline(say):
    assert say("投诉").startswith("就业桥服务热线")


@pytest.mark.parametrize("text", ["社保的事能在这问不", "工伤的问题可以咨询吗",
                                  "退休的事你们管不管"])
def test_asking_whether_a_topic_may_be_asked_says_yes_and_how(say, text):
    answer = say(text)
    assert answer.startswith("可以问") and "12333" in answer


def test_a_real_question_that_also_asks_may_i_is_answered(say):
    answer = say("社保断缴了能在这问吗")
    assert not answer.startswith("可以问")
    assert "断" in answer and "12333" in answer


@pytest.mark.parametrize("text", ["华为手机现在多少钱", "电动车多少钱一辆"])
def test_the_price_of_goods_is_off_topic(say, text):
    answer = say(text)
    assert "帮不上" in answer and "就业" in answer


def test_the_price_of_a_licence_course_is_still_a_skills_question(say):
    assert "补贴" in say("考叉车证多少钱")


def test_coverage_of_a_named_place_shows_its_news(say):
    answer = say("澳门那边的工作你们也发吗")
    assert "港澳台" in answer and "横琴" in answer


def test_a_named_topic_of_a_job_seeker_keeps_its_article_in_another_province(say):
    first = say("退役军人专场招聘会啥时候有")
    assert "退役军人专场招聘会" in first and "哪个城市" in first
    answer = say("那浙江的有没有")
    assert "浙江" in answer and "安徽" in answer and "退役军人" in answer


def test_a_job_fair_question_without_a_topic_names_no_article(say):
    answer = say("最近有招聘会吗")
    assert "相关资讯" not in answer and "哪个城市" in answer


@pytest.mark.parametrize("text", ["在人才市场的档案怎么调回老家",
                                  "俺的档案在县人才中心 想转到新单位"])
def test_moving_a_file_out_of_the_talent_centre_gets_the_transfer_steps(say, text):
    answer = say(text)
    assert "调档函" in answer and "学校转递" not in answer


def test_where_a_graduates_file_is_stays_the_graduate_answer(say):
    assert "学校" in say("毕业三年了 不知道档案在哪")


@pytest.mark.parametrize(("text", "region"), [("俺是河南的 有俺们那的新闻不", "河南"),
                                              ("我老家甘肃的 有我们那边的消息吗", "甘肃")])
def test_news_of_our_parts_is_the_province_list(say, text, region):
    assert say(text).startswith(f"{region}最新资讯")


@pytest.mark.parametrize("text", ["是人工在回吗", "是机器人回的吗"])
def test_asking_who_replies_gets_the_identity_not_the_hotline_alone(say, text):
    answer = say(text)
    assert "机器人" in answer and "400-633-0111" in answer
