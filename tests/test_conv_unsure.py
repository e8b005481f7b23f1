"""Uncertain messages land on safe, helpful replies instead of confident misroutes (#13, round 3).

Each case is a family of wordings written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

HOTLINE = "400-633-0111"


@pytest.mark.parametrize("text", ["包工头写了欠条 过了大半年还是要不到钱",
                                  "老板嫌我年纪大了 叫我走 一分钱没给",
                                  "在工地被钢管砸伤了腿 老板躲着不见",
                                  "对方说去柬埔寨做客服月入三万 还包机票"])
def test_a_rights_situation_without_a_service_answer_gets_the_next_steps(say, text):
    answer = say(text)
    assert "12333" in answer and ("仲裁" in answer or "工伤" in answer or "报警" in answer)
    assert "没有找到" not in answer and "为您找到" not in answer


# (12333 busy is no complaint about us: it gets the ways around it, tests/test_conv_round15.py)
@pytest.mark.parametrize("text", ["推送的广告太多了", "你们的文章太长了 看着累",
                                  "反映的问题过了一周还没动静", "点每个链接都跳到同一篇"])
def test_dissatisfaction_said_as_a_statement_is_offered_as_liuyan(say, text):
    answer = say(text)
    assert "抱歉" in answer and "回复“1”" in answer and "留言" in answer


@pytest.mark.parametrize("text", ["能不能出个农民工维权的专栏", "搞个养老保险的专题呗",
                                  "希望字体能大一点"])
def test_a_wish_said_as_a_statement_is_offered_as_a_suggestion(say, text):
    answer = say(text)
    assert "建议" in answer and "回复“1”" in answer


@pytest.mark.parametrize(("text", "not_this"), [
    ("看看四川", "好的"),
    ("腿脚不方便的能干啥活 成都", "就业桥是"),
    ("想当保安 哪里要人", "帮不上忙"),
])
def test_broad_words_need_context(say, text, not_this):
    answer = say(text)
    assert not answer.startswith(not_this), answer


@pytest.mark.parametrize("text", ["周末打游戏怎么上分", "帮我抢张高铁票", "信用卡额度怎么提"])
def test_off_topic_families_are_declined_not_searched(say, text):
    answer = say(text)
    assert "帮不上忙" in answer and "为您找到" not in answer


@pytest.mark.parametrize(("text", "fact"), [
    ("在工地上被工头推了一把还挨了打", "报警"),
    ("网上说日入五百 先交299入会费就能做", "110"),
    ("朋友介绍去老挝做客服 包吃住月入两万", "110"),
    ("公司不批辞职 说走了就扣工资", "30天"),
    ("社保一共交了12年 不够十五年能领养老金吗", "15年"),
])
def test_situations_by_family_get_the_fitting_next_step(say, text, fact):
    assert fact in say(text)


@pytest.mark.parametrize("text", ["我不想活了 工钱一直要不回来", "真的撑不下去了 被辞退还没补偿",
                                  "活着没意思"])
def test_a_follower_in_crisis_gets_care_and_help_first(say, text):
    answer = say(text)
    assert "12356" in answer and "110" in answer and "12333" in answer


@pytest.mark.parametrize("text", ["别老推广告了行不行", "点开文章是空的 啥都没有"])
def test_more_dissatisfaction_is_offered_as_liuyan(say, text):
    assert "回复“1”" in say(text)


@pytest.mark.parametrize("text", ["我在县城 想找个送货的活", "想回县里找个活干"])
def test_county_is_no_place(say, text):
    assert "重庆" not in say(text)


def test_a_short_question_after_a_list_stays_on_the_list(say):
    say("海南招聘会", "o_list")
    answer = say("要带简历不", "o_list")
    assert "就业桥的自动助手" not in answer and "海南" in answer


def test_a_policy_question_with_no_fitting_article_says_where_to_confirm(say):
    answer = say("异地社保卡丢了补办能不能邮寄到家")
    assert "12333" in answer and ("当地" in answer or HOTLINE in answer)
