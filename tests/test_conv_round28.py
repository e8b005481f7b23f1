"""Round 28, from set33's wrong replies, in words of our own: the follower's own figures for
severance (N from the years served, the sum from the wage, the 3× cap) and for the months of
unemployment benefit (several employers added up), said in the question or right after the
answer; chat (sympathy for the editors, the account's name, up early, idle on a rainy day,
payday), privacy from onlookers, who the account is for, whether asking costs money, what a
400 call costs, inviting the staff to speak, the account's name to pass on, a typed question
left for the staff, a free course that charged, a fair long over, a Q&A suggestion and an
outing with the kids.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"
OFFER = "回复“1”"


@pytest.mark.parametrize("first, then, parts", [
    ("被辞退补偿咋算", "在这家干了两年零四个月 月工资六千", ["2.5个月", "15,000元"]),
    ("失业金咋领", "在上家交了两年 这家交了三个月 又被辞了 能领几个月", ["2年3个月", "12个月"]),
])
def test_the_follower_s_own_figures_after_the_answer(say, first, then, parts):
    say(first)
    answer = say(then)
    assert all(p in answer for p in parts), answer


@pytest.mark.parametrize("text, parts", [
    ("干了五年 被辞退了 补偿怎么算", ["N是5个月", "2N"]),
    ("月薪两万 社平五千 干了十五年 被裁了 补偿多少", ["3倍", "180,000元"]),
    ("干了八个月 没签合同 说不要我了 能要啥赔偿", ["N是1个月", "双倍工资"]),
    ("交了半年社保 被辞了 能领失业金吗", ["不满1年"]),
])
def test_the_follower_s_own_figures_in_the_question(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer


def test_a_sick_worker_s_years_are_not_a_severance_sum(say):
    assert "N是" not in say("在这家干了三年 查出病要住院半年 公司会不会辞了我")


@pytest.mark.parametrize("text, line", [
    ("小编你们天天写稿也挺辛苦", "谢谢您的肯定"),
    ("就业桥这个名字挺好记", "谢谢您的肯定"),
    ("这么早你也在上班啊", "自动回复助手"),
    ("下雨停工了 在家闲得慌", "辛苦啦"),
    ("今天发工资了 开心", "恭喜发薪"),
    ("会不会有人在后台看我们聊天", "只用来回答您"),
    ("这号适合什么人看 我们种地的有用没", "全国就业资讯服务平台"),
    ("在这问问题收钱不", "不会向您收费"),
    ("打你们400收费吗 我没通话时长了", "本地通话费"),
    ("想请你们来给我们快递站的小哥讲讲政策 怎么约", "400-633-0111"),
    ("你们公众号叫什么 我想推给工友", "推荐给朋友"),
    ("能在这打字留个问题 等人回复吗", "请直接发送"),
    ("周末想带娃去郊区玩 有啥好地方", DECLINE),
])
def test_chat_and_the_account_asked_in_new_words(say, text, line):
    assert line in say(text)


@pytest.mark.parametrize("text, line", [
    ("你们推的免费培训 去了说要交五百材料费", "不应该再向学员收"),
    ("那个招聘会我请假去了 早结束了 文章也没标日期", "抱歉"),
    ("建议文章后面附个常见问答", "建议"),
])
def test_complaints_and_suggestions_are_offered_as_feedback(say, text, line):
    answer = say(text)
    assert line in answer and OFFER in answer


def test_a_restaurant_s_hourly_workers_are_part_time_employees_not_household_help(say):
    answer = say("开了个小面馆 雇了个钟点工 一天干三个钟头 要给她上工伤保险吗")
    assert "非全日制" in answer and "劳务关系" not in answer


def test_a_household_s_hourly_helper_is_still_household_help(say):
    assert "劳务关系" in say("在东家当钟点工 擦窗户摔了 谁管")
