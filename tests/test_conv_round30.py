"""Round 30, from set35's wrong replies, in words of our own: the follower's own probation
(the limit for their contract, the least pay), severance when a factory moves or closes, a
person of ours asked for in Shanghainese, a traditional-character version suggested, a
festival greeting with thanks, 我要找人, another number when 12333 is busy, and a condition
of the skills subsidy asked right after it.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

HOTLINE = "400-633-0111"


@pytest.mark.parametrize("text, parts", [
    ("合同签了两年 试用期给我定了三个月 合法吗", ["试用期最长2个月", "第八十三条"]),
    ("说好月薪八千 试用期只发五千", ["6,400元", "1,400元"]),
    ("公司整体搬到外省 厂子解散了 我干了三年零八个月 能赔多少", ["N是4个月"]),
])
def test_the_follower_s_own_case(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer


@pytest.mark.parametrize("text, line", [
    ("侬好 阿拉想寻个工作人员 有点事体要问", HOTLINE),
    ("说了半天等于没说 我要找人", HOTLINE),
    ("12333一直占线 你们有没有别的电话", HOTLINE),
    ("能不能出个繁体版 老人家看简体吃力", "回复“1”"),
    ("国庆快乐 小编也辛苦了", "节日快乐"),
])
def test_chat_and_contact_in_new_words(say, text, line):
    assert line in say(text)


def test_an_arabic_translator_is_not_shanghainese(say):
    assert "我伯" not in say("阿拉伯语翻译 有没有招聘")


def test_a_condition_of_the_skills_subsidy_asked_right_after_it(say):
    say("考了焊工证有补贴吗")
    answer = say("俺失业保险才交了五个月 能申请不")
    assert "技能提升补贴" in answer and "满1年" in answer


def test_the_same_words_alone_are_about_unemployment_benefit(say):
    assert "失业保险金" in say("交失业保险不满一年能申请失业金吗")


def test_a_job_seeker_whose_factory_moved_is_still_a_job_seeker(say):
    answer = say("厂子搬到越南去了 我干了二十年 想回老家衡阳找个厂上班 哪里招人")
    assert "公共就业服务" in answer and "经济补偿N" not in answer
