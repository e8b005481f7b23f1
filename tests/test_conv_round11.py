"""Round 11, from set15's notes, in words of our own: 港澳台 without articles, news of 我们这,
suggestions about the account that name a topic, "can you find me a job", labour disputes in
港澳, medical insurance moved between provinces, 新农合 left unpaid, a private settlement for
an injury, campus recruitment, seasonal picking work, and prefecture cities jieba mistags.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest


def test_taiwan_without_articles_is_not_told_mainland_policy_applies(say):
    answer = say("台湾那边有啥就业消息")
    assert "同样适用" not in answer and "全国最新资讯" in answer


@pytest.mark.parametrize(("text", "region"), [("我是河北沧州的 有我们这的消息不", "河北"),
                                              ("保定有啥新消息", "河北"),
                                              ("大同最近有啥新闻", "山西")])
def test_news_of_our_place_is_the_province_list(say, text, region):
    assert say(text).startswith(f"{region}最新资讯")


@pytest.mark.parametrize("text", ["建议加个查最低工资标准的功能",
                                  "能不能把报名地址放在文章最前头"])
def test_a_suggestion_about_the_account_is_offered_as_feedback(say, text):
    assert "建议" in say(text)


def test_opening_a_card_feature_is_a_question_not_a_suggestion(say):
    assert "建议" not in say("社保卡怎么开通金融功能")


def test_asking_us_to_find_a_job_says_we_post_news_not_vacancies(say):
    answer = say("你们能帮我找个工作不 还是光发新闻")
    assert "不发布具体招聘岗位" in answer and not answer.startswith("可以")


@pytest.mark.parametrize(("text", "office"), [("在澳门做工 老板两个月没发工资", "劳工事务局"),
                                              ("喺香港打工 老细唔出粮 点算", "劳工处")])
def test_labour_disputes_in_hong_kong_and_macau_name_their_own_offices(say, text, office):
    answer = say(text)
    assert office in answer and "管不到" in answer


def test_medical_insurance_moved_home_is_not_the_pension_answer(say):
    answer = say("职工医保从江苏转回河南老家咋办")
    assert "国家医保服务平台" in answer and "养老保险" not in answer


def test_rural_medical_insurance_left_unpaid_names_the_waiting_period(say):
    answer = say("农村医保今年太贵了不想交 有啥影响")
    assert "等" in answer and "报销" in answer and "资助" in answer


def test_a_private_settlement_for_a_lost_finger_says_wait_and_assess_first(say):
    answer = say("机器把我一个手指头轧断了 老板说给两万私了 这个字能签不")
    assert "先别急着签" in answer and "伤残等级" in answer


def test_campus_recruitment_points_to_the_national_platform(say):
    answer = say("研三了 校园招聘都在哪看")
    assert "24365" in answer and "就业指导中心" in answer


def test_seasonal_picking_work_finds_the_article_on_it(say):
    answer = say("阿克苏摘红枣的活 一天给多少钱")
    assert "南疆" in answer and "采摘" in answer and "答不上来" not in answer


def test_a_follow_up_on_one_point_gets_that_point_not_the_same_answer(say):
    first = say("想创业 担保贷款最多贷多少")
    answer = say("那利息咋算")
    assert "LPR" in answer and answer.splitlines()[0] != first.splitlines()[0]


def test_a_follow_up_no_sentence_answers_gets_the_answer_again(say):
    first = say("天津见习补贴一个月多少")
    assert say("那我符合吗").splitlines()[0] == first.splitlines()[0]
