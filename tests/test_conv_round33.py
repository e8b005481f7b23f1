"""Round 33, from set38's wrong replies, in words of our own: the minimum contribution years
rising to 20, a factory moving away with "not coming counts as quitting", a father who died
before retirement, certified sick leave called absence, a broken tool deducted from the wage,
an article offered by a writer, whether we are 12333, the next page said as 下面还有吗, the
hotline asked at midnight, a WeChat to add, working with video-platform recruiters, a leave
note to write, thanks with a coffee, and a blank page behind yesterday's push. Also from
set37: a rider with a labour contract hit by a car, and an employer's hiring subsidy asked again
for a company registered in another province.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

OFFER = "回复“1”"


@pytest.mark.parametrize("text, parts", [
    # 国务院关于渐进式提高法定退休年龄的决定: from 2030, six months a year, up to 20 in 2039
    ("最低缴费年限是不是要涨到20年 我交了十六年够不够", ["2030年", "每年提高6个月", "2039年"]),
    ("听说以后养老保险得交满20年 我都交了17年了 还差多少", ["15年", "一次性缴费"]),
    # 劳动合同法 第四十条第三项: a move far away is a major change; refusing is not quitting
    ("工厂从深圳搬到河源 不跟着走的就当自己辞职 一分钱补偿不给 对吗",
     ["客观情况发生重大变化", "自动离职"]),
    ("公司整体搬迁到外省 说不去的算自动离职 有补偿吗", ["经济补偿N"]),
    ("俺娘交了9年社保 前年没了 还不到退休 交的钱家里能领不", ["个人账户", "继承"]),
    ("我爸交了12年社保 今年走了 还没到退休年龄 钱能退吗", ["还没到退休年龄的也一样"]),
    ("腰扭了请了一个月病假 有医院证明 公司说我旷工要辞退我", ["医疗期", "不算旷工"]),
    ("我有病假条 公司非说我是旷工 扣我全勤还要开除", ["医疗期"]),
    # 工资支付暂行规定 第十六条: at most 20% a month, and not below the minimum wage
    ("手机店上班把样机摔坏了 老板这个月扣我2800 我一个月才3000", ["20%", "最低工资"]),
    ("帮老板送货把人家的瓷砖摔坏了 扣了我半个月工资", ["20%"]),
])
def test_rights_and_policy_reach_their_answers(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer


def test_a_move_away_computes_the_followers_own_n(say):
    answer = say("公司要搬去昆山 不去就按自离 干了4年半了 有补偿不 失业金能领不")
    assert "客观情况发生重大变化" in answer and "N是5个月" in answer and "失业保险金" in answer
    say("公司整体搬迁到外省 说不去的算自动离职 有补偿吗")
    assert "约12,500元" in say("我干了两年零三个月 月薪5000")


def test_a_leg_hurt_at_work_is_still_an_injury(say):
    assert "工伤认定" in say("干活把腿摔坏了 老板不管")


@pytest.mark.parametrize("text, parts", [
    ("我写了一篇我们镇上办扶贫车间的稿子 能投给你们吗 发哪", ["投稿", "留言"]),
    ("你们是12333吗", ["12333是人社部门的咨询服务热线"]),
    ("我们跟12333是一家的不", ["12333是人社部门的咨询服务热线"]),
    ("半夜十二点打热线有人接吗", ["9:00–18:00"]),
    ("大半夜的 这会儿打电话还有人接不 白天没空", ["9:00–18:00"]),
    ("有没有能加的微信 想私下问问", ["400-633-0111"]),
    ("帮我写一份请假条 理由是我舅舅住院", ["提前30天"]),
    ("帮我写个辞职信", ["试用期内提前3天"]),
    ("上次你们说的补贴我领到了 请你们喝咖啡☕", ["不客气"]),
])
def test_account_questions_get_their_lines(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer
    assert "为您找到" not in answer


def test_a_leave_note_forced_by_the_boss_is_not_a_writing_request(say):
    assert "提前30天书面通知单位" not in say("老板逼我写辞职信 不写就不发工资")


@pytest.mark.parametrize("text", [
    "你们可以和抖音上的招聘主播合作一下 他们粉丝多",
    "点开昨天那篇 什么都没显示",
    "昨天推送的文章打开一片空白",
])
def test_suggestions_and_complaints_are_offered_as_feedback(say, text):
    assert OFFER in say(text)


def test_below_there_is_more_asks_for_the_next_page(say):
    say("最新文章")
    assert "第2/" in say("下面还有吗")


def test_are_you_ill_is_still_an_insult_but_sick_leave_is_not(say):
    assert "抱歉没能帮到您" in say("你是不是有病")
    assert "抱歉没能帮到您" not in say("我有病假条 公司非说我是旷工 扣我全勤还要开除")


def test_a_rider_with_a_labour_contract_gets_the_employees_injury_answer(say):
    assert "工伤认定" in say("我是外卖骑手 跟站点签了劳动合同的 送餐路上被车撞了 算工伤吗")
    assert "职业伤害" in say("外卖骑手送餐摔了 平台说不管")


def test_an_employers_hiring_subsidy_and_the_same_asked_for_another_province(say):
    first = say("北京吸纳失业人员的补贴是多少")
    assert "扩岗补助" in first and "领失业保险金要同时满足" not in first
    again = say("我公司注册在河北燕郊 能享受不")
    assert "河北的具体标准" in again and "北京：" not in again
