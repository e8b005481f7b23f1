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
