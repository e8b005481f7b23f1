"""Round 12, from set16's wrong replies, in words of our own: which phone number to call after
a rights answer, complaints about old news, a banned ride-hailing account, mortgages, 包吃住
factories, the 打工人 greeting, a household helper's injury, an employer asking about an absent
worker, "the same words again", HR cooperating on job-fair news, and medical insurance while
drawing the unemployment benefit.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest


def test_which_number_to_call_after_a_rights_answer_is_that_answers_channel(say):
    say("干了两个月 老板一直拖着不发工资")
    answer = say("那我该打哪个电话")
    assert "12333" in answer and not answer.startswith("就业桥服务热线")


def test_our_hotline_asked_by_name_after_a_rights_answer_is_still_ours(say):
    say("干了两个月 老板一直拖着不发工资")
    assert say("你们客服电话多少").startswith("就业桥服务热线")


def test_old_news_said_crossly_is_a_complaint_not_the_news(say):
    assert "记为留言" in say("发的都是去年的旧闻 能不能更新勤快点")


def test_asking_for_the_news_is_still_the_news(say):
    assert say("最近更新了啥").startswith("最新资讯")


def test_a_banned_rider_account_is_not_a_dismissal(say):
    answer = say("外卖平台把我账号封了 算辞退吗 能赔钱不")
    assert "合作协议" in answer and "申诉" in answer and "2N" not in answer


@pytest.mark.parametrize("text", ["房贷50万20年月供多少", "车贷提前还款划算吗"])
def test_mortgages_and_car_loans_are_off_topic(say, text):
    assert "帮不上" in say(text)


def test_the_housing_fund_loan_is_still_ours(say):
    assert "公积金" in say("公积金贷款怎么申请")


def test_a_factory_with_board_and_lodging_is_job_seeking_in_that_city(say):
    answer = say("东莞哪里有包吃包住的厂")
    assert "公共就业服务" in answer and "答不上来" not in answer


def test_the_working_people_morning_meme_is_a_greeting(say):
    answer = say("打工人早安☀️")
    assert "哪个城市" not in answer and "就业桥" in answer


def test_a_household_helpers_injury_is_the_employers_liability_not_work_injury(say):
    answer = say("我在雇主家当住家保姆 晾衣服摔了 腿骨折 雇主说跟他没关系")
    assert "劳务关系" in answer and "1192" in answer and "12348" in answer


def test_an_employer_asking_about_an_absent_worker_gets_the_employers_side(say):
    answer = say("我们是小公司 有个员工旷工五天电话不接 能辞退吗 要给补偿吗")
    assert "第39条" in answer and "书面" in answer


def test_the_same_words_again_is_a_complaint(say):
    assert "记为留言" in say("说了好几遍了 回的还是那套话")


def test_hr_cooperating_on_job_fair_news_gets_our_contact(say):
    assert "400-633-0111" in say("我们是人力资源公司 想和你们合作宣传招聘会")


def test_medical_insurance_while_drawing_the_benefit_is_paid_by_the_fund(say):
    assert "代缴" in say("领失业金期间 医保要自己交吗")
