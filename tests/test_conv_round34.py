"""Round 34, from set39's wrong replies, in words of our own: a non-working wife's childbirth
costs on her husband's insurance, a deposit taken at hiring, a voluntary quitter asking for
benefit, an employer asking about days of absence, a factory moved away with 陪偿 for 赔偿,
contributions taken home, where to apply after an employer's subsidy, pushes late at night,
a translation, a phone's price, praise beside a 人社 window, and work picked up by the roadside.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

OFFER = "回复“1”"
DECLINE = "这个问题我帮不上忙"


@pytest.mark.parametrize("text, parts", [
    # 社会保险法 第五十四条: a non-working spouse has the childbirth medical costs
    ("老公单位交了生育保险 我没工作 生孩子能报销吗", ["第五十四条", "生育津贴只发给参保职工本人"]),
    ("媳妇没上班也没社保 她生娃能走我的生育保险报销不", ["没有工作的配偶"]),
    # 劳动合同法 第九条, 第八十四条: no deposit, returned with a fine of 500 to 2000 a head
    ("进厂要交300块工服押金 说干不满半年不退 合法吗", ["第九条", "500元以上2000元以下"]),
    ("入职让交800押金 鸭金不退", ["不合法"]),
    # 失业保险条例 第十四条: only an involuntary loss of work
    ("我是自己辞职的 交了四年失业保险 能领失业金吗", ["自己辞职的一般领不了", "被迫辞职"]),
    ("我是HR 员工连续三天没来也不请假 电话也打不通 可以解除吗", ["规章制度", "书面"]),
    ("我是老板 有个工人好几天不来上班也不请假 能开了他吗", ["规章制度"]),
    ("公司搬到江西去了 要么跟着去要么自己写辞职 我干了五年 该陪偿多少", ["N是5个月"]),
    ("在苏州交了六年社保 要回河南老家了 这些钱会不会白交", ["累计计算"]),
    ("在成都哪里能蹲活 就是路边等人来喊干活那种", ["零工市场"]),
])
def test_questions_reach_their_answers(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer
    assert "陪偿" not in answer and "鸭金" not in answer


def test_a_forced_quit_is_still_told_the_months(say):
    answer = say("我是被迫辞职的 交了三年失业保险 能领失业金吗")
    assert "最长可以领12个月" in answer


def test_where_to_apply_after_the_employers_subsidy_gives_its_details(say):
    say("我们公司招了三个登记失业的 能领啥补贴")
    assert "免申即享" in say("一人1500的话 三个就是4500吧 去哪申请")


@pytest.mark.parametrize("text", [
    "别半夜推送了行不 十二点多吵醒我",
    "能不能晚上十点以后别发推送",
])
def test_push_times_are_suggestions(say, text):
    assert OFFER in say(text)


@pytest.mark.parametrize("text", ["帮我翻译一下 我想应聘这个岗位 英文怎么说", "华为mate70多少钱"])
def test_translation_and_prices_are_declined(say, text):
    assert DECLINE in say(text)


def test_a_translator_job_is_not_a_translation(say):
    assert DECLINE not in say("想找个做翻译的工作 有招的吗")


def test_praise_beside_a_window_is_praise(say):
    answer = say("你们比我们这边社保窗口态度好多了 挺好用")
    assert "谢谢您的肯定" in answer and "12345" not in answer


def test_coverage_promises_no_place_it_may_not_have(say):
    # set39's judge: the coverage line claimed 港澳台 news while 台湾 had none to show
    answer = say("你们是不是只推湖北的")
    assert "含港澳台" not in answer and "会先给您看全国的" in answer


def test_what_an_over_long_probation_earns_back_is_computed_from_the_question_before(say):
    say("合同签一年 试用期定了半年")
    assert "第八十三条" in say("那多出来的几个月能要回点啥")


def test_collateral_after_the_startup_loan_is_about_the_loan(say):
    say("创业担保贷款最多贷多少")
    answer = say("20万要押房产证不 我就开个水果店")
    assert "一般不用房产抵押" in answer and "经济补偿" not in answer


@pytest.mark.parametrize("text", ["问什么都是一堆套话 等于没回",
                                  "客服号码最好挂菜单最显眼的地方 翻半天找不到"])
def test_canned_replies_and_the_menu_are_feedback(say, text):
    assert OFFER in say(text)
