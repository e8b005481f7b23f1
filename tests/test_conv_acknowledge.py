"""An ok or thanks with the follower's own next step, and unpaid wages said without 工资 (round 4).

Each case is a family of wordings written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

from handlers.acknowledge import acknowledgement
from knowledge.plain import plain
from tests.follower_eval import say_as


@pytest.mark.parametrize("text", ["收到 那我下午去社保局问问", "不用了 我让我儿子帮我查",
                                  "好的我回头自己去人社局跑一趟", "明白了 我先去把材料准备好",
                                  "好的 谢谢 那我明天去问下要带什么材料",
                                  "知道了知道了 我自己上网查吧"])
def test_an_ok_with_a_plan_gets_a_line_in_kind_not_a_search(say, text):
    answer = say(text)
    assert answer.startswith("好的") and len(answer) <= 120, answer
    assert "为您找到" not in answer and "答不上来" not in answer


@pytest.mark.parametrize("text", ["辛苦你们了 大周末的还回消息", "谢谢 辛苦了这么晚还在回"])
def test_thanks_for_the_effort_is_thanks(say, text):
    answer = say(text)
    assert answer.startswith("不客气") and "为您找到" not in answer


@pytest.mark.parametrize(("text", "expected"), [
    ("好的 那我明天去哪里办", None),  # asks us where: a question
    ("收到 失业金怎么领", None),
    ("好的", None),  # a bare ok is the social handler's
    ("行 我明天去问问要带啥", "ack"),  # the question word belongs to the errand
    ("谢谢你们回得这么快", "thanks"),
    ("明天去哪个招聘会好", None),  # no opener
])
def test_what_counts_as_an_acknowledgement(text, expected):
    assert acknowledgement(plain(text)) == expected


def test_an_ok_with_a_question_is_answered(say):
    answer = say("收到 失业金怎么领")
    assert "失业" in answer and not answer.startswith("好的，祝您顺利")


def test_an_insult_after_an_ok_is_still_abuse(say):
    answer = say("行 我自己去问 你们这破玩意儿")
    assert not answer.startswith("好的，祝您顺利")
    assert "破玩意" not in answer


@pytest.mark.parametrize("text", ["干了俩月老板一分钱没给 过年咋回家啊",
                                  "在工地做了半个月 工头说钱不给了",
                                  "厂里三个月没给钱 天天说下周下周"])
def test_unpaid_work_said_without_the_word_wages_gets_the_wage_steps(say, text):
    answer = say(text)
    assert "12333" in answer and "仲裁" in answer, answer
    assert "答不上来" not in answer


@pytest.mark.parametrize("text", ["人在深圳 医保是老家的 住院能直接结算不", "异地就医备案在哪弄"])
def test_seeing_a_doctor_away_from_home_gets_the_filing_answer(say, text):
    answer = say(text)
    assert "备案" in answer and "12393" in answer


@pytest.mark.parametrize(("text", "fact"), [("仲才收不收费", "不收费"),
                                            ("公司招残急人能减税不", "残疾")])
def test_typos_of_round_4_are_read_as_meant(say, text, fact):
    answer = say(text)
    assert fact in answer
    assert text[:2] not in answer  # the typo is never quoted back


def test_a_sichuan_insult_is_abuse_and_not_quoted(say):
    answer = say("瓜娃子 啥都答不上")
    assert "瓜娃子" not in answer and "400-633-0111" in answer


def test_a_rider_who_wants_something_steadier_gets_the_job_seeking_answer(say):
    answer = say("送快递跑不动了 想换份稳定的工作")
    assert "招聘会" in answer and "零工市场" in answer


def test_cannot_get_through_after_asking_the_hotline_gets_hours_and_liuyan(app):
    say = say_as(app, "o_ack_hotline")
    say("你们电话是多少")
    answer = say("一直打不通")
    assert "9:00" in answer and "留言" in answer


@pytest.mark.parametrize("text", ["开了家小饭馆 政府有扶持吗", "想开间小作坊 有补助没"])
def test_a_small_shop_owner_asking_for_support_gets_the_start_up_answer(say, text):
    answer = say(text)
    assert "创业" in answer and "答不上来" not in answer and "没有现成的答案" not in answer
