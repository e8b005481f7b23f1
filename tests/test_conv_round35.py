"""Round 35, from set40's wrong replies, in words of our own: the national childcare subsidy,
the elderly-support tax deduction and its share between siblings, twins' maternity leave, a
nanny hired by a family, a stoppage on a living allowance, the months of benefit asked with
被裁员 after its conditions, a mother's school-hours work, a fair calendar and a one-tap dial
suggested, and 内蒙 for 内蒙古.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

OFFER = "回复“1”"


@pytest.mark.parametrize("text, parts", [
    # 育儿补贴制度实施方案 (2025): 3,600 yuan a year a child under three, from 2025-01-01
    ("国家给三岁以下孩子发育儿补贴 我闺女一岁 一年能领多少 在哪申请", ["3600元", "户籍所在地"]),
    ("育儿补贴每个娃都有吗", ["一孩、二孩、三孩都有"]),
    # 个人所得税专项附加扣除: 3,000 a month, siblings at most 1,500 each; tax questions to 12366
    ("我是独生女 爸妈都过了60 赡养老人个税一个月扣多少", ["3000元", "12366"]),
    # 女职工劳动保护特别规定 第七条: 98 days, 15 more for each further baby
    ("怀双胞胎产假有多少天", ["98天", "多胞胎每多生1个加15天"]),
    # 最高法 劳动争议司法解释（一）第二条: household employment is no labour dispute
    ("在雇主家当住家保姆 干了八个月 主人家不要我了 还欠我一个月工钱", ["劳务关系", "12348"]),
    ("给私人老板家带孩子 不签合同 工资拖着不给 找劳动仲裁行吗", ["一般不受理"]),
    # 工资支付暂行规定 第十二条
    ("厂里停产放假两个月了 说是待岗 一个月只给600生活费 合法吗", ["一个工资支付周期", "生活费"]),
    ("公司没活让我们回家等通知 工资一分不发 已经三个月了", ["第三十八条"]),
    ("我是宝妈 只能上午九点到下午三点 南京有啥工作 别推刷单", ["家门口就业"]),
])
def test_questions_reach_their_answers(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer


def test_a_sibling_asks_how_the_deduction_is_shared(say):
    say("赡养老人专项附加扣除")
    assert "每人最多扣1500元" in say("我还有个哥哥 我俩咋分")


def test_the_months_of_benefit_after_its_conditions_though_laid_off(say):
    say("失业金怎么领")
    assert "最长可以领18个月" in say("我交了五年 被裁员的 能领几个月")


def test_a_family_employers_company_is_still_arbitration(say):
    assert "劳务关系" not in say("家政公司拖欠我工资")


def test_a_holiday_is_no_stoppage(say):
    assert "生活费" not in say("春节放假工资怎么算")


@pytest.mark.parametrize("text", ["出个招聘会日历吧 一个月的会一张表看全",
                                  "文章后面加个一键拨号的按钮 省得抄号码"])
def test_features_are_suggestions(say, text):
    assert OFFER in say(text)


def test_nei_meng_is_inner_mongolia(say):
    assert "内蒙古最新资讯" in say("内蒙最近有啥就业消息")
