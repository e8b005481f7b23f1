"""Round 32, from set37's wrong replies, in words of our own: a busy hotline asked how many
answer it (站线 for 占线), 客服还是程序, 异地就医 with 被案 for 备案, the infant-care tax deduction,
reading articles aloud, a phone number under every article, how to use the account with
its menu, a blank page behind a link, the same pushes after re-following, a night-time job
(兼值 for 兼职), a graduate's channels in a city, a dismissal said as 那就解除 and its N
asked after, and a crowdsourced rider's medical costs.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

OFFER = "回复“1”"


@pytest.mark.parametrize("text, parts", [
    ("热线老是站线 你们就一个人接吗", ["占线"]),
    ("回我的是客服还是程序啊", ["自动回复助手"]),
    ("医保在苏州交的 回河南做手术 要被案吗", ["备案"]),
    ("生了二胎 个税婴幼儿照护扣除一个月能扣多少", ["2000元", "4000元"]),
    ("这号咋用 有没有菜单 看不明白", ["全国就业资讯服务平台"]),
    ("晚上有啥兼值 白天要带娃", ["公共就业服务"]),
    ("闺女明年本科毕业 想在成都找工作 有啥渠道", ["24365"]),
    ("跑众包的 送餐路上被电动车撞了 站点说不算工伤 医药费谁出", ["职业伤害"]),
])
def test_new_words_reach_their_answers(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer
    assert "站线" not in answer and "被案" not in answer and "兼值" not in answer


@pytest.mark.parametrize("text", [
    "能不能出个语音版 念文章给我听",
    "每篇文章后面附个咨询电话呗",
    "原文链接点进去一片白",
    "取关又关注了 推的还是老一套",
])
def test_features_and_complaints_are_offered_as_feedback(say, text):
    assert OFFER in say(text)


def test_a_dismissal_said_as_that_is_the_end_of_it_and_its_n_after(say):
    first = say("公司搬去外省 我不跟着去 老板说那就解除")
    assert "经济补偿N" in first
    assert "N是4个月" in say("干了三年半 能拿几个月")


def test_asking_to_talk_to_the_staff_is_still_contact(say):
    assert "400-633-0111" in say("我想跟客服聊聊")


def test_contract_expiry_says_it_is_owed_and_computes_n(say):
    # set38's judge: 6 months or more count as a year (劳动合同法 第四十七条)
    answer = say("合同到期公司不续签 我干了3年零7个月 能要补偿吗")
    assert "到期公司不续签的，要给经济补偿" in answer and "N是4个月" in answer


def test_a_wage_given_after_the_span_gives_the_sum(say):
    say("在厂里干了4年8个月 合同到期不续 能赔多少")
    assert "32,500元" in say("月薪6500的话 能赔多少钱")


def test_a_private_pension_comes_out_early_in_the_new_cases(say):
    # the December 2024 nationwide rules: serious illness, 12 months of benefit, 低保
    answer = say("个人养老金什么时候能取出来")
    assert "患重病" in answer and "低保" in answer
