"""Round 19, from set23's wrong replies, in words of our own: Cantonese "please" before a
request for a person, an essay request, an employer's 扩岗补助 with a typo, more news asked
for as a wish, an injury on a site with 找谁, work abroad, holiday work paid with time off.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations


def test_please_in_cantonese_before_asking_for_a_person_gets_the_hotline(say):
    assert "400-633-0111" in say("唔该 有冇人工客服")
    assert "不客气" in say("唔该晒")


def test_an_essay_request_is_declined_as_off_topic(say):
    assert "帮不上" in say("帮我写一篇作文 我的家乡 500字")


def test_an_employer_s_hiring_refund_with_a_typo_is_the_hiring_subsidy(say):
    assert "1500元" in say("公司招了应届生 扩岗补主一个人给多少")


def test_more_news_of_a_place_asked_as_a_wish_is_a_suggestion(say):
    assert "谢谢您的建议" in say("能不能多发点云南的消息")


def test_an_injury_on_a_site_with_who_pays_is_the_injury_answer(say):
    answer = say("在工地上摔伤了腿 老板不认账 找谁赔")
    assert "工伤认定" in answer and not answer.startswith("就业桥服务热线")


def test_work_abroad_gets_the_embassy_and_12308(say):
    answer = say("在韩国打工 老板押着我护照不给")
    assert "12308" in answer and "使领馆" in answer


def test_holiday_work_paid_with_time_off_is_the_overtime_answer(say):
    assert "300%" in say("春节值了三天班 公司说给调休 没有加班费")
