"""Round 31, from set36's wrong replies, in words of our own: New Year wishes with 工作顺利, a
mother looking for work at home (带娃 is no outing), social insurance where one works without
the local hukou, income tax on a modest wage, no contract because signing "costs money", a
crowdsourced rider's fall, and a city district named alone (番禺, 宝安).

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"


@pytest.mark.parametrize("text, parts", [
    ("过年好 祝小编身体健康 工作顺利", ["节日快乐"]),
    ("带娃出不了门 想找点在家能干的活", ["家门口就业"]),
    ("外地户口 在杭州送快递 社保能在杭州交吗", ["不受户籍限制"]),
    ("月薪四千五 扣完五险一金 还要交个税吗", ["5000元"]),
    ("在工地干了三个月 老板一直不跟我签合同", ["双倍工资"]),
    ("跑众包的 送单路上摔了 站点说不归他们管", ["职业伤害"]),
])
def test_new_words_reach_their_answers(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer


def test_a_district_named_alone_finds_its_province_s_fairs(say):
    answer = say("宝安有什么招聘会")
    assert any(p in answer for p in ("广东", "佛山", "深圳", "广州")), answer


def test_an_outing_with_the_kids_is_still_off_topic(say):
    assert DECLINE in say("周末带娃去公园玩 推荐个地方")


def test_a_part_timer_let_go_gets_the_part_time_rules_not_severance(say):
    # set37's judge: 非全日制用工 may end at any time without economic compensation (第七十一条)
    answer = say("在面馆兼职 一天干四个钟头 老板说下周不用来了 能要补偿不")
    assert "非全日制" in answer and "经济补偿N" not in answer


def test_an_article_already_linked_is_not_linked_again(say):
    answer = say("退伍两年了 在合肥 有没有专门招退役军人的")
    assert answer.count("相关资讯") == 1, answer
